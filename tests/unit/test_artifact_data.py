"""``ArtifactVersion.data`` is the typed model its ``type`` names, and stored JSON is
unchanged: a version reads back to the same document, and a version stored before a
bound existed still loads (but no agent builds on it)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from marketing_agents.agents.base import AgentContext
from marketing_agents.agents.offline.brief import make_plan
from marketing_agents.agents.offline.common import previous_data
from marketing_agents.models import (
    MAX_SHORT_POSTS,
    ArtifactType,
    ArtifactVersion,
    CampaignBrief,
    CopyData,
    ShortCopyData,
    VisualData,
)
from marketing_agents.openapi import openapi_document
from tests.unit.artifact_samples import COPY, DATA, POST

MODEL = {ArtifactType.COPY: CopyData, ArtifactType.SHORT_COPY: ShortCopyData, ArtifactType.VISUAL: VisualData}


def stored(artifact_type: ArtifactType, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": f"c-1:{artifact_type.value}:v1", "campaignId": "c-1", "type": artifact_type.value, "versionNumber": 1,
        "revisionNumber": 0, "round": 0, "content": "text", "data": data, "metadata": {}, "agentName": "test",
        "createdAt": "2026-01-01T00:00:00Z",
    }


@pytest.mark.parametrize("artifact_type", list(ArtifactType))
def test_data_is_the_model_of_its_type_and_the_document_is_unchanged(artifact_type: ArtifactType) -> None:
    doc = stored(artifact_type, DATA[artifact_type])
    version = ArtifactVersion.model_validate(doc)
    assert type(version.data) is MODEL[artifact_type]
    assert version.to_doc()["data"] == DATA[artifact_type]
    assert ArtifactVersion.model_validate_json(json.dumps(version.to_doc())) == version


def test_data_of_another_type_is_refused_under_data() -> None:
    with pytest.raises(ValidationError) as raised:
        ArtifactVersion.model_validate(stored(ArtifactType.COPY, DATA[ArtifactType.SHORT_COPY]))
    assert {e["loc"][:2] for e in raised.value.errors()} >= {("data", "headlines"), ("data", "bodyLong")}
    copy = CopyData.model_validate(COPY)
    with pytest.raises(ValidationError, match="must be ShortCopyData"):
        ArtifactVersion.model_validate(stored(ArtifactType.SHORT_COPY, COPY) | {"data": copy})


def test_a_version_stored_before_the_bounds_loads_but_is_not_built_on() -> None:
    bloated = {"posts": [POST] * (MAX_SHORT_POSTS + 15)}  # as the issue 8 rounds left them
    with pytest.raises(ValidationError, match=f"at most {MAX_SHORT_POSTS}"):
        ShortCopyData.model_validate(bloated)  # data being made keeps the bound
    version = ArtifactVersion.model_validate(stored(ArtifactType.SHORT_COPY, bloated))
    assert isinstance(version.data, ShortCopyData) and len(version.data.posts) == MAX_SHORT_POSTS + 15
    brief = CampaignBrief(theme="Summer", product="EcoBottle", target_audience="Hikers", tone="Calm")
    context = AgentContext(campaign_id="c-1", artifact_type=ArtifactType.SHORT_COPY, brief=brief, previous=version)
    plan = make_plan(context)
    assert previous_data(context, ShortCopyData, plan) is None
    assert any("written afresh" in note for note in plan.notes)


def test_the_openapi_document_describes_data_as_one_of_the_three_models() -> None:
    schema = openapi_document()["components"]["schemas"]
    data = schema["ArtifactVersion"]["properties"]["data"]
    assert sorted(ref["$ref"].rsplit("/", 1)[1] for ref in data["oneOf"]) == ["CopyData", "ShortCopyData", "VisualData"]
    assert schema["ShortCopyData"]["properties"]["posts"]["maxItems"] == MAX_SHORT_POSTS
