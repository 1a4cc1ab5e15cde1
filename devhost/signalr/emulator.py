"""The SignalR Service emulator: one object holding the hubs, the client endpoint, the
REST API and the output-binding sink, mountable on devhost's Starlette app.

Same host and port as the Functions routes (the connection string's Endpoint points at
devhost), so one process serves the app and the service, as ``func start`` plus Azure
SignalR Service would.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import os
import threading
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.routing import BaseRoute, Route, WebSocketRoute

from ..bindings.signalr import NullSink
from . import auth
from .bindings import apply_binding_value, check_binding_value, is_message
from .clients import ClientEndpoint
from .hub import Hubs, UserGroupStore
from .rest import RestApi
from .upstream import InvokeTrigger, TriggerRoute, TriggerTable

log = logging.getLogger("devhost.signalr")
CONNECTION_SETTING = "AzureSignalRConnectionString"
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
        self.clients = ClientEndpoint(self)
        self.rest = RestApi(self)
        self.sink = BindingSink(self)
        self.closing = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: int | None = None

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/client/negotiate", self.clients.negotiate, methods=["POST"]),
            WebSocketRoute("/client/", self.clients.websocket),
            WebSocketRoute("/client", self.clients.websocket),
            *self.rest.routes(),
        ]

    def attach_loop(self) -> None:
        """Remember the server's event loop (binding values from worker threads go there)."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._loop_thread = threading.get_ident()

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
        loop = self._loop
        if loop is None or loop.is_closed() or not loop.is_running():
            self.closing = True
            return
        asyncio.run_coroutine_threadsafe(self.close(), loop).result(timeout)


class BindingSink:
    """The output binding's sink (devhost ``SignalRSink``): ``send(hub, value)`` from any
    thread. The value is checked at once (a bad one fails the function, as in Azure).
    Messages are queued onto the loop in call order without waiting; a group action
    waits until applied, so it is in force before the invocation is reported complete.
    (Both go through the loop's FIFO, so a message never overtakes an earlier action.)"""

    def __init__(self, emulator: SignalREmulator) -> None:
        self.emulator = emulator
        self._lock = threading.Lock()

    def send(self, hub: str, value: dict[str, Any] | list[dict[str, Any]]) -> None:
        if isinstance(value, (list, tuple)):  # several values set at once, applied in order
            for one in value:
                self.send(hub, one)
            return
        item = check_binding_value(value)
        hubs, hub = self.emulator.hubs, hub.lower()
        loop, loop_thread = self.emulator._loop, self.emulator._loop_thread
        if loop is None or loop.is_closed():
            with self._lock:  # no client ever connected: nothing runs on a loop yet
                apply_binding_value(hubs, hub, item)
            return
        if threading.get_ident() == loop_thread:
            apply_binding_value(hubs, hub, item)
        elif is_message(item):
            loop.call_soon_threadsafe(apply_binding_value, hubs, hub, item)
        else:
            future: concurrent.futures.Future[int] = asyncio.run_coroutine_threadsafe(self.emulator.apply(hub, item),
                                                                                      loop)
            future.result(timeout=SINK_TIMEOUT_SECONDS)


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
    user = user or env.get("LOCAL_USER_ID") or "local-user"
    return client_connection_info(parsed.endpoint, parsed.access_key, str(lowered.get("hubname") or "default"), user)


def mount(
    app: Starlette,
    *,
    triggers: Iterable[tuple[str, Mapping[str, Any]]] = (),
    invoke_trigger: InvokeTrigger | None = None,
    sink_registry: Any = None,
    connection_string: str | None = None,
    state_path: Path | None = None,
    ping_interval: float = 15.0,
) -> SignalREmulator:
    """Serve the emulator from ``app`` (its routes go first, before any catch-all).

    ``triggers``: ``(function_name, trigger_binding_settings)`` of every signalRTrigger
    function. ``invoke_trigger(name, payload)`` runs one and returns its return value.
    ``sink_registry``: an object whose ``sink`` attribute receives output-binding values
    (devhost's ``SignalRLog``). Call ``await emulator.close()`` when the host stops.
    """
    emulator = SignalREmulator(
        connection_string,
        triggers=[TriggerRoute.from_settings(name, settings) for name, settings in triggers],
        invoke_trigger=invoke_trigger,
        state_path=state_path,
        ping_interval=ping_interval,
    )
    app.router.routes[:0] = emulator.routes()
    if sink_registry is not None:
        previous = getattr(sink_registry, "sink", None)
        keep = previous is not None and not isinstance(previous, (NullSink, BindingSink, TeeSink))
        sink_registry.sink = TeeSink(emulator.sink, previous) if keep else emulator.sink
    return emulator


class TeeSink:
    """The emulator's sink plus one the host was given (e.g. a test's recording sink)."""

    def __init__(self, first: Any, second: Any) -> None:
        self.first, self.second = first, second

    def send(self, hub: str, value: dict[str, Any]) -> None:
        self.first.send(hub, value)
        self.second.send(hub, value)
