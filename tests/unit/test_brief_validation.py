"""Bad briefs are rejected with every field error listed, as problem+json details."""

from __future__ import annotations

import json
from typing import Any

import pytest

from marketing_agents.campaign.commands import parse_brief
from marketing_agents.problems import BadRequest, PayloadTooLarge


def problem_of(body: bytes) -> dict[str, Any]:
    with pytest.raises((BadRequest, PayloadTooLarge)) as caught:
        parse_brief(body)
    return caught.value.to_problem()


def test_valid_brief_parses(ecobottle_brief: dict[str, Any]) -> None:
    brief = parse_brief(json.dumps(ecobottle_brief).encode())
    assert brief.target_audience.startswith("Eco-conscious")
    assert brief.language == "en"


def test_every_missing_field_is_listed() -> None:
    problem = problem_of(b'{"theme": "x"}')
    fields = {e["field"] for e in problem["errors"]}
    assert fields == {"product", "targetAudience", "tone"}
    assert problem["status"] == 400


def test_unknown_wrong_type_and_oversized_fields(ecobottle_brief: dict[str, Any]) -> None:
    bad = dict(ecobottle_brief, colour="green", constraints="not a list", tone="x" * 500)
    problem = problem_of(json.dumps(bad).encode())
    by_field = {e["field"]: e["message"] for e in problem["errors"]}
    assert by_field["colour"] == "unknown field"
    assert "constraints" in by_field
    assert "tone" in by_field


@pytest.mark.parametrize("body", [b"", b"not json", b"[1, 2]", b'{"theme": '])
def test_non_json_bodies(body: bytes) -> None:
    assert problem_of(body)["status"] == 400


def test_blank_required_text_and_unknown_platform(ecobottle_brief: dict[str, Any]) -> None:
    bad = dict(ecobottle_brief, product="   ", platforms=["MySpace"])
    fields = {e["field"] for e in problem_of(json.dumps(bad).encode())["errors"]}
    assert "product" in fields and any(f.startswith("platforms") for f in fields)


def test_body_size_limit() -> None:
    assert problem_of(b'{"theme": "' + b"x" * 70000 + b'"}')["status"] == 413


def test_repeated_platforms_refused_but_stored_documents_still_load(ecobottle_brief: dict[str, Any]) -> None:
    from marketing_agents.models import CampaignBrief

    repeated = dict(ecobottle_brief, platforms=["X", "X", "X", "X", "X"])
    problem = problem_of(json.dumps(repeated).encode())
    assert [e["field"] for e in problem["errors"]] == ["platforms"]
    assert CampaignBrief.model_validate(repeated).requested_platforms() == ["X"]  # an old stored brief


def test_text_limits_count_the_text_as_sent(ecobottle_brief: dict[str, Any]) -> None:
    assert problem_of(json.dumps(dict(ecobottle_brief, tone="\u00a0" + "x" * 200)).encode())["status"] == 400
    assert parse_brief(json.dumps(dict(ecobottle_brief, tone=" calm\u3000")).encode()).tone == "calm"


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/merge-patch+json"])
def test_only_json_media_type(ecobottle_brief: dict[str, Any], content_type: str | None) -> None:
    from marketing_agents.problems import UnsupportedMediaType

    with pytest.raises(UnsupportedMediaType):
        parse_brief(json.dumps(ecobottle_brief).encode(), content_type)
