"""The LLM judge seam, with a deterministic in-test judge: proposals are verified against
the text, duplicates of rule findings are dropped, rule findings are never removed, and
constraints the judge checked leave the "not checked" list."""

from __future__ import annotations

from helpers import audit, brief, copy, learned_checker, rule_ids

from marketing_agents.compliance.judge import Judge, JudgeRequest, JudgeVerdict, ProposedFinding
from marketing_agents.models import ArtifactType, Severity, Span


class ScriptedJudge:
    """Returns the proposals it was given and remembers what it was asked."""

    name = "scripted-judge"

    def __init__(self, proposals: list[ProposedFinding], checked: list[str] | None = None) -> None:
        self.proposals = proposals
        self.checked = checked
        self.requests: list[JudgeRequest] = []

    async def review(self, request: JudgeRequest) -> JudgeVerdict:
        self.requests.append(request)
        checked = request.constraints if self.checked is None else self.checked
        return JudgeVerdict(findings=self.proposals, checked_constraints=checked)


class FailingJudge:
    name = "broken-judge"

    async def review(self, request: JudgeRequest) -> JudgeVerdict:
        raise TimeoutError("model did not answer")


BODY = "Recycle it. The best bottle for a gloomy, dull summer."


def proposal(**kw: object) -> ProposedFinding:
    values: dict[str, object] = {
        "artifact_type": ArtifactType.COPY, "field": "bodyLong", "excerpt": "gloomy, dull",
        "issue_description": "Not inspiring", "severity": Severity.MEDIUM, "constraint": "Keep it playful",
    }
    values.update(kw)
    return ProposedFinding.model_validate(values)


def test_scripted_judge_satisfies_the_protocol() -> None:
    assert isinstance(ScriptedJudge([]), Judge)


def test_verified_finding_is_added_with_exact_span_and_constraint_is_checked() -> None:
    judge = ScriptedJudge([proposal()])
    b = brief(constraints=["Must include recycling message", "Keep it playful"])
    report = audit(copy(bodyLong=BODY), the_brief=b, judge=judge)
    judged = [i for i in report.issues if i.rule_id.startswith("judge.")]
    assert len(judged) == 1
    issue = judged[0]
    assert issue.span is not None and BODY[issue.span.start : issue.span.end] == "gloomy, dull"
    assert "Keep it playful" in issue.source
    assert report.not_checked == []
    assert report.checked_by == ["rules", learned_checker(), "judge:scripted-judge"]
    assert judge.requests[0].constraints == ["Keep it playful"]
    assert any(t.field == "bodyLong" and t.text == BODY for t in judge.requests[0].texts)


def test_invented_excerpts_wrong_spans_and_unknown_fields_are_rejected() -> None:
    judge = ScriptedJudge([
        proposal(excerpt="not in the text"),
        proposal(field="bodyHuge"),
        proposal(excerpt="dull", span=Span(start=0, end=4)),  # wrong span: relocated from the excerpt
        proposal(excerpt="", constraint=None),  # an unanchored opinion
    ])
    report = audit(copy(bodyLong=BODY), judge=judge)
    judged = [i for i in report.issues if i.rule_id.startswith("judge.")]
    assert [i.excerpt for i in judged] == ["dull"]
    assert judged[0].span is not None and BODY[judged[0].span.start : judged[0].span.end] == "dull"


def test_judge_cannot_remove_or_duplicate_rule_findings() -> None:
    judge = ScriptedJudge([proposal(excerpt="best", severity=Severity.LOW)])
    without = audit(copy(bodyLong=BODY))
    report = audit(copy(bodyLong=BODY), judge=judge)
    assert rule_ids(without) <= rule_ids(report)
    best = [i for i in report.issues if i.excerpt == "best"]
    assert [i.rule_id for i in best] == ["ads.claim-superlative"]


def test_failing_judge_keeps_rules_and_says_so() -> None:
    b = brief(constraints=["Must include recycling message", "Keep it playful"])
    report = audit(copy(bodyLong=BODY), the_brief=b, judge=FailingJudge())
    assert "ads.claim-superlative" in rule_ids(report)
    assert "Keep it playful" in report.not_checked
    assert any("broken-judge failed" in n for n in report.not_checked)
    assert report.checked_by == ["rules", learned_checker()]
