/** Small shared pieces: links, status badge, score band, time and number formats, notices. */
import type { MouseEvent, ReactNode } from "react";
import { navigate } from "../lib/router";
import type { AuditBand, CampaignStatus } from "../lib/types";

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className}>
      {children}
    </a>
  );
}

const STATUS_TEXT: Record<CampaignStatus, string> = {
  Generating: "Generating",
  Auditing: "Auditing",
  Regenerating: "Regenerating",
  AwaitingReview: "Awaiting review",
  NeedsAttention: "Needs attention",
  Revising: "Revising",
  Approved: "Approved",
  Cancelled: "Cancelled",
  Expired: "Expired",
  Failed: "Failed",
};

const STATUS_TONE: Record<CampaignStatus, string> = {
  Generating: "busy",
  Auditing: "busy",
  Regenerating: "busy",
  Revising: "busy",
  AwaitingReview: "ready",
  NeedsAttention: "warn",
  Approved: "good",
  Cancelled: "muted",
  Expired: "muted",
  Failed: "bad",
};

export function statusText(status: CampaignStatus): string {
  return STATUS_TEXT[status] ?? status;
}

export function StatusBadge({ status, testId }: { status: CampaignStatus; testId?: string }) {
  return (
    <span className={`badge badge-${STATUS_TONE[status] ?? "muted"}`} data-testid={testId} data-status={status}>
      {statusText(status)}
    </span>
  );
}

const BAND_TONE: Record<AuditBand, string> = { Pass: "good", Conditional: "warn", Fail: "bad" };

export function BandBadge({ band, testId }: { band: AuditBand; testId?: string }) {
  const mark = band === "Pass" ? "✓" : band === "Conditional" ? "!" : "✕";
  return (
    <span className={`badge badge-${BAND_TONE[band]}`} data-testid={testId}>
      <span aria-hidden="true">{mark} </span>
      {band}
    </span>
  );
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatScore(score: number): string {
  return score.toFixed(1).replace(/\.0$/, "");
}

export function Notice({ kind, children }: { kind: "error" | "info" | "success"; children: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export const ARTIFACT_LABEL = { Copy: "Long copy", ShortCopy: "Social posts", Visual: "Poster" } as const;
