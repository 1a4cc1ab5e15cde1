"""Runs the offline agents and an auditor through the regeneration loop (SPEC.md step 6),
the way the orchestration does, without Durable Functions: used by the integration test."""

from __future__ import annotations

from datetime import UTC, datetime

from marketing_agents.agents.base import Agent, AgentContext
from marketing_agents.agents.offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter
from marketing_agents.compliance.base import AuditContext, Auditor
from marketing_agents.models import ArtifactType, ArtifactVersion, AuditReport, CampaignBrief

AGENTS: dict[ArtifactType, Agent] = {
    ArtifactType.COPY: OfflineCopywriter(),
    ArtifactType.SHORT_COPY: OfflineShortCopyWriter(),
    ArtifactType.VISUAL: OfflineVisualConceptWriter(),
}
CAMPAIGN = "c-0123456789abcdef"


async def write(artifact_type: ArtifactType, brief: CampaignBrief, round_number: int,
                previous: ArtifactVersion | None, report: AuditReport | None) -> ArtifactVersion:
    context = AgentContext(
        campaign_id=CAMPAIGN, artifact_type=artifact_type, brief=brief, round=round_number,
        previous=previous,
        audit_feedback=report.feedback_by_type.get(artifact_type) if report else None,
        audit_issues=list(report.issues) if report else [],
    )
    result = await AGENTS[artifact_type].generate(context)
    number = previous.version_number + 1 if previous else 1
    return ArtifactVersion(
        id=f"{CAMPAIGN}-{artifact_type.value.lower()}-v{number}", campaign_id=CAMPAIGN, type=artifact_type,
        version_number=number, revision_number=0, round=round_number, content=result.content,
        data=result.data, metadata=result.metadata, agent_name=result.agent_name,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )


async def run_loop(brief: CampaignBrief, auditor: Auditor, max_rounds: int = 5) -> list[AuditReport]:
    """Generate, audit, regenerate the artifacts with findings; stop when compliant."""
    artifacts = {t: await write(t, brief, 0, None, None) for t in AGENTS}
    reports: list[AuditReport] = []
    for round_number in range(max_rounds + 1):
        report = await auditor.audit(AuditContext(
            report_id=f"{CAMPAIGN}-audit-r0-{round_number}", campaign_id=CAMPAIGN, brief=brief,
            round=round_number, artifacts=dict(artifacts),
        ))
        reports.append(report)
        if report.is_compliant or round_number == max_rounds:
            break
        for t in report.types_with_findings():
            artifacts[t] = await write(t, brief, round_number + 1, artifacts[t], report)
    return reports
