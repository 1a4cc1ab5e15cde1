"""Calling a user function the way the Python worker does.

Async functions run on the host's event loop; sync ones run in a thread pool so a slow
function never blocks the loop. Output bindings are applied right after the function
returns, in the same thread, and only if it returned normally.
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
    """Runs user functions with captured output bindings."""

    def __init__(self, outputs: OutputBindings, app_dir: str, max_workers: int) -> None:
        self.outputs = outputs
        self.app_dir = app_dir
        self.pool = ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="devhost")

    async def call(self, fn: FunctionInfo, kwargs: dict[str, Any],
                   executor: ThreadPoolExecutor | None = None) -> Any:
        """Invoke ``fn`` with trigger/input arguments; bind outputs; return its result."""
        captured = self.outputs.capture(fn.output_bindings)
        args = dict(kwargs)
        args.update({name: out for name, (_, out) in captured.items()})
        args.setdefault("context", InvocationContext(fn.name, self.app_dir))
        user = fn.user_function
        args = _accepted(user, args)
        if inspect.iscoroutinefunction(user):
            result = await user(**args)
            if captured:
                loop = asyncio.get_running_loop()
                await loop.run_in_executor(executor or self.pool, self.outputs.apply, captured)
            return result
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(executor or self.pool,
                                          partial(self._call_sync, user, args, captured))

    def _call_sync(self, user: Any, args: dict[str, Any], captured: Any) -> Any:
        result = user(**args)
        if inspect.isawaitable(result):          # a sync wrapper returning a coroutine
            result = asyncio.run(_await(result))
        self.outputs.apply(captured)
        return result

    def shutdown(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)


async def _await(awaitable: Any) -> Any:
    return await awaitable
