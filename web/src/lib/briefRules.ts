/**
 * The brief's rules, mirrored from marketing_agents/models.py (CampaignBrief), in one place,
 * so the form refuses what the API would refuse before a round trip. The API stays the
 * authority: its field errors are shown next to the fields too (see fieldErrorsByField).
 *
 * Lengths count code points of the value as sent (JSON Schema and Python's len do), and a
 * required text needs a character outside ECMA-262 whitespace (models.WHITESPACE).
 */
import { PLATFORMS, type CampaignBrief, type FieldError, type Platform } from "./types";

export const SHORT_TEXT = 200;
export const LONG_TEXT = 2000;
export const LIST_ITEM = LONG_TEXT / 4;
export const MAX_LIST = 20;
export const MAX_FEEDBACK = 4000;
export const MAX_EDIT_COMMENT = 500;
export const BRAND_KIT_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** models.WHITESPACE: what strip() removes and what a blank text consists of. */
const WHITESPACE = new Set(
  [
    "\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680",
    ...Array.from({ length: 0x200b - 0x2000 }, (_, i) => String.fromCodePoint(0x2000 + i)),
    "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff",
  ],
);

export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

export function isBlank(text: string): boolean {
  for (const ch of text) if (!WHITESPACE.has(ch)) return false;
  return true;
}

/** The value the API stores: stripped of models.WHITESPACE at both ends. */
export function stripText(text: string): string {
  const chars = Array.from(text);
  let start = 0;
  let end = chars.length;
  while (start < end && WHITESPACE.has(chars[start] ?? "")) start += 1;
  while (end > start && WHITESPACE.has(chars[end - 1] ?? "")) end -= 1;
  return chars.slice(start, end).join("");
}

/** The form's state: every field as typed; lists as arrays of rows. */
export interface BriefDraft {
  name: string;
  theme: string;
  product: string;
  targetAudience: string;
  tone: string;
  constraints: string[];
  evidence: string[];
  platforms: Platform[];
  brandKit: string;
}

export const EMPTY_DRAFT: BriefDraft = {
  name: "",
  theme: "",
  product: "",
  targetAudience: "",
  tone: "",
  constraints: [],
  evidence: [],
  platforms: [...PLATFORMS],
  brandKit: "",
};

export type BriefField = keyof BriefDraft;
export type BriefErrors = Partial<Record<BriefField, string[]>>;

function textError(value: string, max: number, required: boolean): string | null {
  if (codePointLength(value) > max) return `At most ${max} characters (now ${codePointLength(value)}).`;
  if (required && isBlank(value)) return "Required.";
  return null;
}

function listErrors(items: string[], label: string): string[] {
  const errors: string[] = [];
  if (items.length > MAX_LIST) errors.push(`At most ${MAX_LIST} ${label} (now ${items.length}).`);
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const problem = textError(item, LIST_ITEM, true);
    if (problem) errors.push(`Item ${i + 1}: ${problem}`);
    if (seen.has(item)) errors.push(`Item ${i + 1} repeats an earlier one.`);
    seen.add(item);
  });
  return errors;
}

/** Every rule the API applies to a brief, as messages per field (empty when valid). */
export function validateBrief(draft: BriefDraft): BriefErrors {
  const errors: BriefErrors = {};
  const add = (field: BriefField, message: string | null) => {
    if (message) (errors[field] ??= []).push(message);
  };
  add("theme", textError(draft.theme, LONG_TEXT, true));
  add("product", textError(draft.product, SHORT_TEXT, true));
  add("targetAudience", textError(draft.targetAudience, LONG_TEXT, true));
  add("tone", textError(draft.tone, SHORT_TEXT, true));
  if (draft.name !== "" && !isBlank(draft.name)) add("name", textError(draft.name, SHORT_TEXT, false));
  else if (draft.name !== "") add("name", "Leave it empty or give a name.");
  for (const message of listErrors(draft.constraints, "constraints")) add("constraints", message);
  for (const message of listErrors(draft.evidence, "facts")) add("evidence", message);
  if (draft.platforms.length === 0) add("platforms", "Choose at least one platform.");
  if (new Set(draft.platforms).size !== draft.platforms.length) add("platforms", "A platform is listed twice.");
  for (const p of draft.platforms) if (!PLATFORMS.includes(p)) add("platforms", `Unknown platform ${p}.`);
  if (draft.brandKit !== "" && !BRAND_KIT_PATTERN.test(draft.brandKit)) {
    add("brandKit", "Lower-case letters, digits, '-' or '_', starting with a letter or digit (at most 64).");
  }
  return errors;
}

export function hasErrors(errors: BriefErrors): boolean {
  return Object.values(errors).some((list) => list !== undefined && list.length > 0);
}

/** The request body for POST /api/campaigns: optional fields left out when empty. */
export function briefFromDraft(draft: BriefDraft): CampaignBrief {
  const brief: CampaignBrief = {
    theme: draft.theme,
    product: draft.product,
    targetAudience: draft.targetAudience,
    tone: draft.tone,
    constraints: draft.constraints,
    evidence: draft.evidence,
    platforms: PLATFORMS.filter((p) => draft.platforms.includes(p)),
  };
  if (draft.name !== "") brief.name = draft.name;
  if (draft.brandKit !== "") brief.brandKit = draft.brandKit;
  return brief;
}

const FIELD_NAMES: readonly BriefField[] = [
  "name", "theme", "product", "targetAudience", "tone", "constraints", "evidence", "platforms", "brandKit",
];

/**
 * The API's field errors (problem+json `errors`, dotted camelCase paths such as
 * `constraints.2`) by form field; errors on fields the form does not have go under "".
 */
export function fieldErrorsByField(errors: FieldError[]): Partial<Record<BriefField | "", string[]>> {
  const out: Partial<Record<BriefField | "", string[]>> = {};
  for (const error of errors) {
    const [head, ...rest] = error.field.split(".");
    const field = FIELD_NAMES.find((f) => f === head);
    const key: BriefField | "" = field ?? "";
    const where = rest.length > 0 && /^\d+$/.test(rest[0] ?? "") ? `Item ${Number(rest[0]) + 1}: ` : "";
    const prefix = field ? where : `${error.field}: `;
    (out[key] ??= []).push(`${prefix}${error.message}`);
  }
  return out;
}

/** A draft read back from local storage, or null when it is not a draft of this form. */
export function parseDraft(raw: string | null): BriefDraft | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const text = (key: string) => (typeof v[key] === "string" ? (v[key] as string) : "");
  const list = (key: string) =>
    Array.isArray(v[key]) ? (v[key] as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const platforms = Array.isArray(v.platforms)
    ? PLATFORMS.filter((p) => (v.platforms as unknown[]).includes(p))
    : [...PLATFORMS];
  return {
    name: text("name"),
    theme: text("theme"),
    product: text("product"),
    targetAudience: text("targetAudience"),
    tone: text("tone"),
    constraints: list("constraints"),
    evidence: list("evidence"),
    platforms,
    brandKit: text("brandKit"),
  };
}
