"""Simulated agents for benchmarks and tests: a fixed latency, and optionally canned
answers. Never part of the production wiring: a host process uses them only when its
``AGENTS_WRAPPER`` setting names ``marketing_agents.testing.simulated:simulated``
(``marketing_agents.agents.wrapping``), which then uses three more declared settings:

- ``SIMULATED_LATENCY_MS``: every agent call and every audit first waits that long
  (asynchronously), as if a model answered in that time — e.g. so that a test can join
  a campaign's group before the copy streams, or kill a host mid-campaign;
- ``SIMULATED_CHUNK_MS``: an agent that streams waits that long after each chunk it
  hands on, as a model streams its answer over seconds (the offline writers produce
  all their text at once) — so the dashboard's browser tests see the copy being written
  and can measure each chunk's delay from server to screen;
- ``SIMULATED_AGENTS=canned``: each agent and the auditor compute their answer once per
  distinct input and replay it afterwards, so the agents' own CPU time drops out and
  what remains is the flow's overhead. ``bench/engine.py`` uses both to compare the
  end-to-end time with the critical-path limit.
"""

from __future__ import annotations

import asyncio
import hashlib
import json

from ..agents.base import Agent, AgentContext, AgentResult, ChunkSink
from ..agents.wrapping import AGENTS_WRAPPER_SETTING, Agents, Wrap
from ..compliance.base import AuditContext, Auditor
from ..models import ArtifactType, AuditReport
from ..settings import Settings, SimulationMode

LATENCY_SETTING = "SIMULATED_LATENCY_MS"
CHUNK_PACE_SETTING = "SIMULATED_CHUNK_MS"
CANNED_SETTING = "SIMULATED_AGENTS"
FACTORY = f"{__name__}:simulated"  # the value of AGENTS_WRAPPER that plugs these agents in


def simulated_settings(latency_ms: float, canned: bool = False, chunk_ms: float = 0) -> dict[str, str]:
    """The settings a test or benchmark gives the host it starts to use simulated agents."""
    return {
        AGENTS_WRAPPER_SETTING: FACTORY,
        LATENCY_SETTING: f"{latency_ms:g}",
        CHUNK_PACE_SETTING: f"{chunk_ms:g}",
        CANNED_SETTING: "canned" if canned else "",
    }


def _key(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


class CannedAgent:
    """Answers each distinct context once with the real agent, then replays that answer."""

    def __init__(self, inner: Agent) -> None:
        self.inner = inner
        self.name = inner.name
        self.artifact_type = inner.artifact_type
        self._answers: dict[str, AgentResult] = {}

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        key = _key(context.model_copy(update={"campaign_id": ""}).to_doc())
        if key not in self._answers:
            self._answers[key] = await self.inner.generate(context, on_chunk)
        return self._answers[key]


class CannedAuditor:
    """Audits each distinct set of artifact contents once, then replays the report."""

    def __init__(self, inner: Auditor) -> None:
        self.inner = inner
        self.name = inner.name
        self._reports: dict[str, AuditReport] = {}

    async def audit(self, context: AuditContext) -> AuditReport:
        contents = {t.value: a.content for t, a in context.artifacts.items()}  # data holds per-campaign URLs
        key = _key([contents, context.brief.to_doc()])
        if key not in self._reports:
            self._reports[key] = await self.inner.audit(context)
        canned = self._reports[key]
        ids = {t: a.id for t, a in context.artifacts.items()}
        issues = [i.model_copy(update={"artifact_version_id": ids[i.artifact_type]}) for i in canned.issues]
        update = {"id": context.report_id, "campaign_id": context.campaign_id, "round": context.round}
        return canned.model_copy(update={**update, "issues": issues})


class DelayedAgent:
    def __init__(self, inner: Agent, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds
        self.name = inner.name
        self.artifact_type = inner.artifact_type

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        await asyncio.sleep(self.seconds)
        return await self.inner.generate(context, on_chunk)


class PacedAgent:
    """Hands on each streamed chunk, then waits ``seconds`` before the agent may send the next."""

    def __init__(self, inner: Agent, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds
        self.name = inner.name
        self.artifact_type = inner.artifact_type

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        if on_chunk is None:
            return await self.inner.generate(context, None)
        sink = on_chunk

        async def paced(text: str) -> None:
            await sink(text)
            await asyncio.sleep(self.seconds)

        return await self.inner.generate(context, paced)


class DelayedAuditor:
    def __init__(self, inner: Auditor, seconds: float) -> None:
        self.inner = inner
        self.seconds = seconds
        self.name = inner.name

    async def audit(self, context: AuditContext) -> AuditReport:
        await asyncio.sleep(self.seconds)
        return await self.inner.audit(context)


def simulated(settings: Settings) -> Wrap:
    """The ``AGENTS_WRAPPER`` factory: the wrap that puts the simulated agents in front of
    the real ones (unchanged when the simulation settings are unset)."""
    canned = settings.simulated_agents is SimulationMode.CANNED
    seconds = settings.simulated_latency_ms / 1000.0
    pace = settings.simulated_chunk_ms / 1000.0

    def wrap(agents: Agents, auditor: Auditor) -> tuple[Agents, Auditor]:
        out_agents: dict[ArtifactType, Agent] = dict(agents)
        if canned:
            out_agents = {t: CannedAgent(a) for t, a in out_agents.items()}
            auditor = CannedAuditor(auditor)
        if pace > 0:
            out_agents = {t: PacedAgent(a, pace) for t, a in out_agents.items()}
        if seconds <= 0:
            return out_agents, auditor
        return {t: DelayedAgent(a, seconds) for t, a in out_agents.items()}, DelayedAuditor(auditor, seconds)

    return wrap
