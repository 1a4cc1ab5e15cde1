"""Short copy: rewritten shorter when over a limit, flagged (never truncated) if still over."""

from __future__ import annotations

import asyncio

from marketing_agents.agents.base import AgentContext
from marketing_agents.agents.offline import OfflineShortCopyWriter
from marketing_agents.models import ArtifactType, CampaignBrief, Platform, ShortCopyData
from marketing_agents.platforms import measure


def posts_for(brief: CampaignBrief) -> tuple[ShortCopyData, list[str]]:
    ctx = AgentContext(campaign_id="c-0123456789abcdef", artifact_type=ArtifactType.SHORT_COPY, brief=brief)
    result = asyncio.run(OfflineShortCopyWriter().generate(ctx))
    return ShortCopyData.model_validate(result.data), result.metadata.notes


def test_long_brief_text_is_dropped_to_fit_x_not_cut() -> None:
    theme = "A summer of refills on every trail, at every desk and in every city we love to explore together"
    evidence = ["Keeps drinks cold for 24 hours in temperatures up to 40 degrees Celsius on the trail"]
    brief = CampaignBrief(
        theme=theme,
        product="EcoBottle",
        target_audience="Hikers, commuters and city explorers",
        tone="Inspiring",
        evidence=evidence,
        platforms=[Platform.X, Platform.THREADS],
    )
    data, notes = posts_for(brief)
    assert len(data.posts) == 6
    for post in data.posts:
        assert not post.over_limit and measure(post.text, post.platform).count <= post.limit
        assert not post.text.endswith("…")
    assert any("dropped" in n and "fit 280" in n for n in notes)


def test_a_required_text_too_long_for_x_is_kept_whole_and_flagged() -> None:
    tagline = "Refill " + " ".join(["again and again"] * 24)  # about 370 characters, required verbatim
    brief = CampaignBrief(
        theme="Summer",
        product="EcoBottle",
        target_audience="Everyone",
        tone="Calm",
        constraints=[f'Must include "{tagline}"'],
        platforms=[Platform.X, Platform.INSTAGRAM],
    )
    data, notes = posts_for(brief)
    x_posts = [p for p in data.posts if p.platform == Platform.X]
    assert len(x_posts) == 3
    for post in x_posts:
        assert post.over_limit and post.character_count > 280 and tagline in post.text
        assert not post.hashtags  # hashtags were dropped first, then it stayed over
    for post in (p for p in data.posts if p.platform == Platform.INSTAGRAM):
        assert not post.over_limit and tagline in post.text
    assert sum("flagged, not truncated" in n for n in notes) == 3


def test_requested_platforms_only_and_threads_gets_one_tag() -> None:
    brief = CampaignBrief(
        theme="Summer launch",
        product="EcoBottle",
        target_audience="Hikers",
        tone="Playful",
        platforms=[Platform.THREADS, Platform.LINKEDIN],
    )
    data, _ = posts_for(brief)
    assert {p.platform for p in data.posts} == {Platform.THREADS, Platform.LINKEDIN}
    assert all(len(p.hashtags) <= 1 for p in data.posts if p.platform == Platform.THREADS)
