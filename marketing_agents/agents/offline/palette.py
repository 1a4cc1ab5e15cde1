"""Readable offline poster palettes (WCAG AA: 4.5:1, computed in ``marketing_agents.colour``).

Palette convention for poster concepts: ``[background, text, accent, accent_text]`` —
the headline and subline are drawn in ``text`` on ``background``; the call-to-action
button is ``accent`` with its label in ``accent_text``.
"""

from __future__ import annotations

from ...colour import AA_NORMAL, contrast_ratio, stronger_pole, to_hex


def readable_on(background: str, preferred: str, minimum: float = AA_NORMAL) -> str:
    """``preferred`` if it meets ``minimum`` on ``background``, else near-black or white,
    whichever contrasts more."""
    if contrast_ratio(background, preferred) >= minimum:
        return preferred
    return max(("#111111", "#FFFFFF"), key=lambda c: contrast_ratio(background, c))


def _mix(colour: str, towards: str, amount: float) -> str:
    a, b = bytes.fromhex(colour[1:]), bytes.fromhex(towards[1:])
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b, strict=True))


def readable_pair(background: str, text: str, minimum: float = AA_NORMAL) -> tuple[str, str]:
    """A background/text pair meeting ``minimum``: the text colour is changed first (to
    near-black or white); if neither is enough, the background is darkened or lightened
    step by step towards the opposite of the text."""
    text = readable_on(background, text, minimum)
    step = 0
    while contrast_ratio(background, text) < minimum and step < 20:
        step += 1
        background = _mix(background, to_hex(stronger_pole(text)), 0.05)
    return background, text


def accessible_palette(palette: tuple[str, ...] | list[str]) -> list[str]:
    """``[background, text, accent, accent_text]`` adjusted (only if needed) to meet WCAG AA;
    a palette of two or three colours gets its text pair checked only."""
    out = list(palette)
    out[0], out[1] = readable_pair(out[0], out[1])
    if len(out) >= 4:
        out[2], out[3] = readable_pair(out[2], out[3])
    return out
