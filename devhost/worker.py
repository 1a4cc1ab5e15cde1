"""The language worker: where app code runs, apart from devhost's HTTP front.

The real Functions host runs Python functions in a separate worker process, so nothing a
function does can stall the host's HTTP front, its Durable dispatcher or its management
API. devhost keeps that property inside one process:

* async functions run on the **worker loop**, an event loop in its own thread (one per
  worker, like the Python worker's single loop: async functions share it, so one that
  blocks it stalls the other async functions, exactly as in Azure);
* sync functions run in a thread pool (the Python worker's ``PYTHON_THREADPOOL``);
* the **front loop** (uvicorn: routing, management API, SignalR emulator, scheduler) only
  waits on futures, and measures ``functionTimeout`` itself, so a timeout is noticed even
  when the worker loop never yields.

When an invocation times out, its task is cancelled. If the worker loop does not answer
within ``wedge_grace`` seconds, it is wedged (an async function that never yields): like the
real host restarting its worker process, devhost abandons that loop's thread and starts a
fresh loop for later invocations; invocations still running on the old loop fail with
``WorkerRestartedError``. A timed-out sync function's thread cannot be stopped either, so
the pool is replaced with a fresh one and the stuck thread is left to finish on its own.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import itertools
import logging
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from .config import FunctionTimeout

log = logging.getLogger("devhost")

# Called on the front thread when a worker loop retires; returns a coroutine to run on the
# retiring loop (e.g. closing a client session bound to it), or None.
RetireHook = Callable[[], Coroutine[Any, Any, None] | None]


class FunctionTimeoutError(Exception):
    """An invocation ran longer than host.json's functionTimeout; message as the real host's."""

    def __init__(self, function_name: str, timeout: FunctionTimeout) -> None:
        super().__init__(f"Timeout value of {timeout.text} was exceeded by function: "
                         f"Functions.{function_name}")
        self.function_name = function_name


class WorkerRestartedError(Exception):
    """The worker loop running an invocation was replaced before the invocation finished."""


class WorkerLoop:
    """One generation of the worker loop: an event loop running forever in a daemon thread."""

    def __init__(self, generation: int, front: asyncio.AbstractEventLoop) -> None:
        self.generation = generation
        self.loop = asyncio.new_event_loop()
        # resolved (on the front loop) when this loop is abandoned
        self.retired: asyncio.Future[None] = front.create_future()
        self.thread = threading.Thread(target=self._run, name=f"devhost-worker-{generation}",
                                       daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
            tasks = asyncio.all_tasks(self.loop)
            for task in tasks:
                task.cancel()
            if tasks:
                self.loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
        finally:
            self.loop.close()

    def submit(self, coro: Coroutine[Any, Any, Any]) -> concurrent.futures.Future[Any]:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    async def answers_within(self, seconds: float) -> bool:
        """True if the loop runs a trivial callback within ``seconds`` (it is not wedged)."""
        try:
            ping = asyncio.wrap_future(self.submit(asyncio.sleep(0)))
        except RuntimeError:                       # already closed
            return False
        try:
            await asyncio.wait_for(ping, seconds)
        except TimeoutError:
            return False
        return True

    def stop_soon(self, last: Coroutine[Any, Any, None] | None = None) -> None:
        """Run ``last`` (if any), then stop; a wedged loop does it whenever it wakes up."""
        async def finish() -> None:
            if last is not None:
                with contextlib.suppress(Exception):
                    await last
            self.loop.stop()

        try:
            self.submit(finish())
        except RuntimeError:                       # loop already closed
            if last is not None:
                last.close()


class LanguageWorker:
    """Runs user functions off the front loop, with functionTimeout measured on the front loop."""

    def __init__(self, max_workers: int, *, retire_hook: RetireHook | None = None,
                 wedge_grace: float = 1.0) -> None:
        self.max_workers = max_workers
        self.retire_hook = retire_hook
        self.wedge_grace = wedge_grace
        self.pool = self._new_pool()
        self.restarts = 0                           # worker loops replaced (wedged)
        self.abandoned_threads = 0                  # sync functions' threads left running
        self._generations = itertools.count(1)
        self._current: WorkerLoop | None = None

    def _new_pool(self) -> concurrent.futures.ThreadPoolExecutor:
        return concurrent.futures.ThreadPoolExecutor(max_workers=self.max_workers,
                                                     thread_name_prefix="devhost")

    def _worker(self) -> WorkerLoop:
        if self._current is None:
            self._current = WorkerLoop(next(self._generations), asyncio.get_running_loop())
        return self._current

    async def run_async(self, name: str, make: Callable[[], Coroutine[Any, Any, Any]],
                        timeout: FunctionTimeout) -> Any:
        """Run the coroutine ``make()`` on the worker loop; raise FunctionTimeoutError past
        ``timeout`` (the task is cancelled, a wedged loop replaced)."""
        worker = self._worker()
        waiter = asyncio.wrap_future(worker.submit(make()))
        try:
            done, _ = await asyncio.wait({waiter, worker.retired}, timeout=timeout.seconds,
                                         return_when=asyncio.FIRST_COMPLETED)
            if waiter in done:
                return waiter.result()
            if worker.retired in done:
                raise WorkerRestartedError(f"the language worker was restarted while "
                                           f"Functions.{name} was running")
        finally:
            if not waiter.done():
                waiter.cancel()                     # cancels the task on the worker loop
        log.error("Timeout value of %s exceeded by function 'Functions.%s'. Initiating "
                  "cancellation.", timeout.text, name)
        if not await worker.answers_within(self.wedge_grace):
            self._replace(worker, f"Functions.{name} blocked the worker loop past functionTimeout")
        raise FunctionTimeoutError(name, timeout)

    async def run_sync(self, name: str, call: Callable[[], Any], timeout: FunctionTimeout,
                       executor: concurrent.futures.Executor | None = None) -> Any:
        """Run ``call()`` in the pool; past ``timeout`` its thread is abandoned (the pool is
        replaced, so the stuck thread does not take a slot) and FunctionTimeoutError raised."""
        pool = executor or self.pool
        future = asyncio.get_running_loop().run_in_executor(pool, call)
        try:
            return await asyncio.wait_for(future, timeout.seconds)
        except TimeoutError:
            pass
        log.error("Timeout value of %s exceeded by function 'Functions.%s'. Its thread cannot "
                  "be stopped; it is abandoned and the thread pool replaced.", timeout.text, name)
        self.abandoned_threads += 1
        if pool is self.pool:
            old, self.pool = self.pool, self._new_pool()
            old.shutdown(wait=False)
        raise FunctionTimeoutError(name, timeout)

    def _replace(self, worker: WorkerLoop, reason: str) -> None:
        """Abandon a wedged worker loop (its thread is left to wake up and stop) and let the
        next invocation start a fresh one, as the real host restarts a worker process."""
        if worker.retired.done():                   # another timed-out invocation did it
            return
        if self._current is worker:
            self._current = None
        self.restarts += 1
        log.error("Restarting the language worker: %s. The stuck thread %s is abandoned; "
                  "invocations still running on it fail.", reason, worker.thread.name)
        if not worker.retired.done():
            worker.retired.set_result(None)
        worker.stop_soon(self.retire_hook() if self.retire_hook else None)

    async def shutdown_async(self, grace: float = 2.0) -> None:
        """Stop the worker loop (running the retire hook on it) and wait a little for it."""
        worker, self._current = self._current, None
        if worker is None:
            return
        if not worker.retired.done():
            worker.retired.set_result(None)
        answers = await worker.answers_within(min(grace, self.wedge_grace))
        worker.stop_soon(self.retire_hook() if self.retire_hook else None)
        if answers:                                # a wedged loop is not waited for
            await asyncio.get_running_loop().run_in_executor(None, worker.thread.join, grace)

    def shutdown(self) -> None:
        """Last resort from any thread: stop the loop without waiting, drop the pool."""
        worker, self._current = self._current, None
        if worker is not None:
            worker.stop_soon(self.retire_hook() if self.retire_hook else None)
        self.pool.shutdown(wait=False, cancel_futures=True)
