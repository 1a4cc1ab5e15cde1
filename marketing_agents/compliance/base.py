"""The auditor protocol: one call audits the whole campaign (fan-in) and returns a report."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ..models import ArtifactType, ArtifactVersion, AuditReport, CamelModel, CampaignBrief

DEFAULT_COMPLIANCE_THRESHOLD = 80.0


class AuditContext(CamelModel):
    """The artifacts to audit together, with the brief whose constraints apply."""

    report_id: str
    campaign_id: str
    brief: CampaignBrief
    revision_number: int = 0
    round: int = 0
    artifacts: dict[ArtifactType, ArtifactVersion]
    threshold: float = DEFAULT_COMPLIANCE_THRESHOLD


@runtime_checkable
class Auditor(Protocol):
    name: str

    async def audit(self, context: AuditContext) -> AuditReport:
        """Check every artifact; findings point at exact text (field path and span)."""
        ...
