"""What the model must answer, one pydantic model per artifact type.

These are the *model's* shapes, kept separate from :mod:`marketing_agents.models` on
purpose: the model proposes, the code decides. Short posts carry no character counts
(the code measures them the platform's way) and the schema sent to the server is the
strict subset structured outputs accept (every property required, no extra keys).
"""

from __future__ import annotations

import copy
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..models import ArtifactType, Platform

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

    platform: Platform
    text: Body


class ShortCopyOutput(ModelOutput):
    posts: list[ShortPostDraft] = Field(min_length=1, max_length=60)


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
    concepts: list[PosterConceptDraft] = Field(min_length=2, max_length=5)
    chosen_index: int = Field(ge=0, le=4)


OUTPUT_MODELS: dict[ArtifactType, type[ModelOutput]] = {
    ArtifactType.COPY: CopyOutput,
    ArtifactType.SHORT_COPY: ShortCopyOutput,
    ArtifactType.VISUAL: VisualOutput,
}

# Keywords that strict structured outputs reject (string lengths) or that only add noise.
# pydantic still enforces every constraint on the reply, so nothing is lost by dropping them.
_DROP = {"title", "default", "minLength", "maxLength"}


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema made strict: every property required, no extra keys."""
    schema = copy.deepcopy(model.model_json_schema())

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in _DROP & node.keys():
                del node[key]
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
