"""Store round trips per campaign round: how often the activities read and write the
campaign document and the other documents while one campaign runs through devhost.

The app's repository (``LocalCampaignRepository``) and devhost's Cosmos DB output
binding are wrapped to count calls; a repository call counts when an activity made it
(the benchmark's own HTTP polling goes through the API and is left out). Prints, per
campaign: the activities scheduled, each repository call by kind and activity, and the
documents written through bindings per container.

    .venv/bin/python bench/round_trips.py
"""

from __future__ import annotations

import contextvars
import functools
import json
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devhost import DevHost  # noqa: E402
from devhost.bindings import cosmos as devhost_cosmos  # noqa: E402
from marketing_agents.components import reset_components  # noqa: E402
from marketing_agents.store.local import LocalCampaignRepository  # noqa: E402

ACTIVITIES_FILE = str(ROOT / "activities" / "campaign.py")
READS = ("get_campaign", "get_artifact_version", "get_artifact_versions", "get_audit_report",
         "get_audit_reports", "get_revision", "list_events", "list_artifact_versions", "list_audit_reports")
WRITES = ("replace_campaign", "create_campaign", "save_revision")
SETTLED = {"AwaitingReview", "NeedsAttention", "Failed"}


class Tally:
    """Counts by (activity, call) and documents by container; thread-safe (activities run
    on devhost's worker loop, bindings in its executor)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.calls: Counter[tuple[str, str]] = Counter()
        self.documents: Counter[str] = Counter()

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.documents.clear()


TALLY = Tally()
_INSIDE = contextvars.ContextVar("inside_repository_call", default=False)


def _calling_activity() -> str | None:
    frame = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_filename == ACTIVITIES_FILE:
            return frame.f_code.co_name
        frame = frame.f_back  # type: ignore[assignment]
    return None


def _counted(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    async def wrapper(*args: Any, **kwargs: Any) -> Any:
        if _INSIDE.get():  # a call the repository makes to itself (a batch of point reads)
            return await method(*args, **kwargs)
        activity = _calling_activity()
        if activity is not None:
            with TALLY.lock:
                TALLY.calls[(activity, name)] += 1
        token = _INSIDE.set(True)
        try:
            return await method(*args, **kwargs)
        finally:
            _INSIDE.reset(token)

    return wrapper


@contextmanager
def instrumented() -> Iterator[None]:
    originals: dict[str, Any] = {}
    for name in READS + WRITES:
        originals[name] = getattr(LocalCampaignRepository, name)
        setattr(LocalCampaignRepository, name, _counted(name, originals[name]))
    write = devhost_cosmos.CosmosOutput.write

    def counting_write(self: Any, settings: Any, value: Any) -> None:
        docs = devhost_cosmos.to_documents(value)
        with TALLY.lock:
            TALLY.documents[str(settings["containerName"])] += len(docs)
        write(self, settings, value)

    devhost_cosmos.CosmosOutput.write = counting_write  # type: ignore[method-assign]
    try:
        yield
    finally:
        for name, method in originals.items():
            setattr(LocalCampaignRepository, name, method)
        devhost_cosmos.CosmosOutput.write = write  # type: ignore[method-assign]


def run_campaign(http: httpx.Client, brief: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    response = http.post("/api/campaigns", json=brief)
    response.raise_for_status()
    campaign_id = str(response.json()["id"])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        snapshot = http.get(f"/api/campaigns/{campaign_id}").json()
        if snapshot["campaign"]["status"] in SETTLED:
            log = http.get(f"/api/campaigns/{campaign_id}/events").json()["items"]
            if log and log[-1]["payload"].get("status") == snapshot["campaign"]["status"]:
                time.sleep(0.2)  # let the activity that announced it finish returning
                return campaign_id, snapshot
        time.sleep(0.05)
    raise SystemExit(f"campaign {campaign_id} did not settle")


def report(title: str, host: DevHost, campaign_id: str, snapshot: dict[str, Any]) -> None:
    history = [json.loads(e) for e in host.host.store.history(campaign_id)]
    scheduled = Counter(e["Name"] for e in history if e["EventType"] == 4)
    rounds = snapshot["campaign"]["round"] + 1
    print(f"\n== {title}: {snapshot['campaign']['status']} after {rounds} round(s)")
    print("activities scheduled: " + ", ".join(f"{n} x{c}" for n, c in sorted(scheduled.items())))
    by_call: Counter[str] = Counter()
    for (activity, call), count in sorted(TALLY.calls.items()):
        by_call[call] += count
        print(f"  {activity:<20} {call:<24} {count}")
    campaign_reads = by_call["get_campaign"]
    campaign_writes = by_call["replace_campaign"]
    other_reads = sum(c for k, c in by_call.items() if k in READS and k != "get_campaign")
    print(f"campaign document: {campaign_reads} reads, {campaign_writes} writes (etag'd)")
    print(f"other repository reads: {other_reads}")
    print("documents written through bindings: "
          + ", ".join(f"{c} {n}" for n, c in sorted(TALLY.documents.items())))


def main() -> None:
    ecobottle = json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text())
    superlative = dict(ecobottle, theme="The best bottle ever made, now for summer")
    with tempfile.TemporaryDirectory() as tmp, instrumented():
        state = Path(tmp)
        settings = {
            "CosmosDBConnection": f"LocalDocumentStore={state / 'documents.sqlite'}",
            "POSTER_DIR": str(state / "posters"),
            "LOCAL_USER_ID": "bench",
        }
        reset_components()
        with DevHost(ROOT, state_dir=state / "devhost", settings=settings) as host, \
                httpx.Client(base_url=host.base_url, timeout=30) as http:
            for title, brief in (("clean round (ecobottle)", ecobottle),
                                 ("two rounds (a superlative theme)", superlative)):
                TALLY.reset()
                campaign_id, snapshot = run_campaign(http, brief)
                report(title, host, campaign_id, snapshot)
        reset_components()


if __name__ == "__main__":
    main()
