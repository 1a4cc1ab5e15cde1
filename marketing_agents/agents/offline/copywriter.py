"""The offline copywriter: headlines, short/medium/long body, calls to action, tone."""

from __future__ import annotations

import asyncio
import re

from ...models import ArtifactType, CopyData
from ...text import split_sentences, word_count
from ..base import AgentContext, AgentResult, ChunkSink
from .brief import Plan, make_plan
from .common import missing_sentences, previous_data, stream, with_sentences
from .editing import shorten_sentences, shorten_text, within

SHORTEN_RATIO = 0.6


def _headlines(plan: Plan) -> list[str]:
    v = plan.voice
    rotated = plan.fill_all(v.headlines, "headlines")
    theme_first = [h for h in rotated if plan.theme and plan.theme.lower() in h.lower()]
    out = theme_first[:1] + [h for h in rotated if h not in theme_first[:1]]
    for extra in (f"Introducing {plan.product}", f"{plan.product}, ready when you are", f"Say hello to {plan.product}"):
        if len(out) >= 3:
            break
        if extra not in out:
            out.append(extra)
    return out[:4]


def write(plan: Plan) -> CopyData:
    v, p = plan.voice, plan
    opener = p.pick(v.openers, "opener")
    intro = p.fill(p.pick(v.intros, "intro")) or f"Meet {p.product}."
    theme_line = p.fill(p.pick(v.theme_lines, "theme")) or ""
    values = list(v.values)
    closer = p.pick(v.closers, "closer")
    ctas = p.fill_all(v.ctas, "cta")
    cta = ctas[0].rstrip(".!") + "."
    musts = [*p.required_sentences(), *p.offer_sentences()]
    audience_line = (
        f"For {p.audience}, it fits right into the way you already live."
        if p.audience != "you"
        else "It fits right into the way you already live."
    )
    short = " ".join([intro, *musts, cta])
    medium = " ".join(s for s in [opener, intro, theme_line, *p.evidence[:1], *musts, values[0], cta] if s)
    paragraphs = [
        " ".join(s for s in [opener, intro, theme_line] if s),
        " ".join([audience_line, *values]),
        " ".join([*p.evidence, *musts]),
        " ".join([closer, cta]),
    ]
    long = "\n\n".join(par for par in paragraphs if par)
    return CopyData(
        headlines=_headlines(p),
        body_short=short,
        body_medium=medium,
        body_long=long,
        calls_to_action=ctas[:4],
        tone_summary=v.summary.format(audience=p.audience) + ".",
        keywords=list(p.keywords),
    )


def _shorten_long(text: str, plan: Plan, max_words: int | None, max_chars: int | None) -> str:
    """Drop optional sentences of a multi-paragraph text, keeping its paragraphs."""
    flat = [(i, s) for i, par in enumerate(text.split("\n\n")) for s in split_sentences(par)]

    def render(items: list[tuple[int, str]]) -> str:
        paras: dict[int, list[str]] = {}
        for i, s in items:
            paras.setdefault(i, []).append(s)
        return "\n\n".join(" ".join(ss) for _, ss in sorted(paras.items()))

    def fits(items: list[tuple[int, str]]) -> bool:
        out = render(items)
        return (max_words is None or word_count(out) <= max_words) and (max_chars is None or len(out) <= max_chars)

    essential = plan.essential()
    return render(shorten_sentences(flat, fits, lambda item: essential(item[1])))


def _short_headline(headline: str) -> str:
    head = re.split(r"\s*[:—–]\s+|\s+-\s+", headline, maxsplit=1)[0]
    return head if head and len(head.split()) >= 2 else headline


def finish(data: CopyData, plan: Plan) -> tuple[CopyData, list[str]]:
    """Apply every directive to the copy (fresh or previous) and report what changed."""
    ed, d, notes = plan.editor, plan.directives, []
    headlines = [ed.apply(h) for h in data.headlines]
    bodies = {"bodyShort": data.body_short, "bodyMedium": data.body_medium, "bodyLong": data.body_long}
    for key, text in bodies.items():
        text = ed.apply(text)
        missing = missing_sentences(text, plan)
        if missing:
            notes.append(f"{key}: added {len(missing)} required sentence(s)")
        if key == "bodyLong" and missing:
            text = f"{text.rstrip()}\n\n{' '.join(missing)}"
        else:
            text = with_sentences(text, missing, before_last=True)
        bodies[key] = text
    if d.shorten:
        before = {k: word_count(t) for k, t in bodies.items()}
        bodies["bodyLong"] = _shorten_long(bodies["bodyLong"], plan, int(before["bodyLong"] * SHORTEN_RATIO), None)
        bodies["bodyMedium"] = _shorten_long(
            bodies["bodyMedium"], plan, int(before["bodyMedium"] * SHORTEN_RATIO), None
        )
        bodies["bodyShort"] = _shorten_long(bodies["bodyShort"], plan, int(before["bodyShort"] * 0.8), None)
        headlines = [_short_headline(h) for h in headlines]
        after = {k: word_count(t) for k, t in bodies.items()}
        notes.append("shortened: " + ", ".join(f"{k} {before[k]}→{after[k]} words" for k in bodies))
    for field, limit in sorted(d.field_limits.items()):
        if field in bodies:
            bodies[field] = _shorten_long(bodies[field], plan, None, limit)
            state = "now fits" if len(bodies[field]) <= limit else "still over (kept its required sentences)"
            notes.append(f"{field} shortened to {limit} characters: {state}")
        elif m := re.fullmatch(r"headlines\[(\d+)\]", field):
            i = int(m.group(1))
            if i < len(headlines):
                headlines[i] = shorten_text(headlines[i], within(limit), lambda s: False)
                if len(headlines[i]) > limit:
                    headlines[i] = _short_headline(headlines[i])
    ctas = [ed.apply(c) for c in data.calls_to_action]
    ctas = [c for c in ctas if c] or [f"Discover {plan.product}"]
    while len(ctas) < 3:
        ctas.append([f"Discover {plan.product}", "Learn more", "Get started"][len(ctas) % 3])
    headlines = [h for h in headlines if h]
    while len(headlines) < 3:
        headlines.append(f"Introducing {plan.product}" if len(headlines) % 2 else plan.product)
    return CopyData(
        headlines=headlines,
        body_short=bodies["bodyShort"],
        body_medium=bodies["bodyMedium"],
        body_long=bodies["bodyLong"],
        calls_to_action=ctas,
        tone_summary=ed.apply(data.tone_summary),
        keywords=[k for k in (ed.apply(k) for k in data.keywords) if k],
    ), notes


def render(data: CopyData, product: str) -> str:
    lines = [f"# Copy: {product}", "", "## Headlines", *[f"{i}. {h}" for i, h in enumerate(data.headlines, 1)]]
    lines += ["", "## Body (short)", data.body_short, "", "## Body (medium)", data.body_medium]
    lines += ["", "## Body (long)", data.body_long, "", "## Calls to action", *[f"- {c}" for c in data.calls_to_action]]
    lines += ["", "## Tone", data.tone_summary, "", "## Keywords", ", ".join(data.keywords)]
    return "\n".join(lines)


class OfflineCopywriter:
    """Writes ``Copy`` from templates; streams the long body when ``on_chunk`` is given."""

    name = "offline-copywriter"
    artifact_type = ArtifactType.COPY

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        # Writing is CPU work: in a thread, so the host's event loop keeps answering.
        result, body_long = await asyncio.to_thread(self.write, context)
        await stream(body_long, on_chunk)
        return result

    def write(self, context: AgentContext) -> tuple[AgentResult, str]:
        """The artifact and the long body to stream (synchronous: no I/O)."""
        plan = make_plan(context)
        base = previous_data(context, CopyData, plan) or write(plan)
        data, notes = finish(base, plan)
        words = " ".join([*data.headlines, data.body_long, *data.calls_to_action])
        result = AgentResult(
            data=data.to_doc(),
            content=render(data, plan.product),
            metadata=plan.metadata(words, notes),
            agent_name=self.name,
        )
        return result, data.body_long
