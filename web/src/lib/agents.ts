/**
 * Is an agent at work? Derived from the snapshot the way the orchestration schedules work
 * (orchestrators/campaign.py, marketing_agents/campaign/contracts.py):
 * - a first draft rewrites every artifact; a revision only the types it asked for (the
 *   snapshot's `revision.artifactTypes`), each until its version of this revision exists;
 * - a regeneration round rewrites the types the previous round's audit found something
 *   in, or, when no finding names a type, what the previous round wrote.
 */
import type { ArtifactType, ArtifactVersion, AuditReport, Campaign, CampaignStatus, Revision } from "./types";

export type AgentState = "working" | "done" | "waiting";

/** What the orchestration is doing now, as the snapshot tells it. */
export interface Work {
  campaign: Campaign;
  status: CampaignStatus;
  /** The audit of the round before the current one (previousRoundReport), if known. */
  roundReport: AuditReport | null;
  /** The snapshot's current revision, if any. */
  revision: Revision | null;
}

/** The types the campaign's current revision rewrites; null when every type is rewritten
 * (a first draft, a revision that named none, or a snapshot that does not say). */
export function requestedTypes(campaign: Campaign, revision: Revision | null): readonly ArtifactType[] | null {
  if (campaign.revisionNumber === 0 || !revision || revision.revisionNumber !== campaign.revisionNumber) return null;
  return revision.artifactTypes.length > 0 ? revision.artifactTypes : null;
}

/** The report of the round before the campaign's current round, in its current revision:
 * the one whose findings decide what a regeneration round rewrites. (The campaign's
 * `latestAuditReportId` is set only when a review starts, so during a revision's rounds it
 * names the previous review's report.) */
export function previousRoundReport(reports: Record<string, AuditReport>, campaign: Campaign): AuditReport | null {
  if (campaign.round === 0) return null;
  const found = Object.values(reports).find(
    (r) => r.revisionNumber === campaign.revisionNumber && r.round === campaign.round - 1 && (r.editNumber ?? 0) === 0,
  );
  return found ?? null;
}

export function agentState(type: ArtifactType, version: ArtifactVersion | undefined, work: Work, streaming: boolean): AgentState {
  if (streaming) return "working";
  const { campaign, status, roundReport, revision } = work;
  const older = (v: ArtifactVersion) =>
    v.revisionNumber < campaign.revisionNumber || (v.revisionNumber === campaign.revisionNumber && v.round < campaign.round);
  if (status === "Generating" || status === "Revising") {
    if (version && !older(version)) return "done";
    const requested = requestedTypes(campaign, revision);
    if (version && requested !== null && !requested.includes(type)) return "done";
    return "working";
  }
  if (status === "Regenerating") {
    if (!version) return "working";
    if (!older(version)) return "done";
    const found = new Set((roundReport?.issues ?? []).map((i) => i.artifactType));
    if (found.size > 0) return found.has(type) ? "working" : "done";
    // No finding names a type: the round rewrites what the round before it wrote.
    const wroteLastRound = version.revisionNumber === campaign.revisionNumber && version.round === campaign.round - 1;
    return wroteLastRound ? "working" : "done";
  }
  return version ? "done" : "waiting";
}
