"""The last route of devhost's front: every method, every path no earlier route took.

Starlette answers a method it does not route with a text/plain 405 and an unknown path
with a text/plain 404, and a function endpoint only takes GET. This ASGI endpoint takes
any method token (TRACE, QUERY, ``FOO``...) and any path, so every answer is
problem+json: the route prefix goes to the HTTP functions; a devhost path (admin,
runtime, SignalR) asked with a method it does not serve gets 405 with ``Allow``; the
rest is 404.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, Route
from starlette.types import Receive, Scope, Send

from .http_functions import method_not_allowed, problem

FunctionHandler = Callable[[Request, str], Awaitable[Response]]


class FrontFallback:
    """ASGI endpoint for ``Route("/{path:path}", FrontFallback(...))`` (methods: all)."""

    def __init__(self, prefix: str, functions: FunctionHandler,
                 routes: Callable[[], Sequence[BaseRoute]]) -> None:
        self.prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
        self.functions = functions
        self.routes = routes           # read at request time: routes mounted later count

    def _function_path(self, path: str) -> str | None:
        """The part after the route prefix, or None if the path is outside it."""
        if not self.prefix:
            return path.lstrip("/")
        lowered, prefix = path.lower(), self.prefix.lower()
        if lowered == prefix or lowered.startswith(prefix + "/"):
            return path[len(self.prefix):].lstrip("/")
        return None

    def _allowed_by_devhost(self, scope: Scope) -> set[str]:
        """Methods devhost's own routes serve at this path (they matched all but the method)."""
        allowed: set[str] = set()
        for route in self.routes():
            if isinstance(route, Route) and route.endpoint is not self and route.methods:
                match, _ = route.matches(scope)
                if match is Match.PARTIAL:
                    allowed |= route.methods
        return allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        # scope["path"], not request.url.path: building a URL drops "\n", "\r" and "\t"
        # (urlsplit's rule), which would hand the functions a path the client never sent.
        path = scope["path"]
        allowed = self._allowed_by_devhost(scope)
        response: Response
        if allowed:
            response = method_not_allowed(request.method, path, allowed)
        else:
            rest = self._function_path(path)
            if rest is not None:
                response = await self.functions(request, rest)
            else:
                response = problem(404, "Not Found", f"nothing is served at {path}")
        await response(scope, receive, send)
