"""Round 11's classes (TUNING-LOG.md, "Round 11"), in this file's own wordings: investments
named by their kind, rates before the loan they are for, charges said as a markup, conditions of
a refund, shared first places, a fee beside "no extras", certainty against a share of jobs,
conditions ended in the perfect, alcohol and infant milk, hashtags read as their words, and
green compounds of praise. Each class has the wording that must be caught and the one beside it
that must not."""

from __future__ import annotations

import pytest
from helpers import rules_blocking as blocking


@pytest.mark.parametrize("text", [
    "Your spare pennies go into an emerging markets fund, completely risk-free.",
    "Steady Growth. No Risk.",
    "The Kestrel Cautious Portfolio spreads your money across bonds and shares.",
    "Open a SIPP with Larkfield and pick from 40 funds.",
    "$ORBIT is up 6x'd this week. Don't miss it before it moons.",
    "Move your old workplace pensions into one Larkfield pot and choose how it's invested.",
])
def test_an_investment_named_by_its_kind_needs_its_warning(text: str) -> None:
    assert blocking(text, prefix="fin.")


def test_an_investment_with_its_warning_in_other_words_passes() -> None:
    text = ("Move your old workplace pensions into one Larkfield pot. Pension investments can fall as well as rise, "
            "and you could get back less than you paid in.")
    assert "fin.risk-warning" not in blocking(text)


def test_a_mortgage_rate_stated_before_its_mortgage_needs_the_representative_example() -> None:
    bare = "Fix at 3.95% for two years. Our mortgage advisers are ready when you are."
    assert "fin.credit-terms" in blocking(bare)
    with_example = bare + " The overall cost for comparison is 6.8% APRC representative."
    assert "fin.credit-terms" not in blocking(with_example)
    assert "fin.credit-terms" not in blocking("Save 15% on every sofa this weekend. Ask about our home loans partner.")


def test_a_markup_over_a_rate_is_a_fee() -> None:
    evidence = ["Card payments abroad converted at the Visa rate + 0.8%; ATM use free up to £150 a month, then 1.5%"]
    assert "fin.hidden-costs" in blocking("Use the Pelican card abroad with zero fees.", evidence)
    stated = "No monthly fee. Abroad we convert at the Visa rate plus 0.8%, and after that we charge 1.5% at ATMs."
    assert "fin.hidden-costs" not in blocking(stated, evidence)


def test_a_rate_named_as_the_account_and_uncapped_cashback_meet_their_conditions() -> None:
    assert "fin.rate-conditions" in blocking(
        "6.5% Monthly Saver. Open yours today.",
        ["Monthly Saver: 6.50% AER fixed for 12 months on £20-£250 a month; one per customer"])
    assert "fin.rate-conditions" in blocking(
        "2% cashback, no cap.", ["Current account cashback of 2% on bills, capped at £10 a month"])


def test_a_refund_promised_whole_meets_its_window() -> None:
    evidence = ["Refunds only within 14 days of delivery; a £6 restocking fee is deducted"]
    assert "ads.undisclosed-condition" in blocking("Not sure? Send it back any time and we'll refund every penny.",
                                                   evidence)
    assert "ads.undisclosed-condition" not in blocking(
        "Not sure? Send it back within 14 days for a refund, less a £6 restocking fee (T&Cs apply).", evidence)


def test_a_first_place_the_evidence_shares_must_say_so() -> None:
    evidence = ["Which? 2025 broadband survey: Fernline joint first for customer service with one other provider"]
    assert "ads.superlative-shared" in blocking("Fernline: the best customer service in broadband.", evidence)
    assert "ads.superlative-shared" not in blocking("Fernline: joint best customer service in broadband (Which? 2025).",
                                                    evidence)
    assert "ads.superlative-shared" not in blocking("Fernline: the best customer service in broadband.",
                                                    ["Which? 2025: Fernline first for customer service"])


def test_no_extras_beside_a_fee_the_copy_names() -> None:
    assert "ads.no-extras-contradicted" in blocking(
        "Carpet cleans from £55, no hidden extras. A £12 parking charge is added in the city centre.")
    assert "ads.no-extras-contradicted" not in blocking(
        "Carpet cleans from £55, no hidden extras, and no call-out fee anywhere in the county.")


def test_every_time_against_a_share_of_jobs() -> None:
    evidence = ["2024 job log: engineer on site within four hours on 83% of callouts"]
    assert "ads.outcome-promise" in blocking("We're with you within four hours, every time.", evidence)
    assert "ads.outcome-promise" not in blocking("We're with you within four hours on most callouts.", evidence)


@pytest.mark.parametrize("text", [
    "Since the first session my panic attacks have finally gone.",
    "Two weeks in, the eczema is a memory.",
    "The app that rewires insomnia.",
    "Crunchy chews for dogs. #NoMoreKennelCough",
])
def test_a_condition_ended_in_other_words_is_a_disease_claim(text: str) -> None:
    assert "health.disease-claim" in blocking(text)


@pytest.mark.parametrize("text", [
    "My headache has been worse since Monday, so I booked the optician.",
    "The stress of moving is over in a day with our removals team.",
])
def test_a_condition_that_is_not_ended_is_no_claim(text: str) -> None:
    assert "health.disease-claim" not in blocking(text)


@pytest.mark.parametrize("text", [
    "Larchmoor Dry Gin, 41% ABV: a double measure and the week's worries melt away.",
    "A 5% ABV hard seltzer with zero sugar.",
    "Our 12.5% Rioja gives you the confidence to own the room.",
])
def test_alcohol_sold_on_its_effect_or_its_nutrition(text: str) -> None:
    assert "health.alcohol-effect" in blocking(text)


@pytest.mark.parametrize("text", [
    "Larchmoor Dry Gin, 41% ABV, distilled with juniper and bog myrtle. Lower alcohol options too.",
    "Our alcohol-free gin alternative has zero sugar and just 10 calories.",
    "Our ginger shot has zero sugar and a fiery kick.",
    "A spritz of our face mist is the perfect pick-me-up.",
])
def test_alcohol_described_or_a_drink_without_alcohol_passes(text: str) -> None:
    assert "health.alcohol-effect" not in blocking(text)


def test_infant_formula_promoted_or_idealised() -> None:
    assert "health.infant-formula" in blocking("Introducing Cradle First Infant Milk, in stores from Monday.")
    assert "health.infant-formula" in blocking("Our follow-on formula is the nearest thing to breast milk.")
    assert "health.infant-formula" not in blocking(
        "Double points on shopping over £40, excluding tobacco and infant formula.")
    assert "health.infant-formula" not in blocking(
        "Breastfeeding is best for babies. Our follow-on milk is for babies from six months, as part of a varied diet.")


def test_a_hashtag_says_what_its_words_say() -> None:
    assert "env.generic-claim" in blocking("Autumn knits just dropped. #ZeroWasteWardrobe")
    assert not blocking("Autumn knits just dropped. #KnitWeek", prefix="env.")


@pytest.mark.parametrize("text", ["Meet the earth-proud trainer.", "A planet-clean way to commute.",
                                  "Carbon-light city breaks by rail."])
def test_green_compounds_of_praise_are_generic_claims(text: str) -> None:
    assert "env.generic-claim" in blocking(text)


@pytest.mark.parametrize("text", ["A sea-salt white tee.", "Climate-controlled storage.", "Carbon steel woks.",
                                  "Tree-lined avenues."])
def test_descriptive_compounds_are_not(text: str) -> None:
    assert not blocking(text, prefix="env.")


def test_a_group_that_cannot_stop_using_it_endorses_it() -> None:
    assert "endorse.expert" in blocking("The hair dryer salon stylists can't stop using.")


def test_high_cost_short_term_credit_needs_its_own_warning() -> None:
    bare = "Car needs fixing before payday? Borrow £50 to £800 today. Representative 1,254% APR."
    assert "fin.high-cost-credit-warning" in blocking(bare)
    warned = bare + " Warning: Late repayment can cause you serious money problems. For help, go to moneyhelper.org.uk."
    assert "fin.high-cost-credit-warning" not in blocking(warned)
    assert "fin.high-cost-credit-warning" not in blocking("Representative 24.9% APR (variable). Subject to status.")


def test_leverage_as_a_ratio_is_an_investment_promotion() -> None:
    assert "fin.risk-warning" in blocking("Go short on the Nasdaq with leverage up to 30:1 and tight spreads.")


@pytest.mark.parametrize("text", [
    "Carpet cleans from £55, no hidden extras, and no call-out fee anywhere in the county.",
    "The Orla shoe has a cushioned heel for the longest shifts on the ward.",
    "Serve it best with ice and a slice of orange.",
    "It weighs 1.9 kg, lighter than our last model at 2.4 kg.",
    "A longer term may cost more overall than your current arrangement.",
])
def test_fair_copy_the_general_claim_rules_leave_alone(text: str) -> None:
    assert not blocking(text, prefix="ads.")


@pytest.mark.parametrize("text", [
    "Lazy Sunday, oat cream on. #byebyepsoriasis #selfcare",
    "Our throat sweets, now in lemon. #NoMoreSoreThroat",
    "Two sprays before bed. #snoringfree",
    "Wake up hangover-proof with Fizzback.",
    "One week on the Lumen pillow and the night sweats pack their bags.",
])
def test_a_claim_in_a_hashtag_or_an_idiom_is_the_copys(text: str) -> None:
    assert "health.disease-claim" in blocking(text)


@pytest.mark.parametrize("text", ["New season drop. #nomorewaste #byebyeplastic", "A cold-proof jacket for hikes."])
def test_a_hashtag_or_compound_without_a_condition_is_not(text: str) -> None:
    assert "health.disease-claim" not in blocking(text)


def test_the_planet_left_as_it_was_is_a_green_claim() -> None:
    assert "env.generic-claim" in blocking("Bamboo brushes, so your morning routine leaves the planet no worse off.")
    assert not blocking("Please leave the campsite as you found it.", prefix="env.")


def test_a_personal_code_after_first_person_praise_is_a_connection() -> None:
    assert "endorse.material-connection" in blocking("I'm obsessed with this serum. Use LUCY15 for 15% off!")
    assert "endorse.material-connection" not in blocking("Spring sale: use SPRING15 for 15% off everything.")


def test_a_compulsory_fee_beside_the_price_is_still_outside_it() -> None:
    stated = "Cabins in the Dales from £59 a night. *A £12 cleaning fee is added at checkout on every stay."
    assert "ads.compulsory-fee-outside-price" in blocking(stated)
    assert "ads.compulsory-fee-outside-price" not in blocking(
        "Cabins in the Dales from £71 a night, including the cleaning fee.")
    assert "ads.compulsory-fee-outside-price" not in blocking("Late payment fees apply if you miss a payment of £20.")


def test_a_share_above_a_bound_needs_an_evidence_share_above_it() -> None:
    evidence = ["Home-use test, n=240, 14 days: 71% said the stain lifted in one wash"]
    assert "ads.claim-number" in blocking("Over 75% of testers said the stain lifted in one wash.", evidence)
    assert "ads.claim-number" not in blocking("Over 70% of testers said the stain lifted in one wash.", evidence)


def test_a_ranking_whose_evidence_is_old_must_say_when() -> None:
    evidence = ["GfK: Brewmate No.1 espresso machine by units, 2020", "No sales ranking data held since 2020"]
    assert "ads.claim-out-of-date" in blocking("Brewmate, the best-selling espresso machine.", evidence)
    dated = "Brewmate, the best-selling espresso machine in 2020 (GfK)."
    assert "ads.claim-out-of-date" not in blocking(dated, evidence)
    assert "ads.claim-out-of-date" not in blocking("Brewmate, the best-selling espresso machine.",
                                                   ["GfK: Brewmate No.1 espresso machine by units, 2025"])


def test_a_commendation_or_a_sister_products_award_is_not_a_win() -> None:
    assert "ads.award-misstated" in blocking("Proud to be crowned Best Family Hotel 2025!",
                                             ["Family Travel Awards 2025: Highly Commended"])
    assert "ads.compulsory-fee-outside-price" not in blocking(
        "Seven nights for £640 each, including flights, transfers and the hotel's mandatory resort fee.")


def test_small_print_that_takes_back_the_headline() -> None:
    assert "ads.qualification-contradicts" in blocking(
        "Unlimited data on Orbit Plus. Hotspot as much as you like. *Tethering capped at 10 GB a month.")
    assert "ads.qualification-contradicts" in blocking(
        "Every guest gets a free cocktail tonight! *Free cocktail with orders of £40 or more.")
    assert "ads.qualification-contradicts" not in blocking("Unlimited data, calls and texts on Orbit Plus.")
