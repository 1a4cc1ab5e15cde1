"""Poster accessibility: alt text that describes the poster, and text contrast (WCAG AA).

Palette convention (shared with the offline visual agent and the poster renderer):
``[background, text, accent, accent_text]`` — headline and subline in ``text`` on
``background``, the call-to-action label in ``accent_text`` on the ``accent`` button. The contrast fix proposes a
darker or lighter shade of the same text colour, so the brand's hue survives the fix.
"""

from __future__ import annotations

import re
from typing import Literal

from ..colour import contrast_ratio, parse_hex, stronger_pole, to_hex
from ..models import ArtifactType, Fix, FixKind, Severity
from ..text import stem
from .fields import TextField
from .findings import Finding, RuleContext, make_finding
from .rules import BaseRule

_GENERIC_ALT = {"image", "poster", "picture", "graphic", "photo", "banner", "visual", "alt", "text"}
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def accessible_shade(text: tuple[int, int, int], background: tuple[int, int, int], ratio: float) -> str:
    """The text colour mixed toward black or white (whichever contrasts more with the
    background) just far enough to reach ``ratio``."""
    toward = stronger_pole(background)
    for step in range(1, 21):
        t = step / 20
        mixed = tuple(round(c + (d - c) * t) for c, d in zip(text, toward, strict=True))
        candidate = (mixed[0], mixed[1], mixed[2])
        if contrast_ratio(candidate, background) >= ratio:
            return to_hex(candidate)
    return to_hex(toward)


def _concepts(context: RuleContext) -> list[tuple[int, dict[str, object]]]:
    visual = context.artifacts.get(ArtifactType.VISUAL)
    concepts = visual.data.get("concepts") if visual is not None else None  # JSON: a layout may be partial
    if not isinstance(concepts, list):
        return []
    return [(i, c) for i, c in enumerate(concepts) if isinstance(c, dict)]


def _text_field(context: RuleContext, path: str, text: str) -> TextField:
    visual = context.artifacts[ArtifactType.VISUAL]
    return TextField(ArtifactType.VISUAL, visual.id, path, text)


def suggested_alt_text(concept: dict[str, object], product: str) -> str:
    parts = [f"Poster for {product}" if product else "Poster"]
    if concept.get("headline"):
        parts.append(f"with the headline “{concept['headline']}”")
    if concept.get("subline"):
        parts.append(f"and the line “{concept['subline']}”")
    text = " ".join(parts)
    if concept.get("callToAction"):
        text += f"; call to action: “{concept['callToAction']}”"
    return text + "."


class AltTextRule(BaseRule):
    """Poster alt text must exist and describe the poster."""

    kind: Literal["alt_text"]
    min_words: int = 5
    # an alt text that describes the picture but carries neither the poster's words nor its
    # product: a gap to fix before publishing, not a missing text alternative (the pack says why)
    incomplete_severity: Severity = Severity.MEDIUM

    def check(self, context: RuleContext) -> list[Finding]:
        product = context.product_names[0] if context.product_names else ""
        findings = []
        for i, concept in _concepts(context):
            alt = concept.get("altText")
            alt = alt if isinstance(alt, str) else ""
            path = f"concepts[{i}].altText"
            proposal = suggested_alt_text(concept, product)
            words = [w.lower() for w in _WORD.findall(alt)]
            if not alt.strip():
                f = _text_field(context, path, alt)
                desc = f"Poster concept {i + 1} has no alt text. {self.message}"
                fix = Fix(kind=FixKind.ADD, replacement=proposal)
                findings.append(make_finding(self.model_copy(update={"severity": self.severity}), f, None, fix, desc))
                continue
            descriptive = len(words) >= self.min_words and bool(set(words) - _GENERIC_ALT)
            if descriptive and _describes(alt, concept, product):
                continue
            f = _text_field(context, path, alt)
            fix = Fix(kind=FixKind.REPLACE, target=alt, replacement=proposal)
            if descriptive:
                desc = (
                    f"Poster concept {i + 1}'s alt text describes the picture but not the poster's "
                    f"words or product (add its headline and product). {self.message}"
                )
                rule = self.model_copy(update={"severity": self.incomplete_severity})
                findings.append(make_finding(rule, f, (0, len(alt)), fix, desc))
                continue
            desc = (
                f"Poster concept {i + 1}'s alt text does not describe the poster (say what it "
                f"shows: its headline and product). {self.message}"
            )
            findings.append(make_finding(self, f, (0, len(alt)), fix, desc))
        return findings


def _words(text: str) -> list[str]:
    """The words of ``text``, a compound's parts apart ("seven-seat" is "seven" and "seat")."""
    return [part for w in _WORD.findall(text) for part in w.split("-") if part]


def _describes(alt: str, concept: dict[str, object], product: str) -> bool:
    alt_stems = {stem(w) for w in _words(alt)}
    if product and product.lower() in alt.lower():
        return True
    headline = concept.get("headline")
    words = [stem(w) for w in _words(headline if isinstance(headline, str) else "") if len(w) > 3]
    return bool(words) and sum(w in alt_stems for w in words) * 2 >= len(words)


# (text index, background index, what is drawn): headline/subline, then the CTA button.
PAIRS = ((1, 0, "text"), (3, 2, "call-to-action label"))


class ContrastRule(BaseRule):
    """Poster text against its background must meet a WCAG contrast ratio."""

    kind: Literal["contrast"]
    min_ratio: float = 4.5
    # the poster's text is all large text at its own size (poster/layout.py draws nothing under
    # 28 px on 1080 px): WCAG AA asks 3:1 of it; the fix still reaches ``min_ratio``, readable scaled down
    large_text_ratio: float = 3.0
    # the pair fails but another palette colour reads on that background (the pack says why)
    swappable_severity: Severity = Severity.MEDIUM

    def check(self, context: RuleContext) -> list[Finding]:
        findings = []
        for i, concept in _concepts(context):
            palette = concept.get("palette")
            if not isinstance(palette, list):
                continue
            for fg_index, bg_index, what in PAIRS:
                if len(palette) > fg_index:
                    findings += _pair(self, context, i, [str(c) for c in palette], fg_index, bg_index, what)
        return findings


def _pair(
    rule: ContrastRule, context: RuleContext, i: int, palette: list[str], fg: int, bg: int, what: str
) -> list[Finding]:
    background, text = parse_hex(palette[bg]), parse_hex(palette[fg])
    value = palette[fg]
    f = _text_field(context, f"concepts[{i}].palette[{fg}]", value)
    if background is None or text is None:
        bad = palette[bg] if background is None else value
        desc = f"Poster concept {i + 1}: “{bad}” is not a hex colour, so contrast cannot be checked."
        return [make_finding(rule, f, (0, len(value)), Fix(kind=FixKind.REWRITE), desc)]
    ratio = contrast_ratio(text, background)
    if ratio >= rule.large_text_ratio:
        return []
    shade = accessible_shade(text, background, rule.min_ratio)
    desc = (
        f"{rule.message} Poster concept {i + 1}: {what} {value} on {palette[bg]} has a contrast "
        f"ratio of {ratio:.2f}:1; at least {rule.large_text_ratio:g}:1 is needed for the poster's large text "
        f"({rule.min_ratio:g}:1 to stay readable scaled down). Use {shade}."
    )
    fix = Fix(kind=FixKind.REPLACE, target=value, replacement=shade)
    readable = _readable_other(palette, bg, fg, background, rule.large_text_ratio)
    if readable is not None:  # the palette can carry readable text: a colour to swap, not a poster nobody can read
        desc += f" The palette's {readable} reaches it on {palette[bg]}."
        rule = rule.model_copy(update={"severity": rule.swappable_severity})
    return [make_finding(rule, f, (0, len(value)), fix, desc)]


def _readable_other(palette: list[str], bg: int, fg: int, background: tuple[int, int, int],
                    ratio: float) -> str | None:
    """Another colour of the palette that meets ``ratio`` on the background, if any."""
    for index, colour in enumerate(palette):
        parsed = parse_hex(colour)
        if index not in (bg, fg) and parsed is not None and contrast_ratio(parsed, background) >= ratio:
            return colour
    return None
