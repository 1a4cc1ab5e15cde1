"""Small text helpers shared by the offline agents and the auditor.

The agents and the auditor must agree on what "contains the word X" means, otherwise an
agent would "fix" a finding the auditor still sees. Both use ``term_spans``: a
case-insensitive match of a word or phrase on word boundaries, where a CamelCase part
also counts as a word (``#BestBottle`` contains "best"; the product ``PlasticPal``
contains "plastic"), optionally allowing simple English endings (plastic → plastics,
recycle → recycled/recycling).

Brief constraints are parsed here too: "Must include a recycling message" is a required
concept ("recycling"), "Avoid plastic-related claims" a banned topic ("plastic").
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<[^<>]{0,500}>")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain_text(value: str) -> str:
    """Brief text as plain text: entities decoded, HTML tags and control characters
    dropped, whitespace collapsed. Agents echo only this form."""
    text = html.unescape(value)
    text = _TAG.sub(" ", _SCRIPT.sub(" ", text))
    text = _CONTROL.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def stable_hash(*parts: str) -> int:
    """A hash that is the same in every process (unlike ``hash``): drives template choice."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


def word_count(text: str) -> int:
    return len(re.findall(r"[\w'’-]+", text))


# A sentence ends at end punctuation followed by a space or the end, or at a line break: not
# inside "4.7 stars", "3.5%" or "www.example.com".
_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*(?=\s|$)|\n+")


def split_sentences(text: str) -> list[str]:
    """Sentences with their end punctuation, stripped; blank pieces dropped. A full stop
    inside a number or an address ends nothing: the writers split and rejoin posts this way,
    and "Rated 4.7 stars" came back as "Rated 4. 7 stars"."""
    out: list[str] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        out.append(text[start:boundary.end()].strip())
        start = boundary.end()
    out.append(text[start:].strip())
    return [sentence for sentence in out if sentence]


def ensure_period(sentence: str) -> str:
    sentence = sentence.strip()
    return sentence if not sentence or sentence[-1] in ".!?…" else sentence + "."


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word looks like a name or acronym."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1:].lower() != first[1:] or first.isupper()):
        return text
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------- matching

SUFFIXES = ("", "s", "es", "ed", "d", "ing", "er", "ers", "e", "able", "ity", "ies", "y", "ic", "ics", "ation")
_STRIP = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s", "e", "y")


def stem(word: str) -> str:
    """A crude stem (recycling → recycl, plastics → plastic) for matching word families."""
    w = word.lower()
    for suffix in _STRIP:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def _left_ok(text: str, start: int) -> bool:
    if start == 0 or not text[start - 1].isalnum():
        return True
    return text[start].isupper() and text[start - 1].islower()  # CamelCase boundary


def _right_ok(text: str, end: int) -> bool:
    if end >= len(text) or not text[end].isalnum():
        return True
    return text[end].isupper() and text[end - 1].islower()


# What joins the words of a term: spaces or hyphens, or a CamelCase boundary, so that a hashtag or
# a compound name says what its words say ("#ZeroImpactFashion" holds "zero impact").
WORD_JOIN = r"(?:[\s-]+|(?-i:(?<=[a-z])(?=[A-Z])))"


def _pattern(term: str, stems: bool) -> re.Pattern[str]:
    words = re.split(r"\s+", term.strip())
    parts = []
    for w in words:
        if stems and w.isalpha():
            w = stem(w)
            alt = "|".join(re.escape(s) for s in sorted(SUFFIXES, key=len, reverse=True))
            parts.append(re.escape(w) + f"(?-i:{alt})")  # endings are lower case
        else:
            parts.append(re.sub("['’]", "['’]", re.escape(w)))
    return re.compile(WORD_JOIN.join(parts), re.IGNORECASE)


def term_regex(term: str, stems: bool = False) -> str:
    """The regular expression :func:`term_spans` matches ``term`` with (no word boundaries)."""
    return _pattern(term, stems).pattern


def term_spans(text: str, term: str, stems: bool = False) -> list[tuple[int, int]]:
    """Where ``term`` occurs in ``text`` as whole words (CamelCase parts count as words).
    With ``stems`` each word of the term also matches its simple inflections."""
    if not term.strip():
        return []
    spans: list[tuple[int, int]] = []
    pattern = _pattern(term, stems)
    pos = 0
    while pos <= len(text):
        m = pattern.search(text, pos)
        if not m:
            break
        start, end = m.start(), m.end()
        word_start = term[0].isalnum()
        word_end = term[-1].isalnum()
        if end > start and (not word_start or _left_ok(text, start)) and (not word_end or _right_ok(text, end)):
            spans.append((start, end))
            pos = end
        else:
            pos = start + 1
    return spans


def contains_term(text: str, term: str, stems: bool = False) -> bool:
    return bool(term_spans(text, term, stems))


# --------------------------------------------------------------------------- constraints

_REQUIRE = re.compile(
    r"^\s*(?:must|should|always|please)?\s*(?:include|mention|contain|feature|state|highlight|use)s?\b\s*(.+)$",
    re.IGNORECASE,
)
_AVOID = re.compile(
    r"^\s*(?:avoid|no|never\s+(?:say|mention|use|target|address)|do\s*n[o']?t\s+(?:say|mention|use|make|{audience})|"
    r"must\s+not\s+(?:say|mention|use|include|{audience})|without)\b\s*(.+)$".format(
        # an audience the copy must not address ("Do not target children") bans that audience's words
        audience=r"target|address|appeal\s+to|market\s+to|speak\s+to|be\s+(?:aimed|directed)\s+at"),
    re.IGNORECASE,
)
_STATEMENT = re.compile(r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?that\s+(.+)$", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“‘']([^\"”’']{2,})[\"”’']")
# every quoted text of a list ("'cure', 'treat' or 'heal'"): a quote opens after a space or
# bracket and closes before one, so the apostrophe of "it's" opens nothing
QUOTED_EACH = re.compile(r"(?:^|(?<=[\s(\[,:;/]))[\"“‘']([^\"”’']{2,}?)[\"”’'](?=$|[\s.,;:!?)\]/])")
FILLER = frozenset(
    "a an the any all our your of about to on for in with and or message messages mention "
    "mentions mentioning note statement statements reference references referencing related "
    "claim claims claiming language word words term terms topic topics content messaging "
    "wording phrase phrases copy text hashtag hashtags".split()
)


@dataclass(frozen=True)
class Constraint:
    """One brief constraint, understood: ``require`` or ``avoid`` a concept, or ``other``."""

    raw: str
    kind: str  # "require" | "avoid" | "other"
    phrase: str = ""  # the concept, filler dropped ("recycling", "plastic")
    words: tuple[str, ...] = field(default_factory=tuple)
    exact: bool = False  # a quoted text that must appear verbatim
    clause: bool = False  # a statement ("a reminder that X takes Y"), not a topic
    topic: str = ""  # what follows the verb, as written ("viruses, flu or COVID in any post")
    quoted: tuple[str, ...] = field(default_factory=tuple)  # every quoted text ("'cure', 'treat' or 'heal'")


def content_words(text: str) -> list[str]:
    words = re.findall(r"[\w'’]+", text.replace("-", " "))
    return [w for w in words if w.lower() not in FILLER and not w.isdigit()]


def parse_constraint(raw: str) -> Constraint:
    text = plain_text(raw)
    for kind, pattern in (("avoid", _AVOID), ("require", _REQUIRE)):
        m = pattern.match(text)
        if not m:
            continue
        rest = m.group(1).strip().rstrip(".!")
        quoted = _QUOTED.search(rest)
        if quoted:
            phrase = quoted.group(1).strip()
            every = tuple(dict.fromkeys(q.strip() for q in QUOTED_EACH.findall(rest) if q.strip())) or (phrase,)
            return Constraint(raw, kind, phrase, (phrase,), exact=True, topic=rest, quoted=every)
        statement = _STATEMENT.match(rest)
        if statement and kind == "require":
            words = tuple(w.lower() for w in content_words(statement.group(1)))
            return Constraint(raw, kind, statement.group(1).strip(), words, clause=True, topic=rest)
        words = tuple(w.lower() for w in content_words(rest))
        if words:
            return Constraint(raw, kind, " ".join(words), words, topic=rest)
    return Constraint(raw, "other")


def parse_constraints(constraints: list[str]) -> list[Constraint]:
    return [parse_constraint(c) for c in constraints]


def required_present(text: str, constraint: Constraint) -> bool:
    """Whether ``text`` carries the required concept (every content word, any inflection)."""
    if constraint.exact:
        return constraint.phrase.lower() in text.lower()
    return all(contains_term(text, w, stems=True) for w in constraint.words)


def banned_spans(text: str, constraint: Constraint) -> list[tuple[int, int]]:
    """Spans in ``text`` of any word of an avoided topic (inflections included)."""
    spans: list[tuple[int, int]] = []
    for w in constraint.words:
        spans.extend(term_spans(text, w, stems=not constraint.exact))
    return sorted(set(spans))
