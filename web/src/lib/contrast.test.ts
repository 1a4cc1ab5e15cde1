import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio, grade, parseHex } from "./contrast";

describe("WCAG contrast (same figures as marketing_agents/colour.py)", () => {
  it.each([
    ["#FFFFFF", "#000000", 21.0],
    ["#1B4332", "#F4F9F4", 10.39461508475817],
    ["#777", "#FFF", 4.478089453577214],
    ["#2D6A4F", "#FFFFFF", 6.390565898997949],
  ])("%s on %s", (a, b, expected) => {
    expect(contrastRatio(a, b)).toBeCloseTo(expected, 10);
    expect(contrastRatio(b, a)).toBeCloseTo(expected, 10);
  });

  it("refuses what is not a hex colour", () => {
    expect(parseHex("red")).toBeNull();
    expect(parseHex("#12345")).toBeNull();
    expect(contrastRatio("#fff", "nope")).toBeNull();
    expect(parseHex(" 0a0B0c ")).toEqual([10, 11, 12]);
  });

  it("grades and never rounds a failing ratio up to a pass", () => {
    expect(grade(4.5)).toBe("AA");
    expect(grade(4.499)).toBe("AA large only");
    expect(grade(2.9)).toBe("Fails AA");
    expect(formatRatio(4.4999)).toBe("4.49:1");
    expect(formatRatio(21)).toBe("21.00:1");
  });
});
