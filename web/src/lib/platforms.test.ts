import { describe, expect, it } from "vitest";
import { codePointLength, extractHashtags, findUrls, measure, xWeightedLength } from "./platforms";

// Expected figures are what marketing_agents/platforms.py gives for the same text.
const CASES: [string, number, number, string[], [number, number][]][] = [
  ["Hello world", 11, 11, [], []],
  ["日本語のテキスト", 16, 8, [], []],
  ["Visit https://example.com/path?x=1, now!", 35, 40, [], [[6, 34]]],
  ["see www.eco.com.", 28, 16, [], [[4, 15]]],
  ["👍🏽 family 👨\u200d👩\u200d👧 flag 🇫🇷 keycap 1️⃣", 30, 34, [], []],
  ["cafe\u0301\u0301", 5, 5, [], []],
  ["Tags #eco #1 a#b #über &#x ＃全角", 33, 30, ["#eco", "#über", "＃全角"], []],
  ["“quotes” — dash", 15, 15, [], []],
  ["©️ and © plain", 14, 14, [], []],
  ["mail me at a@b.com or b.io", 45, 26, [], [[22, 26]]],
];

describe("platform measurement mirrors platforms.py", () => {
  it.each(CASES)("%s", (text, weighted, codepoints, tags, urls) => {
    expect(xWeightedLength(text)).toBe(weighted);
    expect(codePointLength(text)).toBe(codepoints);
    expect(extractHashtags(text)).toEqual(tags);
    expect(findUrls(text.normalize("NFC"))).toEqual(urls);
  });

  it("marks a post over the platform's limit, the platform's way", () => {
    const cjk = "語".repeat(141); // 141 code points, weighted 282 on X
    expect(measure(cjk, "X")).toMatchObject({ count: 282, limit: 280, overLimit: true });
    expect(measure(cjk, "Threads")).toMatchObject({ count: 141, limit: 500, overLimit: false });
    expect(measure("a".repeat(280), "X").overLimit).toBe(false);
    expect(measure("a".repeat(281), "X").overLimit).toBe(true);
  });

  it("counts hashtags against Instagram's 30", () => {
    const tags = Array.from({ length: 31 }, (_, i) => `#tag${String.fromCharCode(97 + (i % 26))}${i}`).join(" ");
    const m = measure(tags, "Instagram");
    expect(m.hashtags).toHaveLength(31);
    expect(m.tooManyHashtags).toBe(true);
    expect(measure(tags, "X").tooManyHashtags).toBe(false);
  });
});
