"""Test helpers: the official Node SignalR client as a subprocess, a standalone emulator
server with a tiny hub app, and uvicorn servers on free loopback ports."""

from __future__ import annotations

import asyncio
import json
import queue
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from devhost.signalr import SignalREmulator, TriggerRoute

NODE_DIR = Path(__file__).resolve().parent / "node"
ACCESS_KEY = "test-access-key-0123456789abcdefghijklmnop"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_node_client() -> None:
    """npm-install @microsoft/signalr into tests/realtime/node (its own folder; no browsers)."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        raise RuntimeError("node and npm are needed for the SignalR client tests")
    if (NODE_DIR / "node_modules" / "@microsoft" / "signalr").is_dir():
        return
    command = "ci" if (NODE_DIR / "package-lock.json").exists() else "install"
    subprocess.run(["npm", command, "--ignore-scripts", "--no-audit", "--no-fund"], cwd=NODE_DIR, check=True,
                   capture_output=True, timeout=300)


class NodeClient:
    """One @microsoft/signalr HubConnection in a Node process, driven line by line."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(["node", str(NODE_DIR / "driver.js")], cwd=NODE_DIR, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.replies: queue.Queue[dict[str, Any]] = queue.Queue()
        self.events: list[dict[str, Any]] = []
        self._next = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                message = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "event" in message:
                self.events.append(message)
            else:
                self.replies.put(message)

    def call(self, cmd: str, timeout: float = 15.0, **fields: Any) -> dict[str, Any]:
        self._next += 1
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps({"id": self._next, "cmd": cmd, **fields}) + "\n")
        self.proc.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            reply = self.replies.get(timeout=max(0.01, deadline - time.monotonic()))
            if reply.get("id") == self._next:
                return reply

    def connect(self, url: str, user: str | None = None, **options: Any) -> dict[str, Any]:
        return self.call("connect", url=url, user=user, **options)

    def invoke(self, method: str, *args: Any) -> dict[str, Any]:
        return self.call("invoke", method=method, args=list(args))

    def received(self, target: str | None = None) -> list[dict[str, Any]]:
        items = self.call("received")["received"]
        return [m for m in items if target is None or m["target"] == target]

    def wait_for(self, check: Callable[[list[dict[str, Any]]], bool], timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while True:
            items = self.received()
            if check(items) or time.monotonic() > deadline:
                return items
            time.sleep(0.05)

    def wait_event(self, name: str, count: int = 1, timeout: float = 15.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if sum(1 for e in self.events if e["event"] == name) >= count:
                return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class ServerThread:
    """A uvicorn server for ``app`` on 127.0.0.1:``port`` in a background thread."""

    def __init__(self, app: Any, port: int) -> None:
        self.port = port
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                                    lifespan="off", timeout_graceful_shutdown=1))
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(self.server.serve())

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.01)
        return self

    def run(self, coro: Any, timeout: float = 10.0) -> Any:
        """Run a coroutine on the server's loop from the test thread."""
        assert self.loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


class TinyHubApp:
    """A stand-in app for emulator tests: a negotiate function, hub methods in the
    style of api/realtime.py (join only campaigns the user 'owns'), and a publish route
    that goes through the output-binding sink."""

    def __init__(self, port: int, owners: dict[str, str], ping_interval: float = 15.0,
                 state_path: Path | None = None) -> None:
        self.port = port
        self.owners = owners
        self.endpoint = f"http://127.0.0.1:{port}"
        self.calls: list[tuple[str, dict[str, Any]]] = []
        routes = [TriggerRoute(n, "campaigns", c, e) for n, c, e in (
            ("join", "messages", "JoinCampaignGroup"), ("leave", "messages", "LeaveCampaignGroup"),
            ("echo", "messages", "Echo"), ("boom", "messages", "Boom"), ("connected", "connections", "connected"),
            ("disconnected", "connections", "disconnected"))]
        self.emulator = SignalREmulator(f"Endpoint={self.endpoint};AccessKey={ACCESS_KEY};Version=1.0;",
                                        triggers=routes, invoke_trigger=self.invoke, ping_interval=ping_interval,
                                        state_path=state_path)
        self.app = Starlette(routes=[
            *self.emulator.routes(),
            Route("/api/negotiate", self.negotiate, methods=["POST"]),
            Route("/test/publish", self.publish, methods=["POST"]),
        ])

    async def negotiate(self, request: Request) -> Response:
        user = request.headers.get("x-ms-client-principal-id") or "local-user"
        return JSONResponse(self.emulator.connection_info("campaigns", user))

    async def publish(self, request: Request) -> Response:
        """The binding path: what an activity's SignalR output binding value does."""
        body = await request.json()
        await asyncio.to_thread(self.emulator.sink.send, "campaigns", body)
        return Response(status_code=202)

    async def invoke(self, name: str, payload: dict[str, Any]) -> Any:
        self.calls.append((name, payload))
        args, cid, user = payload["Arguments"], payload["ConnectionId"], payload["UserId"]
        if name == "join":
            if self.owners.get(args[0]) != user:
                value: dict[str, Any] = {"target": "onRequestRefused", "connectionId": cid,
                                         "arguments": [{"campaignId": args[0], "method": "JoinCampaignGroup"}]}
            else:
                value = {"action": "add", "groupName": args[0], "connectionId": cid}
            await asyncio.to_thread(self.emulator.sink.send, "campaigns", value)  # like devhost: from a worker
            return None
        if name == "leave":
            await self.emulator.apply("campaigns", {"action": "remove", "groupName": args[0], "connectionId": cid})
            return None
        if name == "echo":
            return json.dumps({"args": args, "user": user})
        if name == "boom":
            raise RuntimeError("boom")
        return None
