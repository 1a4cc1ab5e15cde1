"""``weight-loss``: weight-loss claims, with a testimony's rate of loss read against the ceiling.

An :class:`~.checks.ExistenceRule` (its terms, patterns, exceptions and evidence) plus one
reading: an individual's reported loss with its period ("'I lost 9 kg in 12 weeks' — Priya",
"Dan lost four stone in ten months") is computed as a rate. Above 2 lb (0.9 kg) a week it is
a weight-loss claim whatever the testimonial's disclosure (CAP Code 13.10; the ASA holds
faster rates irresponsible); at or below it, the testimony is the endorsement's matter
(typicality, 16 CFR 255.2(b)) and not a weight-loss claim of the product. A loss the copy
itself promises ("Lose 4 kg in 8 weeks") stays a claim at any rate, and a rate above the
ceiling ("lose up to 7 lb in your first week") blocks whatever the evidence on file: no trial
or authorised claim (glucomannan "contributes to weight loss") makes a rate the Code forbids
acceptable (round 6).
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import PrivateAttr

from .checks import ExistenceRule
from .findings import Finding, RuleContext
from .matching import covered

CEILING_LB_PER_WEEK = 2.0

_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
          "half a": 0.5}
_NUMBER = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
_LB = {"stone": 14.0, "st": 14.0, "lb": 1.0, "lbs": 1.0, "pounds": 1.0, "pound": 1.0, "kg": 2.2046, "kilos": 2.2046,
       "kilo": 2.2046, "kilograms": 2.2046}
_WEEKS = {"day": 1 / 7, "days": 1 / 7, "week": 1.0, "weeks": 1.0, "fortnight": 2.0, "fortnights": 2.0,
          "month": 4.345, "months": 4.345, "year": 52.18, "years": 52.18}
# "3 stone in 12 weeks", "19 kilos in 12 weeks", "a stone in a fortnight", "12 kg over two months"
_RATE = re.compile(
    rf"\b(?<![\d.,])(?P<n>{_NUMBER})\s?(?P<unit>stone|st|lbs?|pounds?|kg|kilos?|kilograms)\b(?:\s+\w+){{0,3}}?\s+"
    rf"(?:in|over|within|during)\s+(?:just\s+|only\s+|under\s+)?"
    # a count of periods, or one named period: "in your first week", "over the first month"
    rf"(?:(?P<p>{_NUMBER})\s?|(?:your|the|their|her|his)\s+(?:first|opening|very first)\s+)"
    rf"(?P<period>days?|weeks?|fortnights?|months?|years?)\b",
    re.IGNORECASE,
)
# a weight unit, looked for before the rate (whose number words include "a")
_UNIT = re.compile(r"(?:stone|st|lbs?|pounds?|kg|kilos?|kilograms)\b", re.IGNORECASE)
# the loss is someone's testimony: a quoted first-person statement, or a named person's result
_QUOTED_FIRST_PERSON = re.compile(r"[‘“\"'][^’”\"\n]{0,40}\b(?:I|I've|I have|we|we've)\b[^’”\"\n]{0,80}[’”\"']")
# (round 7: also through a relative or a pronoun: "Amy's, who lost 10 kg", "she'd lost two stone")
_NAMED = re.compile(r"(?:\b[A-Z][a-z]+(?:['’]s)?,?\s+(?:who\s+)?|\b(?:[Ss]he|[Hh]e)(?:['’]d|\s+had|\s+has)?\s+)"
                    r"(?:has\s+|had\s+)?(?:lost|shed|dropped|shifted)\b")


def _number(text: str) -> float:
    t = text.lower()
    return float(_WORDS[t]) if t in _WORDS else float(t.replace(",", "."))


def rate_near(text: str, start: int, end: int) -> float | None:
    """The lb-a-week rate of the loss stated at or just after ``start:end``, if any."""
    for m in _RATE.finditer(text, max(0, start - 40), min(len(text), end + 60)):
        if m.end() < start or m.start() > end + 40:
            continue
        count = _number(m.group("p")) if m.group("p") else 1.0
        weeks = count * _WEEKS[m.group("period").lower()]
        if weeks <= 0:
            continue
        return _number(m.group("n")) * _LB[m.group("unit").lower()] / weeks
    return None


def _testimony(text: str, start: int, end: int) -> bool:
    for q in _QUOTED_FIRST_PERSON.finditer(text):
        if q.start() <= start and end <= q.end():
            return True
    return any(m.start() <= start < m.end() + 30 for m in _NAMED.finditer(text))


class WeightLossRule(ExistenceRule):
    """Weight-loss claims; an individual's reported rate of loss decides the testimony."""

    kind: Literal["weight-loss"]  # type: ignore[assignment]
    _unexcepted: ExistenceRule | None = PrivateAttr(default=None)
    _unevidenced: ExistenceRule | None = PrivateAttr(default=None)

    def check(self, context: RuleContext) -> list[Finding]:
        if self._unexcepted is None:  # the same rule without its exceptions, built once
            self._unexcepted = self.model_copy(update={"exceptions": []})
            # and without what the evidence substantiates: a rate above the ceiling is not answered
            self._unevidenced = self.model_copy(update={"exceptions": [], "unless_evidence": [],
                                                        "unless_evidenced_number": False})
        assert self._unevidenced is not None
        raw = ExistenceRule.check(self._unexcepted, context)
        if (self.unless_evidence or self.unless_evidenced_number) and any(
                _UNIT.search(f.text) and _RATE.search(f.text) for f in context.in_scope(self)):
            spans = {(f.issue.field, f.issue.span.start if f.issue.span else -1) for f in raw}
            raw += [f for f in ExistenceRule.check(self._unevidenced, context)
                    if (f.issue.field, f.issue.span.start if f.issue.span else -1) not in spans
                    and self._too_fast(context, f)]
        if not raw:
            return raw
        texts = {f.path: f.text for f in context.in_scope(self)}
        kept = []
        for finding in raw:
            span, text = finding.issue.span, texts.get(finding.issue.field)
            if span is None or text is None:
                kept.append(finding)
                continue
            rate = rate_near(text, span.start, span.end)
            if rate is not None and rate > CEILING_LB_PER_WEEK:
                kept.append(finding)  # too fast, whoever reports it
                continue
            if rate is not None and _testimony(text, span.start, span.end):
                continue  # a testimony at a sustainable rate: the endorsement rules' matter
            if self.exceptions and covered((span.start, span.end), text, self.exceptions):
                continue
            kept.append(finding)
        return kept

    def _too_fast(self, context: RuleContext, finding: Finding) -> bool:
        span = finding.issue.span
        text = next((f.text for f in context.in_scope(self) if f.path == finding.issue.field), None)
        if span is None or text is None:
            return False
        rate = rate_near(text, span.start, span.end)
        return rate is not None and rate > CEILING_LB_PER_WEEK
