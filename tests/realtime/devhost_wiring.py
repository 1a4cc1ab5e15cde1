"""devhost with the SignalR emulator and the real app (+ api/realtime.py), for the
end-to-end tests.

Until devhost mounts the emulator itself and function_app.py registers api/realtime.py
(the integration patches in docs/realtime.md), this module does both the same way: a
test app folder whose function_app.py adds the realtime blueprint to the product's app,
and the emulator mounted on devhost's Starlette app with devhost's invoker behind the
signalRTrigger functions and the signalRConnectionInfo input binding.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from devhost import DevHost
from devhost.signalr import SignalREmulator, connection_info_for_binding, mount

ROOT = Path(__file__).resolve().parents[2]

APP_SOURCE = '''"""Test app: the product's function_app.py plus api/realtime.py if it is not registered yet."""
import importlib.util
import sys

ROOT = {root!r}
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
_spec = importlib.util.spec_from_file_location("product_function_app", ROOT + "/function_app.py")
_module = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_module)
app = _module.app
if not any(getattr(getattr(b, "_function", None), "_name", None) == "negotiate" for b in app._function_builders):
    from api.realtime import bp as realtime_api

    app.register_functions(realtime_api)
'''


def make_app_dir(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "function_app.py").write_text(APP_SOURCE.format(root=str(ROOT)))
    shutil.copy(ROOT / "host.json", folder / "host.json")
    return folder


def wire(devhost: DevHost) -> SignalREmulator | None:
    """Mount the emulator on devhost unless devhost does it itself (then its emulator is
    ``devhost.host.signalr_service`` once started)."""
    host: Any = devhost.host
    existing = getattr(host, "signalr_service", None)
    if existing is not None:
        return existing  # type: ignore[no-any-return]
    invoker = host.invoker
    original_call = invoker.call

    async def call(fn: Any, kwargs: dict[str, Any], executor: Any = None) -> Any:
        for binding in fn.bindings:
            if binding.type == "signalRConnectionInfo" and kwargs.get(binding.name) is None:
                req = kwargs[fn.trigger.name]
                info = connection_info_for_binding(binding.settings, dict(req.headers), dict(req.params))
                kwargs[binding.name] = json.dumps(info)
        return await original_call(fn, kwargs, executor)

    invoker.call = call

    async def invoke_trigger(name: str, payload: dict[str, Any]) -> Any:
        fn = host.index.signalr_triggers[name]
        return await invoker.call(fn, {fn.trigger.name: json.dumps(payload)})

    def mount_on(app: Any) -> SignalREmulator:
        emulator = mount(
            app,
            triggers=[(fn.name, fn.trigger.settings) for fn in host.index.signalr_triggers.values()],
            invoke_trigger=invoke_trigger,
            sink_registry=host.signalr,
            state_path=host.state_dir / "signalr.sqlite",
        )
        host.signalr_service = emulator
        return emulator

    server = getattr(devhost, "_server", None)
    if server is not None:  # the ASGI app was built with the DevHost
        return mount_on(server.config.app)
    original_asgi = host.asgi

    def asgi() -> Any:  # the ASGI app is built at start
        app = original_asgi()
        mount_on(app)
        return app

    host.asgi = asgi
    return None  # type: ignore[return-value]


def stop(devhost: DevHost) -> None:
    """Graceful stop: clients are told to reconnect, then the host stops."""
    service = getattr(devhost.host, "signalr_service", None)
    if service is not None:
        service.close_from_thread()
    devhost.stop()


def streaming_wired() -> bool:
    """Whether the generate activity streams chunks yet (an integration patch)."""
    return "chunk_publisher" in (ROOT / "activities" / "campaign.py").read_text()
