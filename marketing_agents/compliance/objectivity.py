"""Whether a superlative, parity or comparative claim is an objective claim that needs
evidence, or puffery no consumer reads as measured (UK CAP Code 3.2, 3.7, 3.33; FTC
Policy Statement on Deception: obvious exaggeration of subjective qualities is not a claim).

One job: read the structure around a claim claims.py found (the quality it ranks, the
scope it names, what the evidence ranks) and say whether it is objective and whether the
evidence backs that exact claim. Word families are small and by concept, not by corpus
example: a quality of taste, feel or look is subjective; speed, price, size, coverage,
sales and durability are measurable.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Qualities of taste, feel and look: a superlative of these is an opinion ("the
# cheesiest toastie", "the most comfortable trainers", "the most gorgeous view").
_SUBJECTIVE_STEMS = (
    "tast|yumm|delicious|chees|goo|cream|juic|moreish|indulgen|decaden|flavo|scrumptious|tempting|mouth"
    "|comf|cosi|cosy|cozi|cozy|snug|cuddl|soft|fluff|plush|relax|sooth|dream|luxur|lush|silk"
    "|gorgeous|beautiful|love|pretty|stylish|cute|chic|elegan|stunning|breathtak|scenic|charm|handsome|sexy"
    "|sweet|nice|fun|happ|jolly|merr|cheer|friend|welcom|enjoy|excit|thrill|epic|iconic|magic|delight|awesome"
    "|cool|wonderful|amazing|fabulous|glorious|heavenly|divine|perfect|joy|exquisite|satisf|irresistib|addict"
)
# a superlative whose last word is one of the qualities above, e.g. "The cheesiest", "the most comfortable"
_LAST_WORD = re.compile(r"([A-Za-z'’-]+)\W*$")


def subjective(excerpt: str) -> bool:
    """A superlative of a quality of taste, feel or look ("the tastiest", "the most
    comfortable", "gooiest"): an opinion, not a measured fact."""
    m = _LAST_WORD.search(excerpt)
    if m is None:
        return False
    word = m.group(1).lower()
    if not re.search(r"(?:est|iest)$", word) and not re.search(r"\bmost\s+\S+$", excerpt, re.IGNORECASE):
        return False
    if word.endswith("ed"):
        return False  # "most loved", "most trusted": how many chose it, which is measured
    return bool(re.match(rf"(?:{_SUBJECTIVE_STEMS})", word, re.IGNORECASE))


# "Best served chilled", "best enjoyed with friends", "best before": advice on use.
_USAGE_AFTER = re.compile(
    r"^\s+(?:served|poured|enjoyed|eaten|drunk|kept|stored|used|worn|applied|before|chilled|savou?red|shared"
    r"|paired|left|washed|read|watched|played|experienced)\b",
    re.IGNORECASE,
)
# "best of all, it's free", "at its best when shared", "do your best": idioms, not rankings
_BEST_IDIOM_AFTER = re.compile(r"^,?\s+(?:of all|of luck|wishes|regards|bit|part)\b", re.IGNORECASE)
_BEST_IDIOM_BEFORE = re.compile(
    r"\b(?:at (?:its|their|your|our|his|her|my) (?:very )?|(?:do|doing|try|trying) (?:your|our|my|their) |all the "
    r"|make the )$",
    re.IGNORECASE,
)
# "the biggest sale of the year", "our greatest party yet": the advertiser's own event, hyped
_OWN_EVENT_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:sale|sales event|event|party|celebration|festival|giveaway|launch|clearance|bash)\b",
    re.IGNORECASE,
)
# "the biggest thing we can do is burn less fuel", "the hardest part is choosing": a superlative of
# an abstract noun ranks the advertiser's own options or a step, no product in a market
_ABSTRACT_AFTER = re.compile(
    r"^\s+(?:thing|things|step|steps|part|change|difference|lesson|challenge|mistake|question|problem|priority"
    r"|worry|decision|choice you(?:['’]ll| will) make)\b(?!\s+(?:on the market|in (?:the )?(?:uk|world|industry)))",
    re.IGNORECASE,
)
# "the loudest crunch in the office", "the best-dressed table on the street": a superlative scoped to
# the reader's own everyday setting compares with nothing anyone measures (CAP 3.2, obvious exaggeration)
_EVERYDAY_SCOPE_AFTER = re.compile(
    r"^(?:\s+[\w-]+){0,2}\s+(?:in|at|on|of) (?:the|your|my|our|any) (?:office|house|home|kitchen"
    r"|playground|classroom|staffroom|canteen|party|dinner party|table|lunchbox|school run|group chat|family"
    r"|village hall|campsite|picnic|barbecue|bbq|sofa)\b",
    re.IGNORECASE,
)
# "the only crisp that matters", "the only tablet you'll ever need": an opinion of taste or
# a slogan, not a claim that no rival exists; "hot take:" announces an opinion.
_OPINION_AFTER = re.compile(
    r"^[^.!?\n]{0,40}\b(?:that|which|who) (?:really )?(?:matters?|counts?)\b"
    r"|^[^.!?\n]{0,40}\byou(?:['’]ll| will)? (?:ever )?(?:need|want)\b",
    re.IGNORECASE,
)
_OPINION_BEFORE = re.compile(r"\b(?:hot take|unpopular opinion|in my opinion|imho|fight us|fight me)\b", re.IGNORECASE)
# "… trainers you'll ever slip into? We think so." — a question answered as an opinion
_HEDGE_AFTER = re.compile(r"^[^.!?\n]{0,80}\?\s*(?:we|i) (?:think|reckon|believe) so\b", re.IGNORECASE)
# an opinion put in others' mouths and offered for the reader to judge: not a fact asserted
_OTHERS_OPINION_BEFORE = re.compile(
    r"\b(?:will|would|['’]ll|['’]d) (?:tell|say to) you\b|\b(?:reckons?|swear|swears|insist|insists)\b(?: that)?",
    re.IGNORECASE,
)
_JUDGE_AFTER = re.compile(
    r"\b(?:judge|see|decide|taste|hear) for yourself\b|\byou be the judge\b|\bcome and see\b", re.IGNORECASE
)
# "the lowest band under EU rules", "the top tier": a position on a named scale, not a ranking of rivals
_SCALE_AFTER = re.compile(r"^\s+(?:band|tier|grade|class|category|bracket|level|rating|rung|banding)\b", re.IGNORECASE)
# "Number one is the CrispAir Duo": a position in a list the copy itself draws up
_LIST_POSITION = re.compile(r"^(?:number[- ]one|no\.? ?1|#1)\s+(?:is|was|on (?:my|our|the) list)\b", re.IGNORECASE)
# "we've ever built", "we have ever made": within the advertiser's own range
_OWN_EVER_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}(?:we|we['’]ve|we have|we['’]d|they['’]ve) (?:ever )?"
    r"(?:built|made|designed|brewed|baked|produced|sold|offered|launched|released|developed|created|engineered)\b",
    re.IGNORECASE,
)


def puffery(text: str, start: int, end: int) -> bool:
    """Whether the superlative at ``text[start:end]`` is not an objective claim: a subjective
    quality, advice on use, an announced opinion, a position on a named scale, a list's own
    order, or a ranking within the advertiser's own range ("… we've ever built")."""
    excerpt, after = text[start:end], text[end : end + 120]
    before = text[max(0, start - 60) : start]
    if subjective(excerpt) or _SCALE_AFTER.match(after) or _OWN_EVER_AFTER.match(after):
        return True
    if re.search(r"\bbest$", excerpt, re.IGNORECASE) and (
        _USAGE_AFTER.match(after) or _BEST_IDIOM_AFTER.match(after) or _BEST_IDIOM_BEFORE.search(before)
    ):
        return True
    if _OWN_EVENT_AFTER.match(after) or _ABSTRACT_AFTER.match(after) or _EVERYDAY_SCOPE_AFTER.match(after):
        return True
    if _LIST_POSITION.match(text[start : end + 20]):
        return True
    if re.search(r"\bonly$", excerpt, re.IGNORECASE) and (
        _OPINION_AFTER.match(after) or _OPINION_BEFORE.search(before)
    ):
        return True
    if _HEDGE_AFTER.match(after):
        return True
    if _OTHERS_OPINION_BEFORE.search(before) and _JUDGE_AFTER.search(after):
        return True  # "our coaches will tell you we've the best playlists — come and judge for yourself"
    # a name: "the SafeNest way" (a capital inside the word, or a capitalised word after a lower-case "the")
    last = re.search(r"(\w+)$", excerpt)
    return bool(last and re.match(r"[A-Z][a-z]+[A-Z]", last.group(1)))


# --- what the evidence ranks ---------------------------------------------------------

_PLACE = (
    r"britain|america|europe|australia|canada|ireland|scotland|wales|england|london|the uk|uk|the us|the usa"
    r"|the nation|the world|the country|the city|the town|the planet|world|nation|country"
)
_SCOPED = re.compile(
    rf"\b(?:{_PLACE})['’]s\b|\bin (?:the )?(?:uk|britain|world|country|us|usa|europe)\b|\bnational", re.IGNORECASE
)
_OWN_POLL = re.compile(
    r"\b(?:own|its|our) (?:app|customers|members|users|site|website|staff|employees|followers)\b"
    r"|\bcompany employees\b|\bstaff\b",
    re.IGNORECASE,
)
# a ranking that held only for a moment ("for one day", "briefly", "peaked at") or that is not first
_TRANSIENT = re.compile(
    r"\bfor (?:one|a single|1|two|2|three|3|a) (?:day|days|hour|hours|week)\b|\bbriefly\b|\bpeaked at\b"
    r"|\bat one point\b"
    r"|\bon (?:\d{1,2} )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* (?:\d{1,2},? )?\d{4} for\b",
    re.IGNORECASE,
)
# a ranking confined to a region, a city or a segment of the country ("in Greater London", "in the
# London and South East regions"): it does not back a national superlative (CAP 3.7, 3.33)
_REGIONAL = re.compile(
    r"\bin (?:the )?(?:Greater [A-Z]\w+|(?:North|South|East|West)(?:[- ]?(?:East|West))?\b(?: [A-Z]\w+)?"
    r"|[A-Z]\w+(?: (?:and|&) (?:the )?[A-Z]\w+(?: [A-Z]\w+)?)? regions?)\b|\b[Rr]egional(?:ly)?\b"
    r"|\bin (?:one|two|three|some|selected|certain|\d+) (?:regions?|areas?|cities|towns|counties)\b"
)
_COUNT = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_NOT_FIRST = re.compile(
    r"\b(?:[2-9]|1\d|\d\d)(?:nd|rd|th)\b|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[- ]"
    r"(?:largest|biggest|most|best|highest|fastest|cheapest|lowest|place|placed|ranked)\b",
    re.IGNORECASE,
)


_NEGATED = re.compile(r"\b(?:no|not|never|none|without)\b(?!\.?\s?1\b)", re.IGNORECASE)


def ranking_falls_short(excerpt: str, item: str, sentence: str = "") -> bool:
    """An evidence item that ranks the product but not as the copy says: not first
    ("6th largest"), first only for a moment ("#1 … for one day") while the copy does not
    give the date, on a narrower scope than the copy's ("Britain's best" from a poll of its
    own app users), or that says there is no ranking ("No award or poll on file")."""
    if _NOT_FIRST.search(item) or _NEGATED.search(item):
        return True
    if _TRANSIENT.search(item):
        years = set(re.findall(r"\b(?:19|20)\d\d\b", item))
        if not years or not years & set(re.findall(r"\b(?:19|20)\d\d\b", sentence)):
            return True
    if regional_only(excerpt, item, sentence):
        return True
    return bool(_SCOPED.search(excerpt)) and bool(_OWN_POLL.search(item))


# a ranking in some of the places it could hold ("in 5 of 14 regions", "in 3 of our 9 cities")
_SOME_OF_PLACES = re.compile(
    rf"\bin (?:only )?(?:{_COUNT}) of (?:the |its |our |their |all )?(?:{_COUNT}) "
    r"(?:regions?|areas?|cities|towns|counties|countries|markets|postcodes|areas|networks|stores|locations)\b",
    re.IGNORECASE,
)
# a ranking among part of the market only ("among the UK's six largest providers", "of the big five
# banks", "smaller providers excluded", "compared with the major networks"): it does not back a claim
# over the whole market, which the copy makes unless it names that part itself (CAP 3.33, 3.39)
_PART_OF_MARKET = re.compile(
    rf"\b(?:among|of|than|against|versus|vs\.?|compared (?:with|to)) (?:the |its |)(?:[A-Z][\w.]*['’]s )?"
    rf"(?:(?:{_COUNT}) )?(?:largest|biggest|major|big|main|leading|national|high[- ]street|traditional|mainstream)\b"
    r"|\b(?:excluded|excluding|excludes|not included|not counted|not part of the comparison)\b",
    re.IGNORECASE,
)
_MARKET_NAMED = re.compile(
    r"\b(?:largest|biggest|major|big (?:four|five|six|\d)|main|leading|high[- ]street|traditional|mainstream)\b",
    re.IGNORECASE,
)


def regional_only(excerpt: str, item: str, sentence: str) -> bool:
    """Whether the evidence item ranks the product in a region or in some places only ("in
    Greater London", "in 5 of 14 regions") while the copy's superlative is national ("UK's
    fastest broadband"), or among part of the market only ("among the six largest providers",
    "smaller providers excluded") while the copy does not say so: the item does not back it."""
    if _PART_OF_MARKET.search(item) and not _MARKET_NAMED.search(sentence or excerpt):
        return True
    national = bool(_SCOPED.search(excerpt) or _national_around(excerpt, sentence))
    return national and bool(_REGIONAL.search(item) or _SOME_OF_PLACES.search(item))


def _national_around(excerpt: str, sentence: str) -> bool:
    """Whether the copy scopes the superlative to a whole country ("the UK's fastest", "Britain's
    lowest"): the place right before it, or a national scope right after it ("… in the UK")."""
    at = sentence.lower().find(excerpt.lower())
    if at < 0:
        return False
    return bool(_SCOPED.search(sentence[max(0, at - 14) : at + len(excerpt) + 30]))


# A test or survey that says itself it cannot stand for the public (staff as the sample, not
# blind, self-selected): its shares do not substantiate a claim about consumers (CAP 3.7).
_UNREPRESENTATIVE = re.compile(
    r"\b(?:not|un)[- ]?(?:blind(?:ed)?|representative|randomi[sz]ed|independent)\b|\bself[- ]selected\b"
    r"|\b(?:company|our own|its own|own) (?:employees|staff|team)\b|\b(?:employees|staff) only\b",
    re.IGNORECASE,
)


def unrepresentative(item: str) -> bool:
    """Whether an evidence item discloses that its sample cannot stand for consumers."""
    return bool(_UNREPRESENTATIVE.search(item))


# --- ratios in words ------------------------------------------------------------------

_RATIO_WORDS = {
    "twice": 2.0,
    "double": 2.0,
    "triple": 3.0,
    "three times": 3.0,
    "four times": 4.0,
    "half": 0.5,
    "a third of": 1 / 3,
    "a quarter of": 0.25,
    "ten times": 10.0,
    "five times": 5.0,
}
_RATIO = re.compile(
    r"\b(twice|double|triple|three times|four times|five times|ten times|half|a third of|a quarter of"
    r"|(\d+(?:\.\d+)?)\s?[x×])",
    re.IGNORECASE,
)
_COMPARISON_EVIDENCE = re.compile(r"\b(?:vs\.?|versus|compared|than|against|previous|old|while)\b", re.IGNORECASE)


def ratio_of(excerpt: str) -> float | None:
    m = _RATIO.search(excerpt)
    if m is None:
        return None
    if m.group(2):
        return float(m.group(2))
    return _RATIO_WORDS[m.group(1).lower()]


def ratio_evidenced(excerpt: str, evidence: list[str]) -> bool:
    """ "Twice as fast" is backed by an evidence item that compares two figures whose ratio
    is two ("48 Mbps (Max) vs 24 Mbps (Classic)"); "half the price" by one whose ratio is a half."""
    ratio = ratio_of(excerpt)
    if ratio is None:
        return False
    for item in evidence:
        if not _COMPARISON_EVIDENCE.search(item):
            continue
        values = [float(v.replace(",", "")) for v in re.findall(r"(?<![\d.])\d+(?:,\d{3})*(?:\.\d+)?", item)]
        values = [v for v in values if v and not re.fullmatch(r"(?:19|20)\d\d", f"{v:g}")]
        for a in values:
            for b in values:
                if a != b and abs(a / b - ratio) <= 0.05 * ratio:
                    return True
    return False


# A figure's unit: a currency before it, or the word or sign after it ("50 hours", "900 Mbps", "40%").
_CURRENCY_BEFORE = re.compile(r"[£$€]\s?$")
_UNIT_AFTER = re.compile(r"^\s?(%|[A-Za-z]+)")


def figure_unit(text: str, start: int, end: int) -> str:
    """The unit of the figure at ``text[start:end]`` ("" when it has none), singular and without
    a decimal prefix, so that "Mbps" and "Gbps", "hour" and "hours" are one unit."""
    if _CURRENCY_BEFORE.search(text[max(0, start - 2) : start]):
        return "money"
    after = _UNIT_AFTER.match(text[end : end + 12])
    if after is None:
        return ""
    word = after.group(1).lower().rstrip("s")
    return word[1:] if len(word) > 2 and word[0] in "kmgt" and word[1:] in ("bp", "b", "hz") else word


_MORE = re.compile(r"(?:faster|quicker|more|higher|bigger|larger|longer|stronger|greater)\b", re.IGNORECASE)
_LESS = re.compile(r"(?:cheaper|less|lower|smaller|fewer|slower|lighter|shorter)\b", re.IGNORECASE)
_MEASURE = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?")


def _measures(items: list[str]) -> list[tuple[float, str]]:
    """The figures of ``items`` that have a unit, as (value, unit); years are dates, not measures."""
    out = []
    for item in items:
        for m in _MEASURE.finditer(item):
            unit = figure_unit(item, m.start(), m.end())
            if unit and not re.fullmatch(r"(?:19|20)\d\d", m.group(0)):
                out.append((float(m.group(0).replace(",", "")), unit))
    return out


def rival_figures_back(excerpt: str, rival: str, evidence: list[str]) -> bool:
    """A comparison with a named rival ("faster than Virgin Media's M500") is backed when the
    evidence gives the rival's figure (an item naming it) and the product's own figure in the
    same unit (an item not naming it), and they differ the way the comparative says (CAP 3.33,
    3.35: a verifiable comparison of like with like)."""
    more, less = _MORE.match(excerpt), _LESS.match(excerpt)
    if not (more or less) or len(rival) < 3:
        return False
    theirs = _measures([e for e in evidence if rival.lower() in e.lower()])
    ours = _measures([e for e in evidence if rival.lower() not in e.lower()])
    return any(u == v and (a > b if more else a < b) for a, u in ours for b, v in theirs)


# --- absolute claims ------------------------------------------------------------------

# Claims of performance without exception: instant, everywhere, never failing, an outcome
# by a set time. Each is an objective claim a test or a coverage map must back (CAP 3.7;
# ASA rulings on network coverage, on "instant" transfers and on sale-time claims).
ABSOLUTE = (
    r"\b(?:never|won['’]t ever|will never) (?:fails?|breaks?|leaks?|drops? out|goes? down|misses?"
    r"|wears? out|fades?|stalls?|crashes?|buffers?|clogs?|jams?|tangles?|smudges?|chips?|rusts?|snags?|pills?|streaks?"
    r"|sticks?|scratch(?:es)?"
    r"|shrinks?|overheats?|runs? out|loses? (?:signal|connection|charge))\b"
    r"|\b(?:works|cleans|removes|starts|connects|delivers)\b(?: [\w'’]+){0,2} (?:every (?:single )?time|without fail)\b"
    r"|\b(?:arrives?|lands?|works?|transfers?|pays?|paid|loads?|downloads?|settles?|clears?|approved|activated"
    r"|connects?|books?|confirm(?:s|ed)?|updates?|sync(?:s|ed)?|issued|quotes?|dissolves?|unlocks?|responds?|repl(?:y|ies)"
    r"|sent|credited|refunded|moves?)\b(?: [\w'’]+){0,3} (?:instantly|in an instant|immediately)\b"
    r"|\binstant (?:transfers?|payments?|payouts?|approvals?|refunds?|withdrawals?|connections?|delivery|results)\b"
    r"|\b(?:downloads?|transfers?|payments?|approvals?|decisions?|results?|delivery|refunds?|payouts?)\s(?:is|are)"
    r" (?:instant|immediate)\b"
    r"|\b(?:5G|4G|signal|coverage|wi-?fi|connection|network|reception|broadband)\b[^.!?\n]{0,30}?"
    r"\b(?:everywhere|wherever (?:you|life)|anywhere (?:you|in the)|in every (?:corner|nook)"
    r"|no matter where)\b"
    r"|\b(?:sells?|sold|selling|under offer|fluent|conversational|transform\w*|qualif(?:y|ied)|paid out|pays out"
    r"|settled|go up a grade|pass(?:es)? (?:first time|your test)|let(?= (?:with)?in\b)|rented|booked up|hired)\b"
    r"[^.!?\n]{0,30}?\b(?:in|within) (?:just |only |under"
    r" |less than )?(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|a couple of|\d{1,3})"
    r" (?:hours?|days?|weeks?|fortnight|months?)\b"
)
_ABSOLUTE_WORD = re.compile(
    r"\binstant\w*|\bimmediately\b|\beverywhere\b|\bwherever\b|\banywhere\b|\bnever\b|\bevery (?:single )?time\b"
    r"|\bwithout fail\b|\bin every\b|\bno matter where\b",
    re.IGNORECASE,
)
_WORD_NUMBERS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_DURATION = re.compile(
    r"\b(a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,3}) (hour|day|week|fortnight|month)s?\b",
    re.IGNORECASE,
)
_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30}


def _days(count: float, unit: str) -> float:
    return count * _DAYS[unit.rstrip("s").lower()]


def absolute_supported(excerpt: str, evidence: list[str]) -> bool:
    """An absolute is backed by an evidence item that states it too ("transfers arrive
    instantly, 24/7, tested …"), or, for an outcome by a set time, one whose duration is
    no longer than the copy's ("median 6 days to an offer" backs "within a fortnight")."""
    duration = _DURATION.search(excerpt)
    if duration:
        count_word = duration.group(1).lower()
        limit = _days(float(count_word) if count_word.isdigit() else _WORD_NUMBERS[count_word], duration.group(2))
        for item in evidence:
            for count, unit in re.findall(r"\b(\d+(?:\.\d+)?)\s?(hours?|days?|weeks?|months?)\b", item, re.IGNORECASE):
                if _days(float(count), unit) <= limit:
                    return True
        return False
    word = _ABSOLUTE_WORD.search(excerpt)
    key = word.group(0).lower() if word else excerpt.lower()
    return any(
        key in item.lower() and not re.search(r"\bin \d+(?:\.\d+)?\s?% of\b|\bothers? take\b", item, re.IGNORECASE)
        for item in evidence
    )


_SHORT_TIME = re.compile(
    r"\b(?:within|in|under|about|around|average(?: of)?|median(?: of)?)\s+(?:\d+(?:\.\d+)?)\s?"
    r"(?:seconds?|secs?|minutes?|mins?)\b",
    re.IGNORECASE,
)
_LONG_TIME = re.compile(
    r"\b\d+(?:\.\d+)?\s?(?:hours?|days?|working days?|weeks?)\b|\bnext (?:working )?day\b", re.IGNORECASE
)


def near_miss(excerpt: str, evidence: list[str]) -> bool:
    """An "instant" claim the evidence measures in seconds or minutes, never in hours or days:
    an exaggeration of a documented speed, to be fixed (Medium), not a false one (High)."""
    if not re.search(r"instant|immediately", excerpt, re.IGNORECASE):
        return False
    timed = [e for e in evidence if _SHORT_TIME.search(e)]
    return bool(timed) and not any(_LONG_TIME.search(e) for e in evidence)


# A test under laboratory conditions (a sealed chamber, one surrogate organism, in vitro)
# backs the figure in those conditions only; copy that sets it in everyday use ("the air you
# breathe", "in your home") claims more than was tested (CAP 3.7; FTC v. air-purifier makers).
_LABORATORY = re.compile(
    r"\b(?:sealed|test|closed) (?:chamber|room|box)\b|\bin vitro\b|\bsurrogate\b|\bbacteriophage\b"
    r"|\b(?:under |in )?laboratory conditions\b|\bpetri dish\b|\bsingle (?:strain|organism)\b",
    re.IGNORECASE,
)
_REAL_WORLD = re.compile(
    r"\b(?:you breathe|your (?:home|house|room|family|kitchen|bedroom|car|office)|everyday|real[- ](?:life|world)"
    r"|all (?:viruses|germs|bacteria|allergens)|in the home)\b",
    re.IGNORECASE,
)


def laboratory_only(item: str) -> bool:
    return bool(_LABORATORY.search(item))


def lab_only_for_real_world(sentence: str, evidence: list[str]) -> bool:
    """Whether the copy's sentence sets a figure in everyday use while the evidence tested it
    only under laboratory conditions."""
    # (the evidence first: it is short, and most briefs hold no laboratory-only test)
    return any(laboratory_only(e) for e in evidence) and bool(_REAL_WORLD.search(sentence))


# A standard-cycle figure (WLTP, EPA, rated) illustrated by a real journey ("London to
# Edinburgh without stopping", "a week on one charge") while the evidence gives a lower
# real-world figure: the copy claims the real-world one (CAP 3.7; ASA rulings on EV range).
_JOURNEY = re.compile(
    r"\bwithout (?:stopping|a stop|recharging|refuelling|refueling)\b|\bnon-?stop\b"
    r"|\bon (?:a single|one) (?:charge|tank)\b"
    r"|\b(?:from )?[A-Z][a-z]+ to [A-Z][a-z]+\b|\breal[- ](?:world|life)\b|\bin everyday (?:use|driving)\b",
)
_REAL_FIGURE = re.compile(
    # (a rated figure too: no journey goes further than the official test's "WLTP combined range 310 miles")
    r"\b(?:real[- ]world|real[- ]life|motorway|independent(?:ly)? test\w*|typical (?:use|driving)|WLTP|EPA"
    r"|official|rated|combined range)\b[^;.]{0,60}?"
    r"(\d+(?:[.,]\d+)?)\s?(miles|mi|km|kilometres|hours|hrs|h)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def _on_a_journey(sentence: str) -> bool:
    """(read once per sentence: every figure of a long sentence asks)"""
    return bool(_JOURNEY.search(sentence))


def real_world_below(sentence: str, excerpt: str, evidence: list[str]) -> bool:
    """Whether the sentence sets ``excerpt`` (a range, a battery life) on a real journey while
    an evidence item gives a lower real-world figure in the same unit."""
    if not _on_a_journey(sentence):
        return False
    try:
        value = float(re.sub(r"[^\d.]", "", excerpt.replace(",", "")) or "nan")
    except ValueError:
        return False
    unit_after = re.search(re.escape(excerpt) + r"\s?(miles|mi|km|kilometres|hours|hrs|h)\b", sentence, re.IGNORECASE)
    if unit_after is None:
        return False
    unit = unit_after.group(1).lower()[:2]
    return any(
        m.group(2).lower()[:2] == unit and float(m.group(1).replace(",", "")) < value
        for item in evidence
        for m in _REAL_FIGURE.finditer(item)
    )


# Round 12: the typical case on file below the figure the copy states ("burn 800 calories in 30
# minutes" under "median logged session 310 kcal"; "torch 1,000 calories" under "median 520 kcal;
# top 5% above 1,000"). CAP 3.7 and the ASA's "up to" guidance: a figure most buyers will not see is
# the best case given as the typical one, whatever single result or best session the evidence holds.
_UNIT_WORDS = {
    "kcal": "kcal", "calories": "kcal", "calorie": "kcal", "cal": "kcal",
    "%": "%", "percent": "%", "per cent": "%",
    "hours": "h", "hour": "h", "hrs": "h", "h": "h", "minutes": "min", "mins": "min", "min": "min",
    "miles": "mi", "mi": "mi", "km": "km", "lb": "lb", "lbs": "lb", "pounds": "lb", "kg": "kg", "stone": "st",
    "days": "d", "weeks": "wk", "points": "pt", "point": "pt",
}
_CURRENCY = {"£": "£", "$": "$", "€": "€"}
_UNIT = "|".join(re.escape(u) for u in sorted(_UNIT_WORDS, key=len, reverse=True))
_COPY_UNIT = re.compile(rf"^\s?({_UNIT})(?![\w])", re.IGNORECASE)
_TYPICAL_LEAD = (r"\b(?:median|mean|average|averaged|typical(?:ly)?|most (?:members|customers|users|people|clients))\b"
                 r"(?:\s+[\w-]+){0,5}?\s*(?:of\s+|was\s+|is\s+|:\s*)?(?:around\s+|about\s+|roughly\s+)?")
_TYPICAL_FIGURE = re.compile(rf"{_TYPICAL_LEAD}\+?(\d[\d,]*(?:\.\d+)?)\s?({_UNIT})(?![\w])", re.IGNORECASE)
# the typical case of an amount of money: "average saving across all new customers: £112"
_TYPICAL_MONEY = re.compile(rf"{_TYPICAL_LEAD}([£$€])\s?(\d[\d,]*(?:\.\d+)?)", re.IGNORECASE)
TYPICAL_SHARE = 0.75  # a figure a third above the typical case on file is not what most buyers get


# the copy saying itself that the figure is not the typical case ("Jo's result isn't typical: people
# lost 4.1 kg on average"): the testimonial rules judge how it is said
_TYPICALITY_STATED = re.compile(
    r"\b(?:not|isn['’]t|aren['’]t) typical\b|\batypical\b|\bresults (?:will |may |can )?vary\b"
    r"|\bon average\b|\b(?:the )?(?:median|average|typical)\b", re.IGNORECASE)


def typical_below(excerpt: str, after: str, evidence: list[str], copy: str = "") -> bool:
    """Whether an evidence item gives the typical case (median, mean, average) of the same
    quantity well below ``excerpt``, the figure the copy states with its unit just ``after`` it,
    and the copy (the field ``copy``) does not say what is typical itself. The evidence is read
    first and the copy only then, once per field: most briefs hold no typical figure."""
    if excerpt[:1] in _CURRENCY:
        try:
            amount = float(re.sub(r"[^\d.]", "", excerpt.replace(",", "")) or "nan")
        except ValueError:
            return False
        return any(m.group(1) == excerpt[:1] and float(m.group(2).replace(",", "")) < TYPICAL_SHARE * amount
                   for item in evidence for m in _TYPICAL_MONEY.finditer(item)) and not _typicality_stated(copy)
    unit = _COPY_UNIT.match(after) or _COPY_UNIT.match(excerpt[len(excerpt.rstrip("%")):])
    if unit is None:
        return False
    try:
        value = float(re.sub(r"[^\d.]", "", excerpt.replace(",", "")) or "nan")
    except ValueError:
        return False
    wanted = _UNIT_WORDS[unit.group(1).lower()]
    return any(
        _UNIT_WORDS[m.group(2).lower()] == wanted and float(m.group(1).replace(",", "")) < TYPICAL_SHARE * value
        for item in evidence
        for m in _TYPICAL_FIGURE.finditer(item)
    ) and not _typicality_stated(copy)


@lru_cache(maxsize=256)
def _typicality_stated(copy: str) -> bool:
    return bool(_TYPICALITY_STATED.search(copy))
