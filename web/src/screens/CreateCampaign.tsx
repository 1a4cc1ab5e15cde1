/**
 * The brief form: labels named as the brief's fields, lists as editable rows, platforms as
 * checkboxes; validated as the API validates (lib/briefRules), the API's own field errors
 * shown next to their fields; the draft kept in local storage until it is submitted.
 */
import { useEffect, useId, useState, type ReactNode } from "react";
import { ApiError, api, errorText } from "../lib/api";
import {
  EMPTY_DRAFT,
  LONG_TEXT,
  SHORT_TEXT,
  briefFromDraft,
  codePointLength,
  fieldErrorsByField,
  hasErrors,
  parseDraft,
  validateBrief,
  type BriefDraft,
  type BriefErrors,
  type BriefField,
} from "../lib/briefRules";
import { navigate } from "../lib/router";
import { PLATFORMS } from "../lib/types";
import { ListEditor } from "../components/ListEditor";
import { Notice } from "../components/common";

const DRAFT_KEY = "marketing-agents.brief-draft";

/** Keyboard and screen-reader users land on the first field that needs attention. */
function focusFirstInvalid(): void {
  window.requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus();
  });
}

function loadDraft(): BriefDraft {
  try {
    return parseDraft(window.localStorage.getItem(DRAFT_KEY)) ?? EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

function Field({ label, field, errors, hint, children }: {
  label: string; field: BriefField; errors: string[] | undefined; hint?: string;
  children: (props: { id: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = `brief-${field}-${useId()}`;
  const described = [errors?.length ? `${id}-err` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="muted small">{hint}</p>}
      {children({ id, ...(errors?.length ? { "aria-invalid": true } : {}), ...(described ? { "aria-describedby": described } : {}) })}
      {errors && errors.length > 0 && <p id={`${id}-err`} className="field-error">{errors.join(" ")}</p>}
    </div>
  );
}

export function CreateCampaign() {
  const [draft, setDraft] = useState<BriefDraft>(loadDraft);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<BriefField | "", string[]>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [kits, setKits] = useState<{ id: string; name: string }[] | null>(null);

  useEffect(() => {
    try {
      window.localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
    } catch {
      /* storage full or refused: the draft lives in this page only */
    }
  }, [draft]);

  useEffect(() => {
    api.brandKits().then(setKits, () => setKits(null));
  }, []);

  const local: BriefErrors = touched ? validateBrief(draft) : {};
  const errorsOf = (field: BriefField) => {
    const list = [...(local[field] ?? []), ...(serverErrors[field] ?? [])];
    return list.length ? list : undefined;
  };
  const set = <K extends BriefField>(field: K, value: BriefDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setServerErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = async () => {
    setTouched(true);
    setError(null);
    if (hasErrors(validateBrief(draft))) {
      setError("Some fields need attention (marked below).");
      focusFirstInvalid();
      return;
    }
    setSending(true);
    try {
      const created = await api.createCampaign(briefFromDraft(draft));
      window.localStorage.removeItem(DRAFT_KEY);
      navigate(`/campaigns/${created.id}`);
    } catch (e) {
      setError(errorText(e));
      if (e instanceof ApiError) {
        setServerErrors(fieldErrorsByField(e.fieldErrors));
        focusFirstInvalid();
      }
    } finally {
      setSending(false);
    }
  };

  const counter = (value: string, max: number) => `${codePointLength(value)} / ${max}`;

  return (
    <div className="page narrow">
      <header className="page-head">
        <div>
          <h1>New campaign</h1>
          <p className="muted">The agents write long copy, social posts and a poster from this brief; the auditor checks them. Your draft is kept on this device until you create the campaign.</p>
        </div>
      </header>
      <form
        className="card form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {error && <Notice kind="error">{error}</Notice>}
        {serverErrors[""] && <Notice kind="error">{serverErrors[""].join(" ")}</Notice>}
        <Field label="Name" field="name" errors={errorsOf("name")} hint={`Optional; defaults to product and theme. ${counter(draft.name, SHORT_TEXT)}`}>
          {(p) => <input {...p} type="text" value={draft.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field label="Theme" field="theme" errors={errorsOf("theme")} hint={counter(draft.theme, LONG_TEXT)}>
          {(p) => <textarea {...p} rows={3} value={draft.theme} onChange={(e) => set("theme", e.target.value)} required />}
        </Field>
        <Field label="Product" field="product" errors={errorsOf("product")}>
          {(p) => <input {...p} type="text" value={draft.product} onChange={(e) => set("product", e.target.value)} required />}
        </Field>
        <Field label="Target audience" field="targetAudience" errors={errorsOf("targetAudience")}>
          {(p) => <textarea {...p} rows={2} value={draft.targetAudience} onChange={(e) => set("targetAudience", e.target.value)} required />}
        </Field>
        <Field label="Tone" field="tone" errors={errorsOf("tone")} hint="e.g. Inspiring, Playful, Authoritative">
          {(p) => <input {...p} type="text" value={draft.tone} onChange={(e) => set("tone", e.target.value)} required />}
        </Field>
        <ListEditor
          label="Constraints"
          items={draft.constraints}
          onChange={(items) => set("constraints", items)}
          addLabel="Add a constraint"
          errors={errorsOf("constraints")}
          hint="Rules the copy must follow, e.g. “Must include recycling message”, “Avoid plastic-related claims”."
        />
        <ListEditor
          label="Evidence"
          items={draft.evidence}
          onChange={(items) => set("evidence", items)}
          addLabel="Add a fact"
          errors={errorsOf("evidence")}
          hint="Facts that back claims (numbers, superlatives), e.g. “Made from 90% recycled steel”."
        />
        <fieldset className="checks" aria-describedby={errorsOf("platforms") ? "platforms-err" : undefined}>
          <legend>Platforms</legend>
          <div className="checks-row">
          {PLATFORMS.map((platform) => (
            <label key={platform} className="check">
              <input
                type="checkbox"
                value={platform}
                checked={draft.platforms.includes(platform)}
                onChange={(e) => set("platforms", e.target.checked ? PLATFORMS.filter((p) => p === platform || draft.platforms.includes(p)) : draft.platforms.filter((p) => p !== platform))}
              />
              {platform}
            </label>
          ))}
          </div>
          {errorsOf("platforms") && <p id="platforms-err" className="field-error">{errorsOf("platforms")?.join(" ")}</p>}
        </fieldset>
        <Field label="Brand kit" field="brandKit" errors={errorsOf("brandKit")} hint={kits ? "The brand's voice, terms and palette; none = the default kit." : "Brand kit id (e.g. acme-outdoor); empty = the default kit."}>
          {(p) =>
            kits ? (
              <select {...p} value={draft.brandKit} onChange={(e) => set("brandKit", e.target.value)}>
                <option value="">Default</option>
                {kits.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
              </select>
            ) : (
              <input {...p} type="text" value={draft.brandKit} onChange={(e) => set("brandKit", e.target.value)} />
            )
          }
        </Field>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={sending}>{sending ? "Creating…" : "Create campaign"}</button>
          <button type="button" className="btn" onClick={() => { setDraft(EMPTY_DRAFT); setTouched(false); setServerErrors({}); setError(null); }}>
            Clear the form
          </button>
        </div>
      </form>
    </div>
  );
}
