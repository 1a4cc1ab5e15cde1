"""Asking the model chain for one validated structured answer.

For each model of the chain (the role's model, then ``MODEL_FALLBACKS``): send the
request with retries for transient errors (:mod:`.resilience`) through the deployment's
shared limiter (:mod:`.limiter`), check how the reply ended (a stream must end with a
finish reason; ``length`` is asked again once with twice the room, then reported),
validate it with pydantic and the caller's own checks, and if it is invalid ask once
more with the error attached. A model that still fails hands over to the next; when all
have failed the caller gets :class:`AllModelsFailed`, which says which models failed,
after how many tries and why, and falls back to its offline agent. Tokens of every
request are counted, failed ones included, because they were paid for, and every request
is recorded in the open :mod:`.metering` meter.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar, cast

from openai import APIConnectionError, APIError, APIStatusError, AsyncOpenAI, BadRequestError, Timeout
from pydantic import BaseModel, ValidationError

from .client import build_chat_client
from .limiter import DeploymentLimiter, Limits, estimate_tokens, limiter_for
from .messages import Message, correction_message, schema_reminder
from .metering import record_request
from .resilience import (
    BrokenStream,
    ReplyCutOff,
    ReplyRefused,
    RetryPolicy,
    call_with_retries,
    is_rate_limit,
    retry_after_seconds,
)
from .schemas import response_format_for, strict_json_schema
from .settings import AgentRole, ModelSettings, ResponseFormatMode

log = logging.getLogger(__name__)

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
TextSink = Callable[[str], Awaitable[None]]
# Called at the start of every streamed request, so each try decodes its own stream.
SinkFactory = Callable[[], TextSink]
REASON_CHARS = 240


class InvalidReply(ValueError):
    """The model answered twice with something that does not validate."""


@dataclass(frozen=True)
class ModelFailure:
    """Why one model of the chain gave up: short, no secrets, no stack trace."""

    model: str
    tries: int
    reason: str

    def note(self) -> str:
        return f"{self.model} failed after {self.tries} {'try' if self.tries == 1 else 'tries'}: {self.reason}"


class AllModelsFailed(RuntimeError):
    def __init__(self, failures: list[ModelFailure], tries: int, tokens_in: int, tokens_out: int) -> None:
        self.failures = failures
        self.notes = [failure.note() for failure in failures]
        super().__init__("; ".join(self.notes) or "no model configured")
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
    usage_reported: bool = False
    finish_reason: str | None = None
    refusal: str | None = None


@dataclass
class _Tally:
    tries: int = 0
    tokens_in: int = 0
    tokens_out: int = 0


def describe(error: BaseException) -> str:
    """One line about a failure, fit for an artifact's notes."""
    if isinstance(error, APIStatusError):
        body = error.body
        message = body.get("message") if isinstance(body, dict) else None
        text = f"HTTP {error.status_code}: {message if isinstance(message, str) else error.message}"
    elif isinstance(error, (TimeoutError, asyncio.TimeoutError)) and not str(error):
        text = "TimeoutError: no complete reply within MODEL_TIMEOUT_SECONDS"
    else:
        text = f"{type(error).__name__}: {error}"
    text = " ".join(text.split())
    return text if len(text) <= REASON_CHARS else text[: REASON_CHARS - 1] + "…"


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
            rate_limit_patience_seconds=settings.rate_limit_patience_seconds,
        )
        self.limits = Limits(
            max_concurrency=settings.max_concurrency,
            requests_per_minute=settings.requests_per_minute,
            tokens_per_minute=settings.tokens_per_minute,
        )
        # Models found to reject json_schema: asked with json_object from then on.
        self._json_object_models: set[str] = set()
        if settings.response_format is ResponseFormatMode.JSON_OBJECT:
            self._json_object_models.update(["*"])

    def limiter(self, model: str) -> DeploymentLimiter:
        """The process-wide limiter of ``model``'s deployment, shared with every other runner."""
        return limiter_for(self.settings.endpoint, model, self.limits)

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
        failures: list[ModelFailure] = []
        for index, model in enumerate(chain):
            tries_before = tally.tries
            try:
                value = await self._complete_with(model, messages, output, parse, on_text, tally)
            except Exception as error:  # any failure moves on to the next model
                failure = ModelFailure(model, tally.tries - tries_before, describe(error))
                log.warning("model %s failed after %d tries: %s", model, failure.tries, failure.reason)
                failures.append(failure)
                continue
            return Completion(
                value=value,
                model=model,
                tries=tally.tries,
                tokens_in=tally.tokens_in,
                tokens_out=tally.tokens_out,
                latency_ms=round((time.perf_counter() - started) * 1000, 3),
                fallback_used=index > 0,
                notes=[failure.note() for failure in failures],
            )
        raise AllModelsFailed(failures, tally.tries, tally.tokens_in, tally.tokens_out)

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
        max_tokens = self.settings.max_output_tokens
        corrected = widened = False
        while True:
            request = partial(self._request, model, conversation, output, on_text, max_tokens, tally)
            try:
                reply = await call_with_retries(request, self.policy, timeout_each_try=False)
            except ReplyCutOff:
                if widened:
                    raise
                widened, max_tokens = True, max_tokens * 2  # the answer did not fit: give it room
                continue
            try:
                return parse(reply.text)
            except (ValidationError, ValueError) as error:
                if corrected:
                    raise InvalidReply(f"invalid reply after a correction: {error}") from error
                corrected = True
                conversation += [
                    {"role": "assistant", "content": reply.text[:8000]},
                    {"role": "user", "content": correction_message(str(error))},
                ]

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
        self,
        model: str,
        messages: list[Message],
        output: type[BaseModel],
        on_text: SinkFactory | None,
        max_tokens: int,
        tally: _Tally,
    ) -> _Reply:
        if not self._uses_json_object(model):
            try:
                fmt = response_format_for(output, output.__name__)
                return await self._send(model, messages, fmt, on_text, max_tokens, tally)
            except BadRequestError as error:
                if not _mentions_response_format(error):
                    raise
                log.info("model %s rejects json_schema; using json_object", model)
                self._json_object_models.add(model)
        reminder = {"role": "system", "content": schema_reminder(strict_json_schema(output))}
        return await self._send(model, [*messages, reminder], {"type": "json_object"}, on_text, max_tokens, tally)

    async def _send(
        self,
        model: str,
        messages: list[Message],
        fmt: dict[str, Any],
        on_text: SinkFactory | None,
        max_tokens: int,
        tally: _Tally,
    ) -> _Reply:
        """One request: wait for the deployment's limiter, send within the total timeout,
        count it, and check how the reply ended."""
        limiter = self.limiter(model)
        permit = await limiter.acquire(estimate_tokens(messages, max_tokens))
        tally.tries += 1
        started = time.perf_counter()
        reply: _Reply | None = None
        rate_limited_for: float | None = None
        try:
            async with asyncio.timeout(self.settings.timeout_seconds):
                if on_text is None:
                    reply = await self._plain(model, messages, fmt, max_tokens)
                else:
                    reply = await self._streamed(model, messages, fmt, max_tokens, on_text)
        except APIStatusError as error:
            if is_rate_limit(error):
                rate_limited_for = retry_after_seconds(error) or self.policy.base_seconds
            raise
        finally:
            used = reply.tokens_in + reply.tokens_out if reply is not None and reply.usage_reported else None
            limiter.release(permit, used, rate_limited_for)
            elapsed_ms = (time.perf_counter() - started) * 1000
            record_request(reply.tokens_in if reply else 0, reply.tokens_out if reply else 0, elapsed_ms)
        assert reply is not None  # the try block either set it or raised
        tally.tokens_in += reply.tokens_in
        tally.tokens_out += reply.tokens_out
        if reply.finish_reason == "length":
            raise ReplyCutOff(max_tokens, reply.tokens_in, reply.tokens_out)
        if reply.finish_reason == "content_filter" or reply.refusal:
            raise ReplyRefused(reply.refusal or "the content filter stopped the reply (finish_reason=content_filter)")
        return reply

    def _extra(self, max_tokens: int) -> dict[str, Any]:
        extra: dict[str, Any] = {"max_tokens": max_tokens}
        if self.settings.temperature is not None:
            extra["temperature"] = self.settings.temperature
        return extra

    async def _plain(self, model: str, messages: list[Message], fmt: dict[str, Any], max_tokens: int) -> _Reply:
        # The SDK's overloads want TypedDict messages; ours are plain dicts of the same shape.
        create = cast(Any, self.client.chat.completions.create)
        response = await create(model=model, messages=messages, response_format=fmt, **self._extra(max_tokens))
        usage = response.usage
        reply = _Reply("", usage_reported=usage is not None)
        if usage is not None:
            reply.tokens_in, reply.tokens_out = usage.prompt_tokens, usage.completion_tokens
        if response.choices:
            choice = response.choices[0]
            reply.text = choice.message.content or ""
            reply.finish_reason = choice.finish_reason
            reply.refusal = getattr(choice.message, "refusal", None)
        return reply

    async def _streamed(
        self, model: str, messages: list[Message], fmt: dict[str, Any], max_tokens: int, on_text: SinkFactory
    ) -> _Reply:
        """A streamed reply; a silence longer than MODEL_READ_TIMEOUT_SECONDS between two
        chunks is a timeout (the SDK raises APITimeoutError), and a stream that breaks is
        :class:`BrokenStream`: both are retried."""
        create = cast(Any, self.client.chat.completions.create)
        stream = await create(
            model=model,
            messages=messages,
            response_format=fmt,
            stream=True,
            stream_options={"include_usage": True},
            timeout=Timeout(self.settings.timeout_seconds, read=self.settings.read_timeout_seconds),
            **self._extra(max_tokens),
        )
        reply = _Reply("")
        pieces: list[str] = []
        sink = on_text()
        try:
            async with stream:
                async for chunk in stream:
                    if chunk.usage is not None:
                        reply.usage_reported = True
                        reply.tokens_in = chunk.usage.prompt_tokens
                        reply.tokens_out = chunk.usage.completion_tokens
                    for choice in chunk.choices:
                        delta = choice.delta
                        if delta is not None and delta.content:
                            pieces.append(delta.content)
                            await sink(delta.content)
                        if delta is not None and getattr(delta, "refusal", None):
                            reply.refusal = (reply.refusal or "") + str(delta.refusal)
                        if choice.finish_reason:
                            reply.finish_reason = choice.finish_reason
        except json.JSONDecodeError as error:
            raise BrokenStream(f"a streamed chunk was not valid JSON ({error.msg})") from error
        except APIError as error:
            if isinstance(error, (APIStatusError, APIConnectionError)):
                raise
            raise BrokenStream(f"the server sent an error in the stream: {error.message}") from error
        if reply.finish_reason is None:
            raise BrokenStream("the stream ended without a finish reason (connection cut short)")
        reply.text = "".join(pieces)
        return reply
