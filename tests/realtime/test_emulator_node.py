"""The official @microsoft/signalr client against the emulator on a tiny hub app:
negotiate chain, groups, refusals, completions, pings, tokens, reconnect after restart."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from realtime_helpers import ACCESS_KEY, NodeClient, ServerThread, TinyHubApp, free_port

from devhost.signalr import auth

OWNERS = {"c-1": "alice", "c-2": "bob"}


@pytest.fixture
def hub_app() -> Iterator[tuple[TinyHubApp, ServerThread]]:
    port = free_port()
    app = TinyHubApp(port, OWNERS, ping_interval=1.0)
    server = ServerThread(app.app, port).start()
    yield app, server
    server.stop()


def publish(app: TinyHubApp, value: object) -> None:
    assert httpx.post(f"{app.endpoint}/test/publish", json=value).status_code == 202


def test_join_receive_only_own_group_and_refusal(hub_app: tuple[TinyHubApp, ServerThread],
                                                 node_clients: list[NodeClient]) -> None:
    app, _ = hub_app
    alice, bob = NodeClient(), NodeClient()
    node_clients += [alice, bob]
    assert alice.connect(f"{app.endpoint}/api", "alice")["ok"]
    assert bob.connect(f"{app.endpoint}/api", "bob")["ok"]
    assert alice.invoke("JoinCampaignGroup", "c-1")["ok"]
    assert bob.invoke("JoinCampaignGroup", "c-2")["ok"]
    # bob may not read c-1: told so, and not added
    assert bob.invoke("JoinCampaignGroup", "c-1")["ok"]
    refused = bob.received("onRequestRefused")
    assert refused and refused[0]["args"][0]["campaignId"] == "c-1"

    for n in range(1, 6):
        publish(app, {"target": "onTest", "groupName": "c-1", "arguments": [{"campaignId": "c-1", "sequence": n}]})
    publish(app, [{"target": "onTest", "groupName": "c-2", "arguments": [{"campaignId": "c-2", "sequence": 1}]}])
    got = alice.wait_for(lambda items: len([m for m in items if m["target"] == "onTest"]) >= 5)
    assert [m["args"][0]["sequence"] for m in got if m["target"] == "onTest"] == [1, 2, 3, 4, 5]
    bob_got = bob.wait_for(lambda items: any(m["target"] == "onTest" for m in items))
    assert [m["args"][0]["campaignId"] for m in bob_got if m["target"] == "onTest"] == ["c-2"]

    # the trigger saw the real service's payload
    _, payload = next(c for c in app.calls if c[0] == "join")
    assert set(payload) >= {"Arguments", "ConnectionId", "UserId", "Hub", "Category", "Event", "Claims", "Query",
                            "Headers", "Error"}
    assert payload["Hub"] == "campaigns" and payload["Category"] == "messages" and payload["UserId"] == "alice"
    assert payload["Claims"]["nameid"] == "alice" and "authorization" not in payload["Headers"]
    assert [c[0] for c in app.calls].count("connected") == 2

    # leaving the group stops delivery
    assert alice.invoke("LeaveCampaignGroup", "c-1")["ok"]
    publish(app, {"target": "onTest", "groupName": "c-1", "arguments": [{"campaignId": "c-1", "sequence": 6}]})
    time.sleep(0.3)
    assert len(alice.received("onTest")) == 5


def test_completions_errors_users_and_rest(hub_app: tuple[TinyHubApp, ServerThread],
                                           node_clients: list[NodeClient]) -> None:
    app, _ = hub_app
    alice = NodeClient()
    node_clients.append(alice)
    alice.connect(f"{app.endpoint}/api", "alice")
    assert alice.invoke("Echo", 1, "two")["result"] == {"args": [1, "two"], "user": "alice"}
    failed = alice.invoke("Boom")
    assert not failed["ok"] and "boom" in failed["error"]
    unknown = alice.invoke("NoSuchMethod")
    assert not unknown["ok"] and "Unknown hub method" in unknown["error"]

    publish(app, {"target": "onTest", "userId": "alice", "arguments": ["to-alice"]})
    assert alice.wait_for(lambda items: any(m["args"] == ["to-alice"] for m in items))

    # the REST API, authorised by a token whose audience is the URL
    url = f"{app.endpoint}/api/hubs/campaigns/users/alice/:send"
    token = auth.issue(ACCESS_KEY, url)
    sent = httpx.post(url, params={"api-version": "2022-06-01"}, headers={"Authorization": f"Bearer {token}"},
                      json={"target": "onTest", "arguments": ["via-rest"]})
    assert sent.status_code == 202
    assert alice.wait_for(lambda items: any(m["args"] == ["via-rest"] for m in items))
    wrong_audience = httpx.post(url, headers={"Authorization": f"Bearer {auth.issue(ACCESS_KEY, app.endpoint)}"},
                                json={"target": "onTest", "arguments": []})
    assert wrong_audience.status_code == 401
    forged_token = auth.issue("not-the-key-but-just-as-long-0123456789", url)
    forged = httpx.post(url, headers={"Authorization": f"Bearer {forged_token}"},
                        json={"target": "onTest", "arguments": []})
    assert forged.status_code == 401

    # idle longer than the client's server timeout: the server's pings keep it connected
    slow = NodeClient()
    node_clients.append(slow)
    slow.connect(f"{app.endpoint}/api", "bob", serverTimeoutMs=2500, keepAliveMs=1000)
    time.sleep(3.5)
    assert slow.call("state")["state"] == "Connected"


def test_forged_and_expired_tokens_are_refused(hub_app: tuple[TinyHubApp, ServerThread],
                                               node_clients: list[NodeClient]) -> None:
    app, _ = hub_app
    client_url = f"{app.endpoint}/client/?hub=campaigns"
    forged = auth.issue("someone-elses-key-0123456789abcdefgh", client_url, "alice")
    expired = auth.issue(ACCESS_KEY, client_url, "alice", lifetime_seconds=-120)
    other_hub = auth.issue(ACCESS_KEY, f"{app.endpoint}/client/?hub=other", "alice")
    for token in (forged, expired, other_hub, None):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        response = httpx.post(f"{app.endpoint}/client/negotiate?hub=campaigns&negotiateVersion=1", headers=headers)
        assert response.status_code == 401, token
    good = auth.issue(ACCESS_KEY, client_url, "alice")
    assert httpx.post(f"{app.endpoint}/client/negotiate?hub=campaigns&negotiateVersion=1",
                      headers={"Authorization": f"Bearer {good}"}).status_code == 200

    # the official client, pointed straight at the service with a forged token, fails to start
    client = NodeClient()
    node_clients.append(client)
    result = client.connect(client_url, accessToken=forged)
    assert not result["ok"] and "401" in result["error"]
    direct = NodeClient()
    node_clients.append(direct)
    assert direct.connect(client_url, accessToken=good, skipNegotiation=True)["ok"]  # WebSocket with a token only
    assert direct.invoke("Echo")["result"] == {"args": [], "user": "alice"}


def test_reconnects_after_restart_and_rejoins(node_clients: list[NodeClient], tmp_path: object) -> None:
    port = free_port()
    app = TinyHubApp(port, OWNERS, ping_interval=1.0)
    server = ServerThread(app.app, port).start()
    alice = NodeClient()
    node_clients.append(alice)
    try:
        alice.connect(f"{app.endpoint}/api", "alice")
        first_id = alice.call("state")["connectionId"]
        alice.invoke("JoinCampaignGroup", "c-1")
        # graceful: the service tells clients to reconnect (close message with allowReconnect)
        server.run(app.emulator.close())
        server.stop()
        assert alice.wait_event("reconnecting")
        app = TinyHubApp(port, OWNERS, ping_interval=1.0)
        server = ServerThread(app.app, port).start()
        assert alice.wait_event("reconnected"), alice.events
        state = alice.call("state")
        assert state["state"] == "Connected" and state["connectionId"] != first_id
        # groups are gone after a reconnect: publish reaches nobody until the client rejoins
        publish(app, {"target": "onTest", "groupName": "c-1", "arguments": [{"campaignId": "c-1", "n": 1}]})
        alice.invoke("JoinCampaignGroup", "c-1")
        publish(app, {"target": "onTest", "groupName": "c-1", "arguments": [{"campaignId": "c-1", "n": 2}]})
        got = alice.wait_for(lambda items: any(m["target"] == "onTest" for m in items))
        assert [m["args"][0]["n"] for m in got if m["target"] == "onTest"] == [2]
    finally:
        server.stop()
