"""AGENTS_WRAPPER, the wiring's one extension point: unset, the host runs exactly the agents
it builds (whatever else is set); set, the named factory wraps them (the simulated agents of
tests and benchmarks); a bad reference, or a bad simulation setting, stops the host at
start-up naming it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from marketing_agents.agents.base import AgentContext
from marketing_agents.components import build_components, check_settings
from marketing_agents.models import ArtifactType, CampaignBrief
from marketing_agents.settings import ConfigError
from marketing_agents.testing.simulated import CannedAgent, DelayedAgent, DelayedAuditor, PacedAgent, simulated_settings


def base_env(tmp_path: Path) -> dict[str, str]:
    return {"CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'documents.sqlite'}",
            "POSTER_DIR": str(tmp_path / "posters")}


def test_without_the_setting_simulation_settings_change_nothing(tmp_path: Path) -> None:
    env = {**base_env(tmp_path), "SIMULATED_LATENCY_MS": "5000", "SIMULATED_AGENTS": "canned"}
    check_settings(env)  # declared like every setting, but only the named factory uses them
    services = build_components(env)
    assert {type(a).__name__ for a in services.agents.values()} == {
        "OfflineCopywriter", "OfflineShortCopyWriter", "OfflineVisualConceptWriter"}
    assert not isinstance(services.auditor, DelayedAuditor)


def test_the_named_factory_wraps_the_built_agents(tmp_path: Path) -> None:
    env = {**base_env(tmp_path), **simulated_settings(latency_ms=1, canned=True)}
    check_settings(env)
    services = build_components(env)
    copywriter = services.agents[ArtifactType.COPY]
    assert isinstance(copywriter, DelayedAgent) and isinstance(copywriter.inner, CannedAgent)
    assert type(copywriter.inner.inner).__name__ == "OfflineCopywriter"
    assert isinstance(services.auditor, DelayedAuditor)
    brief = CampaignBrief(theme="summer launch", product="EcoBottle", target_audience="hikers", tone="energetic")
    context = AgentContext(campaign_id="c-0000000000000001", artifact_type=ArtifactType.COPY, brief=brief)
    first = asyncio.run(copywriter.generate(context))
    again = asyncio.run(copywriter.generate(context.model_copy(update={"campaign_id": "c-0000000000000002"})))
    assert first.data == again.data  # answered once, replayed for the same input


@pytest.mark.parametrize(("value", "says"), [
    ("marketing_agents.testing.simulated", "package.module:function"),
    (":simulated", "package.module:function"),
    ("no_such_package.anywhere:simulated", "cannot import"),
    ("marketing_agents.testing.simulated:no_such_function", "has no function"),
])
def test_a_bad_reference_stops_the_host_naming_the_setting(tmp_path: Path, value: str, says: str) -> None:
    with pytest.raises(ConfigError, match="AGENTS_WRAPPER") as raised:
        check_settings({**base_env(tmp_path), "AGENTS_WRAPPER": value})
    assert says in str(raised.value)


@pytest.mark.parametrize(("name", "value"), [("SIMULATED_LATENCY_MS", "soon"), ("SIMULATED_LATENCY_MS", "-5"),
                                             ("SIMULATED_CHUNK_MS", "fast"), ("SIMULATED_CHUNK_MS", "20000"),
                                             ("SIMULATED_AGENTS", "recorded")])
@pytest.mark.parametrize("wrapped", [True, False])
def test_a_bad_simulation_setting_stops_the_host_naming_it(tmp_path: Path, name: str, value: str,
                                                          wrapped: bool) -> None:
    env = {**base_env(tmp_path), **(simulated_settings(latency_ms=0) if wrapped else {}), name: value}
    with pytest.raises(ConfigError, match=name):
        check_settings(env)


def test_paced_agents_stream_the_same_chunks_each_after_a_pause(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**base_env(tmp_path), **simulated_settings(latency_ms=0, chunk_ms=5)}
    check_settings(env)
    copywriter = build_components(env).agents[ArtifactType.COPY]
    assert isinstance(copywriter, PacedAgent) and type(copywriter.inner).__name__ == "OfflineCopywriter"
    happened: list[str] = []
    real_sleep = asyncio.sleep

    async def recorded_sleep(seconds: float) -> None:
        happened.append(f"pause {seconds:g}")
        await real_sleep(0)

    async def sink(text: str) -> None:
        happened.append("chunk")

    monkeypatch.setattr("marketing_agents.testing.simulated.asyncio.sleep", recorded_sleep)
    brief = CampaignBrief(theme="summer launch", product="EcoBottle", target_audience="hikers", tone="energetic")
    context = AgentContext(campaign_id="c-0000000000000001", artifact_type=ArtifactType.COPY, brief=brief)
    streamed = asyncio.run(copywriter.generate(context, sink))
    unpaced = asyncio.run(copywriter.inner.generate(context, None))
    assert streamed.data == unpaced.data
    assert happened.count("chunk") > 3
    assert happened == ["chunk", "pause 0.005"] * happened.count("chunk")
