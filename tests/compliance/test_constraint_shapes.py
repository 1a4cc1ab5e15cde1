"""Brief constraints in the shapes people write them (round 10): who must carry what, where,
when, several asks in one line, lists of quoted words, and bans on phrases rather than on each
of their words. Wordings here are the tests' own, not the corpus's."""

from __future__ import annotations

from typing import Any

import pytest

from marketing_agents.compliance.base import ArtifactLayout, AuditContext
from marketing_agents.compliance.constraint_forms import clauses, quoted_ban, requirement
from marketing_agents.compliance.constraint_topics import alternatives
from marketing_agents.compliance.constraints import compile_brief
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.models import ArtifactType, CampaignBrief

CAMPAIGN = "c-00000000000000e5"


def blocking(constraints: list[str], text: str = "", post: tuple[str, str] | None = None,
             poster: dict[str, Any] | None = None) -> set[str]:
    """Brief rule ids of the blocking findings on one piece under ``constraints``."""
    if post is not None:
        kind, data = ArtifactType.SHORT_COPY, {"posts": [{"platform": post[0], "text": post[1]}]}
    elif poster is not None:
        kind, data = ArtifactType.VISUAL, {"concepts": [poster], "chosenIndex": 0}
    else:
        kind, data = ArtifactType.COPY, {"bodyLong": text}
    layout = ArtifactLayout(id=f"{CAMPAIGN}-{kind.value.lower()}-v1", campaign_id=CAMPAIGN, type=kind, data=data)
    brief = CampaignBrief(theme="Launch", product="Brindle", target_audience="Adults", tone="Warm",
                          constraints=constraints)
    context = AuditContext(report_id=f"{CAMPAIGN}-audit-1", campaign_id=CAMPAIGN, brief=brief, texts={kind: layout})
    return {f.issue.rule_id for f in RuleEngineAuditor().run_rules(context).findings
            if f.issue.severity.value in ("High", "Critical") and f.issue.rule_id.startswith("brief.")}


# ------------------------------------------------------------------ reading the shapes

def test_one_line_can_hold_several_constraints() -> None:
    assert clauses("Say 'members' - never 'the customers' or 'users'") == [
        "Say 'members'", "never 'the customers' or 'users'"]
    assert quoted_ban("never 'the customers' or 'users'") == ["the customers", "users"]
    assert quoted_ban("Never show a result without 'Individual results differ'") == []  # a condition, not a ban


@pytest.mark.parametrize("constraint, what, position, trigger", [
    ("Each newsletter must carry 'Capital at risk.'", "'Capital at risk'", "anywhere", ""),
    ("Begin every caption with #sponsored", "'#sponsored'", "start", ""),
    ("The brand name 'Corvo Home' has to appear in the opening sentence", "'Corvo Home'", "first_sentence", ""),
    ("Always add 'variable' after the rate", "'variable'", "anywhere", "rate"),
    ("When you mention composting, add 'industrial facilities only'", "'industrial facilities only'", "anywhere",
     "composting"),
    ("Never show a before-and-after result without 'Individual results differ'", "'Individual results differ'",
     "anywhere", "before-and-after result"),
])
def test_who_where_and_when_are_read(constraint: str, what: str, position: str, trigger: str) -> None:
    wanted = requirement(constraint)
    assert wanted is not None
    assert (wanted.what, wanted.position, wanted.trigger) == (what, position, trigger)


@pytest.mark.parametrize("constraint", [
    "Say that the warranty does not cover accidental damage",  # a statement: the judge reads it
    "Cite the source for every claim",  # information no rule can know
    "Headline must name the city",
])
def test_what_only_a_reader_can_check_is_left_to_the_judge(constraint: str) -> None:
    pack, unread = compile_brief([constraint])
    assert not pack.rules and unread == [constraint]


def test_a_ban_lists_things_not_words() -> None:
    assert alternatives("loyalty points, cashback or sign-up rewards in any email") == [
        ["loyalty", "points"], ["cashback"], ["sign-up", "rewards"]]
    assert alternatives("wellness claims for the candle") == [["wellness"]]
    assert alternatives("the Glasgow store, it opens next year") == [["Glasgow", "store"]]


# ------------------------------------------------------------------ the rules they make

@pytest.mark.parametrize("constraints, broken, kept", [
    (["Never say 'miracle', 'magic' or 'instant'"], "Instant shine, no scrubbing.", "Shine in two minutes."),
    (["Only describe it as 'oat-based' - never 'dairy-free'"], "Creamy and dairy-free.", "Creamy and oat-based."),
    (["Don't promise softer hair"], "Hair that feels softer by Friday.", "A softer towel for the gym."),
    (["No loyalty points or cashback"], "Earn loyalty points on every shop.", "Points of sale in 40 towns."),
    (["Don't mention the Bristol branch, it is not open yet"], "Now in Bath and Bristol.", "Now in Bath."),
    (["Avoid the word affordable"], "An affordable upgrade.", "A low-cost upgrade."),
    (["Don't claim it heals blisters"], "Heals blisters overnight.", "It won't heal a blister, but it cushions."),
])
def test_bans(constraints: list[str], broken: str, kept: str) -> None:
    assert blocking(constraints, broken)
    assert not blocking(constraints, kept)


@pytest.mark.parametrize("constraints, broken, kept", [
    (["Any voucher must say 'Ends 31 May'"], "Use voucher SPRING10 for 10% off.",
     "Use SPRING10 for 10% off. Ends 31 May."),
    (["Include 'Over 18s only' and 'Please play responsibly'"], "Over 18s only.",
     "Over 18s only. Please play responsibly."),
    (["Always add 'AER variable' after the rate"], "Save at 4.2% with us.", "Save at 4.2% AER variable."),
    (["If you mention recycling, add 'check locally'"], "Recycle the tin.", "Recycle the tin; check locally."),
    (["Include the past-performance warning"], "Returns were 9% last year.",
     "Past performance is not a guide to future returns."),
    (["Mention the opening night, 3 March"], "Book now for our opening night.", "Doors open on 3 March."),
])
def test_requirements(constraints: list[str], broken: str, kept: str) -> None:
    assert blocking(constraints, broken)
    assert not blocking(constraints, kept)


def test_a_position_and_a_piece() -> None:
    rule = ["Start every caption with #sponsored"]
    assert blocking(rule, post=("Instagram", "Loving this serum #sponsored"))
    assert not blocking(rule, post=("Instagram", "#sponsored Loving this serum"))
    assert not blocking(rule, text="Loving this serum.")  # a caption rule: long copy has no caption


def test_a_ban_on_a_piece_reads_only_that_piece() -> None:
    rule = ["Don't show prices on posters"]
    concept = {"headline": "Spring linen from £25", "subline": "In store now", "callToAction": "Visit us",
               "palette": ["#FFFFFF", "#111111", "#0B3D91", "#FFFFFF"], "altText": "Linen shirts folded on a table"}
    assert blocking(rule, poster=concept)
    assert not blocking(rule, "Spring linen from £25.")


@pytest.mark.parametrize("constraint, broken, kept", [
    ("Do not name competitors", "Quieter than a Hoovra 9 on the same rug.", "Quieter than our old model."),
    ("Never mention rival banks by name", "Switching from Northmoor Bank? It takes a day.",
     "Switching banks? It takes a day."),
])
def test_naming_a_competitor(constraint: str, broken: str, kept: str) -> None:
    assert blocking([constraint], broken)
    assert not blocking([constraint], kept)


def test_limits_in_words_and_capitals() -> None:
    def poster(headline: str) -> dict[str, Any]:
        return {"headline": headline, "subline": "Baked on site", "callToAction": "Visit us",
                "palette": ["#FFFFFF", "#111111", "#0B3D91", "#FFFFFF"], "altText": f"A loaf on a board: {headline}"}

    assert blocking(["Headline five words or fewer"], poster=poster("Fresh bread baked every single morning"))
    assert not blocking(["Headline five words or fewer"], poster=poster("Fresh bread every morning"))
    assert blocking(["Never write in capitals"], "HUGE SAVINGS this weekend.")
    assert not blocking(["Never write in capitals"], "Big savings at the NHS staff store.")


def test_a_reason_after_the_ask_is_not_an_unchecked_constraint() -> None:
    pack, unread = compile_brief(["Don't claim it heals scars - it is a cosmetic"])
    assert [r.id for r in pack.rules] == ["brief.avoid.heals-scars"] and unread == []
    pack, unread = compile_brief(["Never mention rival banks by name"])
    assert [r.id for r in pack.rules] == ["brief.avoid.competitor-names"]
