"""``POST /api/audit`` (the audit command's twin), ``GET /api/brand-kits`` and
``GET /api/me``, against the real app in devhost; the audit's answers are compared with
the ``marketing-agents audit`` command's on the same text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost import DevHost
from marketing_agents.compliance.cli import main as audit_cli

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = "Our bottle is clinically proven to cure cancer. 100% guaranteed, the best bottle ever."


@pytest.fixture(scope="module")
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30) as client:
        yield client


def check(http: httpx.Client, body: dict[str, Any], status: int = 200) -> dict[str, Any]:
    response = http.post("/api/audit", json=body)
    assert response.status_code == status, response.text
    return dict(response.json())


def cli_report(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> dict[str, Any]:
    source = tmp_path / "copy.txt"
    source.write_text(text)
    audit_cli([str(source), "--json", *args])
    return dict(json.loads(capsys.readouterr().out))


def findings(report: dict[str, Any]) -> list[tuple[str, str, Any, str]]:
    return [(i["ruleId"], i["field"], i["span"], i["severity"]) for i in report["issues"]]


def test_pasted_copy_gets_the_cli_s_findings_with_spans_into_the_returned_data(
    http: httpx.Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = len(http.get("/api/campaigns").json()["items"])
    brief = json.loads((ROOT / "examples/briefs/ecobottle.json").read_text())
    body = check(http, {"text": f"  {CLAIMS} Now plastic-free!\n", "brief": brief})
    report, data = body["report"], body["artifacts"]["Copy"]
    assert not report["isCompliant"] and report["status"] in ("Fail", "Conditional")
    assert {"health.disease-claim", "brief.avoid.plastic"} <= {i["ruleId"] for i in report["issues"]}
    for issue in report["issues"]:
        if issue["span"]:
            assert data["bodyLong"][issue["span"]["start"]:issue["span"]["end"]] == issue["excerpt"]
        assert issue["category"] in ("regulatory", "brand", "accessibility", "platform", "brief")
    assert next(i for i in report["issues"] if i["ruleId"] == "health.disease-claim")["category"] == "regulatory"
    assert next(i for i in report["issues"] if i["ruleId"] == "brief.avoid.plastic")["category"] == "brief"
    brief_file = tmp_path / "brief.json"
    brief_file.write_text(json.dumps(brief))
    cli = cli_report(tmp_path, capsys, f"  {CLAIMS} Now plastic-free!\n", "--brief", str(brief_file))
    assert findings(report) == findings(cli) and report["complianceScore"] == cli["complianceScore"]
    assert report["checkedBy"] == cli["checkedBy"] and report["checkedBy"][1].startswith("learned:")
    assert len(http.get("/api/campaigns").json()["items"]) == stored, "a check stores nothing"


def test_a_post_is_measured_for_its_platform(
    http: httpx.Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Cold for 24 hours, every day, everywhere you go. " * 8
    body = check(http, {"text": text, "artifactType": "ShortCopy", "platform": "X"})
    post = body["artifacts"]["ShortCopy"]["posts"][0]
    assert post == {"platform": "X", "text": text.strip()}
    over = [i for i in body["report"]["issues"] if i["field"] == "posts[0].text" and i["category"] == "platform"]
    assert over, body["report"]["issues"]
    assert findings(body["report"]) == findings(cli_report(tmp_path, capsys, text, "--platform", "X"))


def test_poster_text_is_one_concept(http: httpx.Client) -> None:
    body = check(http, {"text": "Cures cancer overnight\nThe only bottle you need", "artifactType": "Visual"})
    assert body["artifacts"]["Visual"] == {
        "concepts": [{"headline": "Cures cancer overnight", "subline": "The only bottle you need"}], "chosenIndex": 0}
    assert any(i["field"] == "concepts[0].headline" for i in body["report"]["issues"])


def test_brand_kits_are_listed_and_a_named_one_is_used(http: httpx.Client) -> None:
    kits = http.get("/api/brand-kits").json()["items"]
    assert {"id": "default", "name": kits[[k["id"] for k in kits].index("default")]["name"]} in kits
    body = check(http, {"text": CLAIMS, "brandKit": "default"})
    assert "default" in {p["id"] for p in body["report"]["rulePacks"]}
    # as for a campaign's brief: an unknown kit is audited with the default kit, and says so
    unknown = check(http, {"text": CLAIMS, "brandKit": "no-such-kit"})["report"]
    assert "default" in {p["id"] for p in unknown["rulePacks"]}
    assert any("no-such-kit" in note for note in unknown["notChecked"])


@pytest.mark.parametrize(("body", "field"), [
    ({"text": "x" * 20_001}, "text"),
    ({"text": " \n\t "}, "text"),
    ({"text": ""}, "text"),
    ({}, "text"),
    ({"text": "ok", "colour": "red"}, "colour"),
    ({"text": "ok", "artifactType": "Poster"}, "artifactType"),
    ({"text": "ok", "artifactType": "ShortCopy"}, "platform"),
    ({"text": "ok", "artifactType": "ShortCopy", "platform": "MySpace"}, "platform"),
    ({"text": "ok", "brandKit": "../../etc/passwd"}, "brandKit"),
    ({"text": "ok", "brief": {"theme": "t"}}, "brief.product"),
])
def test_bad_checks_are_400_naming_the_field(http: httpx.Client, body: dict[str, Any], field: str) -> None:
    problem = check(http, body, 400)
    assert field in [e["field"] for e in problem["errors"]], problem


def test_a_check_must_be_json(http: httpx.Client) -> None:
    form = {"content-type": "application/x-www-form-urlencoded"}
    response = http.post("/api/audit", content=b"text=hello", headers=form)
    assert response.status_code == 415


def test_me_says_who_the_api_acts_as(http: httpx.Client) -> None:
    assert http.get("/api/me").json() == {"userId": "api-tester", "source": "local", "canSwitchUser": True}
    picked = http.get("/api/me", headers={"x-ms-client-principal-id": "bob"}).json()
    assert picked == {"userId": "bob", "source": "local", "canSwitchUser": True}
    signed_in = http.get("/api/me", headers={"x-ms-client-principal-id": "carol",
                                             "x-ms-client-principal-idp": "aad"}).json()
    assert signed_in == {"userId": "carol", "source": "appService", "canSwitchUser": False}
