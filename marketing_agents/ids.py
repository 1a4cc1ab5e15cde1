"""Deterministic document ids, and the one grammar every id from a client is checked by.

Activities run at least once, so every write must land on the same id when it runs
again: ids are derived from the campaign id, the artifact type, the version number,
the revision and the round, never from a clock or a random source.

Ids that arrive in a URL (campaign ids, artifact version ids, poster file names) are
checked here with full-string matching (``re.fullmatch``): ``$`` would also match before
a trailing newline, so ``c-…%0A`` would pass. The same patterns, anchored, are what the
OpenAPI document states (``anchored``), so the document and the server cannot disagree.
"""

from __future__ import annotations

import re
import secrets

from .models import ArtifactType

CAMPAIGN_ID_PATTERN = r"c-[0-9a-f]{16}"
# Version numbers start at 1; nine digits is far beyond any campaign's history.
_VERSION_NUMBER = r"[1-9][0-9]{0,8}"
ARTIFACT_VERSION_ID_PATTERN = (
    CAMPAIGN_ID_PATTERN + "-(?:" + "|".join(t.value.lower() for t in ArtifactType) + ")-v" + _VERSION_NUMBER
)
# Only Visual versions have posters.
POSTER_FILE_PATTERN = (
    "(?P<version>" + CAMPAIGN_ID_PATTERN + "-" + ArtifactType.VISUAL.value.lower() + "-v" + _VERSION_NUMBER
    + r")\.(?P<kind>svg|png)"
)

_CAMPAIGN_ID = re.compile(CAMPAIGN_ID_PATTERN)
_ARTIFACT_VERSION_ID = re.compile(ARTIFACT_VERSION_ID_PATTERN)
_POSTER_FILE = re.compile(POSTER_FILE_PATTERN)


def anchored(pattern: str) -> str:
    """``pattern`` as a JSON Schema ``pattern`` (ECMA-262: ``$`` is the end of the input)
    that matches the whole value, without Python's named groups."""
    return "^(?:" + re.sub(r"\(\?P<[a-z_]+>", "(", pattern) + ")$"


def new_campaign_id() -> str:
    """A fresh campaign id; also the orchestration instance id and the SignalR group."""
    return f"c-{secrets.token_hex(8)}"


def is_campaign_id(value: str) -> bool:
    return _CAMPAIGN_ID.fullmatch(value) is not None


def is_artifact_version_id(value: str) -> bool:
    return _ARTIFACT_VERSION_ID.fullmatch(value) is not None


def parse_poster_file(value: str) -> tuple[str, str] | None:
    """``(version_id, kind)`` of a poster file name such as ``c-…-visual-v2.svg``, or None."""
    match = _POSTER_FILE.fullmatch(value)
    return None if match is None else (match["version"], match["kind"])


def artifact_version_id(campaign_id: str, artifact_type: ArtifactType, version_number: int) -> str:
    return f"{campaign_id}-{artifact_type.value.lower()}-v{version_number}"


def audit_report_id(campaign_id: str, revision_number: int, round_number: int) -> str:
    return f"{campaign_id}-audit-r{revision_number}-{round_number}"


def edit_audit_report_id(campaign_id: str, revision_number: int, edit_number: int) -> str:
    """The report of the audit that follows a person's edit (``edit_number`` counts the
    campaign's edits, so each has its own report)."""
    return f"{campaign_id}-audit-r{revision_number}-e{edit_number}"


def revision_id(campaign_id: str, revision_number: int) -> str:
    return f"{campaign_id}-revision-{revision_number}"


def event_id(campaign_id: str, sequence: int) -> str:
    return f"{campaign_id}-event-{sequence:06d}"


def review_event_name(revision_number: int, edit_number: int = 0) -> str:
    """External event a review decision is raised as; unique per revision and per edit
    (each edit ends in a new review wait) because the Durable SDK mishandles a same-named
    event raised before the orchestrator waits."""
    return f"ReviewDecision-{revision_number}" + (f"-e{edit_number}" if edit_number else "")
