"""Round 7, advertising: what the evidence beside a claim says of it, and who owns it. An
"up to" figure is judged against the typical figure of the same quantity, not of another
(a review average under a battery life); a restriction the copy states in other words (a count
spelt out, a day range counted, a typical figure named) is stated; a waived fee is no fee; a
trial's length answers "nothing to lose"; a comparison with the subject's own past, with an
estimate or with a typical case the evidence measures is no comparison with a rival; a
superlative of an abstract step or of the reader's own office ranks nothing in a market; a
review site's picks are the endorsement rules' question. And the misses: money-back terms the
evidence narrows, a price before VAT, a fee at some hours under "no call-out charge", a price
"never to go up" that turns variable, a deadline announced every weekend, stock at normal levels,
"everyone's a winner" in a draw, a win claimed for a shortlisting, a national superlative from a
regional ranking. Wordings are our own, in industries other than the dev corpora's examples."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

ADS = {
    "ads.claim-number",
    "ads.claim-superlative",
    "ads.claim-comparison",
    "ads.claim-proof",
    "ads.guarantee",
    "ads.risk-free",
    "ads.undisclosed-condition",
    "ads.up-to-maximum",
    "ads.false-urgency",
    "ads.everyone-wins",
    "ads.award-misstated",
}


def _ads(text: str, evidence: list[str] | None = None) -> set[str]:
    return found(text, evidence) & ADS


# --- "Up to": the typical figure of the claim's own quantity (CAP 3.17) ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # electronics: a review average is no typical battery life
        ("Our power bank keeps a phone going for up to 40 hours.", ["Customer reviews: average 4.7 from 900 buyers"]),
        # hospitality: a median wait is no typical party size
        ("Book a table for up to 12 guests in our garden room.", ["Median wait for a table 15 minutes"]),
        # insurance: the copy names the typical saving beside the maximum
        (
            "Save up to £250 on your van insurance. The typical saving was £90 for switchers in 2025.",
            ["Median saving £90; 5% of switchers saved £250 or more"],
        ),
    ],
)
def test_an_up_to_figure_answered_or_measured_against_another_quantity_passes(text: str, evidence: list[str]) -> None:
    assert "ads.up-to-maximum" not in _ads(text, evidence)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Save up to £250 on your van insurance.", ["Median saving £90; 5% of switchers saved £250 or more"]),
        # telecom: the median is in the claim's unit, after a figure that names the plan
        ("Speeds of up to 500Mbps on Fibre 500.", ["Median peak-time download on the Fibre 500 plan: 210Mbps"]),
    ],
)
def test_an_up_to_figure_few_reach_still_blocks(text: str, evidence: list[str]) -> None:
    # (round 12: a saving on insurance is the financial promotion's claim, fin.quantified-benefit)
    assert {"ads.up-to-maximum", "fin.quantified-benefit"} & found(text, evidence)


# --- Restrictions the copy states in other words; evidence that removes the condition ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # cookery school: "six" states the evidence's cap of 6
        (
            "Classes take groups of no more than six students. Book a free taster session.",
            ["Classes capped at 6 students"],
        ),
        # web hosting: a waived fee is the offer, not a condition of it
        (
            "Spring starters: no setup fee on any website plan started in April.",
            ["Setup fee waived on all plans started in April"],
        ),
        # cycle workshop: "six days a week" counts "Tuesday to Sunday"
        ("Book a free bike check: our workshop is open six days a week.", ["Workshop open Tuesday to Sunday"]),
        # fitness equipment: a trial of a stated length makes "nothing to lose" true
        ("Try the rower at home with a 60-day home trial: there's nothing to lose.", []),
    ],
)
def test_a_condition_stated_otherwise_or_removed_passes(text: str, evidence: list[str]) -> None:
    assert not _ads(text, evidence) & {"ads.undisclosed-condition", "ads.risk-free"}


@pytest.mark.parametrize(
    ("text", "evidence", "rule"),
    [
        ("Book a free taster session.", ["Classes capped at 6 students"], "ads.undisclosed-condition"),
        ("Book a free bike check today.", ["Workshop open Tuesday to Sunday"], "ads.undisclosed-condition"),
        # "one way" is no count: the share of seats at the price is still unsaid
        ("Flights to Rome from £29 one way.", ["Fewer than 1% of seats sold at £29"], "ads.undisclosed-condition"),
        ("Try the rower at home: there's nothing to lose.", [], "ads.risk-free"),
    ],
)
def test_a_condition_left_unsaid_still_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in _ads(text, evidence)


# --- The misses: terms the evidence narrows, a price before tax, a price that will rise ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # music lessons: a money-back promise the evidence narrows
        (
            "Learn to play guitar in 30 days or your money back, no questions asked.",
            ["Refund only if claimed within 7 days and with less than 25% of the course watched"],
        ),
        # home services: a price quoted before VAT
        ("A deep clean of your oven is just £79.", ["Oven clean: £79 + VAT (£94.80 including VAT)"]),
        # locksmith: "no call-out charge" against a charge at some hours
        (
            "Locked out? No call-out charge, just a fixed £65 to open your door.",
            ["£50 call-out charge for nights and bank holidays"],
        ),
        # gym: a price "never to go up" that turns variable after a term
        (
            "Join today and your membership price will never go up, for as long as you stay.",
            ["Membership price held for 12 months, then reverts to the standard variable rate"],
        ),
    ],
)
def test_an_offer_the_evidence_narrows_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" in _ads(text, evidence)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Learn to play guitar in 30 days or your money back: claim within 7 days, with less than 25% watched.",
            ["Refund only if claimed within 7 days and with less than 25% of the course watched"],
        ),
        ("A deep clean of your oven is £94.80 including VAT.", ["Oven clean: £79 + VAT (£94.80 including VAT)"]),
        (
            "No call-out charge in the daytime; nights and bank holidays £50.",
            ["£50 call-out charge for nights and bank holidays"],
        ),
        (
            "Your membership price is held for 12 months, then moves to our standard variable rate.",
            ["Membership price held for 12 months, then reverts to the standard variable rate"],
        ),
    ],
)
def test_the_same_offers_with_their_terms_pass(text: str, evidence: list[str]) -> None:
    assert "ads.undisclosed-condition" not in _ads(text, evidence)


# --- False urgency: a deadline announced again and again, stock that is not short (UCPD Annex I 7) ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Final weekend of our sofa sale: it ends Sunday!",
            ["The sale has been promoted as ending this Sunday on each of the last 5 weekends"],
        ),
        ("Hurry, stock of the Aria dishwasher is almost gone!", ["Aria stock: 2,300 units, normal levels"]),
    ],
)
def test_a_deadline_or_shortage_the_evidence_denies_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.false-urgency" in _ads(text, evidence)


def test_a_real_deadline_passes() -> None:
    assert "ads.false-urgency" not in _ads("Our sofa sale ends Sunday 14 September.", ["Sale runs 1-14 September"])


# --- Prizes and awards (UCPD Annex I 31; CAP 3.1, 3.7) ---


def test_everyone_a_winner_in_a_draw_blocks() -> None:
    evidence = ["Three winners drawn at random from all entries"]
    assert "ads.everyone-wins" in _ads("Everyone's a winner in our spring prize draw: enter at the till!", evidence)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Everyone's a winner with our prices!", []),  # an idiom with no draw on file
        ("Everyone's a winner with our prices!", ["Prices checked weekly against three supermarkets"]),
    ],
)
def test_everyone_a_winner_without_a_draw_passes(text: str, evidence: list[str]) -> None:
    assert "ads.everyone-wins" not in _ads(text, evidence)


def test_a_win_claimed_for_a_shortlisting_blocks() -> None:
    evidence = ["2024 Spirits Awards: shortlisted, Best London Dry"]
    assert "ads.award-misstated" in _ads("Our award-winning gin was crowned Best London Dry in 2024.", evidence)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Shortlisted for Best London Dry at the 2024 Spirits Awards.",
            ["2024 Spirits Awards: shortlisted, Best London Dry"],
        ),
        ("Award-winning gin: Silver medal, 2024 Spirits Awards.", ["2024 Spirits Awards: Silver medal, London Dry"]),
    ],
)
def test_an_award_stated_as_it_was_passes(text: str, evidence: list[str]) -> None:
    assert "ads.award-misstated" not in _ads(text, evidence)


# --- Comparisons with no rival (CAP 3.33-3.35) ---


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        # equestrian: the horse's own past
        ("Bella has had three weeks on the new feed, and her mane looks shinier than it has in months.", []),
        # trades: against the advertiser's own estimate
        ("Your final bill may be higher or lower than we estimated if the job takes longer.", []),
        # water: against the typical case the evidence measures
        (
            "The Okafors run a farm shop at home, so they use far more water than most.",
            ["Okafor household water use: 3.1 times the regional average"],
        ),
        # broadband: the basis on file without the owner's name
        (
            "Switchers saved an average of £90 compared with their previous broadband provider's renewal price.",
            ["Average saving £90 vs previous provider renewal price (2025 switchers)"],
        ),
    ],
)
def test_a_comparison_with_no_rival_or_with_its_basis_on_file_passes(text: str, evidence: list[str]) -> None:
    assert "ads.claim-comparison" not in _ads(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Our feed makes manes shinier than other brands.",
        "The Okafors use far more water than most.",  # nothing on file
    ],
)
def test_a_comparison_with_others_still_blocks(text: str) -> None:
    assert "ads.claim-comparison" in _ads(text)


# --- Superlatives that rank nothing in a market; a national one from a regional ranking ---


@pytest.mark.parametrize(
    "text",
    [
        "The biggest step we've taken this year is switching to electric vans.",  # logistics: an abstract step
        "The hardest part is choosing a colour.",  # paint
        "The loudest snap in the office: our sourdough crackers.",  # snacks: the reader's own office
    ],
)
def test_a_superlative_that_ranks_no_product_passes(text: str) -> None:
    assert "ads.claim-superlative" not in _ads(text)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("The safest family car on the road.", []),
        (
            "Britain's cheapest car insurance for young drivers.",
            ["Price survey 2025: cheapest comprehensive cover for drivers aged 17-24 in the North West region"],
        ),
        ("UK's Fastest Mobile Network", ["Speed tests H1 2025: fastest mobile network in Greater Manchester"]),
    ],
)
def test_a_market_superlative_still_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.claim-superlative" in _ads(text, evidence)


def test_a_national_superlative_with_a_national_ranking_passes() -> None:
    evidence = ["Speed tests H1 2025: fastest mobile network in the UK (4.1 million tests)"]
    assert "ads.claim-superlative" not in _ads("The UK's fastest mobile network.", evidence)


def test_a_review_sites_pick_is_the_endorsement_rules_claim() -> None:
    evidence = ["Site earns commission on every link; the brand paid for the top slot"]
    owned = found("Best running shoes of 2025: our honest, independent picks.", evidence)
    assert "endorse.undisclosed-connection" in owned and "ads.claim-superlative" not in owned


# --- Evidence read more exactly: a certificate of analysis, a rounded count (CAP 3.7) ---


def test_lab_tested_with_a_certificate_of_analysis_passes() -> None:
    evidence = ["Certificate of analysis on file for every batch"]
    assert "ads.claim-proof" not in _ads("Every batch of our honey is lab-tested for purity.", evidence)


def test_lab_tested_with_no_test_on_file_blocks() -> None:
    evidence = ["Sourced from 40 hives in Devon"]
    assert "ads.claim-proof" in _ads("Every batch of our honey is lab-tested for purity.", evidence)


@pytest.mark.parametrize(("runtime", "blocks"), [("296", False), ("260", True)])
def test_a_round_figure_is_the_evidence_figure_rounded(runtime: str, blocks: bool) -> None:
    text = "The lantern battery lasts 300 hours on one charge."  # outdoor gear
    assert ("ads.claim-number" in _ads(text, [f"Runtime on low mode: {runtime} hours"])) is blocks


# --- "Free" that needs a paid purchase first (CAP 3.23-3.26); a rival's figures on file (CAP 3.33-3.35) ---


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("Sign up free and start selling your crafts today.", True),  # marketplace: the kit is unsaid
        ("Sign up free; you will need our £49 starter kit before your first listing.", False),
    ],
)
def test_free_with_a_required_purchase(text: str, blocks: bool) -> None:
    evidence = ["Seller starter kit required before listing: £49"]
    assert ("ads.undisclosed-condition" in _ads(text, evidence)) is blocks


def test_a_free_sample_with_no_purchase_needed_passes() -> None:
    evidence = ["Free sample tin, one per household, no purchase needed"]
    assert "ads.undisclosed-condition" not in _ads("Try a free sample tin of our dog biscuits today.", evidence)


@pytest.mark.parametrize(("ours", "blocks"), [("600", False), ("300", True)])
def test_a_comparison_with_a_named_rival_is_backed_by_both_figures(ours: str, blocks: bool) -> None:
    evidence = [f"Our average download {ours} Mbps (2025 tests)", "Zapnet average download 450 Mbps"]
    assert ("ads.claim-comparison" in _ads("Our broadband is faster than Zapnet.", evidence)) is blocks


# --- Whose claim: a financial finding owns a sentence's general claims only in a financial promotion ---


def test_a_price_promise_outside_finance_stays_an_advertising_claim() -> None:
    evidence = ["Price held for 12 months, then moves to the standard variable price"]
    text = "Join SaltSure Fixed Forever and your softener salt price is guaranteed never to rise."  # home supplies
    assert "ads.undisclosed-condition" in found(text, evidence)


def test_a_savings_rate_promise_is_the_financial_rules_claim() -> None:
    owned = found(
        "Open a Fixed Forever saver and your rate is guaranteed never to fall.", ["Rate variable after 12 months"]
    )
    assert "fin.rate-guaranteed" in owned and "ads.undisclosed-condition" not in owned


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Our car loan at 6.9% beats every lender in the country.", "ads.claim-comparison"),  # car finance
        ("Britain's cheapest car loan: 6.9% fixed.", "ads.claim-superlative"),
    ],
)
def test_a_market_ranking_beside_a_missing_credit_disclosure_is_a_second_problem(text: str, rule: str) -> None:
    assert {"fin.credit-terms", rule} <= found(text)


def test_the_advertisers_own_best_rate_is_the_credit_promotions() -> None:
    owned = found("Car loans at our lowest ever rate.")
    assert "fin.credit-terms" in owned and "ads.claim-superlative" not in owned


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("After the weekend retreat our guests feel calmer than ever.", False),  # wellness: a person's state
        ("Members leave each class with more energy than ever.", False),  # dance studio
        ("Our new router is faster than ever.", True),  # a product against its past: still a claim
    ],
)
def test_a_persons_state_than_ever_is_no_product_comparison(text: str, blocks: bool) -> None:
    assert ("ads.claim-comparison" in _ads(text)) is blocks


def test_a_market_ranking_beside_a_guaranteed_variable_rate_is_a_second_problem() -> None:
    evidence = ["Easy Saver 3.9% AER variable", "Moneyfacts June 2025: six high-street banks pay more on easy access"]
    text = "The Kestrel Easy Saver pays the highest rate on the high street, guaranteed."  # savings
    assert {"fin.rate-guaranteed", "ads.claim-superlative"} <= found(text, evidence)
