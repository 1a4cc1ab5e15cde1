"""Round 13's classes (TUNING-LOG.md, "Round 13"), in this file's own wordings: a ranking among part
of the market or in some of its places; taxes taken out of a price in a later line; a reference
price charged briefly; a shortage most of the stock contradicts; a limit under "unlimited" that
"T&Cs apply" does not answer; "free" with a fee every taker pays; a financial product's general
claims filed under the promotion; conditions an insurance policy covers; a banned word in a
hashtag. Each class has the wording that must be caught and the one beside it that must not."""

from __future__ import annotations

import pytest
from helpers import rules_blocking as blocking


@pytest.mark.parametrize("text, evidence", [
    ("The UK's fastest home broadband.",
     ["Ookla H1 2024: fastest median download among the UK's five largest providers"]),
    ("Britain's cheapest 12-month fix.", ["Cheapest 12-month fix in 4 of 14 regions, Uswitch, May 2024"]),
    ("The fastest broadband you can buy.", ["Fastest median speed in the test; smaller altnets excluded"]),
])
def test_a_ranking_among_part_of_the_market_does_not_back_the_whole(text: str, evidence: list[str]) -> None:
    assert "ads.claim-superlative" in blocking(text, evidence)


def test_a_ranking_that_names_its_part_of_the_market_is_backed() -> None:
    evidence = ["Ookla H1 2024: fastest median download among the UK's five largest providers"]
    text = "The fastest of the UK's five largest broadband providers."
    assert "ads.claim-superlative" not in blocking(text, evidence)


@pytest.mark.parametrize("text", [
    "Emergency plumber, £65 flat rate. Plus VAT and parts.",
    "Edinburgh to Rome from £24.99 one way! Book now. *Excludes taxes and charges.",
    "Sofa cleaning from £40 a seat. All prices exclude VAT.",
])
def test_a_price_whose_taxes_are_taken_out_later_blocks(text: str) -> None:
    assert "ads.price-excl-vat" in blocking(text)


@pytest.mark.parametrize("text", [
    "Rome from £24.99 one way, including taxes and charges.",
    "Office chairs from £89. Built for businesses. Prices exclude VAT.",
])
def test_a_price_with_its_taxes_or_to_businesses_passes(text: str) -> None:
    assert "ads.price-excl-vat" not in blocking(text)


def test_a_was_price_charged_for_a_week_at_one_shop_is_not_a_saving() -> None:
    found = blocking("Was £1,200, now £499 in our winter sale.",
                     ["£1,200 charged at our Leeds showroom for one week in March; £499-£549 online since"])
    assert "ads.undisclosed-condition" in found


def test_a_shortage_most_of_the_stock_contradicts_blocks() -> None:
    assert "ads.false-urgency" in blocking("Only a handful of places left for our August surf camp!",
                                           ["August camp: 41 of 48 places still unbooked on 1 July"])
    # the same line with no evidence against it is pressure, not a false claim
    assert "ads.false-urgency" not in blocking("Only a handful of places left for our August surf camp!")


def test_unlimited_cover_under_a_yearly_limit_is_not_answered_by_terms_apply() -> None:
    found = blocking("Unlimited physio sessions, for as long as you're with us. Terms and conditions apply.",
                     ["Physiotherapy covered up to £1,500 per year; the limit resets on renewal"])
    assert "ads.undisclosed-condition" in found


def test_a_stated_limit_answers_unlimited() -> None:
    found = blocking("Physio cover up to £1,500 a year, renewed each year. Terms and conditions apply.",
                     ["Physiotherapy covered up to £1,500 per year; the limit resets on renewal"])
    assert "ads.undisclosed-condition" not in found


def test_free_with_a_fee_every_taker_pays_is_not_free_even_when_said() -> None:
    found = blocking("Get a FREE mesh router with any plan. A one-off £39 set-up fee applies.",
                     ["Mesh router included with every plan", "One-off set-up fee £39 charged to all new customers"])
    assert "ads.free-with-compulsory-charge" in found


def test_free_beside_an_all_in_price_passes() -> None:
    found = blocking("Free face painting in the kids' field. Weekend tickets £180 including all fees.",
                     ["Weekend tickets £180 all-in, including mandatory fees"])
    assert "ads.free-with-compulsory-charge" not in found


def test_a_financial_products_general_claims_are_the_promotions() -> None:
    evidence = ["Switchers Jan-Jun 2024: median saving £88", "Largest saving recorded: £510 (one customer)"]
    found = blocking("Customers who switched saved up to £510.", evidence, product="Harbour Home Insurance")
    assert "fin.promotion.up-to-maximum" in found and not {r for r in found if r.startswith("ads.")}
    # the same claim for a product that is not a financial one stays advertising's
    found = blocking("Customers who switched saved up to £510.", evidence, product="Harbour Boilers")
    assert "ads.up-to-maximum" in found


def test_a_ranking_against_the_market_in_a_financial_promotion_stays_advertisings() -> None:
    found = blocking("The UK's cheapest car insurance.", ["No price survey on file"], product="Roadwise Car Insurance")
    assert "ads.claim-superlative" in found


def test_conditions_an_insurance_policy_covers_are_no_disease_claim() -> None:
    text = "Arthritis, diabetes, allergies: covered for life. Excess applies."
    assert not blocking(text, product="Whisker Lifetime Pet Insurance", prefix="health.")
    # the same words for a supplement are one
    assert "health.disease-claim" in blocking("Arthritis, diabetes, allergies: gone for good.", product="Whisker Chews")


@pytest.mark.parametrize("tag", ["#BestCoffeeInTown", "#best"])
def test_a_banned_word_in_a_hashtag_breaks_the_ban(tag: str) -> None:
    found = blocking(f"Fresh roast every morning. {tag}", constraints=["don't use the word 'best'"])
    assert "brief.avoid.best" in found


def test_a_banned_word_inside_another_word_or_a_handle_does_not() -> None:
    found = blocking("Our bestseller is back. Follow @bestbeansuk", constraints=["don't use the word 'best'"])
    assert "brief.avoid.best" not in found
