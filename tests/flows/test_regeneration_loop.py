"""The regenerate-until-compliant loop as it really runs: the app's orchestrator through
devhost, the rule-engine auditor, and the offline agents — wrapped so a test can see
what each agent was given and can hand the auditor a deliberately bad first draft.
Nothing here re-implements the loop: the rounds, the choice of what to regenerate and
the feedback each agent gets are the orchestrator's and the activities' own."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost import DevHost
from marketing_agents.agents.base import Agent, AgentContext, AgentResult, ChunkSink
from marketing_agents.components import components
from marketing_agents.models import ArtifactType

from .helpers import assert_event_log_is_clean, create, events, versions, wait_for_status

ROOT = Path(__file__).resolve().parents[2]
Spoil = Callable[[dict[str, Any]], dict[str, Any]]


class SpyAgent:
    """The real agent, recording every context it is given; on round 0 of a campaign
    whose brief is named in ``spoils`` it spoils the draft (edits the data) so the audit
    has work to do."""

    def __init__(self, inner: Agent, calls: list[AgentContext], spoils: dict[tuple[str, ArtifactType], Spoil]) -> None:
        self.inner = inner
        self.name = inner.name
        self.artifact_type = inner.artifact_type
        self.calls = calls
        self.spoils = spoils

    async def generate(self, context: AgentContext, on_chunk: ChunkSink | None = None) -> AgentResult:
        self.calls.append(context)
        result = await self.inner.generate(context, on_chunk)
        spoil = self.spoils.get((context.brief.name or "", self.artifact_type))
        if spoil is not None and context.round == 0:
            result = result.model_copy(update={"data": spoil(dict(result.data))})
        return result


class Agents:
    """What the spies saw, per campaign, and the spoilers to install before a campaign."""

    def __init__(self) -> None:
        self.calls: list[AgentContext] = []
        self.spoils: dict[tuple[str, ArtifactType], Spoil] = {}

    def of(self, campaign_id: str, round_number: int) -> dict[ArtifactType, AgentContext]:
        return {c.artifact_type: c for c in self.calls if c.campaign_id == campaign_id and c.round == round_number}


@pytest.fixture
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30) as client:
        yield client


@pytest.fixture
def agents(host: DevHost) -> Iterator[Agents]:
    """Wrap the host's agents (the services the activities use) for one test."""
    shared = components()
    original: Mapping[ArtifactType, Agent] = shared.agents
    seen = Agents()
    shared.agents = {t: SpyAgent(a, seen.calls, seen.spoils) for t, a in original.items()}
    try:
        yield seen
    finally:
        shared.agents = original


def brief(name: str, **changes: Any) -> dict[str, Any]:
    return dict(json.loads((ROOT / "examples" / "briefs" / f"{name}.json").read_text()), **changes)


def start(http: httpx.Client, agents: Agents, body: dict[str, Any], spoils: dict[ArtifactType, Spoil]) -> str:
    """Create a campaign whose first drafts are spoiled as given (keyed by the brief's
    name, which the agents see, so the spoilers are in place before the agents run)."""
    name = f"spoiled-{len(agents.spoils)}-{sorted(t.value for t in spoils)}"
    for artifact_type, spoil in spoils.items():
        agents.spoils[(name, artifact_type)] = spoil
    return create(http, dict(body, name=name))


def superlative_headline(data: dict[str, Any]) -> dict[str, Any]:
    return dict(data, headlines=["The best eco-friendly bottle", *data["headlines"][1:]])


def number_one_post(data: dict[str, Any]) -> dict[str, Any]:
    posts = [dict(p) for p in data["posts"]]
    posts[0]["text"] = "The #1 bottle of summer. #EcoBottle"
    return dict(data, posts=posts)


def many_claims(data: dict[str, Any]) -> dict[str, Any]:
    body = (
        # (the comparison in a sentence of its own: in the environmental claim's it would be that claim's)
        "Our plastic-free, eco-friendly bottle is recyclable. It keeps drinks cold 50% longer than glass. "
        "Carbon neutral too! It is the lightest bottle you can buy. " + data["bodyLong"]
    )
    return dict(superlative_headline(data), bodyLong=body)


def plastic_post(data: dict[str, Any]) -> dict[str, Any]:
    posts = [dict(p) for p in data["posts"]]
    posts[0]["text"] = "Ditch single-use plastic! The #1 bottle of summer, 100% recyclable. #EcoBottle"
    return dict(data, posts=posts)


def audits(http: httpx.Client, campaign_id: str) -> list[dict[str, Any]]:
    """Oldest first."""
    items = http.get(f"/api/campaigns/{campaign_id}/audits").json()["items"]
    return sorted(items, key=lambda r: (r["revisionNumber"], r["round"]))


def test_only_failing_types_regenerate_each_with_its_own_findings(http: httpx.Client, agents: Agents) -> None:
    spoils = {ArtifactType.COPY: superlative_headline, ArtifactType.SHORT_COPY: number_one_post}
    campaign_id = start(http, agents, brief("ecobottle"), spoils)
    snapshot = wait_for_status(http, campaign_id)
    assert snapshot["campaign"]["status"] == "AwaitingReview", snapshot["campaign"].get("statusReason")
    first = audits(http, campaign_id)[0]
    assert {i["artifactType"] for i in first["issues"]} == {"Copy", "ShortCopy"}

    regenerated = agents.of(campaign_id, 1)
    assert set(regenerated) == {ArtifactType.COPY, ArtifactType.SHORT_COPY}, "Visual had no finding"
    for artifact_type, context in regenerated.items():
        own = [i for i in first["issues"] if i["artifactType"] == artifact_type.value]
        assert [i.rule_id for i in context.audit_issues] == [i["ruleId"] for i in own]
        assert context.audit_feedback == (first["feedbackByType"].get(artifact_type.value) or first["feedback"])
        assert context.previous is not None and context.previous.version_number == 1
    assert [v["versionNumber"] for v in versions(http, campaign_id, "Visual")] == [1]
    assert snapshot["artifacts"]["Copy"]["auditReportId"] == snapshot["campaign"]["latestAuditReportId"]
    assert_event_log_is_clean(events(http, campaign_id))


def test_a_bad_first_draft_is_fixed_within_five_rounds(http: httpx.Client, agents: Agents) -> None:
    spoils = {ArtifactType.COPY: many_claims, ArtifactType.SHORT_COPY: plastic_post}
    campaign_id = start(http, agents, brief("ecobottle"), spoils)
    snapshot = wait_for_status(http, campaign_id)
    reports = audits(http, campaign_id)
    found = {i["ruleId"] for i in reports[0]["issues"]}
    assert {"brief.avoid.plastic", "env.generic-claim", "env.recyclable-unqualified", "ads.claim-superlative",
            "ads.claim-number", "ads.claim-comparison", "env.carbon-claim", "env.whole-vs-part"} <= found
    assert snapshot["campaign"]["status"] == "AwaitingReview", reports[-1]["feedback"]
    assert reports[-1]["isCompliant"] and len(reports) <= 6  # the first audit and at most 5 rounds


def test_a_brief_with_add_and_avoid_constraints_converges(http: httpx.Client, agents: Agents) -> None:
    trail = {
        "theme": "Autumn trail running shoes", "product": "TrailFox", "targetAudience": "Weekend runners",
        "tone": "Energetic", "constraints": ["Mention free shipping", "Avoid discount language", "Keep it upbeat"],
        "evidence": ["Grip tested on wet rock by Runner's Lab 2025"],
    }
    campaign_id = create(http, trail)
    snapshot = wait_for_status(http, campaign_id)
    last = audits(http, campaign_id)[-1]
    assert snapshot["campaign"]["status"] == "AwaitingReview", last["feedback"]
    assert last["notChecked"] == ["Keep it upbeat"]


def test_a_product_name_that_breaks_its_own_constraint_never_passes(http: httpx.Client, agents: Agents) -> None:
    campaign_id = create(http, brief("plasticpal"))
    snapshot = wait_for_status(http, campaign_id)
    assert snapshot["campaign"]["status"] == "NeedsAttention"
    reports = audits(http, campaign_id)
    assert len(reports) == 6 and not any(r["isCompliant"] for r in reports)
    last = reports[-1]
    assert {i["ruleId"] for i in last["issues"]} == {"brief.avoid.plastic"}
    assert all("product name “PlasticPal”" in i["issueDescription"] for i in last["issues"])
    for round_number in range(1, 6):  # each round, each failing agent got only its own findings
        for artifact_type, context in agents.of(campaign_id, round_number).items():
            assert context.audit_issues and all(i.artifact_type == artifact_type for i in context.audit_issues)
    for artifact_type, version in snapshot["artifacts"].items():
        assert "PlasticPal" in version["content"], f"{artifact_type}: the product is never renamed"
        assert version["versionNumber"] == 6
    assert_event_log_is_clean(events(http, campaign_id))
