"""From findings to scores: category scores by severity, one overall score, a status.

Each finding costs its category points by severity (Low 3, Medium 10, High 25,
Critical 40); a category never drops below 0. The overall score is the mean of the
categories' weighted average and the weakest category (so that many findings of one
kind sink the score instead of costing one category's weight at most), capped just below
the pass line while a blocking finding is open (79 for High, 59 for Critical) so that a
report never says "Pass" while it is not compliant.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import AuditStatus, CategoryScores, ComplianceIssue, Severity, audit_status_for

PENALTY = {Severity.LOW: 3.0, Severity.MEDIUM: 10.0, Severity.HIGH: 25.0, Severity.CRITICAL: 40.0}
WEIGHTS = {"tone": 0.10, "clarity": 0.20, "regulatory": 0.30, "accessibility": 0.15, "risk": 0.25}
CAP = {Severity.HIGH: 79.0, Severity.CRITICAL: 59.0}
CATEGORIES = tuple(WEIGHTS)


def category_scores(findings: Iterable[tuple[ComplianceIssue, str]]) -> CategoryScores:
    """Scores per category from (finding, category) pairs."""
    lost = dict.fromkeys(CATEGORIES, 0.0)
    for issue, category in findings:
        if category not in lost:
            raise ValueError(f"unknown category {category!r}")
        lost[category] += PENALTY[issue.severity]
    return CategoryScores(**{c: max(0.0, 100.0 - lost[c]) for c in CATEGORIES})


def overall_score(scores: CategoryScores, issues: Iterable[ComplianceIssue]) -> float:
    values = {c: float(getattr(scores, c)) for c in CATEGORIES}
    value = (sum(values[c] * w for c, w in WEIGHTS.items()) + min(values.values())) / 2
    for issue in issues:
        value = min(value, CAP.get(issue.severity, 100.0))
    return round(value, 1)


def is_compliant(score: float, issues: Iterable[ComplianceIssue], threshold: float) -> bool:
    return score >= threshold and not any(i.severity in CAP for i in issues)


def summarize(
    findings: list[tuple[ComplianceIssue, str]], threshold: float
) -> tuple[CategoryScores, float, AuditStatus, bool]:
    """Category scores, overall score, status and compliance for a list of findings."""
    issues = [i for i, _ in findings]
    scores = category_scores(findings)
    score = overall_score(scores, issues)
    return scores, score, audit_status_for(score), is_compliant(score, issues, threshold)
