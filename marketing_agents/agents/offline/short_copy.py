"""The offline short-copy writer: three variants per platform, each measured the
platform's way. A variant over the limit is rewritten shorter (optional sentences, then
hashtags, dropped); if it is still over it is kept whole and flagged ``over_limit``.
Text is never truncated."""

from __future__ import annotations

import asyncio
import re

from ...models import ArtifactType, Platform, ShortCopyData, ShortPost
from ...platforms import count_for, extract_hashtags, measure, spec_for
from ...text import split_sentences
from ..base import AgentContext, AgentResult, ChunkSink
from .brief import Plan, hashtag, make_plan
from .common import missing_sentences, previous_data
from .editing import shorten_sentences

VARIANTS = 3
SHORTEN_RATIO = 0.7


def _hashtag_pool(plan: Plan) -> list[str]:
    theme_words = [w for w in re.findall(r"[^\W_]+", plan.theme) if w.lower() not in {"the", "a", "an", "of", "and"}]
    # A multi-word product name is not run together into a tag (that would misspell the
    # name, which brand rules flag): its first word stands for it.
    product_tag = hashtag(plan.product if " " not in plan.product.strip() else plan.product.split()[0])
    pool = [product_tag, hashtag(" ".join(theme_words[:2]))]
    pool += [hashtag(k) for k in plan.keywords[1:] if len(k) > 4]
    unique = {t.lower(): t for t in reversed(pool) if len(t) > 2}
    return [t for t in pool if unique.get(t.lower()) is t]


def _tag_count(plan: Plan, platform: Platform) -> int:
    n = spec_for(platform).recommended_hashtags or 2
    if plan.directives.hashtags == "none":
        return 0
    return n // 2 if plan.directives.hashtags == "fewer" else n


def _variants(plan: Plan, platform: Platform) -> list[list[str]]:
    v, p = plan.voice, plan
    headlines = p.fill_all(v.headlines, f"post-headline-{platform.value}")
    intros = p.fill_all(v.intros, f"post-intro-{platform.value}")
    ctas = p.fill_all(v.ctas, f"post-cta-{platform.value}")
    theme_line = p.fill(p.pick(v.theme_lines, f"post-theme-{platform.value}")) or ""
    musts = [*p.required_sentences(), *p.offer_sentences()]
    emoji = f"{v.emoji} " if v.emoji and not p.directives.no_emoji else ""

    def sentence(text: str) -> str:
        return text if text[-1:] in ".!?" else text + "."

    one = [emoji + sentence(headlines[0]), *musts, sentence(ctas[0])]
    two = [
        p.pick(v.openers, f"post-opener-{platform.value}"),
        intros[0],
        *p.evidence[:1],
        *musts,
        sentence(ctas[1 % len(ctas)]),
    ]
    three = [
        s for s in [theme_line or intros[-1], v.values[0], *p.evidence, *musts, sentence(ctas[2 % len(ctas)])] if s
    ]
    if platform in (Platform.LINKEDIN, Platform.FACEBOOK):  # room for a fuller story
        two.insert(-1, v.values[1])
        three.insert(-1, p.pick(v.closers, f"post-closer-{platform.value}"))
    return [one, two, three]


def _compose(sentences: list[str], tags: list[str], platform: Platform) -> str:
    joiner = "\n\n" if platform == Platform.INSTAGRAM else " "
    body = joiner.join(sentences)
    return f"{body}\n\n{' '.join(tags)}" if tags else body


def fit(
    sentences: list[str], tags: list[str], platform: Platform, plan: Plan, target: int | None = None
) -> tuple[str, str]:
    """Compose a post, dropping optional sentences then hashtags until it fits ``target``
    (default: the platform's limit). Returns the text and a note ("" if nothing dropped)."""
    limit = target or spec_for(platform).limit
    essential = plan.essential()

    def fits(ss: list[str], ts: list[str]) -> bool:
        return count_for(_compose(ss, ts, platform), platform) <= limit

    kept = shorten_sentences(sentences, lambda ss: fits(ss, tags), essential)
    kept_tags = list(tags)
    while kept_tags and not fits(kept, kept_tags):
        kept_tags.pop()
    dropped = (len(sentences) - len(kept), len(tags) - len(kept_tags))
    note = f"dropped {dropped[0]} sentence(s) and {dropped[1]} hashtag(s) to fit {limit}" if any(dropped) else ""
    return _compose(kept, kept_tags, platform), note


def _split_post(text: str) -> tuple[list[str], list[str]]:
    """A post's sentences and its trailing block of hashtags."""
    tokens = text.rstrip().split()
    tags: list[str] = []
    while tokens and extract_hashtags(tokens[-1]) == [tokens[-1]]:
        tags.insert(0, tokens.pop())
    body = text.rstrip()
    for _ in tags:
        body = body[: body.rfind("#")].rstrip()
    return split_sentences(body), tags


def _post(text: str, platform: Platform) -> ShortPost:
    m = measure(text, platform)
    return ShortPost(
        platform=platform,
        text=text,
        character_count=m.count,
        limit=m.limit,
        over_limit=m.over_limit or m.too_many_hashtags,
        hashtags=m.hashtags,
    )


def write_posts(
    plan: Plan, previous: ShortCopyData | None, platforms: list[Platform]
) -> tuple[list[ShortPost], list[str]]:
    notes: list[str] = []
    d, ed = plan.directives, plan.editor
    pool = _hashtag_pool(plan)
    posts: list[ShortPost] = []
    unique = list(dict.fromkeys(platforms))
    if len(unique) < len(platforms):
        notes.append(f"platforms listed more than once were written for once: {', '.join(p.value for p in unique)}")
    for platform in unique:
        # A new version has VARIANTS posts per platform, built on at most VARIANTS earlier
        # ones: the count never grows from round to round, whatever the previous version held.
        earlier = [post for post in (previous.posts if previous else []) if post.platform == platform][:VARIANTS]
        drafts: list[tuple[list[str], list[str]]] = []
        for post in earlier:
            sentences, tags = _split_post(post.text)
            drafts.append((sentences, tags))
        if len(drafts) < VARIANTS:
            n = _tag_count(plan, platform)
            fresh = [
                (ss, pool[i % max(len(pool), 1) :][:n] if pool else [])
                for i, ss in enumerate(_variants(plan, platform))
            ]
            drafts += fresh[len(drafts) :]
        for sentences, tags in drafts:
            index = len(posts)
            sentences = [s for s in (ed.apply(s) for s in sentences) if s]
            tags = [t for t in (ed.apply(t) for t in tags) if t.startswith("#") and len(t) > 1]
            if d.hashtags == "none":
                tags = []
            elif d.hashtags == "fewer" and earlier:
                tags = tags[: len(tags) // 2]
            sentences += missing_sentences(" ".join(sentences), plan)
            text, note = fit(sentences, tags, platform, plan)
            target = d.field_limits.get(f"posts[{index}].text")
            if d.shorten or target:
                goal = target or int(count_for(text, platform) * SHORTEN_RATIO)
                text, note = fit(*_split_post(text), platform, plan, goal)
                note = note or f"could not shorten below {count_for(text, platform)} without losing required sentences"
            post = _post(text, platform)
            if note:
                notes.append(f"posts[{index}] ({platform.value}): {note}")
            if post.over_limit:
                notes.append(
                    f"posts[{index}] ({platform.value}) is over the limit ({post.character_count}/{post.limit}) "
                    "even without its optional sentences and hashtags: flagged, not truncated"
                )
            posts.append(post)
    return posts, notes


def render(data: ShortCopyData, product: str) -> str:
    lines = [f"# Short copy: {product}"]
    for i, post in enumerate(data.posts):
        flag = " — OVER LIMIT" if post.over_limit else ""
        lines += ["", f"## {post.platform.value} #{i + 1} ({post.character_count}/{post.limit}){flag}", post.text]
    return "\n".join(lines)


class OfflineShortCopyWriter:
    """Writes ``ShortCopy``: at least three measured variants per requested platform."""

    name = "offline-short-copy-writer"
    artifact_type = ArtifactType.SHORT_COPY

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        # Writing and measuring is CPU work: in a thread, so the host's event loop keeps answering.
        return await asyncio.to_thread(self.write, context)

    def write(self, context: AgentContext) -> AgentResult:
        """The artifact (synchronous: no I/O)."""
        plan = make_plan(context)
        previous = previous_data(context, ShortCopyData, plan)
        posts, notes = write_posts(plan, previous, context.brief.requested_platforms())
        data = ShortCopyData(posts=posts)
        return AgentResult(
            data=data.to_doc(),
            content=render(data, plan.product),
            metadata=plan.metadata(" ".join(p.text for p in posts), notes),
            agent_name=self.name,
        )
