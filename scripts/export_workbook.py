"""Write a data folder as an Excel workbook (one sheet per table, drop-down lists, the data dictionary).

Usage:
  python scripts/export_workbook.py --out arbejdsbog.xlsx [--data DATA_DIR] [--overwrite]
  python scripts/export_workbook.py --template --out skabelon.xlsx      (headers only, empty tables)

The data folder defaults to $KR_DATA_DIR or data/. An existing workbook is kept unless --overwrite.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kulturensrige.data.folder_writing import destination_problem  # noqa: E402
from kulturensrige.data.loading import data_dir  # noqa: E402
from kulturensrige.data.problems import DataError  # noqa: E402
from kulturensrige.data.workbook import build_workbook, export_folder, save_workbook  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skriv en datamappe som Excel-arbejdsbog.")
    parser.add_argument("--data", default=None, help="datamappe (standard: $KR_DATA_DIR eller data/)")
    parser.add_argument("--out", required=True, type=Path, help="arbejdsbogen, der skal skrives (.xlsx)")
    parser.add_argument("--template", action="store_true", help="kun overskrifter: en tom skabelon")
    parser.add_argument("--overwrite", action="store_true", help="erstat en eksisterende fil")
    args = parser.parse_args(argv)
    refused = destination_problem(args.out, folder=False, overwrite=args.overwrite)
    if refused is not None:
        print(refused, file=sys.stderr)
        return 1
    folder = data_dir(args.data)
    try:
        if args.template:
            save_workbook(build_workbook(None), args.out, overwrite=args.overwrite)
            print(f"Skabelon skrevet: {args.out}")
            return 0
        problems = export_folder(folder, args.out, overwrite=args.overwrite)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Arbejdsbogen er ikke skrevet: {len(exc.problems)} problem(er) i {folder}.", file=sys.stderr)
        return 1
    except OSError as exc:  # the disk, not the data: full, read-only, gone
        print(f"{args.out} — kan ikke skrives ({exc.strerror or exc}); intet er skrevet.", file=sys.stderr)
        return 1
    print(f"Arbejdsbog skrevet: {args.out} (fra {folder})")
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"Bemærk: data har {len(problems)} problem(er); de står i arbejdsbogen, som de stod i mappen.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
