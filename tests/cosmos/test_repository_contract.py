"""One contract for the campaign repository, run against both stores: the SQLite
document store and Cosmos DB (the local protocol server). Documents that activities
write through output bindings are written here the same way (devhost's binding), so
each test also proves that the bindings and the repository agree on database,
containers, partition keys and document shapes."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from marketing_agents.campaign.documents import new_campaign
from marketing_agents.ids import artifact_version_id, audit_report_id, event_id, revision_id
from marketing_agents.models import (
    ArtifactType,
    AuditStatus,
    Campaign,
    CampaignBrief,
    CampaignStatus,
    Revision,
)
from marketing_agents.store.base import AlreadyExists, PreconditionFailed
from marketing_agents.store.layout import ARTIFACTS, AUDITS, EVENTS, REVISIONS
from tests.cosmos.conftest import Backend
from tests.unit.artifact_samples import DATA

T0 = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)  # a whole second: the fraction is zero


def run(backend: Backend, scenario: Callable[[], Awaitable[None]]) -> None:
    """Run a scenario on one event loop, closing the repository on it afterwards."""

    async def main() -> None:
        try:
            await scenario()
        finally:
            await backend.repository.close()

    asyncio.run(main())


def campaign(brief: dict[str, Any], owner: str = "alice", at: datetime = T0, **update: Any) -> Campaign:
    made = new_campaign(CampaignBrief.model_validate(brief), owner=owner)
    return made.model_copy(update={"created_at": at, "updated_at": at, **update})


def artifact(campaign_id: str, kind: ArtifactType, number: int, at: datetime) -> dict[str, Any]:
    return {
        "id": artifact_version_id(campaign_id, kind, number),
        "campaignId": campaign_id,
        "type": kind.value,
        "versionNumber": number,
        "revisionNumber": 0,
        "round": number - 1,
        "content": f"{kind.value} version {number}",
        "data": DATA[kind],
        "metadata": {},
        "agentName": "contract",
        "createdAt": at.isoformat(),
        "docType": "artifactVersion",
    }


def report(campaign_id: str, revision: int, round_number: int) -> dict[str, Any]:
    return {
        "id": audit_report_id(campaign_id, revision, round_number),
        "campaignId": campaign_id,
        "revisionNumber": revision,
        "round": round_number,
        "isCompliant": round_number > 0,
        "complianceScore": 50.0 + round_number,
        "status": AuditStatus.PASS.value if round_number else AuditStatus.FAIL.value,
        "categoryScores": {},
        "createdAt": (T0 + timedelta(minutes=revision * 10 + round_number)).isoformat(),
        "docType": "auditReport",
    }


def event(campaign_id: str, sequence: int) -> dict[str, Any]:
    return {
        "id": event_id(campaign_id, sequence),
        "eventId": event_id(campaign_id, sequence),
        "campaignId": campaign_id,
        "sequence": sequence,
        "type": "onArtifactGenerated",
        "timestamp": (T0 + timedelta(seconds=sequence)).isoformat(),
        "payload": {"n": sequence},
        "docType": "event",
    }


def test_create_read_and_etag_conditional_replace(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    made = campaign(ecobottle_brief)

    async def scenario() -> None:
        assert await repo.get_campaign(made.id) is None
        etag = await repo.create_campaign(made)
        with pytest.raises(AlreadyExists):
            await repo.create_campaign(made)
        found = await repo.get_campaign(made.id)
        assert found is not None and found[1] == etag
        assert found[0] == made

        approved = made.model_copy(update={"status": CampaignStatus.APPROVED})
        new_etag = await repo.replace_campaign(approved, etag)
        assert new_etag != etag
        with pytest.raises(PreconditionFailed):  # the second decision, based on the old read, loses
            await repo.replace_campaign(made.model_copy(update={"status": CampaignStatus.CANCELLED}), etag)
        stored = await repo.get_campaign(made.id)
        assert stored is not None and stored == (approved, new_etag)
        with pytest.raises(PreconditionFailed):  # nothing to replace
            await repo.replace_campaign(campaign(ecobottle_brief), new_etag)

    run(backend, scenario)


def test_concurrent_decisions_one_wins(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    made = campaign(ecobottle_brief)

    async def scenario() -> None:
        etag = await repo.create_campaign(made)
        decisions = [made.model_copy(update={"status": s}) for s in (CampaignStatus.APPROVED, CampaignStatus.CANCELLED)]
        results = await asyncio.gather(*(repo.replace_campaign(d, etag) for d in decisions), return_exceptions=True)
        assert sum(isinstance(r, PreconditionFailed) for r in results) == 1
        assert sum(isinstance(r, str) for r in results) == 1

    run(backend, scenario)


def test_list_pages_newest_first_per_owner_and_status(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    made: list[Campaign] = []
    for i in range(9):
        # ties on createdAt (pairs) are ordered by id; fractions zero and non-zero mix
        at = T0 + timedelta(seconds=i // 2, microseconds=0 if i % 3 else 500_000)
        status = CampaignStatus.AWAITING_REVIEW if i % 2 else CampaignStatus.GENERATING
        made.append(campaign(ecobottle_brief, owner="alice" if i != 4 else "bob", at=at, status=status))

    def newest_first(items: list[Campaign]) -> list[str]:
        return [c.id for c in sorted(items, key=lambda c: (c.created_at, c.id), reverse=True)]

    async def pages(status: CampaignStatus | None, owner: str | None, size: int) -> list[list[str]]:
        seen: list[list[str]] = []
        token: str | None = None
        while True:
            items, token = await repo.list_campaigns(status, owner, size, token)
            assert len(items) <= size
            seen.append([c.id for c in items])
            if token is None:
                return seen
            assert len(seen) < 20, "the listing does not end"

    async def scenario() -> None:
        for c in made:
            await repo.create_campaign(c)
        alice = [c for c in made if c.owner == "alice"]
        listed = await pages(None, "alice", 3)
        assert [i for page in listed for i in page] == newest_first(alice)
        assert all(len(page) == 3 for page in listed[:-1])

        waiting = [c for c in alice if c.status == CampaignStatus.AWAITING_REVIEW]
        listed = await pages(CampaignStatus.AWAITING_REVIEW, "alice", 2)
        assert [i for page in listed for i in page] == newest_first(waiting)

        assert await pages(None, "bob", 5) == [[made[4].id]]
        assert await pages(CampaignStatus.APPROVED, "alice", 5) == [[]]
        everyone = await pages(None, None, 4)
        assert [i for page in everyone for i in page] == newest_first(made)
        for bad in ("not-a-token", "eyJ2IjoxfQ", "A" * 20_000):
            with pytest.raises(ValueError):
                await repo.list_campaigns(None, "alice", 3, bad)

    run(backend, scenario)


def test_versions_newest_first_scoped_to_the_campaign(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    mine, other = campaign(ecobottle_brief), campaign(ecobottle_brief)
    docs = [
        artifact(mine.id, ArtifactType.COPY, 1, T0),
        artifact(mine.id, ArtifactType.SHORT_COPY, 1, T0 + timedelta(microseconds=1)),
        artifact(mine.id, ArtifactType.COPY, 2, T0 + timedelta(seconds=5)),
        artifact(mine.id, ArtifactType.COPY, 3, T0 + timedelta(seconds=5)),  # same instant: higher number first
        artifact(other.id, ArtifactType.COPY, 1, T0 + timedelta(hours=1)),
    ]
    backend.write(ARTIFACTS, *docs)
    backend.write(ARTIFACTS, docs[0])  # an activity retried: the upsert is idempotent

    async def scenario() -> None:
        all_versions = await repo.list_artifact_versions(mine.id)
        assert [v.id for v in all_versions] == [docs[3]["id"], docs[2]["id"], docs[1]["id"], docs[0]["id"]]
        copies = await repo.list_artifact_versions(mine.id, ArtifactType.COPY)
        assert [v.version_number for v in copies] == [3, 2, 1]
        assert await repo.list_artifact_versions(mine.id, ArtifactType.VISUAL) == []
        assert all_versions[0].data.model_dump(by_alias=True, mode="json") == DATA[ArtifactType.COPY]

        one = await repo.get_artifact_version(mine.id, docs[2]["id"])
        assert one is not None and one.content == "Copy version 2"
        assert await repo.get_artifact_version(other.id, docs[2]["id"]) is None  # wrong partition
        wanted = [docs[0]["id"], "missing", docs[1]["id"]]
        found = await repo.get_artifact_versions(mine.id, wanted)
        assert sorted(found) == sorted([docs[0]["id"], docs[1]["id"]])
        assert await repo.get_artifact_versions(mine.id, []) == {}

    run(backend, scenario)


def test_audit_history_newest_first(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    cid, other = campaign(ecobottle_brief).id, campaign(ecobottle_brief).id
    docs = [report(cid, rev, rnd) for rev, rnd in ((0, 0), (0, 1), (1, 0), (0, 2))] + [report(other, 5, 0)]
    backend.write(AUDITS, *docs)

    async def scenario() -> None:
        history = await repo.list_audit_reports(cid)
        assert [(r.revision_number, r.round) for r in history] == [(1, 0), (0, 2), (0, 1), (0, 0)]
        found = await repo.get_audit_reports(cid, [docs[1]["id"], docs[4]["id"]])
        assert list(found) == [docs[1]["id"]]
        assert await repo.get_audit_report(cid, "nope") is None

    run(backend, scenario)


def test_event_log_after_a_sequence(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    cid, other = campaign(ecobottle_brief).id, campaign(ecobottle_brief).id
    backend.write(EVENTS, *[event(cid, n) for n in (3, 1, 12, 2, 10)], event(other, 4))
    backend.write(EVENTS, event(cid, 3))  # a redelivered event replaces itself

    async def scenario() -> None:
        assert [e.sequence for e in await repo.list_events(cid)] == [1, 2, 3, 10, 12]
        assert [e.sequence for e in await repo.list_events(cid, 2)] == [3, 10, 12]
        assert await repo.list_events(cid, 12) == []
        assert [e.sequence for e in await repo.list_events(other, 0)] == [4]

    run(backend, scenario)


def test_revisions_are_idempotent_upserts(backend: Backend, ecobottle_brief: dict[str, Any]) -> None:
    repo = backend.repository
    cid = campaign(ecobottle_brief).id
    revision = Revision(
        id=revision_id(cid, 1),
        campaign_id=cid,
        revision_number=1,
        user_feedback="shorter",
        requested_by="alice",
        created_at=T0,
    )

    async def scenario() -> None:
        assert await repo.get_revision(cid, 1) is None
        await repo.save_revision(revision)
        await repo.save_revision(revision.model_copy(update={"user_feedback": "shorter, please"}))
        stored = await repo.get_revision(cid, 1)
        assert stored is not None and stored.user_feedback == "shorter, please"
        assert await repo.get_revision(cid, 2) is None

    run(backend, scenario)
    # the binding writes revisions too (same container, same id): still one document
    backend.write(REVISIONS, revision.to_doc())
