"""From a model's validated reply to an artifact: checks, measurements and rendering.

Each ``parse_*`` function raises ``ValueError`` (or pydantic's ValidationError) for a
reply that cannot become a valid artifact, which makes the runner ask the model again
with the reason. Numbers the product relies on are never the model's: short posts are
measured here the platform's way (:mod:`marketing_agents.platforms`), and an over-limit
post is kept and flagged, never silently truncated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..agents.base import AgentContext
from ..models import (
    ArtifactType,
    CopyData,
    PosterConcept,
    ShortCopyData,
    ShortPost,
    VisualData,
)
from ..platforms import measure
from .schemas import CopyOutput, VisualOutput, posts_by_platform, short_copy_output


@dataclass
class Draft:
    """A validated artifact, ready for metadata."""

    data: dict[str, Any]
    content: str
    tone: str
    keywords: list[str]
    notes: list[str] = field(default_factory=list)

    @property
    def word_count(self) -> int:
        return len(re.findall(r"\w+", self.content))


def parse_copy(raw: str, context: AgentContext) -> Draft:
    reply = CopyOutput.model_validate_json(raw)
    data = CopyData(**reply.model_dump())
    content = "\n\n".join(
        [
            "# " + data.headlines[0],
            "\n".join(f"- {headline}" for headline in data.headlines[1:]),
            data.body_long,
            "Calls to action: " + " | ".join(data.calls_to_action),
        ]
    )
    return Draft(data.to_doc(), content, data.tone_summary, list(data.keywords))


def parse_short_copy(raw: str, context: AgentContext) -> Draft:
    wanted = context.brief.requested_platforms()
    reply = short_copy_output(tuple(wanted)).model_validate_json(raw)
    posts: list[ShortPost] = []
    notes: list[str] = []
    for platform, texts in posts_by_platform(reply, wanted).items():
        for text in texts:
            size = measure(text, platform)
            posts.append(
                ShortPost(
                    platform=platform,
                    text=text,
                    character_count=size.count,
                    limit=size.limit,
                    over_limit=size.over_limit,
                    hashtags=size.hashtags,
                )
            )
            if size.over_limit:
                notes.append(f"a {platform.value} post is over the limit ({size.count}/{size.limit})")
    posts.sort(key=lambda post: wanted.index(post.platform))
    data = ShortCopyData(posts=posts)
    content = "\n\n".join(
        f"[{post.platform.value} {post.character_count}/{post.limit}"
        f"{' OVER LIMIT' if post.over_limit else ''}] {post.text}"
        for post in posts
    )
    keywords = sorted({tag.lstrip("#＃") for post in posts for tag in post.hashtags})
    return Draft(data.to_doc(), content, context.brief.tone, keywords, notes)


def parse_visual(raw: str, context: AgentContext) -> Draft:
    reply = VisualOutput.model_validate_json(raw)
    concepts = [PosterConcept(**concept.model_dump()) for concept in [reply.chosen, *reply.alternatives]]
    data = VisualData(concepts=concepts, chosen_index=0)
    content = "\n\n".join(
        f"{'* ' if index == data.chosen_index else ''}Concept {index + 1}: {c.headline}\n"
        f"{c.subline}\nCTA: {c.call_to_action}\nPalette: {', '.join(c.palette)}\n"
        f"Layout: {c.layout}\nAlt text: {c.alt_text}"
        for index, c in enumerate(concepts)
    )
    chosen = concepts[data.chosen_index]
    return Draft(data.to_doc(), content, ", ".join(chosen.mood) or context.brief.tone, chosen.style)


PARSERS: dict[ArtifactType, Callable[[str, AgentContext], Draft]] = {
    ArtifactType.COPY: parse_copy,
    ArtifactType.SHORT_COPY: parse_short_copy,
    ArtifactType.VISUAL: parse_visual,
}
