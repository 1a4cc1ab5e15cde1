/** Every version of one artifact (who wrote it, which round or revision) and a side-by-side word diff of any two. */
import { useEffect, useState } from "react";
import { api, errorText } from "../lib/api";
import { versionText } from "../lib/fields";
import { sideBySide } from "../lib/wordDiff";
import type { ArtifactType, ArtifactVersion } from "../lib/types";
import { ARTIFACT_LABEL, Notice, formatTime } from "./common";

function author(v: ArtifactVersion): string {
  const person = v.metadata.editedBy;
  if (person) return `${person} (edited by hand)`;
  return v.metadata.model ? `${v.agentName} · ${v.metadata.model}` : v.agentName;
}

export function Versions({ campaignId, type, activeId, refreshKey }: {
  campaignId: string; type: ArtifactType; activeId: string | undefined; refreshKey: string;
}) {
  const [versions, setVersions] = useState<ArtifactVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<string>("");
  const [right, setRight] = useState<string>("");
  const [compared, setCompared] = useState<[ArtifactVersion, ArtifactVersion] | null>(null);

  useEffect(() => {
    let live = true;
    api.versions(campaignId, type).then(
      (items) => {
        if (!live) return;
        setVersions(items);
        setError(null);
        if (items.length >= 2) {
          setRight((r) => r || (items[0]?.id ?? ""));
          setLeft((l) => l || (items[1]?.id ?? ""));
        }
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => { live = false; };
  }, [campaignId, type, refreshKey]);

  if (error) return <Notice kind="error">Versions could not be read: {error}</Notice>;
  if (!versions) return <p className="muted">Loading versions…</p>;
  const byId = (id: string) => versions.find((v) => v.id === id);
  const compare = () => {
    const a = byId(left);
    const b = byId(right);
    if (a && b) setCompared([a, b]);
  };
  const label = ARTIFACT_LABEL[type];
  const diff = compared ? sideBySide(versionText(type, compared[0].data), versionText(type, compared[1].data)) : null;
  return (
    <div className="versions">
      <ol className="version-list" data-testid={`version-list-${type}`}>
        {versions.map((v) => (
          <li key={v.id} className={v.id === activeId ? "version version-active" : "version"}>
            <strong>v{v.versionNumber}</strong> {v.id === activeId && <span className="tag tag-good">active</span>}{" "}
            <span>{author(v)}</span>
            <span className="muted small"> · revision {v.revisionNumber}, round {v.round} · {formatTime(v.createdAt)}</span>
          </li>
        ))}
      </ol>
      {versions.length >= 2 ? (
        <div className="compare-controls">
          <div>
            <label htmlFor={`older-${type}`}>Older {label.toLowerCase()} version</label>
            <select id={`older-${type}`} value={left} onChange={(e) => setLeft(e.target.value)}>
              {versions.map((v) => <option key={v.id} value={v.id}>v{v.versionNumber}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor={`newer-${type}`}>Newer {label.toLowerCase()} version</label>
            <select id={`newer-${type}`} value={right} onChange={(e) => setRight(e.target.value)}>
              {versions.map((v) => <option key={v.id} value={v.id}>v{v.versionNumber}</option>)}
            </select>
          </div>
          <button type="button" className="btn" onClick={compare} disabled={!left || !right || left === right}>
            Compare
          </button>
        </div>
      ) : (
        <p className="muted small">One version so far: a diff needs two.</p>
      )}
      {compared && diff && (
        <div className="diff" data-testid="diff-view">
          <p className="muted small">
            v{compared[0].versionNumber} → v{compared[1].versionNumber}:{" "}
            {diff.added + diff.removed === 0 ? "the texts are the same, word for word" : `${diff.removed} words removed, ${diff.added} added`}
          </p>
          <div className="diff-cols">
            <div className="diff-col" aria-label={`Version ${compared[0].versionNumber}`}>
              <h3>v{compared[0].versionNumber}</h3>
              <pre>{diff.left.map((p, i) => p.kind === "removed" ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>)}</pre>
            </div>
            <div className="diff-col" aria-label={`Version ${compared[1].versionNumber}`}>
              <h3>v{compared[1].versionNumber}</h3>
              <pre>{diff.right.map((p, i) => p.kind === "added" ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>)}</pre>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
