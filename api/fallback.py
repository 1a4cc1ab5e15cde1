"""The answer for every request under ``/api`` that no API function takes: 404
problem+json for a path the API does not have, 405 problem+json with ``Allow`` for a path
it has, asked with a method it does not serve.

The route prefix is ``""`` (host.json) so that the same app also serves the dashboard at
``/`` (api/dashboard.py); every API route is written with its ``api/`` prefix. This
function takes the catch-all route ``api/{*path}`` (every method token). Hosts rank a
catch-all after every more specific route (ASP.NET route precedence; devhost does the
same), so it only sees what no API route matched, and it ranks before the dashboard's
``{*path}``, so an unknown API path is never answered with the dashboard's index page.
The ``Allow`` list is derived from the app's own route table — the HTTP triggers of the
API blueprints — so it cannot drift from the routes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import azure.durable_functions as df
import azure.functions as func

from marketing_agents.problems import MethodNotAllowed, NotFound

from .campaigns import bp as campaign_api
from .checks import bp as checks_api
from .http import guarded
from .meta import bp as meta_api
from .realtime import bp as realtime_api

bp = df.Blueprint()
ALL_METHODS = [m.value for m in func.HttpMethod]
API_PREFIX = "api/"
CATCH_ALL_ROUTE = API_PREFIX + "{*path}"


@dataclass(frozen=True)
class ApiRoute:
    template: str
    pattern: re.Pattern[str]
    methods: frozenset[str]


def _compile(template: str) -> re.Pattern[str]:
    """A route template's segments: ``{name}`` is one path segment, the rest literal;
    case-insensitive, as the Functions host matches routes."""
    parts = [r"[^/]+" if re.fullmatch(r"\{[A-Za-z_][A-Za-z0-9_]*\}", segment) else re.escape(segment)
             for segment in template.strip("/").split("/")]
    return re.compile("/".join(parts), re.IGNORECASE)


def route_table(blueprints: Iterable[df.Blueprint]) -> list[ApiRoute]:
    """Every HTTP route of ``blueprints`` with the methods it serves (merged per route)."""
    methods: dict[str, set[str]] = {}
    for blueprint in blueprints:
        for builder in blueprint._function_builders:
            trigger = builder._function.get_trigger()
            if trigger is None or trigger.get_binding_name() != "httpTrigger":
                continue
            route = getattr(trigger, "route", None)
            template = route or builder._function.get_function_name()
            served = getattr(trigger, "methods", None) or ALL_METHODS
            methods.setdefault(template, set()).update(str(getattr(m, "value", m)).upper() for m in served)
    return [ApiRoute(t, _compile(t), frozenset(m)) for t, m in methods.items()]


ROUTES = route_table([campaign_api, checks_api, meta_api, realtime_api])


def allowed_methods(path: str, routes: list[ApiRoute] = ROUTES) -> list[str]:
    """The methods the API serves at ``path`` (from the site root, e.g. ``api/health``); empty if none."""
    found: set[str] = set()
    for route in routes:
        if route.pattern.fullmatch(path.strip("/")):
            found |= route.methods
    return sorted(found)


# No ``methods``: the trigger takes every method token (TRACE, QUERY, …), not only the
# ones azure.functions names, so each gets this problem+json answer with the right Allow.
@bp.route(route=CATCH_ALL_ROUTE, auth_level=func.AuthLevel.ANONYMOUS)
@guarded
async def no_such_route(req: func.HttpRequest) -> func.HttpResponse:
    path = API_PREFIX + (req.route_params.get("path") or "").strip("/")
    allowed = allowed_methods(path)
    if allowed:
        raise MethodNotAllowed(f"{req.method} is not served here; use {', '.join(allowed)}", allowed)
    raise NotFound(f"The API has no resource at /{path.rstrip('/')}")
