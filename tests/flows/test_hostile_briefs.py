"""Briefs built to stall or bloat the host, through devhost (issue 8): a theme that is one
1,999-character word, over every regeneration round, finishes with bounded documents
while the host keeps answering /api/health."""

from __future__ import annotations

import json
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devhost import DevHost
from marketing_agents.store.base import MAX_DOCUMENT_BYTES, document_size

from .helpers import SETTLED, create, events, versions, wait_for_status

ROOT = Path(__file__).resolve().parents[2]
LIVENESS_SECONDS = 5.0  # generous: a stalled event loop answered nothing for minutes


@pytest.fixture
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30) as client:
        yield client


def health_answers_until_settled(http: httpx.Client, campaign_id: str, limit: float = 180.0) -> int:
    """Ask /api/health (each within LIVENESS_SECONDS) until the campaign settles; the count."""
    answered, deadline = 0, time.monotonic() + limit
    while time.monotonic() < deadline:
        response = http.get("/api/health", timeout=LIVENESS_SECONDS)
        assert response.status_code == 200
        answered += 1
        if http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]["status"] in SETTLED:
            return answered
        time.sleep(0.05)
    raise AssertionError(f"campaign {campaign_id} did not settle")


def test_an_unbroken_1999_character_theme_over_every_round(http: httpx.Client) -> None:
    brief: dict[str, Any] = json.loads((ROOT / "examples" / "briefs" / "plasticpal.json").read_text())
    brief.update(theme="0" * 1999, platforms=["Instagram", "X"])  # plasticpal never passes: all rounds run
    campaign_id = create(http, brief)
    assert health_answers_until_settled(http, campaign_id) >= 1
    snapshot = wait_for_status(http, campaign_id, timeout=60)
    campaign = snapshot["campaign"]
    assert campaign["status"] == "NeedsAttention", campaign.get("statusReason")
    assert campaign["round"] >= 1

    short = versions(http, campaign_id, "ShortCopy")
    assert len(short) >= 2
    assert {len(v["data"]["posts"]) for v in short} == {6}  # three per platform, every round
    documents = [*versions(http, campaign_id), *events(http, campaign_id)]
    audits = http.get(f"/api/campaigns/{campaign_id}/audits").json()["items"]
    for doc in [*documents, *audits, campaign]:
        assert document_size(doc) < MAX_DOCUMENT_BYTES // 10

    visual = snapshot["artifacts"]["Visual"]
    svg = http.get(visual["data"]["svgUrl"])
    assert svg.status_code == 200
    ET.fromstring(svg.content)
