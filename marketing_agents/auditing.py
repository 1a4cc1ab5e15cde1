"""The fan-in audit as an activity does it: read the active versions, audit them
together, and link each version to the report that judged it."""

from __future__ import annotations

from .compliance.base import AuditContext, Auditor
from .flow import AuditInput
from .generation import GenerationError
from .ids import audit_report_id
from .models import ArtifactVersion, AuditReport
from .store import CampaignRepository


async def audit_versions(
    inp: AuditInput, repository: CampaignRepository, auditor: Auditor, threshold: float
) -> tuple[AuditReport, list[ArtifactVersion]]:
    found = await repository.get_campaign(inp.campaign_id)
    if found is None:
        raise GenerationError(f"campaign {inp.campaign_id} not found")
    by_id = await repository.get_artifact_versions(inp.campaign_id, list(inp.version_ids.values()))
    missing = [v for v in inp.version_ids.values() if v not in by_id]
    if missing:
        # The generation activity's binding has not landed (yet): a retry will see it.
        raise RuntimeError(f"artifact versions not stored yet: {', '.join(missing)}")
    artifacts = {t: by_id[v] for t, v in inp.version_ids.items()}
    report_id = audit_report_id(inp.campaign_id, inp.revision_number, inp.round)
    report = await auditor.audit(
        AuditContext(
            report_id=report_id,
            campaign_id=inp.campaign_id,
            brief=found[0].brief,
            revision_number=inp.revision_number,
            round=inp.round,
            artifacts=artifacts,
            threshold=threshold,
        )
    )
    report = report.model_copy(update={"id": report_id, "artifact_version_ids": dict(inp.version_ids)})
    linked = [a.model_copy(update={"audit_report_id": report_id}) for a in artifacts.values()]
    return report, linked
