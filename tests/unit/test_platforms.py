"""Platform measurement: twitter-text weighting for X, code points elsewhere, hashtags."""

from __future__ import annotations

import pytest

from marketing_agents.models import Platform
from marketing_agents.platforms import (
    PLATFORM_SPECS,
    codepoint_length,
    extract_hashtags,
    find_urls,
    measure,
    x_weighted_length,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        ("日本語", 6),  # CJK weighs 2
        ("café", 4),  # Latin-1 weighs 1
        ("cafe\u0301", 4),  # decomposed é is NFC-normalised to one code point
        ("\u2014\u201c\u201d", 3),  # em dash and curly quotes are in the weight-1 ranges
        ("\u2026", 2),  # the ellipsis is not
        ("👍", 2),
        ("👍🏽", 2),  # skin-tone modifier: one emoji
        ("👨\u200d👩\u200d👧", 2),  # ZWJ family: one emoji
        ("🇺🇸", 2),  # flag: two regional indicators, one emoji
        ("1\ufe0f\u20e3", 2),  # keycap
        ("©", 1),  # text-default symbol without VS16
        ("©\ufe0f", 2),  # ... and as an emoji
        ("Привет", 6),  # Cyrillic is below U+10FF
        ("안녕", 4),  # Hangul
    ],
)
def test_x_weighted_length(text: str, expected: int) -> None:
    assert x_weighted_length(text) == expected


def test_x_urls_count_23_whatever_their_length() -> None:
    long_url = "https://example.com/" + "a" * 100 + "?utm=1"
    assert x_weighted_length(f"Visit {long_url} now") == len("Visit ") + 23 + len(" now")
    assert x_weighted_length("Go to ecobottle.com.") == len("Go to ") + 23 + 1
    assert x_weighted_length("https://t.co") == 23
    assert find_urls("see www.example.org/path, then") == [(4, 24)]


def test_x_limit_boundaries() -> None:
    assert not measure("a" * 280, Platform.X).over_limit
    assert measure("a" * 281, Platform.X).over_limit
    cjk = measure("字" * 140, Platform.X)
    assert (cjk.count, cjk.over_limit) == (280, False)
    assert measure("字" * 141, Platform.X).over_limit
    assert measure("👍" * 141, Platform.X).over_limit


def test_other_platforms_count_code_points() -> None:
    assert codepoint_length("👍🏽") == 2
    assert measure("字" * 500, Platform.THREADS).count == 500
    assert not measure("字" * 500, Platform.THREADS).over_limit
    assert measure("a" * 501, Platform.THREADS).over_limit
    assert measure("e\u0301" * 2200, Platform.INSTAGRAM).count == 2200
    assert measure("a" * 2201, Platform.INSTAGRAM).over_limit
    assert measure("a" * 3000, Platform.LINKEDIN).limit == 3000
    assert measure("a" * 3001, Platform.LINKEDIN).over_limit
    fb = measure("a" * 63206, Platform.FACEBOOK)
    assert (fb.limit, fb.over_limit) == (63206, False)
    assert PLATFORM_SPECS[Platform.FACEBOOK].recommended_length == 80


def test_instagram_allows_30_hashtags() -> None:
    thirty = " ".join(f"#tag{chr(97 + i % 26)}{i}" for i in range(30))
    assert not measure(thirty, Platform.INSTAGRAM).too_many_hashtags
    m = measure(thirty + " #one_more", Platform.INSTAGRAM)
    assert m.too_many_hashtags and len(m.hashtags) == 31 and not m.over_limit


def test_hashtag_extraction() -> None:
    text = "#EcoBottle is #1, a#b no, &#39; no, #Eco_Bottle #café #日本 ＃全角 #2024 #summer2024."
    assert extract_hashtags(text) == ["#EcoBottle", "#Eco_Bottle", "#café", "#日本", "＃全角", "#summer2024"]
    assert extract_hashtags("cafe\u0301 #cafe\u0301") == ["#café"]
