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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Severity
from .fields import TextField
from .findings import Finding

# The general rules whose findings restate a claim a specific area's rule may own.
GENERAL_RULES = frozenset({
    "ads.claim-number", "ads.claim-superlative", "ads.claim-comparison", "ads.claim-proof", "ads.claim-absolute",
    "ads.guarantee",
    "ads.risk-free", "ads.undisclosed-condition",
})
# A guarantee word qualifies the promise of its whole sentence ("Earn £100 a day — guaranteed!").
SENTENCE_WIDE = frozenset({"ads.guarantee", "ads.risk-free"})
SPECIFIC_PREFIXES = ("env.", "health.", "fin.", "endorse.")
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
    while left < start and any(c in _CLAUSE_BREAKS for c in text[left:start]):
        left += next(i for i, c in enumerate(text[left:start]) if c in _CLAUSE_BREAKS) + 1
    cut = next((i for i, c in enumerate(text[end:right]) if c in _CLAUSE_BREAKS), None)
    return left, (end + cut if cut is not None else right)


@dataclass(frozen=True)
class _Owned:
    """Where a specific blocking finding sits: its span, clause and sentence in a field."""

    key: tuple[str, str]  # (artifact version id, field path)
    span: tuple[int, int]
    clause: tuple[int, int]
    sentence: tuple[int, int]


def _words_between(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between two spans (0 when they overlap or touch)."""
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    return len(_WORD.findall(text[left[1] : right[0]])) if right[0] > left[1] else 0


def _restates(issue_span: tuple[int, int], rule_id: str, owner: _Owned, text: str) -> bool:
    if rule_id in SENTENCE_WIDE:
        return owner.sentence[0] <= issue_span[0] and issue_span[1] <= owner.sentence[1]
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
        owners.append(_Owned((issue.artifact_version_id, issue.field), span, _clause(field, *span),
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
