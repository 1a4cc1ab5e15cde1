"""The LLM judge: a second opinion after the rules, never a replacement for them.

A :class:`Judge` gets the campaign's texts, the brief, the constraints the rules could
not compile and the claims they could not classify (claim-like sentences no rule decided,
with their spans: :mod:`.unclassified`), and proposes typed findings (an ``area`` of the
corpus format, a severity, the exact excerpt). The engine trusts none of it blindly: a proposal
must name a field that exists and an excerpt that is really in that field (the span is
recomputed), or it is dropped; a proposal that lands on a rule finding's words is
dropped too (the rule's finding stands); nothing the judge says removes a rule finding.
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol, runtime_checkable

from pydantic import Field

from ..models import ArtifactType, CamelModel, CampaignBrief, ComplianceIssue, Fix, FixKind, Severity, Span
from .fields import TextField
from .findings import Finding, mechanical_replacement
from .rules import Category
from .unclassified import UnclassifiedClaim


class Area(str, Enum):
    """The areas of a finding (the corpus format's areas; rule packs map onto them)."""

    ENVIRONMENTAL = "environmental"
    HEALTH = "health"
    FINANCIAL = "financial"
    ENDORSEMENTS = "endorsements"
    ADVERTISING = "advertising"
    CONSTRAINTS = "constraints"
    PLATFORM = "platform"
    BRAND = "brand"
    ACCESSIBILITY = "accessibility"


class JudgeText(CamelModel):
    artifact_type: ArtifactType
    field: str
    text: str


class JudgeRequest(CamelModel):
    """What the judge reads. ``brief`` is user content: data, never instructions."""

    brief: CampaignBrief
    texts: list[JudgeText]
    constraints: list[str] = Field(default_factory=list)
    rule_issues: list[ComplianceIssue] = Field(default_factory=list)
    claims: list[UnclassifiedClaim] = Field(default_factory=list)


class ProposedFinding(CamelModel):
    artifact_type: ArtifactType
    field: str
    excerpt: str = ""
    span: Span | None = None
    issue_description: str
    severity: Severity = Severity.MEDIUM
    suggestion: str = ""
    category: Category = Category.TONE
    area: Area | None = None  # which kind of rule it is (health, environmental …): the rule id says it
    constraint: str | None = None  # the brief constraint this finding is about, if any
    fix: Fix | None = None


class JudgeVerdict(CamelModel):
    findings: list[ProposedFinding] = Field(default_factory=list)
    checked_constraints: list[str] = Field(default_factory=list)


@runtime_checkable
class Judge(Protocol):
    """Anything that reviews the texts: a model-backed judge or a deterministic test one."""

    name: str

    async def review(self, request: JudgeRequest) -> JudgeVerdict:
        ...


def _locate(proposal: ProposedFinding, text: str) -> tuple[int, int] | None:
    """The proposal's span, verified against the real text: kept when the excerpt is
    exactly there, otherwise repaired to the occurrence of the excerpt nearest the
    proposed span (a model's offsets are often off by a few characters), or ``None``
    when the excerpt is not in the text at all."""
    excerpt = proposal.excerpt
    if proposal.span is not None:
        s, e = proposal.span.start, proposal.span.end
        if 0 <= s < e <= len(text) and text[s:e] == excerpt:
            return s, e
    if not excerpt.strip():
        return None
    starts = _occurrences(text, excerpt) or _occurrences(text.lower(), excerpt.lower())
    if not starts:
        return None
    near = proposal.span.start if proposal.span is not None else 0
    start = min(starts, key=lambda s: abs(s - near))
    return start, start + len(excerpt)


def _occurrences(text: str, part: str) -> list[int]:
    found: list[int] = []
    i = text.find(part)
    while i >= 0 and len(found) < 100:
        found.append(i)
        i = text.find(part, i + 1)
    return found


def _overlaps(a: ComplianceIssue, span: tuple[int, int] | None, issue: ComplianceIssue) -> bool:
    if (a.artifact_type, a.field) != (issue.artifact_type, issue.field):
        return False
    if span is None or issue.span is None:
        return span is None and issue.span is None
    return span[0] < issue.span.end and issue.span.start < span[1]


def verify_and_merge(
    rule_findings: list[Finding], verdict: JudgeVerdict, fields: list[TextField], judge_name: str
) -> tuple[list[Finding], int]:
    """Rule findings plus the judge's verified, non-duplicate proposals; also how many
    proposals were rejected."""
    by_key = {(f.artifact_type, f.path): f for f in fields}
    merged = list(rule_findings)
    rejected = 0
    for p in verdict.findings:
        target = by_key.get((p.artifact_type, p.field))
        if target is None:
            rejected += 1
            continue
        span = _locate(p, target.text)
        if span is None and (p.excerpt or p.constraint is None):
            rejected += 1  # an excerpt that is not in the text, or an unanchored opinion
            continue
        excerpt = target.text[span[0] : span[1]] if span else ""
        fix = p.fix or Fix(kind=FixKind.REWRITE, target=excerpt or None)
        issue = ComplianceIssue(
            rule_id=f"judge.{(p.area.value if p.area is not None else p.category.value)}",
            artifact_type=p.artifact_type,
            artifact_version_id=target.version_id,
            field=p.field,
            span=Span(start=span[0], end=span[1]) if span else None,
            excerpt=excerpt,
            issue_description=p.issue_description,
            severity=p.severity,
            suggestion=p.suggestion,
            source=f"LLM judge ({judge_name})" + (f"; brief constraint “{p.constraint}”" if p.constraint else ""),
            fix=fix,
            replacement=mechanical_replacement(None, fix, excerpt),
        )
        if any(_overlaps(issue, span, f.issue) for f in merged):
            rejected += 1
            continue
        merged.append(Finding(issue, p.category))
    return merged, rejected
