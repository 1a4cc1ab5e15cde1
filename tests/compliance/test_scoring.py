"""Scoring: category scores sink with findings, and the overall score stays below a
pass while a blocking finding is open."""

from __future__ import annotations

from marketing_agents.compliance.scoring import category_scores, overall_score
from marketing_agents.models import ArtifactType, ComplianceIssue, Severity


def finding(severity: Severity) -> ComplianceIssue:
    return ComplianceIssue(
        rule_id="r",
        artifact_type=ArtifactType.COPY,
        artifact_version_id="v",
        field="f",
        issue_description="d",
        severity=severity,
    )


def test_scores_sink_with_findings_and_cap_below_pass_while_blocking() -> None:
    one_high = [(finding(Severity.HIGH), "regulatory")]
    scores = category_scores(one_high)
    assert scores.regulatory == 75 and scores.tone == 100
    assert overall_score(scores, [i for i, _ in one_high]) == 79
    many = [(finding(Severity.HIGH), "regulatory")] * 8
    assert overall_score(category_scores(many), [i for i, _ in many]) < 60
    low = [(finding(Severity.LOW), "clarity")]
    assert 80 < overall_score(category_scores(low), [i for i, _ in low]) < 100
