"""Pure pieces of the campaign flow: the orchestration's state and the typed inputs and
outputs of each activity, plus the small decisions the orchestrator makes.

The orchestrator imports only this module (and models, ids, protocol), so it stays
deterministic: nothing here reads a clock, a file, the network or the environment.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from ..models import (
    ALL_ARTIFACT_TYPES,
    ArtifactType,
    AuditSummary,
    CamelModel,
    CampaignStatus,
    Usage,
)

MAX_REGENERATION_ROUNDS = 5

# The external event the cancel API raises; the orchestration races it against its work.
CANCEL_EVENT = "Cancel"


class FlowState(CamelModel):
    """Everything the orchestration carries from one execution to the next
    (``continue_as_new`` per revision keeps each history short)."""

    campaign_id: str
    campaign_name: str = ""
    phase: Literal["generate", "review", "expired"] = "generate"
    revision_number: int = 0
    edit_number: int = 0  # edits saved so far (the review event waited on names it)
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
    """The campaign's first event; the name comes with the input, so nothing is read."""

    campaign_id: str
    campaign_name: str
    sequence: int


class EventDraft(CamelModel):
    """An event the orchestration numbered and an activity publishes: the orchestration
    is the only place sequence numbers are assigned (docs/events.md)."""

    type: str
    sequence: int
    payload: dict[str, Any] = Field(default_factory=dict)


class CampaignUpdate(CamelModel):
    """A change to the campaign document, announced with the events it carries. An
    update with no field to change (only events) does not touch the document."""

    campaign_id: str
    status: CampaignStatus | None = None
    status_reason: str | None = None
    round: int | None = None
    active_version_ids: dict[ArtifactType, str] | None = None
    latest_audit_report_id: str | None = None
    latest_audit: AuditSummary | None = None
    usage: Usage | None = None
    review_deadline: str | None = None  # ISO-8601, from the orchestration clock
    events: list[EventDraft] = Field(default_factory=list)

    def changes_document(self) -> bool:
        return any(
            value is not None
            for value in (
                self.status,
                self.round,
                self.active_version_ids,
                self.latest_audit_report_id,
                self.latest_audit,
                self.usage,
                self.review_deadline,
            )
        )


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
    edit_number: int = 0  # > 0: the audit after a person's edit (its own report id)


class RecordEditInput(CamelModel):
    """A person's edit to store as the artifact's next version (validated by the API;
    validated again by the activity, which trusts nothing it did not derive)."""

    campaign_id: str
    artifact_type: ArtifactType
    version_number: int
    revision_number: int
    edit_number: int
    data: dict[str, Any]
    based_on_version_id: str
    by: str
    comment: str | None = None
    sequence: int


class AuditOutput(CamelModel):
    """What the orchestration needs of an audit (the report itself is stored once):
    the verdict, which types to regenerate, and the figures for a NeedsAttention reason."""

    report_id: str
    is_compliant: bool
    score: float
    types_with_findings: list[ArtifactType]
    blocking_findings: int
    usage: Usage = Field(default_factory=Usage)  # the LLM judge's model calls, if any


class EditDecision(CamelModel):
    """A person's saved edit, as the review event carries it (``edit_number`` is the
    campaign's count of edits including this one)."""

    artifact_type: ArtifactType
    data: dict[str, Any]
    based_on_version_id: str
    comment: str | None = None
    edit_number: int


class ReviewDecision(CamelModel):
    """What the API raises as the review event: approve, revise with a revision number,
    or a person's edit to record and audit (the campaign then returns to review)."""

    action: Literal["approve", "revise", "edit"]
    revision_number: int
    artifact_types: list[ArtifactType] | None = None
    by: str = ""
    edit: EditDecision | None = None


class CancelNotice(CamelModel):
    """The cancel event's payload: the API has already written ``Cancelled`` (etag'd),
    the orchestration stops and announces it."""

    by: str
    reason: str


def round_status(revision_number: int, round_number: int) -> CampaignStatus:
    """Status while generating: first draft, a person's revision, or an audit-driven retry."""
    if round_number > 0:
        return CampaignStatus.REGENERATING
    return CampaignStatus.REVISING if revision_number > 0 else CampaignStatus.GENERATING


def types_to_regenerate(audit: AuditOutput, generated: list[ArtifactType]) -> list[ArtifactType]:
    """Only artifact types with findings are regenerated; if the findings are on campaign
    level only (none attributable), regenerate what was just generated."""
    return list(audit.types_with_findings) or list(generated)
