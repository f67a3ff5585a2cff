"""Turn a REFI-QDA project (.qdpx from NVivo, ATLAS.ti, MAXQDA or QualCoder) into a data folder.

Usage: python scripts/import_qdpx.py PROJEKT.qdpx --codes KODER.csv --out DATA_DIR [--base DATA] [--documents DOCS.csv] [--overwrite]
       [--linjeskift to-tegn|et-tegn]

Every coded text passage whose code the code map (columns code, ingredient_id) ties to an ingredient
becomes a quote; municipality and role come from the project's cases and their variables (kommune,
kommunekode, rolle, rolle/funktion), then from DOCS.csv (document, kommunekode, speaker_role).
Everything else comes from --base (default data/). The folder is validated before anything is written;
on any problem one line per problem goes to stderr, the exit status is 1 and nothing is written.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem
from kulturensrige.data.interruption import EXIT_CODE, Interrupted, interruptible, said
from kulturensrige.data.loading import data_dir
from kulturensrige.data.problems import Problem
from kulturensrige.data.refiqda import AS_ONE, AS_STORED, LINE_BREAK_READINGS, import_project


@cli.stops_on_problems("{count} problem(er) fundet; intet er skrevet.")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Læs et REFI-QDA-projekt (.qdpx) ind som datamappe (valideres først).")
    parser.add_argument(
        "project", metavar="PROJEKT", type=cli.input_name("projektfilen (.qdpx), der skal læses", Path), help="projektfilen (.qdpx)"
    )
    parser.add_argument(
        "--codes",
        required=True,
        type=cli.input_name("kodekortets CSV-fil", Path),
        help="kodekortet: CSV med kolonnerne code og ingredient_id",
    )
    parser.add_argument("--out", required=True, help="datamappen, der skal skrives")  # as typed: Path("") is "."
    parser.add_argument(
        "--base",
        type=cli.input_name("datamappen, importen bygger på", Path),
        default=None,
        help="datamappen, importen bygger på (standard: data/)",
    )
    parser.add_argument(
        "--documents",
        type=cli.input_name("dokumentlistens CSV-fil", Path),
        default=None,
        help="CSV med kolonnerne document, kommunekode og speaker_role",
    )
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende mappe, når de nye data er gyldige")
    parser.add_argument(
        "--linjeskift",
        choices=LINE_BREAK_READINGS,
        default=None,
        help=f"hvordan positionerne tæller et Windows-linjeskift (CRLF), hvor intet andet afgør det: {AS_STORED} (filen, som den er "
        f"gemt; REFI-QDA) eller {AS_ONE} (kilden er konverteret efter kodningen)",
    )
    args = parser.parse_args(argv)
    if args.codes.is_dir():  # said as what it is, not as the folder --out would lie in
        folder = "--codes er en mappe; angiv kodekortets CSV-fil (kolonnerne code og ingredient_id)"
        return cli.refused(Problem(str(args.codes), None, None, None, folder))
    if (special := cli.special_input(args.project, args.codes, args.documents)) is not None:
        return cli.refused(special)
    reading = [args.project, args.codes, data_dir(args.base), *([args.documents] if args.documents else [])]
    # What no --overwrite makes writable is refused up front; an existing folder only once the data is known good.
    if (hard := destination_problem(args.out, folder=True, overwrite=True, reading=reading)) is not None:
        return cli.refused(hard)
    args.out = Path(args.out)
    try:
        with interruptible():
            summary = import_project(
                args.project,
                args.codes,
                args.out,
                base=args.base,
                documents=args.documents,
                overwrite=args.overwrite,
                line_breaks=args.linjeskift,
            )
    except Interrupted as stop:
        print(stop.line(f"{args.out} er ikke skrevet", f"datamappen {args.out} er skrevet og er gyldig"), file=sys.stderr)
        return EXIT_CODE
    for line in summary.lines():
        print(line)
    for warning in summary.warnings:
        print(warning, file=sys.stderr)
    said(f"Datamappen {args.out} er skrevet fra {args.project.name} og er gyldig.")
    return 0


if __name__ == "__main__":
    cli.run(main)
