"""The auditor protocol: one call audits the whole campaign (fan-in) and returns a report."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from pydantic import Field

from ..models import ArtifactType, ArtifactVersion, AuditReport, CamelModel, CampaignBrief

DEFAULT_COMPLIANCE_THRESHOLD = 80.0


class ArtifactLayout(CamelModel):
    """What the rules read of an artifact: its id, its type and its texts laid out as the
    JSON of its data (findings name JSON paths such as ``posts[2].text``).

    A stored version gives its typed data's JSON (:meth:`of`). The command line and the
    evaluation corpus audit texts laid out the same way without being whole artifacts (the
    body of a Markdown file, one Google Ads headline as a post), which no artifact data
    model accepts; so the auditor reads layouts, not versions."""

    id: str
    campaign_id: str = ""
    type: ArtifactType
    version_number: int = 1
    data: dict[str, Any]

    @classmethod
    def of(cls, artifact: ArtifactVersion | ArtifactLayout) -> ArtifactLayout:
        if isinstance(artifact, ArtifactLayout):
            return artifact
        return cls(
            id=artifact.id,
            campaign_id=artifact.campaign_id,
            type=artifact.type,
            version_number=artifact.version_number,
            data=artifact.data.to_doc(),
        )


class AuditContext(CamelModel):
    """The artifacts to audit together, with the brief whose constraints apply."""

    report_id: str
    campaign_id: str
    brief: CampaignBrief
    revision_number: int = 0
    round: int = 0
    artifacts: dict[ArtifactType, ArtifactVersion] = Field(default_factory=dict)
    # Texts laid out as artifact data that are not whole versions (the command line, the
    # evaluation corpus): audited exactly as the versions are.
    texts: dict[ArtifactType, ArtifactLayout] = Field(default_factory=dict)
    threshold: float = DEFAULT_COMPLIANCE_THRESHOLD

    def layouts(self) -> dict[ArtifactType, ArtifactLayout]:
        """Everything to audit, as the rules read it."""
        return {**{t: ArtifactLayout.of(a) for t, a in self.artifacts.items()}, **self.texts}


@runtime_checkable
class Auditor(Protocol):
    name: str

    async def audit(self, context: AuditContext) -> AuditReport:
        """Check every artifact; findings point at exact text (field path and span)."""
        ...
