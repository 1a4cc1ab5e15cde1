"""A whole campaign written by model-backed agents: the real ``openai`` SDK inside the
activities, talking to a local OpenAI-compatible server; usage reaches the campaign,
and the poster is rendered and served."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PIL import Image

from devhost import DevHost
from marketing_agents.components import reset_components
from tests.llm.conftest import valid_reply
from tests.llm.fake_openai import FakeOpenAI, RunningServer

from .helpers import create, wait_for_status

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model_host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DevHost, FakeOpenAI]]:
    state = tmp_path_factory.mktemp("model-host")
    fake = FakeOpenAI()
    fake.responder = valid_reply
    with RunningServer(fake.app) as server:
        settings = {
            "CosmosDBConnection": f"LocalDocumentStore={state / 'documents.sqlite'}",
            "POSTER_DIR": str(state / "posters"),
            "LOCAL_USER_ID": "alice",
            "MODEL_PROVIDER": "openai_compatible",
            "MODEL_BASE_URL": server.base_url,
            "MODEL_NAME": "house-model",
            "MODEL_RETRY_BASE_SECONDS": "0.01",
            "AGENT_CACHE_BACKEND": "memory",
        }
        reset_components()
        try:
            with DevHost(ROOT, state_dir=state / "devhost", port=0, virtual_clock=True, settings=settings) as host:
                yield host, fake
        finally:
            for key in settings:  # later modules run offline again
                os.environ.pop(key, None)
            reset_components()


def test_campaign_by_model_agents(model_host: tuple[DevHost, FakeOpenAI]) -> None:
    host, fake = model_host
    brief = json.loads((ROOT / "examples" / "briefs" / "ecobottle.json").read_text())
    with httpx.Client(base_url=host.base_url, timeout=30) as http:
        campaign_id = create(http, brief)
        snapshot = wait_for_status(http, campaign_id)
        assert snapshot["campaign"]["status"] in ("AwaitingReview", "NeedsAttention")
        artifacts = snapshot["artifacts"]
        for artifact in artifacts.values():
            meta = artifact["metadata"]
            assert meta["model"] == "house-model" and meta["offline"] is False
            if meta["cached"]:  # the scripted server repeats itself, so later rounds may hit the cache
                assert meta["tokensIn"] == 0 and meta["tries"] == 0
            else:
                assert meta["tokensIn"] > 0 and meta["tries"] >= 1
        usage = snapshot["campaign"]["usage"]
        assert usage["llmCalls"] >= 3 and usage["tokensIn"] > 0 and usage["tokensOut"] > 0
        # Every request the server saw is counted, the LLM judge's too (120 + 80 tokens each).
        made = fake.chat_requests()
        assert any("Review this campaign" in body["messages"][-1]["content"] for body in made)
        assert (usage["llmCalls"], usage["tokensIn"]) == (len(made), 120 * len(made))
        assert "house-model" in fake.models_called()

        visual = artifacts["Visual"]["data"]
        png = http.get(visual["pngUrl"])
        assert png.status_code == 200 and png.headers["content-type"] == "image/png"
        assert Image.open(io.BytesIO(png.content)).size == (1080, 1350)
        svg = http.get(visual["svgUrl"])
        chosen = visual["concepts"][visual["chosenIndex"]]
        assert svg.status_code == 200 and chosen["headline"] in svg.text
        foreign = http.get(visual["pngUrl"], headers={"x-ms-client-principal-id": "mallory"})
        assert foreign.status_code == 404
        assert http.get(f"/api/campaigns/{campaign_id}/posters/nothing.gif").status_code == 404  # not a poster name
