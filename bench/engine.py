"""Engine benchmark: campaigns through devhost (a separate process, durable SQLite state)
with simulated agents of a fixed latency L (``marketing_agents.testing.simulated``, plugged
in through ``AGENTS_WRAPPER``, canned: each agent and the auditor answer a distinct input
once, then replay it after sleeping L).

Prints
  (a) end-to-end time of one campaign (POST → AwaitingReview) divided by its
      critical-path limit computed from the same latencies: per round, the slowest of
      the three parallel generators plus the auditor (= 2·L per round), and
  (b) campaigns per second at L = 0 with many campaigns in flight,
and, for reference, the same with the real offline agents, rule engine and poster
renderer doing their CPU work (``--real``).

    .venv/bin/python bench/engine.py [--latencies 0,300] [--campaigns 5] [--throughput 40]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devhost.testing import DevHostProcess  # noqa: E402
from marketing_agents.testing.simulated import simulated_settings  # noqa: E402

SETTLED = {"AwaitingReview", "NeedsAttention", "Failed"}


def brief() -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text()))


def run_one(http: httpx.Client, poll: float) -> tuple[float, int]:
    """Seconds from POST to a settled status, and the number of audit rounds it took."""
    started = time.perf_counter()
    response = http.post("/api/campaigns", json=brief())
    response.raise_for_status()
    campaign_id = response.json()["id"]
    while True:
        snapshot = http.get(f"/api/campaigns/{campaign_id}").json()
        if snapshot["campaign"]["status"] in SETTLED:
            elapsed = time.perf_counter() - started
            return elapsed, snapshot["campaign"]["round"] + 1
        time.sleep(poll)


def host(tmp: Path, latency_ms: float, canned: bool = True) -> DevHostProcess:
    env = {
        "CosmosDBConnection": f"LocalDocumentStore={tmp / 'documents.sqlite'}",
        "POSTER_DIR": str(tmp / "posters"),
        **simulated_settings(latency_ms, canned=canned),
    }
    return DevHostProcess(ROOT, tmp / "state", env=env, log_level="warning")


def critical_path(latency_ms: float, campaigns: int, canned: bool = True) -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        host(Path(tmp), latency_ms, canned) as process,
        httpx.Client(base_url=process.base_url, timeout=60) as http,
    ):
        run_one(http, 0.005)  # warm-up: imports, first SQLite pages
        results = [run_one(http, 0.005) for _ in range(campaigns)]
    times = [t for t, _ in results]
    rounds = results[0][1]
    median = statistics.median(times)
    limit = rounds * 2 * latency_ms / 1000
    ratio = f"{median / limit:.3f}x the limit" if limit else "limit is 0 (pure engine overhead)"
    label = "simulated" if canned else "real offline work"
    print(
        f"[{label}] L={latency_ms:>5.0f} ms  rounds={rounds}  end-to-end median {median * 1000:8.1f} ms "
        f"(min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f})  critical path {limit * 1000:6.0f} ms  "
        f"→ {ratio}; overhead {1000 * (median - limit):.1f} ms"
    )


def throughput(campaigns: int, canned: bool = True) -> None:
    with (
        tempfile.TemporaryDirectory() as tmp,
        host(Path(tmp), 0, canned) as process,
        httpx.Client(base_url=process.base_url, timeout=120) as http,
    ):
        run_one(http, 0.005)
        started = time.perf_counter()
        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(lambda _: run_one(http, 0.05), range(campaigns)))
        elapsed = time.perf_counter() - started
    label = "simulated" if canned else "real offline work"
    print(
        f"[{label}] throughput at L=0: {campaigns} campaigns in {elapsed:.2f} s → "
        f"{campaigns / elapsed:.1f} campaigns/s "
        f"(8 concurrent clients, durable SQLite state; {sum(r for _, r in results)} audit rounds)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latencies", default="0,300", help="comma-separated L values in ms")
    parser.add_argument("--campaigns", type=int, default=5, help="sequential campaigns per latency")
    parser.add_argument("--throughput", type=int, default=40, help="campaigns for the throughput run")
    parser.add_argument("--real", action="store_true", help="also run with the real agents' CPU work")
    args = parser.parse_args()
    for latency in (float(v) for v in args.latencies.split(",")):
        critical_path(latency, args.campaigns)
    throughput(args.throughput)
    if args.real:
        critical_path(0, args.campaigns, canned=False)
        throughput(args.throughput, canned=False)


if __name__ == "__main__":
    main()
