"""Check a data folder: exit 0 with row counts, or 1 with one line per problem. Never changes a file.

Usage: python scripts/validate_data.py [DATA_DIR]   (default: $KR_DATA_DIR or data/)
A relative DATA_DIR is from the current folder; $KR_DATA_DIR and data/ are from the repository.
"""

from __future__ import annotations

import sys

from kulturensrige import cli
from kulturensrige.data.interruption import said
from kulturensrige.data.loading import load
from kulturensrige.data.schema import TABLES


@cli.stops_on_problems("{count} problem(er) fundet; intet er ændret.")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Tjek en datamappe: antal rækker pr. tabel, eller én linje pr. problem.")
    parser.add_argument(
        "folder",
        metavar="DATAMAPPE",
        nargs="?",
        type=cli.input_name("datamappen, der skal tjekkes", str),
        default=None,
        help="datamappen (standard: $KR_DATA_DIR eller data/)",
    )
    folder = parser.parse_args(argv).folder
    data = load(folder, cache=False)  # the build's cache is the build's: nothing is written here
    for warning in data.warnings:
        print(warning, file=sys.stderr)
    width = max(len(name) for name in TABLES)
    rows = [f"  {table.file:<{width + 4}} {len(data.tables[name]):>6} rækker" for name, table in TABLES.items()]
    said(f"Data i {data.folder} er gyldige (fingeraftryk {data.fingerprint}):", *rows)
    return 0


if __name__ == "__main__":
    cli.run(main)
