"""Findings with a mechanical fix carry ``replacement``, the text for their span: applying
it must repair exactly that finding (the rule no longer fires), so a dashboard can offer
"apply fix" without a writer. Findings that need a writer carry none."""

from __future__ import annotations

from typing import Any

import pytest

from marketing_agents.compliance.base import ArtifactLayout, AuditContext
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.models import ArtifactType, CampaignBrief, ComplianceIssue

CAMPAIGN = "c-00000000000000f1"


def context(text: str, post: str | None = None, **brief: Any) -> AuditContext:
    values: dict[str, Any] = {"theme": "Summer", "product": "EcoBottle", "target_audience": "Adults", "tone": "Warm"}
    values.update(brief)
    if post is None:
        layout = ArtifactLayout(id=f"{CAMPAIGN}-copy-v1", campaign_id=CAMPAIGN, type=ArtifactType.COPY,
                                data={"bodyLong": text})
    else:
        layout = ArtifactLayout(id=f"{CAMPAIGN}-shortcopy-v1", campaign_id=CAMPAIGN, type=ArtifactType.SHORT_COPY,
                                data={"posts": [{"platform": post, "text": text}]})
    return AuditContext(report_id=f"{CAMPAIGN}-audit-1", campaign_id=CAMPAIGN, brief=CampaignBrief(**values),
                        texts={layout.type: layout})


def issues(ctx: AuditContext) -> list[ComplianceIssue]:
    return [f.issue for f in RuleEngineAuditor().run_rules(ctx).findings]


def applied(text: str, issue: ComplianceIssue) -> str:
    assert issue.span is not None and issue.replacement is not None
    return text[: issue.span.start] + issue.replacement + text[issue.span.end :]


@pytest.mark.parametrize(
    "rule, text, post, replacement, repaired",
    [
        ("brand.preferred-terms", "Utilize the wide mouth for ice.", None, "Use", "Use the wide mouth for ice."),
        ("brand.product-name", "Meet the new Ecobottle today.", None, "EcoBottle", "Meet the new EcoBottle today."),
        ("brand.banned-terms", "A revolutionary bottle.", None, "", "A  bottle."),
        ("brand.exclamations", "Summer! Sun! Sea.", None, ".", "Summer! Sun. Sea."),
        ("env.recyclable-unqualified", "The lid is recyclable.", None, "recyclable where recycling facilities exist",
         "The lid is recyclable where recycling facilities exist."),
        ("endorse.material-connection", "Gifted this bottle and I love it.", "Instagram", "#ad Gifted",
         "#ad Gifted this bottle and I love it."),
        ("fin.risk-warning", "Start investing with our app.", None, "investing (capital at risk)",
         "Start investing (capital at risk) with our app."),
    ],
)
def test_mechanical_fix_has_a_replacement_that_repairs_the_finding(
    rule: str, text: str, post: str | None, replacement: str, repaired: str
) -> None:
    found = [i for i in issues(context(text, post)) if i.rule_id == rule]
    assert len(found) == 1, found
    assert found[0].replacement == replacement
    assert applied(text, found[0]) == repaired
    assert rule not in {i.rule_id for i in issues(context(repaired, post))}


def test_brief_substitution_is_mechanical() -> None:
    text = "Our bottle is cheap."
    found = [i for i in issues(context(text, constraints=["Use affordable instead of cheap"]))
             if i.rule_id.startswith("brief.prefer")]
    assert [i.replacement for i in found] == ["affordable"]


@pytest.mark.parametrize("text", [
    "Our bottle is eco-friendly.",          # needs a substantiated qualifier: a writer's job
    "Doctors recommend EcoBottle.",         # needs evidence or removal of a sentence
    "Drinking from it cures hangovers.",    # the claim must go, the sentence must be rewritten
    "Lifetime guarantee on every bottle.",  # "(terms apply)" is only true if terms exist
])
def test_findings_that_need_a_writer_carry_no_replacement(text: str) -> None:
    found = issues(context(text))
    assert found
    assert all(i.replacement is None for i in found if i.severity.value in ("High", "Critical")), found


def test_replacement_is_in_the_report_json() -> None:
    issue = next(i for i in issues(context("Utilize it.")) if i.rule_id == "brand.preferred-terms")
    assert issue.model_dump(by_alias=True, mode="json")["replacement"] == "Use"
