"""``contradicted-claim``: a claim the brief's own facts (or the copy's own words) contradict.

"Plastic-free" while the evidence says the cap is polypropylene or the copy itself names
PLA; "zero emissions" when the evidence counts only the tailpipe; "refillable" when no
refills are sold; "ends up in your compost" for pods certified only industrially
compostable; "runs on sunshine and breeze" for a supply matched by certificates once a
year. Each entry pairs a claim (patterns in the copy) with the facts that contradict it
(patterns in the evidence, or elsewhere in the field) and the qualifications that answer
it in the claim's own sentence ("except the cap", "zero tailpipe emissions", "REGO-backed").
The pairing is the point: a contradiction only counts against the claim it contradicts,
so "the cap is polypropylene" says nothing about a "refillable" claim.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import compile_pattern
from .morphology import negated, token_at, tokens
from .rules import BaseRule

# "no plastic window", "not sold with polypropylene": the evidence rules the fact out.
_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|without|never|nor|free of|free from|instead of)\b(?:[\s-]+[\w-]+){0,2}[\s-]*$", re.IGNORECASE)


def _figure(text: str) -> float:
    return float(text.replace(",", "."))


def _states(fact: re.Match[str], figure: float) -> bool:
    """Whether an evidence fact states ``figure``: its own figure (group ``n``), or any figure
    of the range it gives (group ``lo`` to ``n``: "19-21% lower" states 20%)."""
    high = _figure(fact.group("n"))
    low = fact.groupdict().get("lo")
    return figure == high or (low is not None and _figure(low) <= figure <= high)


# A share derived from two measured values is stated rounded ("around 30%" for 30.5%): within
# this many points it is the same share.
_ROUNDING = 2.5


def _changes(evidence: list[str], patterns: list[re.Pattern[str]]) -> list[tuple[float, str]]:
    """Each pair of values on file in the same unit, as the share by which the smaller is below
    the larger, with the words that say so: 141 and 98 g/km → (30.5, "98 g/km against 141 g/km")."""
    values: list[tuple[float, str, str]] = [
        (_figure(m.group("v")), m.group("u").lower().replace(" ", ""), m.group(0))
        for item in evidence for p in patterns for m in p.finditer(item)]
    return [(100 * (high - low) / high, f"{low_text} against {high_text}")
            for high, unit, high_text in values for low, other, low_text in values
            if unit == other and 0 < low < high]


class Contradiction(BaseModel):
    """One claim and what contradicts it."""

    model_config = ConfigDict(extra="forbid")
    claim: list[str]
    evidence: list[str] = Field(default_factory=list)
    # facts in the copy itself, outside the claim ("plastic-free … sealed with PLA")
    copy_facts: list[str] = Field(default_factory=list)
    # qualifications in the claim's sentence that make it true ("zero tailpipe emissions")
    answered_by: list[str] = Field(default_factory=list)
    # the claim's figure (group ``n``) must be one the evidence states for the same attribute
    # (group ``n`` of an ``evidence`` pattern): "70% recycled" against "50% recycled plastic"
    same_figure: bool = False
    # measured values on file (group ``v``, unit group ``u``: "141 g/km", "98 g/km") whose pairwise
    # change in the same unit a ``same_figure`` claim's share must state: "40% less CO2" against
    # 141 and 98 g/km, a 30% cut (round 7)
    derived_from: list[str] = Field(default_factory=list)
    says: str


class ContradictedClaimRule(BaseRule):
    """A claim contradicted by the evidence or by the copy's own words."""

    kind: Literal["contradicted-claim"]
    claims: list[Contradiction]
    _compiled: list[tuple[list[re.Pattern[str]], ...]] = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        self._compiled = [tuple([compile_pattern(p) for p in patterns] for patterns in (
            c.claim, c.evidence, c.copy_facts, c.answered_by, c.derived_from)) for c in self.claims]

    def check(self, context: RuleContext) -> list[Finding]:
        findings = []
        # the evidence's facts per entry, once per audit (not once per field)
        matched = [[m for item in context.evidence for p in evidence for m in p.finditer(item)
                    if not _NEGATED_BEFORE.search(item[: m.start()])] for _, evidence, _, _, _ in self._compiled]
        changes = [_changes(context.evidence, derived) for *_, derived in self._compiled]
        for f in context.in_scope(self):
            taken: list[tuple[int, int]] = []
            for entry, (claims, _, copy_facts, answers, _), matches, derived in zip(
                    self.claims, self._compiled, matched, changes, strict=True):
                if not matches and not copy_facts and not derived:
                    continue  # nothing on file or in the copy could contradict this claim
                facts = [m.group(0) for m in matches]
                for p in claims:
                    for m in p.finditer(f.text):
                        if entry.same_figure:
                            figure = _figure(m.group("n"))
                            if (not matches and not derived) or any(_states(e, figure) for e in matches) \
                                    or any(abs(figure - d) <= _ROUNDING for d, _ in derived):
                                continue  # the evidence states no such share, or this one
                            facts = [e.group(0) for e in matches] + [what for _, what in derived]
                        if any(m.start() < e and s < m.end() for s, e in taken):
                            continue
                        toks = tokens(f.text)
                        if toks and negated(toks, token_at(toks, m.start())):
                            continue  # "we don't claim zero emissions"
                        lo, hi = f.sentence_bounds(m.start(), m.end())
                        sentence = f.text[lo:hi]
                        if any(a.search(sentence) for a in answers):
                            continue
                        outside = f.text[: m.start()] + " " + f.text[m.end():]
                        own = [c.group(0) for c in (q.search(outside) for q in copy_facts) if c is not None
                               and not _NEGATED_BEFORE.search(outside[: c.start()])]
                        found = facts or own
                        if not found:
                            continue
                        excerpt = f.text[m.start() : m.end()]
                        where = "the evidence" if facts else "the copy"
                        fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                        desc = (f"{self.message} Found {quoted(excerpt)}; {where} says {quoted(found[0])}: "
                                f"{entry.says}")
                        findings.append(make_finding(self, f, (m.start(), m.end()), fix, desc))
                        taken.append((m.start(), m.end()))
        return findings
