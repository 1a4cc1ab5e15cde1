"""WCAG 2.x contrast, so every offline poster palette is readable (AA: 4.5:1).

Palette convention for poster concepts: ``[background, text, accent, accent_text]`` —
the headline and subline are drawn in ``text`` on ``background``; the call-to-action
button is ``accent`` with its label in ``accent_text``.
"""

from __future__ import annotations

import re

AA_NORMAL = 4.5
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    m = _HEX.match(hex_colour)
    if not m:
        raise ValueError(f"not a #RRGGBB colour: {hex_colour!r}")
    rgb = bytes.fromhex(m.group(1))
    r, g, b = (_channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1.0 to 21.0."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str, preferred: str, minimum: float = AA_NORMAL) -> str:
    """``preferred`` if it meets ``minimum`` on ``background``, else near-black or white,
    whichever contrasts more."""
    if contrast_ratio(background, preferred) >= minimum:
        return preferred
    return max(("#111111", "#FFFFFF"), key=lambda c: contrast_ratio(background, c))


def accessible_palette(palette: tuple[str, str, str, str]) -> list[str]:
    """The palette with text colours adjusted (if needed) to meet WCAG AA."""
    background, text, accent, accent_text = palette
    return [background, readable_on(background, text), accent, readable_on(accent, accent_text)]
