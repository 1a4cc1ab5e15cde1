"""HTTP triggers: routing, request/response mapping, failures, output bindings."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx

from devhost import DevHost


def _docs(tmp_path: Path, container: str) -> list[tuple[str, str]]:
    with sqlite3.connect(tmp_path / "docs.db") as conn:
        return conn.execute("SELECT id, partition_key FROM documents WHERE container = ?",
                            (container,)).fetchall()


def test_host_status_and_routes(host: DevHost) -> None:
    with httpx.Client(base_url=host.base_url) as c:
        assert c.get("/admin/host/status").json()["state"] == "Running"
        r = c.get("/api/hello/ada", params={"q": "x"})
        assert r.json() == {"greeting": "hello ada", "q": "x"}   # from local.settings.json
        assert r.headers["content-type"].startswith("application/json")
        assert c.get("/api/HELLO/ada").status_code == 200           # case-insensitive
        assert c.get("/api/items/42").json() == {"id": "42"}
        assert c.get("/api/items/42/more").json() == {"id": "42", "tail": "more"}
        assert c.get("/api/items/abc").status_code == 404           # {id:int}
        assert c.post("/api/hello/ada").status_code == 405
        assert c.get("/api/nothing/here").status_code == 404


def test_function_exception_is_a_500_without_details(host: DevHost) -> None:
    r = httpx.get(host.base_url + "/api/boom")
    assert r.status_code == 500
    assert r.headers["content-type"] == "application/problem+json"
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.json()["status"] == 500


def test_http_output_binding_written_only_on_success(host: DevHost, tmp_path: Path) -> None:
    with httpx.Client(base_url=host.base_url) as c:
        assert c.post("/api/docs", json={"id": "a1", "v": 1}).status_code == 201
        assert c.post("/api/docs", json={"id": "a2", "fail": True}).status_code == 500
        assert c.post("/api/docs", json={"id": "a1", "v": 2}).status_code == 201
    assert _docs(tmp_path, "http") == [("a1", '"a1"')]


def test_virtual_clock_endpoint_only_in_virtual_mode(host: DevHost, vhost: DevHost) -> None:
    url = "/runtime/webhooks/devhost/clock"
    assert httpx.post(host.base_url + url, params={"advanceSeconds": 5}).status_code == 404
    before = vhost.clock.peek()
    r = httpx.post(vhost.base_url + url, params={"advanceSeconds": 3600})
    assert r.status_code == 200
    assert (vhost.clock.peek() - before).total_seconds() >= 3600


def _is_problem(r: httpx.Response, status: int) -> None:
    assert r.status_code == status, (r.request.method, r.request.url, r.status_code, r.text)
    assert r.headers["content-type"] == "application/problem+json"
    if r.request.method != "HEAD":
        assert r.json()["status"] == status


METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "QUERY", "FOO", "HEAD", "OPTIONS"]


def test_wrong_method_is_a_405_problem_with_allow(host: DevHost) -> None:
    with httpx.Client(base_url=host.base_url) as c:
        for method in [m for m in METHODS if m != "GET"]:
            r = c.request(method, "/api/hello/ada")
            _is_problem(r, 405)
            assert r.headers["allow"] == "GET"
            if method != "HEAD":                              # devhost's own routes too
                r = c.request(method, "/admin/host/status")
                _is_problem(r, 405)
                assert r.headers["allow"] == "GET, HEAD"


def test_allow_lists_exactly_the_methods_of_every_route_matching_the_path(host: DevHost) -> None:
    with httpx.Client(base_url=host.base_url) as c:
        r = c.post("/api/prec/5")      # prec/{id:int} GET, prec/{id} GET PUT, prec/{*rest} DELETE
        _is_problem(r, 405)
        assert r.headers["allow"] == "DELETE, GET, PUT"
        r = c.post("/api/prec/x/y")    # only the catch-all matches two segments
        assert r.headers["allow"] == "DELETE"


def test_unmatched_paths_are_404_problems(host: DevHost) -> None:
    paths = ["/api/nothing/here", "/api", "/", "/nothing", "/client/",
             "/runtime/webhooks/durabletask/nothing", "/admin/nothing", "/API/Nothing"]
    with httpx.Client(base_url=host.base_url) as c:
        for method in METHODS:
            for path in paths:
                _is_problem(c.request(method, path), 404)


def test_route_precedence_literal_then_constrained_then_parameter_then_catch_all(
        host: DevHost) -> None:
    with httpx.Client(base_url=host.base_url) as c:
        assert c.get("/api/prec/new").text == "literal"
        assert c.get("/api/prec/5").text == "constrained"
        assert c.get("/api/prec/abc").text == "parameter"
        assert c.put("/api/prec/5").text == "parameter"       # the constrained one is GET only
        assert c.delete("/api/prec/5").text == "catch-all"
        assert c.delete("/api/prec/x/y").text == "catch-all"
