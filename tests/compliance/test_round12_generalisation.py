"""Round 12's classes (TUNING-LOG.md, "Round 12"), in this file's own wordings: one claim per
sentence owned by its specific area, a financial promotion's claims owned field-wide, a
percentage saved as the offer's discount, and a fee every buyer pays said in other words. Each
class has the wording that must be caught and the one beside it that must not. (Figures for an
effect on the body are in test_figures.py.)"""

from __future__ import annotations

import pytest
from helpers import rules_blocking as blocking

GENERAL = {"ads.claim-number", "ads.claim-comparison", "ads.claim-superlative", "ads.claim-proof"}


def test_the_general_claim_in_a_specific_claims_sentence_is_that_claims() -> None:
    one = blocking("Our travel mugs are the greenest way to take coffee out and the lightest on the market.")
    assert any(r.startswith("env.") for r in one) and not one & GENERAL


def test_a_general_claim_in_its_own_sentence_still_stands() -> None:
    two = blocking("Our travel mugs are the greenest way to take coffee out. They are also the lightest on the market.")
    assert any(r.startswith("env.") for r in two) and "ads.claim-superlative" in two


def test_a_dash_ends_the_sentence_a_claim_owns() -> None:
    two = blocking("Teeth four shades whiter in 5 days — and it heals bleeding gums as well.")
    assert "health.disease-claim" in two and "ads.claim-number" in two


def test_a_financial_promotions_comparisons_are_the_promotions_field_wide() -> None:
    found = blocking("Invest in the Kestrel Growth Fund today. It grows faster than any savings account.")
    assert "fin.risk-warning" in found and "ads.claim-comparison" not in found
    # the same comparison with no financial finding in its field is advertising's
    assert "ads.claim-comparison" in blocking("Our algorithm grows faster than any savings account.")


def test_outside_a_financial_promotion_the_comparison_is_advertisings() -> None:
    assert "ads.claim-comparison" in blocking("Our broadband beats the big providers hands down.")


@pytest.mark.parametrize("text", [
    "Refill by post every month. Subscribe and save 12%.",
    "Move your team to Stratus this quarter and save 20%.",
    "Book online and save 10% when you pay in full.",
])
def test_a_percentage_saved_on_the_offer_is_its_discount(text: str) -> None:
    assert "ads.claim-number" not in blocking(text)


def test_a_percentage_saved_on_the_customers_bills_is_a_claim() -> None:
    assert "ads.claim-number" in blocking("Fit a Zylo thermostat and save 20% on your heating bills.")


@pytest.mark.parametrize("text", [
    "Vans from £39 a day. *Obligatory collision damage waiver (£14 a day) paid at the counter.",
    "Yoga for £25 a month. A £3 studio fee applies to all memberships.",
    "Lakeside lodges from £120 a night. A cleaning fee of £40 per stay is payable on arrival.",
])
def test_a_fee_every_buyer_pays_outside_the_price_blocks(text: str) -> None:
    assert "ads.compulsory-fee-outside-price" in blocking(text)


@pytest.mark.parametrize("text", [
    "Pay in 3 with no interest. A £6 late fee applies to each missed payment.",
    "Vans from £39 a day. A refundable deposit of £200 is payable at the counter.",
    "Lakeside lodges from £120 a night, including the cleaning fee.",
])
def test_a_conditional_fee_or_a_deposit_or_an_included_fee_passes(text: str) -> None:
    assert "ads.compulsory-fee-outside-price" not in blocking(text)


def test_the_typical_case_on_file_below_the_figure_makes_it_the_best_case() -> None:
    evidence = ["Tracker data from 1,800 Blaze 40 classes: median 450 kcal; top 5% above 900 kcal"]
    assert "health.quantified-effect" in blocking("Blast 900 calories in 40 minutes at Blaze 40.", evidence)
    assert "health.quantified-effect" in blocking("BLAZE 40: up to 900 calories a class.", evidence)
    # the typical case the evidence states, or the copy saying what is typical, passes
    assert "health.quantified-effect" not in blocking("Burn around 450 calories in 40 minutes.", evidence)
    assert "health.quantified-effect" not in blocking(
        "Blast up to 900 calories in 40 minutes; the median class burns 450 kcal.", evidence)


def test_an_amount_above_the_typical_amount_on_file_is_the_best_case() -> None:
    evidence = ["Switchers Jan-Jun 2026: average saving across all new customers £95; top 10% saved £400+"]
    assert "ads.claim-number" in blocking("Switch your broadband to Zylo and save £400 a year.", evidence)
    assert "ads.claim-number" not in blocking("Switch your broadband to Zylo and save £95 a year.", evidence)


@pytest.mark.parametrize("text", [
    "Drivers who switch to Zylo Cover save £380 on their car insurance.",
    "Sellers on Zylo earn £2,500 a month from their spare room.",
])
def test_an_amount_saved_on_a_financial_product_or_earned_is_the_financial_promotions(text: str) -> None:
    found = blocking(text)
    assert "fin.quantified-benefit" in found and "ads.claim-number" not in found


def test_an_amount_saved_on_broadband_stays_the_general_number() -> None:
    found = blocking("Switch your broadband to Zylo and save £380 a year.")
    assert "ads.claim-number" in found and "fin.quantified-benefit" not in found


def test_a_results_testimonial_needs_the_typical_result_not_a_disclaimer() -> None:
    said = '"I dropped 3 stone in five months on Zylo." Priya, Leeds. Results not typical.'
    assert "endorse.typicality" in blocking(said)
    typical = ('"I dropped 3 stone in five months on Zylo." Priya, Leeds. Most members who finish the '
               '12-week plan lose between 5 and 9 lb.')
    assert "endorse.typicality" not in blocking(typical)


def test_a_survey_of_the_advertisers_own_paid_panel_documents_no_independent_endorsement() -> None:
    panel = ["Poll of the 8 dentists on Zylo's paid advisory panel: 7 would recommend it"]
    assert "endorse.expert" in blocking("Recommended by dentists.", panel)
    # the copy saying who they are answers it; an independent survey documents it
    assert "endorse.expert" not in blocking(
        "Recommended by the dentists on our paid advisory panel.", panel)
    assert "endorse.expert" not in blocking(
        "Recommended by dentists.", ["Independent survey of 300 UK dentists: 81% would recommend Zylo"])


def test_all_energy_called_renewable_while_a_fossil_fuel_on_file_heats_part_of_it() -> None:
    evidence = ["Electricity: 100% renewable tariff (REGO-backed)",
                "Ovens fired by natural gas, about half the bakery's energy"]
    assert "env.contradicted-claim" in blocking("Every loaf is baked with 100% renewable energy.", evidence)
    assert "env.contradicted-claim" not in blocking(
        "Our bakery's electricity is 100% renewable; the ovens still run on gas.", evidence)
