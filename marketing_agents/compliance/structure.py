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

Conditions are also named without their names: a symptom adjective with a body part
("a pounding head", "an irritable bowel", "stiff knees"). A condition is claimed cured
without a claim verb when it is the subject of a resolving predicate ("the blister
never shows up", "restlessness settles down"), and a claim verb or resolving predicate
whose object or subject is a pronoun claims the condition the sentence before named
("Cold coming on? … stops it in its tracks"): the problem-solution shape of an implied
disease claim. Restoration outcomes ("moving again", "back to where your doctor wants
them") claim a cure when the sentence or the one before names a condition or a medical
test result. A condition that is the documented function of a cosmetic (``functions``:
sunburn for a tested SPF) is substantiated by that evidence.

``endorsement``: a group of people (doctors, athletes, chefs, vets, mums …) with an
endorsing verb in either voice ("athletes swear by", "recommended by vets", "as used by
Hollywood stars", "dermatologist-approved"); the advertiser's own staff ("our chefs")
is not a third-party endorsement. Evidence that names the group (a vets' survey for
"recommended by vets") or matches ``unless_evidence`` substantiates it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import Field, PrivateAttr

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import any_pattern
from .morphology import Token, inflections, lemma, negated, tokens
from .objectivity import unrepresentative
from .rules import BaseRule
from .survey_share import minority_survey, overstates, states_share, survey_ceiling

# Words after which the object of a claim verb has ended.
_OBJECT_ENDS = frozenset({
    "in", "with", "for", "after", "at", "on", "by", "from", "while", "when", "during", "so", "then", "to",
    "into", "like", "as", "because", "thanks", "without", "every", "each", "all", "fast", "quickly",
    "naturally", "instantly", "overnight", "forever", "again", "too", "also",
    "between", "until", "till",  # round 5: "soothes dry skin between flare-ups" (a time, not the object)
})
_OWN = frozenset({"our", "my", "we"})
_OWN_STAFF = frozenset({"our", "we"})
# What follows a claim verb used without an object in its non-medical sense ("cures in
# 24 hours", "heals overnight" of a resin or a self-healing film).
_INTRANSITIVE_AFTER = frozenset({"in", "within", "overnight", "fully", "completely", "hard", "clear", "quickly",
                                 "fast", "solid", "at"})
# Pronouns that refer back to a condition named in the sentence before ("… stops it").
_ANAPHORA = frozenset({"it", "them", "this", "that", "these", "those", "they", "it's", "they're", "that's", "its"})
_SUBJECT_DETERMINERS = frozenset({"the", "your", "that", "those", "any", "every"})
# a determiner before a participle makes it an adjective of the noun after it, not a claim verb
_ADJECTIVE_DETERMINERS = frozenset({"a", "an", "any", "your", "their", "his", "her", "my", "our", "the", "this",
                                    "that"})
_TROUBLES = frozenset({"problem", "trouble", "issue", "complaint", "condition", "disorder", "damage", "failure"})
# What "cure", "heal", "remedy" claim of when no condition is named: the body and its parts.
_HEALTH_OBJECTS = frozenset({"skin", "body", "wound", "cut", "scar", "lip", "tissue", "cell", "hair", "everything",
                             "anything", "all", "ill", "ills", "ailment", "you", "yourself", "mind", "gut", "sore",
                             "graze", "burn", "bite", "sting", "bruise", "eye", "ear", "nail", "scalp", "organ",
                             "system", "patient", "kid", "child", "baby", "dog", "cat", "pet", "naturally", "fast"})
# Condition words often used of things ("parking headaches", "cabin fever", "growing pains") and
# the modifiers that keep them medical ("tension headaches", "a high fever").
_FIGURATIVE_HEADS = frozenset({"headache", "pain", "fever", "nightmare", "allergy"})
_MEDICAL_MODIFIERS = frozenset({"tension", "cluster", "sinus", "chronic", "acute", "recurring", "persistent", "severe",
                                "mild", "morning", "nighttime", "night-time", "hormonal", "menstrual", "period",
                                "muscle", "nerve", "high", "scarlet", "glandular", "yellow", "dengue", "typhoid",
                                "rheumatic", "hay", "post-workout", "everyday", "daily", "occasional", "nagging",
                                "pounding", "throbbing", "splitting", "dull", "sharp", "shooting", "stabbing",
                                "constant", "frequent", "bad", "terrible", "awful", "monthly", "winter", "summer",
                                "seasonal", "food", "pollen", "dust", "pet", "nut", "peanut", "milk", "gluten"})
_THING_MODIFIERS = frozenset({"cabin", "spring", "football", "cup", "christmas", "holiday", "admin", "tech", "money",
                              "it", "paperwork", "tax", "wedding", "travel", "planning", "moving", "growing", "payroll",
                              "inbox", "email", "commute", "traffic", "logistics", "compliance", "billing", "bieber",
                              "election", "transfer", "festival", "gold", "disco", "olympic", "world", "saturday",
                              "friday", "monday", "sunday", "budget", "printer", "wifi"})
# Evidence that the product is a registered medical device or a licensed medicine.
_REGISTERED = [r"\b(?:CE|UKCA)[- ]marked\b", r"\bmedical device\b", r"\bPL \d{4,5}/\d{4}\b", r"\blicensed medicine\b",
               r"\bmarketing authori[sz]ation\b", r"\bTHR \d", r"\btraditional herbal registration\b"]
_PURPOSE = re.compile(r"\b(?:for|indications?:?|indicated for|to treat|treats?)\s+([^.;]+)", re.IGNORECASE)
_PURPOSE_FILLER = frozenset({"minor", "mild", "adults", "children", "people", "temporary", "relief", "symptoms",
                             "treatment", "the", "and", "with", "from", "use", "daily"})
_CONDITION_NOUNS = frozenset({"answer", "solution", "fix", "help", "weapon", "secret", "relief", "defence", "defense",
                              "protection", "shield", "barrier"})
# A condition then a participle that settles it, across a comma, colon or question mark:
# "psoriasis, soothed", "Sore throat? Sorted."
_SETTLED = frozenset({"soothed", "sorted", "fixed", "handled", "gone", "calmed", "banished", "cured", "solved",
                      "beaten", "tamed", "done", "covered", "eased", "relieved", "zapped", "nixed", "vanquished",
                      "over"})
# The reader's use of the product as a verb's object ("stop using it if irritation occurs",
# "discontinue taking them if …"): a safety instruction, whatever condition follows.
_USE_GERUNDS = frozenset({"using", "taking", "applying", "wearing", "eating", "drinking", "chewing", "giving",
                          "swallowing", "inhaling", "spraying"})
_BIOCIDE_VERBS = frozenset({"kill", "destroy", "eliminate", "kills", "destroys", "eliminates"})
_MEDICAL_NOUNS = frozenset({"relief", "cure", "remedy", "treatment", "medicine", "medication", "buster", "reliever"})
# Objects that refer back to the problem named before: "… settle things down", "sort it all out".
_ANAPHORIC_OBJECTS = frozenset({"it", "them", "this", "that", "these", "those", "they", "things", "everything"})
_CONTRACTED_COPULA = frozenset({"it's", "they're", "that's"})
_SENTENCE_ENDS = frozenset({".", "!", "?", "\n"})
# After a noun-only condition ("cold"), words that make it the noun: "Cold coming on?", "cold and flu".
_NOUN_CUES = frozenset({"coming", "and", "or", "symptoms", "season", "sore", "sores", "virus", "remedy"})
_DETERMINERS = frozenset({"a", "the", "your", "my", "common", "winter", "summer", "seasonal", "head", "chest", "nasty",
                          "every", "that", "this", "any", "those"})


def _phrase(text: str) -> tuple[frozenset[str], ...]:
    """A multi-word verb as one set of accepted forms per word; ``*`` is any one word. A
    hyphenated word is its parts ("bye-bye to" matches the tokens bye, bye, to: the
    tokenizer splits at the hyphen, and the matcher skips it)."""
    return tuple(frozenset({"*"}) if w == "*" else inflections(w) for w in text.lower().replace("-", " ").split())


PhraseIndex = dict[str, tuple[tuple[frozenset[str], ...], ...]]


def _phrases(entries: list[str]) -> PhraseIndex:
    """The phrases by the forms of their first word, longest first: one dictionary
    lookup per token decides whether any phrase can start there."""
    index: dict[str, list[tuple[frozenset[str], ...]]] = {}
    for phrase in sorted((_phrase(e) for e in entries), key=len, reverse=True):
        for form in phrase[0]:
            index.setdefault(form, []).append(phrase)
    return {form: tuple(phrases) for form, phrases in index.items()}


def _longest_at(toks: tuple[Token, ...], i: int, index: PhraseIndex) -> int:
    """Tokens matched at ``toks[i]`` by the longest phrase of ``index`` (0: none)."""
    for phrase in index.get(toks[i].lower, ()):
        n = _match_at(toks, i, phrase)
        if n:
            return n
    return 0


def _slots(toks: tuple[Token, ...], i: int, index: PhraseIndex) -> list[Token]:
    """The tokens that the ``*`` slots of the longest phrase matched at ``toks[i]`` stand on."""
    for phrase in index.get(toks[i].lower, ()):
        if _match_at(toks, i, phrase):
            out, j = [], i
            for forms in phrase:
                while toks[j].text == "-":
                    j += 1
                if "*" in forms:
                    out.append(toks[j])
                j += 1
            return out
    return []


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
    # Objects that make kill / destroy / eliminate a biocidal claim ("kills 99.9% of bacteria")
    biocide_objects: list[str] = Field(default_factory=list)
    compound_tails: list[str] = Field(default_factory=list)
    object_words: int = Field(default=6, ge=1, le=12)
    # Prescribed wordings that make the field an authorised claim, not a disease claim:
    # an EU art. 14 risk-reduction claim states the risk factor ("… is a risk factor in
    # the development of coronary heart disease") with its conditions of use.
    unless_field: list[str] = Field(default_factory=list)
    # Predicates that end a condition named as their subject: "your insomnia is history",
    # "panic attacks become a thing of the past" claim a cure without a claim verb.
    endings: list[str] = Field(default_factory=list)
    # A condition named by its symptom: a symptom adjective before a body part ("pounding head").
    symptoms: list[str] = Field(default_factory=list)
    body_parts: list[str] = Field(default_factory=list)
    # Predicates that resolve a condition named as their subject, no copula needed: "the
    # blister never shows up", "restlessness settles down", "the rash disappears".
    resolutions: list[str] = Field(default_factory=list)
    # Restoration outcomes: a cure claimed when the sentence or the one before names a
    # condition ("Stiff knees? … gets them moving again").
    outcomes: list[str] = Field(default_factory=list)
    # Claim nouns after a condition: "arthritis relief", "hangover cure", "eczema treatment".
    claim_nouns: list[str] = Field(default_factory=list)
    # Product nouns that, before "for", indicate the product for its object: "gummies for
    # restless legs", "a balm for eczema" (a condition object makes it a disease claim).
    indications: list[str] = Field(default_factory=list)
    # Words that name a condition only as the problem of a problem-solution pair (a medical
    # test result, sleeplessness in words): "Worried about your last blood test?"
    problem_words: list[str] = Field(default_factory=list)
    # A condition that is a cosmetic's documented function: condition -> evidence patterns
    # ("sunburn": SPF tested to ISO 24444); the claim is then the product's lawful purpose.
    functions: dict[str, list[str]] = Field(default_factory=dict)
    # A financial product (``financial_product``: the product's name or its evidence) names
    # conditions as what it pays for or as a figure of speech about money: "diabetes, arthritis:
    # covered for life" in pet insurance, "a bruised credit file … clear it each month". A
    # sentence of such a campaign that speaks of cover, claims or the account
    # (``financial_sentence``) makes no claim about a body.
    financial_product: list[str] = Field(default_factory=list)
    financial_sentence: list[str] = Field(default_factory=list)
    _lex: _VerbLexicon = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        """Index the word lists once: a check then costs a few set lookups per word."""
        self._lex = _VerbLexicon(
            verbs=_phrases(self.verbs), nouns=_phrases(self.nouns), any_object=_forms(self.any_object),
            noun_forms=_forms(self.nouns),
            # each listed name and its singular ("night sweats" is also "night sweat")
            conditions=frozenset(w.lower() for w in self.conditions)
            | frozenset(" ".join(lemma(x) for x in w.lower().split()) for w in self.conditions),
            condition_forms=_forms(self.conditions), suffixes=tuple(self.condition_suffixes),
            heads=frozenset(w.lower() for w in self.condition_heads), allowed=_forms(self.allowed_objects),
            noun_only=frozenset(w.lower() for w in self.noun_only),
            compound_tails=frozenset(w.lower() for w in self.compound_tails), endings=_phrases(self.endings),
            symptoms=_forms(self.symptoms) | frozenset(w.lower() for w in self.symptoms),
            body_parts=frozenset(lemma(w) for w in self.body_parts) | frozenset(w.lower() for w in self.body_parts),
            resolutions=_phrases(self.resolutions), outcomes=_phrases(self.outcomes),
            problems=_phrases(self.problem_words), claim_nouns=frozenset(lemma(w) for w in self.claim_nouns),
            indications=frozenset(lemma(w) for w in self.indications), biocides=_forms(self.biocide_objects),
            glued_verbs=_by_prefix({_glued(v) for v in self.verbs if "*" not in v and len(_glued(v)) >= 3}),
            glued_conditions=frozenset(_glued(c) for c in self.conditions)
            | frozenset(_glued(c) + "s" for c in self.conditions),
        )

    def check(self, context: RuleContext) -> list[Finding]:
        lex = self._lex
        findings = []
        financial = bool(self.financial_product) and any_pattern(
            "\n".join([*context.product_names, *context.evidence]), self.financial_product)
        for f in context.in_scope(self):
            if self.unless_field and any_pattern(f.text, self.unless_field):
                continue
            toks = tokens(f.text)
            sentence = _sentence_index(toks)
            i = 0
            while i < len(toks):
                span = self._claim_at(toks, i, context, lex, sentence)
                if span is None:
                    i += 1
                    continue
                start, end, last = span
                i = last + 1
                if financial and any_pattern(f.text[slice(*f.sentence_bounds(start, end))], self.financial_sentence):
                    continue
                excerpt = f.text[start:end]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}."
                findings.append(make_finding(self, f, (start, end), fix, desc))
            for start, end in _hashtag_claims(f.text, lex):
                if not any(x.issue.span and x.issue.field == f.path and x.issue.span.start < end
                           and start < x.issue.span.end for x in findings):
                    excerpt = f.text[start:end]
                    fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                    desc = f"{self.message} Found {quoted(excerpt)}."
                    findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings

    def _claim_at(
        self, toks: tuple[Token, ...], i: int, context: RuleContext, lex: _VerbLexicon, sentence: list[int]
    ) -> tuple[int, int, int] | None:
        """(start, end, last token index) of a claim that starts at ``toks[i]``, if any."""
        if not toks[i].is_word:
            return None
        compound = (self._compound_at(toks, i, lex) or self._ended_at(toks, i, lex, sentence, context)
                    or self._outcome_at(toks, i, lex, sentence))
        if compound is not None:
            return compound
        verb_len = _longest_at(toks, i, lex.verbs)
        if not verb_len and toks[i].lemma in lex.indications and i + 1 < len(toks) and toks[i + 1].lower == "for":
            verb_len = 2  # a product indicated for a condition: "gummies for restless legs"
        any_object = bool(verb_len) and toks[i].lower in lex.any_object
        if not verb_len:
            noun_len = _longest_at(toks, i, lex.nouns)
            if not noun_len:
                return None
            # "a cure", "a remedy" claim whatever follows; "the answer to", "a fix for" only with a condition
            verb_len, any_object = noun_len, toks[i].lower not in _CONDITION_NOUNS
            if i + verb_len < len(toks) and toks[i + verb_len].lower in ("for", "to"):
                verb_len += 1
        if negated(toks, i) or (i >= 2 and toks[i - 1].text == "-" and toks[i - 2].lower == "self"):
            return None  # "does not cure"; "self-healing case" describes the object, not a body
        if verb_len == 1 and i >= 1 and toks[i].lower.endswith("ed") and toks[i - 1].lower in _ADJECTIVE_DETERMINERS:
            return None  # round 6: a participle as an adjective ("if you have a diagnosed condition")
        # the words in a phrase's "*" slot are its object too: "stops it in its tracks"
        obj = _slots(toks, i, lex.verbs) + self._object(toks, i + verb_len)
        objects = [t for t in obj if t.is_word]
        if objects and (objects[-1].lemma in lex.allowed or objects[-1].lower in lex.allowed):
            return None  # the object's head is ordinary: "prevents spills", "fights stubborn stains"
        if objects and objects[0].lower in _USE_GERUNDS:
            return None  # round 7: "stop using it if irritation occurs": the reader's use is stopped, not a condition
        if toks[i].lemma in _BIOCIDE_VERBS and any(t.lemma in lex.biocides or t.lower in lex.biocides for t in objects):
            return None  # "kills 99.9% of bacteria": a biocide's claim, not a disease claim
        following: list[Token | None] = [*objects[1:], None] if objects else []
        condition = [t for t, after in zip(objects, following, strict=True) if ((self._condition(t, after, lex)
                     and self._as_noun(t, objects, lex)) or self._hyphenated(toks, toks.index(t), lex))
                     and not self._figurative(toks, toks.index(t))]
        # a two-word condition's name ("tooth decay") may be a documented cosmetic function
        named = [f"{t.lemma} {after.lemma}" for t, after in zip(objects, following, strict=True)
                 if after is not None and t in condition and f"{t.lemma} {after.lemma}" in lex.conditions]
        if not condition and objects and objects[0].lower in _ANAPHORIC_OBJECTS \
                and self._named_before(toks, i, lex, sentence, same=False):
            condition = [objects[0]]  # "Cold coming on? … stops it in its tracks"
        if not condition and not (any_object and (objects or verb_len > 1 or toks[i].lower in lex.noun_forms)):
            return None
        if not condition and objects and not any(t.lemma in lex.body_parts or t.lower in _HEALTH_OBJECTS
                                                 or t.lemma in _HEALTH_OBJECTS for t in objects):
            return None  # "the cure for boring runs", "heal the divide": no body, no condition
        after = toks[i + verb_len] if i + verb_len < len(toks) else None
        if not condition and after is not None and after.lower in _INTRANSITIVE_AFTER:
            return None  # "the sealant cures in 24 hours": the chemical sense, no object
        if condition and self._evidenced(condition, context, named):
            return None
        if condition and self._device_purpose(toks, i, sentence, context):
            return None
        last = (condition[-1] if condition else (objects[-1] if objects else toks[i + verb_len - 1]))
        last_index = toks.index(last)
        if last.lower in lex.symptoms and last_index + 1 < len(toks) and toks[last_index + 1].lemma in lex.body_parts:
            last_index += 1  # "the pounding head": the symptom's body part ends the claim
            last = toks[last_index]
        return toks[i].start, last.end, last_index

    def _object(self, toks: tuple[Token, ...], j: int) -> list[Token]:
        out: list[Token] = []
        words = 0
        while j < len(toks) and words < self.object_words:
            t = toks[j]
            if t.breaks_clause and t.text != ",":
                break
            if t.text == "," and not (j + 1 < len(toks) and (toks[j + 1].lower in ("and", "or")
                                                           or toks[j + 1].lower in self._lex.symptoms)):
                break  # a list of symptoms goes on: "angry, itchy skin flare-ups"
            if t.is_word and t.lower in _OBJECT_ENDS and out:
                break
            out.append(t)
            words += t.is_word
            j += 1
        return out

    def _ended_at(
        self, toks: tuple[Token, ...], i: int, lex: _VerbLexicon, sentence: list[int], context: RuleContext
    ) -> tuple[int, int, int] | None:
        """A condition as the subject of an ending predicate ("insomnia is history") or of a
        resolving one ("the blister never shows up", "restlessness settles down"); or a
        pronoun for the condition the sentence before named ("… and it's gone")."""
        if not lex.endings and not lex.resolutions:
            return None
        following = toks[i + 1] if i + 1 < len(toks) and toks[i + 1].is_word else None
        skipped = 0
        resolving_only = False
        if toks[i].lower in _ANAPHORA and toks[i].lower != "its" \
                and self._named_before(toks, i, lex, sentence, same=False):
            j = i + 1
            skipped = toks[i].lower in _CONTRACTED_COPULA
        elif toks[i].lower in _SUBJECT_DETERMINERS and self._named_before(toks, i, lex, sentence, same=False):
            # "Feel that tingle? … and the blister never shows up": the problem named, its sign resolved
            j, resolving_only = i + 1, True
        elif self._hyphenated(toks, i, lex):
            j = i + 3  # "flare-ups melt away overnight"
        elif self._condition(toks[i], following, lex) \
                and self._as_noun(toks[i], [toks[i], following] if following is not None else [toks[i]], lex) \
                and not self._figurative(toks, i):
            j = i + 1 + (following is not None and (_pair_named(toks[i], following, lex.conditions)
                                                   or (toks[i].lower in lex.symptoms
                                                       and following.lemma in lex.body_parts)))
            if self._evidenced([toks[i]], context):
                return None
        else:
            return None
        if not resolving_only and j + 1 < len(toks) and toks[j].text in (",", ":", "?", "—", "–", "-") \
                and toks[j + 1].lower in _SETTLED:
            return toks[i].start, toks[j + 1].end, j + 1  # "psoriasis, soothed"; "Sore throat? Sorted."
        if not resolving_only and j + 2 < len(toks) and toks[j].text in (",", ":", "—", "–") \
                and toks[j + 1].lower == "be" and toks[j + 2].lower in _SETTLED:
            return toks[i].start, toks[j + 2].end, j + 2  # "scars, be gone"
        # a resolving predicate up to three words on, in the same clause ("ADHD-style restlessness settles down")
        k, words = j, 0
        while k < len(toks) and words <= 3 and not toks[k].breaks_clause:
            n = _longest_at(toks, k, lex.resolutions)
            if n:
                if toks[k].negates or not negated(toks, k, words + 1):
                    return toks[i].start, toks[k + n - 1].end, k + n - 1
                return None
            words += toks[k].is_word
            k += 1
        if resolving_only:
            return None
        while j < len(toks) and skipped < 3 and ((toks[j].is_word and toks[j].lower in _COPULAS)
                                                 or (skipped and toks[j].text in _PAUSES)):
            skipped += toks[j].is_word
            j += 1
        if not skipped or j >= len(toks) or negated(toks, j):
            return None
        n = _longest_at(toks, j, lex.endings)
        return (toks[i].start, toks[j + n - 1].end, j + n - 1) if n else None

    def _outcome_at(
        self, toks: tuple[Token, ...], i: int, lex: _VerbLexicon, sentence: list[int]
    ) -> tuple[int, int, int] | None:
        """A restoration outcome ("moving again", "back to where your doctor wants") after a
        condition named in this sentence or the one before."""
        n = _longest_at(toks, i, lex.outcomes) if lex.outcomes else 0
        if not n or negated(toks, i) or not self._named_before(toks, i, lex, sentence, same=True):
            return None
        return toks[i].start, toks[i + n - 1].end, i + n - 1

    def _named_before(
        self, toks: tuple[Token, ...], i: int, lex: _VerbLexicon, sentence: list[int], same: bool
    ) -> bool:
        """Whether the sentence before ``toks[i]``'s (or its own, before it) names a condition,
        a symptom or a problem word: the antecedent of "it", the problem of a solution."""
        here = sentence[i]
        k = i - 1
        while k >= 0 and sentence[k] >= here - 1:
            if (same or sentence[k] < here) and self._mentions(toks, k, lex):
                return True
            k -= 1
        return False

    def _mentions(self, toks: tuple[Token, ...], k: int, lex: _VerbLexicon) -> bool:
        t = toks[k]
        if not t.is_word:
            return False
        if _longest_at(toks, k, lex.problems):
            return True
        following = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].is_word else None
        if not self._condition(t, following, lex) or negated(toks, k) or self._figurative(toks, k):
            return False
        if t.lower in lex.noun_only:
            before = toks[k - 1].lower if k else ""
            return before in _DETERMINERS - {"the"} or (following is not None and following.lower in _NOUN_CUES) \
                or t.lower != t.lemma
        return True

    @staticmethod
    def _hyphenated(toks: tuple[Token, ...], i: int, lex: _VerbLexicon) -> bool:
        """A hyphenated condition the tokenizer splits: "flare-ups", "break-outs"."""
        if i + 2 >= len(toks) or toks[i + 1].text != "-" or not toks[i + 2].is_word:
            return False
        word = f"{toks[i].lower}-{toks[i + 2].lemma}"
        return word in lex.heads or word in lex.conditions

    def _figurative(self, toks: tuple[Token, ...], k: int) -> bool:
        """"The headache of packing", "takes the pain out of", "parking headaches", "cabin
        fever": a condition word used figuratively (of a thing, or after a thing's name)."""
        nxt = toks[k + 1].lower if k + 1 < len(toks) else ""
        if nxt in ("of", "out"):
            return True
        if toks[k].lemma not in _FIGURATIVE_HEADS or k == 0 or not toks[k - 1].is_word:
            return False
        before = toks[k - 1]
        lex = self._lex
        if before.lower in lex.symptoms or before.lower in lex.condition_forms or before.lower in _MEDICAL_MODIFIERS:
            return False  # "throbbing headaches", "a high fever"
        # a thing's name or an activity before it: "parking headaches", "cabin fever", "budgeting pains"
        return before.lower in _THING_MODIFIERS or (before.lower.endswith("ing") and len(before.lower) > 5)

    def _compound_at(self, toks: tuple[Token, ...], i: int, lex: _VerbLexicon) -> tuple[int, int, int] | None:
        """A condition compounded with a claim word: "acne-fighting", "pain-free"; or named
        before a claim noun: "arthritis relief", "a hangover cure", "migraine remedy"."""
        j = i + 2
        if j < len(toks) and toks[i + 1].text == "-" and toks[j].lower in lex.compound_tails:
            following = toks[i + 1] if toks[i + 1].is_word else None
            if not self._condition(toks[i], following, lex) or negated(toks, i):
                return None
            if toks[i].lower in lex.noun_only and toks[j].lower in _WEATHER_TAILS:
                return None  # "a cold-proof jacket": the weather, not the illness
            return toks[i].start, toks[j].end, j
        j = i + 1
        if j >= len(toks) or not toks[j].is_word or toks[j].lemma not in lex.claim_nouns:
            return None
        if toks[i].lower in lex.noun_only and toks[j].lemma not in _MEDICAL_NOUNS:
            return None  # "cold protection" of a jacket; "cold remedy" is the illness
        if not self._condition(toks[i], None, lex) or negated(toks, i) or toks[i].lemma in lex.claim_nouns:
            return None
        return toks[i].start, toks[j].end, j

    @staticmethod
    def _condition(t: Token, following: Token | None, lex: _VerbLexicon) -> bool:
        if t.lemma in lex.conditions or t.lower in lex.condition_forms:
            return True
        if following is not None and _pair_named(t, following, lex.conditions):
            return True
        if following is not None and t.lower in lex.symptoms and following.lemma in lex.body_parts:
            return True  # "a pounding head", "an irritable bowel", "stiff knees"
        if following is not None and t.lemma in lex.body_parts and following.lemma in _TROUBLES:
            return True  # "heart problems", "joint trouble", "bladder issues"
        if len(t.lower) > 5 and t.lower.endswith(lex.suffixes):
            return True
        return t.lemma in lex.heads

    @staticmethod
    def _as_noun(t: Token, objects: list[Token], lex: _VerbLexicon) -> bool:
        if t.lower not in lex.noun_only:
            return True
        k = objects.index(t)
        if k + 1 < len(objects) and _pair_named(t, objects[k + 1], lex.conditions):
            return True  # "cold sores": the two-word condition makes it a noun
        # "the cold" is the weather ("beats the cold"); "a cold", "colds", "the common cold" the illness
        return k > 0 and objects[k - 1].lower in _DETERMINERS - {"the"}

    def _device_purpose(self, toks: tuple[Token, ...], i: int, sentence: list[int], context: RuleContext) -> bool:
        """A registered medical device or licensed medicine claiming its intended purpose: the
        evidence declares it ("CE-marked … device for minor sprains", "PL 12345/0001") and names
        a condition the claim's sentence names ("reduce swelling after a sprain")."""
        items = [item for item in context.evidence if any_pattern(item, _REGISTERED)]
        if not items:
            return False
        here = sentence[i]
        named = {t.lemma for k, t in enumerate(toks) if sentence[k] == here and t.is_word and len(t.lower) > 3}
        # the intended purpose: what the registered item is "for" ("… device for minor sprains")
        purpose = {t.lemma for item in items for m in _PURPOSE.finditer(item) for t in tokens(m.group(1))
                   if t.is_word and len(t.lower) > 3 and t.lower not in _PURPOSE_FILLER}
        return bool(named & purpose)

    def _evidenced(self, condition: list[Token], context: RuleContext, named: list[str] | None = None) -> bool:
        # the evidence names the condition, not as something denied ("not tested on eczema",
        # "no evidence for arthritis" substantiate nothing)
        evidence = {t.lemma for item in context.evidence for toks in (tokens(item),)
                    for k, t in enumerate(toks) if t.is_word and not negated(toks, k)}
        if any(t.lemma in evidence for t in condition):
            return True
        # the condition is the documented function of the product ("sunburn" under a tested SPF)
        names = {t.lemma for t in condition} | set(named or ()) | {w for n in named or () for w in n.split()[1:]}
        return any(context.evidence_matches(self.functions.get(name, [])) for name in names)


def _pair_named(first: Token, second: Token, names: frozenset[str]) -> bool:
    """Whether two words name a listed two-word condition, however the list writes its number
    ("hot flushes" and "hot flush", "night sweats" and "night sweat")."""
    return bool({f"{first.lemma} {second.lemma}", f"{first.lemma} {second.lower}", f"{first.lower} {second.lower}"}
                & names)


def _forms(words: list[str]) -> frozenset[str]:
    """Every inflected form of ``words`` (plurals and verb forms), for exact lookups."""
    return frozenset(f for w in words for f in inflections(w.lower()))


_COPULAS = frozenset({"is", "are", "was", "were", "be", "become", "becomes", "will", "can", "soon", "just", "now",
                      "all", "simply",
                      # round 11: the perfect ("my anxiety has just… gone", "the aches have finally gone")
                      "has", "have", "had", "been", "finally", "completely", "totally", "basically", "literally"})
# A pause between the copula and its ending ("has just… gone") is not a word and does not end the clause.
_PAUSES = frozenset({"…", "...", "-"})


_WEATHER_TAILS = frozenset({"proof"})


def _by_prefix(words: set[str]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        index.setdefault(word[:3], []).append(word)
    return {prefix: tuple(found) for prefix, found in index.items()}


def _glued(phrase: str) -> str:
    """A phrase as a hashtag writes it: lower case, no spaces, hyphens or apostrophes."""
    return re.sub(r"[\s'’-]+", "", phrase.lower())


# A hashtag in one case ("#byebyeeczema", "#nomorehayfever"): its words cannot be told apart by
# their capitals (tokens() reads "#NoMoreHairballs" as words), so it is read against the lexicon.
_HASHTAG = re.compile(r"(?<![\w#])#([A-Za-z][A-Za-z0-9]{3,60})\b")
_HASHTAG_DETERMINERS = ("your", "my", "the", "that", "those", "all", "")


def _hashtag_claims(text: str, lex: _VerbLexicon) -> list[tuple[int, int]]:
    """Hashtags that are a claim verb then a condition ("#byebyeIBS", "#nomorecolds") or a
    condition then a claim word ("#hangoverfree"): a claim carried by a hashtag is the copy's."""
    spans = []
    for m in _HASHTAG.finditer(text):
        body = m.group(1).lower()
        claimed = any(body.startswith(verb) and any(
            body[len(verb):].startswith(det) and body[len(verb) + len(det):] in lex.glued_conditions
            for det in _HASHTAG_DETERMINERS) for verb in lex.glued_verbs.get(body[:3], ()))
        claimed = claimed or any(body.endswith(tail) and body[: -len(tail)] in lex.glued_conditions
                                 for tail in lex.compound_tails)
        if claimed:
            spans.append((m.start(), m.end()))
    return spans


@dataclass(frozen=True)
class _VerbLexicon:
    verbs: PhraseIndex
    nouns: PhraseIndex
    any_object: frozenset[str]
    noun_forms: frozenset[str]
    conditions: frozenset[str]
    condition_forms: frozenset[str]
    suffixes: tuple[str, ...]
    heads: frozenset[str]
    allowed: frozenset[str]
    noun_only: frozenset[str]
    compound_tails: frozenset[str]
    endings: PhraseIndex
    symptoms: frozenset[str]
    body_parts: frozenset[str]
    resolutions: PhraseIndex
    outcomes: PhraseIndex
    problems: PhraseIndex
    claim_nouns: frozenset[str]
    indications: frozenset[str]
    biocides: frozenset[str]
    # the verbs as a hashtag writes them ("byebye", "nomore") by their first three letters, longest first
    glued_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    glued_conditions: frozenset[str] = frozenset()  # and the conditions ("hayfever", "ibs")


def _sentence_index(toks: tuple[Token, ...]) -> list[int]:
    """The sentence number of every token (a sentence ends at ".", "!", "?" or a line break)."""
    out, n = [], 0
    for t in toks:
        out.append(n)
        if t.text in _SENTENCE_ENDS:
            n += 1
    return out


@dataclass(frozen=True)
class _GroupLexicon:
    groups: frozenset[str]
    suffixes: tuple[str, ...]
    verbs: PhraseIndex
    passive: PhraseIndex
    compounds: frozenset[str]
    bases: frozenset[str] = frozenset()  # the bare form of each endorsing verb ("drink", "swear")


_ONE_OF = re.compile(r"\b(?:one|a single|an individual|a|an|1)\s+(?:[\w-]+\s+)?([A-Za-z][\w-]*)\b", re.IGNORECASE)
_DENIAL = re.compile(r"\b(?:no|not|never|none|without)\b[^.;]{0,40}\b(?:review\w*|approv\w*|endors\w*|recommend\w*|"
                     r"tested|test|on file|consulted|involved|permission|consent\w*|agreed|posts?|posted|mentioned)\b",
                     re.IGNORECASE)


def denies_endorsement(item: str) -> bool:
    """Whether an evidence item names an endorser only to deny the endorsement: "No dermatologist
    review or approval on file", "visited once; no permission to use her name" (round 7: a record
    that says the person never agreed documents nothing)."""
    return bool(_DENIAL.search(item))


# Plurals without -s, auxiliaries after which a bare verb agrees with any subject, and the
# nominal entries of the endorsement verbs ("a chef favourite", "the dentist's choice").
_PLURAL_NOUNS = frozenset({"them", "people", "tradespeople", "folk", "folks", "staff", "police", "media", "press",
                           "crew"})
_AUXILIARIES = frozenset({"would", "will", "can", "could", "should", "must", "may", "might", "do", "does", "did",
                          "to", "'d", "'ll", "wo", "ca", "shall"})
# Words that do not count towards the gap between a group and its verb: "hairdressers across the
# country have made the switch", "vets everywhere are quietly switching".
_LIGHT = frozenset({"the", "a", "an", "of", "across", "around", "over", "throughout", "all", "in", "have", "has",
                    "had", "are", "is", "were", "was", "been", "now", "really", "just", "also", "already",
                    "everywhere", "nationwide", "worldwide", "quietly", "increasingly"})
_NOMINAL = frozenset({"favourite", "favorite", "go-to", "go", "top", "choice", "pick"})


_SHARE_WORDS = frozenset({"most", "all", "many", "half", "nearly", "almost", "majority"})
_NOT_BASE = frozenset({"told", "got", "put", "made", "are", "is", "can't", "cannot", "won't", "keep"})


def _is_base(word: str) -> bool:
    """Whether an endorsing verb's first word is a bare present form ("drink", not "told", "switched")."""
    return not word.endswith("ed") and word not in _NOT_BASE


def _disagrees(group: Token, between: tuple[Token, ...], verb: Token, bases: frozenset[str]) -> bool:
    """Whether a singular group word and a bare verb form after it cannot be subject and verb
    (subject-verb agreement): "the barista oat drink", not "Dr. Patel recommends" or "a vet would
    recommend"."""
    singular = group.lower == group.lemma and group.lower not in _PLURAL_NOUNS and not group.lower.endswith("s")
    bare = verb.lower in bases and verb.lower not in _NOMINAL
    return singular and bare and not any(t.lower in _AUXILIARIES for t in between)


_ADVISING = re.compile(r"\b(?:recommends?|recommended|suggests?|suggested|advises?|advised|prescribes?|prescribed)$",
                       re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:!?\n—–]|,\s")
_NOT_AN_OBJECT = frozenset({"to", "for", "with", "at", "in", "on", "as", "because", "when", "since", "again", "highly",
                            "strongly", "most", "over", "above", "instead", "too", "also", "and", "so", "by"})
# the reader's own professional's advice deferred to: "what your doctor recommends", "as your GP advises"
# (round 7: or a thing of theirs no product names, "isn't a replacement for anything your GP prescribed")
_DEFERRING = re.compile(
    r"\b(?:what|whatever|whichever|as|unless|if|anything|everything|something)\s+(?:your|their|his|her)\s+"
    r"(?:[\w-]+\s+(?:or\s+)?){0,3}$",
    re.IGNORECASE)
_PRODUCT_REFERENCE = re.compile(r"\b(?:it|its|it's|our|ours|us|we|this|these|them|that one)\b", re.IGNORECASE)


def _general_advice(text: str, start: int, end: int, names: list[str]) -> bool:
    """Whether an expert's recommendation has an object that is not the product: "dentists
    recommend brushing twice a day", "vets recommend regular flea treatment" (round 5) - advice
    the copy reports, not an endorsement. "Dentists recommend Zylo", "… recommend it", "… our
    gel" and a recommendation with no object at all stay endorsements."""
    excerpt = text[start:end]
    if not _ADVISING.search(excerpt) or "-" in excerpt:
        return False  # "the #1 pediatrician-recommended yoghurt" endorses the noun it qualifies
    if _DEFERRING.search(text[max(0, start - 40) : start]):
        return True  # "keep using what your doctor or pharmacist recommends" (round 6): a referral
    stop = _CLAUSE_END.search(text, end)
    rest = text[end : stop.start() if stop else len(text)]
    first = re.match(r"\s*([A-Za-z']+)", rest)
    # an object that comes first ("the plan nutritionists recommend to their clients") is the product
    if first is None or first.group(1).lower() in _NOT_AN_OBJECT or _PRODUCT_REFERENCE.search(rest):
        return False
    words = {w.lower() for name in names for w in re.findall(r"[A-Za-z]{3,}", name)}
    return not any(w.lower() in words for w in re.findall(r"[A-Za-z]{3,}", rest))


def _words(text: str) -> list[str]:
    return [t.text for t in tokens(text) if t.is_word]


# the copy saying who the endorsers are to the advertiser ("our team of veterinary nurses", "a vet
# who advises us (and is paid for it)")
_CONNECTION_SAID = re.compile(
    r"\bour (?:own |in-house )?(?:team|staff|panel|board|experts?)\b|\bpaid\b|\badvis(?:es|er|ers|or|ors|ory)\b"
    r"|\bconsultants?\b|\bemploy\w*|\bambassadors?\b|\bpartnership\b|\bsponsored\b", re.IGNORECASE)
_CONNECTED_PANEL = re.compile(
    r"\b(?:paid|clinical|scientific|medical|professional)?\s*advisory (?:panel|board|council)\b"
    r"|\bpaid (?:panel|consultants?|advisers?|advisors?|ambassadors?|partners?)\b"
    r"|\b(?:on|of) (?:the|our|its|their) (?:payroll|staff)\b|\bemployed by\b"
    r"|\b(?:sponsored|funded) by (?:the brand|us)\b",
    re.IGNORECASE)


class EndorsementRule(BaseRule):
    """A group of people endorsing the product, in either voice, without evidence."""

    kind: Literal["endorsement"]
    groups: list[str]
    # Word formation of the names of professions: -ologist, -scientist, -ician …
    group_suffixes: list[str] = Field(default_factory=list)
    verbs: list[str]
    passive: list[str] = Field(default_factory=list)
    compounds: list[str] = Field(default_factory=list)
    gap: int = Field(default=2, ge=0, le=5)
    unless_evidence: list[str] = Field(default_factory=list)
    # Patterns that, in the endorsement's sentence, disclose the endorser's connection.
    unless: list[str] = Field(default_factory=list)
    _lex: _GroupLexicon = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        self._lex = _GroupLexicon(
            groups=frozenset(w.lower() for w in self.groups), suffixes=tuple(self.group_suffixes),
            verbs=_phrases(self.verbs), passive=_phrases(self.passive), compounds=_forms(self.compounds),
            bases=frozenset(w for v in self.verbs if v.strip() and _is_base(w := v.split()[0].lower())),
        )

    def check(self, context: RuleContext) -> list[Finding]:
        # round 5: a survey whose share is a minority ("Survey of 120 vets: 38% preferred it")
        # documents no group's endorsement; a copy sentence stating that share is not overclaiming
        minority = [item for item in context.evidence if minority_survey(item)]
        # round 12: nor does a survey of the advertiser's own paid panel, advisory board or staff,
        # or one that says it cannot stand for the group ("Survey of the 12 dentists on our paid
        # advisory panel"): the copy's "recommended by dentists" presents them as independent
        # (16 CFR 255.5; CAP 3.45); the copy saying who they are is the rule's ``unless``
        said = any(_CONNECTION_SAID.search(f.text) for f in context.in_scope(self))
        supporting = [item for item in context.evidence if item not in minority
                      and (said or not (_CONNECTED_PANEL.search(item) or unrepresentative(item)))]
        documented = bool(self.unless_evidence) and any(any_pattern(item, self.unless_evidence) for item in supporting)
        # a share in the copy above every survey share on file ("nine in ten" under "52 of 100") is
        # not documented by that survey either
        ceiling = survey_ceiling(context.evidence)
        if documented and ceiling is None:
            return []
        # evidence that denies an endorsement ("No dermatologist review or approval on file") names
        # the group without documenting it
        evidence = {lemma(w) for item in supporting if not denies_endorsement(item) for w in _words(item)}
        # "chosen by one editor" documents one editor, not "beauty editors are calling it …"
        counted = [item for item in supporting if not denies_endorsement(item)]
        single = {lemma(m.group(1)) for item in counted for m in _ONE_OF.finditer(item)}
        plural = {t.lemma for item in counted for t in tokens(item) if t.is_word and t.lower != t.lemma}
        lex = self._lex
        findings = []
        for f in context.in_scope(self):
            toks = tokens(f.text)
            for start, end, group in self._spans(toks, lex):
                sentence = f.text[slice(*f.sentence_bounds(start, end))]
                over = overstates(sentence, ceiling)  # "nine in ten" under a survey's 52 of 100
                if documented and not over:
                    continue  # the survey on file documents the endorsement at the share stated
                only_one = group.lower != group.lemma and group.lemma in single and group.lemma not in plural
                if group.lemma in evidence and not only_one and not over:
                    continue  # the brief documents this group's endorsement
                if self.unless and any_pattern(sentence, self.unless):
                    continue  # "… consultant dermatologist and paid adviser to Dewly": disclosed
                if minority and states_share(sentence, minority):
                    continue  # "31% of physios surveyed preferred it": the minority stated as it is
                if _general_advice(f.text, start, end, context.product_names):
                    continue  # "dentists recommend brushing twice a day": advice, not an endorsement
                excerpt = f.text[start:end]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}."
                findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings

    @staticmethod
    def _group(t: Token, lex: _GroupLexicon) -> bool:
        if not t.is_word:
            return False
        if t.lemma in lex.groups or t.lower in lex.groups:
            return True
        return len(t.lemma) > 6 and t.lemma.endswith(lex.suffixes)

    def _spans(self, toks: tuple[Token, ...], lex: _GroupLexicon) -> list[tuple[int, int, Token]]:
        """(start, end, group word) of each endorsement."""
        spans: list[tuple[int, int, Token]] = []
        taken = -1
        for i, t in enumerate(toks):
            if i <= taken or not self._group(t, lex) or negated(toks, i, 3):
                continue
            if i > 0 and toks[i - 1].lower in _OWN_STAFF:
                continue  # "our chefs" (not "my dentist": a third party the speaker consults)
            end = self._after_group(toks, i, lex)
            if end is None:
                end = self._after_them(toks, i, lex)
            if end is not None:
                spans.append((t.start, toks[end].end, t))
                taken = end
        for i in range(len(toks)):
            if i <= taken:
                continue
            n = _longest_at(toks, i, lex.passive)
            if not n:
                continue
            for k in range(i + n, min(len(toks), i + n + 7)):  # "recommended by 9 out of 10 vets"
                if toks[k].breaks_clause:
                    break
                if self._group(toks[k], lex) and toks[k - 1].lower not in _OWN:
                    spans.append((toks[i].start, toks[k].end, toks[k]))
                    taken = k
                    break
        return sorted(spans, key=lambda s: s[0])

    def _after_them(self, toks: tuple[Token, ...], i: int, lex: _GroupLexicon) -> int | None:
        """The end of an endorsement by a share of the group later in its sentence: "dentists
        don't want you to know, but most of them use it" (round 5)."""
        for k in range(i + 3, min(len(toks), i + 16)):
            if toks[k].text in _SENTENCE_ENDS:
                return None
            if toks[k].lower == "them" and toks[k - 1].lower == "of" and (
                    toks[k - 2].lower in _SHARE_WORDS or toks[k - 2].text[:1].isdigit()):
                end = self._after_group(toks, k, lex)
                return end if end is not None and not negated(toks, k - 2, 3) else None
        return None

    def _after_group(self, toks: tuple[Token, ...], i: int, lex: _GroupLexicon) -> int | None:
        """Index of the last token of an endorsement whose group word is ``toks[i]``."""
        j = i + 1
        if j + 1 < len(toks) and toks[j].text == "-":
            if toks[j + 1].lower in lex.compounds:
                return j + 1
            return None
        skipped = 0
        while j < len(toks) and skipped <= self.gap:
            if toks[j].breaks_clause and toks[j].text != ":":
                return None
            n = _longest_at(toks, j, lex.verbs)
            if n:
                if any(t.negates for t in toks[i + 1 : j]):
                    return None  # "doctors don't talk about", "plumbers never recommend": no endorsement
                if _disagrees(toks[i], toks[i + 1 : j], toks[j], lex.bases):
                    return None  # "the barista oat drink": a singular noun before a bare verb form is no subject
                return j + n - 1
            if self._group(toks[j], lex):
                return None
            if toks[j].text == ":":
                return None
            skipped += toks[j].is_word and toks[j].lower not in _LIGHT
            j += 1
        return None
