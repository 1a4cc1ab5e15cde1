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

export function sideBySide(before: string, after: string): SideBySide {
  const left: DiffPart[] = [];
  const right: DiffPart[] = [];
  let added = 0;
  let removed = 0;
  for (const change of diffWords(before, after)) {
    if (change.added) {
      right.push({ text: change.value, kind: "added" });
      added += change.count ?? 0;
    } else if (change.removed) {
      left.push({ text: change.value, kind: "removed" });
      removed += change.count ?? 0;
    } else {
      left.push({ text: change.value, kind: "same" });
      right.push({ text: change.value, kind: "same" });
    }
  }
  return { left, right, added, removed };
}
