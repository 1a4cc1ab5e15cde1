"""``cropped-quote``: a quotation the copy takes from a longer one on file, cut so that it says more.

"“The most comfortable EV.” That's the verdict from AutoWeek UK" while the brief's evidence holds
the review as "'the most comfortable EV we've driven at this price'": the words after the cut
were the qualification. An endorser's opinion may be used only in a way that does not distort it
(16 CFR 255.1(b)); a quotation cut to change its meaning misleads (CAP Code 3.1, 3.45). The copy's
quotation is found, word for word, inside a quotation of the evidence that goes on (or starts
earlier) within its quote marks; a quotation on file as the copy gives it is fine.
"""

from __future__ import annotations

import re
from typing import Literal

from ..models import FixKind
from .findings import Finding, RuleContext, build_fix, make_finding, quoted
from .rules import BaseRule

# a quotation in the copy: double or curly quotes, three words or more
_COPY_QUOTE = re.compile(r"[\"“‘](?P<q>[^\"“”‘’\n]{8,240}?)[\"”’](?![A-Za-z])")
_OPEN = frozenset("'\"“‘")
_CLOSE = frozenset("'\"”’")
_WORDS = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def _normal(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower().replace("’", "'")))


class CroppedQuoteRule(BaseRule):
    """A quotation cut from a longer one in the brief's evidence."""

    kind: Literal["cropped-quote"]

    def check(self, context: RuleContext) -> list[Finding]:
        quoted_items = [item for item in context.evidence if any(c in item for c in _OPEN)]
        if not quoted_items:
            return []
        findings = []
        for f in context.in_scope(self):
            for m in _COPY_QUOTE.finditer(f.text):
                words = _normal(m.group("q"))
                if words.count(" ") < 2:
                    continue
                source = next((item for item in quoted_items if _cropped(words, item)), None)
                if source is None:
                    continue
                excerpt = f.text[m.start() : m.end()]
                fix = build_fix(self.fix, excerpt, context, FixKind.REMOVE, f.text)
                desc = f"{self.message} Found {quoted(excerpt)}; the evidence quotes {quoted(source.strip())}."
                findings.append(make_finding(self, f, (m.start(), m.end()), fix, desc))
        return findings


# what makes the cut a change of meaning: a hedge or negation cut from before the words, a
# qualification cut from after them, or any continuation cut from a superlative or absolute
_HEDGE_BEFORE = re.compile(
    r"\b(?:not|never|hardly|barely|far from|isn't|wasn't|aren't|no|almost|nearly|arguably|"
    r"perhaps|maybe|if not|would be|could be|might be)$"
)
_QUALIFIER_AFTER = re.compile(
    r"^(?:but|except|if|unless|apart|although|though|than|for the|at this|at the|at that|in its|"
    r"for its|for a|for an|under|among|of those|we've|we have|i've|i have|so far|yet|on paper|"
    r"in our|in this|in the)\b"
)
_ABSOLUTE = re.compile(
    r"\b(?:most|best|least|worst|only|ever|every|all|perfect|unbeatable|unrivalled|number one|no 1|top|"
    r"finest|greatest|[a-z]{3,}est)\b"
)


def _cropped(words: str, item: str) -> bool:
    """Whether ``words`` is cut from a quotation in ``item`` so that its meaning changes: the
    words before the cut hedge or negate it, or the words after it qualify it (or qualify a
    superlative or absolute). A testimonial shortened without a change ("I dropped two dress
    sizes" from "I dropped two dress sizes and ran my first 10k") is no cropped quote."""
    for quote in _quotations(item):
        full = _normal(quote)
        at = f" {full} ".find(f" {words} ")
        if at < 0 or full == words:
            continue
        before, after = full[:at].strip(), full[at + len(words) :].strip()
        if before and _HEDGE_BEFORE.search(before):
            return True
        if after and (_QUALIFIER_AFTER.match(after) or _ABSOLUTE.search(words)):
            return True
    return False


def _quotations(item: str) -> list[str]:
    """The quoted stretches of an evidence item ('…', "…", “…”); an apostrophe inside a word
    ("we've") is no quote mark."""
    out, start = [], None
    for i, c in enumerate(item):
        inside_word = 0 < i < len(item) - 1 and item[i - 1].isalpha() and item[i + 1].isalpha()
        if start is None and c in _OPEN and not inside_word:
            start = i + 1
        elif start is not None and c in _CLOSE and not inside_word:
            out.append(item[start:i])
            start = None
    return out
