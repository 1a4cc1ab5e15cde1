"""Claims that need substantiation: numbers, superlatives, comparisons and proof words.

The brief's ``evidence`` lists what the copy may claim. A claim is supported when an
evidence item states the same thing (the same number, the same superlative or
comparative word, or a study/test for "clinically proven"); anything else is a finding
that names the unsupported claim, because an unsubstantiated objective claim is what
regulators act on first (FTC Act s.5, UK CAP Code 3.7).
"""

from __future__ import annotations

import re
from typing import Literal

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import alternatives, compile_pattern, find
from .rules import BaseRule

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
NUMBER = (
    r"(?<![\w#@/.,:-])(?<![Nn]o\. )(?<![Nn]o )"
    r"(?:[$€£]\s?)?\d+(?:[.,]\d+)*"
    r"(?:\s?(?:%|percent\b|per cent\b)|x\b|k\b)?"
    r"(?![\w/:]|\.\d|,\d)"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.? $", re.IGNORECASE)
_NOT_A_CLAIM_AFTER = re.compile(r"^(?:\s?(?:am|pm|st|nd|rd|th)\b|/7\b)", re.IGNORECASE)

SUPERLATIVE = (
    r"(?<!\w)#1\b|\bno\.? ?1\b|\bnumber[- ]one\b|\bbest(?:[- ]selling|[- ]rated)?\b|\bbestselling\b"
    r"|\b(?:greatest|biggest|fastest|strongest|lightest|toughest|safest|cheapest|healthiest"
    r"|cleanest|greenest|smartest|finest|purest|freshest|coldest|longest[- ]lasting|lowest|highest"
    r"|largest|smallest|quietest|warmest|most advanced|most trusted|most popular)\b"
    r"|\b(?:market|industry|world)[- ]leading\b|\bleading\b(?= (?:brand|bottle|provider|maker|choice))"
    r"|\btop[- ]rated\b|\bunbeatable\b|\bunmatched\b|\bunrivall?ed\b|\bunbeaten\b"
    r"|\bworld'?s first\b|\bfirst[- ]ever\b|\bthe only\b|\bthe most \w+"
)
_NOT_COMPARATIVE = "rather|other|order|later|earlier|sooner|never|ever|over|under|after|either|neither"
COMPARISON = (
    rf"\b(?:better|worse|more \w+|less \w+|fewer \w+|(?!(?:{_NOT_COMPARATIVE})\b)\w{{3,}}er) than"
    r"(?: (?:the|a|an|any|other|most|our|your|their|leading|ordinary|regular|standard|typical"
    r"|conventional|traditional|ever)\b)*(?: (?!(?:and|but|or|with|for|in|on|at|to)\b)[\w-]+)?"
    r"|\b(?:outperforms?|outlasts?|beats)\b(?: (?:the|any|all|other|every)\b)*(?: [\w-]+)?"
    r"|\b(?:twice|three times|\d+x) (?:as \w+|longer|more|less|faster|stronger)\b"
    r"|\bcompared (?:to|with) [\w-]+"
)
PROOF = (
    r"\b(?:clinically|scientifically|medically|independently) (?:proven|tested|shown|verified)\b"
    r"|\b(?:lab|laboratory)[- ]tested\b"
    r"|\b(?:studies|research|science|tests) (?:show|shows|prove|proves)\b|\b(?<!un)proven\b"
)
PATTERNS = {"number": NUMBER, "superlative": SUPERLATIVE, "comparison": COMPARISON, "proof": PROOF}
_PROOF_EVIDENCE = r"\b(?:study|studies|trial|clinical|test|tested|lab|research|proven|certified|independent)"


def _number_value(excerpt: str) -> str:
    return re.sub(r"[^\d.]", "", excerpt.replace(",", "")).rstrip(".")


def _evidence_numbers(evidence: list[str]) -> set[str]:
    values = set()
    for item in evidence:
        for m in re.finditer(r"\d+(?:[.,]\d+)*", item):
            values.add(_number_value(m.group(0)))
    return values


def _supported(claim: str, excerpt: str, context: RuleContext) -> bool:
    if claim == "number":
        return _number_value(excerpt) in _evidence_numbers(context.evidence)
    if claim == "proof":
        return any(compile_pattern(_PROOF_EVIDENCE).search(e) for e in context.evidence)
    key = excerpt.lower()
    if claim == "comparison":
        key = key.split(" than")[0]
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    return any(key in e.lower() for e in context.evidence)


def _not_a_claim(text: str, start: int, end: int, excerpt: str) -> bool:
    """Years, dates, times and "24/7" are numbers but not claims."""
    return bool(
        _YEAR.match(excerpt)
        or _DATE_BEFORE.search(text[max(0, start - 10) : start])
        or _NOT_A_CLAIM_AFTER.match(text[end : end + 4])
    )


class ClaimRule(BaseRule):
    """Claims (numbers, superlatives, comparisons, proof words) need brief evidence."""

    kind: Literal["claim"]
    claim: Literal["number", "superlative", "comparison", "proof"]

    def check(self, context: RuleContext) -> list[Finding]:
        parts = alternatives(PATTERNS[self.claim])
        findings = []
        for f in context.in_scope(self):
            for start, end in find(f.text, (), parts):
                excerpt = f.text[start:end]
                if self.claim == "number" and _not_a_claim(f.text, start, end, excerpt):
                    continue
                if _supported(self.claim, excerpt, context):
                    continue
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE)
                desc = (f"{self.message} The claim {quoted(excerpt)} is not backed by any item of the "
                        "brief's evidence.")
                findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings
