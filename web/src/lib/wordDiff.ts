/**
 * Side-by-side word diff of two versions, on jsdiff's diffWords (a maintained Myers diff):
 * this only arranges its output into a left column (what the older version had: equal and
 * removed words) and a right column (equal and added words).
 */
import { diffWords } from "diff";

export type DiffPart = { text: string; kind: "same" | "removed" | "added" };

export interface SideBySide {
  left: DiffPart[];
  right: DiffPart[];
  added: number;
  removed: number;
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => w !== "").length;
}

/** The two columns, and how many words were added and removed (whitespace not counted). */
export function sideBySide(before: string, after: string): SideBySide {
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffWords(before, after)) {
    if (change.added) {
      right.push({ text: change.value, kind: "added" });
      added += wordCount(change.value);
    } else if (change.removed) {
      left.push({ text: change.value, kind: "removed" });
      removed += wordCount(change.value);
    } else {
      left.push({ text: change.value, kind: "same" });
      right.push({ text: change.value, kind: "same" });
    }
  }
  return { left, right, added, removed };
}
