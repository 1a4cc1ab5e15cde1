/**
 * WCAG 2.x contrast, as marketing_agents/colour.py computes it (same luminance, same
 * 0.04045 threshold), so the ratios the dashboard shows next to a palette are the ones the
 * auditor's contrast rule judged.
 */
export const AA_NORMAL = 4.5;
export const AA_LARGE = 3.0;

export type Rgb = readonly [number, number, number];

export function parseHex(value: string): Rgb | null {
  const match = /^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/.exec(value.trim());
  if (!match) return null;
  let digits = match[1] ?? "";
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join("");
  return [parseInt(digits.slice(0, 2), 16), parseInt(digits.slice(2, 4), 16), parseInt(digits.slice(4, 6), 16)];
}

export function relativeLuminance(rgb: Rgb): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
}

/** (lighter + 0.05) / (darker + 0.05), from 1 to 21; null when either is not a hex colour. */
export function contrastRatio(a: string, b: string): number | null {
  const x = parseHex(a);
  const y = parseHex(b);
  if (!x || !y) return null;
  const la = relativeLuminance(x);
  const lb = relativeLuminance(y);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export type ContrastGrade = "AA" | "AA large only" | "Fails AA";

export function grade(ratio: number): ContrastGrade {
  if (ratio >= AA_NORMAL) return "AA";
  if (ratio >= AA_LARGE) return "AA large only";
  return "Fails AA";
}

/** Ratios are shown truncated to two decimals, so 4.499 never reads as a passing 4.50. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
