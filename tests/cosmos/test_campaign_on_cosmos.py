"""A whole campaign on Cosmos DB: devhost runs the real app with ``CosmosDBConnection``
naming the local Cosmos DB protocol server, so the activities' output bindings write
through the SDK (devhost/bindings/cosmos_sdk.py) and the API reads and decides through
the Cosmos repository. Everything is read back through the HTTP API, and the account
itself is checked: the documents are there, the containers have the layout's
partition keys and indexing policies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from azure.cosmos import CosmosClient

from devhost import DevHost
from marketing_agents.components import reset_components
from marketing_agents.store.layout import CONTAINERS, DATABASE
from tests.cosmos.server import CosmosServer
from tests.flows.helpers import assert_event_log_is_clean, create, events, versions, wait_for_status

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def http(cosmos: CosmosServer, tmp_path: Path) -> Iterator[httpx.Client]:
    settings = {
        "CosmosDBConnection": cosmos.connection_string,
        "POSTER_DIR": str(tmp_path / "posters"),
        "LOCAL_USER_ID": "alice",
    }
    reset_components()
    try:
        with (
            DevHost(ROOT, state_dir=tmp_path / "devhost", port=0, virtual_clock=True, settings=settings) as host,
            httpx.Client(base_url=host.base_url, timeout=30) as client,
        ):
            yield client
    finally:
        reset_components()


def test_a_campaign_end_to_end_on_cosmos(http: httpx.Client, cosmos: CosmosServer) -> None:
    brief = json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text())
    first, second = create(http, brief), create(http, brief)
    snapshot = wait_for_status(http, first)
    campaign = snapshot["campaign"]
    assert campaign["status"] == "AwaitingReview", campaign.get("statusReason")
    assert set(snapshot["artifacts"]) == {"Copy", "ShortCopy", "Visual"}
    assert campaign["latestAuditReportId"] in snapshot["auditReports"]
    assert [v["versionNumber"] for v in versions(http, first, "Copy")] == [1]
    assert {v["type"] for v in versions(http, first)} == {"Copy", "ShortCopy", "Visual"}
    audits = http.get(f"/api/campaigns/{first}/audits").json()["items"]
    assert audits[0]["id"] == campaign["latestAuditReportId"]
    log = events(http, first)
    assert_event_log_is_clean(log)
    later = http.get(f"/api/campaigns/{first}/events", params={"after": log[1]["sequence"]}).json()["items"]
    assert [e["sequence"] for e in later] == [e["sequence"] for e in log[2:]]

    # a human decision: the etag-conditional replace on Cosmos
    approved = http.post(f"/api/campaigns/{first}/approve", json={})
    assert approved.status_code == 200, approved.text
    assert http.get(f"/api/campaigns/{first}").json()["campaign"]["status"] == "Approved"
    again = http.post(f"/api/campaigns/{first}/approve", json={})
    assert again.status_code == 409 and again.headers["content-type"].startswith("application/problem+json")

    # the list: the caller's campaigns, newest first, one per page here
    wait_for_status(http, second)
    page = http.get("/api/campaigns", params={"pageSize": 1}).json()
    assert [c["id"] for c in page["items"]] == [second] and page["continuationToken"]
    rest = http.get("/api/campaigns", params={"pageSize": 1, "continuationToken": page["continuationToken"]})
    assert [c["id"] for c in rest.json()["items"]] == [first]
    bad = http.get("/api/campaigns", params={"continuationToken": page["continuationToken"][:-3] + "xyz"})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")

    _assert_account_holds_the_campaign(cosmos, first)


def _assert_account_holds_the_campaign(cosmos: CosmosServer, campaign_id: str) -> None:
    client = CosmosClient(cosmos.endpoint, credential=cosmos.key, enable_endpoint_discovery=False)
    try:
        database = client.get_database_client(DATABASE)
        for name, layout in CONTAINERS.items():
            properties: dict[str, Any] = database.get_container_client(name).read()
            assert properties["partitionKey"]["paths"] == [layout.partition_key_path]
            composite = properties["indexingPolicy"].get("compositeIndexes") or []
            assert len(composite) == len(layout.composite_indexes), name
        artifacts = database.get_container_client("artifacts")
        stored = list(artifacts.query_items("SELECT VALUE c.id FROM c", partition_key=campaign_id))
        assert len(stored) == 3
    finally:
        client.close()
