"""One claim, one finding: the most specific rule owns it.

"Earn a guaranteed 9% a year", "recommended by 9 out of 10 vets" and "clinically proven
to boost your metabolism" are each one claim. The financial, endorsement and health
rules name what is wrong with it; the general advertising rules (an unsupported number,
superlative, comparison, proof word or guarantee) would report the same words a second
time, in another area, as if the copy had two problems. A reviewer raises the claim
once, under the area whose rules it breaks, so a general finding is dropped when a
blocking finding of a specific regulatory area sits in the same sentence of the same field
(a dash or a semicolon ends it, except for a guarantee word, which qualifies its whole
sentence). Where no specific rule spoke, the general finding stands.

Round 12: the sentence, not the clause. Until round 11 a general finding was dropped only in
the specific finding's clause and at most three words from it, and a guarantee word in its
whole sentence; on the independently labelled dev files (about 5,300 snippets by 58 writers)
that reported 25 general findings in sentences whose one problem the writers had labelled in
the specific area ("the airline with the lowest emissions" is an environmental claim, "proven
to raise your child's IQ" a health one), against 2 where they had labelled both. A reviewer
reads a sentence as one claim with one owner; "Zylo is eco-friendly and keeps drinks cold
40% longer than glass" is now reported once (the environmental claim), and a comparison in
the next sentence still stands on its own.

Round 6: whose claim it is also follows from what the product is. A "zero risk" or "no risk"
anywhere in a field a financial rule finds to promote credit or an investment is the risk of
that product (FCA CONC 3.3.1R, COBS 4.2.1R; CAP 14.1), not a general risk-free promise (round
7: only where the field promotes a financial product at all; an energy tariff's "unit rates
guaranteed never to rise" is a price promise under CAP 3.17); round 12 extends this to the
field's comparisons, rankings, figures, absolutes and proof words. Two general findings stand next to
a specific one in its sentence: "zero fees" against a charge on file is a price claim as well
as a financial one, and a ranking of the product against the market ("the UK's lowest mortgage
rate") is a second claim beside a missing representative example.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Severity
from .fields import TextField
from .findings import Finding

# The general rules whose findings restate a claim a specific area's rule may own (round 7: an "up to"
# figure too - the FSCS's "up to £85,000" in a protection claim a financial rule finds is that claim's).
GENERAL_RULES = frozenset({
    "ads.claim-number", "ads.claim-superlative", "ads.claim-comparison", "ads.claim-proof", "ads.claim-absolute",
    "ads.guarantee",
    "ads.risk-free", "ads.undisclosed-condition", "ads.up-to-maximum",
})
SPECIFIC_PREFIXES = ("env.", "health.", "fin.", "endorse.")
# A financial finding owns, besides the general claims of its sentence, a risk-free claim anywhere
# in its field, and (round 12) the field's unsupported comparisons, rankings, figures, absolutes and
# proof words: they are the financial promotion's, judged fair, clear and not misleading as a whole
# (FCA COBS 4.2.1R, CONC 3.3.1R), and reviewers file "your savings deserve better than a shoebox"
# or "the risk-free way to beat the banks" under the promotion (dev: 7 wrong advertising blocks
# fewer, none right). Only when the field promotes a financial product at all: an energy tariff's
# "unit rates guaranteed never to rise" is a price promise, not a savings rate, even when a
# financial rule reads "rates". A guarantee word stays its sentence's: "your panels pay for
# themselves in three years, guaranteed" beside a finance plan is a second claim.
FINANCIAL_PREFIX = "fin."
FIELD_WIDE_UNDER_FINANCIAL = frozenset({
    "ads.risk-free", "ads.claim-comparison", "ads.claim-superlative", "ads.claim-number", "ads.claim-absolute",
    "ads.claim-proof",
})
_FINANCIAL_PRODUCT = re.compile(
    r"\b(?:AER|APRC?|interest|savings?|saver|ISAs?|accounts?|loans?|credit|mortgages?|remortgag\w*|invest\w*|pensions?"
    r"|insur\w*|cover|bonds?|funds?|cards?|borrow\w*|lend\w*|repay\w*|finance|shares|stocks|crypto\w*|bitcoin|trading"
    r"|deposit|returns?|yield|earn\w*|profit\w*|money|wages?|salary|payday|overdraft|policy|premiums?|claims?|bank\w*"
    r"|instal+ments?|pay (?:in (?:\d|three|four)|later|monthly)|buy now)\b",
    re.IGNORECASE)
# A financial finding that judges something other than the sentence's ranking of the product
# against the market does not restate that ranking: a missing representative example
# (fin.credit-terms) or a "guaranteed" on a variable rate (fin.rate-guaranteed, whose finding is
# the promise word alone). "The UK's lowest mortgage rate … beats every lender", "the highest
# savings rate on the high street, guaranteed" are a second claim the evidence must back (CAP 3.33;
# COBS/CONC's fair-clear-not-misleading applies to both).
NOT_THE_RANKING = frozenset({"fin.credit-terms", "fin.rate-guaranteed"})
RANKING_CLAIMS = frozenset({"ads.claim-superlative", "ads.claim-comparison"})
# (not the advertiser's own history: "our lowest ever rate" ranks no rival, and is the promotion's)
_OWN_BEFORE = re.compile(r"\b(?:our|my)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_BLOCKING = frozenset({Severity.HIGH, Severity.CRITICAL})


# A dash or a semicolon joins two claims into one sentence ("Four shades whiter in 10 days — and it
# heals bleeding gums too"): each side is a sentence of its own here. A guarantee word still
# qualifies its whole sentence ("Earn £100 a day — guaranteed!").
_STRONG_BREAKS = ";—–"
SENTENCE_WIDE = frozenset({"ads.guarantee", "ads.risk-free"})


def _sentence(field: TextField | None, start: int, end: int) -> tuple[int, int]:
    return field.sentence_bounds(start, end) if field is not None else (start, end)


def _part(field: TextField | None, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start:end``, cut at the strong breaks around it."""
    if field is None:
        return start, end
    left, right = field.sentence_bounds(start, end)
    text = field.text
    before = max(text.rfind(c, left, start) for c in _STRONG_BREAKS)
    cuts = [i for i in (text.find(c, end, right) for c in _STRONG_BREAKS) if i >= 0]
    return (before + 1 if before >= 0 else left), (min(cuts) if cuts else right)


@dataclass(frozen=True)
class _Owned:
    """Where a specific blocking finding sits: its span and sentence in a field."""

    key: tuple[str, str]  # (artifact version id, field path)
    rule_id: str
    span: tuple[int, int]
    sentence: tuple[int, int]
    part: tuple[int, int]  # the sentence cut at dashes and semicolons


def _restates(issue_span: tuple[int, int], rule_id: str, owner: _Owned, text: str) -> bool:
    scope = owner.sentence if rule_id in SENTENCE_WIDE else owner.part
    in_sentence = scope[0] <= issue_span[0] and issue_span[1] <= scope[1]
    if owner.rule_id == "fin.hidden-costs" and rule_id == "ads.undisclosed-condition":
        return False  # "zero fees" against a charge on file is a price claim too (CAP 3.17-3.18): both report
    if owner.rule_id in NOT_THE_RANKING and rule_id in RANKING_CLAIMS \
            and not _OWN_BEFORE.search(text[max(0, issue_span[0] - 16) : issue_span[0]]):
        return False  # "the UK's lowest mortgage rate" with no representative example: two problems
    if owner.rule_id.startswith(FINANCIAL_PREFIX) and rule_id in FIELD_WIDE_UNDER_FINANCIAL \
            and _FINANCIAL_PRODUCT.search(text):
        return True
    return in_sentence


def drop_restated_claims(findings: list[Finding], fields: Iterable[TextField]) -> list[Finding]:
    """``findings`` without the general ones that restate a claim a specific blocking
    finding owns in its sentence ("recommended by 9 out of 10 vets", "clinically proven to
    boost your metabolism", "Earn £100 a day — guaranteed!"), with the exceptions of
    :func:`_restates`."""
    by_path = {(f.version_id, f.path): f for f in fields}
    owners: list[_Owned] = []
    for finding in findings:
        issue = finding.issue
        if issue.span is None or issue.severity not in _BLOCKING or not issue.rule_id.startswith(SPECIFIC_PREFIXES):
            continue
        field = by_path.get((issue.artifact_version_id, issue.field))
        span = (issue.span.start, issue.span.end)
        owners.append(_Owned((issue.artifact_version_id, issue.field), issue.rule_id, span,
                             _sentence(field, *span), _part(field, *span)))
    if not owners:
        return findings
    out = []
    for finding in findings:
        issue = finding.issue
        if issue.rule_id in GENERAL_RULES and issue.span is not None:
            key = (issue.artifact_version_id, issue.field)
            field = by_path.get(key)
            text = field.text if field is not None else ""
            span = (issue.span.start, issue.span.end)
            if any(o.key == key and _restates(span, issue.rule_id, o, text) for o in owners):
                continue
        out.append(finding)
    return out
