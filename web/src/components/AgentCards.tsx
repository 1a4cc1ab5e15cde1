/** Each agent at a glance: working or done, the model that wrote it, latency, tokens, cache, fallback. */
import type { ArtifactType, ArtifactVersion, Campaign, CampaignStatus } from "../lib/types";
import { ARTIFACT_TYPES, RUNNING_STATUSES } from "../lib/types";
import { ARTIFACT_LABEL, formatMs } from "./common";

/**
 * Working: streaming now, or the campaign is generating and this agent's active version is
 * older than the campaign's revision and round (or missing). In a regeneration round only
 * the artifacts with findings are rewritten, so an agent with nothing to redo shows working
 * until the round's audit; the timeline says exactly which versions were written.
 */
function working(version: ArtifactVersion | undefined, campaign: Campaign, status: CampaignStatus, streaming: boolean): boolean {
  if (streaming) return true;
  if (!RUNNING_STATUSES.includes(status) || status === "Auditing") return false;
  if (!version) return true;
  return version.revisionNumber < campaign.revisionNumber
    || (version.revisionNumber === campaign.revisionNumber && version.round < campaign.round);
}

export function AgentCards({ campaign, status, artifacts, streaming }: {
  campaign: Campaign;
  status: CampaignStatus;
  artifacts: Partial<Record<ArtifactType, ArtifactVersion>>;
  streaming: Partial<Record<ArtifactType, boolean>>;
}) {
  return (
    <ul className="agents" aria-label="Agents">
      {ARTIFACT_TYPES.map((type) => {
        const version = artifacts[type];
        const busy = working(version, campaign, status, streaming[type] === true);
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
                <div><dt>Model</dt><dd>{m.model ?? "—"}{m.offline && m.model !== null ? " (offline)" : ""}</dd></div>
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
