"""What a check returns, and what it needs to know about the campaign.

Every rule kind's ``check(context) -> list[Finding]`` has the shape of a pydantic_evals
evaluator: typed settings on the rule, an outcome (the findings) and a reason (each
finding's description). A finding is the report's :class:`ComplianceIssue` plus the category whose
score it lowers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import ArtifactType, ComplianceIssue, Fix, FixKind, IssueCategory, Span
from .base import ArtifactLayout
from .fields import TextField
from .matching import any_pattern
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


@dataclass
class RuleContext:
    """The campaign as the checks see it: flattened fields, evidence, names."""

    artifacts: dict[ArtifactType, ArtifactLayout]
    fields: dict[ArtifactType, list[TextField]]
    evidence: list[str]
    product_names: list[str] = field(default_factory=list)

    def in_scope(self, rule: BaseRule) -> list[TextField]:
        return [
            f
            for fields in self.fields.values()
            for f in fields
            if rule.scope.covers(f.artifact_type, f.path, f.platform)
        ]

    def evidence_matches(self, patterns: list[str]) -> bool:
        return bool(patterns) and any(any_pattern(item, patterns) for item in self.evidence)

    def evidence_with(self, words: list[str]) -> str | None:
        """The first evidence item mentioning one of ``words`` (a ready-made qualifier)."""
        for item in self.evidence:
            lowered = item.lower()
            if any(w.lower() in lowered for w in words):
                return item.strip().rstrip(".")
        return None


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
    )
    return Finding(issue, rule.category)


def quoted(excerpt: str, limit: int = 60) -> str:
    short = excerpt if len(excerpt) <= limit else excerpt[: limit - 1] + "…"
    return f"“{short}”"
