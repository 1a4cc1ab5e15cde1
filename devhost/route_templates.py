"""ASP.NET Core route templates, as the Functions host matches HTTP triggers.

``{name}``, optional ``{name?}``, constraints like ``{id:int}``, catch-all ``{*rest}``,
complex segments like ``v{n:int}``; matching is case-insensitive.

Precedence follows ASP.NET Core's ``RoutePrecedence.ComputeInbound``: each segment gets a
digit (literal 1, complex segment 2, constrained parameter 3, parameter 4, catch-all 5)
and templates are tried in ascending order of those digits read left to right. So
``campaigns/new`` wins over ``campaigns/{id}``, which wins over ``{*path}``: an app-level
catch-all function is tried only after every other route.
"""

from __future__ import annotations

import re

CONSTRAINTS = {"int": r"-?\d+", "long": r"-?\d+", "alpha": r"[A-Za-z]+",
               "bool": r"(?:true|false|True|False)", "float": r"-?\d+(?:\.\d+)?",
               "double": r"-?\d+(?:\.\d+)?", "decimal": r"-?\d+(?:\.\d+)?",
               "guid": r"[0-9a-fA-F]{8}-?(?:[0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}"}
PARAM = re.compile(r"\{(\*?)([A-Za-z_][A-Za-z0-9_]*)(?::([^}?=]+))?(\?)?(?:=[^}]*)?\}")

LITERAL, COMPLEX, CONSTRAINED, PARAMETER, CATCH_ALL = 1, 2, 3, 4, 5


def _segments(template: str) -> list[str]:
    return template.strip("/").split("/")


def compile_route(template: str) -> re.Pattern[str]:
    """Turn a route template into a regex with one named group per parameter."""
    parts: list[str] = []
    for i, segment in enumerate(_segments(template)):
        sep = "/" if i else ""
        m = PARAM.fullmatch(segment)
        if m:
            catch_all, name, constraint, optional = m.groups()
            first = (constraint or "").split(":")[0].split("(")[0]
            body = ".*" if catch_all else CONSTRAINTS.get(first, r"[^/]+")
            group = f"(?P<{name}>{body})"
            parts.append(f"(?:{sep}{group})?" if optional or catch_all else sep + group)
            continue
        pattern, pos = "", 0
        for pm in PARAM.finditer(segment):
            pattern += re.escape(segment[pos:pm.start()]) + f"(?P<{pm.group(2)}>[^/]+?)"
            pos = pm.end()
        parts.append(sep + pattern + re.escape(segment[pos:]))
    return re.compile("".join(parts), re.IGNORECASE)


def segment_kind(segment: str) -> int:
    """The ComputeInbound digit of one template segment."""
    m = PARAM.fullmatch(segment)
    if m is not None:
        catch_all, _, constraint, _ = m.groups()
        return CATCH_ALL if catch_all else CONSTRAINED if constraint else PARAMETER
    return COMPLEX if PARAM.search(segment) else LITERAL


def route_precedence(template: str) -> tuple[int, ...]:
    """Sort key: lower tuples are more specific and are tried first."""
    return tuple(segment_kind(s) for s in _segments(template))
