"""Word wrapping by measured width, with work bounded whatever the text.

The poster's text is model or user content, so it can be one 2,000-character word, ten
thousand zero-width characters or a wall of emoji. Three rules keep wrapping cheap for
all of them:

- a line never holds more than :data:`MAX_LINE_CHARS` characters (no legible poster line
  does), so every string handed to the width function is short;
- a word too wide for a line is broken at the longest prefix that fits, found by binary
  search (``log n`` measurements per break, not one per character), never between a
  character and the combining mark or joiner that belongs to it;
- wrapping stops as soon as more lines than the block may show have been made: the
  poster is a picture and the full text lives in the artifact, so the rest is ellipsised.

The width function is a parameter (``measure``) so that tests can count what is measured.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

Measure = Callable[[str], float]

# Over 1.5× what the narrowest line of the poster fits in its smallest type (~110 "i"s).
MAX_LINE_CHARS = 160
HYPHEN = "-"
ELLIPSIS = "…"
_JOINERS = frozenset("\u200d\u034f")  # zero-width joiner, combining grapheme joiner
_GRAPHEME_BACKOFF = 8  # how far a break moves back to keep a character with its marks


def _belongs_to_previous(char: str) -> bool:
    """True for characters drawn as part of the one before them (accents, variation
    selectors, emoji skin tones, joiners)."""
    code = ord(char)
    return (
        unicodedata.combining(char) != 0
        or char in _JOINERS
        or 0xFE00 <= code <= 0xFE0F
        or 0x1F3FB <= code <= 0x1F3FF
        or 0xE0020 <= code <= 0xE007F  # emoji tag sequences
        or unicodedata.category(char) == "Me"
    )


def _grapheme_safe(text: str, cut: int) -> int:
    """``cut`` moved back (a little, at most) so it does not split a visible character."""
    for candidate in range(cut, max(0, cut - _GRAPHEME_BACKOFF), -1):
        if candidate <= 0 or candidate >= len(text):
            return cut
        if not _belongs_to_previous(text[candidate]) and text[candidate - 1] not in _JOINERS:
            return candidate
    return cut


def longest_fitting_prefix(text: str, fits: Callable[[str], bool]) -> int:
    """The largest ``n`` (≤ :data:`MAX_LINE_CHARS`) for which ``fits(text[:n])``, or 0.

    Binary search: assumes, as widths do, that a longer prefix is never narrower."""
    low, high = 0, min(len(text), MAX_LINE_CHARS)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(text[:middle]):
            low = middle
        else:
            high = middle - 1
    return low


def fits_line(text: str, measure: Measure, max_width: float) -> bool:
    return len(text) <= MAX_LINE_CHARS and measure(text) <= max_width


def break_word(word: str, measure: Measure, max_width: float) -> tuple[str, str]:
    """``(piece, rest)``: the longest hyphenated start of ``word`` that fits a line (at
    least one character, so wrapping always advances) and what is left of it."""
    cut = longest_fitting_prefix(word, lambda prefix: fits_line(prefix + HYPHEN, measure, max_width))
    cut = _grapheme_safe(word, max(cut, 1))
    return word[:cut] + HYPHEN, word[cut:]


def with_ellipsis(text: str, measure: Measure, max_width: float) -> str:
    """``text`` cut to fit ``max_width`` with an ellipsis after it (just the ellipsis
    if not even one character fits)."""
    text = text.rstrip(HYPHEN + " ")

    def fits(prefix: str) -> bool:
        return fits_line(prefix.rstrip() + ELLIPSIS, measure, max_width)

    cut = longest_fitting_prefix(text, fits)
    if 0 < cut < len(text):
        cut = _grapheme_safe(text, cut)
    return text[:cut].rstrip() + ELLIPSIS


def wrap(text: str, measure: Measure, max_width: float, max_lines: int | None = None) -> tuple[list[str], bool]:
    """Greedy wrap of ``text`` to ``max_width``: ``(lines, overflowed)``.

    With ``max_lines``, at most that many lines are returned and ``overflowed`` says
    whether text was left over (the caller ellipsises the last line or tries smaller
    type). The work is linear in the length of the text laid out, and bounded by
    ``max_lines`` whatever the length of ``text``."""
    lines: list[str] = []
    current = ""

    def full() -> bool:
        return max_lines is not None and len(lines) >= max_lines

    words = text.split()
    for index, word in enumerate(words):
        candidate = f"{current} {word}" if current else word
        if fits_line(candidate, measure, max_width):
            current = candidate
            continue
        if current:
            lines.append(current)
            if full():
                return lines, True
        current = word
        while not fits_line(current, measure, max_width):
            piece, current = break_word(current, measure, max_width)
            lines.append(piece)
            if full():
                return lines, bool(current) or index < len(words) - 1
    if current:
        if full():
            return lines, True
        lines.append(current)
    return lines, False
