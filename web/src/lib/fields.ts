/**
 * Fields of artifact data by the auditor's paths ("bodyShort", "headlines[0]",
 * "posts[2].text", "concepts[1].altText"): reading one, writing one (immutably), and
 * listing the text fields a person can read and edit, in reading order.
 */
import type { ArtifactData, ArtifactType, CopyData, ShortCopyData, VisualData } from "./types";

type Key = string | number;

/** "concepts[1].altText" → ["concepts", 1, "altText"]; null for a malformed path. */
export function parsePath(path: string): Key[] | null {
  if (!/^[A-Za-z_]\w*(?:\[\d+\]|\.\d+|\.[A-Za-z_]\w*)*$/.test(path)) return null;
  return Array.from(path.matchAll(/[A-Za-z_]\w*|\d+/g), (m) => (/^\d/.test(m[0]) ? Number(m[0]) : m[0]));
}

export function readField(data: unknown, path: string): string | null {
  const keys = parsePath(path);
  if (!keys) return null;
  let node: unknown = data;
  for (const key of keys) {
    if (node === null || typeof node !== "object") return null;
    node = (node as Record<Key, unknown>)[key];
  }
  return typeof node === "string" ? node : null;
}

function setAt(node: unknown, keys: Key[], value: string): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (Array.isArray(node) && typeof key === "number" && key < node.length) {
    const copy = [...node];
    copy[key] = setAt(node[key], rest, value);
    return copy;
  }
  if (node !== null && typeof node === "object" && !Array.isArray(node) && typeof key === "string" && key in node) {
    const obj = node as Record<string, unknown>;
    return { ...obj, [key]: setAt(obj[key], rest, value) };
  }
  throw new Error(`no field ${String(key)} here`);
}

/** `data` with the string at `path` replaced; null when there is no string there. */
export function writeField<T extends ArtifactData>(data: T, path: string, value: string): T | null {
  const keys = parsePath(path);
  if (!keys || readField(data, path) === null) return null;
  return setAt(data, keys, value) as T;
}

export interface TextField {
  path: string;
  label: string;
  multiline: boolean;
}

export function textFields(type: ArtifactType, data: ArtifactData): TextField[] {
  if (type === "Copy") {
    const d = data as CopyData;
    return [
      ...d.headlines.map((_, i) => ({ path: `headlines[${i}]`, label: `Headline ${i + 1}`, multiline: false })),
      { path: "bodyShort", label: "Short body", multiline: true },
      { path: "bodyMedium", label: "Medium body", multiline: true },
      { path: "bodyLong", label: "Long body", multiline: true },
      ...d.callsToAction.map((_, i) => ({ path: `callsToAction[${i}]`, label: `Call to action ${i + 1}`, multiline: false })),
      { path: "toneSummary", label: "Tone summary", multiline: true },
    ];
  }
  if (type === "ShortCopy") {
    const d = data as ShortCopyData;
    const seen: Record<string, number> = {};
    return d.posts.map((post, i) => {
      seen[post.platform] = (seen[post.platform] ?? 0) + 1;
      return { path: `posts[${i}].text`, label: `${post.platform} variant ${seen[post.platform]}`, multiline: true };
    });
  }
  const d = data as VisualData;
  return d.concepts.flatMap((_, i) => [
    { path: `concepts[${i}].headline`, label: `Concept ${i + 1} headline`, multiline: false },
    { path: `concepts[${i}].subline`, label: `Concept ${i + 1} subline`, multiline: false },
    { path: `concepts[${i}].callToAction`, label: `Concept ${i + 1} call to action`, multiline: false },
    { path: `concepts[${i}].altText`, label: `Concept ${i + 1} alt text`, multiline: true },
  ]);
}

/** The path normalised to the bracket form the auditor writes ("posts.2.text" → "posts[2].text"). */
export function normalisePath(path: string): string {
  const keys = parsePath(path);
  if (!keys) return path;
  return keys.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");
}

/** Every string in `data` with its auditor-style path, in document order (for data of any
 * shape, such as what POST /api/audit audited). */
export function stringLeaves(data: unknown, path = ""): { path: string; text: string }[] {
  if (typeof data === "string") return path ? [{ path, text: data }] : [];
  if (Array.isArray(data)) return data.flatMap((item, i) => stringLeaves(item, `${path}[${i}]`));
  if (data !== null && typeof data === "object") {
    return Object.entries(data as Record<string, unknown>).flatMap(([key, value]) =>
      stringLeaves(value, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/** "concepts[0].altText" → "Concepts 1 · alt text": a label a person can read. */
export function humanPath(path: string): string {
  const keys = parsePath(path) ?? [path];
  return keys
    .map((k) => (typeof k === "number" ? String(k + 1) : k.replace(/([A-Z])/g, " $1").toLowerCase()))
    .join(" · ")
    .replace(/^./, (c) => c.toUpperCase());
}

/**
 * One text for a version, built from its data's text fields in reading order, each under its
 * label: what two versions are diffed on, so the diff shows changed words only, never a
 * difference in how the server laid out a version's Markdown `content`.
 */
export function versionText(type: ArtifactType, data: ArtifactData): string {
  return textFields(type, data)
    .map((field) => `${field.label}\n${readField(data, field.path) ?? ""}`)
    .join("\n\n");
}
