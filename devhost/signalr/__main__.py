"""``python -m devhost.signalr``: the SignalR Service emulator on its own, for ``func
start`` (devhost embeds it already). docs/deploy.md and the README's Core Tools section."""

from __future__ import annotations

import argparse
import os
import sys

from .emulator import CONNECTION_SETTING
from .standalone import DEFAULT_UPSTREAM, standalone_app

UPSTREAM_KEY_SETTING = "SIGNALR_UPSTREAM_CODE"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m devhost.signalr",
        description="A local Azure SignalR Service (serverless mode) for an app run under Azure Functions Core "
                    "Tools: negotiate, client WebSockets, the REST API, and upstream delivery of client "
                    "invocations to the app's SignalR extension webhook.")
    parser.add_argument("--port", type=int, default=8888, help="port (default: 8888)")
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    parser.add_argument("--connection-string", default=None,
                        help=f"the app's {CONNECTION_SETTING} (default: that environment variable, else "
                             "Endpoint=http://HOST:PORT with the emulator's development key)")
    parser.add_argument("--upstream", default=DEFAULT_UPSTREAM,
                        help="upstream URL template, {hub} {category} {event} allowed "
                             f"(default: {DEFAULT_UPSTREAM})")
    parser.add_argument("--code", default=os.environ.get(UPSTREAM_KEY_SETTING),
                        help=f"the signalr_extension system key appended as ?code= (default: ${UPSTREAM_KEY_SETTING}; "
                             "Core Tools does not check it locally)")
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    import uvicorn

    from .auth import DEFAULT_ACCESS_KEY

    text = args.connection_string or os.environ.get(CONNECTION_SETTING) or (
        f"Endpoint=http://{args.host}:{args.port};AccessKey={DEFAULT_ACCESS_KEY};Version=1.0;")
    if "accesskey=" not in text.lower():
        print(f"error: the emulator signs tokens with the connection string's AccessKey; {text!r} has none",
              file=sys.stderr)
        return 2
    app, emulator = standalone_app(text, args.upstream, args.code)
    print(f"SignalR emulator on http://{args.host}:{args.port} (clients see {emulator.endpoint}); "
          f"upstream {args.upstream}", flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
