import { describe, expect, it } from "vitest";
import { humanPath, parsePath, readField, stringLeaves, textFields, versionText, writeField } from "./fields";
import { applyFix, findingKind, fixReplacement, groupFindings } from "./findings";
import type { ComplianceIssue, CopyData, ShortCopyData } from "./types";

const COPY: CopyData = {
  headlines: ["Plastic-free summer", "Cold for 24 hours", "Go further"],
  bodyShort: "Our plastic bottle is the best.",
  bodyMedium: "m",
  bodyLong: "l",
  callsToAction: ["Buy", "Try", "Go"],
  toneSummary: "t",
  keywords: [],
};

function issue(over: Partial<ComplianceIssue>): ComplianceIssue {
  return {
    ruleId: "brief.avoid.plastic",
    artifactType: "Copy",
    artifactVersionId: "v1",
    field: "bodyShort",
    span: { start: 4, end: 11 },
    excerpt: "plastic",
    issueDescription: "d",
    severity: "High",
    suggestion: "s",
    source: "brief",
    fix: { kind: "remove", target: "plastic" },
    ...over,
  };
}

describe("fields by the auditor's paths", () => {
  it("reads and writes bracket and dotted paths", () => {
    expect(parsePath("concepts[1].altText")).toEqual(["concepts", 1, "altText"]);
    expect(parsePath("posts.2.text")).toEqual(["posts", 2, "text"]);
    expect(parsePath("bad..path")).toBeNull();
    expect(readField(COPY, "headlines[1]")).toBe("Cold for 24 hours");
    const next = writeField(COPY, "headlines[0]", "Summer");
    expect(next?.headlines).toEqual(["Summer", "Cold for 24 hours", "Go further"]);
    expect(COPY.headlines[0]).toBe("Plastic-free summer");
    expect(writeField(COPY, "headlines[9]", "x")).toBeNull();
    expect(writeField(COPY, "keywords", "x")).toBeNull();
  });

  it("finds every string of data of any shape, with readable labels", () => {
    const leaves = stringLeaves({ concepts: [{ headline: "H", palette: ["#fff"] }], chosenIndex: 0 });
    expect(leaves).toEqual([
      { path: "concepts[0].headline", text: "H" },
      { path: "concepts[0].palette[0]", text: "#fff" },
    ]);
    expect(humanPath("concepts[0].altText")).toBe("Concepts · 1 · alt text");
    expect(humanPath("bodyLong")).toBe("Body long");
  });

  it("gives one text per version from its fields, for diffs", () => {
    const text = versionText("Copy", COPY);
    expect(text.startsWith("Headline 1\nPlastic-free summer\n\nHeadline 2\nCold for 24 hours")).toBe(true);
    expect(text).toContain("Short body\nOur plastic bottle is the best.");
  });

  it("lists every editable text of short copy", () => {
    const data: ShortCopyData = {
      posts: [
        { platform: "X", text: "a", characterCount: 1, limit: 280, overLimit: false, hashtags: [] },
        { platform: "X", text: "b", characterCount: 1, limit: 280, overLimit: false, hashtags: [] },
      ],
    };
    expect(textFields("ShortCopy", data).map((f) => f.label)).toEqual(["X variant 1", "X variant 2"]);
  });
});

describe("findings", () => {
  it("tells regulatory findings from brand style advice", () => {
    expect(findingKind(issue({ ruleId: "env.generic-claim" }))).toBe("Regulatory");
    expect(findingKind(issue({ ruleId: "brand.reading-level" }))).toBe("Brand style");
    expect(findingKind(issue({ ruleId: "x.y", category: "regulatory" }))).toBe("Regulatory");
    expect(findingKind(issue({ ruleId: "new-pack.rule" }))).toBe("Other");
    expect(findingKind(issue({ ruleId: "learned.health", category: undefined }))).toBe("Regulatory");
  });

  it("offers a mechanical fix only when the rule has one", () => {
    expect(fixReplacement(issue({ fix: { kind: "rewrite" } }))).toBeNull();
    expect(fixReplacement(issue({ fix: null, replacement: "steel" }))).toBe("steel");
    expect(fixReplacement(issue({ fix: { kind: "replace", replacement: "reusable" } }))).toBe("reusable");
  });

  it("applies a fix to the exact words, and refuses when the words have changed", () => {
    expect(applyFix(COPY, issue({}))?.bodyShort).toBe("Our bottle is the best.");
    const replaced = applyFix(COPY, issue({ ruleId: "ads.superlative", span: { start: 26, end: 30 }, excerpt: "best", fix: { kind: "replace", replacement: "good" } }));
    expect(replaced?.bodyShort).toBe("Our plastic bottle is the good.");
    expect(applyFix({ ...COPY, bodyShort: "Rewritten entirely now" }, issue({}))).toBeNull();
    expect(applyFix(COPY, issue({ fix: { kind: "rewrite" } }))).toBeNull();
  });

  it("never removes part of a word (a product name is a person's decision)", () => {
    const named = { ...COPY, bodyShort: "Meet PlasticPal today." };
    expect(applyFix(named, issue({ span: { start: 5, end: 12 }, excerpt: "Plastic" }))).toBeNull();
    const replaced = applyFix(named, issue({ span: { start: 5, end: 12 }, excerpt: "Plastic", fix: null, replacement: "Eco" }));
    expect(replaced?.bodyShort).toBe("Meet EcoPal today.");
  });

  it("groups by artifact then severity, most severe first", () => {
    const groups = groupFindings([
      issue({ severity: "Low" }),
      issue({ artifactType: "Visual" }),
      issue({ severity: "Critical" }),
      issue({}),
    ]);
    expect(groups.map((g) => `${g.artifactType}/${g.severity}`)).toEqual(["Copy/Critical", "Copy/High", "Copy/Low", "Visual/High"]);
  });
});
