"""Colours and WCAG 2.x contrast, in one place: the poster layout picks readable text
colours with it, the offline visual writer builds AA palettes with it, and the auditor's
contrast rule checks palettes with it, so the three can never disagree about a ratio.

Colours are ``#RGB``/``#RRGGBB`` strings (as palettes hold them) or ``(r, g, b)`` tuples.
"""

from __future__ import annotations

import re

Rgb = tuple[int, int, int]

AA_NORMAL = 4.5  # WCAG 2.x AA, normal text
AA_LARGE = 3.0  # WCAG 2.x AA, large text

_HEX = re.compile(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})")


def parse_hex(value: str) -> Rgb | None:
    """``(r, g, b)`` of a ``#RGB`` or ``#RRGGBB`` colour (the ``#`` optional), else None."""
    match = _HEX.fullmatch(value.strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def to_hex(rgb: Rgb) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb)


def normalise_hex(value: str | None, default: str) -> str:
    """``#RRGGBB`` upper-case, or ``default`` for anything that is not a hex colour."""
    rgb = parse_hex(value or "")
    return default if rgb is None else to_hex(rgb)


def _rgb(colour: str | Rgb) -> Rgb:
    if isinstance(colour, tuple):
        return colour
    rgb = parse_hex(colour)
    if rgb is None:
        raise ValueError(f"not a hex colour: {colour!r}")
    return rgb


def relative_luminance(colour: str | Rgb) -> float:
    """WCAG 2.x relative luminance (sRGB, the 0.04045 threshold of the current erratum)."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = _rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: str | Rgb, b: str | Rgb) -> float:
    """WCAG contrast ratio between two colours, 1.0 to 21.0 (order does not matter)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


BLACK: Rgb = (0, 0, 0)
WHITE: Rgb = (255, 255, 255)


def stronger_pole(colour: str | Rgb) -> Rgb:
    """Black or white, whichever contrasts more with ``colour``: the direction to move a
    text colour (or a background) when a pair falls short of a ratio. Computed from the two
    ratios rather than a luminance threshold so no caller carries its own cut-off."""
    return BLACK if contrast_ratio(colour, BLACK) >= contrast_ratio(colour, WHITE) else WHITE
