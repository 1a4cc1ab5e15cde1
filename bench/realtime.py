"""Benchmark of the SignalR Service emulator: N WebSocket clients joined to campaign
groups, events sent through the output-binding path, delivery latency and throughput.

    .venv/bin/python bench/realtime.py                 # 100 and 1,000 clients
    .venv/bin/python bench/realtime.py --clients 250 --per-group 5 --events 50

Each client negotiates (``/client/negotiate`` with a signed token), opens the WebSocket,
does the handshake and joins its campaign's group through a hub method (an upstream
trigger call that returns a group action), like the app's JoinCampaignGroup. Then, for
every group, ``--events`` events go through the binding sink from a worker thread (what
devhost does with an activity's SignalR output binding), each stamped with its send
time; each client records when it received it. The emulator runs in its own process
(as in devhost), the clients in this one; latency uses the shared wall clock.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from websockets.asyncio.client import ClientConnection, connect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from devhost.signalr import SignalREmulator, TriggerRoute
from devhost.signalr.auth import issue
from devhost.testing import free_port
from marketing_agents.protocol import HUB, ON_ARTIFACT_GENERATED

RS = "\x1e"
KEY = "bench-access-key-0123456789abcdefghijklmnop"


class BenchServer:
    def __init__(self, port: int) -> None:
        self.endpoint = f"http://127.0.0.1:{port}"
        self.emulator = SignalREmulator(f"Endpoint={self.endpoint};AccessKey={KEY};",
                                        triggers=[TriggerRoute("join", HUB, "messages", "JoinCampaignGroup")],
                                        invoke_trigger=self.invoke)
        routes = [*self.emulator.routes(), Route("/bench/publish", self.publish, methods=["POST"])]
        self.server = uvicorn.Server(uvicorn.Config(Starlette(routes=routes), host="127.0.0.1",
                                                    port=port, log_level="warning", lifespan="off", backlog=4096))

    async def publish(self, request: Request) -> Response:
        body = await request.json()
        seconds = await asyncio.to_thread(send_events, self, body["groups"], body["events"], body["rate"])
        return JSONResponse({"send_s": seconds})

    async def invoke(self, name: str, payload: dict[str, Any]) -> None:
        await self.emulator.apply(HUB, {"action": "add", "groupName": payload["Arguments"][0],
                                        "connectionId": payload["ConnectionId"]})

    def serve(self) -> None:
        self.server.run()


def start_server_process(port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the emulator process did not start")


class Client:
    def __init__(self, group: str) -> None:
        self.group = group
        self.latencies: list[float] = []
        self.received = 0
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None

    async def connect(self, endpoint: str, http: httpx.AsyncClient, user: str) -> None:
        url = f"{endpoint}/client/?hub={HUB}"
        token = issue(KEY, url, user)
        body = (await http.post(f"{endpoint}/client/negotiate", params={"hub": HUB, "negotiateVersion": 1},
                                headers={"Authorization": f"Bearer {token}"})).json()
        ws_url = url.replace("http://", "ws://") + f"&id={body['connectionToken']}"
        self.ws = await connect(ws_url, additional_headers={"Authorization": f"Bearer {token}"}, ping_interval=None,
                                max_size=None, open_timeout=60)
        await self.ws.send(json.dumps({"protocol": "json", "version": 1}) + RS)
        await self.ws.recv()
        await self.ws.send(json.dumps({"type": 1, "invocationId": "1", "target": "JoinCampaignGroup",
                                       "arguments": [self.group]}) + RS)
        while True:  # wait for the completion: then the group membership is in force
            frames = str(await self.ws.recv()).split(RS)
            if any(f and json.loads(f).get("type") == 3 for f in frames):
                break
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        assert self.ws is not None
        async for raw in self.ws:
            now = time.time()
            for frame in str(raw).split(RS):
                if not frame:
                    continue
                message = json.loads(frame)
                if message.get("type") == 1:
                    self.received += 1
                    self.latencies.append(now - message["arguments"][0]["sentAt"])

    async def close(self) -> None:
        if self.reader:
            self.reader.cancel()
        if self.ws:
            await self.ws.close()


def send_events(server: BenchServer, groups: list[str], events: int, rate: float = 0.0) -> float:
    """The binding path from a worker thread, paced at ``rate`` events/s (0: a burst);
    returns the time spent sending."""
    started = time.perf_counter()
    sent = 0
    for sequence in range(1, events + 1):
        for group in groups:
            if rate:
                pause = started + sent / rate - time.perf_counter()
                if pause > 0:
                    time.sleep(pause)
            sent += 1
            envelope = {"campaignId": group, "sequence": sequence, "type": ON_ARTIFACT_GENERATED,
                        "payload": {"content": "x" * 200}, "sentAt": time.time()}
            server.emulator.sink.send(HUB, {"target": ON_ARTIFACT_GENERATED, "groupName": group,
                                            "arguments": [envelope]})
    return time.perf_counter() - started


async def run(clients: int, per_group: int, events: int, rate: float) -> dict[str, Any]:
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    proc = await asyncio.to_thread(start_server_process, port)
    groups = [f"c-{n:016x}" for n in range((clients + per_group - 1) // per_group)]
    population = [Client(groups[i // per_group]) for i in range(clients)]
    limits = httpx.Limits(max_connections=200)
    try:
        started = time.perf_counter()
        async with httpx.AsyncClient(limits=limits, timeout=60) as http:
            for batch in range(0, clients, 200):
                await asyncio.gather(*(c.connect(endpoint, http, f"user-{i}")
                                       for i, c in enumerate(population[batch:batch + 200], batch)))
        connect_seconds = time.perf_counter() - started
        expected = clients * events
        send_started = time.perf_counter()
        async with httpx.AsyncClient(timeout=120) as http:
            order = {"groups": groups, "events": events, "rate": rate}
            answer = await http.post(f"{endpoint}/bench/publish", json=order)
        sending = float(answer.json()["send_s"])
        deadline = time.perf_counter() + 60
        while sum(c.received for c in population) < expected and time.perf_counter() < deadline:
            await asyncio.sleep(0.01)
        elapsed = time.perf_counter() - send_started
        latencies = sorted(x for c in population for x in c.latencies)
        delivered = len(latencies)
        return {
            "mode": f"{rate:.0f}/s" if rate else "burst",
            "clients": clients, "groups": len(groups), "events_sent": len(groups) * events,
            "delivered": delivered, "expected": expected, "connect_s": connect_seconds,
            "send_s": sending, "elapsed_s": elapsed,
            "p50_ms": 1000 * statistics.median(latencies) if latencies else float("nan"),
            "p99_ms": 1000 * latencies[int(0.99 * (delivered - 1))] if latencies else float("nan"),
            "max_ms": 1000 * latencies[-1] if latencies else float("nan"),
            "events_per_s": len(groups) * events / elapsed, "deliveries_per_s": delivered / elapsed,
        }
    finally:
        await asyncio.gather(*(c.close() for c in population), return_exceptions=True)
        proc.terminate()
        proc.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--per-group", type=int, default=10, help="clients per campaign group")
    parser.add_argument("--events", type=int, default=20, help="events per campaign")
    parser.add_argument("--rate", type=float, default=500.0,
                        help="events/s of the paced run (latency); a burst run measures throughput")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)  # the emulator process
    args = parser.parse_args()
    if args.serve:
        BenchServer(args.serve).serve()
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, min(hard, 65536)), hard))
    print(f"{'mode':>7} {'clients':>7} {'groups':>6} {'events':>7} {'delivered':>11} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8} {'events/s':>9} {'deliveries/s':>12} {'connect s':>9}")
    for n in args.clients:
        for rate in (args.rate, 0.0):
            report(asyncio.run(run(n, args.per_group, args.events, rate)))
    return 0


def report(r: dict[str, Any]) -> None:
    print(f"{r['mode']:>7} {r['clients']:>7.0f} {r['groups']:>6.0f} {r['events_sent']:>7.0f} "
              f"{r['delivered']:>5.0f}/{r['expected']:<5.0f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} "
              f"{r['max_ms']:>8.2f} {r['events_per_s']:>9.0f} {r['deliveries_per_s']:>12.0f} {r['connect_s']:>9.2f}",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
