"""Calling a user function the way the Python worker does.

Async functions run on the language worker's loop, sync ones in its thread pool (see
worker.py), so no function ever runs on the front loop. host.json's functionTimeout
bounds every invocation. Output bindings are applied in the pool after the function
returns, and only if it returned normally within the timeout: a failed or timed-out
invocation writes nothing.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import azure.functions as func

from .app_loader import FunctionInfo
from .bindings.outputs import OutputBindings
from .config import DEFAULT_FUNCTION_TIMEOUT, FunctionTimeout
from .worker import LanguageWorker, RetireHook


class InvocationContext(func.Context):
    """The ``context`` parameter a function may declare."""

    def __init__(self, function_name: str, function_directory: str) -> None:
        self._invocation_id: str | None = None          # uuid4 costs a syscall; lazy
        self._function_name = function_name
        self._function_directory = function_directory
        self._tls = threading.local()

    @property
    def invocation_id(self) -> str:
        if self._invocation_id is None:
            self._invocation_id = str(uuid.uuid4())
        return self._invocation_id

    @property
    def thread_local_storage(self) -> threading.local:  # type: ignore[override]
        return self._tls

    @property
    def function_name(self) -> str:
        return self._function_name

    @property
    def function_directory(self) -> str:
        return self._function_directory

    @property
    def trace_context(self) -> Any:
        return None

    @property
    def retry_context(self) -> Any:
        return None


def _accepted(fn: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    """Keep only the arguments the function declares (unless it takes **kwargs)."""
    params = inspect.signature(fn).parameters
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values()):
        return kwargs
    return {k: v for k, v in kwargs.items() if k in params}


class Invoker:
    """Runs user functions on the language worker with captured output bindings."""

    def __init__(self, outputs: OutputBindings, app_dir: str, max_workers: int, *,
                 timeout: FunctionTimeout = DEFAULT_FUNCTION_TIMEOUT,
                 retire_hook: RetireHook | None = None) -> None:
        self.outputs = outputs
        self.app_dir = app_dir
        self.timeout = timeout
        self.worker = LanguageWorker(max_workers, retire_hook=retire_hook)

    @property
    def pool(self) -> ThreadPoolExecutor:
        """The worker's current thread pool (replaced after a sync function times out)."""
        return self.worker.pool

    async def call(self, fn: FunctionInfo, kwargs: dict[str, Any],
                   executor: ThreadPoolExecutor | None = None) -> Any:
        """Invoke ``fn`` with trigger/input arguments; bind outputs; return its result.

        Raises what the function raised, FunctionTimeoutError past functionTimeout, or
        WorkerRestartedError if the worker loop was replaced while it ran.
        """
        captured = self.outputs.capture(fn.output_bindings)
        args = dict(kwargs)
        args.update({name: out for name, (_, out) in captured.items()})
        args.setdefault("context", InvocationContext(fn.name, self.app_dir))
        user = fn.user_function
        args = _accepted(user, args)
        if inspect.iscoroutinefunction(user):
            result = await self.worker.run_async(fn.name, partial(user, **args), self.timeout)
        else:
            result = await self.worker.run_sync(fn.name, partial(_call_sync, user, args),
                                                self.timeout, executor)
        if captured:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(executor or self.worker.pool, self.outputs.apply, captured)
        return result

    async def shutdown_async(self) -> None:
        """Stop the worker loop (on the front loop, while it still runs)."""
        await self.worker.shutdown_async()

    def shutdown(self) -> None:
        self.worker.shutdown()


def _call_sync(user: Any, args: dict[str, Any]) -> Any:
    result = user(**args)
    if inspect.isawaitable(result):          # a sync wrapper returning a coroutine
        result = asyncio.run(_await(result))
    return result


async def _await(awaitable: Any) -> Any:
    return await awaitable
