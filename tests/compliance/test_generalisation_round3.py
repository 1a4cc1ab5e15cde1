"""The round-3 mechanisms, each with the twin that must not change. Wordings here are not
corpus snippets: they vary the classes the third fresh dev batch showed."""

from __future__ import annotations

import pytest

from tests.compliance.test_generalisation import found


@pytest.mark.parametrize("text, evidence", [
    # first-person testimony whose author the evidence ties to the advertiser
    ("Spent the weekend in my new Zylo jacket and stayed bone dry.",
     ["Jacket sent free to the creator in return for a post"]),
    ("Walked the whole coast path in my Zylo boots.", ["The walker is a paid Zylo ambassador"]),
    ("Zylo is the only shampoo I reach for. - Mia Cole, presenter", ["The presenter has never used Zylo"]),
    ("Join 40K fans who already drink Zylo.", ["Zylo bought 25,000 followers from an agency"]),
])
def test_a_connected_or_false_endorsement_blocks(text: str, evidence: list[str]) -> None:
    assert "endorse.undisclosed-connection" in found(text, evidence)


@pytest.mark.parametrize("text, evidence", [
    ("#ad Spent the weekend in my new Zylo jacket and stayed bone dry.",
     ["Jacket sent free to the creator in return for a post"]),
    ("Gifted by Zylo: spent the weekend in this jacket and stayed bone dry.", ["Jacket sent free to the creator"]),
    ("Walked the whole coast path in my Zylo boots.", ["Boots bought by the walker at full price"]),
])
def test_a_disclosed_or_unconnected_endorsement_passes(text: str, evidence: list[str]) -> None:
    assert not any(rule.startswith("endorse.") for rule in found(text, evidence))


def test_a_first_person_superlative_is_the_endorsers_opinion_and_a_market_one_is_a_claim() -> None:
    assert "ads.claim-superlative" not in found("Honestly the lightest boots I have ever worn.")
    assert "ads.claim-superlative" in found("The lightest boots you can buy.")
    assert "ads.claim-superlative" in found("My shop sells the cheapest boots on the market.")


@pytest.mark.parametrize("text, evidence", [
    ("Wore Zylo through a 12-hour shift and a 5-mile walk home.", []),
    ("My legs went at mile 20, my Zylo socks never did.", []),
    ("64% of riders said the saddle felt comfier*. *Survey of 25 riders after 1 week.",
     ["Survey of 25 riders given the saddle free; 16 said it felt comfier"]),
])
def test_figures_of_an_occasion_or_counted_in_the_evidence_are_not_claims(text: str, evidence: list[str]) -> None:
    assert "ads.claim-number" not in found(text, evidence)


@pytest.mark.parametrize("text, evidence, rule", [
    ("Zylo protects for 48 hours.", [], "ads.claim-number"),
    ("64% of riders said the saddle felt comfier.", ["Survey of 25 riders; 15 said it felt comfier"],
     "ads.claim-number"),
    ("Join 40K fans who already drink Zylo.", [], "endorse.reviews"),
    ("Every review is 5 stars.", [], "endorse.reviews"),
])
def test_performance_figures_uncounted_shares_and_social_proof_still_block(
        text: str, evidence: list[str], rule: str) -> None:
    assert rule in found(text, evidence)
