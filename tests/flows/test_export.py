"""``GET /api/campaigns/{id}/export`` and ``marketing-agents campaign export``: the zip of a
real campaign, read back and every file checked against the API's own answers."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost import DevHost
from marketing_agents.cli import main

from .helpers import create, wait_for_status

ROOT = Path(__file__).resolve().parents[2]
USER = {"x-ms-client-principal-id": "alice"}


@pytest.fixture
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30, headers=USER) as client:
        yield client


def brief(name: str) -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / f"{name}.json").read_text()))


def open_zip(body: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def test_export_holds_every_part_of_the_campaign(http: httpx.Client) -> None:
    hostile = brief("ecobottle")
    hostile["name"] = "Été <script>alert(1)</script> launch"
    campaign_id = create(http, hostile)
    snapshot = wait_for_status(http, campaign_id, {"AwaitingReview"})
    response = http.get(f"/api/campaigns/{campaign_id}/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="ete-script-alert-1-script-launch-{campaign_id}.zip"')
    files = open_zip(response.content)
    visual = snapshot["artifacts"]["Visual"]
    audits = http.get(f"/api/campaigns/{campaign_id}/audits").json()["items"]
    expected = {"README.txt", "brief.json", "copy.md", "short-copy.csv", f"poster/{visual['id']}.svg",
                f"poster/{visual['id']}.png", "poster/alt-text.txt", "approval.json",
                *{f"audits/{a['id']}.json" for a in audits}}
    assert set(files) == expected

    readme = files["README.txt"].decode()
    assert campaign_id in readme and all(name in readme for name in expected - {"README.txt"})
    assert json.loads(files["brief.json"]) == snapshot["campaign"]["brief"]

    copy = snapshot["artifacts"]["Copy"]["data"]
    markdown = files["copy.md"].decode()
    assert markdown.startswith(f"# {copy['headlines'][0]}\n")
    for text in (copy["bodyShort"], copy["bodyMedium"], copy["bodyLong"], *copy["callsToAction"]):
        assert text in markdown

    rows = list(csv.reader(io.StringIO(files["short-copy.csv"].decode())))
    assert rows[0] == ["platform", "variant", "text", "length", "limit", "hashtags"]
    posts = snapshot["artifacts"]["ShortCopy"]["data"]["posts"]
    assert len(rows) == len(posts) + 1
    variants: dict[str, int] = {}
    for row, post in zip(rows[1:], posts, strict=True):
        variants[post["platform"]] = variants.get(post["platform"], 0) + 1
        assert row == [post["platform"], str(variants[post["platform"]]), post["text"], str(post["characterCount"]),
                       str(post["limit"]), " ".join(post["hashtags"])]

    assert files[f"poster/{visual['id']}.svg"] == http.get(visual["data"]["svgUrl"]).content
    assert files[f"poster/{visual['id']}.png"][:8] == b"\x89PNG\r\n\x1a\n"
    chosen = visual["data"]["concepts"][visual["data"]["chosenIndex"]]
    assert files["poster/alt-text.txt"].decode().strip() == chosen["altText"].strip()
    for report in audits:
        assert json.loads(files[f"audits/{report['id']}.json"]) == report
    assert json.loads(files["approval.json"]) == {"approved": False, "status": "AwaitingReview"}

    approved = http.post(f"/api/campaigns/{campaign_id}/approve", json={"comment": "ship"})
    assert approved.status_code == 200
    record = json.loads(open_zip(http.get(f"/api/campaigns/{campaign_id}/export").content)["approval.json"])
    assert record["approved"] is True and record["approvedBy"] == "alice" and record["comment"] == "ship"
    assert record["approvedVersionIds"] == {t: a["id"] for t, a in snapshot["artifacts"].items()}


def test_spreadsheet_formulas_in_short_copy_are_written_inert() -> None:
    from marketing_agents.campaign.export import short_copy_csv
    from marketing_agents.edits import measured
    from marketing_agents.models import Platform, ShortCopyData

    data = ShortCopyData(posts=[measured(Platform.X, "=HYPERLINK(\"http://x.example\")"),
                                measured(Platform.X, "Plain text")])
    rows = list(csv.reader(io.StringIO(short_copy_csv(data))))
    # the post's own X length: 12 + 23 (the URL) + 2, without the apostrophe
    assert rows[1][2] == "'=HYPERLINK(\"http://x.example\")" and rows[1][3] == "37"
    assert rows[2][2] == "Plain text"


def test_export_of_someone_else_s_or_no_campaign_is_404(http: httpx.Client) -> None:
    campaign_id = create(http, brief("brewhaus"))
    response = http.get(f"/api/campaigns/{campaign_id}/export", headers={"x-ms-client-principal-id": "mallory"})
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/problem+json")
    assert http.get("/api/campaigns/c-0000000000000000/export").status_code == 404


def test_cli_export(host: DevHost, http: httpx.Client, capsys: pytest.CaptureFixture[str], tmp_path: Path,
                    monkeypatch: pytest.MonkeyPatch) -> None:
    campaign_id = create(http, brief("fintrack"))
    wait_for_status(http, campaign_id, {"AwaitingReview", "NeedsAttention"})
    target = tmp_path / "out.zip"
    code = main(["--url", host.base_url, "--user", "alice", "campaign", "export", campaign_id, "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert str(target) in out and "copy.md" in open_zip(target.read_bytes())

    monkeypatch.chdir(tmp_path)
    code = main(["--url", host.base_url, "--user", "alice", "campaign", "export", campaign_id])
    capsys.readouterr()
    assert code == 0 and len(list(tmp_path.glob(f"*-{campaign_id}.zip"))) == 1

    code = main(["--url", host.base_url, "--user", "alice", "campaign", "export", "c-0000000000000000"])
    _, err = capsys.readouterr()
    assert code == 1 and "404" in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err

    code = main(["--url", host.base_url, "--user", "alice", "campaign", "export", campaign_id,
                 "-o", str(tmp_path / "missing-dir" / "x.zip")])
    _, err = capsys.readouterr()
    assert code == 2 and "cannot write" in err and len(err.strip().splitlines()) == 1


def test_a_campaign_with_no_versions_yet_exports_what_it_has() -> None:
    from marketing_agents.campaign.documents import new_campaign
    from marketing_agents.campaign.export import ExportContents, export_filename, zip_bytes
    from marketing_agents.models import CampaignBrief

    campaign = new_campaign(CampaignBrief.model_validate(brief("brewhaus")), owner="alice")
    files = open_zip(zip_bytes(ExportContents(campaign, {}, [])))
    assert set(files) == {"README.txt", "brief.json", "approval.json"}
    assert "Not included (no version yet): Copy, ShortCopy, Visual" in files["README.txt"].decode()
    assert json.loads(files["approval.json"]) == {"approved": False, "status": "Generating"}
    assert export_filename(campaign).endswith(f"-{campaign.id}.zip") and export_filename(campaign).isascii()
