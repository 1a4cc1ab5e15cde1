"""``python -m devhost``: serve a Functions app folder like ``func start``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .config import ConfigError


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devhost",
        description="Run a Python Azure Functions app (v2 model) with Durable Functions "
                    "locally: HTTP triggers under /api, the Durable management API under "
                    "/runtime/webhooks/durabletask, orchestration state in SQLite.")
    parser.add_argument("--app", default=".", metavar="DIR",
                        help="folder holding function_app.py, host.json, local.settings.json "
                             "(default: current folder)")
    parser.add_argument("--port", type=int, default=7071, help="port (default: 7071)")
    parser.add_argument("--host", default="127.0.0.1",
                        help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--state", metavar="DIR",
                        help="state folder for the SQLite database (default: DIR/.devhost)")
    parser.add_argument("--virtual-clock", action="store_true",
                        help="timers fire only when the clock is advanced with POST "
                             "/runtime/webhooks/devhost/clock?advanceSeconds=N")
    parser.add_argument("--log-level", default="info",
                        choices=["debug", "info", "warning", "error"],
                        help="host log level (default: info; warning hides per-call lines)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Sync functions run in worker threads; while the loop replays orchestrations they
    # wait for the GIL, so hand it over more often than the 5 ms default.
    sys.setswitchinterval(0.0005)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stdout,
                        format="[%(asctime)s] %(message)s")
    app_dir = Path(args.app)
    try:
        if not (app_dir / "function_app.py").is_file():
            raise ConfigError(f"no function_app.py in {app_dir.resolve()}")
        from .server import DevHost

        host = DevHost(app_dir, args.state, port=args.port, host=args.host,
                       virtual_clock=args.virtual_clock)
    except ConfigError as ex:
        print(f"devhost: error: {ex}", file=sys.stderr)
        return 2
    print("\nFunctions:\n")
    for line in host.host.describe():
        print(f"        {line}")
    print(f"\nHost listening on {host.base_url} (state: {host.host.state_dir}"
          f"{', virtual clock' if host.clock.virtual else ''})", flush=True)
    host.serve_forever()
    stuck = host.host.invoker.worker.abandoned_threads
    if stuck:   # pool threads are joined at exit: a stuck one would hold the process forever
        print(f"devhost: {stuck} timed-out function thread(s) still running; exiting anyway",
              file=sys.stderr, flush=True)
        sys.stdout.flush()
        os._exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
