"""The OpenAPI 3.1 document of the HTTP API, generated from the same pydantic models
that validate requests and shape responses, so the document cannot drift from them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from . import __version__
from .compliance.adhoc import AuditRequest
from .edits import EditRequest
from .http_input import JSON_MEDIA_TYPE, MAX_SAFE_INTEGER
from .ids import CAMPAIGN_ID_PATTERN, POSTER_FILE_PATTERN, anchored
from .models import (
    ApprovalRequest,
    ArtifactType,
    ArtifactVersion,
    AuditReport,
    Campaign,
    CampaignBrief,
    CampaignEvent,
    CampaignSnapshot,
    CampaignStatus,
    CancelRequest,
    RevisionRequest,
)
from .problems import PROBLEM_CONTENT_TYPE

MAX_PAGE_SIZE = 100

MODELS: list[type[BaseModel]] = [
    CampaignBrief,
    RevisionRequest,
    EditRequest,
    AuditRequest,
    ApprovalRequest,
    CancelRequest,
    Campaign,
    CampaignSnapshot,
    ArtifactVersion,
    AuditReport,
    CampaignEvent,
]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK", **extra: Any) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}, **extra}


def _items(name: str) -> dict[str, Any]:
    return {"type": "object", "properties": {"items": {"type": "array", "items": _ref(name)}}, "required": ["items"]}


PROBLEM_TEXT = {
    "400": "The request is malformed (every field error is listed)",
    "404": "No such resource, or not the caller's",
    "405": "The method is not served here (see Allow)",
    "409": "The campaign is not in a state that allows this",
    "413": "The body is larger than the limit",
    "415": "The body is not application/json",
    "500": "The server failed; the trace is logged, never sent",
    "503": "A dependency (store, orchestration, settings) is unavailable",
}


def _problem(code: str) -> dict[str, Any]:
    return {"description": PROBLEM_TEXT[code], "content": {PROBLEM_CONTENT_TYPE: {"schema": _ref("Problem")}}}


READ_ERRORS = ("400", "404", "405", "500", "503")
WRITE_ERRORS = ("400", "404", "405", "409", "413", "415", "500", "503")


def _op(operation_id: str, summary: str, responses: dict[str, Any], errors: tuple[str, ...] = READ_ERRORS,
        **extra: Any) -> dict[str, Any]:
    problems = {code: _problem(code) for code in errors if code not in responses}
    return {"operationId": operation_id, "summary": summary, "responses": {**responses, **problems}, **extra}


def _body(name: str, description: str = "") -> dict[str, Any]:
    """Request bodies are application/json only (anything else is 415)."""
    body: dict[str, Any] = {"required": True, "content": {JSON_MEDIA_TYPE: {"schema": _ref(name)}}}
    return body | ({"description": description} if description else {})


ID = {
    "name": "id",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": anchored(CAMPAIGN_ID_PATTERN)},
}
ARTIFACT_TYPES = [t.value for t in ArtifactType]
STATUSES = [s.value for s in CampaignStatus]
TYPE = {"name": "type", "in": "path", "required": True, "schema": {"type": "string", "enum": ARTIFACT_TYPES}}
POSTER_FILE = {
    "name": "file",
    "in": "path",
    "required": True,
    "description": "{versionId}.svg or {versionId}.png of a Visual version",
    "schema": {"type": "string", "pattern": anchored(POSTER_FILE_PATTERN)},
}
ID_FROM_CREATE = {"id": "$response.body#/id"}
CAMPAIGN_LINKS = {
    name: {"operationId": operation, "parameters": ID_FROM_CREATE}
    for name, operation in (
        ("GetCampaign", "getCampaign"),
        ("ListArtifacts", "listArtifacts"),
        ("ListArtifactVersions", "listArtifactVersions"),
        ("ListAudits", "listAudits"),
        ("ListEvents", "listEvents"),
        ("RequestRevision", "requestRevision"),
        ("SaveEdit", "saveEdit"),
        ("ApproveCampaign", "approveCampaign"),
        ("CancelCampaign", "cancelCampaign"),
    )
}
LINKS_SCHEMA = {"type": "object", "additionalProperties": {"type": "string"}}
CREATED = {
    "type": "object",
    "properties": {"id": {"type": "string"}, "status": {"type": "string"}, "links": LINKS_SCHEMA},
    "required": ["id", "status", "links"],
}
REVISING = {
    "type": "object",
    "properties": {
        "campaignId": {"type": "string"},
        "revisionNumber": {"type": "integer"},
        "status": {"const": "Revising"},
        "links": LINKS_SCHEMA,
    },
    "required": ["campaignId", "revisionNumber", "status", "links"],
}
EDITING = {
    "type": "object",
    "properties": {
        "campaignId": {"type": "string"},
        "status": {"const": "Auditing"},
        "editNumber": {"type": "integer", "minimum": 1},
        "links": LINKS_SCHEMA,
    },
    "required": ["campaignId", "status", "editNumber", "links"],
}
CANCELLED = {
    "type": "object",
    "properties": {"campaignId": {"type": "string"}, "status": {"const": "Cancelled"}},
    "required": ["campaignId", "status"],
}
CHECKED = {
    "type": "object",
    "properties": {
        "report": _ref("AuditReport"),
        "artifacts": {
            "type": "object",
            "description": "The data that was audited, by artifact type: findings' field and span index into it",
            "properties": {t.value: {"type": "object"} for t in ArtifactType},
            "additionalProperties": False,
        },
    },
    "required": ["report", "artifacts"],
}
BRAND_KITS = {
    "type": "object",
    "properties": {"items": {"type": "array", "items": {
        "type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
        "required": ["id", "name"]}}},
    "required": ["items"],
}
ME = {
    "type": "object",
    "properties": {
        "userId": {"type": "string"},
        "source": {"enum": ["appService", "local"]},
        "canSwitchUser": {"type": "boolean"},
    },
    "required": ["userId", "source", "canSwitchUser"],
}
AFTER = {"type": "integer", "minimum": 0, "maximum": MAX_SAFE_INTEGER, "default": 0}
EMPTY_BODY_NOTE = "An empty body (still sent as application/json) counts as {}."


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
    paths: dict[str, Any] = {
        "/api/campaigns": {
            "post": _op(
                "createCampaign",
                "Create a campaign from a brief and start its orchestration",
                {"202": _json(CREATED, "Accepted", links=CAMPAIGN_LINKS)},
                ("400", "405", "413", "415", "500", "503"),
                requestBody=_body("CampaignBrief"),
            ),
            "get": _op(
                "listCampaigns",
                "List the caller's campaigns, newest first",
                {
                    "200": _json(
                        {
                            "type": "object",
                            "properties": {
                                "items": {"type": "array", "items": _ref("Campaign")},
                                "continuationToken": {"type": ["string", "null"]},
                            },
                            "required": ["items", "continuationToken"],
                        }
                    )
                },
                ("400", "405", "500", "503"),
                parameters=[
                    {"name": "status", "in": "query", "schema": {"type": "string", "enum": STATUSES}},
                    {"name": "pageSize", "in": "query",
                     "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE, "default": 20}},
                    {"name": "continuationToken", "in": "query", "schema": {"type": "string"},
                     "description": "Opaque; from the previous page (an unknown token is 400)"},
                ],
            ),
        },
        "/api/campaigns/{id}": {
            "get": _op("getCampaign", "Campaign snapshot", {"200": _json(_ref("CampaignSnapshot"))}, parameters=[ID])
        },
        "/api/campaigns/{id}/artifacts": {
            "get": _op(
                "listArtifacts",
                "Artifact versions, newest first",
                {"200": _json(_items("ArtifactVersion"))},
                parameters=[ID, {"name": "type", "in": "query", "schema": {"type": "string", "enum": ARTIFACT_TYPES}}],
            )
        },
        "/api/campaigns/{id}/artifacts/{type}/versions": {
            "get": _op(
                "listArtifactVersions",
                "All versions of one artifact, newest first",
                {"200": _json(_items("ArtifactVersion"))},
                parameters=[ID, TYPE],
            )
        },
        "/api/campaigns/{id}/audits": {
            "get": _op("listAudits", "Audit history", {"200": _json(_items("AuditReport"))}, parameters=[ID])
        },
        "/api/campaigns/{id}/events": {
            "get": _op(
                "listEvents",
                "Events after a sequence number (catch-up)",
                {"200": _json(_items("CampaignEvent"))},
                parameters=[ID, {"name": "after", "in": "query", "schema": AFTER}],
            )
        },
        "/api/campaigns/{id}/revisions": {
            "post": _op(
                "requestRevision",
                "Ask for a revision",
                {"202": _json(REVISING, "Accepted")},
                WRITE_ERRORS,
                parameters=[ID],
                requestBody=_body("RevisionRequest"),
            )
        },
        "/api/campaigns/{id}/edits": {
            "post": _op(
                "saveEdit",
                "Save a person's edit of one artifact: a new version by that person, audited at once, then back "
                "in review. 409 unless AwaitingReview or NeedsAttention, or when basedOnVersionId is not the "
                "active version (the problem's currentVersionId names it); 400 when data does not validate as "
                "the artifact type's data",
                {"202": _json(EDITING, "Accepted")},
                WRITE_ERRORS,
                parameters=[ID],
                requestBody=_body("EditRequest"),
            )
        },
        "/api/campaigns/{id}/approve": {
            "post": _op(
                "approveCampaign",
                "Approve the campaign",
                {"200": _json(_ref("Campaign"))},
                WRITE_ERRORS,
                parameters=[ID],
                requestBody=_body("ApprovalRequest", EMPTY_BODY_NOTE),
            )
        },
        "/api/campaigns/{id}/cancel": {
            "post": _op(
                "cancelCampaign",
                "Cancel a running campaign",
                {"202": _json(CANCELLED, "Accepted")},
                WRITE_ERRORS,
                parameters=[ID],
                requestBody=_body("CancelRequest", EMPTY_BODY_NOTE),
            )
        },
        "/api/campaigns/{id}/export": {
            "get": _op(
                "exportCampaign",
                "The campaign as a zip: README.txt, brief.json, copy.md, short-copy.csv, poster/<versionId>.svg "
                "and .png, poster/alt-text.txt, audits/<reportId>.json (every audit), approval.json",
                {"200": {"description": "The zip (Content-Disposition: attachment; filename=<slug>-<id>.zip)",
                         "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}},
                parameters=[ID],
            )
        },
        "/api/campaigns/{id}/posters/{file}": {
            "get": _op(
                "getPoster",
                "The rendered poster of a Visual version",
                {"200": {"description": "The poster", "content": {"image/svg+xml": {}, "image/png": {}}}},
                ("404", "405", "500", "503"),
                parameters=[ID, POSTER_FILE],
            )
        },
        "/api/audit": {
            "post": _op(
                "auditText",
                "Check any copy with the same rules as the audit command; the report is not stored",
                {"200": _json(CHECKED)},
                ("400", "405", "413", "415", "500", "503"),
                requestBody=_body("AuditRequest"),
            )
        },
        "/api/brand-kits": {
            "get": _op("listBrandKits", "The brand kits a brief or a check may name", {"200": _json(BRAND_KITS)},
                       ("405", "500", "503"))
        },
        "/api/me": {
            "get": _op("me", "The user the API acts as, and whether the dashboard may switch users (locally only)",
                       {"200": _json(ME)}, ("405",))
        },
        "/api/negotiate": {
            "post": _op(
                "negotiate",
                "SignalR connection info for the caller. Takes no body (the official SignalR client sends none), "
                "and changes nothing",
                {"200": _json({"type": "object", "properties": {"url": {"type": "string"},
                                                                  "accessToken": {"type": "string"}},
                               "required": ["url", "accessToken"]})},
                ("405", "500", "503"),
            )
        },
        "/api/health": {
            "get": _op(
                "health",
                "Liveness and dependency status",
                {"200": _json({"type": "object"}), "503": _json({"type": "object"}, "Unhealthy")},
                ("405",),
            )
        },
        "/api/openapi.json": {"get": _op("openapi", "This document", {"200": _json({"type": "object"})}, ("405",))},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "Marketing Agents Platform API", "version": __version__},
        "paths": paths,
        "components": {"schemas": schemas},
    }
