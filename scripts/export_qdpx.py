"""Write a data folder's quotes as a REFI-QDA project (.qdpx) that NVivo, ATLAS.ti, MAXQDA and QualCoder open.

Usage: python scripts/export_qdpx.py --data DATA_DIR --out PROJEKT.qdpx [--codes KODER.csv] [--overwrite]

Ingredients become codes, municipalities and roles become cases with variables (kommunekode, kommune,
rolle, talerkategori), and each report section becomes one text source holding its quotes. Roles follow
the anonymity rule, as on the book's pages. Beside the project goes its code map (PROJEKT-koder.csv unless
--codes names another file); importing the project again with it gives back the same data folder, apart
from the differences the chapter "Data og genkørsel" lists (the anonymised roles, who stated the municipalities).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem, suffix_problem
from kulturensrige.data.interruption import EXIT_CODE, Interrupted, interruptible, said
from kulturensrige.data.loading import data_dir
from kulturensrige.data.problems import Problem
from kulturensrige.data.refiqda import export_project


@cli.stops_on_problems("{count} problem(er) i datamappen; intet er skrevet.")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Skriv datamappens citater som et REFI-QDA-projekt (.qdpx).")
    parser.add_argument(
        "--data",
        type=cli.input_name("datamappen, der skal eksporteres", Path),
        default=None,
        help="datamappen (standard: $KR_DATA_DIR eller data/)",
    )
    # Both as typed: a '/' at the end counts (a Path drops it).
    parser.add_argument("--out", required=True, help="projektfilen, der skal skrives (.qdpx)")
    parser.add_argument("--codes", default=None, help="kodekortet, der skal skrives (.csv; standard: PROJEKT-koder.csv)")
    parser.add_argument("--overwrite", action="store_true", help="erstat eksisterende filer")
    args = parser.parse_args(argv)
    reading = [data_dir(args.data)]
    # What no --overwrite makes writable, the name's ending, then an existing file (as export_workbook).
    refused = (
        destination_problem(args.out, folder=False, overwrite=True, reading=reading)
        or suffix_problem(args.out, ".qdpx", "et REFI-QDA-projekt")
        or destination_problem(args.out, folder=False, overwrite=args.overwrite, reading=reading)
    )
    if refused is not None:
        return cli.refused(refused)
    args.out = Path(args.out)
    # `--codes ""` is an empty name, refused as every output's is, not the default it once became.
    given_codes = args.codes if args.codes is not None else str(args.out.with_name(f"{args.out.stem}-koder.csv"))
    codes = Path(given_codes)
    # The project and its code map are two files, never one.
    if os.path.realpath(codes) == os.path.realpath(args.out):
        same = "--codes og --out er den samme fil; projektet og kodekortet skal være to filer"
        return cli.refused(Problem(given_codes, None, None, None, same))
    # As --out: a code map is a CSV file (hostile25 #5: `--codes wb.xlsx --overwrite` replaced a workbook with one, and
    # `--codes koder.csv/x` made a folder named koder.csv).
    refused = (
        destination_problem(given_codes, folder=False, overwrite=True, reading=[*reading, args.out])
        or suffix_problem(given_codes, ".csv", "et kodekort (CSV)")
        or destination_problem(given_codes, folder=False, overwrite=args.overwrite, reading=[*reading, args.out])
    )
    if refused is not None:
        return cli.refused(refused)
    try:
        with interruptible():
            count, notices = export_project(args.data, args.out, codes=codes, overwrite=args.overwrite)  # both files or neither
    except Interrupted as stop:
        print(stop.line(f"{args.out} er ikke skrevet færdig", f"{args.out} og {codes} er skrevet"), file=sys.stderr)
        return EXIT_CODE
    for notice in notices:
        print(notice, file=sys.stderr)
    said(f"{args.out} er skrevet med {count} citater, og kodekortet til at læse det ind igen i {codes}.")
    return 0


if __name__ == "__main__":
    cli.run(main)
