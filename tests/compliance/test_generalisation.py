"""The round-2 mechanisms that make the rules generalise, each with the twin that must
not change: one claim reported once (ownership), the brief's evidence restricting a claim
(undisclosed-condition), figures that are facts by structure, hedged and paraphrase-backed
superlatives, shares backed by a rounded evidence figure. Wordings here are not corpus
snippets: they vary the classes the corpora showed."""

from __future__ import annotations

import pytest

from marketing_agents.compliance.base import ArtifactLayout, AuditContext
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.models import ArtifactType, CampaignBrief

CAMPAIGN = "c-00000000000000d2"
AUDITOR = RuleEngineAuditor()


def found(text: str, evidence: list[str] | None = None) -> set[str]:
    """Rule ids of the blocking (High/Critical) findings on ``text`` as a Copy body."""
    layout = ArtifactLayout(id=f"{CAMPAIGN}-copy-v1", campaign_id=CAMPAIGN, type=ArtifactType.COPY,
                            data={"bodyLong": text})
    brief = CampaignBrief(theme="Launch", product="Zylo", target_audience="Adults", tone="Warm",
                          evidence=evidence or [])
    ctx = AuditContext(report_id=f"{CAMPAIGN}-audit-1", campaign_id=CAMPAIGN, brief=brief,
                       texts={ArtifactType.COPY: layout})
    return {f.issue.rule_id for f in AUDITOR.run_rules(ctx).findings if f.issue.severity.value in ("High", "Critical")}


def test_a_claim_a_specific_rule_owns_is_reported_once() -> None:
    owned = found("Zylo chews are recommended by 8 out of 10 dog trainers.")
    assert "endorse.expert" in owned and "ads.claim-number" not in owned
    # another sentence, another claim: both stay (in one sentence the endorsement owns it, ownership.py)
    both = found("Trainers agree. And Zylo is the smartest lead you can buy.")
    assert {"endorse.expert", "ads.claim-superlative"} <= both


@pytest.mark.parametrize("text, evidence, rule", [
    ("Free parking all weekend at Zylo Mall!", ["Parking is free only for Zylo Card members"],
     "ads.undisclosed-condition"),
    ("Concert tickets from just £12 on Zylo.", ["A £3.50 service fee is added to every ticket"],
     "ads.undisclosed-condition"),
    ("Zylo Mobile: unlimited calls, stream all you like.", ["Fair use policy of 5,000 minutes a month"],
     "ads.undisclosed-condition"),
    ("Rome from £29.99 return with Zylo Air.", ["Fewer than 2% of seats on the route sold at £29.99"],
     "ads.undisclosed-condition"),
    ("“Best blender I've owned” — Priya, verified buyer", ["Priya is Zylo's head of marketing"],
     "endorse.undisclosed-connection"),
    ("Approved by the Sleep Wellness Council.", ["The council is funded by Zylo"], "endorse.undisclosed-connection"),
    ("Your deposits are protected by the FSCS.", ["Zylo notes are not covered by the FSCS"],
     "fin.undisclosed-condition"),
])
def test_a_restriction_in_the_evidence_the_copy_omits_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Free parking for Zylo Card members all weekend!", ["Parking is free only for Zylo Card members"]),
    ("Zylo Mobile: unlimited calls, stream all you like.", ["No fair use cap on calls"]),
    ("Concert tickets from just £12 on Zylo (T&Cs apply).", ["A £3.50 service fee is added to every ticket"]),
    ("Free parking all weekend at Zylo Mall!", []),
])
def test_a_stated_or_absent_restriction_does_not(text: str, evidence: list[str]) -> None:
    assert not found(text, evidence) & {"ads.undisclosed-condition", "endorse.undisclosed-connection"}


@pytest.mark.parametrize("text", [
    "Representative example: borrow £3,000 over 36 months at 9.9% APR representative, 36 monthly payments of £96.",
    "Each Zylo bar has 12 g of protein and 180 kcal.",
    "Dissolve 2 tablets in water and wait 5 minutes.",
    "Save 30% on all Zylo trainers this weekend.",
    "Our Scope 1 and 2 emissions target is published in our report.",
    "Zylo Fund returned 4.1% in 2025. Past performance is not a reliable indicator of future results.",
])
def test_figures_that_are_facts_are_not_claims(text: str) -> None:
    assert "ads.claim-number" not in found(text)


@pytest.mark.parametrize("text", [
    "Save 20% on your heating bills with Zylo.",
    "Zylo cleans 3x faster.",
    "Zylo cuts frizz by 60%.",
])
def test_figures_that_claim_an_outcome_still_need_evidence(text: str) -> None:
    assert "ads.claim-number" in found(text)


def test_hedged_superlatives_are_puffery_and_bare_ones_are_claims() -> None:
    assert "ads.claim-superlative" not in found("Zylo: arguably the finest espresso in Bristol.")
    assert "ads.claim-superlative" in found("Zylo: the finest espresso in Bristol.")


def test_a_superlative_is_backed_by_evidence_that_ranks_it_in_other_words() -> None:
    text = "Zylo is the UK's best-selling cordless kettle."
    assert "ads.claim-superlative" not in found(text, ["GfK 2026: Zylo No.1 cordless kettle by unit sales, UK"])
    # a ranking on another dimension does not back it
    assert "ads.claim-superlative" in found(text, ["Which? 2026: Zylo lowest price cordless kettle"])


def test_a_rounded_share_is_backed_by_an_evidence_share_that_rounds_to_it() -> None:
    text = "9 in 10 owners would buy Zylo again."
    assert "ads.claim-number" not in found(text, ["Owner survey 2026: 364 of 401 owners would buy again"])
    assert "ads.claim-number" in found(text, ["Owner survey 2026: 300 of 401 owners would buy again"])


@pytest.mark.parametrize("text, claim", [
    ("Say bye-bye to heartburn with Zylo tea.", True),
    ("Zylo resin cures in 12 hours.", False),
    ("Zylo: the herbal alternative to sleeping pills.", True),
    ("Zylo is nature's antihistamine.", True),
])
def test_health_claim_structure(text: str, claim: bool) -> None:
    assert bool(found(text) & {"health.disease-claim", "health.medicinal-claim"}) is claim


def test_consumer_prices_include_vat_and_trade_prices_may_not() -> None:
    assert "ads.price-excl-vat" in found("The Zylo 15 tablet, just £329 + VAT.")
    assert "ads.price-excl-vat" not in found("For businesses: the Zylo 15 tablet at £329 + VAT.")


def test_a_sentence_is_one_claim_owned_by_its_specific_area() -> None:
    """Round 12 (ownership.py): the general comparison in an environmental claim's sentence is
    that claim's; in a sentence of its own it is a second claim."""
    one = found("Zylo is eco-friendly and keeps drinks cold 40% longer than glass.")
    assert "env.generic-claim" in one and "ads.claim-comparison" not in one
    two = found("Zylo is eco-friendly. It keeps drinks cold 40% longer than glass.")
    assert {"env.generic-claim", "ads.claim-comparison"} <= two
