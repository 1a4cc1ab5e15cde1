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
