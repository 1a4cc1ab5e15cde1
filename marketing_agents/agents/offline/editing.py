"""Deterministic edits every offline writer applies to its text: remove, replace and
qualify terms (case-insensitive, everywhere, never inside the product name), and shorten
by dropping optional sentences (never by cutting text mid-sentence)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from ...text import Constraint, banned_spans, required_present, split_sentences, term_spans

T = TypeVar("T")
_EDGE_PUNCT = ".,;:!?)(\"'“”‘’"


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to its whole whitespace-delimited token, minus edge punctuation."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def tidy(text: str) -> str:
    """Clean up what a removal leaves behind: doubled spaces, orphan punctuation."""
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" +([,.;:!?])", r"\1", text)
    text = re.sub(r"\(\s*\)|\[\s*\]", "", text)
    text = re.sub(r"([,;:])(?=[.!?])", "", text)
    text = re.sub(r"(^|\n|[.!?] )[,;:.] *", r"\1", text)
    text = re.sub(r"(^|\n)[ \t]+|[ \t]+(\n|$)", r"\1\2", text)
    text = re.sub(r"(^|[.!?]\s+|\n)([a-z])", lambda m: m.group(1) + m.group(2).upper(), text)
    return text.strip()


def _cased(replacement: str, original: str, in_word: bool) -> str:
    if in_word:  # inside a CamelCase token or hashtag: join the words, capitalised
        return "".join(w[:1].upper() + w[1:] for w in re.findall(r"[\w]+", replacement))
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Editor:
    """Applies term-level directives to any text and keeps count for the notes."""

    def __init__(
        self,
        product: str,
        remove: Sequence[str] = (),
        replace: dict[str, str] | None = None,
        qualify: dict[str, str] | None = None,
        avoid: Sequence[Constraint] = (),
    ) -> None:
        self.product = product
        self.remove = list(remove)
        self.replace = dict(replace or {})
        self.qualify = dict(qualify or {})
        self.avoid = list(avoid)
        self.counts: Counter[str] = Counter()
        self.protected: set[str] = set()
        self.avoided_at_source: set[str] = set()  # terms kept out by not quoting the brief

    def _product_spans(self, text: str) -> list[tuple[int, int]]:
        if not self.product:
            return []
        return [(m.start(), m.end()) for m in re.finditer(re.escape(self.product), text, re.I)]

    def _free(self, text: str, spans: list[tuple[int, int]], label: str) -> list[tuple[int, int]]:
        """Spans not inside the product name (the product is never renamed)."""
        product = self._product_spans(text)
        free = []
        for s, e in spans:
            if any(ps <= s and e <= pe for ps, pe in product):
                self.protected.add(label.lower())
            else:
                free.append((s, e))
        return free

    def _delete(self, text: str, spans: list[tuple[int, int]], label: str) -> str:
        for s, e in sorted({_token_bounds(text, s, e) for s, e in spans}, reverse=True):
            text = text[:s] + text[e:]
            self.counts[f"removed '{label}'"] += 1
        return text

    def apply(self, text: str) -> str:
        if not text:
            return text
        original = text
        for old, new in self.replace.items():
            if new and old.lower() == new.lower():  # a capitalisation fix, e.g. the product as the brand writes it
                for s, e in reversed(term_spans(text, old)):
                    if text[s:e] != new:
                        text = text[:s] + new + text[e:]
                        self.counts[f"wrote '{old}' as '{new}'"] += 1
                continue
            for s, e in reversed(self._free(text, term_spans(text, old), old)):
                in_word = (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum())
                in_tag = in_word or (s > 0 and text[s - 1] in "#＃")
                if new:
                    text = text[:s] + _cased(new, text[s:e], in_tag) + text[e:]
                    self.counts[f"replaced '{old}' with '{new}'"] += 1
                else:
                    text = self._delete(text, [(s, e)], old)
        for term in self.remove:
            text = self._delete(text, self._free(text, term_spans(text, term), term), term)
        for constraint in self.avoid:
            text = self._delete(
                text, self._free(text, banned_spans(text, constraint), constraint.phrase), constraint.phrase
            )
        for term, qualifier in self.qualify.items():
            # Each claim needs its qualifier in its own sentence; one elsewhere does not count.
            for _, e in reversed(term_spans(text, term)):
                start, end = _sentence_bounds(text, e)
                if qualifier.lower() in text[start:end].lower():
                    continue
                text = f"{text[:e]} ({qualifier}){text[e:]}"
                self.counts[f"qualified '{term}' with '{qualifier}'"] += 1
        return tidy(text) if text != original else text

    def notes(self) -> list[str]:
        out = [f"applied: {what} ({n}x)" for what, n in sorted(self.counts.items())]
        asked = {t.lower() for t in [*self.remove, *self.replace, *self.qualify]}
        done = {k.split("'")[1].lower() for k in self.counts}
        out += [
            f"asked to change '{t}' but it was not present"
            for t in sorted(asked - done - self.protected - self.avoided_at_source)
        ]
        out += [
            f"kept the product name '{self.product}' as written although it contains '{p}' "
            "(offline agents never rename the product)"
            for p in sorted(self.protected)
        ]
        return out


def essential_checker(required: Sequence[Constraint], extra: Sequence[str] = ()) -> Callable[[str], bool]:
    """A sentence is essential when it carries a required concept or a must-keep phrase."""

    def check(sentence: str) -> bool:
        if any(required_present(sentence, c) for c in required):
            return True
        return any(x and x.lower() in sentence.lower() for x in extra)

    return check


def _drop_order(sentences: Sequence[T], essential: Callable[[T], bool]) -> list[int]:
    """The indices ``shorten_sentences`` drops, in the order it drops them: the optional
    middle sentences from the last to the second, then the last one if it is optional.
    The order depends only on which sentences are essential, never on ``fits``, so it is
    worked out once (one ``essential`` call per sentence) rather than after every drop."""
    n = len(sentences)
    middle = [i for i in range(n - 2, 0, -1) if not essential(sentences[i])]
    last = [n - 1] if n > 1 and not essential(sentences[n - 1]) else []
    return middle + last


def _without(sentences: Sequence[T], order: list[int], drops: int) -> list[T]:
    """``sentences`` minus the first ``drops`` indices of ``order``, in their order."""
    dropped = set(order[:drops])
    return [s for i, s in enumerate(sentences) if i not in dropped]


def shorten_sentences(
    sentences: list[T],
    fits: Callable[[list[T]], bool],
    essential: Callable[[T], bool],
) -> list[T]:
    """Drop optional sentences (middle ones first, then the last, never the first or an
    essential one) until ``fits`` says yes or nothing optional is left.

    ``fits`` measures the whole text, so asking it after every single drop is quadratic in
    the number of sentences (a theme of hundreds of one-word sentences took most of a
    second). Dropping a sentence never lengthens a text, so ``fits`` turns true at most
    once along the drop order: the fewest drops that fit is found by doubling the number
    of drops, then bisecting, with O(log n) calls to ``fits`` (the same 1, 2 or 3 calls as
    one drop at a time when a text needs no more than two drops)."""
    if fits(sentences):
        return list(sentences)
    order = _drop_order(sentences, essential)
    known_over, step = 0, 1  # ``known_over`` drops do not fit
    while step < len(order) and not fits(_without(sentences, order, step)):
        known_over, step = step, step * 2
    fitting = min(step, len(order))  # fits, or is every optional sentence dropped
    while fitting - known_over > 1:
        mid = (known_over + fitting) // 2
        if fits(_without(sentences, order, mid)):
            fitting = mid
        else:
            known_over = mid
    return _without(sentences, order, fitting)


def shorten_text(text: str, fits: Callable[[str], bool], essential: Callable[[str], bool], joiner: str = " ") -> str:
    """``text`` with optional sentences dropped until it fits (unchanged if it already does)."""
    if fits(text):
        return text
    kept = shorten_sentences(split_sentences(text), lambda s: fits(joiner.join(s)), essential)
    return joiner.join(kept)


def within(limit: int) -> Callable[[str], bool]:
    """A ``fits`` test: at most ``limit`` characters."""
    return lambda text: len(text) <= limit


def _sentence_bounds(text: str, at: int) -> tuple[int, int]:
    """The sentence (or line) around offset ``at``."""
    starts = [m.end() for m in re.finditer(r"[.!?]\s+|\n", text[:at])]
    start = starts[-1] if starts else 0
    found = re.search(r"[.!?](\s|$)|\n", text[at:])
    return start, (at + found.start() + 1) if found else len(text)
