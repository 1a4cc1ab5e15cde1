"""Model calls under a requests-per-minute quota: the per-deployment limiter off and on.

The project's fake OpenAI-compatible server (tests/llm/fake_openai.py) enforces a quota
scaled down from a minute to a short window, answering 429 with Retry-After like Azure
OpenAI. In one process, the three writing agents and the LLM judge run K campaigns'
worth of calls at once, through the real ``openai`` SDK, with

- ``unpaced``: no rate configured and a concurrency cap too high to matter, so only
  the 429s (Retry-After with jitter, the shared back-off) pace the calls;
- ``paced``: ``MODEL_REQUESTS_PER_MINUTE`` set a little under the quota.

Prints requests made, 429s, calls that fell back to the offline writers (or, for the
judge, failed), and the elapsed time.

    .venv/bin/python bench/model_quota.py [--campaigns 10] [--limit 6] [--window 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pydantic import BaseModel  # noqa: E402

from marketing_agents.agents.registry import offline_agents  # noqa: E402
from marketing_agents.llm import AgentRole, AllModelsFailed, ModelRunner, build_model_agents  # noqa: E402
from marketing_agents.models import ArtifactType  # noqa: E402
from tests.llm.conftest import context_for, fresh_cache, model_settings, valid_reply  # noqa: E402
from tests.llm.fake_openai import FakeOpenAI, RequestQuota, RunningServer  # noqa: E402


class Verdict(BaseModel):
    verdict: str
    score: int


JUDGE = [{"role": "system", "content": "judge"}, {"role": "user", "content": "review"}]


def run(mode: str, campaigns: int, limit: int, window: float) -> dict[str, Any]:
    fake = FakeOpenAI()
    fake.responder = valid_reply
    fake.quota = RequestQuota(limit=limit, window_seconds=window)
    per_minute = limit * 60 / window
    overrides = {
        "MODEL_RETRY_BASE_SECONDS": "0.5",
        "MODEL_FALLBACKS": "",
        "MODEL_MAX_CONCURRENCY": "256",
    }
    if mode == "paced":
        overrides["MODEL_REQUESTS_PER_MINUTE"] = str(per_minute * 0.8)
    with RunningServer(fake.app) as server:
        fake.base_url = server.base_url  # type: ignore[attr-defined]
        settings = model_settings(fake, **overrides)
        agents = build_model_agents(settings, offline_agents(), cache=fresh_cache())
        judge = ModelRunner(settings)

        async def judge_once() -> bool:
            try:
                await judge.complete_json(AgentRole.JUDGE, JUDGE, Verdict)
                return True
            except AllModelsFailed:
                return False

        async def all_calls() -> list[Any]:
            calls: list[Any] = []
            for n in range(campaigns):
                calls += [agents[t].generate(context_for(t, tone=f"Tone {n} {mode}")) for t in ArtifactType]
                calls.append(judge_once())
            return await asyncio.gather(*calls)

        started = time.perf_counter()
        results = asyncio.run(all_calls())
        elapsed = time.perf_counter() - started
    fallbacks = sum(1 for r in results if not isinstance(r, bool) and r.metadata.offline)
    judge_failures = sum(1 for r in results if r is False)
    return {
        "mode": mode,
        "calls": len(results),
        "requests": len(fake.chat_requests()),
        "429s": fake.quota.rejected,
        "fallbacks": fallbacks,
        "judge_failures": judge_failures,
        "elapsed_s": round(elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--campaigns", type=int, default=10)
    parser.add_argument("--limit", type=int, default=6, help="requests admitted per window")
    parser.add_argument("--window", type=float, default=1.0, help="quota window in seconds")
    args = parser.parse_args()
    print(
        f"quota: {args.limit} requests per {args.window:g} s ({args.limit * 60 / args.window:g}/min scaled), "
        f"{args.campaigns} campaigns x (3 agents + judge), all at once"
    )
    print(f"{'mode':<9}{'calls':>6}{'requests':>10}{'429s':>6}{'fallbacks':>10}{'judge fails':>12}{'elapsed s':>11}")
    for mode in ("unpaced", "paced"):
        r = run(mode, args.campaigns, args.limit, args.window)
        print(
            f"{r['mode']:<9}{r['calls']:>6}{r['requests']:>10}{r['429s']:>6}{r['fallbacks']:>10}"
            f"{r['judge_failures']:>12}{r['elapsed_s']:>11}"
        )


if __name__ == "__main__":
    main()
