"""The areas of the corpus format (FORMAT.md) and which area a finding's rule id is in.

One place, read by the evaluation (a unit is a snippet and an area) and by the learned
second opinion (which is asked per claim area).
"""

from __future__ import annotations

# A rule id's prefix (its pack) → the area of the corpus format.
AREA_OF_PACK = {
    "env": "environmental",
    "health": "health",
    "fin": "financial",
    "endorse": "endorsements",
    "ads": "advertising",
    "brief": "constraints",
    "platform": "platform",
    "brand": "brand",
    "a11y": "accessibility",
}
AREAS = tuple(AREA_OF_PACK.values())
# Rule-id prefixes whose second part is the area itself: the LLM judge's findings
# (``judge.health``) and the learned second opinion's (``learned.health``).
AREA_NAMED_PREFIXES = ("judge", "learned")


def area_of(rule_id: str) -> str | None:
    """The area of a rule id (``env.generic-claim`` → environmental; ``judge.health`` → health)."""
    prefix, _, rest = rule_id.partition(".")
    if prefix in AREA_NAMED_PREFIXES:
        return rest if rest in AREAS else None
    return AREA_OF_PACK.get(prefix)
