"""The ``marketing-agents`` command against a running host, as a person would use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from devhost import DevHost
from marketing_agents.cli import main

ROOT = Path(__file__).resolve().parents[2]
ECOBOTTLE = str(ROOT / "examples" / "briefs" / "ecobottle.json")


def run(host: DevHost, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--url", host.base_url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_create_watch_show_revise_approve(host: DevHost, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(host, capsys, "campaign", "create", ECOBOTTLE, "--watch")
    assert code == 0, out + err
    assert "onCampaignStarted" in out and "onComplianceCheckCompleted" in out
    assert "AwaitingReview" in out
    campaign_id = out.split("Created campaign ", 1)[1].split()[0]

    code, out, _ = run(host, capsys, "campaign", "show", campaign_id, "--json")
    snapshot = json.loads(out)
    assert snapshot["campaign"]["id"] == campaign_id and set(snapshot["artifacts"]) == {"Copy", "ShortCopy", "Visual"}

    code, out, _ = run(host, capsys, "campaign", "list")
    assert code == 0 and campaign_id in out

    code, out, _ = run(
        host, capsys, "campaign", "revise", campaign_id, "--feedback", "more energetic", "--type", "Copy", "--watch"
    )
    assert code == 0 and "Revision 1 requested" in out

    code, out, err = run(host, capsys, "campaign", "approve", campaign_id, "--comment", "good")
    assert code == 0, err
    assert "Approved" in out
    code, out, err = run(host, capsys, "campaign", "approve", campaign_id)
    assert code == 1 and "409" in err and "Traceback" not in err


def test_bad_brief_files(host: DevHost, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(host, capsys, "campaign", "create", str(tmp_path / "missing.json"))
    assert code == 2 and "brief file not found" in err
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, _, err = run(host, capsys, "campaign", "create", str(bad))
    assert code == 2 and "not valid JSON" in err
    incomplete = tmp_path / "incomplete.json"
    incomplete.write_text(json.dumps({"theme": "x", "colour": "red"}))
    code, _, err = run(host, capsys, "campaign", "create", str(incomplete))
    assert code == 1
    assert "colour: unknown field" in err and "product" in err and len(err.strip().splitlines()) >= 4


def test_unreachable_host(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["--url", "http://127.0.0.1:9", "campaign", "list"])
    err = capsys.readouterr().err
    assert code == 3 and "cannot reach the host" in err and "make run" in err
