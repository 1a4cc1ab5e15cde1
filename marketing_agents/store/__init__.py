"""Campaign repository: protocol, the local (SQLite) and Cosmos DB implementations, and
the factory that picks one from the ``CosmosDBConnection`` setting
(docs/local-document-store.md, docs/persistence.md)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from ..settings import COSMOS_CONNECTION_SETTING, DEFAULT_LOCAL_STORE, ConfigError
from .base import (
    MAX_DOCUMENT_BYTES,
    CampaignRepository,
    DocumentTooLarge,
    PreconditionFailed,
    StoreError,
    StoreUnavailable,
    check_document_size,
)
from .cosmos_account import account_from_settings
from .local import LocalCampaignRepository

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "CampaignRepository",
    "DocumentTooLarge",
    "LocalCampaignRepository",
    "PreconditionFailed",
    "StoreError",
    "StoreUnavailable",
    "check_document_size",
    "local_store_path",
    "repository_from_settings",
]

LOCAL_PREFIX = "LocalDocumentStore="
APP_ROOT = Path(__file__).resolve().parents[2]


def local_store_path(env: Mapping[str, str] | None = None, base_dir: str | Path | None = None) -> Path | None:
    """The SQLite document store path named by the connection setting, or None when the
    setting points at Cosmos DB."""
    env = os.environ if env is None else env
    value = env.get(COSMOS_CONNECTION_SETTING, "").strip()
    if not value and not env.get(f"{COSMOS_CONNECTION_SETTING}__accountEndpoint"):
        raise ConfigError(
            f"setting {COSMOS_CONNECTION_SETTING} is not set (locally: {LOCAL_PREFIX}{DEFAULT_LOCAL_STORE}, "
            "as in local.settings.json.example)"
        )
    if not value.startswith(LOCAL_PREFIX):
        if account_from_settings(env) is None:  # raises ConfigError for a malformed account
            raise ConfigError(
                f"setting {COSMOS_CONNECTION_SETTING} is neither {LOCAL_PREFIX}<path> nor a Cosmos DB "
                "connection string (AccountEndpoint=https://…;AccountKey=…;)"
            )
        return None
    path = Path(value[len(LOCAL_PREFIX) :].strip())
    if not str(path) or str(path) == ".":
        raise ConfigError(f"setting {COSMOS_CONNECTION_SETTING} names no file after {LOCAL_PREFIX}")
    # Relative to the app folder (where function_app.py is), as the host's bindings resolve it.
    return path if path.is_absolute() else Path(base_dir or APP_ROOT) / path


def repository_from_settings(env: Mapping[str, str] | None = None) -> CampaignRepository:
    """The local repository for ``LocalDocumentStore=<path>``; the Cosmos DB one for an
    account connection string (key) or ``CosmosDBConnection__accountEndpoint`` (Entra ID)."""
    env = os.environ if env is None else env
    path = local_store_path(env)
    if path is not None:
        return LocalCampaignRepository(path)
    from .cosmos import CosmosCampaignRepository  # the SDK is imported only when it is used

    account = account_from_settings(env)
    assert account is not None  # local_store_path refused every other value
    return CosmosCampaignRepository(account)
