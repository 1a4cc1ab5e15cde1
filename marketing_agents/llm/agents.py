"""The model-backed agents: one class, configured per artifact type.

An agent answers from the response cache when it can (no model call, ``cached=True``),
otherwise asks its model chain through :class:`ModelRunner`, and when every model has
failed hands the context to the offline agent it was given, recording why in the
metadata. The copywriter streams ``body_long`` through ``on_chunk`` while it is written.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping

from openai import AsyncOpenAI
from pydantic import BaseModel

from ..agents.base import Agent, AgentContext, AgentResult, ChunkSink
from ..agents.offline.brief import NO_MODEL_NOTE
from ..models import ArtifactMetadata, ArtifactType
from ..prompts import Prompt, load_prompt
from .artifacts import PARSERS, Draft
from .cache import SafeCache, build_response_cache, cache_key, context_hash
from .messages import build_messages
from .runner import AllModelsFailed, Completion, ModelRunner, SinkFactory, TextSink
from .schemas import output_model, strict_json_schema
from .settings import AgentRole, ModelSettings
from .streaming import JsonStringFieldStream

log = logging.getLogger(__name__)

ROLES = {
    ArtifactType.COPY: AgentRole.COPYWRITER,
    ArtifactType.SHORT_COPY: AgentRole.SHORT_COPY,
    ArtifactType.VISUAL: AgentRole.VISUAL,
}
PROMPTS = {
    ArtifactType.COPY: "copywriter",
    ArtifactType.SHORT_COPY: "short_copy",
    ArtifactType.VISUAL: "visual",
}
AGENT_NAMES = {
    ArtifactType.COPY: "copywriter-model",
    ArtifactType.SHORT_COPY: "short-copy-model",
    ArtifactType.VISUAL: "visual-model",
}
STREAMED_FIELD = {ArtifactType.COPY: "body_long"}


class ModelAgent:
    """Writes one artifact type with a model, falling back to ``offline``."""

    def __init__(
        self,
        artifact_type: ArtifactType,
        runner: ModelRunner,
        cache: SafeCache,
        offline: Agent,
        prompt: Prompt | None = None,
    ) -> None:
        self.artifact_type = artifact_type
        self.name = AGENT_NAMES[artifact_type]
        self.runner = runner
        self.cache = cache
        self.offline = offline
        self.prompt = prompt or load_prompt(PROMPTS[artifact_type])
        self.chain = runner.settings.chain_for(ROLES[artifact_type])

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        started = time.perf_counter()
        messages = build_messages(self.prompt, context)
        output = output_model(self.artifact_type, context)
        key = cache_key(self.name, self._hash(messages, output))
        hit = await self._from_cache(key, started, on_chunk)
        if hit is not None:
            return hit
        parse = PARSERS[self.artifact_type]
        try:
            completion = await self.runner.complete(
                self.chain,
                messages,
                output,
                lambda raw: parse(raw, context),
                self._stream_factory(on_chunk),
            )
        except AllModelsFailed as failure:
            return await self._offline(context, on_chunk, failure, started)
        result = self._result(completion)
        await self.cache.set(key, result.model_dump_json())
        return result

    def _hash(self, messages: list[dict[str, str]], output: type[BaseModel]) -> str:
        """Everything that changes the answer: prompt, models, format, the messages."""
        settings = self.runner.settings
        return context_hash(
            {
                "agent": self.name,
                "prompt": [self.prompt.label, load_prompt("system").label],
                "chain": self.chain,
                "format": settings.response_format.value,
                "temperature": settings.temperature,
                "schema": strict_json_schema(output),
                "messages": messages,
            }
        )

    async def _from_cache(self, key: str, started: float, on_chunk: ChunkSink | None) -> AgentResult | None:
        raw = await self.cache.get(key)
        if raw is None:
            return None
        try:
            result = AgentResult.model_validate_json(raw)
        except ValueError:
            log.warning("ignoring an unreadable cache entry %s", key)
            return None
        result.metadata = result.metadata.model_copy(
            update={
                "cached": True,
                "tokens_in": 0,
                "tokens_out": 0,
                "tries": 0,
                "latency_ms": round((time.perf_counter() - started) * 1000, 3),
            }
        )
        field = STREAMED_FIELD.get(self.artifact_type)
        if on_chunk is not None and field is not None:
            await on_chunk(str(result.data.get(_camel(field), "")))
        return result

    def _stream_factory(self, on_chunk: ChunkSink | None) -> SinkFactory | None:
        field = STREAMED_FIELD.get(self.artifact_type)
        if on_chunk is None or field is None:
            return None
        sink: ChunkSink = on_chunk

        def new_sink() -> TextSink:
            decoder = JsonStringFieldStream(field)

            async def forward(delta: str) -> None:
                text = decoder.feed(delta)
                if text:
                    await sink(text)

            return forward

        return new_sink

    def _result(self, completion: Completion[Draft]) -> AgentResult:
        draft = completion.value
        metadata = ArtifactMetadata(
            word_count=draft.word_count,
            tone=draft.tone,
            keywords=draft.keywords,
            model=completion.model,
            offline=False,
            prompt_version=self.prompt.label,
            tokens_in=completion.tokens_in,
            tokens_out=completion.tokens_out,
            latency_ms=completion.latency_ms,
            tries=completion.tries,
            fallback_used=completion.fallback_used,
            notes=completion.notes + draft.notes,
        )
        return AgentResult(data=draft.data, content=draft.content, metadata=metadata, agent_name=self.name)

    async def _offline(
        self, context: AgentContext, on_chunk: ChunkSink | None, failure: AllModelsFailed, started: float
    ) -> AgentResult:
        log.warning("%s: every model failed, using the offline agent: %s", self.name, failure)
        result = await self.offline.generate(context, on_chunk)
        # The offline writer says "no language model configured"; here one was, and failed.
        others = [note for note in result.metadata.notes if note != NO_MODEL_NOTE]
        result.metadata = result.metadata.model_copy(
            update={
                "fallback_used": True,
                "tries": failure.tries,
                "tokens_in": result.metadata.tokens_in + failure.tokens_in,
                "tokens_out": result.metadata.tokens_out + failure.tokens_out,
                "latency_ms": round((time.perf_counter() - started) * 1000, 3),
                "notes": [fallback_note(failure), *others],
            }
        )
        return result


def fallback_note(failure: AllModelsFailed) -> str:
    """Which models failed, after how many tries, and why, in one line."""
    return "written offline from templates because every configured model failed: " + "; ".join(failure.notes)


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def build_model_agents(
    settings: ModelSettings,
    offline: Mapping[ArtifactType, Agent],
    client_factory: Callable[[], AsyncOpenAI] | None = None,
    cache: SafeCache | None = None,
) -> dict[ArtifactType, Agent]:
    """One model-backed agent per artifact type, each falling back to ``offline[type]``.

    Build once per process and reuse: clients are made per event loop on first use.
    """
    runner = ModelRunner(settings, client_factory)
    shared_cache = cache or build_response_cache(settings)
    return {
        artifact_type: ModelAgent(artifact_type, runner, shared_cache, offline[artifact_type])
        for artifact_type in ROLES
    }
