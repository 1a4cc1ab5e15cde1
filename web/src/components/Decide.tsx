/**
 * The person's decisions: ask for a revision (feedback, specific changes, which artifacts),
 * approve with an optional comment (disabled, with the reason, while a High/Critical finding
 * is open or the campaign is not in review), cancel while it runs; the approval record once
 * approved; and the export download.
 */
import { useState } from "react";
import { api, errorText } from "../lib/api";
import { LONG_TEXT, MAX_FEEDBACK, codePointLength, isBlank } from "../lib/briefRules";
import { isBlocking } from "../lib/findings";
import type { Approval, ArtifactType, AuditReport, CampaignStatus } from "../lib/types";
import { ARTIFACT_TYPES, REVIEW_STATUSES, REVISABLE_STATUSES, TERMINAL_STATUSES } from "../lib/types";
import { ARTIFACT_LABEL, Notice, formatScore, formatTime, statusText } from "./common";
import { ListEditor } from "./ListEditor";

export function approveBlockedReason(status: CampaignStatus, report: AuditReport | null): string | null {
  if (!REVIEW_STATUSES.includes(status)) return `The campaign is ${statusText(status).toLowerCase()}: only a campaign in review can be approved.`;
  const blocking = report?.issues.filter(isBlocking).length ?? 0;
  if (blocking > 0) return `${blocking} High or Critical finding${blocking === 1 ? " is" : "s are"} open: fix ${blocking === 1 ? "it" : "them"} (edit, or ask for a revision) first.`;
  return null;
}

export function ApprovalRecord({ approval }: { approval: Approval }) {
  return (
    <div className="approval" data-testid="approval-record">
      <h3>Approved</h3>
      <dl className="facts">
        <div><dt>By</dt><dd>{approval.approvedBy}</dd></div>
        <div><dt>When</dt><dd><time dateTime={approval.approvedAt}>{formatTime(approval.approvedAt)}</time></dd></div>
        <div><dt>Score</dt><dd>{approval.complianceScore === null ? "—" : formatScore(approval.complianceScore)}</dd></div>
        <div><dt>Audit report</dt><dd><code>{approval.auditReportId ?? "—"}</code></dd></div>
        {ARTIFACT_TYPES.map((t) => (
          <div key={t}><dt>{ARTIFACT_LABEL[t]}</dt><dd><code>{approval.approvedVersionIds[t] ?? "—"}</code></dd></div>
        ))}
        {approval.comment && <div><dt>Comment</dt><dd>{approval.comment}</dd></div>}
      </dl>
    </div>
  );
}

export function Decide({ campaignId, status, report, onChanged }: {
  campaignId: string;
  status: CampaignStatus;
  report: AuditReport | null;
  onChanged: () => void;
}) {
  const [feedback, setFeedback] = useState("");
  const [changes, setChanges] = useState<string[]>([]);
  const [types, setTypes] = useState<ArtifactType[]>([...ARTIFACT_TYPES]);
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const act = async (what: string, call: () => Promise<unknown>, done: string) => {
    setBusy(what);
    setMessage(null);
    try {
      await call();
      setMessage({ kind: "success", text: done });
      onChanged();
      return true;
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e) });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const blocked = approveBlockedReason(status, report);
  const revisable = REVISABLE_STATUSES.includes(status);
  const feedbackProblem = isBlank(feedback) ? "Say what should change." : codePointLength(feedback) > MAX_FEEDBACK ? `At most ${MAX_FEEDBACK} characters.` : null;
  const cancellable = !TERMINAL_STATUSES.includes(status);

  return (
    <div className="decide">
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      <form
        className="approve-form"
        onSubmit={(e) => {
          e.preventDefault();
          void act("approve", () => api.approve(campaignId, comment), "Approved.");
        }}
      >
        <h3>Approve</h3>
        <div className="field">
          <label htmlFor="approve-comment">Approval comment (optional)</label>
          <input id="approve-comment" type="text" value={comment} maxLength={LONG_TEXT} onChange={(e) => setComment(e.target.value)} disabled={blocked !== null} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={blocked !== null || busy !== null} aria-describedby={blocked ? "approve-blocked" : undefined}>
          Approve
        </button>
        {blocked && <p id="approve-blocked" className="muted small">{blocked}</p>}
      </form>

      <form
        className="revise-form"
        aria-label="Request a revision"
        onSubmit={(e) => {
          e.preventDefault();
          if (feedbackProblem) {
            setMessage({ kind: "error", text: feedbackProblem });
            return;
          }
          const body = { feedback, specificChanges: changes.filter((c) => !isBlank(c)), artifactTypes: types };
          void act("revise", () => api.revise(campaignId, body), "Revision requested: the agents are rewriting.").then((ok) => {
            if (ok) {
              setFeedback("");
              setChanges([]);
            }
          });
        }}
      >
        <h3>Request a revision</h3>
        <div className="field">
          <label htmlFor="revision-feedback">Feedback</label>
          <textarea id="revision-feedback" rows={3} value={feedback} onChange={(e) => setFeedback(e.target.value)} disabled={!revisable} />
        </div>
        <ListEditor label="Specific changes" items={changes} onChange={setChanges} addLabel="Add a change" disabled={!revisable} />
        <fieldset className="checks" disabled={!revisable}>
          <legend>Artifacts to revise</legend>
          <div className="checks-row">
          {ARTIFACT_TYPES.map((t) => (
            <label key={t} className="check">
              <input
                type="checkbox"
                checked={types.includes(t)}
                onChange={(e) => setTypes(e.target.checked ? ARTIFACT_TYPES.filter((x) => x === t || types.includes(x)) : types.filter((x) => x !== t))}
              />
              {ARTIFACT_LABEL[t]}
            </label>
          ))}
          </div>
        </fieldset>
        <button type="submit" className="btn" disabled={!revisable || busy !== null || types.length === 0}>
          Request revision
        </button>
        {!revisable && <p className="muted small">A revision can be asked for once the campaign is in review.</p>}
      </form>

      <div className="danger-zone">
        <button type="button" className="btn btn-danger" disabled={!cancellable || busy !== null} onClick={() => void act("cancel", () => api.cancel(campaignId), "Cancelled.")}>
          Cancel campaign
        </button>
        {!cancellable && <span className="muted small"> The campaign has ended.</span>}
      </div>
    </div>
  );
}
