"""How responsive devhost stays while the app's functions work: health latency under load.

    .venv/bin/python bench/responsiveness.py
    .venv/bin/python bench/responsiveness.py --normal 3 --theme-chars 1999 --limit 180

Starts devhost as a subprocess on the real app in this repository (state, documents and
posters in a temporary folder, the offline agents, settings from
local.settings.json.example), creates ``--normal`` campaigns from examples/briefs plus one
whose theme is a single unbroken word of ``--theme-chars`` characters, and polls every
50 ms until every campaign settles or ``--limit`` seconds pass:

* ``GET /admin/host/status``: served by devhost's front alone (no app code);
* ``GET /api/health``: the app's async health function, on the language worker's loop,
  which it shares with every other async function of the app (as in the Python worker).

Prints latency p50/p99/max of each, how long each campaign took, and the longest
activity seen in devhost's log (``Executed 'Functions.X' (..., Duration=Nms)``).
Figures only; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devhost.testing import DevHostProcess, free_port  # noqa: E402

SETTLED = {"AwaitingReview", "NeedsAttention", "Approved", "Cancelled", "Expired", "Failed"}
POLL_SECONDS = 0.05
ACTIVITY_LINE = re.compile(r"Executed 'Functions\.(\w+)' \((\w+), Id=[^,]+:\d+, Duration=(\d+)ms")
STARTED_LINE = re.compile(r"^\[([\d-]+ [\d:]+),(\d+)\] Executing 'Functions\.(\w+)' \(Reason='\(null\)', "
                          r"Id=([^)]+)\)", re.MULTILINE)
FINISHED_ID = re.compile(r"Executed 'Functions\.\w+' \(\w+, Id=([^,]+:\d+),")


def still_running(log: str, now: float) -> list[tuple[float, str]]:
    """Activities that started and never finished: (seconds so far, name)."""
    finished = set(FINISHED_ID.findall(log))
    running = []
    for stamp, millis, name, ident in STARTED_LINE.findall(log):
        if ident not in finished:
            started = time.mktime(time.strptime(stamp, "%Y-%m-%d %H:%M:%S")) + int(millis) / 1000
            running.append((now - started, name))
    return sorted(running, reverse=True)


def settings(tmp: Path, port: int) -> dict[str, str]:
    """local.settings.json.example's values, pointed at the temporary folder and this port."""
    values = json.loads((ROOT / "local.settings.json.example").read_text())["Values"]
    values.update({
        "CosmosDBConnection": f"LocalDocumentStore={tmp / 'documents.sqlite'}",
        "POSTER_DIR": str(tmp / "posters"),
        "AzureSignalRConnectionString": re.sub(r"Endpoint=[^;]+", f"Endpoint=http://127.0.0.1:{port}",
                                               values["AzureSignalRConnectionString"]),
        "MODEL_PROVIDER": "offline",
    })
    return {k: str(v) for k, v in values.items()}


def campaign_status(http: httpx.Client, campaign_id: str) -> str | None:
    """From the Durable management API (devhost's front alone, so a busy worker loop does
    not skew the settle times): the orchestration's custom status, or its runtime status
    once it ended."""
    try:
        r = http.get(f"/runtime/webhooks/durabletask/instances/{campaign_id}")
    except httpx.HTTPError:                 # a front that does not answer (within 60 s)
        return None
    if r.status_code not in (200, 202, 500):
        return None
    body = r.json()
    if body.get("runtimeStatus") in ("Failed", "Terminated"):
        return str(body["runtimeStatus"])
    custom = body.get("customStatus")
    return str(custom.get("status")) if isinstance(custom, dict) else None


def briefs(normal: int, theme_chars: int) -> list[tuple[str, dict[str, Any]]]:
    names = ["ecobottle", "brewhaus", "fintrack"]
    chosen = [(n, json.loads((ROOT / "examples" / "briefs" / f"{n}.json").read_text()))
              for n in (names * normal)[:normal]]
    heavy = dict(json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text()))
    heavy["theme"] = "0" * theme_chars
    return [*chosen, (f"theme of {theme_chars} x '0'", heavy)]


class Poller(threading.Thread):
    """GETs one URL every POLL_SECONDS and records each latency (or the failure)."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.latencies: list[float] = []
        self.errors = 0
        self.stop_event = threading.Event()

    def run(self) -> None:
        with httpx.Client(timeout=60) as http:
            while not self.stop_event.is_set():
                t0 = time.perf_counter()
                try:
                    http.get(self.url)
                    self.latencies.append(time.perf_counter() - t0)
                except httpx.HTTPError:
                    self.errors += 1
                self.stop_event.wait(POLL_SECONDS)


def summary(name: str, poller: Poller) -> str:
    values = sorted(poller.latencies)
    if not values:
        return f"{name:<22} no answers ({poller.errors} errors)"
    p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
    return (f"{name:<22} n={len(values):<5} p50={statistics.median(values) * 1000:8.1f} ms  "
            f"p99={p99 * 1000:8.1f} ms  max={values[-1] * 1000:8.1f} ms  errors={poller.errors}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--normal", type=int, default=3, help="campaigns from examples/briefs")
    parser.add_argument("--theme-chars", type=int, default=1999, help="length of the one-word theme")
    parser.add_argument("--limit", type=float, default=180.0, help="seconds before giving up")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-responsiveness-") as folder:
        tmp = Path(folder)
        port = free_port()
        proc = DevHostProcess(ROOT, tmp / "state", port=port, env=settings(tmp, port))
        with proc, httpx.Client(base_url=proc.base_url, timeout=60) as http:
            pollers = {"/admin/host/status": Poller(proc.base_url + "/admin/host/status"),
                       "/api/health": Poller(proc.base_url + "/api/health")}
            for poller in pollers.values():
                poller.start()
            started = time.monotonic()
            campaigns: dict[str, tuple[str, float]] = {}
            for label, body in briefs(args.normal, args.theme_chars):
                try:
                    r = http.post("/api/campaigns", json=body)
                except httpx.HTTPError as ex:
                    print(f"{label}: create failed: {type(ex).__name__}")
                    continue
                if r.status_code != 202:
                    print(f"{label}: create answered {r.status_code}: {r.text[:200]}")
                    continue
                campaigns[r.json()["id"]] = (label, time.monotonic())
            settled: dict[str, tuple[str, float]] = {}
            while len(settled) < len(campaigns) and time.monotonic() - started < args.limit:
                for cid in campaigns.keys() - settled.keys():
                    status = campaign_status(http, cid)
                    if status in SETTLED:
                        settled[cid] = (status, time.monotonic() - campaigns[cid][1])
                time.sleep(0.25)
            for poller in pollers.values():
                poller.stop_event.set()
                poller.join(65)
            elapsed = time.monotonic() - started
            log, log_read_at = proc.log(), time.time()

    print(f"devhost responsiveness: {len(campaigns)} campaigns, {elapsed:.1f} s "
          f"(limit {args.limit:.0f} s), polling every {POLL_SECONDS * 1000:.0f} ms")
    for name, poller in pollers.items():
        print("  " + summary(name, poller))
    for cid, (label, _) in campaigns.items():
        status, seconds = settled.get(cid, ("(not settled)", elapsed))
        print(f"  campaign {label:<22} {status:<15} {seconds:6.1f} s")
    durations = [(int(ms), name, outcome) for name, outcome, ms in ACTIVITY_LINE.findall(log)]
    if durations:
        ms, name, outcome = max(durations)
        print(f"  longest activity: {name} ({outcome}) {ms / 1000:.1f} s of {len(durations)} activity runs")
    for seconds, name in still_running(log, log_read_at)[:3]:
        print(f"  still running at the end: {name} for {seconds:.1f} s")
    restarts = log.count("Restarting the language worker")
    timeouts = log.count("Timeout value of")
    print(f"  function timeouts: {timeouts}, worker restarts: {restarts}")


if __name__ == "__main__":
    main()
