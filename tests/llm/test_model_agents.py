"""The model-backed agents through the real openai SDK against a local fake server."""

from __future__ import annotations

import asyncio
import json
import time

from marketing_agents.agents.registry import offline_agents
from marketing_agents.llm import build_model_agents
from marketing_agents.models import ArtifactType, CopyData, ShortCopyData, VisualData
from marketing_agents.platforms import x_weighted_length
from marketing_agents.prompts import load_prompt

from .conftest import LONG_BODY, context_for, copy_reply, fresh_cache, model_settings
from .fake_openai import FakeOpenAI, Reply, error


def agents_for(fake: FakeOpenAI, **overrides: str):  # type: ignore[no-untyped-def]
    return build_model_agents(model_settings(fake, **overrides), offline_agents(), cache=fresh_cache())


def test_each_agent_writes_a_valid_artifact(fake: FakeOpenAI) -> None:
    agents = agents_for(fake)

    async def run() -> dict[ArtifactType, object]:
        return {t: await agents[t].generate(context_for(t)) for t in ArtifactType}

    results = asyncio.run(run())
    copy = CopyData.model_validate(results[ArtifactType.COPY].data)  # type: ignore[attr-defined]
    assert copy.body_long == LONG_BODY
    short = ShortCopyData.model_validate(results[ArtifactType.SHORT_COPY].data)  # type: ignore[attr-defined]
    assert [p.platform.value for p in short.posts] == ["X"] * 3 + ["Instagram"] * 3
    x_post = short.posts[0]
    # Measured by the code the platform's way (URL = 23, emoji = 2), not len() nor the model.
    assert x_post.character_count == x_weighted_length(x_post.text) != len(x_post.text)
    assert x_post.hashtags == ["#EcoBottle"] and not x_post.over_limit
    visual = VisualData.model_validate(results[ArtifactType.VISUAL].data)  # type: ignore[attr-defined]
    assert visual.chosen_index == 0 and visual.concepts[0].headline == "Refill the summer"
    for result in results.values():
        meta = result.metadata  # type: ignore[attr-defined]
        assert (meta.model, meta.offline, meta.tries, meta.fallback_used, meta.cached) == (
            "primary",
            False,
            1,
            False,
            False,
        )
        assert (meta.tokens_in, meta.tokens_out) == (120, 80) and meta.latency_ms > 0
        assert meta.prompt_version == load_prompt(meta.prompt_version.split("/")[0]).label
    first = fake.requests[0]
    assert first["response_format"]["type"] == "json_schema"
    schema = first["response_format"]["json_schema"]["schema"]
    assert schema["additionalProperties"] is False and "body_long" in schema["required"]


def test_copy_streams_the_long_body_while_writing(fake: FakeOpenAI) -> None:
    agent = agents_for(fake)[ArtifactType.COPY]
    chunks: list[str] = []

    async def sink(text: str) -> None:
        chunks.append(text)

    result = asyncio.run(agent.generate(context_for(ArtifactType.COPY), sink))
    assert len(chunks) > 5
    assert "".join(chunks) == result.data["bodyLong"] == LONG_BODY
    assert fake.requests[0]["stream"] is True
    assert result.metadata.tokens_in == 120  # usage read from the stream's last chunk


def test_rate_limit_honours_retry_after_then_succeeds(fake: FakeOpenAI) -> None:
    fake.script("primary", error(429, retry_after="1"))
    agent = agents_for(fake)[ArtifactType.VISUAL]
    started = time.monotonic()
    result = asyncio.run(agent.generate(context_for(ArtifactType.VISUAL)))
    assert time.monotonic() - started >= 0.95
    assert (result.metadata.model, result.metadata.tries, result.metadata.fallback_used) == ("primary", 2, False)


def test_server_errors_move_to_the_fallback_model(fake: FakeOpenAI) -> None:
    fake.script("primary", *[error(500)] * 5)
    agent = agents_for(fake)[ArtifactType.VISUAL]
    result = asyncio.run(agent.generate(context_for(ArtifactType.VISUAL)))
    assert fake.models_called() == ["primary"] * 5 + ["backup"]
    assert (result.metadata.model, result.metadata.tries, result.metadata.fallback_used) == ("backup", 6, True)
    assert "primary failed after 5 tries: HTTP 500: scripted error" in result.metadata.notes


def test_client_errors_are_not_retried(fake: FakeOpenAI) -> None:
    fake.script("primary", error(401, message="bad key"))
    result = asyncio.run(agents_for(fake)[ArtifactType.VISUAL].generate(context_for(ArtifactType.VISUAL)))
    assert fake.models_called() == ["primary", "backup"] and result.metadata.model == "backup"


def test_a_slow_reply_times_out_and_is_retried(fake: FakeOpenAI) -> None:
    fake.script("primary", Reply(copy_reply(), delay=1.0))
    agent = agents_for(fake, MODEL_TIMEOUT_SECONDS="0.3")[ArtifactType.COPY]
    result = asyncio.run(agent.generate(context_for(ArtifactType.COPY)))
    assert (result.metadata.model, result.metadata.tries) == ("primary", 2)


def test_invalid_json_is_retried_once_with_the_error(fake: FakeOpenAI) -> None:
    fake.script("primary", Reply('{"headlines": ["only one"'))
    result = asyncio.run(agents_for(fake)[ArtifactType.COPY].generate(context_for(ArtifactType.COPY)))
    assert (result.metadata.model, result.metadata.tries) == ("primary", 2)
    correction = fake.requests[1]["messages"]
    assert correction[-2] == {"role": "assistant", "content": '{"headlines": ["only one"'}
    assert "rejected" in correction[-1]["content"] and "JSON" in correction[-1]["content"]
    assert result.metadata.tokens_in == 240  # both requests were paid for


def test_an_answer_that_stays_invalid_counts_as_a_failure(fake: FakeOpenAI) -> None:
    too_few = json.dumps({"posts": {"X": [{"text": "one post"}], "Instagram": []}})
    fake.script("primary", Reply(too_few), Reply(too_few))
    agent = agents_for(fake)[ArtifactType.SHORT_COPY]
    result = asyncio.run(agent.generate(context_for(ArtifactType.SHORT_COPY)))
    correction = fake.requests[1]["messages"][-1]["content"]
    assert "posts.X" in correction and "posts.Instagram" in correction and "at least 3" in correction
    assert (result.metadata.model, result.metadata.fallback_used) == ("backup", True)


def test_total_failure_falls_back_to_the_offline_agent(fake: FakeOpenAI) -> None:
    fake.script("primary", *[error(503)] * 2)
    fake.script("backup", *[error(502)] * 2)
    agent = agents_for(fake, MODEL_MAX_TRIES="2")[ArtifactType.COPY]
    chunks: list[str] = []

    async def sink(text: str) -> None:
        chunks.append(text)

    result = asyncio.run(agent.generate(context_for(ArtifactType.COPY), sink))
    copy = CopyData.model_validate(result.data)  # the real offline copywriter wrote it
    assert result.agent_name == "offline-copywriter" and "".join(chunks) == copy.body_long
    meta = result.metadata
    assert (meta.model, meta.offline, meta.fallback_used, meta.tries) == ("offline", True, True, 4)
    assert meta.notes[0] == (
        "written offline from templates because every configured model failed: "
        "primary failed after 2 tries: HTTP 503: scripted error; backup failed after 2 tries: HTTP 502: scripted error"
    )
    assert not any("no language model configured" in note for note in meta.notes)
    again = asyncio.run(agent.generate(context_for(ArtifactType.COPY)))
    assert not again.metadata.cached  # offline fallbacks are never cached


def test_servers_without_structured_outputs_get_json_object(fake: FakeOpenAI) -> None:
    fake.reject_json_schema = True
    result = asyncio.run(agents_for(fake)[ArtifactType.VISUAL].generate(context_for(ArtifactType.VISUAL)))
    assert result.metadata.model == "primary"
    retry = fake.requests[-1]
    assert retry["response_format"] == {"type": "json_object"}
    assert "JSON schema" in retry["messages"][-1]["content"]


def test_cache_hit_on_identical_context_miss_on_change(fake: FakeOpenAI) -> None:
    agent = agents_for(fake)[ArtifactType.COPY]
    chunks: list[str] = []

    async def sink(text: str) -> None:
        chunks.append(text)

    async def run() -> tuple[object, object, object]:
        first = await agent.generate(context_for(ArtifactType.COPY))
        second = await agent.generate(context_for(ArtifactType.COPY), sink)
        changed = await agent.generate(context_for(ArtifactType.COPY, tone="Playful"))
        return first, second, changed

    first, second, changed = asyncio.run(run())
    assert len(fake.requests) == 2  # the hit cost no model call
    assert second.metadata.cached and not first.metadata.cached and not changed.metadata.cached  # type: ignore[attr-defined]
    assert second.data == first.data and second.metadata.tokens_in == 0  # type: ignore[attr-defined]
    assert "".join(chunks) == LONG_BODY  # a hit still streams the body to watchers


def test_cache_key_covers_the_model(fake: FakeOpenAI) -> None:
    cache = fresh_cache()
    settings_a = model_settings(fake)
    settings_b = model_settings(fake, MODEL_COPYWRITER="other")
    for settings in (settings_a, settings_b):
        agent = build_model_agents(settings, offline_agents(), cache=cache)[ArtifactType.COPY]
        asyncio.run(agent.generate(context_for(ArtifactType.COPY)))
    assert fake.models_called() == ["primary", "other"]


def test_the_judge_gets_validated_answers_through_the_same_runner(fake: FakeOpenAI) -> None:
    from pydantic import BaseModel

    from marketing_agents.llm import AgentRole, ModelRunner

    class Verdict(BaseModel):
        verdict: str
        score: int

    settings = model_settings(fake, MODEL_JUDGE="judge")
    runner = ModelRunner(settings)
    messages = [{"role": "system", "content": "judge"}, {"role": "user", "content": "text"}]
    completion = asyncio.run(runner.complete_json(AgentRole.JUDGE, messages, Verdict))
    assert completion.value == Verdict(verdict="ok", score=90)
    assert (completion.model, completion.tokens_in) == ("judge", 120)


def test_agents_built_once_work_across_event_loops(fake: FakeOpenAI) -> None:
    agent = agents_for(fake)[ArtifactType.VISUAL]
    first = asyncio.run(agent.generate(context_for(ArtifactType.VISUAL)))
    second = asyncio.run(agent.generate(context_for(ArtifactType.VISUAL, tone="Calm")))
    assert first.metadata.model == second.metadata.model == "primary"
