"""The text rule kinds, each a class with its settings and its check: existence,
substitution, required, conditional, limits, capitalisation and readability metrics.

Each check reads only the fields in the rule's scope and reports the exact span it
objects to, with a fix an agent can apply without understanding the rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from pydantic import Field

from ..models import Fix, FixKind, Platform
from ..platforms import hashtag_spans, measure
from .fields import TextField, artifact_text, primary_field
from .findings import Finding, RuleContext, build_fix, evidenced_number, make_finding, names_audience, quoted
from .matching import any_pattern, compile_pattern, covered, find
from .morphology import Token, negated, token_at, tokens
from .rules import PUBLIC_FIELDS, BaseRule

_WORD = re.compile(r"[\w'’-]+")


class ExistenceRule(BaseRule):
    """Banned terms or patterns. ``exceptions`` are patterns that, when they cover the
    match, make it acceptable ("plastic-free" may be fine where "plastic" is banned);
    ``unless`` patterns found in the same sentence qualify the claim ("recyclable where
    facilities exist"); ``unless_evidence`` patterns found in the brief's evidence make
    the claim substantiated; ``negatable`` drops a match negated in its clause ("we don't
    claim to be carbon neutral"); ``unless_evidenced_number`` drops a match whose
    sentence states a figure the evidence gives ("sustainably sourced: 100% of our cocoa
    is certified" with that figure in the evidence); with ``evidenced_number_in: match`` the
    figure must be the match's own ("lost 2.1 kg" under a trial's 2.1 kg average, not
    "dropped 19 kilos in 12 weeks" under a 12-week trial)."""

    kind: Literal["existence"]
    terms: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    stems: bool = False
    exceptions: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    unless_evidence: list[str] = Field(default_factory=list)
    # patterns anywhere in the field that answer every match in it (a field that says outright
    # "offsetting doesn't make a flight carbon neutral" claims no neutrality in other words)
    unless_field: list[str] = Field(default_factory=list)
    negatable: bool = False
    unless_evidenced_number: bool = False
    evidenced_number_in: Literal["sentence", "match"] = "sentence"
    # Rule-id prefixes whose findings also break this rule: "No medical claims" is broken
    # by every health.* finding, whatever words it used (the engine adds those findings).
    covers_rules: list[str] = Field(default_factory=list)
    # The product's own name, however it is spelt ("Eco Bottle" for EcoBottle), is not a claim
    # the copy makes: agents never rename the product (a person decides on the name).
    skip_product_names: bool = False
    # Words of the brief's target audience ("eco-conscious millennials") name the audience.
    skip_audience: bool = False
    # Patterns one of which the campaign (its product's name, evidence or any field) must hold for
    # the rule to apply: what makes "melt the stress away" a claim is that the product is a gin.
    only_for: list[str] = Field(default_factory=list)

    def check(self, context: RuleContext) -> list[Finding]:
        if context.evidence_matches(self.unless_evidence):
            return []
        if self.only_for and not context.campaign_names(self.only_for):
            return []  # (first: one needle test over the campaign, where most campaigns fail)
        terms, patterns = context.viable(self, self.terms, self.patterns, self.stems)
        if not terms and not patterns:
            return []
        findings = []
        for f in context.in_scope(self):
            if self.unless_field and any_pattern(f.text, self.unless_field):
                continue
            # Per sentence, not per match: a long sentence of many matches is read once.
            qualified: dict[tuple[int, int], bool] = {}
            toks: tuple[Token, ...] | None = None
            for start, end in find(f.text, terms, patterns, self.stems):
                if self.exceptions and covered((start, end), f.text, self.exceptions):
                    continue
                if self.skip_product_names and _within_name(f.text, start, end, context.product_names):
                    continue
                if self.skip_audience and names_audience(f.text[start:end], context.audience):
                    continue
                if self.unless or self.unless_evidenced_number:
                    s, e = f.sentence_bounds(start, end)
                    if self.unless:
                        if (s, e) not in qualified:
                            qualified[(s, e)] = any_pattern(f.text[s:e], self.unless)
                        if qualified[(s, e)]:
                            continue
                    where = f.text[start:end] if self.evidenced_number_in == "match" else f.text[s:e]
                    if self.unless_evidenced_number and evidenced_number(where, context.evidence):
                        continue
                if self.negatable:
                    toks = toks if toks is not None else tokens(f.text)
                    if negated(toks, token_at(toks, start)):
                        continue
                excerpt = f.text[start:end]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}." + _in_product_name(f.text, start, end, context)
                findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings


def _within_name(text: str, start: int, end: int, names: list[str]) -> bool:
    return any(
        m.start() <= start and end <= m.end()
        for name in names if len(name) >= 3 for m in _name_regex(name).finditer(text)
    )


def _in_product_name(text: str, start: int, end: int, context: RuleContext) -> str:
    """A note when the flagged words are part of the product name: agents never rename
    the product, so only a person can resolve such a brief (it is still reported)."""
    for name in context.product_names:
        if len(name) < 3:
            continue
        for m in compile_pattern(re.escape(name)).finditer(text):
            if m.start() <= start and end <= m.end():
                return (f" It is part of the product name “{name}”, which the agents never rename: "
                        "a person must change the brief or the product name.")
    return ""


class SubstitutionRule(BaseRule):
    """Preferred terms: each key found is replaced by its value."""

    kind: Literal["substitution"]
    swap: dict[str, str]

    def check(self, context: RuleContext) -> list[Finding]:
        findings = []
        for f in context.in_scope(self):
            for term, preferred in self.swap.items():
                for start, end in find(f.text, [term]):
                    excerpt = f.text[start:end]
                    replacement = preferred[:1].upper() + preferred[1:] if excerpt[:1].isupper() else preferred
                    fix = Fix(kind=FixKind.REPLACE, target=excerpt, replacement=replacement)
                    desc = f"{self.message} Write “{preferred}” instead of {quoted(excerpt)}."
                    findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings


def in_scope_names_a_part(rule: BaseRule) -> bool:
    """Whether ``rule`` reads only some parts of a piece (its headline, its posts)."""
    return set(rule.scope.fields) != set(PUBLIC_FIELDS)


def _present(rule: RequiredRule, fields: list[TextField]) -> bool:
    if any(find(f.text, rule.terms, rule.patterns, rule.stems) for f in fields):
        return True
    if rule.all_of:
        return all(any(find(f.text, (), [part]) for f in fields) for part in rule.all_of)
    return bool(rule.all_terms) and all(
        any(find(f.text, [term], (), rule.stems) for f in fields) for term in rule.all_terms
    )


class RequiredRule(BaseRule):
    """Something that must appear: ``per: artifact`` in every artifact in scope, or
    ``per: campaign`` somewhere in the campaign. Any of ``terms``/``patterns`` satisfies
    it, or all of ``all_terms`` together, or every pattern of ``all_of`` (the parts of a
    concept said in any wording, see compliance/paraphrase.py). ``add`` is the text an agent adds."""

    kind: Literal["required"]
    terms: list[str] = Field(default_factory=list)
    all_terms: list[str] = Field(default_factory=list)
    all_of: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    stems: bool = True
    per: Literal["artifact", "campaign"] = "artifact"
    add: str

    def check(self, context: RuleContext) -> list[Finding]:
        in_scope = context.in_scope(self)
        types = [t for t in context.artifacts if self.scope.types is None or t in self.scope.types]
        if self.per == "campaign":
            if not types or _present(self, in_scope):
                return []
            types = types[:1]
        findings = []
        for artifact_type in types:
            fields = [f for f in in_scope if f.artifact_type is artifact_type]
            if not fields and self.per == "artifact" and in_scope_names_a_part(self):
                continue  # "Headline must include …": a piece without a headline does not break it
            if _present(self, fields):
                continue
            artifact = context.artifacts[artifact_type]
            where = primary_field(artifact)
            anchor = TextField(artifact_type, artifact.id, where, "")
            fix = Fix(kind=FixKind.ADD, replacement=self.add)
            desc = f"{self.message} Nothing in the {artifact_type.value} says it; add “{self.add}”."
            findings.append(make_finding(self, anchor, None, fix, desc))
        return findings


class ConditionalRule(BaseRule):
    """If a trigger appears, something else must appear ``within`` the same sentence,
    field or artifact (a recyclable claim needs its qualifier)."""

    kind: Literal["conditional"]
    if_terms: list[str] = Field(default_factory=list)
    if_patterns: list[str] = Field(default_factory=list)
    then_terms: list[str] = Field(default_factory=list)
    then_patterns: list[str] = Field(default_factory=list)
    within: Literal["sentence", "field", "artifact"] = "sentence"
    unless_evidence: list[str] = Field(default_factory=list)
    # Triggers that count only when the brief's evidence says what the product is: a bare
    # "41% last year" is past performance when the evidence says a fund returned 41%.
    evidence_topic: list[str] = Field(default_factory=list)
    topic_patterns: list[str] = Field(default_factory=list)

    def check(self, context: RuleContext) -> list[Finding]:
        if context.evidence_matches(self.unless_evidence):
            return []
        topical = bool(self.topic_patterns) and context.evidence_matches(self.evidence_topic)
        if_terms, if_patterns = context.viable(self, self.if_terms, self.if_patterns)
        topic_patterns = context.viable(self, [], self.topic_patterns)[1] if topical else ()
        if not (if_terms or if_patterns or topic_patterns):
            return []
        findings = []
        for f in context.in_scope(self):
            triggers = find(f.text, if_terms, if_patterns)
            if topical and not triggers:
                triggers = find(f.text, [], topic_patterns)
            if not triggers:
                continue
            whole = artifact_text(context.fields[f.artifact_type]) if self.within == "artifact" else f.text
            for start, end in triggers:
                region = whole
                if self.within == "sentence":
                    s, e = f.sentence_bounds(start, end)
                    region = f.text[s:e]
                if find(region, self.then_terms, self.then_patterns):
                    continue
                excerpt = f.text[start:end]
                fix = build_fix(self.fix, excerpt, context, FixKind.REWRITE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)} without it."
                findings.append(make_finding(self, f, (start, end), fix, desc))
        return findings


def _word_cut(text: str, max_words: int) -> int:
    """Character offset where the ``max_words``-th word ends (a SHORTEN target)."""
    ends = [m.end() for m in _WORD.finditer(text)]
    return ends[max_words - 1] if 0 < max_words <= len(ends) else 0


class LimitRule(BaseRule):
    """Length or occurrence limits. ``measure``: ``chars``, ``words``, ``platform`` (the
    platform's own counting, e.g. X weighted length), ``hashtags``, or ``occurrences`` of
    ``pattern``."""

    kind: Literal["limit"]
    measure: Literal["chars", "words", "platform", "hashtags", "occurrences"]
    max: int | None = None
    pattern: str | None = None

    def check(self, context: RuleContext) -> list[Finding]:
        findings = []
        for f in context.in_scope(self):
            findings.extend(_limit_findings(self, f, context))
        return findings


def _limit_findings(rule: LimitRule, f: TextField, context: RuleContext) -> list[Finding]:
    text = f.text
    if rule.measure == "hashtags":
        limit = rule.max if rule.max is not None else 30
        tags = hashtag_spans(text)
        extra = tags[limit:]
        desc = f"{rule.message} {len(tags)} hashtags; the limit is {limit}."
        return [make_finding(rule, f, s, Fix(kind=FixKind.REMOVE, target=text[s[0]:s[1]]), desc) for s in extra]
    if rule.measure == "occurrences":
        hits = [m.span() for m in compile_pattern(rule.pattern or "$^").finditer(text)]
        limit = rule.max or 0
        if len(hits) <= limit:
            return []
        span = hits[limit]
        fix = build_fix(rule.fix, text[span[0]:span[1]], context, FixKind.REWRITE)
        desc = f"{rule.message} {len(hits)} found; at most {limit} allowed."
        return [make_finding(rule, f, span, fix, desc)]
    count, maximum, unit = _measure(rule, f)
    if maximum is None or count <= maximum:
        return []
    limit = maximum
    max_length = _word_cut(text, limit) if rule.measure == "words" else limit
    fix = Fix(kind=FixKind.SHORTEN, max_length=max_length)
    desc = f"{rule.message} {count} {unit}; the limit is {limit}. Shorten it, do not cut it off mid-word."
    return [make_finding(rule, f, (0, len(text)), fix, desc)]


def _measure(rule: LimitRule, f: TextField) -> tuple[int, int | None, str]:
    if rule.measure == "words":
        return len(_WORD.findall(f.text)), rule.max, "words"
    if rule.measure == "platform" and f.platform in Platform._value2member_map_:
        m = measure(f.text, Platform(f.platform))
        limit = rule.max if rule.max is not None else m.limit
        return m.count, limit, f"characters as {f.platform} counts them"
    return len(f.text), rule.max, "characters"


def _name_regex(name: str) -> re.Pattern[str]:
    """``EcoBottle`` also matches ``ecobottle``, ``Eco Bottle`` and ``eco-bottle``."""
    parts = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\sA-Za-z\d]+", name)
    body = r"[\s-]?".join(re.escape(p) for p in parts) if parts else re.escape(name)
    return compile_pattern(rf"(?<![\w@./-]){body}(?![\w-]*\.(?:com|org|net|io|co)\b)(?!\w)")


class CapitalizationRule(BaseRule):
    """Names written exactly as the brand writes them (the brief's product is added)."""

    kind: Literal["capitalization"]
    names: list[str] = Field(default_factory=list)

    def check(self, context: RuleContext) -> list[Finding]:
        names = list(dict.fromkeys([*self.names, *context.product_names]))
        findings = []
        for f in context.in_scope(self):
            for name in names:
                if len(name) < 3:
                    continue
                for m in _name_regex(name).finditer(f.text):
                    if m.group(0) == name or (m.group(0).startswith("#") and m.group(0)[1:] == name):
                        continue
                    fix = Fix(kind=FixKind.REPLACE, target=m.group(0), replacement=name)
                    desc = f"{self.message} Write “{name}”, not {quoted(m.group(0))}."
                    findings.append(make_finding(self, f, m.span(), fix, desc))
        return findings


def _longest_sentence(f: TextField) -> tuple[int, int]:
    best, pos = (0, len(f.text)), 0
    longest = -1
    while pos < len(f.text):
        s, e = f.sentence_bounds(pos, pos)
        words = len(_WORD.findall(f.text[s:e]))
        if words > longest:
            longest, best = words, (s, e)
        pos = max(e, pos + 1)
    s, e = best
    while s < e and f.text[s].isspace():
        s += 1
    while e > s and f.text[e - 1].isspace():
        e -= 1
    return s, e


class MetricRule(BaseRule):
    """A readability metric computed with ``textstat`` must stay within ``max``."""

    kind: Literal["metric"]
    metric: Literal["flesch_kincaid_grade", "gunning_fog", "smog_index"] = "flesch_kincaid_grade"
    max: float
    min_words: int = 25

    def check(self, context: RuleContext) -> list[Finding]:
        import textstat  # imported lazily: loading its pronunciation dictionary takes a second

        metric: Callable[[str], Any] = getattr(textstat, self.metric)
        findings = []
        for f in context.in_scope(self):
            if len(_WORD.findall(f.text)) < self.min_words:
                continue
            value = float(metric(f.text))
            if value <= self.max:
                continue
            span = _longest_sentence(f)
            fix = Fix(kind=FixKind.REWRITE, target=f.text[span[0]:span[1]])
            desc = (f"{self.message} {self.metric.replace('_', ' ')} is {value:.1f}; the brand kit "
                    f"allows {self.max:g}. Split the longest sentence and prefer shorter words.")
            findings.append(make_finding(self, f, span, fix, desc))
        return findings


