"""Round 7, financial promotions and endorsements (helper finend7): each class a regulator names,
with wordings of our own in other industries than the corpus example, that must block, and the
near misses done right that must not. None is a corpus sentence."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found


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
