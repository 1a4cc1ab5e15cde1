"""Campaign-document rules shared by the API and the activities: creating a campaign
from a brief and applying an orchestration's update without undoing a person's final
decision.

The campaign is the one document written by both sides — people (approve, revise,
cancel, through the API) and the orchestration (through ``update_campaign``) — so it
is the one written with the repository's etag check rather than a blind output-binding
upsert: read, apply, replace if unchanged, else read again. Artifacts, audit reports
and events are written once each, by the activities' output bindings."""

from __future__ import annotations

from datetime import datetime

from ..ids import new_campaign_id
from ..models import TERMINAL_STATUSES, Campaign, CampaignBrief, CampaignStatus, utc_now
from ..store.base import CampaignRepository, PreconditionFailed
from .contracts import CampaignUpdate


def new_campaign(brief: CampaignBrief, owner: str, campaign_id: str | None = None) -> Campaign:
    now = utc_now()
    return Campaign(
        id=campaign_id or new_campaign_id(),
        name=brief.display_name(),
        brief=brief,
        status=CampaignStatus.GENERATING,
        owner=owner,
        created_at=now,
        updated_at=now,
    )


def apply_update(campaign: Campaign, update: CampaignUpdate) -> Campaign:
    """A terminal status (approved, cancelled, failed) set by a person or the API is
    never overwritten by a late orchestration write; everything else is."""
    changes: dict[str, object] = {"updated_at": utc_now()}
    if update.status is not None and not (campaign.status in TERMINAL_STATUSES and update.status != campaign.status):
        changes["status"] = update.status
        changes["status_reason"] = update.status_reason
    for field in ("round", "active_version_ids", "latest_audit_report_id", "latest_audit", "usage"):
        value = getattr(update, field)
        if value is not None:
            changes[field] = value
    if update.review_deadline is not None:
        changes["review_deadline"] = datetime.fromisoformat(update.review_deadline)
    return campaign.model_copy(update=changes)


async def apply_update_stored(repository: CampaignRepository, update: CampaignUpdate, attempts: int = 10) -> Campaign:
    """Read, apply, write with the etag; on a concurrent change, read again."""
    for _ in range(attempts):
        found = await repository.get_campaign(update.campaign_id)
        if found is None:
            raise LookupError(f"campaign {update.campaign_id} not found")
        campaign = apply_update(found[0], update)
        try:
            await repository.replace_campaign(campaign, found[1])
        except PreconditionFailed:
            continue
        return campaign
    raise RuntimeError(f"campaign {update.campaign_id} kept changing; the activity will be retried")
