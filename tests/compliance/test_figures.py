"""Twin tests for figures.py: a figure blocks (ads.claim-number) by its ROLE in the sentence,
not because it is a number (issue 13 round 4, helper figures14). Each class has wordings of
our own in several industries that must block, and clean near-misses that must not."""

from __future__ import annotations

import pytest

from marketing_agents.compliance.figures import role
from tests.compliance.test_generalisation import found

NUMBER = "ads.claim-number"


def _role(text: str, figure: str, evidence: list[str] | None = None) -> str:
    start = text.index(figure)
    return role(text, start, start + len(figure), evidence).kind


# --- effect or benefit (CAP 3.7; FTC substantiation): blocks without evidence ---------------------
@pytest.mark.parametrize("text", [
    "Brightline insulation cuts your heating bills by 30%.",            # home improvement
    "Our serum reduces the look of pores by 45% in four weeks.",        # cosmetics
    "Teams using Flowdesk boost their close rate by 22%.",              # software
    "Burn 500 calories in one class at Pulse Studio.",                  # fitness
    "Zylo fertiliser grows tomato yields by 40%.",                      # garden
    "Lose 10 lb before the summer with the Zylo plan.",                 # diet
])
def test_a_figure_that_quantifies_an_effect_blocks(text: str) -> None:
    assert NUMBER in found(text) or any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text", [
    "Visible results in 10 days.",  # (claims._OCCASION_AFTER reads "10 days with Zylo night cream" as an occasion)
    "Glossier hair within 3 washes — or rather, smoother hair in 7 days.",
    "Noticeably whiter teeth in 14 days.",
])
def test_a_result_promised_in_a_time_blocks(text: str) -> None:
    assert NUMBER in found(text)


# --- performance or durability as a promise ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "The Zylo flask keeps coffee hot for 18 hours.",                    # drinkware
    "Trailmaster boots resist water for 12 hours of hiking.",           # outdoor
    "Get 40 hours of playback from one pair of Zylo buds.",             # audio
    "Ride 90 km on a single charge of the Zylo e-bike.",                # mobility
    "Fibre speeds of up to 1200 Mbps, straight to your sofa.",          # broadband
    "Zylo spray kills 99.99% of household germs.",                      # cleaning
])
def test_a_performance_promise_blocks(text: str) -> None:
    assert NUMBER in found(text)


def test_a_performance_figure_the_evidence_states_passes() -> None:
    assert NUMBER not in found("The Zylo flask keeps coffee hot for 18 hours.",
                               ["Lab test: 18 hours above 60°C from 95°C fill"])


@pytest.mark.parametrize("text", [
    "Up to 42 mpg and 148 g/km CO2 (WLTP combined).",
    "Up to 30 hours of playback with the charging case (7 hours per charge with noise cancelling off).",
    "Full-fibre broadband with 300 Mb/s average peak speeds.",
])
def test_a_performance_figure_with_its_test_conditions_is_the_spec(text: str) -> None:
    assert NUMBER not in found(text)


# --- comparison ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Zylo batteries last 40% longer.",
    "Our new blades stay sharp 3 times longer.",
    "Now with 25% more legroom on every flight.",
])
def test_a_figure_in_a_comparison_blocks(text: str) -> None:
    assert NUMBER in found(text)


# --- scarcity -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Only 2 tickets left at this price!",
    "Just 4 spaces remaining on the June course.",
    "Only 5 left in stock — don't miss out.",
])
def test_a_stock_count_that_urges_blocks(text: str) -> None:
    assert NUMBER in found(text)


def test_a_stock_count_the_evidence_says_is_live_passes() -> None:
    assert NUMBER not in found("Only 2 rooms left for 3 to 5 May at this rate.",
                               ["Room count from the live inventory feed when the page is served"])


# --- social proof: the endorsement rules' own, unless the evidence can check it -------------------
def test_a_share_of_people_against_the_evidence_survey_blocks() -> None:
    assert NUMBER in found("82% of gardeners saw bigger blooms.", ["Survey of 50 gardeners; 30 saw bigger blooms"])
    assert NUMBER not in found("82% of gardeners saw bigger blooms.", ["Survey of 50 gardeners; 41 saw bigger blooms"])


def test_a_count_of_users_the_evidence_contradicts_blocks() -> None:
    text = "Join more than 3 million savers who use Zylo."
    # one claim, one finding: the count of users against the evidence's count (the review rules own it)
    assert found(text, ["Registered accounts: 900,000; monthly active savers: 210,000"]) & {
        NUMBER, "endorse.review-figures"}
    assert NUMBER not in found(text)  # no count on file: a fact of the business, not a blocked claim


def test_a_rating_whose_reviews_the_evidence_describes_is_for_the_review_rules() -> None:
    ev = ["Reviews collected after a £5 voucher was offered for every review"]
    assert _role("Rated 4.8 out of 5 by over 2,000 cyclists.", "4.8", ev) == "owned"
    assert _role("Rated 4.8 out of 5 by over 2,000 cyclists.", "2,000", ev) == "owned"
    assert _role("Rated 4.8 out of 5 by over 2,000 cyclists.", "4.8") == "claim"  # nothing on file


@pytest.mark.parametrize("text", [
    "92% of users felt calmer after one week.",
    "8 out of 10 bakers would switch to Zylo flour.",
    "87% of parents said bedtime got easier.",
])
def test_a_share_of_people_with_nothing_on_file_blocks(text: str) -> None:
    assert NUMBER in found(text) or any(r.startswith("endorse.") for r in found(text))


def test_a_share_whose_survey_the_evidence_describes_is_the_endorsement_rules() -> None:
    assert _role("9 out of 10 vets would recommend Zylo.", "9", ["Survey of 10 vets, all paid consultants"]) == "owned"


@pytest.mark.parametrize("text", [
    "Our students see a 30% improvement in scores.",
    "98% pass rate first time.",
    "A 40% reduction in breakouts.",
])
def test_a_percentage_of_a_result_blocks(text: str) -> None:
    assert NUMBER in found(text)


# --- facts of the product or offer: never blocking -------------------------------------------------
@pytest.mark.parametrize("text, figure", [
    ("Each tin holds 40 tea bags, about a month of mornings.", "40"),               # pack count
    ("Sizes 8 to 20, in five colours.", "8"),                                        # sizes
    ("A 2.5-litre tin covers about 28 m² in two coats.", "28"),                      # yield
    ("Torvik has 41 stores across Scotland.", "41"),                                 # stores
    ("Baked at 230°C in a stone oven.", "230"),                                      # temperature
    ("We asked 1,500 parents about school mornings.", "1,500"),                      # sample size
    ("Each serving has 12 mg of zinc, 100% of the NRV.", "100%"),                    # nutrition declaration
    ("Our 600-thread-count sheets come in king and super king.", "600"),             # spec
    ("Open until 10 every night, with 120 covers and a 12-seat bar.", "120"),        # restaurant capacity
    ("Choose a 20-minute or 45-minute session with your coach.", "20"),              # duration
    ("Winner of the FTSE 250 supplier award.", "250"),                              # a name's number
    ("Fermented for 36 hours with 9 live cultures.", "9"),                           # process and composition
])
def test_a_fact_of_the_offer_does_not_block(text: str, figure: str) -> None:
    assert _role(text, figure) == "fact"
    assert NUMBER not in found(text)


@pytest.mark.parametrize("text", [
    "Ships within 2 days; returns within 30 days.",
    "Setup takes 10 minutes in the app.",
    "The diffuser runs for 8 hours on a 200 ml tank.",
    "One bar lasts about 60 washes, roughly two bottles of shampoo.",
])
def test_times_of_use_and_yields_are_facts(text: str) -> None:
    assert NUMBER not in found(text)


def test_a_testimonial_figure_with_a_typicality_statement_passes() -> None:
    text = ("\"I've saved £380 this year with round-ups,\" says Tom, a Zylo customer. "
            "Results vary: the average saver puts away £19 a month.")
    assert NUMBER not in found(text, ["Tom B., real customer, unpaid; average round-up £19/month"])


def test_an_effect_on_an_environmental_quantity_is_the_environmental_packs() -> None:
    assert _role("The new engines cut NOx emissions by 80%.", "80%") == "owned"


# --- evidence against copy: figures each on file, paired otherwise ------------------------------------
@pytest.mark.parametrize("text, evidence", [
    ("Tops up your laptop to 70% in 20 minutes.", ["Lab test: 0-50% in 20 minutes, 0-70% in 35 minutes"]),
    ("Charges the scooter to 90% in 2 hours.", ["Bench test: 60% in 2 hours; 90% in 4 hours"]),
    ("Recharge to 80% in 30 minutes at any rapid charger.", ["10-80% in 45 minutes at 50 kW; 10-50% in 30 minutes"]),
])
def test_a_level_paired_with_another_time_than_the_evidence_blocks(text: str, evidence: list[str]) -> None:
    assert NUMBER in found(text, evidence)


def test_a_level_paired_as_the_evidence_pairs_it_passes() -> None:
    assert NUMBER not in found("Tops up your laptop to 70% in 35 minutes.",
                               ["Lab test: 0-50% in 20 minutes, 0-70% in 35 minutes"])


# --- a change "by N" and an urging stock count are claims whatever their unit ----------------------
@pytest.mark.parametrize("text", [
    "Meet Priya. Her energy bills fell by £900 in a year. Yours could too.",
    "Sam's grocery spend dropped by £60 a month with Zylo.",
    "Last 12 pairs at this price — then they're gone.",
])
def test_a_change_by_an_amount_or_an_urging_stock_count_blocks(text: str) -> None:
    # a person's result is the typicality rule's one claim; any other change is the number's
    assert found(text) & {NUMBER, "endorse.typicality"}


@pytest.mark.parametrize("text", [
    "Tickets £45, on sale now.",
    "Choose from 12 pairs of earrings in the gift set.",
])
def test_a_price_or_a_pack_count_is_still_a_fact(text: str) -> None:
    assert NUMBER not in found(text)


@pytest.mark.parametrize("text", [
    "LOSE 10 KG IN 2 WEEKS WITH ZYLO!",
    "GET 40% MORE POWER FROM EVERY CHARGE.",
    "ONLY 3 LEFT AT THIS PRICE!",
])
def test_claims_in_capitals_are_not_names(text: str) -> None:
    assert NUMBER in found(text) or any(r.startswith("health.") for r in found(text))


@pytest.mark.parametrize("text", [
    "Stays crisp 3 days longer in the fridge.",
    "Runs 20 minutes longer per charge than before.",
])
def test_a_comparison_by_a_duration_blocks(text: str) -> None:
    assert NUMBER in found(text) or "ads.claim-comparison" in found(text)


@pytest.mark.parametrize("text", [
    "Perfect after a 10-hour shift.",
    "Made for a 5-mile run before work.",
])
def test_the_occasion_of_use_is_a_fact(text: str) -> None:
    assert NUMBER not in found(text)


@pytest.mark.parametrize("text", [
    "Sleep 2 hours longer every night.",
    "Patients lose up to 20% of their body weight in a year.",
    "Zylo raises your toddler's IQ by up to 12 points.",
    "Burn 1,000 calories in every 20-minute session.",
    "Kills 99.9% of germs, including flu and norovirus.",
])
def test_a_figure_for_an_effect_on_the_body_is_a_health_claim_not_an_advertising_number(text: str) -> None:
    """Round 12: reviewers file these under health; the figure is the health rule's alone."""
    blocking = found(text)
    assert "health.quantified-effect" in blocking and NUMBER not in blocking


@pytest.mark.parametrize("text, evidence", [
    ("Kills 99.9% of germs on kitchen surfaces.", []),  # no body, no disease: the general number
    ("Zylo cuts your phone bills by 30%.", []),  # not "your energy"
])
def test_a_figure_for_an_effect_on_a_thing_stays_the_general_number(text: str, evidence: list[str]) -> None:
    blocking = found(text, evidence)
    assert NUMBER in blocking and "health.quantified-effect" not in blocking


def test_a_bodily_figure_the_evidence_states_passes() -> None:
    text = "In our 12-week trial, people on the Zylo plan lost an average of 4% of their body weight."
    assert "health.quantified-effect" not in found(
        text, ["12-week trial, n=240: average loss 4% of body weight (Zylo plan)"])
