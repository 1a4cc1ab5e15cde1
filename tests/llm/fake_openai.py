"""A scriptable OpenAI-compatible server for tests, spoken to by the real ``openai`` SDK.

It implements the parts of the wire protocol the agents use: ``POST
/v1/chat/completions`` (JSON or SSE streaming with a final usage chunk, ``response_format``
recorded, error bodies with ``Retry-After``) and ``POST /v1/images/generations``
(``b64_json``). Each test scripts replies per model; unscripted requests go to a
responder that answers validly for the requested schema. The server runs uvicorn in a
thread on 127.0.0.1 with a free port and is stopped by the fixture.

Faults a real server or network produces, each scriptable per reply: a malformed SSE
chunk, an error event mid-stream, a stream that ends without a finish reason (cleanly or
by dropping the connection), ``finish_reason: length``, a stall between two chunks; and
per server a requests-per-window quota answering 429 with ``Retry-After`` and
``x-ratelimit-*`` headers, like Azure OpenAI's.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import math
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route


@dataclass
class Reply:
    """One scripted answer: a body (``content``), an error status, a delay."""

    content: str | None = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    message: str = "scripted error"
    tokens_in: int = 120
    tokens_out: int = 80
    finish_reason: str = "stop"
    # Stream faults, counted in content chunks (7 characters each) sent before the fault.
    malformed_after: int | None = None  # a ``data:`` line that is not JSON
    error_event_after: int | None = None  # ``data: {"error": ...}``
    cut_after: int | None = None  # the stream ends there, with no finish reason
    cut: Literal["clean", "drop"] = "clean"  # end the body normally, or drop the connection
    stall_after: int | None = None
    stall_seconds: float = 0.0


class _DropConnection(Exception):
    """Raised inside a streamed body: uvicorn then drops the connection mid-response."""


@dataclass
class RequestQuota:
    """At most ``limit`` chat requests per ``window_seconds`` (sliding), like a deployment's
    requests-per-minute quota scaled down; the rest get 429 with ``Retry-After``."""

    limit: int
    window_seconds: float
    accepted: deque[float] = field(default_factory=deque)
    rejected: int = 0

    def admit(self) -> float | None:
        """None if admitted, else the seconds until a slot frees."""
        now = time.monotonic()
        while self.accepted and now - self.accepted[0] >= self.window_seconds:
            self.accepted.popleft()
        if len(self.accepted) < self.limit:
            self.accepted.append(now)
            return None
        self.rejected += 1
        return self.window_seconds - (now - self.accepted[0])


Responder = Callable[[dict[str, Any]], Reply]


def error(status: int, retry_after: str | None = None, message: str = "scripted error") -> Reply:
    headers = {"retry-after": retry_after} if retry_after is not None else {}
    return Reply(status=status, headers=headers, message=message)


class FakeOpenAI:
    def __init__(self) -> None:
        self.scripts: dict[str, list[Reply]] = {}
        self.responder: Responder | None = None
        self.requests: list[dict[str, Any]] = []
        self.reject_json_schema = False
        self.image_png: bytes | None = None
        self.quota: RequestQuota | None = None
        self.in_flight = 0
        self.max_in_flight = 0
        self.app = Starlette(
            routes=[
                Route("/v1/chat/completions", self.chat, methods=["POST"]),
                Route("/v1/images/generations", self.images, methods=["POST"]),
            ]
        )

    def script(self, model: str, *replies: Reply) -> None:
        self.scripts.setdefault(model, []).extend(replies)

    def models_called(self) -> list[str]:
        return [body["model"] for body in self.requests if "messages" in body]

    def _next(self, body: dict[str, Any]) -> Reply:
        queue = self.scripts.get(body["model"])
        if queue:
            return queue.pop(0)
        if self.responder is None:
            return error(500, message="nothing scripted")
        return self.responder(body)

    def chat_requests(self) -> list[dict[str, Any]]:
        return [body for body in self.requests if "messages" in body]

    async def chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        if self.quota is not None:
            wait = self.quota.admit()
            if wait is not None:
                headers = {
                    "retry-after": str(max(1, math.ceil(wait))),
                    "retry-after-ms": str(max(1, round(wait * 1000))),
                    "x-ratelimit-limit-requests": str(self.quota.limit),
                    "x-ratelimit-remaining-requests": "0",
                }
                return _error_response(429, "Rate limit exceeded: requests per window", headers)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._answer(body)
        finally:
            self.in_flight -= 1

    async def _answer(self, body: dict[str, Any]) -> Response:
        fmt = (body.get("response_format") or {}).get("type")
        if self.reject_json_schema and fmt == "json_schema":
            return _error_response(400, "response_format json_schema is not supported", {})
        reply = self._next(body)
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.status != 200:
            return _error_response(reply.status, reply.message, reply.headers)
        content = reply.content or ""
        usage = {
            "prompt_tokens": reply.tokens_in,
            "completion_tokens": reply.tokens_out,
            "total_tokens": reply.tokens_in + reply.tokens_out,
        }
        if body.get("stream"):
            include_usage = bool((body.get("stream_options") or {}).get("include_usage"))
            return StreamingResponse(
                _sse(body["model"], content, usage if include_usage else None, reply),
                media_type="text/event-stream",
            )
        return JSONResponse(
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body["model"],
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": content},
                        "finish_reason": reply.finish_reason,
                    }
                ],
                "usage": usage,
            }
        )

    async def images(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        if self.image_png is None:
            return _error_response(500, "no image scripted", {})
        encoded = base64.b64encode(self.image_png).decode("ascii")
        return JSONResponse({"created": int(time.time()), "data": [{"b64_json": encoded}]})


def _error_response(status: int, message: str, headers: dict[str, str]) -> Response:
    body = {"error": {"message": message, "type": "test_error", "param": None, "code": str(status)}}
    return JSONResponse(body, status_code=status, headers=headers)


async def _sse(model: str, content: str, usage: dict[str, int] | None, reply: Reply) -> Any:
    def event(payload: dict[str, Any]) -> str:
        return f"data: {json.dumps(payload)}\n\n"

    base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()), "model": model}
    yield event({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]})
    for index, start in enumerate(range(0, len(content), 7)):  # small pieces split escapes across deltas
        if index == reply.malformed_after:
            yield 'data: {"id": "chatcmpl-test", "choices": [{"delta": {"content": "oops\n\n'
        if index == reply.error_event_after:
            yield event({"error": {"message": "The server had an error", "type": "server_error"}})
        if index == reply.stall_after:
            await asyncio.sleep(reply.stall_seconds)
        if index == reply.cut_after:
            if reply.cut == "drop":
                raise _DropConnection("scripted connection drop")
            return
        piece = content[start : start + 7]
        yield event({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
        await asyncio.sleep(0)
    yield event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish_reason}]})
    if usage is not None:
        yield event({**base, "choices": [], "usage": usage})
    yield "data: [DONE]\n\n"


def tiny_png(width: int = 16, height: int = 16, colour: tuple[int, int, int] = (10, 120, 90)) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, format="PNG")
    return out.getvalue()


class RunningServer:
    """uvicorn in a background thread on a free 127.0.0.1 port."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        config = uvicorn.Config(app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.01)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def serve(fake: FakeOpenAI) -> Iterator[RunningServer]:
    with RunningServer(fake.app) as running:
        yield running
