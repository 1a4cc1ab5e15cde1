/**
 * One campaign, live: status and connection, the three artifacts (the copy streaming while
 * it is written), the agents, the audit with its findings highlighted in place, edit and
 * check again, versions and diffs, decisions, the timeline and the cost.
 */
import { useMemo, useState } from "react";
import { AgentCards } from "../components/AgentCards";
import { Findings, Scorecard } from "../components/AuditPanel";
import { CopyView, ShortCopyView, VisualView, type Marks } from "../components/artifacts";
import { ARTIFACT_LABEL, Link, Loading, Notice, StatusBadge, formatTime } from "../components/common";
import { CostReadout } from "../components/CostReadout";
import { ApprovalRecord, Decide } from "../components/Decide";
import { ExportButton } from "../components/ExportButton";
import { EditForm } from "../components/EditForm";
import { Timeline } from "../components/Timeline";
import { Versions } from "../components/Versions";
import { applyFix, findingKey } from "../lib/findings";
import { normalisePath } from "../lib/fields";
import { openStream, streamText } from "../lib/live";
import { useLiveCampaign, type ConnectionState } from "../lib/useLiveCampaign";
import type { ArtifactData, ArtifactType, AuditReport, ComplianceIssue, CopyData, ShortCopyData, VisualData } from "../lib/types";
import { ARTIFACT_TYPES, REVIEW_STATUSES } from "../lib/types";

function ConnectionBanner({ connection, onReconnect }: { connection: ConnectionState; onReconnect: () => void }) {
  if (connection === "connected") {
    return <p className="conn conn-ok" data-testid="connection-banner" data-state="connected"><span aria-hidden="true">●</span> Live</p>;
  }
  const text =
    connection === "connecting" ? "Connecting to live updates…"
    : connection === "reconnecting" ? "Connection lost — reconnecting. The view catches up when it is back."
    : "Not connected to live updates. The view reads the event log every few seconds.";
  return (
    <div className={`conn conn-${connection}`} data-testid="connection-banner" data-state={connection} role="status">
      <span aria-hidden="true">{connection === "connecting" ? "○" : "⚠"}</span> {text}
      {connection === "disconnected" && <button type="button" className="btn btn-small" onClick={onReconnect}>Reconnect</button>}
    </div>
  );
}

function latestReport(reports: Record<string, AuditReport>, latestId: string | null): AuditReport | null {
  if (latestId && reports[latestId]) return reports[latestId] ?? null;
  const all = Object.values(reports).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return all[0] ?? null;
}

export function CampaignView({ id }: { id: string }) {
  const live = useLiveCampaign(id);
  const { state } = live;
  const [selected, setSelected] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Partial<Record<ArtifactType, ArtifactData>>>({});
  const [notes, setNotes] = useState<Partial<Record<ArtifactType, string>>>({});
  const [panel, setPanel] = useState<Partial<Record<ArtifactType, "versions">>>({});
  const snapshot = state.snapshot;
  const report = snapshot ? latestReport(snapshot.auditReports, snapshot.campaign.latestAuditReportId) : null;

  const marksByType = useMemo(() => {
    const out: Partial<Record<ArtifactType, Marks>> = {};
    if (!report || !snapshot) return out;
    report.issues.forEach((issue, index) => {
      const active = snapshot.artifacts[issue.artifactType];
      if (!issue.span || !active || active.id !== issue.artifactVersionId) return;
      const marks = (out[issue.artifactType] ??= {});
      (marks[normalisePath(issue.field)] ??= []).push({ key: findingKey(issue, index), start: issue.span.start, end: issue.span.end });
    });
    return out;
  }, [report, snapshot]);

  if (!snapshot) {
    if (live.loadError) {
      return (
        <div className="page">
          <Notice kind="error">This campaign cannot be shown: {live.loadError}</Notice>
          <p><Link to="/">Back to campaigns</Link></p>
        </div>
      );
    }
    return <div className="page"><Loading what="the campaign" /></div>;
  }

  const campaign = snapshot.campaign;
  const status = state.status ?? campaign.status;
  const inReview = REVIEW_STATUSES.includes(status);

  const startEdit = (type: ArtifactType) => {
    const version = snapshot.artifacts[type];
    if (version) setDrafts((d) => ({ ...d, [type]: d[type] ?? version.data }));
  };
  const stopEdit = (type: ArtifactType) => {
    setDrafts(({ [type]: _gone, ...rest }) => rest);
    setNotes(({ [type]: _gone, ...rest }) => rest);
  };
  const onApplyFix = (issue: ComplianceIssue) => {
    const version = snapshot.artifacts[issue.artifactType];
    if (!version) return;
    const base = drafts[issue.artifactType] ?? version.data;
    const next = applyFix(base, issue);
    setDrafts((d) => ({ ...d, [issue.artifactType]: next ?? base }));
    setNotes((n) => ({
      ...n,
      [issue.artifactType]: next
        ? `Fix applied to “${issue.field}” in the draft below: check it and Save edit to audit it again.`
        : `The fix could not be applied: “${issue.field}” no longer holds those words. Edit it by hand.`,
    }));
    document.getElementById(`artifact-${issue.artifactType}`)?.scrollIntoView({ block: "start" });
  };

  const copyStream = openStream(state, "Copy");
  const versionsKey = `${state.lastSequence}`;

  return (
    <div className="page campaign-page">
      <header className="page-head">
        <div>
          <p className="crumbs"><Link to="/">Campaigns</Link> / <span className="muted">{campaign.id}</span></p>
          <h1>{campaign.name}</h1>
          <p className="muted">
            Created {formatTime(campaign.createdAt)} by {campaign.owner} · revision {campaign.revisionNumber}, round {campaign.round}
          </p>
        </div>
        <div className="head-side">
          <StatusBadge status={status} testId="status-badge" />
          <ExportButton campaignId={campaign.id} />
        </div>
      </header>
      <ConnectionBanner connection={live.connection} onReconnect={live.reconnect} />
      {live.refused && <Notice kind="error">Live updates refused: {live.refused}</Notice>}
      {live.loadError && <Notice kind="error">{live.loadError}</Notice>}
      {campaign.statusReason && <Notice kind="info">{campaign.statusReason}</Notice>}

      <section aria-labelledby="brief-h" className="card">
        <h2 id="brief-h">Brief</h2>
        <dl className="facts">
          <div><dt>Theme</dt><dd>{campaign.brief.theme}</dd></div>
          <div><dt>Product</dt><dd>{campaign.brief.product}</dd></div>
          <div><dt>Target audience</dt><dd>{campaign.brief.targetAudience}</dd></div>
          <div><dt>Tone</dt><dd>{campaign.brief.tone}</dd></div>
          <div><dt>Platforms</dt><dd>{(campaign.brief.platforms ?? []).join(", ") || "all"}</dd></div>
          <div><dt>Brand kit</dt><dd>{campaign.brief.brandKit ?? "default"}</dd></div>
          <div><dt>Constraints</dt><dd>{(campaign.brief.constraints ?? []).length ? <ul>{campaign.brief.constraints?.map((c, i) => <li key={i}>{c}</li>)}</ul> : "—"}</dd></div>
          <div><dt>Evidence</dt><dd>{(campaign.brief.evidence ?? []).length ? <ul>{campaign.brief.evidence?.map((c, i) => <li key={i}>{c}</li>)}</ul> : "—"}</dd></div>
        </dl>
      </section>

      <section aria-labelledby="agents-h">
        <h2 id="agents-h">Agents</h2>
        <AgentCards campaign={campaign} status={status} reports={snapshot.auditReports} revision={snapshot.revision ?? null} artifacts={snapshot.artifacts} streaming={{ Copy: copyStream !== null }} />
      </section>

      <div className="review-layout">
        <div className="artifacts-col">
          {ARTIFACT_TYPES.map((type) => {
            const version = snapshot.artifacts[type];
            const draft = drafts[type];
            const marks = marksByType[type] ?? {};
            return (
              <section key={type} id={`artifact-${type}`} className="card artifact" data-testid={`artifact-${type}`} aria-labelledby={`h-${type}`}>
                <header className="artifact-head">
                  <h2 id={`h-${type}`}>{ARTIFACT_LABEL[type]}</h2>
                  {version && (
                    <span className="muted small">
                      v{version.versionNumber} · {version.metadata.editedBy ? `edited by ${version.metadata.editedBy}` : version.agentName}
                    </span>
                  )}
                  <span className="spacer" />
                  {version && (
                    <button type="button" className="btn btn-small" onClick={() => setPanel((p) => ({ ...p, [type]: p[type] ? undefined : "versions" }))} aria-expanded={panel[type] === "versions"}>
                      Versions
                    </button>
                  )}
                  {version && !draft && (
                    <button type="button" className="btn btn-small" onClick={() => startEdit(type)} disabled={!inReview} title={inReview ? undefined : "Edits are possible while the campaign is in review"}>
                      Edit
                    </button>
                  )}
                </header>
                {type === "Copy" && copyStream && (
                  <div className="stream" aria-live="polite">
                    <p className="muted small"><span className="spinner" aria-hidden="true" /> The copywriter is writing…</p>
                    <p className="prose prose-long" data-testid="copy-stream">{streamText(copyStream)}</p>
                  </div>
                )}
                {!version && !(type === "Copy" && copyStream) && <p className="muted">Not written yet.</p>}
                {version && draft && (
                  <EditForm
                    campaignId={campaign.id}
                    type={type}
                    draft={draft}
                    basedOnVersionId={version.id}
                    note={notes[type] ?? null}
                    onChange={(data) => setDrafts((d) => ({ ...d, [type]: data }))}
                    onCancel={() => stopEdit(type)}
                    onDone={() => {
                      stopEdit(type);
                      live.refresh();
                    }}
                  />
                )}
                {version && !draft && type === "Copy" && <CopyView data={version.data as CopyData} marks={marks} selected={selected} />}
                {version && !draft && type === "ShortCopy" && <ShortCopyView data={version.data as ShortCopyData} marks={marks} selected={selected} />}
                {version && !draft && type === "Visual" && <VisualView data={version.data as VisualData} marks={marks} selected={selected} />}
                {version && panel[type] === "versions" && (
                  <Versions campaignId={campaign.id} type={type} activeId={version.id} refreshKey={versionsKey} />
                )}
              </section>
            );
          })}
        </div>

        <aside className="side-col" aria-label="Audit and decisions">
          <section className="card" aria-labelledby="audit-h">
            <h2 id="audit-h">Audit</h2>
            {report ? (
              <>
                <Scorecard report={report} />
                <Findings
                  report={report}
                  selected={selected}
                  onSelect={setSelected}
                  onApplyFix={onApplyFix}
                  canFix={(issue) => {
                    const version = snapshot.artifacts[issue.artifactType];
                    return inReview && version?.id === issue.artifactVersionId && applyFix(version.data, issue) !== null;
                  }}
                  activeVersionIds={campaign.activeVersionIds}
                />
              </>
            ) : (
              <p className="muted">No audit yet: the auditor checks the artifacts once all three are written.</p>
            )}
          </section>
          <section className="card" aria-labelledby="decide-h">
            <h2 id="decide-h">Decide</h2>
            {campaign.approval ? <ApprovalRecord approval={campaign.approval} /> : null}
            <Decide campaignId={campaign.id} status={status} report={report} onChanged={live.refresh} />
          </section>
          <section className="card" aria-labelledby="cost-h">
            <h2 id="cost-h">Cost</h2>
            <CostReadout usage={campaign.usage} />
          </section>
          <section className="card" aria-labelledby="tl-h">
            <h2 id="tl-h">Timeline</h2>
            <Timeline events={state.log} />
          </section>
        </aside>
      </div>
    </div>
  );
}
