/**
 * What the dashboard says about findings: which kind of rule raised one (regulatory law vs
 * the brand's style, accessibility, platform limits, the brief's own constraints), whether
 * it blocks approval, the mechanical fix a rule offers, and grouping for the audit view.
 */
import { readField, writeField } from "./fields";
import { removeSpan, replaceSpan } from "./highlight";
import {
  BLOCKING_SEVERITIES,
  SEVERITIES,
  type ArtifactData,
  type ArtifactType,
  type ComplianceIssue,
  type Severity,
} from "./types";

export type FindingKind = "Regulatory" | "Brand style" | "Brief" | "Accessibility" | "Platform" | "Judge" | "Other";

/** Rule-id prefixes of the packs in marketing_agents/compliance/packs (and the generated brief rules). */
const PREFIX_KIND: Record<string, FindingKind> = {
  env: "Regulatory",
  fin: "Regulatory",
  ads: "Regulatory",
  health: "Regulatory",
  endorse: "Regulatory",
  claims: "Regulatory",
  claim: "Regulatory",
  brand: "Brand style",
  brief: "Brief",
  a11y: "Accessibility",
  platform: "Platform",
  judge: "Judge",
  learned: "Regulatory", // the learned second opinion's claim findings (learned.<area>)
};

/** The pack kinds the API may send in `category` (pack `kind:` values). */
const CATEGORY_KIND: Record<string, FindingKind> = {
  regulatory: "Regulatory",
  "brand-kit": "Brand style",
  brand: "Brand style",
  style: "Brand style",
  brief: "Brief",
  accessibility: "Accessibility",
  platform: "Platform",
  judge: "Judge",
};

export function findingKind(issue: ComplianceIssue): FindingKind {
  if (issue.category) {
    const kind = CATEGORY_KIND[issue.category.toLowerCase()];
    if (kind) return kind;
  }
  const prefix = issue.ruleId.split(".")[0] ?? "";
  return PREFIX_KIND[prefix] ?? "Other";
}

export function isBlocking(issue: ComplianceIssue): boolean {
  return BLOCKING_SEVERITIES.includes(issue.severity);
}

export function findingKey(issue: ComplianceIssue, index: number): string {
  return `${index}:${issue.ruleId}:${issue.field}:${issue.span?.start ?? ""}-${issue.span?.end ?? ""}`;
}

/** The text a mechanical fix puts in place of the span, or null when the rule has none. */
export function fixReplacement(issue: ComplianceIssue): string | null {
  if (typeof issue.replacement === "string") return issue.replacement;
  if (issue.fix?.kind === "replace" && typeof issue.fix.replacement === "string") return issue.fix.replacement;
  if (issue.fix?.kind === "remove") return "";
  return null;
}

/** `data` with the finding's fix applied to its field, or null when it cannot be applied
 * (no mechanical fix, no span, or the field no longer holds the words the finding quoted). */
export function applyFix<T extends ArtifactData>(data: T, issue: ComplianceIssue): T | null {
  const replacement = fixReplacement(issue);
  if (replacement === null || !issue.span) return null;
  const text = readField(data, issue.field);
  if (text === null) return null;
  const chars = Array.from(text);
  const quoted = chars.slice(issue.span.start, issue.span.end).join("");
  if (issue.excerpt && !issue.excerpt.includes(quoted) && !quoted.includes(issue.excerpt)) return null;
  // A removal is mechanical only for whole words: cutting "Plastic" out of "PlasticPal"
  // would change a name, which a person must decide.
  if (replacement === "" && !wholeWords(chars, issue.span.start, issue.span.end)) return null;
  const next =
    replacement === ""
      ? removeSpan(text, issue.span.start, issue.span.end)
      : replaceSpan(text, issue.span.start, issue.span.end, replacement);
  return next === null ? null : writeField(data, issue.field, next);
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;

/** True when [start, end) neither starts nor ends inside a word. */
function wholeWords(chars: string[], start: number, end: number): boolean {
  const inside = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && WORD_CHAR.test(a) && WORD_CHAR.test(b);
  return !inside(chars[start - 1], chars[start]) && !inside(chars[end - 1], chars[end]);
}

export interface FindingGroup {
  artifactType: ArtifactType;
  severity: Severity;
  items: { issue: ComplianceIssue; index: number }[];
}

/** Findings by artifact (Copy, ShortCopy, Visual) then severity (Critical first). */
export function groupFindings(issues: readonly ComplianceIssue[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const artifactType of ["Copy", "ShortCopy", "Visual"] as const) {
    for (const severity of SEVERITIES) {
      const items = issues
        .map((issue, index) => ({ issue, index }))
        .filter(({ issue }) => issue.artifactType === artifactType && issue.severity === severity);
      if (items.length > 0) groups.push({ artifactType, severity, items });
    }
  }
  return groups;
}
