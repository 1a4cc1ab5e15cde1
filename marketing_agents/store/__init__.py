"""Campaign repository: protocol, the local (SQLite) and Cosmos DB implementations, and
the factory that picks one from the ``CosmosDBConnection`` setting
(docs/local-document-store.md, docs/persistence.md)."""

from __future__ import annotations

from pathlib import Path

from ..settings import COSMOS_CONNECTION_SETTING, DEFAULT_LOCAL_STORE, ConfigError, Settings
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


def local_store_path(settings: Settings, base_dir: str | Path | None = None) -> Path | None:
    """The SQLite document store path named by the connection setting, or None when the
    setting points at Cosmos DB."""
    value = settings.cosmos_connection or ""
    if not value and not settings.cosmos_account_endpoint:
        raise ConfigError(
            f"setting {COSMOS_CONNECTION_SETTING} is not set (locally: {LOCAL_PREFIX}{DEFAULT_LOCAL_STORE}, "
            "as in local.settings.json.example)"
        )
    if not value.startswith(LOCAL_PREFIX):
        if account_from_settings(settings) is None:  # raises ConfigError for a malformed account
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


def repository_from_settings(settings: Settings) -> CampaignRepository:
    """The local repository for ``LocalDocumentStore=<path>``; the Cosmos DB one for an
    account connection string (key) or ``CosmosDBConnection__accountEndpoint`` (Entra ID)."""
    path = local_store_path(settings)
    if path is not None:
        return LocalCampaignRepository(path)
    from .cosmos import CosmosCampaignRepository  # the SDK is imported only when it is used

    account = account_from_settings(settings)
    assert account is not None  # local_store_path refused every other value
    return CosmosCampaignRepository(account)
