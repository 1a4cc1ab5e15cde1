"""The SignalR Service emulator on its own port, for apps run by another host (``func
start``): ``python -m devhost.signalr --port 8888``.

It is the same emulator devhost embeds (negotiate, the client WebSocket, the REST API
the Functions SignalR extension and the app's publisher call), with upstream delivery
done as Azure SignalR Service does it in serverless mode: every client invocation and
connection event is POSTed to the upstream URL template (by default the local host's
SignalR extension webhook, ``http://127.0.0.1:7071/runtime/webhooks/signalr``, plus
``?code=<signalr_extension system key>`` when one is given) with the ``X-ASRS-*``
headers and the HMAC-SHA256 signature of the connection id, and a completion message in
the answer is the invocation's result."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
import uuid
from collections.abc import AsyncIterator, Mapping
from typing import Any
from urllib.parse import urlencode

import httpx
from starlette.applications import Starlette

from .emulator import SignalREmulator
from .upstream import CONNECTIONS, MESSAGES, TriggerRoute

log = logging.getLogger("devhost.signalr.standalone")
DEFAULT_UPSTREAM = "http://127.0.0.1:7071/runtime/webhooks/signalr"
UPSTREAM_TIMEOUT_SECONDS = 100.0  # the service's own upstream timeout
COMPLETION = 3


class UpstreamError(RuntimeError):
    """The upstream refused or failed an invocation; the client gets it as the error."""


def signature(access_key: str, connection_id: str) -> str:
    """``X-ASRS-Signature``: ``sha256=`` + hex HMAC-SHA256 of the connection id by the key."""
    digest = hmac.new(access_key.encode(), connection_id.encode(), hashlib.sha256).hexdigest()
    return f"sha256={digest}"


class UpstreamForwarder:
    """``InvokeTrigger`` for the emulator: one HTTP call upstream per event, as the service makes."""

    def __init__(self, url_template: str, access_key: str, code: str | None = None,
                 client: httpx.AsyncClient | None = None) -> None:
        self.url_template = url_template
        self.access_key = access_key
        self.code = code
        self.client = client or httpx.AsyncClient(timeout=UPSTREAM_TIMEOUT_SECONDS)

    def url(self, hub: str, category: str, event: str) -> str:
        url = self.url_template.replace("{hub}", hub).replace("{category}", category).replace("{event}", event)
        if self.code:
            url += ("&" if "?" in url else "?") + urlencode({"code": self.code})
        return url

    def headers(self, payload: Mapping[str, Any]) -> dict[str, str]:
        connection_id = str(payload.get("ConnectionId") or "")
        claims = payload.get("Claims") or {}
        headers = {
            "Content-Type": "application/json",
            "X-ASRS-Connection-Id": connection_id,
            "X-ASRS-Hub": str(payload.get("Hub") or ""),
            "X-ASRS-Category": str(payload.get("Category") or ""),
            "X-ASRS-Event": str(payload.get("Event") or ""),
            "X-ASRS-Signature": signature(self.access_key, connection_id),
            "X-ASRS-User-Claims": ",".join(f"{k}: {v}" for k, v in claims.items()),
            "X-ASRS-Client-Query": urlencode(dict(payload.get("Query") or {})),
        }
        if payload.get("UserId"):
            headers["X-ASRS-User-Id"] = str(payload["UserId"])
        return headers

    async def __call__(self, function_name: str, payload: dict[str, Any]) -> Any:
        category, event = str(payload.get("Category")), str(payload.get("Event"))
        if category == MESSAGES:
            body: dict[str, Any] = {"type": 1, "invocationId": uuid.uuid4().hex, "target": event,
                                    "arguments": list(payload.get("Arguments") or [])}
        elif event == "disconnected":
            body = {"Error": payload.get("Error")}
        else:
            body = {}
        response = await self.client.post(self.url(str(payload.get("Hub")), category, event),
                                          headers=self.headers(payload), content=json.dumps(body))
        if response.status_code >= 300:
            raise UpstreamError(f"upstream answered {response.status_code} for {category}/{event}")
        return _result(response)

    async def aclose(self) -> None:
        await self.client.aclose()


def _result(response: httpx.Response) -> Any:
    """The invocation's result from the upstream's completion message (none for void)."""
    text = response.text.strip().rstrip("\x1e")
    if not text:
        return None
    try:
        message = json.loads(text)
    except json.JSONDecodeError:
        return text
    if isinstance(message, dict) and message.get("type") == COMPLETION:
        if message.get("error"):
            raise UpstreamError(str(message["error"]))
        return message.get("result")
    return message


def standalone_app(connection_string: str, upstream: str = DEFAULT_UPSTREAM, code: str | None = None,
                   **emulator_options: Any) -> tuple[Starlette, SignalREmulator]:
    """A Starlette app serving only the emulator, forwarding every hub's events upstream."""
    routes = [TriggerRoute("upstream", "*", MESSAGES, "*"), TriggerRoute("upstream", "*", CONNECTIONS, "*")]
    emulator = SignalREmulator(connection_string, triggers=routes, **emulator_options)
    forwarder = UpstreamForwarder(upstream, emulator.access_key, code)
    emulator.invoke_trigger = forwarder

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        emulator.attach_loop()
        try:
            yield
        finally:
            await emulator.close()
            await forwarder.aclose()

    return Starlette(routes=emulator.routes(), lifespan=lifespan), emulator
