"""The round-3 mechanisms, each with the twin that must not change. Wordings here are not
corpus snippets: they vary the classes the third fresh dev batch showed."""

from __future__ import annotations

import pytest

from marketing_agents.compliance.base import ArtifactLayout, AuditContext
from marketing_agents.compliance.engine import RuleEngineAuditor
from marketing_agents.models import ArtifactType, CampaignBrief
from tests.compliance.test_generalisation import found

AUDITOR = RuleEngineAuditor()


@pytest.mark.parametrize("text, evidence", [
    # first-person testimony whose author the evidence ties to the advertiser
    ("Spent the weekend in my new Zylo jacket and stayed bone dry.",
     ["Jacket sent free to the creator in return for a post"]),
    ("Walked the whole coast path in my Zylo boots.", ["The walker is a paid Zylo ambassador"]),
    ("Zylo is the only shampoo I reach for. - Mia Cole, presenter", ["The presenter has never used Zylo"]),
    ("Join 40K fans who already drink Zylo.", ["Zylo bought 25,000 followers from an agency"]),
])
def test_a_connected_or_false_endorsement_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("#ad Spent the weekend in my new Zylo jacket and stayed bone dry.",
     ["Jacket sent free to the creator in return for a post"]),
    ("Gifted by Zylo: spent the weekend in this jacket and stayed bone dry.", ["Jacket sent free to the creator"]),
    ("Walked the whole coast path in my Zylo boots.", ["Boots bought by the walker at full price"]),
])
def test_a_disclosed_or_unconnected_endorsement_passes(text: str, evidence: list[str]) -> None:
    assert not any(rule.startswith("endorse.") for rule in found(text, evidence))


def test_a_first_person_superlative_is_the_endorsers_opinion_and_a_market_one_is_a_claim() -> None:
    assert "ads.claim-superlative" not in found("Honestly the lightest boots I have ever worn.")
    assert "ads.claim-superlative" in found("The lightest boots you can buy.")
    assert "ads.claim-superlative" in found("My shop sells the cheapest boots on the market.")


@pytest.mark.parametrize("text, evidence", [
    ("Wore Zylo through a 12-hour shift and a 5-mile walk home.", []),
    ("My legs went at mile 20, my Zylo socks never did.", []),
    ("64% of riders said the saddle felt comfier*. *Survey of 25 riders after 1 week.",
     ["Survey of 25 riders given the saddle free; 16 said it felt comfier"]),
])
def test_figures_of_an_occasion_or_counted_in_the_evidence_are_not_claims(text: str, evidence: list[str]) -> None:
    assert "ads.claim-number" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence, rule", [
    ("Zylo protects for 48 hours.", [], "ads.claim-number"),
    ("64% of riders said the saddle felt comfier.", ["Survey of 25 riders; 15 said it felt comfier"],
     "ads.claim-number"),
    ("Join 40K fans who already drink Zylo.", [], "endorse.reviews"),
    ("Every review is 5 stars.", [], "endorse.reviews"),
])
def test_performance_figures_uncounted_shares_and_social_proof_still_block(
        text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


def _brief_findings(text: str, constraint: str) -> set[str]:
    """Rule ids of the brief-constraint findings on ``text`` as a Copy body."""
    campaign = "c-00000000000000d3"
    layout = ArtifactLayout(id=f"{campaign}-copy-v1", campaign_id=campaign, type=ArtifactType.COPY,
                            data={"bodyLong": text})
    brief = CampaignBrief(theme="Launch", product="Zylo", target_audience="Adults", tone="Warm",
                          constraints=[constraint])
    ctx = AuditContext(report_id=f"{campaign}-audit-1", campaign_id=campaign, brief=brief,
                       texts={ArtifactType.COPY: layout})
    return {f.issue.rule_id for f in AUDITOR.run_rules(ctx).findings if f.issue.rule_id.startswith("brief.")}


@pytest.mark.parametrize("constraint, said, unsaid", [
    ("Mention that it is vegan", "Zylo bars are 100% vegan.", "Zylo bars are delicious."),
    ("Mention the opening date, 3 June", "Doors open on the 3rd of June.", "Doors open in June."),
    ("Mention the price of £12 a month", "Twelve pounds a month, cancel any time.", "Twelve pounds, cancel any time."),
    ("Must include a call to action to visit a store", "Pop into your nearest Zylo store today.",
     "Zylo stores are everywhere."),
    ("Mention that stock is limited", "Only 300 made, available while stocks last.", "300 made for the season."),
    ("Must include 'T&Cs apply'", "Half price this week. Terms and conditions apply.", "Half price this week."),
])
def test_a_required_concept_is_honoured_in_other_words_and_missed_without_it(
        constraint: str, said: str, unsaid: str) -> None:
    assert not _brief_findings(said, constraint)
    assert _brief_findings(unsaid, constraint)


@pytest.mark.parametrize("constraint, indirect, unrelated", [
    ("Do not target children", "A treat for the little ones' lunchbox.", "A treat for your afternoon break."),
    ("Do not mention price", "All yours for under a fiver.", "All yours, wherever you go."),
    ("No discount language", "Take a quarter off every coat this week.", "Every coat, in six colours this week."),
    ("Do not mention competitors", "Forget the big chains on the high street.", "Forget queuing in the rain."),
    ("Avoid guarantees", "Not happy? We'll give you your money back.", "Not happy? Tell us and we'll listen."),
    ("Avoid testimonials", "“My cat finally sleeps through the night.” Try Zylo.", "Cats sleep well. Try Zylo."),
    ("Avoid the word 'cheap'", "Never been cheaper.", "Never been better made."),
    ("No exclamation marks", "Build it, break it, build it again!", "Build it, break it, build it again."),
])
def test_an_avoided_topic_mentioned_indirectly_is_caught_and_its_neighbour_is_not(
        constraint: str, indirect: str, unrelated: str) -> None:
    assert _brief_findings(indirect, constraint)
    assert not _brief_findings(unrelated, constraint)


def test_a_money_back_promise_in_other_words_needs_terms_and_a_duration_in_words_is_one() -> None:
    assert "ads.guarantee" in found("If it doesn't work, we'll hand back every penny.")
    assert "ads.guarantee" not in found("Covered by our two-year warranty.")


@pytest.mark.parametrize("text, evidence, rule", [
    ("Now 25% more coffee in every tin.", ["Tin increased from 200 g to 250 g"], "ads.claim-number"),
    ("Our 8-week beginners' running course starts Monday.", [], "ads.claim-number"),
    ("A third of the price of the market-leading brand (£3 vs £9, 1 May 2026).",
     ["Price check 1 May 2026: £3 vs market-leader £9"], "ads.claim-superlative"),
    ("'Faster than any courier I have used.' - R. Khan, Trustpilot review, 2 May 2026",
     ["Genuine Trustpilot review by R. Khan, 2 May 2026"], "ads.claim-comparison"),
])
def test_figures_and_comparisons_the_text_or_evidence_accounts_for_pass(text: str, evidence: list[str],
                                                                        rule: str) -> None:
    assert rule not in found(text, evidence)


@pytest.mark.parametrize("text, evidence, rule", [
    ("Now 25% more coffee in every tin.", ["Tin increased from 200 g to 240 g"], "ads.claim-number"),
    ("Zylo lasts 8 weeks longer.", [], "ads.claim-number"),
    ("The market-leading capsules, at half the price.", [], "ads.claim-superlative"),
    ("Zylo is faster than any courier.", [], "ads.claim-comparison"),
])
def test_their_twins_still_block(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


def test_a_weight_loss_figure_is_documented_only_by_the_same_figure_in_the_evidence() -> None:
    evidence = ["Average loss in the 10-week trial was 3.4 kg"]
    assert "health.weight-loss" not in found("Trial members lost 3.4 kg on average over 10 weeks; results vary.",
                                             evidence)
    assert "health.weight-loss" in found("I lost 15 kg in 10 weeks!", evidence)


def test_an_industrially_compostable_claim_says_where_it_composts() -> None:
    assert "env.compostable-unqualified" not in found("Industrially compostable pods (EN 13432).")
    assert "env.compostable-unqualified" in found("Compostable pods.")


@pytest.mark.parametrize("text, evidence, rule", [
    ("Offer ends in 04:59. Grab 30% off before the clock runs out.", ["The countdown restarts on every visit"],
     "ads.undisclosed-condition"),
    ("Speeds of up to 1,000 Mbps.", ["Line maximum 1,000 Mbps; median speed 280 Mbps"], "ads.undisclosed-condition"),
    ("A month of lunches for £20.", ["£20 is for the first month of an annual plan at £45 a month"],
     "ads.undisclosed-condition"),
    ("4.8 stars from genuine diners.", ["Ratings are not verified"], "endorse.undisclosed-connection"),
])
def test_an_offer_or_rating_the_evidence_undermines_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Join for 12 months at £20 a month and the blender is included.",
     ["Blender included with a 12-month plan at £20 a month"]),
    ("Tickets £30, including the £3.50 service fee.", ["A £3.50 service fee is added at checkout"]),
    ("Speeds of up to 1,000 Mbps.", ["Median speed 950 Mbps"]),
])
def test_terms_the_copy_states_in_other_words_answer_the_evidence(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" not in found(text, evidence)


def test_a_comparison_with_expectation_is_not_a_claim_and_one_with_a_rival_is() -> None:
    assert "ads.claim-comparison" not in found("Lighter than you'd think, quieter than it looks.")
    assert "ads.claim-comparison" in found("Lighter than any other trainer.")


@pytest.mark.parametrize("text, evidence", [
    ("Your welcome hamper is on the house.", ["The hamper is sent only with a 6-month plan"]),
    ("Sign up and the case comes gratis.", ["The plan price went up from £10 to £13 when the case was added"]),
    ("Was £500, now £250.", ["The £500 price applied for 4 days in March"]),
    ("City breaks from £89.", ["£89 on 3 Monday departures in February only"]),
    ("Free tote bag, just pay £5.95 postage.", ["Actual postage cost £1.20"]),
])
def test_free_in_other_words_and_prices_the_evidence_undermines_block(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in found(text, evidence)


def test_a_consumer_price_quoted_ex_vat_in_brackets_blocks_and_a_trade_price_does_not() -> None:
    assert "ads.price-excl-vat" in found("The Zylo 15 for £799 (ex. VAT).")
    assert "ads.price-excl-vat" not in found("The Zylo 15 for £799 (ex. VAT) for business buyers.")


@pytest.mark.parametrize("text, evidence", [
    ("Thanks @Zylo for my new trail shoes, so comfy", ["Shoes provided free; post required by contract"]),
    ("Sunday brunch sorted. Use ZOE20 for 20% off", ["Creator paid £90 and given a discount code"]),
    ("8 out of 10 dentists would recommend Zylo*. *Survey of 10 dentists.",
     ["Survey of 10 dentists, all paid consultants to Zylo"]),
])
def test_a_paid_or_gifted_endorsement_without_disclosure_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" in found(text, evidence)


def test_an_ad_label_at_the_start_discloses_it() -> None:
    assert "endorse.undisclosed-connection" not in found("Ad | Sunday brunch sorted. Use ZOE20 for 20% off",
                                                          ["Creator paid £90 and given a discount code"])


def test_a_guaranteed_growth_rate_or_a_one_way_value_is_a_guaranteed_return_and_a_fixed_deposit_is_not() -> None:
    assert "fin.guaranteed-returns" in found("Let your savings grow 9% a year, guaranteed.")
    assert "fin.guaranteed-returns" in found("Your portfolio can only go one way: up.")
    assert "fin.guaranteed-returns" not in found("Earn 4% a year, guaranteed, on a 1-year fixed rate bond (AER).")


@pytest.mark.parametrize("text, claim", [
    ("These chews sort out hip dysplasia in older dogs.", True),
    ("Zylo eases panic attacks.", True),
    ("Zylo sorts out cable clutter.", False),
    ("Zylo socks prevent blisters on long walks.", False),
])
def test_claim_verbs_with_conditions_by_word_formation(text: str, claim: bool) -> None:
    assert ("health.disease-claim" in found(text)) is claim


@pytest.mark.parametrize("text, claim", [
    ("Three drops a night and your migraines are history.", True),
    ("With Zylo, hay fever becomes a thing of the past.", True),
    ("Long queues are history with the Zylo app.", False),
    ("Migraines are not gone, but Zylo's dark screen mode is gentler on the eyes.", False),
])
def test_a_condition_as_the_subject_of_an_ending_predicate_is_a_disease_claim(text: str, claim: bool) -> None:
    assert ("health.disease-claim" in found(text)) is claim
