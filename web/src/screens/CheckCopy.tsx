/**
 * Check any copy: paste text, optionally pick a campaign's brief, a brand kit and a
 * platform, and see the same scorecard, findings and highlights as a campaign gets
 * (POST /api/audit: the audit CLI's twin; nothing is stored).
 */
import { useEffect, useMemo, useState } from "react";
import { Findings, Scorecard } from "../components/AuditPanel";
import { ShortCopyView, type Marks } from "../components/artifacts";
import { HighlightedText } from "../components/HighlightedText";
import { Notice } from "../components/common";
import { api, errorText } from "../lib/api";
import { codePointLength } from "../lib/briefRules";
import { humanPath, normalisePath, stringLeaves } from "../lib/fields";
import { findingKey } from "../lib/findings";
import type { ArtifactType, AuditResult, Campaign, Platform, ShortCopyData } from "../lib/types";
import { ARTIFACT_TYPES, PLATFORMS } from "../lib/types";
import { ARTIFACT_LABEL } from "../components/common";

const MAX_TEXT = 20_000;

/** Posts the platform cards can show (each with a known platform and a text). */
function isPosts(data: unknown): data is ShortCopyData {
  const posts = (data as { posts?: unknown }).posts;
  return Array.isArray(posts) && posts.length > 0 && posts.every(
    (p) => typeof p === "object" && p !== null && typeof p.text === "string" && (PLATFORMS as readonly unknown[]).includes(p.platform),
  );
}

/** The audited data as labelled texts, whatever its shape, with the findings' words marked. */
function CheckedFields({ data, marks, selected }: { data: unknown; marks: Marks; selected: string | null }) {
  return (
    <div>
      {stringLeaves(data).map(({ path, text }) => (
        <div key={path}>
          <h3 className="field-label">{humanPath(path)}</h3>
          <p className="prose"><HighlightedText text={text} spans={marks[path] ?? []} selected={selected} /></p>
        </div>
      ))}
    </div>
  );
}

export function CheckCopy() {
  const [text, setText] = useState("");
  const [type, setType] = useState<ArtifactType>("Copy");
  const [platform, setPlatform] = useState<Platform>("X");
  const [briefFrom, setBriefFrom] = useState("");
  const [brandKit, setBrandKit] = useState("");
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [kits, setKits] = useState<{ id: string; name: string }[] | null>(null);
  const [result, setResult] = useState<AuditResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    api.listCampaigns(null, null, 50).then((page) => setCampaigns(page.items), () => setCampaigns([]));
    api.brandKits().then(setKits, () => setKits(null));
  }, []);

  const length = codePointLength(text);
  const check = async () => {
    setError(null);
    if (text.trim() === "") {
      setError("Paste the copy to check first.");
      return;
    }
    if (length > MAX_TEXT) {
      setError(`At most ${MAX_TEXT.toLocaleString()} characters (now ${length.toLocaleString()}).`);
      return;
    }
    setBusy(true);
    try {
      const brief = campaigns.find((c) => c.id === briefFrom)?.brief;
      const body = {
        text,
        artifactType: type,
        ...(type === "ShortCopy" ? { platform } : {}),
        ...(brief ? { brief } : {}),
        ...(brandKit ? { brandKit } : {}),
      };
      setResult(await api.audit(body));
      setSelected(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const marks = useMemo(() => {
    const out: Partial<Record<ArtifactType, Marks>> = {};
    result?.report.issues.forEach((issue, index) => {
      if (!issue.span) return;
      const m = (out[issue.artifactType] ??= {});
      (m[normalisePath(issue.field)] ??= []).push({ key: findingKey(issue, index), start: issue.span.start, end: issue.span.end });
    });
    return out;
  }, [result]);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Check any copy</h1>
          <p className="muted">The same rules and scorecard a campaign gets, for your own words. Nothing is stored.</p>
        </div>
      </header>
      <form className="card form" onSubmit={(e) => { e.preventDefault(); void check(); }}>
        <div className="field">
          <label htmlFor="check-text">Copy to check</label>
          <textarea id="check-text" rows={8} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="check-count" />
          <p id="check-count" className={length > MAX_TEXT ? "field-error" : "muted small"}>{length.toLocaleString()} / {MAX_TEXT.toLocaleString()} characters</p>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="check-type">Check it as</label>
            <select id="check-type" value={type} onChange={(e) => setType(e.target.value as ArtifactType)}>
              {ARTIFACT_TYPES.map((t) => <option key={t} value={t}>{ARTIFACT_LABEL[t]}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="check-platform">Platform (social posts)</label>
            <select id="check-platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)} disabled={type !== "ShortCopy"}>
              {PLATFORMS.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="check-brief">Brief</label>
            <select id="check-brief" value={briefFrom} onChange={(e) => setBriefFrom(e.target.value)}>
              <option value="">No brief</option>
              {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="check-kit">Brand kit</label>
            {kits ? (
              <select id="check-kit" value={brandKit} onChange={(e) => setBrandKit(e.target.value)}>
                <option value="">Default</option>
                {kits.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
              </select>
            ) : (
              <input id="check-kit" type="text" value={brandKit} onChange={(e) => setBrandKit(e.target.value)} placeholder="default" />
            )}
          </div>
        </div>
        {error && <Notice kind="error">{error}</Notice>}
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>{busy ? "Checking…" : "Check"}</button>
        </div>
      </form>
      {result && (
        <div className="review-layout">
          <div className="artifacts-col">
            {ARTIFACT_TYPES.map((t) => {
              const data = result.artifacts[t];
              if (!data) return null;
              const m = marks[t] ?? {};
              return (
                <section key={t} className="card artifact" data-testid={`artifact-${t}`} aria-label={`Checked ${ARTIFACT_LABEL[t]}`}>
                  <h2>What was checked</h2>
                  {t === "ShortCopy" && isPosts(data) ? (
                    <ShortCopyView data={data} marks={m} selected={selected} />
                  ) : (
                    <CheckedFields data={data} marks={m} selected={selected} />
                  )}
                </section>
              );
            })}
          </div>
          <aside className="side-col">
            <section className="card" aria-label="Audit">
              <h2>Audit</h2>
              <Scorecard report={result.report} />
              <Findings report={result.report} selected={selected} onSelect={setSelected} onApplyFix={null} canFix={() => false} activeVersionIds={null} />
            </section>
          </aside>
        </div>
      )}
    </div>
  );
}
