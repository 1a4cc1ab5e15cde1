"""Social platforms: their length limits and how each one counts characters.

Counting differs per platform, and a post measured the wrong way is either rejected or
silently cut by the platform, so every short post is measured here:

- **X** counts the twitter-text "weighted length" (config v3): text is NFC-normalised;
  code points in U+0000-U+10FF, U+2000-U+200D, U+2010-U+201F and U+2032-U+2037 weigh 1,
  every other code point weighs 2 (so CJK text fits 140 characters); every URL counts 23
  whatever its length; an emoji (including a ZWJ sequence, a flag, a keycap or an emoji
  with a skin-tone modifier) counts 2 as a whole. Limit 280.
- **Instagram** captions: 2,200 characters (Unicode code points after NFC) and at most
  30 hashtags (more and the caption is rejected).
- **LinkedIn** posts: 3,000 characters.
- **Facebook** posts: 63,206 characters is the hard limit, but the feed truncates long
  posts behind "See more" and engagement guidance is far shorter: keep posts under about
  80 characters where possible (``recommended_length``), never relied on for compliance.
- **Threads** posts: 500 characters; Threads shows a single topic tag per post, so
  ``recommended_hashtags`` is 1.

``recommended_length``/``recommended_hashtags`` are practical guidance for writers; only
``limit`` and ``max_hashtags`` are hard limits that make a post ``over_limit``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .models import Platform

X_URL_LENGTH = 23


@dataclass(frozen=True)
class PlatformSpec:
    platform: Platform
    limit: int
    counting: str  # "weighted" (twitter-text) or "codepoints"
    max_hashtags: int | None = None
    recommended_length: int | None = None
    recommended_hashtags: int | None = None


PLATFORM_SPECS: dict[Platform, PlatformSpec] = {
    Platform.X: PlatformSpec(Platform.X, 280, "weighted", recommended_hashtags=2),
    Platform.INSTAGRAM: PlatformSpec(
        Platform.INSTAGRAM,
        2200,
        "codepoints",
        max_hashtags=30,
        recommended_length=125,
        recommended_hashtags=5,
    ),
    Platform.LINKEDIN: PlatformSpec(
        Platform.LINKEDIN, 3000, "codepoints", recommended_length=210, recommended_hashtags=3
    ),
    Platform.FACEBOOK: PlatformSpec(
        Platform.FACEBOOK, 63206, "codepoints", recommended_length=80, recommended_hashtags=2
    ),
    Platform.THREADS: PlatformSpec(Platform.THREADS, 500, "codepoints", recommended_hashtags=1),
}


def spec_for(platform: Platform) -> PlatformSpec:
    return PLATFORM_SPECS[platform]


@dataclass(frozen=True)
class Measurement:
    count: int
    limit: int
    over_limit: bool
    hashtags: list[str]
    max_hashtags: int | None
    too_many_hashtags: bool


# --------------------------------------------------------------------------- URLs

_TLDS = "com|org|net|io|co|ai|app|dev|edu|gov|info|biz|shop|store|me|ly|uk|de|fr|eu|us|ca|au|in|jp"
_URL = re.compile(
    r"(?:https?://[^\s<>\"]+"
    rf"|(?<![\w@.-])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"]*)?)",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)]}'\""


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of URLs (with or without a scheme), trailing punctuation excluded."""
    spans = []
    for m in _URL.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in _URL_TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


# --------------------------------------------------------------------------- emoji

_ZWJ, _VS16, _KEYCAP = 0x200D, 0xFE0F, 0x20E3
_PICTO_RANGES = (
    (0x1F000, 0x1FAFF),
    (0x2600, 0x27BF),
    (0x2300, 0x23FF),
    (0x2B00, 0x2BFF),
    (0x2190, 0x21FF),
    (0x25A0, 0x25FF),
    (0x2900, 0x297F),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
)
# Symbols that are text by default and become emoji only with VS16 (e.g. "©️", "™️").
_TEXT_DEFAULT = {0xA9, 0xAE, 0x203C, 0x2049, 0x2122, 0x2139, 0x24C2}


def _is_picto(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _PICTO_RANGES)


def _is_modifier(cp: int) -> bool:
    return 0x1F3FB <= cp <= 0x1F3FF or cp == _VS16 or 0xE0020 <= cp <= 0xE007F


def _emoji_end(text: str, i: int) -> int:
    """End index of the emoji sequence starting at ``i``, or ``i`` when none starts there."""
    n, cp = len(text), ord(text[i])
    nxt = ord(text[i + 1]) if i + 1 < n else 0
    if 0x1F1E6 <= cp <= 0x1F1FF:  # regional indicators pair into a flag
        return i + 2 if 0x1F1E6 <= nxt <= 0x1F1FF else i + 1
    if text[i] in "0123456789#*":  # keycap: digit, optional VS16, U+20E3
        j = i + 1 + (nxt == _VS16)
        return j + 1 if j < n and ord(text[j]) == _KEYCAP else i
    if cp in _TEXT_DEFAULT:
        if nxt != _VS16:
            return i
    elif not _is_picto(cp):
        return i
    j = i + 1
    while j < n:
        c = ord(text[j])
        if _is_modifier(c):
            j += 1
        elif c == _ZWJ and j + 1 < n and (_is_picto(ord(text[j + 1])) or ord(text[j + 1]) in _TEXT_DEFAULT):
            j += 2
        else:
            break
    return j


# --------------------------------------------------------------------------- counting

_WEIGHT_1 = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))


def _weight(ch: str) -> int:
    cp = ord(ch)
    return 1 if any(lo <= cp <= hi for lo, hi in _WEIGHT_1) else 2


def x_weighted_length(text: str) -> int:
    """twitter-text v3 weighted length: what X compares with its 280 limit."""
    text = unicodedata.normalize("NFC", text)
    urls = dict(find_urls(text))
    total, i, n = 0, 0, len(text)
    while i < n:
        if i in urls:
            total += X_URL_LENGTH
            i = urls[i]
            continue
        end = _emoji_end(text, i)
        if end > i:
            total += 2
            i = end
            continue
        total += _weight(text[i])
        i += 1
    return total


def codepoint_length(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


# --------------------------------------------------------------------------- hashtags


def _is_tag_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_" or unicodedata.category(ch).startswith("M")


def hashtag_spans(text: str) -> list[tuple[int, int]]:
    """Spans of hashtags (``#`` or full-width ``＃`` included), twitter-text style: the tag
    must not follow a letter, digit or ``&`` and must contain a letter ("#1" is no tag)."""
    spans = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in "#＃" and (i == 0 or not (_is_tag_char(text[i - 1]) or text[i - 1] == "&")):
            j = i + 1
            while j < n and _is_tag_char(text[j]):
                j += 1
            body = text[i + 1 : j]
            if any(unicodedata.category(c)[0] in "LM" for c in body):
                spans.append((i, j))
            i = max(j, i + 1)
        else:
            i += 1
    return spans


def extract_hashtags(text: str) -> list[str]:
    """Hashtags in order of appearance, as written (with their ``#``)."""
    text = unicodedata.normalize("NFC", text)
    return [text[s:e] for s, e in hashtag_spans(text)]


def count_for(text: str, platform: Platform) -> int:
    if spec_for(platform).counting == "weighted":
        return x_weighted_length(text)
    return codepoint_length(text)


def measure(text: str, platform: Platform) -> Measurement:
    """Count ``text`` the way ``platform`` does and compare it with the platform's limits."""
    spec = spec_for(platform)
    count = count_for(text, platform)
    tags = extract_hashtags(text)
    too_many = spec.max_hashtags is not None and len(tags) > spec.max_hashtags
    return Measurement(
        count=count,
        limit=spec.limit,
        over_limit=count > spec.limit,
        hashtags=tags,
        max_hashtags=spec.max_hashtags,
        too_many_hashtags=too_many,
    )
