"""The rule format: what a rule pack (a versioned YAML file) may say.

Rules are data, not code, so that a brand or legal reviewer can read and change them and
so that every finding can name the rule, the guideline it comes from and its version.
Each rule has an ``id``, a ``message`` (what is wrong), a ``severity``, a ``suggestion``
(what to do), a ``scope`` (which artifact types, fields and platforms it reads) and a
``source``. The ``kind`` says how the rule is checked; the checks live in
:mod:`.checks`, :mod:`.claims` and :mod:`.accessibility`.
"""

from __future__ import annotations

import re
from enum import Enum
from fnmatch import translate
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import ArtifactType, FixKind, Severity

_INDEX = re.compile(r"\[\d+\]")

# Fields the agents use for themselves (keywords, image prompts, layout notes): rules read
# only what a customer sees unless a rule names these fields explicitly.
PUBLIC_FIELDS = (
    "headlines[*]",
    "bodyShort",
    "bodyMedium",
    "bodyLong",
    "callsToAction[*]",
    "posts[*].text",
    "concepts[*].headline",
    "concepts[*].subline",
    "concepts[*].callToAction",
    "concepts[*].altText",
)


class Category(str, Enum):
    """The five category scores of an audit report (SPEC.md section 3)."""

    TONE = "tone"
    CLARITY = "clarity"
    REGULATORY = "regulatory"
    ACCESSIBILITY = "accessibility"
    RISK = "risk"


class RuleModel(BaseModel):
    """Base of rule-file models: snake_case keys, unknown keys are an error (a typo in a
    pack must fail loudly, not switch a rule off)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Scope(RuleModel):
    """Which texts a rule reads: artifact types, field path patterns (``*`` for any list
    index, e.g. ``posts[*].text``) and, for short posts, platforms."""

    types: list[ArtifactType] | None = None
    fields: list[str] = Field(default_factory=lambda: list(PUBLIC_FIELDS))
    platforms: list[str] | None = None

    def covers(self, artifact_type: ArtifactType, path: str, platform: str | None) -> bool:
        """Whether the field at ``path`` (``posts[2].text``) is in scope."""
        if self.types is not None and artifact_type not in self.types:
            return False
        if self.platforms is not None and (platform is None or platform not in self.platforms):
            return False
        return bool(_fields_regex(tuple(self.fields)).match(path_shape(path)))


def path_shape(path: str) -> str:
    """``posts[2].text`` → ``posts.#.text``: the form scope patterns are matched against."""
    return _INDEX.sub(".#", path)


@lru_cache(maxsize=512)
def _fields_regex(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{translate(p.replace('[*]', '.#'))})" for p in patterns) or "(?!)")


class FixSpec(RuleModel):
    """How an agent repairs a finding; turned into the report's machine-readable ``fix``.

    ``qualify_from_evidence`` lists words: the first evidence item containing one becomes
    the qualifier, so a generic claim is tied to the brief's own facts; with no such item
    the fix falls back to ``fallback`` (normally ``remove``).
    """

    kind: FixKind
    replacement: str | None = None
    qualify_from_evidence: list[str] = Field(default_factory=list)
    fallback: FixKind | None = None


class BaseRule(RuleModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{1,80}$")
    message: str
    severity: Severity
    suggestion: str = ""
    source: str = ""
    category: Category = Category.REGULATORY
    scope: Scope = Field(default_factory=Scope)
    fix: FixSpec | None = None


class ExistenceRule(BaseRule):
    """Banned terms or patterns. ``exceptions`` are patterns that, when they cover the
    match, make it acceptable ("plastic-free" may be fine where "plastic" is banned);
    ``unless`` patterns found in the same sentence qualify the claim ("recyclable where
    facilities exist"); ``unless_evidence`` patterns found in the brief's evidence make
    the claim substantiated."""

    kind: Literal["existence"]
    terms: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    stems: bool = False
    exceptions: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    unless_evidence: list[str] = Field(default_factory=list)


class SubstitutionRule(BaseRule):
    """Preferred terms: each key found is replaced by its value."""

    kind: Literal["substitution"]
    swap: dict[str, str]


class RequiredRule(BaseRule):
    """Something that must appear: ``per: artifact`` in every artifact in scope, or
    ``per: campaign`` somewhere in the campaign. Any of ``terms``/``patterns`` satisfies
    it, or all of ``all_terms`` together. ``add`` is the text an agent adds."""

    kind: Literal["required"]
    terms: list[str] = Field(default_factory=list)
    all_terms: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    stems: bool = True
    per: Literal["artifact", "campaign"] = "artifact"
    add: str


class ConditionalRule(BaseRule):
    """If a trigger appears, something else must appear ``within`` the same sentence,
    field or artifact (a recyclable claim needs its qualifier)."""

    kind: Literal["conditional"]
    if_terms: list[str] = Field(default_factory=list)
    if_patterns: list[str] = Field(default_factory=list)
    then_terms: list[str] = Field(default_factory=list)
    then_patterns: list[str] = Field(default_factory=list)
    within: Literal["sentence", "field", "artifact"] = "sentence"
    unless_evidence: list[str] = Field(default_factory=list)


class LimitRule(BaseRule):
    """Length or occurrence limits. ``measure``: ``chars``, ``words``, ``platform`` (the
    platform's own counting, e.g. X weighted length), ``hashtags``, or ``occurrences`` of
    ``pattern``."""

    kind: Literal["limit"]
    measure: Literal["chars", "words", "platform", "hashtags", "occurrences"]
    max: int | None = None
    pattern: str | None = None


class CapitalizationRule(BaseRule):
    """Names written exactly as the brand writes them (the brief's product is added)."""

    kind: Literal["capitalization"]
    names: list[str] = Field(default_factory=list)


class MetricRule(BaseRule):
    """A readability metric computed with ``textstat`` must stay within ``max``."""

    kind: Literal["metric"]
    metric: Literal["flesch_kincaid_grade", "gunning_fog", "smog_index"] = "flesch_kincaid_grade"
    max: float
    min_words: int = 25


class ClaimRule(BaseRule):
    """Claims (numbers, superlatives, comparisons, proof words) need brief evidence."""

    kind: Literal["claim"]
    claim: Literal["number", "superlative", "comparison", "proof"]


class AltTextRule(BaseRule):
    """Poster alt text must exist and describe the poster."""

    kind: Literal["alt_text"]
    min_words: int = 5


class ContrastRule(BaseRule):
    """Poster text against its background must meet a WCAG contrast ratio."""

    kind: Literal["contrast"]
    min_ratio: float = 4.5


Rule = Annotated[
    ExistenceRule
    | SubstitutionRule
    | RequiredRule
    | ConditionalRule
    | LimitRule
    | CapitalizationRule
    | MetricRule
    | ClaimRule
    | AltTextRule
    | ContrastRule,
    Field(discriminator="kind"),
]
