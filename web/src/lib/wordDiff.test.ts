import { describe, expect, it } from "vitest";
import { sideBySide } from "./wordDiff";

describe("side-by-side word diff", () => {
  it("puts removed words left, added words right, equal words on both", () => {
    const d = sideBySide("Our plastic bottle keeps drinks cold", "Our steel bottle keeps drinks cold");
    expect(d.left.map((p) => p.text).join("")).toBe("Our plastic bottle keeps drinks cold");
    expect(d.right.map((p) => p.text).join("")).toBe("Our steel bottle keeps drinks cold");
    expect(d.left.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["plastic"]);
    expect(d.right.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["steel"]);
    expect(d.left.some((p) => p.kind === "added")).toBe(false);
    expect([d.removed, d.added]).toEqual([1, 1]);
  });

  it("reports no change for equal texts", () => {
    const d = sideBySide("same words here", "same words here");
    expect(d.added + d.removed).toBe(0);
    expect(d.left).toEqual(d.right);
  });
});
