"""``social-proof``: review counts, satisfied-customer counts and star ratings in the copy
against the figures the brief's evidence documents.

"Loved by over 10,000 happy customers" when the evidence says "14 reviews so far", "Join
the 10,000+ shoppers who gave us five stars" under "1,240 reviews, average 4.1 stars":
the evidence mentions reviews, so a rule that only asks whether reviews are documented
passes them, yet the copy claims far more than they show (16 CFR 465.2 — misrepresenting
reviews; DMCC Act 2024 Sch. 20 para 13). The claim's shape decides what bounds it:

- an *opinion count* is bounded by the evidence's opinion counts, else by its user counts (no
  more people are satisfied than are customers): a review claim proper (reviews, ratings,
  reviewers, "N … who gave us five stars") by the opinion counts alone, a soft one (happy,
  satisfied customers; "loved / trusted by N") by the larger of the two;
- a *user count* ("used by 2 million drivers", "join 80,000 members") by the evidence's
  user counts;
- a *rating* ("4.9 out of 5", "five-star reviews", "rated 4.8") by the evidence's ratings;
- *praise shown as representative* (quoted reviews, "don't take our word for it") while the
  evidence's average rating is low (below ``low_rating``) and the copy does not state it.

A claim whose kind the evidence gives no figure for is left to the other review rules; a
figure within rounding of the evidence's (``tolerance``) is borne out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, PrivateAttr

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .rules import BaseRule

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# the lower bound of the review sites' bands (Trustpilot: Excellent 4.3+, Great 3.8+)
_WORD_RATINGS = {"excellent": 4.3, "outstanding": 4.3, "exceptional": 4.3, "superb": 4.3, "great": 3.8}
_MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6, "bn": 1e9, "billion": 1e9}
_VAGUE = {"hundreds": 100, "thousands": 1_000, "tens of thousands": 10_000, "hundreds of thousands": 100_000,
          "millions": 1_000_000}


_STRONG_DESC = re.compile(r"\b(?:five|5)[\s-]?star\b", re.IGNORECASE)
_NAME = re.compile(r"[a-z][a-z0-9]{2,}")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][A-Za-z0-9]{2,}")
_STRONG_AFTER = re.compile(r"^\s*(?:who\s+)?(?:gave|give|rated?|rating)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Count:
    value: float
    opinion: bool
    span: tuple[int, int]
    # a review claim proper (reviews, ratings, "who gave us five stars"), not a soft one ("happy
    # customers", "loved by"): a soft one is borne out by a customer count as well
    strong: bool = False


@dataclass(frozen=True)
class _Rating:
    value: float
    span: tuple[int, int]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[\s-]+") for w in sorted(words, key=len, reverse=True))


class SocialProofRule(BaseRule):
    """Counts of reviews or people and star ratings the evidence's own figures do not reach."""

    kind: Literal["social-proof"]
    # nouns counted: the people who use the product, and opinions given of it
    people: list[str]
    opinions: list[str]
    # words that make a count of people a count of opinions ("happy customers", "loved by")
    opinion_adjectives: list[str] = Field(default_factory=list)
    opinion_before: list[str] = Field(default_factory=list)  # "loved by", "trusted by", "rated by"
    opinion_after: list[str] = Field(default_factory=list)  # "who gave", "who love", "who rate"
    # ratings that are a class, not a review ("a five-star hotel", "5-star Euro NCAP")
    not_ratings: list[str] = Field(default_factory=list)
    tolerance: float = Field(default=0.05, ge=0, le=0.5)
    # praise shown as representative ("Don't take our word for it: “Best mattress ever” (Helen)")
    # while the evidence's average rating is below ``low_rating``: selected reviews misrepresent a
    # mixed record (16 CFR 465.7 review suppression; CAP 3.45), unless the copy states the average
    praise: list[str] = Field(default_factory=list)
    low_rating: float = Field(default=3.5, ge=0, le=5)
    _count: re.Pattern[str] = PrivateAttr()
    _ratings: tuple[re.Pattern[str], ...] = PrivateAttr()
    _people: re.Pattern[str] = PrivateAttr()
    _labelled: re.Pattern[str] = PrivateAttr()
    _adjectives: re.Pattern[str] = PrivateAttr()
    _before: re.Pattern[str] = PrivateAttr()
    _after: re.Pattern[str] = PrivateAttr()
    _not_rating: re.Pattern[str] | None = PrivateAttr()
    _praise: tuple[re.Pattern[str], ...] = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        nouns = _alternation(self.people + self.opinions)
        vague = _alternation(list(_VAGUE))
        # "over 10,000+", "2.4m", "25k", "thousands of", then up to two describing words, then the noun
        self._count = re.compile(
            rf"(?:\b(?P<vague>{vague})\s+of\s+|(?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s?"
            rf"(?P<mult>k|m|mn|bn|thousand|million|billion)?\b\+?\s+)"
            # (a describing word is no figure or preposition: "4.7 from 640 reviews" counts 640, not 4.7)
            rf"(?P<desc>(?:(?!\d|(?:from|of|by|on|in|at|across)\b)[\w-]+\s+){{0,2}}?)(?P<noun>{nouns})\b",
            re.IGNORECASE)
        # the evidence's way round: "App downloads: 240,000", "reviews total 1,240"
        self._labelled = re.compile(
            rf"\b(?P<noun>{nouns})\s*(?::|=|–|-|\bof\b|\btotal(?:ling|ing)?\b|\bat\b|\breached\b|\bhit\b)\s*"
            rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)\s?(?P<mult>k|m|mn|bn|thousand|million|billion)?\b(?!\s?%)",
            re.IGNORECASE)
        self._people = re.compile(rf"^(?:{_alternation(self.people)})$", re.IGNORECASE)
        self._adjectives = re.compile(rf"\b(?:{_alternation(self.opinion_adjectives) or '(?!)'})\b", re.IGNORECASE)
        self._before = re.compile(rf"\b(?:{_alternation(self.opinion_before) or '(?!)'})\s+(?:[\w-]+\s+){{0,2}}$",
                                  re.IGNORECASE)
        self._after = re.compile(rf"^\s*(?:{_alternation(self.opinion_after) or '(?!)'})\b", re.IGNORECASE)
        stars = r"(?:stars?|★)"
        self._ratings = (
            re.compile(r"(?<![\w.])(?P<r>[0-5](?:\.\d{1,2})?)\s?(?:/|out of)\s?5\b", re.IGNORECASE),
            re.compile(rf"(?<![\w.])(?P<r>[0-5](?:\.\d{{1,2}})?)[\s-]?{stars}", re.IGNORECASE),
            re.compile(rf"\b(?P<w>one|two|three|four|five)[\s-]{stars}", re.IGNORECASE),
            re.compile(r"\b(?:rated|rating(?: of)?|average(?: rating)?(?: of)?|\w*scores?(?: of)?)\s+"
                       r"(?P<r>[0-5]\.\d{1,2})\b",
                       re.IGNORECASE),
            re.compile(r"(?<![\w.])(?P<r>[0-5]\.\d{1,2})\s+(?:average|avg|rating)\b", re.IGNORECASE),
            re.compile(r"(?P<glyphs>★{2,5})"),
            # a rating in words, on the review sites' scale ("Rated Excellent on Trustpilot")
            re.compile(r"\b(?:rated|rating:?|scored?)\s+(?P<word>excellent|outstanding|exceptional|superb|great)\b",
                       re.IGNORECASE),
        )
        self._praise = tuple(re.compile(p, re.IGNORECASE) for p in self.praise)
        self._not_rating = (re.compile(rf"^\W*(?:{_alternation(self.not_ratings)})\b", re.IGNORECASE)
                            if self.not_ratings else None)

    def check(self, context: RuleContext) -> list[Finding]:
        if not context.evidence:
            return []
        opinion_bound, user_bound, rating_bound = self._bounds(context.evidence)
        if opinion_bound is None and user_bound is None and rating_bound is None:
            return []
        rated = [(set(_NAME.findall(item.lower())), max(r.value for r in rs)) for item in context.evidence
                 if (rs := self.ratings(item, evidence=True))]
        findings = []
        for f in context.in_scope(self):
            claims = self._claims(f.text, opinion_bound, user_bound, rating_bound)
            claims += [c for c in self._sourced(f.text, rated) if not any(c[0][0] < k[0][1] and k[0][0] < c[0][1]
                                                                          for k in claims)]
            for claim, bound, what in claims:
                excerpt = f.text[claim[0] : claim[1]]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}; the evidence documents {what} of {bound:g}."
                findings.append(make_finding(self, f, claim, fix, desc))
        return findings

    def _claims(self, text: str, opinion_bound: float | None, user_bound: float | None,
                rating_bound: float | None) -> list[tuple[tuple[int, int], float, str]]:
        out: list[tuple[tuple[int, int], float, str]] = []
        for c in self.counts(text):
            if not c.opinion:
                bound = user_bound
            elif c.strong or user_bound is None or opinion_bound is None:
                bound = opinion_bound if opinion_bound is not None else user_bound
            else:
                bound = max(opinion_bound, user_bound)
            if bound is not None and c.value > bound * (1 + self.tolerance):
                what = "a count" if c.opinion and opinion_bound is not None else "a customer count"
                out.append((c.span, bound, what))
        if rating_bound is not None:
            stated = self.ratings(text)
            for r in stated:
                if r.value > rating_bound + 0.05:
                    out.append((r.span, rating_bound, "a rating"))
            if rating_bound < self.low_rating and not any(abs(r.value - rating_bound) <= 0.05 for r in stated):
                praise = next((m for p in self._praise for m in p.finditer(text)), None)
                if praise is not None:
                    out.append(((praise.start(), praise.end()), rating_bound, "an average rating"))
        kept: list[tuple[tuple[int, int], float, str]] = []
        for claim in sorted(out):  # one finding per stretch of copy
            if not kept or claim[0][0] >= kept[-1][0][1]:
                kept.append(claim)
        return kept

    def _sourced(self, text: str, rated: list[tuple[set[str], float]]) -> list[tuple[tuple[int, int], float, str]]:
        """A rating the copy attributes to a source the evidence rates lower (round 6): "Rated 4.9 on
        Trustpilot" under "Trustpilot TrustScore 4.3" and "App Store rating 4.9" borrows one site's
        figure for another's name (CAP 3.1, 3.7; 16 CFR 465.2). The source is a capitalised word of
        the rating's sentence that some rated evidence items name and others do not."""
        if len(rated) < 2:
            return []
        shared = set.intersection(*(words for words, _ in rated))
        out: list[tuple[tuple[int, int], float, str]] = []
        for r in self.ratings(text):
            left = max(text.rfind(c, 0, r.span[0]) for c in ".!?\n") + 1
            ends = [i for i in (text.find(c, r.span[1]) for c in ".!?\n") if i >= 0]
            named = {w.lower() for w in _CAPITALISED.findall(text[left : min(ends) if ends else len(text)])} - shared
            sources = [value for words, value in rated if words & named]
            overlaps = any(r.span[0] < c[0][1] and c[0][0] < r.span[1] for c in out)
            if sources and len(sources) < len(rated) and r.value > max(sources) + 0.05 and not overlaps:
                out.append((r.span, max(sources), "for that source a rating"))
        return out

    def _bounds(self, evidence: list[str]) -> tuple[float | None, float | None, float | None]:
        opinions = [c.value for item in evidence for c in self.counts(item) if c.opinion]
        users = [c.value for item in evidence for c in self.counts(item) if not c.opinion]
        ratings = [r.value for item in evidence for r in self.ratings(item, evidence=True)]
        return (max(opinions) if opinions else None, max(users) if users else None,
                max(ratings) if ratings else None)

    def counts(self, text: str) -> list[_Count]:
        """The counts of people or opinions in ``text`` (years are not counts)."""
        out = []
        for m in self._count.finditer(text):
            if m.group("vague"):
                value = float(_VAGUE[re.sub(r"[\s-]+", " ", m.group("vague").lower())])
            else:
                raw = m.group("num").replace(",", "")
                if len(raw) == 4 and raw[:2] in ("19", "20") and not m.group("mult"):
                    continue
                value = float(raw) * _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
            noun = m.group("noun")
            desc = m.group("desc") or ""
            strong = not self._people.match(noun) or bool(_STRONG_DESC.search(desc)) or bool(
                _STRONG_AFTER.match(text[m.end() :]))
            opinion = (strong or bool(self._adjectives.search(desc))
                       or bool(self._before.search(text[: m.start()]))
                       or bool(self._after.match(text[m.end() :])))
            out.append(_Count(value, opinion, (m.start(), m.end()), strong))
        for m in self._labelled.finditer(text):
            if any(c.span[0] <= m.start() < c.span[1] or m.start() <= c.span[0] < m.end() for c in out):
                continue
            raw = m.group("num").replace(",", "")
            if len(raw) == 4 and raw[:2] in ("19", "20") and not m.group("mult"):
                continue
            value = float(raw) * _MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
            opinion = not self._people.match(m.group("noun"))
            out.append(_Count(value, opinion, (m.start(), m.end()), opinion))
        return out

    def ratings(self, text: str, evidence: bool = False) -> list[_Rating]:
        """Star ratings in ``text`` (on a five-point scale). In the copy, a rating that names
        a class ("five-star hotel") is not a review rating."""
        out = []
        for pattern in self._ratings:
            for m in pattern.finditer(text):
                groups = m.groupdict()
                if groups.get("glyphs"):
                    value = float(len(groups["glyphs"]))
                elif groups.get("word"):
                    value = _WORD_RATINGS[groups["word"].lower()]
                elif groups.get("w"):
                    value = float(_WORD_NUMBERS[groups["w"].lower()])
                else:
                    value = float(groups["r"])
                if not evidence and self._not_rating is not None and self._not_rating.match(text[m.end() :]):
                    continue
                out.append(_Rating(value, (m.start(), m.end())))
        return out
