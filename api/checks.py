"""Checking copy outside any campaign: ``POST /api/audit`` (the audit command's twin,
marketing_agents/compliance/adhoc.py) and ``GET /api/brand-kits`` for its picker."""

from __future__ import annotations

import asyncio

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.compliance import build_auditor
from marketing_agents.compliance.adhoc import AuditRequest, brand_kit_dirs, brand_kits, check_text
from marketing_agents.components import components

from .http import guarded, json_response, request_body

bp = df.Blueprint()
ANONYMOUS = func.AuthLevel.ANONYMOUS


@bp.route(route="api/audit", methods=["POST"], auth_level=ANONYMOUS)
@guarded
async def audit_text(req: func.HttpRequest) -> func.HttpResponse:
    """The report for pasted text (not stored) and the data it audited, so that each
    finding's ``field`` and ``span`` index into ``artifacts[type]``."""
    request = request_body(req, AuditRequest, "audit request")
    settings = components().settings
    report, layout = await check_text(request, settings.compliance_threshold, build_auditor(settings))
    return json_response({"report": report.to_doc(), "artifacts": {layout.type.value: layout.data}})


@bp.route(route="api/brand-kits", methods=["GET"], auth_level=ANONYMOUS)
@guarded
async def list_brand_kits(req: func.HttpRequest) -> func.HttpResponse:
    kits = await asyncio.to_thread(brand_kits, brand_kit_dirs(components().settings))  # reads YAML files
    items = [{"id": k.id, "name": k.brand.name if k.brand else k.title} for k in kits]
    return json_response({"items": items})
