"""The Durable HTTP management API (``/runtime/webhooks/durabletask/...``).

The SDK's DurableOrchestrationClient talks to these endpoints over real HTTP, so status
codes and payloads follow the Durable extension's HttpApiHandler.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .durable.events import parse_iso
from .durable.scheduler import ClientError, Scheduler
from .durable.status import get_status, list_statuses

WEBHOOK = "/runtime/webhooks/durabletask"


def management_urls(origin: str, hub: str, instance_id: str) -> dict[str, str]:
    """The check-status payload (also the durableClient binding's managementUrls)."""
    base = f"{origin}{WEBHOOK}/instances/{instance_id}"
    query = f"taskHub={hub}&connection=Storage&code="
    return {
        "id": instance_id,
        "purgeHistoryDeleteUri": f"{base}?{query}",
        "sendEventPostUri": f"{base}/raiseEvent/{{eventName}}?{query}",
        "statusQueryGetUri": f"{base}?{query}",
        "terminatePostUri": f"{base}/terminate?reason={{text}}&{query}",
        "restartPostUri": f"{base}/restart?{query}",
        "suspendPostUri": f"{base}/suspend?reason={{text}}&{query}",
        "resumePostUri": f"{base}/resume?reason={{text}}&{query}",
        "rewindPostUri": f"{base}/rewind?reason={{text}}&{query}",
    }


def client_binding(origin: str, hub: str) -> str:
    """The JSON the host passes for a durableClient input binding, pointing at devhost."""
    base = f"{origin}{WEBHOOK}/"
    query = f"taskHub={hub}&connection=Storage&code="
    return json.dumps({
        "taskHubName": hub,
        "creationUrls": {
            "createNewInstancePostUri": f"{base}orchestrators/{{functionName}}[/{{instanceId}}]"
                                        f"?{query}",
            "createAndWaitOnNewInstancePostUri": f"{base}orchestrators/{{functionName}}"
                                                 f"[/{{instanceId}}]?timeout={{timeoutInSeconds}}"
                                                 f"&pollingInterval={{intervalInSeconds}}&{query}",
        },
        "managementUrls": management_urls(origin, hub, "INSTANCEID"),
        "baseUrl": base,
        "requiredQueryStringParameters": query,
        "rpcBaseUrl": base,
        "httpBaseUrl": base,
    })


def _origin(request: Request) -> str:
    return str(request.base_url).rstrip("/")


async def _json_body(request: Request) -> str | None:
    """The request body as JSON text. The SDK double-encodes (it posts ``json=dumps(x)``),
    so a string that itself holds JSON is unwrapped, as the Durable extension does."""
    raw = await request.body()
    if not raw.strip():
        return None
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        raise ClientError(400, "Only application/json request content is supported") from None
    if isinstance(value, str):
        with contextlib.suppress(json.JSONDecodeError):
            value = json.loads(value)
    return json.dumps(value)


def _error(ex: ClientError) -> Response:
    body = {"Message": "Something went wrong while processing your request",
            "ExceptionMessage": str(ex), "ExceptionType": "System.ArgumentException"}
    return JSONResponse(body, status_code=ex.status)


class ManagementApi:
    """Starlette routes over a Scheduler."""

    def __init__(self, scheduler: Scheduler, hub: str) -> None:
        self.scheduler = scheduler
        self.hub = hub

    def routes(self) -> list[Route]:
        return [
            Route(WEBHOOK + "/orchestrators/{name}", self.start, methods=["POST"]),
            Route(WEBHOOK + "/orchestrators/{name}/{instance_id}", self.start, methods=["POST"]),
            Route(WEBHOOK + "/instances", self.list, methods=["GET"]),
            Route(WEBHOOK + "/instances/", self.list, methods=["GET"]),
            Route(WEBHOOK + "/instances/{instance_id}", self.status, methods=["GET"]),
            Route(WEBHOOK + "/instances/{instance_id}", self.purge, methods=["DELETE"]),
            Route(WEBHOOK + "/instances/{instance_id}/raiseEvent/{event}", self.raise_event,
                  methods=["POST"]),
            Route(WEBHOOK + "/instances/{instance_id}/terminate", self.terminate,
                  methods=["POST"]),
        ]

    async def start(self, request: Request) -> Response:
        name = request.path_params["name"]
        try:
            body = await _json_body(request)
            iid = await self.scheduler.submit(lambda: self.scheduler.cmd_start(
                name, body, request.path_params.get("instance_id")))
        except ClientError as ex:
            return _error(ex)
        payload = management_urls(_origin(request), self.hub, iid)
        return JSONResponse(payload, status_code=202,
                            headers={"Location": payload["statusQueryGetUri"],
                                     "Retry-After": "10"})

    async def status(self, request: Request) -> Response:
        q = request.query_params
        iid = request.path_params["instance_id"]
        st = get_status(self.scheduler, iid,
                        show_history=q.get("showHistory", "").lower() == "true",
                        show_output=q.get("showHistoryOutput", "").lower() == "true",
                        show_input=q.get("showInput", "true").lower() != "false")
        if st is None:
            return Response(status_code=404)
        code = 202 if st["runtimeStatus"] in ("Pending", "Running") else 200
        if (st["runtimeStatus"] == "Failed"
                and q.get("returnInternalServerErrorOnFailure", "").lower() == "true"):
            code = 500
        headers = {}
        if code == 202:
            headers = {"Location": str(request.url), "Retry-After": "10"}
        return JSONResponse(st, status_code=code, headers=headers)

    async def list(self, request: Request) -> Response:
        q = request.query_params
        statuses = [s for s in q.get("runtimeStatus", "").split(",") if s] or None
        created_from = parse_iso(q["createdTimeFrom"]) if q.get("createdTimeFrom") else None
        created_to = parse_iso(q["createdTimeTo"]) if q.get("createdTimeTo") else None
        rows = list_statuses(self.scheduler, statuses, created_from, created_to,
                             q.get("instanceIdPrefix"),
                             show_input=q.get("showInput", "").lower() == "true")
        return JSONResponse(rows)

    async def raise_event(self, request: Request) -> Response:
        iid, name = request.path_params["instance_id"], request.path_params["event"]
        try:
            body = await _json_body(request)
            await self.scheduler.submit(lambda: self.scheduler.cmd_raise(iid, name, body))
        except ClientError as ex:
            return _error(ex)
        return Response(status_code=202)

    async def terminate(self, request: Request) -> Response:
        iid = request.path_params["instance_id"]
        reason = request.query_params.get("reason", "")
        try:
            await self.scheduler.submit(lambda: self.scheduler.cmd_terminate(iid, reason))
        except ClientError as ex:
            return _error(ex)
        return Response(status_code=202)

    async def purge(self, request: Request) -> Response:
        iid = request.path_params["instance_id"]
        deleted = await self.scheduler.submit(lambda: self.scheduler.cmd_purge(iid))
        if not deleted:
            return Response(status_code=404)
        return JSONResponse({"instancesDeleted": deleted})

