"""How one setting is declared: its environment name, where it applies, its group and
what it means, kept on the pydantic field so that validation, the generated tables and
the infrastructure checks all read the same declaration."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import Field


class Where(str, Enum):
    """Where a setting is meant to be set (the infrastructure tests compare these with the
    Bicep app settings and local.settings.json.example)."""

    LOCAL = "local"  # a laptop: devhost or Core Tools (local.settings.json)
    AZURE = "azure"  # the Function App's app settings in Azure
    BOTH = "both"  # either
    TESTS = "tests"  # tests and benchmarks only; never set in Azure
    CLI = "cli"  # the command-line client's environment, not the app's


def setting(
    default: Any,
    *,
    name: str,
    where: Where,
    group: str,
    meaning: str,
    default_text: str | None = None,
    values: str | None = None,
    secret: bool = False,
    ge: float | None = None,
    le: float | None = None,
) -> Any:
    """A settings field read from the environment variable ``name`` (exact case).

    ``default_text`` says what the default is where the value alone does not (e.g. "MODEL_NAME");
    ``values`` describes the accepted text where the type alone does not; a ``secret`` is
    never shown (not in repr, not in error messages)."""
    extra: dict[str, Any] = {"where": where.value, "group": group}
    if default_text is not None:
        extra["default_text"] = default_text
    if values is not None:
        extra["values"] = values
    if secret:
        extra["secret"] = True
    return Field(default, alias=name, description=meaning, json_schema_extra=extra, repr=not secret, ge=ge, le=le)
