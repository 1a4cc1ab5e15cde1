"""The host as a separate process: killed with SIGKILL mid-campaign and restarted, every
running campaign finishes with no artifact lost or duplicated; a campaign cancelled
while its agents are writing stays cancelled, with a gap-free event log."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost.testing import DevHostProcess
from marketing_agents.testing.simulated import simulated_settings

from .helpers import assert_event_log_is_clean, create, events, versions, wait_for_runtime, wait_for_status

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def brief(name: str) -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / f"{name}.json").read_text()))


@pytest.fixture
def slow_host(tmp_path: Path) -> Iterator[DevHostProcess]:
    env = {
        "CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'documents.sqlite'}",
        **simulated_settings(latency_ms=600),
        "POSTER_DIR": str(tmp_path / "posters"),
        "LOCAL_USER_ID": "alice",
    }
    process = DevHostProcess(ROOT, tmp_path / "state", env=env)
    try:
        yield process.start()
    finally:
        process.stop()


def test_kill_9_mid_campaign_then_resume(slow_host: DevHostProcess) -> None:
    with httpx.Client(base_url=slow_host.base_url, timeout=30) as http:
        ids = [create(http, brief(name)) for name in ("ecobottle", "brewhaus", "fintrack")]
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not any(events(http, i) for i in ids):
            time.sleep(0.05)
        time.sleep(0.3)  # agents are sleeping inside their activities now
        in_flight = {i: http.get(f"/api/campaigns/{i}").json()["campaign"]["status"] for i in ids}
        assert any(s in ("Generating", "Auditing") for s in in_flight.values()), in_flight

    slow_host.kill()
    slow_host.start()

    with httpx.Client(base_url=slow_host.base_url, timeout=30) as http:
        for campaign_id in ids:
            snapshot = wait_for_status(http, campaign_id, timeout=60)
            assert snapshot["campaign"]["status"] in ("AwaitingReview", "NeedsAttention")
            stored = versions(http, campaign_id)
            per_type: dict[str, list[int]] = {}
            for version in stored:
                per_type.setdefault(version["type"], []).append(version["versionNumber"])
            for numbers in per_type.values():  # contiguous 1..n, nothing lost, nothing twice
                assert sorted(numbers) == list(range(1, len(numbers) + 1))
            assert set(per_type) == {"Copy", "ShortCopy", "Visual"}
            for artifact_type, version in snapshot["artifacts"].items():
                assert version["versionNumber"] == max(per_type[artifact_type])
            assert_event_log_is_clean(events(http, campaign_id))
            wait_for_runtime(http, campaign_id, {"Running"})


def test_cancel_while_agents_are_writing(slow_host: DevHostProcess) -> None:
    with httpx.Client(base_url=slow_host.base_url, timeout=30) as http:
        campaign_id = create(http, brief("ecobottle"))
        deadline = time.monotonic() + 30  # until the agents are scheduled (the flow says so in its status)
        while time.monotonic() < deadline:
            custom = http.get(f"/runtime/webhooks/durabletask/instances/{campaign_id}").json().get("customStatus")
            if isinstance(custom, dict) and custom.get("working"):
                break
            time.sleep(0.02)
        response = http.post(f"/api/campaigns/{campaign_id}/cancel", json={})
        assert response.status_code == 202, response.text
        # The orchestration announces the cancel at once, then ends when the activities
        # it interrupted have finished; their late results must not undo the cancel.
        wait_for_runtime(http, campaign_id, {"Completed"})
        snapshot = http.get(f"/api/campaigns/{campaign_id}").json()
        assert snapshot["campaign"]["status"] == "Cancelled"
        log = events(http, campaign_id)
        summary = [(e["sequence"], e["type"], e["payload"].get("status")) for e in log]
        assert_event_log_is_clean(log)  # the interrupted agents' numbers are used, none twice
        assert log[-1]["type"] == "onCampaignStatus" and log[-1]["payload"]["status"] == "Cancelled", summary
        assert any(e["type"] == "onArtifactGenerated" for e in log), summary  # interrupted agents finished


@pytest.mark.parametrize(
    ("setting", "value"),
    [("REVIEW_DEADLINE_HOURS", "three days"), ("MODEL_PROVIDER", "openai"), ("POSTER_STORE", "ftp")],
)
def test_bad_setting_stops_the_host_at_start_up(tmp_path: Path, setting: str, value: str) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, setting: value, "CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'd.sqlite'}"}
    env.pop("MODEL_API_KEY", None)
    env.pop("OPENAI_API_KEY", None)
    result = subprocess.run(
        [sys.executable, "-m", "devhost", "--app", str(ROOT), "--state", str(tmp_path / "s"), "--port", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and setting in lines[0] and "Traceback" not in result.stderr


def test_an_activity_that_keeps_failing_fails_the_campaign_visibly(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("posters cannot be stored under a file")
    env = {
        "CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'documents.sqlite'}",
        "POSTER_DIR": str(blocker),
        "LOCAL_USER_ID": "alice",
    }
    with (
        DevHostProcess(ROOT, tmp_path / "state", env=env) as process,
        httpx.Client(base_url=process.base_url, timeout=30) as http,
    ):
        campaign_id = create(http, brief("ecobottle"))
        snapshot = wait_for_status(http, campaign_id, {"Failed"}, timeout=60)
        reason = snapshot["campaign"]["statusReason"]
        assert "generate_artifact" in reason and "Traceback" not in reason
        deadline = time.monotonic() + 10  # the document changes first, its event lands as the activity returns
        log = events(http, campaign_id)
        while log[-1]["type"] != "onGenerationFailed" and time.monotonic() < deadline:
            time.sleep(0.05)
            log = events(http, campaign_id)
        summary = [(e["sequence"], e["type"], e["payload"].get("status")) for e in log]
        assert log[-1]["type"] == "onGenerationFailed" and log[-1]["payload"]["status"] == "Failed", summary
        assert_event_log_is_clean(log)
        wait_for_runtime(http, campaign_id, {"Completed"})
