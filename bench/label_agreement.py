"""How far two labellers of the same snippets agree, scored the way the engine is scored.

The targets of issue 13 (blocking recall >= 0.95, precision >= 0.9, clean snippets blocked
<= 5%) are measured against one writer's labels. Whether they are within reach of anyone
depends on how consistent those labels are: this bench scores a second, blind labelling of
the same snippets (no ids, areas, sources or notes shown; the order shuffled) as if it were
the engine, the writer's file being the reference. A (snippet, area) unit is blocking when a
labeller gives it a High or Critical expectation, as in FORMAT.md. Figures only.

    .venv/bin/python bench/label_agreement.py            # every pair under corpora/agreement/
    .venv/bin/python bench/label_agreement.py --reference R.yaml --second S.yaml --ids MAP.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marketing_agents.compliance.evaluation import BLOCKING, Snippet, load_corpus  # noqa: E402

CORPORA = ROOT / "tests" / "compliance" / "corpora"
AGREEMENT = CORPORA / "agreement"


def blocking_areas(snippet: Snippet) -> set[str]:
    return {e.area for e in snippet.expectations if e.severity in BLOCKING}


def compare(reference: Path, second: Path, ids: dict[str, str]) -> None:
    """Print the second labelling's recall, precision and clean-blocked share against the reference."""
    by_id = {s.id: s for s in load_corpus(reference)}
    seconds = {ids[s.id]: s for s in load_corpus(second)}
    missing = sorted(set(by_id) - set(seconds))
    if missing:
        raise SystemExit(f"{second.name} does not label {len(missing)} snippets of {reference.name}, e.g. {missing[0]}")
    both = only_reference = only_second = clean = clean_blocked = 0
    per_area: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for snippet_id, snippet in by_id.items():
        ours, theirs = blocking_areas(snippet), blocking_areas(seconds[snippet_id])
        both, only_reference, only_second = both + len(ours & theirs), only_reference + len(ours - theirs), \
            only_second + len(theirs - ours)
        for area in ours | theirs:
            tally = per_area[area]
            tally[0 if area in ours and area in theirs else 1 if area in ours else 2] += 1
        if snippet.clean:
            clean += 1
            clean_blocked += bool(theirs)
    recall = both / max(1, both + only_reference)
    precision = both / max(1, both + only_second)
    print(f"\n== {second.name} (second labeller) against {reference.name} (writer): {len(by_id)} snippets")
    print(f"  blocking recall {recall:.3f} ({both}/{both + only_reference}), precision {precision:.3f} "
          f"({both}/{both + only_second}); writer's clean snippets blocked by the second "
          f"{clean_blocked / max(1, clean):.1%} ({clean_blocked}/{clean})")
    print(f"  {'area':15s} {'both':>5s} {'writer only':>12s} {'second only':>12s}")
    for area, (agreed, ours_only, theirs_only) in sorted(per_area.items()):
        print(f"  {area:15s} {agreed:5d} {ours_only:12d} {theirs_only:12d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, help="the writer's labelled file")
    parser.add_argument("--second", type=Path, help="the blind second labelling")
    parser.add_argument("--ids", type=Path, help="JSON: the second file's ids -> the reference's ids")
    args = parser.parse_args()
    if args.reference and args.second and args.ids:
        compare(args.reference, args.second, json.loads(args.ids.read_text()))
        return
    for second in sorted(AGREEMENT.glob("*.second.yaml")):
        stem = second.name.removesuffix(".second.yaml")  # e.g. dev-fresh6a
        compare(CORPORA / f"{stem}.yaml", second, json.loads((AGREEMENT / f"{stem}.ids.json").read_text()))


if __name__ == "__main__":
    main()
