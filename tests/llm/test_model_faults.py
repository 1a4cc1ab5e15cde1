"""What a retry can survive: each fault of the fake OpenAI-compatible server, through the
real ``openai`` SDK, and the schema edge cases a structured-output model may produce."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from marketing_agents.agents.registry import offline_agents
from marketing_agents.compliance.judge import JudgeVerdict
from marketing_agents.llm import AgentRole, ModelRunner, build_model_agents
from marketing_agents.llm.judge import build_model_judge
from marketing_agents.llm.metering import metering
from marketing_agents.models import ArtifactType, CopyData, ShortCopyData, VisualData

from .conftest import LONG_BODY, context_for, copy_reply, fresh_cache, model_settings
from .fake_openai import FakeOpenAI, Reply, error
from .schema_answers import schema_responder


def copy_agent(fake: FakeOpenAI, **overrides: str):  # type: ignore[no-untyped-def]
    return build_model_agents(model_settings(fake, **overrides), offline_agents(), cache=fresh_cache())[
        ArtifactType.COPY
    ]


def write_copy(agent: Any) -> tuple[Any, list[str]]:
    chunks: list[str] = []

    async def sink(text: str) -> None:
        chunks.append(text)

    return asyncio.run(agent.generate(context_for(ArtifactType.COPY), sink)), chunks


@pytest.mark.parametrize(
    "fault",
    [
        Reply(copy_reply(), malformed_after=5),
        Reply(copy_reply(), error_event_after=5),
        Reply(copy_reply(), cut_after=5, cut="clean"),
        Reply(copy_reply(), cut_after=5, cut="drop"),
    ],
    ids=["malformed-chunk", "error-event", "ended-without-finish-reason", "connection-dropped"],
)
def test_a_broken_stream_is_retried_as_a_connection_failure(fake: FakeOpenAI, fault: Reply) -> None:
    fake.script("primary", fault)
    result, chunks = write_copy(copy_agent(fake))
    meta = result.metadata
    assert (meta.model, meta.offline, meta.tries, meta.fallback_used) == ("primary", False, 2, False)
    assert CopyData.model_validate(result.data).body_long == LONG_BODY
    first, second = fake.chat_requests()
    # Asked again as it was, not sent back to the model as a bad answer to correct.
    assert second["messages"] == first["messages"]
    assert "".join(chunks).endswith(LONG_BODY)  # the retry streamed the whole body


def test_a_stall_between_chunks_is_a_read_timeout_and_retried(fake: FakeOpenAI) -> None:
    # Total timeout 30 s, silence allowed 0.3 s: the stalled stream is dropped, not waited out.
    fake.script("primary", Reply(copy_reply(), stall_after=3, stall_seconds=20))
    agent = copy_agent(fake, MODEL_TIMEOUT_SECONDS="30", MODEL_READ_TIMEOUT_SECONDS="0.3")
    result, _ = write_copy(agent)
    assert (result.metadata.model, result.metadata.tries, result.metadata.offline) == ("primary", 2, False)


def test_a_reply_cut_at_the_token_limit_is_asked_again_with_more_room(fake: FakeOpenAI) -> None:
    fake.script("primary", Reply(copy_reply(), finish_reason="length"))
    result, _ = write_copy(copy_agent(fake, MODEL_MAX_OUTPUT_TOKENS="1000"))
    assert (result.metadata.model, result.metadata.tries) == ("primary", 2)
    assert [body["max_tokens"] for body in fake.chat_requests()] == [1000, 2000]
    assert result.metadata.tokens_in == 240  # the cut reply was paid for too


def test_a_reply_cut_twice_is_reported_clearly(fake: FakeOpenAI) -> None:
    fake.script("primary", *[Reply(copy_reply(), finish_reason="length")] * 2)
    fake.script("backup", *[Reply(copy_reply(), finish_reason="length")] * 2)
    result, _ = write_copy(copy_agent(fake, MODEL_MAX_OUTPUT_TOKENS="1000"))
    note = result.metadata.notes[0]
    assert result.metadata.offline and note.startswith("written offline from templates because every")
    assert "primary failed after 2 tries: ReplyCutOff: the reply was cut off at the limit of 2000" in note
    assert "MODEL_MAX_OUTPUT_TOKENS" in note


def test_a_non_streamed_reply_cut_off_is_retried_too(fake: FakeOpenAI) -> None:
    fake.responder = None
    from .conftest import visual_reply

    fake.script("primary", Reply(visual_reply(), finish_reason="length"), Reply(visual_reply()))
    agents = build_model_agents(model_settings(fake), offline_agents(), cache=fresh_cache())
    result = asyncio.run(agents[ArtifactType.VISUAL].generate(context_for(ArtifactType.VISUAL)))
    assert (result.metadata.model, result.metadata.tries) == ("primary", 2)


def test_the_fallback_note_says_which_model_failed_how_often_and_why(fake: FakeOpenAI) -> None:
    fake.script("primary", *[error(429, retry_after="0.2", message="Requests per minute exceeded")] * 3)
    fake.script("backup", error(401, message="Incorrect API key provided"))
    # Patience for about two waits of 0.2 s: the third 429 is one too many.
    agent = copy_agent(fake, MODEL_RATE_LIMIT_PATIENCE_SECONDS="0.5")
    result, _ = write_copy(agent)
    meta = result.metadata
    assert meta.offline and meta.fallback_used and meta.model == "offline"
    assert meta.notes[0].startswith("written offline from templates because every configured model failed: ")
    assert "backup failed after 1 try: HTTP 401: Incorrect API key provided" in meta.notes[0]
    assert "primary failed after 3 tries: HTTP 429: Requests per minute exceeded" in meta.notes[0]
    assert not any("no language model configured" in note for note in meta.notes)
    assert meta.tries == len(fake.chat_requests())


PLATFORM_SETS = [["X"], ["X", "Instagram"], ["LinkedIn", "Facebook", "Threads", "Instagram", "X"]]


@pytest.mark.parametrize("mode", ["minimal", "maximal"])
@pytest.mark.parametrize("platforms", PLATFORM_SETS, ids=lambda p: "+".join(p))
def test_any_answer_the_schema_allows_is_accepted(fake: FakeOpenAI, mode: str, platforms: list[str]) -> None:
    """A structured-output model may answer anything its schema allows: the least (one
    post, an empty string) or the most. Validation must accept every such answer, so
    the schema must carry every constraint validation enforces."""
    fake.responder = schema_responder(mode)  # type: ignore[arg-type]
    agents = build_model_agents(model_settings(fake), offline_agents(), cache=fresh_cache())

    async def run() -> dict[ArtifactType, Any]:
        return {t: await agents[t].generate(context_for(t, platforms=platforms)) for t in ArtifactType}

    results = asyncio.run(run())
    for result in results.values():
        assert (result.metadata.model, result.metadata.tries, result.metadata.offline) == ("primary", 1, False)
    short = ShortCopyData.model_validate(results[ArtifactType.SHORT_COPY].data)
    for platform in platforms:
        assert sum(post.platform.value == platform for post in short.posts) >= 3
    visual = VisualData.model_validate(results[ArtifactType.VISUAL].data)
    assert 0 <= visual.chosen_index < len(visual.concepts) and len(visual.concepts) >= 2
    CopyData.model_validate(results[ArtifactType.COPY].data)


@pytest.mark.parametrize("mode", ["minimal", "maximal"])
def test_any_verdict_the_judge_schema_allows_is_accepted(fake: FakeOpenAI, mode: str) -> None:
    fake.responder = schema_responder(mode)  # type: ignore[arg-type]
    runner = ModelRunner(model_settings(fake))
    messages = [{"role": "system", "content": "judge"}, {"role": "user", "content": "text"}]
    completion = asyncio.run(runner.complete_json(AgentRole.JUDGE, messages, JudgeVerdict))
    assert completion.tries == 1 and isinstance(completion.value, JudgeVerdict)


def test_the_schema_sent_says_three_posts_per_requested_platform(fake: FakeOpenAI) -> None:
    agents = build_model_agents(model_settings(fake), offline_agents(), cache=fresh_cache())
    asyncio.run(agents[ArtifactType.SHORT_COPY].generate(context_for(ArtifactType.SHORT_COPY, platforms=["Threads"])))
    schema = fake.requests[0]["response_format"]["json_schema"]["schema"]
    posts = schema["$defs"]["ShortCopyPosts"]
    assert posts["required"] == ["Threads"] and posts["properties"]["Threads"]["minItems"] == 3
    text = schema["$defs"]["ShortPostDraft"]["properties"]["text"]
    assert "minLength" not in text and text["pattern"].startswith("^\\S")


def test_the_judge_s_requests_are_metered(fake: FakeOpenAI) -> None:
    fake.script("judge", error(503), Reply(json.dumps({"findings": [], "checkedConstraints": []})))
    judge = build_model_judge(model_settings(fake, MODEL_JUDGE="judge"))
    from marketing_agents.compliance.judge import JudgeRequest, JudgeText
    from marketing_agents.models import CampaignBrief

    from .conftest import BRIEF

    request = JudgeRequest(
        brief=CampaignBrief(**BRIEF),
        texts=[JudgeText(artifact_type=ArtifactType.COPY, field="bodyLong", text="text")],
        constraints=[],
    )

    async def run() -> Any:
        with metering() as meter:
            await judge.review(request)
        return meter

    meter = asyncio.run(run())
    # Both requests, the failed one included; the 503 reported no usage.
    assert (meter.calls, meter.tokens_in, meter.tokens_out) == (2, 120, 80)
    usage = meter.usage()
    assert (usage.llm_calls, usage.tokens_in, usage.cache_hits) == (2, 120, 0) and usage.elapsed_ms > 0
