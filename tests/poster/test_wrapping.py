"""Poster wrapping stays linear and bounded whatever the text (issue 8: a 1,999-character
word froze the host). Work is counted in characters handed to the real font's width
function, so the tests are deterministic, not timed."""

from __future__ import annotations

import unicodedata
import xml.etree.ElementTree as ET

import pytest

from marketing_agents.models import PosterConcept
from marketing_agents.poster import layout_poster, render_poster
from marketing_agents.poster.layout import HEADLINE_MAX_LINES, MARGIN, SUBLINE_MAX_LINES, WIDTH, text_width
from marketing_agents.poster.wrapping import MAX_LINE_CHARS, wrap

SVG_NS = "{http://www.w3.org/2000/svg}"
ROOM = float(WIDTH - 2 * MARGIN)


class CountingMeasure:
    """The real width of the poster font at one size, counting the characters measured."""

    def __init__(self, size: int = 50) -> None:
        self.size = size
        self.characters = 0

    def __call__(self, text: str) -> float:
        self.characters += len(text)
        return text_width(text, self.size)


def measured(text: str, max_lines: int | None = None) -> tuple[list[str], int]:
    measure = CountingMeasure()
    lines, _ = wrap(text, measure, ROOM, max_lines)
    return lines, measure.characters


@pytest.mark.parametrize("unit", ["0", "go ", "\U0001f600", "e\u0301", "\u05e9\u05dc\u05d5\u05dd "])
def test_wrapping_work_grows_linearly_with_the_text(unit: str) -> None:
    small, large = unit * 150, unit * 600
    small_lines, small_work = measured(small)
    large_lines, large_work = measured(large)
    assert small_lines and large_lines
    assert large_work <= 5 * small_work, (small_work, large_work)  # 4x the text, not 16x or 64x the work


def test_an_overlong_word_is_hyphenated_into_lines_that_fit() -> None:
    lines, _ = measured("0" * 2000)
    assert "".join(line.rstrip("-") for line in lines) == "0" * 2000
    assert all(line.endswith("-") for line in lines[:-1])
    assert all(text_width(line, 50) <= ROOM and len(line) <= MAX_LINE_CHARS for line in lines)


def test_a_break_never_separates_a_letter_from_its_accent() -> None:
    lines, _ = measured("e\u0301" * 1000)
    assert len(lines) > 1
    assert not any(unicodedata.combining(line[0]) for line in lines)


def test_with_a_line_limit_the_work_does_not_depend_on_the_length_of_the_text() -> None:
    for unit in ("0", "go ", "\u200b"):
        lines_short, work_short = measured(unit * 2_000, max_lines=5)
        lines_long, work_long = measured(unit * 50_000, max_lines=5)
        assert len(lines_long) <= 5 and lines_long == lines_short
        assert work_long <= work_short * 1.1, (unit, work_short, work_long)


HOSTILE = {
    "long word": "0" * 2_000,
    "spaces": " " * 9_998 + "ok",
    "zero-width": "\u200b" * 10_000,
    "emoji": "\U0001f600\u200d\U0001f525" * 3_400,
    "combining": "a\u0301\u0327" * 3_400,
    "right-to-left": "\u0645\u0631\u062d\u0628\u0627 " * 1_700,
    "markup": "<script>&amp;</script>" * 500,
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_poster_text_lays_out_bounded_and_escaped(kind: str) -> None:
    text = HOSTILE[kind]
    concept = PosterConcept(
        headline=text,
        subline=text,
        call_to_action=text,
        palette=["#0B3D2E", "#FFFFFF"],
        layout="",
        image_prompt="",
        alt_text=text,
    )
    layout = layout_poster(concept)
    assert 1 <= len(layout.headline.lines) <= HEADLINE_MAX_LINES
    assert 1 <= len(layout.subline.lines) <= SUBLINE_MAX_LINES
    for block in (layout.headline, layout.subline, layout.button.label):
        assert all(len(line) <= MAX_LINE_CHARS + 1 for line in block.lines)
    svg, png = render_poster(concept)
    root = ET.fromstring(svg)  # well-formed: all text escaped
    assert "<script" not in svg
    assert len(list(root.iter(f"{SVG_NS}text"))) == 3 and png.startswith(b"\x89PNG")


def test_text_xml_cannot_carry_is_dropped_not_fatal() -> None:
    concept = PosterConcept(
        headline="Cold\x00 \x1b[31m for \ud800 24 hours",
        subline="   ",
        call_to_action="Shop\x07 now",
        palette=["#0B3D2E", "#FFFFFF"],
        layout="",
        image_prompt="",
        alt_text="bell\x07",
    )
    svg, _ = render_poster(concept)
    root = ET.fromstring(svg)
    headline = "".join(next(root.iter(f"{SVG_NS}text")).itertext())
    assert headline.startswith("Cold [31m for") and "\x00" not in svg and "\ud800" not in svg


def test_the_poster_face_draws_accented_greek_and_cyrillic_letters() -> None:
    """The packaged face has real glyphs for "É", "ß", "Ω" and "П", not the empty box a
    face without them draws, on every machine (it does not depend on system fonts)."""
    from marketing_agents.poster.layout import POSTER_FONT, font

    assert POSTER_FONT.is_file()
    face = font(40)
    missing = bytes(face.getmask("\u0378"))  # an unassigned code point: the "no glyph" box
    for letter in "ÉßΩП":
        assert bytes(face.getmask(letter)) != missing, letter
