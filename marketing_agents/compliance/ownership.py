"""One claim, one finding: the most specific rule owns it.

"Earn a guaranteed 9% a year", "recommended by 9 out of 10 vets" and "clinically proven
to boost your metabolism" are each one claim. The financial, endorsement and health
rules name what is wrong with it; the general advertising rules (an unsupported number,
superlative, comparison, proof word or guarantee) would report the same words a second
time, in another area, as if the copy had two problems. A reviewer raises the claim
once, under the area whose rules it breaks, so a general finding is dropped when a
blocking finding of a specific regulatory area sits next to it in the same clause of
the same field (no comma, colon, semicolon, dash or bracket between them, at most three words
apart: "Experts agree: the smartest thermostat" and "recyclable and keeps drinks cold
50% longer" are two claims each). A guarantee word qualifies its whole sentence. Where
no specific rule spoke, the general finding stands.

Round 6: whose claim it is also follows from what the product is. A sentence a financial
rule finds to promote an investment, credit or cover is a financial promotion, and its
comparisons and superlatives ("let your money work harder than it does in the bank") are the
promotion's, judged fair, clear and not misleading under FCA COBS 4.2.1R / CONC 3.3.1R; a
"zero risk" or "no risk" in a field a financial rule finds to promote credit or an
investment is the risk of that product (FCA CONC 3.3.1R, COBS 4.2.1R; CAP 14.1), not a
general risk-free promise. A superlative of ratings or reviews ("the top-rated sleep app")
in a sentence whose review figures an endorsement rule finds is the review claim (16 CFR
465.2; CAP 3.45), reported once. A figure trailing a health claim in its sentence, commas
apart, is the size of or the time to that health effect (the health rules' claim).

Round 7: the financial sentence rule holds only where the field promotes a financial product
(a rate, an account, credit, cover, an investment, instalments): an energy tariff's "unit rates
guaranteed never to rise, for as long as you stay" is a price promise under CAP 3.17 even when a
financial rule reads "rates … guaranteed". A superlative heading a review site's picks ("Best air
fryers of 2025: our honest, independent picks") is the endorsement finding's in its sentence.
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
# A guarantee word qualifies the promise of its whole sentence ("Earn £100 a day — guaranteed!").
SENTENCE_WIDE = frozenset({"ads.guarantee", "ads.risk-free"})
SPECIFIC_PREFIXES = ("env.", "health.", "fin.", "endorse.")
# A financial finding owns the general claims of its whole sentence (a financial promotion's
# comparison or superlative), and a risk-free claim anywhere in its field.
FINANCIAL_PREFIX = "fin."
FIELD_WIDE_UNDER_FINANCIAL = frozenset({"ads.risk-free"})
# A health finding owns a figure that follows it in its sentence with no more than commas between
# (the size of, or the time to, the health effect: "treats anxiety, with results in 14 days");
# not one before it or across a dash ("Eight shades whiter in 7 days — and it heals gums" is two claims).
# (only when the field promotes a financial product at all: an energy tariff's "unit rates guaranteed
# never to rise" is a price promise, not a savings rate, even when a financial rule reads "rates")
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
HEALTH_PREFIX = "health."
HEALTH_TRAILING = frozenset({"ads.claim-number"})
# A superlative of ratings or reviews belongs to the review rules' finding in its sentence, and so
# does one that heads a reviewer's picks ("Best air fryers of 2025: our honest, independent picks"):
# whether the ranking is the reviewer's own is the endorsement rules' question (16 CFR 255.5; CAP 2.1).
_RATING_SUPERLATIVE = re.compile(r"rated|review|star|rating", re.IGNORECASE)
_PICKS = re.compile(
    r"\b(?:our|my|editor['’]s|top|honest|independent) (?:[\w-]+ )?(?:picks?|verdict|round-?up|reviews?)\b",
    re.IGNORECASE)
ENDORSEMENT_PREFIX = "endorse."
_BLOCKING = frozenset({Severity.HIGH, Severity.CRITICAL})


_CLAUSE_BREAKS = frozenset(":;—–(),")
_WORD = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)*")
MAX_GAP_WORDS = 3


def _sentence(field: TextField | None, start: int, end: int) -> tuple[int, int]:
    return field.sentence_bounds(start, end) if field is not None else (start, end)


def _clause(field: TextField | None, start: int, end: int) -> tuple[int, int]:
    """The clause around ``start:end``: its sentence, cut at the clause punctuation."""
    if field is None:
        return start, end
    left, right = field.sentence_bounds(start, end)
    text = field.text
    # the last break before the span and the first after it (str.rfind/find: a sentence with no
    # break of its own, such as a 20,000-character field of repeated claims, is read once per
    # finding in C, not once per break in Python)
    before = max(text.rfind(c, left, start) for c in _CLAUSE_BREAKS)
    if before >= 0:
        left = before + 1
    cuts = [i for i in (text.find(c, end, right) for c in _CLAUSE_BREAKS) if i >= 0]
    return left, (min(cuts) if cuts else right)


@dataclass(frozen=True)
class _Owned:
    """Where a specific blocking finding sits: its span, clause and sentence in a field."""

    key: tuple[str, str]  # (artifact version id, field path)
    rule_id: str
    span: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]


def _words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between two spans (0 when they overlap or touch)."""
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    return len(_WORD.findall(text[left[1] : right[0]])) if right[0] > left[1] else 0


def _restates(issue_span: tuple[int, int], rule_id: str, owner: _Owned, text: str) -> bool:
    in_sentence = owner.sentence[0] <= issue_span[0] and issue_span[1] <= owner.sentence[1]
    if owner.rule_id == "fin.hidden-costs" and rule_id == "ads.undisclosed-condition":
        return False  # "zero fees" against a charge on file is a price claim too (CAP 3.17-3.18): both report
    if owner.rule_id in NOT_THE_RANKING and rule_id in RANKING_CLAIMS \
            and not _OWN_BEFORE.search(text[max(0, issue_span[0] - 16) : issue_span[0]]):
        return False  # "the UK's lowest mortgage rate" with no representative example: two problems
    if owner.rule_id.startswith(FINANCIAL_PREFIX) and (rule_id in FIELD_WIDE_UNDER_FINANCIAL or in_sentence) \
            and _FINANCIAL_PRODUCT.search(text):
        return True
    if owner.rule_id.startswith(HEALTH_PREFIX) and rule_id in HEALTH_TRAILING and in_sentence \
            and owner.span[1] <= issue_span[0] and not any(c in ":;—–()" for c in text[owner.span[1] : issue_span[0]]):
        return True  # "treats anxiety, with results in 14 days": the time to the health effect is the health claim's
    if owner.rule_id.startswith(ENDORSEMENT_PREFIX) and rule_id == "ads.claim-superlative" and in_sentence \
            and (_RATING_SUPERLATIVE.search(text[issue_span[0] : issue_span[1] + 8])  # "highest-rated"
                 or _PICKS.search(text[owner.sentence[0] : owner.sentence[1]])):
        return True
    if rule_id in SENTENCE_WIDE:
        return in_sentence
    inside = owner.clause[0] <= issue_span[0] and issue_span[1] <= owner.clause[1]
    return inside and _words_between(text, issue_span, owner.span) <= MAX_GAP_WORDS


def drop_restated_claims(findings: list[Finding], fields: Iterable[TextField]) -> list[Finding]:
    """``findings`` without the general ones that restate a claim a specific blocking
    finding owns: in its clause and at most ``MAX_GAP_WORDS`` words from it ("recommended
    by 9 out of 10 vets", "clinically proven to boost your metabolism"), or, for guarantee
    words, in its sentence. "… is recyclable and keeps drinks cold 50% longer than glass"
    is two claims: the comparison is four words from the recyclable claim."""
    by_path = {(f.version_id, f.path): f for f in fields}
    owners: list[_Owned] = []
    for finding in findings:
        issue = finding.issue
        if issue.span is None or issue.severity not in _BLOCKING or not issue.rule_id.startswith(SPECIFIC_PREFIXES):
            continue
        field = by_path.get((issue.artifact_version_id, issue.field))
        span = (issue.span.start, issue.span.end)
        owners.append(_Owned((issue.artifact_version_id, issue.field), issue.rule_id, span, _clause(field, *span),
                             _sentence(field, *span)))
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
