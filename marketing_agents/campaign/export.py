"""The campaign export: one zip a person can hand on — the brief, the active copy as
Markdown, the short copy as CSV, the poster as SVG and PNG with its alt text, every
audit report, and the approval record.

Gathering reads the store (async); building the zip is CPU work (compression) and runs
in a thread (``asyncio.to_thread``), so the host keeps answering while it is built.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..models import (
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CopyData,
    ShortCopyData,
    VisualData,
)
from ..platforms import measure
from ..poster import PosterKind, PosterStore
from .commands import CampaignCommands

CSV_HEADER = ["platform", "variant", "text", "length", "limit", "hashtags"]
# A cell a spreadsheet would run as a formula (CSV injection): written with a leading
# apostrophe, which spreadsheets show as text; the length column is the post's own.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_SLUG = 60


@dataclass
class ExportContents:
    campaign: Campaign
    artifacts: dict[ArtifactType, ArtifactVersion]
    reports: list[AuditReport]
    posters: dict[str, bytes] = field(default_factory=dict)  # "<versionId>.svg|png" -> bytes


def slug(name: str) -> str:
    """ASCII, lowercase, hyphens: safe in a file name and a Content-Disposition header."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return text[:MAX_SLUG].rstrip("-") or "campaign"


def export_filename(campaign: Campaign) -> str:
    return f"{slug(campaign.name)}-{campaign.id}.zip"


async def gather(commands: CampaignCommands, posters: PosterStore, campaign_id: str, user: str) -> ExportContents:
    """What the export holds, read for a user who may read the campaign (else 404)."""
    snapshot = await commands.snapshot(campaign_id, user)
    reports = await commands.audits(campaign_id, user)
    contents = ExportContents(snapshot.campaign, dict(snapshot.artifacts), reports)
    visual = snapshot.artifacts.get(ArtifactType.VISUAL)
    if visual is not None:
        kinds: tuple[PosterKind, ...] = ("svg", "png")
        for kind in kinds:
            body = await posters.load(campaign_id, visual.id, kind)
            if body is not None:
                contents.posters[f"{visual.id}.{kind}"] = body
    return contents


async def build_zip(contents: ExportContents) -> bytes:
    return await asyncio.to_thread(zip_bytes, contents)


def _safe_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def short_copy_csv(data: ShortCopyData) -> str:
    """One row per post; ``variant`` counts the posts of each platform from 1; ``length``
    is measured the platform's way (X: weighted, URLs 23), never taken from the data."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    seen: dict[str, int] = {}
    for post in data.posts:
        seen[post.platform.value] = seen.get(post.platform.value, 0) + 1
        size = measure(post.text, post.platform)
        writer.writerow([post.platform.value, seen[post.platform.value], _safe_cell(post.text), size.count,
                         size.limit, " ".join(size.hashtags)])
    return out.getvalue()


def copy_markdown(campaign: Campaign, data: CopyData) -> str:
    lines = [f"# {data.headlines[0]}", ""]
    if data.headlines[1:]:
        lines += ["## Other headlines", *[f"- {h}" for h in data.headlines[1:]], ""]
    lines += ["## Short", "", data.body_short, "", "## Medium", "", data.body_medium, "", "## Long", "",
              data.body_long, "", "## Calls to action", *[f"- {c}" for c in data.calls_to_action], ""]
    if data.keywords:
        lines += ["## Keywords", "", ", ".join(data.keywords), ""]
    lines += [f"_Campaign {campaign.name} ({campaign.id})._", ""]
    return "\n".join(lines)


def alt_text(data: VisualData) -> str:
    chosen = data.concepts[min(data.chosen_index, len(data.concepts) - 1)]
    return chosen.alt_text.strip() + "\n"


def approval_record(campaign: Campaign) -> dict[str, Any]:
    if campaign.approval is None:
        return {"approved": False, "status": campaign.status.value}
    return {"approved": True, **campaign.approval.to_doc()}


def readme(contents: ExportContents, names: list[str]) -> str:
    c = contents.campaign
    described = {
        "brief.json": "the campaign's brief",
        "copy.md": "the active long-form copy (Markdown)",
        "short-copy.csv": "the active short copy: platform, variant, text, length (measured the platform's "
                          "way), limit, hashtags; a text starting with = + - or @ has a leading ' so that "
                          "spreadsheets do not run it",
        "poster/alt-text.txt": "the poster's alternative text",
        "approval.json": "the approval record (or approved: false and the status)",
    }
    lines = [f"Campaign export: {c.name}", f"id {c.id}, status {c.status.value}, revision {c.revision_number}",
             "", "Contents:"]
    for name in names:
        if name in described:
            lines.append(f"  {name}: {described[name]}")
        elif name.startswith("poster/"):
            lines.append(f"  {name}: the poster of the active Visual version")
        elif name.startswith("audits/"):
            lines.append(f"  {name}: an audit report (every audit of the campaign is included)")
    missing = [t.value for t in ArtifactType if t not in contents.artifacts]
    if missing:
        lines += ["", "Not included (no version yet): " + ", ".join(missing)]
    return "\n".join(lines) + "\n"


def zip_bytes(contents: ExportContents) -> bytes:
    """The zip (synchronous; call through :func:`build_zip`)."""
    files: dict[str, bytes] = {"brief.json": _json(contents.campaign.brief.to_doc())}
    copy = contents.artifacts.get(ArtifactType.COPY)
    if copy is not None and isinstance(copy.data, CopyData):
        files["copy.md"] = copy_markdown(contents.campaign, copy.data).encode("utf-8")
    short = contents.artifacts.get(ArtifactType.SHORT_COPY)
    if short is not None and isinstance(short.data, ShortCopyData):
        files["short-copy.csv"] = short_copy_csv(short.data).encode("utf-8")
    for name, body in sorted(contents.posters.items()):
        files[f"poster/{name}"] = body
    visual = contents.artifacts.get(ArtifactType.VISUAL)
    if visual is not None and isinstance(visual.data, VisualData):
        files["poster/alt-text.txt"] = alt_text(visual.data).encode("utf-8")
    for report in contents.reports:
        files[f"audits/{report.id}.json"] = _json(report.to_doc())
    files["approval.json"] = _json(approval_record(contents.campaign))
    names = list(files)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", readme(contents, names))
        for name, body in files.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def _json(value: Any) -> bytes:
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
