"""Where rendered posters live: local files on a laptop, Azure Blob Storage in Azure.

Posters are binary and can be large, so they are kept out of the document store and the
orchestration payloads; the Visual artifact keeps only references. A reference is the
store-independent key ``{campaignId}/{versionId}.{svg|png}``, and the API serves a
poster with :meth:`PosterStore.load`, so nothing has to be publicly readable. Saving is
idempotent (same ids, same key, overwritten atomically), as activities may run twice.
"""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path
from typing import Any, Literal, Protocol

from ..settings import ConfigError, PosterStoreKind, Settings
from ..settings.declared import DEFAULT_POSTER_DIR

PosterKind = Literal["svg", "png"]
CONTENT_TYPES: dict[str, str] = {"svg": "image/svg+xml", "png": "image/png"}
_SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")


def poster_key(campaign_id: str, version_id: str, kind: PosterKind) -> str:
    """The reference of one poster file; ids are checked so no key escapes its folder."""
    for value in (campaign_id, version_id):
        if not _SAFE_ID.match(value) or ".." in value:
            raise ValueError(f"unsafe id for a poster file: {value!r}")
    if kind not in CONTENT_TYPES:
        raise ValueError(f"unknown poster kind {kind!r}")
    return f"{campaign_id}/{version_id}.{kind}"


class PosterStore(Protocol):
    async def save(self, campaign_id: str, version_id: str, svg: str, png: bytes) -> tuple[str, str]:
        """Store both files; return their references ``(svg_ref, png_ref)``."""
        ...

    async def load(self, campaign_id: str, version_id: str, kind: PosterKind) -> bytes | None:
        """The file's bytes, or None when there is no such poster."""
        ...


class LocalPosterStore:
    """Files under ``POSTER_DIR`` (default ``.devhost/posters``)."""

    def __init__(self, root: str | Path = DEFAULT_POSTER_DIR) -> None:
        self.root = Path(root)

    def _write(self, key: str, data: bytes) -> None:
        path = self.root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(data)
        os.replace(temporary, path)

    async def save(self, campaign_id: str, version_id: str, svg: str, png: bytes) -> tuple[str, str]:
        svg_key = poster_key(campaign_id, version_id, "svg")
        png_key = poster_key(campaign_id, version_id, "png")
        await asyncio.to_thread(self._write, svg_key, svg.encode("utf-8"))
        await asyncio.to_thread(self._write, png_key, png)
        return svg_key, png_key

    async def load(self, campaign_id: str, version_id: str, kind: PosterKind) -> bytes | None:
        path = self.root / poster_key(campaign_id, version_id, kind)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            return None


class BlobPosterStore:
    """Azure Blob Storage: a managed identity (``POSTER_BLOB_ACCOUNT_URL``) or a
    connection string (``POSTER_BLOB_CONNECTION_STRING``, e.g. for Azurite)."""

    def __init__(self, container: str, account_url: str | None = None, connection_string: str | None = None) -> None:
        self.container = container
        self.account_url = account_url
        self.connection_string = connection_string

    def _service(self) -> Any:
        from azure.storage.blob.aio import BlobServiceClient

        if self.connection_string:
            return BlobServiceClient.from_connection_string(self.connection_string)
        from azure.identity.aio import DefaultAzureCredential

        return BlobServiceClient(self.account_url or "", credential=DefaultAzureCredential())

    async def save(self, campaign_id: str, version_id: str, svg: str, png: bytes) -> tuple[str, str]:
        from azure.storage.blob import ContentSettings

        keys = (poster_key(campaign_id, version_id, "svg"), poster_key(campaign_id, version_id, "png"))
        async with self._service() as service:
            container = service.get_container_client(self.container)
            for key, data, kind in ((keys[0], svg.encode("utf-8"), "svg"), (keys[1], png, "png")):
                await container.upload_blob(
                    key, data, overwrite=True, content_settings=ContentSettings(content_type=CONTENT_TYPES[kind])
                )
        return keys

    async def load(self, campaign_id: str, version_id: str, kind: PosterKind) -> bytes | None:
        from azure.core.exceptions import ResourceNotFoundError

        key = poster_key(campaign_id, version_id, kind)
        async with self._service() as service:
            try:
                download = await service.get_blob_client(self.container, key).download_blob()
                return bytes(await download.readall())
            except ResourceNotFoundError:
                return None


def build_poster_store(settings: Settings) -> PosterStore:
    """The store selected by ``POSTER_STORE`` (``local``, the default, or ``blob``)."""
    if settings.poster_store is PosterStoreKind.LOCAL:
        return LocalPosterStore(settings.poster_dir)
    account_url, connection_string = settings.poster_blob_account_url, settings.poster_blob_connection_string
    if account_url is None and connection_string is None:
        raise ConfigError(
            "setting POSTER_BLOB_ACCOUNT_URL (or POSTER_BLOB_CONNECTION_STRING) is required when POSTER_STORE=blob"
        )
    return BlobPosterStore(settings.poster_blob_container, account_url, connection_string)
