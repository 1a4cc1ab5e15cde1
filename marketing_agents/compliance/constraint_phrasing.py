"""A brief constraint said in other verbs, put into the form the constraint parser reads.

Briefs ban things in many verbs: "Never name or compare with competitors", "Don't reference
other gyms or chains", "Never describe the trial as free", "Don't position the brand as
cheap or budget", "Don't promise delivery dates or timescales". The parser
(:func:`marketing_agents.text.parse_constraint`, shared with the agents) reads "Don't mention
X"; this module says each of those as "Don't mention <the kind of language banned>":

* comparing with or referencing other businesses bans *competitors* (any reference to
  another business, not the words "gyms" or "chains", which the brand's own name may use);
  naming alone ("Do not name any competitor") bans only names, which no rule knows;
* describing, calling or positioning something *as* Y bans Y (the trial is not "free");
* promising dates, times or timescales bans *timescales* (any promise of when);
* a rationale after the banned thing ("Don't quote interest rates, they change daily") is not
  part of it;
* a naming convention in any order ("Always call people 'members', never 'customers'",
  "Never say 'clients'; say 'guests'") is a swap, said as "Use A instead of B" (round 6).

A constraint none of these fit is returned unchanged. The compiler asks only for a constraint
the parser could not read.
"""

from __future__ import annotations

import re

# how a ban opens, shared by the constraint modules
NEG = r"(?:never|don[’']?t|do\s+not|must\s+not|please\s+don[’']?t|avoid|no)"

# "Never name or compare with competitors"; "Don't reference other gyms or chains"
_REFER = re.compile(
    rf"^\s*{NEG}\s+(?:(?:name|names|naming|compare|comparing|comparisons?|reference|referencing|references|refer\s+to|"
    r"mention|mentioning|talk\s+about|talking\s+about|discuss|discussing|bring\s+up|touch\s+on|allude\s+to|knock|"
    r"disparage|critici[sz]e|attack|bash|single\s+out|call\s+out)"
    r"(?:\s+(?:or|and|/)\s+)?(?:\s*(?:with|to|against))?\s*)+(?P<rest>.+)$",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(?:competitors?|competition|rivals?|rival\s+\w+|other\s+(?:brands?|companies|businesses|firms|gyms|chains?|"
    r"stores?|shops?|retailers?|banks?|airlines?|hotels?|providers?|suppliers?|salons?|restaurants?|cafés?|cafes|"
    r"apps?|platforms?|agents?|brokers?|insurers?|lenders?|operators?|networks?|clubs?|studios?|clinics?|"
    r"supermarkets?|manufacturers?|makers?|products?|services?)|(?:high[- ]street|big|national|budget)\s+(?:chains?|"
    r"brands?|names))\b",
    re.IGNORECASE,
)
# "Do not name any competitor" bans names, not a description of the others ("the other big
# four supermarkets"): no rule can know the names, so it is left to the judge
_NAME_ONLY = re.compile(rf"^\s*{NEG}\s+(?:name|names|naming)\s+(?!or\b|and\b|/)", re.IGNORECASE)
# "Never describe the trial as free"; "Don't position the brand as cheap or budget"
_AS = re.compile(
    rf"^\s*{NEG}\s+(?:describe|describing|call|calling|present|presenting|label|labelling|labeling|position|"
    r"positioning|market|marketing|advertise|advertising|sell|selling|frame|framing|pitch|pitching|portray|"
    r"portraying|promote|promoting|refer\s+to|brand|make\s+(?:\w+\s+){0,3}?(?:sound|look|seem))\s+"
    r"(?:\w+\s+){0,4}?(?:as|like)\s+(?:an?\s+|being\s+)?(?P<what>.+)$",
    re.IGNORECASE,
)
# "Never call the brand cheap": the adjective after the thing named
_CALL = re.compile(
    rf"^\s*{NEG}\s+(?:call|calling|label|labelling|labeling|brand|branding|describe|term|dub)\s+"
    r"(?:(?:the|our|this|that|it|us|them|its)\s+)(?:[\w-]+\s+)?(?P<what>[\w-]+)\s*[.!]?$",
    re.IGNORECASE,
)
# "Don't make it sound cheap"; "Don't make the brand look budget"
_SOUND = re.compile(
    rf"^\s*{NEG}\s+(?:make|making)\s+(?:it|us|them|(?:the|our)\s+[\w-]+)\s+(?:sound|look|seem|feel|appear)\s+"
    r"(?:like\s+)?(?:an?\s+)?(?P<what>[\w-]+(?:\s+or\s+[\w-]+)?)\s*[.!]?$",
    re.IGNORECASE,
)
# "Don't create a sense of urgency"; "Don't imply scarcity"
_SENSE = re.compile(
    rf"^\s*{NEG}\s+(?:create|creating|build|building|use|using|add|adding|imply|implying|suggest|suggesting|"
    r"convey|conveying|generate|generating|give|giving)\s+(?:an?\s+|any\s+)?(?:(?:false\s+)?(?:sense|feeling|"
    r"impression|air)\s+of\s+(?P<of>.+?)|(?P<what>urgency|scarcity|pressure|fomo|haste|exclusivity|cheapness))\s*[.!]?$",
    re.IGNORECASE,
)
_HEADS = frozenset("brand brands product products company business range option choice service offer item thing "
                   "one deal label".split())
# "Don't promise delivery dates or timescales"
_PROMISE = re.compile(
    rf"^\s*{NEG}\s+(?:promise|promising|guarantee|guaranteeing|commit\s+to|quote|state|give|offer|offering|"
    r"make|making|include|including|feature|featuring|show|showing|run|running|put|putting|display|displaying)\s+"
    r"(?P<what>.+)$",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(?:dates?|times?|timescales?|timeframes?|time\s*frames?|deadlines?|lead\s+times?|turnaround|"
    r"delivery\s+(?:windows?|slots?|days?)|arrival|by\s+when|how\s+(?:soon|fast|quickly))\b",
    re.IGNORECASE,
)


# the rationale after the thing banned: "interest rates, they change daily"; "prices, as they vary"
_RATIONALE = re.compile(r"(?<!\s)\s*(?:[,;(]|\s[-–—]\s|\s(?:as|because|since|which|they|it|so)\s).*$", re.IGNORECASE)

_Q = r"[\"“”'‘’]?"
_NAMED = r"[A-Za-z][\w-]*(?:\s[A-Za-z][\w-]*){0,2}?"
_WHO = r"(?:(?:people|them|us|it|everyone|our\s+\w+|the\s+\w+|\w+ers|customers|clients|guests|visitors)\s+)?"
_NAMING = r"(?:call|refer\s+to|address|describe|say|write|use|name)"
# "Always call people 'members', never 'customers'"; "Refer to them as guests, not customers"
_SWAP_FIRST = re.compile(
    rf"^\s*(?:always\s+|please\s+|we\s+(?:always\s+)?)?{_NAMING}\s+{_WHO}(?:as\s+)?(?:an?\s+|the\s+)?{_Q}(?P<good>{_NAMED}){_Q}\s*[,;]?\s*"
    rf"(?:and\s+|but\s+)?(?:never|not|rather\s+than|instead\s+of)\s+(?:as\s+)?(?:an?\s+|the\s+)?{_Q}(?P<bad>{_NAMED}){_Q}\s*[.!]?$",
    re.IGNORECASE,
)
# "Never say 'customers', always 'members'"; "Don't call them clients; call them guests"
_SWAP_LAST = re.compile(
    rf"^\s*{NEG}\s+{_NAMING}\s+{_WHO}(?:as\s+)?(?:an?\s+|the\s+)?{_Q}(?P<bad>{_NAMED}){_Q}\s*[,;:]\s*(?:always\s+|but\s+|instead\s+)?"
    rf"(?:{_NAMING}\s+{_WHO})?(?:as\s+)?(?:an?\s+|the\s+)?{_Q}(?P<good>{_NAMED}){_Q}\s*(?:instead)?\s*[.!]?$",
    re.IGNORECASE,
)


# "Don't quote interest rates", "Never state prices": the values are banned, not the word ("see
# today's rate" keeps the ban)
_VALUES = re.compile(
    rf"^\s*{NEG}\s+(?:quote|quoting|state|stating|give|giving|show|showing|list|listing|publish|print|put|display|"
    r"displaying)\s+",
    re.IGNORECASE,
)


# where a ban applies, not what it bans ("any interest rate in search ads", "prices on posters")
_SCOPE_TAIL = re.compile(
    r"(?<!\s)\s+(?:in|on|across)\s+(?:any\s+|all\s+|the\s+|our\s+)?(?:search\s+ads?|google\s+ads?|ads?|"
    r"adverts?|posts?|posters?|headlines?|social(?:\s+media)?|emails?|captions?)\b.*$",
    re.IGNORECASE,
)
# "Don't say eco-friendly or green", "Never use the words 'cure' or 'treat'": the words, not every claim of
# their kind (a ban on "green claims" is broken by every environmental claim)
_WORDS_ONLY = re.compile(rf"^\s*{NEG}\s+(?:say|use|write|print|call)\b|\bthe\s+(?:words?|terms?|phrases?)\b",
                         re.IGNORECASE)


def bans_words_only(raw: str) -> bool:
    """Whether ``raw`` bans words as words rather than a kind of claim."""
    return bool(_WORDS_ONLY.search(raw))


def bans_claim(raw: str) -> bool:
    """Whether ``raw`` bans a claim ("Don't claim it cures hangovers"): a negated claim keeps it."""
    return bool(_CLAIM.match(raw.strip()))


def bans_values(raw: str) -> bool:
    """Whether ``raw`` bans stating the values of a thing (its figures) rather than naming it."""
    return bool(_VALUES.match(raw))


_AUDIENCE = re.compile(r"^\s*(?:always\s+)?(?:address|target|speak\s+to|talk\s+to)\s+(?!(?:\w+\s+){0,2}?as\b)",
                       re.IGNORECASE)


def naming_swap(raw: str) -> tuple[str, str] | None:
    """(preferred, banned) when ``raw`` sets a naming convention in any order, else ``None``."""
    if _AUDIENCE.match(raw):
        return None  # "Address parents, not children": whom to speak to, not what to call them
    m = _SWAP_FIRST.match(raw) or _SWAP_LAST.match(raw)
    if not m or m.group("good").lower() == m.group("bad").lower():
        return None
    return m.group("good").strip(), m.group("bad").strip()


# "Don't claim it cures hangovers", "Don't claim we're the biggest or the best", "Never suggest that
# the serum heals scars": the claim is what is banned
_CLAIM = re.compile(
    rf"^\s*{NEG}\s+(?:claim|claiming|suggest|suggesting|imply|implying|say|saying|state|stating|"
    r"pretend|pretending)\s+(?:that\s+)?(?:(?:it|we|they|you|this|the\s+[\w-]+|our\s+[\w-]+)\s*(?:is|are|['’]re|['’]s|"
    r"will|can|does|do)?\s+|(?:we|it|they)['’](?:re|s)\s+)?(?P<what>.+)$",
    re.IGNORECASE,
)


def rephrased(raw: str) -> str:
    """``raw`` as "Don't mention …" when it bans a kind of language in another verb."""
    text = raw.strip()
    m = _CLAIM.match(text)
    if m and len(m.group("what").split()) <= 6:
        return f"Don't mention {_RATIONALE.sub('', m.group('what')).strip().rstrip('.!')}"
    m = _REFER.match(text)
    if m and not _NAME_ONLY.match(text):
        if _OTHERS.search(m.group("rest")):
            return "Don't mention competitors"
        return f"Don't mention {m.group('rest').strip().rstrip('.!')}"  # "Don't talk about sugar"
    m = _SOUND.match(text)
    if m:
        return f"Don't mention {m.group('what')}"
    m = _PROMISE.match(text)
    what = _SCOPE_TAIL.sub("", _RATIONALE.sub("", m.group("what"))) if m else ""
    if m and _WHEN.search(what):
        return "Don't mention timescales"
    if m and what and not _AS.match(text) and len(what.split()) <= 4:
        return f"Don't mention {what.strip().rstrip('.!')}"  # "Don't offer guarantees", "Don't quote rates"
    m = _AS.match(text) or _CALL.match(text)
    if m:
        # the kind, not the thing it qualifies: "as a luxury brand" bans "luxury", not "brand"
        what = re.sub(r"\s*,.*$", "", m.group("what"))  # "as natural, our legal team has banned the word"
        words = [w for w in what.strip().rstrip(".!").split() if w.lower() not in _HEADS]
        if words and len(words) <= 5:
            return f"Don't mention {' '.join(words)}"
    m = _SENSE.match(text)
    if m and len((m.group("of") or m.group("what")).split()) <= 4:
        return f"Don't mention {m.group('of') or m.group('what')}"
    return raw
