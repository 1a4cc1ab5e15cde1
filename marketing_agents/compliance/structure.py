"""Rule kinds that read the structure of a claim instead of a list of phrases.

``claim-verb``: a claim verb (cure, treat, prevent, relieve, protect against, reduce
the risk of …) followed by its object. What makes it a health claim is the object: a
condition, recognised by the lexicon the rule names *and* by word formation (the
suffixes of disease names, -itis, -osis, -algia …; head nouns such as pain, disorder,
infection), so a condition nobody listed ("cures hangovers", "heals joint pain",
"relieves bloating") is caught while "prevents spills" and "fights stains" are not.
Verbs in ``any_object`` ("cure", "heal") claim something whatever follows, except the
figurative objects in ``allowed_objects``. A negation in the same clause ("does not
treat", "not a cure") makes it no claim; an object the brief's evidence names is
substantiated.

``endorsement``: a group of people (doctors, athletes, chefs, vets, mums …) with an
endorsing verb in either voice ("athletes swear by", "recommended by vets", "as used by
Hollywood stars", "dermatologist-approved"); the advertiser's own staff ("our chefs")
is not a third-party endorsement. Evidence that names the group (a vets' survey for
"recommended by vets") or matches ``unless_evidence`` substantiates it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .morphology import Token, inflections, lemma, negated, tokens
from .rules import BaseRule

# Words after which the object of a claim verb has ended.
_OBJECT_ENDS = frozenset({
    "in", "with", "for", "after", "at", "on", "by", "from", "while", "when", "during", "so", "then", "to",
    "into", "like", "as", "because", "thanks", "without", "every", "each", "all", "day", "fast", "quickly",
    "naturally", "instantly", "overnight", "forever", "again", "too", "also",
})
_OWN = frozenset({"our", "my", "we"})
_DETERMINERS = frozenset({"a", "the", "your", "my", "common", "winter", "summer", "seasonal", "head", "chest", "nasty",
                          "every", "that", "this", "any", "those"})


def _phrase(text: str) -> tuple[frozenset[str], ...]:
    """A multi-word verb as one set of accepted forms per word; ``*`` is any one word."""
    return tuple(frozenset({"*"}) if w == "*" else inflections(w) for w in text.lower().split())


@lru_cache(maxsize=256)
def _phrases(entries: tuple[str, ...]) -> dict[str, tuple[tuple[frozenset[str], ...], ...]]:
    """The phrases by the forms of their first word, longest first: one dictionary
    lookup per token decides whether any phrase can start there."""
    index: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for phrase in sorted((_phrase(e) for e in entries), key=len, reverse=True):
        for form in phrase[0]:
            index.setdefault(form, []).append(phrase)
    return {form: tuple(phrases) for form, phrases in index.items()}


def _longest_at(toks: tuple[Token, ...], i: int, entries: tuple[str, ...]) -> int:
    """Tokens matched at ``toks[i]`` by the longest of ``entries`` (0: none)."""
    for phrase in _phrases(entries).get(toks[i].lower, ()):
        n = _match_at(toks, i, phrase)
        if n:
            return n
    return 0


def _match_at(toks: tuple[Token, ...], i: int, phrase: tuple[frozenset[str], ...]) -> int:
    """Tokens matched by ``phrase`` starting at ``toks[i]`` (0 when it does not match);
    words of a hyphenated compound count one by one ("ward-off" too)."""
    j = i
    for forms in phrase:
        while j < len(toks) and toks[j].text == "-":
            j += 1
        if j >= len(toks) or not toks[j].is_word or ("*" not in forms and toks[j].lower not in forms):
            return 0
        j += 1
    return j - i


class ClaimVerbRule(BaseRule):
    """A claim verb (or claim noun: "a cure for") whose object is a condition."""

    kind: Literal["claim-verb"]
    verbs: list[str]
    any_object: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    conditions: list[str] = Field(default_factory=list)
    condition_suffixes: list[str] = Field(default_factory=list)
    condition_heads: list[str] = Field(default_factory=list)
    allowed_objects: list[str] = Field(default_factory=list)
    # Conditions that are also adjectives ("cold"): one only as a noun, i.e. plural or
    # after a determiner ("colds", "a cold", "the common cold"), not in "keeps drinks cold".
    noun_only: list[str] = Field(default_factory=list)
    object_words: int = Field(default=6, ge=1, le=12)

    def check(self, context: RuleContext) -> list[Finding]:
        findings = []
        for f in context.in_scope(self):
            toks = tokens(f.text)
            i = 0
            while i < len(toks):
                span = self._claim_at(toks, i, context)
                if span is None:
                    i += 1
                    continue
                start, end, last = span
                excerpt = f.text[start:end]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}."
                findings.append(make_finding(self, f, (start, end), fix, desc))
                i = last + 1
        return findings

    def _claim_at(self, toks: tuple[Token, ...], i: int, context: RuleContext) -> tuple[int, int, int] | None:
        """(start, end, last token index) of a claim that starts at ``toks[i]``, if any."""
        if not toks[i].is_word:
            return None
        verb_len = _longest_at(toks, i, tuple(self.verbs))
        any_object = bool(verb_len) and any(toks[i].lower in inflections(v) for v in self.any_object)
        if not verb_len:
            noun_len = _longest_at(toks, i, tuple(self.nouns))
            if not noun_len:
                return None
            verb_len, any_object = noun_len, True
            if i + verb_len < len(toks) and toks[i + verb_len].lower in ("for", "to"):
                verb_len += 1
        if negated(toks, i):
            return None
        obj = self._object(toks, i + verb_len)
        objects = [t for t in obj if t.is_word]
        if any(self._allowed(t) for t in objects):
            return None
        following: list[Token | None] = [*objects[1:], None] if objects else []
        condition = [t for t, after in zip(objects, following, strict=True) if self._condition(t, after)
                     and self._as_noun(t, objects)]
        if not condition and not (any_object and (objects or verb_len > 1 or toks[i].lower in self._noun_forms())):
            return None
        if condition and self._evidenced(condition, context):
            return None
        last = (condition[-1] if condition else (objects[-1] if objects else toks[i + verb_len - 1]))
        last_index = toks.index(last)
        return toks[i].start, last.end, last_index

    def _noun_forms(self) -> frozenset[str]:
        return frozenset(f for n in self.nouns for f in inflections(n))

    def _object(self, toks: tuple[Token, ...], j: int) -> list[Token]:
        out: list[Token] = []
        words = 0
        while j < len(toks) and words < self.object_words:
            t = toks[j]
            if t.breaks_clause and t.text != ",":
                break
            if t.text == "," and not (j + 1 < len(toks) and toks[j + 1].lower in ("and", "or")):
                break
            if t.is_word and t.lower in _OBJECT_ENDS and out:
                break
            out.append(t)
            words += t.is_word
            j += 1
        return out

    def _allowed(self, t: Token) -> bool:
        return t.lemma in _set(tuple(self.allowed_objects)) or t.lower in _set(tuple(self.allowed_objects))

    def _condition(self, t: Token, following: Token | None) -> bool:
        names = _set(tuple(self.conditions))
        if t.lemma in names or t.lower in names:
            return True
        if following is not None and f"{t.lemma} {following.lemma}" in names:
            return True
        if len(t.lower) > 5 and t.lower.endswith(tuple(self.condition_suffixes)):
            return True
        return t.lemma in _set(tuple(self.condition_heads))

    def _as_noun(self, t: Token, objects: list[Token]) -> bool:
        if t.lower not in _set(tuple(self.noun_only)):
            return True
        k = objects.index(t)
        return k > 0 and objects[k - 1].lower in _DETERMINERS

    def _evidenced(self, condition: list[Token], context: RuleContext) -> bool:
        evidence = {lemma(w) for item in context.evidence for w in _words(item)}
        return any(t.lemma in evidence for t in condition)


@lru_cache(maxsize=256)
def _set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _words(text: str) -> list[str]:
    return [t.text for t in tokens(text) if t.is_word]


class EndorsementRule(BaseRule):
    """A group of people endorsing the product, in either voice, without evidence."""

    kind: Literal["endorsement"]
    groups: list[str]
    verbs: list[str]
    passive: list[str] = Field(default_factory=list)
    compounds: list[str] = Field(default_factory=list)
    gap: int = Field(default=2, ge=0, le=5)
    unless_evidence: list[str] = Field(default_factory=list)

    def check(self, context: RuleContext) -> list[Finding]:
        if context.evidence_matches(self.unless_evidence):
            return []
        evidence = {lemma(w) for item in context.evidence for w in _words(item)}
        findings = []
        for f in context.in_scope(self):
            toks = tokens(f.text)
            for start, end, group in self._spans(toks):
                if group.lemma in evidence:
                    continue  # the brief documents this group's endorsement
                excerpt = f.text[start:end]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}."
                findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings

    def _group(self, t: Token) -> bool:
        return t.is_word and (t.lemma in _set(tuple(self.groups)) or t.lower in _set(tuple(self.groups)))

    def _spans(self, toks: tuple[Token, ...]) -> list[tuple[int, int, Token]]:
        """(start, end, group word) of each endorsement."""
        spans: list[tuple[int, int, Token]] = []
        taken = -1
        for i, t in enumerate(toks):
            if i <= taken or not self._group(t) or negated(toks, i, 3):
                continue
            if i > 0 and toks[i - 1].lower in _OWN:
                continue
            end = self._after_group(toks, i)
            if end is not None:
                spans.append((t.start, toks[end].end, t))
                taken = end
        for i in range(len(toks)):
            if i <= taken:
                continue
            n = _longest_at(toks, i, tuple(self.passive))
            if not n:
                continue
            for k in range(i + n, min(len(toks), i + n + 4)):
                if toks[k].breaks_clause:
                    break
                if self._group(toks[k]) and toks[k - 1].lower not in _OWN:
                    spans.append((toks[i].start, toks[k].end, toks[k]))
                    taken = k
                    break
        return sorted(spans, key=lambda s: s[0])

    def _after_group(self, toks: tuple[Token, ...], i: int) -> int | None:
        """Index of the last token of an endorsement whose group word is ``toks[i]``."""
        j = i + 1
        if j + 1 < len(toks) and toks[j].text == "-":
            if any(toks[j + 1].lower in inflections(c) for c in self.compounds):
                return j + 1
            return None
        skipped = 0
        while j < len(toks) and skipped <= self.gap:
            if toks[j].breaks_clause and toks[j].text != ":":
                return None
            n = _longest_at(toks, j, tuple(self.verbs))
            if n:
                return j + n - 1
            if self._group(toks[j]):
                return None
            if toks[j].text == ":":
                return None
            skipped += toks[j].is_word
            j += 1
        return None
