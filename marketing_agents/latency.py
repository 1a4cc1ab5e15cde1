"""Fixed latency around agents and the auditor, for benchmarks and demos.

With ``SIMULATED_LATENCY_MS`` set, every agent call and every audit first waits that
long (asynchronously), as if a model answered in that time. ``bench/engine.py`` uses it
to compare the flow's end-to-end time with its critical-path limit.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

from .agents.base import Agent, AgentContext, AgentResult, ChunkSink
from .compliance.base import AuditContext, Auditor
from .models import ArtifactType, AuditReport
from .settings import ConfigError

LATENCY_SETTING = "SIMULATED_LATENCY_MS"


class DelayedAgent:
    def __init__(self, inner: Agent, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds
        self.name = inner.name
        self.artifact_type = inner.artifact_type

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        await asyncio.sleep(self.seconds)
        return await self.inner.generate(context, on_chunk)


class DelayedAuditor:
    def __init__(self, inner: Auditor, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds
        self.name = inner.name

    async def audit(self, context: AuditContext) -> AuditReport:
        await asyncio.sleep(self.seconds)
        return await self.inner.audit(context)


def simulated_latency(env: Mapping[str, str]) -> float:
    raw = env.get(LATENCY_SETTING, "").strip()
    if not raw:
        return 0.0
    try:
        value = float(raw)
    except ValueError as error:
        raise ConfigError(f"setting {LATENCY_SETTING}={raw!r} is not a number of milliseconds") from error
    if not 0 <= value <= 600_000:
        raise ConfigError(f"setting {LATENCY_SETTING}={raw!r} must be between 0 and 600000")
    return value / 1000.0


def with_latency(
    agents: Mapping[ArtifactType, Agent], auditor: Auditor, seconds: float
) -> tuple[dict[ArtifactType, Agent], Auditor]:
    if seconds <= 0:
        return dict(agents), auditor
    return {t: DelayedAgent(a, seconds) for t, a in agents.items()}, DelayedAuditor(auditor, seconds)
