"""WCAG contrast, computed in one place for the poster, the offline writer and the auditor."""

from __future__ import annotations

import pytest

from marketing_agents.colour import (
    BLACK,
    WHITE,
    contrast_ratio,
    normalise_hex,
    parse_hex,
    relative_luminance,
    stronger_pole,
)


def test_extremes_and_symmetry() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#777777") == pytest.approx(1.0)
    assert contrast_ratio("#1B4332", "#FFFFFF") == pytest.approx(contrast_ratio((255, 255, 255), (27, 67, 50)))


def test_known_ratio_from_the_wcag_examples() -> None:
    # #767676 on white is the lightest grey that passes AA (4.54:1)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#FFFFFF") < 4.5


def test_parsing_is_whole_string_and_short_forms_expand() -> None:
    assert parse_hex("#abc") == (0xAA, 0xBB, 0xCC)
    assert parse_hex("1b4332") == (0x1B, 0x43, 0x32)
    assert parse_hex("#1B4332\n") == (0x1B, 0x43, 0x32)  # surrounding space is trimmed
    assert parse_hex("#1B43320") is None and parse_hex("red") is None and parse_hex("") is None
    assert normalise_hex("#abc", "#000000") == "#AABBCC" and normalise_hex(None, "#000000") == "#000000"
    with pytest.raises(ValueError, match="not a hex colour"):
        relative_luminance("red")


@pytest.mark.parametrize(
    ("colour", "pole"),
    [
        ("#FFFFFF", BLACK),
        ("#000000", WHITE),
        ("#767676", BLACK),  # mid grey: 4.62:1 on black beats 4.54:1 on white
        ("#737373", WHITE),  # three steps darker and white wins (4.74:1 vs 4.43:1)
        ("#1B4332", WHITE),
        ("#FFD166", BLACK),
    ],
)
def test_stronger_pole_is_whichever_of_black_and_white_contrasts_more(colour: str, pole: tuple[int, int, int]) -> None:
    assert stronger_pole(colour) == pole
    other = WHITE if pole == BLACK else BLACK
    assert contrast_ratio(colour, pole) >= contrast_ratio(colour, other)
