"""The OpenAPI document lists exactly the app's HTTP routes and methods (the catch-all
aside): the Allow header and the document come from the same route table."""

from __future__ import annotations

from api.fallback import ROUTES
from marketing_agents.openapi import openapi_document


def test_document_and_route_table_agree() -> None:
    paths = openapi_document()["paths"]
    documented = {path.removeprefix("/"): {m.upper() for m in ops} for path, ops in paths.items()}
    served = {route.template: set(route.methods) for route in ROUTES}
    assert documented == served


def test_every_request_body_is_json_only() -> None:
    for ops in openapi_document()["paths"].values():
        for op in ops.values():
            if "requestBody" in op:
                assert list(op["requestBody"]["content"]) == ["application/json"]
