"""The dashboard: the Vite build in ``web/dist`` served at ``/`` by the same app as the
API (marketing_agents/dashboard.py has the rules: which file, which headers, the CSP).

One function on the catch-all route ``{*path}``. With routePrefix ``""`` it ranks after
every API route and after the API's own catch-all ``api/{*path}`` (api/fallback.py), so it
only sees paths outside ``/api``. It takes every method so that a POST to ``/`` gets a
problem+json 405 naming GET and HEAD, as the API's paths do.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.components import components
from marketing_agents.dashboard import (
    DashboardFile,
    DashboardNotBuilt,
    DashboardNotFound,
    dist_folder,
    resolve,
    security_headers,
)
from marketing_agents.problems import MethodNotAllowed, NotFound, ProblemError, ServiceUnavailable

from .http import problem_response

bp = df.Blueprint()
SERVED_METHODS = ["GET", "HEAD"]
DASHBOARD_ROUTE = "{*path}"


def _load(request_path: str, dist: Path) -> tuple[DashboardFile, bytes]:
    """Resolve and read (file-system calls: run in a thread, off the event loop)."""
    found = resolve(request_path, dist)
    return found, found.path.read_bytes()


def _problem(error: ProblemError, instance: str) -> func.HttpResponse:
    response = problem_response(error, instance)
    for name, value in security_headers(components().settings).items():
        response.headers[name] = value
    return response


@bp.route(route=DASHBOARD_ROUTE, auth_level=func.AuthLevel.ANONYMOUS)
async def dashboard(req: func.HttpRequest) -> func.HttpResponse:
    """index.html for client-side routes, the built file for file paths; 404 for any
    other path, 503 while the dashboard is not built."""
    request_path = req.route_params.get("path") or ""
    instance = "/" + request_path.lstrip("/")
    if req.method.upper() not in SERVED_METHODS:
        return _problem(MethodNotAllowed(f"{req.method} is not served here; use GET or HEAD", SERVED_METHODS),
                        instance)
    try:
        found, body = await asyncio.to_thread(_load, request_path, dist_folder(components().settings))
    except DashboardNotBuilt as error:
        return _problem(ServiceUnavailable(str(error)), instance)
    except (DashboardNotFound, OSError):
        return _problem(NotFound(f"The dashboard has no file at {instance}"), instance)
    headers = {**security_headers(components().settings), "Cache-Control": found.cache_control}
    # HEAD gets the GET answer: the host (Kestrel in Azure, uvicorn under devhost) sends its
    # headers, Content-Length of the body included, and drops the body itself.
    return func.HttpResponse(body, status_code=200, headers=headers, mimetype=found.content_type)
