"""The command-line client's settings, declared like the app's (it runs on the user's
machine, not in the Function App, so it is a separate object)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from .fields import Where, setting
from .sources import environment_source, reading

URL_SETTING = "MARKETING_AGENTS_URL"
SCOPE_SETTING = "MARKETING_AGENTS_SCOPE"
DEFAULT_URL = "http://127.0.0.1:7071"


class CliSettings(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=True, env_ignore_empty=True, extra="ignore", frozen=True)

    url: str = setting(
        DEFAULT_URL, name=URL_SETTING, where=Where.CLI, group="cli", values="http(s) URL",
        meaning="the host the `marketing-agents` command talks to when `--url` is not given")
    scope: str | None = setting(
        None, name=SCOPE_SETTING, where=Where.CLI, group="cli", values="Entra ID scope",
        meaning="when set (`api://<AUTH_CLIENT_ID>/.default` for a deployed app), the CLI sends an "
                "access token for it from `az login`, `azd auth login` or a service principal in `AZURE_*`; "
                "`--scope` overrides it")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, environment_source(settings_cls, env_settings)


def load_cli_settings(env: Mapping[str, str] | None = None) -> CliSettings:
    """The client's settings from ``env`` (None: the process environment)."""
    with reading(env):
        return CliSettings()
