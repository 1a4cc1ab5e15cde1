"""The SignalR Service emulator: one object holding the hubs, the client endpoint, the
REST API and the output-binding sink; its ``routes()`` go on devhost's Starlette app.

Same host and port as the Functions routes (the connection string's Endpoint points at
devhost), so one process serves the app and the service, as ``func start`` plus Azure
SignalR Service would. devhost never imports the app, so the setting name below is its
own copy of the Functions extension's default (``AzureSignalRConnectionString``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from starlette.routing import BaseRoute, Route, WebSocketRoute

from . import auth
from .bindings import apply_binding_value, check_binding_value, is_message
from .clients import ClientEndpoint
from .hub import Hubs, UserGroupStore
from .loop import ServerLoop
from .rest import RestApi
from .upstream import InvokeTrigger, TriggerRoute, TriggerTable

log = logging.getLogger("devhost.signalr")
CONNECTION_SETTING = "AzureSignalRConnectionString"
# Who a request without App Service authentication acts as. devhost never imports the
# app, so these are its own copies of the app's local-user setting and default.
LOCAL_USER_SETTING = "LOCAL_USER_ID"
DEFAULT_LOCAL_USER = "local-user"
SINK_TIMEOUT_SECONDS = 30.0


class SignalREmulator:
    """Azure SignalR Service (serverless mode) for local development and tests."""

    def __init__(
        self,
        connection_string: str | None = None,
        *,
        triggers: Iterable[TriggerRoute] = (),
        invoke_trigger: InvokeTrigger | None = None,
        state_path: Path | None = None,
        ping_interval: float = 15.0,
        client_timeout: float = 30.0,
        handshake_timeout: float = 15.0,
        token_ttl: float = 120.0,
    ) -> None:
        parsed = auth.ConnectionString.parse(connection_string or os.environ.get(CONNECTION_SETTING))
        self.endpoint = parsed.endpoint
        self.access_key = parsed.access_key
        self.triggers = TriggerTable(triggers)
        self.invoke_trigger = invoke_trigger
        self.ping_interval = min(ping_interval, 15.0)  # clients give up after 30 s of silence
        self.client_timeout = client_timeout
        self.handshake_timeout = handshake_timeout
        self.token_ttl = token_ttl
        self.hubs = Hubs(UserGroupStore(state_path))
        self.loop = ServerLoop()
        self.clients = ClientEndpoint(self)
        self.rest = RestApi(self)
        self.sink = BindingSink(self.hubs, self.loop)  # the SignalR output binding's values go here
        self.closing = False

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/client/negotiate", self.clients.negotiate, methods=["POST"]),
            WebSocketRoute("/client/", self.clients.websocket),
            WebSocketRoute("/client", self.clients.websocket),
            *self.rest.routes(),
        ]

    def attach_loop(self) -> None:
        """Remember the server's event loop (binding values from worker threads go there).
        A host calls it when it starts serving; a bare server gets it at the first request."""
        self.loop.attach()

    def connection_info(self, hub: str, user_id: str | None, lifetime_seconds: int = 3600) -> dict[str, str]:
        """What the SignalRConnectionInfo input binding gives the negotiate function."""
        return client_connection_info(self.endpoint, self.access_key, hub, user_id, lifetime_seconds)

    async def apply(self, hub: str, value: Any) -> int:
        """Apply output-binding values (one, or a list) on the loop; returns deliveries."""
        self.attach_loop()
        return sum(apply_binding_value(self.hubs, hub.lower(), item) for item in _items(value))

    async def close(self, reason: str = "Service is restarting", allow_reconnect: bool = True) -> None:
        """Tell every client to reconnect (close message with allowReconnect) and stop accepting new ones."""
        self.closing = True
        closing = self.hubs.close_all(reason, allow_reconnect)
        writers = [c.writer for c in closing if c.writer is not None]
        if writers:
            await asyncio.wait(writers, timeout=2)
        self.hubs.close()

    def close_from_thread(self, timeout: float = 5.0) -> None:
        """``close()`` from a thread other than the server's (e.g. before stopping uvicorn,
        whose own shutdown would drop sockets without the close message)."""
        if not self.loop.running:
            self.closing = True
            return
        self.loop.run(self.close(), timeout)


class BindingSink:
    """The output binding's sink (devhost ``SignalRSink``): ``send(hub, value)`` from any
    thread. The value is checked at once (a bad one fails the function, as in Azure).
    Messages are queued onto the loop in call order without waiting; a group action
    waits until applied, so it is in force before the invocation is reported complete.
    (Both go through the loop's FIFO, so a message never overtakes an earlier action.)"""

    def __init__(self, hubs: Hubs, loop: ServerLoop) -> None:
        self.hubs = hubs
        self.loop = loop
        self._lock = threading.Lock()

    def send(self, hub: str, value: dict[str, Any] | list[dict[str, Any]]) -> None:
        if isinstance(value, (list, tuple)):  # several values set at once, applied in order
            for one in value:
                self.send(hub, one)
            return
        item = check_binding_value(value)
        hub = hub.lower()
        if not self.loop.attached:
            with self._lock:  # not serving yet (or any more): nothing runs on a loop
                apply_binding_value(self.hubs, hub, item)
        elif self.loop.on_loop_thread():
            apply_binding_value(self.hubs, hub, item)
        elif is_message(item):
            self.loop.call_soon(apply_binding_value, self.hubs, hub, item)
        else:
            self.loop.run(self._apply(hub, item), SINK_TIMEOUT_SECONDS)

    async def _apply(self, hub: str, item: dict[str, Any]) -> int:
        return apply_binding_value(self.hubs, hub, item)


def _items(value: Any) -> list[Any]:
    return list(value) if isinstance(value, (list, tuple)) else [value]


def client_connection_info(endpoint: str, access_key: str, hub: str, user_id: str | None,
                           lifetime_seconds: int = 3600) -> dict[str, str]:
    url = f"{endpoint.rstrip('/')}/client/?hub={hub.lower()}"
    return {"url": url, "accessToken": auth.issue(access_key, url, user_id, lifetime_seconds)}


def _resolve(template: str, headers: Mapping[str, str], query: Mapping[str, str]) -> str:
    """Binding expressions the negotiate binding uses: ``{headers.NAME}``, ``{query.NAME}``."""
    text = template.strip()
    if text.startswith("{") and text.endswith("}"):
        source, _, name = text[1:-1].partition(".")
        values = {"headers": headers, "query": query}.get(source.lower(), {})
        lowered = {k.lower(): v for k, v in values.items()}
        return lowered.get(name.lower(), "")
    return text


def connection_info_for_binding(settings: Mapping[str, Any], headers: Mapping[str, str],
                                query: Mapping[str, str] | None = None,
                                env: Mapping[str, str] | None = None, origin: str | None = None) -> dict[str, str]:
    """Fill a ``signalRConnectionInfo`` input binding for one HTTP request.

    ``settings`` are the binding's (``hubName``, ``connectionStringSetting``, ``userId``);
    the user id expression is resolved against the request, and when it is empty (no App
    Service authentication locally) the local dev user ``LOCAL_USER_ID`` stands in. Without
    the connection string setting, the emulator on this host (``origin``) is meant.
    """
    env = os.environ if env is None else env
    lowered = {str(k).lower(): v for k, v in settings.items()}
    setting = str(lowered.get("connectionstringsetting") or CONNECTION_SETTING)
    text = env.get(setting) or (f"Endpoint={origin.rstrip('/')};" if origin else None)
    parsed = auth.ConnectionString.parse(text)
    user = _resolve(str(lowered.get("userid") or ""), headers, query or {})
    user = user or env.get(LOCAL_USER_SETTING, "").strip() or DEFAULT_LOCAL_USER
    return client_connection_info(parsed.endpoint, parsed.access_key, str(lowered.get("hubname") or "default"), user)
