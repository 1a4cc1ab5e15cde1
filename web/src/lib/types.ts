/** The API's JSON shapes (marketing_agents/models.py, camelCase), as the dashboard reads them. */

export const ARTIFACT_TYPES = ["Copy", "ShortCopy", "Visual"] as const;
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

export const PLATFORMS = ["X", "Instagram", "LinkedIn", "Facebook", "Threads"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CAMPAIGN_STATUSES = [
  "Generating",
  "Auditing",
  "Regenerating",
  "AwaitingReview",
  "NeedsAttention",
  "Revising",
  "Approved",
  "Cancelled",
  "Expired",
  "Failed",
] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** Statuses in which a person decides (revise, approve, edit). */
export const REVIEW_STATUSES: readonly CampaignStatus[] = ["AwaitingReview", "NeedsAttention"];
/** Statuses in which a revision may be asked for (models.REVISABLE_STATUSES). */
export const REVISABLE_STATUSES: readonly CampaignStatus[] = ["AwaitingReview", "NeedsAttention", "Expired"];
export const TERMINAL_STATUSES: readonly CampaignStatus[] = ["Approved", "Cancelled", "Failed"];
/** Statuses in which the agents or the auditor are at work. */
export const RUNNING_STATUSES: readonly CampaignStatus[] = ["Generating", "Auditing", "Regenerating", "Revising"];

export type Severity = "Low" | "Medium" | "High" | "Critical";
export const SEVERITIES: readonly Severity[] = ["Critical", "High", "Medium", "Low"];
export const BLOCKING_SEVERITIES: readonly Severity[] = ["High", "Critical"];
export type AuditBand = "Pass" | "Conditional" | "Fail";

export interface CampaignBrief {
  theme: string;
  product: string;
  targetAudience: string;
  tone: string;
  constraints?: string[];
  name?: string | null;
  platforms?: Platform[] | null;
  evidence?: string[];
  brandKit?: string | null;
  language?: string;
}

export interface Usage {
  llmCalls: number;
  tokensIn: number;
  tokensOut: number;
  cacheHits: number;
  elapsedMs: number;
}

export interface Approval {
  approvedBy: string;
  approvedAt: string;
  approvedVersionIds: Partial<Record<ArtifactType, string>>;
  auditReportId: string | null;
  complianceScore: number | null;
  comment?: string | null;
}

export interface AuditSummary {
  reportId: string;
  complianceScore: number;
  status: AuditBand;
}

export interface Campaign {
  id: string;
  name: string;
  brief: CampaignBrief;
  status: CampaignStatus;
  revisionNumber: number;
  round: number;
  activeVersionIds: Partial<Record<ArtifactType, string>>;
  latestAuditReportId: string | null;
  /** That report's score and band (absent on campaigns stored before it was kept here). */
  latestAudit?: AuditSummary | null;
  owner: string;
  createdAt: string;
  updatedAt: string;
  approval: Approval | null;
  usage: Usage;
  statusReason: string | null;
  reviewDeadline: string | null;
}

export interface ArtifactMetadata {
  wordCount: number;
  tone: string;
  keywords: string[];
  model: string | null;
  offline: boolean;
  promptVersion: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  cached: boolean;
  tries: number;
  fallbackUsed: boolean;
  notes: string[];
  editedBy?: string | null;
}

export interface CopyData {
  headlines: string[];
  bodyShort: string;
  bodyMedium: string;
  bodyLong: string;
  callsToAction: string[];
  toneSummary: string;
  keywords: string[];
}

export interface ShortPost {
  platform: Platform;
  text: string;
  characterCount: number;
  limit: number;
  overLimit: boolean;
  hashtags: string[];
}

export interface ShortCopyData {
  posts: ShortPost[];
}

export interface PosterConcept {
  headline: string;
  subline: string;
  callToAction: string;
  palette: string[];
  layout: string;
  mood: string[];
  style: string[];
  imagePrompt: string;
  altText: string;
}

export interface VisualData {
  concepts: PosterConcept[];
  chosenIndex: number;
  svgUrl: string | null;
  pngUrl: string | null;
}

export type ArtifactData = CopyData | ShortCopyData | VisualData;

export interface ArtifactVersion {
  id: string;
  campaignId: string;
  type: ArtifactType;
  versionNumber: number;
  revisionNumber: number;
  round: number;
  content: string;
  data: ArtifactData;
  metadata: ArtifactMetadata;
  agentName: string;
  createdAt: string;
  auditReportId: string | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface Fix {
  kind: "remove" | "replace" | "add" | "shorten" | "qualify" | "rewrite";
  target?: string | null;
  replacement?: string | null;
  maxLength?: number | null;
}

export interface ComplianceIssue {
  ruleId: string;
  artifactType: ArtifactType;
  artifactVersionId: string;
  field: string;
  span: Span | null;
  excerpt: string;
  issueDescription: string;
  severity: Severity;
  suggestion: string;
  source: string;
  fix?: Fix | null;
  /** Text that replaces the span for a mechanical fix (when the rule has one). */
  replacement?: string | null;
  /** The rule pack's kind, when the API sends it (regulatory, brand-kit, accessibility, …). */
  category?: string | null;
}

export interface CategoryScores {
  tone: number;
  clarity: number;
  regulatory: number;
  accessibility: number;
  risk: number;
}

export interface AuditReport {
  id: string;
  campaignId: string;
  revisionNumber: number;
  round: number;
  isCompliant: boolean;
  complianceScore: number;
  status: AuditBand;
  categoryScores: CategoryScores;
  issues: ComplianceIssue[];
  issuesOmitted: number;
  feedback: string;
  rulePacks: { id: string; version: string }[];
  checkedBy: string[];
  notChecked: string[];
  artifactVersionIds: Partial<Record<ArtifactType, string>>;
  /** 0 for the audit of a generation round; n for the audit of the campaign's n-th edit. */
  editNumber?: number;
  createdAt: string;
}

/** A person's revision request as stored (models.Revision). */
export interface Revision {
  id: string;
  campaignId: string;
  revisionNumber: number;
  userFeedback: string;
  specificChanges: string[];
  /** The artifact types the revision rewrites (all three when the person named none). */
  artifactTypes: ArtifactType[];
  requestedBy: string;
  createdAt: string;
}

export interface CampaignSnapshot {
  campaign: Campaign;
  artifacts: Partial<Record<ArtifactType, ArtifactVersion>>;
  auditReports: Record<string, AuditReport>;
  /** The campaign's current revision; null (or absent from an older API) before the first. */
  revision?: Revision | null;
}

export interface CampaignEvent {
  eventId: string;
  campaignId: string;
  sequence: number;
  type: string;
  timestamp: string;
  payload: Record<string, unknown>;
}

export interface CampaignPage {
  items: Campaign[];
  continuationToken: string | null;
}

export interface Me {
  userId: string;
  source: "appService" | "local";
  canSwitchUser: boolean;
}

export interface AuditResult {
  report: AuditReport;
  artifacts: Partial<Record<ArtifactType, ArtifactData>>;
}

export interface FieldError {
  field: string;
  message: string;
  type?: string;
}
