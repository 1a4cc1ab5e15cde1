"""Serving the dashboard's build (``web/dist``) from the Function App itself: which file a
path names, with which headers, and the Content-Security-Policy every answer carries.

Free of any Functions type (api/dashboard.py is the thin HTTP side), so the rules are
tested directly. The dashboard is served from the same origin as ``/api`` (one artifact,
App Service authentication in front of both, no CORS); the only other origin it talks to
is the SignalR Service endpoint, which the CSP's ``connect-src`` names.

A path is resolved strictly: no NUL or other control character, no backslash, no ``%``
(a decoded path that still holds ``%`` was encoded twice), no empty, ``.`` or ``..``
segment and no hidden (dot) file; and the resolved file (symbolic links followed) must
lie under the build folder. Anything else is a 404, never a read outside the folder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .settings import Settings

# The app's root is the folder holding function_app.py (this package's parent).
APP_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIST = APP_ROOT / "web" / "dist"
INDEX = "index.html"
ASSETS = "assets"

INDEX_CACHE = "no-cache"  # always revalidated: it names the current hashed assets
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"  # hashed names never change content
OTHER_CACHE = "no-cache"  # unhashed files next to index.html (favicon, robots.txt)

NOT_BUILT = "the dashboard is not built: run `make run` (or `make web`)"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".txt": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"

# Characters a decoded path may not hold: controls (NUL included), backslash (Windows
# separators), and "%" (left over only when the client encoded the path twice).
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\\%]")
# An origin that may be written into the CSP: scheme, host, optional port; nothing a
# header or a source list would read as a separator.
_HOST = re.compile(r"[A-Za-z0-9.-]+|[0-9A-Fa-f:.]+")  # a name, IPv4 or IPv6 (unbracketed)


def dist_folder(settings: Settings) -> Path:
    """The build folder: ``DASHBOARD_DIST`` (relative to the app's root) or ``web/dist``."""
    return (APP_ROOT / settings.dashboard_dist) if settings.dashboard_dist else DEFAULT_DIST


@dataclass(frozen=True)
class DashboardFile:
    """A file to answer with: where it is, its media type and its caching."""

    path: Path
    content_type: str
    cache_control: str


class DashboardNotFound(Exception):
    """No such dashboard file (or a path that is refused): 404."""


class DashboardNotBuilt(Exception):
    """The build folder has no index.html: 503, saying how to build it."""


def _is_client_route(segments: list[str]) -> bool:
    """``/``, ``/new``, ``/campaigns/c-…``: no file extension in the last segment."""
    return not segments or "." not in segments[-1]


def resolve(request_path: str, dist: Path) -> DashboardFile:
    """The file that answers ``request_path`` (the decoded path after the site root).

    Client-side routes get index.html; a file path gets that file if it exists under
    ``dist``; everything else raises DashboardNotFound (or DashboardNotBuilt)."""
    root = dist.resolve()
    if not (root / INDEX).is_file():
        raise DashboardNotBuilt(NOT_BUILT)
    if _FORBIDDEN.search(request_path):
        raise DashboardNotFound("the path holds a character no dashboard file has")
    stripped = request_path.strip("/")
    segments = stripped.split("/") if stripped else []
    if any(s in ("", ".", "..") or s.startswith(".") for s in segments):
        raise DashboardNotFound("the path has an empty, dot or hidden segment")
    if segments and segments[0].lower() == "api":  # the API's own fallback answers these
        raise DashboardNotFound("no API resource here")
    if _is_client_route(segments):
        return DashboardFile(root / INDEX, CONTENT_TYPES[".html"], INDEX_CACHE)
    candidate = root.joinpath(*segments).resolve()
    if not candidate.is_relative_to(root) or not candidate.is_file():
        raise DashboardNotFound("no such dashboard file")
    suffix = candidate.suffix.lower()
    cache = IMMUTABLE_CACHE if segments[0] == ASSETS and len(segments) > 1 else (
        INDEX_CACHE if candidate.name == INDEX else OTHER_CACHE)
    return DashboardFile(candidate, CONTENT_TYPES.get(suffix, DEFAULT_CONTENT_TYPE), cache)


def _origin(url: str, port_override: str = "") -> str | None:
    """``scheme://host[:port]`` of an http(s) URL (its port replaced by ``port_override``
    when that is a valid port), or None if it is not such a URL."""
    try:
        split = urlsplit(url.strip())
        port = split.port
    except ValueError:
        return None
    host = split.hostname or ""
    if split.scheme not in ("http", "https") or not _HOST.fullmatch(host):
        return None
    if port_override.isdigit() and 0 < int(port_override) < 65536:
        port = int(port_override)
    shown = f"[{host}]" if ":" in host else host
    return f"{split.scheme}://{shown}" + (f":{port}" if port is not None else "")


def signalr_origins(settings: Settings) -> list[str]:
    """The SignalR Service's origins in http(s) and ws(s) form, from the connection
    string (``Endpoint=…;Port=…``) or the identity-based ``…__serviceUri`` setting.
    Without either, the service is devhost's emulator on the same origin ('self')."""
    parts: dict[str, str] = {}
    for item in (settings.signalr_connection or "").split(";"):
        key, sep, value = item.partition("=")
        if sep:
            parts[key.strip().lower()] = value.strip()
    endpoint = parts.get("endpoint") or (settings.signalr_service_uri or "").strip()
    origin = _origin(endpoint, parts.get("port", "")) if endpoint else None
    if origin is None:
        return []
    socket = ("wss" if origin.startswith("https:") else "ws") + origin[origin.index(":"):]
    return [origin, socket]


def content_security_policy(settings: Settings) -> str:
    """The dashboard's CSP: only its own scripts and styles (no inline ones), images
    also from data:/blob: (poster previews), connections to itself and SignalR."""
    connect = " ".join(["'self'", *signalr_origins(settings)])
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        f"connect-src {connect}",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def security_headers(settings: Settings) -> dict[str, str]:
    """Headers on every dashboard answer, errors included."""
    return {
        "Content-Security-Policy": content_security_policy(settings),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }
