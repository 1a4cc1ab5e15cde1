"""``undisclosed-condition``: the brief's own facts restrict a claim the copy makes bare.

"Free breakfast every day" while the evidence says "free only for Club members (£9.99 a
month)"; "from £19.99" while fewer than 1% of seats sold at that price; "unlimited data"
under a fair-use cap; "verified buyer" who is a sales manager; "approved by the Spine
Health Institute", a body the advertiser funds. No list of phrases foresees these: the
restriction is in the evidence, so the rule reads it there. A claim (``triggers``) is a
finding when an evidence item states a restriction (``restrictions``: a marker such as
"only", "members", "fee", "fair use", "fewer than 1%", "funded by") and the copy says
nothing of it: neither the marker's own words nor a general qualification
(``disclosures``: "T&Cs apply", an asterisked footnote, "subject to").

A pattern may name the part of its match that is the marker with a group ``m``
(``maximum … (?P<m>median)``: the line maximum the copy quotes is not what it omits, the
median is). A rule whose claim no wording can make true (a deadline the evidence says is
not one, a closing-down sale of a shop that is not closing, a reference price never
charged) sets ``answerable: false``: the copy cannot answer the evidence, only drop the
claim.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, PrivateAttr

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import compile_pattern
from .morphology import FUNCTION_WORDS
from .objectivity import figure_unit
from .paraphrase import number_words
from .rules import BaseRule

# "No fair use cap", "no minimum spend": the evidence rules the restriction out.
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|without|never|nor)\b(?:[\s-]+[\w-]+){0,2}[\s-]*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{3,}")
_FIGURE = re.compile(r"(?<![A-Za-z\d])\d+(?:[.,]\d+)*")  # a code's digits (LILY15) are no figure
# a figure that modifies the marker as a compound ("a 24-month minimum term", "a 500 GB cap")
_MODIFIER = re.compile(
    r"(?<!\d)(?<!\d[.,])(\d+(?:[.,]\d+)*)[- ]?"
    r"(?:months?|years?|weeks?|days?|nights?|hours?|minutes?|GB|MB|TB|Mbps|miles?|km)[- ]$",
    re.IGNORECASE)
_UNIT = re.compile(r"\s?([kKMGT])(?:bps|bit|b\b|B\b|Hz)")
_PREFIXES = {"k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
_TYPICAL = re.compile(r"(\d+(?:[.,]\d+)*)(?:\s?%?\s?(?:-|–|to)\s?(\d+(?:[.,]\d+)*))?")
_CLAUSE_END = re.compile(r"[;:]|[,.](?!\d)")  # not the comma or point inside "£3,600"
_ENDINGS = frozenset({"", "e", "ed", "d", "ing", "led", "ling", "ion", "ions", "ation", "ship", "ly", "al"})


class UndisclosedConditionRule(BaseRule):
    """A claim the brief's evidence restricts, stated without the restriction."""

    kind: Literal["undisclosed-condition"]
    triggers: list[str]
    restrictions: list[str]
    disclosures: list[str] = Field(default_factory=list)
    # Evidence that contradicts the claim outright ("not covered by the FSCS" under "protected
    # by the FSCS", "relaunched every week" under "ends Sunday"): no wording of the copy says it.
    contradictions: list[str] = Field(default_factory=list)
    # Whether the copy stating the restriction clause's figures answers it ("including the £4.99
    # booking fee"). Not for an endorser's connection: "4 out of 5 dentists" does not state "Survey
    # of 5 dentists employed by Zylo" because both say 5.
    figures_answer: bool = True
    # False when the copy cannot state its way out of a contradiction (a false deadline,
    # a false closing-down claim, a reference price never charged): only dropping the claim does.
    answerable: bool = True
    # For a claim that is a maximum ("up to 900 Mbps"): a restriction counts only when the
    # evidence figure after its marker ("median 310 Mbps") is below this share of the claim's
    # largest figure; a median close to the maximum ("median 64%" under "up to 70%") is fine.
    typical_below: float | None = None
    # Whether the copy states a restriction in its own words (round 6, financial terms): it names
    # what the marker requires ("You'll need a Harbourline current account" for "Requires a
    # Harbourline current account"), or its figure follows from two the copy states ("£300 a
    # month" for 12 months is the "maximum £3,600").
    in_other_words: bool = False
    # Round 7: what an evidence item must speak of for its restriction or contradiction to bear on
    # the claim. A limit restricts the claim only when it limits the claim's subject: "group walks
    # capped at 4 dogs" limits no insurance cover, and an energy tariff's "standard variable" is no
    # savings rate. Empty: every item bears on it.
    item_topic: list[str] = Field(default_factory=list)
    # Round 13: claims that leave no room for a condition ("unlimited", "no strings attached",
    # "everything"): a general "T&Cs apply" or an asterisk does not answer a limit the evidence
    # puts on them, as small print may qualify a headline but not contradict it (CAP 3.9-3.10).
    absolute: list[str] = Field(default_factory=list)
    _compiled: tuple[list[re.Pattern[str]], ...] = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        self._compiled = tuple([compile_pattern(p) for p in patterns] for patterns in (
            self.triggers, self.restrictions, self.disclosures, self.contradictions, self.item_topic, self.absolute))

    def check(self, context: RuleContext) -> list[Finding]:
        triggers, restrictions, disclosures, contradictions, topic, absolute = self._compiled
        evidence = [item for item in context.evidence if not topic or any(t.search(item) for t in topic)]
        stated = [(item, _marker(m), _marker_start(m)) for item in evidence for r in restrictions
                  for m in r.finditer(item) if not _NEGATED_BEFORE.search(item[: _marker_start(m)])]
        # (evidence that rules the contradiction out is none: "no compulsory fees beyond the fare")
        contradicted = [(item, _marker(m)) for item in evidence for r in contradictions
                        for m in r.finditer(item) if not _NEGATED_BEFORE.search(item[: _marker_start(m)])]
        if not stated and not contradicted:
            return []
        findings = []
        for f in context.in_scope(self):
            disclosed = any(not _NEGATED_BEFORE.search(f.text[: m.start()])
                            for d in disclosures for m in d.finditer(f.text))
            if disclosed and not absolute:
                continue  # disclosed ("#ad", "T&Cs apply"), unless denied ("not sponsored")
            copy_words = {w.rstrip("s") for w in _WORD.findall(f.text.lower())}
            for trigger in triggers:
                m = trigger.search(f.text)
                if m is None or (disclosed and not any(a.search(m.group(0)) for a in absolute)):
                    continue
                # the claim's own figures (those the match covers or that follow it at once: "save up to 30%")
                figures = [n for n in _FIGURE.finditer(f.text) if n.start() <= m.end() + 2 and m.start() < n.end()]
                claim = {n.group(0): _number(n.group(0)) * _scale(f.text[n.end() : n.end() + 6]) for n in figures}
                units = {figure_unit(f.text, n.start(), n.end()) for n in figures}
                # a contradiction is answered only by the copy stating it: its figures as what it names
                # ("including the £4.99 booking fee" for "a £4.99 booking fee is added")
                unsaid = [(item, marker) for item, marker in contradicted
                          if not (self.answerable and _figures_stated(item, marker, f.text)
                                  and _said(marker, copy_words, f.text))]
                unsaid += [(item, marker) for item, marker, at in stated
                           if not _said(marker, copy_words, f.text)
                           and not (self.figures_answer and _figures_stated(item, marker, f.text, at))
                           and not (self.in_other_words
                                    and _stated_otherwise(item, at + len(marker), f.text, copy_words))
                           and not self._typical_close(item, marker, claim)
                           and not self._other_quantity(item, marker, units)]
                if not unsaid:
                    break  # the first claim found decides, as it always has
                item, marker = unsaid[0]
                excerpt = f.text[m.start() : m.end()]
                fix = build_fix(self.fix, excerpt, context, FixKind.QUALIFY, f.text)
                desc = (f"{self.message} Found {quoted(excerpt)}; the evidence says {quoted(item.strip())} "
                        f"({quoted(marker)}), which the copy does not.")
                findings.append(make_finding(self, f, (m.start(), m.end()), fix, desc))
                break
        return findings


    def _typical_close(self, item: str, marker: str, claim: dict[str, float]) -> bool:
        """Whether the evidence's typical figure (the first after the marker) is close enough to
        the claim's maximum for the maximum to be fair (``typical_below``)."""
        if self.typical_below is None or not claim:
            return False
        at = item.find(marker)
        after = _TYPICAL.search(item[at + len(marker) : at + len(marker) + 40]) if at >= 0 else None
        if after is None:
            return False
        typical = after.group(2) or after.group(1)  # a range's upper end ("most are 20-30%")
        rest = item[at + len(marker) + after.end() : at + len(marker) + after.end() + 6]
        return _number(typical) * _scale(rest) >= self.typical_below * max(claim.values())


    def _other_quantity(self, item: str, marker: str, units: set[str]) -> bool:
        """Whether the evidence's typical figures (those after the marker) all measure another
        quantity than the claim's maximum ("average 4.9" stars, or "median onboarding time 8
        minutes", under "burns for up to 50 hours" or "up to £85,000"): an average of something
        else says nothing of how many reach the maximum (CAP 3.17 asks the typical figure of the
        claim itself). "Median on the 500 plan: 468Mbps" under "up to 900Mbps" has one in Mbps."""
        if self.typical_below is None or not units or "" in units:
            return False
        at = item.find(marker)
        if at < 0:
            return False
        base = at + len(marker)
        found = [figure_unit(item, base + n.start(), base + n.end()) for n in _FIGURE.finditer(item[base : base + 60])]
        return bool(found) and not units & set(found)


def _scale(unit_text: str) -> float:
    """The multiplier of a figure's unit prefix ("1 Gbps" against "145 Mbps")."""
    unit = _UNIT.match(unit_text)
    return _PREFIXES.get(unit.group(1), 1.0) if unit else 1.0


def _number(figure: str) -> float:
    try:
        return float(figure.replace(",", ""))
    except ValueError:
        return 0.0


def _marker(m: re.Match[str]) -> str:
    """The marker of a restriction's match: its group ``m`` when the pattern names one."""
    return (m.group("m") or m.group(0)) if "m" in m.re.groupindex else m.group(0)


def _marker_start(m: re.Match[str]) -> int:
    return m.start("m") if "m" in m.re.groupindex and m.group("m") else m.start()


def _figures_stated(item: str, marker: str, copy_text: str, at: int | None = None) -> bool:
    """Whether the copy states every figure of the restriction's own clause of the evidence
    item (its terms in other words: "including the £4.99 booking fee" for "a £4.99 booking
    fee is added"); a figure of another clause ("Survey of 10 vets, all paid consultants") is
    not the restriction's. For a restriction (``at``: where its marker starts) only the
    figures from the marker on, and one right before it, are its own: "capped at 200 miles",
    "a 24-month minimum term", but not the 40 of "the 40% discount is valid on selected
    styles only", which "40% off" does not answer."""
    if at is None:
        found = item.find(marker)
        clause = next((c for c in re.split(r"[,;:]", item) if marker in c), item) if found >= 0 else item
    else:  # from the marker on, and a figure that modifies it ("the 24-month minimum term")
        end = re.search(r"[,;:]", item[at:])
        clause = item[at : at + end.start()] if end else item[at:]
        before = _MODIFIER.search(item[max(0, at - 16) : at])
        clause = (before.group(1) + " " + clause) if before else clause
    wanted = set(_FIGURE.findall(clause))
    return bool(wanted) and wanted <= _copy_figures(copy_text)


# Counts the copy may spell out ("no more than four dogs" states the evidence's "capped at 4 dogs");
# not "one", which is as often a pronoun or an article ("one way", "one of our") as a count.
_SPELT = {w: str(n) for n in (*range(2, 20), *range(20, 100, 10)) if (w := number_words(n))}
_SPELT_WORD = re.compile(r"\b(?:" + "|".join(_SPELT) + r")\b", re.IGNORECASE)


def _copy_figures(copy_text: str) -> set[str]:
    """The copy's figures, in digits or spelt out as a word ("four" is 4)."""
    return set(_FIGURE.findall(copy_text)) | {_SPELT[w.lower()] for w in _SPELT_WORD.findall(copy_text)}


# Day and month names: a closed set the copy abbreviates ("Mon–Thu" for "Monday to Thursday").
_CALENDAR = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)")
_CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december"})


def _calendar(word: str) -> str:
    """A day's or month's name as its three-letter abbreviation ("thursday", "thurs", "thu" → "thu")."""
    return word[:3] if (word in _CALENDAR_WORDS or len(word) <= 5) and _CALENDAR.match(word) else word


def _said(marker: str, copy_words: set[str], copy_text: str) -> bool:
    """Whether the copy names the restriction: any content word of its marker, in any
    inflection or derivation ("members" for "membership", "selection" for "selected"; not
    "limitless" for "limited"), a day or month in any abbreviation ("Mon–Thu"), or any figure
    of it."""
    words = {w.rstrip("s") for w in _WORD.findall(marker.lower())} - FUNCTION_WORDS
    days = {_calendar(w) for w in words if w in _CALENDAR_WORDS}
    if days and (days & {_calendar(c) for c in copy_words} or _days_counted(marker, copy_text)):
        return True
    figures = set(_FIGURE.findall(marker))
    return (any(_same_word(w, c) for w in words for c in copy_words)
            or bool(figures & set(_FIGURE.findall(copy_text))))


_WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_RANGE = re.compile(r"\b([a-z]{3})[a-z]*\s?(?:-|–|to|through|until)\s?([a-z]{3})[a-z]*", re.IGNORECASE)


def _days_counted(marker: str, copy_text: str) -> bool:
    """Whether the copy counts the days of the evidence's day range ("six days a week" for "Monday
    to Saturday"): the same restriction in other words."""
    m = _DAY_RANGE.search(marker)
    if m is None or m.group(1).lower() not in _WEEK or m.group(2).lower() not in _WEEK:
        return False
    count = (_WEEK.index(m.group(2).lower()) - _WEEK.index(m.group(1).lower())) % 7 + 1
    stated = re.findall(r"\b(\w+) days (?:a|per|each) week\b", copy_text, re.IGNORECASE)
    return any(n == str(count) or _SPELT.get(n.lower()) == str(count) for n in stated)


def _same_word(a: str, b: str) -> bool:
    """One word or an inflection or derivation of the other: equal, or a shared stem of five
    letters or more followed only by an inflectional or nominal ending ("member"/"membership",
    "selected"/"selection"); "nutritionist" is a person, not "nutrition", and "limitless" is no
    "limited"."""
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and a[n:] in _ENDINGS and b[n:] in _ENDINGS


def _stated_otherwise(item: str, after: int, copy_text: str, copy_words: set[str]) -> bool:
    """Whether the copy states the restriction from ``after`` (the end of its marker) to the end
    of its clause in its own words: every content word of it (at least two; "a Harbourline
    current account"), or, for a clause with figures, each figure stated or the product of two
    figures the copy states ("maximum £3,600" from "£300 a month" and "12 months")."""
    end = _CLAUSE_END.search(item[after:])
    clause = item[after : after + end.start()] if end else item[after:]
    figures = {_number(n) for n in _FIGURE.findall(clause)}
    if figures:
        stated = {_number(n) for n in _FIGURE.findall(copy_text)}
        products = {a * b for a in stated for b in stated if a > 1 and b > 1}
        return all(n in stated or n in products for n in figures)
    words = [w.rstrip("s") for w in _WORD.findall(clause.lower())[:6]]
    words = [w for w in words if w not in FUNCTION_WORDS]
    return len(words) >= 2 and all(any(_same_word(w, c) for c in copy_words) for w in words)
