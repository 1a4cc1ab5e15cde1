"""Run by the infra venv's Python (checkov's pycep-parser): parse every ``.bicep`` file
under a folder and print ``{relative path: parsed JSON | {"error": message}}``.

The suite's own venv does not carry pycep-parser (checkov pins it, with many other
packages), so tests/infra calls this script in ``.venv-infra`` once per session."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pycep import BicepParser


def main(root: Path) -> int:
    parsed: dict[str, object] = {}
    for path in sorted(root.rglob("*.bicep")):
        try:
            parsed[path.relative_to(root).as_posix()] = BicepParser().parse(file_path=path)
        except Exception as error:  # any parse failure is reported per file
            parsed[path.relative_to(root).as_posix()] = {"error": f"{type(error).__name__}: {error}"[:2000]}
    json.dump(parsed, sys.stdout, default=str)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
