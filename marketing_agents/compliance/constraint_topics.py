"""What a brief's ban on a topic bans: each thing it lists, read as a reviewer reads it.

"Don't mention viruses, flu or COVID" lists three things; "No sign-up bonuses or referral
offers" two, each a phrase; "Don't promise better sleep" one phrase of two words. A reviewer
holds copy to each listed thing as a whole: "better sleep" is broken by "sleep better" but not
by "a better pillow"; "alcohol content" by "alcohol content" but not by the word "cider"; "the
panels pay for themselves" by that promise, not by the word "panels" in solar copy. So:

* the topic is split into its alternatives (commas, "or", "and", "/"), and what only frames the
  ban is dropped: its scope ("in any post", "on posters", "anywhere", "at all", "of any kind"),
  the exception it allows ("unless …", "except …"), and what a claim is made for ("No health
  claims for the bowl" is about health claims);
* a one-word alternative is that word and its semantic field in lexicon.yaml (as before);
* a longer alternative whose head word has a field ("interest rates") is that field and the
  phrase; any other is its content words together in one sentence, in any order.

A hyphenated compound ("chemical-free", "sign-up") is one word: "free" alone is not banned by
"Don't describe it as chemical-free".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import permutations

from ..text import FILLER, term_regex
from .paraphrase import value_patterns

_SPLIT = re.compile(r",|/|;|\bor\b|\bnor\b|\band\b", re.IGNORECASE)  # the parts are stripped
_SCOPE_NOUNS = (r"posts?|posters?|ads?|adverts?|advertising|search ads|headlines?|captions?|copy|campaigns?|materials?|"
                r"emails?|social(?: media)?|channels?|assets?|creative|comms|communications|marketing|visuals?|images?")
# what frames the ban, from where it starts to the end of the topic
_TAIL = re.compile(
    rf"(?<!\s)\s+(?:(?:in|on|across|from|within|throughout)\s+(?:any|all|the|our|every|each|this|these|a)?\s*(?:{_SCOPE_NOUNS})\b"
    r"|anywhere\b|at all\b|of any (?:kind|sort|type)\b|in any (?:form|way|shape)\b|whatsoever\b|ever\b|either\b"
    r"|unless\b|except\b|other than\b|without\b|by name\b).*$",
    re.IGNORECASE,
)
# "health claims for the bowl" is about health; "claims about the ocean or rivers" about those
_CLAIMS = re.compile(r"\bclaims?\b(?:\s+(?:about|of|that|for|on|regarding|around))?", re.IGNORECASE)
_LEAD = re.compile(r"^(?:(?:no|any|all|other|the|our|your|a|an|some|plain|mentions? of|references? to|talk of|"
                   r"specific|exact|actual|particular|precise|concrete|named)\s+)+", re.IGNORECASE)
# the reason after the ban ("the Manchester site, it hasn't opened yet"; "sale - we're not a discount brand")
# the words a reason opens with, here and where a whole clause is one (constraints.py)
REASON_WORDS = (r"(?:it|it['’]s|they|they['’]re|we|we['’]re|this|that|that['’]s|these|those|there|there['’]s|our|legal|"
                r"because|as|since|which|so)")
_REASON = re.compile(rf"(?:,\s*(?={REASON_WORDS}\b)|(?<!\s)\s[-–—]\s|(?<!\s)\s*\(|;).*$", re.IGNORECASE)
_NAME = re.compile(r"(?-i:[A-Z][\w'’&-]*)")
_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def alternatives(topic: str) -> list[list[str]]:
    """The content words of each thing ``topic`` lists, scope and exceptions dropped."""
    head = _TAIL.sub("", " " + _REASON.sub("", topic.strip()).rstrip(".!")).strip()
    claims = _CLAIMS.search(head)
    if claims:
        before = head[: claims.start()]
        head = before if _content(before) else head[claims.end():]
    out: list[list[str]] = []
    for part in _SPLIT.split(head):
        part = _LEAD.sub("", part.strip())
        words = _content(part)
        if words:
            out.append(words)
    return out


def _verb_form(word: str) -> bool:
    """Whether ``word`` looks like an inflected verb ("treats", "prevents", "cured")."""
    return word.isalpha() and len(word) > 3 and word.lower().endswith(("s", "ed", "ing"))


def _content(text: str) -> list[str]:
    return [w for w in _WORD.findall(text) if w.lower() not in FILLER and not w.isdigit()]


def together(words: list[str]) -> str:
    """A pattern of ``words`` (any inflection) in one sentence, in any order."""
    parts = [term_regex(w, stems=w.replace("-", "").isalpha()) for w in words]
    gap = r"(?:(?![.!?\n])[\s\S]){0,60}?"  # within the sentence
    if len(parts) > 3:  # said in its own order, the words apart
        return r"(?<!\w)" + gap.join(parts) + r"(?!\w)"
    return r"(?<!\w)(?:" + "|".join(gap.join(order) for order in permutations(parts)) + r")(?!\w)"


def _has_field(field: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """Whether a word's field is more than the word itself."""
    return len(field[0]) > 1 or bool(field[1])


def topic_terms(
    topic: str, field_of: Callable[[str], tuple[tuple[str, ...], tuple[str, ...]]]
) -> tuple[list[str], list[str]]:
    """(terms, patterns) a ban on ``topic`` finds; ``field_of(word)`` is the word's semantic
    field in the lexicon as (terms, patterns), the word itself first."""
    terms: list[str] = []
    patterns: list[str] = []
    listed = alternatives(topic)
    for i, words in enumerate(listed[:-1]):  # "treats or prevents fleas": each verb with the object
        after = listed[i + 1]
        if len(words) == 1 and len(after) > 1 and _verb_form(words[0]) and _verb_form(after[0]):
            listed[i] = [words[0], *after[1:]]
    for words in listed:
        kinds = value_patterns(" ".join(words)) if len(words) > 1 else []
        if kinds:  # "a release date", "the delivery dates": any value of the kind
            patterns += kinds
        names = [w for w in words if _NAME.fullmatch(w)]
        if names and len(names) < len(words):  # "the Manchester site": the name is the thing
            terms.append(" ".join(names))
            continue
        if len(words) == 1 or names:  # a word, or a name ("Black Friday")
            t, p = field_of(" ".join(words))
            terms += t
            patterns += p
            continue
        fields = [field_of(" ".join(words)), field_of(words[-1])]  # "weight loss", "interest rates"
        fields = [f for f in fields if _has_field(f)] or [f for f in map(field_of, words) if _has_field(f)]
        for t, p in fields[:1] if fields and fields[0] else fields:
            terms += t[1:] if " " in t[0] else t
            patterns += p
        patterns.append(together(words))
    return list(dict.fromkeys(terms)), list(dict.fromkeys(patterns))

