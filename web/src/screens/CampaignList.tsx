/** The person's campaigns, newest first: status, score, artifacts at a glance, the poster as a thumbnail. */
import { useEffect, useState } from "react";
import { api, errorText } from "../lib/api";
import type { Campaign, CampaignSnapshot, CampaignStatus } from "../lib/types";
import { ARTIFACT_TYPES, CAMPAIGN_STATUSES } from "../lib/types";
import { BandBadge, Link, Loading, Notice, StatusBadge, formatScore, formatTime, statusText } from "../components/common";
import { navigate } from "../lib/router";

/** Snapshots of the listed campaigns (score, poster), read a few at a time. */
function useSnapshots(items: Campaign[]): Record<string, CampaignSnapshot | null> {
  const [snapshots, setSnapshots] = useState<Record<string, CampaignSnapshot | null>>({});
  useEffect(() => {
    let live = true;
    const queue = items.map((c) => c.id);
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const snapshot = await api.snapshot(id).catch(() => null);
        if (!live) return;
        setSnapshots((s) => ({ ...s, [id]: snapshot }));
      }
    };
    void Promise.all([worker(), worker(), worker(), worker()]);
    return () => { live = false; };
  }, [items]);
  return snapshots;
}

function Row({ campaign, snapshot }: { campaign: Campaign; snapshot: CampaignSnapshot | null | undefined }) {
  const count = ARTIFACT_TYPES.filter((t) => campaign.activeVersionIds[t]).length;
  const report = snapshot && campaign.latestAuditReportId ? snapshot.auditReports[campaign.latestAuditReportId] : undefined;
  const visual = snapshot?.artifacts.Visual;
  const thumb = visual && "pngUrl" in visual.data ? (visual.data.pngUrl ?? visual.data.svgUrl) : null;
  const alt = visual && "concepts" in visual.data ? (visual.data.concepts[visual.data.chosenIndex]?.altText ?? "") : "";
  return (
    <li className="row card">
      <div className="thumb">
        {thumb ? <img src={thumb} alt={alt ? `Poster: ${alt}` : "Poster"} loading="lazy" /> : <span className="thumb-empty" aria-hidden="true">—</span>}
      </div>
      <div className="row-main">
        <Link to={`/campaigns/${campaign.id}`} className="row-title">{campaign.name}</Link>
        <p className="muted small">{campaign.brief.product} · created {formatTime(campaign.createdAt)} · updated {formatTime(campaign.updatedAt)}</p>
      </div>
      <div className="row-facts">
        <StatusBadge status={campaign.status} testId="status-badge" />
        <span className="small">{count}/3 artifacts</span>
        {report ? (
          <span className="small">Score {formatScore(report.complianceScore)} <BandBadge band={report.status} /></span>
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
  const snapshots = useSnapshots(items ?? []);

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
          {items.map((c) => <Row key={c.id} campaign={c} snapshot={snapshots[c.id]} />)}
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
