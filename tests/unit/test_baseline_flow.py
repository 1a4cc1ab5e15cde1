"""The generate → audit → regenerate loop with the offline agents and the baseline auditor
(what the orchestration does, without Durable): pass at once, pass in round 2, never pass."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime

from marketing_agents.agents.base import AgentContext
from marketing_agents.agents.registry import offline_agents
from marketing_agents.compliance.base import AuditContext
from marketing_agents.compliance.baseline import BaselineAuditor
from marketing_agents.models import ArtifactType, ArtifactVersion, AuditReport, CampaignBrief
from marketing_agents.text import term_spans

MAX_ROUNDS = 5
ECOBOTTLE = CampaignBrief(
    theme="Summer launch of EcoBottle",
    product="EcoBottle",
    target_audience="Eco-conscious millennials",
    tone="Inspiring",
    constraints=["Must include recycling message", "Avoid plastic-related claims"],
    evidence=["Made from 90% recycled steel"],
)


@dataclass
class Outcome:
    reports: list[AuditReport] = field(default_factory=list)
    versions: dict[ArtifactType, ArtifactVersion] = field(default_factory=dict)
    regenerated: list[list[ArtifactType]] = field(default_factory=list)


def campaign(brief: CampaignBrief) -> Outcome:
    """Round 0 writes all three; each later round rewrites only the types with findings,
    with the report's issues as feedback, until compliant or 5 regeneration rounds."""
    agents, auditor, out = offline_agents(), BaselineAuditor(), Outcome()
    todo = list(agents)
    for rnd in range(MAX_ROUNDS + 1):
        issues = out.reports[-1].issues if out.reports else []
        for t in todo:
            prev = out.versions.get(t)
            ctx = AgentContext(
                campaign_id="c-0123456789abcdef",
                artifact_type=t,
                brief=brief,
                round=rnd,
                previous=prev,
                audit_issues=issues,
                audit_feedback=out.reports[-1].feedback if out.reports else None,
            )
            result = asyncio.run(agents[t].generate(ctx))
            n = prev.version_number + 1 if prev else 1
            out.versions[t] = ArtifactVersion(
                id=f"c-0123456789abcdef-{t.value.lower()}-v{n}",
                campaign_id="c-0123456789abcdef",
                type=t,
                version_number=n,
                revision_number=0,
                round=rnd,
                content=result.content,
                data=result.data,
                metadata=result.metadata,
                agent_name=result.agent_name,
                created_at=datetime.now(UTC),
            )
        out.regenerated.append(list(todo))
        report = asyncio.run(
            auditor.audit(
                AuditContext(
                    report_id=f"a-{rnd}",
                    campaign_id="c-0123456789abcdef",
                    brief=brief,
                    round=rnd,
                    artifacts=dict(out.versions),
                )
            )
        )
        out.reports.append(report)
        if report.is_compliant:
            break
        todo = report.types_with_findings()
    return out


def test_ecobottle_passes_the_first_audit() -> None:
    out = campaign(ECOBOTTLE)
    assert len(out.reports) == 1
    report = out.reports[0]
    assert report.is_compliant and report.issues == [] and report.compliance_score == 100
    assert report.status.value == "Pass"


def test_an_unsubstantiated_superlative_fails_round_1_and_passes_round_2() -> None:
    out = campaign(ECOBOTTLE.model_copy(update={"theme": "The best bottle ever made"}))
    first, second = out.reports[0], out.reports[-1]
    assert not first.is_compliant and first.status.value != "Pass"
    assert {i.rule_id for i in first.issues} == {"claims.superlative"}
    assert set(first.types_with_findings()) == set(ArtifactType)
    assert len(out.reports) == 2 and second.is_compliant and second.issues == []
    for version in out.versions.values():
        assert version.version_number == 2
        assert not term_spans(version.content, "best")
        assert any("replaced 'best' with 'great'" in n for n in version.metadata.notes)


def test_a_product_name_that_breaks_its_own_constraint_never_passes() -> None:
    brief = ECOBOTTLE.model_copy(update={"product": "PlasticPal", "theme": "Summer launch of PlasticPal"})
    out = campaign(brief)
    assert len(out.reports) == MAX_ROUNDS + 1
    assert not any(r.is_compliant for r in out.reports)
    assert {i.rule_id for i in out.reports[-1].issues} == {"brief.avoid.plastic"}
    assert all(i.excerpt == "Plastic" for i in out.reports[-1].issues)
    for version in out.versions.values():
        assert "PlasticPal" in version.content  # never renamed
        assert version.version_number == MAX_ROUNDS + 1
        assert any("never rename" in n for n in version.metadata.notes)


def test_the_example_briefs_behave_as_documented(ecobottle_brief: dict[str, object]) -> None:
    assert campaign(CampaignBrief.model_validate(ecobottle_brief)).reports[0].is_compliant
