"""The event loop the emulator serves on, shared explicitly by the parts that need it.

Client connections, their writers and the hubs live on the server's loop, but output
binding values arrive from worker threads (functions run there, as in the language
worker). Whoever hands work to the loop gets this object at construction, instead of
reaching into another object for its loop.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class ServerLoop:
    """Unset until the server attaches it (at start-up, or at the first request)."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: int | None = None

    def attach(self) -> None:
        """Called on the server's loop; the first call wins (later ones are no-ops)."""
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            self._thread = threading.get_ident()

    @property
    def running(self) -> bool:
        """Whether work can be handed to the loop (attached, and not stopped)."""
        return self._loop is not None and not self._loop.is_closed() and self._loop.is_running()

    @property
    def attached(self) -> bool:
        """Attached and not closed: values must go through the loop, not be applied inline."""
        return self._loop is not None and not self._loop.is_closed()

    def on_loop_thread(self) -> bool:
        return self._thread is not None and threading.get_ident() == self._thread

    def call_soon(self, callback: Callable[..., Any], *args: Any) -> None:
        """Queue ``callback(*args)`` on the loop without waiting (FIFO with other calls)."""
        assert self._loop is not None
        self._loop.call_soon_threadsafe(callback, *args)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float) -> T:
        """Run ``coro`` on the loop from another thread and wait for its result."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(timeout)
