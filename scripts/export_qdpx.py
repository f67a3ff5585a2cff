"""Write a data folder's quotes as a REFI-QDA project (.qdpx) that NVivo, ATLAS.ti, MAXQDA and QualCoder open.

Usage: python scripts/export_qdpx.py --data DATA_DIR --out PROJEKT.qdpx [--overwrite]

Ingredients become codes, municipalities and roles become cases with variables (kommunekode, kommune,
rolle, talerkategori), and each report section becomes one text source holding its quotes. Roles follow
the anonymity rule, as on the book's pages. Importing the file again with templates/koder-eksempel.csv
gives back the same quotes and attributions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.refiqda import export_project


@cli.stops_on_problems("{count} problem(er) i datamappen; intet er skrevet.")
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skriv datamappens citater som et REFI-QDA-projekt (.qdpx).")
    parser.add_argument("--data", type=Path, default=None, help="datamappen (standard: $KR_DATA_DIR eller data/)")
    parser.add_argument("--out", required=True, type=Path, help="projektfilen, der skal skrives (.qdpx)")
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende fil")
    args = parser.parse_args(argv)
    try:
        count = export_project(args.data, args.out, overwrite=args.overwrite)
    except FileExistsError:
        print(f"{args.out} findes allerede; intet er skrevet. Brug --overwrite for at erstatte filen.", file=sys.stderr)
        return 1
    print(f"{args.out} er skrevet med {count} citater.")
    return 0


if __name__ == "__main__":
    cli.run(main)
