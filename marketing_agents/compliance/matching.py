"""Finding terms and patterns in text, the same way the agents do.

The offline agents remove or replace a flagged term with :func:`marketing_agents.text.term_spans`
semantics (case-insensitive, whole words, CamelCase parts count as words, optional simple
endings). The auditor must see exactly what they fix, or a "fixed" finding would come
back every round; so term lists are compiled here into one regular expression per rule
with those very boundaries and the shared ``stem``/``SUFFIXES``, which is also what keeps
a whole-campaign audit within a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from ..text import SUFFIXES, WORD_JOIN, stem

# "Not preceded/followed by a letter or digit" or a CamelCase boundary (lower → Upper).
_LEFT = r"(?:(?<![^\W_])|(?-i:(?<=[a-z])(?=[A-Z])))"
_RIGHT = r"(?:(?![^\W_])|(?-i:(?<=[a-z])(?=[A-Z])))"
_ENDINGS = "|".join(re.escape(s) for s in sorted(SUFFIXES, key=len, reverse=True))

Span = tuple[int, int]


def _term_body(term: str, stems: bool) -> str:
    parts = []
    for word in term.strip().split():
        if stems and word.isalpha():
            parts.append(re.escape(stem(word)) + f"(?-i:{_ENDINGS})")
        else:
            parts.append(re.sub("['’]", "['’]", re.escape(word)))
    body = WORD_JOIN.join(parts)
    left = _LEFT if term.strip()[:1].isalnum() else ""
    right = _RIGHT if term.strip()[-1:].isalnum() else ""
    return f"{left}(?:{body}){right}"


@lru_cache(maxsize=2048)
def compile_terms(terms: tuple[str, ...], patterns: tuple[str, ...], stems: bool) -> re.Pattern[str] | None:
    """One case-insensitive alternation of word terms and raw regular expressions."""
    pieces = [_term_body(t, stems) for t in sorted(terms, key=len, reverse=True) if t.strip()]
    pieces += [f"(?:{p})" for p in patterns]
    if not pieces:
        return None
    return re.compile("|".join(pieces), re.IGNORECASE)


@lru_cache(maxsize=2048)
def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=2048)
def _needles(terms: tuple[str, ...], stems: bool) -> tuple[str, ...]:
    """Lower-case substrings one of which every match of ``terms`` must contain: a cheap
    test that skips the regular expression for the (many) texts that cannot match."""
    needles = []
    for term in terms:
        words = [w for w in re.split(r"[\s'’-]+", term.strip().lower()) if w]
        word = max(words, key=len) if words else ""
        needles.append(stem(word) if stems and word.isalpha() else word)
    return tuple(n for n in needles if n) if all(needles) else ("",)


def viable(lowered: str, terms: Sequence[str], patterns: Sequence[str] = (),
           stems: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``terms`` (all or none) and the ``patterns`` that can match somewhere in
    ``lowered``, the lower-cased join of every text a rule reads.

    One needle test per pattern for the whole campaign instead of one per field: a rule
    reads some twenty fields and most of its patterns can match none of them, so this is
    most of what :func:`find` would spend on a campaign. Only what cannot match is left out,
    so ``find`` over each field with what this returns finds exactly the same spans."""
    contains = lowered.__contains__
    live_terms = tuple(terms) if terms and any(map(contains, _needles(tuple(terms), stems))) else ()
    live_patterns = tuple(
        p for p in patterns if has_needles(contains, needles(p))
    )
    return live_terms, live_patterns


def find(text: str, terms: list[str] | tuple[str, ...], patterns: list[str] | tuple[str, ...] = (),
         stems: bool = False) -> list[Span]:
    """Non-overlapping spans of any term or pattern, left to right; empty matches skipped.

    Each expression runs only if a substring every one of its matches must contain is
    in the text (see :func:`needles`): most rules cannot match most texts, and skipping
    them is what keeps a whole-campaign audit within a few milliseconds."""
    lowered = text.lower()
    spans: list[Span] = []
    terms = tuple(terms)
    contains = lowered.__contains__  # map() over a bound method: no Python frame per needle
    if terms and any(map(contains, _needles(terms, stems))):
        regex = compile_terms(terms, (), stems)
        if regex is not None:
            spans += [(m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()]
    for pattern in patterns:
        if has_needles(contains, needles(pattern)):
            spans += [(m.start(), m.end()) for m in compile_pattern(pattern).finditer(text) if m.end() > m.start()]
    if len(spans) < 2:
        return spans
    kept: list[Span] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@lru_cache(maxsize=4096)
def needles(pattern: str) -> tuple[frozenset[str], ...]:
    """Sets of lower-case strings such that every match of ``pattern`` contains a string of
    each set (``\\b(?:lost|made) \\d+ (?:kg|lbs)`` gives {lost, made} and {kg, lbs}); the
    longest first, as they fail most often. Empty when none can be read off the pattern
    (then it always runs)."""
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return ()
    found = _candidates(list(parsed))
    return tuple(sorted(found, key=lambda c: min(len(x) for x in c), reverse=True))


def has_needles(contains: Callable[[str], bool], required: tuple[frozenset[str], ...]) -> bool:
    """Whether a text (its ``__contains__``) holds a string of every set of ``required``."""
    return all(any(map(contains, c)) for c in required)


class Gated:
    """A compiled expression that runs only when the text holds its needles: for the big
    alternations (every inflection of every benefit verb) that are searched once per figure
    in copy, where most texts hold none of their words and the search would try every
    alternative at every position for nothing."""

    __slots__ = ("regex", "required")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.required = needles(regex.pattern)

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if has_needles(text.lower().__contains__, self.required) else None


def _candidates(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Every set of strings of which a match of ``items`` (a parsed sequence) holds one."""
    candidates: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        if op is _constants.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        found: frozenset[str] | None = None
        if op is _constants.BRANCH:
            alternatives = [_required(list(branch)) for branch in av[1]]
            if all(a is not None for a in alternatives):
                found = frozenset().union(*[a for a in alternatives if a is not None])
        elif op is _constants.SUBPATTERN:
            found = _required(list(av[-1]))
        elif op in (_constants.MAX_REPEAT, _constants.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2]))
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    return [c for c in candidates if all(c)]


def _required(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The most selective set of :func:`_candidates` (the one whose shortest string is longest)."""
    candidates = _candidates(items)
    return max(candidates, key=lambda c: min(len(x) for x in c)) if candidates else None


def alternatives(pattern: str) -> tuple[str, ...]:
    """Split a pattern at its top-level ``|`` so that each part gets its own needles."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return tuple(p for p in parts if p)


def any_pattern(text: str, patterns: list[str]) -> bool:
    return any(compile_pattern(p).search(text) for p in patterns)


def covered(span: Span, text: str, patterns: list[str]) -> bool:
    """Whether a match of one of ``patterns`` covers ``span`` (an allowed exception)."""
    start, end = span
    return any(m_start <= start and end <= m_end for p in patterns for m_start, m_end in _match_spans(p, text))


@lru_cache(maxsize=512)
def _match_spans(pattern: str, text: str) -> tuple[Span, ...]:
    """Every match of ``pattern`` in ``text``, found once per field: a rule asks
    :func:`covered` once per candidate, and rescanning the whole field each time made a long
    field of candidates quadratic."""
    return tuple(m.span() for m in compile_pattern(pattern).finditer(text))
