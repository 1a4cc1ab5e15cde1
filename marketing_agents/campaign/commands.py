"""The campaign use cases behind the HTTP API, free of any Functions type.

Each human decision (approve, revise, cancel) is a conditional write (etag) on the
campaign document, so two concurrent decisions cannot both win; the API then tells
the orchestration. Reads check that the caller may read the campaign.
"""

from __future__ import annotations

from ..edits import EditRequest, edited_data
from ..http_input import JSON_MEDIA_TYPE, read_json_object, validate_request
from ..ids import audit_report_id, is_campaign_id, review_event_name, revision_id
from ..models import (
    ALL_ARTIFACT_TYPES,
    REVISABLE_STATUSES,
    TERMINAL_STATUSES,
    Approval,
    ApprovalRequest,
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CampaignBrief,
    CampaignEvent,
    CampaignSnapshot,
    CampaignStatus,
    Revision,
    RevisionRequest,
    utc_now,
)
from ..problems import BadRequest, Conflict, NotFound
from ..settings import Settings
from ..store import CampaignRepository, PreconditionFailed
from .auditing import link_reports, newest_first
from .contracts import EditDecision, FlowState, ReviewDecision
from .documents import new_campaign


def parse_brief(body: bytes, content_type: str | None = JSON_MEDIA_TYPE) -> CampaignBrief:
    """A brief from a request body: every field error listed at once (400), or 413/415."""
    return validate_request(CampaignBrief, read_json_object(content_type, body, "brief"), "brief")


def parse_artifact_type(value: str) -> ArtifactType:
    """An artifact type exactly as the API document spells it (``Copy``, ``ShortCopy``,
    ``Visual``): one spelling, so the document's enum is what is accepted."""
    for artifact_type in ALL_ARTIFACT_TYPES:
        if value == artifact_type.value:
            return artifact_type
    names = ", ".join(t.value for t in ALL_ARTIFACT_TYPES)
    raise BadRequest(f"Unknown artifact type {value!r}; expected one of {names}")


# States in which a person may edit an artifact: the campaign is waiting for a review.
EDITABLE_STATUSES = frozenset({CampaignStatus.AWAITING_REVIEW, CampaignStatus.NEEDS_ATTENTION})


def review_event(campaign: Campaign) -> str:
    """The review event the campaign's orchestration is waiting for now (raise a
    decision under the name read from the campaign *before* the decision's write)."""
    return review_event_name(campaign.revision_number, campaign.edit_number)


def parse_status(value: str) -> CampaignStatus:
    try:
        return CampaignStatus(value)
    except ValueError as error:
        names = ", ".join(s.value for s in CampaignStatus)
        raise BadRequest(f"Unknown status {value!r}; expected one of {names}") from error


class CampaignCommands:
    def __init__(self, repository: CampaignRepository, settings: Settings) -> None:
        self.repository = repository
        self.settings = settings

    # ------------------------------------------------------------------ create

    async def create(self, brief: CampaignBrief, user: str) -> tuple[Campaign, FlowState]:
        campaign = new_campaign(brief, owner=user)
        await self.repository.create_campaign(campaign)
        flow = FlowState(
            campaign_id=campaign.id,
            campaign_name=campaign.name,
            review_deadline_seconds=self.settings.review_deadline.total_seconds(),
            max_rounds=self.settings.max_regeneration_rounds,
        )
        return campaign, flow

    async def mark_failed(self, campaign_id: str, reason: str) -> None:
        found = await self.repository.get_campaign(campaign_id)
        if found is not None:
            campaign = found[0].model_copy(
                update={"status": CampaignStatus.FAILED, "status_reason": reason, "updated_at": utc_now()}
            )
            await self.repository.replace_campaign(campaign, found[1])

    # ------------------------------------------------------------------ reads

    async def readable(self, campaign_id: str, user: str) -> tuple[Campaign, str]:
        """The campaign if it exists and ``user`` may read it; otherwise 404 (not 403, so
        that ids of other people's campaigns are not confirmed)."""
        if not is_campaign_id(campaign_id):
            raise NotFound(f"No campaign {campaign_id!r}")
        found = await self.repository.get_campaign(campaign_id)
        if found is None or found[0].owner != user:
            raise NotFound(f"No campaign {campaign_id!r}")
        return found

    async def snapshot(self, campaign_id: str, user: str) -> CampaignSnapshot:
        """One point read of the campaign, then parallel point reads of its active
        versions and of the reports that can have judged them (the seed algorithm).

        Which report judged a version is derived from the reports, not stored on the
        version: an active version was last judged by the report of the campaign's
        current round, of the round before (while the current one is being written or
        audited), or by the latest report of an earlier revision.

        From the first revision on, the current revision's document comes too: which
        artifact types it asked for is what says which agents are at work while it runs."""
        campaign, _ = await self.readable(campaign_id, user)
        versions = await self.repository.get_artifact_versions(campaign_id, list(campaign.active_version_ids.values()))
        rounds = {campaign.round, max(campaign.round - 1, 0)}
        report_ids = sorted({audit_report_id(campaign_id, campaign.revision_number, r) for r in rounds})
        if campaign.latest_audit_report_id and campaign.latest_audit_report_id not in report_ids:
            report_ids.append(campaign.latest_audit_report_id)
        found = await self.repository.get_audit_reports(campaign_id, report_ids)
        linked = {v.id: v for v in link_reports(versions.values(), found.values())}
        artifacts = {t: linked[v] for t, v in campaign.active_version_ids.items() if v in linked}
        wanted = {a.audit_report_id for a in artifacts.values()} | {campaign.latest_audit_report_id}
        reports = {i: r for i, r in found.items() if i in wanted}
        revision = None
        if campaign.revision_number > 0:
            revision = await self.repository.get_revision(campaign_id, campaign.revision_number)
        return CampaignSnapshot(campaign=campaign, artifacts=artifacts, audit_reports=reports, revision=revision)

    async def versions(self, campaign_id: str, user: str, artifact_type: ArtifactType | None) -> list[ArtifactVersion]:
        await self.readable(campaign_id, user)
        versions = await self.repository.list_artifact_versions(campaign_id, artifact_type)
        return link_reports(versions, await self.repository.list_audit_reports(campaign_id))

    async def audits(self, campaign_id: str, user: str) -> list[AuditReport]:
        await self.readable(campaign_id, user)
        return newest_first(await self.repository.list_audit_reports(campaign_id))

    async def events(self, campaign_id: str, user: str, after: int) -> list[CampaignEvent]:
        await self.readable(campaign_id, user)
        return await self.repository.list_events(campaign_id, after)

    async def list(
        self, user: str, status: CampaignStatus | None, page_size: int, continuation: str | None
    ) -> tuple[list[Campaign], str | None]:
        try:
            return await self.repository.list_campaigns(status, user, page_size, continuation)
        except ValueError as error:
            raise BadRequest(str(error)) from error

    # ------------------------------------------------------------------ decisions

    async def request_revision(
        self, campaign_id: str, user: str, request: RevisionRequest
    ) -> tuple[Revision, ReviewDecision, Campaign]:
        campaign, etag = await self.readable(campaign_id, user)
        if campaign.status not in REVISABLE_STATUSES:
            raise Conflict(
                f"Campaign is {campaign.status.value}; a revision needs it to be "
                + " or ".join(sorted(s.value for s in REVISABLE_STATUSES)),
                currentStatus=campaign.status.value,
            )
        number = campaign.revision_number + 1
        types = request.artifact_types or list(ALL_ARTIFACT_TYPES)
        revision = Revision(
            id=revision_id(campaign_id, number),
            campaign_id=campaign_id,
            revision_number=number,
            user_feedback=request.feedback,
            specific_changes=list(request.specific_changes),
            artifact_types=[t for t in ALL_ARTIFACT_TYPES if t in types],
            requested_by=user,
            created_at=utc_now(),
        )
        await self.repository.save_revision(revision)
        updated = campaign.model_copy(
            update={
                "status": CampaignStatus.REVISING,
                "status_reason": None,
                "revision_number": number,
                "round": 0,
                "updated_at": utc_now(),
            }
        )
        await self._replace(updated, etag)
        decision = ReviewDecision(
            action="revise", revision_number=number, artifact_types=revision.artifact_types, by=user
        )
        return revision, decision, campaign

    async def undo_revision(self, before: Campaign) -> None:
        """Put the campaign back as it was when the orchestration could not be told about
        a revision, so the person can simply try again."""
        found = await self.repository.get_campaign(before.id)
        if found is None:
            return
        current, etag = found
        if current.status != CampaignStatus.REVISING or current.revision_number != before.revision_number + 1:
            return  # something else moved it on; leave it
        restored = current.model_copy(
            update={
                "status": before.status,
                "status_reason": before.status_reason,
                "revision_number": before.revision_number,
                "round": before.round,
                "updated_at": utc_now(),
            }
        )
        await self._replace(restored, etag)

    async def edit(self, campaign_id: str, user: str, request: EditRequest) -> tuple[ReviewDecision, Campaign]:
        """A person's edit, while the campaign waits for review: 400 for data that does
        not validate, 409 outside review or for an edit of a version no longer active
        (the problem names the active one). The etag'd write moves the campaign to
        Auditing and counts the edit, so a second edit or a decision made meanwhile
        gets a 409 instead of racing this one."""
        data = edited_data(request)  # 400 before anything is read or written
        campaign, etag = await self.readable(campaign_id, user)
        if campaign.status not in EDITABLE_STATUSES:
            raise Conflict(
                f"Campaign is {campaign.status.value}; an edit needs it to be "
                + " or ".join(sorted(s.value for s in EDITABLE_STATUSES)),
                currentStatus=campaign.status.value,
            )
        active = campaign.active_version_ids.get(request.artifact_type)
        if active != request.based_on_version_id:
            now = f"the active {request.artifact_type.value} version is {active}; read it again and edit that" if (
                active) else f"the campaign has no {request.artifact_type.value} version to edit"
            raise Conflict(f"The edit is based on {request.based_on_version_id}, but {now}", currentVersionId=active)
        number = campaign.edit_number + 1
        updated = campaign.model_copy(
            update={"status": CampaignStatus.AUDITING, "status_reason": None, "edit_number": number,
                    "updated_at": utc_now()}
        )
        await self._replace(updated, etag)
        edit = EditDecision(artifact_type=request.artifact_type, data=data.to_doc(),
                            based_on_version_id=request.based_on_version_id, comment=request.comment or None,
                            edit_number=number)
        decision = ReviewDecision(action="edit", revision_number=campaign.revision_number, by=user, edit=edit)
        return decision, campaign

    async def undo_edit(self, before: Campaign) -> None:
        """Put the campaign back when the orchestration could not be told about an edit."""
        found = await self.repository.get_campaign(before.id)
        if found is None:
            return
        current, etag = found
        if current.status != CampaignStatus.AUDITING or current.edit_number != before.edit_number + 1:
            return  # something else moved it on; leave it
        restored = current.model_copy(
            update={"status": before.status, "status_reason": before.status_reason,
                    "edit_number": before.edit_number, "updated_at": utc_now()}
        )
        await self._replace(restored, etag)

    async def approve(self, campaign_id: str, user: str, request: ApprovalRequest) -> tuple[Campaign, ReviewDecision]:
        campaign, etag = await self.readable(campaign_id, user)
        if campaign.status != CampaignStatus.AWAITING_REVIEW:
            raise Conflict(
                f"Campaign is {campaign.status.value}; only a campaign awaiting review can be approved",
                currentStatus=campaign.status.value,
            )
        report = None
        if campaign.latest_audit_report_id:
            report = await self.repository.get_audit_report(campaign_id, campaign.latest_audit_report_id)
        if report is not None and report.has_blocking_findings():
            raise Conflict("The latest audit has open High or Critical findings", reportId=report.id)
        approval = Approval(
            approved_by=user,
            approved_at=utc_now(),
            approved_version_ids=dict(campaign.active_version_ids),
            audit_report_id=report.id if report else None,
            compliance_score=report.compliance_score if report else None,
            comment=request.comment,
        )
        updated = campaign.model_copy(
            update={"status": CampaignStatus.APPROVED, "approval": approval, "updated_at": utc_now()}
        )
        await self._replace(updated, etag)
        return updated, ReviewDecision(action="approve", revision_number=campaign.revision_number, by=user)

    async def cancel(self, campaign_id: str, user: str, attempts: int = 5) -> Campaign:
        """Cancel wins over the orchestration's own writes: while agents are working the
        campaign document changes under us, so read-modify-write until the etag holds."""
        for _ in range(attempts):
            campaign, etag = await self.readable(campaign_id, user)
            if campaign.status in TERMINAL_STATUSES:
                raise Conflict(f"Campaign is already {campaign.status.value}", currentStatus=campaign.status.value)
            updated = campaign.model_copy(
                update={
                    "status": CampaignStatus.CANCELLED,
                    "status_reason": f"cancelled by {user}",
                    "updated_at": utc_now(),
                }
            )
            try:
                await self.repository.replace_campaign(updated, etag)
            except PreconditionFailed:
                continue
            return updated
        raise Conflict("The campaign kept changing while it was being cancelled; try again")

    async def next_sequence(self, campaign_id: str) -> int:
        """The sequence after the last stored event (for a status answer's position in
        the log; only the orchestration assigns numbers to events)."""
        events = await self.repository.list_events(campaign_id, 0)
        return (events[-1].sequence if events else 0) + 1

    async def _replace(self, campaign: Campaign, etag: str) -> None:
        try:
            await self.repository.replace_campaign(campaign, etag)
        except PreconditionFailed as error:
            raise Conflict("The campaign changed while this request ran; read it again and retry") from error
