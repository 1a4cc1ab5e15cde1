"""The offline visual concept writer: poster concepts whose palettes pass WCAG AA.

Palette order is ``[background, text, accent, accent_text]`` (see ``palette.py``); the
alt text is rebuilt from the final headline, subline and button so it always describes
the poster as it will be rendered."""

from __future__ import annotations

import asyncio
import re

from ...colour import contrast_ratio, relative_luminance
from ...models import ArtifactType, PosterConcept, VisualData
from ...text import split_sentences
from ..base import AgentContext, AgentResult, ChunkSink
from .brief import Plan, make_plan
from .common import missing_sentences, previous_data
from .editing import shorten_text, within
from .palette import accessible_palette

CONCEPTS = 2
MAX_HEADLINE_WORDS = 8
LAYOUTS = (
    "Full-bleed photograph of the product; headline set large in the upper third, subline beneath it, "
    "call-to-action button centred at the bottom",
    "Split layout: the product on the left half over a solid accent field; headline, subline and "
    "call-to-action button stacked on the right with generous margins",
    "Centred product on a plain background; headline above, subline below, call-to-action button "
    "in the bottom-right corner",
)


def _brightness(colour: str) -> str:
    return "light" if relative_luminance(colour) > 0.4 else "dark"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def alt_text(plan: Plan, c: PosterConcept) -> str:
    style = ", ".join(c.style[:2]) or "clean"
    mood = ", ".join(c.mood[:2]) or "bright"
    return (
        f"Poster for {plan.product}: {_article(style)} {style} image of {plan.product} with "
        f"{_article(mood)} {mood} mood, on a {_brightness(c.palette[0])} background. "
        f"Headline: \u201c{c.headline}\u201d; subline: \u201c{c.subline}\u201d; "
        f"button: \u201c{c.call_to_action}\u201d."
    )


def _image_prompt(plan: Plan, style: list[str], mood: list[str], palette: list[str]) -> str:
    setting = f", evoking {plan.theme}" if plan.theme else ""
    audience = f" for {plan.audience}" if plan.audience != "you" else ""
    return (
        f"{', '.join(style)} image of {plan.product}{audience}{setting}; {', '.join(mood)} mood; "
        f"colours {', '.join(palette)}; leave clear space for text; no text, no logos, no watermarks"
    )


def _fit_headline(headline: str) -> str:
    if len(headline.split()) <= MAX_HEADLINE_WORDS:
        return headline
    head = re.split(r"\s*[:—–]\s+|[.!?]\s+", headline, maxsplit=1)[0]
    return head if len(head.split()) <= MAX_HEADLINE_WORDS else headline


def write(plan: Plan) -> list[PosterConcept]:
    v, p = plan.voice, plan
    headlines = [_fit_headline(h) for h in p.fill_all(v.headlines, "poster-headline")]
    if p.theme and len(p.theme.split()) <= MAX_HEADLINE_WORDS:
        headlines = [p.theme] + [h for h in headlines if h != p.theme]
    # A poster is read at a glance: headlines that fit go first (stable, so still deterministic).
    headlines.sort(key=lambda h: len(h.split()) > MAX_HEADLINE_WORDS)
    ctas = p.fill_all(v.ctas, "poster-cta")
    musts = [*p.required_sentences(), *p.offer_sentences()]
    concepts = []
    first_layout = LAYOUTS.index(p.pick(LAYOUTS, "layout"))
    for i in range(CONCEPTS):
        subline = " ".join(musts) or (p.evidence[i % len(p.evidence)] if p.evidence else v.values[i % len(v.values)])
        palette = accessible_palette(v.palettes[i % len(v.palettes)])
        style = [*v.style[i % len(v.style) :], *v.style[: i % len(v.style)]]
        mood = list(v.mood)
        concept = PosterConcept(
            headline=headlines[i % len(headlines)],
            subline=subline,
            call_to_action=ctas[i % len(ctas)],
            palette=palette,
            layout=LAYOUTS[(first_layout + i) % len(LAYOUTS)],
            mood=mood,
            style=style,
            image_prompt=_image_prompt(p, style, mood, palette),
            alt_text="",
        )
        concepts.append(concept)
    return concepts


def finish(concepts: list[PosterConcept], plan: Plan) -> tuple[list[PosterConcept], list[str]]:
    ed, d, notes = plan.editor, plan.directives, []
    essential = plan.essential()
    out = []
    for i, c in enumerate(concepts):
        headline = ed.apply(c.headline) or plan.product
        subline = ed.apply(c.subline)
        visible = f"{headline} {subline} {c.call_to_action}"
        missing = missing_sentences(visible, plan)
        if missing:
            subline = f"{subline} {' '.join(missing)}".strip()
            notes.append(f"concepts[{i}].subline: added {len(missing)} required sentence(s)")
        limit = d.field_limits.get(f"concepts[{i}].subline")
        if d.shorten or limit:
            goal = limit or max(1, int(len(subline) * 0.6))
            subline = shorten_text(subline, within(goal), essential)
            headline = _fit_headline(re.split(r"\s*[:—–]\s+", headline, maxsplit=1)[0]) if d.shorten else headline
        if not subline:
            subline = split_sentences(plan.voice.values[0])[0]
        palette = accessible_palette(c.palette)
        if palette != c.palette:
            notes.append(f"concepts[{i}].palette: text colour changed to meet WCAG AA contrast")
        concept = c.model_copy(
            update={
                "headline": headline,
                "subline": subline,
                "call_to_action": ed.apply(c.call_to_action) or "Learn more",
                "palette": palette,
                "layout": ed.apply(c.layout),
                "mood": [m for m in map(ed.apply, c.mood) if m],
                "style": [s for s in map(ed.apply, c.style) if s],
                "image_prompt": ed.apply(c.image_prompt),
            }
        )
        concept.alt_text = alt_text(plan, concept)
        out.append(concept)
    return out, notes


def render(data: VisualData, product: str) -> str:
    lines = [f"# Poster concepts: {product}"]
    for i, c in enumerate(data.concepts):
        chosen = " (chosen)" if i == data.chosen_index else ""
        ratio = contrast_ratio(c.palette[0], c.palette[1])
        lines += [
            "",
            f"## Concept {i + 1}{chosen}",
            f"**{c.headline}**",
            c.subline,
            f"[{c.call_to_action}]",
            f"Palette: {', '.join(c.palette)} (text contrast {ratio:.1f}:1)",
            f"Layout: {c.layout}",
            f"Mood: {', '.join(c.mood)}; style: {', '.join(c.style)}",
            f"Image prompt: {c.image_prompt}",
            f"Alt text: {c.alt_text}",
        ]
    return "\n".join(lines)


class OfflineVisualConceptWriter:
    """Writes ``Visual``: poster concepts with accessible palettes and alt text."""

    name = "offline-visual-concept-writer"
    artifact_type = ArtifactType.VISUAL

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        # Writing is CPU work: in a thread, so the host's event loop keeps answering.
        return await asyncio.to_thread(self.write, context)

    def write(self, context: AgentContext) -> AgentResult:
        """The artifact (synchronous: no I/O)."""
        plan = make_plan(context)
        previous = previous_data(context, VisualData, plan)
        base = previous.concepts if previous else write(plan)
        concepts, notes = finish(base, plan)
        chosen = previous.chosen_index if previous and previous.chosen_index < len(concepts) else 0
        data = VisualData(concepts=concepts, chosen_index=chosen)
        words = " ".join(f"{c.headline} {c.subline} {c.call_to_action}" for c in concepts)
        return AgentResult(
            data=data.to_doc(),
            content=render(data, plan.product),
            metadata=plan.metadata(words, notes),
            agent_name=self.name,
        )
