/**
 * Is an agent at work? Derived from the snapshot the way the orchestration schedules work
 * (orchestrators/campaign.py): a first draft or a revision rewrites each artifact whose
 * active version is older than the campaign's revision; a regeneration round rewrites only
 * the types the last audit found something in (all of them when no finding names a type).
 */
import type { ArtifactType, ArtifactVersion, AuditReport, Campaign, CampaignStatus } from "./types";

export type AgentState = "working" | "done" | "waiting";

export function agentState(
  type: ArtifactType,
  version: ArtifactVersion | undefined,
  campaign: Campaign,
  status: CampaignStatus,
  latestReport: AuditReport | null,
  streaming: boolean,
): AgentState {
  if (streaming) return "working";
  const older = (v: ArtifactVersion) =>
    v.revisionNumber < campaign.revisionNumber || (v.revisionNumber === campaign.revisionNumber && v.round < campaign.round);
  if (status === "Generating" || status === "Revising") {
    return !version || older(version) ? "working" : "done";
  }
  if (status === "Regenerating") {
    if (!version) return "working";
    if (!older(version)) return "done";
    const found = new Set((latestReport?.issues ?? []).map((i) => i.artifactType));
    return found.size === 0 || found.has(type) ? "working" : "done";
  }
  return version ? "done" : "waiting";
}
