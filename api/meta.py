"""Service endpoints: health (liveness and dependencies), the OpenAPI document, and who
the caller is (``GET /api/me``, for the dashboard)."""

from __future__ import annotations

import time

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.components import components
from marketing_agents.openapi import openapi_document

from .http import caller, identity_source, json_response

bp = df.Blueprint()


@bp.route(route="api/health", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
async def health(req: func.HttpRequest) -> func.HttpResponse:
    """200 when the store answers and settings are valid; 503 naming what is wrong."""
    checks: dict[str, object] = {}
    healthy = True
    try:
        svc = components()
        started = time.perf_counter()
        await svc.repository.get_campaign("c-0000000000000000")
        checks["store"] = {"ok": True, "latencyMs": round((time.perf_counter() - started) * 1000, 2)}
        checks["agents"] = {t.value: getattr(a, "name", type(a).__name__) for t, a in svc.agents.items()}
        checks["auditor"] = getattr(svc.auditor, "name", type(svc.auditor).__name__)
    except Exception as error:  # health must answer, whatever is broken
        healthy = False
        checks["error"] = f"{type(error).__name__}: {error}"
    return json_response({"status": "ok" if healthy else "unhealthy", "checks": checks}, 200 if healthy else 503)


@bp.route(route="api/openapi.json", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
async def openapi(req: func.HttpRequest) -> func.HttpResponse:
    return json_response(openapi_document())


@bp.route(route="api/me", methods=["GET"], auth_level=func.AuthLevel.ANONYMOUS)
async def me(req: func.HttpRequest) -> func.HttpResponse:
    """The user the API acts as for this request, and whether the dashboard may offer to
    switch users (only locally: behind App Service authentication the identity is the
    signed-in person's)."""
    source = identity_source(req)
    return json_response({"userId": caller(req), "source": source, "canSwitchUser": source == "local"})
