"""The local repository reads what the bindings' document store holds and makes the
API's conditional writes safely."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from marketing_agents.campaign.documents import new_campaign
from marketing_agents.models import CampaignBrief, CampaignEvent, CampaignStatus, utc_now
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


def test_what_devhost_bindings_write_the_repository_reads(tmp_path: Path, ecobottle_brief: dict[str, Any],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """One store, one schema: a binding's upsert (devhost) and the repository's reads and
    conditional writes (the app) meet in the same file through localdocs."""
    from devhost.bindings.cosmos import CosmosOutput
    from marketing_agents.ids import event_id
    from marketing_agents.store.base import DATABASE, EVENTS, PARTITION_KEY_PATHS

    path = tmp_path / "documents.sqlite"
    monkeypatch.setenv("CosmosDBConnection", f"LocalDocumentStore={path}")
    repo = LocalCampaignRepository(path)
    campaign = new_campaign(CampaignBrief.model_validate(ecobottle_brief), owner="alice")
    etag = run(repo.create_campaign(campaign))
    output = CosmosOutput(tmp_path)
    settings = {"name": "events", "databaseName": DATABASE, "containerName": EVENTS,
                "partitionKey": PARTITION_KEY_PATHS[EVENTS]}
    events = [CampaignEvent(id=event_id(campaign.id, n), event_id=event_id(campaign.id, n), campaign_id=campaign.id,
                            sequence=n, type="StatusChanged", timestamp=utc_now()).to_doc() for n in (1, 2, 10)]
    output.write(settings, events)
    output.write({**settings, "containerName": "campaigns", "partitionKey": "/id"},
                 {**campaign.to_doc(), "status": "AwaitingReview"})
    assert [e.sequence for e in run(repo.list_events(campaign.id, after_sequence=1))] == [2, 10]
    with pytest.raises(PreconditionFailed):  # the binding's write changed the etag
        run(repo.replace_campaign(campaign, etag))
    assert run(repo.get_campaign(campaign.id))[0].status == CampaignStatus.AWAITING_REVIEW
    output.close()
    run(repo.close())


def test_the_repository_never_touches_sqlite_on_the_event_loop(tmp_path: Path, ecobottle_brief: dict[str, Any],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    import localdocs.store as store_module

    loop_threads: set[int] = set()
    sqlite_threads: set[int] = set()
    real_execute = sqlite3.Connection.execute

    class Watched(sqlite3.Connection):
        def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
            sqlite_threads.add(threading.get_ident())
            return real_execute(self, *args, **kwargs)

    real_connect = sqlite3.connect
    monkeypatch.setattr(store_module.sqlite3, "connect",
                        lambda *a, **k: real_connect(*a, **{**k, "factory": Watched}))

    async def scenario() -> None:
        repo = await asyncio.to_thread(LocalCampaignRepository, tmp_path / "docs.sqlite")
        loop_threads.add(threading.get_ident())
        campaign = new_campaign(CampaignBrief.model_validate(ecobottle_brief), owner="alice")
        etag = await repo.create_campaign(campaign)
        await repo.get_campaign(campaign.id)
        await repo.replace_campaign(campaign, etag)
        await repo.list_campaigns(owner="alice")
        await repo.get_artifact_versions(campaign.id, ["a", "b"])
        await repo.list_artifact_versions(campaign.id)
        await repo.list_audit_reports(campaign.id)
        await repo.list_events(campaign.id)
        await repo.close()

    run(scenario())
    assert sqlite_threads and not sqlite_threads & loop_threads
