"""HTTP-triggered functions at ``/<routePrefix>/<route>``, invoked with real func types.

Route templates and their precedence follow ASP.NET Core (route_templates.py). A path
that no route matches is a 404, a path whose routes all refuse the method a 405 with an
``Allow`` header naming exactly the methods they accept; both problem+json.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import azure.functions as func
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .app_loader import FunctionIndex, FunctionInfo
from .invoke import Invoker
from .management import client_binding
from .route_templates import compile_route, route_precedence
from .signalr import connection_info_for_binding
from .worker import FunctionTimeoutError

__all__ = ["HttpFunctions", "HttpRoute", "build_routes", "compile_route", "method_not_allowed",
           "problem"]

log = logging.getLogger("devhost")


@dataclass(frozen=True)
class HttpRoute:
    function: FunctionInfo
    template: str
    pattern: re.Pattern[str]
    methods: frozenset[str] | None        # None: every method


def build_routes(index: FunctionIndex) -> list[HttpRoute]:
    """Every HTTP trigger's route, in the order ASP.NET Core tries them."""
    routes = []
    for fn in index.http.values():
        methods = fn.trigger.settings.get("methods")
        template = str(fn.trigger.settings.get("route") or fn.name)
        routes.append(HttpRoute(fn, template, compile_route(template),
                                frozenset(str(m).upper() for m in methods) if methods else None))
    return sorted(routes, key=lambda r: (route_precedence(r.template), r.template.lower()))


def problem(status: int, title: str, detail: str,
            headers: dict[str, str] | None = None) -> Response:
    return JSONResponse({"type": "about:blank", "title": title, "status": status,
                         "detail": detail}, status_code=status, headers=headers,
                        media_type="application/problem+json")


def method_not_allowed(method: str, path: str, allowed: Iterable[str]) -> Response:
    """405 with ``Allow`` listing exactly the methods the matching routes accept."""
    allow = ", ".join(sorted(set(allowed)))
    return problem(405, "Method Not Allowed", f"{method} is not allowed on {path}; "
                   f"allowed: {allow}", headers={"Allow": allow})


def to_response(result: Any) -> Response:
    """What the worker does with a function's return value."""
    if isinstance(result, func.HttpResponse):
        headers = {k: v for k, v in result.headers.items() if k.lower() != "content-length"}
        media = None if "content-type" in {k.lower() for k in headers} else result.mimetype
        return Response(result.get_body(), status_code=result.status_code, headers=headers,
                        media_type=media)
    if result is None:
        return Response(status_code=204)
    if isinstance(result, (bytes, str)):
        return Response(result, media_type="text/plain")
    return Response(json.dumps(result), media_type="application/json")


class HttpFunctions:
    """Routes ``/api/...`` requests to HTTP-triggered functions."""

    def __init__(self, index: FunctionIndex, invoker: Invoker, hub: str) -> None:
        self.routes = build_routes(index)
        self.invoker = invoker
        self.hub = hub

    def match(self, path: str, method: str) -> tuple[HttpRoute, dict[str, str]] | set[str]:
        """The first route (in precedence order) that takes this path and method, with its
        parameters; otherwise the methods the routes matching the path accept (empty: 404)."""
        allowed: set[str] = set()
        for route in self.routes:
            m = route.pattern.fullmatch(path.strip("/"))
            if m is None:
                continue
            if route.methods is not None and method.upper() not in route.methods:
                allowed |= route.methods
                continue
            return route, {k: v for k, v in m.groupdict().items() if v is not None}
        return allowed

    async def handle(self, request: Request, path: str) -> Response:
        found = self.match(path, request.method)
        if isinstance(found, set):
            if found:
                return method_not_allowed(request.method, request.url.path, found)
            return problem(404, "Not Found", f"no function matches {request.url.path}")
        route, params = found
        fn = route.function
        req = func.HttpRequest(method=request.method, url=str(request.url),
                               headers=dict(request.headers),
                               params=dict(request.query_params), route_params=params,
                               body=await request.body())
        kwargs: dict[str, Any] = {fn.trigger.name: req}
        origin = str(request.base_url).rstrip("/")
        for b in fn.bindings:
            if b.type == "durableClient":
                kwargs[b.name] = client_binding(origin, self.hub)
            elif b.type == "signalRConnectionInfo":   # user id from x-ms-client-principal-id, else LOCAL_USER_ID
                kwargs[b.name] = json.dumps(connection_info_for_binding(
                    b.settings, dict(request.headers), dict(request.query_params), origin=origin))
            elif b.direction != 1 and b is not fn.trigger and b.name not in kwargs:
                kwargs[b.name] = None          # input bindings devhost does not provide yet
        log.info("Executing 'Functions.%s' (Reason='This function was programmatically "
                 "called via the host APIs.')", fn.name)
        t0 = time.perf_counter()
        try:
            result = await self.invoker.call(fn, kwargs)
        except FunctionTimeoutError as ex:
            log.error("Executed 'Functions.%s' (Failed, Duration=%.0fms): %s", fn.name,
                      (time.perf_counter() - t0) * 1000, ex)
            return problem(500, "Internal Server Error",
                           f"Function '{fn.name}' did not finish within functionTimeout "
                           f"({self.invoker.timeout.text}).")
        except Exception:
            log.exception("Executed 'Functions.%s' (Failed, Duration=%.0fms)", fn.name,
                          (time.perf_counter() - t0) * 1000)
            return problem(500, "Internal Server Error",
                           f"Function '{fn.name}' failed; see the devhost log for details.")
        log.info("Executed 'Functions.%s' (Succeeded, Duration=%.0fms)", fn.name,
                 (time.perf_counter() - t0) * 1000)
        return to_response(result)
