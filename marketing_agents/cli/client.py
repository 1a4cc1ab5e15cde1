"""A small HTTP client for the campaign API, with errors a person can act on."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import httpx

from ..protocol import PRINCIPAL_HEADER
from ..settings.cli import load_cli_settings


class CliError(Exception):
    """A one-line message for the terminal, with the process exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class ApiClient:
    def __init__(self, base_url: str | None = None, user: str | None = None, timeout: float = 30.0,
                 auth_headers: Mapping[str, str] | None = None) -> None:
        self.base_url = (base_url or load_cli_settings().url).rstrip("/")
        self.user = user
        self.auth_headers = dict(auth_headers or {})
        headers = {**self.auth_headers, **({PRINCIPAL_HEADER: user} if user else {})}
        self._http = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def _send(self, method: str, path: str, **options: Any) -> httpx.Response:
        """One request to ``/api{path}``: an unreachable host or an error answer becomes a
        one-line CliError (exit 3 for the host, the problem's text for the answer)."""
        try:
            response = self._http.request(method, f"/api{path}", **options)
        except httpx.ConnectError as error:
            raise CliError(
                f"cannot reach the host at {self.base_url} ({error.__class__.__name__}); "
                "start it with `make run` or `marketing-agents serve`",
                exit_code=3,
            ) from error
        except httpx.HTTPError as error:
            raise CliError(f"request to {self.base_url} failed: {error}", exit_code=3) from error
        if response.status_code == 401:
            hint = ("the token was refused: is the scope the app registration's, api://<AUTH_CLIENT_ID>/.default?"
                    if self.auth_headers else
                    "the host wants a signed-in user: pass --scope api://<AUTH_CLIENT_ID>/.default "
                    "(or set MARKETING_AGENTS_SCOPE) after `az login`")
            raise CliError(f"{self.base_url} answered 401 Unauthorized; {hint}")
        if response.status_code >= 400:
            raise CliError(_problem_text(response))
        return response

    def request(self, method: str, path: str, body: Any = None, params: dict[str, Any] | None = None) -> Any:
        response = self._send(method, path, params=params, json=body if body is not None else None)
        if not response.content:
            return None
        return response.json()

    def download(self, path: str) -> tuple[bytes, str | None]:
        """A binary resource and the file name its Content-Disposition suggests."""
        response = self._send("GET", path)
        match = re.search(r'filename="([^"/\\]+)"', response.headers.get("content-disposition", ""))
        return response.content, match.group(1) if match else None

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params={k: v for k, v in params.items() if v is not None})

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, body=body if body is not None else {})


def _problem_text(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except json.JSONDecodeError:
        return f"HTTP {response.status_code}: {response.text[:200]}"
    text = f"{problem.get('title', 'Error')} ({response.status_code}): {problem.get('detail', '')}"
    for error in problem.get("errors", []) or []:
        text += f"\n  - {error.get('field')}: {error.get('message')}"
    return text
