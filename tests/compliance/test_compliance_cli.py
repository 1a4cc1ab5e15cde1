"""``marketing-agents audit`` through its two entry points and ``python -m``."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import copy, poster, posts

from marketing_agents.compliance.cli import add_audit_arguments, run_audit

ROOT = Path(__file__).resolve().parents[2]
BRIEF = {
    "theme": "Summer launch of EcoBottle", "product": "EcoBottle", "targetAudience": "Eco-conscious millennials",
    "tone": "Inspiring", "constraints": ["Must include recycling message", "Avoid plastic-related claims"],
    "evidence": ["Made from 90% recycled steel"],
}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    add_audit_arguments(parser)
    return run_audit(parser.parse_args(argv))


@pytest.fixture
def brief_file(tmp_path: Path) -> Path:
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(BRIEF))
    return path


def test_text_file_not_compliant_prints_findings(tmp_path: Path, brief_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "copy.txt"
    text.write_text("Our plastic-free bottle is the best. Recycle it.")
    assert run([str(text), "--brief", str(brief_file)]) == 1
    out = capsys.readouterr().out
    assert "NOT COMPLIANT" in out and "brief.avoid.plastic" in out and "“best”" in out


def test_json_output_is_the_camelcase_report(tmp_path: Path, brief_file: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "post.txt"
    text.write_text("Made from 90% recycled steel. Recycle it when you are done. #EcoBottle")
    assert run([str(text), "--brief", str(brief_file), "--platform", "x", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["isCompliant"] is True and doc["docType"] == "auditReport"
    assert {"id": "brief"} .items() <= doc["rulePacks"][-1].items()


def test_the_second_opinion_is_on_unless_rules_only_is_asked(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "copy.txt"
    text.write_text("A steel bottle for summer. Recycle it when you are done.")
    run([str(text), "--json"])
    assert [c.split(":")[0] for c in json.loads(capsys.readouterr().out)["checkedBy"]] == ["rules", "learned"]
    run([str(text), "--json", "--rules-only"])
    assert json.loads(capsys.readouterr().out)["checkedBy"] == ["rules"]


def test_markdown_headings_become_headlines(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    md = tmp_path / "copy.md"
    md.write_text("# The best bottle\n\nA steel bottle for summer.\n")
    assert run([str(md), "--json"]) == 1
    issue = json.loads(capsys.readouterr().out)["issues"][0]
    assert issue["field"] == "headlines[0]" and issue["excerpt"] == "best"


@pytest.mark.parametrize("shape", ["export", "list"])
def test_artifacts_json_in_both_shapes(tmp_path: Path, brief_file: Path, shape: str, capsys) -> None:  # type: ignore[no-untyped-def]
    versions = [copy(), posts(("X", "Recycle it. Made from 90% recycled steel.")), poster()]
    docs = [v.to_doc() for v in versions]
    payload = {"artifacts": {d["type"]: d for d in docs}} if shape == "export" else docs
    path = tmp_path / "artifacts.json"
    path.write_text(json.dumps(payload))
    assert run([str(path), "--brief", str(brief_file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["artifactVersionIds"]) == {"Copy", "ShortCopy", "Visual"}


@pytest.mark.parametrize(
    "content, extra, message",
    [
        (None, [], "no such file"),
        ("{not json", [], "invalid JSON"),
        ('{"artifacts": [{"type": "Copy"}]}', [], "artifact 0"),
        ("hello", ["--platform", "MySpace"], "unknown platform"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, content: str | None, extra: list[str], message: str,
                                         capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / ("in.json" if content and content.startswith("{") else "in.txt")
    if content is not None:
        path.write_text(content)
    assert run([str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_bad_brief_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    brief = tmp_path / "brief.json"
    brief.write_text('{"theme": "x", "unknown": 1}')
    text = tmp_path / "a.txt"
    text.write_text("hello")
    assert run([str(text), "--brief", str(brief)]) == 2
    assert "brief.json" in capsys.readouterr().err


def test_python_dash_m(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("Meet the bottle for summer.")
    done = subprocess.run([sys.executable, "-m", "marketing_agents.compliance.cli", str(text)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("COMPLIANT")
