"""The parts of a required concept, each as a pattern that any of its wordings satisfies.

"Mention that it is gluten-free", "Mention the launch date, 14 March", "Mention the price
of £19 a month", "Must include a call to action to visit a branch": a reviewer passes
copy that says these in other words ("the 14th of March", "nineteen pounds a month",
"drop into your nearest branch"). The words of a concept that carry no content (pronouns,
copulas, the name of the kind of text: "call to action") are not required; a value the
constraint names (a price, a date, a figure) is required in any written form, and the
words that only label it ("price", "launch date") are not; every other word is required
as itself, an inflection, or a member of its semantic field in lexicon.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text import term_regex  # the term matcher the agents share: word families by stem

# Words of a statement that carry no content of their own.
_FUNCTION = frozenset(
    "it its is are was were be been being they them their this that these those there we us you can will "
    "has have had do does did very so also it's they're we're that's there's where how what when "
    # the saying and the placing are the constraint's, not the copy's ("state the rate as AER and say
    # whether it is variable", "the monthly price after the trial")
    "say says state states mention show shows give gives explain make clear clearly whether if as "
    "after before during per each every any from until by at next alongside beside".split()
)
# Words that only label what the concept is about ("the colour options", "the size range", "the
# returns policy"): not required as words while another content word of the concept is.
_SOFT_LABELS = frozenset("options option range choice choices details detail information info policy policies "
                         "message messages offer deal promotion promo available availability".split())
# Words that name the kind of text asked for, not what it says.
# The kind of statement named ("the past-performance warning", "the FCA authorisation line", "the
# food supplement statement", "reapplication advice"), how it must be given ("in full", "word for word")
# and the regulator that prescribes it: a reviewer passes the statement itself, which need not name any.
_META = re.compile(
    r"\bcalls? to action\b|\bctas?\b|\breminders?\b|\bsentences?\b|\blines?\b|\bwarnings?\b|\bdisclaimers?\b"
    r"|\bstatements?\b|\bnotices?\b|\bwording\b|\badvice\b|\bcaveats?\b|\bdisclosures?\b|\bin full\b"
    r"|\bword for word\b|\bverbatim\b|\bfull\b|\bprescribed\b|\bmandatory\b|\brequired\b|\bstandard\b"
    r"|(?-i:\b(?:FCA|FTC|ASA|CAP|CMA|PRA|SEC|FDA|MHRA|EFSA|EU|UK)\b)",
    re.IGNORECASE,
)
# Words that only label a value the constraint gives ("the price of £19", "the launch date, 14 March").
_LABELS = frozenset("price prices cost costs date dates launch fee fees amount figure figures deadline day rate "
                    "charge number total age restriction restrictions limit rating end closing expiry opening "
                    "start release size capacity volume weight name brand code link website web address url "
                    "site ticket handle username hashtag account promo voucher".split())
# a value written as itself: a web address, a code, a name ("our name, Quotewise", "the code
# FELLS20", "the link sol-escuela.es/verano"); the words that label it are not required
_LITERAL = re.compile(
    r"(?<![\w-])[\w-]+\.(?:com|co\.uk|org|org\.uk|net|io|uk|es|fr|de|ie|eu|shop|store|app)(?:/[\w/-]*)?"
    r"|(?-i:\b[A-Z]{2,}\d+[A-Z\d]*\b)"
    r"|(?-i:(?<=[\s,:])[A-Z][a-z]+(?:[A-Z][a-z]+)+\b|(?<=[,:]\s)[A-Z][\w-]+|(?<=name\s)[A-Z][\w-]+|(?<=called\s)[A-Z][\w-]+)"
)
# units said with a figure ("the 400 ml pump size" is honoured by "400ml"): part of the value
_UNITS = frozenset("ml l litre litres liter liters g kg mg cm mm m km gb mb tb mbps gbps kwh kw w miles mph "
                   "inch inches oz lb lbs".split())
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_CURRENCY_WORDS = {"£": "pounds?", "$": "dollars?", "€": "euros?"}
_MONEY = re.compile(r"(?P<cur>[£$€])\s?(?P<n>\d+)(?:\.(?P<p>\d{2}))?")
_DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{'|'.join(_MONTHS)})\b"
    rf"|\b(?P<m2>{'|'.join(_MONTHS)})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)


def number_words(n: int) -> str | None:
    """0-99 in words ("nineteen", "forty[- ]two"), as a pattern; None beyond."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens - 2] + (f"[- ]{_ONES[ones]}" if ones else "")
    return None


def _number(n: str) -> str:
    words = number_words(int(n)) if n.isdigit() else None
    digits = rf"(?<![\d.,]){n}(?![\d]|[.,]\d)"  # "400ml" as well as "400 ml"
    return rf"(?:{digits}|\b{words}\b)" if words else digits


def _money(m: re.Match[str]) -> str:
    cur, n, pence = m.group("cur"), m.group("n"), m.group("p")
    digits = re.escape(cur) + rf"\s?{n}" + (rf"\.{pence}" if pence and pence != "00" else r"(?:\.00)?") + r"(?!\d)"
    words = number_words(int(n))
    if words and not (pence and pence != "00"):
        return rf"(?:{digits}|\b{words}\s+{_CURRENCY_WORDS[cur]}\b)"
    return digits


def _date(m: re.Match[str]) -> str:
    day, month = (m.group("d"), m.group("m")) if m.group("d") else (m.group("d2"), m.group("m2"))
    month = month.lower()
    day_form = rf"{day}(?:st|nd|rd|th)?"
    return (rf"(?:\b{day_form}\s+(?:of\s+)?{month[:3]}[a-z]*\b|\b{month[:3]}[a-z]*\.?\s+(?:the\s+)?{day_form}\b"
            rf"|\b0?{day}[/.]0?{_MONTHS.index(month) + 1}\b)")


_MONTH_ABBR = "|".join(m[:3] for m in _MONTHS)
# Kinds of value a constraint can ask for without giving one ("Include a phone number", "Must
# include the store address"): any value of that kind, in its written form, honours it, and the
# words that name the kind are not required as words ("Call us on 0800 123 456"); an email or
# web address is looked for before a street address.
_VALUE_KINDS: list[tuple[re.Pattern[str], str, frozenset[str]]] = [
    (re.compile(r"\b(?:(?:tele)?phone|contact|mobile|helpline)\s+numbers?\b|\b(?:tele)?phone\b", re.IGNORECASE),
     r"(?:\+?\d[\d\s()-]{7,}\d)",
     frozenset("phone telephone number numbers contact mobile helpline".split())),
    (re.compile(r"\b(?:website|web ?site|web address|url|site address)\b", re.IGNORECASE),
     r"(?:\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|co\.uk|org|org\.uk|net|io|uk|shop|store|app)\b)",
     frozenset("website web site address url".split())),
    (re.compile(r"\be-?mail(?: address)?\b", re.IGNORECASE),
     r"(?:\b[\w.+-]+@[\w-]+\.[\w.]+\b)",
     frozenset("email e-mail address".split())),
    (re.compile(r"\baddress(?:es)?\b", re.IGNORECASE),
     r"(?:\b\d{1,4}[a-z]?,?\s+(?:[A-Za-z][\w'-]+\s+){1,3}(?:street|st|road|rd|lane|ln|avenue|ave|way|place|square|sq|"
     r"drive|dr|close|court|crescent|terrace|parade|row|walk|hill|gardens|park|quay|wharf|yard|arcade|mews|green)\b"
     r"|(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b))",
     frozenset("address addresses store shop branch postal street".split())),
    (re.compile(r"\bopening (?:hours|times)\b|\bhours of opening\b", re.IGNORECASE),
     r"(?:\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b|\b\d{1,2}[:.]\d{2}\s?[-–to]+\s?\d{1,2}[:.]\d{2}\b"
     r"|\b24/7\b|\bopen (?:all day|24 hours|every day)\b)",
     frozenset("opening hours times".split())),
    (re.compile(r"\bcalls? to action\b|\bctas?\b", re.IGNORECASE),
     r"(?:(?:^|[.!?:]\s+|\n)\s*(?:buy|shop|order|book|sign up|join|visit|call|try|get|grab|discover|find out|"
     r"learn more|download|subscribe|register|start|claim|apply|explore|see|come|pop|head|click|tap|reserve|enquire|"
     r"contact|pick up|switch|upgrade|taste|treat yourself|don't miss|drop|swing|stop by|check|ask|chat|speak|talk|"
     r"message|follow|share|tag|enter|vote|donate|save|choose|pick|meet|browse|watch|listen|read|plan|request|"
     r"sample|test|give|send|use|bring|find)\b|\b(?:now|today)\s*[.!]?\s*$)",
     frozenset("call calls to action cta ctas".split())),
    (re.compile(r"\bonline\b", re.IGNORECASE),
     r"(?:\bonline\b|\bin (?:the|our) app\b|\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|co\.uk|org|net|io|uk|shop|store|app)\b)",
     frozenset({"online"})),
    (re.compile(r"\bage (?:restriction|limit|rating|requirement|warning)s?\b|\bage[- ]restricted\b", re.IGNORECASE),
     r"(?:\b(?:16|18|21|25)\s?\+|\bover[- ](?:16|18|21|25)s?\b|\b(?:adults|over-18s|18s) only\b"
     r"|\baged (?:16|18|21|25) (?:or|and) over\b"
     r"|\bunder[- ](?:16|18|21|25)s? (?:not|cannot|can't)\b)",
     frozenset("age restriction restrictions limit rating requirement warning restricted".split())),
    (re.compile(r"\b(?:date|dates)\b", re.IGNORECASE),
     rf"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\bmidnight\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_ABBR})[a-z]*\b|\b(?:{_MONTH_ABBR})[a-z]*\.?\s+(?:the\s+)?\d{{1,2}}"
     rf"(?:st|nd|rd|th)?\b|\b\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\b)",
     frozenset("date dates end closing expiry opening start launch release".split())),
    # "how many totes are available", "the number of places": a count
    (re.compile(r"\bhow many\b|\bnumber of\b|\bquantity\b", re.IGNORECASE),
     r"(?:\b\d[\d,]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand)\b)",
     frozenset("how many number quantity".split())),
    # "the contract length", "the minimum term": a span of time (or none)
    (re.compile(r"\b(?:contract|plan|subscription|minimum|membership|fixed)\s+(?:length|term|period)\b|\bhow long\b"
                r"|\bduration\b", re.IGNORECASE),
     r"(?:\b\d+[- ]?(?:day|week|month|year)s?\b|\b(?:no|zero)[- ]contract\b|\brolling\b|\bmonth[- ]to[- ]month\b"
     r"|\b(?:one|two|three|six|twelve|eighteen|twenty-four)[- ](?:day|week|month|year)s?\b)",
     frozenset("contract plan subscription minimum membership fixed length term period how long duration".split())),
    (re.compile(r"\b(?:price|prices|cost|costs|pricing)\b", re.IGNORECASE),
     r"(?:[£$€]\s?\d|\b\d+(?:\.\d{2})?\s?(?:pounds?|p|pence|dollars?|euros?)\b"
     r"|\b(?:a|one|two|three|five|ten|twenty|fifty) (?:pounds?|quid|dollars?|euros?)\b|\bfree\b)",
     frozenset("price prices cost costs pricing".split())),
]


def value_patterns(raw: str) -> list[str]:
    """Patterns of the kinds of value ``raw`` asks for without giving one ("Mention our
    website": any web address)."""
    if _MONEY.search(raw) or _DATE.search(raw):
        return []
    return [pattern for asked, pattern, _ in _VALUE_KINDS if asked.search(raw)]


_CTA_WORDS = frozenset({"cta", "action"})
_DURATION = re.compile(r"\b(?P<n>\d+)[- ]?(?P<unit>day|week|month|year)s?\b", re.IGNORECASE)
# The same span of time said otherwise: "30-day" is also "a month", "14 days" "a fortnight".
_SAME_SPAN = {("30", "day"): r"(?:a|one) month", ("28", "day"): r"four weeks|(?:a|one) month",
              ("7", "day"): r"(?:a|one) week", ("14", "day"): r"(?:a|one) fortnight|two weeks",
              ("12", "month"): r"(?:a|one) year",
              ("365", "day"): r"(?:a|one) year", ("1", "year"): r"(?:a|one) year|12 months|twelve months",
              ("2", "year"): r"two years|24 months", ("90", "day"): r"three months"}
_COUNT = re.compile(r"(?<![£$€\d.,:/])\b(?P<n>\d{1,4})\b(?![.,:/]\d|\s?%|-?(?:day|week|month|year)s?\b)")


def _duration(m: re.Match[str]) -> str:
    n, unit = m.group("n"), m.group("unit").lower()
    same = _SAME_SPAN.get((n, unit))
    words = number_words(int(n))
    forms = [rf"\b{n}[- ]?{unit}s?\b"] + ([rf"\b{words}[- ]{unit}s?\b"] if words else [])
    forms += [rf"\b(?:{same})\b"] if same else []
    return "(?:" + "|".join(forms) + ")"


_DERIVED = (("ication", ""), ("ation", ""), ("ition", ""), ("tion", "t"), ("sion", "s"), ("ment", ""), ("ness", ""),
            ("ally", ""), ("ly", ""))


def family(word: str) -> list[str]:
    """The word's base when it is a derived noun or adverb ("protection" is said "protected",
    "reapplication" "reapply", "monthly" "a month"), as a pattern of that base's inflections."""
    lower = word.lower()
    for suffix, keep in _DERIVED:
        if lower.endswith(suffix) and len(lower) - len(suffix) + len(keep) >= 4:
            return [term_regex(lower[: -len(suffix)] + keep, stems=True)]
    return []


# words that qualify a value asked for ("the exact end date", "the lead-in price", "the starting price")
_QUALIFIERS = frozenset("exact lead lead-in starting lowest current final actual minimum maximum regular usual "
                        "headline latest".split())
# a statement named by its kind ("the FCA crypto risk warning", "the past-performance warning"): the
# words of the kind name it, and a statement that says any of them honours it ("This is a high-risk
# investment" for the crypto risk warning)
_KIND_OF_STATEMENT = re.compile(
    r"(?<![\w-])((?:[\w-]+\s+){1,3}?)(?:warnings?|statements?|lines?|notices?|disclaimers?|advice|wording|disclosures?|caveats?)\b",
    re.IGNORECASE,
)


def _appositive_labels(raw: str, value_starts: list[int]) -> set[str]:
    """Words that label a value set off after them ("the festival date: 12-14 September", "our
    name, Quotewise"): the value is what the copy must say."""
    labels: set[str] = set()
    for m in re.finditer(r"[:,]\s*", raw):
        if m.end() in value_starts:
            labels |= {w.lower() for w in re.findall(r"[\w'’-]+", raw[: m.start()])}
    return labels


def required_parts(raw: str, words: tuple[str, ...], related: Callable[[str], list[str]]) -> list[str]:
    """Patterns that must all be found for ``raw`` (a require constraint whose content
    words are ``words``) to be honoured; ``related(word)`` gives the patterns of a
    word's semantic field. Empty when nothing of the concept is left to require."""
    values = [_money(m) for m in _MONEY.finditer(raw)] + [_date(m) for m in _DATE.finditer(raw)]
    values += [_duration(m) for m in _DURATION.finditer(raw)]
    values += [re.escape(m.group(0)) for m in _LITERAL.finditer(raw)]
    starts = [m.start() for rx in (_MONEY, _DATE, _DURATION, _LITERAL, re.compile(r"\d")) for m in rx.finditer(raw)]
    labels = _appositive_labels(raw, starts) if values else set()
    money_or_date = _MONEY.sub(" ", _DATE.sub(" ", _DURATION.sub(" ", raw)))
    values += [_number(m.group("n")) for m in _COUNT.finditer(money_or_date)]
    dated = {m.group("m") or m.group("m2") for m in _DATE.finditer(raw)}
    meta = {w.lower() for m in _META.finditer(raw) for w in re.findall(r"\w+", m.group(0))} - {"to"}
    parts = list(values)
    kinds: set[str] = set()
    if not values:  # a kind of value asked for, none given: any value of the kind honours it
        for asked, pattern, named in _VALUE_KINDS:
            rest = [w for w in words if w not in _FUNCTION and w not in meta and w not in named and w != "to"]
            if named & _CTA_WORDS and rest:
                continue  # "a call to action to visit a branch": the visit is the call to action
            if asked.search(raw) and not kinds & named:
                parts.append(pattern)
                kinds |= named
    content = [w for w in words if w not in _FUNCTION and w not in meta and w not in kinds]
    soft_only = all(w in _SOFT_LABELS for w in content)
    kind_words: list[str] = []
    for m in _KIND_OF_STATEMENT.finditer(raw):
        kind_words += [w.lower() for w in re.findall(r"[\w'’]+", m.group(1).replace("-", " "))
                       if w.lower() in words and w.lower() not in _FUNCTION and w.lower() not in meta]
    if len(kind_words) > 1:  # any word of the statement's kind says it
        parts.append(r"(?<!\w)(?:" + "|".join(a for w in kind_words for a in (term_regex(w, stems=w.isalpha()),
                                                                             *family(w), *related(w))) + r")(?!\w)")
    for word in words:
        if (len(kind_words) > 1 and word in kind_words) or word in labels \
                or ((values or kinds) and word in _QUALIFIERS) \
                or word in _FUNCTION or word in meta or word in kinds or (values and word in _UNITS) \
                or (values and (word in _LABELS or word in {d.lower() for d in dated})) \
                or (word in _SOFT_LABELS and (not soft_only or bool(kinds) or bool(values))) \
                or (word in {"day", "days"} and _DURATION.search(raw)):
            continue
        alternatives = [term_regex(word, stems=word.isalpha()), *family(word), *related(word)]
        parts.append(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    return parts
