"""Serving a Host over HTTP with uvicorn, in the foreground (CLI) or a background thread."""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
import threading
from pathlib import Path
from types import TracebackType

import uvicorn

from .bindings.signalr import SignalRSink
from .clock import Clock
from .config import ConfigError
from .host import Host

log = logging.getLogger("devhost")


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind before serving so 'port in use' is a clean error and port 0 gets a real port."""
    # proto=IPPROTO_TCP matters: asyncio enables TCP_NODELAY only on sockets whose proto
    # says TCP, and without it each response (headers, then body) waits ~40 ms on Nagle.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)   # rebind after a crash
    try:
        sock.bind((host, port))
    except OSError as ex:
        sock.close()
        if ex.errno == errno.EADDRINUSE:
            raise ConfigError(f"port {port} on {host} is already in use") from None
        raise ConfigError(f"cannot listen on {host}:{port}: {ex.strerror}") from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


class DevHost:
    """devhost for one app folder, served on 127.0.0.1 in a background thread.

    Use as a context manager in tests::

        with DevHost(app_dir, tmp_path / "state", virtual_clock=True) as host:
            httpx.post(host.base_url + "/api/start/flow")
            host.clock.advance(3600)
    """

    def __init__(self, app_dir: str | Path, state_dir: str | Path | None = None, *,
                 port: int = 0, host: str = "127.0.0.1", virtual_clock: bool = False,
                 settings: dict[str, str] | None = None,
                 signalr_sink: SignalRSink | None = None,
                 timer_limits: tuple[str, str] | None = None) -> None:
        self._sock = bind_socket(host, port)
        try:
            self.host = Host(Path(app_dir), Path(state_dir) if state_dir else None,
                             virtual_clock=virtual_clock, settings=settings,
                             signalr_sink=signalr_sink, timer_limits=timer_limits)
        except BaseException:
            self._sock.close()
            raise
        addr = self._sock.getsockname()
        self.port: int = addr[1]
        self.base_url = f"http://{host if ':' not in host else f'[{host}]'}:{self.port}"
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def clock(self) -> Clock:
        """Advance with ``clock.advance(seconds)`` when started with virtual_clock=True."""
        return self.host.clock

    def _make_server(self) -> uvicorn.Server:
        """Built at start so routes mounted after construction are served."""
        # keep-alive longer than clients' pools (aiohttp keeps idle connections 15 s,
        # Kestrel serves 120 s): a shorter server timeout races with connection reuse
        # and surfaces as sporadic disconnects in the SDK's client.
        config = uvicorn.Config(self.host.asgi(), log_level="warning", access_log=False,
                                lifespan="on", timeout_graceful_shutdown=2,
                                timeout_keep_alive=120)
        self._server = uvicorn.Server(config)
        return self._server

    def serve_forever(self) -> None:
        """Run in the calling thread until interrupted (the CLI)."""
        try:
            self._make_server().run(sockets=[self._sock])
        finally:
            self.host.close()

    def start(self) -> DevHost:
        """Serve in a background thread; returns once the host accepts requests."""
        server = self._make_server()
        self._thread = threading.Thread(target=self._run_in_thread, args=(server,),
                                        name="devhost", daemon=True)
        self._thread.start()
        while not server.started:
            if not self._thread.is_alive():
                raise RuntimeError("devhost failed to start; see the log")
            threading.Event().wait(0.01)
        return self

    def _run_in_thread(self, server: uvicorn.Server) -> None:
        asyncio.run(server.serve(sockets=[self._sock]))

    def stop(self) -> None:
        """Stop serving, cancel running work (re-run on the next start), close the state."""
        if self._thread is not None and self._server is not None:
            self.host.signalr_emulator.close_from_thread()  # close message with allowReconnect first
            self._server.should_exit = True
            self._thread.join(timeout=15)
            self._thread = None
            self.host.close()
        self._sock.close()

    def __enter__(self) -> DevHost:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
