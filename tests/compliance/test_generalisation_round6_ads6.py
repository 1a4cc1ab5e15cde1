"""Round 6, advertising: whose claim it is and what a figure does. A general advertising
finding is a precision error when the claim is another area's (a financial promotion's
comparison, a review count's superlative) or when the qualification or evidence beside it
answers it; a figure that states a session's length, a container's capacity or an add-on's
price is a fact of the offer. And the misses: scarcity the evidence says is generated, a
was-price never charged, an "up to" reduction on few lines, a fee the "all-in" price leaves
out, a range above the rated one, a contrast with a named rival. Wordings are our own, in
industries other than the dev corpora's examples."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

ADS = {
    "ads.claim-number",
    "ads.claim-superlative",
    "ads.claim-comparison",
    "ads.guarantee",
    "ads.risk-free",
    "ads.undisclosed-condition",
    "ads.up-to-maximum",
    "ads.false-urgency",
    "ads.reference-price",
}


def _ads(text: str, evidence: list[str] | None = None) -> set[str]:
    return found(text, evidence) & ADS


# --- The role of a figure: facts of the offer (CAP 3.7 asks evidence of claims, not of terms) ---


@pytest.mark.parametrize(
    "text",
    [
        "Pottery workshops last 90 minutes and cost £35, clay included.",  # leisure: an event's length
        "Each consultation lasts 20 minutes; book online.",  # legal services
        "The guided tour takes 2 hours and leaves from the main gate.",  # travel
        "The lunchbox holds 800ml and has three compartments.",  # home: a capacity
        "The minibus seats 16 and comes with a driver.",  # transport: a capacity
        "Extra legroom costs £18 more per flight.",  # airline: an add-on's price
        "A gift box is £4 extra at checkout.",  # retail: an add-on's price
        "Lock your line rental and standing charges for 18 months.",  # telecom: fee nouns, a term
        "No helmet makes you 100% safe, so ride with care.",  # cycling: a denied effect
    ],
)
def test_a_figure_that_is_a_fact_of_the_offer_passes(text: str) -> None:
    assert "ads.claim-number" not in _ads(text)


@pytest.mark.parametrize(
    "text",
    [
        "The headlamp battery lasts 40 hours on one charge.",  # outdoor: a product's performance
        "This flask keeps soup hot for 18 hours.",  # home: performance with a time
        "The cream reduces dark spots by 60%.",  # cosmetics: an effect
        "No other broadband cuts buffering by 80%.",  # telecom: parity, not a denial
    ],
)
def test_a_figure_that_promises_performance_still_blocks(text: str) -> None:
    assert "ads.claim-number" in _ads(text)


# --- Superlative words that rank nothing in a market (CAP 3.2, 3.7) ---


@pytest.mark.parametrize(
    "text",
    [
        "The most you can borrow is £5,000 over three years.",  # lending: an amount
        "The least you'll pay is £9 a month on the basic plan.",  # gym: an amount
        "Treat your best friend to a grooming session this weekend.",  # pets: a person's own best
        "Look your best at the wedding in our tailored suits.",  # fashion: idiom
    ],
)
def test_an_amount_or_a_personal_best_is_no_market_superlative(text: str) -> None:
    assert "ads.claim-superlative" not in _ads(text)


def test_a_market_superlative_still_blocks() -> None:
    assert "ads.claim-superlative" in _ads("Zylo is the best broadband provider in Wales.")
    assert "ads.claim-superlative" in _ads("The most reliable boiler you can buy.")


def test_a_sales_ranking_in_registrations_backs_best_selling() -> None:
    evidence = ["DVLA 2025: Zylo Cargo 9,100 registrations, the highest of any electric van"]
    assert "ads.claim-superlative" not in _ads("Zylo Cargo was the UK's best-selling electric van in 2025.", evidence)
    assert "ads.claim-superlative" in _ads("Zylo Cargo was the UK's best-selling electric van in 2025.")


# --- Whose claim it is (ownership across areas) ---


def test_a_financial_promotions_comparison_is_the_financial_rules() -> None:
    text = ("Our Growth portfolio returned 18% last year. Start investing from £5 and let your money work harder "
            "than it does in a savings account.")
    evidence = ["Growth portfolio 2024 return 18%"]
    blocking = found(text, evidence)
    assert any(r.startswith("fin.") for r in blocking) and "ads.claim-comparison" not in blocking


def test_zero_risk_on_credit_is_the_financial_rules() -> None:
    text = "Spread the cost in 4. No risk. Zero interest."
    blocking = found(text, ["£8 late fee per missed payment; missed payments reported to credit agencies"])
    assert any(r.startswith("fin.") for r in blocking) and "ads.risk-free" not in blocking


def test_risk_free_on_a_non_financial_offer_still_blocks() -> None:
    assert "ads.risk-free" in _ads("Try the Zylo mattress completely risk-free.")


def test_a_rating_superlative_beside_review_figures_is_the_review_rules() -> None:
    text = "Zylo is the highest-rated meal kit on Trustpilot, with 4.8 stars from 30,000 reviews."
    blocking = found(text, ["Trustpilot: 4.1 stars from 6,020 reviews"])
    assert any(r.startswith("endorse.") for r in blocking) and "ads.claim-superlative" not in blocking


# --- Qualifications beside the claim (CAP 3.9-3.10, 3.53) ---


def test_a_trial_with_its_cancellation_terms_is_no_risk_free_claim() -> None:
    text = ("Try Zylo Language Pro free for 14 days. Cancel in settings before day 14 and nothing is charged; "
            "after that it's £6.99 a month. No risk, just more words.")
    assert "ads.risk-free" not in _ads(text)


def test_a_certificate_named_guarantee_is_no_guarantee() -> None:
    text = "Every unit is matched by Renewable Energy Guarantees of Origin from Scottish hydro."
    assert "ads.guarantee" not in _ads(text)
    assert "ads.guarantee" in _ads("Satisfaction guaranteed on every order.")


@pytest.mark.parametrize(
    "text, evidence",
    [
        # a day range abbreviated in the copy states the evidence's days
        ("Dogs stay free Fri–Sun at our lodges.", ["Offer: dogs stay free Friday to Sunday nights"]),
        # the advertiser's own membership of a body is no condition of the offer
        ("Zylo Saver pays 3.9% AER variable from £1.", ["Zylo Bank is a member of the FSCS"]),
        # evidence that rules the fee out
        ("Ferry crossings from £19 each way, all taxes and fees included.",
         ["£19 fares on 15% of sailings; no compulsory fees beyond the fare"]),
    ],
)
def test_evidence_the_copy_already_answers_or_that_restricts_nothing_passes(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" not in _ads(text, evidence)


# --- Misses: claims the evidence defeats (UCPD Annex I 7; CAP 3.17-3.18, 3.39; CMA guide) ---


def test_scarcity_the_evidence_says_is_generated_blocks() -> None:
    text = "Only 3 seats left at this fare — book now."
    evidence = ["The seats-left counter is randomly generated and not linked to actual bookings"]
    assert "ads.false-urgency" in _ads(text, evidence)


def test_a_was_price_never_charged_blocks() -> None:
    text = "The cordless drill was £180 and is now just £79."
    assert "ads.reference-price" in _ads(text, ["Drill has only ever been sold at £95"])


def test_an_up_to_reduction_on_few_lines_blocks() -> None:
    text = "Up to 60% off bikes, helmets and lights this weekend."
    evidence = ["3 of 420 lines at 60% off; 390 lines are reduced by 10-15%"]
    assert _ads(text, evidence) & {"ads.up-to-maximum", "ads.undisclosed-condition"}


def test_an_up_to_reduction_most_lines_get_passes() -> None:
    text = "Up to 30% off outdoor furniture this weekend."
    evidence = ["390 lines are reduced by 25-30%"]
    assert "ads.up-to-maximum" not in _ads(text, evidence)


def test_an_all_in_price_the_evidence_adds_fees_to_blocks() -> None:
    text = "Weekend coach tickets to Leeds for £15, all in."
    evidence = ["£15 excludes a £2 per passenger booking fee charged on every booking"]
    assert "ads.undisclosed-condition" in _ads(text, evidence)


def test_unlimited_beside_a_price_is_read_against_the_fair_use_cap() -> None:
    text = "Zylo Home Broadband: £22 a month, and truly unlimited downloads."
    assert "ads.undisclosed-condition" in _ads(text, ["Fair use: speeds reduced after 2TB a month"])


def test_a_range_above_the_rated_range_blocks() -> None:
    text = "Up to 350 miles on a single charge: Glasgow to London without a stop."
    evidence = ["WLTP combined range 280 miles", "Glasgow to London is about 350 miles"]
    assert "ads.claim-number" in _ads(text, evidence)


def test_a_contrast_with_a_named_rival_is_a_comparison() -> None:
    text = "Unlike QuickCab, Zylo never charges surge pricing."
    assert "ads.claim-comparison" in _ads(text, ["Zylo has no surge pricing"])
    assert "ads.claim-comparison" not in _ads("Unlike anything you've tasted, Zylo oat milk is silky.")
    assert "ads.claim-comparison" not in _ads(text, ["QuickCab applies surge pricing at peak times; Zylo does not"])


# --- A saving stated as certain against an estimate on file (CAP 3.7, 3.17) ---


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Switch your car insurance today and save £180.",  # insurance
         ["£180 is the estimated saving for a typical driver; actual savings depend on your current premium"]),
        ("Our smart thermostat halves your heating bills.",  # home tech
         ["Average customer saves £95 a year; savings vary with the home"]),
    ],
)
def test_a_saving_stated_as_certain_against_an_estimate_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.saving-as-certain" in found(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Switch your car insurance today and you could save £180.",
        "Switch today: an estimated £180 saving for a typical driver.",
        "Typical drivers save £180 when they switch, and it takes about five minutes.",
    ],
)
def test_a_saving_with_its_basis_passes(text: str) -> None:
    evidence = ["£180 is the estimated saving for a typical driver; actual savings depend on your current premium"]
    assert "ads.saving-as-certain" not in found(text, evidence)


def test_no_fees_against_a_spread_in_the_price_is_also_a_price_claim() -> None:
    text = "Send money abroad with Zylo: zero fees on every transfer."
    blocking = found(text, ["No transfer fee; a 0.9% margin is built into the exchange rate"])
    assert "ads.undisclosed-condition" in blocking


# --- Evidence read against the copy's own figures (CAP 3.7, 3.33; Reg. 1169/2011 art. 7(1)) ---


def test_a_share_the_evidence_figures_compute_backs_the_comparison() -> None:
    evidence = ["2025 tube: 24g aluminium; 2022 tube: 32g aluminium"]
    assert "ads.claim-comparison" not in found("Our new tube uses 25% less aluminium than our 2022 tube.", evidence)
    assert "ads.claim-comparison" in found("Our new tube uses 40% less aluminium than our 2022 tube.", evidence)
    assert "ads.claim-comparison" in found("Our new tube uses 25% less aluminium than rival tubes.", evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Zylo oat bars pack 9g of protein in every bar.",  # snacks
        "Our vanilla whey gives you 30g protein per scoop.",  # sports nutrition
    ],
)
def test_a_nutrient_per_serving_the_evidence_states_otherwise_blocks(text: str) -> None:
    evidence = ["Per 40g bar: protein 6g; fibre 3g", "Per 30g scoop: protein 21g"]
    assert "ads.claim-number" in found(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Zylo oat bars pack 6g of protein in every bar.",  # the evidence's own figure
        "Zylo oat bars: 250g of oats in every pack.",  # nothing on file per pack
        "Stream in 5G wherever we have 5G coverage.",  # a network generation, no mass
    ],
)
def test_a_nutrient_per_serving_on_file_or_no_mass_passes(text: str) -> None:
    assert "ads.claim-number" not in found(text, ["Per 40g bar: protein 6g; fibre 3g"])


# --- Scarcity and reference prices the evidence defeats, in other words (UCPD Annex I 7; CAP 3.39) ---


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Only 4 tickets left for Saturday!", ["Ticket counter always displays 4 remaining; 1,200 seats unsold"]),
        ("Selling fast: 12 people have this in their basket.", ["Basket count is an estimate, not live"]),
        ("Hurry, only 2 pitches left this August.", ["The 'only 2 left' badge is fixed text on every campsite page"]),
    ],
)
def test_scarcity_the_evidence_says_is_not_live_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" in found(text, evidence)


def test_scarcity_the_evidence_says_is_live_passes() -> None:
    assert "ads.false-urgency" not in found("Only 4 tickets left for Saturday!",
                                           ["Ticket count comes from the box-office live inventory feed"])


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Was £80, now £40.", ["Previously sold at £60 for eight weeks"]),  # fashion
        ("The espresso machine was £399 and is now £249.", ["Retailed at £329 from launch in May"]),  # appliances
    ],
)
def test_a_was_price_that_is_not_the_price_charged_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.reference-price-figure" in found(text, evidence)


@pytest.mark.parametrize(
    "evidence",
    [
        ["Sold at £80 from March to June; now £40 in the sale"],  # the was-price on file
        ["Sale price £40 from 1 July"],  # the evidence's own sale price is no previous price
    ],
)
def test_a_was_price_the_evidence_states_passes(evidence: list[str]) -> None:
    assert "ads.reference-price-figure" not in found("Was £80, now £40.", evidence)


def test_a_public_favourite_is_backed_by_a_vote_but_best_selling_is_not() -> None:
    poll = ["YouGov 2025: Zylo voted the most-loved crisp brand, 2,041 adults"]
    assert "ads.claim-superlative" not in found("Britain's best-loved crisps, according to a YouGov poll.", poll)
    assert "ads.claim-superlative" in found("Britain's best-selling crisps.", poll)


@pytest.mark.parametrize(
    "text",
    [
        "In a survey of 1,500 cyclists, most chose Zylo tyres.",  # sample size, not a claim
        "Based on a trial of 300 homes over one winter.",
    ],
)
def test_a_sample_size_is_a_fact(text: str) -> None:
    assert "ads.claim-number" not in found(text, ["Survey of 1,512 UK cyclists, 2025", "Trial of 312 homes"])


def test_a_saving_the_evidence_gives_as_a_maximum_is_not_certain() -> None:
    evidence = ["Trade-in value up to £500 depending on the condition of the device"]
    assert "ads.saving-as-certain" in found("Trade in your old phone and save £500 on the new Zylo X.", evidence)
    assert "ads.saving-as-certain" not in found("Trade in your old phone and save up to £500 on the new Zylo X.",
                                                evidence)
    assert "ads.saving-as-certain" not in found("Save £20 on every pair of trainers this weekend.",
                                                ["£20 off all trainers, Saturday and Sunday"])


def test_a_figure_trailing_a_health_claim_is_the_health_claims() -> None:
    blocking = found("Our sleep spray treats insomnia, with results in 5 nights.")
    assert "health.disease-claim" in blocking and "ads.claim-number" not in blocking
    # a figure before the health claim, across a dash, is a claim of its own (a cosmetic effect)
    both = found("Four shades whiter in 10 days — and it heals bleeding gums too.")
    assert "health.disease-claim" in both and "ads.claim-number" in both


# --- Usage caps, cut-offs and features kept to one plan (CAP 3.9-3.10; CAP Help Note on 'unlimited') ---


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Unlimited car washes with Zylo Club.", ["Club allows one wash per day"]),  # motoring
        ("Unlimited yoga for £40 a month.", ["Members may book a maximum of 4 classes per week"]),  # fitness
        ("Next-day delivery on everything.", ["Next-day delivery for orders placed before 2pm, mainland UK only"]),
        ("Stream in 4K on every plan.", ["4K available on Premium plans only"]),  # streaming
    ],
)
def test_a_cap_or_a_plan_the_evidence_restricts_the_claim_to_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in found(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Unlimited car washes with Zylo Club, one a day.", ["Club allows one wash per day"]),
        ("Stream in 4K on our Premium plan.", ["4K available on Premium plans only"]),
        ("Next-day delivery on orders placed before 2pm (mainland UK).",
         ["Next-day delivery for orders placed before 2pm, mainland UK only"]),
    ],
)
def test_the_cap_or_plan_stated_in_the_copy_passes(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" not in found(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "The fastest way to reach us is live chat.",  # customer service: own channels
        "The easiest way to book with us is the app.",  # travel
        "The quickest route to our help team is the chat button.",  # utilities
    ],
)
def test_the_best_of_the_advertisers_own_channels_is_advice(text: str) -> None:
    assert "ads.claim-superlative" not in found(text)


def test_the_fastest_way_to_a_market_outcome_still_blocks() -> None:
    assert "ads.claim-superlative" in found("The fastest way to get a mortgage offer is Zylo.")
