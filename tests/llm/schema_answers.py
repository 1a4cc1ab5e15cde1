"""Answers that a structured-output model could legally give: the least and the most a
JSON schema allows.

A strict structured-output server guarantees only that its answer matches the schema it
was sent. If validation asks for more than the schema says, a model can answer "validly"
and still be rejected; the fake server's ``schema_responder`` answers at the edges of
the schema (fewest items, shortest strings, first enum member / most items, longest
strings, last enum member) so that any such gap fails a test. Strings with a ``pattern``
are built from the parsed regular expression (shortest or longest match).
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from .fake_openai import Reply

try:  # Python 3.11+
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

Mode = Literal["minimal", "maximal"]
UNBOUNDED_EXTRA = 3  # how many repeats "as many as allowed" means for an unbounded repeat
CANDIDATES = "aZ0# x-"


def schema_answer(schema: dict[str, Any], mode: Mode) -> Any:
    """An instance of ``schema`` at its lower (``minimal``) or upper (``maximal``) edge."""
    return _value(schema, schema, mode)


def schema_responder(mode: Mode):  # type: ignore[no-untyped-def]
    """A fake-server responder answering every json_schema request at the schema's edge."""

    def respond(body: dict[str, Any]) -> Reply:
        schema = body["response_format"]["json_schema"]["schema"]
        return Reply(json.dumps(schema_answer(schema, mode)))

    return respond


def _resolve(node: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def _value(node: dict[str, Any], root: dict[str, Any], mode: Mode) -> Any:
    node = _resolve(node, root)
    if "anyOf" in node:
        options = [_resolve(o, root) for o in node["anyOf"]]
        non_null = [o for o in options if o.get("type") != "null"]
        if mode == "minimal" and len(non_null) < len(options):
            return None
        return _value(non_null[0], root, mode)
    if "enum" in node:
        return node["enum"][0 if mode == "minimal" else -1]
    if "const" in node:
        return node["const"]
    kind = node.get("type")
    if kind == "object":
        return {name: _value(sub, root, mode) for name, sub in node.get("properties", {}).items()}
    if kind == "array":
        low = int(node.get("minItems", 0))
        count = low if mode == "minimal" else int(node.get("maxItems", low + UNBOUNDED_EXTRA))
        return [_value(node["items"], root, mode) for _ in range(count)]
    if kind == "integer":
        low = int(node.get("minimum", 0))
        return low if mode == "minimal" else int(node.get("maximum", low + 10))
    if kind == "number":
        low = float(node.get("minimum", 0))
        return low if mode == "minimal" else float(node.get("maximum", low + 10))
    if kind == "boolean":
        return mode == "maximal"
    if kind == "string":
        return _string(node, mode)
    if kind == "null":
        return None
    raise ValueError(f"schema node not understood: {node}")


def _string(node: dict[str, Any], mode: Mode) -> str:
    if "pattern" in node:
        text = _from_regex(sre_parse.parse(node["pattern"]), mode)
        assert re.search(node["pattern"], text), (node["pattern"], text)
        return text
    low = int(node.get("minLength", 0))
    high = int(node.get("maxLength", low + UNBOUNDED_EXTRA))
    return "a" * (low if mode == "minimal" else high)


def _from_regex(parsed: Any, mode: Mode) -> str:
    out: list[str] = []
    for op, av in parsed:
        if op is sre_constants.LITERAL:
            out.append(chr(av))
        elif op is sre_constants.NOT_LITERAL:
            out.append(next(c for c in CANDIDATES if ord(c) != av))
        elif op is sre_constants.ANY:
            out.append("a")
        elif op is sre_constants.IN:
            out.append(next(c for c in CANDIDATES if _in_set(av, c)))
        elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = av
            if high is sre_constants.MAXREPEAT:
                high = low + UNBOUNDED_EXTRA
            out.append(_from_regex(sub, mode) * (low if mode == "minimal" else high))
        elif op is sre_constants.SUBPATTERN:
            out.append(_from_regex(av[-1], mode))
        elif op is sre_constants.BRANCH:
            options = [_from_regex(branch, mode) for branch in av[1]]
            out.append(min(options, key=len) if mode == "minimal" else max(options, key=len))
        elif op is sre_constants.CATEGORY:
            out.append(next(c for c in CANDIDATES if _in_set([(op, av)], c)))
        elif op is sre_constants.AT:
            continue
        else:
            raise ValueError(f"regex construct not supported by the test generator: {op}")
    return "".join(out)


def _in_set(items: Any, ch: str) -> bool:
    negate = False
    found = False
    for op, av in items:
        if op is sre_constants.NEGATE:
            negate = True
        elif op is sre_constants.LITERAL:
            found |= ord(ch) == av
        elif op is sre_constants.RANGE:
            found |= av[0] <= ord(ch) <= av[1]
        elif op is sre_constants.CATEGORY:
            found |= _category(av, ch)
    return found != negate


def _category(category: Any, ch: str) -> bool:
    name = str(category)
    tests = {
        "CATEGORY_DIGIT": ch.isdigit(),
        "CATEGORY_NOT_DIGIT": not ch.isdigit(),
        "CATEGORY_SPACE": ch.isspace(),
        "CATEGORY_NOT_SPACE": not ch.isspace(),
        "CATEGORY_WORD": ch.isalnum() or ch == "_",
        "CATEGORY_NOT_WORD": not (ch.isalnum() or ch == "_"),
    }
    return tests[name]
