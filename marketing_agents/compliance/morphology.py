"""Words with their offsets and lemmas: what the claim-structure rules read.

A claim is a structure, not a phrase: "cures hangovers", "cured my hangover" and "a
cure for hangovers" are one claim, so the rules match lemmas (cure, hangover) rather
than listing every inflection. The morphology here is a small rule-based English
lemmatiser (regular endings, doubled consonants, -ies/-ied, a short table of irregular
forms); it is exact enough for the closed verb and noun sets the rules name and fast
enough that a whole campaign is tokenised in well under a millisecond.

Clause boundaries (punctuation and a few conjunctions) limit how far a rule looks for
an object or a negation, so "not a cure" negates the cure and "no sugar, cures colds"
does not.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(
    r"(?:Dr|Prof|Mr|Mrs|Ms|St)\.(?=\s+[A-Z])|[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)?|\d+(?:[.,]\d+)*|[^\sA-Za-z\d]"
)
_CAMEL = re.compile(r"[a-z][A-Z]")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_VOWELS = set("aeiou")
_IRREGULAR = {
    "fought": "fight", "beaten": "beat", "kept": "keep", "got": "get", "gotten": "get", "swore": "swear",
    "sworn": "swear", "chose": "choose", "chosen": "choose", "made": "make", "felt": "feel", "lost": "lose",
    "children": "child", "feet": "foot", "teeth": "tooth", "women": "woman", "men": "man", "people": "person",
    "mice": "mouse", "lice": "louse", "wore": "wear", "worn": "wear", "ran": "run", "won": "win",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "is": "be", "are": "be", "was": "be",
    "were": "be", "been": "be", "has": "have", "had": "have", "does": "do", "did": "do", "done": "do",
    "says": "say", "said": "say", "stress": "stress", "grass": "grass", "glass": "glass", "gas": "gas",
    "news": "news", "this": "this", "his": "his", "its": "its", "us": "us", "plus": "plus", "bus": "bus",
    "virus": "virus", "viruses": "virus", "diabetes": "diabetes", "herpes": "herpes", "measles": "measles",
    "mumps": "mumps", "rabies": "rabies", "scabies": "scabies", "lupus": "lupus", "psoriasis": "psoriasis",
    "arthritis": "arthritis", "sinusitis": "sinusitis", "osteoporosis": "osteoporosis", "always": "always",
    "series": "series", "species": "species", "less": "less", "loss": "loss", "illness": "illness",
    "illnesses": "illness", "sickness": "sickness", "tiredness": "tiredness", "pros": "pro", "vets": "vet",
    "diarrhoea": "diarrhoea", "diarrhea": "diarrhea", "bloating": "bloating", "ageing": "ageing", "aging": "aging",
    "clothes": "clothes", "ourselves": "ourselves", "yourself": "yourself", "yourselves": "yourself",
}
# Words ending in -s, -ed or -ing whose ending is part of the stem.
_KEEP_ENDING = re.compile(r"(?:ss|us|is|ous|ics|ness|less|ing(?=s?$)|thing|spring|ceiling|morning|evening|king|ring|"
                          r"wing|sing|bring|sting|string|swing|thing|sling)$")
NEGATIONS = frozenset({
    "not", "no", "never", "n't", "without", "nor", "neither", "cannot", "nothing", "none",
})
_NEGATED_CONTRACTIONS = re.compile(r"n['’]t$", re.IGNORECASE)
# Words that say nothing about what a claim or an evidence item is about: grammar, and what
# any campaign says ("today", "new", "our brand"). One set for every comparison of content
# words (a claim against the evidence, a condition against the copy, the learned model's
# choice of evidence items).
FUNCTION_WORDS = frozenset(
    "a an the and or but of to for with in on at by from as is are be been has have it its this that these "
    "those our your you we us they their he she his her my me all any every only more most less than per "
    "not no new now today ever brand can will do make get one".split()
)
CLAUSE_BREAKS = frozenset({".", "!", "?", ";", ":", "—", "–", ",", "(", ")", "\n", "but", "while", "whereas", "so"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    lemma: str
    is_word: bool

    @property
    def negates(self) -> bool:
        return self.lower in NEGATIONS or bool(_NEGATED_CONTRACTIONS.search(self.lower))

    @property
    def breaks_clause(self) -> bool:
        return self.lower in CLAUSE_BREAKS


def lemma(word: str) -> str:
    """The dictionary form of an English word, as far as regular endings allow:
    ``hangovers`` → ``hangover``, ``allergies`` → ``allergy``, ``fought`` → ``fight``.
    Verb forms of the words a rule names are recognised exactly by :func:`inflections`;
    this fallback only strips what is unambiguous (plural and third-person -s)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if len(w) <= 3 or _KEEP_ENDING.search(w):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("aches") and not w.endswith(("eaches", "oaches")):
        return w[:-1]  # headaches, aches (but beaches, coaches)
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def inflections(word: str) -> frozenset[str]:
    """Every regular form of a lemma, verb or noun: ``cure`` → cure, cures, cured,
    curing; ``stop`` → stops, stopped, stopping; ``allergy`` → allergies, allergied…
    (over-generation is harmless: the forms are only compared with real words)."""
    w = word.lower()
    forms = {w}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied", w + "ing"}
    elif w.endswith("e") and not w.endswith("ee"):
        forms |= {w + "s", w + "d", w[:-1] + "ing"}
    elif w.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {w + "es", w + "ed", w + "ing"}
    else:
        forms |= {w + "s", w + "ed", w + "ing"}
        if len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms |= {k for k, v in _IRREGULAR.items() if v == w}
    return frozenset(forms)


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Words, numbers and punctuation of ``text`` with offsets and lemmas (cached: the
    same field is read by every structure rule)."""
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        if m.start() > 0 and text[m.start() - 1] == "#" and _CAMEL.search(raw):
            # a hashtag's words: "#HangoverCure" claims what "hangover cure" does (brand names
            # outside hashtags stay whole: "HealFast" is a name, not a claim)
            for part in _CAMEL_PART.finditer(raw):
                piece = part.group(0)
                start = m.start() + part.start()
                out.append(Token(piece, start, start + len(piece), piece.lower(), lemma(piece), True))
            continue
        lower = raw.lower()
        word = raw[:1].isalpha()
        out.append(Token(raw, m.start(), m.end(), lower, lemma(raw) if word else lower, word))
    return tuple(out)


def clause_start(toks: tuple[Token, ...], index: int) -> int:
    """Index of the first token of the clause containing ``toks[index]``."""
    i = index
    while i > 0 and not toks[i - 1].breaks_clause:
        i -= 1
    return i


def negated(toks: tuple[Token, ...], index: int, window: int = 8) -> bool:
    """Whether a negation precedes ``toks[index]`` in the same clause, within ``window``
    words: "does not cure", "isn't a cure", "no cure for", "never claims to prevent". A
    comma inside a list ("not intended to diagnose, treat, cure or prevent") does not end
    the clause; any other comma does ("no sugar, cures colds" is a claim)."""
    words = 0
    k = index - 1
    while k >= 0 and words < window:
        t = toks[k]
        if t.text == "," and _in_list(toks, k):
            k -= 1
            continue
        if t.breaks_clause:
            return False
        if t.negates:
            return True
        words += t.is_word
        k -= 1
    return False


def _in_list(toks: tuple[Token, ...], comma: int) -> bool:
    """Whether the comma at ``comma`` separates single words of a list ("a, b, c or d")."""
    nxt = comma + 2
    return nxt < len(toks) and toks[comma + 1].is_word and toks[nxt].lower in (",", "or", "and")


def token_at(toks: tuple[Token, ...], offset: int) -> int:
    """Index of the token that contains (or precedes) character ``offset``."""
    return max(0, bisect_right([t.start for t in toks], offset) - 1)
