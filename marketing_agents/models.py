"""The data model of SPEC.md section 3, as pydantic models.

Every document the product stores or sends is one of these models. JSON is camelCase
(``alias_generator``) while Python code uses snake_case; ``to_doc`` gives the stored
form. Request models forbid unknown fields so that a typo in a brief is a 400, not a
silently ignored setting.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.alias_generators import to_camel
from pydantic_core import InitErrorDetails, ValidationError

# Bounds that keep a brief a brief: they protect the agents' prompts, Cosmos document
# size (2 MB) and the orchestration payloads from abuse.
SHORT_TEXT = 200
LONG_TEXT = 2000
MAX_LIST = 20
MAX_FEEDBACK = 4000

# Bounds on what an agent (offline or model) may put in an artifact, so that no version
# grows without bound from round to round: the model schemas (llm/schemas.py) ask for no
# more, and a stored version over them is not built on (previous_data writes afresh).
# They hold when artifact data is made; a version is read as it was written (see
# :data:`AS_WRITTEN`), so a version stored before a bound existed still loads.
MAX_SHORT_POSTS = 60  # at most 12 variants for each of the five platforms
MAX_CONCEPTS = 5
MAX_COPY_ITEMS = 10  # headlines, calls to action
MAX_KEYWORDS = 20
MAX_NOTES = 60


def utc_now() -> datetime:
    """The current time, always timezone-aware UTC."""
    return datetime.now(UTC)


def _fixed_width_utc(value: datetime) -> str:
    """ISO 8601 in UTC with all six fraction digits, e.g. ``2026-01-01T00:00:00.000000Z``.
    Stores sort timestamps as strings (Cosmos DB's ORDER BY, SQLite's json_extract);
    pydantic's default drops a zero fraction, which sorts ``…:00Z`` after ``…:00.5Z``."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


# Every stored timestamp: string order is time order (see _fixed_width_utc).
Timestamp = Annotated[datetime, PlainSerializer(_fixed_width_utc, return_type=str, when_used="json")]


class CamelModel(BaseModel):
    """Base for every stored or transmitted model: camelCase JSON, snake_case Python."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    def to_doc(self) -> dict[str, Any]:
        """The JSON-ready, camelCase form stored in the document store and sent to clients."""
        return self.model_dump(mode="json", by_alias=True)


class StrictRequest(CamelModel):
    """Base for request bodies: unknown fields are an error, never ignored."""

    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="forbid")


# ---- text fields: the limits the OpenAPI document states are the limits enforced.
# Lengths apply to the value as sent (JSON Schema counts code points, as ``len`` does);
# the value is then stripped of the whitespace JSON Schema's ``\s`` means (ECMA-262
# WhiteSpace and LineTerminator, spelled out so that no regex engine's own idea of
# whitespace is involved), and a required text must have a character outside it.
WHITESPACE = (
    "\t\n\v\f\r \u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029\u202f\u205f\u3000\ufeff"
)
NOT_BLANK_PATTERN = (
    r"[^\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
)

# Validation context flag of a request from a client. Only requests are refused for
# repeated list items; documents already stored (from before that rule) load with the
# repeats dropped, so nothing stored becomes unreadable.
REQUEST_CONTEXT = "request"


def _strip(value: str) -> str:
    return value.strip(WHITESPACE)


def _strip_not_blank(value: str) -> str:
    stripped = value.strip(WHITESPACE)
    if not stripped:
        raise ValueError("must not be blank")
    return stripped


def _text_schema(max_length: int, *, required: bool = True) -> WithJsonSchema:
    schema: dict[str, Any] = {"type": "string", "maxLength": max_length}
    if required:
        schema |= {"minLength": 1, "pattern": NOT_BLANK_PATTERN}
    return WithJsonSchema(schema)


_STRIP_NOT_BLANK = AfterValidator(_strip_not_blank)
ShortText = Annotated[
    str, StringConstraints(min_length=1, max_length=SHORT_TEXT), _STRIP_NOT_BLANK, _text_schema(SHORT_TEXT)
]
LongText = Annotated[
    str, StringConstraints(min_length=1, max_length=LONG_TEXT), _STRIP_NOT_BLANK, _text_schema(LONG_TEXT)
]
ListItem = Annotated[
    str, StringConstraints(min_length=1, max_length=LONG_TEXT // 4), _STRIP_NOT_BLANK, _text_schema(LONG_TEXT // 4)
]
Feedback = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_FEEDBACK), _STRIP_NOT_BLANK, _text_schema(MAX_FEEDBACK)
]
Comment = Annotated[
    str, StringConstraints(max_length=LONG_TEXT), AfterValidator(_strip), _text_schema(LONG_TEXT, required=False)
]

T = TypeVar("T")


def _refuse_repeats(value: Any, info: ValidationInfo) -> Any:
    """A request that names an item twice is a mistake (five "X" platforms would write
    the X posts five times): refuse it, naming the item, as ``uniqueItems`` says."""
    if isinstance(value, list) and info.context and info.context.get(REQUEST_CONTEXT):
        seen: set[Any] = set()
        for item in value:
            if isinstance(item, (str, int, float, bool)) and item in seen:
                raise ValueError(f"items must be unique; {item!r} is repeated")
            if isinstance(item, (str, int, float, bool)):
                seen.add(item)
    return value


def _drop_repeats(value: list[T]) -> list[T]:
    """Items equal once stripped (or repeated in an old stored document) count once."""
    return list(dict.fromkeys(value))


UNIQUE_ITEMS: list[Any] = [BeforeValidator(_refuse_repeats), AfterValidator(_drop_repeats)]

# Validation context flag of artifact data read as part of a stored version: its bounds
# (the ``MAX_*`` above) are not checked again, so that nothing stored becomes unreadable;
# they are checked where data is made and where an agent builds on a stored version.
AS_WRITTEN = "asWritten"


def at_most(limit: int) -> list[Any]:
    """Metadata for a list field of artifact data: at most ``limit`` items when the data is
    made (and ``maxItems`` in its schema), any number when a stored version is read."""

    def check(value: list[T], info: ValidationInfo) -> list[T]:
        if len(value) > limit and not (info.context and info.context.get(AS_WRITTEN)):
            raise ValueError(f"List should have at most {limit} items, not {len(value)}")
        return value

    return [AfterValidator(check), Field(json_schema_extra={"maxItems": limit})]


class ArtifactType(str, Enum):
    """The three kinds of artifact a campaign produces."""

    COPY = "Copy"
    SHORT_COPY = "ShortCopy"
    VISUAL = "Visual"


ALL_ARTIFACT_TYPES: tuple[ArtifactType, ...] = (
    ArtifactType.COPY,
    ArtifactType.SHORT_COPY,
    ArtifactType.VISUAL,
)


class Platform(str, Enum):
    """Social platforms the short-copy agent writes for."""

    X = "X"
    INSTAGRAM = "Instagram"
    LINKEDIN = "LinkedIn"
    FACEBOOK = "Facebook"
    THREADS = "Threads"


DEFAULT_PLATFORMS: tuple[Platform, ...] = tuple(Platform)


class CampaignStatus(str, Enum):
    """Lifecycle of a campaign (SPEC.md section 2)."""

    GENERATING = "Generating"
    AUDITING = "Auditing"
    REGENERATING = "Regenerating"
    AWAITING_REVIEW = "AwaitingReview"
    NEEDS_ATTENTION = "NeedsAttention"
    REVISING = "Revising"
    APPROVED = "Approved"
    CANCELLED = "Cancelled"
    EXPIRED = "Expired"
    FAILED = "Failed"


TERMINAL_STATUSES = frozenset({CampaignStatus.APPROVED, CampaignStatus.CANCELLED, CampaignStatus.FAILED})
# States in which a person may ask for a revision.
REVISABLE_STATUSES = frozenset({CampaignStatus.AWAITING_REVIEW, CampaignStatus.NEEDS_ATTENTION, CampaignStatus.EXPIRED})


class Severity(str, Enum):
    LOW = "Low"
    MEDIUM = "Medium"
    HIGH = "High"
    CRITICAL = "Critical"


BLOCKING_SEVERITIES = frozenset({Severity.HIGH, Severity.CRITICAL})


class AuditStatus(str, Enum):
    PASS = "Pass"
    CONDITIONAL = "Conditional"
    FAIL = "Fail"


def audit_status_for(score: float) -> AuditStatus:
    """Pass above 80, Conditional 60-80, Fail below 60 (SPEC.md section 3)."""
    if score > 80:
        return AuditStatus.PASS
    if score >= 60:
        return AuditStatus.CONDITIONAL
    return AuditStatus.FAIL


# --------------------------------------------------------------------------- requests


class CampaignBrief(StrictRequest):
    """What a marketer asks for. Its text is user content: data, never instructions."""

    theme: LongText
    product: ShortText
    target_audience: LongText
    tone: ShortText
    constraints: Annotated[list[ListItem], *UNIQUE_ITEMS] = Field(
        default_factory=list, max_length=MAX_LIST, json_schema_extra={"uniqueItems": True}
    )
    name: ShortText | None = None
    platforms: Annotated[list[Platform], *UNIQUE_ITEMS] | None = Field(
        default=None, min_length=1, max_length=len(Platform), json_schema_extra={"uniqueItems": True}
    )
    evidence: Annotated[list[ListItem], *UNIQUE_ITEMS] = Field(
        default_factory=list, max_length=MAX_LIST, json_schema_extra={"uniqueItems": True}
    )
    brand_kit: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")] | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = "en"

    def requested_platforms(self) -> list[Platform]:
        """The platforms to write short copy for, each once, defaulting to all of them.

        Deduplicated here, where every writer asks, so that a repeated platform (from a
        brief stored before the API refused them, say) cannot multiply the posts."""
        return list(dict.fromkeys(self.platforms)) if self.platforms else list(DEFAULT_PLATFORMS)

    def display_name(self) -> str:
        return self.name or f"{self.product}: {self.theme}"[:SHORT_TEXT]


class RevisionRequest(StrictRequest):
    """A person's request for changes, in plain language."""

    feedback: Feedback
    specific_changes: Annotated[list[ListItem], *UNIQUE_ITEMS] = Field(
        default_factory=list, max_length=MAX_LIST, json_schema_extra={"uniqueItems": True}
    )
    artifact_types: Annotated[list[ArtifactType], *UNIQUE_ITEMS] | None = Field(
        default=None, min_length=1, max_length=3, json_schema_extra={"uniqueItems": True}
    )


class ApprovalRequest(StrictRequest):
    """Optional note a reviewer leaves with an approval."""

    comment: Comment | None = None


class CancelRequest(StrictRequest):
    """Cancel takes no fields; the body is there so that only JSON requests (which a
    cross-site form cannot send) change a campaign."""


# --------------------------------------------------------------------------- artifacts


class Usage(CamelModel):
    """What producing something cost: model calls, tokens, cache hits, time."""

    llm_calls: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cache_hits: int = 0
    elapsed_ms: float = 0.0

    def plus(self, other: Usage) -> Usage:
        return Usage(
            llm_calls=self.llm_calls + other.llm_calls,
            tokens_in=self.tokens_in + other.tokens_in,
            tokens_out=self.tokens_out + other.tokens_out,
            cache_hits=self.cache_hits + other.cache_hits,
            elapsed_ms=round(self.elapsed_ms + other.elapsed_ms, 3),
        )


class ArtifactMetadata(CamelModel):
    word_count: int = 0
    tone: str = ""
    keywords: list[str] = Field(default_factory=list)
    model: str | None = "offline"  # None: no model wrote it (a person's edit, see ``edited_by``)
    offline: bool = True
    prompt_version: str = ""
    tokens_in: int = 0
    tokens_out: int = 0
    latency_ms: float = 0.0
    cached: bool = False
    tries: int = 1
    fallback_used: bool = False
    notes: list[str] = Field(default_factory=list)
    edited_by: str | None = None  # the person whose edit this version is (marketing_agents/edits.py)

    @field_validator("keywords")
    @classmethod
    def _few_keywords(cls, keywords: list[str]) -> list[str]:
        return keywords[:MAX_KEYWORDS]

    @field_validator("notes")
    @classmethod
    def _few_notes(cls, notes: list[str]) -> list[str]:
        """Notes explain a version; past :data:`MAX_NOTES` they only bloat it, so the rest
        are counted, not kept."""
        if len(notes) <= MAX_NOTES:
            return notes
        return [*notes[: MAX_NOTES - 1], f"… and {len(notes) - MAX_NOTES + 1} more notes (left out)"]


class CopyData(CamelModel):
    """Long-form copy (SPEC.md section 2, step 4)."""

    headlines: Annotated[list[str], *at_most(MAX_COPY_ITEMS)] = Field(min_length=3)
    body_short: str
    body_medium: str
    body_long: str
    calls_to_action: Annotated[list[str], *at_most(MAX_COPY_ITEMS)] = Field(min_length=3)
    tone_summary: str
    keywords: Annotated[list[str], *at_most(MAX_KEYWORDS)] = Field(default_factory=list)


class ShortPost(CamelModel):
    platform: Platform
    text: str
    character_count: int
    limit: int
    over_limit: bool
    hashtags: list[str] = Field(default_factory=list)


class ShortCopyData(CamelModel):
    """At least three variants per requested platform, each measured the platform's way."""

    posts: Annotated[list[ShortPost], *at_most(MAX_SHORT_POSTS)]


class PosterConcept(CamelModel):
    headline: str
    subline: str
    call_to_action: str
    palette: list[str] = Field(min_length=2)
    layout: str
    mood: list[str] = Field(default_factory=list)
    style: list[str] = Field(default_factory=list)
    image_prompt: str
    alt_text: str


class VisualData(CamelModel):
    concepts: Annotated[list[PosterConcept], *at_most(MAX_CONCEPTS)] = Field(min_length=2)
    chosen_index: int = Field(default=0, ge=0)  # past the last concept means the last one
    svg_url: str | None = None
    png_url: str | None = None


ArtifactData = CopyData | ShortCopyData | VisualData
"""The structured content of an artifact version; which one is said by the version's ``type``."""

ARTIFACT_DATA: dict[ArtifactType, type[CopyData] | type[ShortCopyData] | type[VisualData]] = {
    ArtifactType.COPY: CopyData,
    ArtifactType.SHORT_COPY: ShortCopyData,
    ArtifactType.VISUAL: VisualData,
}


def _one_of(schema: dict[str, Any]) -> None:
    """The three data models have disjoint required fields, so exactly one matches."""
    if "anyOf" in schema:
        schema["oneOf"] = schema.pop("anyOf")


class ArtifactVersion(CamelModel):
    """One stored version of one artifact. ``data`` is the typed model for ``type`` (the
    stored JSON has no tag of its own: the version's ``type`` is the tag)."""

    id: str
    campaign_id: str
    type: ArtifactType
    version_number: int
    revision_number: int
    round: int
    content: str
    data: ArtifactData = Field(json_schema_extra=_one_of)
    metadata: ArtifactMetadata
    agent_name: str
    created_at: Timestamp
    audit_report_id: str | None = None
    doc_type: Literal["artifactVersion"] = "artifactVersion"

    @model_validator(mode="before")
    @classmethod
    def _data_of_its_type(cls, value: Any, info: ValidationInfo) -> Any:
        """Validate JSON ``data`` against the model its ``type`` names, as written (no
        bound re-checked), with errors located under ``data`` as pydantic would."""
        if not isinstance(value, dict):
            return value
        kind = value.get("type")
        data = value.get("data")
        if not isinstance(data, dict) or kind not in ArtifactType._value2member_map_:
            return value
        model = ARTIFACT_DATA[ArtifactType(kind)]
        try:
            typed = model.model_validate(data, context={**(info.context or {}), AS_WRITTEN: True})
        except ValidationError as error:
            details = [
                InitErrorDetails(type=e["type"], loc=("data", *e["loc"]), input=e["input"], ctx=e.get("ctx", {}))
                for e in error.errors()
            ]
            raise ValidationError.from_exception_data(cls.__name__, details) from None
        return {**value, "data": typed}

    @model_validator(mode="after")
    def _data_matches_type(self) -> ArtifactVersion:
        expected = ARTIFACT_DATA[self.type]
        if not isinstance(self.data, expected):
            raise ValueError(f"data of a {self.type.value} version must be {expected.__name__}")
        return self


# --------------------------------------------------------------------------- compliance


class Span(CamelModel):
    start: int
    end: int


class FixKind(str, Enum):
    """Machine-readable kinds of change the auditor asks for, so that even the offline
    agents can act on feedback precisely (model-backed agents also get the prose)."""

    REMOVE = "remove"  # drop ``target`` (the excerpt) wherever it appears
    REPLACE = "replace"  # put ``replacement`` where ``target`` is
    ADD = "add"  # the artifact must contain ``replacement`` (e.g. a required message)
    SHORTEN = "shorten"  # bring the field under ``max_length``
    QUALIFY = "qualify"  # keep ``target`` but add the qualifier ``replacement`` next to it
    REWRITE = "rewrite"  # anything else: the suggestion says what


class Fix(CamelModel):
    kind: FixKind
    target: str | None = None
    replacement: str | None = None
    max_length: int | None = None


class IssueCategory(str, Enum):
    """Where a finding comes from: law and regulators' guidance, the brand's own style,
    accessibility, a platform's limits, or the campaign's brief (its constraints)."""

    REGULATORY = "regulatory"
    BRAND = "brand"
    ACCESSIBILITY = "accessibility"
    PLATFORM = "platform"
    BRIEF = "brief"


class ComplianceIssue(CamelModel):
    rule_id: str
    artifact_type: ArtifactType
    artifact_version_id: str
    field: str
    span: Span | None = None
    excerpt: str = ""
    issue_description: str
    severity: Severity
    suggestion: str = ""
    source: str = ""
    fix: Fix | None = None
    # What kind of rule found it, from the rule's pack (compliance/findings.issue_category):
    # regulatory findings are told apart from brand style advice by this.
    category: IssueCategory | None = None
    # The text to put at ``span`` when the fix is mechanical (a preferred term, the product
    # name's capitalisation, a banned word removed, a disclosure such as "#ad" added), so a
    # client can offer "apply fix"; absent when only a writer can repair the finding.
    replacement: str | None = None


class CategoryScores(CamelModel):
    tone: float = 100.0
    clarity: float = 100.0
    regulatory: float = 100.0
    accessibility: float = 100.0
    risk: float = 100.0


class RulePackRef(CamelModel):
    id: str
    version: str


class AuditReport(CamelModel):
    id: str
    campaign_id: str
    revision_number: int
    round: int
    is_compliant: bool
    compliance_score: float
    status: AuditStatus
    category_scores: CategoryScores
    issues: list[ComplianceIssue] = Field(default_factory=list)
    # Findings found but not listed (the report keeps the most severe of each artifact's).
    issues_omitted: int = 0
    feedback: str = ""
    feedback_by_type: dict[ArtifactType, str] = Field(default_factory=dict)
    rule_packs: list[RulePackRef] = Field(default_factory=list)
    checked_by: list[str] = Field(default_factory=list)
    not_checked: list[str] = Field(default_factory=list)
    artifact_version_ids: dict[ArtifactType, str] = Field(default_factory=dict)
    # 0 for the audits of a generation round; n for the audit of the campaign's n-th edit.
    edit_number: int = 0
    created_at: Timestamp
    doc_type: Literal["auditReport"] = "auditReport"

    def types_with_findings(self) -> list[ArtifactType]:
        """Artifact types that have at least one finding, in canonical order."""
        found = {issue.artifact_type for issue in self.issues}
        return [t for t in ALL_ARTIFACT_TYPES if t in found]

    def has_blocking_findings(self) -> bool:
        return any(issue.severity in BLOCKING_SEVERITIES for issue in self.issues)


# --------------------------------------------------------------------------- campaign


class Approval(CamelModel):
    approved_by: str
    approved_at: Timestamp
    approved_version_ids: dict[ArtifactType, str]
    audit_report_id: str | None
    compliance_score: float | None
    comment: str | None = None


class AuditSummary(CamelModel):
    """The latest report's verdict, kept on the campaign document so that a list of
    campaigns shows each one's score and band without reading its reports."""

    report_id: str
    compliance_score: float
    status: AuditStatus


class Campaign(CamelModel):
    id: str
    name: str
    brief: CampaignBrief
    status: CampaignStatus
    revision_number: int = 0
    round: int = 0
    edit_number: int = 0  # how many edits people have saved (each answers its own review event)
    active_version_ids: dict[ArtifactType, str] = Field(default_factory=dict)
    latest_audit_report_id: str | None = None
    latest_audit: AuditSummary | None = None  # that report's score and band
    owner: str
    created_at: Timestamp
    updated_at: Timestamp
    approval: Approval | None = None
    usage: Usage = Field(default_factory=Usage)
    status_reason: str | None = None
    review_deadline: Timestamp | None = None
    doc_type: Literal["campaign"] = "campaign"


class Revision(CamelModel):
    id: str
    campaign_id: str
    revision_number: int
    user_feedback: str
    specific_changes: list[str] = Field(default_factory=list)
    artifact_types: list[ArtifactType] = Field(default_factory=list)
    requested_by: str
    created_at: Timestamp
    doc_type: Literal["revision"] = "revision"


class CampaignEvent(CamelModel):
    """One server-to-client event: the envelope of SPEC.md section 4 plus its payload.

    ``sequence`` increases per campaign and ``event_id`` is derived from it, so a client
    drops duplicates by id and restores order by sequence.
    """

    id: str
    event_id: str
    campaign_id: str
    sequence: int
    type: str
    timestamp: Timestamp
    payload: dict[str, Any] = Field(default_factory=dict)
    doc_type: Literal["event"] = "event"


class CampaignSnapshot(CamelModel):
    """What ``GET /campaigns/{id}`` returns: the campaign, its active versions, their audits."""

    campaign: Campaign
    artifacts: dict[ArtifactType, ArtifactVersion]
    audit_reports: dict[str, AuditReport]
    # The campaign's current revision (None before the first): while it runs, its
    # artifact_types say which agents are rewriting, so a client need not assume all are.
    revision: Revision | None = None
