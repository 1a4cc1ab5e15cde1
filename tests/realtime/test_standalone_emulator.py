"""``python -m devhost.signalr``: the emulator as its own process, the way ``func start``
users run it. A client negotiates with the app, connects to the emulator, and its hub
method calls reach the app's upstream webhook as Azure SignalR Service sends them
(X-ASRS-* headers, the HMAC signature of the connection id, the system key as ?code=);
the app answers through the emulator's REST API, as the SignalR output binding does."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from realtime_helpers import ACCESS_KEY, ServerThread, free_port
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from devhost.signalr import client_connection_info
from marketing_agents.realtime.client import HubConnection, HubError
from marketing_agents.realtime.publishing import SignalRConnection, SignalRRestClient

CODE = "the-signalr-extension-system-key"


class UpstreamApp:
    """The app's side: /api/negotiate (the connection-info binding) and the SignalR
    extension webhook, which checks what the extension checks before running a trigger."""

    def __init__(self, emulator_endpoint: str) -> None:
        self.endpoint = emulator_endpoint
        self.calls: list[dict[str, Any]] = []
        self.app = Starlette(routes=[
            Route("/api/negotiate", self.negotiate, methods=["POST"]),
            Route("/runtime/webhooks/signalr", self.webhook, methods=["POST"]),
        ])

    async def negotiate(self, request: Request) -> Response:
        user = request.headers.get("x-ms-client-principal-id", "anonymous")
        return JSONResponse(client_connection_info(self.endpoint, ACCESS_KEY, "campaigns", user))

    async def webhook(self, request: Request) -> Response:
        if request.query_params.get("code") != CODE:
            return Response(status_code=401)
        connection_id = request.headers["x-asrs-connection-id"]
        expected = "sha256=" + hmac.new(ACCESS_KEY.encode(), connection_id.encode(), hashlib.sha256).hexdigest()
        if expected not in request.headers.get("x-asrs-signature", "").split(","):
            return Response(status_code=403)
        body = json.loads(await request.body() or b"{}")
        call = {"hub": request.headers["x-asrs-hub"], "category": request.headers["x-asrs-category"],
                "event": request.headers["x-asrs-event"], "user": request.headers.get("x-asrs-user-id"),
                "connection": connection_id, "body": body}
        self.calls.append(call)
        if call["category"] != "messages":
            return Response(status_code=200)
        if body["target"] == "Fail":
            return JSONResponse({"type": 3, "invocationId": body["invocationId"], "error": "refused"})
        # What an output binding does: the REST API of the service, signed with the key.
        connection = SignalRConnection.parse(f"Endpoint={self.endpoint};AccessKey={ACCESS_KEY};Version=1.0;")
        async with SignalRRestClient(connection, "campaigns") as rest:
            await rest.send_to_connection(connection_id, "onEcho", [body["arguments"], call["user"]])
        return JSONResponse({"type": 3, "invocationId": body["invocationId"], "result": "done"})


@pytest.fixture
def running() -> Iterator[tuple[str, UpstreamApp, ServerThread]]:
    emulator_port, app_port = free_port(), free_port()
    endpoint = f"http://127.0.0.1:{emulator_port}"
    upstream = UpstreamApp(endpoint)
    server = ServerThread(upstream.app, app_port).start()
    proc = subprocess.Popen(
        [sys.executable, "-m", "devhost.signalr", "--port", str(emulator_port), "--log-level", "warning",
         "--connection-string", f"Endpoint={endpoint};AccessKey={ACCESS_KEY};Version=1.0;",
         "--upstream", f"http://127.0.0.1:{app_port}/runtime/webhooks/signalr", "--code", CODE],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{endpoint}/api/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the standalone emulator did not start: {proc.communicate()[1][-2000:]}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{app_port}", upstream, server
    finally:
        proc.terminate()
        proc.wait(timeout=15)
        server.stop()


def test_invocations_go_upstream_signed_and_answers_come_back(running: tuple[str, UpstreamApp, ServerThread]) -> None:
    app_url, upstream, _ = running

    async def scenario() -> None:
        received: list[Any] = []
        hub = HubConnection(f"{app_url}/api", headers={"x-ms-client-principal-id": "alice"})
        hub.on("onEcho", lambda args: received.append(args))
        await hub.start()
        try:
            assert await hub.invoke("JoinCampaignGroup", "c-1") == "done"
            for _ in range(200):
                if received:
                    break
                await asyncio.sleep(0.02)
            assert received == [[["c-1"], "alice"]]
            with pytest.raises(HubError, match="refused"):
                await hub.invoke("Fail")
        finally:
            await hub.stop()

    asyncio.run(scenario())
    messages = [c for c in upstream.calls if c["category"] == "messages"]
    assert [(c["hub"], c["event"], c["user"]) for c in messages] == [
        ("campaigns", "JoinCampaignGroup", "alice"), ("campaigns", "Fail", "alice")]
    assert messages[0]["body"]["arguments"] == ["c-1"]
    connected = [c for c in upstream.calls if c["category"] == "connections"]
    assert connected and connected[0]["event"] == "connected"


def test_a_connection_string_without_a_key_is_a_one_line_error() -> None:
    done = subprocess.run([sys.executable, "-m", "devhost.signalr", "--connection-string",
                           "Endpoint=https://x.service.signalr.net;AuthType=azure.msi;"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "AccessKey" in done.stderr
