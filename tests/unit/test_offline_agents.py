"""Offline agents: structure, determinism, brief-awareness, streaming, honesty."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from marketing_agents.agents.base import Agent, AgentContext, AgentResult
from marketing_agents.agents.offline import OfflineCopywriter, OfflineShortCopyWriter, OfflineVisualConceptWriter
from marketing_agents.agents.registry import build_agents, offline_agents
from marketing_agents.colour import contrast_ratio
from marketing_agents.models import ArtifactType, CampaignBrief, CopyData, Platform, ShortCopyData, VisualData
from marketing_agents.platforms import measure
from marketing_agents.text import term_spans

ECO = CampaignBrief(
    theme="Summer launch of EcoBottle",
    product="EcoBottle",
    target_audience="Eco-conscious millennials",
    tone="Inspiring",
    constraints=["Must include recycling message", "Avoid plastic-related claims"],
    evidence=["Made from 90% recycled steel"],
)


def run(agent: Agent, brief: CampaignBrief, **kw: Any) -> AgentResult:
    ctx = AgentContext(campaign_id="c-0123456789abcdef", artifact_type=agent.artifact_type, brief=brief, **kw)
    return asyncio.run(agent.generate(ctx))


def all_three(brief: CampaignBrief) -> dict[ArtifactType, AgentResult]:
    return {t: run(a, brief) for t, a in offline_agents().items()}


def test_registry_offers_one_offline_agent_per_type() -> None:
    agents = offline_agents()
    assert set(agents) == set(ArtifactType)
    for t, agent in agents.items():
        assert isinstance(agent, Agent) and agent.artifact_type == t
    assert {t: type(a) for t, a in build_agents(None).items()} == {t: type(a) for t, a in agents.items()}
    assert set(build_agents()) == set(ArtifactType)


def test_structure_and_metadata() -> None:
    out = all_three(ECO)
    copy = CopyData.model_validate(out[ArtifactType.COPY].data)
    assert len(copy.headlines) >= 3 and len(copy.calls_to_action) >= 3
    assert len(copy.body_short) < len(copy.body_medium) < len(copy.body_long)
    assert copy.tone_summary and "EcoBottle" in copy.keywords
    posts = ShortCopyData.model_validate(out[ArtifactType.SHORT_COPY].data).posts
    for platform in Platform:
        mine = [p for p in posts if p.platform == platform]
        assert len(mine) >= 3
        for p in mine:
            m = measure(p.text, platform)
            assert (p.character_count, p.limit, p.over_limit, p.hashtags) == (m.count, m.limit, False, m.hashtags)
    assert len(VisualData.model_validate(out[ArtifactType.VISUAL].data).concepts) >= 2
    for result in out.values():
        meta = result.metadata
        assert meta.offline and meta.model == "offline" and meta.prompt_version == "offline-1"
        assert meta.word_count > 0 and meta.tone == "inspiring" and meta.keywords
        assert any("offline" in n for n in meta.notes)
        assert result.content.startswith("# ")


def test_deterministic_for_the_same_brief() -> None:
    first, second = all_three(ECO), all_three(ECO.model_copy())
    for t in ArtifactType:
        assert first[t].data == second[t].data and first[t].content == second[t].content
        assert first[t].metadata == second[t].metadata


def test_brief_awareness() -> None:
    out = all_three(ECO)
    copy = CopyData.model_validate(out[ArtifactType.COPY].data)
    assert any("Summer launch of EcoBottle" in h for h in copy.headlines)
    assert "eco-conscious millennials" in copy.body_long
    assert "Made from 90% recycled steel." in copy.body_medium  # evidence quoted verbatim
    for body in (copy.body_short, copy.body_medium, copy.body_long):
        assert "recycling" in body  # "Must include recycling message"
    for post in ShortCopyData.model_validate(out[ArtifactType.SHORT_COPY].data).posts:
        assert "recycling" in post.text
    for concept in VisualData.model_validate(out[ArtifactType.VISUAL].data).concepts:
        assert "recycling" in f"{concept.headline} {concept.subline}"
    for result in out.values():  # "Avoid plastic-related claims"
        assert "plastic" not in json.dumps(result.data).lower()


def test_quoted_required_text_is_used_verbatim_and_avoided_theme_is_not_echoed() -> None:
    brief = ECO.model_copy(
        update={"constraints": ['Include the tagline "Refill the world"', "Avoid summer"], "tone": "Playful"}
    )
    out = all_three(brief)
    for result in out.values():
        text = json.dumps(result.data, ensure_ascii=False)
        assert "Refill the world." in text
        assert not term_spans(text, "summer", stems=True)
    assert any("theme" in n and "avoided" in n for n in out[ArtifactType.COPY].metadata.notes)


def test_tones_pick_different_voices() -> None:
    heads = {}
    for tone, voice in [
        ("Playful", "playful"),
        ("Professional", "professional"),
        ("Bold and energetic", "energetic"),
        ("Warm", "warm"),
        ("Luxurious", "luxurious"),
        ("Urgent", "urgent"),
    ]:
        result = run(OfflineCopywriter(), ECO.model_copy(update={"tone": tone}))
        assert result.metadata.tone == voice
        heads[voice] = tuple(CopyData.model_validate(result.data).headlines[1:])
    assert len(set(heads.values())) == len(heads)
    odd = run(OfflineCopywriter(), ECO.model_copy(update={"tone": "Sardonic"}))
    assert any("matched no offline voice" in n for n in odd.metadata.notes)


def test_different_briefs_give_different_copy() -> None:
    a = run(OfflineCopywriter(), ECO)
    b = run(OfflineCopywriter(), ECO.model_copy(update={"product": "AquaFlask", "theme": "Autumn hikes"}))
    assert a.data != b.data and "AquaFlask" in b.content and "EcoBottle" not in b.content


def test_html_in_the_brief_is_echoed_as_plain_text() -> None:
    brief = ECO.model_copy(update={"theme": "<b>Summer</b> launch <script>alert(1)</script>&amp; more"})
    for result in all_three(brief).values():
        text = json.dumps(result.data) + result.content
        assert "<" not in text and "&amp;" not in text
    assert "Summer launch & more" in run(OfflineCopywriter(), brief).content


def test_non_english_brief_is_noted() -> None:
    result = run(OfflineShortCopyWriter(), ECO.model_copy(update={"language": "fr"}))
    assert any("'fr'" in n and "English" in n for n in result.metadata.notes)


def test_copywriter_streams_the_long_body_in_word_groups() -> None:
    chunks: list[str] = []

    async def sink(chunk: str) -> None:
        chunks.append(chunk)

    ctx = AgentContext(campaign_id="c-0123456789abcdef", artifact_type=ArtifactType.COPY, brief=ECO)
    result = asyncio.run(OfflineCopywriter().generate(ctx, sink))
    assert len(chunks) > 3 and "".join(chunks) == result.data["bodyLong"]
    assert all(len(c.split()) <= 8 for c in chunks)


def test_poster_palettes_meet_wcag_aa_and_alt_text_describes_the_poster() -> None:
    for tone in ("Inspiring", "Playful", "Bold", "Luxurious", "Urgent", "Calm", "Warm", "Professional"):
        data = VisualData.model_validate(run(OfflineVisualConceptWriter(), ECO.model_copy(update={"tone": tone})).data)
        for c in data.concepts:
            assert all(len(h) == 7 and h.startswith("#") for h in c.palette)
            assert contrast_ratio(c.palette[0], c.palette[1]) >= 4.5
            assert contrast_ratio(c.palette[2], c.palette[3]) >= 4.5
            assert c.headline in c.alt_text and c.subline in c.alt_text and c.call_to_action in c.alt_text
            assert "EcoBottle" in c.image_prompt and c.layout and c.mood and c.style
