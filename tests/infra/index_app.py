"""Index the app the way the Python worker does for a v2 app, in a fresh process whose
environment the caller chose: import ``function_app``, take ``app.get_functions()``
(which may be called once per app object) and each function's raw binding JSON, then
build the app's components from the settings (validation only: nothing connects).
Prints ``{"functions": [{"name", "bindings": [...]}]}`` as JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    import function_app
    from marketing_agents.components import build_components, check_settings

    functions = [
        {"name": fn.get_function_name(), "bindings": [json.loads(raw) for raw in fn.get_raw_bindings()]}
        for fn in function_app.app.get_functions()
    ]
    check_settings()
    build_components()
    json.dump({"functions": functions}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
