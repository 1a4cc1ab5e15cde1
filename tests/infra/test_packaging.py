"""What the deployment package holds (.funcignore): the app, the learned model and the dashboard's build,
never the tests, devhost, benchmarks, node_modules, local settings or local state."""

from __future__ import annotations

import fnmatch
import re

from .conftest import ROOT

MUST_EXCLUDE = ("tests/", "devhost/", "bench/", "node_modules/", ".devhost/", "local.settings.json", ".venv/",
                "web/src/", "web/node_modules/", "infra/", "tools/")
MUST_SHIP = ("function_app.py", "host.json", "requirements.txt", "api/campaigns.py", "activities/campaign.py",
             "orchestrators/campaign.py", "marketing_agents/components.py", "localdocs/__init__.py",
             "web/dist/index.html", "web/dist/assets/index.js", "marketing_agents/compliance/learned-model.joblib")


def patterns() -> list[str]:
    lines = (ROOT / ".funcignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def excluded(path: str) -> bool:
    for pattern in patterns():
        if pattern.endswith("/"):
            if path.startswith(pattern) or f"/{pattern}" in f"/{path}":
                return True
        elif "/" in pattern:  # anchored at the root; * does not cross a slash (gitignore rules)
            if re.fullmatch(re.escape(pattern).replace(r"\*", "[^/]*"), path):
                return True
        elif fnmatch.fnmatch(path.rsplit("/", 1)[-1], pattern):
            return True
    return False


def test_funcignore_keeps_development_files_out() -> None:
    assert [p for p in MUST_EXCLUDE if not excluded(p + ("x" if p.endswith("/") else ""))] == []


def test_funcignore_keeps_the_app_and_the_dashboard_build_in() -> None:
    assert [p for p in MUST_SHIP if excluded(p)] == []


def test_the_core_tools_example_names_what_the_real_extensions_can_read() -> None:
    """local.settings.func.json.example: the same names as the main example, with values
    the real host reads (Azurite, a Cosmos DB account endpoint, the standalone emulator)."""
    import json

    from devhost.signalr.__main__ import parse_args
    from marketing_agents.realtime.publishing import SignalRConnection
    from marketing_agents.settings import load_settings
    from marketing_agents.store.cosmos_account import account_from_settings

    main = json.loads((ROOT / "local.settings.json.example").read_text())["Values"]
    func = json.loads((ROOT / "local.settings.func.json.example").read_text())["Values"]
    assert set(func) == set(main)
    assert func["AzureWebJobsStorage"] == "UseDevelopmentStorage=true"  # Azurite
    settings = load_settings(func)
    account = account_from_settings(settings)
    assert account is not None and not account.uses_identity  # not the local document store
    signalr = SignalRConnection.from_settings(settings)
    assert signalr is not None and signalr.endpoint == f"http://127.0.0.1:{parse_args([]).port}"
