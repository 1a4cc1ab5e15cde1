"""Small helpers for driving campaigns through a running host over HTTP."""

from __future__ import annotations

import time
from typing import Any

import httpx

SETTLED = {"AwaitingReview", "NeedsAttention", "Approved", "Cancelled", "Expired", "Failed"}


def wait_for_status(
    http: httpx.Client, campaign_id: str, statuses: set[str] | None = None, timeout: float = 30.0
) -> dict[str, Any]:
    """Poll the snapshot until the campaign reaches one of ``statuses``; return it."""
    wanted = statuses or SETTLED
    deadline = time.monotonic() + timeout
    snapshot: dict[str, Any] = {}
    while time.monotonic() < deadline:
        response = http.get(f"/api/campaigns/{campaign_id}")
        response.raise_for_status()
        snapshot = response.json()
        status = snapshot["campaign"]["status"]
        if status in wanted and (status not in SETTLED or _announced(http, campaign_id, status)):
            return snapshot
        time.sleep(0.05)
    raise AssertionError(f"campaign {campaign_id} stuck in {snapshot.get('campaign', {}).get('status')}")


def _announced(http: httpx.Client, campaign_id: str, status: str) -> bool:
    """The activity that settles a campaign writes the document, then (as it returns) the
    event that announces it; a settled status counts once its event is in the log too."""
    log = events(http, campaign_id)
    return bool(log) and log[-1]["payload"].get("status") == status


def wait_for_runtime(http: httpx.Client, instance_id: str, statuses: set[str], timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    body: dict[str, Any] = {}
    while time.monotonic() < deadline:
        body = http.get(f"/runtime/webhooks/durabletask/instances/{instance_id}").json()
        if body.get("runtimeStatus") in statuses:
            return body
        time.sleep(0.05)
    raise AssertionError(f"instance {instance_id} stuck in {body.get('runtimeStatus')}")


def create(http: httpx.Client, brief: dict[str, Any]) -> str:
    response = http.post("/api/campaigns", json=brief)
    assert response.status_code == 202, response.text
    return str(response.json()["id"])


def events(http: httpx.Client, campaign_id: str) -> list[dict[str, Any]]:
    response = http.get(f"/api/campaigns/{campaign_id}/events")
    response.raise_for_status()
    return list(response.json()["items"])


def versions(http: httpx.Client, campaign_id: str, artifact_type: str | None = None) -> list[dict[str, Any]]:
    params = {"type": artifact_type} if artifact_type else {}
    response = http.get(f"/api/campaigns/{campaign_id}/artifacts", params=params)
    response.raise_for_status()
    return list(response.json()["items"])


def assert_event_log_is_clean(log: list[dict[str, Any]]) -> None:
    """Sequences 1..n without gaps, each event id once."""
    sequences = [e["sequence"] for e in log]
    assert sequences == list(range(1, len(log) + 1)), sequences
    assert len({e["eventId"] for e in log}) == len(log)
