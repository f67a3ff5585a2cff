"""Turn a filled workbook into a data folder, validating first; on any problem write nothing.

Usage: python scripts/import_workbook.py ARBEJDSBOG.xlsx --out DATA_DIR [--overwrite]

Every problem is printed on one line to stderr (sheet, row, column, value, what is allowed) and the
exit status is 1. An existing folder is replaced only with --overwrite, and only once the new data
validates; the new folder is written beside it and renamed into place.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem
from kulturensrige.data.problems import DataError
from kulturensrige.data.workbook import import_workbook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Læs en Excel-arbejdsbog ind som datamappe (valideres først).")
    parser.add_argument("workbook", type=Path, help="arbejdsbogen (.xlsx)")
    parser.add_argument("--out", required=True, type=Path, help="datamappen, der skal skrives")
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende mappe, når de nye data er gyldige")
    args = parser.parse_args(argv)
    refused = destination_problem(args.out, folder=True, overwrite=args.overwrite)
    if refused is not None:
        print(refused, file=sys.stderr)
        return 1
    try:
        problems = import_workbook(args.workbook, args.out, overwrite=args.overwrite)
    except DataError as exc:
        problems = exc.problems
    except OSError as exc:  # the disk, not the data: full, read-only, gone
        print(f"{args.out} — kan ikke skrives ({exc.strerror or exc}); intet er skrevet.", file=sys.stderr)
        return 1
    if problems:
        return cli.report(DataError(problems).problems, f"{{count}} problem(er) fundet i {args.workbook.name}; intet er skrevet.")
    print(f"Datamappen {args.out} er skrevet fra {args.workbook.name} og er gyldig.")
    return 0


if __name__ == "__main__":
    cli.run(main)
