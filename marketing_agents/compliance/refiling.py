"""A claim about a financial product is the financial promotion's.

A financial promotion must be fair, clear and not misleading as a whole (FCA COBS 4.2.1R, CONC
3.3.1R, ICOBS 2.2.2R; CAP 14.1): "the UK's best savings rate", "save up to £450 on your home
insurance", "unlimited vet fees", "we beat the banks" are each a misleading promotion of that
product when nothing backs them, and a reviewer raises them under the promotion, whatever words
they use. The general advertising rules find these claims by their form (a superlative, a
figure, an "up to", a guarantee); in a campaign for a financial product this module files their
findings under the financial area, where no specific financial rule has already owned them
(:mod:`.ownership`).

Round 13: on the independently labelled dev files, 38 snippets had a general advertising finding
where the writers had labelled the same problem financial (insurance savings, cashback cards,
savings rates, investment returns); filing them under the promotion gained 6 right blocks and
12 wrong ones fewer over all the dev files.

What is a financial product is read from the product's name and the brief's evidence, never from
the copy alone: a broadband advert that says "no credit check" or "pay monthly" promotes no credit.

Tried and not kept (round 13): a figure, proof word, comparison or absolute about an effect on the
body ("60% fewer wrinkles", "clinically proven to smooth skin") filed as a health claim: the
earlier writers filed cosmetic efficacy under advertising and the later ones under health, and on
all dev files it lost 3 right blocks for 5 wrong ones more. A superlative or figure in a sentence
of people ranking or recommending ("voted best by parents", "Amazon's top-rated kettle") filed as
an endorsement: 2 right blocks more and 1 wrong one fewer, too little to rename what the
advertising rules report.
"""

from __future__ import annotations

import re

from ..models import ComplianceIssue
from .findings import Finding

# The general claim rules whose findings a financial promotion owns (not a deadline, a children's
# exhortation, a price's VAT or a fee added at checkout: those are the advert's whatever it sells;
# nor a ranking or comparison against the market, "the UK's cheapest car insurance", which the
# writers mostly filed as a comparative claim under CAP 3.33: re-filing those too cost 10 right
# blocks for 2 wrong ones fewer on the dev files).
FINANCIAL_REFILED = frozenset({
    "ads.claim-number", "ads.claim-proof", "ads.claim-absolute", "ads.guarantee", "ads.risk-free",
    "ads.undisclosed-condition", "ads.up-to-maximum",
    "ads.award-misstated", "ads.claim-out-of-date", "ads.outcome-promise", "ads.saving-as-certain",
    "ads.superlative-shared", "ads.qualification-contradicts",
})
FINANCIAL_PREFIX = "fin.promotion."
FINANCIAL_PRODUCT = re.compile(
    r"\b(?:insurance|insurer|loans?|mortgages?|remortgag\w*|credit[- ](?:cards?|builder|union|line)|savings? accounts?"
    r"|savers?|(?:cash |stocks and shares |junior |lifetime )?ISAs?|AER|pensions?|annuit(?:y|ies)"
    r"|investment (?:accounts?|funds?|platforms?|ISAs?|portfolios?)|index funds?|unit trusts?|stocks and shares"
    r"|crypto(?:currenc(?:y|ies)|assets?)?|bitcoin|stablecoins?"
    r"|current accounts?|bank accounts?|overdrafts?|debit cards?|prepaid cards?|cashback cards?"
    r"|buy now,? pay later|BNPL"
    r"|insurance polic(?:y|ies)|FSCS|lenders?|payday|hire purchase|PCP|car finance)\b",
    re.IGNORECASE,
)
# a name that says what else the product is
_OTHER_TRADE = re.compile(
    r"\b(?:solicitors?|law|legal|claims|furniture|sofas?|solar|panels?|bet|betting|casino|cars?|motors|kitchens?"
    r"|windows|boilers?|heat pumps?|homes|estates?|lettings|dental|clinic)\b", re.IGNORECASE)
_NOTE = (" In a financial promotion the claim is the promotion's: it must be fair, clear and not "
                   "misleading (FCA COBS 4.2.1R, CONC 3.3.1R, ICOBS 2.2.2R).")


def financial_product(product_names: list[str], evidence: list[str]) -> bool:
    """Whether the product's name says it is a financial one ("Pawprint Lifetime Pet Insurance",
    "Northgate Cash ISA"), or, for a name that says nothing of what it is ("Tandem"), the first
    evidence item, which describes the product: a solicitor's evidence naming the insurance that
    funds a claim, or a sofa's naming the lender of its finance plan, sells no financial product."""
    if any(FINANCIAL_PRODUCT.search(name) for name in product_names):
        return True
    return bool(evidence) and bool(FINANCIAL_PRODUCT.search(evidence[0])) and not _OTHER_TRADE.search(
        " ".join(product_names))


def refile_claims(findings: list[Finding], product_names: list[str], evidence: list[str]) -> list[Finding]:
    """``findings`` with the general claim findings of a financial product's campaign filed under
    the financial promotion (``fin.promotion.<rule>``), their span, fix and severity unchanged."""
    if not any(f.issue.rule_id in FINANCIAL_REFILED for f in findings):
        return findings
    if not financial_product(product_names, evidence):
        return findings
    return [_refiled(f) if f.issue.rule_id in FINANCIAL_REFILED else f for f in findings]


def _refiled(finding: Finding) -> Finding:
    issue: ComplianceIssue = finding.issue
    rule = FINANCIAL_PREFIX + issue.rule_id.removeprefix("ads.")
    return Finding(issue.model_copy(update={"rule_id": rule, "issue_description": issue.issue_description + _NOTE}),
                   finding.category)
