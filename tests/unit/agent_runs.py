"""What a test of an offline writer hands it for a later round: its earlier result as a stored
version, and a person's revision request."""

from __future__ import annotations

from datetime import UTC, datetime

from marketing_agents.agents.base import AgentResult
from marketing_agents.models import ArtifactType, ArtifactVersion, Revision


def as_version(result: AgentResult, artifact_type: ArtifactType, campaign_id: str = "c") -> ArtifactVersion:
    """``result`` stored as version 1 of round 0: the ``previous`` of the next round."""
    return result.stored_as(f"c-{artifact_type.value}-v1", campaign_id, artifact_type)


def revision_asking(feedback: str, changes: list[str] | None = None, campaign_id: str = "c") -> Revision:
    """A person's first revision request."""
    return Revision(
        id="r1",
        campaign_id=campaign_id,
        revision_number=1,
        user_feedback=feedback,
        specific_changes=changes or [],
        requested_by="me",
        created_at=datetime.now(UTC),
    )
