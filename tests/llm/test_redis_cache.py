"""The Redis response cache against a real redis-server started by the test."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from marketing_agents.agents.registry import offline_agents
from marketing_agents.llm import build_model_agents
from marketing_agents.llm.cache import SqliteCache
from marketing_agents.models import ArtifactType

from .conftest import context_for, model_settings
from .fake_openai import FakeOpenAI

REDIS = shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    if REDIS is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    process = subprocess.Popen(
        [REDIS, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.mark.slow
def test_redis_cache_is_shared_between_agent_builds(fake: FakeOpenAI, redis_url: str) -> None:
    settings = model_settings(fake, AGENT_CACHE_BACKEND="", REDIS_URL=redis_url, AGENT_CACHE_TTL_SECONDS="60")

    async def generate() -> object:
        # A new agent set (and Redis client) each time, as in separate Function App instances.
        agents = build_model_agents(settings, offline_agents())
        return await agents[ArtifactType.VISUAL].generate(context_for(ArtifactType.VISUAL))

    first = asyncio.run(generate())
    second = asyncio.run(generate())
    assert not first.metadata.cached and second.metadata.cached  # type: ignore[attr-defined]
    assert len(fake.requests) == 1
    # One agent set reused across event loops (one Redis pool per loop).
    agents = build_model_agents(settings, offline_agents())
    for _ in range(2):
        again = asyncio.run(agents[ArtifactType.VISUAL].generate(context_for(ArtifactType.VISUAL)))
        assert again.metadata.cached

    import redis

    client = redis.Redis.from_url(redis_url)
    keys = [key.decode() for key in client.keys("agent:*")]
    assert len(keys) == 1 and keys[0].startswith("agent:visual-model:response:")
    assert 0 < int(client.ttl(keys[0])) <= 60  # type: ignore[arg-type]
    client.close()


def test_sqlite_cache_survives_a_new_instance(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    asyncio.run(SqliteCache(path).set("agent:x:response:1", "hello", 60))
    assert asyncio.run(SqliteCache(path).get("agent:x:response:1")) == "hello"
    asyncio.run(SqliteCache(path).set("agent:x:response:2", "gone", -1))
    assert asyncio.run(SqliteCache(path).get("agent:x:response:2")) is None
