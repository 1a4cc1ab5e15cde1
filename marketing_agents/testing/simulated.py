"""Simulated agents for benchmarks and tests: a fixed latency, and optionally canned
answers. Never part of the production wiring: a host process uses them only when its
``AGENTS_WRAPPER`` setting names ``marketing_agents.testing.simulated:simulated``
(``marketing_agents.agents.wrapping``), which then uses two more declared settings:

- ``SIMULATED_LATENCY_MS``: every agent call and every audit first waits that long
  (asynchronously), as if a model answered in that time — e.g. so that a test can join
  a campaign's group before the copy streams, or kill a host mid-campaign;
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
CANNED_SETTING = "SIMULATED_AGENTS"
FACTORY = f"{__name__}:simulated"  # the value of AGENTS_WRAPPER that plugs these agents in


def simulated_settings(latency_ms: float, canned: bool = False) -> dict[str, str]:
    """The settings a test or benchmark gives the host it starts to use simulated agents."""
    return {
        AGENTS_WRAPPER_SETTING: FACTORY,
        LATENCY_SETTING: f"{latency_ms:g}",
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
    the real ones (unchanged when both simulation settings are unset)."""
    canned = settings.simulated_agents is SimulationMode.CANNED
    seconds = settings.simulated_latency_ms / 1000.0

    def wrap(agents: Agents, auditor: Auditor) -> tuple[Agents, Auditor]:
        out_agents: dict[ArtifactType, Agent] = dict(agents)
        if canned:
            out_agents = {t: CannedAgent(a) for t, a in out_agents.items()}
            auditor = CannedAuditor(auditor)
        if seconds <= 0:
            return out_agents, auditor
        return {t: DelayedAgent(a, seconds) for t, a in out_agents.items()}, DelayedAuditor(auditor, seconds)

    return wrap
