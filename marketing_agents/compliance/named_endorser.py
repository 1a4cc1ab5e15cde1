"""``named-endorsement``: a named person's endorsement that nothing on file documents.

"Loved by Ed Sheeran", "As worn by Maya Jones", "Jamie Lee's favourite loaf": a public figure or
another named person presented as endorsing the product. The advertiser must hold evidence that
the endorsement is genuine and the person's permission (CAP Code 3.45, 3.50, 6.1; 16 CFR
255.1(a)-(c)). When the brief's evidence names the person, it is the other endorsement rules'
matter (a paid ambassador, a deal that ended, a signed statement); when it does not, or names
them only to deny the endorsement or the permission (round 7), the claim has nothing behind it.
Who is named is read by form: two or three capitalised words after an endorsing participle or
before a possessive verdict, not a crowd in Title Case ("Loved By Families Across Britain").
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import PrivateAttr

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .matching import compile_pattern
from .rules import BaseRule
from .structure import denies_endorsement

_NAME_WORD = re.compile(r"[A-Za-z]{2,}")
# words that make a Title-Case phrase a crowd or a place, not a person
_CROWD = re.compile(
    r"^(?:famil|parent|people|customer|mum|mom|dad|kid|local|thousand|million|brit|fan|member|user|client|guest|"
    r"reader|listener|viewer|driver|rider|owner|cook|chef|baker|expert|pro|athlete|doctor|dentist|vet|nurse|"
    r"teacher|student|gamer|runner|cyclist|celebrit|star|across|the|of|and|in|all|over|around|every|our|your|"
    r"britain|london|uk|europe|america|world|nation|country|town|city|team|staff|critic|leading|top|real|happy|"
    r"busy|young|new|proud|local|independent|professional|"
    # a day, season or occasion ("Black Friday's top pick", "Boxing Day's favourite")
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)?day|christmas|easter|halloween|diwali|eid|summer|winter|spring|"
    r"autumn|year|week|weekend|month|season|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|black|cyber|boxing)(?:s|es|ies|y|ers?|ren)?$"
    # a plural of people ("Leading Dermatologists", "Top Physicians", "Home Bakers")
    r"|(?:ists|ians|ers|ors|ies|ees|ents)$",
    re.IGNORECASE,
)


class NamedEndorsementRule(BaseRule):
    """A named person endorsing the product whom the brief's evidence does not name."""

    kind: Literal["named-endorsement"]
    # each with a group ``name``: the person named
    patterns: list[str]
    _compiled: list[re.Pattern[str]] = PrivateAttr()

    def model_post_init(self, context: object, /) -> None:
        self._compiled = [compile_pattern(p) for p in self.patterns]

    def check(self, context: RuleContext) -> list[Finding]:
        # (round 7: an item that names the person only to deny the endorsement or the permission,
        # "visited in 2019; no permission to use her name", puts nothing on file)
        evidence = " ".join(item for item in context.evidence if not denies_endorsement(item)).lower()
        own = {w.lower() for name in context.product_names for w in _NAME_WORD.findall(name)}
        findings = []
        for f in context.in_scope(self):
            for pattern in self._compiled:
                for m in pattern.finditer(f.text):
                    words = _NAME_WORD.findall(m.group("name"))
                    if not words or any(_CROWD.search(w) or w.lower() in own for w in words):
                        continue  # a crowd, a place or the brand itself
                    if any(re.search(rf"\b{re.escape(w.lower())}\b", evidence) for w in words):
                        continue  # on file: the other endorsement rules read what the record says
                    excerpt = f.text[m.start() : m.end()]
                    fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                    desc = f"{self.message} Found {quoted(excerpt)}; the evidence does not name {m.group('name')}."
                    findings.append(make_finding(self, f, (m.start(), m.end()), fix, desc))
        return findings
