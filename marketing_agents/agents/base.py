"""The agent protocol: what every artifact writer, offline or model-backed, accepts and returns.

Activities depend only on this protocol, so the offline agents of the core and the
model-backed agents can replace each other without touching the Durable flow.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Protocol, runtime_checkable

from pydantic import Field

from ..models import (
    ArtifactMetadata,
    ArtifactType,
    ArtifactVersion,
    CamelModel,
    CampaignBrief,
    ComplianceIssue,
    Revision,
    utc_now,
)

# Receives pieces of long-form text while it is being written (streaming).
ChunkSink = Callable[[str], Awaitable[None]]


class AgentContext(CamelModel):
    """Everything an agent may use to write one artifact.

    ``brief`` is user content: agents must treat it as data, never as instructions.
    On regeneration rounds ``audit_issues``/``audit_feedback`` say what to fix; on a
    revision ``revision`` carries the person's feedback and ``previous`` the version
    being revised.
    """

    campaign_id: str
    artifact_type: ArtifactType
    brief: CampaignBrief
    revision_number: int = 0
    round: int = 0
    previous: ArtifactVersion | None = None
    audit_feedback: str | None = None
    audit_issues: list[ComplianceIssue] = Field(default_factory=list)
    revision: Revision | None = None

    def instructions(self) -> list[str]:
        """All change requests in force for this artifact, newest last: the auditor's
        suggestions and the person's feedback and specific changes."""
        asks: list[str] = []
        for issue in self.audit_issues:
            asks.append(issue.suggestion or issue.issue_description)
        if self.revision is not None:
            asks.append(self.revision.user_feedback)
            asks.extend(self.revision.specific_changes)
        return asks


class AgentResult(CamelModel):
    """What an agent produced: the structured data, a readable rendering, and metadata."""

    data: dict[str, Any]
    content: str
    metadata: ArtifactMetadata
    agent_name: str

    def stored_as(self, version_id: str, campaign_id: str, artifact_type: ArtifactType, version_number: int = 1,
                  revision_number: int = 0, round: int = 0, metadata: ArtifactMetadata | None = None
                  ) -> ArtifactVersion:
        """This result as the stored version it becomes (the campaign's, a benchmark's or a
        test's previous round), stamped now."""
        return ArtifactVersion(
            id=version_id,
            campaign_id=campaign_id,
            type=artifact_type,
            version_number=version_number,
            revision_number=revision_number,
            round=round,
            content=self.content,
            data=self.data,
            metadata=metadata or self.metadata,
            agent_name=self.agent_name,
            created_at=utc_now(),
        )


@runtime_checkable
class Agent(Protocol):
    """Writes one artifact type."""

    name: str
    artifact_type: ArtifactType

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        """Write the artifact for ``context``; stream long text through ``on_chunk``."""
        ...
