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
    says: str


class ContradictedClaimRule(BaseRule):
    """A claim contradicted by the evidence or by the copy's own words."""

    kind: Literal["contradicted-claim"]
    claims: list[Contradiction]
    _compiled: list[tuple[list[re.Pattern[str]], ...]] = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        self._compiled = [tuple([compile_pattern(p) for p in patterns] for patterns in (
            c.claim, c.evidence, c.copy_facts, c.answered_by)) for c in self.claims]

    def check(self, context: RuleContext) -> list[Finding]:
        findings = []
        # the evidence's facts per entry, once per audit (not once per field)
        matched = [[m for item in context.evidence for p in evidence for m in p.finditer(item)
                    if not _NEGATED_BEFORE.search(item[: m.start()])] for _, evidence, _, _ in self._compiled]
        for f in context.in_scope(self):
            taken: list[tuple[int, int]] = []
            for entry, (claims, _, copy_facts, answers), matches in zip(self.claims, self._compiled, matched,
                                                                         strict=True):
                if not matches and not copy_facts:
                    continue  # nothing on file or in the copy could contradict this claim
                facts = [m.group(0) for m in matches]
                for p in claims:
                    for m in p.finditer(f.text):
                        if entry.same_figure:
                            stated = {_figure(e.group("n")) for e in matches}
                            if not stated or _figure(m.group("n")) in stated:
                                continue  # the evidence states no such share, or this one
                            facts = [e.group(0) for e in matches]
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
