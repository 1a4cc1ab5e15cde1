"""The fan-in audit as an activity does it: read the active versions, audit them
together, and shape the report. Also the one rule for "which report judged this
version", derived from the reports (each names the versions it judged) when versions
are read, so no version is rewritten to point at its report."""

from __future__ import annotations

from collections.abc import Iterable

from ..compliance.base import AuditContext, Auditor
from ..ids import audit_report_id, edit_audit_report_id
from ..models import ArtifactVersion, AuditReport
from ..store import CampaignRepository
from .contracts import AuditInput
from .generation import GenerationError


async def audit_versions(
    inp: AuditInput, repository: CampaignRepository, auditor: Auditor, threshold: float
) -> AuditReport:
    """Audit the versions the orchestration names, read by id.

    They are always there: each was written by its generation activity's output
    binding, and the host applies output bindings before the activity completes (devhost
    writes them before recording TaskCompleted; Functions flushes them as part of the
    invocation, so Durable only sees the activity's result after they are stored). A
    missing version is therefore not a race to wait out but a broken store, and fails
    the step with the ids it could not find."""
    found = await repository.get_campaign(inp.campaign_id)
    if found is None:
        raise GenerationError(f"campaign {inp.campaign_id} not found")
    by_id = await repository.get_artifact_versions(inp.campaign_id, list(inp.version_ids.values()))
    missing = [v for v in inp.version_ids.values() if v not in by_id]
    if missing:
        raise GenerationError(f"artifact versions missing from the store: {', '.join(missing)}")
    artifacts = {t: by_id[v] for t, v in inp.version_ids.items()}
    report_id = (edit_audit_report_id(inp.campaign_id, inp.revision_number, inp.edit_number) if inp.edit_number
                 else audit_report_id(inp.campaign_id, inp.revision_number, inp.round))
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
    return report.model_copy(
        update={"id": report_id, "artifact_version_ids": dict(inp.version_ids), "edit_number": inp.edit_number}
    )


def link_reports(versions: Iterable[ArtifactVersion], reports: Iterable[AuditReport]) -> list[ArtifactVersion]:
    """Each version with ``audit_report_id`` set to the latest report that judged it
    (an unchanged version is judged again in later rounds and after each edit), or None
    if none has yet. Within a revision, edits come after its generation rounds."""
    latest: dict[str, AuditReport] = {}
    for report in reports:
        for version_id in report.artifact_version_ids.values():
            seen = latest.get(version_id)
            if seen is None or report_order(report) > report_order(seen):
                latest[version_id] = report
    return [
        v.model_copy(update={"audit_report_id": latest[v.id].id if v.id in latest else None}) for v in versions
    ]


def report_order(report: AuditReport) -> tuple[int, int, int]:
    """Reports in the order they were made: by revision, then a revision's generation
    rounds (edit 0) before the audits of its edits."""
    return report.revision_number, report.edit_number, report.round


def newest_first(reports: Iterable[AuditReport]) -> list[AuditReport]:
    """Audit history, newest first (the stores order by revision and round only, which
    puts an edit's audit, round 0, below the rounds before it)."""
    return sorted(reports, key=report_order, reverse=True)
