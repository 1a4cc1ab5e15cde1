"""The campaign REST API of SPEC.md section 4 (HTTP triggers).

Thin: parse and authorise the request, call the campaign service, tell the
orchestration, answer. Every error is problem+json; a rejected request stores nothing.
"""

from __future__ import annotations

import logging
from typing import cast

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.campaign import export
from marketing_agents.campaign.commands import CampaignCommands, parse_artifact_type, parse_status, review_event
from marketing_agents.campaign.contracts import CANCEL_EVENT, CancelNotice
from marketing_agents.components import components
from marketing_agents.edits import EditRequest
from marketing_agents.ids import parse_poster_file
from marketing_agents.models import ApprovalRequest, CampaignBrief, CancelRequest, RevisionRequest
from marketing_agents.openapi import MAX_PAGE_SIZE
from marketing_agents.poster import CONTENT_TYPES, PosterKind
from marketing_agents.problems import NotFound, ServiceUnavailable

from .http import base_url, caller, guarded, json_response, query_number, request_body

bp = df.Blueprint()
log = logging.getLogger(__name__)
ORCHESTRATOR = "campaign_orchestrator"
ANONYMOUS = func.AuthLevel.ANONYMOUS


def _service() -> CampaignCommands:
    svc = components()
    return CampaignCommands(svc.repository, svc.settings)


def _links(req: func.HttpRequest, campaign_id: str) -> dict[str, str]:
    root = f"{base_url(req)}/api/campaigns/{campaign_id}"
    return {
        "self": root,
        "artifacts": f"{root}/artifacts",
        "audits": f"{root}/audits",
        "events": f"{root}/events",
        "revisions": f"{root}/revisions",
        "edits": f"{root}/edits",
        "approve": f"{root}/approve",
        "cancel": f"{root}/cancel",
        "export": f"{root}/export",
    }


@bp.route(route="api/campaigns", methods=["POST"], auth_level=ANONYMOUS)
@bp.durable_client_input(client_name="client")
@guarded
async def create_campaign(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    brief = request_body(req, CampaignBrief, "brief")
    service = _service()
    campaign, flow = await service.create(brief, caller(req))
    try:
        await client.start_new(ORCHESTRATOR, campaign.id, flow.to_doc())
    except Exception as error:
        await service.mark_failed(campaign.id, "the orchestration could not be started")
        raise ServiceUnavailable("The campaign was saved but its orchestration could not start") from error
    links = _links(req, campaign.id)
    body = {"id": campaign.id, "status": campaign.status.value, "links": links}
    return json_response(body, 202, {"Location": links["self"]})


@bp.route(route="api/campaigns", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def list_campaigns(req: func.HttpRequest) -> func.HttpResponse:
    status = parse_status(req.params["status"]) if "status" in req.params else None
    page_size = query_number(req, "pageSize", 20, 1, MAX_PAGE_SIZE)
    items, token = await _service().list(caller(req), status, page_size, req.params.get("continuationToken") or None)
    return json_response({"items": [c.to_doc() for c in items], "continuationToken": token})


@bp.route(route="api/campaigns/{id}", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def get_campaign(req: func.HttpRequest) -> func.HttpResponse:
    snapshot = await _service().snapshot(req.route_params["id"], caller(req))
    return json_response(snapshot.to_doc())


@bp.route(route="api/campaigns/{id}/artifacts", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def list_artifacts(req: func.HttpRequest) -> func.HttpResponse:
    artifact_type = parse_artifact_type(req.params["type"]) if "type" in req.params else None
    versions = await _service().versions(req.route_params["id"], caller(req), artifact_type)
    return json_response({"items": [v.to_doc() for v in versions]})


@bp.route(route="api/campaigns/{id}/artifacts/{type}/versions", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def list_artifact_versions(req: func.HttpRequest) -> func.HttpResponse:
    artifact_type = parse_artifact_type(req.route_params["type"])
    versions = await _service().versions(req.route_params["id"], caller(req), artifact_type)
    return json_response({"items": [v.to_doc() for v in versions]})


@bp.route(route="api/campaigns/{id}/audits", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def list_audits(req: func.HttpRequest) -> func.HttpResponse:
    reports = await _service().audits(req.route_params["id"], caller(req))
    return json_response({"items": [r.to_doc() for r in reports]})


@bp.route(route="api/campaigns/{id}/events", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def list_events(req: func.HttpRequest) -> func.HttpResponse:
    after = query_number(req, "after", 0)  # the last sequence number the client has seen
    events = await _service().events(req.route_params["id"], caller(req), after)
    return json_response({"items": [e.to_doc() for e in events]})


@bp.route(route="api/campaigns/{id}/revisions", methods=["POST"], auth_level=ANONYMOUS)
@bp.durable_client_input(client_name="client")
@guarded
async def request_revision(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    request = request_body(req, RevisionRequest, "revision request")
    campaign_id = req.route_params["id"]
    service = _service()
    revision, decision, before = await service.request_revision(campaign_id, caller(req), request)
    try:
        await client.raise_event(campaign_id, review_event(before), decision.to_doc())
    except Exception as error:  # the orchestration is gone or unreachable: undo, so nothing is half-done
        await service.undo_revision(before)
        raise ServiceUnavailable("The revision could not be started; the campaign is unchanged, try again") from error
    body = {"campaignId": campaign_id, "revisionNumber": revision.revision_number, "status": "Revising"}
    return json_response(dict(body, links=_links(req, campaign_id)), 202)


@bp.route(route="api/campaigns/{id}/edits", methods=["POST"], auth_level=ANONYMOUS)
@bp.durable_client_input(client_name="client")
@guarded
async def save_edit(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    """A person's edit of one artifact: stored as a new version by the orchestration,
    audited at once, and the campaign back in review (docs/events.md, "Edits")."""
    request = request_body(req, EditRequest, "edit")
    campaign_id = req.route_params["id"]
    service = _service()
    decision, before = await service.edit(campaign_id, caller(req), request)
    try:
        await client.raise_event(campaign_id, review_event(before), decision.to_doc())
    except Exception as error:  # the orchestration is gone or unreachable: undo, so nothing is half-done
        await service.undo_edit(before)
        raise ServiceUnavailable("The edit could not be saved; the campaign is unchanged, try again") from error
    body = {"campaignId": campaign_id, "status": "Auditing", "editNumber": decision.edit.edit_number
            if decision.edit else 0}
    return json_response(dict(body, links=_links(req, campaign_id)), 202)


@bp.route(route="api/campaigns/{id}/approve", methods=["POST"], auth_level=ANONYMOUS)
@bp.durable_client_input(client_name="client")
@guarded
async def approve_campaign(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    request = request_body(req, ApprovalRequest, "approval", empty_is_object=True)
    campaign_id = req.route_params["id"]
    campaign, decision = await _service().approve(campaign_id, caller(req), request)
    await client.raise_event(campaign_id, review_event(campaign), decision.to_doc())
    return json_response(campaign.to_doc())


@bp.route(route="api/campaigns/{id}/cancel", methods=["POST"], auth_level=ANONYMOUS)
@bp.durable_client_input(client_name="client")
@guarded
async def cancel_campaign(req: func.HttpRequest, client: df.DurableOrchestrationClient) -> func.HttpResponse:
    """Cancel wins by its etag'd write (a concurrent approve or revise cannot also win);
    the orchestration, told by the cancel event, stops and announces it with the next
    number of the campaign's event sequence, which only it assigns."""
    request_body(req, CancelRequest, "cancellation", empty_is_object=True)
    campaign_id = req.route_params["id"]
    user = caller(req)
    campaign = await _service().cancel(campaign_id, user)
    notice = CancelNotice(by=user, reason=campaign.status_reason or f"cancelled by {user}")
    try:
        await client.raise_event(campaign_id, CANCEL_EVENT, notice.to_doc())
    except Exception:  # no orchestration to tell (it ended or never started)
        log.warning("campaign %s cancelled with no running orchestration to announce it", campaign_id)
    return json_response({"campaignId": campaign_id, "status": campaign.status.value}, 202)


@bp.route(route="api/campaigns/{id}/posters/{file}", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def get_poster(req: func.HttpRequest) -> func.HttpResponse:
    """The rendered poster of a Visual version, as SVG or PNG (`{versionId}.svg|png`)."""
    campaign_id = req.route_params["id"]
    await _service().readable(campaign_id, caller(req))
    parsed = parse_poster_file(req.route_params["file"])
    if parsed is None or not parsed[0].startswith(campaign_id + "-"):
        raise NotFound("No such poster: ask for {versionId}.svg or .png of one of this campaign's Visual versions")
    version_id, kind = parsed
    body = await components().posters.load(campaign_id, version_id, cast(PosterKind, kind))
    if body is None:
        raise NotFound(f"No poster for version {version_id!r}")
    headers = {"Cache-Control": "private, max-age=3600", "X-Content-Type-Options": "nosniff"}
    if kind == "svg":  # user text inside the SVG is escaped; this keeps scripts off anyway
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return func.HttpResponse(body, status_code=200, mimetype=CONTENT_TYPES[kind], headers=headers)


@bp.route(route="api/campaigns/{id}/export", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def export_campaign(req: func.HttpRequest) -> func.HttpResponse:
    """The campaign as a zip (marketing_agents/campaign/export.py lists what is inside)."""
    contents = await export.gather(_service(), components().posters, req.route_params["id"], caller(req))
    body = await export.build_zip(contents)
    headers = {
        "Content-Disposition": f'attachment; filename="{export.export_filename(contents.campaign)}"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
    }
    return func.HttpResponse(body, status_code=200, mimetype="application/zip", headers=headers)
