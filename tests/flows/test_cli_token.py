"""The CLI against a deployed app: an Entra ID token from the person's sign-in, sent as the
bearer App Service authentication checks.

Neither Entra ID nor App Service authentication runs here, so both are stood in for at
their real interfaces: ``az`` is a program on PATH that answers ``az account
get-access-token --output json --resource …`` with the JSON the Azure CLI prints (the real
``azure-identity`` credential runs it and parses it), and the app sits behind a front that,
like App Service authentication, refuses a request without the expected bearer token with
401 and otherwise forwards it to the real host with the signed-in user in
``x-ms-client-principal-id`` (and the caller's copy of that header dropped).
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from devhost import DevHost
from marketing_agents.cli import main
from marketing_agents.protocol import PRINCIPAL_HEADER

ROOT = Path(__file__).resolve().parents[2]
ECOBOTTLE = str(ROOT / "examples" / "briefs" / "ecobottle.json")
SCOPE = "api://00000000-1111-2222-3333-444444444444/.default"
TOKEN = "eyJ0eXAiOiJKV1QifQ.signed-in-as-dana.sig"
SIGNED_IN_USER = "dana@contoso.example"

FAKE_AZ = f"""#!{sys.executable}
import json, os, sys, time
if os.environ.get("FAKE_AZ_SIGNED_OUT"):
    print("ERROR: Please run 'az login' to setup account.", file=sys.stderr)
    sys.exit(1)
with open(os.environ["FAKE_AZ_CALLS"], "a") as calls:
    calls.write(json.dumps(sys.argv[1:]) + "\\n")
print(json.dumps({{"accessToken": {TOKEN!r}, "expiresOn": "2099-01-01 00:00:00.000000",
                  "expires_on": int(time.time()) + 3600, "tokenType": "Bearer",
                  "subscription": "s", "tenant": "t"}}))
"""


@pytest.fixture
def signed_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine where the person ran ``az login``; returns the file of ``az`` calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    az = bin_dir / "az"
    az.write_text(FAKE_AZ)
    az.chmod(0o755)
    calls = tmp_path / "az-calls.jsonl"
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("FAKE_AZ_CALLS", str(calls))
    for name in ("AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_CLIENT_CERTIFICATE_PATH"):
        monkeypatch.delenv(name, raising=False)
    return calls


@pytest.fixture(scope="module")
def front(host: DevHost) -> Iterator[str]:
    """App Service authentication in front of the host: bearer or 401."""

    class Front(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Bearer realm="marketing-agents"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            forwarded = {k: v for k, v in self.headers.items()
                         if k.lower() not in {"authorization", "host", PRINCIPAL_HEADER, "content-length"}}
            forwarded[PRINCIPAL_HEADER] = SIGNED_IN_USER
            answer = httpx.request(self.command, host.base_url + self.path, headers=forwarded, content=body,
                                   timeout=30)
            self.send_response(answer.status_code)
            for name, value in answer.headers.items():
                if name.lower() not in {"content-length", "transfer-encoding", "connection", "content-encoding"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.content)))
            self.end_headers()
            self.wfile.write(answer.content)

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Front)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def run(url: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--url", url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_scope_sends_the_signed_in_users_token_and_the_app_sees_that_user(
    front: str, signed_in: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(front, capsys, "--scope", SCOPE, "campaign", "create", ECOBOTTLE, "--watch")
    assert code == 0, out + err
    assert "AwaitingReview" in out
    campaign_id = out.split("Created campaign ", 1)[1].split()[0]
    asked = [json.loads(line) for line in signed_in.read_text().splitlines()]
    assert asked and all(a[:4] == ["account", "get-access-token", "--output", "json"] for a in asked)
    assert asked[0][asked[0].index("--resource") + 1] == SCOPE.removesuffix("/.default")

    code, out, err = run(front, capsys, "--scope", SCOPE, "campaign", "show", campaign_id, "--json")
    assert code == 0, err
    assert json.loads(out)["campaign"]["owner"] == SIGNED_IN_USER


def test_the_scope_setting_works_like_the_option(
    front: str, signed_in: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MARKETING_AGENTS_SCOPE", SCOPE)
    code, _, err = run(front, capsys, "campaign", "list")
    assert code == 0, err
    assert signed_in.exists()


def test_without_a_scope_the_401_says_what_to_pass(front: str, capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARKETING_AGENTS_SCOPE", raising=False)
    code, _, err = run(front, capsys, "campaign", "list")
    assert code == 1 and "401" in err and "--scope api://<AUTH_CLIENT_ID>/.default" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_signed_out_is_one_line_naming_az_login(
    front: str, signed_in: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_AZ_SIGNED_OUT", "1")
    code, _, err = run(front, capsys, "--scope", SCOPE, "campaign", "list")
    assert code == 3 and f"cannot get an access token for {SCOPE}" in err and "az login" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not signed_in.exists()


@pytest.mark.parametrize("scope", ["api://x/.default; rm -rf /", "api://café/.default", "api://x/.default\n"])
def test_a_scope_that_is_no_scope_is_bad_input(scope: str, signed_in: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run("http://127.0.0.1:9", capsys, "--scope", scope, "campaign", "list")
    assert code == 2 and "is not an Entra ID scope" in err and len(err.strip().splitlines()) == 1
    assert not signed_in.exists(), "no sign-in was asked for"
