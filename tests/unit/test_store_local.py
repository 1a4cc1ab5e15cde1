"""The local repository reads what the bindings' document store holds and makes the
API's conditional writes safely."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from marketing_agents.campaign.documents import new_campaign
from marketing_agents.models import CampaignBrief, CampaignStatus
from marketing_agents.store.base import AlreadyExists, PreconditionFailed
from marketing_agents.store.local import LocalCampaignRepository


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_create_read_and_conditional_replace(tmp_path: Path, ecobottle_brief: dict[str, Any]) -> None:
    repo = LocalCampaignRepository(tmp_path / "docs.sqlite")
    campaign = new_campaign(CampaignBrief.model_validate(ecobottle_brief), owner="alice")
    etag = run(repo.create_campaign(campaign))
    with pytest.raises(AlreadyExists):
        run(repo.create_campaign(campaign))
    found = run(repo.get_campaign(campaign.id))
    assert found is not None and found[1] == etag and found[0].brief.product == "EcoBottle"

    approved = campaign.model_copy(update={"status": CampaignStatus.APPROVED})
    new_etag = run(repo.replace_campaign(approved, etag))
    assert new_etag != etag
    with pytest.raises(PreconditionFailed):  # a second decision based on the old read loses
        run(repo.replace_campaign(campaign, etag))
    assert run(repo.get_campaign(campaign.id))[0].status == CampaignStatus.APPROVED


def test_list_is_filtered_paged_and_newest_first(tmp_path: Path, ecobottle_brief: dict[str, Any]) -> None:
    repo = LocalCampaignRepository(tmp_path / "docs.sqlite")
    brief = CampaignBrief.model_validate(ecobottle_brief)
    made = []
    for i in range(5):
        c = new_campaign(brief, owner="alice" if i < 4 else "bob")
        c = c.model_copy(update={"created_at": c.created_at + timedelta(seconds=i)})
        run(repo.create_campaign(c))
        made.append(c)
    first, token = run(repo.list_campaigns(owner="alice", page_size=3))
    assert [c.id for c in first] == [made[3].id, made[2].id, made[1].id]
    second, token2 = run(repo.list_campaigns(owner="alice", page_size=3, continuation=token))
    assert [c.id for c in second] == [made[0].id] and token2 is None
    assert run(repo.list_campaigns(status=CampaignStatus.APPROVED))[0] == []
    with pytest.raises(ValueError):
        run(repo.list_campaigns(continuation="not-a-token"))
