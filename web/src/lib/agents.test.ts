import { describe, expect, it } from "vitest";
import { agentState, previousRoundReport, requestedTypes, type Work } from "./agents";
import type { ArtifactType, ArtifactVersion, AuditReport, Campaign, CampaignStatus, ComplianceIssue, Revision } from "./types";

const campaign = (revisionNumber: number, round: number) => ({ revisionNumber, round }) as Campaign;
const version = (revisionNumber: number, round: number) => ({ revisionNumber, round }) as ArtifactVersion;
const report = (...types: ComplianceIssue["artifactType"][]) =>
  ({ issues: types.map((artifactType) => ({ artifactType })) }) as AuditReport;
const revision = (revisionNumber: number, artifactTypes: ArtifactType[]) => ({ revisionNumber, artifactTypes }) as Revision;
const work = (c: Campaign, status: CampaignStatus, roundReport: AuditReport | null = null, rev: Revision | null = null): Work =>
  ({ campaign: c, status, roundReport, revision: rev });

describe("agent state", () => {
  it("a first draft: working until this round's version exists", () => {
    expect(agentState("Copy", undefined, work(campaign(0, 0), "Generating"), false)).toBe("working");
    expect(agentState("Copy", version(0, 0), work(campaign(0, 0), "Generating"), false)).toBe("done");
  });

  it("a regeneration round rewrites only the types with findings", () => {
    const c = campaign(0, 1);
    expect(agentState("Copy", version(0, 0), work(c, "Regenerating", report("Copy")), false)).toBe("working");
    expect(agentState("Visual", version(0, 0), work(c, "Regenerating", report("Copy")), false)).toBe("done");
    expect(agentState("Visual", version(0, 0), work(c, "Regenerating", report()), false)).toBe("working");
    expect(agentState("Copy", version(0, 1), work(c, "Regenerating", report("Copy")), false)).toBe("done");
  });

  it("a regeneration round without a typed finding rewrites what the round before wrote", () => {
    // Revision 1 asked for Copy only; its round 0 audit named no type: round 1 rewrites Copy.
    const c = campaign(1, 1);
    const w = work(c, "Regenerating", report(), revision(1, ["Copy"]));
    expect(agentState("Copy", version(1, 0), w, false)).toBe("working");
    expect(agentState("ShortCopy", version(0, 2), w, false)).toBe("done");
    expect(agentState("Visual", version(0, 0), w, false)).toBe("done");
  });

  it("a revision: only the types it asked for are being rewritten", () => {
    const asked = revision(1, ["Copy", "Visual"]);
    const w = work(campaign(1, 0), "Revising", null, asked);
    expect(agentState("Copy", version(0, 3), w, false)).toBe("working");
    expect(agentState("Visual", version(0, 0), w, false)).toBe("working");
    expect(agentState("ShortCopy", version(0, 0), w, false)).toBe("done");
    expect(agentState("Copy", version(1, 0), w, false)).toBe("done");
  });

  it("a revision the snapshot does not describe (or that named no type) rewrites every type", () => {
    expect(agentState("ShortCopy", version(0, 3), work(campaign(1, 0), "Revising"), false)).toBe("working");
    expect(agentState("ShortCopy", version(0, 3), work(campaign(1, 0), "Revising", null, revision(1, [])), false)).toBe("working");
    // A stale revision document (the previous revision's) says nothing about this one.
    expect(agentState("ShortCopy", version(1, 0), work(campaign(2, 0), "Revising", null, revision(1, ["Copy"])), false)).toBe("working");
  });

  it("streaming is working; in review or ended nobody is", () => {
    expect(agentState("Copy", version(0, 0), work(campaign(0, 0), "AwaitingReview"), true)).toBe("working");
    expect(agentState("Copy", version(0, 0), work(campaign(0, 0), "Auditing"), false)).toBe("done");
    expect(agentState("Copy", undefined, work(campaign(0, 0), "Failed"), false)).toBe("waiting");
  });
});

describe("what the snapshot says about the running work", () => {
  it("requested types: the current revision's, else all", () => {
    expect(requestedTypes(campaign(0, 0), null)).toBeNull();
    expect(requestedTypes(campaign(2, 0), revision(2, ["ShortCopy"]))).toEqual(["ShortCopy"]);
    expect(requestedTypes(campaign(2, 0), revision(1, ["ShortCopy"]))).toBeNull();
  });

  it("the previous round's report is this revision's, not the last review's", () => {
    const at = (id: string, revisionNumber: number, round: number, editNumber = 0) =>
      ({ id, revisionNumber, round, editNumber, issues: [] }) as unknown as AuditReport;
    const reports = {
      a: at("a", 0, 2),
      b: at("b", 1, 0),
      c: at("c", 1, 1),
      e: at("e", 1, 0, 1),
    };
    expect(previousRoundReport(reports, campaign(1, 1))?.id).toBe("b");
    expect(previousRoundReport(reports, campaign(1, 2))?.id).toBe("c");
    expect(previousRoundReport(reports, campaign(1, 0))).toBeNull();
    expect(previousRoundReport(reports, campaign(2, 1))).toBeNull();
  });
});
