"""Brief constraints compiled into rules (an in-memory pack named ``brief``).

"Must include a recycling message" becomes a required concept that any word of its
family satisfies (recycle, recycled, recyclable…), "Avoid plastic-related claims" a
banned topic with its related terms (plastic-free, BPA, PET…), "Max 50 words" a limit.
A constraint that cannot be compiled is returned as such: the LLM judge checks it when
one is configured, otherwise the report lists it as not checked; never dropped.

Require/avoid detection is :func:`marketing_agents.text.parse_constraint`, the very parser
the offline agents use, so both sides agree on what the concept is.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..models import ArtifactType, FixKind, Severity
from ..text import Constraint, parse_constraint, plain_text, stem, term_regex
from .checks import ConditionalRule, ExistenceRule, LimitRule, RequiredRule, SubstitutionRule
from .constraint_forms import Requirement, clauses, quoted_ban, requirement
from .constraint_phrasing import NEG, bans_claim, bans_values, bans_words_only, naming_swap, rephrased
from .constraint_topics import REASON_WORDS, alternatives, topic_terms
from .packs import RulePack
from .paraphrase import required_parts, value_patterns
from .rules import Category, FixSpec, Scope

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.yaml"

_COUNTS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
_N = rf"(?P<n>\d{{1,5}}|{'|'.join(_COUNTS)})"
_LIMIT = re.compile(
    r"\b(?P<op>max(?:imum)?|at most|no more than|up to|not exceed(?:ing)?|limit(?:ed)? to|under|"
    rf"fewer than|less than|below|within)\s*:?\s*{_N}\s*"
    r"(?P<unit>words?|characters?|chars?|hashtags?|exclamation marks?)\b",
    re.IGNORECASE,
)
# "Headline six words or fewer", "80 characters max"
_LIMIT_AFTER = re.compile(
    rf"\b{_N}\s+(?P<unit>words?|characters?|chars?|hashtags?)\s+(?P<op>or fewer|or less|max(?:imum)?|at most|tops|"
    r"or under)\b",
    re.IGNORECASE,
)
_LIMIT_REVERSED = re.compile(
    r"\b(?P<unit>words?|characters?|chars?|hashtags?)\s*(?::|≤|<=)\s*(?P<n>\d{1,5})\b", re.IGNORECASE
)
# "No exclamation marks", "Avoid hashtags": a limit of none.
_NONE_OF = re.compile(
    r"^\s*(?:no|avoid|never use|do\s*n[o']?t use|without)\s+(?:any\s+)?"
    r"(?P<unit>exclamation (?:marks?|points?)|hashtags?)\s*\.?$",
    re.IGNORECASE,
)
_SWAP = re.compile(
    r"^\s*(?:always\s+)?(?:use|say|write)\s+[\"“']?(?P<good>[^\"”']+?)[\"”']?\s+"
    r"(?:instead of|rather than|not)\s+[\"“']?(?P<bad>[^\"”']+?)[\"”']?\s*\.?$",
    re.IGNORECASE,
)
_CLAUSE_WORD = re.compile(r"(?:that|how|who|whether|what|why|when|where)\b", re.IGNORECASE)
# Words that make a constraint about style rather than content: the judge's job.
_STYLE = re.compile(
    r"\b(?:tone|voice|style|feel|mood|spelling|grammar|formal|informal|casual|playful|friendly|"
    r"humou?r|language|audience|personal|upbeat|positive|negative|sound|vibe)\b",
    re.IGNORECASE,
)
_TARGETS: list[tuple[str, list[str]]] = [
    (r"headlines?|titles?", ["headlines[*]", "concepts[*].headline"]),
    (r"posts?|tweets?|social", ["posts[*].text"]),
    (r"body|copy text|long copy|paragraphs?", ["bodyShort", "bodyMedium", "bodyLong"]),
    (r"calls? to action|ctas?", ["callsToAction[*]", "concepts[*].callToAction"]),
    (r"sublines?|taglines?", ["concepts[*].subline"]),
    (r"alt text", ["concepts[*].altText"]),
    (r"posters?|visuals?", ["concepts[*].headline", "concepts[*].subline", "concepts[*].callToAction",
                            "concepts[*].altText"]),
    (r"search ads?|google ads?", ["posts[*].text"]),
]


@dataclass(frozen=True)
class Concept:
    terms: tuple[str, ...]
    patterns: tuple[str, ...]
    add: str


@lru_cache(maxsize=1)
def _lexicon_file() -> dict[str, Any]:
    return dict(yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8")))


def lexicon() -> dict[str, dict[str, Any]]:
    return dict(_lexicon_file()["concepts"])


def expansions(words: tuple[str, ...]) -> list[str]:
    """What each banned word is also said as: an abbreviation in full ("CBD" → cannabidiol)
    and a full name as its abbreviation ("cannabidiol" → CBD)."""
    table = {k.lower(): v for k, v in _lexicon_file().get("abbreviations", {}).items()}
    out: list[str] = []
    for w in words:
        for form in dict.fromkeys((w.lower(), w.lower().removesuffix("s"))):  # "EVs" is "EV"
            out += table.get(form, [])
            out += [k for k, v in table.items() if form in (x.lower() for x in v) and len(k) > 1]
    return [x for x in out if x.lower() not in {w.lower() for w in words}]


def spelling_swaps(british: bool) -> dict[str, str]:
    """US → British spellings (or back): the lexicon's table and every form of its -ize verbs."""
    table = _lexicon_file().get("spellings", {})
    swaps = {str(k): str(v) for k, v in table.get("us_to_uk", {}).items()}
    for verb in table.get("ize_verbs", []):
        stem_ = verb[:-3]
        for us, uk in (("ize", "ise"), ("izes", "ises"), ("ized", "ised"), ("izing", "ising"),
                       ("ization", "isation"), ("izations", "isations"), ("izer", "iser"), ("izers", "isers")):
            swaps[stem_ + us] = stem_ + uk
    return swaps if british else {uk: us for us, uk in swaps.items()}


# "British spelling throughout", "Use UK English", "US spelling only": a house spelling.
_SPELLING = re.compile(
    r"\b(?P<variety>british|uk|english|us|american)\b[^.;:]{0,20}\b(?:spelling|spellings|english|conventions)\b",
    re.IGNORECASE,
)


def abbreviations(phrase: str) -> list[str]:
    """The words a quoted phrase's abbreviation stands for ("T&Cs apply" → "terms and conditions apply")."""
    table = {k.lower(): v for k, v in _lexicon_file().get("abbreviations", {}).items()}
    return list(table.get(phrase.lower(), []))


def _field_patterns(word: str) -> list[str]:
    """Patterns of the lexicon's semantic field of ``word`` (its related words), for paraphrase."""
    concept = concept_for((word,), word)
    return [term_regex(t, stems=t.replace("-", "").isalpha()) for t in concept.terms[1:]] + list(concept.patterns)


def _word_of(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (word,), ()


def _field_of(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A banned word's semantic field: the word, its lexicon relatives and its abbreviations."""
    concept = concept_for((word,), word)
    return tuple(dict.fromkeys([*concept.terms, *expansions((word,))])), concept.patterns


def concept_for(words: tuple[str, ...], phrase: str) -> Concept:
    """A one-word concept plus the related words of the lexicon entry it names."""
    terms: list[str] = list(words)
    patterns: list[str] = []
    add = phrase[:1].upper() + phrase[1:] + "."
    for word in words:
        s = stem(word)
        for key, entry in lexicon().items():
            if len(s) >= 4 and (s.startswith(key) or key.startswith(s)):
                terms += entry.get("terms", [])
                patterns += entry.get("patterns", [])
                patterns += [p for name in entry.get("pattern_sets", []) for p in _lexicon_file()[name]]
                add = entry.get("add", add)
    return Concept(tuple(dict.fromkeys(terms)), tuple(dict.fromkeys(patterns)), add)


_NEGATED = re.compile(rf"^\s*(?:{NEG}|without)\b", re.IGNORECASE)
# "Use only authorised EU claim wording", "Only use nutrition claims the product meets"
_ONLY = re.compile(r"^\s*(?:(?:use|say|make|quote|show)\s+only|only\s+(?:use|say|make|quote|show|mention))\b",
                   re.IGNORECASE)
_CAPS_BAN = re.compile(r"\b(?:all[- ]?caps|capitals|capital letters|block capitals|upper[- ]?case|shouting|shouty)\b",
                       re.IGNORECASE)
# a word of five capitals or more, or a run of capitalised words ("HALF PRICE"), not an acronym
_CAPITALS = (r"(?-i:\b[A-Z]{5,}\b)", r"(?-i:\b(?=[A-Z]{2,}\s+[A-Z]{2,})(?=[A-Z\s]{7,})[A-Z]{2,}(?:\s+[A-Z]{2,})+\b)")
# "Do not name competitors", "Never mention competitors by name", "No competitor names"
_NAMES_OTHERS = re.compile(
    r"^\s*(?:no|avoid|never|don[’']?t|do\s+not|must\s+not)\s+(?:(?:name|naming)\s+(?:any\s+|other\s+)?"
    r"(?:competitors?|competitor\s+\w+|rivals?|rival\s+\w+|other\s+\w+)\b|(?:mention|mentioning|use|include)\s+"
    r"(?:any\s+)?(?:competitors?|rivals?|competitor\s+\w+|rival\s+\w+|other\s+\w+)\s+by\s+name\b|(?:competitor|rival)\s+names\b|"
    r"comparisons?\s+with\s+named\s+(?:competitors?|rivals?))",
    re.IGNORECASE,
)


def names_competitors(text: str) -> bool:
    """Whether ``text`` bans naming other businesses (not describing them: "the other big four")."""
    return bool(_NAMES_OTHERS.match(text))


# Constraints that ban a kind of claim: the packs that detect that kind decide them too.
_CLAIM_TOPICS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(p, re.IGNORECASE), prefixes)
    for p, prefixes in [
        (r"\b(?:medical|medicinal|health|healthcare|disease|therapeutic|cure)\b", ("health.",)),
        (r"\b(?:environmental|green|eco|sustainability|sustainable|climate|carbon)\b", ("env.",)),
        (r"\b(?:financial|investment|earnings?|income|returns?)\b", ("fin.",)),
        (r"\bweight[- ]loss\b", ("health.weight-loss",)),
        (r"\bnutrition(?:al)?\b", ("health.",)),
        (r"\b(?:urgency|countdowns?|pressure|scarcity)\b", ("ads.urgency",)),
        (r"\bsuperlatives?\b|\b(?:biggest|best|largest|number one|no\.?\s?1|greatest|leading)\b",
         ("ads.claim-superlative",)),
        (r"\b(?:comparisons?|comparative|competitors?|rivals?)\b", ("ads.claim-comparison",)),
        (r"\b(?:testimonials?|endorsements?|reviews?)\b", ("endorse.",)),
        (r"\bguarantees?\b", ("ads.guarantee",)),
        (r"\b(?:unsubstantiated|unproven|objective)\s+claims?\b", ("ads.claim-",)),
    ]
]


def claim_topics(text: str) -> list[str]:
    """Rule-id prefixes of the claims a constraint bans ("No medical claims" → health.)."""
    return [prefix for pattern, prefixes in _CLAIM_TOPICS if pattern.search(text) for prefix in prefixes]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


def _scope_for(text: str) -> Scope:
    fields = [f for pattern, paths in _TARGETS if re.search(rf"\b(?:{pattern})\b", text, re.I) for f in paths]
    return Scope(fields=fields) if fields else Scope()


def _limit_rule(raw: str, text: str, index: int) -> LimitRule | None:
    m = _LIMIT.search(text) or _LIMIT_AFTER.search(text) or _LIMIT_REVERSED.search(text) or _NONE_OF.search(text)
    if not m:
        return None
    count = (m.groupdict().get("n") or "0").lower()
    n, unit = (_COUNTS.index(count) + 1 if count in _COUNTS else int(count)), m.group("unit").lower()
    op = m.groupdict().get("op") or ""
    if op.lower() in {"under", "fewer than", "less than", "below"}:
        n -= 1
    measure = "words" if unit.startswith("word") else "hashtags" if unit.startswith("hashtag") else "chars"
    if unit.startswith("exclamation"):
        return LimitRule(
            id=f"brief.limit.{index}-exclamations", kind="limit", measure="occurrences", pattern="!", max=n,
            message=f"The brief allows at most {n} exclamation marks (“{raw}”).", severity=Severity.HIGH,
            suggestion="Use full stops instead.", source=f"Campaign brief constraint: “{raw}”",
            category=Category.CLARITY, scope=_scope_for(text),
            fix=FixSpec(kind=FixKind.REPLACE, replacement="."),
        )
    return LimitRule(
        id=f"brief.limit.{index}-{measure}-{n}", kind="limit", measure=measure, max=n,
        message=f"The brief limits this to {n} {measure} (“{raw}”).", severity=Severity.HIGH,
        suggestion=f"Shorten to at most {n} {measure}.", source=f"Campaign brief constraint: “{raw}”",
        category=Category.CLARITY, scope=_scope_for(text),
    )


def _numbers(bad: str, good: str) -> dict[str, str]:
    """A one-word swap in both numbers: "members, never customers" also bans "customer"."""
    swap = {bad: good}
    if " " not in bad and " " not in good and bad.isalpha() and good.isalpha():
        if bad.endswith("s") and good.endswith("s") and len(bad) > 3:
            swap[bad[:-1]] = good[:-1]
        elif not bad.endswith("s") and not good.endswith("s"):
            swap[bad + "s"] = good + "s"
    return swap


def _about_style(parsed: Constraint) -> bool:
    """Whether a constraint is about style ("Use a friendly tone"), its compounds whole: "the
    words eco-friendly or green" are words, not a tone."""
    words = [w for alt in alternatives(parsed.topic) for w in alt] if parsed.topic else list(parsed.words)
    return any(_STYLE.fullmatch(w) for w in words)


# "Don't use the word cheap": the word and its inflections, not its semantic field ("affordable")
_THE_WORD = re.compile(r"\bthe\s+(?:words?|terms?)\b|\bthe\s+phrase\b", re.IGNORECASE)


def compile_constraint(raw: str, index: int) -> ExistenceRule | RequiredRule | LimitRule | SubstitutionRule | None:
    """One constraint as a rule, or ``None`` when it cannot be checked by rules."""
    text = plain_text(raw)
    source = f"Campaign brief constraint: “{raw}”"
    limit = _limit_rule(raw, text, index)
    if limit is not None:
        return limit
    spelling = _SPELLING.search(text)
    if spelling:
        british = spelling.group("variety").lower() in ("british", "uk", "english")
        variety = "British" if british else "American"
        return SubstitutionRule(
            id=f"brief.spelling.{variety.lower()}", kind="substitution", swap=spelling_swaps(british),
            message=f"The brief asks for {variety} spelling (“{raw}”).", severity=Severity.HIGH,
            suggestion=f"Use {variety} spelling.", source=source, category=Category.CLARITY,
        )
    swap = _SWAP.match(text)
    if swap and _CLAUSE_WORD.match(swap.group("good")):
        swap = None  # "Say that the warranty does not cover …": a statement, not a word for a word
    named = (swap.group("good").strip(), swap.group("bad").strip()) if swap else naming_swap(text)
    if named:
        good, bad = named
        return SubstitutionRule(
            id=f"brief.prefer.{_slug(good)}", kind="substitution", swap=_numbers(bad, good),
            message=f"The brief asks for “{good}”, not “{bad}”.", severity=Severity.HIGH,
            suggestion=f"Write “{good}”.", source=source, category=Category.TONE,
        )
    if _ONLY.match(text):
        return None  # "Use only the authorised claim wording": which wording is the judge's to know
    if _CAPS_BAN.search(text) and _NEGATED.match(text):
        return ExistenceRule(
            id="brief.avoid.capitals", kind="existence", patterns=list(_CAPITALS), exceptions=[r"\bcode:? \w+"],
            message=f"The brief bans writing in capitals (“{raw}”).", severity=Severity.HIGH,
            suggestion="Write the words in normal case.", source=source, category=Category.TONE,
            fix=FixSpec(kind=FixKind.REWRITE),
        )
    if names_competitors(text):  # "Do not name competitors": a business named where one is compared
        return ExistenceRule(
            id="brief.avoid.competitor-names", kind="existence", patterns=list(_lexicon_file()["competitor_names"]),
            skip_product_names=True, message=f"The brief bans naming competitors (“{raw}”).", severity=Severity.HIGH,
            suggestion="Remove the competitor's name.", source=source, category=Category.RISK,
            fix=FixSpec(kind=FixKind.REMOVE),
        )
    parsed = parse_constraint(raw)
    # "Never describe the trial as free", "Don't make it sound cheap": "Don't mention free / cheap"
    if parsed.kind == "other" or (not parsed.exact and _about_style(parsed)):
        parsed = parse_constraint(rephrased(raw))
    if parsed.kind == "other" or not parsed.words:
        return None
    if not parsed.exact and _about_style(parsed):
        return None  # "Use a friendly tone": about style, not content
    if parsed.kind == "avoid":
        concept = Concept(parsed.quoted or (parsed.phrase,), (), "")  # "'cure', 'treat' or 'heal'": each
        if not parsed.exact:  # each thing the topic lists, with its related terms (constraint_topics.py)
            as_words = bool(_THE_WORD.search(text))
            terms, patterns = topic_terms(parsed.topic or parsed.phrase, _word_of if as_words else _field_of)
            concept = Concept(tuple(terms), tuple(patterns), "")
        if bans_values(text) and concept.patterns:  # "Don't quote rates": the figures and their symbols
            concept = Concept(tuple(t for t in concept.terms if not t.islower()), concept.patterns, "")
        return ExistenceRule(
            id=f"brief.avoid.{_slug(parsed.phrase)}", kind="existence", terms=list(concept.terms),
            # a quoted single word bans its inflections too ("Avoid the word 'cheap'": "cheaper")
            patterns=list(concept.patterns), stems=not parsed.exact or all(q.isalpha() for q in concept.terms),
            message=f"The brief says to avoid {parsed.phrase} (“{raw}”).", severity=Severity.HIGH,
            suggestion=f"Remove every mention of {parsed.phrase} and related terms.", source=source,
            category=Category.RISK, fix=FixSpec(kind=FixKind.REMOVE), scope=_scope_for(text),
            # a ban on quoted words is about those words; a ban on a kind of claim, every such claim
            covers_rules=[] if parsed.exact or bans_words_only(text) else claim_topics(parsed.phrase),
            negatable=bans_claim(text),  # "Don't claim it cures hangovers" is kept by "it won't cure a hangover"
        )
    all_of: list[str] = []
    if parsed.exact and len(parsed.quoted) > 1:  # "Must include '18+' and 'BeGambleAware.org'": each
        concept = Concept((), (), " ".join(parsed.quoted))
        all_of = [r"(?<![\w#@])" + re.escape(q) + r"(?!\w)" for q in parsed.quoted]
    elif parsed.exact:
        concept = Concept((parsed.phrase, *abbreviations(parsed.phrase)), (), parsed.phrase)
    elif len(parsed.words) == 1:
        concept = concept_for(parsed.words, parsed.phrase)
        # a kind of value asked for ("Mention our website"): any value of the kind says it
        concept = Concept(concept.terms, (*concept.patterns, *value_patterns(text)), concept.add)
    else:  # every part of a multi-word concept must be there ("free shipping"), in any wording
        concept = Concept((parsed.phrase,), (), parsed.phrase[:1].upper() + parsed.phrase[1:] + ".")
        all_of = required_parts(text, parsed.words, _field_patterns)
    return RequiredRule(
        id=f"brief.require.{_slug(parsed.phrase)}", kind="required", terms=list(concept.terms),
        all_terms=list(parsed.words) if len(parsed.words) > 1 and not parsed.exact and not all_of else [],
        all_of=all_of,
        patterns=list(concept.patterns), stems=not parsed.exact, add=concept.add,
        message=f"The brief requires {parsed.phrase} (“{raw}”).", severity=Severity.HIGH,
        suggestion=f"Add a sentence about {parsed.phrase}, e.g. “{concept.add}”", source=source,
        category=Category.CLARITY,
        scope=Scope(types=[ArtifactType.COPY, ArtifactType.SHORT_COPY, ArtifactType.VISUAL]),
    )


_CLAUSE_SPLIT = re.compile(r"(?<!\s)\s*(?::|;|\s[-–—]\s)\s*")


def _head_clause(raw: str) -> tuple[str, str]:
    """A constraint and the rationale or second ask after its colon, semicolon or dash ("No
    health claims: it's a food supplement, keep it to taste and lifestyle"): the head is the
    constraint; the rest is not a list of words to avoid."""
    parts = _CLAUSE_SPLIT.split(raw, maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return raw, ""
    head = parse_constraint(parts[0])
    if head.kind != "avoid" or not head.words:
        return raw, ""
    return parts[0], parts[1].strip()


# "avoid words like treat, heal, cure or prescription"; "no terms such as 'clinical'": the
# words listed after the head of a ban are banned themselves (round 6)
_LISTED = re.compile(
    r"^\s*(?:avoid|no|never\s+use|don[’']?t\s+use|do\s+not\s+use|not)\s+(?:any\s+)?(?:words?|terms?|phrases?|language)?\s*"
    r"(?:like|such\s+as|e\.g\.?|for\s+example|including)\s+(?P<words>.+)$",
    re.IGNORECASE,
)


# a listed word in its everyday idiom, not the sense banned ("treat yourself", "a little treat")
_IDIOMS = [r"\btreat (?:yourself|yourselves|themselves|them|him|her|the (?:family|kids)|your (?:family|kids|feet))\b",
           r"\b(?:a|little|special|sweet|tasty|real|weekend|birthday|dog|cat|pet|puppy|kitten|horse|party|festive|"
           r"holiday|summer|christmas|chewy|crunchy|healthy|training) treats?\b", r"\btreats? for (?:dogs|cats|pets)\b",
           # food cured by salt or smoke ("cured ham", "dry-cured bacon")
           r"\bcured (?:ham|meats?|bacon|salmon|sausages?|salami|pork|beef|fish|chorizo|duck|egg yolks?)\b",
           r"\b(?:dry|salt|smoke|home|sugar|air)[- ]cured\b"]


def _listed_ban(rest: str, index: int) -> ExistenceRule | None:
    """The words a ban lists after its head, each banned as written (any inflection)."""
    m = _LISTED.match(rest)
    if not m:
        return None
    words = [w.strip(" .!'\"“”‘’") for w in re.split(r",|\bor\b|\band\b|/", m.group("words"))]
    words = [w for w in words if w and len(w.split()) <= 3]
    if not words:
        return None
    return ExistenceRule(
        id=f"brief.avoid.{index}-listed-{_slug(words[0])}", kind="existence", terms=words, stems=True,
        exceptions=_IDIOMS,
        message=f"The brief bans words such as {', '.join(words)} (“{rest}”).", severity=Severity.HIGH,
        suggestion="Remove these words and their inflections.", source=f"Campaign brief constraint: “{rest}”",
        category=Category.RISK, fix=FixSpec(kind=FixKind.REMOVE), covers_rules=claim_topics(rest),
    )


def _clause_rules(clause: str, index: int) -> tuple[list[Any], list[str]]:
    """The rules one clause of a constraint makes, and what of it no rule reads."""
    banned = quoted_ban(clause)
    if banned:  # "never 'the device' or 'the gadget'"
        return [quoted_ban_rule(banned, clause, index)], []
    wanted = requirement(clause)
    plain = compile_constraint(_head_clause(clause)[0], index) if wanted is None or wanted.plain else None
    if wanted is not None and plain is None:
        rule = requirement_rule(wanted, clause, index)
        return ([rule], []) if rule is not None else ([], [clause])
    rest = _head_clause(clause)[1]
    if plain is None:
        return [], [clause]
    listed = _listed_ban(rest, index) if rest else None
    if listed is not None:
        return [listed, plain], []  # "No medical language: avoid words like treat, heal or cure"
    return [plain], [rest] if rest else []  # "… keep it to taste and lifestyle": the judge's


_REASON_CLAUSE = re.compile(rf"^\s*{REASON_WORDS}\b(?!.*\b(?:must|should|always|never|include|mention)\b)",
                            re.IGNORECASE)


def compile_brief(constraints: list[str]) -> tuple[RulePack, list[str]]:
    """The brief's rule pack (versioned by a hash of its constraints) and the constraints
    that could not be compiled."""
    rules: list[Any] = []
    uncompiled: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(constraints, start=1):
        whole = compile_constraint(raw, i)
        # a naming convention or a limit reads the whole line ("Refer to them as guests, not customers")
        parts = [raw] if isinstance(whole, SubstitutionRule | LimitRule) else clauses(raw)
        made: list[Any] = []
        unread: list[str] = []
        for k, clause in enumerate(parts):
            clause_rules, clause_unread = _clause_rules(clause, i)
            made += clause_rules
            # a reason after the ask ("- it is a cosmetic", "; legal has said no") asks nothing
            unread += [c for c in clause_unread if not (k and _REASON_CLAUSE.match(c))]
        if not made:
            uncompiled.append(raw)
            continue
        uncompiled += unread
        for rule in made:
            if rule.id in seen:
                rule = rule.model_copy(update={"id": f"{rule.id}-{i}"})
            seen.add(rule.id)
            rules.append(rule)
    digest = hashlib.sha256("\n".join(constraints).encode("utf-8")).hexdigest()[:12]
    pack = RulePack(id="brief", version=digest, title="Campaign brief constraints", kind="brief", rules=rules)
    return pack, uncompiled


# Round 13: a banned word is used in a hashtag too, whole or as one of its CamelCase words
# ("#best", "#BestInBrum" under "don't use the word 'best'"), though not in a handle ("@bestbuys").
_BAN_LEFT = r"(?:(?<![\w#@])|(?<=#)|(?-i:(?<=[a-z])(?=[A-Z])))"
_BAN_RIGHT = r"(?:(?!\w)|(?-i:(?<=[a-z])(?=[A-Z])))"


def flexible(phrase: str) -> str:
    """A quoted banned phrase in any inflection, a determiner between its words allowed ("never
    'boosts immunity'" is broken by "boost your immunity")."""
    words = phrase.split()
    if len(words) == 1:
        return _BAN_LEFT + term_regex(phrase, stems=phrase.isalpha()) + _BAN_RIGHT
    gap = r"[\s-]+(?:(?:your|the|their|my|our|a|an|its|his|her)\s+)?"
    return _BAN_LEFT + gap.join(term_regex(w, stems=w.isalpha() and len(w) > 3) for w in words) + _BAN_RIGHT


def quoted_ban_rule(banned: list[str], raw: str, index: int) -> ExistenceRule:
    """A ban on quoted texts: each, as written or inflected."""
    return ExistenceRule(
        id=f"brief.avoid.{_slug(banned[0])}", kind="existence", patterns=[flexible(b) for b in banned],
        message=f"The brief bans {', '.join(f'“{b}”' for b in banned)} (“{raw}”).", severity=Severity.HIGH,
        suggestion="Remove these words.", source=f"Campaign brief constraint: “{raw}”", category=Category.RISK,
        fix=FixSpec(kind=FixKind.REMOVE),  # the words themselves: no claim of their kind is covered
    )


def _anchored(rule: RequiredRule, requirement: Requirement) -> list[str]:
    """Patterns of what ``rule`` requires, at the start of a text or in its first sentence."""
    lead = r"\A[\s\W]{0,3}?" if requirement.position == "start" else r"\A[^.!?]*?"
    return [lead + r"(?<![\w#@])" + term_regex(t) + r"(?!\w)" for t in rule.terms]


def _together(patterns: list[str]) -> str:
    """One pattern found when every one of ``patterns`` is somewhere in the text."""
    return r"(?s)\A" + "".join(f"(?=.*?(?:{p}))" for p in patterns) + "."


def requirement_rule(wanted: Requirement, raw: str, index: int) -> RequiredRule | ConditionalRule | None:
    """A :class:`Requirement` as a rule: required in the pieces it names, at its position,
    and only in pieces that mention its trigger."""
    base = compile_constraint(f"Include {wanted.what}", index)
    if not isinstance(base, RequiredRule):
        return None
    source = f"Campaign brief constraint: “{raw}”"
    scope = Scope(types=list(wanted.types) if wanted.types else [ArtifactType.COPY, ArtifactType.SHORT_COPY,
                                                                 ArtifactType.VISUAL],
                  **({"fields": list(wanted.fields)} if wanted.fields else {}),
                  platforms=list(wanted.platforms) if wanted.platforms else None)
    update: dict[str, Any] = {"scope": scope, "source": source, "message": f"The brief requires “{raw}”."}
    if wanted.position != "anywhere" and base.terms:
        update |= {"terms": [], "all_terms": [], "all_of": [], "patterns": _anchored(base, wanted)}
    rule = base.model_copy(update=update)
    if not wanted.trigger:
        return rule
    if_terms, if_patterns = topic_terms(wanted.trigger, _field_of)
    then = [term_regex(t, stems=rule.stems and t.replace(" ", "").isalpha()) for t in rule.terms] + rule.patterns
    if rule.all_of:
        then.append(_together(rule.all_of))
    if rule.all_terms:
        then.append(_together([term_regex(t, stems=True) for t in rule.all_terms]))
    return ConditionalRule(
        id=rule.id, kind="conditional", within="artifact", scope=scope,
        if_patterns=[r"(?<!\w)" + term_regex(t, stems=t.replace("-", "").isalpha()) + r"(?!\w)" for t in if_terms]
        + if_patterns + list(wanted.trigger_patterns),
        then_patterns=then, message=f"The brief requires “{raw}”.", severity=Severity.HIGH,
        suggestion=rule.suggestion, source=source, category=Category.CLARITY, fix=FixSpec(kind=FixKind.REWRITE),
    )
