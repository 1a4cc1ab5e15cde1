"""Helpers every offline agent shares: reading the version being revised, streaming text
in word groups, and keeping required messages in a text."""

from __future__ import annotations

import re
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from ...text import required_present
from ..base import AgentContext, ChunkSink
from .brief import Plan

M = TypeVar("M", bound=BaseModel)
WORDS_PER_CHUNK = 8


def previous_data(context: AgentContext, model: type[M], plan: Plan) -> M | None:
    """The version being revised, when there is one to build on: same artifact type,
    valid data, and no change of voice asked for (a new voice means writing afresh)."""
    prev = context.previous
    if prev is None or prev.type != context.artifact_type:
        return None
    if plan.directives.changes_wording():
        plan.notes.append("rewritten from scratch in the new voice instead of editing the previous version")
        return None
    try:
        # Checked again as data being made: a version stored before a bound existed loads,
        # but it is not built on (it would carry its excess into every later round).
        data = model.model_validate(prev.data.to_doc())
    except ValidationError:
        plan.notes.append(f"previous version {prev.id} could not be read; written afresh")
        return None
    plan.notes.append(f"built on previous version {prev.id} (v{prev.version_number})")
    return data


def word_chunks(text: str, size: int = WORDS_PER_CHUNK) -> list[str]:
    """``text`` in groups of ``size`` words; joined, the chunks are exactly ``text``."""
    pieces = re.findall(r"\s*\S+\s*", text)
    return ["".join(pieces[i : i + size]) for i in range(0, len(pieces), size)] or ([text] if text else [])


async def stream(text: str, on_chunk: ChunkSink | None) -> int:
    if on_chunk is None:
        return 0
    chunks = word_chunks(text)
    for chunk in chunks:
        await on_chunk(chunk)
    return len(chunks)


def missing_sentences(text: str, plan: Plan) -> list[str]:
    """Sentences for required messages and offers that ``text`` does not carry yet."""
    out = [s for c, s in zip(plan.required, plan.required_sentences(), strict=True) if not required_present(text, c)]
    low = text.lower()
    out += [s for s in plan.offer_sentences() if s.lower() not in low]
    return out


def with_sentences(text: str, extra: list[str], before_last: bool = False) -> str:
    """``text`` with ``extra`` sentences added at the end (or before its last sentence)."""
    if not extra:
        return text
    addition = " ".join(extra)
    if before_last:
        from ...text import split_sentences

        sentences = split_sentences(text)
        if len(sentences) > 1:
            head = text[: text.rfind(sentences[-1])].rstrip()
            return f"{head} {addition} {sentences[-1]}"
    return f"{text.rstrip()} {addition}".strip()
