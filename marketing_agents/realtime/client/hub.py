"""A small SignalR client (JSON hub protocol over WebSocket) for the CLI and tests.

Why not pysignalr: after the app's negotiate redirects to the service it skips the
service's negotiate and, on a reconnect, reuses the old URL and token, so it cannot
renegotiate after a restart or an expired token. This client does what the official
JavaScript client does: every (re)connect walks the negotiate chain from the app's URL
(``{url, accessToken}`` redirect → ``/client/negotiate`` → ``connectionToken``), then
opens the WebSocket, sends the handshake, pings every 15 s, treats 30 s of silence as a
lost connection, and reconnects with back-off — also after a close message with
``allowReconnect``. Groups do not survive a reconnect: ``on_reconnected`` callbacks rejoin.

Messages and completions are handled in arrival order by one dispatcher task, so when
``invoke`` returns, every message the server sent before the completion has been
handled. A handler must therefore not await ``invoke`` itself (that would wait forever).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import WebSocketException

log = logging.getLogger(__name__)

RS = "\x1e"
Handler = Callable[[list[Any]], Awaitable[None] | None]
Callback = Callable[[], Awaitable[None] | None]
DEFAULT_RECONNECT_DELAYS = (0.0, 0.5, 1.0, 2.0, 2.0, 5.0, 5.0, 10.0, 10.0, 10.0)


class HubError(RuntimeError):
    """A hub method failed (completion with an error) or the connection is unusable."""


class ConnectionLost(HubError):
    """The connection ended while a call was waiting for its completion (the hub then
    reconnects, if the server allows it, and calls the on_reconnected callbacks)."""


class NegotiateError(HubError):
    """Negotiation was refused (e.g. 401: token forged or expired) or failed."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def negotiate_url(url: str) -> str:
    """``http://h/api`` → ``http://h/api/negotiate?negotiateVersion=1`` (query kept), like the JS client."""
    parts = urlsplit(url)
    path = parts.path + ("negotiate" if parts.path.endswith("/") else "/negotiate")
    query = (parts.query + "&" if parts.query else "") + "negotiateVersion=1"
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def websocket_url(url: str, connection_token: str) -> str:
    parts = urlsplit(url)
    scheme = {"http": "ws", "https": "wss"}.get(parts.scheme, parts.scheme)
    query = (parts.query + "&" if parts.query else "") + urlencode({"id": connection_token})
    return urlunsplit((scheme, parts.netloc, parts.path, query, ""))


async def _maybe_await(value: Awaitable[None] | None) -> None:
    if value is not None:
        await value


class HubConnection:
    """``HubConnection(url, headers=...)``; ``on(target, handler)``; ``await start()``;
    ``await invoke(method, *args)``; ``await stop()``."""

    def __init__(self, url: str, headers: dict[str, str] | None = None,
                 reconnect_delays: Sequence[float] = DEFAULT_RECONNECT_DELAYS,
                 server_timeout: float = 30.0, keepalive_interval: float = 15.0, http_timeout: float = 10.0) -> None:
        self.url = url
        self.headers = dict(headers or {})
        self.reconnect_delays = tuple(reconnect_delays)
        self.server_timeout = server_timeout
        self.keepalive_interval = keepalive_interval
        self.http_timeout = http_timeout
        self.connection_id: str | None = None
        self.state = "Disconnected"
        self._handlers: dict[str, list[Handler]] = {}
        self._on_reconnected: list[Callback] = []
        self._on_reconnecting: list[Callback] = []
        self._on_closed: list[Callback] = []
        self._ws: ClientConnection | None = None
        self._pending: dict[str, asyncio.Future[Any]] = {}
        self._inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._background: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._leftover = ""
        self.closed = asyncio.Event()

    # ------------------------------------------------------------ registration

    def on(self, target: str, handler: Handler) -> None:
        self._handlers.setdefault(target.lower(), []).append(handler)

    def on_reconnected(self, callback: Callback) -> None:
        self._on_reconnected.append(callback)

    def on_reconnecting(self, callback: Callback) -> None:
        self._on_reconnecting.append(callback)

    def on_closed(self, callback: Callback) -> None:
        self._on_closed.append(callback)

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        self.state = "Connecting"
        self._stopping = False
        self.closed.clear()
        try:
            await self._connect()
        except BaseException:
            self.state = "Disconnected"
            raise
        self._tasks = [asyncio.create_task(self._dispatch()), asyncio.create_task(self._supervise())]
        self.state = "Connected"

    async def stop(self) -> None:
        self._stopping = True
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.send(json.dumps({"type": 7}) + RS)
                await self._ws.close()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._fail_pending("the connection was stopped")
        self.state = "Disconnected"
        self.closed.set()

    async def _negotiate(self, http: httpx.AsyncClient) -> tuple[str, str, str | None]:
        """Walk the negotiate chain; returns (url, connection token, access token)."""
        url, token, headers = self.url, None, dict(self.headers)
        for _ in range(10):
            try:
                response = await http.post(negotiate_url(url), headers=headers)
            except httpx.HTTPError as error:
                raise NegotiateError(f"negotiate with {url} failed: {error}") from error
            if response.status_code != 200:
                raise NegotiateError(f"negotiate with {url}: HTTP {response.status_code} {response.text[:200]}",
                                     response.status_code)
            body = response.json()
            if body.get("error"):
                raise NegotiateError(f"negotiate with {url}: {body['error']}")
            if body.get("url"):
                url, token = body["url"], body.get("accessToken")
                headers = {"Authorization": f"Bearer {token}"} if token else {}
                continue
            connection_token = body.get("connectionToken") or body.get("connectionId")
            if not connection_token:
                raise NegotiateError(f"negotiate with {url}: no connection token in {body}")
            self.connection_id = body.get("connectionId")
            return url, connection_token, token
        raise NegotiateError("negotiate redirected too many times")

    async def _connect(self) -> None:
        async with httpx.AsyncClient(timeout=self.http_timeout) as http:
            url, connection_token, token = await self._negotiate(http)
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            ws = await connect(websocket_url(url, connection_token), additional_headers=headers,
                               ping_interval=None, max_size=None, open_timeout=self.http_timeout)
        except (OSError, WebSocketException, TimeoutError) as error:
            raise NegotiateError(f"cannot open the WebSocket: {error}") from error
        await ws.send(json.dumps({"protocol": "json", "version": 1}) + RS)
        buffer = ""
        while RS not in buffer:
            raw = await asyncio.wait_for(ws.recv(), self.server_timeout)
            buffer += raw if isinstance(raw, str) else raw.decode()
        handshake, _, rest = buffer.partition(RS)
        answer = json.loads(handshake or "{}")
        if answer.get("error"):
            await ws.close()
            raise NegotiateError(f"handshake refused: {answer['error']}")
        self._ws = ws
        self._leftover = rest

    # ------------------------------------------------------------ running

    async def _supervise(self) -> None:
        """Read until the connection ends; then reconnect (or close) as the server asked."""
        while not self._stopping:
            reason, may_reconnect = await self._read()
            if self._stopping:
                return
            self._fail_pending(f"the connection was lost: {reason}")
            if not may_reconnect or not await self._reconnect(reason):
                self.state = "Disconnected"
                for callback in self._on_closed:
                    await _maybe_await(callback())
                self.closed.set()
                return

    async def _read(self) -> tuple[str, bool]:
        ws = self._ws
        assert ws is not None
        keepalive = asyncio.create_task(self._keepalive(ws))
        buffer, self._leftover = self._leftover, ""
        try:
            while True:
                *records, buffer = buffer.split(RS)
                for record in records:
                    if not record.strip():
                        continue
                    message = json.loads(record)
                    if message.get("type") == 7:
                        return str(message.get("error") or "closed by the server"), bool(
                            message.get("allowReconnect"))
                    if message.get("type") in (1, 3):
                        self._inbox.put_nowait(message)
                raw = await asyncio.wait_for(ws.recv(), self.server_timeout)
                buffer += raw if isinstance(raw, str) else raw.decode()
        except TimeoutError:
            return "the server sent nothing for too long", True
        except (WebSocketException, OSError) as error:
            return f"{type(error).__name__}: {error}", True
        finally:
            keepalive.cancel()
            with contextlib.suppress(Exception):
                await ws.close()

    async def _keepalive(self, ws: ClientConnection) -> None:
        with contextlib.suppress(Exception):
            while True:
                await asyncio.sleep(self.keepalive_interval)
                await ws.send(json.dumps({"type": 6}) + RS)

    async def _reconnect(self, reason: str) -> bool:
        self.state = "Reconnecting"
        log.info("connection lost (%s); reconnecting", reason)
        for callback in self._on_reconnecting:
            await _maybe_await(callback())
        for delay in self.reconnect_delays:
            await asyncio.sleep(delay)
            if self._stopping:
                return False
            try:
                await self._connect()
            except (HubError, OSError, TimeoutError, WebSocketException) as error:
                log.info("reconnect failed: %s", error)
                continue
            self.state = "Connected"
            for callback in self._on_reconnected:
                task = asyncio.create_task(_maybe_await(callback()))  # callbacks invoke hub methods
                self._background.add(task)
                task.add_done_callback(self._background.discard)
            return True
        return False

    async def _dispatch(self) -> None:
        while True:
            message = await self._inbox.get()
            if message.get("type") == 3:
                future = self._pending.pop(str(message.get("invocationId")), None)
                if future is not None and not future.done():
                    if message.get("error"):
                        future.set_exception(HubError(str(message["error"])))
                    else:
                        future.set_result(message.get("result"))
                continue
            for handler in self._handlers.get(str(message.get("target", "")).lower(), []):
                try:
                    await _maybe_await(handler(list(message.get("arguments") or [])))
                except Exception:
                    log.exception("handler for %s failed", message.get("target"))

    def _fail_pending(self, reason: str) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(ConnectionLost(reason))
        self._pending.clear()

    # ------------------------------------------------------------ calls

    async def invoke(self, method: str, *arguments: Any, timeout: float = 30.0) -> Any:
        """Call a hub method and wait for its completion (raises HubError on an error completion)."""
        invocation_id = secrets.token_hex(8)
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[invocation_id] = future
        try:
            await self._send({"type": 1, "invocationId": invocation_id, "target": method, "arguments": list(arguments)})
            return await asyncio.wait_for(future, timeout)
        finally:
            self._pending.pop(invocation_id, None)

    async def send(self, method: str, *arguments: Any) -> None:
        """Call a hub method without waiting for a result."""
        await self._send({"type": 1, "target": method, "arguments": list(arguments)})

    async def _send(self, message: dict[str, Any]) -> None:
        if self._ws is None or self.state != "Connected":
            raise HubError(f"cannot send while {self.state.lower()}")
        try:
            await self._ws.send(json.dumps(message) + RS)
        except (WebSocketException, OSError) as error:
            raise HubError(f"send failed: {error}") from error
