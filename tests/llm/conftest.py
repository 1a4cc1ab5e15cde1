"""Fixtures for the model-backed agents: a live fake OpenAI server and valid replies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from marketing_agents.agents.base import AgentContext
from marketing_agents.llm.cache import MemoryCache, SafeCache
from marketing_agents.llm.settings import ModelSettings, load_model_settings
from marketing_agents.models import ArtifactType, CampaignBrief
from marketing_agents.settings import load_settings

from .fake_openai import FakeOpenAI, Reply, RunningServer

BRIEF = {
    "name": "EcoBottle summer launch",
    "theme": "Summer launch of EcoBottle, the reusable steel bottle that keeps drinks cold for 24 hours",
    "product": "EcoBottle",
    "targetAudience": "Eco-conscious millennials who hike, commute and hate waste",
    "tone": "Inspiring",
    "constraints": ["Must include recycling message"],
    "evidence": ["Made from 90% recycled steel"],
    "platforms": ["X", "Instagram"],
}

LONG_BODY = (
    'Summer starts at the trailhead. "Cold for 24 hours" is not a slogan\u2014it is the steel.\n\n'
    "Made from 90% recycled steel, EcoBottle goes where you go: caf\u00e9, crag, commute \U0001f30d.\n\n"
    "Refill, reuse, recycle. Back\\slash and tab\there."
)


def copy_reply(body_long: str = LONG_BODY) -> str:
    return json.dumps(
        {
            "headlines": ["Cold for 24 hours", "Steel that goes the distance", "Refill the summer"],
            "body_short": "EcoBottle keeps drinks cold for 24 hours.",
            "body_medium": "Made from 90% recycled steel, EcoBottle keeps drinks cold all day.",
            "body_long": body_long,
            "calls_to_action": ["Shop EcoBottle", "Find your colour", "Join the refill crew"],
            "tone_summary": "Inspiring and outdoorsy",
            "keywords": ["EcoBottle", "recycled steel", "refill"],
        }
    )


def short_copy_reply(platforms: list[str]) -> str:
    posts = {
        platform: [{"text": f"Cold for 24h {n} \U0001f30d https://example.com/eco #EcoBottle"} for n in range(3)]
        for platform in platforms
    }
    return json.dumps({"posts": posts})


def visual_reply() -> str:
    concept = {
        "headline": "Cold for 24 hours",
        "subline": "Made from 90% recycled steel",
        "call_to_action": "Shop now",
        "palette": ["#0B3D2E", "#F2C14E", "#FFFFFF"],
        "layout": "Bottle on the right, headline top left",
        "mood": ["fresh"],
        "style": ["flat"],
        "image_prompt": "A steel bottle on a mountain trail at dawn, no text",
        "alt_text": "Poster: a steel bottle on a trail with the words Cold for 24 hours",
    }
    return json.dumps({"chosen": {**concept, "headline": "Refill the summer"}, "alternatives": [concept]})


def valid_reply(body: dict[str, Any]) -> Reply:
    """Answers validly for whichever agent is asking (recognised by its task prompt)."""
    system = body["messages"][0]["content"]
    if "long-form copy" in system:
        return Reply(copy_reply())
    if "short social posts" in system:
        user = body["messages"][1]["content"]
        platforms = json.loads(user.split("<platforms>")[1].split("</platforms>")[0])
        return Reply(short_copy_reply(platforms))
    if "poster concepts" in system:
        return Reply(visual_reply())
    return Reply(json.dumps({"verdict": "ok", "score": 90}))


def context_for(artifact_type: ArtifactType, **brief_changes: Any) -> AgentContext:
    return AgentContext(
        campaign_id="cmp-1", artifact_type=artifact_type, brief=CampaignBrief(**{**BRIEF, **brief_changes})
    )


def fresh_cache() -> SafeCache:
    return SafeCache(MemoryCache(), 3600)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    server = FakeOpenAI()
    server.responder = valid_reply
    with RunningServer(server.app) as running:
        server.base_url = running.base_url  # type: ignore[attr-defined]
        yield server


def model_settings(fake: FakeOpenAI, **overrides: str) -> ModelSettings:
    env = {
        "MODEL_PROVIDER": "openai_compatible",
        "MODEL_BASE_URL": fake.base_url,  # type: ignore[attr-defined]
        "MODEL_NAME": "primary",
        "MODEL_FALLBACKS": "backup",
        "MODEL_RETRY_BASE_SECONDS": "0.01",
        "MODEL_TIMEOUT_SECONDS": "5",
        "AGENT_CACHE_BACKEND": "none",
        **overrides,
    }
    settings = load_model_settings(load_settings(env))
    assert settings is not None
    return settings
