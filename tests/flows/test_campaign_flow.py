"""Real campaigns through devhost: the app's own function_app.py, the SDK's replay, the
real DurableOrchestrationClient over HTTP, bindings into the local document store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost import DevHost

from .helpers import (
    assert_event_log_is_clean,
    create,
    events,
    versions,
    wait_for_runtime,
    wait_for_status,
)

ROOT = Path(__file__).resolve().parents[2]


def brief(name: str) -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / f"{name}.json").read_text()))


@pytest.fixture
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30) as client:
        yield client


def test_compliant_campaign_passes_at_once(http: httpx.Client) -> None:
    campaign_id = create(http, brief("ecobottle"))
    snapshot = wait_for_status(http, campaign_id)
    campaign = snapshot["campaign"]
    assert campaign["status"] == "AwaitingReview", campaign.get("statusReason")
    assert campaign["round"] == 0 and campaign["revisionNumber"] == 0
    assert set(snapshot["artifacts"]) == {"Copy", "ShortCopy", "Visual"}
    for artifact in snapshot["artifacts"].values():
        assert artifact["versionNumber"] == 1
        assert artifact["metadata"]["offline"] is True
        assert artifact["auditReportId"] == campaign["latestAuditReportId"]
    report = snapshot["auditReports"][campaign["latestAuditReportId"]]
    assert report["isCompliant"] and report["complianceScore"] >= 80
    # the list shows each campaign's score and band from its own document, no report read
    listed = next(c for c in http.get("/api/campaigns", params={"pageSize": 100}).json()["items"]
                  if c["id"] == campaign_id)
    assert listed["latestAudit"] == {"reportId": report["id"], "complianceScore": report["complianceScore"],
                                     "status": report["status"]}
    log = events(http, campaign_id)
    assert_event_log_is_clean(log)
    kinds = [e["type"] for e in log]
    assert kinds[0] == "onCampaignStarted"
    assert kinds.count("onArtifactGenerated") == 3
    assert kinds[-2:] == ["onComplianceCheckCompleted", "onCampaignCompleted"]


def test_findings_regenerate_only_failing_types_with_feedback(http: httpx.Client) -> None:
    best = brief("ecobottle")
    best["theme"] = "The best bottle ever made, now for summer"
    campaign_id = create(http, best)
    snapshot = wait_for_status(http, campaign_id)
    assert snapshot["campaign"]["status"] == "AwaitingReview"
    audits = http.get(f"/api/campaigns/{campaign_id}/audits").json()["items"]
    first = audits[-1]
    assert first["round"] == 0 and not first["isCompliant"]
    failing = {i["artifactType"] for i in first["issues"]}
    assert failing, "the first draft should have findings"
    for artifact_type in ("Copy", "ShortCopy", "Visual"):
        numbers = [v["versionNumber"] for v in versions(http, campaign_id, artifact_type)]
        if artifact_type in failing:
            assert numbers[0] >= 2, f"{artifact_type} should have been regenerated"
        else:
            assert numbers == [1], f"{artifact_type} had no finding and must not be regenerated"
    regenerated = versions(http, campaign_id, sorted(failing)[0])[0]
    assert regenerated["round"] >= 1
    assert regenerated["metadata"]["notes"], "the agent should say which feedback it applied"
    assert "best" not in json.dumps(regenerated["data"]).lower()
    assert_event_log_is_clean(events(http, campaign_id))


def test_unfixable_campaign_exhausts_rounds_then_needs_attention(http: httpx.Client) -> None:
    campaign_id = create(http, brief("plasticpal"))
    snapshot = wait_for_status(http, campaign_id)
    campaign = snapshot["campaign"]
    assert campaign["status"] == "NeedsAttention"
    assert "5 regeneration rounds" in campaign["statusReason"]
    audits = http.get(f"/api/campaigns/{campaign_id}/audits").json()["items"]
    assert [a["round"] for a in audits] == [5, 4, 3, 2, 1, 0]
    log = events(http, campaign_id)
    assert log[-1]["type"] == "onGenerationFailed"
    approve = http.post(f"/api/campaigns/{campaign_id}/approve", json={})
    assert approve.status_code == 409
    assert approve.headers["content-type"].startswith("application/problem+json")


def test_revise_then_approve(http: httpx.Client, host: DevHost) -> None:
    campaign_id = create(http, brief("fintrack"))
    assert wait_for_status(http, campaign_id, {"AwaitingReview"})["revision"] is None, "no revision yet"
    response = http.post(
        f"/api/campaigns/{campaign_id}/revisions",
        json={"feedback": "Make it shorter", "specificChanges": ["mention the free trial"], "artifactTypes": ["Copy"]},
    )
    assert response.status_code == 202, response.text
    assert response.json()["revisionNumber"] == 1
    # While it runs (and after), the snapshot says what the revision asked for, so a client
    # shows only the Copy agent at work.
    running = http.get(f"/api/campaigns/{campaign_id}").json()["revision"]
    assert (running["revisionNumber"], running["artifactTypes"]) == (1, ["Copy"])
    assert running["userFeedback"] == "Make it shorter"
    snapshot = wait_for_status(http, campaign_id, {"AwaitingReview", "NeedsAttention"})
    assert snapshot["revision"]["artifactTypes"] == ["Copy"]
    copy = snapshot["artifacts"]["Copy"]
    assert copy["revisionNumber"] == 1 and copy["versionNumber"] >= 2
    assert snapshot["artifacts"]["ShortCopy"]["versionNumber"] == 1, "only the requested type is revised"
    assert "free trial" in json.dumps(copy["data"]).lower()
    previous = versions(http, campaign_id, "Copy")[-1]
    assert len(copy["data"]["bodyLong"]) < len(previous["data"]["bodyLong"])
    if snapshot["campaign"]["status"] == "AwaitingReview":
        approved = http.post(f"/api/campaigns/{campaign_id}/approve", json={"comment": "ship it"})
        assert approved.status_code == 200, approved.text
        body = approved.json()
        assert body["status"] == "Approved"
        assert body["approval"]["approvedBy"] == "alice"
        assert body["approval"]["approvedVersionIds"]["Copy"] == copy["id"]
        wait_for_runtime(http, campaign_id, {"Completed"})
        again = http.post(f"/api/campaigns/{campaign_id}/approve", json={})
        assert again.status_code == 409


def test_review_deadline_expires_and_revision_reopens(http: httpx.Client, host: DevHost) -> None:
    campaign_id = create(http, brief("brewhaus"))
    wait_for_status(http, campaign_id, {"AwaitingReview"})
    # The status document says AwaitingReview one episode before the orchestrator arms
    # its deadline timer, so keep moving the clock until the deadline has passed.
    snapshot: dict[str, Any] = {}
    for _ in range(20):
        host.clock.advance(timedelta(hours=73).total_seconds())
        try:
            snapshot = wait_for_status(http, campaign_id, {"Expired"}, timeout=0.5)
            break
        except AssertionError:
            continue
    assert snapshot["campaign"]["statusReason"] == "review deadline passed"
    assert http.post(f"/api/campaigns/{campaign_id}/approve", json={}).status_code == 409
    response = http.post(f"/api/campaigns/{campaign_id}/revisions", json={"feedback": "More energetic please"})
    assert response.status_code == 202, response.text
    reopened = wait_for_status(http, campaign_id, {"AwaitingReview", "NeedsAttention"})
    assert reopened["campaign"]["revisionNumber"] == 1
    assert_event_log_is_clean(events(http, campaign_id))


def test_cancel_a_waiting_campaign(http: httpx.Client) -> None:
    campaign_id = create(http, brief("ecobottle"))
    wait_for_status(http, campaign_id, {"AwaitingReview"})
    response = http.post(f"/api/campaigns/{campaign_id}/cancel", json={})
    assert response.status_code == 202
    assert wait_for_status(http, campaign_id, {"Cancelled"})["campaign"]["status"] == "Cancelled"
    wait_for_runtime(http, campaign_id, {"Completed"})  # the orchestration ended itself
    assert events(http, campaign_id)[-1]["payload"]["status"] == "Cancelled"
    assert http.post(f"/api/campaigns/{campaign_id}/cancel", json={}).status_code == 409
    assert http.post(f"/api/campaigns/{campaign_id}/revisions", json={"feedback": "x"}).status_code == 409


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"{}",
        b'{"theme": "t", "product": "p", "targetAudience": "a", "tone": "t", "extra": 1}',
        b'{"theme": "t", "product": "p", "targetAudience": "a", "tone": 5}',
        b'{"theme": "' + b"x" * 5000 + b'", "product": "p", "targetAudience": "a", "tone": "t"}',
    ],
)
def test_bad_briefs_are_rejected_and_store_nothing(http: httpx.Client, body: bytes) -> None:
    before = http.get("/api/campaigns", params={"pageSize": 100}).json()["items"]
    response = http.post("/api/campaigns", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.headers["content-type"].startswith("application/problem+json")
    problem = response.json()
    assert problem["status"] == 400 and problem["title"]
    assert "Traceback" not in response.text
    after = http.get("/api/campaigns", params={"pageSize": 100}).json()["items"]
    assert len(after) == len(before)


def test_unknown_and_foreign_campaigns_are_404(http: httpx.Client) -> None:
    assert http.get("/api/campaigns/c-0000000000000000").status_code == 404
    assert http.get("/api/campaigns/not-an-id").status_code == 404
    campaign_id = create(http, brief("ecobottle"))
    foreign = http.get(f"/api/campaigns/{campaign_id}", headers={"x-ms-client-principal-id": "mallory"})
    assert foreign.status_code == 404
    revise = http.post(
        f"/api/campaigns/{campaign_id}/revisions",
        json={"feedback": "x"},
        headers={"x-ms-client-principal-id": "mallory"},
    )
    assert revise.status_code == 404
    listed = http.get("/api/campaigns", headers={"x-ms-client-principal-id": "mallory"}).json()["items"]
    assert listed == []


def test_bad_revision_requests(http: httpx.Client) -> None:
    campaign_id = create(http, brief("ecobottle"))
    wait_for_status(http, campaign_id, {"AwaitingReview"})
    bad = http.post(f"/api/campaigns/{campaign_id}/revisions", json={"feedback": "", "artifactTypes": ["Poem"]})
    assert bad.status_code == 400
    fields = {e["field"] for e in bad.json()["errors"]}
    assert "feedback" in fields and any(f.startswith("artifactTypes") for f in fields)
    assert http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]["revisionNumber"] == 0


def test_health_and_openapi(http: httpx.Client) -> None:
    health = http.get("/api/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    document = http.get("/api/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    brief_schema = document["components"]["schemas"]["CampaignBrief"]
    assert {"theme", "product", "targetAudience", "tone"} <= set(brief_schema["required"])
    assert brief_schema.get("additionalProperties") is False


def _replay(handle: Any, history: list[dict[str, Any]], instance_id: str, input_json: str) -> list[tuple[Any, ...]]:
    context = {
        "history": history,
        "instanceId": instance_id,
        "isReplaying": True,
        "parentInstanceId": None,
        "input": input_json,
        "upperSchemaVersion": 1,
        "upperSchemaVersionNew": 2,
    }
    state = json.loads(handle(json.dumps(context)))
    flat: list[tuple[Any, ...]] = []

    def walk(action: dict[str, Any]) -> None:
        if action["actionType"] in (11, 12):  # WhenAny / WhenAll wrap their children
            for child in action["compoundActions"]:
                walk(child)
        else:
            flat.append((action["actionType"], action.get("functionName"), action.get("input")))

    for group in state["actions"]:
        for action in group:
            walk(action)
    return flat


def test_orchestrator_replay_is_deterministic(http: httpx.Client, host: DevHost) -> None:
    """Replaying a real recorded history twice yields the same actions, and the activities
    it schedules are exactly the ones the history recorded, in order and with the same input."""
    best = brief("ecobottle")
    best["theme"] = "The best bottle ever made, now for summer"
    campaign_id = create(http, best)
    wait_for_status(http, campaign_id, {"AwaitingReview"})
    history = [json.loads(e) for e in host.host.store.history(campaign_id)]
    for event in history:
        event["IsPlayed"] = True
    started = next(e for e in history if e["EventType"] == 0)
    handle = host.host.index.orchestrators["campaign_orchestrator"].user_function
    first = _replay(handle, history, campaign_id, started["Input"])
    second = _replay(handle, history, campaign_id, started["Input"])
    assert first == second
    scheduled = [(e["Name"], e["Input"]) for e in history if e["EventType"] == 4]  # TaskScheduled
    replayed = [(name, payload) for kind, name, payload in first if kind in (0, 1)]
    assert replayed[: len(scheduled)] == scheduled
    assert len(scheduled) >= 10  # start, 2 rounds of (status, 3 or fewer agents, status, audit), outcome


def test_revision_that_cannot_reach_the_orchestration_changes_nothing(http: httpx.Client) -> None:
    campaign_id = create(http, brief("ecobottle"))
    wait_for_status(http, campaign_id, {"AwaitingReview"})
    terminated = http.post(
        f"/runtime/webhooks/durabletask/instances/{campaign_id}/terminate", params={"reason": "test"}
    )
    assert terminated.status_code == 202
    wait_for_runtime(http, campaign_id, {"Terminated"})
    response = http.post(f"/api/campaigns/{campaign_id}/revisions", json={"feedback": "shorter"})
    assert response.status_code == 503 and "unchanged" in response.json()["detail"]
    campaign = http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]
    assert campaign["status"] == "AwaitingReview" and campaign["revisionNumber"] == 0


def test_a_campaign_whose_orchestration_is_gone_can_still_be_cancelled(http: httpx.Client) -> None:
    campaign_id = create(http, brief("ecobottle"))
    wait_for_status(http, campaign_id, {"AwaitingReview"})
    terminated = http.post(f"/runtime/webhooks/durabletask/instances/{campaign_id}/terminate", params={"reason": "x"})
    assert terminated.status_code == 202
    wait_for_runtime(http, campaign_id, {"Terminated"})
    before = events(http, campaign_id)
    response = http.post(f"/api/campaigns/{campaign_id}/cancel", json={})
    assert response.status_code == 202, response.text
    assert http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]["status"] == "Cancelled"
    assert events(http, campaign_id) == before  # nobody is left to number an event
