"""What a check returns, and what it needs to know about the campaign.

Every rule kind's ``check(context) -> list[Finding]`` has the shape of a pydantic_evals
evaluator: typed settings on the rule, an outcome (the findings) and a reason (each
finding's description). A finding is the report's :class:`ComplianceIssue` plus the category whose
score it lowers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import ArtifactType, ComplianceIssue, Fix, FixKind, IssueCategory, Span
from .base import ArtifactLayout
from .fields import TextField
from .matching import any_pattern, viable
from .rules import BaseRule, Category, FixSpec


@dataclass(frozen=True)
class Finding:
    issue: ComplianceIssue
    category: Category


# A pack's kind says what its findings are; the judge's findings (no pack) are placed
# by the score they lower. The one place a finding's category is decided.
PACK_KIND_CATEGORY = {
    "regulatory": IssueCategory.REGULATORY,
    "brand-kit": IssueCategory.BRAND,
    "accessibility": IssueCategory.ACCESSIBILITY,
    "platform": IssueCategory.PLATFORM,
    "brief": IssueCategory.BRIEF,
}
SCORE_CATEGORY = {
    Category.REGULATORY: IssueCategory.REGULATORY,
    Category.RISK: IssueCategory.REGULATORY,
    Category.ACCESSIBILITY: IssueCategory.ACCESSIBILITY,
    Category.TONE: IssueCategory.BRAND,
    Category.CLARITY: IssueCategory.BRAND,
}


def issue_category(pack_kind: str | None, score: Category) -> IssueCategory:
    """What kind of finding this is: from the kind of its rule's pack, else (a judge's
    finding) from the category score it lowers."""
    found = PACK_KIND_CATEGORY.get(pack_kind) if pack_kind else None
    return found or SCORE_CATEGORY.get(score, IssueCategory.BRAND)


def with_category(finding: Finding, pack_kind: str | None) -> Finding:
    """The finding with its issue's ``category`` set (kept if already set)."""
    if finding.issue.category is not None:
        return finding
    issue = finding.issue.model_copy(update={"category": issue_category(pack_kind, finding.category)})
    return Finding(issue, finding.category)


def _scope_key(rule: BaseRule) -> tuple[object, ...]:
    scope = rule.scope
    return (tuple(scope.types) if scope.types is not None else None, tuple(scope.fields),
            tuple(scope.platforms) if scope.platforms is not None else None)


@dataclass
class RuleContext:
    """The campaign as the checks see it: flattened fields, evidence, names."""

    artifacts: dict[ArtifactType, ArtifactLayout]
    fields: dict[ArtifactType, list[TextField]]
    evidence: list[str]
    product_names: list[str] = field(default_factory=list)
    audience: str = ""  # the brief's target audience: naming it ("for eco-conscious hikers") claims nothing
    _scoped: dict[tuple[object, ...], list[TextField]] = field(default_factory=dict, repr=False)
    _scoped_text: dict[tuple[object, ...], str] = field(default_factory=dict, repr=False)
    _campaign_text: str | None = field(default=None, repr=False)
    _campaign_lowered: str = field(default="", repr=False)

    def in_scope(self, rule: BaseRule) -> list[TextField]:
        """The fields ``rule`` reads. Most rules share a handful of scopes, so each distinct
        scope is resolved once per audit (not once per rule: ~60 rules × every field)."""
        scope, key = rule.scope, _scope_key(rule)
        found = self._scoped.get(key)
        if found is None:
            found = [
                f
                for fields in self.fields.values()
                for f in fields
                if scope.covers(f.artifact_type, f.path, f.platform)
            ]
            self._scoped[key] = found
        return found

    def scope_text(self, rule: BaseRule) -> str:
        """Every field ``rule`` reads, lower-cased and joined (once per scope per audit): what
        :func:`~.matching.viable` tests a rule's needles against before any field is read."""
        key = _scope_key(rule)
        text = self._scoped_text.get(key)
        if text is None:
            text = self._scoped_text[key] = "\n".join(f.text for f in self.in_scope(rule)).lower()
        return text

    def viable(self, rule: BaseRule, terms: Sequence[str], patterns: Sequence[str],
               stems: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ``terms`` and ``patterns`` of ``rule`` that can match one of its fields."""
        return viable(self.scope_text(rule), terms, patterns, stems)

    def campaign_names(self, patterns: list[str]) -> bool:
        """Whether the product's names, the evidence or any field matches one of ``patterns``
        (one search per pattern over the campaign's text, joined once per audit)."""
        if self._campaign_text is None:
            texts = [*self.product_names, *self.evidence, *(f.text for fs in self.fields.values() for f in fs)]
            self._campaign_text = "\n".join(texts)
            self._campaign_lowered = self._campaign_text.lower()
        live = viable(self._campaign_lowered, (), patterns)[1]  # the needle test first: most campaigns hold none
        return any_pattern(self._campaign_text, list(live))

    def evidence_matches(self, patterns: list[str]) -> bool:
        return bool(patterns) and any(any_pattern(item, patterns) for item in self.evidence)

    def evidence_with(self, words: list[str]) -> str | None:
        """The first evidence item mentioning one of ``words`` (a ready-made qualifier)."""
        for item in self.evidence:
            lowered = item.lower()
            if any(w.lower() in lowered for w in words):
                return item.strip().rstrip(".")
        return None


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> set[str]:
    """The numbers in ``text``, normalised (``1,204`` → ``1204``)."""
    return {m.group(0).replace(",", "") for m in _FIGURE.finditer(text)}


# A price cut ("up to 50% off", "40 percent off"): a figure about the price, which qualifies
# no other claim in its sentence.
_DISCOUNT = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)?\s?(?:%|percent|per cent)\s+off\b", re.IGNORECASE)


def evidenced_number(sentence: str, evidence: list[str]) -> bool:
    """Whether ``sentence`` states a figure (not a year, not a discount) that an evidence item
    states too: the specific, substantiated qualifier that makes a general claim acceptable.
    A discount is left out: "planet-friendly fabrics, up to 50% off" under "reductions 20% to
    50%" substantiates the price, not the fabrics."""
    sentence = _DISCOUNT.sub(" ", sentence)
    stated = {n for n in figures(sentence) if not (len(n) == 4 and n[:2] in ("19", "20"))}
    return bool(stated) and any(stated & figures(item) for item in evidence)


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def names_audience(excerpt: str, audience: str) -> bool:
    """Whether ``excerpt`` ("eco-conscious", "#EcoConscious") is a word of the brief's target
    audience ("Eco-conscious millennials"): the copy addressing its audience, not a claim."""
    key = _letters(excerpt)
    return len(key) >= 5 and key in _letters(audience)


def build_fix(
    spec: FixSpec | None, excerpt: str, context: RuleContext, default: FixKind, field_text: str = ""
) -> Fix:
    """Turn a rule's fix spec into the report's fix for one excerpt.

    A qualifier that the field already states somewhere else evidently does not qualify
    this claim (it is not next to it), and an agent that sees the qualifier present would
    do nothing; so the fix becomes removing the claim, which always converges.
    """
    if spec is None:
        return Fix(kind=default, target=excerpt or None)
    kind, replacement = spec.kind, spec.replacement
    if spec.qualify_from_evidence:
        found = context.evidence_with(spec.qualify_from_evidence)
        if found is not None:
            replacement = found[:1].lower() + found[1:] if not found[:2].isupper() else found
        elif spec.fallback is not None:
            kind, replacement = spec.fallback, None
        else:
            kind = FixKind.REMOVE
    if kind is FixKind.QUALIFY and replacement and replacement.lower() in field_text.lower():
        kind, replacement = FixKind.REMOVE, None
    return Fix(kind=kind, target=excerpt or None, replacement=replacement)


def make_finding(
    rule: BaseRule,
    text_field: TextField,
    span: tuple[int, int] | None,
    fix: Fix | None,
    description: str | None = None,
    field_path: str | None = None,
) -> Finding:
    """A finding at ``span`` of ``text_field`` (``excerpt`` is exactly the spanned text)."""
    excerpt = text_field.text[span[0] : span[1]] if span else ""
    replacement = mechanical_replacement(rule.fix, fix, excerpt) if span else None
    issue = ComplianceIssue(
        rule_id=rule.id,
        artifact_type=text_field.artifact_type,
        artifact_version_id=text_field.version_id,
        field=field_path or text_field.path,
        span=Span(start=span[0], end=span[1]) if span else None,
        excerpt=excerpt,
        issue_description=description or rule.message,
        severity=rule.severity,
        suggestion=rule.suggestion,
        source=rule.source,
        fix=fix,
        replacement=replacement,
    )
    return Finding(issue, rule.category)


def mechanical_replacement(spec: FixSpec | None, fix: Fix | None, excerpt: str) -> str | None:
    """The text for the finding's span when applying the fix needs no judgement: a
    replacement term (always mechanical), or a removal or fixed qualifier the rule marks
    ``mechanical``. A qualifier taken from the evidence, a rewrite or a shortening is a
    writer's job, so those findings carry none."""
    if fix is None or not excerpt:
        return None
    if fix.kind is FixKind.REPLACE and fix.replacement is not None:
        return fix.replacement
    if spec is None or not spec.mechanical or fix.kind is not spec.kind:
        return None
    if fix.kind is FixKind.REMOVE:
        return ""
    if fix.kind is FixKind.QUALIFY and fix.replacement and not spec.qualify_from_evidence:
        return f"{fix.replacement} {excerpt}" if spec.place == "before" else f"{excerpt} {fix.replacement}"
    return None


def quoted(excerpt: str, limit: int = 60) -> str:
    short = excerpt if len(excerpt) <= limit else excerpt[: limit - 1] + "…"
    return f"“{short}”"
