"""What share of a surveyed group an evidence item reports, so that a survey on file documents
an expert or group endorsement only when its share supports it.

"Survey of 120 vets: 38% preferred PawPure over two named rivals" is a survey of vets, yet it
does not make PawPure "vets' top pick"; "Poll of 80 stylists: 22 said they used Zylo" does not
make Zylo "the shampoo hairdressers reach for" (16 CFR 255.3; CAP 3.7, 3.45: an endorsement by
a group implies that the group, or most of it, holds the view). The share is read from the
item's own figures: a percentage ("38% preferred"), a fraction ("12 out of 40", "9 in 10"), or
a count against the survey's size ("survey of 50 hygienists: 18 said …"). An item whose largest
share is under one half is a *minority* survey.
"""

from __future__ import annotations

import re

_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent)")
_FRACTION = re.compile(r"(?<![\d.,])(\d{1,5})\s+(?:of|out of|in)\s+(\d{1,5})(?![\d.,])(?!\s?%)")
_SIZE = re.compile(r"\b(?:survey|poll|panel|sample|study|questionnaire)\s+of\s+(\d{1,3}(?:,\d{3})*|\d+)\b",
                   re.IGNORECASE)
_COUNT = re.compile(
    r"(?<![\d.,£$€])(?<!of )(?<!in )(\d{1,3}(?:,\d{3})*|\d+)\s+(?:of them\s+|of those\s+)?(?:\w+\s+)?"
    r"(?:said|say|says|agreed|agree|used|use|uses|preferred|prefer|chose|choose|would|recommended|recommend|rated|picked)\b",
    re.IGNORECASE)
_SURVEY = re.compile(r"\b(?:survey\w*|poll\w*|panel|sample|respondents|questionnaire)\b", re.IGNORECASE)


def _int(raw: str) -> int:
    return int(raw.replace(",", ""))


def shares(item: str) -> list[float]:
    """The shares (0-1) of people an evidence item reports."""
    out = [float(m.group(1)) / 100 for m in _PERCENT.finditer(item) if float(m.group(1)) <= 100]
    out += [_int(m.group(1)) / _int(m.group(2)) for m in _FRACTION.finditer(item)
            if _int(m.group(2)) > 0 and _int(m.group(1)) <= _int(m.group(2))]
    size = _SIZE.search(item)
    if size is not None and _int(size.group(1)) > 0:
        total = _int(size.group(1))
        out += [_int(m.group(1)) / total for m in _COUNT.finditer(item, size.end()) if _int(m.group(1)) <= total]
    return out


def minority_survey(item: str, below: float = 0.5) -> bool:
    """Whether ``item`` is a survey whose largest reported share is under ``below``."""
    if not _SURVEY.search(item):
        return False
    found = shares(item)
    return bool(found) and max(found) < below


_STATED = re.compile(r"(?<![\d.])\d{1,3}(?:\.\d+)?\s?(?:%|per ?cent)|(?<![\d.,])\d{1,5}\s+(?:of|out of|in)\s+\d{1,5}\b",
                     re.IGNORECASE)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "twenty": 20, "hundred": 100}
_WORD_FRACTION = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:out of|in)\s+"
                            r"(two|three|four|five|six|seven|eight|nine|ten|twenty|a hundred|hundred)\b", re.IGNORECASE)


def _stated_shares(sentence: str) -> list[float]:
    """The shares a copy sentence states, in figures or words ("nine in ten", "87%")."""
    out = [s for m in _STATED.finditer(sentence) for s in shares(m.group(0))]
    for m in _WORD_FRACTION.finditer(sentence):
        a = _NUMBER_WORDS[m.group(1).lower()]
        b = _NUMBER_WORDS[m.group(2).lower().replace("a ", "")]
        if a <= b:
            out.append(a / b)
    return out


def survey_ceiling(evidence: list[str]) -> float | None:
    """The largest share any survey item of the evidence reports, or None without one."""
    found = [s for item in evidence if _SURVEY.search(item) for s in shares(item)]
    return max(found) if found else None


def overstates(sentence: str, ceiling: float | None, tolerance: float = 0.02) -> bool:
    """Whether a copy sentence states a share above every survey share on file."""
    if ceiling is None:
        return False
    stated = _stated_shares(sentence)
    return bool(stated) and max(stated) > ceiling + tolerance


def states_share(sentence: str, minority: list[str]) -> bool:
    """Whether a copy sentence states a share no larger than a minority survey's ("31% of
    physios surveyed preferred it"): the endorsement is then reported, not overclaimed."""
    stated = _stated_shares(sentence)
    ceiling = max(s for item in minority for s in shares(item))
    return bool(stated) and max(stated) <= ceiling + 0.01
