"""Every regular expression the compliance engine uses, on hostile runs of growing length.

Python's ``re`` backtracks: an expression that opens with an unbounded repeat (``\\d+``,
``[\\w-]+``, ``\\s*``) is tried at every position of a long run of what it repeats, and each
try walks the rest of the run, so a 4,000-character unbroken run costs sixteen times what a
1,000-character one does. ``bench/pathological.py`` shows that as the audit's time; this
bench names the expressions. It collects the expressions of every rule pack, the lexicon and
the engine's modules (by auditing the dev corpora with ``compile_pattern`` watched, and by
reading the modules' compiled constants), runs each on runs of each hostile kind at two
lengths, and prints those whose time grows more than ``--ratio`` times for ×4 the length.
Linear expressions grow about ×4. Figures only, no assertions.

    .venv/bin/python bench/expressions.py [--sizes 1000,4000] [--ratio 7]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import marketing_agents  # noqa: E402
from marketing_agents.compliance import matching  # noqa: E402
from marketing_agents.compliance.evaluation import evaluate, load_corpus  # noqa: E402

RUNS: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "0" * n,
    "letters": lambda n: "a" * n,
    "number list": lambda n: "0." * (n // 2),
    "thousands": lambda n: "0," * (n // 2),
    "prices": lambda n: "£0" * (n // 2),
    "percents": lambda n: "0%" * (n // 2),
    "hyphenated": lambda n: "a-" * (n // 2),
    "spaces": lambda n: "a" + " " * n,
    "words": lambda n: "you " * (n // 4),
    "digit words": lambda n: "0 " * (n // 2),
    "lines": lambda n: "a\n" * (n // 2),
}


def engine_expressions() -> set[tuple[str, int]]:
    """(pattern, flags) of every expression the engine's modules, packs and lexicon use."""
    found: set[tuple[str, int]] = set()
    for info in pkgutil.walk_packages(marketing_agents.__path__, "marketing_agents."):
        if not info.name.endswith(("__main__", ".cli")):
            importlib.import_module(info.name)
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("marketing_agents.compliance"):
            found |= {
                (v.pattern, v.flags)
                for v in vars(module).values()
                if isinstance(v, re.Pattern) and isinstance(v.pattern, str)
            }
    watched = matching.compile_pattern

    def watch(pattern: str) -> re.Pattern[str]:
        compiled = watched(pattern)
        found.add((pattern, compiled.flags))
        return compiled

    for module in list(sys.modules.values()):
        if getattr(module, "compile_pattern", None) is watched:
            module.compile_pattern = watch  # type: ignore[attr-defined]
    for corpus in sorted((ROOT / "tests" / "compliance" / "corpora").glob("dev*.yaml")):
        evaluate(load_corpus(corpus))
    return found


def seconds(expression: re.Pattern[str], text: str) -> float:
    started = time.perf_counter()
    for _ in expression.finditer(text):
        pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,4000", help="two run lengths, short and long")
    parser.add_argument("--ratio", type=float, default=7.0, help="print expressions growing more than this")
    args = parser.parse_args()
    short, long = (int(s) for s in args.sizes.split(","))
    expressions = engine_expressions()
    rows = []
    for pattern, flags in expressions:
        compiled = re.compile(pattern, flags)
        for kind, make in RUNS.items():
            a = min(seconds(compiled, make(short)) for _ in range(2))
            b = min(seconds(compiled, make(long)) for _ in range(2))
            if b > 0.002 and b / max(a, 1e-6) > args.ratio:
                rows.append((b, b / max(a, 1e-6), kind, pattern))
    print(f"{len(expressions)} expressions, {len(RUNS)} kinds of run, {short} and {long} characters")
    print(f"{len(rows)} (expression, run) pairs grow more than ×{args.ratio:g} for ×{long / short:g} the length")
    for b, ratio, kind, pattern in sorted(rows, reverse=True):
        print(f"  {b:7.3f}s ×{ratio:6.1f}  {kind:12} {pattern[:110]}")


if __name__ == "__main__":
    main()
