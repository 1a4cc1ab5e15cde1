/** Figures printed for the closing note (never asserted: timing depends on the machine). */

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (v: number): string => `${v.toFixed(1)} ms`;
  return `n=${sorted.length}, p50 ${fmt(percentile(sorted, 0.5))}, p95 ${fmt(percentile(sorted, 0.95))}, max ${fmt(sorted[sorted.length - 1] ?? Number.NaN)}`;
}

export function printFigure(name: string, value: string): void {
  console.log(`[dashboard e2e] figure: ${name}: ${value}`);
}
