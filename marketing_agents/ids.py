"""Deterministic document ids.

Activities run at least once, so every write must land on the same id when it runs
again: ids are derived from the campaign id, the artifact type, the version number,
the revision and the round, never from a clock or a random source.
"""

from __future__ import annotations

import re
import secrets

from .models import ArtifactType

_CAMPAIGN_ID = re.compile(r"^c-[0-9a-f]{16}$")


def new_campaign_id() -> str:
    """A fresh campaign id; also the orchestration instance id and the SignalR group."""
    return f"c-{secrets.token_hex(8)}"


def is_campaign_id(value: str) -> bool:
    return bool(_CAMPAIGN_ID.match(value))


def artifact_version_id(campaign_id: str, artifact_type: ArtifactType, version_number: int) -> str:
    return f"{campaign_id}-{artifact_type.value.lower()}-v{version_number}"


def audit_report_id(campaign_id: str, revision_number: int, round_number: int) -> str:
    return f"{campaign_id}-audit-r{revision_number}-{round_number}"


def revision_id(campaign_id: str, revision_number: int) -> str:
    return f"{campaign_id}-revision-{revision_number}"


def event_id(campaign_id: str, sequence: int) -> str:
    return f"{campaign_id}-event-{sequence:06d}"


def review_event_name(revision_number: int) -> str:
    """External event a review decision is raised as; unique per revision because the
    Durable SDK mishandles a same-named event raised before the orchestrator waits."""
    return f"ReviewDecision-{revision_number}"
