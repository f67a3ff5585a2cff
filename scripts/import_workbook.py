"""Turn a filled workbook into a data folder, validating first; on any problem write nothing.

Usage: python scripts/import_workbook.py ARBEJDSBOG.xlsx --out DATA_DIR [--overwrite]

Every problem is printed on one line to stderr (sheet, row, column, value, what is allowed) and the
exit status is 1: first every problem in the workbook, then a problem with --out. An existing folder is
replaced only with --overwrite, and only once the new data validates; the new folder is written beside it
and renamed into place. Ctrl+C or SIGTERM stops it with one line and leaves --out as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem
from kulturensrige.data.interruption import EXIT_CODE, Interrupted, interruptible, said
from kulturensrige.data.problems import DataError, Problem
from kulturensrige.data.validation import credit_notices, trimmed_notices
from kulturensrige.data.workbook import checked_workbook, sheet_label, write_imported
from kulturensrige.words import visible


@cli.stops_on_problems("{count} problem(er) fundet; intet er skrevet.")  # the disk's errors, in one line
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Læs en Excel-arbejdsbog ind som datamappe (valideres først).")
    parser.add_argument(
        "workbook", metavar="ARBEJDSBOG", type=cli.input_name("arbejdsbogen (.xlsx), der skal læses", Path), help="arbejdsbogen (.xlsx)"
    )
    parser.add_argument("--out", required=True, help="datamappen, der skal skrives")  # as typed: Path("") is "."
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende mappe, når de nye data er gyldige")
    args = parser.parse_args(argv)
    if (special := cli.special_input(args.workbook)) is not None:
        return cli.refused(special)
    reading = [args.workbook]
    # What no --overwrite makes writable is refused up front; an existing folder only once the data is known good.
    if (hard := destination_problem(args.out, folder=True, overwrite=True, reading=reading)) is not None:
        return cli.refused(hard)
    refused = destination_problem(args.out, folder=True, overwrite=args.overwrite, reading=reading)
    args.out = Path(args.out)
    try:
        with interruptible():
            # The data's problems first, then the folder's: a bad workbook is named even when --out exists.
            raws, problems = checked_workbook(args.workbook)
            if problems or refused is not None:
                return _refused(args.workbook, DataError(problems).problems if problems else [], refused)
            write_imported(raws, args.out, overwrite=args.overwrite, workbook=args.workbook)
    except Interrupted as stop:
        print(stop.line(f"{args.out} er ikke skrevet", f"datamappen {args.out} er skrevet og er gyldig"), file=sys.stderr)
        return EXIT_CODE
    except DataError as exc:
        return _refused(args.workbook, exc.problems, None)
    sheets = {name: sheet_label(args.workbook, name) for name in raws}
    for notice in trimmed_notices(raws, sheets) + credit_notices(raws, sheets):
        print(notice, file=sys.stderr)
    said(f"Datamappen {args.out} er skrevet fra {args.workbook.name} og er gyldig.")
    return 0


def _refused(workbook: Path, problems: list[Problem], refused: Problem | None) -> int:
    """Every problem in the data, one line each, then the one about --out (if any), then the count."""
    if refused is not None and not problems:
        return cli.refused(refused)
    # Escaped as every line naming a path is (a name with a line break or ESC printed raw here); cli.report fills in {count}.
    name = visible(workbook.name).replace("{", "{{").replace("}", "}}")
    return cli.report([*problems, *([refused] if refused else [])], f"{len(problems)} problem(er) fundet i {name}; intet er skrevet.")


if __name__ == "__main__":
    cli.run(main)
