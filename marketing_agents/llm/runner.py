"""Asking the model chain for one validated structured answer.

For each model of the chain (the role's model, then ``MODEL_FALLBACKS``): send the
request with retries for transient errors (:mod:`.resilience`), validate the reply with
pydantic and the caller's own checks, and if it is invalid ask once more with the error
attached. A model that still fails hands over to the next; when all have failed the
caller gets :class:`AllModelsFailed` and falls back to its offline agent. Tokens of every
request are counted, failed ones included, because they were paid for.
"""

from __future__ import annotations

import asyncio
import logging
import time
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar, cast

from openai import APIStatusError, AsyncOpenAI, BadRequestError
from pydantic import BaseModel, ValidationError

from .client import build_chat_client
from .messages import Message, correction_message, schema_reminder
from .resilience import RetryPolicy, TryCounter, call_with_retries
from .schemas import response_format_for, strict_json_schema
from .settings import AgentRole, ModelSettings, ResponseFormatMode

log = logging.getLogger(__name__)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
TextSink = Callable[[str], Awaitable[None]]
# Called at the start of every streamed request, so each try decodes its own stream.
SinkFactory = Callable[[], TextSink]


class InvalidReply(ValueError):
    """The model answered twice with something that does not validate."""


class AllModelsFailed(RuntimeError):
    def __init__(self, notes: list[str], tries: int, tokens_in: int, tokens_out: int) -> None:
        super().__init__("; ".join(notes) or "no model configured")
        self.notes = notes
        self.tries = tries
        self.tokens_in = tokens_in
        self.tokens_out = tokens_out


@dataclass
class Completion(Generic[T]):
    value: T
    model: str
    tries: int
    tokens_in: int
    tokens_out: int
    latency_ms: float
    fallback_used: bool
    notes: list[str] = field(default_factory=list)


@dataclass
class _Reply:
    text: str
    tokens_in: int = 0
    tokens_out: int = 0


@dataclass
class _Tally:
    counter: TryCounter = field(default_factory=TryCounter)
    tokens_in: int = 0
    tokens_out: int = 0


def describe(error: BaseException) -> str:
    if isinstance(error, APIStatusError):
        return f"HTTP {error.status_code}: {error.message}"[:300]
    return f"{type(error).__name__}: {error}"[:300]


def _mentions_response_format(error: BadRequestError) -> bool:
    text = str(error).lower()
    return "response_format" in text or "json_schema" in text


class ModelRunner:
    """Structured chat completions with retries, validation and a fallback chain."""

    def __init__(self, settings: ModelSettings, client_factory: Callable[[], AsyncOpenAI] | None = None) -> None:
        self.settings = settings
        self._client_factory = client_factory or partial(build_chat_client, settings)
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, AsyncOpenAI] = weakref.WeakKeyDictionary()
        self.policy = RetryPolicy(
            max_tries=settings.max_tries,
            base_seconds=settings.retry_base_seconds,
            max_wait_seconds=settings.retry_max_wait_seconds,
            timeout_seconds=settings.timeout_seconds,
        )
        # Models found to reject json_schema: asked with json_object from then on.
        self._json_object_models: set[str] = set()
        if settings.response_format is ResponseFormatMode.JSON_OBJECT:
            self._json_object_models.update(["*"])

    async def complete_json(self, role: AgentRole, messages: Sequence[Message], output: type[M]) -> Completion[M]:
        """A validated ``output`` from ``role``'s chain; what the LLM judge uses."""
        return await self.complete(self.settings.chain_for(role), messages, output, output.model_validate_json)

    async def complete(
        self,
        chain: Sequence[str],
        messages: Sequence[Message],
        output: type[BaseModel],
        parse: Callable[[str], T],
        on_text: SinkFactory | None = None,
    ) -> Completion[T]:
        """Try each model of ``chain`` in turn; ``parse`` raises ValueError to reject."""
        started = time.perf_counter()
        tally = _Tally()
        notes: list[str] = []
        for index, model in enumerate(chain):
            try:
                value = await self._complete_with(model, messages, output, parse, on_text, tally)
            except Exception as error:  # any failure moves on to the next model
                log.warning("model %s failed: %s", model, describe(error))
                notes.append(f"{model} failed: {describe(error)}")
                continue
            return Completion(
                value=value,
                model=model,
                tries=tally.counter.tries,
                tokens_in=tally.tokens_in,
                tokens_out=tally.tokens_out,
                latency_ms=round((time.perf_counter() - started) * 1000, 3),
                fallback_used=index > 0,
                notes=notes,
            )
        raise AllModelsFailed(notes, tally.counter.tries, tally.tokens_in, tally.tokens_out)

    async def _complete_with(
        self,
        model: str,
        messages: Sequence[Message],
        output: type[BaseModel],
        parse: Callable[[str], T],
        on_text: SinkFactory | None,
        tally: _Tally,
    ) -> T:
        conversation = list(messages)
        for attempt in (1, 2):
            request = partial(self._request, model, conversation, output, on_text)
            reply = await call_with_retries(request, self.policy, tally.counter)
            tally.tokens_in += reply.tokens_in
            tally.tokens_out += reply.tokens_out
            try:
                return parse(reply.text)
            except (ValidationError, ValueError) as error:
                if attempt == 2:
                    raise InvalidReply(f"invalid reply after a correction: {error}") from error
                conversation += [
                    {"role": "assistant", "content": reply.text[:8000]},
                    {"role": "user", "content": correction_message(str(error))},
                ]
        raise AssertionError("unreachable")

    @property
    def client(self) -> AsyncOpenAI:
        """The client of the running event loop: an httpx pool cannot outlive its loop, and
        hosts (devhost, tests, the CLI) may run each activity in a fresh loop."""
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client = self._clients[loop] = self._client_factory()
        return client

    def _uses_json_object(self, model: str) -> bool:
        return "*" in self._json_object_models or model in self._json_object_models

    async def _request(
        self, model: str, messages: list[Message], output: type[BaseModel], on_text: SinkFactory | None
    ) -> _Reply:
        if not self._uses_json_object(model):
            try:
                fmt = response_format_for(output, output.__name__)
                return await self._send(model, messages, fmt, on_text)
            except BadRequestError as error:
                if not _mentions_response_format(error):
                    raise
                log.info("model %s rejects json_schema; using json_object", model)
                self._json_object_models.add(model)
        reminder = {"role": "system", "content": schema_reminder(strict_json_schema(output))}
        return await self._send(model, [*messages, reminder], {"type": "json_object"}, on_text)

    async def _send(
        self, model: str, messages: list[Message], fmt: dict[str, Any], on_text: SinkFactory | None
    ) -> _Reply:
        extra: dict[str, Any] = {}
        if self.settings.temperature is not None:
            extra["temperature"] = self.settings.temperature
        # The SDK's overloads want TypedDict messages; ours are plain dicts of the same shape.
        create = cast(Any, self.client.chat.completions.create)
        if on_text is None:
            response = await create(model=model, messages=messages, response_format=fmt, **extra)
            usage = response.usage
            text = response.choices[0].message.content if response.choices else None
            return _Reply(
                text or "",
                usage.prompt_tokens if usage else 0,
                usage.completion_tokens if usage else 0,
            )
        stream = await create(
            model=model,
            messages=messages,
            response_format=fmt,
            stream=True,
            stream_options={"include_usage": True},
            **extra,
        )
        reply = _Reply("")
        pieces: list[str] = []
        sink = on_text()
        async for chunk in stream:
            if chunk.usage is not None:
                reply.tokens_in = chunk.usage.prompt_tokens
                reply.tokens_out = chunk.usage.completion_tokens
            for choice in chunk.choices:
                if choice.delta.content:
                    pieces.append(choice.delta.content)
                    await sink(choice.delta.content)
        reply.text = "".join(pieces)
        return reply
