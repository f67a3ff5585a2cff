"""Check a data folder: exit 0 with row counts, or 1 with one line per problem. Never changes a file.

Usage: python scripts/validate_data.py [DATA_DIR]   (default: $KR_DATA_DIR or data/)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kulturensrige.data.loading import load  # noqa: E402
from kulturensrige.data.problems import DataError  # noqa: E402
from kulturensrige.data.schema import TABLES  # noqa: E402


def main(argv: list[str]) -> int:
    try:
        data = load(argv[1] if len(argv) > 1 else None)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(er) fundet; intet er ændret.", file=sys.stderr)
        return 1
    for warning in data.warnings:
        print(warning, file=sys.stderr)
    print(f"Data i {data.folder} er gyldige (fingeraftryk {data.fingerprint}):")
    width = max(len(name) for name in TABLES)
    for name, table in TABLES.items():
        print(f"  {table.file:<{width + 4}} {len(data.tables[name]):>6} rækker")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except BrokenPipeError:  # the summary piped into `head`: stop quietly
        sys.exit(0)
