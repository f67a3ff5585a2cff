"""Write a data folder as an Excel workbook (one sheet per table, drop-down lists, the data dictionary).

Usage:
  python scripts/export_workbook.py --out arbejdsbog.xlsx [--data DATA_DIR] [--overwrite]
  python scripts/export_workbook.py --template --out skabelon.xlsx      (headers only, empty tables)

The data folder defaults to $KR_DATA_DIR or data/. An existing workbook is kept unless --overwrite.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem, suffix_problem
from kulturensrige.data.interruption import said
from kulturensrige.data.loading import data_dir
from kulturensrige.data.workbook import build_workbook, export_folder, save_workbook


@cli.stops_on_problems("Arbejdsbogen er ikke skrevet: {count} problem(er) i datamappen.")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Skriv en datamappe som Excel-arbejdsbog.")
    parser.add_argument(
        "--data",
        type=cli.input_name("datamappen, der skal eksporteres", str),
        default=None,
        help="datamappe (standard: $KR_DATA_DIR eller data/)",
    )
    parser.add_argument("--out", required=True, help="arbejdsbogen, der skal skrives (.xlsx)")  # as typed: a '/' at the end counts
    parser.add_argument("--template", action="store_true", help="kun overskrifter: en tom skabelon")
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende fil")
    args = parser.parse_args(argv)
    folder = data_dir(args.data)
    # What no --overwrite makes writable first, then the name's ending, and only then an existing file: "Brug
    # --overwrite" for a name --overwrite would not make good misled (hostile review s23, F3).
    refused = (
        destination_problem(args.out, folder=False, overwrite=True, reading=[folder])
        or suffix_problem(args.out, ".xlsx", "en Excel-arbejdsbog")
        or destination_problem(args.out, folder=False, overwrite=args.overwrite, reading=[folder])
    )
    if refused is not None:
        return cli.refused(refused)
    args.out = Path(args.out)
    if args.template:
        save_workbook(build_workbook(None), args.out, overwrite=args.overwrite)
        said(f"Skabelon skrevet: {args.out}")
        return 0
    problems, notices = export_folder(folder, args.out, overwrite=args.overwrite)
    for notice in notices:
        print(notice, file=sys.stderr)
    said(f"Arbejdsbog skrevet: {args.out} (fra {folder})")
    if problems:  # written all the same: the workbook is where they get mended
        cli.report(problems, "Bemærk: data har {count} problem(er); de står i arbejdsbogen, som de stod i mappen.")
    return 0


if __name__ == "__main__":
    cli.run(main)
