"""Round 5, endorsements and financial promotions (helper endorse5): classes a regulator names,
each with wordings of our own in industries other than the corpus example, that must block, and
near misses done right that must not. None is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found


def endorse(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("endorse.")}


def fin(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("fin.")}


# --- An endorsement the brief's own record defeats (16 CFR 465.2, 465.4, 465.7; DMCC Act 2024
# Sch. 20 paras 13-14; CPRs 2008 Sch. 1 paras 2, 4; 16 CFR 255.1(b)): a rating built on gated or
# bought reviews, reviews by people who never bought, a trust mark or award that lapsed, a
# celebrity whose deal ended, a TV appearance presented as backing that never came. Nothing the
# copy adds makes such a claim true.


@pytest.mark.parametrize("text, evidence", [
    # review gating: only the happy ones are sent to the public review site
    ("Parents give Zylo 4.9 stars on Google Play.",
     ["The app asks 'Happy with Zylo?'; only those who tap Yes are sent to Google Play, the rest to a feedback form."]),
    ("Our diners rate us 4.8 out of 5.",
     ["Review requests go only to diners who scored their meal 9 or 10 on the table card."]),
    ("Five-star reviews from our tenants ★★★★★",
     ["Tenants with a complaint are routed to our internal support team instead of the review site."]),
    # reviews bought on condition of a good score
    ("Rated 4.9 on Trustpilot by 1,200 cyclists.",
     ["Riders got a free inner tube for posting a five-star review."]),
    ("See why 800 pet owners gave us five stars.",
     ["Owners were offered 15% off their next grooming in return for a 5-star rating."]),
    # reviews by people who never bought or stayed
    ("Thirty glowing reviews and counting for Zylo Lodge.",
     ["Most of the reviews were posted by the owner's family, who never stayed."]),
    # a trust mark or award that has lapsed
    ("Zylo Boilers: Which? Trusted Trader you can rely on.",
     ["Which? Trusted Trader membership lapsed in March 2025."]),
    ("Award-winning broadband, voted Best Provider.",
     ["Best Provider award 2022; the accreditation was withdrawn in 2024."]),
    # a celebrity who no longer endorses or uses it
    ('"Zylo is the only trainer I run in." - Amy Cole, marathon champion',
     ["Amy Cole's sponsorship deal ended in 2024 and she now runs for a competitor."]),
    ("Chef Marco Ruiz cooks with Zylo pans every night.",
     ["Marco Ruiz no longer uses Zylo cookware; his contract expired last year."]),
    # a TV or press appearance presented as backing that never came
    ("As seen on Shark Tank: the lunchbox the sharks backed.",
     ["Featured on Shark Tank in 2024; no deal was made."]),
    ("Featured in The Times and backed by top investors.",
     ["Mentioned in a Times round-up; the company has not received any investment."]),
])
def test_an_endorsement_the_record_defeats_blocks(text: str, evidence: list[str]) -> None:
    assert endorse(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    # every customer is asked, and the record is the real one
    ("Rated 4.6 out of 5 on Trustpilot from 2,030 reviews.",
     ["Every customer is invited to review after delivery; Trustpilot 4.6 from 2,030 reviews."]),
    # a current award with its year and awarding body
    ("Which? Recommended Provider 2026 for home insurance.",
     ["Which? Recommended Provider status awarded for 2026 (letter on file)."]),
    # an incentive that does not depend on the score, disclosed
    ("4.7 stars from 640 reviews (reviewers were entered into a prize draw whatever they wrote).",
     ["Reviewers entered into a prize draw regardless of rating; average 4.7 from 640 reviews."]),
    # an expired offer is not a lapsed endorsement
    ("Rated 4.8 stars by 900 guests.",
     ["Guest rating 4.8 from 900 reviews.", "The winter offer expired on 28 February."]),
    # the TV appearance stated as what it was
    ("As seen on Dragons' Den in 2024.", ["Appeared on Dragons' Den in 2024; no investment was made."]),
])
def test_an_endorsement_the_record_bears_out_does_not(text: str, evidence: list[str]) -> None:
    assert not endorse(text, evidence)


# --- Expert and group endorsements by their structure (16 CFR 255.3; CAP 3.45-3.52, 3.7): who
# endorses (a profession, a trade, a crowd), what they are said to do (use, rate, pick, stop
# using something else), and whether the evidence documents it. A survey on file documents the
# endorsement only if its share supports it: a minority of a panel is no profession's choice.


@pytest.mark.parametrize("text, evidence", [
    # a minority of a survey presented as the profession's choice
    ("The shampoo hairdressers reach for backstage.",
     ["Poll of 80 salon stylists: 22 said they used Zylo."]),
    ("Physios' top pick for post-run recovery.", ["Survey of 200 physiotherapists: 31% preferred Zylo to two rivals."]),
    ("Recommended by accountants for small firms.", ["Panel of 40 accountants; 12 out of 40 would recommend Zylo."]),
    # expert groups in other shapes
    ("Structural engineers rate it above any bracket on the market.", []),
    ("Mechanics won't admit it, but most of them secretly use Zylo oil in their own cars.", []),
    ("Chosen by 9 out of 10 driving instructors.", ["Survey of 10 instructors, all on the Zylo payroll."]),
    # a crowd reporting it gave up something else for the product
    ("Cyclists with sore knees tell us they've given up the ibuprofen since switching.", []),
    ("Our shoppers say they've stopped buying branded bleach altogether.", []),
])
def test_an_expert_or_group_endorsement_without_support_blocks(text: str, evidence: list[str]) -> None:
    assert endorse(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    # a majority of a named survey on file, stated as such
    ("Recommended by 8 in 10 vets surveyed.", ["Independent survey of 250 UK vets, 2026: 82% would recommend Zylo."]),
    # the minority stated as it is
    ("31% of physios surveyed preferred Zylo to two leading rivals.",
     ["Survey of 200 physiotherapists: 31% preferred Zylo to two rivals."]),
    # a disclosed in-house expert
    ("Formulated with Dr Omar Haddad, our in-house dermatologist.", []),
    ("Developed with Sam Reed, our staff nutritionist, for active kids.", []),
    # negated: experts who do not do something endorse nothing
    ("The bedtime routine that doctors don't talk about enough: a dark, cool room.", []),
    ("Plumbers never recommend cheap flexible hoses, so we don't sell them.", []),
])
def test_an_expert_endorsement_done_right_or_negated_does_not(text: str, evidence: list[str]) -> None:
    assert not endorse(text, evidence)


# --- A lay crowd's verdict resting on a self-selecting poll on the brand's own channel (CAP 3.7,
# 3.45): presented as representative, it is not.


@pytest.mark.parametrize("text, evidence", [
    ("Dads across Leeds have spoken: Zylo is the barbecue sauce they trust most.",
     ["Instagram poll on the Zylo account, 210 votes."]),
    ("The nation's favourite crisp, say parents.", ["Poll on our Facebook page, 1,100 votes, March 2026."]),
])
def test_a_lay_crowd_verdict_on_a_self_selecting_poll_blocks(text: str, evidence: list[str]) -> None:
    assert endorse(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Mums have spoken: Zylo is the wipe they trust most.",
     ["Nationally representative survey of 2,000 UK mothers by YouGov, 2026: 61% trust Zylo most."]),
    ("Dads have spoken: the barbecue sauce they trust most.", ["Our poll is not used in advertising."]),
])
def test_a_lay_crowd_verdict_on_a_representative_survey_does_not(text: str, evidence: list[str]) -> None:
    assert not {r for r in endorse(text, evidence) if r == "endorse.record-contradicted"}


# --- Results presented as typical (16 CFR 255.2(b); CAP 3.45, 3.47): a person's result in words as
# well as digits ("dropped three dress sizes"), a transformation ("went from … to …"), a
# proportion ("cut our costs in half"), and an invitation to expect the same ("results like
# that"), with no statement of what is generally achieved.


@pytest.mark.parametrize("text", [
    "\"I shed two stone before my wedding with Zylo Meals.\" - Priya, Leeds",
    "Tom cleared three grand of arrears in a year with Zylo Budget.",
    "I went from sleeping four hours a night to a full eight within a fortnight.",
    "\"Zylo Freight halved our delivery costs.\" - Ops Director, national retailer. Want results like that?",
    "We cut our energy bill in half with Zylo Heat. You could too.",
])
def test_a_result_in_any_words_without_typicality_blocks(text: str) -> None:
    assert "endorse.typicality" in found(text)


@pytest.mark.parametrize("text", [
    # typicality stated in other words
    "\"I shed two stone with Zylo Meals.\" - Priya. Members lose an average of 3 kg in 12 weeks.",
    "Tom cleared three grand of arrears in a year. Savings averaged £40 a month across users; "
    "yours will depend on your spending.",
    "\"Zylo Freight halved our delivery costs.\" That is exceptional: most customers see savings of around 12%.",
    # not a result: figures that describe the product or a plan
    "I went from the station to the venue in ten minutes on a Zylo scooter.",
    "We cut the price of every lamp in half this weekend.",
])
def test_a_result_with_its_typical_figure_or_no_result_does_not(text: str) -> None:
    assert "endorse.typicality" not in found(text)


# --- Disclosures that are there but not seen, and ones that are (CAP 2.1, 2.4; CMA/ASA
# influencer guidance; 16 CFR 255.5): "#ad" at the end of a run of hashtags is buried; "#ad" up
# front, a gift named in brackets, a brand's own "link in bio" are not failures to disclose.


@pytest.mark.parametrize("text", [
    "Sunday reset with my Zylo candle, honestly obsessed #home #cosy #selfcare #interiors #ad",
    "New season, new kit from @Zylo 🏃 #running #marathontraining #fitfam #sponsored",
    "Best pasta I've made all year with the Zylo pan #dinner #homecooking #foodie #pasta #paidpartnership",
])
def test_a_disclosure_buried_among_hashtags_blocks(text: str) -> None:
    assert "endorse.disclosure-buried" in found(text)


@pytest.mark.parametrize("text", [
    "#ad Sunday reset with my Zylo candle, honestly obsessed #home #cosy #selfcare",
    "Ad | New season kit from @Zylo for the marathon block #running #fitfam",
    "Trying the Zylo pan tonight #ad #dinner",
    # a gift named in brackets
    "Zylo sent me their kettle to try (gifted, no payment). It boils in 90 seconds.",
    # a brand's own post
    "Our autumn candles are back in stock. Link in bio.",
])
def test_a_prominent_disclosure_or_no_connection_does_not(text: str) -> None:
    assert not endorse(text)


# --- A rating stated with its independent source and its count or date is verifiable as it stands
# (CMA guidance on online reviews; 16 CFR 465.2); a bare rating is not.


@pytest.mark.parametrize("text", [
    "Rated 4.5 out of 5 from 1,870 verified reviews on Feefo.",
    "Awarded 5 stars by Defaqto for 2026.",
    "4.8 stars on Google (620 reviews, October 2026).",
])
def test_a_sourced_rating_with_its_count_or_date_does_not(text: str) -> None:
    assert not endorse(text)


@pytest.mark.parametrize("text", ["Rated 4.9 stars by our customers.", "A five-star rated plumber you can trust."])
def test_a_bare_rating_still_needs_its_record(text: str) -> None:
    assert endorse(text)


# --- Financial promotions by their shape. Credit: goods priced by the month, a low-rate claim, a
# credit card sold on its rewards (CONC 3.5.5R: a cost-of-credit figure or an incentive triggers
# the representative example). Investments: a value promised to reach a sum or only to rise
# (COBS 4.2.1R). Insurance: a promise to pay whatever happens (ICOBS 2.2.2R). Near misses: a
# monthly premium for cover, a count of lenders, interest-free instalments with their fees and
# the borrowing warning, the conditions stated, a negated get-rich line.


@pytest.mark.parametrize("text, rule", [
    ("Ride home on a new Vespa today for only £89 a month. Low rates, fast decisions.", "fin.credit-terms"),
    ("Take home this oak dining set for £35 a month.", "fin.credit-terms"),
    ("Collect 2 Avios for every £1 you spend with the Zylo credit card.", "fin.credit-terms"),
    ("Get 5% cashback for your first three months with our new credit card.", "fin.credit-terms"),
    ("Invest £150 a month and your pension pot is certain to reach £90,000 by 2040 - guaranteed.",
     "fin.guaranteed-returns"),
    ("Your ISA portfolio will hit £25,000 in five years, we guarantee it.", "fin.guaranteed-returns"),
    ("Tuck your spare change into Zylo and your savings only ever head one way: up.", "fin.guaranteed-returns"),
    ("Pet cover that pays out whatever happens.", "fin.cover-absolute"),
    ("Travel insurance that pays every claim, no questions asked.", "fin.cover-absolute"),
])
def test_a_financial_promise_by_its_shape_blocks(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    # a monthly premium or service price is not credit
    "Boiler Cover from £12 a month.",
    "Car breakdown cover from £6 a month, with home start included.",
    # a count of lenders is no cost of credit
    "Our broker compares mortgages from over 70 lenders. Your home may be repossessed if you do not keep up "
    "repayments on your mortgage.",
    # interest-free instalments with their fees and the borrowing warning
    "Split your basket into 4 interest-free payments. Late fees up to £10 apply. Borrowing more than you can "
    "afford can seriously harm your finances.",
    # a cover with its limits stated; a negated get-rich line
    "Pays out up to £3,000 per claim; a £100 excess applies and flood damage is not covered.",
    "You don't need to quit your job to learn to cook like a pro.",
])
def test_a_financial_line_done_right_or_no_credit_does_not(text: str) -> None:
    assert not fin(text)


def test_interest_free_instalments_that_trivialise_credit_still_block() -> None:
    text = ("Pay for your trainers in 4 interest-free chunks. It's free money, so why wait? "
            "Late fees up to £8 apply.")
    assert "fin.credit-terms" in found(text)


def test_exclusions_stated_in_other_words_answer_the_evidence() -> None:
    text = ("Zylo Gold pays vet fees up to £8,000 a year. There's a £120 excess per claim and "
            "pre-existing conditions aren't covered.")
    evidence = ["Excess £120 per claim; pre-existing conditions excluded; £8,000 annual limit"]
    assert "fin.undisclosed-condition" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("The night cream dermatologists keep in their own bathroom cabinets.", []),
    ("Personal trainers' number one protein bar.", []),
    ("Rated excellent on Trustpilot.", ["We invite only customers whose orders arrived on time to review us."]),
    ("4.8 out of 5 from 9,000 diners.", ["Diners who leave a five-star review get a free dessert next time."]),
])
def test_more_endorsement_shapes_block(text: str, evidence: list[str]) -> None:
    assert endorse(text, evidence)


# --- Advice is not an endorsement (16 CFR 255.0(b): an endorsement is a message about the
# advertiser's product): "dentists recommend brushing twice a day" reports advice; "dentists
# recommend Zylo", "… recommend it" endorse.


@pytest.mark.parametrize("text", [
    "Dentists recommend brushing twice a day; Zylo makes it fun for kids.",
    "Vets recommend regular flea treatment. Zylo spot-on lasts four weeks.",
    "Physiotherapists advise stretching before every run, so we built a warm-up into the app.",
])
def test_experts_advice_that_is_not_about_the_product_does_not(text: str) -> None:
    assert not endorse(text)


@pytest.mark.parametrize("text", [
    "Dentists recommend Zylo for sensitive teeth.",
    "Vets recommend it for dogs with itchy skin.",
    "Physiotherapists suggest our foam roller after every run.",
    "Dermatologists recommend.",
])
def test_experts_recommending_the_product_still_block(text: str) -> None:
    assert endorse(text)


@pytest.mark.parametrize("text", [
    "The only vet-recommended chew for senior dogs.",
    "It's the routine trainers recommend to every new client.",
])
def test_an_attributive_or_fronted_recommendation_is_still_an_endorsement(text: str) -> None:
    assert endorse(text)


@pytest.mark.parametrize("text, rule", [
    ("Get the new Pixel for £28 a month over 24 months.", "fin.credit-terms"),
    ("Have it delivered today and pay nothing until next April.", "fin.credit-terms"),
    ("Our life cover pays out on every claim.", "fin.cover-absolute"),
    ("Dental cover that pays every single bill, however big.", "fin.cover-absolute"),
])
def test_more_financial_shapes_block(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "Unlimited texts for £10 a month on a 12-month plan.",
    "Covers every room in your home against fire and flood, up to £500,000.",
])
def test_a_service_contract_or_a_bounded_cover_does_not(text: str) -> None:
    assert not {r for r in fin(text) if r in ("fin.credit-terms", "fin.cover-absolute")}


@pytest.mark.parametrize("text, evidence", [
    ("Award-winning pies, rated 4.7 stars.",
     ["Gold, British Pie Awards 2026.", "Prices not valid in Northern Ireland."]),
    ("Rated 4.8 stars by 500 guests.",
     ["Guest rating 4.8 from 500 reviews.", "Discount only for guests who book direct."]),
])
def test_unrelated_conditions_in_the_record_do_not_defeat_an_endorsement(text: str, evidence: list[str]) -> None:
    assert "endorse.record-contradicted" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("The barbers' secret weapon for a sharp fade.", []),
    ("Thousands of gardeners have already banished slugs with Zylo pellets.", []),
    # a share above the survey on file
    ("Nine in ten opticians would recommend Zylo drops.", ["Survey of 100 opticians: 52 said they would recommend."]),
    ("Recommended by 87% of midwives.", ["Survey of 300 midwives, 2026: 61% would recommend Zylo."]),
])
def test_more_group_shapes_and_overstated_survey_shares_block(text: str, evidence: list[str]) -> None:
    assert endorse(text, evidence)


def test_a_share_the_survey_bears_out_does_not() -> None:
    assert not endorse("Nine in ten opticians would recommend Zylo drops.",
                       ["Survey of 100 opticians: 91 said they would recommend Zylo."])


@pytest.mark.parametrize("text", [
    "We've halved our delivery times this year, so your parcel arrives sooner.",
    "We doubled our bakery's output to keep up with Christmas orders.",
])
def test_a_brands_own_operational_change_is_no_testimonial(text: str) -> None:
    assert "endorse.typicality" not in found(text)


@pytest.mark.parametrize("text, evidence", [
    ("Rated 4.7 stars by our guests.",
     ["Guest rating 4.7 from 800 reviews.", "Members who never booked before get 10% off."]),
    ("Five-star reviews for our repairs.",
     ["Trustpilot 4.8 from 1,200 reviews.", "Faulty items are sent to our support team for repair."]),
])
def test_record_facts_about_something_else_do_not_defeat_an_endorsement(text: str, evidence: list[str]) -> None:
    assert "endorse.record-contradicted" not in found(text, evidence)


@pytest.mark.parametrize("text", [
    "Weekend hike in my new Zylo boots, not a blister in sight #sp",
    "Weekend hike in my new Zylo boots, not a blister in sight #collab",
    "Weekend hike in my new Zylo boots. Thanks @ZyloOutdoors for the collab!",
])
def test_an_unclear_label_does_not_disclose(text: str) -> None:
    assert "endorse.material-connection" in found(text)


@pytest.mark.parametrize("text", [
    "#ad Weekend hike in my new Zylo boots, not a blister in sight #collab",
    "Weekend hike in my new Zylo boots #paidpartnership",
])
def test_a_clear_label_beside_an_unclear_one_discloses(text: str) -> None:
    assert "endorse.material-connection" not in found(text)


def test_cashback_on_a_bank_account_against_its_caps_blocks() -> None:
    text = "Earn 1% cashback on all your household bills with the Zylo current account."
    evidence = ["Cashback capped at £5 a month; requires £1,500 paid in each month."]
    assert "fin.rate-conditions" in found(text, evidence)


def test_cashback_on_a_bank_account_with_its_caps_stated_does_not() -> None:
    text = ("Earn 1% cashback on household bills with the Zylo current account, capped at £5 a month "
            "when you pay in £1,500 each month.")
    evidence = ["Cashback capped at £5 a month; requires £1,500 paid in each month."]
    assert "fin.rate-conditions" not in found(text, evidence)


def test_an_only_that_is_not_about_who_reviews_does_not_defeat_a_rating() -> None:
    evidence = ["Trustpilot 4.6 from 3,000 reviews.", "Sign-up asks only for your email address."]
    assert "endorse.record-contradicted" not in found("Rated 4.6 stars on Trustpilot.", evidence)


@pytest.mark.parametrize("text", [
    "We went from zero to 120 stores in five years, thanks to you.",
    "This winter we saved two thousand customers from cold homes with free boiler checks.",
])
def test_a_brands_own_history_is_no_testimonial(text: str) -> None:
    assert "endorse.typicality" not in found(text)


@pytest.mark.parametrize("text, evidence", [
    ("Forty five-star reviews and counting for our barbershop.",
     ["Half of the reviews came from a review-swap group of local barbers."]),
    ("Rated 4.9 by our customers.", ["We bought 300 ratings from a marketing agency in 2025."]),
])
def test_swapped_or_bought_reviews_defeat_a_rating(text: str, evidence: list[str]) -> None:
    assert endorse(text, evidence)


@pytest.mark.parametrize("text, blocks", [
    ("Own this 65-inch OLED TV for £12 a week.", True),
    ("Own the road: car insurance from £30 a month.", False),
    ("Take home a pro barista setup: coffee subscription from £15 a month.", False),
])
def test_owning_goods_by_the_week_is_credit_and_a_service_is_not(text: str, blocks: bool) -> None:
    assert ("fin.credit-terms" in found(text)) is blocks


@pytest.mark.parametrize("text, rule", [
    ("Ben turned £500 into £6,000 with Zylo Trade.", "endorse.typicality"),
    ("\"Zylo paid for our holiday: £1,800 in cashback in a year.\" - The Patels, Leeds", "endorse.typicality"),
    ("Our top seller, Amy, now earns more from Zylo than her day job.", "fin.earnings-claim"),
])
def test_money_made_in_other_shapes_blocks(text: str, rule: str) -> None:
    assert rule in found(text)


@pytest.mark.parametrize("text", [
    "\"Delivery took two days and the fit is perfect.\" - Sam, Leeds",
    "\"I paid £40 and it arrived within a week.\" - Jo",
])
def test_a_quoted_figure_that_is_no_result_does_not(text: str) -> None:
    assert "endorse.typicality" not in found(text)
