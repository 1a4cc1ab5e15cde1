"""End to end through devhost: the real app, a real campaign, real clients — the
official Node client and the Python watcher the CLI uses."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from realtime_helpers import NodeClient, free_port

from devhost import DevHost
from marketing_agents.components import reset_components
from marketing_agents.realtime.client import WatchRefused, follow
from marketing_agents.testing.simulated import simulated_settings

ROOT = Path(__file__).resolve().parents[2]
ACCESS_KEY = "e2e-access-key-0123456789abcdefghijklmnopq"
LOG_TYPES = {"onCampaignStarted", "onArtifactGenerated", "onComplianceCheckCompleted", "onCampaignCompleted",
             "onGenerationFailed", "onCampaignStatus"}
SETTLED = {"AwaitingReview", "NeedsAttention", "Approved", "Cancelled", "Expired", "Failed"}


class Env:
    """The product's app on devhost, which serves the SignalR Service emulator on its own
    port (the connection string points there), as ``make run`` does."""

    def __init__(self, tmp: Path, port: int) -> None:
        self.state = tmp / "state"
        self.port = port
        self.base_url = f"http://127.0.0.1:{port}"
        self.host: DevHost | None = None

    def start(self) -> DevHost:
        self.host = DevHost(ROOT, self.state, port=self.port)
        return self.host.start()

    def restart(self) -> None:
        assert self.host is not None
        self.host.stop()  # graceful: clients are told to reconnect first
        time.sleep(0.3)
        self.start()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Env]:
    port = free_port()
    monkeypatch.setenv("CosmosDBConnection", f"LocalDocumentStore={tmp_path / 'documents.sqlite'}")
    monkeypatch.setenv("AzureSignalRConnectionString", f"Endpoint=http://127.0.0.1:{port};AccessKey={ACCESS_KEY};")
    monkeypatch.setenv("LOCAL_USER_ID", "local-user")
    monkeypatch.setenv("POSTER_DIR", str(tmp_path / "posters"))
    for name, value in simulated_settings(latency_ms=1000).items():  # time to join, even on a loaded machine,
        monkeypatch.setenv(name, value)  # before the copy streams
    reset_components()
    running = Env(tmp_path, port)
    running.start()
    yield running
    if running.host is not None:
        running.host.stop()
    reset_components()


def brief() -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text()))


def create(env: Env, user: str) -> str:
    response = httpx.post(f"{env.base_url}/api/campaigns", json=brief(), headers={"x-ms-client-principal-id": user})
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


def wait_settled(env: Env, user: str, campaign_id: str, timeout: float = 30) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        snapshot = httpx.get(f"{env.base_url}/api/campaigns/{campaign_id}",
                             headers={"x-ms-client-principal-id": user}).json()
        if snapshot["campaign"]["status"] in SETTLED:
            return dict(snapshot)
        time.sleep(0.05)
    raise AssertionError(f"{campaign_id} did not settle")


def event_log(env: Env, user: str, campaign_id: str, after: int = 0) -> list[dict[str, Any]]:
    response = httpx.get(f"{env.base_url}/api/campaigns/{campaign_id}/events", params={"after": after},
                         headers={"x-ms-client-principal-id": user})
    return list(response.json()["items"])


def copy_stream(messages: list[dict[str, Any]], snapshot: dict[str, Any], log: list[dict[str, Any]]) -> str:
    """The streamed text of the active Copy version (chunks of its artifact event's sequence)."""
    version_id = snapshot["artifacts"]["Copy"]["id"]
    sequence = next(e["sequence"] for e in log
                    if e["type"] == "onArtifactGenerated" and e["payload"]["versionId"] == version_id)
    chunks = [m for m in messages if m["type"] == "onChunkReceived" and m["sequence"] == sequence]
    return "".join(c["payload"]["chunk"] for c in sorted(chunks, key=lambda c: c["payload"]["sequence"]))


def test_node_client_follows_a_campaign(env: Env, node_clients: list[NodeClient]) -> None:
    alice, bob = NodeClient(), NodeClient()
    node_clients += [alice, bob]
    assert alice.connect(f"{env.base_url}/api", "alice")["ok"]
    assert bob.connect(f"{env.base_url}/api", "bob")["ok"]
    campaign_id = create(env, "alice")
    other_id = create(env, "bob")
    assert alice.invoke("JoinCampaignGroup", campaign_id)["ok"]
    assert alice.invoke("RequestCampaignStatus", campaign_id)["ok"]
    assert bob.invoke("JoinCampaignGroup", other_id)["ok"]
    assert bob.invoke("JoinCampaignGroup", campaign_id)["ok"]  # bob may not read alice's campaign
    refusals = bob.received("onRequestRefused")
    assert [r["args"][0]["campaignId"] for r in refusals] == [campaign_id]
    assert bob.invoke("RequestCampaignStatus", campaign_id)["ok"]
    assert len(bob.received("onRequestRefused")) == 2 and not bob.received("onCampaignStatus")

    snapshot = wait_settled(env, "alice", campaign_id)
    wait_settled(env, "bob", other_id)
    log = event_log(env, "alice", campaign_id)
    alice_msgs = [m["args"][0] for m in alice.wait_for(
        lambda items: any(m["args"][0].get("sequence") == log[-1]["sequence"] and m["target"] == log[-1]["type"]
                          for m in items))]
    status_reply = next(m for m in alice_msgs if m["type"] == "onCampaignStatus" and m["payload"].get("reply"))
    assert status_reply["payload"]["snapshot"]["campaign"]["id"] == campaign_id
    last_before_join = status_reply["payload"]["lastSequence"]

    live = [m for m in alice_msgs if m["type"] in LOG_TYPES and not m["payload"].get("reply")]
    assert all(m["campaignId"] == campaign_id for m in alice_msgs)  # nothing of bob's campaign
    assert len({m["eventId"] for m in live}) == len(live)  # no duplicate
    # The three agents run in parallel with sequences reserved up front, so their events
    # may arrive in any order among themselves; the contract is that a client restores
    # the order by sequence (docs/events.md), as the Python watch client does.
    live.sort(key=lambda m: m["sequence"])
    expected = [{k: v for k, v in e.items() if k not in ("docType", "id")} for e in log
                if e["sequence"] > last_before_join]
    # Events between the join and the status read may arrive live as well (the client
    # drops them by id); everything after the snapshot must arrive live, in order.
    assert [m["eventId"] for m in live if m["sequence"] > last_before_join] == [e["eventId"] for e in expected]
    assert {m["eventId"] for m in live} <= {e["eventId"] for e in log}
    assert live[-1]["type"] in ("onCampaignCompleted", "onGenerationFailed")
    bob_msgs = [m["args"][0] for m in bob.received()]
    assert all(m.get("campaignId") in (other_id, campaign_id) for m in bob_msgs)
    assert not any(m.get("campaignId") == campaign_id and m.get("type") for m in bob_msgs)
    assert copy_stream(alice_msgs, snapshot, log) == snapshot["artifacts"]["Copy"]["data"]["bodyLong"]


def test_node_client_reconnects_after_devhost_restart(env: Env, node_clients: list[NodeClient]) -> None:
    alice = NodeClient()
    node_clients.append(alice)
    alice.connect(f"{env.base_url}/api", "alice")
    campaign_id = create(env, "alice")
    alice.invoke("JoinCampaignGroup", campaign_id)
    first_id = alice.call("state")["connectionId"]
    env.restart()
    assert alice.wait_event("reconnected", timeout=20), alice.events
    assert alice.call("state")["connectionId"] != first_id
    # a reconnected client rejoins and resyncs: snapshot, then the log after its sequence
    assert alice.invoke("JoinCampaignGroup", campaign_id)["ok"]
    assert alice.invoke("RequestCampaignStatus", campaign_id)["ok"]
    replies = [m["args"][0] for m in alice.received("onCampaignStatus") if m["args"][0]["payload"].get("reply")]
    assert replies and replies[-1]["payload"]["snapshot"]["campaign"]["id"] == campaign_id
    wait_settled(env, "alice", campaign_id)
    log = event_log(env, "alice", campaign_id)
    seen = {m["args"][0]["eventId"] for m in alice.received() if m["target"] in LOG_TYPES}
    caught_up = {e["eventId"] for e in event_log(env, "alice", campaign_id, replies[-1]["payload"]["lastSequence"])}
    assert {e["eventId"] for e in log} <= seen | caught_up | {
        e["eventId"] for e in log if e["sequence"] <= replies[-1]["payload"]["lastSequence"]}


def test_python_watch_follows_exactly_once_and_refuses_others(env: Env) -> None:
    campaign_id = create(env, "alice")
    received: list[dict[str, Any]] = []
    snapshot = follow(env.base_url, "alice", campaign_id, received.append, timeout=30)
    assert snapshot["campaign"]["status"] in SETTLED
    log = event_log(env, "alice", campaign_id)
    events = [e for e in received if e["type"] in LOG_TYPES and not e["payload"].get("reply")]
    assert [e["sequence"] for e in events] == list(range(1, len(log) + 1))
    assert [e["eventId"] for e in events] == [e["eventId"] for e in log]
    assert copy_stream(received, snapshot, log) == snapshot["artifacts"]["Copy"]["data"]["bodyLong"]
    with pytest.raises(WatchRefused):
        follow(env.base_url, "bob", campaign_id, lambda e: None, timeout=10)


def test_python_watch_resyncs_after_devhost_restart(env: Env) -> None:
    campaign_id = create(env, "alice")
    received: list[dict[str, Any]] = []
    result: dict[str, Any] = {}
    first_event = threading.Event()

    def on_event(envelope: dict[str, Any]) -> None:
        received.append(envelope)
        first_event.set()

    def run() -> None:
        result["snapshot"] = follow(env.base_url, "alice", campaign_id, on_event, timeout=40,
                                    reconnect_delays=(0.1,) * 100)

    watcher = threading.Thread(target=run)
    watcher.start()
    assert first_event.wait(10)
    env.restart()
    watcher.join(45)
    assert "snapshot" in result and result["snapshot"]["campaign"]["status"] in SETTLED
    log = event_log(env, "alice", campaign_id)
    events = [e for e in received if e["type"] in LOG_TYPES and not e["payload"].get("reply")]
    assert [e["eventId"] for e in events] == [e["eventId"] for e in log]  # exactly once, in order
    replies = [e for e in received if e.get("payload", {}).get("reply")]
    assert len(replies) >= 2  # the first sync and the resync after the reconnect
