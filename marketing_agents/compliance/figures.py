"""The role of a figure in its sentence: a claim that needs substantiation, or a fact of the offer.

Why this module exists. Substantiation (UK CAP Code 3.7; the FTC's Policy Statement on
Substantiation) is owed for objective *claims*: what the product does, how well, for how
long, how it compares, who approves of it. It is not owed for the facts that describe the
offer: a pack of 60 tabs, sizes 6-22, 27 hotels, a 250 x 350 cm rug, 14 mg of iron per
serving, a 400-thread-count sheet, a 20-minute plan, opening hours, an age, a date, a
price, a temperature, a survey of 1,200 people, a model number. ``ads.claim-number`` used
to treat every figure as a claim unless one of some twenty exception families said
otherwise; on product copy written the way our own agents write it (3-6 sentences full of
sizes, counts and times) that blocked two clean snippets in three, and every false block
costs a needless regeneration. So the decision is turned round: a figure is a claim only
when its ROLE is one a regulator asks evidence for, recognised by the shape around it:

- effect: it quantifies an effect or benefit ("cuts bills by 30%", "lose 10 lb", "kill
  99.9% of bacteria", "up to 40% more power", "visibly younger skin in 7 days");
- performance: a promise of what the product does ("lasts 48 hours", "keeps drinks cold
  for 36 hours", "36 hours of listening", "drive 400 miles on one charge", "speeds of up to
  900Mb") unless the sentence states the test conditions it was measured under (WLTP,
  "in our tests", "average peak speeds"): then it is the disclosed spec;
- comparison: "50% longer", "3 times faster", "20% cheaper than";
- scarcity: "only 3 left at this price" (a stock claim, CPRs Sch. 1 para 7), unless the
  evidence says the count is live;
- social proof: a share or count of approving people ("9 out of 10 vets", "4.9 out of 5",
  "N% of users say") is the endorsement rules' (16 CFR 255, 465), so it is ``owned``; a count
  of users ("5 million learners") is a claim only when the evidence states a count of
  people to compare it with (evidence against copy), otherwise a fact of the business.

Every other figure is a ``fact``. A figure inside a quoted testimonial, or in a sentence that
states the typical result, is qualified by the copy's typicality statement ("results vary",
"the median is £310"): the endorsement rules judge typicality. Effects on an environmental
quantity ("cuts sulphur emissions by 95%") are the environmental pack's. The word families
are in ``lexicon.yaml`` under ``figures``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml

from .matching import Gated
from .objectivity import unrepresentative

LEXICON_FILE = Path(__file__).resolve().parent / "lexicon.yaml"
RoleKind = Literal["claim", "fact", "owned"]


@dataclass(frozen=True)
class Role:
    """What a figure does in its sentence; ``reason`` names the shape that decided it."""

    kind: RoleKind
    reason: str
    contradicted: bool = False  # the evidence states the same quantity with another value
    # the shape alone shows the claim (a stock count that urges, a comparison by a figure, a
    # change "by N"), so none of the offer-term exceptions of claims._not_a_claim applies
    decisive: bool = False
    # the effect is on the body, the mind or a disease's germs: a health claim (health.quantified-effect)
    about_body: bool = False

    @property
    def is_claim(self) -> bool:
        return self.kind == "claim"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, list[str]]:
    doc = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    return {k: [str(w) for w in v] for k, v in doc["figures"].items()}


def _inflections(verb: str) -> list[str]:
    """A regular verb's forms: "reduce" → reduces, reduced, reducing; "cut" → cuts, cutting."""
    forms = [verb]
    if verb.endswith("e"):
        forms += [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        forms += [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    else:
        ending = "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s"
        forms += [verb + ending, verb + "ed", verb + "ing"]
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):
            forms += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return forms


def _alternation(words: list[str]) -> str:
    """A regex alternation of phrases, longest first, spaces as any whitespace."""
    unique = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


_TIME = r"(?:hours?|hrs?|h|minutes?|mins?|seconds?|secs?|s|days?|weeks?|wks?|months?|years?|yrs?|nights?)"
_MEASURE = (r"(?:miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|ft|feet|mph|km/h|kph|mpg|mb|mbps|gb|gbps|mb/s"
            r"|gb/s|mbit/s|gbit/s|kw|kwh|w|watts?|pa|lumens?|db)")
_LEAD = (r"(?:(?:up to|over|around|about|almost|nearly|roughly|approximately|an average of|on average|more than"
         r"|as much as|at least|a further|another|just|only|as little as|under|less than)\s+)*")
_CLAUSE_BREAK = re.compile(r"[,;:—–()\[\].!?\n]|\s-\s")
_QUOTE_OPEN = re.compile(r"[“\"]|(?<!\w)['‘](?=\w)")
_APPROVAL = ("say|said|agree|agreed|saw|see|felt|feel|noticed|notice|report|reported|recommend|recommended|would"
             "|prefer|preferred|rated|rate|found|find|love|loved|trust|choose|chose|switched|asked|voted")
_RATING = re.compile(r"★|⭐|\b\d(?:\.\d)?\s?(?:/\s?5|out of 5|stars?)\b|\brated\b", re.IGNORECASE)
_SURVEY = re.compile(r"\b(?:survey\w*|poll\w*|asked|respondents|panel|tasters?|reviews?|reviewers?|ratings?|"
                     r"testimonials?|customers?|members?|users?|players?)\b", re.IGNORECASE)
_RATING_EVIDENCE = re.compile(r"\b\d\.\d\s?(?:/\s?5|out of 5|stars?|★)|\b(?:average|overall|mean)\s+(?:rating|score)\b",
                              re.IGNORECASE)


def _about_endorsers(evidence: list[str]) -> bool:
    """Whether the evidence describes the people, survey or reviews behind social proof
    ("Survey of 10 vets, all paid consultants"): then whether they are independent and
    enough is the endorsement rules' question, not an unsupported number."""
    return any(_SURVEY.search(e) or _shapes().people_count_evidence.search(e) for e in evidence)


def _copy_share(excerpt: str, after: str) -> float | None:
    """The share a figure states: "64%" → 0.64, "9" of "9 out of 10" → 0.9."""
    value = float(re.sub(r"[^\d.]", "", excerpt.replace(",", "")) or 0)
    if re.search(r"%|percent|per cent", excerpt + after[:10]):
        return value / 100
    m = re.match(r"^\s+(?:out of|in|of)\s+(\d+)\b", after)
    return value / int(m.group(1)) if m and int(m.group(1)) else None


def _evidence_shares(evidence: list[str]) -> list[float]:
    """Shares an evidence item computes: "90%", "18 of 20", or "survey of 20 …; 18 agreed"."""
    out: list[float] = []
    for item in evidence:
        out += [float(p) / 100 for p in re.findall(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)", item)]
        if not _shapes().people_count_evidence.search(item):
            continue  # a pair of figures is a survey's count only when it counts people
        counts = [int(v.replace(",", "")) for v in re.findall(
            r"(?<![\d.,£$€])\d+(?:,\d{3})*(?![\d.,%]|\s?(?:g|mg|kg|ml|l|cm|mm|m|km|oz|lb|p)\b)", item)]
        out += [a / b for a in counts for b in counts if 0 < a <= b and a != b]
    return out


_ENVIRONMENTAL = re.compile(
    r"\b(?:emissions?|CO2|CO₂|carbon|plastic|packaging|waste|greenhouse|footprint|particulates|pollut\w*|sulphur"
    r"|sulfur|NOx|methane|landfill)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _bodily() -> re.Pattern[str]:
    """What a figure's effect is on when it is the body's (lexicon ``figures.bodily_quantities``)."""
    # (not when the word names a thing's attribute: "your energy bills", "sleep mode", "pain points")
    return re.compile(rf"(?<![\w-])(?:{_alternation(_lexicon()['bodily_quantities'])})(?![\w-])"
                      r"(?!\s+(?:bills?|costs?|use|usage|suppliers?|tariffs?|compan(?:y|ies)|providers?|consumption"
                      r"|efficiency|ratings?|savings?|prices?|plans?|mode|points?|settings?|timers?)\b)",
                      re.IGNORECASE)


@dataclass(frozen=True)
class _Shapes:
    effect_before: Gated
    result_in_time_before: Gated
    comparative_after: re.Pattern[str]
    performance_before: Gated
    performance_noun_before: Gated
    performance_after: re.Pattern[str]
    tested: re.Pattern[str]
    typicality: re.Pattern[str]
    share_of_people_after: re.Pattern[str]
    count_of_people_after: re.Pattern[str]
    people_count_evidence: re.Pattern[str]
    scarcity_after: re.Pattern[str]
    result_after: re.Pattern[str]
    live_stock: re.Pattern[str]


@lru_cache(maxsize=1)
def _shapes() -> _Shapes:
    lex = _lexicon()
    verbs = _alternation([f for v in lex["benefit_verbs"] for f in _inflections(v)] + lex["irregular"])
    results = _alternation(lex["result_nouns"])
    comparatives = _alternation(lex["comparative_after"])
    perf_verbs = _alternation(lex["performance_verbs"])
    perf_nouns = _alternation(lex["performance_nouns"])
    people = _alternation(lex["people"])
    # object words between the verb and its figure: not a preposition that starts a new
    # phrase ("delivered within 2 days", "drop into 300 stores" are not effects)
    obj = r"(?:\s+(?!(?:in|within|into|on|onto|for|at|from|with|after|every|per|each)\b)[\w'’-]+){0,4}?"
    i = re.IGNORECASE
    return _Shapes(
        effect_before=Gated(re.compile(rf"\b(?:{verbs})\b{obj}\s+(?:by\s+)?{_LEAD}$", i)),
        result_in_time_before=Gated(re.compile(
            rf"(?:\b(?:{verbs}|{results}|{comparatives}|visibl[ey]|noticeabl[ey])\b)[^,;:.!?]*\b(?:in|within)\s+"
            rf"(?:just\s+|only\s+|as little as\s+|under\s+|less than\s+|about\s+)?$", i)),
        comparative_after=re.compile(
            rf"^(?:\s?(?:%|percent\b|per cent\b)|\s?x\b|[- ]?times\b|[- ]fold\b|\s?{_TIME}\b|\s?{_MEASURE}\b)?"
            rf"\s+(?:as\s+\w+\b|(?:{comparatives})\b)", i),
        performance_before=Gated(re.compile(
            rf"\b(?:{perf_verbs})\b(?:\s+(?!(?:and|but|or|with|every|each|per)\b)[\w'’-]+){{0,3}}?"
            rf"\s+(?:(?:for|to|in|within|over|up to|around|about)\s+)*{_LEAD}$", i)),
        performance_noun_before=Gated(
            re.compile(rf"\b(?:{perf_nouns})\s+(?:of|is|are|up to|reaches|:)\s*{_LEAD}$", i)),
        performance_after=re.compile(
            rf"^[- ]?(?:{_TIME}|{_MEASURE})\b[- ]?(?:of\s+)?(?:[\w-]+\s+)?(?:{perf_nouns})\b"
            rf"|^\s?(?:{_TIME}|{_MEASURE})?\b[^.!?\n]{{0,30}}\b(?:on (?:a |one )?(?:single |full )?(?:charge|tank)"
            rf"|per (?:charge|tank))\b", i),
        tested=re.compile(rf"\b(?:{_alternation(lex['test_conditions'])})\b|\([^)]*\b(?:with|without|off|on|per"
                          r"|mode|setting|when|at)\b[^)]*\)", i),
        typicality=re.compile(rf"\b(?:{_alternation(lex['typicality'])})\b", i),
        share_of_people_after=re.compile(
            rf"^(?:(?:\s?(?:%|percent\b|per cent\b))?\s+of\s+(?:our\s+|the\s+|all\s+)?(?:[\w-]+\s+){{0,2}}"
            rf"(?:{people})\b|\s+(?:out of|in)\s+\d+\s+(?:[\w-]+\s+)?(?:{people})\b|\s+out of\s+(?:10|100)\b"
            # any group said to approve: "N% of gardeners saw …", "8 in 10 bakers would …"
            rf"|(?:\s?%)?\s+(?:of|out of|in)\s+(?:\d+\s+)?(?:our\s+|the\s+)?(?:[\w-]+\s+)?[a-z]+s\s+(?:{_APPROVAL})\b)",
            i),
        count_of_people_after=re.compile(
            rf"^\s?(?:k|m|million|thousand|billion|bn)?\+?\s+(?:[\w'’-]+\s+){{0,3}}?(?:{people})\b", i),
        people_count_evidence=re.compile(
            rf"\b(?:{people}|accounts)\s*[:=]\s*\d|\d[\d,.]*\s*(?:k|m|million|thousand|billion)?\+?\s+"
            rf"(?:[\w-]+\s+){{0,2}}(?:{people}|accounts)\b", i),
        scarcity_after=re.compile(
            rf"^\s+(?:[\w-]+\s+){{0,2}}?(?:{_alternation(lex['scarcity_words'])})\b"
            r"|^\s+(?:[\w-]+\s+){0,2}?at this price\b",
            i),
        result_after=re.compile(rf"^\s?(?:[\w-]+\s+)?(?:{results}|{perf_nouns})\b", i),
        live_stock=re.compile(rf"\b(?:{_alternation(lex['live_stock'])})\b", i),
    )


# How far around a figure its role is read. A verb, noun or qualifier that decides the role
# sits next to the figure ("cuts bills by 30%", "only 3 left"); reading no further keeps the
# work per figure bounded, so copy made of nothing but figures ("9 in 10 9 in 10 …") costs
# time in proportion to its length, not to its square (bench/pathological.py).
SENTENCE_REACH = 600
CLAUSE_REACH = 200


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start:end``, at most ``SENTENCE_REACH`` characters each side."""
    floor = max(0, start - SENTENCE_REACH)
    left = max(max(text.rfind(c, floor, start) for c in "!?\n"), floor - 1)
    for dot in re.finditer(r"\.(?!\d)", text[floor:start]):
        left = max(left, floor + dot.start())
    right = min(len(text), end + SENTENCE_REACH)
    stop = re.search(r"[!?\n]|\.(?!\d)", text[end:right])
    if stop:
        right = end + stop.start()
    return left + 1, right


def _clause_before(text: str, sentence_start: int, start: int) -> str:
    before = text[max(sentence_start, start - CLAUSE_REACH):start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _in_quote(text: str, start: int) -> bool:
    """Whether ``start`` sits inside an open quotation (a testimonial)."""
    before = text[:start]
    opened = [m.start() for m in _QUOTE_OPEN.finditer(before)]
    if not opened:
        return False
    if before.count("“") > before.count("”"):
        return True
    if before.count('"') % 2 == 1:
        return True
    last = opened[-1]
    return before[last] in "'‘" and not re.search(r"\w['’](?!\w)", before[last + 1 :])


def _evidence_values(evidence: list[str]) -> set[str]:
    return {re.sub(r"[^\d.]", "", m.group(0).replace(",", "")).rstrip(".")
            for item in evidence for m in re.finditer(r"\d+(?:[.,]\d+)*", item)}


def role(text: str, start: int, end: int, evidence: list[str] | None = None) -> Role:
    """The role of the figure ``text[start:end]`` (see the module docstring), decided once per
    figure and brief: the general, health and financial number rules each ask for it."""
    return _role(text, start, end, tuple(evidence or ()))


@lru_cache(maxsize=4096)
def _role(text: str, start: int, end: int, evidence_items: tuple[str, ...]) -> Role:
    evidence = list(evidence_items)
    shapes = _shapes()
    excerpt = text[start:end]
    s_start, s_end = _sentence(text, start, end)
    sentence = text[s_start:s_end]
    clause = _clause_before(text, s_start, start)
    after = text[end : min(s_end, end + 80)]
    percent = bool(re.search(r"%|percent|per cent", excerpt))
    if percent and re.match(r"^\s?%?\s*of\s+(?:your|the|an adult's)?\s*(?:daily\s+)?(?:NRV|RI|reference intake"
                            r"|recommended|daily|nutrient reference)\b", after, re.IGNORECASE):
        return Role("fact", "a nutrition declaration (% of the reference intake)")
    if re.match(r"^\s?(?:/\s?5|out of 5|[- ]?stars?|★|⭐)", after, re.IGNORECASE) or (
            shapes.count_of_people_after.match(after) and _RATING.search(sentence)):
        if any(_RATING_EVIDENCE.search(e) for e in evidence) or not _about_endorsers(evidence):
            return Role("claim", "a rating the evidence's rating can check, or with nothing on file")
        return Role("owned", "social proof: a rating whose reviews the evidence describes (review rules)")
    if shapes.share_of_people_after.match(after):
        share = _copy_share(excerpt, after)
        shares = _evidence_shares(evidence)
        # (a survey that says it is of staff, or not blind, computes the share but backs no consumer claim)
        sound = _evidence_shares([e for e in evidence if not unrepresentative(e)])
        if share is not None and any(abs(share - e) <= 0.005 + 1e-9 for e in sound):
            return Role("fact", "a share the evidence's survey computes")
        if shares or not _about_endorsers(evidence):
            return Role("claim", "social proof the evidence's survey can check, or with nothing on file")
        return Role("owned", "social proof: a share of people whose survey the evidence describes (endorsement rules)")
    if re.search(r"\b[A-Z]{2,}[- ]?$", clause) and not re.match(r"^\s?(?:%|x\b|times\b)", after) \
            and not _shouted(sentence) and not shapes.effect_before.search(clause) \
            and not re.search(r"\b(?:only|just|last|up to)\s+$", clause, re.IGNORECASE):
        return Role("fact", "a name's number (FTSE 250, SPF 50)")
    if _SAMPLE_BEFORE.search(clause):
        return Role("fact", "a sample size (a poll of 2,000 adults)")
    claim = _claim_shape(text, start, end, clause, after, excerpt, percent, evidence)
    if claim is None and _serving_contradicted(text[start : end + 60], sentence, evidence):
        return Role("claim", "a nutrient per serving the evidence states otherwise", contradicted=True)
    if claim == _COUNT_AGAINST_EVIDENCE:
        return Role("claim", claim, contradicted=_count_contradicted(excerpt, after, evidence))
    if claim is None:
        return Role("fact", "a fact of the product or the offer")
    if _ENVIRONMENTAL.search(clause) or _ENVIRONMENTAL.search(after[:40]):
        return Role("owned", "an effect on an environmental quantity (environmental pack)")
    if claim != "scarcity" and (_in_quote(text, start) or _typical_sentence(sentence, evidence)) \
            and shapes.typicality.search(text):
        return Role("fact", "a testimonial's or a typical result, qualified by a typicality statement")
    if claim == "performance" and shapes.tested.search(sentence):
        return Role("fact", "a performance figure with its test conditions stated (the spec)")
    if claim == "scarcity" and any(shapes.live_stock.search(e) for e in evidence):
        return Role("fact", "a stock count the evidence says is live")
    if claim in ("effect", "performance") and _pair_contradicted(sentence, evidence):
        return Role("claim", claim + ": the evidence pairs its figures otherwise", contradicted=True)
    decisive = claim in ("scarcity", "comparison") \
        or (claim == "effect" and bool(re.search(r"\bby\s+" + _LEAD + "$", clause, re.I)))
    # (what the effect is on: the clause up to the figure, or the words just after it)
    body = claim != "scarcity" and bool(_bodily().search(clause[-80:]) or _bodily().search(after[:40]))
    return Role("claim", claim + (" on the body" if body else ""), decisive=decisive, about_body=body)


_PAIR = re.compile(r"(?<!\d)(?<!\d[.,])(\d+(?:\.\d+)?)\s?%[^,;.!?\d]{0,12}?\bin\s+"
                   r"(?:just\s+|only\s+|under\s+|about\s+)?"
                   r"(\d+(?:\.\d+)?)\s?(?:min(?:ute)?s?|h(?:ours?|rs?)?|s(?:ec(?:ond)?s?)?)\b", re.IGNORECASE)


def _pair_contradicted(sentence: str, evidence: list[str]) -> bool:
    """"Charges to 80% in 15 minutes" against "0-50% in 15 minutes, 0-80% in 24 minutes": the
    copy pairs a level with a time the evidence pairs with another level (each figure is on
    file, the claim is not)."""
    copy = {(float(a), float(b)) for a, b in _PAIR.findall(sentence)}
    if not copy:
        return False
    on_file = {(float(a), float(b)) for e in evidence for a, b in _PAIR.findall(e)}
    levels = {a for a, _ in on_file}
    return any(pair not in on_file and pair[0] in levels for pair in copy)


# A nutrient's amount per serving is a fact of the product, unless the evidence states the same
# nutrient per serving with another amount ("11g in every bowl" against "per 45g serving:
# protein 7.2g"): then the copy's figure misstates the composition (Reg. 1169/2011 art. 7(1);
# CAP 3.1, 3.7).
_NUTRIENT = (r"protein|fibre|fiber|sugars?|fat|saturates|salt|sodium|carbs|carbohydrates?|caffeine|calories|energy"
             r"|iron|calcium|omega-3|vitamin [a-z]\d{0,2}|magnesium|zinc|potassium")
_SERVING = (r"servings?|portions?|bowls?|bars?|scoops?|cups?|glass(?:es)?|cans?|bottles?|slices?|shots?|tablets?"
            r"|capsules?|sachets?|pots?|biscuits?|pouch(?:es)?|packs?")
_MASS = r"(?:g|mg|mcg|µg|kcal|kj)"
_COPY_SERVING = re.compile(
    rf"^(\d+(?:\.\d+)?)\s?({_MASS})\b(?:\s+(?:of\s+)?(?:{_NUTRIENT}))?\s+(?:in\s+)?(?:every|each|per|a|an|one|your)\s+"
    rf"(?:[\w-]+\s+)?(?:{_SERVING})\b", re.IGNORECASE)
_EVIDENCE_SERVING = re.compile(rf"\bper\s+(?:\d+(?:\.\d+)?\s?(?:g|ml)\s+)?(?:{_SERVING})\b", re.IGNORECASE)


def _serving_contradicted(figure: str, sentence: str, evidence: list[str]) -> bool:
    """Whether a nutrient amount per serving (``figure`` and what follows it) differs from every
    amount the evidence gives for the same nutrient per serving."""
    m = _COPY_SERVING.match(figure)
    if m is None:
        return False
    nutrients = {n.lower().rstrip("s") for n in re.findall(rf"\b(?:{_NUTRIENT})\b", sentence, re.IGNORECASE)}
    value, unit = float(m.group(1)), m.group(2).lower()
    on_file: list[float] = []
    for item in evidence:
        serving = _EVIDENCE_SERVING.search(item)
        if serving is None:
            continue
        rest = item[serving.end() :]
        for n in nutrients:
            pairs = re.findall(rf"\b{re.escape(n)}s?\b\s*:?\s*(\d+(?:\.\d+)?)\s?{unit}\b"
                               rf"|(\d+(?:\.\d+)?)\s?{unit}\s+(?:of\s+)?{re.escape(n)}", rest, re.IGNORECASE)
            on_file += [float(a or b) for a, b in pairs]
    return bool(on_file) and all(abs(value - v) > 0.05 * max(v, 1e-9) for v in on_file)


# The size of the sample a finding rests on ("according to a YouGov poll of 2,000 adults") says
# how it was measured, not what the product does.
_SAMPLE_BEFORE = re.compile(r"\b(?:survey|poll|study|trial|panel|sample|test)\s+of\s+(?:over\s+|more than\s+|around\s+"
                            r"|about\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
_COUNT_AGAINST_EVIDENCE = "a count of people the evidence also counts"
_MAGNITUDE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
_SCALED = re.compile(r"(\d+(?:[.,]\d+)*)\s?(k|thousand|m|million|bn|billion)?\b", re.IGNORECASE)


def _scaled(number: str, unit: str | None) -> float:
    return float(number.replace(",", "")) * _MAGNITUDE.get((unit or "").lower(), 1.0)


def _count_contradicted(excerpt: str, after: str, evidence: list[str]) -> bool:
    """"More than 5 million learners" against evidence counting 1.2 million accounts and
    310,000 active learners: the copy's count is none of the evidence's counts (to the
    copy's rounding) and is bigger than all of them."""
    m = _SCALED.match(excerpt + after)
    if m is None:
        return False
    value = _scaled(m.group(1), m.group(2))
    counts = []
    for item in evidence:
        for c in _SCALED.finditer(item):
            counted = c.group(2) or (re.match(r"^[\d,.]+$", c.group(1)) and len(c.group(1).replace(",", "")) >= 4)
            if counted and _shapes().people_count_evidence.search(item):
                counts.append(_scaled(c.group(1), c.group(2)))
    return bool(counts) and all(value > 1.05 * c for c in counts)


def _shouted(sentence: str) -> bool:
    """Copy in capitals ("LOSE 10 KG IN 2 WEEKS"): a capital word is not a name there."""
    letters = [c for c in sentence if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _typical_sentence(sentence: str, evidence: list[str]) -> bool:
    """A sentence that states the typical result ("the median is £310") with a figure the
    evidence holds."""
    if not re.search(r"\b(?:median|average|typical(?:ly)?|most (?:customers|members|users|people))\b", sentence,
                     re.IGNORECASE):
        return False
    figures = {re.sub(r"[^\d.]", "", m.group(0).replace(",", "")) for m in re.finditer(r"\d+(?:[.,]\d+)*", sentence)}
    return bool(figures & _evidence_values(evidence))


# A money figure followed by "extra" is a surcharge, the price of an add-on ("a cabin bag costs
# £14 extra"), not a comparison; "£5 more than the rest" keeps its "than".
_SURCHARGE_AFTER = re.compile(r"^\s+(?:extra|more|on top)\b(?!\s+than\b)", re.IGNORECASE)
# Who does what the figure measures. An event or a service that lasts a time ("sessions last 45
# minutes", "the tour takes 2 hours") states its duration, a fact of the offer; a product that
# lasts one ("the battery lasts 10 hours") makes a performance promise.
_EVENT_SUBJECT = re.compile(
    r"\b(?:sessions?|class(?:es)?|lessons?|courses?|workshops?|appointments?|treatments?|tours?|visits?"
    r"|consultations?|massages?|facials?|rides?|flights?|journeys?|trips?|crossings?|shows?|performances?"
    r"|screenings?|films?|matches|games?|meetings?|webinars?|calls?|classes|programmes?|programs?|events?"
    r"|tastings?|walks?|talks?|seminars?|slots?|bootcamps?|workouts?)\s+(?:usually\s+|typically\s+|each\s+|all\s+)?$",
    re.IGNORECASE)
# A capacity: what a container or a vehicle holds, seats or fits ("holds 250ml", "seats 7") is its size.
_CAPACITY_BEFORE = re.compile(r"\b(?:holds?|held|seats?|sleeps|fits?|takes|carries|stores)\s+(?:up to\s+|about\s+"
                              r"|around\s+|a\s+generous\s+|a\s+full\s+)?$", re.IGNORECASE)
# A verb-like word used as a noun of price: "standing charges for 24 months", "the booking charge".
_FEE_NOUN = re.compile(r"\b(?:standing|service|booking|delivery|exit|admin|late|bank|extra|hidden|monthly|annual"
                       r"|unit|daily|network|card|the|your|our|any|all|no)\s+charges?\b", re.IGNORECASE)
# A negation the figure's claim stands under ("No sunscreen gives 100% protection", "it won't
# cut your bill by 50%"): the clause denies the effect. Not a parity claim ("no other cream …")
# nor a bound ("no more than 5 g").
_DENIED = re.compile(
    r"(?:^|\b)(?:no|not|never|nothing|none|n['’]t)\b(?!\s+(?:other|else|one else|more than|less than|fewer than"
    r"|longer than|only|just)\b)", re.IGNORECASE)


def _claim_shape(text: str, start: int, end: int, clause: str, after: str, excerpt: str, percent: bool,
                 evidence: list[str]) -> str | None:
    shapes = _shapes()
    if re.search(r"\b(?:only|just|last|final)\s+$", clause, re.IGNORECASE) and shapes.scarcity_after.match(after):
        return "scarcity"
    if re.match(r"[$€£]", excerpt) and _SURCHARGE_AFTER.match(after):
        return None
    if shapes.comparative_after.match(after):
        return "comparison"
    if _DENIED.search(clause) and not re.search(r"\bnot (?:just|only)\b", clause, re.IGNORECASE):
        return None
    if shapes.effect_before.search(clause):
        return "effect"
    unit = re.search(r"[a-z]+$", excerpt, re.IGNORECASE)
    measured = percent or bool(unit) or bool(re.match(rf"^\s?[- ]?(?:{_TIME}|{_MEASURE})\b", after, re.IGNORECASE))
    if measured and re.match(rf"^\s?[- ]?{_TIME}\b", after, re.IGNORECASE) \
            and shapes.result_in_time_before.search(text[max(0, start - 120) : start].split(".")[-1]):
        return "effect"
    verb = shapes.performance_before.search(clause)
    if verb is not None and (_EVENT_SUBJECT.search(clause[: verb.start()])
                             or _FEE_NOUN.search(clause[max(0, verb.start() - 12) : verb.end()])
                             or (_CAPACITY_BEFORE.search(clause) and not re.match(rf"^\s?[- ]?{_TIME}\b", after,
                                                                                   re.IGNORECASE))):
        verb = None  # a session's length, a fee noun, a container's capacity: facts of the offer
    if measured and (verb is not None or shapes.performance_noun_before.search(clause)):
        return "performance"
    if shapes.performance_after.match(after):
        return "performance"
    if re.search(r"\b0\s?[-–]\s?(?:60|62|100)(?:\s?(?:mph|km/h|kph))?\s+in\s+(?:just\s+|under\s+|only\s+)?$", clause,
                 re.IGNORECASE):
        return "performance"  # acceleration: "0-60 in 4 seconds"
    if percent and shapes.result_after.match(after):
        return "effect"  # "a 30% improvement", "98% pass rate", "a 40% reduction in breakouts"
    if percent and re.search(r"\bup to\s+$", clause, re.IGNORECASE):
        return "effect"
    if re.search(r"\bup to\s+$", clause, re.IGNORECASE) and _bodily().match(after.lstrip()):
        return "effect"  # "Up to 1,000 calories", "up to 3 stone": a headline's effect on the body (round 12)
    if shapes.count_of_people_after.match(after) and any(shapes.people_count_evidence.search(e) for e in evidence):
        return _COUNT_AGAINST_EVIDENCE
    return None


def contradicted(text: str, start: int, end: int, evidence: list[str] | None = None) -> bool:
    """Whether the figure is a claim the evidence contradicts (no bound or rounding saves it)."""
    return role(text, start, end, evidence).contradicted


def is_claim(text: str, start: int, end: int, evidence: list[str] | None = None) -> bool:
    """Whether the figure ``text[start:end]`` is a claim that needs substantiation."""
    return role(text, start, end, evidence).is_claim
