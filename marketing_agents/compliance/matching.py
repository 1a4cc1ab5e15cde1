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
from functools import lru_cache

from ..text import SUFFIXES, stem

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
    body = r"[\s-]+".join(parts)
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


def find(text: str, terms: list[str] | tuple[str, ...], patterns: list[str] | tuple[str, ...] = (),
         stems: bool = False) -> list[Span]:
    """Non-overlapping spans of any term or pattern, left to right; empty matches skipped."""
    regex = compile_terms(tuple(terms), tuple(patterns), stems)
    if regex is None:
        return []
    return [(m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()]


def any_pattern(text: str, patterns: list[str]) -> bool:
    return any(compile_pattern(p).search(text) for p in patterns)


def covered(span: Span, text: str, patterns: list[str]) -> bool:
    """Whether a match of one of ``patterns`` covers ``span`` (an allowed exception)."""
    start, end = span
    for p in patterns:
        for m in compile_pattern(p).finditer(text):
            if m.start() <= start and end <= m.end():
                return True
    return False
