"""Round 7, financial promotions and endorsements (helper finend7): each class a regulator names,
with wordings of our own in other industries than the corpus example, that must block, and the
near misses done right that must not. None is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found
from tests.compliance.test_generalisation_round4_env_health_con import brief_found


def fin(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("fin.")}


def endorse(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("endorse.")}


# --- Credit promised regardless of status (CONC 3.3.10R): approval guaranteed, no checks, no
# questions asked, bad credit "no problem". No representative example answers it.


@pytest.mark.parametrize(
    "text",
    [
        "Need a new boiler? Our finance is guaranteed approval for every homeowner. 19.9% APR representative.",
        "Sofa finance with no credit checks: pay monthly from £25. Representative 29.9% APR.",
        "CCJs? Not a problem. Drive away in a Zylo hatchback today. Representative 12.9% APR.",
        "Emergency cash for your vet bill: borrow £400 today, no questions asked.",
        "Everyone is approved for the Zylo Store Card. Representative 29.9% APR (variable).",
        "Tyre finance where approval is 100% guaranteed. Representative 24.9% APR.",
    ],
)
def test_credit_regardless_of_status_blocks(text: str) -> None:
    assert "fin.regardless-of-status" in fin(text)


@pytest.mark.parametrize(
    "text",
    [
        "Check your eligibility in two minutes: it won't affect your credit score. Approval is subject to status. "
        "Representative 9.9% APR.",
        "Over-50s life cover with guaranteed acceptance and no medical questions.",
        "Not everyone will be approved: we run a full credit check before we lend. Representative 18.9% APR.",
        "Unworn shoes can be returned within 30 days, no questions asked.",
    ],
)
def test_status_stated_or_no_credit_passes(text: str) -> None:
    assert "fin.regardless-of-status" not in fin(text)


# --- Credit by its shape, in any wording (CONC 3.5.5R): the speed of a decision, a sum sent into
# the reader's account within minutes, a lender's own words; but not a service paid for in advance.


@pytest.mark.parametrize(
    "text",
    [
        "Pick a repayment date that suits you and get your car repaired this week.",
        "Apply for festival tickets on your phone: a decision comes in 60 seconds.",
        "£600 straight into your account within minutes for that dental bill.",
        "We're a direct lender, so wedding costs are sorted without a broker.",
        "Spread the cost of your new boiler over 12 monthly payments.",
    ],
)
def test_credit_in_other_words_needs_its_terms(text: str) -> None:
    assert "fin.credit-terms" in fin(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pick a repayment date that suits you. Representative 39.9% APR; subject to status.",
        "Spread the cost of your annual boiler service with 12 monthly payments.",
        "Spread the cost of your gym membership: pay monthly, cancel any time.",
    ],
)
def test_credit_with_its_terms_or_a_prepaid_service_passes(text: str) -> None:
    assert "fin.credit-terms" not in fin(text)


# --- An earnings figure is backed only by evidence that states that figure (16 CFR 437.4(a)(4);
# CAP 3.7): evidence about earnings that gives another, lower figure refutes it.


def test_an_earnings_figure_above_the_typical_result_blocks() -> None:
    evidence = ["2025 driver data: median weekly earnings £310; top 5% above £900"]
    assert "fin.earnings-claim" in fin("Our drivers earn £1,200 a week delivering with Zylo.", evidence)
    assert "fin.earnings-claim" not in fin("Our drivers earn £310 a week, the median in 2025.", evidence)


# --- Cashback on every purchase is a payment product's headline rate (BCOBS 2.2.1R): its cap and
# partner list on file must be stated.

_FUEL = ["4% back only at partner forecourts, capped at £20 a month; 0.25% elsewhere"]


def test_cashback_on_all_spending_with_a_cap_on_file_blocks() -> None:
    assert "fin.rate-conditions" in fin("The Zylo fuel card pays 4% back on all your spending.", _FUEL)
    assert "fin.rate-conditions" in fin("5% cashback on every purchase with Zylo Pay.", _FUEL)


@pytest.mark.parametrize(
    "text",
    [
        "The Zylo fuel card pays 4% back at partner forecourts, capped at £20 a month, and 0.25% elsewhere.",
        "4% back on all your spending at partner forecourts, capped at £20 a month.",
    ],
)
def test_cashback_with_its_cap_passes(text: str) -> None:
    assert "fin.rate-conditions" not in fin(text, _FUEL)


# --- A tax relief stated for the whole of a sum the evidence limits (COBS 4.2.1R).

_ISA = ["ISA allowance £20,000 per tax year; savings above it held in a normal account are taxable"]


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Open a Zylo ISA and every penny of your savings grows tax-free.", _ISA),
        (
            "Keep all of your prize money completely tax-free with Zylo Bonds.",
            ["Prizes are tax-free up to £5,000 a year; prizes above that are taxable"],
        ),
        ("Cash in your whole share scheme tax-free at 60.", ["Up to 25% of the scheme value can be taken tax-free"]),
    ],
)
def test_a_whole_sum_called_tax_free_blocks(text: str, evidence: list[str]) -> None:
    assert "fin.tax-overstated" in fin(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Open a Zylo ISA: up to £20,000 a year can grow tax-free.",
        "Every penny of your savings grows tax-free, up to your £20,000 ISA allowance.",
    ],
)
def test_a_relief_at_its_extent_passes(text: str) -> None:
    assert "fin.tax-overstated" not in fin(text, _ISA)


# --- A restriction bears on a claim only when its evidence item speaks of the claim's subject: a
# trader's van limit restricts no insurance cover, an energy tariff's "variable" is no savings rate.


def test_a_limit_on_something_else_does_not_restrict_cover() -> None:
    evidence = ["Vans capped at two rooms of furniture per trip", "Goods in transit insurance on file"]
    assert "fin.cover-overstated" not in fin("Zylo Removals: fully insured, and friendly crews.", evidence)
    cover = ["Accidental damage claims capped at £500; £50 excess"]
    assert "fin.cover-overstated" in fin("Zylo gadget cover: you're fully covered, whatever happens.", cover)


def test_a_price_guarantee_is_not_a_savings_rate() -> None:
    tariff = ["Price fixed for 24 months, then our standard variable price"]
    assert "fin.rate-guaranteed" not in fin("Your broadband price is guaranteed never to rise for 24 months.", tariff)
    saver = ["4.5% AER variable; the rate can change with Bank Rate"]
    assert "fin.rate-guaranteed" in fin("Our two-year saver pays 4.5% AER, guaranteed.", saver)


# --- A review's provenance defeated by the record (16 CFR 465.2, 465.4, 465.5, 465.7): reviews by
# insiders, a page that shows only the top ratings, an incentive only for a good score, testimonials
# by people who do not exist. No wording of the copy answers these.


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Rated 4.8 stars by our guests.", ["About 60 reviews were posted last spring by staff and family"]),
        ("Our plumbers are rated 4.9 out of 5.", ["Employees wrote 30 of the 210 reviews on the site"]),
        ("Every review you'll see on our site is five stars.", ["Booking page displays only five-star reviews"]),
        ("Guests rate us 5 stars.", ["Only 5-star reviews are displayed on the booking page"]),
        (
            "Over 800 five-star reviews for Zylo Dental.",
            ["Patients who left reviews got a £20 voucher, but vouchers were given only for 5-star reviews"],
        ),
        (
            "Real stories from real Zylo gym members: Tom from Derby found his confidence again.",
            ["Member stories are composites of several members; names changed"],
        ),
        (
            "Customer stories: how the Hussain family in Leeds cut their heating bills.",
            ["Case studies written by our PR agency"],
        ),
    ],
)
def test_a_review_or_story_the_record_defeats_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.record-contradicted" in endorse(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Rated 4.8 stars by our guests.", ["All 412 reviews by verified guests; no staff or family reviews"]),
        ("Every review on this page is shown, good and bad.", ["Reviews widget shows all ratings from 1 to 5 stars"]),
        (
            "Real stories from real Zylo gym members.",
            ["Stories from members who gave written consent; names unchanged"],
        ),
        ("Over 800 five-star reviews for Zylo Dental.", ["Every reviewer got a £20 voucher, whatever the rating"]),
    ],
)
def test_a_review_whose_record_holds_passes(text: str, evidence: list[str]) -> None:
    assert "endorse.record-contradicted" not in endorse(text, evidence)


# --- An insider by role (16 CFR 465.5): front-line jobs are employment whoever names them; a
# body the evidence calls independent is no connection.


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("“Best mattress I've slept on” — Dan, Leeds", ["Dan is a store manager at our Leeds branch"]),
        ("“Switched my whole office over, zero regrets” — Amy, Cardiff", ["Amy is a Zylo contact-centre adviser"]),
        ("An independent study of 50 cyclists found Zylo insoles cut knee strain.", ["Study run by Zylo's own lab"]),
    ],
)
def test_an_insider_presented_as_independent_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" in endorse(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            "Amy works in our Cardiff contact centre: “Switched my whole office over, zero regrets.”",
            ["Amy is a Zylo contact-centre adviser"],
        ),
        (
            "An independent study of 50 cyclists found Zylo insoles cut knee strain.",
            ["Study run by an independent testing house"],
        ),
    ],
)
def test_an_insider_disclosed_or_an_independent_body_passes(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" not in endorse(text, evidence)


# --- A named endorser whom the record names only to deny the permission (CAP 3.50, 6.1).


def test_a_name_on_file_only_to_deny_permission_blocks() -> None:
    denied = ["Gordon Ramsay ate here once in 2018; no permission to use his name"]
    assert "endorse.named-endorser" in endorse("Gordon Ramsay's favourite steak sauce.", denied)
    granted = ["Gordon Ramsay contract 2025: written permission to use his name and quote"]
    assert "endorse.named-endorser" not in endorse("Gordon Ramsay's favourite steak sauce.", granted)


# --- A result testimonial in any contraction, a crowd's result in a relative clause (16 CFR 255.2).


@pytest.mark.parametrize(
    "text, rule",
    [
        ("She'd dropped three dress sizes by the wedding, and so can you.", "endorse.typicality"),
        ("I'd saved £900 on my energy by March with Zylo.", "endorse.typicality"),
        (
            "Hundreds of runners who have already beaten their personal best with Zylo insoles.",
            "endorse.group-experience",
        ),
    ],
)
def test_a_result_in_another_grammar_blocks(text: str, rule: str) -> None:
    assert rule in endorse(text)


@pytest.mark.parametrize(
    "text, rule",
    [
        (
            "She'd dropped three dress sizes, more than most: members average one size in 12 weeks.",
            "endorse.typicality",
        ),
        ("Hundreds of runners have tried Zylo insoles this year.", "endorse.group-experience"),
    ],
)
def test_a_result_with_its_typical_or_no_result_passes(text: str, rule: str) -> None:
    assert rule not in endorse(text)


# --- A crowd's opinion is an endorsement; a count of users is a usage figure (16 CFR 465.2).


def test_a_count_of_users_is_not_a_review_claim() -> None:
    assert "endorse.reviews" not in endorse("Thousands of customers shop with us every day.")
    assert "endorse.reviews" in endorse("Thousands of customers love our pies.")
    assert "endorse.reviews" in endorse("Thousands of happy customers and counting.")


# --- The reader's own professional deferred to is no endorsement (16 CFR 255.3).


def test_deferring_to_the_readers_own_professional_is_not_an_endorsement() -> None:
    assert "endorse.expert" not in endorse("Zylo drops don't replace anything your optician has prescribed.")
    assert "endorse.expert" in endorse("Opticians recommend Zylo drops.")


# --- The limit inside a financial claim is that claim's (one claim, one finding): "up to £85,000" in a
# protection claim the evidence defeats is not also an "up to" maximum against an unrelated median.


def test_the_limit_of_a_financial_claim_is_reported_with_it() -> None:
    evidence = [
        "Zylo Ltd is an e-money institution: funds are safeguarded and not covered by the FSCS",
        "Median sign-up time 6 minutes (2025)",
    ]
    rules = found("Every pound in your Zylo wallet is protected by the FSCS up to £85,000.", evidence)
    assert "fin.undisclosed-condition" in rules and "ads.up-to-maximum" not in rules


# --- More shapes of the same classes: a yes promised in advance, take-home pay is no goods on
# credit, a receptionist is staff, a name ending in s, a fictional customer, a contracted result.


@pytest.mark.parametrize(
    "text",
    [
        "Approved in minutes, whatever your credit score. Representative 39.9% APR.",
        "Turned down elsewhere? We'll still approve you.",
        "We say yes when the banks say no. Van loans from £500.",
        "A 100% acceptance rate on our e-bike finance.",
    ],
)
def test_a_yes_promised_in_advance_blocks(text: str) -> None:
    assert "fin.regardless-of-status" in fin(text)


def test_cover_with_guaranteed_acceptance_is_no_credit_promise() -> None:
    assert "fin.regardless-of-status" not in fin("Over-50s funeral plan with 100% acceptance, no medical.")


def test_take_home_pay_is_an_earnings_claim_not_goods_on_credit() -> None:
    rules = fin("Our hosts take home £2,000 a month from their spare room.")
    assert "fin.earnings-claim" in rules and "fin.credit-terms" not in rules
    assert "fin.credit-terms" in fin("Drive away a new hatchback for £199 a month.")


@pytest.mark.parametrize(
    "text, evidence, rule",
    [
        (
            '"Best gym in Leeds, hands down" - Priya K.',
            ["Priya K. is a Zylo gym receptionist"],
            "endorse.undisclosed-connection",
        ),
        (
            "Joe Wicks' go-to protein bar.",
            ["Joe Wicks visited once; no agreement or permission"],
            "endorse.named-endorser",
        ),
        (
            "Jo from Hull saved £300 on her bills.",
            ["Jo is a fictional customer used in our ads"],
            "endorse.record-contradicted",
        ),
        ("She'd saved £2,000 in six months!", [], "endorse.typicality"),
    ],
)
def test_an_endorsement_in_another_form_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in endorse(text, evidence)


# --- Cover promised without limits in more grammar, a ranking against every bank, and credit by a
# payday loan's shape or its speed - with the everyday idioms that share their words.

_GADGET = ["Theft cover only with a police report; £75 excess"]


@pytest.mark.parametrize(
    "text, evidence, rule",
    [
        ("Your gadgets are fully protected, no matter what.", _GADGET, "fin.cover-overstated"),
        (
            "Travel insurance that covers you for anything.",
            ["Pre-existing conditions excluded; £100 excess"],
            "fin.cover-overstated",
        ),
        ("No bank pays more on easy access.", [], "fin.unfair-claim"),
        ("Need £300 before payday? Zylo can help.", [], "fin.credit-terms"),
        ("Get cash today, pay it back when you're paid.", [], "fin.credit-terms"),
        ("Fast loans for any purpose.", [], "fin.credit-terms"),
        ("Your first month's rent, sorted: we'll lend it.", [], "fin.credit-terms"),
    ],
)
def test_a_financial_promise_in_more_grammar_blocks(text: str, evidence: list[str], rule: str) -> None:
    assert rule in fin(text, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Our volunteers lend a hand every Saturday.",
        "Make your money last until payday with budgeting pots.",
        "We will lend you our expertise on your garden design.",
    ],
)
def test_an_everyday_idiom_is_no_credit(text: str) -> None:
    assert "fin.credit-terms" not in fin(text)


# --- A named person's own use or praise, and a record that names them only to say they never posted.


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Kate Moss swears by our serum.", []),
        ("Idris Elba drinks it every morning.", []),
        ("Loved by Stacey Dooley.", ["Stacey Dooley was gifted a sample; she did not post about it"]),
    ],
)
def test_a_named_persons_use_with_nothing_on_file_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.named-endorser" in endorse(text, evidence)


@pytest.mark.parametrize(
    "text, evidence",
    [
        (
            "Kate Moss swears by our serum.",
            ["Kate Moss brand ambassador since 2024; contract and quote approval on file"],
        ),
        ("Every Morning starts with our coffee.", []),
    ],
)
def test_a_documented_person_or_no_person_passes(text: str, evidence: list[str]) -> None:
    assert "endorse.named-endorser" not in endorse(text, evidence)


def test_claims_without_questions_are_the_cover_rules_not_a_credit_promise() -> None:
    rules = fin("Annual gadget cover from £19, no questions asked when you claim.")
    assert "fin.regardless-of-status" not in rules and "fin.cover-absolute" in rules


# --- A ban of phone numbers bans the number in any spacing (the brief is the client's instruction;
# CAP 1.3), not a price, a quantity or opening hours.


@pytest.mark.parametrize("text", ["Ring 0113 496 0123 to book a table.", "Call +44 20 7946 0958 for a quote."])
def test_a_phone_number_under_a_ban_blocks(text: str) -> None:
    assert "brief.avoid.phone-numbers" in brief_found(text, ["No phone numbers"])


@pytest.mark.parametrize("text", ["Save £1,250 on 2,000 litres of heating oil.", "Open 9am to 5pm, 7 days a week."])
def test_figures_that_are_no_phone_number_pass(text: str) -> None:
    assert "brief.avoid.phone-numbers" not in brief_found(text, ["No phone numbers"])
