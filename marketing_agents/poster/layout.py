"""Where everything goes on the poster, computed once for both the SVG and the PNG.

Text is measured with the font the PNG is drawn with (Pillow's bundled default font,
scalable since Pillow 10.1, so no download and no system font is needed) and wrapped
to the poster's width, shrinking the type until headline, subline and button fit. The
SVG uses the same lines and positions, so both files show the same poster. Colours come
from the concept's palette; text colours are chosen for WCAG contrast, not trusted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import ImageFont

from ..colour import contrast_ratio, normalise_hex, parse_hex
from ..models import PosterConcept
from . import wrapping

WIDTH, HEIGHT = 1080, 1350
MARGIN = 96
LINE_HEIGHT = 1.18
BOLD_ROOM = 0.9
BUTTON_HEIGHT = 116
BUTTON_PADDING = 56
BUTTON_SIZES = (46, 40, 34, 28)
HEADLINE_SIZES: tuple[int, ...] = (112, 100, 88, 76, 66, 58, 50)
SUBLINE_SIZES: tuple[int, ...] = (50, 44, 40, 36, 32, 28)
HEADLINE_MAX_LINES = 5
SUBLINE_MAX_LINES = 6

DEFAULT_BACKGROUND = "#1F3A5F"
DEFAULT_ACCENT = "#F2C14E"
LIGHT, DARK = "#FFFFFF", "#111111"
# Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF):
# no escaping helps, and Pillow cannot draw them either, so they are dropped.
_NOT_DRAWABLE = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def drawable(text: str) -> str:
    """``text`` without the characters neither the SVG nor the PNG can hold."""
    return _NOT_DRAWABLE.sub("", text)


# Pillow's own face (Aileron) covers ASCII only: "É" or "ß" in a product name would be
# drawn as an empty box. DejaVu Sans covers Latin, Greek and Cyrillic; it ships with the
# package (fonts/, Bitstream Vera licence) so a poster is laid out and drawn the same on
# every machine, whatever fonts its system has.
POSTER_FONT = Path(__file__).with_name("fonts") / "DejaVuSans.ttf"


@cache
def font(size: int) -> ImageFont.FreeTypeFont:
    """The poster's face at ``size``. Layout measures with the same face it draws with,
    so text always fits."""
    return ImageFont.truetype(str(POSTER_FONT), size=size)


def text_width(text: str, size: int) -> float:
    return float(font(size).getlength(text))


def rgb(colour: str) -> tuple[int, int, int]:
    """``(r, g, b)`` of a colour already normalised to ``#RRGGBB``."""
    parsed = parse_hex(colour)
    if parsed is None:
        raise ValueError(f"not a hex colour: {colour!r}")
    return parsed


contrast = contrast_ratio  # the poster package's name for it


def readable_on(background: str, candidates: tuple[str, ...] = ()) -> str:
    """A palette colour with AA contrast (4.5:1) on ``background``, else white or near-black."""
    for colour in candidates:
        if contrast(colour, background) >= 4.5:
            return colour
    best = max((LIGHT, DARK), key=lambda colour: contrast(colour, background))
    if contrast(best, background) >= 4.5:
        return best
    # Mid-tones: only pure black or white reaches AA (one of them always does).
    return max((LIGHT, "#000000"), key=lambda colour: contrast(colour, background))


@functools.lru_cache(maxsize=512)
def wrap(text: str, size: int, max_width: float, max_lines: int | None = None) -> tuple[tuple[str, ...], bool]:
    """``text`` wrapped at ``size`` to ``max_width``: ``(lines, overflowed)`` (see
    :func:`.wrapping.wrap`). Cached: the font-size search asks for the same wrap again."""
    lines, overflowed = wrapping.wrap(text, functools.partial(text_width, size=size), max_width, max_lines)
    return tuple(lines), overflowed


@dataclass(frozen=True)
class TextBlock:
    lines: list[str]
    size: int
    x: float
    baselines: list[float]
    colour: str
    bold: bool = False


@dataclass(frozen=True)
class Button:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: TextBlock


@dataclass(frozen=True)
class PosterLayout:
    width: int
    height: int
    background: str
    accent: str
    secondary: str
    headline: TextBlock
    subline: TextBlock
    button: Button
    title: str
    description: str


def _block(text: str, sizes: tuple[int, ...], max_lines: int, top: float, colour: str, bold: bool) -> TextBlock:
    # Bold type is wider than the regular face we measure with: leave it some room.
    width = (WIDTH - 2 * MARGIN) * (BOLD_ROOM if bold else 1.0)
    for size in sizes:
        wrapped, overflowed = wrap(text, size, width, max_lines)
        if not overflowed:
            break
    lines = list(wrapped) or [""]
    if overflowed:  # even the smallest type cannot show it all: the artifact keeps the full text
        lines[-1] = wrapping.with_ellipsis(lines[-1], functools.partial(text_width, size=size), width)
    step = size * LINE_HEIGHT
    baselines = [top + size + index * step for index in range(len(lines))]
    return TextBlock(lines, size, MARGIN, baselines, colour, bold)


def _button_label(text: str) -> tuple[int, str]:
    """The call to action on one line: smaller type first, an ellipsis only as a last resort."""
    room = (WIDTH - 2 * MARGIN - 2 * BUTTON_PADDING) * BOLD_ROOM
    text = " ".join(text.split())
    for size in BUTTON_SIZES:
        if wrapping.fits_line(text, functools.partial(text_width, size=size), room):
            return size, text
    size = BUTTON_SIZES[-1]
    return size, wrapping.with_ellipsis(text, functools.partial(text_width, size=size), room)


def layout_poster(concept: PosterConcept) -> PosterLayout:
    """Place the concept's headline, subline and call to action on a 1080×1350 poster."""
    palette = [normalise_hex(colour, "") for colour in concept.palette]
    palette = [colour for colour in palette if colour]
    background = palette[0] if palette else DEFAULT_BACKGROUND
    accent = palette[1] if len(palette) > 1 else DEFAULT_ACCENT
    secondary = palette[2] if len(palette) > 2 else accent
    text_colour = readable_on(background, tuple(palette[2:]))
    button_top = HEIGHT - MARGIN - BUTTON_HEIGHT
    headline_sizes, subline_sizes = HEADLINE_SIZES, SUBLINE_SIZES
    concept = concept.model_copy(
        update={
            "headline": drawable(concept.headline),
            "subline": drawable(concept.subline),
            "call_to_action": drawable(concept.call_to_action),
            "alt_text": drawable(concept.alt_text),
        }
    )
    while True:
        headline = _block(concept.headline, headline_sizes, HEADLINE_MAX_LINES, MARGIN + 40, text_colour, True)
        sub_top = headline.baselines[-1] + 0.6 * headline.size
        subline = _block(concept.subline, subline_sizes, SUBLINE_MAX_LINES, sub_top, text_colour, False)
        fits = subline.baselines[-1] + subline.size * 0.5 < button_top - 32
        if fits or (len(headline_sizes) == 1 and len(subline_sizes) == 1):
            break
        headline_sizes = headline_sizes[1:] or headline_sizes
        subline_sizes = subline_sizes[1:] or subline_sizes
    label_size, label_text = _button_label(concept.call_to_action)
    button_width = min(WIDTH - 2 * MARGIN, text_width(label_text, label_size) + 2 * BUTTON_PADDING)
    label = TextBlock(
        [label_text],
        label_size,
        MARGIN + BUTTON_PADDING,
        [button_top + BUTTON_HEIGHT / 2 + label_size * 0.36],
        readable_on(accent),
        True,
    )
    return PosterLayout(
        width=WIDTH,
        height=HEIGHT,
        background=background,
        accent=accent,
        secondary=secondary,
        headline=headline,
        subline=subline,
        button=Button(MARGIN, button_top, button_width, BUTTON_HEIGHT, accent, label),
        title=concept.headline,
        description=concept.alt_text,
    )
