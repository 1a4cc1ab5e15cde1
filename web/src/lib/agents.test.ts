import { describe, expect, it } from "vitest";
import { agentState } from "./agents";
import type { ArtifactVersion, AuditReport, Campaign, ComplianceIssue } from "./types";

const campaign = (revisionNumber: number, round: number) => ({ revisionNumber, round }) as Campaign;
const version = (revisionNumber: number, round: number) => ({ revisionNumber, round }) as ArtifactVersion;
const report = (...types: ComplianceIssue["artifactType"][]) =>
  ({ issues: types.map((artifactType) => ({ artifactType })) }) as AuditReport;

describe("agent state", () => {
  it("a first draft: working until this round's version exists", () => {
    expect(agentState("Copy", undefined, campaign(0, 0), "Generating", null, false)).toBe("working");
    expect(agentState("Copy", version(0, 0), campaign(0, 0), "Generating", null, false)).toBe("done");
  });

  it("a regeneration round rewrites only the types with findings", () => {
    const c = campaign(0, 1);
    expect(agentState("Copy", version(0, 0), c, "Regenerating", report("Copy"), false)).toBe("working");
    expect(agentState("Visual", version(0, 0), c, "Regenerating", report("Copy"), false)).toBe("done");
    expect(agentState("Visual", version(0, 0), c, "Regenerating", report(), false)).toBe("working");
    expect(agentState("Copy", version(0, 1), c, "Regenerating", report("Copy"), false)).toBe("done");
  });

  it("a revision: versions of an earlier revision are being rewritten", () => {
    expect(agentState("Copy", version(0, 3), campaign(1, 0), "Revising", null, false)).toBe("working");
    expect(agentState("Copy", version(1, 0), campaign(1, 0), "Revising", null, false)).toBe("done");
  });

  it("streaming is working; in review or ended nobody is", () => {
    expect(agentState("Copy", version(0, 0), campaign(0, 0), "AwaitingReview", null, true)).toBe("working");
    expect(agentState("Copy", version(0, 0), campaign(0, 0), "Auditing", null, false)).toBe("done");
    expect(agentState("Copy", undefined, campaign(0, 0), "Failed", null, false)).toBe("waiting");
  });
});
