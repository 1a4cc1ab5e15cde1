"""The one declared settings object: every setting has a name, meaning, group and place;
the names the app has always read still work, exactly as spelled; values are read from
the environment or a given mapping the same way; a bad value fails with one line naming
it (never echoing a secret); and the settings tables in the README and docs are the
generated ones."""

from __future__ import annotations

import inspect
import json
import re
from pathlib import Path

import pytest

from marketing_agents.components import check_settings
from marketing_agents.settings import (
    ConfigError,
    Provider,
    Settings,
    Where,
    app_settings,
    declared_settings,
    load_cli_settings,
    load_settings,
    setting_names,
)
from marketing_agents.settings.__main__ import main as settings_main
from marketing_agents.settings.tables import documents, markdown, refreshed, stale_documents

ROOT = Path(__file__).resolve().parents[2]

# Every name the app read before the settings were declared in one place: each must still work.
NAMES_READ_BEFORE = {
    "REVIEW_DEADLINE_HOURS", "COMPLIANCE_THRESHOLD", "MAX_REGENERATION_ROUNDS", "LOCAL_USER_ID",
    "CosmosDBConnection", "CosmosDBConnection__accountEndpoint", "AzureSignalRConnectionString",
    "COMPLIANCE_BRAND_KITS_DIR", "COMPLIANCE_BRAND_KIT",
    "MODEL_PROVIDER", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_API_VERSION", "MODEL_API_KEY", "OPENAI_API_KEY",
    "MODEL_BASE_URL", "MODEL_NAME", "MODEL_COPYWRITER", "MODEL_SHORT_COPY", "MODEL_VISUAL", "MODEL_JUDGE",
    "MODEL_FALLBACKS", "MODEL_IMAGE", "MODEL_TIMEOUT_SECONDS", "MODEL_READ_TIMEOUT_SECONDS",
    "MODEL_MAX_OUTPUT_TOKENS", "MODEL_MAX_TRIES", "MODEL_RETRY_BASE_SECONDS", "MODEL_RETRY_MAX_WAIT_SECONDS",
    "MODEL_RATE_LIMIT_PATIENCE_SECONDS", "MODEL_MAX_CONCURRENCY", "MODEL_REQUESTS_PER_MINUTE",
    "MODEL_TOKENS_PER_MINUTE", "MODEL_RESPONSE_FORMAT", "MODEL_TEMPERATURE",
    "AGENT_CACHE_BACKEND", "AGENT_CACHE_TTL_SECONDS", "AGENT_CACHE_PATH",
    "REDIS_URL", "REDIS_HOST", "REDIS_PORT", "REDIS_USE_ENTRA_ID", "REDIS_USERNAME",
    "POSTER_STORE", "POSTER_DIR", "POSTER_BLOB_ACCOUNT_URL", "POSTER_BLOB_CONNECTION_STRING", "POSTER_BLOB_CONTAINER",
    "AGENTS_WRAPPER", "SIMULATED_LATENCY_MS", "SIMULATED_AGENTS",
}
CODE_DIRS = ("marketing_agents", "api", "activities", "orchestrators")


def test_every_setting_is_declared_with_name_meaning_group_and_place() -> None:
    declared = declared_settings()
    names = [s.name for s in declared]
    assert len(names) == len(set(names))
    assert set(setting_names()) >= NAMES_READ_BEFORE
    assert "MARKETING_AGENTS_URL" in names and "MARKETING_AGENTS_URL" not in setting_names()  # the CLI's own
    for s in declared:
        assert s.meaning and s.group and s.values and s.default, s
    assert set(setting_names([Where.LOCAL])) >= {"LOCAL_USER_ID", "CosmosDBConnection"}
    assert "CosmosDBConnection__accountEndpoint" in setting_names([Where.AZURE])
    assert set(setting_names([Where.TESTS])) == {"AGENTS_WRAPPER", "SIMULATED_LATENCY_MS", "SIMULATED_CHUNK_MS",
                                                 "SIMULATED_AGENTS", "DASHBOARD_DIST"}


def test_every_declared_setting_is_used_by_the_code() -> None:
    """A declaration nobody reads is a setting that silently does nothing."""
    sources = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in CODE_DIRS
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "declared.py"
    )
    # a field read through one of the object's properties counts as used where the property is
    via = {name: inspect.getsource(member.fget) for name, member in vars(Settings).items()
           if isinstance(member, property) and member.fget is not None}
    readers = {s.field: [s.field, *(name for name, body in via.items() if f"self.{s.field}" in body)]
               for s in app_settings()}
    unused = [s.name for s in app_settings()
              if not any(re.search(rf"\b{reader}\b", sources) for reader in readers[s.field])]
    assert unused == []


def test_defaults_blank_values_and_exact_names() -> None:
    defaults = load_settings({})
    assert (defaults.review_deadline.total_seconds(), defaults.compliance_threshold) == (72 * 3600, 80.0)
    assert defaults.local_user == "local-user" and defaults.model_provider is None
    blank = load_settings({"REVIEW_DEADLINE_HOURS": "  ", "LOCAL_USER_ID": "", "MODEL_PROVIDER": " "})
    assert blank == defaults
    assert load_settings({"review_deadline_hours": "1", "cosmosdbconnection": "x"}) == defaults  # exact case
    read = load_settings({"MODEL_PROVIDER": " Azure_OpenAI ", "MODEL_FALLBACKS": "a, b,,c", "REDIS_USE_ENTRA_ID": "on",
                          "MAX_REGENERATION_ROUNDS": "3", "LOCAL_USER_ID": " ada "})
    assert read.model_provider is Provider.AZURE_OPENAI and read.model_fallbacks == ("a", "b", "c")
    assert read.redis_use_entra_id and read.max_regeneration_rounds == 3 and read.local_user == "ada"
    assert load_settings({"MODEL_PROVIDER": "offline"}).model_provider is None


def test_the_environment_is_read_only_when_no_mapping_is_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMPLIANCE_THRESHOLD", "91")
    monkeypatch.setenv("MARKETING_AGENTS_URL", "http://127.0.0.1:9999")
    assert load_settings().compliance_threshold == 91.0
    assert load_settings({}).compliance_threshold == 80.0  # a given mapping is all there is
    assert load_cli_settings().url == "http://127.0.0.1:9999"
    assert load_cli_settings({}).url == "http://127.0.0.1:7071"


@pytest.mark.parametrize(("env", "says"), [
    ({"REVIEW_DEADLINE_HOURS": "soon"}, "setting REVIEW_DEADLINE_HOURS='soon' is not a number"),
    ({"MAX_REGENERATION_ROUNDS": "2.5"}, "setting MAX_REGENERATION_ROUNDS='2.5' is not a whole number"),
    ({"MAX_REGENERATION_ROUNDS": "50"}, "setting MAX_REGENERATION_ROUNDS='50' must be between 0 and 10"),
    ({"COMPLIANCE_THRESHOLD": "-1"}, "setting COMPLIANCE_THRESHOLD='-1' must be between 0 and 100"),
    ({"MODEL_PROVIDER": "bedrock"},
     "setting MODEL_PROVIDER='bedrock' must be one of: azure_openai, openai, openai_compatible"),
    ({"REDIS_USE_ENTRA_ID": "maybe"}, "setting REDIS_USE_ENTRA_ID='maybe' must be true or false"),
    ({"MODEL_BASE_URL": "localhost:11434"}, "setting MODEL_BASE_URL='localhost:11434' must be an http(s) URL"),
    ({"POSTER_BLOB_ACCOUNT_URL": "http://acct"}, "setting POSTER_BLOB_ACCOUNT_URL='http://acct' must be an https URL"),
    ({"SIMULATED_AGENTS": "recorded"}, "setting SIMULATED_AGENTS='recorded' must be one of: canned"),
])
def test_a_bad_value_is_one_line_naming_the_setting(env: dict[str, str], says: str) -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings(env)
    assert str(raised.value) == says


def test_every_bad_setting_is_named_and_no_secret_is_repeated() -> None:
    with pytest.raises(ConfigError) as raised:
        load_settings({"REDIS_URL": "http://user:hunter2@cache", "MODEL_MAX_TRIES": "0", "COMPLIANCE_THRESHOLD": "x"})
    message = str(raised.value)
    assert "\n" not in message and "hunter2" not in message
    assert all(name in message for name in ("REDIS_URL", "MODEL_MAX_TRIES", "COMPLIANCE_THRESHOLD"))
    secret = load_settings({"MODEL_API_KEY": "sk-hunter2", "CosmosDBConnection": "AccountKey=hunter2;"})
    assert "hunter2" not in repr(secret)


def test_a_malformed_signalr_connection_stops_the_host_naming_it(tmp_path: Path) -> None:
    env = {"CosmosDBConnection": f"LocalDocumentStore={tmp_path / 'd.sqlite'}", "POSTER_DIR": str(tmp_path)}
    check_settings({**env, "AzureSignalRConnectionString": "Endpoint=http://127.0.0.1:7071;AccessKey=k;"})
    with pytest.raises(ConfigError, match=r"setting AzureSignalRConnectionString: .*Endpoint"):
        check_settings({**env, "AzureSignalRConnectionString": "AccessKey=k;"})


def test_the_committed_tables_are_the_generated_ones() -> None:
    pages = {path.relative_to(ROOT).as_posix() for path in documents(ROOT)}
    assert {"README.md", "docs/models.md", "docs/settings.md"} <= pages
    assert stale_documents(ROOT) == [], "run: .venv/bin/python -m marketing_agents.settings --write"
    reference = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert all(f"| `{s.name}` |" in reference for s in declared_settings())  # the full reference lists all


def test_tables_are_regenerated_between_the_markers_only() -> None:
    text = "intro\n<!-- settings:begin groups=cli -->\nold row\n<!-- settings:end -->\noutro\n"
    fresh = refreshed(text)
    assert fresh.startswith("intro\n<!-- settings:begin groups=cli -->\n| setting |")
    assert "old row" not in fresh and "`MARKETING_AGENTS_URL`" in fresh
    assert fresh.endswith("<!-- settings:end -->\noutro\n")
    assert refreshed(fresh) == fresh
    assert "`MARKETING_AGENTS_URL`" not in markdown()  # the whole app table is the app's settings
    with pytest.raises(ValueError, match="no settings group nope"):
        refreshed("<!-- settings:begin groups=nope -->\n<!-- settings:end -->\n")
    with pytest.raises(ValueError, match="has no <!-- settings:end -->"):
        refreshed("<!-- settings:begin -->\n| stale |\n")


def test_the_command_checks_writes_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    page = tmp_path / "docs" / "page.md"
    page.write_text("<!-- settings:begin groups=campaign -->\n<!-- settings:end -->\n", encoding="utf-8")
    assert settings_main(["--check", "--root", str(tmp_path)]) == 1
    assert "settings table out of date: docs/page.md" in capsys.readouterr().err
    assert settings_main(["--write", "--root", str(tmp_path)]) == 0
    assert settings_main(["--check", "--root", str(tmp_path)]) == 0
    assert "`REVIEW_DEADLINE_HOURS`" in page.read_text(encoding="utf-8")
    capsys.readouterr()
    assert settings_main(["--names"]) == 0
    listed = {item["name"]: item["where"] for item in json.loads(capsys.readouterr().out)}
    assert listed["CosmosDBConnection__accountEndpoint"] == "azure" and listed["LOCAL_USER_ID"] == "local"
    assert settings_main(["--markdown", "--groups", "nope"]) == 2
    assert "no settings group nope" in capsys.readouterr().err
    page.write_text("<!-- settings:begin -->\nno end\n", encoding="utf-8")
    for action in ("--check", "--write"):
        assert settings_main([action, "--root", str(tmp_path)]) == 2
        error = capsys.readouterr().err
        assert "page.md: settings:begin at offset 0 has no <!-- settings:end -->" in error and error.count("\n") == 1


def test_the_object_is_immutable() -> None:
    settings = load_settings({})
    with pytest.raises(ValueError):
        settings.compliance_threshold = 1.0  # type: ignore[misc]
    assert isinstance(settings, Settings)
