"""Short copy: rewritten shorter when over a limit, flagged (never truncated) if still over."""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import Callable
from typing import TypeVar

import pytest

from marketing_agents.agents.base import AgentContext
from marketing_agents.agents.offline import OfflineShortCopyWriter, short_copy
from marketing_agents.agents.offline.editing import shorten_sentences
from marketing_agents.models import ArtifactType, CampaignBrief, Platform, ShortCopyData
from marketing_agents.platforms import measure
from tests.unit.agent_runs import as_version, revision_asking

T = TypeVar("T")


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


def one_drop_at_a_time(sentences: list[T], fits: Callable[[list[T]], bool], essential: Callable[[T], bool]) -> list[T]:
    """The reference: drop the next optional sentence and measure again, until it fits."""
    kept = list(sentences)
    while not fits(kept):
        order = list(range(len(kept) - 2, 0, -1)) + ([len(kept) - 1] if len(kept) > 1 else [])
        drop = next((i for i in order if not essential(kept[i])), None)
        if drop is None:
            break
        del kept[drop]
    return kept


def test_shortening_keeps_what_one_drop_at_a_time_keeps() -> None:
    rng = random.Random(20240601)
    for _ in range(2000):
        sentences = [f"S{i}" + "x" * rng.randint(0, 30) + "." for i in range(rng.randint(0, 12))]
        essentials = {s for s in sentences if rng.random() < 0.3}
        limit = rng.randint(0, sum(map(len, sentences)) + len(sentences) + 1)

        def fits(ss: list[str], limit: int = limit) -> bool:
            return len(" ".join(ss)) <= limit

        expected = one_drop_at_a_time(sentences, fits, essentials.__contains__)
        assert shorten_sentences(sentences, fits, essentials.__contains__) == expected


def test_shortening_many_sentences_measures_the_text_a_logarithmic_number_of_times() -> None:
    """Measuring after every drop was quadratic: a theme of hundreds of one-word sentences,
    split back into sentences in the next round, was measured once per sentence dropped."""
    sentences = [f"Go{i}." for i in range(1000)]
    calls: list[int] = []

    def fits(ss: list[str]) -> bool:
        calls.append(len(ss))
        return len(ss) <= 100

    kept = shorten_sentences(sentences, fits, lambda s: s == "Go500.")
    assert kept == one_drop_at_a_time(sentences, lambda ss: len(ss) <= 100, lambda s: s == "Go500.")
    assert len(calls) <= 2 * math.ceil(math.log2(len(sentences))) + 2  # one at a time: 900


def test_a_shorter_round_on_a_theme_of_many_sentences_measures_posts_less_often_than_it_drops(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The next round splits a post back into its sentences: hundreds for this theme, of
    which hundreds are dropped to shorten it (bench/pathological.py, kind "sentences")."""
    sentences = 500
    theme = ("Go. " * sentences).strip()
    brief = CampaignBrief(theme=theme, product="EcoBottle", target_audience="Hikers", tone="Calm")
    writer = OfflineShortCopyWriter()
    first = writer.write(AgentContext(campaign_id="c", artifact_type=ArtifactType.SHORT_COPY, brief=brief))
    previous = as_version(first, ArtifactType.SHORT_COPY)
    revision = revision_asking("make it shorter")
    measured: list[str] = []
    count_for = short_copy.count_for

    def counting(text: str, platform: Platform) -> int:
        measured.append(text)
        return count_for(text, platform)

    monkeypatch.setattr(short_copy, "count_for", counting)
    ctx = AgentContext(
        campaign_id="c",
        artifact_type=ArtifactType.SHORT_COPY,
        brief=brief,
        revision=revision,
        revision_number=1,
        previous=previous,
    )
    posts = ShortCopyData.model_validate(writer.write(ctx).data).posts
    assert max(p.text.count("Go.") for p in posts) > 100  # the shortened posts still carry most of the theme
    assert len(measured) < sentences  # one drop at a time: about 1,400 (here about 200)


def test_a_later_round_keeps_figures_and_addresses_whole() -> None:
    """Posts are split back into sentences and rejoined each round; a full stop inside a
    number or an address ends no sentence ("Rated 4.7 stars" came back as "Rated 4. 7
    stars", which no longer matched its evidence)."""
    from marketing_agents.text import split_sentences

    assert split_sentences("Rated 4.7 stars by 12,000 users. Save 3.5% at www.example.com today!\nNew line") == [
        "Rated 4.7 stars by 12,000 users.", "Save 3.5% at www.example.com today!", "New line"]
    brief = CampaignBrief(theme="Summer launch", product="FinTrack", target_audience="Young savers", tone="Calm",
                          evidence=["Rated 4.7 stars by 12,000 users on the App Store"])
    writer = OfflineShortCopyWriter()
    first = writer.write(AgentContext(campaign_id="c", artifact_type=ArtifactType.SHORT_COPY, brief=brief))
    later = writer.write(AgentContext(campaign_id="c", artifact_type=ArtifactType.SHORT_COPY, brief=brief,
                                      revision=revision_asking("make it shorter"), revision_number=1,
                                      previous=as_version(first, ArtifactType.SHORT_COPY)))
    texts = [p.text for p in ShortCopyData.model_validate(later.data).posts]
    assert any("4.7 stars" in t for t in texts) and not any("4. 7" in t for t in texts), texts
