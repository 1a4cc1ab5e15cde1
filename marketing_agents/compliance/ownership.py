"""One claim, one finding: the most specific rule owns it.

"Earn a guaranteed 9% a year", "recommended by 9 out of 10 vets" and "clinically proven
to boost your metabolism" are each one claim. The financial, endorsement and health
rules name what is wrong with it; the general advertising rules (an unsupported number,
superlative, comparison, proof word or guarantee) would report the same words a second
time, in another area, as if the copy had two problems. A reviewer raises the claim
once, under the area whose rules it breaks, so a general finding is dropped when a
blocking finding of a specific regulatory area sits in the same clause of the same
field (same sentence, no colon, semicolon, dash or bracket between them: "Experts agree:
the smartest thermostat" is two claims). Where no specific rule spoke, the general
finding stands.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models import Severity
from .fields import TextField
from .findings import Finding

# The general rules whose findings restate a claim a specific area's rule may own.
GENERAL_RULES = frozenset({
    "ads.claim-number", "ads.claim-superlative", "ads.claim-comparison", "ads.claim-proof", "ads.guarantee",
    "ads.risk-free", "ads.undisclosed-condition",
})
# A guarantee word qualifies the promise of its whole sentence ("Earn £100 a day — guaranteed!").
SENTENCE_WIDE = frozenset({"ads.guarantee", "ads.risk-free"})
SPECIFIC_PREFIXES = ("env.", "health.", "fin.", "endorse.")
_BLOCKING = frozenset({Severity.HIGH, Severity.CRITICAL})


_CLAUSE_BREAKS = frozenset(":;—–()")


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


def drop_restated_claims(findings: list[Finding], fields: Iterable[TextField]) -> list[Finding]:
    """``findings`` without the general ones whose sentence a specific blocking finding owns."""
    by_path = {(f.version_id, f.path): f for f in fields}
    owned: list[tuple[str, str, int, int]] = []
    owned_sentences: list[tuple[str, str, int, int]] = []
    for finding in findings:
        issue = finding.issue
        if issue.span is None or issue.severity not in _BLOCKING or not issue.rule_id.startswith(SPECIFIC_PREFIXES):
            continue
        field = by_path.get((issue.artifact_version_id, issue.field))
        owned.append((issue.artifact_version_id, issue.field, *_clause(field, issue.span.start, issue.span.end)))
        owned_sentences.append((issue.artifact_version_id, issue.field,
                                *_sentence(field, issue.span.start, issue.span.end)))
    if not owned:
        return findings
    out = []
    for finding in findings:
        issue = finding.issue
        if issue.rule_id in GENERAL_RULES and issue.span is not None:
            field = by_path.get((issue.artifact_version_id, issue.field))
            scopes = owned_sentences if issue.rule_id in SENTENCE_WIDE else owned
            if any(v == issue.artifact_version_id and p == issue.field and s <= issue.span.start and issue.span.end <= e
                   for v, p, s, e in scopes):
                continue  # inside a clause a specific finding owns
        out.append(finding)
    return out
