/** An editable list of short texts (constraints, evidence, specific changes): one labelled box per item. */
import { useId } from "react";

export function ListEditor({ label, items, onChange, addLabel, disabled, errors, hint }: {
  label: string;
  items: string[];
  onChange: (items: string[]) => void;
  addLabel: string;
  disabled?: boolean;
  errors?: string[] | undefined;
  hint?: string;
}) {
  const id = useId();
  const set = (i: number, value: string) => onChange(items.map((item, j) => (j === i ? value : item)));
  const remove = (i: number) => onChange(items.filter((_, j) => j !== i));
  return (
    <fieldset className="list-editor" disabled={disabled} aria-describedby={errors?.length ? `${id}-err` : hint ? `${id}-hint` : undefined}>
      <legend>{label}</legend>
      {hint && <p id={`${id}-hint`} className="muted small">{hint}</p>}
      {items.length === 0 && <p className="muted small">None yet.</p>}
      {items.map((item, i) => (
        <div key={i} className="list-row">
          <input type="text" aria-label={`${label} ${i + 1}`} value={item} onChange={(e) => set(i, e.target.value)} />
          <button type="button" className="btn btn-small" onClick={() => remove(i)} aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...items, ""])}>
        {addLabel}
      </button>
      {errors && errors.length > 0 && <p id={`${id}-err`} className="field-error">{errors.join(" ")}</p>}
    </fieldset>
  );
}
