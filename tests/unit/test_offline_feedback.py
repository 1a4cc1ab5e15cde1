"""Offline agents act on audit fixes and on a person's revision asks (before/after)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from marketing_agents.agents.base import Agent, AgentContext, AgentResult
from marketing_agents.agents.offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter
from marketing_agents.models import (
    ArtifactType,
    CampaignBrief,
    ComplianceIssue,
    CopyData,
    Fix,
    FixKind,
    Platform,
    Severity,
    ShortCopyData,
    VisualData,
)
from marketing_agents.platforms import count_for
from marketing_agents.text import term_spans, word_count
from tests.unit.agent_runs import as_version, revision_asking

BRIEF = CampaignBrief(
    theme="The best bottle ever made",
    product="EcoBottle",
    target_audience="Eco-conscious millennials",
    tone="Inspiring",
    evidence=["Made from 90% recycled steel"],
)
AGENTS: list[Agent] = [OfflineCopywriter(), OfflineShortCopyWriter(), OfflineVisualConceptWriter()]


def run(agent: Agent, brief: CampaignBrief = BRIEF, **kw: Any) -> AgentResult:
    ctx = AgentContext(campaign_id="c-0123456789abcdef", artifact_type=agent.artifact_type, brief=brief, **kw)
    return asyncio.run(agent.generate(ctx))


def text_of(result: AgentResult) -> str:
    return json.dumps(result.data, ensure_ascii=False)


def issue(t: ArtifactType, fix: Fix, field: str = "headlines[0]", suggestion: str = "") -> ComplianceIssue:
    return ComplianceIssue(
        rule_id="test",
        artifact_type=t,
        artifact_version_id="v1",
        field=field,
        issue_description="test finding",
        severity=Severity.HIGH,
        suggestion=suggestion,
        fix=fix,
    )


def revise(
    agent: Agent, feedback: str, brief: CampaignBrief = BRIEF, changes: list[str] | None = None
) -> tuple[AgentResult, AgentResult]:
    before = run(agent, brief)
    after = run(agent, brief, revision=revision_asking(feedback, changes), revision_number=1,
                previous=as_version(before, agent.artifact_type))
    return before, after


def test_remove_and_replace_fixes_apply_everywhere_case_insensitively() -> None:
    for agent in AGENTS:
        before = run(agent)
        assert term_spans(text_of(before), "best")  # the theme's superlative is echoed
        removed = run(agent, audit_issues=[issue(agent.artifact_type, Fix(kind=FixKind.REMOVE, target="Best"))])
        assert not term_spans(text_of(removed), "best")
        assert any(n.startswith("applied") and "'Best'" in n for n in removed.metadata.notes)
        replaced = run(
            agent,
            audit_issues=[issue(agent.artifact_type, Fix(kind=FixKind.REPLACE, target="best", replacement="great"))],
        )
        assert not term_spans(text_of(replaced), "best") and "great" in text_of(replaced).lower()
    posts = run(
        OfflineShortCopyWriter(),
        audit_issues=[issue(ArtifactType.COPY, Fix(kind=FixKind.REPLACE, target="best", replacement="great"))],
    ).data["posts"]
    assert any("#GreatBottle" in p["text"] for p in posts)  # CamelCase hashtags too, from another type's finding


def test_a_sentence_to_reword_is_left_out_of_its_own_artifact_only() -> None:
    """A rewrite finding (the judge's, the learned second opinion's) anchors a whole sentence
    the templates cannot reword; the next round leaves it out, so the fix loop can end."""
    before = run(OfflineCopywriter())
    headline = before.data["headlines"][0]
    rewrite = Fix(kind=FixKind.REWRITE, target=headline)
    after = run(OfflineCopywriter(), audit_issues=[issue(ArtifactType.COPY, rewrite, suggestion="Reword it.")])
    assert headline not in after.data["headlines"] and len(after.data["headlines"]) >= 3
    elsewhere = run(OfflineCopywriter(), audit_issues=[issue(ArtifactType.SHORT_COPY, rewrite)])
    assert elsewhere.data["headlines"] == before.data["headlines"]


def test_add_fix_puts_the_message_in_every_publishable_text() -> None:
    add = Fix(kind=FixKind.ADD, replacement="free shipping")
    assert "free shipping" not in text_of(run(OfflineCopywriter()))
    copy = CopyData.model_validate(run(OfflineCopywriter(), audit_issues=[issue(ArtifactType.COPY, add)]).data)
    assert all("free shipping" in b for b in (copy.body_short, copy.body_medium, copy.body_long))
    posts = ShortCopyData.model_validate(
        run(OfflineShortCopyWriter(), audit_issues=[issue(ArtifactType.SHORT_COPY, add)]).data
    ).posts
    assert all("free shipping" in p.text for p in posts)
    concepts = VisualData.model_validate(
        run(OfflineVisualConceptWriter(), audit_issues=[issue(ArtifactType.VISUAL, add)]).data
    ).concepts
    assert all("free shipping" in c.subline for c in concepts)


def test_shorten_fix_brings_a_field_under_its_limit() -> None:
    before = CopyData.model_validate(run(OfflineCopywriter()).data)
    fix = Fix(kind=FixKind.SHORTEN, max_length=220)
    after = CopyData.model_validate(
        run(OfflineCopywriter(), audit_issues=[issue(ArtifactType.COPY, fix, field="bodyLong")]).data
    )
    assert len(before.body_long) > 220 >= len(after.body_long)
    assert after.body_medium == before.body_medium  # only the flagged field changes
    posts_before = run(OfflineShortCopyWriter()).data["posts"]
    posts_after = run(
        OfflineShortCopyWriter(),
        audit_issues=[issue(ArtifactType.SHORT_COPY, Fix(kind=FixKind.SHORTEN, max_length=120), field="posts[1].text")],
    ).data["posts"]
    assert count_for(posts_before[1]["text"], Platform.X) > 120 >= count_for(posts_after[1]["text"], Platform.X)
    assert posts_after[1]["characterCount"] == count_for(posts_after[1]["text"], Platform.X)


def test_qualify_fix_adds_the_qualifier_next_to_the_claim() -> None:
    brief = BRIEF.model_copy(update={"theme": "An eco-friendly summer"})
    fix = Fix(kind=FixKind.QUALIFY, target="eco-friendly", replacement="made from 90% recycled steel")
    after = run(OfflineCopywriter(), brief, audit_issues=[issue(ArtifactType.COPY, fix)])
    assert "eco-friendly (made from 90% recycled steel)" in after.data["headlines"][0]


def test_the_product_name_is_never_renamed() -> None:
    brief = BRIEF.model_copy(update={"product": "PlasticPal", "constraints": ["Avoid plastic-related claims"]})
    for agent in AGENTS:
        result = run(
            agent, brief, audit_issues=[issue(agent.artifact_type, Fix(kind=FixKind.REMOVE, target="Plastic"))]
        )
        assert "PlasticPal" in result.content
        assert any("never rename" in n for n in result.metadata.notes)


def test_revision_shorter_builds_on_the_previous_version() -> None:
    before, after = revise(OfflineCopywriter(), "Please make it shorter and more concise.")
    b, a = CopyData.model_validate(before.data), CopyData.model_validate(after.data)
    assert word_count(a.body_long) < word_count(b.body_long)
    assert any("built on previous version" in n for n in after.metadata.notes)
    posts_b, posts_a = revise(OfflineShortCopyWriter(), "shorten")
    assert sum(p["characterCount"] for p in posts_a.data["posts"]) < sum(
        p["characterCount"] for p in posts_b.data["posts"]
    )


def test_revision_tone_changes() -> None:
    before, after = revise(OfflineCopywriter(), "Make it more energetic!")
    assert (before.metadata.tone, after.metadata.tone) == ("inspiring", "energetic")
    assert before.data["headlines"][1:] != after.data["headlines"][1:]
    _, formal = revise(OfflineVisualConceptWriter(), "More formal, please")
    assert formal.metadata.tone == "professional"


def test_revision_mention_remove_and_offers() -> None:
    before, after = revise(
        OfflineCopywriter(),
        "Mention free refills. Don't say summer.",
        BRIEF.model_copy(update={"theme": "Summer launch"}),
    )
    assert "free refills" not in text_of(before) and "free refills" in after.data["bodyLong"]
    assert term_spans(text_of(before), "summer") and not term_spans(text_of(after), "summer")
    _, offer = revise(OfflineShortCopyWriter(), "Add a 20% discount and add urgency")
    assert all("20%" in p["text"] and "Don't wait" in p["text"] for p in offer.data["posts"])
    _, generic = revise(OfflineVisualConceptWriter(), "add a discount")
    assert all("discount" in c["subline"] for c in generic.data["concepts"])


def test_revision_hashtags() -> None:
    before, none = revise(OfflineShortCopyWriter(), "No hashtags please")
    assert any(p["hashtags"] for p in before.data["posts"]) and not any(p["hashtags"] for p in none.data["posts"])
    _, fewer = revise(OfflineShortCopyWriter(), "fewer hashtags")
    assert sum(len(p["hashtags"]) for p in fewer.data["posts"]) < sum(len(p["hashtags"]) for p in before.data["posts"])


def test_revision_replace_and_not_understood_asks_are_reported() -> None:
    _, after = revise(OfflineCopywriter(), "Replace 'bottle' with 'flask'", changes=["make it purple"])
    assert "flask" in text_of(after).lower()
    assert not term_spans(text_of(after).replace("EcoBottle", ""), "bottle")  # the product keeps its name
    assert any(n.startswith("not understood") and "purple" in n for n in after.metadata.notes)


def test_issue_without_fix_is_read_as_free_text() -> None:
    result = run(
        OfflineCopywriter(),
        audit_issues=[
            issue(ArtifactType.COPY, Fix(kind=FixKind.REWRITE), suggestion="Remove 'millennials' from the copy.")
        ],
    )
    assert not term_spans(text_of(result), "millennials")


def test_qualifier_must_sit_in_the_claims_own_sentence() -> None:
    from marketing_agents.agents.offline.editing import Editor

    editor = Editor("EcoBottle", qualify={"recyclable": "where facilities exist"})
    out = editor.apply("It is recyclable where facilities exist. The cap is recyclable too.")
    assert out == "It is recyclable where facilities exist. The cap is recyclable (where facilities exist) too."


def test_product_name_capitalisation_fix_is_applied() -> None:
    from marketing_agents.agents.offline.editing import Editor

    editor = Editor("EcoBottle", replace={"ecobottle": "EcoBottle"})
    assert editor.apply("Meet ecobottle and ECOBOTTLE.") == "Meet EcoBottle and EcoBottle."
    assert any("wrote 'ecobottle' as 'EcoBottle'" in note for note in editor.notes())
