"""Assembling devhost: app loading, engine, bindings and the ASGI routes.

``Host`` is the wiring with no server attached; ``server.DevHost`` runs it under uvicorn.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

from starlette.applications import Starlette
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from .app_loader import FunctionIndex, load_app
from .bindings.cosmos import CosmosOutput
from .bindings.outputs import OutputBindings
from .bindings.signalr import SignalRLog, SignalRSink
from .clock import Clock, VirtualClock
from .config import HostConfig, load_host_config, load_local_settings
from .durable.activities import ActivityRunner
from .durable.scheduler import Scheduler
from .durable.store import StateStore
from .fallback import FrontFallback
from .http_functions import HttpFunctions
from .invoke import Invoker
from .management import ManagementApi
from .signalr import SignalREmulator, TriggerRoute

log = logging.getLogger("devhost")


class _AnyPathConvertor(PathConvertor):
    """Starlette's ``path`` stops at a newline; function routes get every path (a
    ``%0A`` in an id is the function's to refuse, as on the real host)."""

    regex = r"[\s\S]*"


register_url_convertor("anypath", _AnyPathConvertor())

STATE_DB = "state.db"


class Host:
    """Everything devhost runs for one app folder and one state folder."""

    def __init__(self, app_dir: Path, state_dir: Path | None = None, *,
                 virtual_clock: bool = False, settings: dict[str, str] | None = None,
                 signalr_sink: SignalRSink | None = None,
                 timer_limits: tuple[str, str] | None = None) -> None:
        self.app_dir = app_dir.resolve()
        self.state_dir = (state_dir or self.app_dir / ".devhost").resolve()
        load_local_settings(self.app_dir, settings)
        self.config: HostConfig = load_host_config(self.app_dir)
        self.index: FunctionIndex = load_app(self.app_dir)
        self.clock: Clock = VirtualClock() if virtual_clock else Clock()
        self.state_dir.mkdir(parents=True, exist_ok=True)
        db = self.state_dir / STATE_DB
        self.store = StateStore(db)
        # The SignalR Service emulator shares the port (the connection string points
        # here); it receives what the app's signalRTrigger functions are for, and every
        # SignalR output binding value after the log has recorded it.
        self.signalr_emulator = SignalREmulator(
            triggers=[TriggerRoute.from_settings(fn.name, fn.trigger.settings)
                      for fn in self.index.signalr_triggers.values()],
            invoke_trigger=self._invoke_signalr_trigger,
            state_path=self.state_dir / "signalr.sqlite",
        )
        extra_sinks = [signalr_sink] if signalr_sink is not None else []
        self.signalr_output_log = SignalRLog(db, [self.signalr_emulator.sink, *extra_sinks])
        self.cosmos = CosmosOutput(self.app_dir)
        workers = self.config.max_concurrent_activities + 8
        self.invoker = Invoker(OutputBindings(self.cosmos, self.signalr_output_log), str(self.app_dir),
                               workers, timeout=self.config.function_timeout,
                               retire_hook=retire_durable_client_session)
        self.activities = ActivityRunner(self.index, self.invoker,
                                         self.config.max_concurrent_activities)
        self.scheduler = Scheduler(self.index, self.store, self.clock, self.activities,
                                   timer_limits)
        self.http = HttpFunctions(self.index, self.invoker, self.config.hub_name)
        self.management = ManagementApi(self.scheduler, self.config.hub_name)
        self.extra_routes: list[BaseRoute] = []

    def mount(self, routes: list[BaseRoute]) -> None:
        """Serve more routes (e.g. a test's own endpoints); call before serving."""
        self.extra_routes.extend(routes)

    def describe(self) -> list[str]:
        """One line per function, like ``func start`` prints at startup."""
        lines = []
        prefix = self.config.route_prefix
        for fn in self.index.all():
            if fn.trigger.type == "httpTrigger":
                methods = ",".join(fn.trigger.settings.get("methods") or ["ALL"])
                route = fn.trigger.settings.get("route") or fn.name
                lines.append(f"{fn.name}: [{methods}] /{prefix}/{route}".replace("//", "/"))
            else:
                lines.append(f"{fn.name}: {fn.trigger.type}")
        return lines

    # ------------------------------------------------------------------ ASGI
    def asgi(self) -> Starlette:
        routes = [
            *self.signalr_emulator.routes(),
            Route("/admin/host/status", self._host_status, methods=["GET"]),
            Route("/runtime/webhooks/devhost/clock", self._clock, methods=["GET", "POST"]),
            Route("/runtime/webhooks/devhost/signalr/messages", self._signalr_messages,
                  methods=["GET"]),
            *self.management.routes(),
            *self.extra_routes,
        ]
        app = Starlette(routes=routes, lifespan=self._lifespan)
        # Last: every method and path the routes above did not take (problem+json 404/405).
        app.router.routes.append(Route("/{path:anypath}", FrontFallback(
            self.config.route_prefix, self.http.handle, lambda: app.router.routes)))
        return app

    async def _invoke_signalr_trigger(self, name: str, payload: dict[str, object]) -> object:
        """A client invocation (or connection event) for a signalRTrigger function."""
        fn = self.index.signalr_triggers[name]
        return await self.invoker.call(fn, {fn.trigger.name: json.dumps(payload)})

    @asynccontextmanager
    async def _lifespan(self, app: Starlette) -> AsyncIterator[None]:
        self.signalr_emulator.attach_loop()  # binding values from worker threads go to this loop
        await self.scheduler.start()
        try:
            yield
        finally:
            await self.signalr_emulator.close()
            await self.scheduler.stop()
            await self.invoker.shutdown_async()     # closes the SDK's session on its loop

    async def _host_status(self, request: Request) -> Response:
        return JSONResponse({"id": "devhost", "state": "Running", "version": "devhost",
                             "processUptime": 0})

    async def _clock(self, request: Request) -> Response:
        if not self.clock.virtual:
            return JSONResponse({"error": "the virtual clock is off (start with "
                                          "--virtual-clock)"}, status_code=404)
        if request.method == "POST":
            try:
                seconds = float(request.query_params.get("advanceSeconds", "0"))
                self.clock.advance(seconds)
            except ValueError as ex:
                return JSONResponse({"error": str(ex)}, status_code=400)
        return JSONResponse({"now": self.clock.peek().isoformat().replace("+00:00", "Z")})

    async def _signalr_messages(self, request: Request) -> Response:
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return JSONResponse({"error": "after must be an integer"}, status_code=400)
        return JSONResponse(self.signalr_output_log.read(after))

    def close(self) -> None:
        self.invoker.shutdown()
        self.cosmos.close()
        self.signalr_output_log.close()
        self.signalr_emulator.hubs.close()  # idempotent: also closed when serving stops
        self.store.close()


def retire_durable_client_session() -> Coroutine[Any, Any, None] | None:
    """The SDK's DurableOrchestrationClient keeps one module-global aiohttp session (and
    lock) bound to the event loop that first used it: the worker loop. When that loop
    retires (host stop, or a wedged loop replaced) the SDK must forget them, or the next
    loop (or the next host in the same process: tests, benchmarks) inherits a dead session.
    Returns the close to run on the retiring loop, the only one that may close it."""
    from azure.durable_functions.models.utils import http_utils

    session = http_utils._client_session
    http_utils._client_session = None
    http_utils._session_lock = asyncio.Lock()
    if session is not None and not session.closed:
        return cast("Coroutine[Any, Any, None]", session.close())
    return None
