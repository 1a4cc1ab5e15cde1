import { describe, expect, it } from "vitest";
import { clampSpans, removeSpan, replaceSpan, segments, spanText } from "./highlight";

describe("span highlighting", () => {
  it("cuts before / mark / after", () => {
    expect(segments("Buy eco stuff", [{ key: "a", start: 4, end: 7 }])).toEqual([
      { text: "Buy ", keys: [] },
      { text: "eco", keys: ["a"] },
      { text: " stuff", keys: [] },
    ]);
  });

  it("splits overlapping and adjacent spans at every boundary", () => {
    const parts = segments("abcdefgh", [
      { key: "x", start: 1, end: 5 },
      { key: "y", start: 3, end: 7 },
      { key: "z", start: 7, end: 8 },
    ]);
    expect(parts).toEqual([
      { text: "a", keys: [] },
      { text: "bc", keys: ["x"] },
      { text: "de", keys: ["x", "y"] },
      { text: "fg", keys: ["y"] },
      { text: "h", keys: ["z"] },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe("abcdefgh");
  });

  it("clamps out-of-range spans and drops empty, reversed or non-numeric ones", () => {
    expect(clampSpans([
      { key: "a", start: -5, end: 2 },
      { key: "b", start: 3, end: 99 },
      { key: "c", start: 4, end: 4 },
      { key: "d", start: 5, end: 1 },
      { key: "e", start: Number.NaN, end: 3 },
      { key: "f", start: 50, end: 60 },
    ], 6)).toEqual([
      { key: "a", start: 0, end: 2 },
      { key: "b", start: 3, end: 6 },
    ]);
    expect(segments("", [{ key: "a", start: 0, end: 3 }])).toEqual([]);
  });

  it("counts code points as the auditor does, never splitting an emoji", () => {
    const text = "😀 green 😀";
    expect(spanText(text, 2, 7)).toBe("green");
    const parts = segments(text, [{ key: "a", start: 0, end: 1 }]);
    expect(parts[0]).toEqual({ text: "😀", keys: ["a"] });
  });

  it("keeps markup as text: segments are strings, never parsed", () => {
    const text = "<img src=x onerror=alert(1)> hi";
    const parts = segments(text, [{ key: "a", start: 0, end: 28 }]);
    expect(parts[0]?.text).toBe("<img src=x onerror=alert(1)>");
  });

  it("replaces and removes a span tidily", () => {
    expect(replaceSpan("the best bottle", 4, 8, "a good")).toBe("the a good bottle");
    expect(removeSpan("Our plastic bottle", 4, 11)).toBe("Our bottle");
    expect(removeSpan("Plastic bottle", 0, 7)).toBe("bottle");
    expect(removeSpan("Free of plastic.", 8, 15)).toBe("Free of.");
    expect(replaceSpan("abc", 5, 9, "x")).toBeNull();
  });
});
