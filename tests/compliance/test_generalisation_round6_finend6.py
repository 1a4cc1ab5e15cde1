"""Round 6, financial promotions, endorsements and the brief's constraints (helper finend6): each
class a regulator or the brief names, with wordings of our own in other industries than the corpus
example, that must block, and near misses done right that must not. None is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found
from tests.compliance.test_generalisation_round4_env_health_con import brief_found


def _brief(rules: set[str]) -> set[str]:
    return {r for r in rules if r.startswith("brief.")}


def endorse(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("endorse.")}


def fin(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("fin.")}


# --- Brief constraints said in other shapes (the brief is the client's instruction; CAP 1.3 asks
# the marketer to answer for the ad as approved): a naming convention in either order, a ban with
# its rationale after a comma, the words a ban lists after its head, a promise of when said with a
# bare day ("on your doorstep tomorrow").


@pytest.mark.parametrize(
    "text, constraint",
    [
        ("Our clients get a free consultation in March.", "Always call people 'patients', never 'clients'"),
        ("Every customer gets a welcome pack.", "Refer to them as guests, not customers"),
        ("Students can book extra sessions online.", "Don't call them students, call them learners"),
        ("Each sack holds 20 kg of compost.", "Call it a 'bag', never a 'sack'"),
        ("Fix your mortgage for five years at 3.99% APR.", "Don't quote interest rates, they change daily"),
        ("Earn 5.1% AER on balances up to £5,000.", "No rates, please"),
        ("Sofas from £499 this weekend.", "Don't quote prices as they vary by branch"),
        ("Open an account at 4.2% AER today.", "Never state interest rates"),
        ("Order before 3pm and the flowers arrive tomorrow.", "Do not promise delivery dates or times"),
        ("Your new glasses will be with you tomorrow morning.", "Never promise delivery times"),
        ("Clinically proven to heal cracked heels.", "No medical words: avoid terms like clinically, heal or therapy"),
        (
            "A pharmacy-grade formula with therapeutic strength.",
            "No medical language: avoid words such as pharmacy or therapeutic",
        ),
    ],
)
def test_a_constraint_said_in_another_shape_blocks(text: str, constraint: str) -> None:
    assert _brief(brief_found(text, [constraint]))


@pytest.mark.parametrize(
    "text, constraint",
    [
        ("Our patients get a free consultation in March.", "Always call people 'patients', never 'clients'"),
        ("Every guest gets a welcome pack.", "Refer to them as guests, not customers"),
        ("Fix your mortgage for five years with a friendly adviser.", "Don't quote interest rates, they change daily"),
        ("Free delivery on orders over £30; pause your plan any time.", "Do not promise delivery dates or times"),
        ("Order by 8pm tonight to get 20% off.", "Do not promise delivery dates or times"),
        (
            "A gentle balm for very dry hands.",
            "No medical language: avoid words like treat, heal, cure or prescription",
        ),
        ("Treat yourself to a slower Sunday with our bath soak.", "No medical terms: avoid words like treat or cure"),
        ("Check today's rate in the app.", "Don't quote interest rates, they change daily"),
        ("See our prices in store.", "Never state prices"),
    ],
)
def test_the_constraint_kept_is_not(text: str, constraint: str) -> None:
    assert not _brief(brief_found(text, [constraint]))


# --- A savings rate's conditions stated in the copy's own words (BCOBS 2.2.1R asks that they be
# clear, not worded as the evidence words them): a required account named, a total that follows
# from a monthly limit and the term. A condition left out still blocks.

_CARD = [
    "Bonus Saver: 5.25% AER for 12 months",
    "Requires a Zylo Plus membership",
    "Pay in £10-£200 a month; maximum £2,400 over the term",
]


def test_a_rate_with_its_conditions_in_other_words_passes() -> None:
    text = (
        "The Bonus Saver pays 5.25% AER for 12 months on £10-£200 a month. "
        "You'll need a Zylo Plus membership to open one."
    )
    assert "fin.rate-conditions" not in fin(text, _CARD)


@pytest.mark.parametrize(
    "text",
    [
        "The Bonus Saver pays 5.25% AER for 12 months on £10-£200 a month.",  # the membership left out
        "The Bonus Saver pays 5.25% AER. You'll need a Zylo Plus membership.",  # the monthly limit left out
    ],
)
def test_a_rate_missing_a_condition_blocks(text: str) -> None:
    assert "fin.rate-conditions" in fin(text, _CARD)


# --- Financial promises (COBS 4.2.1R, BCOBS 2.2.1R, CONC 3.3.1R, 3.5.5R, ICOBS 2.2.2R; CAP 3.1, 3.33,
# 14.1): claims paid "no questions asked" in any order; goods made "yours" for a sum a month; a rate
# ranked against the whole market in other words; a variable rate sold as guaranteed; consolidation
# sold on its benefit alone.


@pytest.mark.parametrize(
    "text, evidence, rule",
    [
        ("Gadget cover that pays out with no quibbles when you claim.", [], "fin.cover-absolute"),
        ("Phone broken? Claim online, no questions asked.", [], "fin.cover-absolute"),
        ("The new Orbit e-scooter: yours from £29 a month.", [], "fin.credit-terms"),
        ("Make it yours for £12 a week: the Aria corner sofa.", [], "fin.credit-terms"),
        ("You won't find a better savings rate.", [], "fin.unfair-claim"),
        ("No other building society pays more on a cash ISA.", [], "fin.unfair-claim"),
        ("A bonus ISA rate that won't drop for a year.", ["Bonus ISA 4.6% AER variable"], "fin.rate-guaranteed"),
        ("Earn 3.9% on your pot, guaranteed.", ["3.9% AER variable; the rate can change"], "fin.rate-guaranteed"),
        ("Merge your store cards into one lower monthly repayment.", [], "fin.debt-consolidation"),
        ("Pay off your cards faster with one Zylo loan.", [], "fin.debt-consolidation"),
    ],
)
def test_a_financial_promise_in_other_words_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in fin(text, evidence)


@pytest.mark.parametrize(
    "text, evidence, rule",
    [
        ("Claim online in minutes, no questions asked; £50 excess and exclusions apply.", [], "fin.cover-absolute"),
        ("Returns accepted within 30 days, no questions asked.", [], "fin.cover-absolute"),
        ("'They settled my claim in a week, no quibbles.' - Dan, Leeds", [], "fin.cover-absolute"),
        ("Grab yours on Zylo Mobile for £20 a month.", [], "fin.credit-terms"),
        ("Stream in 4K: yours from £9.99 a month, cancel any time.", [], "fin.credit-terms"),
        ("Our best cash ISA rate yet.", [], "fin.unfair-claim"),
        (
            "No other bank pays more on easy access (Moneyfacts, 3 June 2026).",
            ["Moneyfacts, 3 June 2026: highest easy-access rate"],
            "fin.unfair-claim",
        ),
        ("Cash ISA: 3.9% AER variable.", ["3.9% AER variable"], "fin.rate-guaranteed"),
        ("4.4% AER, guaranteed for two years.", ["4.4% AER fixed for 2 years"], "fin.rate-guaranteed"),
        (
            "Combine your debts into one lower monthly payment; "
            "repaying over a longer term may mean you pay more in total.",
            [],
            "fin.debt-consolidation",
        ),
        ("Bring your broadband and energy bills into one cheaper bill.", [], "fin.debt-consolidation"),
    ],
)
def test_a_financial_claim_done_right_passes(text: str, evidence: list[str], rule: str) -> None:
    assert rule not in fin(text, evidence)


# --- Endorsements (16 CFR 255.2(b), 255.3, 255.5; 16 CFR 465; CAP 3.45-3.52): a paid endorser named
# by a compound ("Vet recommended") or in the third person ("she swears by it") blocks when the
# evidence says they are paid; what most of a group achieve states typicality; the reader's own
# doctor deferred to is no endorsement; a certificate's scope is no lapsed certificate.


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            "Vet recommended: the calming collar for anxious dogs.",
            ["Our vet endorsement comes from Dr Hale, a paid brand ambassador"],
        ),
        (
            "Physio-approved insoles for long shifts.",
            ["The approving physiotherapist is on our payroll as a consultant"],
        ),
        ("Coach Lena's secret weapon before every race: Zylo gels.", ["Lena Ford is a paid Zylo ambassador"]),
        ("She swears by Zylo for her morning run.", ["Maya Cole, pictured, is under contract to Zylo"]),
    ],
)
def test_a_paid_endorser_named_in_other_words_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" in endorse(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Vet recommended, by our paid ambassador Dr Hale.", ["Dr Hale is a paid brand ambassador"]),
        ("Well-tested and widely trusted since 1990.", ["Founded by Ana Ruiz in 1990"]),
    ],
)
def test_a_disclosed_or_unconnected_endorsement_passes(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" not in endorse(text, evidence)


def test_what_most_of_a_group_achieve_states_typicality() -> None:
    text = (
        '"I cleared £6,000 of card debt," says Omar. Most Zylo Plan users who stick to it for a year '
        "pay off between £1,000 and £3,000."
    )
    assert "endorse.typicality" not in endorse(text)
    assert "endorse.typicality" in endorse('"I cleared £6,000 of card debt," says Omar.')


@pytest.mark.parametrize(
    "text",
    [
        "Zylo drops aren't a treatment; keep taking what your GP recommends.",
        "Use it alongside whatever your vet advises.",
    ],
)
def test_the_readers_own_professional_deferred_to_is_no_endorsement(text: str) -> None:
    assert "endorse.expert" not in endorse(text)


def test_a_certificate_scope_is_no_lapsed_certificate() -> None:
    evidence = ["Certified for industrial composting; not certified for home composting"]
    text = "Certified compostable in industrial facilities, not in your home heap."
    assert "endorse.record-contradicted" not in endorse(text, evidence)
    lapsed = ["Guild certification lapsed in 2024"]
    assert "endorse.record-contradicted" in endorse("Certified Gold by the Bakers' Guild.", lapsed)


# --- A named person's endorsement with nothing on file (CAP 3.45, 3.50, 6.1; 16 CFR 255.1): a public
# figure "loved by", "worn by" or whose "favourite" the product is, unless the evidence names them;
# a crowd in Title Case and the brand's own name are no person.


@pytest.mark.parametrize(
    "text",
    [
        "As worn by Maya Jones on the red carpet: the Zylo clutch.",
        "Jamie Lee's favourite sourdough, baked daily.",
        "Trusted by Tom Daley, the Zylo swim goggles.",
    ],
)
def test_a_named_endorser_with_nothing_on_file_blocks(text: str) -> None:
    assert "endorse.named-endorser" in endorse(text)


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Loved By Families Across Britain.", []),
        ("Trusted by Zylo Kitchens since 1998.", []),
        ("As worn by Maya Jones on the red carpet.", ["Maya Jones: signed endorsement, unpaid, 3 March 2026"]),
        ("Made by Ana Ruiz in her Bristol studio.", []),
        ("Black Friday's top pick: the Zylo air fryer.", []),
    ],
)
def test_a_crowd_the_brand_or_a_documented_person_is_not_flagged(text: str, evidence: list[str]) -> None:
    assert "endorse.named-endorser" not in endorse(text, evidence)


# --- A rating borrowed from another source (CAP 3.1, 3.7; 16 CFR 465.2): the copy names one site and
# quotes another's figure; the figure quoted with its own source passes.

_SITES = ["Google reviews: 4.2 average from 3,100 reviews", "Feefo rating 4.8 from 900 reviews"]


def test_a_rating_borrowed_from_another_source_blocks() -> None:
    assert "endorse.review-figures" in endorse("Rated 4.8 on Google by our guests.", _SITES)


@pytest.mark.parametrize("text", ["Rated 4.8 on Feefo by our guests.", "Rated 4.2 on Google by our guests."])
def test_a_rating_with_its_own_source_passes(text: str) -> None:
    assert "endorse.review-figures" not in endorse(text, _SITES)


# --- A quotation cropped to change its meaning (16 CFR 255.1(b); CAP 3.1): a superlative cut from its
# qualification, a negation cut from before; a quotation on file in full, or shortened without a change
# of meaning, passes.


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            '"The best pizza in Leeds." - Leeds Eats',
            ["Leeds Eats, May 2026: 'the best pizza in Leeds for under a tenner'"],
        ),
        (
            '"A genuinely life-changing mattress," says Sleep Weekly.',
            ["Sleep Weekly review: 'not a genuinely life-changing mattress, but a solid one'"],
        ),
        (
            '"The quietest dishwasher" - Kitchen Review',
            ['Kitchen Review: "the quietest dishwasher we have tested under £400"'],
        ),
    ],
)
def test_a_cropped_quotation_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.cropped-quote" in endorse(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            '"The best pizza in Leeds for under a tenner." - Leeds Eats',
            ["Leeds Eats, May 2026: 'the best pizza in Leeds for under a tenner'"],
        ),
        (
            '"I slept through the night," says Dana.',
            ["Signed statement from Dana: 'I slept through the night and woke up fresh'"],
        ),
    ],
)
def test_a_quotation_as_given_passes(text: str, evidence: list[str]) -> None:
    assert "endorse.cropped-quote" not in endorse(text, evidence)


# --- A cap on data or speed is no condition of a finance or insurance price (fin.undisclosed-condition
# reads caps on money, ages or people; the telecom's cap is the general advertising rules' matter).


def test_a_data_cap_is_no_finance_condition() -> None:
    evidence = ["Fair use: video streaming capped at 10 Mbps; hotspot limited to 20 GB"]
    assert "fin.undisclosed-condition" not in fin("Zylo SIM: £12 a month, 30-day rolling.", evidence)
    capped = ["Cover capped at age 80; others pay more"]
    assert "fin.undisclosed-condition" in fin("Life cover from £6 a month.", capped)


# --- Probes of round 6 (our own wordings, before any corpus showed them): a sponsorship presented as
# current after it ended (CPRs 2008 Sch. 1 para 4); cover that ends at an age (ICOBS 2.2.2R); the
# advertiser's own cheapest quote (no market claim); a naming convention said as "we call them".


def test_a_sponsorship_that_ended_blocks() -> None:
    assert "endorse.record-contradicted" in endorse("Official partner of Team Velo.", ["Sponsorship ended in 2024"])
    assert "endorse.record-contradicted" not in endorse("Official partner of Team Velo.", ["Partnership runs to 2028"])


def test_cover_that_ends_at_an_age_blocks_unless_stated() -> None:
    evidence = ["Cover ends at age 70; benefit limited in first 2 years"]
    assert "fin.undisclosed-condition" in fin("Over-50s life cover from £5 a month.", evidence)
    stated = "Over-50s life cover from £5 a month, ending at age 70; limited benefit in the first 2 years."
    assert "fin.undisclosed-condition" not in fin(stated, evidence)


def test_the_advertisers_own_cheapest_quote_is_no_market_claim() -> None:
    assert "fin.unfair-claim" not in fin("Our cheapest home insurance price yet.")
    assert "fin.unfair-claim" in fin("The cheapest home insurance price around.")


def test_we_call_them_is_a_naming_convention() -> None:
    assert _brief(brief_found("Clients love the new lounge.", ["We call them 'guests', not clients"]))


@pytest.mark.parametrize("text", ["Dog treats baked in Devon.", "Dry-cured bacon from our Suffolk farm."])
def test_a_listed_word_in_its_everyday_food_sense_is_not_banned(text: str) -> None:
    assert not _brief(brief_found(text, ["No medical language: avoid words like treat, heal or cure"]))
