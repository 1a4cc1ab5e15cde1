"""Claims that need substantiation: numbers, superlatives, comparisons and proof words.

The brief's ``evidence`` lists what the copy may claim. A claim is supported when an
evidence item states the same thing (the same number, the same superlative or
comparative word, or a study/test for "clinically proven"); anything else is a finding
that names the unsupported claim, because an unsubstantiated objective claim is what
regulators act on first (FTC Act s.5, UK CAP Code 3.7).
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Literal

from ..models import FixKind, Severity
from .fields import TextField
from .figures import role as figure_role
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import alternatives, compile_pattern, find
from .morphology import FUNCTION_WORDS
from .objectivity import (
    ABSOLUTE,
    absolute_supported,
    lab_only_for_real_world,
    laboratory_only,
    near_miss,
    puffery,
    ranking_falls_short,
    ratio_evidenced,
    real_world_below,
    regional_only,
    rival_figures_back,
    typical_below,
    unrepresentative,
)
from .rules import BaseRule

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
NUMBER = (
    r"(?<![\w#@/.,:-])(?<![Nn]o\. )(?<![Nn]o )"
    r"(?:[$€£]\s?)?\d+(?:[.,]\d+)*"
    r"(?:\s?(?:%|percent\b|per cent\b)|x\b|k\b|(?:mb|gb|tb|mbps|gbps|mg|kg|ml|km|mph|kwh|kw|hrs?|mins?|(?-i:g))\b)?"
    r"(?![\w/:]|\.\d|,\d)"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DATE_BEFORE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.? $", re.IGNORECASE)
_NOT_A_CLAIM_AFTER = re.compile(r"^(?:\s?(?:am|pm|st|nd|rd|th)\b|/7\b)", re.IGNORECASE)

_NOT_SUPERLATIVE = (
    "rest|west|best|test|nest|quest|vest|chest|guest|pest|crest|zest|fest|jest|lest|request|interest|forest"
    "|harvest|contest|protest|honest|modest|earnest|digest|manifest|conquest|invest|suggest|arrest|priest"
    "|tempest|inquest|latest|newest|nearest|tastiest|yummiest|comfiest|cosiest|coziest|softest|loveliest"
    "|prettiest|coolest|happiest|dreamiest|juiciest|creamiest|cutest|sweetest|nicest|jolliest|merriest|funniest"
    "|silliest|wildest|boldest|biggest fan|craziest|tiniest|earliest|closest|dearest|finest hour"
)
SUPERLATIVE = (
    r"(?<!\w)#1\b|\bno\.? ?1\b|\bnumber[- ](?:one|1)\b"
    r"|\bbest(?:[- ]selling|[- ]rated)?\b"
    r"(?! (?:weekend|day|night|holiday|time|morning|evening|summer|trip|birthday)s?\b)"
    r"|\bbestselling\b"
    r"|\b(?:greatest|biggest|fastest|strongest|lightest|toughest|safest|cheapest|healthiest"
    r"|cleanest|greenest|smartest|finest|purest|freshest|coldest|longest[- ]lasting|lowest|highest"
    r"|largest|smallest|quietest|warmest|most advanced|most trusted|most popular)\b"
    r"|\b(?:market|industry|world)[- ]leading\b|\bleading\b(?= (?:brand|bottle|provider|maker|choice))"
    r"|\btop[- ]rated\b|\bunbeatable\b|\bunmatched\b|\bunrivall?ed\b|\bunbeaten\b"
    # any "the …est" superlative (word formation), except words that only end like one and
    # the subjective superlatives of taste and comfort that are puffery ("the tastiest way")
    rf"|\bthe (?:[\w-]+ )?(?!(?:{_NOT_SUPERLATIVE})\b)[a-z]{{2,}}(?:est|iest)\b"
    r"(?! (?:day|days|night|nights|weekend|summer|winter|season|year|month|week|hour|time|queue)\b)"
    r"|\bsuperior\b|\bsecond to none\b|\bunparall?eled\b|\bunsurpassed\b|\bbest[- ]in[- ]class\b|\bclass[- ]leading\b"
    r"|\bworld'?s first\b|\bfirst[- ]ever\b|\bthe only\b|\bthe most \w+"
    # top parity in other words: nobody beats it, it can't be beaten, no other X is faster (CAP 3.33)
    r"|\b(?:can(?:no|['’])t|cannot|won['’]t|will not|never) be (?:beaten|bettered|matched|topped|beat|equall?ed"
    r"|surpassed|undercut|rivall?ed)\b"
    r"|\b(?:nobody|no one|no-one|no other\b[^.!?\n]{0,30}?"
    r"|no (?:rival|competitor|brand|bank|network|provider|supplier|retailer|shop|store|app|insurer|lender|airline)s?)"
    r"\s(?:[^.!?\n]{0,40}?\s)?(?:beats?|can beat|could beat"
    r"|matches|can match|comes? close|undercuts?|for less|(?:any )?cheaper|better|faster|quicker|more cheaply"
    r"|(?:is|are) more [a-z]{4,})\b"
    r"(?! than (?:you|yourself|your|a parent|mum|dad)\b)"
    # (like the advertiser: "us", "ours", "it", or a capitalised name, checked against the brief's product)
    r"|\b(?:nobody|no one|no-one|nothing)\s(?:[a-z]+s|does \w+)\s(?:\w+\s)?like (?:us|ours|our|it|this|these|we do"
    r"|[A-Z][\w-]+)\b"
    # "you won't find a faster VPN", "you'll never find better cover" (the price form is ads.price-promise's)
    r"|\b(?:won['’]t|will not|can['’]t|cannot|never|couldn['’]t) (?:ever )?find (?:a |an |any )?"
    r"(?:better|faster|quicker|stronger|longer[- ]lasting|more \w+|(?!cheaper)[a-z]{3,}er)\b"
    r"|\bno (?:better|faster|quicker|cheaper|easier|simpler|safer|more \w+) (?:way|route|option|choice|place|deal)\b"
    r"|\b(?:there['’]s|there is) nothing (?:better|faster|quicker|cheaper)\b"
    r"|\b(?:you|anyone|nobody)\s(?:won['’]t|can['’]t|cannot|will not|couldn['’]t) (?:beat|match|better)\b"
    r"|\b(?:leads?|leading) the (?:market|industry|field|world)\b|\b(?:market|industry|category)[- ]leaders?\b"
    # first to market: "the UK's first smart kettle", "the first app to …" (CAP 3.7)
    r"|\b(?:britain|america|europe|australia|canada|ireland|scotland|wales|england|london|the uk|uk|the us|the usa"
    r"|the nation|the country|the city|the town|the market|the industry)['’]s first\b"
    # (not the call to be first: "be the first to hear", "among the first to try")
    r"|(?<!\bbe )(?<!among )\bthe first (?:(?!\d)[\w-]+ ){0,3}(?:to (?:offer|launch|bring|combine|make|sell|deliver)"
    r"|of its kind"
    r"|on the market|ever made)\b|\bfirst[- ]to[- ]market\b"
    r"|\baward[- ]winning\b"
    # a place's or the public's favourite: "Britain's favourite biscuit", "the nation's best-loved"
    r"|\b(?:britain|america|europe|australia|canada|ireland|scotland|wales|england|london|the uk|the us|the usa"
    r"|the nation|the world|the country|the city|the town|the planet)['’]s"
    r" (?:favou?rite|best[- ]loved|most[- ]loved|best[- ]selling|no\.? ?1|number[- ]one|#1|top[- ]rated|leading|best)\b"
    r"|\b(?:greenest|tastiest[- ]ever|most[- ]loved|best[- ]loved)\b"
    r"(?= (?:brand|airline|bank|energy|supplier|provider|company))"
)
_COMPARATIVES = ("cleaner|brighter|whiter|stronger|faster|tougher|smoother|softer|fresher|quieter|healthier|safer"
                 "|lighter|thinner|slimmer|sharper|clearer|crisper|richer|deeper|longer[- ]lasting|better|smaller"
                 "|lower|reduced|greener")
_NO_BASIS = r"(?![^.!?\n]{0,40}\b(?:than|compared|vs\.?|versus|previous|before|last year|our old|original)\b)"
_NOT_COMPARATIVE = "rather|other|order|later|earlier|sooner|never|ever|over|under|after|either|neither"
COMPARISON = (
    rf"\b(?:better|worse|more \w+|less \w+|fewer \w+|(?!(?:{_NOT_COMPARATIVE})\b)\w{{3,}}er) than"
    r"(?: (?:the|a|an|any|other|most|our|your|their|leading|ordinary|regular|standard|typical"
    r"|conventional|traditional|ever)\b)*(?: (?!(?:and|but|or|with|for|in|on|at|to)\b)[\w-]+)?"
    r"|\b(?:outperforms?|outlasts?)\b(?: (?:the|any|all|other|every)\b)*(?: [\w-]+)?"
    r"|\bbeats?\b(?: (?:the|any|all|other|every|leading|rival|competing|big)\b)+"
    r" (?:competition|competitors?|rivals?|brands?|others|rest|leaders?|market|supermarkets?|banks?|providers?"
    r"|lenders?|insurers?|suppliers?|retailers?|airlines?|networks?|brokers?|shops?|stores?|dealers?)\b"
    rf"|\b(?!(?:{_NOT_COMPARATIVE})\b)\w{{3,}}er (?:[\w-]+ ){{1,2}}than (?:the |a |an |any |our |your |other )*[\w-]+"
    r"|\b(?:twice|three times|\d+x) (?:as \w+|longer|more|less|faster|stronger)\b"
    # a ratio in words against an unnamed rival: "twice the flavour of", "half what you'd pay", "for half the bill"
    r"|\b(?:twice|double|triple|three times|four times|half|a third of|a fraction of) the (?:[\w-]+ )?(?:time|price"
    r"|cost|bill|bills|calories|sugar|fat|speed|power|battery life|flavou?r|taste|protein|storage|data|weight"
    r"|energy|noise|effort|coverage|signal|results?|life|mileage|capacity|strength|caffeine|fibre|fiber)\b"
    r"|\b(?:twice|double|triple|three times|half|a third of|a fraction of) (?:of )?what (?:you|you['’]d|you would"
    r"|you['’]ll|you['’]re|others|they|most)\b(?!(?:['’]d| would)? (?:normally|usually|always|currently) )"
    # a price comparison implied with no "than": "why pay the big six more?", "fill it for less"
    r"|\bwhy pay (?:[\w-]+ ){0,4}(?:more|extra|over the odds|twice)\b|\bfor less\b(?=\s*(?:[.!?]|$))"
    r"|\b(?:paying|pay|pays) (?:far |way )?(?:too much|over the odds)\b"
    r"|\bcompared (?:to|with) [\w-]+"
    # a contrast with a named rival is a comparison with it (CAP 3.33, 3.35: identifiable
    # competitors): "Unlike BlueJet, we include a cabin bag"; not "unlike anything you've tried"
    r"|\bunlike (?!(?-i:[A-Z][a-z]+) (?-i:[a-z]))(?!(?:any|anything|anyone|other|others|most|many|all|the|a|an|your|our"
    r"|their|its|his|her|my|every|some|before|ever|last|yesterday|today|us|them|me|you|we|they)\b)"
    r"(?-i:[A-Z][\w&'’-]+)"
    # implied comparisons, no "than": "lasts longer", "more protein, less sugar", "a cleaner finish"
    rf"|\b(?:lasts?|lasting|stays? \w+|keeps? (?:\w+ ){{1,2}}|runs?|charges?|works?|cleans?|dries|cools?|heats?"
    rf"|absorbs?|protects?|performs?|goes|go|travels?|removes?|kills?|washes|boils?|loads?|delivers?)"
    rf"\s(?:[\w-]+\s)?(?:longer|faster|better|quicker|further|farther)\b{_NO_BASIS}"
    rf"|\b(?:more|less|fewer|extra|reduced|lower|higher)\s(?:protein|sugar|fat|calories|salt|sodium|fibre|fiber"
    rf"|caffeine|carbs|vitamins?|range|power|battery life|legroom|miles|data|speed|noise)\b{_NO_BASIS}"
    rf"|\b(?:{_COMPARATIVES})(?:,? (?:and )?(?:{_COMPARATIVES}))* (?:finish|results?|clean|wash|skin|teeth|smile|hair"
    rf"|performance|protection|coverage|signal|connection|broadband|speeds?|grip|battery|sound|picture|shave"
    rf"|formula|whites|colours|colors)\b{_NO_BASIS}"
)
PROOF = (
    r"\b(?:clinically|scientifically|medically|independently) (?:proven|tested|shown|verified)\b"
    r"|\b(?:lab|laboratory)[- ]tested\b"
    r"|\b(?:studies|research|science|tests) (?:show|shows|prove|proves)\b|\b(?<!un)proven\b"
    r"|\b(?:clinically|scientifically|medically|dermatologically|independently) (?:formulated|backed|studied"
    r"|researched|developed|validated|approved)\b"
    r"|\bscience[- ](?:backed|based|led)\b|\bbacked by (?:science|research|studies|clinical \w+)\b"
)
PATTERNS = {"number": NUMBER, "superlative": SUPERLATIVE, "comparison": COMPARISON, "proof": PROOF,
            "absolute": ABSOLUTE}
# each pattern split at its top-level "|" once, not on every check (the split is a character scan)
_PARTS = {claim: alternatives(pattern) for claim, pattern in PATTERNS.items()}
# (a certificate of analysis is a laboratory's test report: it backs "lab-tested")
_PROOF_EVIDENCE = (r"\b(?:study|studies|trial|clinical|test|tested|lab|research|proven|certified|independent"
                   r"|certificate of analysis|analy[sz](?:is|ed))")


def _number_value(excerpt: str) -> str:
    return re.sub(r"[^\d.]", "", excerpt.replace(",", "")).rstrip(".")


def _evidence_numbers(evidence: list[str]) -> set[str]:
    values = set()
    for item in evidence:
        for m in re.finditer(r"\d+(?:[.,]\d+)*", item):
            values.add(_number_value(m.group(0)))
    return values


def _rounded_from_evidence(value: str, evidence: list[str]) -> bool:
    """A round figure ("12,000 households") that is an evidence figure ("11,940") rounded to the
    copy's own precision, within 2.5%: the same count stated as people state counts (CAP 3.7 asks
    the claim be true, not that it carry every digit). "Over" and "up to" bounds are read apart."""
    try:
        number = float(value)
    except ValueError:
        return False
    zeros = len(value) - len(value.rstrip("0")) if "." not in value else 0
    if number < 100 or zeros < 2:
        return False
    for figure in _evidence_numbers(evidence):
        try:
            other = float(figure)
        except ValueError:
            continue
        if round(other, -zeros) == number and abs(other - number) <= 0.025 * number:
            return True
    return False


def _ratios(text: str) -> list[float]:
    """Shares a text states: "9 out of 10", "191 of 212", "90%"."""
    out = [int(a) / int(b) for a, b in re.findall(r"\b(\d+)\s+(?:out of|of|in)\s+(\d+)\b", text) if int(b)]
    out += [float(p) / 100 for p in re.findall(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent)", text)]
    return out


def _ratio_supported(share: float, denominator: int, evidence: list[str]) -> bool:
    """A rounded share ("9 out of 10") is backed by evidence whose share rounds to it."""
    tolerance = 0.5 / denominator + 1e-9
    return any(abs(r - share) <= tolerance for e in evidence for r in _ratios(e))


def _counted_share(share: float, evidence: list[str]) -> bool:
    """A percentage is backed by an evidence item whose figures compute it: a count of a
    whole ("Survey of 20 women …; 17 agreed" for 85%) or the change between two figures
    ("increased from 40 g to 48 g" for "20% more", "from £50 to £40" for "20% less")."""
    for item in evidence:
        # not a share, a temperature or a standard's number ("50°C", "IEC 60436"): not a count of a whole
        values = {float(v.replace(",", "")) for v in re.findall(
            r"(?<![\d.,])(?<![A-Z]{2} )(?<![A-Z]{3} )\d+(?:,\d{3})*(?:\.\d+)?(?![\d.,]|\s?[%°])", item)}
        values.discard(0.0)
        for a in values:
            for b in values:
                if a < b and any(abs(r - share) <= 0.005 + 1e-9 for r in (a / b, (b - a) / a, (b - a) / b)):
                    return True
    return False


_SHARE_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|per ?cent)\s+$", re.IGNORECASE)


def _share_computed(text: str, start: int, excerpt: str, evidence: list[str]) -> bool:
    """A comparison by a share ("30% less cardboard than our 2023 box") is backed by an
    evidence item whose own two figures give that share and that names the basis compared
    with (its words or figures: "2023 carton weighed 300g")."""
    m = _SHARE_BEFORE.search(text[max(0, start - 12) : start])
    if m is None:
        return False
    basis = excerpt.lower().partition(" than")[2]
    tokens = set(re.findall(r"[a-z]{4,}|\d{2,}", basis)) - {"their", "other", "those", "these", "your"}
    share = float(m.group(1)) / 100
    return bool(tokens) and any(tokens <= set(re.findall(r"[a-z]{4,}|\d{2,}", e.lower()))
                                and _counted_share(share, [e]) for e in evidence)


def _tested_sentence(sentence: str, evidence: list[str]) -> bool:
    """A claim is one sentence: when a test or study in the evidence documents a figure of
    it ("30-second contact time" for "kills 99.9% of bacteria in 30 seconds"), it documents
    the claim, and the sentence's other figures with it."""
    figures = _sentence_figures(sentence)
    return any(compile_pattern(_PROOF_EVIDENCE).search(e) and figures & _evidence_numbers([e]) for e in evidence)


@lru_cache(maxsize=256)
def _sentence_figures(sentence: str) -> frozenset[str]:
    """The figures of a sentence, read once per sentence: every figure of a long sentence asks
    for them (a 20,000-character field of figures and no full stop took seconds)."""
    return frozenset(_number_value(m.group(0)) for m in re.finditer(r"\d+(?:[.,]\d+)*", sentence))


def _without_lab(context: RuleContext) -> RuleContext:
    return dataclasses.replace(context, evidence=[e for e in context.evidence if not laboratory_only(e)])


def _supported(claim: str, excerpt: str, context: RuleContext, after: str = "", sentence: str = "",
               copy: str = "") -> bool:
    if claim == "number":
        # a laboratory result does not back a claim about everyday use ("the air you breathe")
        if lab_only_for_real_world(sentence, context.evidence):
            context = _without_lab(context)
        if real_world_below(sentence, excerpt, context.evidence):
            return False  # "410 miles — London to Edinburgh without stopping" against a real-world 305
        if typical_below(excerpt, after, context.evidence, copy):
            return False  # "burn 800 calories" against a median session of 310 kcal (round 12)
        fraction = _FRACTION_AFTER.match(after)
        if fraction and int(fraction.group(1)):
            share = float(_number_value(excerpt) or 0) / int(fraction.group(1))
            sound = [e for e in context.evidence if not unrepresentative(e)]
            if _ratio_supported(share, int(fraction.group(1)), sound) or _counted_share(share, sound):
                return True
        if _number_value(excerpt) in _evidence_numbers(context.evidence) \
                or _rounded_from_evidence(_number_value(excerpt), context.evidence):
            return True
        if excerpt.endswith("%") and _counted_share(float(_number_value(excerpt) or 0) / 100, context.evidence):
            return True
        return _tested_sentence(sentence, context.evidence)
    if claim == "absolute":
        return absolute_supported(excerpt, context.evidence)
    if claim == "proof":
        return any(compile_pattern(_PROOF_EVIDENCE).search(e) for e in context.evidence)
    key = excerpt.lower()
    if claim == "comparison" and key.startswith("unlike "):
        rival = key[len("unlike ") :]
        return any(rival in e.lower() for e in context.evidence)  # the evidence documents the rival's offer
    if claim == "comparison":
        key, _, basis = key.partition(" than")
        if _basis_evidenced(basis, context.evidence) or (
                _TYPICAL_BASIS.match(basis) and any(_AGAINST_TYPICAL.search(e) for e in context.evidence)):
            return True
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    return any(key in e.lower() for e in context.evidence
               if not (claim == "superlative" and regional_only(excerpt, e, sentence)))


# A figure that states the terms of an offer is a disclosure, not a claim about the
# product: prices, discounts, rates, durations of a trial/return/warranty, instalments,
# ages, dates. Only savings ("save £300") stay claims among money amounts.
_DATE_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:{_MONTHS})[a-z]*\b", re.IGNORECASE)
_SAVING_BEFORE = re.compile(
    r"\b(?:save|saves|saved|saving|savings|cut|cuts|lower|lowers|reduce|reduces|slash\w*|earn|earns|earned|earning"
    r"|make|makes|made|making|win|wins|won|profit|profits|gain|gains"
    r"|fell|fall|falls|dropped|drop|drops|went down|came down|shrank|shrunk)"
    r"(?:\s+(?:you|up|to|up to|an average of|on average|by|over))*\s*$",
    re.IGNORECASE,
)
_TERM_AFTER = re.compile(
    r"^(?:\s?%)?\s*(?:off\b|%\s*off\b|(?:%\s*)?(?:AER|APR|p\.?a\.?|gross|interest|fixed|ABV|vol)\b|\+|"
    r"\s*for\s+[$€£]|\s*for\s+\d|\s*(?:instalments?|installments?|payments?|interest-free)\b|"
    r"[- ]?(?:day|week|month|year|night)s?\b(?=[^.!?]*\b(?:trial|return|refund|cancel|guarantee|warranty|"
    r"money[- ]back|contract|notice|cover|insurance|subscription|membership|free|terms|fixed|bond|term|plan|tariff"
    r"|lease|loan|mortgage|agreement|deal|then|rate|variable|APRC?|AER)\b))",
    re.IGNORECASE,
)
_TERM_BEFORE = re.compile(
    r"(?:\b(?:pay in|split (?:it )?into|within|after|aged?(?: over| under)?|ages"
    r"|(?:interest |variable |fixed |standard |annual |monthly |booking |management |exit |arrangement )?"
    r"(?:rate|fee|fees|charge|charges|premium|excess|APRC?|AER)(?: of| is| at|:)?"
    r"|min(?:imum)?(?: spend| order| deposit)?"
    r"(?: of)?|orders? (?:over|above|of)|spend(?: over)?|code|for the first|from|free for)\s*$)",
    re.IGNORECASE,
)


_COMPARED = re.compile(r"\b(?:than|vs\.?|versus|compared|previous|before|below|above|cheaper|lower|higher|less|more)\b",
                       re.IGNORECASE)


# A comparison with the typical case ("uses more energy than most") is backed by an evidence item
# that measures against the typical or average ("household use 2.6 times Ofgem typical consumption").
_TYPICAL_BASIS = re.compile(r"\s*(?:most|the average|average|the typical|typical)\b", re.IGNORECASE)
_AGAINST_TYPICAL = re.compile(
    r"\b(?:times|above|below|than|vs\.?|versus|compared (?:with|to))\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:typical|average|median)\b",
    re.IGNORECASE)


def _basis_evidenced(basis: str, evidence: list[str]) -> bool:
    """A comparison is backed by an evidence item that is itself a comparison and names
    what is compared with ("than our previous model" ← "… vs 9 hours on the previous model")."""
    words = [w for w in re.findall(r"[a-z]{4,}", basis) if w not in ("their", "other", "those", "these")]
    # (of three words or more one may be the basis's owner, which the item leaves out: "their previous
    # supplier's standard variable tariff" ← "vs previous standard variable tariff")
    need = len(words) - 1 if len(words) >= 3 else len(words)
    return bool(words) and any(_COMPARED.search(e) and sum(w in e.lower() for w in words) >= need for e in evidence)


# A sentence that discloses terms (a credit representative example, a prescribed risk
# warning, the conditions of an offer) is the disclosure regulators require, and its
# figures are what it must state: none of them is a claim about the product.
_DISCLOSURE = re.compile(
    r"\b(?:representative(?: example| APR)?|APR|AER|total (?:amount )?(?:payable|repayable|to pay|cost of credit)"
    r"|monthly (?:payments?|instalments?)|subject to status|credit (?:broker|limit|agreement|of [$€£])|T&Cs?"
    r"|terms and conditions|capital (?:is )?at risk"
    r"|lose (?:all |some )?(?:of )?(?:the |your )?(?:money|capital|investment)"
    r"|past performance|high[- ]risk investment|may get back less|value of (?:your )?investments? can"
    r"|not (?:be )?protected|retail investor accounts|APRC|can go down as well as up|may be repossessed"
    # a typicality disclosure states what most get (16 CFR 255.2(b)): its figures are the disclosure
    r"|(?:the )?typical (?:member|customer|user|client|buyer|patient|household|result)s?|results (?:will )?vary)\b",
    re.IGNORECASE,
)
# An instruction's figures (how much to use, how long to wait) are directions, not claims:
# "Take 2 mins to learn more", "apply 2 pumps", "steep for 4 minutes", "serves 4".
_PERFORMANCE_WARNING = re.compile(
    r"\bpast performance is not a (?:reliable )?(?:indicator|guide)\b|\bcapital (?:is )?at risk\b", re.IGNORECASE)
_INSTRUCTION_BEFORE = re.compile(
    r"(?:^|[.!?;:\n]\s*|\band\s+|\bthen\s+)(?:just\s+|simply\s+)?(?:take|use|apply|add|mix|stir|shake|serve|serves"
    r"|leave|allow|wait|steep|brew|soak|rinse|heat|bake|cook|boil|microwave|chill|store|spray|pour|dilute|fill|massage"
    r"|repeat|swallow|chew|drink|blend|whisk|preheat|roast|grill|fry|simmer|dissolve|sprinkle|pump|squeeze)s?"
    r"(?:\s+(?:it|them|for|about|around|up to|at|in|every|once|twice|a|an|one|the|your|with|on|over"
    r"|no more than))*\s*$",
    re.IGNORECASE,
)
# A number that names something rather than measuring it: "Scope 1 and 2", "Step 3", "Zone 2".
_LABEL_BEFORE = re.compile(
    r"\b(?:scope|step|level|class|zone|type|size|phase|tier|category|stage|grade|gen|generation|series|version|model"
    r"|room|gate|platform|route|season|chapter|part|section|page|aisle|unit|floor|round|episode|day|week|issue|no\.?"
    r"|number|top|mile|km|lap|hole|kilometre|kilometer)(?:\s+\d+(?:\s*(?:,|and|&|or|-|to)\s*))?\s+$",
    re.IGNORECASE,
)
# "Save 25% on all shoes" is a price reduction (the offer), unlike "save 20% on your energy bills";
# so is a percentage saved with nothing after it but the offer's terms (round 12: "Subscribe and
# save 15%.", "Migrate this quarter and save 20%", "save 10% when you book online").
_DISCOUNT_AFTER = re.compile(
    r"^\s*(?:%\s*)?(?:on|off)\s+(?!(?:your |the |average |typical )*(?:\w+ )?(?:bills?|energy|fuel|heating"
    r"|running costs|consumption|usage|water|electricity|emissions))"
    r"|^\s*(?:[.!]|$|\s(?:when|with (?:code|our|the|your|a)|if you|at checkout|today|now|on (?:your )?first)\b)",
    re.IGNORECASE,
)
# A measured or counted quantity is a fact of the product or the offer (composition, pack
# size, a pledge's count), not a performance claim: "10 g of protein", "300 vans", "10 trees".
_QUANTITY_AFTER = re.compile(
    r"^\s*(?:[-–]\s*\d+(?:[.,]\d+)?\s*)?(?:-\s*)?"
    r"(?:g|mg|mcg|µg|kg|ml|cl|l|litres?|liters?|oz|fl oz|cm|mm|m|inch(?:es)?|grams?|kilos?|g/l|kcal"
    r"|pieces?|pack|packs|trees?|vans?|lorries|trucks?|bottles?|cans?|pods?|capsules?|tablets?|sachets?|servings?"
    r"|portions?|bags?|items?|ingredients?|colou?rs?|flavou?rs?|sizes?|styles?|seats?|rooms?|stores?|shops?"
    r"|locations?|branches?|countries|cities|bedrooms?|doors?|speeds?|pairs?|slices?|scoops?|cups?|cookies|bars?)\b"
    r"(?!\s+(?:more|less|fewer|faster|longer)\b)",
    re.IGNORECASE,
)
# "a 10-hour shift", "a 5-mile run": a figure that measures the occasion the copy tells of,
# not the product's performance ("24-hour protection" is still a claim).
_OCCASION_AFTER = re.compile(
    r"^[- ](?:hour|minute|day|week|month|year|mile|km|kilometre|kilometer|metre|meter)s?[- ]"
    r"(?:long )?(?:[\w']+ ){0,2}(?:shift|run|walk|hike|ride|drive|flight|trip|journey|commute|workout|session|class"
    r"|course|race|match|game|meeting|lecture|day|night|wait|stint|trek|climb|swim|cycle|festival|holiday|break|stay|visit)s?\b",
    re.IGNORECASE,
)
# A rating or a count of people or reviews is social proof: whether it is genuine is the
# review rules' question (16 CFR 465; endorse.reviews, endorse.undisclosed-connection).
_SOCIAL_PROOF_AFTER = re.compile(
    r"^\s?(?:[km]\+?|\+)?\s*(?:[- ]?(?:stars?|★)|(?:\w+ )?(?:followers|fans|subscribers|reviews|ratings)\b"
    r"|(?:happy|satisfied|loyal|delighted) (?:customers|users|members|clients|fans|shoppers|guests|families)\b)",
    re.IGNORECASE,
)
_CLAIM_BEFORE = re.compile(
    r"\b(?:up to|lose|lost|burn|burns|shed|drop|cut|cuts|reduce|reduces|only|just|under|over|more than|less than)\s*$",
    re.IGNORECASE,
)
# How long a process or a delivery takes is a fact of use, like an instruction: "the sealant
# cures in 24 hours", "ready in 10 minutes", "delivered within 2 days".
_PROCESS_BEFORE = re.compile(
    r"\b(?:cures?|dries|dry|sets?|hardens?|ready|delivered|delivers?|arrives?|ships?|dispatched|cooks?|bakes?"
    r"|brews?|installed|fitted|apply|applies|sign up|register|switch|set up|join)\s+(?:fully\s+)?(?:online\s+)?"
    r"(?:in|within)\s+(?:just\s+|about\s+|around\s+|under\s+)?$",
    re.IGNORECASE,
)
# A capitalised name straight before the number, not at a sentence start: a model number.
_MODEL_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+[A-Z]\w*\s$|(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}\s$")
# A share of an environmental attribute ("100% renewable", "offset 100% of its emissions",
# "70% less CO2") is an environmental claim: the environmental pack judges it.
_ENVIRONMENTAL_SHARE_AFTER = re.compile(
    r"^\s*(?:%\s*)?(?:renewable|recycled|recyclable|compostable|biodegradable|plastic[- ]free|post-consumer|organic"
    r"|plant-based|ocean|carbon"
    r"|of (?:its|our|the|their|your) (?:\w+ )?(?:emissions|carbon|footprint|energy|electricity)"
    r"|(?:less|fewer|lower|more) (?:plastic|CO2|carbon|packaging|waste|water|energy|emissions))\b",
    re.IGNORECASE,
)
_BOUND_BEFORE = re.compile(r"\b(?P<bound>under|below|less than|fewer than|over|above|more than)\s+$", re.IGNORECASE)


def _bound_supported(before: str, excerpt: str, evidence: list[str]) -> bool:
    """"under 1 g/L" is backed by an evidence figure that satisfies the bound (0.8 g/L)."""
    m = _BOUND_BEFORE.search(before)
    try:
        limit = float(_number_value(excerpt))
    except ValueError:
        return False
    if m is None:
        return False
    below = m.group("bound").lower() in ("under", "below", "less than", "fewer than")
    if excerpt.rstrip().endswith("%"):
        # a share is bounded by the evidence's shares, not by its sample size ("over 80%" is not
        # backed by "n=102, 78% agreed"; round 11)
        values = [float(v.replace(",", ".")) for item in evidence for v in _EVIDENCE_SHARE.findall(item)]
    else:
        values = [float(v) for v in _evidence_numbers(evidence) if v and v.replace(".", "", 1).isdigit()]
    return any(v < limit if below else v > limit for v in values)


_EVIDENCE_SHARE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?%")


def _price_difference(text: str, excerpt: str) -> bool:
    """Whether a money figure is the difference of two prices the text states."""
    value = _number_value(excerpt)
    prices = [float(_number_value(m.group(0))) for m in re.finditer(r"[$€£]\s?\d+(?:[.,]\d+)*", text)]
    try:
        saving = float(value)
    except ValueError:
        return False
    return any(abs(a - b - saving) < 0.005 for a in prices for b in prices if a > b)


_FRACTION_AFTER = re.compile(r"^\s+(?:out of|in)\s+(\d+)\b", re.IGNORECASE)
_FRACTION_BEFORE = re.compile(r"\b(\d+)\s+(?:out of|in)\s+$", re.IGNORECASE)


def _sentence_of(text: str, start: int, end: int) -> str:
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    stops = [i for i in (text.find(c, end) for c in "!?\n") if i >= 0]
    dot = re.search(r"\.(?!\d)", text[end:])
    if dot:
        stops.append(end + dot.start())
    return text[left : min(stops) if stops else len(text)]


@lru_cache(maxsize=256)
def _discloses(sentence: str) -> bool:
    """Whether a sentence is a required disclosure (read once per sentence, not once per figure
    in it: a field of a thousand figures and no full stop is one sentence)."""
    return _DISCLOSURE.search(sentence) is not None


@lru_cache(maxsize=256)
def _warns_of_performance(text: str) -> bool:
    return _PERFORMANCE_WARNING.search(text) is not None


def _not_a_claim(text: str, start: int, end: int, excerpt: str) -> bool:
    """Years, dates, times, "24/7", prices, discounts, rates and the figures of an
    offer's terms, of a required disclosure or of an instruction are numbers but not
    claims that need substantiation."""
    before, after = text[max(0, start - 40) : start], text[end : end + 120]
    if _discloses(_sentence_of(text, start, end)):
        return True
    if _warns_of_performance(text) and (excerpt.endswith("%") or re.match(r"^[- ]?(?:month|year)", after)):
        return True  # past-performance figures that carry the prescribed warning are the required disclosure
    if _INSTRUCTION_BEFORE.search(text[max(0, start - 60) : start]) or _LABEL_BEFORE.search(before) \
            or _PROCESS_BEFORE.search(before):
        return True
    if _QUANTITY_AFTER.match(after) and not _SAVING_BEFORE.search(before) and not _CLAIM_BEFORE.search(before):
        return True  # "10 g of collagen", "500 mg tablets", "300 vans", "10 trees for every order"
    if _OCCASION_AFTER.match(after) or _SOCIAL_PROOF_AFTER.match(after):
        return True
    if re.search(r"[A-Z][a-z]+,\s*$", before) and re.match(r"^\s*,", after):
        return True  # an attribution's age: "— Emma, 34, Bristol"
    if _FRACTION_BEFORE.search(before):
        return True  # the "10" of "9 out of 10": the numerator carries the claim
    if _MODEL_NAME_BEFORE.search(before) and not re.match(r"^\s?(?:%|x\b)", after):
        return True  # a model number: "FibreMax 900", "the Nova 14 laptop"
    if excerpt[:1] in "$€£" and _price_difference(text, excerpt):
        return True  # "Save £200 — now £799 (was £999)": the saving is the prices' arithmetic
    if excerpt.endswith("%") and re.search(r"\bsave\s+(?:up to\s+)?$", before, re.IGNORECASE) \
            and _DISCOUNT_AFTER.match(after):
        return True
    if _YEAR.match(excerpt) or _DATE_BEFORE.search(text[max(0, start - 10) : start]) or _DATE_AFTER.match(after):
        return True
    if _NOT_A_CLAIM_AFTER.match(text[end : end + 4]):
        return True
    if excerpt[:1] in "$€£" and not _SAVING_BEFORE.search(before):
        return True  # a price or an amount on offer
    if excerpt.endswith("%") and re.match(r"^\s*off\b", after, re.IGNORECASE):
        return True  # a discount is the offer itself
    if _TERM_AFTER.match(after):
        return True
    return bool(_TERM_BEFORE.search(before)) and not re.match(r"^\s?(?:%|x\b|times\b)", after)


_ENVIRONMENTAL_QUANTITY = re.compile(
    r"\b(?:CO2|CO₂|carbon|emissions?|plastic|packaging|waste|water use|energy use|footprint|greenhouse)\b",
    re.IGNORECASE,
)

def _comparison_clause(text: str, start: int, end: int) -> str:
    """The clause a comparison stands in: from the last clause break within 60 characters
    before it to the end of its sentence or 30 characters after it. "Cuts emissions by 70%
    compared with diesel" is an environmental comparison; in "plastic-free, and keeps drinks
    cold longer than glass" the comparison's own clause names no environmental quantity."""
    before = text[max(0, start - 60) : start]
    cut = max(before.rfind(c) for c in ",;:.!?")
    after = re.split(r"[.!?;,]", text[end : end + 30], maxsplit=1)[0]
    return before[cut + 1 :] + text[start:end] + after


_OWN_BEFORE = re.compile(r"\b(?:our|our own|our very|my)\s+$", re.IGNORECASE)
_MARKET_SCOPE = re.compile(
    r"\b(?:on the market|in the (?:world|uk|us|country|industry|market)|anywhere|you can buy|of any|in its class"
    r"|available|in (?:britain|europe|america|town))\b", re.IGNORECASE,
)


# the rival a comparison names: a capitalised word right after "than" ("faster than Virgin")
_RIVAL = re.compile(r"\bthan (?-i:([A-Z][\w&-]{2,}))")
_THAN_BEFORE = re.compile(r"\bthan (?:the |a |any |our )?$", re.IGNORECASE)
# A comparison with the reader's expectation or the product's looks, not with a rival or a
# measure: "lighter than you expect", "comfier than they look", "easier than you'd think".
_EXPECTATION_AFTER = re.compile(
    r"^.*?\bthan (?:you|they|it|we|people|most people|anyone)(?:['’]d| would| might| may| will)?\s+"
    r"(?:ever )?(?:expect|expected|think|thought|imagine|imagined|look|looks|sound|sounds|believe|guess"
    # an estimate is an expectation too: "if you use more or less energy than we estimated"
    r"|estimated?|forecast|predicted|planned|quoted)\b",
    re.IGNORECASE,
)
# A comparison with the subject's own past, seen over a stretch of time ("his coat looks glossier
# than it has in ages", "I've slept better than I have in years"): a change someone saw in
# themselves, not a comparison with a rival or a product (CAP 3.33-3.35).
_OWN_PAST_AFTER = re.compile(
    r"^.*?\bthan (?:it|he|she|they|I|we|you)(?:['’]ve|['’]s| has| have| had| did| was| were| used to)?"
    r"(?: \w+)? (?:in|for) (?:ages|years|months|weeks|decades|a long time|a while)\b",
    re.IGNORECASE,
)
# a person's own state against their past ("more energy than ever", "fitter and calmer than ever"):
# how someone feels, not a product's measure against a rival (a product "faster than ever" still needs evidence)
_OWN_STATE_EVER = re.compile(
    r"^(?:more (?:energy|energised|energized|confident|confidence|motivated|focused|relaxed|rested|alive)"
    r"|happier|calmer|fitter|livelier) than ever\b",
    re.IGNORECASE,
)
# Round 11: a comparison that is a warning against the product's own interest ("a plan may take
# longer to repay and cost more overall than your current arrangement"): the disclosure a regulator
# asks for (CONC 3.3.2R fair balance), not a claim to substantiate.
_WARNING_BEFORE = re.compile(
    r"\b(?:may|might|could|can|will|would)\s+(?:also\s+)?(?:take\s+longer|cost\s+(?:you\s+)?more|be\s+(?:more|higher|"
    r"slower|worse|lower)|mean\s+(?:paying|you\s+pay)\s+more|pay\s+more|end\s+up\s+(?:paying|costing))\b[^.!?]{0,60}$",
    re.IGNORECASE)
# ... or a testimonial's typicality disclosure ("Sam's results are better than most; yours will depend on …")
_TYPICALITY_NEAR = re.compile(
    r"\b(?:results (?:may |will )?vary|yours (?:will|may|might) (?:depend|vary|differ)|will depend on|depends on|"
    r"not typical|atypical|typical (?:results?|members?|customers?) (?:lose|see|get|save))\b", re.IGNORECASE)
# Round 11: a comparison whose sentence states both sides as figures in one unit ("6g per 45g
# serving instead of 12g", "2.3 kg, lighter than our previous model at 2.9 kg", "4 kg CO2e by
# train, compared with about 50 kg if you fly"): its basis is on the page, and the figures are
# the number rules' to check against the evidence (CAP 3.35: the basis must be clear).
_MEASURED = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)?)\s?(%|g|kg|mg|ml|l|litres?|km|miles?|mph|km/h|kWh|W|dB|hours?|hrs?|minutes?|mins?|"
    r"seconds?|secs?|days?|years?|months?|cm|mm|m|GB|TB|Mbps|p|pence)\b", re.IGNORECASE)


def _both_sides_measured(sentence: str) -> bool:
    units: dict[str, set[str]] = {}
    for m in _MEASURED.finditer(sentence):
        units.setdefault(m.group(2).lower().rstrip("s"), set()).add(m.group(1))
    return any(len(values) >= 2 for values in units.values())


# Round 11: a superlative of the reader's situation, not the product ("on the longest shifts", "for
# the messiest moments", "see who can make the longest bridge"; not a trip, which is what a travel
# firm sells: "the cheapest flights", "the fastest journeys"), and the idioms of serving and
# friendship ("best with a light tonic", "brunch's new best friend", "best before").
_SITUATION_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:shifts?|days?|nights?|mornings?|evenings?|afternoons?|weekends?|winters?|summers?|"
    r"moments?|walks?|runs?|hikes?|meetings?|queues?|weeks?|"
    r"bridges?|towers?|spells?|snaps?|heatwaves?|downpours?|school runs?|bedtimes?|toddlers?)\b", re.IGNORECASE)
_SUPERLATIVE_IDIOM = re.compile(
    r"^(?:best)\s+(?:with|served|enjoyed|chilled|before|by|kept|stored|friends?|mates?|bits?|of all|of luck|wishes)\b"
    r"|^(?:best)\s*$", re.IGNORECASE)


_COMPARED_WITH_BEFORE = re.compile(
    r"\b(?:vs\.?|versus|against|compared (?:with|to)|(?:price|cost|size|weight|half|twice|double|a third) of)\s+"
    r"(?:the |a |any |our )?$", re.IGNORECASE)
_TESTIMONIAL_EVIDENCE = re.compile(r"\b(?:review|testimonial|quote|said|verified buyer)", re.IGNORECASE)


# A hedge in front of a superlative makes it an opinion no consumer takes as a measured
# fact ("probably the best flat white in Leeds", "arguably the comfiest"): puffery.
_HEDGE_BEFORE = re.compile(
    r"\b(?:probably|arguably|possibly|perhaps|maybe|quite possibly|we think|we reckon|we believe|we'd say"
    r"|in our (?:humble )?(?:opinion|view|book)|might (?:just )?be|could (?:well |just )?be|contender for)"
    r"(?:\s+(?:it'?s|is|this is|that|just|simply|still|the|a))*\s*[,—–-]?\s*$",
    re.IGNORECASE,
)
# Evidence that ranks the product ("No.1 … by value sales", "ranked first", "highest sales")
# backs a superlative in other words, when it ranks it on the same dimension and names
# what the copy names after the superlative ("the UK's best-selling electric toothbrush").
_RANKING = re.compile(
    r"(?:\bno\.?\s?1\b|#1\b|\bnumber[- ]one\b|\branked (?:first|1st|top|highest|no)|\btop[- ](?:rated|selling|ranked)\b"
    r"|\b(?:highest|largest|biggest|most|best|lowest|fastest|quickest|top)\b|\bmarket leader\b|\bfirst place\b"
    r"|\baward|\bwinner\b|\bwon\b|\b(?:gold|silver|bronze)\b"
    # a comparison with every rival on file backs a top-parity claim ("faster than the other nine largest")
    r"|\b\w+er than (?:all|every|each|any|the other)\b)",
    re.IGNORECASE,
)
_DIMENSIONS = (
    (re.compile(r"sell|seller", re.IGNORECASE),
     # (new registrations are a car's sales: SMMT counts them)
     re.compile(r"\bsale|\bsell|\bsold\b|\bmarket share|\bbuyers?\b|\bshare of\b|\bno\.?\s?1\b|#1"
                r"|\bregistrations?\b|\bunits (?:sold|shipped)\b", re.IGNORECASE)),
    # a place in the public's affection is ranked by sales or by a vote ("voted most-loved biscuit, YouGov")
    (re.compile(r"popular|favou?rite|loved|no\.? ?1|number[- ]one|#1|leading", re.IGNORECASE),
     re.compile(r"\bsale|\bsell|\bsold\b|\bmarket share|\bbuyers?\b|\bshare of\b|\bno\.?\s?1\b|#1"
                r"|\bregistrations?\b|\bvot(?:ed|es?)\b|\bpoll\b|\bsurvey\b", re.IGNORECASE)),
    (re.compile(r"cheap|lowest|low[- ]cost|best[- ]value", re.IGNORECASE),
     re.compile(r"\bpric|\bcheap|\blowest|\bcost", re.IGNORECASE)),
    (re.compile(r"fast|quick|speed", re.IGNORECASE),
     re.compile(r"\bfast|\bquick|\bspeed|\bmbps|\bseconds?\b", re.IGNORECASE)),
)


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in re.findall(r"[a-z]{3,}", text.lower())} - FUNCTION_WORDS


def _ranking_evidence(excerpt: str, following: str, evidence: list[str], sentence: str = "") -> bool:
    """Whether an evidence item states the superlative in other words (see ``_RANKING``)."""
    named = _content_words(following)
    if re.match(r"(?:no|nobody|none|can|cannot|won|will|never)\b", excerpt, re.IGNORECASE):
        named |= _content_words(excerpt) - {"nobody", "other", "can", "cannot", "beat", "beaten", "match"}
    for item in evidence:
        # what the copy ranks is named in the item, or the item gives the copy's own count ("cheapest on 31")
        names = named & _content_words(item) or _evidence_numbers([following]) & _evidence_numbers([item])
        if not _RANKING.search(item) or not names or ranking_falls_short(excerpt, item, sentence or following):
            continue
        if all(ev.search(item) for claim, ev in _DIMENSIONS if claim.search(excerpt)):
            return True
    return False


def _about_other(text: str, start: int) -> bool:
    """"better than the leading brand", "half the price of the market-leading 30-pack": the
    superlative names what is compared with."""
    if re.search(r"\b(?:anything|nothing|no) less than (?:the |a |an )?$", text[max(0, start - 24) : start],
                 re.IGNORECASE):
        return False  # "settle for anything less than the best": asserts the top, compares with nothing
    return bool(_THAN_BEFORE.search(text[max(0, start - 16) : start])
                or _COMPARED_WITH_BEFORE.search(text[max(0, start - 40) : start]))


def _quoted_testimonial(text: str, start: int, context: RuleContext) -> bool:
    """A superlative inside a quoted, documented customer testimonial ("“Best night's sleep
    in years” — verified buyer") reports an experience; the evidence holds the quote."""
    before = text[:start]
    single = [m.start() for m in re.finditer(r"(?<!\w)['‘](?=\w)", before)]  # an opening quote, not an apostrophe
    opened = max(before.rfind("“"), before.rfind('"'), single[-1] if single else -1)
    in_single = bool(single) and not re.search(r"\w['’](?!\w)", before[single[-1] + 1 :])
    if opened < 0 or (before.count("“") <= before.count("”") and before.count('"') % 2 == 0 and not in_single):
        return False
    if any(_TESTIMONIAL_EVIDENCE.search(e) for e in context.evidence):
        return True
    # an attributed first-person quote ("“Best vacuum I've ever owned” — Jake"): whether it
    # is genuine and independent is the endorsement rules' question, not a market claim
    closing = re.search(r"[”\"'’]\s*[—–-]\s*[A-Z]", text[start:])
    if closing is None:
        return False
    return bool(re.search(r"\b(?:I|I'?ve|I'?m|my|me)\b", text[opened : start + closing.start()]))


# The first person singular voices one person's experience ("honestly best purchase of the
# year", "the only conditioner I use"); "we"/"our" is the advertiser speaking.
_BAKING = re.compile(r"\b(?:dough|oven|yeast|loaf|loaves|bread|bak(?:e|ed|es|ing|ery)|sourdough|proving|crust)\b",
                     re.IGNORECASE)
_IN_TIME_BEFORE = re.compile(r"\b(?:in|at|takes?|took|needs?)\s+(?:just |only |about |around )?$", re.IGNORECASE)
_THRESHOLD = re.compile(r"\bthan\s+(?:about |around |just |only |over |under )?[£$€]?\d", re.IGNORECASE)
_ATTRIBUTED_BEFORE = re.compile(r"\b(?:say|says|said|agree|agrees|swear|swears|tell us|rave|raves)\b", re.IGNORECASE)
_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|me|myself)\b")


def _first_person_testimony(text: str, start: int, end: int) -> bool:
    """A superlative in a sentence voiced in the first person singular is an endorser's
    opinion of their own experience, not a market claim: whether the endorser is genuine,
    typical and independent is for the endorsement rules (16 CFR 255.1-255.5), which read
    the evidence. A superlative about the market ("the cheapest on the market") stays one."""
    sentence = _sentence_of(text, start, end)
    return bool(_FIRST_PERSON_SINGULAR.search(sentence)) and not _MARKET_SCOPE.search(sentence)


# Superlative words that rank nothing in a market: an amount ("the most you can pay in", "the
# least you'll pay"), a person's own best ("your best friend", "look your best", "my best run").
_AMOUNT_AFTER = re.compile(r"^\s+(?:you|we|they|it|anyone|one|a customer|customers|people|your|our)\b", re.IGNORECASE)
_PERSONAL_BEST = re.compile(
    r"\b(?:your|my|his|her|their)\s+$", re.IGNORECASE)
_PERSONAL_BEST_AFTER = re.compile(
    r"^\s+(?:friends?|mates?|pals?|buddy|buddies|self|selves|life|lives|shot|foot|look|moments?|memories|work|game"
    r"|sleep|run|days?|years?|efforts?|interests?)\b|^\s*(?:[.!?,;:)\n]|$)"
    r"|^\s+(?:at|for|in|on|when|this|every|all|with|again|today|tonight)\b", re.IGNORECASE)


# The best of the advertiser's own channels or options ("the fastest way to reach us is live chat",
# "the easiest way to book with us"): advice on dealing with it, no market ranking.
_OWN_CHANNEL_AFTER = re.compile(
    r"^\s+(?:way|route|option|channel|place|time)s?\s+to\s+(?:[\w-]+\s+){0,2}?(?:us|our|ours)\b"
    r"|^\s+(?:way|route|option|channel|place|time)s?\s+to\s+(?:[\w-]+\s+)?(?:with|at|from)\s+us\b", re.IGNORECASE)


def _not_a_ranking(text: str, start: int, end: int) -> bool:
    """Whether the superlative word at ``text[start:end]`` ranks nothing in a market (see
    ``_AMOUNT_AFTER``, ``_PERSONAL_BEST``, ``_OWN_CHANNEL_AFTER``): it compares no product with any other."""
    excerpt = text[start:end].lower()
    if _OWN_CHANNEL_AFTER.match(text[end : end + 40]):
        return True
    if re.fullmatch(r"the (?:most|least) \w+", excerpt):
        word_end = start + len(re.match(r"the (?:most|least)", excerpt).group(0))  # type: ignore[union-attr]
        return bool(_AMOUNT_AFTER.match(text[word_end : word_end + 20]))
    return excerpt == "best" and bool(_PERSONAL_BEST.search(text[max(0, start - 8) : start])) \
        and bool(_PERSONAL_BEST_AFTER.match(text[end : end + 20]))


def _own_range(f: TextField, start: int, end: int) -> bool:
    """"Our cheapest cover", "our best-selling flavour": a superlative within the
    advertiser's own range, not a claim about the market (unless the sentence says so)."""
    if not _OWN_BEFORE.search(f.text[max(0, start - 12) : start]) \
            or re.match(r"award|first", f.text[start:end], re.IGNORECASE):
        return False  # "our award-winning …", "our first …" claim an award or a first, not a place in the range
    if re.match(r"^(?:\s+\w+)?\s+(?:ever|yet)\b|^[- ]ever\b", f.text[end : end + 20], re.IGNORECASE) \
            and not re.match(r"(?:the )?best\b", f.text[start:end], re.IGNORECASE) \
            and re.search(r"low|cheap|price|rate|deal|fare|value", f.text[start : end + 20], re.IGNORECASE):
        return False  # "our lowest ever rate": a claim about past prices ("our best-ever formula" is puffery)
    _, sentence_end = f.sentence_bounds(start, end)
    return not _MARKET_SCOPE.search(f.text[end:sentence_end])


# Round 12: an amount of money saved or earned is the financial rules' claim when its sentence is
# about a financial product ("switch to Roadwise and save £450 on your car insurance") or it is an
# income ("sellers earn £3,000 a month"): reviewers file both under financial promotions (FCA ICOBS
# 2.2.2R, COBS 4.2.1R, CONC 3.3.1R; CAP 3.7 for the figure). A saving on energy or broadband stays
# the general number's.
_FINANCIAL_PRODUCT_NEAR = re.compile(
    r"\b(?:insurance|insurer|premiums?|polic(?:y|ies)|loans?|mortgages?|credit|savings account|saver|ISAs?"
    r"|pensions?|invest\w*|funds?|shares|trading|cashback|APR|AER|interest|broker)\b", re.IGNORECASE)
_INCOME_BEFORE = re.compile(
    r"\b(?:earn|earns|earning|earned|make|makes|making|made|bank|banks|banking|take home)\s+"
    r"(?:up to\s+|over\s+|more than\s+|an average of\s+|around\s+|about\s+)?$", re.IGNORECASE)


def _figure_class(about_body: bool, text: str, start: int, end: int) -> str:
    """Which rule a figure is: a health claim's, a financial promotion's, or the general number's."""
    if about_body:
        return "bodily"
    if text[start:start + 1] in "£$€" and (_INCOME_BEFORE.search(text[max(0, start - 30) : start])
                                          or _FINANCIAL_PRODUCT_NEAR.search(_sentence_of(text, start, end))):
        return "financial"
    return "general"


class ClaimRule(BaseRule):
    """Claims (numbers, superlatives, comparisons, proof words) need brief evidence."""

    kind: Literal["claim"]
    claim: Literal["number", "superlative", "comparison", "proof", "absolute"]
    # Of the figures (claim: number), the ones this rule reports: "general" (ads.claim-number),
    # "bodily", those whose effect is on the body, the mind or a disease's germs (figures.Role.about_body;
    # health.quantified-effect), or "financial", an amount of money saved or earned on a financial
    # product or as income (fin.quantified-benefit, :func:`_figure_class`). Each figure is one rule's:
    # a reviewer files "lose up to 20% of your body weight" under health, not under advertising.
    figures: Literal["general", "bodily", "financial"] = "general"

    def check(self, context: RuleContext) -> list[Finding]:
        parts = context.viable(self, [], _PARTS[self.claim])[1]
        if not parts:
            return []
        findings = []
        for f in context.in_scope(self):
            for start, end in find(f.text, (), parts):
                excerpt = f.text[start:end]
                # the figure's role decides (figures.py): a fact of the offer is no claim; a
                # claim the evidence contradicts ("5 million learners" vs 1.2 million) stays one
                if self.claim == "number" and (
                    not (figure := figure_role(f.text, start, end, context.evidence)).is_claim
                    or (not figure.contradicted and (
                        (not figure.decisive and _not_a_claim(f.text, start, end, excerpt))
                        or _ENVIRONMENTAL_SHARE_AFTER.match(f.text[end : end + 60])
                        or _bound_supported(f.text[max(0, start - 20) : start], excerpt, context.evidence)))
                ):
                    continue
                if self.claim == "number" and _figure_class(figure.about_body, f.text, start, end) != self.figures:
                    continue
                if self.claim == "superlative" and (m := re.search(r"\blike ([\w-]+)$", excerpt)) and not (
                        m.group(1).lower() in ("us", "ours", "our", "it", "this", "these", "we")
                        or any(m.group(1).lower() in name.lower() for name in context.product_names)):
                    continue  # "nothing says summer like Strawberries", "nobody does Christmas like Nana"
                if self.claim == "comparison" and excerpt.lower().startswith("unlike ") and any(
                        excerpt[7:].lower() in name.lower() for name in context.product_names):
                    continue  # "unlike Zylo Classic": the advertiser's own range
                if self.claim == "comparison" and re.match(r"half the time\b", excerpt, re.IGNORECASE) \
                        and not _IN_TIME_BEFORE.search(f.text[max(0, start - 16) : start]):
                    continue  # "half the time, we're out by noon": an idiom of frequency
                if self.claim == "absolute" and re.search(
                        r"\b(?:usually|typically|often|generally|mostly|normally|in most cases)\b",
                        f.text[f.sentence_bounds(start, end)[0] : end], re.IGNORECASE):
                    continue  # "transfers usually arrive instantly": qualified as what is typical
                if self.claim == "proof" and (
                    (re.match(r"[Ss]cience", excerpt) is not None and re.match(r"\s+[A-Z]", f.text[end : end + 3]))
                    or (re.fullmatch(r"(?i:proven|proved)", excerpt)
                        and _BAKING.search(f.text[max(0, start - 120) : end + 60]))
                ):
                    continue  # a name ("the Science Based Targets initiative"); dough proved in the oven
                if self.claim == "absolute" and _ATTRIBUTED_BEFORE.search(
                        f.text[f.sentence_bounds(start, end)[0] : start]):
                    continue  # "mums everywhere say it never leaks": the endorsement rules read reported claims
                if self.claim == "comparison" and (_EXPECTATION_AFTER.match(f.text[end - 12 : end + 30])
                                                   or _OWN_PAST_AFTER.match(f.text[end - 12 : end + 40])
                                                   or _OWN_STATE_EVER.match(f.text[start : end + 10])):
                    continue  # "lighter than you expect", "than we estimated", "than it has in ages"
                if self.claim == "comparison" and (_quoted_testimonial(f.text, start, context)
                                                   or _first_person_testimony(f.text, start, end)):
                    continue  # a customer's or endorser's own experience ("better than the photos")
                if self.claim == "comparison" and _ENVIRONMENTAL_QUANTITY.search(
                        _comparison_clause(f.text, start, end)):
                    continue  # "less plastic", "cuts emissions by 70% compared with": the environmental rules' own
                if self.claim == "comparison" and (
                        _WARNING_BEFORE.search(f.text[max(0, start - 90) : end])
                        or _TYPICALITY_NEAR.search(f.text[f.sentence_bounds(start, end)[0] : end + 80])
                        or _both_sides_measured(_sentence_of(f.text, start, end))):
                    continue  # a warning, a typicality disclosure, or both sides measured in the sentence
                if self.claim == "comparison" and _share_computed(f.text, start, excerpt, context.evidence):
                    continue  # "30% less cardboard than our 2023 box" under "210g now; 300g in 2023"
                if self.claim == "comparison" and (
                        _THRESHOLD.search(excerpt) or ratio_evidenced(excerpt, context.evidence)
                        or (re.search(r"compared|vs|versus", excerpt, re.IGNORECASE) and _basis_evidenced(
                            re.split(r"[.!?;:,(]", f.text[end : end + 40], maxsplit=1)[0].lower(), context.evidence))):
                    continue  # "longer than 30 minutes?" (a threshold); "twice as fast" with the figures on file
                if self.claim == "comparison" and (rival := _RIVAL.search(excerpt)) \
                        and rival_figures_back(excerpt, rival.group(1), context.evidence):
                    continue  # "faster than Virgin" with both speeds on file
                if self.claim == "superlative" and (
                    _SITUATION_AFTER.match(f.text[end : end + 30])
                    or (_SUPERLATIVE_IDIOM.match(f.text[start : end + 12])
                        and not re.match(r"\s+(?:\w+\s+)?(?:in|on|for)\b", f.text[end : end + 20]))
                    or _not_a_ranking(f.text, start, end)
                    or _own_range(f, start, end) or _about_other(f.text, start)
                    or _quoted_testimonial(f.text, start, context)
                    or _first_person_testimony(f.text, start, end)
                    or _HEDGE_BEFORE.search(f.text[max(0, start - 40) : start])
                    or puffery(f.text, start, end)
                    or _ranking_evidence(excerpt, f.text[end : end + 40], context.evidence,
                                         _sentence_of(f.text, start, end))
                ):
                    continue
                if not (self.claim == "number" and figure.contradicted) and _supported(
                        self.claim, excerpt, context, f.text[end : end + 16], _sentence_of(f.text, start, end),
                        f.text):
                    continue
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE)
                desc = (f"{self.message} The claim {quoted(excerpt)} is not backed by any item of the "
                        "brief's evidence.")
                finding = make_finding(self, f, (start, end), fix, desc)
                if self.claim == "absolute" and near_miss(excerpt, context.evidence):
                    # the evidence measures it close to the absolute (minutes for "instantly"): modest
                    finding = Finding(finding.issue.model_copy(update={"severity": Severity.MEDIUM}), finding.category)
                findings.append(finding)
        return findings
