"""Pure pieces of the campaign flow: the orchestration's state and the typed inputs and
outputs of each activity, plus the small decisions the orchestrator makes.

The orchestrator imports only this module (and models, ids, protocol), so it stays
deterministic: nothing here reads a clock, a file, the network or the environment.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .models import (
    ALL_ARTIFACT_TYPES,
    ArtifactType,
    CamelModel,
    CampaignStatus,
    Usage,
)

MAX_REGENERATION_ROUNDS = 5

class FlowState(CamelModel):
    """Everything the orchestration carries from one execution to the next
    (``continue_as_new`` per revision keeps each history short)."""

    campaign_id: str
    phase: Literal["generate", "review", "expired"] = "generate"
    revision_number: int = 0
    sequence: int = 0  # last event sequence number used
    version_numbers: dict[ArtifactType, int] = Field(default_factory=dict)
    active_version_ids: dict[ArtifactType, str] = Field(default_factory=dict)
    types_to_generate: list[ArtifactType] = Field(default_factory=lambda: list(ALL_ARTIFACT_TYPES))
    usage: Usage = Field(default_factory=Usage)
    review_deadline_seconds: float = 72 * 3600.0
    max_rounds: int = MAX_REGENERATION_ROUNDS
    latest_audit_report_id: str | None = None
    compliant: bool | None = None

    def next_sequences(self, count: int) -> list[int]:
        """Reserve ``count`` event sequence numbers, in order."""
        first = self.sequence + 1
        self.sequence += count
        return list(range(first, first + count))

    def next_version_number(self, artifact_type: ArtifactType) -> int:
        number = self.version_numbers.get(artifact_type, 0) + 1
        self.version_numbers[artifact_type] = number
        return number


class StartInput(CamelModel):
    campaign_id: str
    sequence: int


class CampaignUpdate(CamelModel):
    """A change to the campaign document, optionally announced with one event."""

    campaign_id: str
    status: CampaignStatus | None = None
    status_reason: str | None = None
    revision_number: int | None = None
    round: int | None = None
    active_version_ids: dict[ArtifactType, str] | None = None
    latest_audit_report_id: str | None = None
    usage: Usage | None = None
    review_deadline: str | None = None  # ISO-8601, from the orchestration clock
    event_type: str | None = None
    event_sequence: int | None = None
    event_payload: dict[str, Any] = Field(default_factory=dict)
    # After a failure, sequences reserved for activities that never finished would leave
    # holes that clients wait for; fill them with status events before this one.
    fill_sequence_gaps: bool = False


class GenerateInput(CamelModel):
    """One agent run: which artifact, which version number, and where its context is."""

    campaign_id: str
    artifact_type: ArtifactType
    version_number: int
    revision_number: int
    round: int
    previous_version_id: str | None = None
    feedback_report_id: str | None = None  # audit report whose findings to fix
    use_revision: bool = False  # carry the person's revision request
    sequence: int


class GenerateOutput(CamelModel):
    """Small by design: the version is stored; the orchestration keeps only its id."""

    version_id: str
    artifact_type: ArtifactType
    version_number: int
    usage: Usage


class AuditInput(CamelModel):
    campaign_id: str
    revision_number: int
    round: int
    version_ids: dict[ArtifactType, str]
    sequence: int


class AuditOutput(CamelModel):
    report_id: str
    is_compliant: bool
    score: float
    types_with_findings: list[ArtifactType]
    blocking_findings: int
    usage: Usage = Field(default_factory=Usage)  # the LLM judge's model calls, if any


class ReviewDecision(CamelModel):
    """What the API raises as the review event: approve, or revise with a revision number."""

    action: Literal["approve", "revise"]
    revision_number: int
    artifact_types: list[ArtifactType] | None = None
    by: str = ""


def round_status(revision_number: int, round_number: int) -> CampaignStatus:
    """Status while generating: first draft, a person's revision, or an audit-driven retry."""
    if round_number > 0:
        return CampaignStatus.REGENERATING
    return CampaignStatus.REVISING if revision_number > 0 else CampaignStatus.GENERATING


def types_to_regenerate(audit: AuditOutput, generated: list[ArtifactType]) -> list[ArtifactType]:
    """Only artifact types with findings are regenerated; if the findings are on campaign
    level only (none attributable), regenerate what was just generated."""
    return list(audit.types_with_findings) or list(generated)
