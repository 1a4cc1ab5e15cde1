/** Each agent at a glance: working or done, the model that wrote it, latency, tokens, cache, fallback. */
import { agentState, previousRoundReport } from "../lib/agents";
import type { ArtifactType, ArtifactVersion, AuditReport, Campaign, CampaignStatus, Revision } from "../lib/types";
import { ARTIFACT_TYPES } from "../lib/types";
import { ARTIFACT_LABEL, formatMs } from "./common";

export function AgentCards({ campaign, status, reports, revision, artifacts, streaming }: {
  campaign: Campaign;
  status: CampaignStatus;
  /** The snapshot's audit reports (the previous round's says what a regeneration rewrites). */
  reports: Record<string, AuditReport>;
  /** The snapshot's current revision (which types it rewrites). */
  revision: Revision | null;
  artifacts: Partial<Record<ArtifactType, ArtifactVersion>>;
  streaming: Partial<Record<ArtifactType, boolean>>;
}) {
  const work = { campaign, status, roundReport: previousRoundReport(reports, campaign), revision };
  return (
    <ul className="agents" aria-label="Agents">
      {ARTIFACT_TYPES.map((type) => {
        const version = artifacts[type];
        const busy = agentState(type, version, work, streaming[type] === true) === "working";
        const m = version?.metadata;
        const person = m?.editedBy ?? null;
        return (
          <li key={type} className={`agent ${busy ? "agent-busy" : "agent-done"}`}>
            <div className="agent-head">
              <strong>{ARTIFACT_LABEL[type]}</strong>
              <span className={`tag ${busy ? "tag-busy" : version ? "tag-good" : "tag-muted"}`}>
                {busy ? <><span className="spinner" aria-hidden="true" /> Working</> : version ? "Done" : "Waiting"}
              </span>
            </div>
            {version && m ? (
              <dl className="agent-facts">
                <div><dt>Written by</dt><dd>{person ? `${person} (person)` : version.agentName}</dd></div>
                <div><dt>Model</dt><dd>{m.model ?? (person ? "none (a person)" : "—")}{m.offline && m.model !== null && m.model !== "offline" ? " (offline)" : ""}</dd></div>
                <div><dt>Latency</dt><dd>{formatMs(m.latencyMs)}</dd></div>
                <div><dt>Tokens</dt><dd>{m.tokensIn.toLocaleString()} in / {m.tokensOut.toLocaleString()} out</dd></div>
                <div><dt>Cache</dt><dd>{m.cached ? "hit" : "miss"}</dd></div>
                <div><dt>Fallback</dt><dd>{m.fallbackUsed ? "used" : "no"}{m.tries > 1 ? ` · ${m.tries} tries` : ""}</dd></div>
                <div><dt>Version</dt><dd>v{version.versionNumber} · revision {version.revisionNumber}, round {version.round}</dd></div>
              </dl>
            ) : (
              <p className="muted small">No version yet.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
