"""Offline agents + the rule engine through the regeneration loop (at most 5 rounds):
the agents act on ``issue.fix`` and the campaign becomes compliant."""

from __future__ import annotations

import asyncio

from helpers import brief
from loop_helpers import AGENTS, CAMPAIGN, run_loop, write

from marketing_agents.compliance import build_auditor
from marketing_agents.compliance.base import AuditContext
from marketing_agents.models import ArtifactType, AuditReport, CampaignBrief, CopyData, ShortCopyData


def test_ecobottle_is_compliant_within_two_rounds() -> None:
    reports = asyncio.run(run_loop(brief(), build_auditor()))
    assert reports[-1].is_compliant, reports[-1].feedback
    assert len(reports) <= 2


def test_other_brief_with_add_and_avoid_constraints_converges() -> None:
    b = CampaignBrief(
        theme="Autumn trail running shoes", product="TrailFox", target_audience="Weekend runners",
        tone="Energetic", constraints=["Mention free shipping", "Avoid discount language", "Keep it upbeat"],
        evidence=["Grip tested on wet rock by Runner's Lab 2025"],
    )
    reports = asyncio.run(run_loop(b, build_auditor()))
    assert reports[-1].is_compliant, reports[-1].feedback
    assert reports[-1].not_checked == ["Keep it upbeat"]


async def _loop_from_bad_start(b: CampaignBrief) -> list[AuditReport]:
    auditor = build_auditor()
    artifacts = {t: await write(t, b, 0, None, None) for t in AGENTS}
    c = artifacts[ArtifactType.COPY]
    assert isinstance(c.data, CopyData)
    data = c.data.model_copy(update={
        "headlines": ["The best eco-friendly bottle", *c.data.headlines[1:]],
        "body_long": ("Our plastic-free, eco-friendly bottle is recyclable and keeps drinks cold 50% longer than "
                      "glass. Carbon neutral too! " + c.data.body_long),
    })
    artifacts[ArtifactType.COPY] = c.model_copy(update={"data": data})
    s = artifacts[ArtifactType.SHORT_COPY]
    assert isinstance(s.data, ShortCopyData)
    first = s.data.posts[0].model_copy(
        update={"text": "Ditch single-use plastic! The #1 bottle of summer, 100% recyclable. #EcoBottle"})
    posts = ShortCopyData(posts=[first, *s.data.posts[1:]])
    artifacts[ArtifactType.SHORT_COPY] = s.model_copy(update={"data": posts})
    reports: list[AuditReport] = []
    for round_number in range(6):
        report = await auditor.audit(AuditContext(
            report_id=f"{CAMPAIGN}-audit-r0-{round_number}", campaign_id=CAMPAIGN, brief=b,
            round=round_number, artifacts=dict(artifacts)))
        reports.append(report)
        if report.is_compliant:
            break
        for t in report.types_with_findings():
            artifacts[t] = await write(t, b, round_number + 1, artifacts[t], report)
    return reports


def test_fixable_findings_are_fixed_by_the_offline_agents_within_five_rounds() -> None:
    reports = asyncio.run(_loop_from_bad_start(brief()))
    first = {i.rule_id for i in reports[0].issues}
    assert {"brief.avoid.plastic", "env.generic-claim", "env.recyclable-unqualified", "ads.claim-superlative",
            "ads.claim-number", "ads.claim-comparison", "env.carbon-claim", "env.whole-vs-part"} <= first
    assert reports[-1].is_compliant, reports[-1].feedback
    assert len(reports) <= 6  # the first audit plus at most 5 regeneration rounds


def test_a_product_name_that_breaks_its_own_constraint_is_explained_and_never_passes() -> None:
    b = brief(product="PlasticPal", theme="PlasticPal lunch boxes for back to school")
    reports = asyncio.run(run_loop(b, build_auditor()))
    assert len(reports) == 6 and not any(r.is_compliant for r in reports)
    last = reports[-1]
    assert {i.rule_id for i in last.issues} == {"brief.avoid.plastic"}
    assert all("product name “PlasticPal”" in i.issue_description for i in last.issues)
