"""HTTP-triggered functions at ``/<routePrefix>/<route>``, invoked with real func types.

Route templates follow ASP.NET Core (what the Functions host uses): ``{name}``,
optional ``{name?}``, constraints like ``{id:int}``, catch-all ``{*rest}``; matching is
case-insensitive.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass
from typing import Any

import azure.functions as func
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .app_loader import FunctionIndex, FunctionInfo
from .invoke import Invoker
from .management import client_binding
from .signalr import connection_info_for_binding

log = logging.getLogger("devhost")

CONSTRAINTS = {"int": r"-?\d+", "long": r"-?\d+", "alpha": r"[A-Za-z]+",
               "bool": r"(?:true|false|True|False)", "float": r"-?\d+(?:\.\d+)?",
               "double": r"-?\d+(?:\.\d+)?", "decimal": r"-?\d+(?:\.\d+)?",
               "guid": r"[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}"}
_PARAM = re.compile(r"\{(\*?)([A-Za-z_][A-Za-z0-9_]*)(?::([^}?=]+))?(\?)?(?:=[^}]*)?\}")


def compile_route(template: str) -> re.Pattern[str]:
    """Turn a route template into a regex with one named group per parameter."""
    parts: list[str] = []
    for i, segment in enumerate(template.strip("/").split("/")):
        sep = "/" if i else ""
        m = _PARAM.fullmatch(segment)
        if m:
            catch_all, name, constraint, optional = m.groups()
            first = (constraint or "").split(":")[0].split("(")[0]
            body = ".*" if catch_all else CONSTRAINTS.get(first, r"[^/]+")
            group = f"(?P<{name}>{body})"
            parts.append(f"(?:{sep}{group})?" if optional or catch_all else sep + group)
            continue
        pattern, pos = "", 0
        for pm in _PARAM.finditer(segment):
            pattern += re.escape(segment[pos:pm.start()]) + f"(?P<{pm.group(2)}>[^/]+?)"
            pos = pm.end()
        parts.append(sep + pattern + re.escape(segment[pos:]))
    return re.compile("".join(parts), re.IGNORECASE)


@dataclass(frozen=True)
class HttpRoute:
    function: FunctionInfo
    pattern: re.Pattern[str]
    methods: frozenset[str] | None


def build_routes(index: FunctionIndex) -> list[HttpRoute]:
    routes = []
    for fn in index.http.values():
        methods = fn.trigger.settings.get("methods")
        template = fn.trigger.settings.get("route") or fn.name
        routes.append(HttpRoute(fn, compile_route(template),
                                frozenset(str(m).upper() for m in methods) if methods else None))
    # literal routes before parameterised ones, catch-alls ({*rest}) last, like ASP.NET's
    # route precedence
    return sorted(routes, key=lambda r: ("{*" in (r.function.trigger.settings.get("route") or ""),
                                         r.pattern.pattern.count("(?P<")))


def problem(status: int, title: str, detail: str) -> Response:
    return JSONResponse({"type": "about:blank", "title": title, "status": status,
                         "detail": detail}, status_code=status,
                        media_type="application/problem+json")


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

    def match(self, path: str, method: str) -> tuple[HttpRoute, dict[str, str]] | bool | None:
        """The route and its parameters; False when only the method is wrong."""
        wrong_method = False
        for route in self.routes:
            m = route.pattern.fullmatch(path.strip("/"))
            if m is None:
                continue
            if route.methods is not None and method not in route.methods:
                wrong_method = True
                continue
            return route, {k: v for k, v in m.groupdict().items() if v is not None}
        return False if wrong_method else None

    async def handle(self, request: Request, path: str) -> Response:
        found = self.match(path, request.method)
        if found is False:
            return problem(405, "Method Not Allowed", f"{request.method} is not allowed here")
        if not found:
            return problem(404, "Not Found", f"no function matches /{path}")
        assert isinstance(found, tuple)
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
        except Exception:
            log.exception("Executed 'Functions.%s' (Failed, Duration=%.0fms)", fn.name,
                          (time.perf_counter() - t0) * 1000)
            return problem(500, "Internal Server Error",
                           f"Function '{fn.name}' failed; see the devhost log for details.")
        log.info("Executed 'Functions.%s' (Succeeded, Duration=%.0fms)", fn.name,
                 (time.perf_counter() - t0) * 1000)
        return to_response(result)
