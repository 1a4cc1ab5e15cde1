"""docs/compliance.md stays true: every shipped rule is in its severity table with the
severity the pack gives it."""

from __future__ import annotations

import re
from pathlib import Path

from marketing_agents.compliance.packs import packaged_packs

DOC = Path(__file__).resolve().parents[2] / "docs" / "compliance.md"


def test_every_rule_is_documented_with_its_severity() -> None:
    table = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1] in ("Low", "Medium", "High", "Critical"):
            for rule in re.findall(r"`([a-z0-9.*-]+)`", cells[0]):
                table[rule] = cells[1]
    for pack in packaged_packs().values():
        for rule in pack.rules:
            documented = table.get(rule.id) or table.get(rule.id.split(".")[0] + ".*")
            assert documented == rule.severity.value, (rule.id, documented)
