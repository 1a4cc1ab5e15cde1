"""Python clients against the emulator: our HubConnection (the CLI's), the REST client
and ChunkPublisher (the activities'), and pysignalr for compatibility."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from realtime_helpers import ACCESS_KEY, ServerThread, TinyHubApp, free_port

from marketing_agents.realtime.client import HubConnection, HubError, NegotiateError
from marketing_agents.realtime.publishing import ChunkPublisher, SignalRConnection, SignalRRestClient, SignalRRestError

OWNERS = {"c-1": "alice", "c-2": "bob"}


@pytest.fixture
def hub_app() -> Iterator[TinyHubApp]:
    port = free_port()
    app = TinyHubApp(port, OWNERS, ping_interval=1.0)
    server = ServerThread(app.app, port).start()
    yield app
    server.stop()


def rest_client(app: TinyHubApp, key: str = ACCESS_KEY) -> SignalRRestClient:
    return SignalRRestClient(SignalRConnection.parse(f"Endpoint={app.endpoint};AccessKey={key};Version=1.0;"),
                             "campaigns")


def test_hub_connection_invokes_joins_and_receives_in_order(hub_app: TinyHubApp) -> None:
    async def scenario() -> None:
        received: list[Any] = []
        refused: list[Any] = []
        hub = HubConnection(f"{hub_app.endpoint}/api", headers={"x-ms-client-principal-id": "alice"})
        hub.on("onTest", lambda args: received.extend(args))
        hub.on("onRequestRefused", lambda args: refused.extend(args))
        await hub.start()
        try:
            assert await hub.invoke("Echo", "x") == {"args": ["x"], "user": "alice"}
            with pytest.raises(HubError, match="boom"):
                await hub.invoke("Boom")
            await hub.invoke("JoinCampaignGroup", "c-2")
            assert refused and refused[0]["campaignId"] == "c-2"  # handled before invoke returned
            await hub.invoke("JoinCampaignGroup", "c-1")
            async with rest_client(hub_app) as rest:
                for n in range(20):
                    await rest.send_to_group("c-1", "onTest", [n])
                await rest.send_to_group("c-2", "onTest", ["not for alice"])
                await rest.send_to_connection(str(hub.connection_id), "onTest", ["direct"])
            for _ in range(100):
                if len(received) >= 21:
                    break
                await asyncio.sleep(0.02)
            assert received == [*range(20), "direct"]
        finally:
            await hub.stop()

    asyncio.run(scenario())


def test_rest_client_refused_with_wrong_key(hub_app: TinyHubApp) -> None:
    async def scenario() -> None:
        async with rest_client(hub_app, key="wrong-key-wrong-key-wrong-key-wrong") as rest:
            with pytest.raises(SignalRRestError, match="401"):
                await rest.send_to_group("c-1", "onTest", [])

    asyncio.run(scenario())


def test_chunk_publisher_batches_and_preserves_text(hub_app: TinyHubApp) -> None:
    text = "".join(f"word{n} " for n in range(200))
    pieces = [text[i:i + 7] for i in range(0, len(text), 7)]

    async def scenario() -> list[dict[str, Any]]:
        chunks: list[dict[str, Any]] = []
        hub = HubConnection(f"{hub_app.endpoint}/api", headers={"x-ms-client-principal-id": "alice"})
        hub.on("onChunkReceived", lambda args: chunks.extend(args))
        await hub.start()
        await hub.invoke("JoinCampaignGroup", "c-1")
        async with rest_client(hub_app) as rest, ChunkPublisher(rest.send_to_group, "c-1", "Copy", 7,
                                                                interval=0.05) as on_chunk:
            for piece in pieces:
                await on_chunk(piece)
                await asyncio.sleep(0.002)
        for _ in range(100):
            if chunks and chunks[-1]["payload"]["isComplete"]:
                break
            await asyncio.sleep(0.02)
        await hub.stop()
        return chunks

    chunks = asyncio.run(scenario())
    assert "".join(c["payload"]["chunk"] for c in sorted(chunks, key=lambda c: c["payload"]["sequence"])) == text
    assert [c["payload"]["sequence"] for c in chunks] == list(range(len(chunks)))
    assert chunks[-1]["payload"]["isComplete"] and not any(c["payload"]["isComplete"] for c in chunks[:-1])
    assert 2 <= len(chunks) < len(pieces) / 3  # batched, not one message per token
    first = chunks[0]
    assert first["type"] == "onChunkReceived" and first["sequence"] == 7 and first["campaignId"] == "c-1"
    assert first["payload"]["artifactType"] == "Copy" and len({c["eventId"] for c in chunks}) == len(chunks)


def test_hub_connection_reconnects_after_restart() -> None:
    port = free_port()
    app = TinyHubApp(port, OWNERS, ping_interval=1.0)
    server = ServerThread(app.app, port).start()

    async def scenario() -> None:
        nonlocal app, server
        received: list[Any] = []
        rejoined = asyncio.Event()
        hub = HubConnection(f"{app.endpoint}/api", headers={"x-ms-client-principal-id": "alice"},
                            reconnect_delays=[0.1] * 50)
        hub.on("onTest", lambda args: received.extend(args))

        async def rejoin() -> None:
            await hub.invoke("JoinCampaignGroup", "c-1")
            rejoined.set()

        hub.on_reconnected(rejoin)
        await hub.start()
        await hub.invoke("JoinCampaignGroup", "c-1")
        first = hub.connection_id
        await asyncio.to_thread(server.run, app.emulator.close())
        await asyncio.to_thread(server.stop)
        app = TinyHubApp(port, OWNERS, ping_interval=1.0)
        server = await asyncio.to_thread(ServerThread(app.app, port).start)
        await asyncio.wait_for(rejoined.wait(), 10)
        assert hub.connection_id != first
        async with rest_client(app) as rest:
            await rest.send_to_group("c-1", "onTest", ["after"])
        for _ in range(100):
            if received:
                break
            await asyncio.sleep(0.02)
        assert received == ["after"]
        await hub.stop()

    try:
        asyncio.run(scenario())
    finally:
        server.stop()


def test_negotiate_refused_is_reported(hub_app: TinyHubApp) -> None:
    async def scenario() -> None:
        hub = HubConnection(f"{hub_app.endpoint}/client/?hub=campaigns", reconnect_delays=[])
        with pytest.raises(NegotiateError) as error:
            await hub.start()
        assert error.value.status == 401

    asyncio.run(scenario())


def test_pysignalr_client_works_with_the_emulator(hub_app: TinyHubApp) -> None:
    from pysignalr.client import SignalRClient

    async def scenario() -> list[Any]:
        received: list[Any] = []
        client = SignalRClient(f"{hub_app.endpoint}/api", headers={"x-ms-client-principal-id": "alice"})
        joined = asyncio.Event()

        async def on_open() -> None:
            await client.send("JoinCampaignGroup", ["c-1"], on_invocation=lambda _m: _set(joined))

        async def _set(event: asyncio.Event) -> None:
            event.set()

        async def on_test(args: list[Any]) -> None:
            received.extend(args)

        client.on_open(on_open)
        client.on("onTest", on_test)
        task = asyncio.create_task(client.run())
        try:
            await asyncio.wait_for(joined.wait(), 10)
            async with rest_client(hub_app) as rest:
                await rest.send_to_group("c-1", "onTest", ["hello pysignalr"])
            for _ in range(100):
                if received:
                    break
                await asyncio.sleep(0.02)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        return received

    assert asyncio.run(scenario()) == ["hello pysignalr"]
