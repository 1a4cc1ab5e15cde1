"""The client side of the service: ``POST /client/negotiate?hub=H`` and the WebSocket
at ``/client/?hub=H&id=<connectionToken>``, speaking the JSON hub protocol.

A client first gets ``{url, accessToken}`` from the app's negotiate function, then
negotiates here with that token (Authorization: Bearer, or ``access_token`` in the
query as browsers send it), then opens the WebSocket with the connection token. A
WebSocket with a valid access token and no ``id`` is accepted too (clients that skip
negotiation, like pysignalr after the app's redirect).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from . import auth, protocol
from .hub import Connection
from .service import ServiceState
from .upstream import CONNECTIONS, MESSAGES, as_result, trigger_payload

log = logging.getLogger("devhost.signalr")

TRANSPORTS = [{"transport": "WebSockets", "transferFormats": ["Text", "Binary"]}]
HIDDEN_HEADERS = {"authorization", "cookie", "sec-websocket-key"}
HIDDEN_QUERY = {"access_token", "id"}


@dataclass(frozen=True)
class Pending:
    """A negotiated connection waiting for its WebSocket."""

    connection_id: str
    hub: str
    claims: dict[str, Any]
    expires_at: float


def _token(headers: Any, query: Any) -> str | None:
    return auth.bearer(headers.get("authorization")) or query.get("access_token") or None


def unauthorized(message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=401, headers={"WWW-Authenticate": "Bearer"})


class ClientEndpoint:
    def __init__(self, emulator: ServiceState) -> None:
        self.emulator = emulator
        self._pending: dict[str, Pending] = {}

    def _verified(self, token: str | None, hub: str) -> dict[str, Any]:
        claims = auth.verify(self.emulator.access_key, token)
        auth.check_client_audience(claims, hub)
        return claims

    async def negotiate(self, request: Request) -> Response:
        self.emulator.attach_loop()
        if self.emulator.closing:
            return JSONResponse({"error": "Service is restarting"}, status_code=503)
        hub = request.query_params.get("hub", "").lower()
        if not hub:
            return JSONResponse({"error": "the 'hub' query parameter is required"}, status_code=400)
        try:
            claims = self._verified(_token(request.headers, request.query_params), hub)
        except auth.TokenError as error:
            return unauthorized(str(error))
        self._expire_pending()
        connection_id, token = secrets.token_urlsafe(16), secrets.token_urlsafe(24)
        self._pending[token] = Pending(connection_id, hub, claims, time.monotonic() + self.emulator.token_ttl)
        version = 1 if request.query_params.get("negotiateVersion", "0") not in ("", "0") else 0
        body: dict[str, Any] = {"negotiateVersion": version, "connectionId": connection_id,
                                "availableTransports": TRANSPORTS}
        if version:
            body["connectionToken"] = token
        else:  # version 0 clients connect with the connection id itself
            self._pending[connection_id] = self._pending.pop(token)
        return JSONResponse(body)

    def _expire_pending(self) -> None:
        now = time.monotonic()
        for key in [k for k, p in self._pending.items() if p.expires_at < now]:
            del self._pending[key]

    async def _deny(self, ws: WebSocket, status: int, message: str) -> None:
        if "websocket.http.response" in ws.scope.get("extensions", {}):
            await ws.send_denial_response(JSONResponse({"error": message}, status_code=status))
        else:
            await ws.close(code=1008, reason=message)

    async def websocket(self, ws: WebSocket) -> None:
        self.emulator.attach_loop()
        hub = ws.query_params.get("hub", "").lower()
        token = _token(ws.headers, ws.query_params)
        pending_key = ws.query_params.get("id")
        if self.emulator.closing:
            await self._deny(ws, 503, "Service is restarting")
            return
        try:
            if pending_key:
                self._expire_pending()
                pending = self._pending.pop(pending_key, None)
                if pending is None or pending.hub != (hub or pending.hub):
                    await self._deny(ws, 404, "no negotiated connection for this id (negotiate again)")
                    return
                connection_id, hub, claims = pending.connection_id, pending.hub, pending.claims
                if token:
                    self._verified(token, hub)
            else:
                if not hub:
                    await self._deny(ws, 400, "the 'hub' query parameter is required")
                    return
                connection_id, claims = secrets.token_urlsafe(16), self._verified(token, hub)
        except auth.TokenError as error:
            await self._deny(ws, 401, str(error))
            return
        await ws.accept()
        conn = Connection(
            id=connection_id,
            hub=hub,
            user_id=auth.user_id(claims),
            send_text=ws.send_text,
            close_transport=lambda: _close_socket(ws),
            claims=auth.string_claims(claims),
            headers={k: v for k, v in ws.headers.items() if k.lower() not in HIDDEN_HEADERS},
            query={k: v for k, v in ws.query_params.items() if k.lower() not in HIDDEN_QUERY},
            ping_interval=self.emulator.ping_interval,
        )
        await self._serve(ws, conn)

    async def _handshake(self, ws: WebSocket, reader: protocol.FrameReader) -> list[dict[str, Any]] | None:
        """Read the handshake; answer ``{}`` or an error. Returns records that came with it."""
        records: list[dict[str, Any]] = []
        while not records:
            text = await asyncio.wait_for(_receive_text(ws), self.emulator.handshake_timeout)
            if text is None:
                return None
            records = reader.feed(text)
        handshake, rest = records[0], records[1:]
        if handshake.get("protocol") != "json" or handshake.get("version") not in (0, 1):
            await ws.send_text(protocol.encode({"error": f"Protocol '{handshake.get('protocol')}' is not supported"}))
            return None
        await ws.send_text(protocol.encode({}))
        return rest

    async def _serve(self, ws: WebSocket, conn: Connection) -> None:
        reader = protocol.FrameReader()
        hubs = self.emulator.hubs
        calls: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
        worker: asyncio.Task[None] | None = None
        registered = False
        try:
            early = await self._handshake(ws, reader)
            if early is None:
                return
            hubs.register(conn)
            registered = True
            worker = asyncio.create_task(self._run_calls(conn, calls))
            calls.put_nowait({"type": "connected"})
            pending_records = early
            while True:
                for message in pending_records:
                    kind = message.get("type")
                    if kind == protocol.INVOCATION:
                        calls.put_nowait(message)
                    elif kind == protocol.CLOSE:
                        return
                text = await asyncio.wait_for(_receive_text(ws), self.emulator.client_timeout)
                if text is None:
                    return
                pending_records = reader.feed(text)
        except (TimeoutError, protocol.ProtocolError) as error:
            reason = "Client timed out" if isinstance(error, TimeoutError) else str(error)
            log.info("closing connection %s: %s", conn.id, reason)
            if registered:
                conn.finish(protocol.encode(protocol.close(reason)))
        except WebSocketDisconnect:
            pass
        finally:
            if registered:
                hubs.unregister(conn)
                calls.put_nowait({"type": "disconnected"})
                calls.put_nowait(None)
                if worker is not None:
                    await asyncio.wait({worker}, timeout=self.emulator.handshake_timeout)
                if conn.writer is not None:
                    await asyncio.wait({conn.writer}, timeout=2)
            await _close_socket(ws)

    async def _run_calls(self, conn: Connection, calls: asyncio.Queue[dict[str, Any] | None]) -> None:
        """Invocations of one connection go upstream one at a time, in order (like the service)."""
        while (message := await calls.get()) is not None:
            kind = message.get("type")
            if kind in ("connected", "disconnected"):
                await self._connection_event(conn, str(kind))
            else:
                await self._invoke(conn, message)

    async def _connection_event(self, conn: Connection, event: str) -> None:
        route = self.emulator.triggers.find(conn.hub, CONNECTIONS, event)
        if route is None or self.emulator.invoke_trigger is None:
            return
        try:
            await self.emulator.invoke_trigger(route.function_name, trigger_payload(conn, CONNECTIONS, event))
        except Exception:  # a failing event function must not break the connection
            log.exception("signalRTrigger %s (%s) failed", route.function_name, event)

    async def _invoke(self, conn: Connection, message: dict[str, Any]) -> None:
        invocation_id = message.get("invocationId")
        target = str(message.get("target") or "")
        arguments = message.get("arguments")
        route = self.emulator.triggers.find(conn.hub, MESSAGES, target)
        result: Any = None
        error: str | None = None
        if route is None or self.emulator.invoke_trigger is None:
            error = f"Unknown hub method '{target}'"
        elif not isinstance(arguments, list):
            error = "Invocation arguments must be an array"
        else:
            try:
                payload = trigger_payload(conn, MESSAGES, target, arguments)
                result = as_result(await self.emulator.invoke_trigger(route.function_name, payload))
            except Exception as failure:  # reported to the caller as the real service does
                log.exception("signalRTrigger %s failed", route.function_name)
                error = f"Invocation of '{target}' failed: {failure}"
        if invocation_id:  # a send() (no invocation id) gets no completion, as with the real service
            try:
                json.dumps(result)
            except (TypeError, ValueError):
                result, error = None, f"'{target}' returned a value that is not JSON"
            conn.enqueue(protocol.encode(protocol.completion(str(invocation_id), result, error)))


async def _receive_text(ws: WebSocket) -> str | None:
    message = await ws.receive()
    if message["type"] == "websocket.disconnect":
        return None
    if message.get("text") is not None:
        return str(message["text"])
    return bytes(message.get("bytes") or b"").decode("utf-8", errors="replace")


async def _close_socket(ws: WebSocket) -> None:
    if ws.application_state == WebSocketState.CONNECTED and ws.client_state == WebSocketState.CONNECTED:
        with contextlib.suppress(Exception):
            await ws.close()
