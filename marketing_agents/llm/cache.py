"""The agent response cache: the same context never pays for the same answer twice.

Keys are ``agent:{name}:response:{contextHash}`` (the hash covers everything that can
change the answer, see :func:`context_hash`); values are the agent's result as JSON.
Redis is used when configured (so every Function App instance shares hits), otherwise a
SQLite file under the local state dir (shared by the processes of one host and kept
across restarts), or memory for tests. A broken cache must never break a campaign:
backend errors are logged and treated as a miss.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
import sqlite3
import time
import weakref
from pathlib import Path
from typing import Any, Protocol

from redis.credentials import CredentialProvider

from .settings import CacheBackend, ModelSettings, RedisSettings

log = logging.getLogger(__name__)

REDIS_SCOPE = "https://redis.azure.com/.default"


def cache_key(agent_name: str, context_hash: str) -> str:
    return f"agent:{agent_name}:response:{context_hash}"


def context_hash(parts: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of ``parts`` (prompt version, models, messages...)."""
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class ResponseCache(Protocol):
    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str, ttl_seconds: int) -> None: ...


class NullCache:
    """Caching switched off (``AGENT_CACHE_BACKEND=none`` or a TTL of 0)."""

    async def get(self, key: str) -> str | None:
        return None

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        return None


class MemoryCache:
    """A per-process dictionary with expiry; enough for tests and a single host process."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[float, str]] = {}

    async def get(self, key: str) -> str | None:
        item = self._items.get(key)
        if item is None or item[0] < time.time():
            self._items.pop(key, None)
            return None
        return item[1]

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        self._items[key] = (time.time() + ttl_seconds, value)


# Shared by every agent built in this process, so hits survive rebuilding the agents.
PROCESS_MEMORY_CACHE = MemoryCache()


class SqliteCache:
    """A SQLite file: survives host restarts and is shared by worker processes."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS responses "
                "(key TEXT PRIMARY KEY, expires REAL NOT NULL, value TEXT NOT NULL)"
            )

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def _get(self, key: str) -> str | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT value FROM responses WHERE key = ? AND expires >= ?", (key, time.time())
            ).fetchone()
        return None if row is None else str(row[0])

    def _set(self, key: str, value: str, ttl_seconds: int) -> None:
        now = time.time()
        with self._connect() as db:
            db.execute(
                "INSERT OR REPLACE INTO responses (key, expires, value) VALUES (?, ?, ?)",
                (key, now + ttl_seconds, value),
            )
            db.execute("DELETE FROM responses WHERE expires < ?", (now,))

    async def get(self, key: str) -> str | None:
        return await asyncio.to_thread(self._get, key)

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        await asyncio.to_thread(self._set, key, value, ttl_seconds)


class RedisCache:
    """Redis (``REDIS_URL``) or Azure Managed Redis with Entra ID (``REDIS_HOST``)."""

    def __init__(self, settings: RedisSettings) -> None:
        self.settings = settings
        # A redis.asyncio connection pool belongs to one event loop, like any asyncio I/O.
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = weakref.WeakKeyDictionary()

    @property
    def client(self) -> Any:
        loop = asyncio.get_running_loop()
        if loop not in self._clients:
            self._clients[loop] = self._connect()
        return self._clients[loop]

    def _connect(self) -> Any:
        import redis.asyncio as redis

        settings = self.settings
        if settings.url is not None:
            return redis.Redis.from_url(settings.url, decode_responses=True)
        return redis.Redis(
            host=settings.host or "localhost",
            port=settings.port,
            ssl=True,
            decode_responses=True,
            credential_provider=EntraIdRedisCredentials(settings.username),
        )

    async def get(self, key: str) -> str | None:
        value = await self.client.get(key)
        return None if value is None else str(value)

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        await self.client.set(key, value, ex=ttl_seconds)


class EntraIdRedisCredentials(CredentialProvider):
    """Redis AUTH with an Entra ID token: user = the identity's object id, password = token.

    Implements redis-py's ``CredentialProvider`` interface, asked on every new connection.
    """

    def __init__(self, username: str | None) -> None:
        self.username = username

    def get_credentials(self) -> tuple[str, str]:
        raise RuntimeError("Entra ID Redis credentials are available only to the asyncio client")

    async def get_credentials_async(self) -> tuple[str, str]:
        from azure.identity.aio import DefaultAzureCredential

        async with DefaultAzureCredential() as credential:
            token = (await credential.get_token(REDIS_SCOPE)).token
        return (self.username or _token_object_id(token), token)


def _token_object_id(token: str) -> str:
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return str(claims["oid"])


class SafeCache:
    """Wraps a backend so that its failures are a logged miss, never a failed campaign."""

    def __init__(self, backend: ResponseCache, ttl_seconds: int) -> None:
        self.backend = backend
        self.ttl_seconds = ttl_seconds

    async def get(self, key: str) -> str | None:
        try:
            return await self.backend.get(key)
        except Exception:  # any backend failure is a miss
            log.warning("agent cache read failed for %s", key, exc_info=True)
            return None

    async def set(self, key: str, value: str) -> None:
        try:
            await self.backend.set(key, value, self.ttl_seconds)
        except Exception:  # a failed write only loses the entry
            log.warning("agent cache write failed for %s", key, exc_info=True)


def build_response_cache(settings: ModelSettings) -> SafeCache:
    """The cache backend the settings select (``AGENT_CACHE_BACKEND``)."""
    backend: ResponseCache
    if settings.cache_ttl_seconds <= 0 or settings.cache_backend is CacheBackend.NONE:
        backend = NullCache()
    elif settings.cache_backend is CacheBackend.REDIS:
        backend = RedisCache(settings.redis)
    elif settings.cache_backend is CacheBackend.MEMORY:
        backend = PROCESS_MEMORY_CACHE
    else:
        backend = SqliteCache(settings.cache_path)
    return SafeCache(backend, settings.cache_ttl_seconds)
