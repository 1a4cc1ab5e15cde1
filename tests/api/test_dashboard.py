"""The dashboard served by the app itself at ``/`` (routePrefix ""): index.html for
client-side routes, hashed assets cached for good, the strict CSP on every answer, no
path that escapes the build folder, the API's own 404/405 untouched under ``/api``.

Against the real app in devhost, with a build folder this test writes (DASHBOARD_DIST),
so it does not depend on the web build."""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from devhost import DevHost
from marketing_agents.dashboard import content_security_policy, signalr_origins
from marketing_agents.settings import load_settings
from tests.app_host import app_host

INDEX = b'<!doctype html><html><head><script type="module" src="/assets/app-3f2a.js"></script></head></html>'
SCRIPT = b"console.log('dashboard')"
SIGNALR = "Endpoint=https://contoso.service.signalr.net;AccessKey=k;Version=1.0;"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dashboard")
    folder = root / "dist"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_bytes(INDEX)
    (folder / "assets" / "app-3f2a.js").write_bytes(SCRIPT)
    (folder / "assets" / "app-3f2a.css").write_text("body{margin:0}")
    (folder / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (folder / ".env").write_text("SECRET=1")
    (root / "secret.txt").write_text("outside the build")
    (folder / "assets" / "escape.txt").symlink_to(root / "secret.txt")
    return folder


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory, dist: Path) -> Iterator[DevHost]:
    # Set in the environment (not as host settings, which stay in os.environ after the
    # host stops) so that later modules' hosts do not inherit this SignalR endpoint.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("DASHBOARD_DIST", str(dist))
        env.setenv("AzureSignalRConnectionString", SIGNALR)
        with app_host(tmp_path_factory.mktemp("dashboard-host"), user="dash-tester") as running:
            yield running


@pytest.fixture(scope="module")
def web(host: DevHost) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=host.base_url, timeout=30) as client:
        yield client


def raw_get(host: DevHost, path: str) -> tuple[int, dict[str, str], bytes]:
    """A request with the path exactly as written (httpx would normalise dot segments)."""
    where = urlsplit(host.base_url)
    connection = http.client.HTTPConnection(where.hostname or "127.0.0.1", where.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def assert_secured(headers: httpx.Headers | dict[str, str]) -> None:
    csp = headers["content-security-policy"]
    for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'", "base-uri 'none'",
                      "frame-ancestors 'none'", "form-action 'self'", "img-src 'self' data: blob:"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "connect-src 'self' https://contoso.service.signalr.net wss://contoso.service.signalr.net" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/", "/new", "/check", "/campaigns/c-0123456789abcdef", "/campaigns/"])
def test_client_routes_get_the_index_page(web: httpx.Client, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 200 and response.content == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    assert_secured(response.headers)


def test_hashed_assets_are_served_immutable_with_their_type(web: httpx.Client) -> None:
    response = web.get("/assets/app-3f2a.js")
    assert response.status_code == 200 and response.content == SCRIPT
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert_secured(response.headers)
    assert web.get("/assets/app-3f2a.css").headers["content-type"].startswith("text/css")
    favicon = web.get("/favicon.svg")
    assert favicon.headers["content-type"] == "image/svg+xml" and favicon.headers["cache-control"] == "no-cache"


def test_head_answers_the_headers_without_a_body(web: httpx.Client) -> None:
    response = web.head("/assets/app-3f2a.js")
    assert response.status_code == 200 and response.content == b""
    assert response.headers["cache-control"].endswith("immutable")
    assert response.headers["content-length"] == str(len(SCRIPT))  # what GET would send


def dashboard_problem(response: httpx.Response, status: int) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["status"] == status
    assert_secured(response.headers)


@pytest.mark.parametrize("path", ["/assets/missing.js", "/nope.png", "/assets/escape.txt", "/.env",
                                  "/assets/.hidden.js"])
def test_unknown_or_refused_files_are_problem_404(web: httpx.Client, path: str) -> None:
    dashboard_problem(web.get(path), 404)


@pytest.mark.parametrize("path", [
    "/../host.json", "/assets/../../host.json", "/%2e%2e/host.json", "/assets/%2e%2e/%2e%2e/host.json",
    "/assets/..%2f..%2fhost.json", "/%252e%252e/host.json", "/assets/..%5c..%5chost.json",
    "/assets/app-3f2a.js%00.png", "/assets//app-3f2a.js", "/./favicon.svg", "/assets/%2fetc%2fpasswd.txt",
    "/" + "%2e%2e/" * 8 + "etc/passwd.txt",
])
def test_no_path_reads_outside_the_build(host: DevHost, path: str) -> None:
    status, _headers, body = raw_get(host, path)
    assert status in (400, 404), (path, status)
    assert b"routePrefix" not in body and b"root:" not in body and b"outside the build" not in body


def test_other_methods_are_405_naming_get_and_head(web: httpx.Client) -> None:
    response = web.post("/", json={})
    dashboard_problem(response, 405)
    assert response.headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("path", ["/api/nope", "/api", "/api/campaigns/x/y/z", "/API/nope"])
def test_api_paths_keep_the_api_answers(web: httpx.Client, path: str) -> None:
    response = web.get(path)
    assert response.status_code == 404 and "The API has no resource" in response.json()["detail"]


def test_api_routes_still_answer(web: httpx.Client) -> None:
    assert web.get("/api/health").status_code == 200
    assert web.get("/api/openapi.json").json()["openapi"] == "3.1.0"


def test_a_missing_build_is_503_saying_how_to_build(web: httpx.Client, dist: Path) -> None:
    index = dist / "index.html"
    index.rename(dist / "index.away")
    try:
        response = web.get("/")
        dashboard_problem(response, 503)
        assert "make run" in response.json()["detail"]
    finally:
        (dist / "index.away").rename(index)
    assert web.get("/").status_code == 200


@pytest.mark.parametrize(("setting", "expected"), [
    ("Endpoint=https://x.service.signalr.net;AccessKey=k;Version=1.0;",
     ["https://x.service.signalr.net", "wss://x.service.signalr.net"]),
    ("Endpoint=http://127.0.0.1:7071;AccessKey=k;Version=1.0;Port=7090",
     ["http://127.0.0.1:7090", "ws://127.0.0.1:7090"]),
    ("endpoint=HTTPS://X.Example.com:8443/;accesskey=k", ["https://x.example.com:8443", "wss://x.example.com:8443"]),
    ("Endpoint=https://evil.example 'unsafe-inline';AccessKey=k", []),
    ("Endpoint=javascript:alert(1);AccessKey=k", []),
    ("AccessKey=k", []),
    ("", []),
])
def test_signalr_origins_come_from_the_connection_string(setting: str, expected: list[str]) -> None:
    assert signalr_origins(load_settings({"AzureSignalRConnectionString": setting})) == expected


def test_identity_based_signalr_setting_names_the_service() -> None:
    settings = load_settings({"AzureSignalRConnectionString__serviceUri": "https://y.service.signalr.net"})
    assert "connect-src 'self' https://y.service.signalr.net wss://y.service.signalr.net;" in (
        content_security_policy(settings))
