"""A person's edit of an artifact: the request, the validation of the edited data (the
same models, with the same bounds, that agents' output is made with), and the version
the edit becomes.

Only what a person chose is taken from the request. What is derived is derived again
here, never trusted: each short post's length, limit, over-limit flag and hashtags are
measured the platform's way (marketing_agents/platforms.py); a poster's URLs are
dropped (the activity renders the edited concept again); the readable ``content`` is
rendered from the data.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, ValidationError, WithJsonSchema
from pydantic_core import InitErrorDetails

from .ids import ARTIFACT_VERSION_ID_PATTERN, anchored
from .models import (
    ARTIFACT_DATA,
    WHITESPACE,
    ArtifactData,
    ArtifactMetadata,
    ArtifactType,
    ArtifactVersion,
    CopyData,
    Platform,
    ShortCopyData,
    ShortPost,
    StrictRequest,
    VisualData,
    utc_now,
)
from .platforms import measure
from .problems import validation_problem

MAX_EDIT_COMMENT = 500
DATA_SCHEMAS: dict[str, Any] = {"description": "The artifact's data, as the artifactType's data model"}


def _strip(value: str) -> str:
    return value.strip(WHITESPACE)


EditComment = Annotated[
    str, StringConstraints(max_length=MAX_EDIT_COMMENT), AfterValidator(_strip),
    WithJsonSchema({"type": "string", "maxLength": MAX_EDIT_COMMENT}),
]
VersionId = Annotated[
    str, StringConstraints(pattern=anchored(ARTIFACT_VERSION_ID_PATTERN)),
    WithJsonSchema({"type": "string", "pattern": anchored(ARTIFACT_VERSION_ID_PATTERN)}),
]


class EditRequest(StrictRequest):
    """``POST /api/campaigns/{id}/edits``: the artifact's new structured data, and which
    active version the person edited (so that an edit of a version since replaced is
    refused, not silently applied over someone else's)."""

    # The document says which data goes with which type (a Visual's data sent as Copy is
    # a 400, so a schema that allowed it would promise what the server refuses).
    model_config = ConfigDict(**StrictRequest.model_config, json_schema_extra={"oneOf": [
        {"properties": {"artifactType": {"const": t.value},
                        "data": {"$ref": f"#/components/schemas/{m.__name__}"}}}
        for t, m in ARTIFACT_DATA.items()
    ]})

    artifact_type: ArtifactType
    data: dict[str, Any] = Field(json_schema_extra=DATA_SCHEMAS)
    based_on_version_id: VersionId
    comment: EditComment | None = None


def _located(error: ValidationError) -> ValidationError:
    """The errors of the data model, located under ``data`` as the request sent them."""
    details = [
        InitErrorDetails(type=e["type"], loc=("data", *e["loc"]), input=e["input"], ctx=e.get("ctx", {}))
        for e in error.errors()
    ]
    return ValidationError.from_exception_data("EditRequest", details)


def edited_data(request: EditRequest) -> ArtifactData:
    """The request's data as the artifact type's model, validated as agents' output is
    (bounds included), with derived values recomputed; 400 listing every field error."""
    model = ARTIFACT_DATA[request.artifact_type]
    try:
        typed = model.model_validate(request.data)  # no AS_WRITTEN context: every bound applies
    except ValidationError as error:
        raise validation_problem(_located(error), "edit") from error
    if isinstance(typed, ShortCopyData):
        return ShortCopyData(posts=[measured(post.platform, post.text) for post in typed.posts])
    if isinstance(typed, VisualData):  # the poster is the chosen concept's (the last, past the end)
        chosen = min(typed.chosen_index, len(typed.concepts) - 1)
        return typed.model_copy(update={"chosen_index": chosen, "svg_url": None, "png_url": None})
    return typed


def measured(platform: Platform, text: str) -> ShortPost:
    """A post measured the platform's way (the person's numbers are never kept)."""
    size = measure(text, platform)
    return ShortPost(platform=platform, text=text, character_count=size.count, limit=size.limit,
                     over_limit=size.over_limit or size.too_many_hashtags, hashtags=size.hashtags)


def render_content(data: ArtifactData) -> str:
    """The version's readable text (what the timeline and the CLI show), from its data."""
    if isinstance(data, CopyData):
        lines = ["## Headlines", *[f"{i}. {h}" for i, h in enumerate(data.headlines, 1)],
                 "", "## Body (short)", data.body_short, "", "## Body (medium)", data.body_medium,
                 "", "## Body (long)", data.body_long,
                 "", "## Calls to action", *[f"- {c}" for c in data.calls_to_action]]
        return "\n".join(lines)
    if isinstance(data, ShortCopyData):
        return "\n\n".join(
            f"[{p.platform.value} {p.character_count}/{p.limit}{' OVER LIMIT' if p.over_limit else ''}] {p.text}"
            for p in data.posts
        )
    return "\n\n".join(
        f"{'* ' if i == data.chosen_index else ''}Concept {i + 1}: {c.headline}\n{c.subline}\n"
        f"CTA: {c.call_to_action}\nPalette: {', '.join(c.palette)}\nLayout: {c.layout}\nAlt text: {c.alt_text}"
        for i, c in enumerate(data.concepts)
    )


def _words(content: str) -> int:
    return len(re.findall(r"\w+", content))


def edited_version(
    version_id: str,
    campaign_id: str,
    artifact_type: ArtifactType,
    version_number: int,
    revision_number: int,
    data: ArtifactData,
    user: str,
    comment: str | None,
) -> ArtifactVersion:
    """The version a person's edit becomes: written by that person (``agentName`` and
    ``metadata.editedBy`` name them; no model wrote it), in the current revision, round 0."""
    content = render_content(data)
    notes = [f"edited by {user}"] + ([f"comment: {comment}"] if comment else [])
    metadata = ArtifactMetadata(word_count=_words(content), model=None, offline=False, tries=0,
                                edited_by=user, notes=notes)
    return ArtifactVersion(
        id=version_id,
        campaign_id=campaign_id,
        type=artifact_type,
        version_number=version_number,
        revision_number=revision_number,
        round=0,
        content=content,
        data=data,
        metadata=metadata,
        agent_name=user,
        created_at=utc_now(),
    )
