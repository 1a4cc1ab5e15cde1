"""A person's edit through the real devhost and orchestration: the edit becomes a version
written by that person, the campaign is audited again at once and returns to review
with the new report; edits outside review, of a replaced version, or with invalid data
are refused and change nothing."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost import DevHost

from .helpers import assert_event_log_is_clean, create, events, versions, wait_for_runtime, wait_for_status

ROOT = Path(__file__).resolve().parents[2]
BLOCKING = " Our bottle is clinically proven to cure cancer."
USER = {"x-ms-client-principal-id": "alice"}  # the host's local user; sent as App Service would


def brief(name: str) -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / f"{name}.json").read_text()))


@pytest.fixture
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30, headers=USER) as client:
        yield client


@pytest.fixture
def reviewed(http: httpx.Client) -> dict[str, Any]:
    """A campaign waiting for review (ecobottle passes at once)."""
    campaign_id = create(http, brief("ecobottle"))
    snapshot = wait_for_status(http, campaign_id, {"AwaitingReview"})
    return snapshot


def edit(http: httpx.Client, campaign_id: str, body: dict[str, Any]) -> httpx.Response:
    return http.post(f"/api/campaigns/{campaign_id}/edits", json=body)


def copy_edit(snapshot: dict[str, Any], body_long: str, based_on: str | None = None) -> dict[str, Any]:
    active = snapshot["artifacts"]["Copy"]
    data = copy.deepcopy(active["data"])
    data["bodyLong"] = body_long
    return {"artifactType": "Copy", "data": data, "basedOnVersionId": based_on or active["id"],
            "comment": "tightened the long body"}


def settle(http: httpx.Client, campaign_id: str, count_before: int) -> dict[str, Any]:
    """The snapshot once the edit's audit has been announced (its final status event)."""
    snapshot = wait_for_status(http, campaign_id, {"AwaitingReview", "NeedsAttention"})
    assert len(events(http, campaign_id)) == count_before + 4
    return snapshot


def test_edit_is_a_person_s_version_audited_at_once_and_back_in_review(
    http: httpx.Client, reviewed: dict[str, Any]
) -> None:
    campaign_id = reviewed["campaign"]["id"]
    original = reviewed["artifacts"]["Copy"]
    before = events(http, campaign_id)

    # 1. an edit that adds a blocking claim: recorded, audited, NeedsAttention, approval refused
    response = edit(http, campaign_id, copy_edit(reviewed, original["data"]["bodyLong"] + BLOCKING))
    assert response.status_code == 202, response.text
    assert response.json()["status"] == "Auditing" and response.json()["links"]["edits"].endswith("/edits")
    snapshot = settle(http, campaign_id, len(before))
    campaign = snapshot["campaign"]
    assert campaign["status"] == "NeedsAttention" and "edit by alice" in campaign["statusReason"]
    edited = snapshot["artifacts"]["Copy"]
    assert edited["id"] != original["id"] and edited["versionNumber"] == original["versionNumber"] + 1
    assert edited["agentName"] == "alice" and edited["metadata"]["editedBy"] == "alice"
    assert edited["metadata"]["model"] is None
    assert (edited["revisionNumber"], edited["round"]) == (original["revisionNumber"], 0)
    assert edited["data"]["bodyLong"].endswith(BLOCKING.strip()) and "cure cancer" in edited["content"]
    assert snapshot["artifacts"]["ShortCopy"]["id"] == reviewed["artifacts"]["ShortCopy"]["id"]
    report = snapshot["auditReports"][campaign["latestAuditReportId"]]
    assert report["id"] == f"{campaign_id}-audit-r0-e1" and report["editNumber"] == 1
    assert report["artifactVersionIds"]["Copy"] == edited["id"]
    assert report["artifactVersionIds"]["ShortCopy"] == reviewed["artifacts"]["ShortCopy"]["id"]
    assert all(a["auditReportId"] == report["id"] for a in snapshot["artifacts"].values())
    blocking = [i for i in report["issues"] if i["severity"] in ("High", "Critical")]
    assert any(i["ruleId"] == "health.disease-claim" and i["artifactVersionId"] == edited["id"] for i in blocking)
    assert all(i["category"] for i in report["issues"])
    assert http.post(f"/api/campaigns/{campaign_id}/approve", json={}).status_code == 409
    audits = http.get(f"/api/campaigns/{campaign_id}/audits").json()["items"]
    assert audits[0]["id"] == report["id"], "the edit's audit is the newest in the history"

    log = events(http, campaign_id)
    assert_event_log_is_clean(log)
    new = log[len(before):]
    assert [e["type"] for e in new] == ["onCampaignStatus", "onArtifactGenerated", "onComplianceCheckCompleted",
                                        "onCampaignStatus"]
    assert new[0]["payload"]["status"] == "Auditing" and new[0]["payload"]["editedBy"] == "alice"
    assert new[1]["payload"]["versionId"] == edited["id"] and new[1]["payload"]["agentName"] == "alice"
    assert new[1]["payload"]["model"] is None
    assert new[2]["payload"]["reportId"] == report["id"] and not new[2]["payload"]["isCompliant"]
    assert new[3]["payload"]["status"] == "NeedsAttention" and new[3]["payload"]["reportId"] == report["id"]

    # 2. an edit of the replaced version is stale: 409 naming the active one, nothing changes
    stale = edit(http, campaign_id, copy_edit(snapshot, "Anything.", based_on=original["id"]))
    assert stale.status_code == 409 and stale.json()["currentVersionId"] == edited["id"]
    assert stale.headers["content-type"].startswith("application/problem+json")

    # 3. an edit that removes the blocking claim makes approval possible
    fixed = edit(http, campaign_id, copy_edit(snapshot, original["data"]["bodyLong"]))
    assert fixed.status_code == 202, fixed.text
    snapshot = settle(http, campaign_id, len(log))
    assert snapshot["campaign"]["status"] == "AwaitingReview"
    assert snapshot["campaign"]["latestAuditReportId"] == f"{campaign_id}-audit-r0-e2"
    assert snapshot["artifacts"]["Copy"]["versionNumber"] == original["versionNumber"] + 2
    assert_event_log_is_clean(events(http, campaign_id))
    approved = http.post(f"/api/campaigns/{campaign_id}/approve", json={"comment": "after the edit"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["approval"]["approvedVersionIds"]["Copy"] == snapshot["artifacts"]["Copy"]["id"]

    # 4. outside review (approved): 409, and the stored versions are unchanged
    count = len(versions(http, campaign_id))
    late = edit(http, campaign_id, copy_edit(snapshot, "Too late."))
    assert late.status_code == 409 and late.json()["currentStatus"] == "Approved"
    assert len(versions(http, campaign_id)) == count


def test_short_copy_and_visual_edits_are_measured_and_rendered_again(
    http: httpx.Client, reviewed: dict[str, Any]
) -> None:
    campaign_id = reviewed["campaign"]["id"]
    short = reviewed["artifacts"]["ShortCopy"]
    data = copy.deepcopy(short["data"])
    post = next(p for p in data["posts"] if p["platform"] == "X")
    post["text"] = "Cold for 24 hours 🧊 see https://example.com/a/very/long/path/that/x/counts/as/23 #EcoBottle"
    post["characterCount"], post["overLimit"], post["hashtags"] = 1, True, []  # the person's numbers: ignored
    count = len(events(http, campaign_id))
    response = edit(http, campaign_id, {"artifactType": "ShortCopy", "data": data, "basedOnVersionId": short["id"]})
    assert response.status_code == 202, response.text
    snapshot = settle(http, campaign_id, count)
    stored = next(p for p in snapshot["artifacts"]["ShortCopy"]["data"]["posts"] if p["text"] == post["text"])
    # 18 + 2 (the emoji) + 5 + 23 (any URL) + 11 (" #EcoBottle"), measured the X way
    assert stored["characterCount"] == 59 and stored["overLimit"] is False
    assert stored["hashtags"] == ["#EcoBottle"]

    visual = snapshot["artifacts"]["Visual"]
    data = copy.deepcopy(visual["data"])
    data["concepts"][data["chosenIndex"]]["headline"] = "Edited <script>alert(1)</script> headline"
    data["svgUrl"] = "https://elsewhere.example/x.svg"
    count = len(events(http, campaign_id))
    response = edit(http, campaign_id, {"artifactType": "Visual", "data": data, "basedOnVersionId": visual["id"]})
    assert response.status_code == 202, response.text
    snapshot = settle(http, campaign_id, count)
    new_visual = snapshot["artifacts"]["Visual"]
    assert new_visual["data"]["svgUrl"] == f"/api/campaigns/{campaign_id}/posters/{new_visual['id']}.svg"
    svg = http.get(new_visual["data"]["svgUrl"])
    assert svg.status_code == 200 and "Edited" in svg.text and "<script>" not in svg.text
    assert http.get(new_visual["data"]["pngUrl"]).status_code == 200


@pytest.mark.parametrize(("mutate", "field"), [
    (lambda body: body["data"].update(headlines=["only one"]), "data.headlines"),
    (lambda body: body["data"].pop("bodyLong"), "data.bodyLong"),
    (lambda body: body["data"].update(headlines=["h"] * 11), "data.headlines"),
    (lambda body: body.update(artifactType="Visual"), "data.concepts"),
    (lambda body: body.update(extra=1), "extra"),
    (lambda body: body.update(comment="x" * 501), "comment"),
    (lambda body: body.update(basedOnVersionId="c-0-copy-v1"), "basedOnVersionId"),
])
def test_invalid_edits_are_400_with_field_errors_and_change_nothing(
    http: httpx.Client, reviewed: dict[str, Any], mutate: Any, field: str
) -> None:
    campaign_id = reviewed["campaign"]["id"]
    body = copy_edit(reviewed, "A new long body.")
    mutate(body)
    response = edit(http, campaign_id, body)
    assert response.status_code == 400, response.text
    assert field in [e["field"] for e in response.json()["errors"]]
    campaign = http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]
    assert campaign["status"] == "AwaitingReview" and campaign["editNumber"] == 0
    assert len(versions(http, campaign_id, "Copy")) == 1


def test_another_user_cannot_edit(http: httpx.Client, reviewed: dict[str, Any]) -> None:
    campaign_id = reviewed["campaign"]["id"]
    response = http.post(f"/api/campaigns/{campaign_id}/edits", json=copy_edit(reviewed, "Mine now."),
                         headers={"x-ms-client-principal-id": "mallory"})
    assert response.status_code == 404
    assert http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]["status"] == "AwaitingReview"


def test_cli_edit(host: DevHost, http: httpx.Client, reviewed: dict[str, Any], tmp_path: Path,
                  capsys: pytest.CaptureFixture[str]) -> None:
    from marketing_agents.cli import main

    campaign_id = reviewed["campaign"]["id"]
    data = copy.deepcopy(reviewed["artifacts"]["Copy"]["data"])
    data["bodyShort"] = "Cold for 24 hours, made from 90% recycled steel."
    source = tmp_path / "copy.json"
    source.write_text(json.dumps(data))
    cli = ["--url", host.base_url, "--user", "alice", "campaign", "edit", campaign_id, "Copy"]
    code = main([*cli, str(source), "--comment", "from the terminal", "--watch"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Edit 1 of" in out and "AwaitingReview" in out
    edited = http.get(f"/api/campaigns/{campaign_id}").json()["artifacts"]["Copy"]
    assert edited["data"]["bodyShort"] == data["bodyShort"] and edited["agentName"] == "alice"
    assert "comment: from the terminal" in edited["metadata"]["notes"]

    stale = main([*cli, str(source), "--based-on", reviewed["artifacts"]["Copy"]["id"]])
    _, err = capsys.readouterr()
    assert stale == 1 and "409" in err and edited["id"] in err and "Traceback" not in err
    (tmp_path / "bad.json").write_text("{not json")
    assert main([*cli, str(tmp_path / "bad.json")]) == 2
    assert main([*cli, str(tmp_path / "missing.json")]) == 2
    _, err = capsys.readouterr()
    assert "not valid JSON" in err and "not found" in err


def test_an_edit_that_cannot_reach_the_orchestration_changes_nothing(
    http: httpx.Client, reviewed: dict[str, Any]
) -> None:
    campaign_id = reviewed["campaign"]["id"]
    terminated = http.post(f"/runtime/webhooks/durabletask/instances/{campaign_id}/terminate", params={"reason": "t"})
    assert terminated.status_code == 202
    wait_for_runtime(http, campaign_id, {"Terminated"})
    response = edit(http, campaign_id, copy_edit(reviewed, "A new long body."))
    assert response.status_code == 503 and "unchanged" in response.json()["detail"]
    campaign = http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]
    assert (campaign["status"], campaign["editNumber"]) == ("AwaitingReview", 0)
    assert len(versions(http, campaign_id, "Copy")) == 1
