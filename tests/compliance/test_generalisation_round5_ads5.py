"""Round 5, advertising claims by structure: an objective, measurable quality in a
superlative, parity, ratio or absolute form blocks unless the evidence backs that exact
claim; a subjective quality (taste, feel, look), advice on use, an announced opinion, a
ranking within the advertiser's own range or evidence that states the claim does not.
Wordings are our own, in industries other than the dev corpora's examples."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

CLAIMS = {
    "ads.claim-superlative",
    "ads.claim-comparison",
    "ads.claim-absolute",
    "ads.claim-number",
    "ads.guarantee",
    "ads.price-promise",
    "ads.outcome-promise",
}


def _claims(text: str, evidence: list[str] | None = None) -> set[str]:
    return found(text, evidence) & CLAIMS


# --- Subjective quality is puffery (CAP 3.2; FTC Deception Statement: obvious exaggeration) ---


@pytest.mark.parametrize(
    "text",
    [
        "The creamiest, dreamiest hot chocolate this side of the Alps.",  # drinks
        "Zylo Lounge: the most comfortable sofa you will ever sink into.",  # home
        "The cosiest knitwear of the season, in six shades.",  # fashion
        "Zylo Spa: the most relaxing hour of your week.",  # leisure
        "The most gorgeous sunsets on the coast, from every balcony.",  # travel
        "Best served chilled, with a slice of orange.",  # drinks: advice on use
        "Best enjoyed outdoors with the people you love.",  # food
        "Hot take: Zylo is the only board game that matters at Christmas.",  # toys: announced opinion
        "The smartest-looking cufflinks you'll own? We think so.",  # fashion: opinion answered
    ],
)
def test_a_superlative_of_taste_feel_or_look_is_puffery(text: str) -> None:
    assert not _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "The fastest broadband in Manchester.",  # telecom: speed
        "Zylo is the cheapest car insurance for new drivers.",  # insurance: price
        "The longest-lasting battery of any phone.",  # tech: durability
        "The lightest pushchair on the market.",  # baby: weight
        "Zylo: the strongest signal of any network.",  # telecom: measurable
    ],
)
def test_a_superlative_of_a_measurable_quality_blocks(text: str) -> None:
    assert "ads.claim-superlative" in _claims(text)


# --- Top parity in other words: nobody beats it (CAP 3.33) ---


@pytest.mark.parametrize(
    "text",
    [
        "Our boiler cover simply can't be beaten.",  # energy
        "A monthly fee nobody in Scotland can match.",  # fitness
        "No other pet insurer pays out faster.",  # pets
        "Nobody in town services a bike for less.",  # cycling
        "Zylo fares cannot be bettered on the London to Paris route.",  # travel
    ],
)
def test_top_parity_in_other_words_blocks(text: str) -> None:
    assert _claims(text) & {"ads.claim-superlative", "ads.price-promise"}


def test_top_parity_backed_by_a_price_check_passes() -> None:
    assert not _claims(
        "No other pet insurer pays out faster.",
        ["Independent claims survey 2026: Zylo pays out faster than the other nine largest UK pet insurers"],
    )


# --- First to market (CAP 3.7) ---


@pytest.mark.parametrize(
    "text",
    [
        "Meet the UK's first solar-powered e-bike.",  # cycling
        "Zylo is the first bank to offer same-day mortgages.",  # banking
        "Britain's first fully electric ferry sails today.",  # travel
    ],
)
def test_a_first_to_market_claim_without_evidence_blocks(text: str) -> None:
    assert "ads.claim-superlative" in _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your first 10 lessons are on us, no card needed.",
        "Our first shop opened in Leeds in 1998.",
    ],
)
def test_first_as_an_ordinal_is_no_claim(text: str) -> None:
    assert "ads.claim-superlative" not in _claims(text)


# --- A ranking on file that is not the one claimed (CAP 3.7, 3.33) ---


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("The nation's favourite estate agent.", ["Market share: Zylo is the 4th largest UK agent by listings"]),
        (
            "Britain's best pizza, voted by pizza lovers.",
            ["Won 'Best Pizza' in a poll of 800 customers on our own app, 2025"],
        ),
        (
            "Zylo is the UK's No.1 budgeting app.",
            ["Zylo reached #1 in the UK Finance chart on 2 March 2026 for one day"],
        ),
        ("Our award-winning cheddar, now in every store.", ["Gold, Dairy Awards 2022, for the smoked red Leicester"]),
        ("Voted Bristol's best new barber.", ["No award or poll result on file"]),
    ],
)
def test_a_ranking_the_evidence_does_not_give_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.claim-superlative" in _claims(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            "Britain's best-selling oat milk.",
            ["Kantar, 52 weeks to 1 Nov 2026: Zylo No.1 oat milk by value sales in GB"],
        ),
        (
            "Reached No.1 in the UK Finance chart (2 March 2026).",
            ["Zylo reached #1 in the UK Finance chart on 2 March 2026 for one day"],
        ),
        ("Our award-winning cheddar, now in every store.", ["Gold, Dairy Awards 2022, for our mature cheddar"]),
        ("Our quietest dishwasher yet, at 39 dB.", ["Internal test: 39 dB vs 42 dB for the previous model"]),
        ("The quietest boiler we've ever built.", []),
    ],
)
def test_a_ranking_the_evidence_gives_or_within_own_range_passes(text: str, evidence: list[str]) -> None:
    assert "ads.claim-superlative" not in _claims(text, evidence)


# --- Ratios in words and comparisons without "than" (CAP 3.33-3.35) ---


@pytest.mark.parametrize(
    "text",
    [
        "Twice the battery life of other e-readers.",  # tech
        "Insurance for about half what you'd pay elsewhere.",  # insurance
        "The same sofa for half the price.",  # home
        "Why pay the big banks more? Switch to Zylo.",  # banking
        "Three times the protein of ordinary yoghurt.",  # food
    ],
)
def test_a_ratio_or_implied_comparison_without_basis_blocks(text: str) -> None:
    assert "ads.claim-comparison" in _claims(text)


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Twice as fast as our old router.", ["Lab test 2026: 940 Mbps (new) vs 470 Mbps (previous router)"]),
        ("Longer than 45 minutes? It's 20p a minute after that.", []),
        ("For opening week every dish costs half what you'd normally pay.", []),
    ],
)
def test_a_ratio_on_file_or_a_threshold_passes(text: str, evidence: list[str]) -> None:
    assert "ads.claim-comparison" not in _claims(text, evidence)


# --- Absolutes: instant, everywhere, sold within a set time (CAP 3.7; ASA coverage rulings) ---


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Your refund lands instantly.", []),  # retail
        ("Fast wi-fi everywhere in the house, guaranteed by our mesh.", []),  # telecom
        ("Payments clear immediately, wherever you are.", ["Most payments clear within 2 hours"]),  # fintech
        ("Most of our flats let within a week.", ["Average time to let in 2025: 23 days"]),  # property
        ("Be fluent in French within three months.", []),  # education
    ],
)
def test_an_absolute_without_evidence_blocks(text: str, evidence: list[str]) -> None:
    assert _claims(text, evidence) & {"ads.claim-absolute", "ads.guarantee"}


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Most flats let within a fortnight.", ["Median time to let in 2025: 9 days across 140 lets"]),
        (
            "Refunds land instantly to Zylo cards.",
            ["Refunds to Zylo cards are credited instantly (tested across 10,000 refunds)"],
        ),
        ("Users everywhere say it never crashes.", []),
        ("Instant coffee, ready in a minute.", []),
    ],
)
def test_an_absolute_on_file_or_not_a_performance_claim_passes(text: str, evidence: list[str]) -> None:
    assert "ads.claim-absolute" not in _claims(text, evidence)


# --- Outcome promises in other words (CAP 3.53-3.57) ---


@pytest.mark.parametrize(
    "text",
    [
        "Your dog WILL walk to heel in a month. That's our promise.",
        "We promise you'll pass your driving test first time.",
    ],
)
def test_a_promised_outcome_without_terms_blocks(text: str) -> None:
    assert _claims(text) & {"ads.guarantee", "ads.outcome-promise", "ads.claim-absolute"}


@pytest.mark.parametrize(
    "text",
    [
        "Installed in a day, with a 10-year workmanship warranty.",
        "Our promise to you: friendly advice, whenever you call.",
    ],
)
def test_a_warranty_with_its_term_or_a_service_pledge_passes(text: str) -> None:
    assert "ads.guarantee" not in _claims(text)


# --- Evidence that does not substantiate what it seems to (CAP 3.7, 3.17, 3.39) ---

OFFERS = CLAIMS | {"ads.up-to-maximum", "ads.reference-price", "ads.undisclosed-condition", "ads.claim-proof"}


def _offers(text: str, evidence: list[str] | None = None) -> set[str]:
    return found(text, evidence) & OFFERS


@pytest.mark.parametrize(
    "text, evidence",
    [
        # a maximum few get, the plan named by a figure the copy repeats (broadband, energy, EV charging)
        ("Up to 1Gbps on our 600 tier.", ["Median peak-time download on the 600 tier: 410Mbps"]),
        ("Charge at up to 350kW on our 150 network.", ["Average charging rate on the 150 network: 95kW"]),
        # a was-price shown for days only (garden centre, opticians)
        ("Patio set WAS £499, NOW £299.", ["Patio set was listed at £499 for 2 days in March; sold at £299 since"]),
        ("Frames were £180, now £95.", ["Frames advertised at £180 for 6 days in May; normally £95"]),
        # a monthly price that is only the annual plan's (gym, software, streaming)
        ("Unlimited classes for £19 a month.", ["£19/month is billed annually as £228 upfront; monthly rolling £29"]),
        ("Zylo Pro, £6 a month.", ["£6 a month when paid annually; £9 month to month"]),
        # a preference share from a test that says it is unrepresentative (pet food, shampoo)
        ("4 out of 5 dogs preferred Zylo.", ["Feeding test: 10 dogs owned by company employees; 8 preferred Zylo"]),
        ("9 in 10 users saw shinier hair.", ["Self-selected online panel of 50 users, not blind; 45 agreed"]),
    ],
)
def test_evidence_that_does_not_back_the_claim_blocks(text: str, evidence: list[str]) -> None:
    assert {r for r in found(text, evidence) if r.startswith(("ads.", "endorse."))}


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            "Up to 1Gbps on our 600 tier; median peak-time 410Mbps.",
            ["Median peak-time download on the 600 tier: 410Mbps"],
        ),
        ("Unlimited classes for £19 a month, billed annually.", ["£19/month is billed annually as £228 upfront"]),
        (
            "4 out of 5 dogs preferred Zylo.",
            ["Independent blind feeding trial, 200 dogs in 200 homes: 160 preferred Zylo"],
        ),
        # a typicality disclosure's figures are the disclosure (16 CFR 255.2)
        ("Results vary: the typical customer saves around £250 a year.", []),
        # the same words, not a claim of proof: a name, a baker's word
        ("Our targets are validated by the Science Based Targets initiative.", []),
        ("Our loaves are proved overnight and baked at dawn. Proven in the oven, loved on the table.", []),
        # a ranking backed by the count the evidence gives
        (
            "We checked 30 staples: Zylo was cheapest on 22 of them.",
            ["Price check, 30 staples vs four rivals: Zylo lowest on 22"],
        ),
    ],
)
def test_evidence_that_backs_it_or_a_disclosure_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Sign up and be the first to hear about new flavours.",  # food: a call to be first
        "Karaoke night at Zylo: laughs guaranteed, talent optional.",  # bars: a jest
        "Smiles guaranteed at every Zylo pottery class.",  # leisure: a jest
    ],
)
def test_the_same_words_without_an_objective_claim_pass(text: str) -> None:
    assert not _claims(text)


@pytest.mark.parametrize(
    "text",
    [
        "You won't find a faster VPN anywhere.",  # tech
        "No rival comes close on battery life.",  # phones
        "Nothing removes stains faster.",  # household
        "Nobody bakes bread like Zylo.",  # bakery
        "Zylo leads the market in pet cover.",  # insurance
        "Unlike other brands, Zylo pans never stick or chip.",  # kitchenware
        "Sell your car in 24 hours.",  # cars
        "Our app books you in instantly.",  # health clubs
    ],
)
def test_parity_and_absolutes_in_more_words_block(text: str) -> None:
    assert _claims(text) & {"ads.claim-superlative", "ads.claim-comparison", "ads.claim-absolute"}


@pytest.mark.parametrize(
    "text",
    [
        "Nothing beats a cold drink on a hot day.",  # a category, not the brand
        "Nothing relieves a long day like a hot bath.",  # spa: a category
        "Best of all, it's free to join.",  # idiom
        "At its best when shared with friends.",  # idiom
        "The biggest sale of the year starts Friday.",  # own event, hyped
    ],
)
def test_idioms_and_praise_of_a_category_pass(text: str) -> None:
    assert not _claims(text) & {"ads.claim-superlative", "ads.claim-comparison", "ads.claim-absolute"}


def test_an_instant_claim_the_evidence_times_in_minutes_is_to_be_fixed_not_blocked() -> None:
    evidence = ["Bookings confirm within 4 minutes on average"]
    assert "ads.claim-absolute" not in _claims("Your booking confirms instantly.", evidence)
    assert "ads.claim-absolute" in _claims("Your booking confirms instantly.", ["Bookings confirm within 2 days"])


@pytest.mark.parametrize(
    "text",
    [
        "Wi-fi in every room, free for guests.",  # hotels: a facility, not coverage performance
        "Half the time, we're out by noon.",  # an idiom of frequency
        "Nobody does Christmas like Nana.",  # parity with someone other than the advertiser
        "Nothing says summer like strawberries.",  # a category
        "Transfers usually arrive instantly; some take up to a day.",  # qualified as typical, the exception said
        "Our pledge: every bean is traceable to the farm.",  # a sourcing fact, not an outcome promised
        "Tickets sell out fast, so book early.",  # urgency, not an outcome by a set time
    ],
)
def test_near_misses_of_the_new_shapes_pass(text: str) -> None:
    assert not _claims(text)


# --- A laboratory result set in everyday use (CAP 3.7; FTC air-purifier and disinfectant cases) ---

LAB = "Lab test: 99.9% reduction of one surrogate virus in a sealed chamber after 60 minutes"


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Zylo removes 99.9% of viruses from the air you breathe.", [LAB]),  # air purifiers
        ("Kills 99.9% of germs around your home.", ["In vitro test on a single strain: 99.9% kill in 5 minutes"]),
        (
            "Filters out 99% of bacteria in your kitchen tap water.",
            ["99% reduction of E. coli under laboratory conditions"],
        ),
    ],
)
def test_a_laboratory_figure_set_in_everyday_use_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.claim-number" in _claims(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "In a sealed-chamber lab test, Zylo removed 99.9% of one surrogate virus in 60 minutes.",
        "Lab tested: 99.9% reduction of a surrogate virus in a sealed test chamber.",
    ],
)
def test_a_laboratory_figure_stated_as_tested_passes(text: str) -> None:
    assert "ads.claim-number" not in _claims(text, [LAB])


# --- A standard-cycle figure set on a real journey the evidence's real-world figure cannot make ---

EV_RANGE = ["WLTP range 380 miles; real-world motorway range in independent test: 270 miles"]


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Go up to 380 miles on a charge: Bristol to Glasgow without stopping.", EV_RANGE),  # cars
        (
            "Up to 40 hours of playback, so a week of commuting without recharging.",
            ["Rated 40 hours (lab, 50% volume); real-world mixed use in independent test: 26 hours"],
        ),  # headphones
    ],
)
def test_a_rated_figure_set_on_a_real_journey_blocks(text: str, evidence: list[str]) -> None:
    assert "ads.claim-number" in _claims(text, evidence)


def test_a_rated_figure_stated_as_rated_passes() -> None:
    assert "ads.claim-number" not in _claims("Up to 380 miles WLTP range on a single charge.", EV_RANGE)


@pytest.mark.parametrize(
    "text, blocks",
    [
        ("Our baristas will tell you we pour the best flat white in Bath. Come and judge for yourself.", False),
        ("Regulars reckon we have the friendliest staff in town; see for yourself.", False),
        ("We pour the best flat white in Bath.", True),  # asserted as fact, no invitation to judge
    ],
)
def test_an_opinion_offered_for_the_reader_to_judge_is_puffery(text: str, blocks: bool) -> None:
    assert ("ads.claim-superlative" in _claims(text)) is blocks


@pytest.mark.parametrize(
    "text",
    [
        "No other energy supplier is more reliable.",  # energy
        "There's no faster way to learn the guitar.",  # music lessons
        "Gym fees you won't beat.",  # fitness
        "Fibre so fast, downloads are instant.",  # broadband
    ],
)
def test_parity_and_absolutes_in_copular_form_block(text: str) -> None:
    assert _claims(text) & {"ads.claim-superlative", "ads.claim-absolute", "ads.price-promise"}
