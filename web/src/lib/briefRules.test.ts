import { describe, expect, it } from "vitest";
import {
  EMPTY_DRAFT,
  briefFromDraft,
  fieldErrorsByField,
  hasErrors,
  parseDraft,
  stripText,
  validateBrief,
  type BriefDraft,
} from "./briefRules";

const VALID: BriefDraft = {
  ...EMPTY_DRAFT,
  theme: "Summer launch",
  product: "EcoBottle",
  targetAudience: "Hikers",
  tone: "Inspiring",
};

describe("brief validation mirrors CampaignBrief", () => {
  it("accepts a complete brief", () => {
    expect(hasErrors(validateBrief(VALID))).toBe(false);
  });

  it("requires the four texts, and whitespace alone (no-break space included) is blank", () => {
    const errors = validateBrief({ ...EMPTY_DRAFT, theme: " \u00a0\u2003", product: "" });
    expect(Object.keys(errors).sort()).toEqual(["product", "targetAudience", "theme", "tone"]);
  });

  it("counts code points of the value as sent", () => {
    expect(validateBrief({ ...VALID, product: "😀".repeat(200) }).product).toBeUndefined();
    expect(validateBrief({ ...VALID, product: "😀".repeat(201) }).product).toHaveLength(1);
    expect(validateBrief({ ...VALID, product: "\u00a0" + "a".repeat(200) }).product).toHaveLength(1);
    expect(validateBrief({ ...VALID, theme: "t".repeat(2000) }).theme).toBeUndefined();
    expect(validateBrief({ ...VALID, theme: "t".repeat(2001) }).theme).toHaveLength(1);
  });

  it("checks list items, their count and repeats", () => {
    const errors = validateBrief({
      ...VALID,
      constraints: ["No plastic", "No plastic", " ", "x".repeat(501)],
      evidence: Array.from({ length: 21 }, (_, i) => `fact ${i}`),
    });
    expect(errors.constraints).toHaveLength(3);
    expect(errors.evidence).toHaveLength(1);
  });

  it("needs a platform and a well-formed brand kit id", () => {
    expect(validateBrief({ ...VALID, platforms: [] }).platforms).toBeDefined();
    expect(validateBrief({ ...VALID, brandKit: "Acme Outdoor" }).brandKit).toBeDefined();
    expect(validateBrief({ ...VALID, brandKit: "acme-outdoor" }).brandKit).toBeUndefined();
  });

  it("sends optional fields only when given, platforms in canonical order", () => {
    const brief = briefFromDraft({ ...VALID, platforms: ["Threads", "X"] });
    expect(brief).not.toHaveProperty("name");
    expect(brief).not.toHaveProperty("brandKit");
    expect(brief.platforms).toEqual(["X", "Threads"]);
  });

  it("strips the same whitespace the API strips", () => {
    expect(stripText("\u3000 hi \ufeff")).toBe("hi");
  });
});

describe("the API's field errors", () => {
  it("land next to their fields, list items named", () => {
    const byField = fieldErrorsByField([
      { field: "targetAudience", message: "String should have at most 2000 characters" },
      { field: "constraints.2", message: "must not be blank" },
      { field: "language", message: "String should match pattern" },
    ]);
    expect(byField.targetAudience).toEqual(["String should have at most 2000 characters"]);
    expect(byField.constraints).toEqual(["Item 3: must not be blank"]);
    expect(byField[""]).toEqual(["language: String should match pattern"]);
  });
});

describe("the stored draft", () => {
  it("round-trips and refuses what is not a draft", () => {
    expect(parseDraft(JSON.stringify(VALID))).toEqual(VALID);
    expect(parseDraft("not json")).toBeNull();
    expect(parseDraft("42")).toBeNull();
    expect(parseDraft(JSON.stringify({ theme: 1, platforms: ["X", "Myspace"] }))).toMatchObject({ theme: "", platforms: ["X"] });
  });
});
