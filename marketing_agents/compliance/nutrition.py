"""``nutrition-claim``: a nutrition claim read against the conditions of Reg. 1924/2006's Annex.

A nutrition claim ("low fat", "a source of fibre", "high in protein", "naturally low in sugar",
"barely a whisper of sugar") may be made only when the food meets the Annex's condition for it,
and those conditions are arithmetic on the brief's own nutrition figures: at most 3 g fat per
100 g (1.5 g per 100 ml), at least 3 g fibre per 100 g or 1.5 g per 100 kcal, protein at least
20% of the energy. The figures come in any order a label or a spec sheet writes them ("Nutrition
per 100g: fat 4.0g", "3.9 g sugar per 100 ml", "energy 1820kJ/435kcal, protein 16g (14.7% of
energy)"), so the evidence is read as a small table, not matched as wordings: a threshold written
as a regular expression can say "more than 3" but cannot divide fibre by energy.

Each claim entry names its nutrient and its condition; the claim is a finding only when the
evidence states the figure and the figure fails (nothing on file is not a contradiction: whether a
claim is substantiated at all is another rule's matter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import compile_pattern
from .rules import BaseRule

Nutrient = Literal["fat", "saturates", "sugars", "salt", "fibre", "protein", "energy"]

_NAMES: dict[str, Nutrient] = {
    "saturated fat": "saturates", "saturates": "saturates", "saturated fats": "saturates", "sat fat": "saturates",
    "fat": "fat", "total fat": "fat", "fats": "fat", "sugars": "sugars", "sugar": "sugars", "total sugars": "sugars",
    "salt": "salt", "fibre": "fibre", "fiber": "fibre", "dietary fibre": "fibre", "dietary fiber": "fibre",
    "protein": "protein", "proteins": "protein",
}
_NAME = "|".join(sorted((re.escape(n) for n in _NAMES), key=len, reverse=True))
_VALUE = r"(?<![\d.,])(?P<v>\d+(?:[.,]\d+)?)\s?(?P<u>mg|g)\b"
# "fat 4.0g", "sugars: 9.8 g", "fibre content 2.1g" (not "of which saturates" read as fat)
_NAME_FIRST = re.compile(rf"\b(?P<name>{_NAME})\b\s?:?\s?(?:content\s)?(?:of\s)?" + _VALUE, re.IGNORECASE)
# "3.9 g sugar per 100 ml", "4g of fat"
_VALUE_FIRST = re.compile(_VALUE + rf"\s(?:of\s)?(?P<name>{_NAME})\b", re.IGNORECASE)
_PER_100 = re.compile(r"(?:\bper|/|\bin every|\bin each)\s?100\s?(?P<basis>ml|g)\b", re.IGNORECASE)
_KCAL = re.compile(r"(?<![\d.,])(?P<v>\d+(?:[.,]\d+)?)\s?kcal\b", re.IGNORECASE)
_KJ = re.compile(r"(?<![\d.,])(?P<v>\d+(?:[.,]\d+)?)\s?kj\b", re.IGNORECASE)
_ENERGY = re.compile(r"\b(?:energy|calories)\b", re.IGNORECASE)
# "protein 16g (14.7% of energy)", "35% of energy from protein"
_PROTEIN_SHARE = re.compile(
    r"\bprotein\b[^;\n]{0,30}?(?<![\d.,])(?P<p>\d+(?:[.,]\d+)?)\s?%\s?(?:of\s)?(?:the\s)?(?:energy|calories|kcal)\b"
    r"|(?<![\d.,])(?P<q>\d+(?:[.,]\d+)?)\s?%\s?(?:of\s)?(?:the\s)?(?:energy|calories)\s(?:comes?\s)?from\sprotein\b",
    re.IGNORECASE)

# round 7: a legal condition quoted in the evidence ("Conditions: high protein needs at least 20% of
# energy from protein") is the Annex's threshold, not the product's figure
_REQUIREMENT = re.compile(
    r"\b(?:conditions?|needs?|requires?|required|must|at least|minimum|threshold|only if)\b[^;\n]{0,50}$",
    re.IGNORECASE)

# the claim itself denied, just before it: "isn't low in sugar", "not a source of fibre"
_NOT_BEFORE = re.compile(
    r"\b(?:not|never|isn't|aren't|wasn't|isn’t|aren’t)\s(?:(?:a|an|really|particularly|that|very|as)\s){0,2}$",
    re.IGNORECASE,
)


def _required(item: str, share: re.Match[str]) -> bool:
    """Whether the protein share ``share`` is a condition the item quotes ("high protein needs at
    least 20% of energy"), read up to the figure itself: the words before it may be inside the match."""
    figure = share.start("p") if share.group("p") is not None else share.start("q")
    return _REQUIREMENT.search(item[:figure]) is not None


def _num(text: str) -> float:
    return float(text.replace(",", "."))


@dataclass
class Facts:
    """What the evidence states: nutrient grams per 100 g or 100 ml, the energy, the protein share."""

    per100: dict[Nutrient, float]
    liquid: bool
    kcal_per100: float | None
    protein_share: float | None  # % of energy
    ratios: dict[Nutrient, float]  # grams per 100 kcal, from any basis that states both

    @property
    def stated(self) -> bool:
        # (round 7: an energy figure alone is a fact too, the one "low calorie" is read against)
        return bool(self.per100 or self.protein_share is not None or self.ratios or self.kcal_per100 is not None)


def _grams(m: re.Match[str]) -> float:
    value = _num(m.group("v"))
    return value / 1000 if m.group("u").lower() == "mg" else value


def _item_kcal(item: str) -> float | None:
    """The item's energy: the kcal figure named as energy, else its kJ figure, else its first kcal."""
    for e in _ENERGY.finditer(item):
        window = item[e.end() : e.end() + 30]
        k = _KCAL.search(window)
        if k:
            return _num(k.group("v"))
        j = _KJ.search(window)
        if j:
            return _num(j.group("v")) / 4.184
    k = _KCAL.search(item)
    return _num(k.group("v")) if k else None


def read_facts(evidence: list[str]) -> Facts:
    """The nutrition table the brief's evidence states, from items in any label order."""
    facts = Facts({}, False, None, None, {})
    for item in evidence:
        grams: dict[Nutrient, float] = {}
        for pattern in (_NAME_FIRST, _VALUE_FIRST):
            for m in pattern.finditer(item):
                name = _NAMES[m.group("name").lower()]
                if name == "fat" and re.search(r"\b(?:saturated|sat)\s$", item[max(0, m.start() - 10) : m.start()],
                                               re.IGNORECASE):
                    continue
                grams.setdefault(name, _grams(m))
        share = next((m for m in _PROTEIN_SHARE.finditer(item) if not _required(item, m)), None)
        if share and facts.protein_share is None:
            facts.protein_share = _num(share.group("p") or share.group("q"))
        kcal = _item_kcal(item)
        basis = _PER_100.search(item)
        if kcal:
            for name, value in grams.items():
                facts.ratios.setdefault(name, value / kcal * 100)
        if basis is None:
            continue  # a serving's figures give ratios and shares, not the Annex's per-100 amounts
        facts.liquid = facts.liquid or basis.group("basis").lower() == "ml"
        for name, value in grams.items():
            facts.per100.setdefault(name, value)
        if kcal and facts.kcal_per100 is None:
            facts.kcal_per100 = kcal
    if facts.protein_share is None and "protein" in facts.ratios:
        facts.protein_share = facts.ratios["protein"] * 4  # 4 kcal per gram of protein
    return facts


class NutritionCondition(BaseModel):
    """One nutrition claim and its Annex condition."""

    model_config = ConfigDict(extra="forbid")
    claim: list[str]
    nutrient: Nutrient
    # grams per 100 g (solids) and per 100 ml (liquids); kcal for energy
    max: float | None = None
    max_liquid: float | None = None
    min: float | None = None
    # the Annex's alternative per 100 kcal ("or 1.5 g of fibre per 100 kcal")
    min_per_100kcal: float | None = None
    # protein: a share of the energy
    min_energy_share: float | None = None
    says: str


class NutritionClaimRule(BaseRule):
    """A nutrition claim, in any words, that the brief's own figures do not meet."""

    kind: Literal["nutrition-claim"]
    claims: list[NutritionCondition] = Field(default_factory=list)
    _compiled: list[list[re.Pattern[str]]] = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        self._compiled = [[compile_pattern(p) for p in c.claim] for c in self.claims]

    def check(self, context: RuleContext) -> list[Finding]:
        if not context.evidence:
            return []
        facts = read_facts(context.evidence)
        if not facts.stated:
            return []
        findings = []
        for f in context.in_scope(self):
            taken: list[tuple[int, int]] = []
            for entry, patterns in zip(self.claims, self._compiled, strict=True):
                failed = _fails(entry, facts)
                if failed is None:
                    continue
                for p in patterns:
                    for m in p.finditer(f.text):
                        if any(m.start() < e and s < m.end() for s, e in taken):
                            continue
                        if _NOT_BEFORE.search(f.text[max(0, m.start() - 40) : m.start()]):
                            continue  # "not low in sugar" (but "no added sugar and low in sugar" claims)
                        excerpt = f.text[m.start() : m.end()]
                        fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                        desc = f"{self.message} Found {quoted(excerpt)}; the evidence gives {failed}: {entry.says}"
                        findings.append(make_finding(self, f, (m.start(), m.end()), fix, desc))
                        taken.append((m.start(), m.end()))
        return findings


def _fails(entry: NutritionCondition, facts: Facts) -> str | None:
    """How the evidence's figure fails the entry's condition, or None (met, or not stated)."""
    unit = "ml" if facts.liquid else "g"
    if entry.min_energy_share is not None:
        share = facts.protein_share
        if share is not None and share < entry.min_energy_share:
            return f"{share:.1f}% of the energy from {entry.nutrient}"
        return None
    if entry.nutrient == "energy":
        value = facts.kcal_per100
    else:
        value = facts.per100.get(entry.nutrient)
    ceiling = entry.max_liquid if facts.liquid and entry.max_liquid is not None else entry.max
    if ceiling is not None:
        if value is not None and value > ceiling:
            return f"{value:g} {'kcal' if entry.nutrient == 'energy' else 'g'} per 100 {unit}"
        return None
    if entry.min is not None:
        ratio = facts.ratios.get(entry.nutrient)
        if entry.min_per_100kcal is not None and ratio is not None and ratio >= entry.min_per_100kcal:
            return None
        if value is not None and value < entry.min:
            return f"{value:g} g per 100 {unit}"
        if value is None and ratio is not None and entry.min_per_100kcal is not None:
            return f"{ratio:.2g} g per 100 kcal"
    return None


# --- an authorised claim's daily amount against the dose the copy names ------------------------

_UNIT_G = {"g": 1.0, "mg": 0.001, "µg": 0.000001, "mcg": 0.000001, "ug": 0.000001}
_AMOUNT = r"(?<![\d.,])(?P<v>\d+(?:[.,]\d+)?)\s?(?P<u>mg|µg|mcg|ug|g)\b"
# the condition of use: "condition 3g/day", "(3g/day)", "daily intake of 3 g", "3 g per day"
_CONDITION = re.compile(_AMOUNT + r"\s?(?:/\s?day|(?:a|per|each)\s(?:day|daily)|daily)\b"
                        r"|\bdaily intake of\s" + _AMOUNT.replace("(?P<v>", "(?P<v2>").replace("(?P<u>", "(?P<u2>"),
                        re.IGNORECASE)
_SERVING_WORDS = (r"serving|glass|cup|shot|capsule|tablet|gummy|gummies|bar|pot|bowl|dose|sachet|scoop|portion|"
                  r"bottle|can|carton|spoonful|stick")
# one serving's amount: "1g oat beta-glucan per 250ml serving", "1g glucomannan per dose"
_PER_SERVING = re.compile(_AMOUNT + r"\s(?:of\s)?(?:[\w-]+\s){0,3}?(?:per|in each|in every|in one|in a|a)\s"
                          r"(?:\d+\s?(?:ml|g)\s)?(?:" + _SERVING_WORDS + r")\b", re.IGNORECASE)
_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "single": 1}
# the copy's daily dose: "one glass a day", "a daily shot", "two capsules daily"
_DAILY = r"(?:a day|per day|daily|every day|each day)\b"
# the copy's daily dose, read from its serving word: "one glass a day", "a daily shot", "two capsules daily"
_SERVING = re.compile(r"\b(?:" + _SERVING_WORDS + r")(?:e?s)?\b", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|single|\d)\s(?:[\w-]+\s){0,4}$", re.IGNORECASE)
_DAILY_BEFORE = re.compile(r"\b(?P<n>a|one|your)\s(?:single\s)?daily\s$", re.IGNORECASE)
_DAILY_AFTER = re.compile(r"^(?:\s[\w-]+){0,6}?\s" + _DAILY, re.IGNORECASE)
_COPY_DAILY_GRAMS = re.compile(_AMOUNT + r"\s(?:of\s)?(?:[\w-]+\s){0,3}?" + _DAILY, re.IGNORECASE)


def _g(value: str, unit: str) -> float:
    return _num(value) * _UNIT_G[unit.lower()]


def daily_condition(evidence: list[str]) -> tuple[float, float] | None:
    """The authorised claim's daily amount and one serving's amount, when the evidence states both."""
    condition = serving = None
    for item in evidence:
        c = _CONDITION.search(item)
        if c and condition is None and re.search(r"\b(?:authori[sz]ed|condition|claim|EFSA|Reg\.?|Regulation)\b", item,
                                                 re.IGNORECASE):
            condition = _g(c.group("v") or c.group("v2"), c.group("u") or c.group("u2"))
        s = _PER_SERVING.search(item)
        if s and serving is None:
            serving = _g(s.group("v"), s.group("u"))
    if condition is None or serving is None:
        return None
    return condition, serving


def dose_shortfall(text: str, condition: float, serving: float) -> tuple[int, int, float, float] | None:
    """The copy's daily dose, its amount and the condition's, when the dose falls short of the
    authorised claim's daily condition of use (None otherwise)."""
    if any(_g(m.group("v"), m.group("u")) >= condition for m in _COPY_DAILY_GRAMS.finditer(text)):
        return None  # the copy states a daily amount that meets the condition
    for m in _SERVING.finditer(text):
        before = text[max(0, m.start() - 50) : m.start()]
        daily = _DAILY_BEFORE.search(before)
        counted = daily or (_COUNT_BEFORE.search(before) if _DAILY_AFTER.search(text[m.end() : m.end() + 60]) else None)
        if counted is None:
            continue
        word = counted.group("n").lower()
        count = float(word) if word.isdigit() else float(_COUNT_WORDS.get(word, 1))  # "your daily shot": one
        if count * serving < condition:
            start = max(0, m.start() - 50) + counted.start()
            return start, m.end(), count * serving, condition
    return None


class ConditionOfUseRule(BaseRule):
    """An authorised claim whose daily condition of use the dose the copy names does not meet."""

    kind: Literal["condition-of-use"]
    # words that show the field makes the claim the condition belongs to (its function or organ)
    claim_words: list[str] = Field(default_factory=list)
    _claim: re.Pattern[str] | None = PrivateAttr(default=None)

    def model_post_init(self, context: object, /) -> None:
        self._claim = compile_pattern(r"\b(?:" + "|".join(self.claim_words) + r")") if self.claim_words else None

    def check(self, context: RuleContext) -> list[Finding]:
        daily = daily_condition(context.evidence) if context.evidence else None
        if daily is None:
            return []  # no authorised claim with a daily amount on file (most campaigns)
        findings = []
        for f in context.in_scope(self):
            if self._claim is not None and not self._claim.search(f.text):
                continue
            short = dose_shortfall(f.text, *daily)
            if short is None:
                continue
            start, end, given, needed = short
            excerpt = f.text[start:end]
            fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
            desc = (f"{self.message} Found {quoted(excerpt)}: it gives {given:g} g a day; the authorised claim's "
                    f"condition of use on file is {needed:g} g a day.")
            findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings
