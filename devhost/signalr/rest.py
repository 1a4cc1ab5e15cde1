"""The service's data-plane REST API, the part apps use: send to everyone, a group, a
user or a connection; add and remove connections and users to and from groups; close a
connection. Both path styles are served: ``/api/v1/hubs/...`` (the v1 API) and
``/api/hubs/...`` (api-version 2022-06-01, with ``/:send``).

Every call needs ``Authorization: Bearer <JWT>`` signed with the AccessKey, whose
audience is the request URL (query excluded) — what the service's SDKs send.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from . import auth
from .service import ServiceState

Handler = Callable[[Request], Awaitable[Response]]
PREFIXES = ("/api/v1/hubs/{hub}", "/api/hubs/{hub}")


def _problem(status: int, message: str) -> JSONResponse:
    return JSONResponse({"code": status, "message": message}, status_code=status)


class RestApi:
    def __init__(self, emulator: ServiceState) -> None:
        self.emulator = emulator
        self.hubs = emulator.hubs

    def routes(self) -> list[BaseRoute]:
        table: list[tuple[str, list[str], Handler]] = [
            ("", ["POST"], self.send_all),
            ("/:send", ["POST"], self.send_all),
            ("/groups/{group}", ["POST"], self.send_group),
            ("/groups/{group}/:send", ["POST"], self.send_group),
            ("/groups/{group}", ["HEAD", "GET"], self.group_exists),
            ("/users/{user}", ["POST"], self.send_user),
            ("/users/{user}/:send", ["POST"], self.send_user),
            ("/users/{user}", ["HEAD", "GET"], self.user_exists),
            ("/connections/{connection}", ["POST"], self.send_connection),
            ("/connections/{connection}/:send", ["POST"], self.send_connection),
            ("/connections/{connection}", ["HEAD", "GET"], self.connection_exists),
            ("/connections/{connection}", ["DELETE"], self.close_connection),
            ("/groups/{group}/connections/{connection}", ["PUT", "DELETE"], self.group_connection),
            ("/connections/{connection}/groups", ["DELETE"], self.connection_leave_all),
            ("/groups/{group}/users/{user}", ["PUT", "DELETE", "HEAD", "GET"], self.group_user),
            ("/users/{user}/groups/{group}", ["PUT", "DELETE", "HEAD", "GET"], self.group_user),
            ("/users/{user}/groups", ["DELETE"], self.user_leave_all),
        ]
        routes: list[BaseRoute] = [Route("/api/v1/health", self.health, methods=["GET", "HEAD"])]
        for prefix in PREFIXES:
            routes += [Route(prefix + path, self._guard(handler), methods=methods) for path, methods, handler in table]
        return routes

    def _guard(self, handler: Handler) -> Handler:
        async def guarded(request: Request) -> Response:
            self.emulator.attach_loop()
            try:
                claims = auth.verify(self.emulator.access_key, auth.bearer(request.headers.get("authorization")))
                auth.check_rest_audience(claims, request.url.path)
            except auth.TokenError as error:
                return _problem(401, str(error))
            return await handler(request)

        return guarded

    async def health(self, request: Request) -> Response:
        return Response(status_code=200)

    @staticmethod
    def _hub(request: Request) -> str:
        return str(request.path_params["hub"]).lower()

    @staticmethod
    async def _message(request: Request) -> tuple[str, list[Any]] | JSONResponse:
        try:
            body = json.loads(await request.body() or b"null")
        except json.JSONDecodeError:
            return _problem(400, "the body is not valid JSON")
        if not isinstance(body, dict):
            return _problem(400, "the body must be an object {target, arguments}")
        body = {str(k).lower(): v for k, v in body.items()}
        target, arguments = body.get("target"), body.get("arguments") or []
        if not isinstance(target, str) or not target or not isinstance(arguments, list):
            return _problem(400, "the body needs a non-empty 'target' and an 'arguments' array")
        return target, arguments

    async def _send(self, request: Request, targets: Callable[[str], list[Any]]) -> Response:
        message = await self._message(request)
        if isinstance(message, Response):
            return message
        self.hubs.send(targets(self._hub(request)), *message)
        return Response(status_code=202)

    async def send_all(self, request: Request) -> Response:
        return await self._send(request, self.hubs.of_hub)

    async def send_group(self, request: Request) -> Response:
        return await self._send(request, lambda hub: self.hubs.of_group(hub, request.path_params["group"]))

    async def send_user(self, request: Request) -> Response:
        return await self._send(request, lambda hub: self.hubs.of_user(hub, request.path_params["user"]))

    async def send_connection(self, request: Request) -> Response:
        def target(hub: str) -> list[Any]:
            conn = self.hubs.connection(hub, request.path_params["connection"])
            return [conn] if conn is not None else []

        return await self._send(request, target)

    async def group_exists(self, request: Request) -> Response:
        found = self.hubs.group_exists(self._hub(request), request.path_params["group"])
        return Response(status_code=200 if found else 404)

    async def user_exists(self, request: Request) -> Response:
        found = bool(self.hubs.of_user(self._hub(request), request.path_params["user"]))
        return Response(status_code=200 if found else 404)

    async def connection_exists(self, request: Request) -> Response:
        found = self.hubs.connection(self._hub(request), request.path_params["connection"]) is not None
        return Response(status_code=200 if found else 404)

    async def close_connection(self, request: Request) -> Response:
        self.hubs.close_connection(self._hub(request), request.path_params["connection"],
                                   request.query_params.get("reason"))
        return Response(status_code=200)

    async def group_connection(self, request: Request) -> Response:
        hub, group, connection = self._hub(request), request.path_params["group"], request.path_params["connection"]
        if request.method == "PUT":
            if not self.hubs.add_connection(hub, group, connection):
                return _problem(404, f"no connection {connection!r} in hub {hub!r}")
        else:
            self.hubs.remove_connection(hub, group, connection)
        return Response(status_code=200)

    async def connection_leave_all(self, request: Request) -> Response:
        self.hubs.remove_connection_from_all(self._hub(request), request.path_params["connection"])
        return Response(status_code=200)

    async def group_user(self, request: Request) -> Response:
        hub, group, user = self._hub(request), request.path_params["group"], request.path_params["user"]
        if request.method == "PUT":
            self.hubs.add_user(hub, group, user)
        elif request.method == "DELETE":
            self.hubs.remove_user(hub, group, user)
        else:
            return Response(status_code=200 if self.hubs.user_in_group(hub, group, user) else 404)
        return Response(status_code=200)

    async def user_leave_all(self, request: Request) -> Response:
        self.hubs.remove_user_from_all(self._hub(request), request.path_params["user"])
        return Response(status_code=200)
