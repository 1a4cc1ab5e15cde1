"""Round 4, advertising offers and prices: each class as a regulator names it, with wordings
of our own in several industries that must block and near misses that must not (the
restriction stated, the claim true by the evidence, negated, or everyday sense). Wordings
here are not corpus snippets: they vary the classes the fresh dev batches showed."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found


def _offers(text: str, evidence: list[str] | None = None) -> set[str]:
    return {r for r in found(text, evidence) if r.startswith("ads.")}


# --- Drip pricing: a compulsory fee left out of the quoted price (CAP 3.18; DMCC Act 2024) ---

@pytest.mark.parametrize("text, evidence", [
    ("Weekend spa breaks from £199. Resort fee payable on arrival.", []),
    ("Rent a Zylo van for £39 a day; admin charge applies.", []),
    ("Zylo Arena gigs, £30 a ticket plus booking fees.", []),
    ("Zylo Cinema tickets £9.50.", ["A compulsory £1.20 booking fee is added to every online ticket"]),
    ("Our three-course Sunday menu, £35.", ["A mandatory 12.5% service charge is added to every bill"]),
    ("Park at Zylo Retail Park for £3 an hour.", ["Every payment carries a non-optional 50p card surcharge"]),
])
def test_a_compulsory_fee_left_out_of_the_price_blocks(text: str, evidence: list[str]) -> None:
    assert _offers(text, evidence) & {"ads.drip-pricing", "ads.undisclosed-condition"}


@pytest.mark.parametrize("text, evidence", [
    ("Weekend spa breaks from £199, including the £15 resort fee.", []),
    ("Zylo Cinema tickets £10.70 including the £1.20 booking fee.",
     ["A compulsory £1.20 booking fee is added to every online ticket"]),
    ("No booking fees, ever: Zylo Arena gigs £30 a ticket.", []),
    ("Optional seat selection from £5 on Zylo flights.", []),
])
def test_a_price_that_includes_or_rules_out_the_fee_passes(text: str, evidence: list[str]) -> None:
    assert not _offers(text, evidence) & {"ads.drip-pricing", "ads.undisclosed-condition"}
