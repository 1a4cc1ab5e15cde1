"""Regeneration never multiplies variants, and the writers' CPU work runs off the event
loop (issue 8: five "X" platforms grew short copy 15 → 75 → 375 → … posts per round)."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from typing import Any

import pytest

from marketing_agents.agents.base import AgentContext
from marketing_agents.agents.offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter
from marketing_agents.agents.offline import brief as brief_module
from marketing_agents.agents.offline.brief import make_plan
from marketing_agents.agents.offline.short_copy import VARIANTS, write_posts
from marketing_agents.agents.registry import offline_agents
from marketing_agents.compliance import build_auditor
from marketing_agents.compliance.base import AuditContext
from marketing_agents.models import (
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    CampaignBrief,
    Platform,
    ShortCopyData,
    utc_now,
)

BRIEF: dict[str, Any] = {
    "theme": "Best summer ever, guaranteed",  # claims the auditor flags: there are rounds to run
    "product": "EcoBottle",
    "target_audience": "eco-conscious millennials",
    "tone": "friendly",
    "constraints": ["Must include recycling message", "Avoid plastic-related claims"],
    "evidence": ["Made from 90% recycled steel"],
}


def duplicated_brief() -> CampaignBrief:
    """A brief whose platforms repeat, built past validation: as if it reached the engine
    some other way than the API (which refuses it)."""
    valid = CampaignBrief.model_validate(BRIEF)
    return valid.model_copy(update={"platforms": [Platform.X] * 5 + [Platform.LINKEDIN] * 2})


def version_of(artifact_type: ArtifactType, number: int, result: Any, round_: int) -> ArtifactVersion:
    return ArtifactVersion(
        id=f"c-1:{artifact_type.value}:v{number}",
        campaign_id="c-1",
        type=artifact_type,
        version_number=number,
        revision_number=0,
        round=round_,
        content=result.content,
        data=result.data,
        metadata=result.metadata,
        agent_name=result.agent_name,
        created_at=utc_now(),
    )


def test_rounds_with_duplicate_platforms_keep_the_same_variant_count() -> None:
    brief = duplicated_brief()
    agents, auditor = offline_agents(), build_auditor()
    versions: dict[ArtifactType, ArtifactVersion] = {}
    report: AuditReport | None = None
    counts: list[Counter[Platform]] = []
    for round_ in range(6):
        for artifact_type, agent in agents.items():
            context = AgentContext(
                campaign_id="c-1",
                artifact_type=artifact_type,
                brief=brief,
                round=round_,
                previous=versions.get(artifact_type),
                audit_issues=[i for i in report.issues if i.artifact_type == artifact_type] if report else [],
                audit_feedback=report.feedback_by_type.get(artifact_type) if report else None,
            )
            result = asyncio.run(agent.generate(context))
            versions[artifact_type] = version_of(artifact_type, round_ + 1, result, round_)
        posts = ShortCopyData.model_validate(versions[ArtifactType.SHORT_COPY].data).posts
        counts.append(Counter(p.platform for p in posts))
        audit = AuditContext(report_id=f"r{round_}", campaign_id="c-1", brief=brief, artifacts=dict(versions))
        report = asyncio.run(auditor.audit(audit))
    assert counts == [Counter({Platform.X: VARIANTS, Platform.LINKEDIN: VARIANTS})] * 6


def test_a_bloated_previous_version_is_not_carried_forward() -> None:
    brief = CampaignBrief.model_validate(dict(BRIEF, platforms=["X"]))
    context = AgentContext(campaign_id="c-1", artifact_type=ArtifactType.SHORT_COPY, brief=brief)
    plan = make_plan(context)
    one_round, _ = write_posts(plan, None, [Platform.X])
    bloated = ShortCopyData(posts=one_round * 5)  # 15 X posts, as the old rounds left them
    posts, _ = write_posts(make_plan(context), bloated, [Platform.X, Platform.X])
    assert len(posts) == VARIANTS
    assert [p.text for p in posts] == [p.text for p in one_round]


@pytest.mark.parametrize("writer", [OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter])
def test_the_writing_runs_in_a_worker_thread(writer: type, monkeypatch: pytest.MonkeyPatch) -> None:
    """CPU work on the event loop would stall every request the host serves meanwhile."""
    threads: list[int] = []
    real = brief_module.make_plan

    def recording(context: AgentContext) -> Any:
        threads.append(threading.get_ident())
        return real(context)

    module = __import__(writer.__module__, fromlist=["make_plan"])
    monkeypatch.setattr(module, "make_plan", recording)
    agent = writer()
    context = AgentContext(campaign_id="c-1", artifact_type=agent.artifact_type, brief=CampaignBrief(**BRIEF))

    async def run() -> int:
        await agent.generate(context)
        return threading.get_ident()

    loop_thread = asyncio.run(run())
    assert threads and all(t != loop_thread for t in threads)
