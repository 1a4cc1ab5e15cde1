/** The campaign's event log as a timeline: rounds, regenerations, audits and statuses. */
import type { CampaignEvent } from "../lib/types";
import { formatScore, formatTime } from "./common";

function describe(event: CampaignEvent): { title: string; detail: string } {
  const p = event.payload;
  const str = (key: string) => (typeof p[key] === "string" ? (p[key] as string) : "");
  const num = (key: string) => (typeof p[key] === "number" ? (p[key] as number) : null);
  const where = () => `revision ${num("revisionNumber") ?? 0}, round ${num("round") ?? 0}`;
  switch (event.type) {
    case "onCampaignStarted":
      return { title: "Campaign started", detail: str("status") };
    case "onArtifactGenerated": {
      const round = num("round") ?? 0;
      // A person's edit is a version no model wrote (model null, agentName = the person).
      const edited = "model" in p && p.model === null;
      const verb = edited ? "Edited by hand" : round > 0 ? "Regenerated" : (num("revisionNumber") ?? 0) > 0 ? "Revised" : "Written";
      return {
        title: `${verb}: ${str("artifactType")} v${num("versionNumber") ?? "?"}`,
        detail: `${str("agentName")}${str("model") ? ` (${str("model")})` : ""} · ${where()}`,
      };
    }
    case "onComplianceCheckCompleted":
      return {
        title: `Audited: ${formatScore(num("complianceScore") ?? 0)} ${str("status")}`,
        detail: `${p.isCompliant ? "compliant" : "not compliant"} · ${num("issueCount") ?? 0} findings · ${where()}`,
      };
    case "onCampaignCompleted":
      return { title: "Ready for review", detail: str("status") };
    case "onGenerationFailed":
      return {
        title: str("step") ? `Step failed: ${str("step")}` : `Stopped: ${str("status")}`,
        detail: str("reason"),
      };
    case "onCampaignStatus":
      return { title: `Status: ${str("status")}`, detail: str("by") ? `by ${str("by")}` : str("reason") };
    default:
      return { title: event.type, detail: "" };
  }
}

export function Timeline({ events }: { events: readonly CampaignEvent[] }) {
  if (events.length === 0) return <p className="muted" data-testid="timeline">No events yet.</p>;
  return (
    <ol className="timeline" data-testid="timeline">
      {events.map((event) => {
        const { title, detail } = describe(event);
        return (
          <li key={event.eventId} className={`tl tl-${event.type}`} data-sequence={event.sequence}>
            <span className="tl-seq" aria-label={`event ${event.sequence}`}>{event.sequence}</span>
            <div>
              <strong>{title}</strong>
              {detail && <span className="muted"> — {detail}</span>}
              <div className="muted small"><time dateTime={event.timestamp}>{formatTime(event.timestamp)}</time></div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
