"""``python -m marketing_agents.settings``: print, write or check the settings tables, or
list the declared environment names."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalogue import declared_settings
from .tables import REPO_ROOT, markdown, refresh, stale_documents


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m marketing_agents.settings",
        description="Print, write or check the settings tables generated from the declared settings "
        "(docs/settings.md), or list the declared environment names.",
    )
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--markdown", action="store_true", help="print the settings table")
    action.add_argument("--write", action="store_true", help="regenerate the tables in README.md and docs/")
    action.add_argument("--check", action="store_true", help="exit 1 if a committed table differs")
    action.add_argument("--names", action="store_true", help="print the declared names as JSON")
    parser.add_argument("--groups", help="with --markdown: comma-separated groups (default: every app setting)")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="the repository (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.markdown:
        try:
            sys.stdout.write(markdown(args.groups.split(",") if args.groups else None))
        except ValueError as error:
            print(f"settings: {error}", file=sys.stderr)
            return 2
    elif args.names:
        names = [{"name": s.name, "where": s.where.value, "group": s.group} for s in declared_settings()]
        print(json.dumps(names, indent=2))
    elif args.write:
        for path in refresh(args.root):
            print(f"rewrote {path.relative_to(args.root)}")
    else:
        stale = stale_documents(args.root)
        for path in stale:
            print(f"settings table out of date: {path.relative_to(args.root)} "
                  "(run python -m marketing_agents.settings --write)", file=sys.stderr)
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
