/**
 * How each platform counts a post, mirrored from marketing_agents/platforms.py (which the
 * short-copy writer and the auditor use), so that a preview's "n / limit" is the figure the
 * API stored and the figure the platform would show:
 *
 * - X: twitter-text v3 weighted length (NFC; code points in U+0000–U+10FF, U+2000–U+200D,
 *   U+2010–U+201F, U+2032–U+2037 weigh 1, others 2; a URL counts 23; an emoji sequence 2).
 * - Instagram, LinkedIn, Facebook, Threads: code points after NFC.
 *
 * Python indexes strings by code point; JavaScript by UTF-16 unit. Everything here walks code
 * points, never UTF-16 units.
 */
import type { Platform } from "./types";

export interface PlatformSpec {
  platform: Platform;
  limit: number;
  counting: "weighted" | "codepoints";
  maxHashtags: number | null;
  recommendedLength: number | null;
  recommendedHashtags: number | null;
}

export const PLATFORM_SPECS: Record<Platform, PlatformSpec> = {
  X: { platform: "X", limit: 280, counting: "weighted", maxHashtags: null, recommendedLength: null, recommendedHashtags: 2 },
  Instagram: { platform: "Instagram", limit: 2200, counting: "codepoints", maxHashtags: 30, recommendedLength: 125, recommendedHashtags: 5 },
  LinkedIn: { platform: "LinkedIn", limit: 3000, counting: "codepoints", maxHashtags: null, recommendedLength: 210, recommendedHashtags: 3 },
  Facebook: { platform: "Facebook", limit: 63206, counting: "codepoints", maxHashtags: null, recommendedLength: 80, recommendedHashtags: 2 },
  Threads: { platform: "Threads", limit: 500, counting: "codepoints", maxHashtags: null, recommendedLength: null, recommendedHashtags: 1 },
};

export const X_URL_LENGTH = 23;

const TLDS = "com|org|net|io|co|ai|app|dev|edu|gov|info|biz|shop|store|me|ly|uk|de|fr|eu|us|ca|au|in|jp";
// Python's \w and \b are Unicode-aware; spelled out here with Unicode classes.
const WORD = "[\\p{L}\\p{N}_]";
const URL_RE = new RegExp(
  `(?:https?://[^\\s<>"]+|(?<!(?:${WORD}|[@.\\-]))(?:www\\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:${TLDS})(?!${WORD})(?:/[^\\s<>"]*)?)`,
  "giu",
);
const URL_TRAILING = ".,;:!?)]}'\"";

/** URL spans as code-point indices of `text`, trailing punctuation excluded. */
export function findUrls(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(URL_RE)) {
    const startUnit = m.index ?? 0;
    let url = m[0];
    while (url.length > 0 && URL_TRAILING.includes(url[url.length - 1] ?? "")) url = url.slice(0, -1);
    const start = Array.from(text.slice(0, startUnit)).length;
    spans.push([start, start + Array.from(url).length]);
  }
  return spans;
}

const ZWJ = 0x200d;
const VS16 = 0xfe0f;
const KEYCAP = 0x20e3;
const PICTO_RANGES: readonly (readonly [number, number])[] = [
  [0x1f000, 0x1faff], [0x2600, 0x27bf], [0x2300, 0x23ff], [0x2b00, 0x2bff], [0x2190, 0x21ff],
  [0x25a0, 0x25ff], [0x2900, 0x297f], [0x3030, 0x3030], [0x303d, 0x303d], [0x3297, 0x3297], [0x3299, 0x3299],
];
const TEXT_DEFAULT = new Set([0xa9, 0xae, 0x203c, 0x2049, 0x2122, 0x2139, 0x24c2]);

const isPicto = (cp: number) => PICTO_RANGES.some(([lo, hi]) => lo <= cp && cp <= hi);
const isModifier = (cp: number) => (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === VS16 || (cp >= 0xe0020 && cp <= 0xe007f);

/** End (exclusive) of the emoji sequence starting at code point i, or i when none starts there. */
function emojiEnd(cps: number[], i: number): number {
  const n = cps.length;
  const cp = cps[i] ?? 0;
  const next = i + 1 < n ? (cps[i + 1] ?? 0) : 0;
  if (cp >= 0x1f1e6 && cp <= 0x1f1ff) return next >= 0x1f1e6 && next <= 0x1f1ff ? i + 2 : i + 1;
  if ("0123456789#*".includes(String.fromCodePoint(cp))) {
    const j = i + 1 + (next === VS16 ? 1 : 0);
    return j < n && cps[j] === KEYCAP ? j + 1 : i;
  }
  if (TEXT_DEFAULT.has(cp)) {
    if (next !== VS16) return i;
  } else if (!isPicto(cp)) {
    return i;
  }
  let j = i + 1;
  while (j < n) {
    const c = cps[j] ?? 0;
    const after = cps[j + 1] ?? 0;
    if (isModifier(c)) j += 1;
    else if (c === ZWJ && j + 1 < n && (isPicto(after) || TEXT_DEFAULT.has(after))) j += 2;
    else break;
  }
  return j;
}

const WEIGHT_1: readonly (readonly [number, number])[] = [[0x0000, 0x10ff], [0x2000, 0x200d], [0x2010, 0x201f], [0x2032, 0x2037]];
const weight = (cp: number) => (WEIGHT_1.some(([lo, hi]) => lo <= cp && cp <= hi) ? 1 : 2);

function codePoints(text: string): number[] {
  return Array.from(text, (ch) => ch.codePointAt(0) ?? 0);
}

/** twitter-text v3 weighted length: what X compares with its 280 limit. */
export function xWeightedLength(raw: string): number {
  const text = raw.normalize("NFC");
  const urls = new Map(findUrls(text));
  const cps = codePoints(text);
  let total = 0;
  let i = 0;
  while (i < cps.length) {
    const urlEnd = urls.get(i);
    if (urlEnd !== undefined) {
      total += X_URL_LENGTH;
      i = urlEnd;
      continue;
    }
    const end = emojiEnd(cps, i);
    if (end > i) {
      total += 2;
      i = end;
      continue;
    }
    total += weight(cps[i] ?? 0);
    i += 1;
  }
  return total;
}

export function codePointLength(text: string): number {
  return Array.from(text.normalize("NFC")).length;
}

const TAG_CHAR = /[\p{L}\p{N}\p{M}_]/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Hashtags in order, as written (with their "#"), twitter-text style like platforms.py. */
export function extractHashtags(raw: string): string[] {
  const chars = Array.from(raw.normalize("NFC"));
  const tags: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? "";
    const prev = i > 0 ? (chars[i - 1] ?? "") : "";
    if ((ch === "#" || ch === "＃") && (i === 0 || !(TAG_CHAR.test(prev) || prev === "&"))) {
      let j = i + 1;
      while (j < chars.length && TAG_CHAR.test(chars[j] ?? "")) j += 1;
      const body = chars.slice(i + 1, j);
      if (body.some((c) => LETTER_OR_MARK.test(c))) tags.push(chars.slice(i, j).join(""));
      i = Math.max(j, i + 1);
    } else {
      i += 1;
    }
  }
  return tags;
}

export interface Measurement {
  count: number;
  limit: number;
  overLimit: boolean;
  hashtags: string[];
  maxHashtags: number | null;
  tooManyHashtags: boolean;
}

export function countFor(text: string, platform: Platform): number {
  return PLATFORM_SPECS[platform].counting === "weighted" ? xWeightedLength(text) : codePointLength(text);
}

/** Count `text` the way `platform` does and compare it with the platform's limits. */
export function measure(text: string, platform: Platform): Measurement {
  const spec = PLATFORM_SPECS[platform];
  const count = countFor(text, platform);
  const hashtags = extractHashtags(text);
  return {
    count,
    limit: spec.limit,
    overLimit: count > spec.limit,
    hashtags,
    maxHashtags: spec.maxHashtags,
    tooManyHashtags: spec.maxHashtags !== null && hashtags.length > spec.maxHashtags,
  };
}
