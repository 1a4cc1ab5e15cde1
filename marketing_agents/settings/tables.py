"""The settings tables of the README and docs, generated from the declared settings.

A document holds a generated table between ``<!-- settings:begin -->`` (every app
setting) or ``<!-- settings:begin groups=model,cache -->`` (those groups, in that
order) and ``<!-- settings:end -->``; :func:`refresh` rewrites what is between them and
:func:`stale_documents` says which committed documents differ (a test runs it)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .catalogue import DeclaredSetting, declared_settings
from .fields import Where

BEGIN = re.compile(r"<!-- settings:begin(?: groups=(?P<groups>[a-z,]+))? -->\n")
END = "<!-- settings:end -->"
WHERE_LABEL = {Where.LOCAL: "local", Where.AZURE: "Azure", Where.BOTH: "both", Where.TESTS: "tests", Where.CLI: "CLI"}
REPO_ROOT = Path(__file__).resolve().parents[2]


def markdown(groups: Iterable[str] | None = None) -> str:
    """The table of the settings in ``groups`` (None: every app setting, not the CLI's)."""
    settings = declared_settings()
    if groups is None:
        chosen = [s for s in settings if s.where is not Where.CLI]
    else:
        order = list(groups)
        unknown = set(order) - {s.group for s in settings}
        if unknown:
            raise ValueError(f"no settings group {', '.join(sorted(unknown))}")
        chosen = sorted((s for s in settings if s.group in order), key=lambda s: order.index(s.group))
    lines = ["| setting | values | default | where | meaning |", "|---|---|---|---|---|"]
    lines += [_row(s) for s in chosen]
    return "\n".join(lines) + "\n"


def _row(s: DeclaredSetting) -> str:
    cells = [f"`{s.name}`", s.values, s.default, WHERE_LABEL[s.where], s.meaning]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def refreshed(text: str) -> str:
    """``text`` with every marked table regenerated."""
    out: list[str] = []
    position = 0
    for begin in BEGIN.finditer(text):
        if begin.start() < position:
            raise ValueError("settings:begin inside another settings table")
        end = text.find(END, begin.end())
        if end < 0:
            raise ValueError(f"settings:begin at offset {begin.start()} has no {END}")
        groups = begin.group("groups")
        out += [text[position : begin.end()], markdown(groups.split(",") if groups else None)]
        position = end
    out.append(text[position:])
    return "".join(out)


def documents(root: Path = REPO_ROOT) -> list[Path]:
    """The README and docs pages that hold a settings table."""
    candidates = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    return [path for path in candidates if path.is_file() and BEGIN.search(path.read_text(encoding="utf-8"))]


def stale_documents(root: Path = REPO_ROOT) -> list[Path]:
    """Documents whose tables differ from the declared settings."""
    return [path for path in documents(root) if refreshed(path.read_text(encoding="utf-8")) != path.read_text(
        encoding="utf-8")]


def refresh(root: Path = REPO_ROOT) -> list[Path]:
    """Regenerate every table in place; the documents that changed."""
    changed = stale_documents(root)
    for path in changed:
        path.write_text(refreshed(path.read_text(encoding="utf-8")), encoding="utf-8")
    return changed
