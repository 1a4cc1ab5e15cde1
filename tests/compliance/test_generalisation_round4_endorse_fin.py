"""Round 4, endorsements and financial promotions (helper tune14-endorse-fin): classes a
regulator names, each with wordings of our own in several industries that must block and
near misses that must not. None is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found

# --- Review counts and ratings against the brief's own figures (16 CFR 465.2; DMCC Act 2024
# Sch. 20 para 13; CAP 3.7): the copy claims more reviews, more satisfied people or a higher
# rating than the evidence documents.


@pytest.mark.parametrize("text, evidence", [
    ("Over 50,000 five-star reviews can't be wrong.", ["Trustpilot: 3,870 reviews, 4.2 average"]),
    ("Trusted by 2 million happy drivers across the UK.", ["Customer base: 240,000 policyholders"]),
    ("Rated 4.9 out of 5 by our guests.", ["Booking.com guest rating 4.3/5 from 812 reviews"]),
    ("Join the 25k gardeners who gave GrowKit five stars!", ["App store: 1,930 ratings, average 4.4 stars"]),
    ("Thousands of delighted parents swear by our sleep sacks.", ["Product launched in May; 38 reviews so far"]),
])
def test_a_review_figure_above_the_evidence_blocks(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("endorse.") for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("Rated 4.6 out of 5 from over 3,000 reviews.", ["Trustpilot: 3,214 reviews, average 4.6 stars"]),
    ("More than 200,000 policyholders renewed with us last year.", ["Customer base: 240,000 policyholders"]),
    ("Join 10k members who rate us 4.8 stars.", ["10,480 members; average app rating 4.8"]),
    # a hotel's class is not a review rating
    ("Stay at our five-star hotel in the old town.", ["Guest rating 4.1/5 from 600 reviews"]),
])
def test_a_review_figure_the_evidence_bears_out_does_not(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("endorse.")}


# --- Credit by its shape (FCA CONC 3.5.5R, 3.5.7R; Reg. Z 12 CFR 1026.24): a promotional rate of
# nothing, a price split into instalments or buy-now-pay-later framing is a credit promotion and
# needs the representative example, whatever the words.


@pytest.mark.parametrize("text", [
    "Zero interest on every sofa until 2028.",
    "0% on balance transfers. Move your card debt today.",
    "Chop your order into four payments at checkout.",
    "Spread your payments across twelve months on any e-bike.",
    "Get it now, worry about it later: new phones with Zylo Pay.",
])
def test_credit_in_any_wording_needs_the_representative_example(text: str) -> None:
    assert "fin.credit-terms" in found(text)


@pytest.mark.parametrize("text", [
    "0% on purchases for 18 months, then 23.9% APR representative (variable). Subject to status.",
    "We have no interest in selling your data.",
    "Split the bill with friends in seconds.",
    "Split it into two portions and freeze one for later.",
])
def test_credit_stated_with_its_terms_or_no_credit_at_all_does_not(text: str) -> None:
    assert "fin.credit-terms" not in found(text)


# --- Cover promised without limits (FCA ICOBS 2.2.2R; PRIN 2A; CAP 3.3): a universal quantifier
# with a verb of cover, while the evidence lists exclusions, limits or an excess.

EXCLUSIONS = ["Excludes wear and tear, cosmetic damage and loss; £75 excess per claim"]


@pytest.mark.parametrize("text, evidence", [
    ("Whatever happens on the road, you're covered.", EXCLUSIONS),
    ("Our travel policy pays every medical bill abroad.", ["Medical expenses limit £5m; £100 excess"]),
    ("Drop it, crack it, soak it: your phone is covered for anything.", EXCLUSIONS),
    ("Boiler breaks down? You're fully covered. Full stop.",
     ["Parts limit £1,000 a year; pre-existing faults excluded"]),
])
def test_cover_without_limits_against_the_evidence_blocks(text: str, evidence: list[str]) -> None:
    assert "fin.cover-overstated" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Covers accidental damage and theft. Exclusions and limits apply; £75 excess.", EXCLUSIONS),
    ("Whatever happens on the road, you're covered (£75 excess; wear and tear excluded).", EXCLUSIONS),
    ("Whatever happens on the road, you're covered.", ["24/7 claims line staffed in the UK"]),
    ("Covers any vet bill up to £7,000 a year per condition.", ["£7,000 annual limit per condition"]),
])
def test_cover_stated_with_its_limits_or_without_any_does_not(text: str, evidence: list[str]) -> None:
    assert "fin.cover-overstated" not in found(text, evidence)


# --- An investment promotion known from the evidence or from its culture (FCA COBS 4.5A, 4.6.2R
# past performance, 4.12A cryptoassets): a bare figure is past performance when the evidence
# names an investment; crypto and trading slang marks a promotion; capital said never at risk.


@pytest.mark.parametrize("text, evidence", [
    ("Up 23% since January. Imagine next year.", ["Global Equity Fund rose 23% year to date"]),
    ("Turned £1,000 into £1,400 in two years 📈", ["Stocks and shares ISA, UK equity tracker"]),
    ("Our lenders averaged 11% last year.", ["Peer-to-peer lending platform; not FSCS protected"]),
])
def test_a_figure_the_evidence_calls_investment_performance_needs_the_warning(text: str, evidence: list[str]) -> None:
    assert "fin.risk-warning" in found(text, evidence)


@pytest.mark.parametrize("text", [
    "Still stacking sats every payday. Are you?",
    "Diamond hands paid off this year 💎🙌 #hodl",
    "Grabbed 500 FlareMint tokens before the bull run.",
])
def test_crypto_culture_is_an_investment_promotion(text: str) -> None:
    assert "fin.risk-warning" in found(text)


@pytest.mark.parametrize("text", [
    "Property notes paying 8% a year, and your capital is never at risk.",
    "There's no risk to your money: the vineyard bond pays 10% a year.",
])
def test_capital_said_never_at_risk_is_a_guaranteed_return(text: str) -> None:
    assert "fin.guaranteed-returns" in found(text)


@pytest.mark.parametrize("text, evidence", [
    ("Up 23% since January. Capital at risk; past performance is not a reliable guide to future returns.",
     ["Global Equity Fund rose 23% year to date"]),
    ("Save up to £20,000 tax-free this year.", ["Cash ISA, 3.9% AER variable"]),
    ("Give your garden a leg up this spring: 20% off bulbs.", []),
    ("Collect Reward tokens to spend in-game.", []),
    ("Your savings are never at risk: eligible deposits are protected by the FSCS up to £85,000.", []),
])
def test_no_investment_or_a_warned_one_does_not(text: str, evidence: list[str]) -> None:
    assert not found(text, evidence) & {"fin.risk-warning", "fin.guaranteed-returns"}


# --- Connections the copy does not convey (16 CFR 255.5; CAP 2.1-2.4, 3.45): a gift label on a
# paid or conditional post; endorsements in any shape (a quote with stars, a tagged brand, a
# statistic of a group) whose endorsers the evidence ties to the advertiser.


@pytest.mark.parametrize("text, evidence, rule", [
    ("Obsessed with this blender 😍 #gifted", ["Creator paid £500 and sent the blender"],
     "endorse.disclosure-understated"),
    ("PR package from @GlowLab, use my code GLOW10! #gifted", ["Creator earns 15% commission on code sales"],
     "endorse.disclosure-understated"),
    ("Got sent this tent for free and it survived a storm. #gifted",
     ["Tent given on condition the creator posts twice"], "endorse.disclosure-understated"),
    ("“Fastest checkout I've used.” ★★★★★ Dana R.", ["Written by Zylo's marketing team"],
     "endorse.undisclosed-connection"),
    ("why is nobody talking about @ZyloBrew's cold brew?? obsessed", ["Creator paid £300 for this post"],
     "endorse.undisclosed-connection"),
    ("8 out of 10 owners said their dogs ate more.", ["Survey of 12 owners who were given a month of food free"],
     "endorse.undisclosed-connection"),
    ("'Best broadband I've ever had, fixed in an hour!' Mark T.", ["Mark T. is a Zylo support team manager"],
     "endorse.undisclosed-connection"),
])
def test_a_connection_the_copy_does_not_convey_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("#gifted: these pyjamas arrived last week and I love them", ["Sent free; no payment and no obligation to post"]),
    ("#ad Obsessed with this blender 😍 #gifted", ["Creator paid £500 and sent the blender"]),
    ("'Claim paid in a day, brilliant.' Mark T., customer since 2019", ["Genuine Trustpilot review, May 2026"]),
    ("8 out of 10 owners said their dogs ate more (survey of 12 owners, food provided free).",
     ["Survey of 12 owners who were given a month of food free"]),
])
def test_a_conveyed_connection_or_none_does_not(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("endorse.")}


def test_an_endorsement_statistic_or_ranking_is_one_claim() -> None:
    vets = found("9 out of 10 groomers would recommend Zylo shampoo.", ["Survey of 10 groomers, all paid by Zylo"])
    assert "endorse.undisclosed-connection" in vets and "ads.claim-number" not in vets
    ranked = found("Rated number one for city breaks by independent site TripJudge.", ["TripJudge is owned by Zylo"])
    assert "endorse.undisclosed-connection" in ranked and "ads.claim-superlative" not in ranked


# --- Results presented as typical (16 CFR 255.2(b); CAP 3.7, 3.45): a person's result with any
# verb of achievement, a possessive result, or an invitation to expect the same, without saying
# what is typical.


@pytest.mark.parametrize("text", [
    "Tom's energy bills dropped by £600 after the switch. Yours could too.",
    "I paid off £9,000 of credit card debt in a year with Zylo Budget.",
    "Meet Aisha: her monthly spend fell 45% in three months.",
    "Ravi knocked £300 off his car insurance in ten minutes.",
    "Down 2 stone since March! So could you.",
])
def test_a_result_testimonial_without_typical_results_blocks(text: str) -> None:
    assert "endorse.typicality" in found(text)


@pytest.mark.parametrize("text", [
    "Tom's energy bills dropped by £600 after the switch; typical customers save £180 a year.",
    "We cut our prices by 20% this week.",
    "We planted 1,000 trees last year. You can too.",
    "Her new album dropped last Friday.",
])
def test_typical_results_stated_or_no_personal_result_does_not(text: str) -> None:
    assert "endorse.typicality" not in found(text)


def test_paying_off_debt_is_not_an_earnings_claim() -> None:
    assert "fin.earnings-claim" not in found("“I cleared £14,000 of debt in eight months with Zylo.” Priya, Leeds")


# --- Expert and group endorsements in any wording (16 CFR 255.2, 255.3; CAP 3.45-3.52; Reg.
# 1924/2006 art. 12(c)): a professional in the first person, groups of any trade with verbs of
# talk, praise or switching, an unnamed crowd's experience, evidence that denies the endorsement.


@pytest.mark.parametrize("text, evidence", [
    ("As a dentist, I recommend Zylo floss to every patient.", []),
    ("I'm a pharmacist and I always tell my customers about Zylo Sleep.", []),
    ("Sommeliers can't stop talking about our new rosé.", []),
    ("Accountants everywhere are quietly switching to Zylo Books.", []),
    ("Dietitian approved, with 20 g protein per bar.", ["No dietitian has reviewed the recipe"]),
    ("Many people with back pain find Zylo Rest helps them sleep through.", []),
    ("Gardeners rave about it.", []),
])
def test_an_expert_or_group_endorsement_in_any_wording_blocks(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("endorse.") for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("Our chefs love it.", []),
    ("As a mum, I love how quickly the Zylo pram folds.", []),
    ("Many people find it hard to switch off at night.", []),
    ("Dr Ana Ruiz, our paid adviser, recommends Zylo.", []),
    ("Dermatologist approved.", ["Approved by consultant dermatologist Dr Lee; signed statement on file"]),
    ("In a survey of 300 owners, most owners said Zylo kept their dogs calmer.",
     ["Survey of 300 dog owners, May 2026: 68% said Zylo kept their dogs calmer"]),
])
def test_a_documented_disclosed_or_non_expert_endorsement_does_not(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("endorse.")}


def test_a_test_panel_is_not_a_survey_of_the_endorsers() -> None:
    assert "endorse.expert" in found("Lasts 12 hours, pharmacist approved.",
                                     ["Lab test: 12h wear in 20 of 20 panellists", "No pharmacist review on file"])


@pytest.mark.parametrize("text", [
    "Chef Mara Quinn, our paid brand ambassador, cooks with the Zylo wok on her show.",
    "Nina, our brand ambassador, takes the Zylo pack up every peak.",
])
def test_a_paid_role_named_beside_the_endorser_discloses(text: str) -> None:
    assert "endorse.material-connection" not in found(text)


def test_a_discount_codes_digits_do_not_state_the_restriction() -> None:
    assert "endorse.disclosure-understated" in found(
        "Got sent this hoodie and I live in it, use SAM20 for 20% off #gifted",
        ["Hoodie sent on condition the creator posts with code SAM20"])


# --- Selected praise presented as representative of a poor record (16 CFR 465.7; CAP 3.45).

LOW = ["1,100 reviews, average 2.9/5; a third are one-star"]


@pytest.mark.parametrize("text, evidence", [
    ("“Comfiest shoes ever” (Jo), “Worth every penny” (Sam).", LOW),
    ("Don't take our word for it: our guests call it the best stay in Bath.", ["Guest rating 3.2/5 from 410 reviews"]),
    ("Diners rave about our Sunday roast.", ["Average rating 3.0 from 250 reviews"]),
])
def test_praise_shown_against_a_poor_average_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.review-figures" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("“Comfiest shoes ever” (Jo), “Worth every penny” (Sam).", ["900 reviews, average 4.6/5"]),
    ("“Comfy but runs small” (Jo). Rated 2.9/5 from 1,100 reviews.", LOW),
    ("Tell us what you think: every review helps.", LOW),
])
def test_praise_with_a_good_or_stated_average_does_not(text: str, evidence: list[str]) -> None:
    assert "endorse.review-figures" not in found(text, evidence)


# --- A headline rate or a no-cost claim the evidence qualifies (FCA BCOBS 2.2.1R, CONC 3.3.1R,
# PRIN 2A; CAP 3.3): the rate's cap, tier, bonus or notice, or a charge, left out.


@pytest.mark.parametrize("text, evidence, rule", [
    ("Grow your savings at 6% a year.", ["6% AER applies to the first £1,000 only; 1.5% above"], "fin.rate-conditions"),
    ("Earn 5.5% on your cash.", ["5.5% AER includes a 12-month bonus of 2%; then 3.5%"], "fin.rate-conditions"),
    ("Our notice account pays 4.8%.", ["4.8% AER, 95-day notice to withdraw, minimum £5,000"], "fin.rate-conditions"),
    ("Send money home with zero fees.", ["A 1.5% exchange-rate margin applies"], "fin.hidden-costs"),
    ("Commission-free share dealing.", ["FX fee of 0.25% on US shares; custody fee 0.15% a year"],
     "fin.hidden-costs"),
    ("Spend abroad with no hidden charges.", ["2.99% foreign exchange fee on card spending abroad"],
     "fin.hidden-costs"),
])
def test_a_rate_or_no_cost_claim_the_evidence_qualifies_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("Earn 6% AER on the first £1,000 (1.5% AER above that).", ["6% AER applies to the first £1,000 only; 1.5% above"]),
    ("4.1% AER variable on easy-access balances up to £25,000.", ["4.1% AER variable, easy access, up to £25,000"]),
    ("Send money home with zero transfer fees; a 1.5% exchange-rate margin applies.",
     ["A 1.5% exchange-rate margin applies"]),
    ("No hidden fees at the gym.", ["£20 admin fee on joining"]),
    ("Zero fees, the real exchange rate.", ["No transfer fees and no FX margin"]),
    ("Save 20% on winter coats.", ["20% off applies only to full-price lines"]),
])
def test_a_rate_or_cost_stated_with_its_terms_or_not_financial_does_not(text: str, evidence: list[str]) -> None:
    assert not found(text, evidence) & {"fin.rate-conditions", "fin.hidden-costs"}


@pytest.mark.parametrize("text", [
    "New: the barista oat drink that froths like a dream.",
    "Try the chef knife set everyone's gifting.",
    "9 out of 10 tasters preferred Zylo cola in our taste test.",
])
def test_a_group_word_used_as_a_modifier_or_a_share_of_people_is_no_endorsement_or_rating(text: str) -> None:
    assert not found(text) & {"endorse.expert", "endorse.reviews"}


@pytest.mark.parametrize("text", [
    "A dentist would recommend Zylo floss.",
    "Dr. Patel recommends Zylo.",
    "Baristas drink it black.",
    "It's a chef favourite.",
])
def test_subject_and_verb_that_agree_are_still_an_endorsement(text: str) -> None:
    assert "endorse.expert" in found(text)


# --- Wider families, probed with wordings of our own before any corpus showed them.


@pytest.mark.parametrize("text, evidence", [
    ("Hairdressers across the country have made the switch.", []),
    ("Recommended by midwives.", []),
    ("Personal trainers are obsessed.", []),
    ("So excited to partner with @Zylo on this!", []),
    ("Thanks @Zylo for the goodies! Use code ANNA10", []),
    ("Voted Product of the Year 2026.", ["Award run by Zylo's parent company"]),
    ("Honestly my favourite moisturiser ever 😍", ["Creator received £1,200 from Zylo for this post"]),
    ("I've lost 14 lbs in a month with ZyloFit!", []),
    ("Over 1 million downloads and counting.", ["App downloads: 240,000"]),
])
def test_endorsements_in_wider_families_block(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("endorse.") for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("A 4.9-star rated app.", ["App Store average 4.9 from 3,100 ratings"]),
    ("Chef's tip: salt the water well.", []),
    ("Over 200,000 downloads and counting.", ["App downloads: 240,000"]),
])
def test_wider_endorsement_families_keep_their_near_misses(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("endorse.")}


@pytest.mark.parametrize("text, evidence", [
    ("The fund has beaten the market for 5 years running.", []),
    ("Pay monthly for your new car from £199.", ["£2,000 deposit required; optional final payment £9,000"]),
    ("Your money grows while you sleep with our 12% yield vault.", []),
    ("Double your deposit in 90 days.", []),
    ("Consolidate your debts into one easy payment.", []),
    ("Life cover for everyone, no medical questions.", ["Cover capped at £10,000 for ages over 70"]),
    ("Protect your family no matter what.", ["Excludes suicide in the first year"]),
    ("Get 20x leverage on FX pairs.", []),
])
def test_financial_promotions_in_wider_families_block(text: str, evidence: list[str]) -> None:
    assert any(r.startswith("fin.") for r in found(text, evidence))


@pytest.mark.parametrize("text", [
    "We invest in our staff.",
    "Compare mortgages with our free calculator.",
    "Interest rates are changing: talk to an adviser.",
    "Pay for your coffee with your phone.",
    "Spend less, save more with our budgeting app.",
])
def test_everyday_money_words_are_not_financial_promotions(text: str) -> None:
    assert not {r for r in found(text) if r.startswith("fin.")}


@pytest.mark.parametrize("text, evidence", [
    ("Celebrities can't get enough.", []),
    ("The face cream royals swear by.", []),
    ("Our members earned an average of £2,000 in their first month.", []),
    ("Grow your pension faster with our managed portfolios.", []),
    ("Get the cash you need today, approved in minutes.", []),
    ("Travel insurance that's got you covered wherever you go.", ["Excludes pre-existing conditions; £150 excess"]),
    ("Nothing to pay for 12 months on all sofas.", []),
    ("Buy today, pay nothing until 2027.", []),
    ("Your home is safe with us: full cover, no excess.", ["£250 excess applies"]),
    ("Free share trading. No commission, ever.", ["£3.99 per trade on international shares"]),
])
def test_second_probe_of_wider_families_blocks(text: str, evidence: list[str]) -> None:
    assert any(r.startswith(("endorse.", "fin.")) for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("Pay nothing for delivery this week.", []),
    ("Nothing to pay for 12 months. Representative 19.9% APR. Subject to status.", []),
    ("Travel insurance from £9.99 a trip.", []),
    ("Our stylists will help you find your fit.", []),
    ("Star buy: £5 off this week.", []),
    ("No excess to pay on glass claims.", ["No excess on windscreen and glass claims"]),
])
def test_second_probe_near_misses_pass(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith(("endorse.", "fin."))}


def test_one_endorser_in_the_evidence_does_not_document_a_plural_group() -> None:
    assert "endorse.expert" in found("Food critics are calling it the best pie in Yorkshire.",
                                     ["Reviewed once by one food critic in the Evening Post"])
    assert "endorse.expert" not in found("Food critics are calling it the best pie in Yorkshire.",
                                         ["Reviews by 4 food critics: Evening Post, Guardian, Times, Observer"])
    assert "endorse.expert" not in found("A food critic called it the best pie in Yorkshire.",
                                         ["Reviewed by one food critic in the Evening Post"])


@pytest.mark.parametrize("text, evidence, rule", [
    ("Freelancers love it. They say it's the only invoicing app they need.", [], "endorse.reviews"),
    ("Customers call it the comfiest sofa they've owned.", [], "endorse.reviews"),
    ("Rated Excellent on Trustpilot.", ["Trustpilot TrustScore 3.4 from 870 reviews"], "endorse.review-figures"),
])
def test_a_crowds_reported_superlative_or_a_rating_in_words_is_the_review_claim(
        text: str, evidence: list[str], rule: str) -> None:
    got = found(text, evidence)
    assert rule in got and "ads.claim-superlative" not in got


def test_a_rating_in_words_the_evidence_bears_out_does_not() -> None:
    assert "endorse.review-figures" not in found("Rated Excellent on Trustpilot.",
                                                 ["Trustpilot TrustScore 4.6 from 870 reviews"])


# --- Third probe: reviews bought or filtered, named users, stories of change, more investments.


@pytest.mark.parametrize("text, evidence", [
    ("Read thousands of genuine reviews on our site.", ["Reviewers receive a £5 voucher for each review left"]),
    ("100% real customer reviews.", ["Only reviews of 4 stars and above are published"]),
    ("Our community's favourite!", ["Votes were cast by Zylo staff"]),
    ("Sophie, 34, lost 11 kg and kept it off.", []),
    ("Priya's story: from overdraft to £10k savings in a year.", []),
    ("Why 2 million Brits switched to Zylo Energy.", ["430,000 customers"]),
    ("Our ambassador Jess uses Zylo every day.", ["Jess has never used Zylo; she is a contracted model"]),
    ("Gold bullion: the safe haven that always holds its value.", []),
    ("Get a pre-approved card limit of £5,000.", []),
    ("Fixed rate of 6% for 3 years on our property bond.", []),
    ("Pet insurance that pays out on everything.", ["Excludes pre-existing conditions; £99 excess"]),
    ("Guaranteed acceptance life cover for over 50s. No medical.",
     ["Benefit limited to premiums paid in first 2 years"]),
])
def test_third_probe_blocks(text: str, evidence: list[str]) -> None:
    assert any(r.startswith(("endorse.", "fin.")) for r in found(text, evidence))


@pytest.mark.parametrize("text, evidence", [
    ("4.5★ from 900 reviews. Some reviewers got a free sample in return for an honest review; those are labelled.",
     ["Incentivised reviews labelled and included in the average"]),
    ("See all 4,210 reviews, good and bad, on Trustpilot.", ["4,210 Trustpilot reviews, average 4.2"]),
    ("Sophie, 34, lost 11 kg in a year. Typical members lose 3-5 kg.", []),
    ("Fixed rate bond: 4.6% AER fixed for 2 years. FSCS protected up to £85,000.", ["4.6% AER fixed 2 years; FSCS"]),
    ("Guaranteed acceptance over-50s life cover: if you die in the first two years we refund your premiums.",
     ["Benefit limited to premiums paid in first 2 years"]),
    ("Prices from £10 to £50 across the range.", []),
])
def test_third_probe_near_misses_pass(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith(("endorse.", "fin."))}


# --- Fourth probe: a professional's advice in the past tense, survey sizes that coincide with the
# copy's figures, projections of an investment's value.


@pytest.mark.parametrize("text, evidence", [
    ("My GP told me to try it and I haven't looked back.", []),
    ("Recommended by 4 out of 5 dentists.", ["Survey of 5 dentists employed by Zylo"]),
    ("Your pension could be worth £100k more with Zylo.", []),
])
def test_fourth_probe_blocks(text: str, evidence: list[str]) -> None:
    assert any(r.startswith(("endorse.", "fin.")) for r in found(text, evidence))


@pytest.mark.parametrize("text", [
    "My GP told me to get more sleep, so I built a better pillow.",
    "Learn about investing with our free beginner's guide.",
    "Use our mortgage calculator to see what you could borrow.",
])
def test_fourth_probe_near_misses_pass(text: str) -> None:
    assert not {r for r in found(text) if r.startswith(("endorse.", "fin."))}


# --- Precision probe: the broad endorsement triggers against evidence about something else.


@pytest.mark.parametrize("text, evidence", [
    ("Follow @ZyloHome for weekly recipes.", ["Zylo Home is owned by Zylo Group plc"]),
    ("Read our reviews, then decide.", ["Customer service team based in Leeds; founder-led since 2012"]),
    ("Loved by 2 million readers every month.", ["2.1 million monthly readers (ABC, 2026)"]),
    ("5-star hygiene rating, fresh pasta daily.", ["Food hygiene rating 5 (FSA)"]),
    ("Our 4.5-star hotel sits on the harbour.", ["Guest rating 4.1/5"]),
    ("I'm Sara, founder of Zylo, and I use it every day.", ["Sara is the founder of Zylo"]),
    ("Our head chef Marco swears by cast iron.", ["Marco is Zylo's head chef"]),
    ("As a nurse for 20 years, I designed these shoes for long shifts.", []),
    ("Many parents find mornings hard. Zylo's packed-lunch kit makes them easier.", []),
    ("Travel money with 0% commission at our branches.", ["Exchange rate includes a margin of up to 3%"]),
])
def test_broad_triggers_do_not_block_evidence_about_something_else(text: str, evidence: list[str]) -> None:
    assert not {r for r in found(text, evidence) if r.startswith("endorse.")}


def test_a_soft_opinion_count_is_borne_out_by_the_customer_base_and_a_review_count_is_not() -> None:
    evidence = ["2.3 million customers; 5,000 five-star reviews on Trustpilot"]
    assert "endorse.review-figures" not in found("Loved by 2 million customers.", evidence)
    assert "endorse.review-figures" in found("Over 2 million five-star reviews.", evidence)
    assert "endorse.review-figures" in found("2 million customers gave us five stars.", evidence)


# --- The other connections 16 CFR 255.5 names, and endorsers who are not what they seem.


@pytest.mark.parametrize("text, evidence", [
    ("“Honestly the comfiest trainers I own.” — Mia", ["Mia is the sister of the founder"]),
    ("I've switched all my savings to Zylo and I'm never going back.", ["The blogger is an investor in Zylo"]),
    ("Spent a dreamy week at Zylo Villas 🌴 best stay of my life", ["Creator was given a free stay of 7 nights"]),
    ("“My skin has never been clearer.” — Ava, 27", ["Ava is an AI-generated persona"]),
    ("“Zylo cleared my acne in weeks.” — Jo, 2019", ["Zylo was reformulated in 2024"]),
])
def test_family_stakes_hosted_stays_and_synthetic_endorsers_block(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("“Honestly the comfiest trainers I own.” — Mia, the founder's sister", ["Mia is the sister of the founder"]),
    ("#ad Spent a dreamy week at Zylo Villas 🌴", ["Creator was given a free stay of 7 nights"]),
    ("“It arrived fast.” — Jo, verified buyer", ["Jo is a verified buyer; no connection to Zylo"]),
])
def test_connections_stated_or_absent_pass(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" not in found(text, evidence)


def test_a_rate_for_new_customers_only_needs_saying() -> None:
    assert "fin.undisclosed-condition" in found("Home insurance from £9 a month.",
                                                ["£9 a month rate: new customers only"])
