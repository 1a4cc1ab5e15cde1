"""Helpers shared by the devhost tests: a management-API client with polling."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx

WEBHOOK = "/runtime/webhooks/durabletask"
SAMPLE_APP = Path(__file__).parent / "sample_app"


class Api:
    """A thin client for the management API, with polling helpers."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=10)

    def start(self, name: str, body: Any = None, instance_id: str | None = None) -> str:
        path = f"{WEBHOOK}/orchestrators/{name}" + (f"/{instance_id}" if instance_id else "")
        r = self.http.post(path, json=body)
        assert r.status_code == 202, r.text
        return str(r.json()["id"])

    def status(self, iid: str, **params: Any) -> dict[str, Any]:
        r = self.http.get(f"{WEBHOOK}/instances/{iid}", params=params)
        assert r.status_code in (200, 202), r.text
        result: dict[str, Any] = r.json()
        return result

    def raise_event(self, iid: str, name: str, data: Any) -> httpx.Response:
        return self.http.post(f"{WEBHOOK}/instances/{iid}/raiseEvent/{name}", json=data)

    def wait(self, iid: str, timeout: float = 10,
             until: tuple[str, ...] = ("Completed", "Failed", "Terminated")) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            st = self.status(iid)
            if st["runtimeStatus"] in until or time.monotonic() > deadline:
                return st
            time.sleep(0.02)

    def wait_for(self, iid: str, predicate: Any, timeout: float = 10) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            st = self.status(iid, showHistory="true")
            if predicate(st) or time.monotonic() > deadline:
                return st
            time.sleep(0.02)
