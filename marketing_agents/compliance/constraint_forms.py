"""Brief constraints in the shapes people write them, beyond "Include X" and "Avoid Y".

A brief says what a piece must carry through who carries it ("Every promotion must carry
'Capital at risk.'", "Poster must show the age range: 3+"), where it goes ("Put #ad at the
start of every influencer caption", "Product name 'Halcyon Pillow' must appear in the first
sentence"), when it applies ("Always put 'AER variable' next to the rate", "If you mention
recycling, add 'check locally'", "Never quote a member's weight loss without 'Results vary'")
and, in one sentence, several things at once ("Call it 'your Juno' - never 'the device' or 'the
gadget'"). This module reads those shapes into a :class:`Requirement` (what, where, when) or
the quoted texts a clause bans; :mod:`.constraints` turns them into rules. A shape it does not
know is left to the constraint parser as before, and what neither reads goes to the judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..models import ArtifactType
from ..text import QUOTED_EACH
from .constraint_phrasing import NEG

Position = Literal["anywhere", "start", "first_sentence"]

# clauses of one constraint: "X - never Y", "X; never Y", "X, never Y", "X and give Y"
# (each separator starts at one place of a run of spaces, so a run costs its length, not its square)
_CLAUSES = re.compile(
    r";|(?<!\s)\s[-–—]\s|,(?=\s*(?:but\s+)?(?:never|not|and\s+never|don[’']?t|do\s+not)\b)"
    r"|(?<!\s)\s+and\s+(?=(?:cite|give|state|say|link|mention|include|add|show|explain|name|list|quote|never|don[’']?t)\b)",
    re.IGNORECASE,
)
_NEGATION = re.compile(rf"^\s*(?:but\s+|and\s+)?(?:{NEG}|not|nor)\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:without|unless|except|only\s+(?:when|if|where))\b", re.IGNORECASE)
_QUOTE = QUOTED_EACH  # the constraint parser's own reading of a quoted text


def clauses(raw: str) -> list[str]:
    """The constraints one line makes, in order ("Call it 'your Juno' - never 'the device'"
    is two)."""
    return [c.strip() for c in _CLAUSES.split(raw) if c and c.strip()]


def quoted_texts(clause: str) -> list[str]:
    return [q.strip().rstrip(".") for q in _QUOTE.findall(clause) if q.strip().rstrip(".")]


def quoted_ban(clause: str) -> list[str]:
    """The quoted texts a negated clause bans ("never 'the device' or 'the gadget'"); none when
    the ban has a condition ("never quote … without 'Results vary'")."""
    if not _NEGATION.match(clause) or _CONDITIONAL.search(clause):
        return []
    return quoted_texts(clause)


@dataclass(frozen=True)
class Requirement:
    """Something a piece must say (``what``, as "Include <what>" would), in which pieces
    (``types``, ``fields``, ``platforms``: None for any), where (``position``) and when (a
    ``trigger`` topic the piece mentions; empty: always)."""

    what: str
    types: tuple[ArtifactType, ...] | None = None
    fields: tuple[str, ...] = ()
    platforms: tuple[str, ...] | None = None
    position: Position = "anywhere"
    trigger: str = ""
    trigger_patterns: tuple[str, ...] = ()  # how the trigger's kind is said ("any offer": "30% off", "free")

    @property
    def plain(self) -> bool:
        """Whether it is an everyday "Include X", which the constraint parser reads as well."""
        return (self.types is None and not self.fields and self.platforms is None and self.position == "anywhere"
                and not self.trigger)


_ALL = (ArtifactType.COPY, ArtifactType.SHORT_COPY, ArtifactType.VISUAL)
_SEARCH = ("GoogleAdsHeadline", "GoogleAdsDescription")
# the pieces a subject names: (pattern, types, fields, platforms)
_PIECES: list[tuple[re.Pattern[str], tuple[ArtifactType, ...], tuple[str, ...], tuple[str, ...] | None]] = [
    (re.compile(p, re.IGNORECASE), types, fields, platforms) for p, types, fields, platforms in [
        (r"\b(?:search|google)\s+ads?\b", (ArtifactType.SHORT_COPY,), (), _SEARCH),
        (r"\bheadlines?\b", _ALL, ("headlines[*]", "concepts[*].headline", "posts[*].text"), None),
        (r"\b(?:posts?|captions?|tweets?|stories|story|reels?|social)\b", (ArtifactType.SHORT_COPY,), (), None),
        (r"\b(?:posters?|visuals?|images?|banners?)\b", (ArtifactType.VISUAL,), (), None),
        (r"\b(?:emails?|body copy|long copy|articles?|web copy|landing pages?)\b", (ArtifactType.COPY,), (), None),
        (r"\b(?:ads?|adverts?|advertisements?|promotions?|promos?|financial promotions?|communications?|pieces?|"
         r"assets?|creatives?|marketing|materials?|copy|messages?|everything|anything)\b", _ALL, (), None),
    ]
]
# topics that make a requirement conditional when a subject or place names them ("any offer",
# "the rate", "any finance mention", "every competition post")
_TOPIC_WORDS = re.compile(
    r"\b(?:offers?|deals?|discounts?|sales?|competitions?|giveaways?|prize\s+draws?|promotional\s+prices?|prices?|"
    r"rates?|finance|credit|savings?|figures?|numbers?|claims?|results?|reviews?|testimonials?|recycling|"
    r"recyclable|battery|range|speeds?|returns?|weight\s+loss|certifications?|mentions?)\b",
    re.IGNORECASE,
)
_DETERMINERS = re.compile(r"^\s*(?:every|each|any|all|the|our|your|a|an|its|their)\s+", re.IGNORECASE)
_MUST = r"(?:must|should|shall|has\s+to|have\s+to|needs?\s+to|will)\s+(?:always\s+|also\s+|clearly\s+)?"
_SAY = (r"include|includes|contain|carry|say|state|show|display|give|feature|mention|have|bear|use|cite|quote|print|"
        r"list|end\s+with|start\s+with|begin\s+with|open\s+with|lead\s+with|link\s+to")
_SUBJECT = re.compile(rf"^\s*(?P<subj>(?:[\w#'’.&+-]+\s+){{0,6}}?){_MUST}(?P<verb>{_SAY}|appear|be)\b\s*(?P<what>.*)$",
                      re.IGNORECASE)
_PLACE_VERB = re.compile(rf"^\s*(?:always\s+|please\s+)?(?P<verb>put|add|write|print|place|{_SAY})\s+(?P<what>.+)$",
                         re.IGNORECASE)
_PLACE = re.compile(
    r"(?<!\s)\s+(?P<prep>next\s+to|beside|alongside|right\s+after|after|under|below|above|with|on|in|by|for|at\s+the\s+(?:start|top|"
    r"beginning|front|end|bottom)\s+of|whenever|when|wherever)\s+(?P<where>(?:(?:every|each|any|all|the|an?|our|its|"
    r"their)\b|(?<=whenever\s)|(?<=when\s)|(?<=wherever\s)).*)$",
    re.IGNORECASE,
)
_IF = re.compile(
    r"^\s*(?:if|when|whenever|wherever)\s+(?:you\s+|we\s+|the\s+copy\s+|a\s+post\s+)?(?:mention|mentions|say|says|use|uses|"
    r"talk\s+about|refer\s+to|include|includes|quote|show|state|make|give|feature|is|are)?\s*(?P<topic>.+?),\s*"
    r"(?:then\s+)?(?P<then>.+)$",
    re.IGNORECASE,
)
_WITHOUT = re.compile(
    r"^\s*(?:never|don[’']?t|do\s+not|no)\s+(?:quote|mention|show|use|state|say|give|make|feature|include|publish|post|"
    r"print|run)?\s*(?P<topic>.+?)\s+without\s+(?P<then>.+)$",
    re.IGNORECASE,
)
_START = re.compile(
    r"\b(?:start|begin|open|lead)\s+with\b|\b(?:start|beginning|front|top)\s+of\b|\bfirst\s+(?:word|thing)\b",
    re.IGNORECASE,
)
_FIRST_SENTENCE = re.compile(r"\bfirst\s+(?:sentence|line)\b|\bopening\s+(?:sentence|line)\b", re.IGNORECASE)
_STATED = re.compile(r"\b(?:is|are)\s+(?:mentioned|used|stated|shown|quoted|given|made|claimed|featured)\b.*$",
                     re.IGNORECASE)


def _pieces(text: str) -> tuple[tuple[ArtifactType, ...] | None, tuple[str, ...], tuple[str, ...] | None]:
    for pattern, types, fields, platforms in _PIECES:
        if pattern.search(text):
            return (None if types == _ALL else types), fields, platforms
    return None, (), None


def _topic(text: str) -> str:
    """The topic a subject or place names ("any offer on a poster": offer), or ''."""
    m = _TOPIC_WORDS.search(text)
    if not m:
        return ""
    words = _DETERMINERS.sub("", text[: m.end()]).split()
    return " ".join(words[-3:]) if m.group(0).lower() in {"figure", "figures", "number", "numbers", "mention",
                                                          "mentions", "claim", "claims", "result", "results"} \
        else m.group(0)


def _where(what: str) -> tuple[str, str]:
    """(what, where) of "'AER variable' next to the rate"."""
    m = _PLACE.search(what)
    if not m or not m.group("where").strip():
        return what, ""
    return what[: m.start()].strip(), f"{m.group('prep')} {m.group('where')}"


def _position(*texts: str) -> Position:
    joined = " ".join(texts)
    if _FIRST_SENTENCE.search(joined):
        return "first_sentence"
    return "start" if _START.search(joined) else "anywhere"


# how a trigger's kind is said when the copy does not name it: an offer by its terms, a rate by its
# figure, finance by its words
_KIND_SAID: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"\b(?:offers?|deals?|discounts?|sales?|promotions?|promos?|vouchers?|codes?)\b", re.IGNORECASE),
     (r"\b\d+\s?%\s?off\b", r"\bhalf[- ]price\b", r"\b(?:buy|get)\s+(?:one|1|two|2)\b", r"\bfree\b", r"\bsave\b",
      r"[£$€]\s?\d+\s+off\b", r"\bno\s+[\w-]+\s+fees?\b", r"\b(?:second|2nd)\s+\w+\s+(?:half price|free)\b",
      r"\bcode\s+[A-Z0-9]{3,}\b", r"\boffer\b", r"\bdeal\b", r"\bsale\b")),
    (re.compile(r"\b(?:rates?|interest)\b", re.IGNORECASE),
     (r"\b\d+(?:\.\d+)?\s?%", r"\bAER\b", r"\bAPR\b", r"\brates?\b", r"\binterest\b")),
    (re.compile(r"\b(?:finance|financing|credit|borrowing|loans?)\b", re.IGNORECASE),
     (r"\bfinance\b", r"\bAPR\b", r"\bcredit\b", r"\bloans?\b", r"\bborrow\w*", r"\bmonthly payments?\b",
      r"\bPCP\b", r"\bhire purchase\b", r"\bpay monthly\b", r"\bdeposit\b")),
    (re.compile(r"\b(?:competitions?|giveaways?|prize\s+draws?)\b", re.IGNORECASE),
     (r"\bwin\b", r"\bprizes?\b", r"\bcompetitions?\b", r"\bgiveaways?\b", r"\benter\b", r"\bdraw\b")),
]
# what only a reader can check: a statement ("say that the cover isn't paid out …", "that they are a
# paid partner") or information no rule can know ("cite the source", "the study details")
_STATEMENT = re.compile(
    r"^\s*(?:that|who|how|where|why|whether|what)\b|\b(?:is|are|was|were|isn['’]t|aren['’]t|doesn['’]t|don['’]t|can|"
    r"cannot|can['’]t|will|won['’]t|has|have|they|it|we)\b",
    re.IGNORECASE,
)
_UNKNOWABLE = re.compile(r"\b(?:sources?|details?|conditions|information|evidence|stud(?:y|ies)|references?|basis|"
                         r"methodology|substantiation|proof|data|citations?|terms)\s*$", re.IGNORECASE)


def _requirement(what: str, context: str, verb: str = "") -> Requirement | None:
    what, where = _where(_TRAILING_STOP.sub(r"\1\2", what.strip().rstrip(".")))
    if not what:
        return None
    if not _QUOTE.search(what):
        tag = _TAG.search(what)
        if tag:  # "Put #ad at the start": the tag as written
            what = f"'{tag.group(1)}'"
        elif _STATEMENT.search(what) or _UNKNOWABLE.search(what):
            return None
    scope_text = f"{context} {where}"
    types, fields, platforms = _pieces(scope_text)
    topic = _topic(_STATED.sub("", where)) or _topic(_PIECE_NOUNS.sub("", context))
    said = tuple(p for pattern, kinds in _KIND_SAID if topic and pattern.search(topic) for p in kinds)
    return Requirement(what, types, fields, platforms, _position(verb, where, context), topic, said)


_TAG = re.compile(r"(?<![\w#@])([#@][A-Za-z][\w-]*)")
_START_VERB = re.compile(
    r"^\s*(?:always\s+)?(?:start|begin|open|lead)\s+(?P<piece>(?:(?:the|every|each|all|any|your|our)\s+)?(?:[\w-]+\s+){0,2}?)"
    r"with\s+(?P<what>.+)$",
    re.IGNORECASE,
)
_TRAILING_STOP = re.compile(r"(\S)[.!](\s*[\"”’'])")  # "'Capital at risk.'" asks for "Capital at risk"
_PIECE_NOUNS = re.compile("|".join(p.pattern for p, *_ in _PIECES), re.IGNORECASE)


def requirement(clause: str) -> Requirement | None:
    """``clause`` as a :class:`Requirement` when it has one of the shapes above, else None."""
    text = clause.strip().rstrip(".!")
    m = _IF.match(text)
    if m:
        inner = requirement(m.group("then"))
        if inner is None:
            return None
        topic = _DETERMINERS.sub("", m.group("topic"))
        return Requirement(inner.what, inner.types, inner.fields, inner.platforms, inner.position, topic,
                           tuple(p for pattern, kinds in _KIND_SAID if pattern.search(topic) for p in kinds))
    m = _WITHOUT.match(text)
    if m:
        then = m.group("then")
        return Requirement(then, trigger=_DETERMINERS.sub("", m.group("topic")))
    m = _SUBJECT.match(text)
    if m and not m.group("subj").strip() and m.group("verb").lower() not in {"appear", "be"}:
        return _requirement(m.group("what"), "", m.group("verb"))  # "Must say 18+ only"
    if m and m.group("subj").strip():
        subj, verb, what = m.group("subj").strip(), m.group("verb").lower(), m.group("what")
        if verb in {"appear", "be"}:  # "Product name 'X' must appear in the first sentence"
            literal = _QUOTE.findall(subj) or _TAG.findall(subj)  # "The #ad label must be the first word"
            if not literal:
                return None
            return Requirement(f"'{literal[0]}'", *_pieces(what), position=_position(what))
        return _requirement(what, subj, verb)
    m = _START_VERB.match(text)
    if m:  # "Start the caption with 'Paid partnership with Holt'", "Start every sponsored post with #ad"
        return _requirement(m.group("what"), m.group("piece"), "start with")
    m = _PLACE_VERB.match(text)
    if m and (_PLACE.search(m.group("what")) or m.group("verb").lower() not in {"include", "includes", "mention",
                                                                               "state", "use", "say"}):
        return _requirement(m.group("what"), "", m.group("verb"))
    return None
