/**
 * The REST API as the tests' independent witness: what the browser shows is compared with
 * what the API says (the snapshot, the event log), never with the page's own state.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BASE_URL, STEP_TIMEOUT_MS, USER } from './env.ts';

export const PRINCIPAL_HEADER = 'x-ms-client-principal-id';
export const SETTLED = new Set(['AwaitingReview', 'NeedsAttention', 'Approved', 'Cancelled', 'Expired', 'Failed']);
export const IN_REVIEW = new Set(['AwaitingReview', 'NeedsAttention']);
export const ARTIFACT_TYPES = ['Copy', 'ShortCopy', 'Visual'] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

export interface Brief {
  name: string;
  theme: string;
  product: string;
  targetAudience: string;
  tone: string;
  constraints: string[];
  evidence: string[];
  platforms: string[];
  brandKit?: string | null;
}

export interface Span { start: number; end: number }

export interface Finding {
  ruleId: string;
  artifactType: ArtifactType;
  artifactVersionId: string;
  field: string;
  span: Span | null;
  excerpt: string;
  issueDescription: string;
  severity: 'Low' | 'Medium' | 'High' | 'Critical';
  suggestion: string;
  source: string;
  replacement?: string | null;
}

export interface AuditReport {
  id: string;
  complianceScore: number;
  status: string;
  isCompliant: boolean;
  issues: Finding[];
  artifactVersionIds: Record<string, string>;
}

export interface ArtifactVersion {
  id: string;
  type: ArtifactType;
  versionNumber: number;
  revisionNumber: number;
  round: number;
  agentName: string;
  content: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface Snapshot {
  campaign: {
    id: string;
    name: string;
    status: string;
    brief: Brief;
    revisionNumber: number;
    activeVersionIds: Partial<Record<ArtifactType, string>>;
    latestAuditReportId: string | null;
    approval: Record<string, unknown> | null;
  };
  artifacts: Partial<Record<ArtifactType, ArtifactVersion>>;
  auditReports: Record<string, AuditReport>;
}

export interface CampaignEvent {
  eventId: string;
  sequence: number;
  type: string;
  timestamp: string;
  payload: Record<string, unknown>;
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export function exampleBrief(name: string): Brief {
  return JSON.parse(readFileSync(resolve(ROOT, 'examples', 'briefs', `${name}.json`), 'utf8')) as Brief;
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set(PRINCIPAL_HEADER, USER);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(`${BASE_URL}${path}`, { ...init, headers });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export async function createCampaign(brief: Brief): Promise<string> {
  const created = await api<{ id: string }>('/api/campaigns', { method: 'POST', body: JSON.stringify(brief) });
  return created.id;
}

export const snapshot = (id: string): Promise<Snapshot> => api<Snapshot>(`/api/campaigns/${id}`);

export async function events(id: string, after = 0): Promise<CampaignEvent[]> {
  const page = await api<{ items: CampaignEvent[] }>(`/api/campaigns/${id}/events?after=${after}`);
  return page.items;
}

export async function versions(id: string, type: ArtifactType): Promise<ArtifactVersion[]> {
  const page = await api<{ items: ArtifactVersion[] }>(`/api/campaigns/${id}/artifacts/${type}/versions`);
  return page.items;
}

export async function audits(id: string): Promise<AuditReport[]> {
  const page = await api<{ items: AuditReport[] }>(`/api/campaigns/${id}/audits`);
  return page.items;
}

const pause = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** Polls the snapshot until ``accept`` holds (liveness bound only). */
export async function waitForSnapshot(id: string, accept: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let last: Snapshot | undefined;
  while (Date.now() < deadline) {
    last = await snapshot(id);
    if (accept(last)) return last;
    await pause(100);
  }
  throw new Error(`campaign ${id} never reached ${what}; last status ${last?.campaign.status ?? 'unknown'}`);
}

export const waitForReview = (id: string): Promise<Snapshot> =>
  waitForSnapshot(id, (s) => IN_REVIEW.has(s.campaign.status), 'review (AwaitingReview or NeedsAttention)');

export function latestReport(s: Snapshot): AuditReport {
  const id = s.campaign.latestAuditReportId;
  const report = id === null ? undefined : s.auditReports[id];
  if (report === undefined) throw new Error(`campaign ${s.campaign.id} has no audit report yet`);
  return report;
}
