"""Store benchmark: snapshot, point read and list page with 10,000 campaigns stored.

Seeds N campaigns (each: the campaign, two rounds of the three artifact versions, two
audit reports with findings and 12 events: 21 documents) straight into the
store in batches, then measures through the app's own repository and the API's
``CampaignCommands.snapshot`` (one point read, then the active versions and their
reports in parallel). Prints p50/p99 per operation beside the seed's target. Asserts
nothing.

    .venv/bin/python bench/store.py                       # local SQLite store, 10,000 campaigns
    .venv/bin/python bench/store.py --backend cosmos      # tests/cosmos/server.py's Cosmos-protocol server
    .venv/bin/python bench/store.py --campaigns 1000 --samples 200
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marketing_agents.campaign.commands import CampaignCommands  # noqa: E402
from marketing_agents.ids import artifact_version_id, audit_report_id, event_id  # noqa: E402
from marketing_agents.models import (  # noqa: E402
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CampaignBrief,
    CampaignEvent,
    CampaignStatus,
    utc_now,
)
from marketing_agents.settings import load_settings  # noqa: E402
from marketing_agents.store import CampaignRepository, repository_from_settings  # noqa: E402
from marketing_agents.store.base import (  # noqa: E402
    ARTIFACTS,
    AUDITS,
    CAMPAIGNS,
    DATABASE,
    EVENTS,
    PARTITION_KEY_PATHS,
)
from tests.unit.artifact_samples import DATA  # noqa: E402

SNAPSHOT_TARGET_MS = 500.0  # the seed's target for a campaign snapshot
OWNERS = 20  # so a list page is one owner's among 10,000 campaigns
EVENTS_PER_CAMPAIGN = 12
DOCS_PER_CAMPAIGN = 1 + 6 + 2 + EVENTS_PER_CAMPAIGN
Docs = dict[str, list[dict[str, Any]]]

BRIEF = CampaignBrief(
    theme="Summer launch", product="EcoBottle", target_audience="Hikers and commuters", tone="Energetic",
    constraints=["Must include recycling message", "Avoid plastic-related claims"],
)
CONTENT = (
    "Meet EcoBottle: made from 90% recycled steel, it keeps water cold for 24 hours on the trail and on the "
    "train. Refill it, carry it, recycle it when its long life is done. " * 12
)


def bench_id(index: int) -> str:
    """A campaign id of the app's form (``c-`` and 16 hex digits), derived from the index."""
    return f"c-{index:016x}"


def campaign_documents(index: int, start: Any) -> tuple[str, Docs]:
    """Every document of one campaign after two audit rounds, awaiting review."""
    campaign_id = bench_id(index)
    created = start + timedelta(seconds=index)
    docs: Docs = {ARTIFACTS: [], AUDITS: [], EVENTS: []}
    active: dict[ArtifactType, str] = {}
    for round_number in (0, 1):
        for artifact_type in ArtifactType:
            version = round_number + 1
            version_id = artifact_version_id(campaign_id, artifact_type, version)
            active[artifact_type] = version_id
            docs[ARTIFACTS].append(ArtifactVersion.model_validate({
                "id": version_id, "campaignId": campaign_id, "type": artifact_type.value, "versionNumber": version,
                "revisionNumber": 0, "round": round_number, "content": CONTENT, "data": DATA[artifact_type],
                "metadata": {"wordCount": 420, "tone": "energetic", "keywords": ["recycled", "steel", "cold"]},
                "agentName": f"offline-{artifact_type.value}", "createdAt": created + timedelta(seconds=round_number),
            }).to_doc())
        report_id = audit_report_id(campaign_id, 0, round_number)
        issues = [{
            "ruleId": "claims.superlative", "artifactType": "Copy", "artifactVersionId": active[ArtifactType.COPY],
            "field": "bodyLong", "excerpt": "the best bottle", "issueDescription": "An unsupported superlative.",
            "severity": "Medium", "suggestion": "Say what it does instead.",
        }] * (3 if round_number == 0 else 0)
        docs[AUDITS].append(AuditReport.model_validate({
            "id": report_id, "campaignId": campaign_id, "revisionNumber": 0, "round": round_number,
            "isCompliant": round_number == 1, "complianceScore": 72.0 + 20 * round_number,
            "status": "Pass" if round_number else "Conditional", "categoryScores": {}, "issues": issues,
            "artifactVersionIds": {t.value: v for t, v in active.items()},
            "createdAt": created + timedelta(seconds=round_number, milliseconds=500),
        }).to_doc())
    for sequence in range(1, EVENTS_PER_CAMPAIGN + 1):
        docs[EVENTS].append(CampaignEvent(
            id=event_id(campaign_id, sequence), event_id=event_id(campaign_id, sequence), campaign_id=campaign_id,
            sequence=sequence, type="ArtifactCreated", timestamp=created, payload={"round": sequence // 6},
        ).to_doc())
    docs[CAMPAIGNS] = [Campaign.model_validate({
        **Campaign(id=campaign_id, name=BRIEF.display_name(), brief=BRIEF, status=CampaignStatus.GENERATING,
                   owner=f"owner-{index % OWNERS}", created_at=created, updated_at=created).to_doc(),
        "status": CampaignStatus.AWAITING_REVIEW.value, "round": 1,
        "activeVersionIds": {t.value: v for t, v in active.items()},
        "latestAuditReportId": audit_report_id(campaign_id, 0, 1),
    }).to_doc()]
    return campaign_id, docs


def all_documents(count: int) -> Iterator[tuple[str, Docs]]:
    start = utc_now() - timedelta(days=30)
    for index in range(count):
        yield campaign_documents(index, start)


# ---------------------------------------------------------------------- backends


@contextlib.asynccontextmanager
async def local_backend(count: int, tmp: Path) -> AsyncIterator[CampaignRepository]:
    """The SQLite store, seeded through localdocs' batch upsert (one transaction per 200
    campaigns), then read through the app's repository."""
    from localdocs import DocumentStore

    path = tmp / "documents.sqlite"
    store = DocumentStore(path)
    batch: Docs = {}
    for n, (_, docs) in enumerate(all_documents(count), 1):
        for container, items in docs.items():
            batch.setdefault(container, []).extend(items)
        if n % 200 == 0 or n == count:
            for container, items in batch.items():
                store.upsert_many(DATABASE, container, items, PARTITION_KEY_PATHS[container])
            batch = {}
    store.close()
    repository = repository_from_settings(load_settings({"CosmosDBConnection": f"LocalDocumentStore={path}"}))
    try:
        yield repository
    finally:
        await repository.close()


@contextlib.asynccontextmanager
async def cosmos_backend(count: int, tmp: Path) -> AsyncIterator[CampaignRepository]:
    """A Cosmos-protocol server on loopback (tests/cosmos/server.py), seeded through the
    async azure-cosmos SDK (64 upserts in flight), read through the app's repository."""
    from azure.cosmos import PartitionKey

    from marketing_agents.store.cosmos_account import account_from_settings, create_client
    from tests.cosmos.server import cosmos_server

    with cosmos_server(tmp) as server:
        repository = repository_from_settings(load_settings({"CosmosDBConnection": server.connection_string}))
        try:
            # Let the repository create the database and containers with the layout's
            # indexing policies if it does so on first use; seeding only fills them.
            with contextlib.suppress(Exception):
                await repository.get_campaign(bench_id(0))
            account = account_from_settings(load_settings({"CosmosDBConnection": server.connection_string}))
            assert account is not None
            # the app's client factory: a loopback http endpoint gets endpoint discovery off
            async with create_client(account) as client:
                database = await client.create_database_if_not_exists(DATABASE)
                containers = {
                    name: await database.create_container_if_not_exists(name, PartitionKey(path=path))
                    for name, path in PARTITION_KEY_PATHS.items()
                }
                gate = asyncio.Semaphore(64)

                async def upsert(container: str, doc: dict[str, Any]) -> None:
                    async with gate:
                        await containers[container].upsert_item(doc)

                for _, docs in all_documents(count):
                    await asyncio.gather(*(upsert(c, d) for c, items in docs.items() for d in items))
            yield repository
        finally:
            await repository.close()


# ---------------------------------------------------------------------- measuring


async def timed(samples: int, call: Callable[[int], Awaitable[object]]) -> list[float]:
    figures = []
    for i in range(samples):
        began = time.perf_counter()
        await call(i)
        figures.append((time.perf_counter() - began) * 1000)
    return figures


def p(figures: list[float], q: float) -> float:
    ordered = sorted(figures)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def measure(repository: CampaignRepository, count: int, samples: int) -> dict[str, list[float]]:
    rng = random.Random(7)
    picked = [rng.randrange(count) for _ in range(samples)]
    ids = [bench_id(i) for i in picked]
    commands = CampaignCommands(repository, load_settings({}))

    async def snapshot(i: int) -> None:
        snap = await commands.snapshot(ids[i], f"owner-{picked[i] % OWNERS}")
        assert len(snap.artifacts) == 3 and snap.audit_reports, "the seeded campaign reads back whole"

    async def point_read(i: int) -> None:
        await repository.get_campaign(ids[i])

    async def first_page(i: int) -> None:
        await repository.list_campaigns(owner=f"owner-{i % OWNERS}", page_size=20)

    tokens: dict[int, str | None] = {}

    async def deep_page(i: int) -> None:  # the 5th page of one owner's list, following tokens
        owner = f"owner-{i % OWNERS}"
        token = None
        for _ in range(5):
            _, token = await repository.list_campaigns(owner=owner, page_size=20, continuation=token)
        tokens[i] = token

    async def events(i: int) -> None:
        await repository.list_events(ids[i], after_sequence=6)

    await timed(min(samples, 20), snapshot)  # warm caches and connections
    list_samples = max(10, samples // 10)
    return {
        "snapshot": await timed(samples, snapshot),
        "point read (campaign)": await timed(samples, point_read),
        "events after a sequence": await timed(samples, events),
        "list page 1 (20, per owner)": await timed(list_samples, first_page),
        "list pages 1-5 (following tokens)": await timed(list_samples, deep_page),
    }


async def run_backend(name: str, count: int, samples: int) -> dict[str, list[float]] | None:
    backend = {"local": local_backend, "cosmos": cosmos_backend}[name]
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        began = time.perf_counter()
        try:
            async with backend(count, Path(tmp)) as repository:
                seeded = time.perf_counter() - began
                documents = DOCS_PER_CAMPAIGN * count
                print(f"[{name}] seeded {count:,} campaigns ({documents:,} documents) in {seeded:.1f} s")
                return await measure(repository, count, samples)
        except (ImportError, RuntimeError) as error:
            print(f"[{name}] not run: {error}")
            return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["local", "cosmos", "both"], default="local")
    parser.add_argument("--campaigns", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=500)
    args = parser.parse_args()
    names = ["local", "cosmos"] if args.backend == "both" else [args.backend]
    results: dict[str, dict[str, list[float]]] = {}
    for name in names:
        found = asyncio.run(run_backend(name, args.campaigns, args.samples))
        if found is None and name == "cosmos" and "local" not in names:
            print("[cosmos] falling back to the local backend")
            found = asyncio.run(run_backend("local", args.campaigns, args.samples))
            name = "local"
        if found is not None:
            results[name] = found
    if not results:
        return
    columns = list(results)
    print(f"\n{args.campaigns:,} campaigns stored; p50 / p99 in ms")
    header = f"{'operation':<36}" + "".join(f"{c + ' p50':>14}{c + ' p99':>14}" for c in columns) + f"{'target':>12}"
    print(header)
    print("-" * len(header))
    for operation in next(iter(results.values())):
        row = f"{operation:<36}"
        for column in columns:
            figures = results[column][operation]
            row += f"{p(figures, 0.5):>14.2f}{p(figures, 0.99):>14.2f}"
        target = f"<= {SNAPSHOT_TARGET_MS:.0f}" if operation == "snapshot" else ""
        print(row + f"{target:>12}")
    for column in columns:
        snap = results[column]["snapshot"]
        print(f"{column}: snapshot p99 {p(snap, 0.99):.2f} ms is {SNAPSHOT_TARGET_MS / p(snap, 0.99):,.0f}x "
              f"under the {SNAPSHOT_TARGET_MS:.0f} ms target; mean {statistics.fmean(snap):.2f} ms")


if __name__ == "__main__":
    main()
