"""``marketing-agents audit``: audit any text, Markdown or artifacts file against a brief.

Inputs: a plain-text file (long-form copy, or with ``--platform`` one short post for that
platform), a Markdown file (headings become headlines, the rest the body), or an
artifacts JSON file (the export format ``{"artifacts": {"Copy": {...}, ...}}`` or a list
of ArtifactVersion documents, whose ``data`` may hold only the texts to audit). Exit code
0 compliant, 1 not compliant, 2 bad input (one line on stderr, never a stack trace).
Output is plain text or JSON, never HTML.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..models import ArtifactType, AuditReport, CampaignBrief, Platform
from . import build_auditor
from .base import ArtifactLayout, AuditContext
from .engine import RuleEngineAuditor
from .packs import PackError, find_brand_kit

CLI_CAMPAIGN = "c-0000000000000000"
EXTRA_PLATFORMS = {"google-ads-headline": "GoogleAdsHeadline", "google-ads-description": "GoogleAdsDescription"}
MAX_INPUT_BYTES = 2_000_000


class InputError(ValueError):
    """Bad input: reported as one line and exit code 2."""


def add_audit_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("artifacts", metavar="ARTIFACTS", help="text, Markdown or artifacts JSON file")
    parser.add_argument("--brief", metavar="BRIEF.json", help="campaign brief whose constraints and evidence apply")
    parser.add_argument(
        "--brand-kit", metavar="FILE", help="brand kit YAML file (default: the brief's kit or the default kit)"
    )
    platforms = [p.value for p in Platform] + list(EXTRA_PLATFORMS)
    parser.add_argument("--platform", metavar="NAME", help=f"audit a text file as one post for: {', '.join(platforms)}")
    parser.add_argument("--json", action="store_true", help="print the audit report as JSON")
    parser.add_argument("--rules-only", action="store_true",
                        help="without the learned second opinion (docs/compliance.md): the rules' findings alone")


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"{path} is larger than {MAX_INPUT_BYTES // 1_000_000} MB")
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputError(f"{path}: no such file") from error
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read ({type(error).__name__})") from error


def _layout(artifact_type: ArtifactType, data: dict[str, Any]) -> ArtifactLayout:
    return ArtifactLayout(
        id=f"{CLI_CAMPAIGN}-{artifact_type.value.lower()}-v1", campaign_id=CLI_CAMPAIGN, type=artifact_type, data=data,
    )


def platform_name(value: str) -> str:
    for p in Platform:
        if p.value.lower() == value.lower():
            return p.value
    if value.lower() in EXTRA_PLATFORMS:
        return EXTRA_PLATFORMS[value.lower()]
    names = ", ".join([p.value for p in Platform] + list(EXTRA_PLATFORMS))
    raise InputError(f"unknown platform {value!r} (use one of {names})")


def _markdown(text: str) -> dict[str, Any]:
    headlines, body = [], []
    for line in text.splitlines():
        m = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m and m.group(1):
            headlines.append(m.group(1))
        else:
            body.append(re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", line))
    data: dict[str, Any] = {"bodyLong": "\n".join(body).strip()}
    if headlines:
        data["headlines"] = headlines
    return data


def _from_json(text: str, path: Path) -> list[ArtifactLayout]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: invalid JSON at line {error.lineno}: {error.msg}") from error
    if isinstance(doc, dict) and isinstance(doc.get("artifacts"), dict):
        items = list(doc["artifacts"].values())
    elif isinstance(doc, dict) and isinstance(doc.get("artifacts"), list):
        items = doc["artifacts"]
    elif isinstance(doc, list):
        items = doc
    elif isinstance(doc, dict) and "type" in doc and "data" in doc:
        items = [doc]
    else:
        raise InputError(f"{path}: expected {{\"artifacts\": {{...}}}} or a list of artifact versions")
    versions = []
    for n, item in enumerate(items):
        try:
            versions.append(ArtifactLayout.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(f"{path}: artifact {n}: {where}: {first['msg']}") from error
    if not versions:
        raise InputError(f"{path}: no artifacts")
    return versions


def load_artifacts(path: Path, platform: str | None) -> dict[ArtifactType, ArtifactLayout]:
    text = _read(path)
    if path.suffix.lower() == ".json":
        versions = _from_json(text, path)
    elif platform:
        post = {"platform": platform_name(platform), "text": text.strip()}
        versions = [_layout(ArtifactType.SHORT_COPY, {"posts": [post]})]
    elif path.suffix.lower() in {".md", ".markdown"}:
        versions = [_layout(ArtifactType.COPY, _markdown(text))]
    else:
        versions = [_layout(ArtifactType.COPY, {"bodyLong": text.strip()})]
    by_type: dict[ArtifactType, ArtifactLayout] = {}
    for v in versions:  # the newest version of each type wins
        if v.type not in by_type or v.version_number > by_type[v.type].version_number:
            by_type[v.type] = v
    return by_type


def load_brief(path: str | None) -> CampaignBrief:
    if path is None:  # no brief: no product name, constraints or evidence apply
        return CampaignBrief(theme="Ad-hoc audit", product="-", target_audience="-", tone="-")
    text = _read(Path(path))
    try:
        return CampaignBrief.model_validate_json(text)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "brief"
        raise InputError(f"{path}: {where}: {first['msg']}") from error


def render(report: AuditReport) -> str:
    """A readable report: verdict, scores, packs, then each finding with its fix."""
    verdict = "COMPLIANT" if report.is_compliant else "NOT COMPLIANT"
    s = report.category_scores
    lines = [
        f"{verdict}: score {report.compliance_score:g} ({report.status.value}), {len(report.issues)} finding(s)",
        f"categories: tone {s.tone:g}, clarity {s.clarity:g}, regulatory {s.regulatory:g}, "
        f"accessibility {s.accessibility:g}, risk {s.risk:g}",
        "rule packs: " + ", ".join(f"{p.id}@{p.version}" for p in report.rule_packs),
        "checked by: " + ", ".join(report.checked_by),
    ]
    lines += [f"not checked: {c}" for c in report.not_checked]
    for n, issue in enumerate(report.issues, start=1):
        at = f" [{issue.span.start}:{issue.span.end}]" if issue.span else ""
        lines.append(f"\n{n}. [{issue.severity.value}] {issue.rule_id} — {issue.artifact_type.value} {issue.field}{at}")
        if issue.excerpt:
            lines.append(f"   excerpt: “{issue.excerpt}”")
        lines.append(f"   {issue.issue_description}")
        if issue.suggestion:
            lines.append(f"   suggestion: {issue.suggestion}")
        if issue.source:
            lines.append(f"   source: {issue.source}")
        if issue.fix:
            fix = issue.fix.to_doc()
            lines.append("   fix: " + ", ".join(f"{k}={v!r}" for k, v in fix.items() if v is not None))
    return "\n".join(lines)


def run_audit(args: argparse.Namespace) -> int:
    try:
        brief = load_brief(args.brief)
        artifacts = load_artifacts(Path(args.artifacts), args.platform)
        kit = find_brand_kit(args.brand_kit) if args.brand_kit else None
    except (InputError, PackError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    campaign_id = next(iter(artifacts.values())).campaign_id
    context = AuditContext(
        report_id=f"{campaign_id}-audit-cli", campaign_id=campaign_id, brief=brief, texts=artifacts,
    )
    auditor = RuleEngineAuditor(brand_kit=kit) if args.rules_only else build_auditor(brand_kit=kit)
    report = asyncio.run(auditor.audit(context))
    output = json.dumps(report.to_doc(), indent=2, ensure_ascii=False) if args.json else render(report)
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. piped into `head`: not an error worth a stack trace
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0 if report.is_compliant else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="marketing-agents audit", description=__doc__.splitlines()[0])
    add_audit_arguments(parser)
    return run_audit(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
