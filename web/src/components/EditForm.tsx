/**
 * Edit an artifact in place: every text field of its data as a labelled text box. Saving
 * sends the whole data (POST /api/campaigns/{id}/edits, based on the active version); the
 * API records a version written by the person and audits it again at once. Short posts are
 * measured again the platform's way before they are sent.
 */
import { useState } from "react";
import { ApiError, api, errorText } from "../lib/api";
import { MAX_EDIT_COMMENT, codePointLength } from "../lib/briefRules";
import { normalisePath, readField, textFields, writeField } from "../lib/fields";
import { measure } from "../lib/platforms";
import type { ArtifactData, ArtifactType, ShortCopyData } from "../lib/types";
import { ARTIFACT_LABEL, Notice } from "./common";

function remeasured(type: ArtifactType, data: ArtifactData): ArtifactData {
  if (type !== "ShortCopy") return data;
  const d = data as ShortCopyData;
  return {
    posts: d.posts.map((post) => {
      const m = measure(post.text, post.platform);
      return { ...post, characterCount: m.count, limit: m.limit, overLimit: m.overLimit, hashtags: m.hashtags };
    }),
  };
}

export function EditForm({ campaignId, type, draft, basedOnVersionId, onChange, onDone, onCancel, note }: {
  campaignId: string;
  type: ArtifactType;
  draft: ArtifactData;
  basedOnVersionId: string;
  onChange: (data: ArtifactData) => void;
  onDone: () => void;
  onCancel: () => void;
  note: string | null;
}) {
  const [comment, setComment] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const fields = textFields(type, draft);
  const formId = `edit-${type}`;

  const save = async () => {
    if (codePointLength(comment) > MAX_EDIT_COMMENT) {
      setError(`The comment is at most ${MAX_EDIT_COMMENT} characters.`);
      return;
    }
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      const body = { artifactType: type, data: remeasured(type, draft), basedOnVersionId, ...(comment ? { comment } : {}) };
      await api.edit(campaignId, body);
      onDone();
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) {
        const byField: Record<string, string[]> = {};
        for (const fe of e.fieldErrors) {
          const path = normalisePath(fe.field.replace(/^data\./, ""));
          (byField[path] ??= []).push(fe.message);
        }
        setFieldErrors(byField);
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="edit-form"
      aria-label={`Edit ${ARTIFACT_LABEL[type]}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {note && <Notice kind="info">{note}</Notice>}
      {fields.map((field) => {
        const id = `${formId}-${field.path.replace(/[^A-Za-z0-9]/g, "-")}`;
        const value = readField(draft, field.path) ?? "";
        const errors = fieldErrors[field.path];
        const set = (text: string) => {
          const next = writeField(draft, field.path, text);
          if (next) onChange(next);
        };
        return (
          <div key={field.path} className="field">
            <label htmlFor={id}>{field.label}</label>
            {field.multiline ? (
              <textarea id={id} value={value} rows={Math.min(12, Math.max(3, Math.ceil(value.length / 90)))} onChange={(e) => set(e.target.value)} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-err` : undefined} />
            ) : (
              <input id={id} type="text" value={value} onChange={(e) => set(e.target.value)} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-err` : undefined} />
            )}
            {errors && <p id={`${id}-err`} className="field-error">{errors.join(" ")}</p>}
          </div>
        );
      })}
      <div className="field">
        <label htmlFor={`${formId}-comment`}>Comment on this edit (optional)</label>
        <input id={`${formId}-comment`} type="text" value={comment} maxLength={MAX_EDIT_COMMENT} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={saving}>{saving ? "Saving…" : "Save edit"}</button>
        <button type="button" className="btn" onClick={onCancel} disabled={saving}>Discard edit</button>
      </div>
    </form>
  );
}
