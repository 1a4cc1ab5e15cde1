/**
 * Span highlighting: the auditor's findings point at code-point offsets into one field of an
 * artifact (marketing_agents: Python indexes by code point). These functions cut a text into
 * plain and marked segments, safely: spans out of range are clamped or dropped, overlapping
 * spans are split at every boundary, and astral characters (emoji) are never cut in half.
 * The result is rendered as React text inside <mark>, never as HTML.
 */

export interface KeyedSpan {
  key: string;
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** Keys of the spans covering this segment, in the order the spans were given. */
  keys: string[];
}

/** Spans clamped to [0, length], with empty, reversed or non-integer ones dropped. */
export function clampSpans(spans: readonly KeyedSpan[], length: number): KeyedSpan[] {
  const out: KeyedSpan[] = [];
  for (const span of spans) {
    if (!Number.isFinite(span.start) || !Number.isFinite(span.end)) continue;
    const start = Math.max(0, Math.min(length, Math.trunc(span.start)));
    const end = Math.max(0, Math.min(length, Math.trunc(span.end)));
    if (end > start) out.push({ key: span.key, start, end });
  }
  return out;
}

/** `text` cut at every span boundary; segments covered by no span have no keys. */
export function segments(text: string, spans: readonly KeyedSpan[]): Segment[] {
  const chars = Array.from(text);
  const valid = clampSpans(spans, chars.length);
  const cuts = new Set<number>([0, chars.length]);
  for (const span of valid) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const from = points[i] ?? 0;
    const to = points[i + 1] ?? 0;
    if (to <= from) continue;
    const keys = valid.filter((s) => s.start <= from && s.end >= to).map((s) => s.key);
    out.push({ text: chars.slice(from, to).join(""), keys });
  }
  return out;
}

/** The words a span covers (code points), or "" when it is out of range. */
export function spanText(text: string, start: number, end: number): string {
  const [span] = clampSpans([{ key: "", start, end }], Array.from(text).length);
  return span ? Array.from(text).slice(span.start, span.end).join("") : "";
}

/** `text` with the code points [start, end) replaced by `replacement`. */
export function replaceSpan(text: string, start: number, end: number, replacement: string): string | null {
  const chars = Array.from(text);
  const [span] = clampSpans([{ key: "", start, end }], chars.length);
  if (!span) return null;
  return chars.slice(0, span.start).join("") + replacement + chars.slice(span.end).join("");
}

/**
 * The text after a removal: the span goes, and so does one space that would otherwise be
 * doubled (or left before punctuation), so removing a word leaves tidy text.
 */
export function removeSpan(text: string, start: number, end: number): string | null {
  const chars = Array.from(text);
  const [span] = clampSpans([{ key: "", start, end }], chars.length);
  if (!span) return null;
  let from = span.start;
  let to = span.end;
  const before = chars[from - 1];
  const after = chars[to];
  if (after === " " && (before === undefined || before === " ")) to += 1;
  else if (before === " " && (after === undefined || /[\s.,;:!?)]/u.test(after))) from -= 1;
  return chars.slice(0, from).join("") + chars.slice(to).join("");
}
