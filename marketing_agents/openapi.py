"""The OpenAPI 3.1 document of the HTTP API, generated from the same pydantic models
that validate requests and shape responses, so the document cannot drift from them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import __version__
from .models import (
    ApprovalRequest,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CampaignBrief,
    CampaignEvent,
    CampaignSnapshot,
    RevisionRequest,
)

MODELS: list[type[BaseModel]] = [
    CampaignBrief,
    RevisionRequest,
    ApprovalRequest,
    Campaign,
    CampaignSnapshot,
    ArtifactVersion,
    AuditReport,
    CampaignEvent,
]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _items(name: str) -> dict[str, Any]:
    return {"type": "object", "properties": {"items": {"type": "array", "items": _ref(name)}}}


PROBLEM = {
    "description": "An RFC 7807 problem",
    "content": {"application/problem+json": {"schema": _ref("Problem")}},
}
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
TYPE = {"name": "type", "in": "path", "required": True, "schema": {"enum": ["Copy", "ShortCopy", "Visual"]}}


def _op(summary: str, responses: dict[str, Any], **extra: Any) -> dict[str, Any]:
    errors = {code: PROBLEM for code in ("400", "404", "409", "500") if code not in responses}
    return {"summary": summary, "responses": {**responses, **errors}, **extra}


def openapi_document() -> dict[str, Any]:
    _, defs = models_json_schema(
        [(m, "validation") for m in MODELS], by_alias=True, ref_template="#/components/schemas/{model}"
    )
    schemas: dict[str, Any] = dict(defs.get("$defs", {}))
    schemas["Problem"] = {
        "type": "object",
        "properties": {k: {"type": "string"} for k in ("type", "title", "detail", "instance")}
        | {"status": {"type": "integer"}, "errors": {"type": "array", "items": {"type": "object"}}},
        "required": ["type", "title", "status"],
    }
    accepted = _json({"type": "object"}, "Accepted")
    paths: dict[str, Any] = {
        "/api/campaigns": {
            "post": _op(
                "Create a campaign from a brief and start its orchestration",
                {"202": accepted, "413": PROBLEM},
                requestBody={"required": True, "content": {"application/json": {"schema": _ref("CampaignBrief")}}},
            ),
            "get": _op(
                "List the caller's campaigns, newest first",
                {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "items": {"type": "array", "items": _ref("Campaign")},
                                "continuationToken": {"type": ["string", "null"]},
                            },
                        }
                    )
                },
                parameters=[
                    {"name": "status", "in": "query", "schema": {"type": "string"}},
                    {"name": "pageSize", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                    {"name": "continuationToken", "in": "query", "schema": {"type": "string"}},
                ],
            ),
        },
        "/api/campaigns/{id}": {
            "get": _op("Campaign snapshot", {"200": _json(_ref("CampaignSnapshot"))}, parameters=[ID])
        },
        "/api/campaigns/{id}/artifacts": {
            "get": _op(
                "Artifact versions, newest first",
                {"200": _json(_items("ArtifactVersion"))},
                parameters=[ID, {"name": "type", "in": "query", "schema": {"enum": ["Copy", "ShortCopy", "Visual"]}}],
            )
        },
        "/api/campaigns/{id}/artifacts/{type}/versions": {
            "get": _op(
                "All versions of one artifact, newest first",
                {"200": _json(_items("ArtifactVersion"))},
                parameters=[ID, TYPE],
            )
        },
        "/api/campaigns/{id}/audits": {
            "get": _op("Audit history", {"200": _json(_items("AuditReport"))}, parameters=[ID])
        },
        "/api/campaigns/{id}/events": {
            "get": _op(
                "Events after a sequence number (catch-up)",
                {"200": _json(_items("CampaignEvent"))},
                parameters=[ID, {"name": "after", "in": "query", "schema": {"type": "integer", "minimum": 0}}],
            )
        },
        "/api/campaigns/{id}/revisions": {
            "post": _op(
                "Ask for a revision",
                {"202": accepted},
                parameters=[ID],
                requestBody={"required": True, "content": {"application/json": {"schema": _ref("RevisionRequest")}}},
            )
        },
        "/api/campaigns/{id}/approve": {
            "post": _op(
                "Approve the campaign",
                {"200": _json(_ref("Campaign"))},
                parameters=[ID],
                requestBody={"required": False, "content": {"application/json": {"schema": _ref("ApprovalRequest")}}},
            )
        },
        "/api/campaigns/{id}/posters/{file}": {
            "get": _op(
                "The rendered poster of a Visual version ({versionId}.svg or {versionId}.png)",
                {
                    "200": {
                        "description": "The poster",
                        "content": {"image/svg+xml": {}, "image/png": {}},
                    }
                },
                parameters=[ID, {"name": "file", "in": "path", "required": True, "schema": {"type": "string"}}],
            )
        },
        "/api/campaigns/{id}/cancel": {"post": _op("Cancel a running campaign", {"202": accepted}, parameters=[ID])},
        "/api/health": {
            "get": {
                "summary": "Liveness and dependency status",
                "responses": {"200": _json({"type": "object"}), "503": _json({"type": "object"}, "Unhealthy")},
            }
        },
        "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": _json({"type": "object"})}}},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Marketing Agents Platform API", "version": __version__},
        "paths": paths,
        "components": {"schemas": schemas},
    }
