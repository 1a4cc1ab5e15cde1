/** The person's campaigns, newest first: status, score, artifacts at a glance, the poster as a thumbnail,
 * all from the listed campaign documents (no read per row). */
import { useEffect, useState } from "react";
import { api, errorText } from "../lib/api";
import type { AuditSummary, Campaign, CampaignStatus } from "../lib/types";
import { ARTIFACT_TYPES, CAMPAIGN_STATUSES } from "../lib/types";
import { BandBadge, Link, Loading, Notice, StatusBadge, formatScore, formatTime, statusText } from "../components/common";
import { navigate } from "../lib/router";

/** The score and band of a row: kept on the campaign document (`latestAudit`), so the list
 * reads nothing per row. Campaigns stored before that field existed have only the report
 * id; for those alone the report is read from their snapshot, a few at a time. */
function useLegacyReports(items: Campaign[]): Record<string, AuditSummary | null> {
  const [reports, setReports] = useState<Record<string, AuditSummary | null>>({});
  useEffect(() => {
    let live = true;
    const queue = items.filter((c) => c.latestAuditReportId && !c.latestAudit).map((c) => c.id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const snapshot = await api.snapshot(id).catch(() => null);
        if (!live) return;
        const reportId = snapshot?.campaign.latestAuditReportId;
        const report = reportId ? snapshot.auditReports[reportId] : undefined;
        setReports((r) => ({
          ...r,
          [id]: report ? { reportId: report.id, complianceScore: report.complianceScore, status: report.status } : null,
        }));
      }
    };
    void Promise.all([worker(), worker()]);
    return () => { live = false; };
  }, [items]);
  return reports;
}

function Row({ campaign, legacyReport }: { campaign: Campaign; legacyReport: AuditSummary | null | undefined }) {
  const count = ARTIFACT_TYPES.filter((t) => campaign.activeVersionIds[t]).length;
  const report = campaign.latestAudit ?? legacyReport;
  const visualId = campaign.activeVersionIds.Visual;
  const [thumbFailed, setThumbFailed] = useState(false);
  return (
    <li className="row card">
      <div className="thumb">
        {visualId && !thumbFailed ? (
          <img src={api.posterUrl(campaign.id, visualId)} alt={`Poster of ${campaign.name}`} loading="lazy"
            onError={() => setThumbFailed(true)} data-testid="row-poster" />
        ) : <span className="thumb-empty" aria-hidden="true">—</span>}
      </div>
      <div className="row-main">
        <Link to={`/campaigns/${campaign.id}`} className="row-title">{campaign.name}</Link>
        <p className="muted small">{campaign.brief.product} · created {formatTime(campaign.createdAt)} · updated {formatTime(campaign.updatedAt)}</p>
      </div>
      <div className="row-facts">
        <StatusBadge status={campaign.status} testId="status-badge" />
        <span className="small">{count}/3 artifacts</span>
        {report ? (
          <span className="small" data-testid="row-score">Score {formatScore(report.complianceScore)} <BandBadge band={report.status} /></span>
        ) : (
          <span className="small muted">{campaign.latestAuditReportId ? "Score…" : "Not audited"}</span>
        )}
      </div>
    </li>
  );
}

export function CampaignList() {
  const [status, setStatus] = useState<CampaignStatus | "">("");
  const [pages, setPages] = useState<string[]>([""]); // continuation tokens of the pages seen ("" = first)
  const [page, setPage] = useState(0);
  const [items, setItems] = useState<Campaign[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const legacyReports = useLegacyReports(items ?? []);

  useEffect(() => {
    let live = true;
    setItems(null);
    setError(null);
    api.listCampaigns(status || null, pages[page] || null).then(
      (result) => {
        if (!live) return;
        setItems(result.items);
        setNext(result.continuationToken);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => { live = false; };
  }, [status, page, pages]);

  const goNext = () => {
    if (!next) return;
    setPages((p) => [...p.slice(0, page + 1), next]);
    setPage(page + 1);
  };

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Campaigns</h1>
          <p className="muted">Newest first. Open one to watch it, review the audit and decide.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => navigate("/new")}>New campaign</button>
      </header>
      <div className="toolbar">
        <label>
          Filter by status{" "}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as CampaignStatus | "");
              setPages([""]);
              setPage(0);
            }}
          >
            <option value="">All statuses</option>
            {CAMPAIGN_STATUSES.map((s) => <option key={s} value={s}>{statusText(s)}</option>)}
          </select>
        </label>
      </div>
      {error && <Notice kind="error">The campaigns could not be read: {error}</Notice>}
      {!error && items === null && <Loading what="campaigns" />}
      {items && items.length === 0 && (
        <div className="empty card">
          <p><strong>{status ? `No campaign is ${statusText(status).toLowerCase()}.` : "No campaigns yet."}</strong></p>
          <p className="muted">A campaign starts from a brief: theme, product, audience and tone.</p>
          <p><Link to="/new">Create your first campaign</Link></p>
        </div>
      )}
      {items && items.length > 0 && (
        <ul className="rows" aria-label="Campaigns">
          {items.map((c) => <Row key={c.id} campaign={c} legacyReport={legacyReports[c.id]} />)}
        </ul>
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" className="btn" onClick={() => setPage(page - 1)} disabled={page === 0}>Previous page</button>
        <span className="muted small">Page {page + 1}</span>
        <button type="button" className="btn" onClick={goNext} disabled={!next}>Next page</button>
      </nav>
    </div>
  );
}
