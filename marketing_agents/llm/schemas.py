"""What the model must answer, one pydantic model per artifact type.

These are the *model's* shapes, kept separate from :mod:`marketing_agents.models` on
purpose: the model proposes, the code decides. Short posts carry no character counts
(the code measures them the platform's way) and the schema sent to the server is the
strict subset structured outputs accept (every property required, no extra keys).

The schema sent must carry every constraint that validation enforces, or a model that
follows it exactly can still be rejected. So the shapes are chosen to be expressible:
short posts are grouped by platform with a minimum per platform (the model is built per
brief, for the platforms it asks for), the recommended poster concept is a field of its
own rather than an index that must point into a list, and string lengths, which strict
structured outputs do not accept as ``minLength``/``maxLength``, become a ``pattern``.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

from ..agents.base import AgentContext
from ..models import ArtifactType, Platform

MIN_POSTS_PER_PLATFORM = 3
MAX_POSTS_PER_PLATFORM = 10

Line = Annotated[str, StringConstraints(min_length=1, max_length=400, strip_whitespace=True)]
Body = Annotated[str, StringConstraints(min_length=1, max_length=6000)]
HexColour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


class ModelOutput(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CopyOutput(ModelOutput):
    headlines: list[Line] = Field(min_length=3, max_length=10)
    body_short: Body
    body_medium: Body
    body_long: Body
    calls_to_action: list[Line] = Field(min_length=3, max_length=10)
    tone_summary: Line
    keywords: list[Line] = Field(max_length=20)


class ShortPostDraft(ModelOutput):
    """A post exactly as published, hashtags included: the code extracts the hashtags
    and counts the characters itself."""

    text: Body


class ShortCopyOutput(ModelOutput):
    """The shape every per-brief short-copy model has (see :func:`short_copy_output`)."""

    posts: BaseModel


@cache
def short_copy_output(platforms: tuple[Platform, ...]) -> type[ShortCopyOutput]:
    """The short-copy answer for these platforms: ``posts.<platform>`` is a list of
    3 to 10 posts for each, so the schema itself says "at least 3 per platform"."""
    fields: dict[str, Any] = {
        platform.value: (
            list[ShortPostDraft],
            Field(min_length=MIN_POSTS_PER_PLATFORM, max_length=MAX_POSTS_PER_PLATFORM),
        )
        for platform in platforms
    }
    posts = create_model("ShortCopyPosts", __base__=ModelOutput, **fields)
    return create_model("ShortCopyOutput", __base__=ShortCopyOutput, posts=(posts, ...))


def posts_by_platform(reply: ShortCopyOutput, platforms: Sequence[Platform]) -> dict[Platform, list[str]]:
    return {platform: [draft.text for draft in getattr(reply.posts, platform.value)] for platform in platforms}


class PosterConceptDraft(ModelOutput):
    headline: Line
    subline: Line
    call_to_action: Line
    palette: list[HexColour] = Field(min_length=2, max_length=6)
    layout: Line
    mood: list[Line] = Field(max_length=8)
    style: list[Line] = Field(max_length=8)
    image_prompt: Body
    alt_text: Line


class VisualOutput(ModelOutput):
    """The recommended concept and 1 to 4 alternatives (stored with the chosen one first)."""

    chosen: PosterConceptDraft
    alternatives: list[PosterConceptDraft] = Field(min_length=1, max_length=4)


def output_model(artifact_type: ArtifactType, context: AgentContext) -> type[ModelOutput]:
    """What the model must answer for this artifact of this campaign."""
    if artifact_type is ArtifactType.COPY:
        return CopyOutput
    if artifact_type is ArtifactType.SHORT_COPY:
        return short_copy_output(tuple(context.brief.requested_platforms()))
    return VisualOutput


# Keywords that only add noise for the model.
_DROP = {"title", "default"}


def length_pattern(min_length: int, max_length: int | None) -> str:
    """A regular expression for a string of ``min_length`` to ``max_length`` characters.

    Strict structured outputs accept ``pattern`` but not string lengths. The pattern also
    asks for no leading or trailing whitespace, so a string that matches it still has
    its length after the stripping some fields do: stricter than validation, never looser.
    """
    if max_length is not None and max_length < max(min_length, 1):
        return "^$" if max_length == 0 else r"^\S$"
    upper = "" if max_length is None else str(max_length - 2)
    if min_length >= 2:
        return rf"^\S[\s\S]{{{min_length - 2},{upper}}}\S$"
    one_or_more = rf"\S(?:[\s\S]{{0,{upper}}}\S)?"
    return f"^{one_or_more}$" if min_length == 1 else f"^(?:{one_or_more})?$"


def _lengths_to_pattern(node: dict[str, Any]) -> None:
    if "minLength" not in node and "maxLength" not in node:
        return
    if "pattern" in node:
        raise ValueError(f"cannot express both a pattern and string lengths in one schema node: {node}")
    node["pattern"] = length_pattern(int(node.pop("minLength", 0)), node.pop("maxLength", None))


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema made strict: every property required, no extra keys,
    string lengths as patterns."""
    schema = copy.deepcopy(model.model_json_schema())

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in _DROP & node.keys():
                del node[key]
            if node.get("type") == "string":
                _lengths_to_pattern(node)
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node["properties"])
                for value in node["properties"].values():  # names here are fields, not keywords
                    walk(value)
            for key, value in node.items():
                if key != "properties":
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    return schema


def response_format_for(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The ``response_format`` of a structured-output chat completion."""
    return {
        "type": "json_schema",
        "json_schema": {"name": name, "strict": True, "schema": strict_json_schema(model)},
    }
