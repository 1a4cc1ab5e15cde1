"""The per-deployment limiter: one per process, shared by the agents and the judge, so
that under a quota the app slows down instead of failing."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from pydantic import BaseModel

from marketing_agents.agents.registry import offline_agents
from marketing_agents.llm import AgentRole, ModelRunner, build_model_agents
from marketing_agents.llm.judge import build_model_judge
from marketing_agents.llm.limiter import DeploymentLimiter, Limits, _Bucket
from marketing_agents.models import ArtifactType

from .conftest import context_for, fresh_cache, model_settings, valid_reply
from .fake_openai import FakeOpenAI, Reply, RequestQuota

JUDGE_MESSAGES = [{"role": "system", "content": "judge"}, {"role": "user", "content": "text"}]


def campaigns_worth_of_calls(fake: FakeOpenAI, campaigns: int, **overrides: str) -> list[Any]:
    """Three agents and the judge of one process, ``campaigns`` times over, all at once."""
    settings = model_settings(fake, **overrides)
    agents = build_model_agents(settings, offline_agents(), cache=fresh_cache())
    judge_runner = ModelRunner(settings)  # a runner of its own, as the app builds it

    async def run() -> list[Any]:
        calls = []
        for n in range(campaigns):
            for artifact_type in ArtifactType:
                calls.append(agents[artifact_type].generate(context_for(artifact_type, tone=f"Tone {n}")))
            calls.append(judge_runner.complete_json(AgentRole.JUDGE, JUDGE_MESSAGES, _Verdict))
        return await asyncio.gather(*calls)

    return asyncio.run(run())


class _Verdict(BaseModel):
    verdict: str
    score: int


def test_one_limiter_per_deployment_shared_by_agents_and_judge(fake: FakeOpenAI) -> None:
    settings = model_settings(fake)
    agent_runner = build_model_agents(settings, offline_agents())[ArtifactType.COPY].runner  # type: ignore[attr-defined]
    judge_runner = build_model_judge(settings).runner
    assert agent_runner is not judge_runner
    assert agent_runner.limiter("primary") is judge_runner.limiter("primary")
    assert agent_runner.limiter("primary") is not agent_runner.limiter("backup")


def test_concurrency_is_capped_across_agents_and_judge(fake: FakeOpenAI) -> None:
    def slow(body: dict[str, Any]) -> Reply:
        reply = valid_reply(body)
        reply.delay = 0.1
        return reply

    fake.responder = slow
    results = campaigns_worth_of_calls(fake, 2, MODEL_MAX_CONCURRENCY="2")
    assert len(fake.chat_requests()) == 8 and all(not getattr(r, "metadata", r).fallback_used for r in results)
    assert fake.max_in_flight == 2


def test_the_limit_holds_across_event_loops_and_threads(fake: FakeOpenAI) -> None:
    def slow(body: dict[str, Any]) -> Reply:
        reply = valid_reply(body)
        reply.delay = 0.05
        return reply

    fake.responder = slow
    settings = model_settings(fake, MODEL_MAX_CONCURRENCY="1")

    def worker() -> None:
        runner = ModelRunner(settings)

        async def three() -> None:
            await asyncio.gather(*[runner.complete_json(AgentRole.JUDGE, JUDGE_MESSAGES, _Verdict) for _ in range(3)])

        asyncio.run(three())

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(fake.chat_requests()) == 6 and fake.max_in_flight == 1


def test_under_an_unknown_quota_the_app_slows_down_instead_of_failing(fake: FakeOpenAI) -> None:
    # No rate configured: the 429s themselves (Retry-After, shared back-off) pace the calls.
    fake.quota = RequestQuota(limit=3, window_seconds=0.5)
    results = campaigns_worth_of_calls(fake, 3)
    metadata = [r.metadata for r in results if hasattr(r, "metadata")]
    assert len(metadata) == 9 and all(m.model == "primary" and not m.fallback_used for m in metadata)
    assert fake.quota.rejected > 0  # the quota was really hit


def test_a_configured_rate_keeps_the_calls_under_the_quota(fake: FakeOpenAI) -> None:
    fake.quota = RequestQuota(limit=10, window_seconds=1.0)
    results = campaigns_worth_of_calls(fake, 3, MODEL_REQUESTS_PER_MINUTE="240")
    assert all(getattr(r, "metadata", None) is None or r.metadata.model == "primary" for r in results)
    assert fake.quota.rejected == 0 and len(fake.chat_requests()) == 12


def test_token_bucket_estimates_then_corrects_with_reported_usage() -> None:
    bucket = _Bucket(per_minute=600, burst_seconds=1.0, now=0.0)  # 10 tokens a second
    assert bucket.delay(10, now=0.0) == 0.0
    bucket.take(10)
    assert bucket.delay(5, now=0.0) == 0.5
    bucket.give_back(8)  # estimated 10, the server reported 2
    assert bucket.delay(8, now=0.0) == 0.0
    bucket.take(50)  # larger than the bucket: allowed when full, leaves a debt
    assert bucket.delay(1, now=0.0) == (1 - (8 - 50)) / 10


def test_a_cancelled_waiter_leaves_the_queue() -> None:
    limiter = DeploymentLimiter("test", Limits(max_concurrency=1))

    async def run() -> None:
        held = await limiter.acquire(10)
        waiting = asyncio.create_task(limiter.acquire(10))
        await asyncio.sleep(0.01)
        waiting.cancel()
        limiter.release(held, used_tokens=10)
        permit = await asyncio.wait_for(limiter.acquire(10), timeout=5)  # liveness, not speed
        assert limiter.in_flight == 1
        limiter.release(permit)

    asyncio.run(run())
