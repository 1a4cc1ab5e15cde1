"""The baseline auditor: findings that point at exact text, fixes, scores and feedback."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from typing import Any

from marketing_agents.compliance.base import AuditContext, Auditor
from marketing_agents.compliance.baseline import BaselineAuditor
from marketing_agents.compliance.scoring import category_scores, overall_score
from marketing_agents.models import (
    ArtifactMetadata,
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    AuditStatus,
    CampaignBrief,
    ComplianceIssue,
    CopyData,
    FixKind,
    Platform,
    PosterConcept,
    Severity,
    ShortCopyData,
    ShortPost,
    VisualData,
)

BRIEF = CampaignBrief(
    theme="Summer launch",
    product="EcoBottle",
    target_audience="Hikers",
    tone="Warm",
    constraints=["Must include recycling message", "Avoid plastic-related claims"],
)
GOOD_BODY = "EcoBottle is designed with recycling in mind. Discover EcoBottle."


def copy(**overrides: Any) -> CopyData:
    base: dict[str, Any] = dict(
        headlines=["Hello EcoBottle", "Meet EcoBottle", "EcoBottle is here"],
        body_short=GOOD_BODY,
        body_medium=GOOD_BODY,
        body_long=GOOD_BODY,
        calls_to_action=["Discover", "Learn more", "Get started"],
        tone_summary="Warm",
    )
    return CopyData(**{**base, **overrides})


def post(text: str, platform: Platform = Platform.X) -> ShortPost:
    return ShortPost(platform=platform, text=text, character_count=0, limit=0, over_limit=False)


def concept(headline: str = "Meet EcoBottle", subline: str = "Designed with recycling in mind.") -> PosterConcept:
    return PosterConcept(
        headline=headline,
        subline=subline,
        call_to_action="Discover",
        palette=["#FFFFFF", "#111111"],
        layout="centred",
        image_prompt="a steel bottle on a trail",
        alt_text=f"Poster: {headline}. {subline} Button: Discover.",
    )


def artifacts(
    c: CopyData | None = None, s: ShortCopyData | None = None, v: VisualData | None = None
) -> dict[ArtifactType, ArtifactVersion]:
    datas = {
        ArtifactType.COPY: c or copy(),
        ArtifactType.SHORT_COPY: s or ShortCopyData(posts=[post("Recycling made easy with EcoBottle.")]),
        ArtifactType.VISUAL: v or VisualData(concepts=[concept(), concept("Hello EcoBottle")]),
    }
    return {
        t: ArtifactVersion(
            id=f"c-x-{t.value.lower()}-v1",
            campaign_id="c-x",
            type=t,
            version_number=1,
            revision_number=0,
            round=0,
            content="",
            data=d.to_doc(),
            metadata=ArtifactMetadata(),
            agent_name="test",
            created_at=datetime.now(UTC),
        )
        for t, d in datas.items()
    }


def audit(
    arts: dict[ArtifactType, ArtifactVersion], brief: CampaignBrief = BRIEF, threshold: float = 80
) -> AuditReport:
    ctx = AuditContext(report_id="c-x-audit-r0-0", campaign_id="c-x", brief=brief, artifacts=arts, threshold=threshold)
    return asyncio.run(BaselineAuditor().audit(ctx))


def field_text(data: dict[str, Any], path: str) -> str:
    value: Any = data
    for name, index in re.findall(r"(\w+)(?:\[(\d+)\])?", path):
        value = value[name]
        if index:
            value = value[int(index)]
    return str(value)


def check_spans(report: AuditReport, arts: dict[ArtifactType, ArtifactVersion]) -> None:
    for issue in report.issues:
        text = field_text(arts[issue.artifact_type].data.to_doc(), issue.field)
        assert issue.span is not None
        assert text[issue.span.start : issue.span.end] == issue.excerpt, issue
        assert issue.artifact_version_id == arts[issue.artifact_type].id
        assert issue.issue_description
        assert issue.suggestion and issue.source and issue.fix is not None


def test_clean_artifacts_pass() -> None:
    arts = artifacts()
    report = audit(arts)
    assert isinstance(BaselineAuditor(), Auditor)
    assert report.issues == [] and report.is_compliant and report.status == AuditStatus.PASS
    assert report.compliance_score == 100 and report.id == "c-x-audit-r0-0"
    assert [(r.id, r.version) for r in report.rule_packs] == [("baseline", "1")]
    assert report.checked_by == ["rules:baseline"] and report.not_checked
    assert report.artifact_version_ids == {t: a.id for t, a in arts.items()}
    assert report.feedback and report.feedback_by_type == {}


def test_superlative_without_evidence_is_a_high_finding_with_exact_span() -> None:
    arts = artifacts(
        copy(
            headlines=["The best bottle", "Meet EcoBottle", "Go"],
            body_long=f"{GOOD_BODY} Truly the BEST. Also #BestBottle.",
        )
    )
    report = audit(arts)
    check_spans(report, arts)
    found = [(i.field, i.excerpt, i.span and i.span.start) for i in report.issues]
    assert ("headlines[0]", "best", 4) in found
    body = arts[ArtifactType.COPY].data.to_doc()["bodyLong"]
    assert ("bodyLong", "BEST", body.index("BEST")) in found
    assert ("bodyLong", "Best", body.index("#Best") + 1) in found  # a CamelCase part of a hashtag
    first = report.issues[0]
    assert (first.rule_id, first.severity, first.artifact_type) == (
        "claims.superlative",
        Severity.HIGH,
        ArtifactType.COPY,
    )
    assert first.fix is not None and (first.fix.kind, first.fix.replacement) == (FixKind.REPLACE, "great")
    assert "CAP" in first.source
    assert not report.is_compliant and report.status != AuditStatus.PASS
    assert report.types_with_findings() == [ArtifactType.COPY]
    assert "headlines[0]" in report.feedback_by_type[ArtifactType.COPY]


def test_superlative_backed_by_evidence_is_not_a_finding() -> None:
    arts = artifacts(copy(headlines=["The best bottle", "Meet EcoBottle", "Go"]))
    backed = BRIEF.model_copy(update={"evidence": ["Voted best bottle by Outdoor Magazine, 2024"]})
    assert audit(arts, backed).issues == []


def test_other_claims() -> None:
    body = f"{GOOD_BODY} It is 100% guaranteed, risk-free and the world’s first. #1 choice, number one. Cures thirst."
    arts = artifacts(copy(body_medium=body))
    report = audit(arts)
    check_spans(report, arts)
    assert {i.excerpt for i in report.issues} == {
        "100%",
        "guaranteed",
        "risk-free",
        "world’s first",
        "#1",
        "number one",
        "Cures",
    }
    assert all(i.fix and i.fix.kind in (FixKind.REMOVE, FixKind.REPLACE) for i in report.issues)


def test_generic_green_claim_needs_a_qualifier_from_the_evidence() -> None:
    brief = BRIEF.model_copy(update={"evidence": ["Made from 90% recycled steel"]})
    unqualified = artifacts(copy(body_short=f"{GOOD_BODY} An eco-friendly choice."))
    report = audit(unqualified, brief)
    check_spans(report, unqualified)
    [issue] = report.issues
    assert issue.fix is not None and issue.fix.kind == FixKind.QUALIFY
    assert issue.fix.replacement == "made from 90% recycled steel"
    qualified = artifacts(copy(body_short=f"{GOOD_BODY} Eco-friendly: made from 90% recycled steel."))
    assert audit(qualified, brief).issues == []


def test_missing_required_message_is_pinned_where_to_add_it() -> None:
    arts = artifacts(
        copy(body_medium="Discover EcoBottle."),
        ShortCopyData(posts=[post("Recycled and ready."), post("Just EcoBottle.")]),
        VisualData(concepts=[concept(), concept(subline="Just EcoBottle.")]),
    )
    report = audit(arts)
    check_spans(report, arts)
    found = {(i.artifact_type, i.field) for i in report.issues}
    assert found == {
        (ArtifactType.COPY, "bodyMedium"),
        (ArtifactType.SHORT_COPY, "posts[1].text"),
        (ArtifactType.VISUAL, "concepts[1].subline"),
    }
    for i in report.issues:
        assert i.rule_id == "brief.required.recycling" and i.severity == Severity.HIGH and i.excerpt == ""
        assert i.fix is not None and (i.fix.kind, i.fix.replacement) == (FixKind.ADD, "recycling")
        assert "Must include recycling message" in i.source


def test_avoided_topic_is_found_with_inflections_and_in_the_product_name() -> None:
    arts = artifacts(
        copy(body_long=f"{GOOD_BODY} No plastics here. PLASTIC-free."),
        v=VisualData(concepts=[concept(), concept()]).model_copy(
            update={"concepts": [concept(), concept().model_copy(update={"image_prompt": "a bottle, no plastic wrap"})]}
        ),
    )
    report = audit(arts)
    check_spans(report, arts)
    assert [(i.field, i.excerpt) for i in report.issues] == [
        ("bodyLong", "plastics"),
        ("bodyLong", "PLASTIC"),
        ("concepts[1].imagePrompt", "plastic"),
    ]
    assert all(i.rule_id == "brief.avoid.plastic" and i.fix and i.fix.kind == FixKind.REMOVE for i in report.issues)
    pal = audit(
        artifacts(copy(headlines=["PlasticPal is here", "Go", "Now"])),
        BRIEF.model_copy(update={"product": "PlasticPal"}),
    )
    [issue] = pal.issues
    assert issue.excerpt == "Plastic" and "product name" in issue.issue_description


def test_platform_limits_are_measured_not_trusted() -> None:
    long_x = "Recycling " + "a" * 280
    tags = " ".join(f"#t{chr(97 + i % 26)}{i}" for i in range(31))
    arts = artifacts(
        s=ShortCopyData(
            posts=[
                post(long_x),
                post("Recycling 日本" * 20, Platform.THREADS),
                post(f"Recycling rocks {tags}", Platform.INSTAGRAM),
            ]
        )
    )
    report = audit(arts)
    check_spans(report, arts)
    by_rule = {i.rule_id: i for i in report.issues}
    assert set(by_rule) == {"platform.x.length", "platform.instagram.hashtags"}
    x = by_rule["platform.x.length"]
    assert (x.field, x.severity, x.excerpt) == ("posts[0].text", Severity.HIGH, long_x)
    assert x.fix is not None and (x.fix.kind, x.fix.max_length) == (FixKind.SHORTEN, 280)
    assert by_rule["platform.instagram.hashtags"].excerpt.startswith("#t")


def test_alt_text_must_describe_the_poster() -> None:
    bad = concept().model_copy(update={"alt_text": "poster"})
    report = audit(artifacts(v=VisualData(concepts=[concept(), bad])))
    [issue] = report.issues
    assert (issue.field, issue.severity, issue.rule_id) == (
        "concepts[1].altText",
        Severity.MEDIUM,
        "accessibility.alt-text",
    )
    assert report.is_compliant and report.compliance_score < 100  # Medium: score drops, not blocking
    assert not audit(artifacts(v=VisualData(concepts=[concept(), bad])), threshold=99).is_compliant


def test_unknown_constraints_are_reported_as_not_checked() -> None:
    report = audit(artifacts(), BRIEF.model_copy(update={"constraints": ["Keep it family friendly"]}))
    assert any("Keep it family friendly" in n for n in report.not_checked)


def test_scores_sink_with_findings_and_cap_below_pass_while_blocking() -> None:
    def finding(severity: Severity) -> ComplianceIssue:
        return ComplianceIssue(
            rule_id="r",
            artifact_type=ArtifactType.COPY,
            artifact_version_id="v",
            field="f",
            issue_description="d",
            severity=severity,
        )

    one_high = [(finding(Severity.HIGH), "regulatory")]
    scores = category_scores(one_high)
    assert scores.regulatory == 75 and scores.tone == 100
    assert overall_score(scores, [i for i, _ in one_high]) == 79
    many = [(finding(Severity.HIGH), "regulatory")] * 8
    assert overall_score(category_scores(many), [i for i, _ in many]) < 60
    low = [(finding(Severity.LOW), "clarity")]
    assert 80 < overall_score(category_scores(low), [i for i, _ in low]) < 100
