"""The rule format: what a rule pack (a versioned YAML file) may say.

Rules are data, not code, so that a brand or legal reviewer can read and change them and
so that every finding can name the rule, the guideline it comes from and its version.
Each rule has an ``id``, a ``message`` (what is wrong), a ``severity``, a ``suggestion``
(what to do), a ``scope`` (which artifact types, fields and platforms it reads) and a
``source``. The ``kind`` says how the rule is checked: each kind is one class, a
:class:`BaseRule` that holds the kind's settings and its ``check`` (the text kinds in
:mod:`.checks`, claims in :mod:`.claims`, poster accessibility in :mod:`.accessibility`),
listed once in the pack format's union, :data:`.kinds.Rule`.
"""

from __future__ import annotations

import re
from enum import Enum
from fnmatch import translate
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..models import ArtifactType, FixKind, Severity

if TYPE_CHECKING:
    from .findings import Finding, RuleContext

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
    # The fix needs no judgement (removing a banned word, adding "#ad" or a standard
    # qualifier): the finding then carries the span's ``replacement``. ``place`` says where
    # a qualifier goes: "#ad" before the words, "where facilities exist" after them.
    mechanical: bool = False
    place: Literal["before", "after"] = "after"


class BaseRule(RuleModel):
    """What every rule says, whatever its kind. A kind subclasses this with its own
    ``kind: Literal[...]`` tag, its settings and :meth:`check` (in the manner of a
    pydantic_evals evaluator: typed settings, and an outcome with its reason)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{1,80}$")
    message: str
    severity: Severity
    suggestion: str = ""
    source: str = ""
    category: Category = Category.REGULATORY
    scope: Scope = Field(default_factory=Scope)
    fix: FixSpec | None = None

    def check(self, context: RuleContext) -> list[Finding]:
        """This rule's findings in ``context``; each finding's description is its reason."""
        raise NotImplementedError(f"{type(self).__name__} has no check")
