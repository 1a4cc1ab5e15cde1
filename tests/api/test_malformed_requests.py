"""Every malformed request gets a 4xx problem+json, never a 500, and stores nothing:
numbers in query strings, ids and file names in paths, body shapes and media types,
wrong methods and unknown routes (issue 8). Against the real app in devhost."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from devhost import DevHost

JSON = {"content-type": "application/json"}
SOME_ID = "c-0123456789abcdef"


@pytest.fixture(scope="module")
def http(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30) as client:
        yield client


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status and body["detail"]
    assert "Traceback" not in response.text
    return body


def stored_campaigns(http: httpx.Client) -> int:
    return len(http.get("/api/campaigns", params={"pageSize": 100}).json()["items"])


@pytest.fixture(scope="module")
def campaign_id(http: httpx.Client, ecobottle: dict[str, Any]) -> str:
    created = http.post("/api/campaigns", json=ecobottle)
    assert created.status_code == 202, created.text
    return str(created.json()["id"])


@pytest.fixture(scope="module")
def ecobottle() -> dict[str, Any]:
    from pathlib import Path

    return dict(json.loads((Path(__file__).parents[2] / "examples/briefs/ecobottle.json").read_text()))


@pytest.mark.parametrize("value", ["²", "٣", "1.5", "-1", "", " 1", "0x10", "1e3", "9" * 40, "9" * 5000])
def test_page_size_that_is_not_a_bounded_ascii_number(http: httpx.Client, value: str) -> None:
    body = problem(http.get("/api/campaigns", params={"pageSize": value}), 400)
    assert body["parameter"] == "pageSize"


@pytest.mark.parametrize("value", ["²", "9" * 40, str(2**53), "-0", "a"])
def test_events_after_that_is_not_a_bounded_ascii_number(http: httpx.Client, campaign_id: str, value: str) -> None:
    body = problem(http.get(f"/api/campaigns/{campaign_id}/events", params={"after": value}), 400)
    assert body["parameter"] == "after"


def test_largest_after_is_answered(http: httpx.Client, campaign_id: str) -> None:
    response = http.get(f"/api/campaigns/{campaign_id}/events", params={"after": str(2**53 - 1)})
    assert response.status_code == 200 and response.json() == {"items": []}


@pytest.mark.parametrize("status", ["", "awaitingreview", "Nope"])
def test_status_filter_is_the_enum(http: httpx.Client, status: str) -> None:
    problem(http.get("/api/campaigns", params={"status": status}), 400)


def test_campaign_id_with_a_trailing_newline_is_not_found(http: httpx.Client, campaign_id: str) -> None:
    assert http.get(f"/api/campaigns/{campaign_id}").status_code == 200
    problem(http.get(f"/api/campaigns/{campaign_id}%0A"), 404)
    problem(http.get(f"/api/campaigns/{campaign_id.upper()}"), 404)


@pytest.mark.parametrize("name", [
    "..x.svg", "ééé.svg", "x..y.png", "a%00.svg", "%0A.svg", "-visual-v1.svg.png",
    "c-0123456789abcdef-visual-v1.svg", "{campaign}-copy-v1.svg", "{campaign}-visual-v1.svg%0A",
    "{campaign}-visual-v0.png", "{campaign}-visual-v1.gif",
])
def test_poster_names_outside_the_grammar_are_not_found(http: httpx.Client, campaign_id: str, name: str) -> None:
    problem(http.get(f"/api/campaigns/{campaign_id}/posters/{name.replace('{campaign}', campaign_id)}"), 404)


@pytest.mark.parametrize("content_type", [None, "text/plain", "application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "application/xml",
                                          "application/problem+json", "application/json; charset=latin-1"])
def test_brief_that_is_not_json_is_415(http: httpx.Client, ecobottle: dict[str, Any], content_type: str | None) -> None:
    before = stored_campaigns(http)
    headers = {"content-type": content_type} if content_type else {}
    problem(http.post("/api/campaigns", content=json.dumps(ecobottle), headers=headers), 415)
    assert stored_campaigns(http) == before


def test_json_with_charset_is_accepted(http: httpx.Client, ecobottle: dict[str, Any]) -> None:
    response = http.post("/api/campaigns", content=json.dumps(ecobottle),
                         headers={"content-type": "Application/JSON; charset=UTF-8"})
    assert response.status_code == 202, response.text


@pytest.mark.parametrize("action", ["approve", "cancel", "revisions"])
@pytest.mark.parametrize("content_type", [None, "application/x-www-form-urlencoded", "text/plain"])
def test_decisions_need_json(http: httpx.Client, campaign_id: str, action: str, content_type: str | None) -> None:
    """A cross-site form (no preflight) cannot approve, revise or cancel, body or not."""
    headers = {"content-type": content_type} if content_type else {}
    problem(http.post(f"/api/campaigns/{campaign_id}/{action}", headers=headers), 415)
    problem(http.post(f"/api/campaigns/{campaign_id}/{action}", content=b"comment=x", headers=headers), 415)
    assert http.get(f"/api/campaigns/{campaign_id}").json()["campaign"]["status"] not in ("Approved", "Cancelled")


@pytest.mark.parametrize("path", ["/api/campaigns", f"/api/campaigns/{SOME_ID}/revisions",
                                  f"/api/campaigns/{SOME_ID}/approve", f"/api/campaigns/{SOME_ID}/cancel"])
@pytest.mark.parametrize("depth", [33, 1000, 100_000 // 2 // 2])
def test_deep_bodies_are_400(http: httpx.Client, path: str, depth: int) -> None:
    for opener, closer in (("[", "]"), ('{"a":', "}")):
        body = '{"feedback": ' + opener * depth + "1" + closer * depth + "}"
        status = 413 if len(body) > 64 * 1024 else 400
        problem(http.post(path, content=body, headers=JSON), status)


def test_brackets_inside_strings_do_not_count_as_depth(http: httpx.Client, ecobottle: dict[str, Any]) -> None:
    brief = dict(ecobottle, constraints=["[" * 400 + '\\"{' * 30])
    assert http.post("/api/campaigns", json=brief).status_code == 202


@pytest.mark.parametrize("body", [b"\xff\xfe{}", b'{"feedback": "\\ud800"}', b"[]", b"null", b"{", b"  "])
def test_bodies_that_are_not_a_json_object(http: httpx.Client, campaign_id: str, body: bytes) -> None:
    problem(http.post(f"/api/campaigns/{campaign_id}/revisions", content=body, headers=JSON), 400)


def test_empty_json_body_or_object_cancels(http: httpx.Client, ecobottle: dict[str, Any]) -> None:
    first = http.post("/api/campaigns", json=ecobottle).json()["id"]
    assert http.post(f"/api/campaigns/{first}/cancel", headers=JSON).status_code == 202
    second = http.post("/api/campaigns", json=ecobottle).json()["id"]
    problem(http.post(f"/api/campaigns/{second}/cancel", json={"reason": "x"}), 400)
    for blank in (b"\r", b"  ", b"\n\t"):  # whitespace is no JSON text: not "no body" (schemathesis ST201)
        problem(http.post(f"/api/campaigns/{second}/cancel", content=blank, headers=JSON), 400)
        problem(http.post(f"/api/campaigns/{second}/approve", content=blank, headers=JSON), 400)
    assert http.get(f"/api/campaigns/{second}").json()["campaign"]["status"] != "Cancelled"
    assert http.post(f"/api/campaigns/{second}/cancel", json={}).status_code == 202


@pytest.mark.parametrize("field", ["platforms", "constraints", "evidence"])
def test_repeated_list_items_are_refused_naming_the_field(http: httpx.Client, ecobottle: dict[str, Any],
                                                         field: str) -> None:
    before = stored_campaigns(http)
    brief = dict(ecobottle, **{field: ["X", "X", "X", "X", "X"]})
    body = problem(http.post("/api/campaigns", json=brief), 400)
    assert [e["field"] for e in body["errors"]] == [field]
    assert stored_campaigns(http) == before


def test_limits_apply_to_the_text_as_sent(http: httpx.Client, ecobottle: dict[str, Any]) -> None:
    body = problem(http.post("/api/campaigns", json=dict(ecobottle, product="\u00a0" + "p" * 200)), 400)
    assert [e["field"] for e in body["errors"]] == ["product"]
    for blank in (" ", "\u00a0\u3000", "\ufeff\t"):
        problem(http.post("/api/campaigns", json=dict(ecobottle, tone=blank)), 400)
    created = http.post("/api/campaigns", json=dict(ecobottle, product="\u00a0" + "p" * 199))
    assert created.status_code == 202
    stored = http.get(f"/api/campaigns/{created.json()['id']}").json()["campaign"]["brief"]["product"]
    assert stored == "p" * 199


@pytest.mark.parametrize(("method", "path", "allow"), [
    ("DELETE", "/api/campaigns", "GET, POST"),
    ("PUT", f"/api/campaigns/{SOME_ID}", "GET"),
    ("GET", f"/api/campaigns/{SOME_ID}/approve", "POST"),
    ("PATCH", "/api/health", "GET"),
    ("GET", "/api/negotiate", "POST"),
    ("HEAD", f"/api/campaigns/{SOME_ID}/events", "GET"),
    # method tokens azure.functions has no name for still reach the app's catch-all
    ("TRACE", "/api/campaigns", "GET, POST"),
    ("QUERY", f"/api/campaigns/{SOME_ID}", "GET"),
    ("FOO", "/api/health", "GET"),
])
def test_wrong_method_is_405_with_allow(http: httpx.Client, method: str, path: str, allow: str) -> None:
    response = http.request(method, path)
    assert response.status_code == 405 and response.headers["allow"] == allow
    if method != "HEAD":
        assert problem(response, 405)["allowed"] == allow.split(", ")


@pytest.mark.parametrize("path", ["/api/nope", "/api/campaigns/x/y/z", "/api/", "/api/campaigns%0A"])
def test_unknown_routes_are_problem_404(http: httpx.Client, path: str) -> None:
    problem(http.get(path), 404)
    problem(http.request("TRACE", path), 404)
