"""Build the book from a data folder: validate, write one profile page per municipality, run Jupyter Book.

Usage: python scripts/build_book.py [--data DATA_DIR] [--output DIR]
A data problem stops the build with one line per problem and no traceback.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kulturensrige.loading import DATA_DIR_VARIABLE, data_dir, load  # noqa: E402
from kulturensrige.problems import DataError  # noqa: E402
from kulturensrige.profiles import write_profile_pages  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Byg bogen fra en datamappe.")
    parser.add_argument("--data", default=None, help="datamappe (standard: $KR_DATA_DIR eller data/)")
    parser.add_argument("--output", default=None, help="mappe til den byggede bog (standard: book/_build)")
    args = parser.parse_args(argv)
    folder = data_dir(args.data)
    try:
        data = load(folder)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Bogen er ikke bygget: {len(exc.problems)} problem(er) i {folder}.", file=sys.stderr)
        return 1
    pages = write_profile_pages(data, ROOT / "book")
    print(f"Data: {folder} ({data.fingerprint}); {len(pages)} kommuneprofiler skrevet.")
    env = {**os.environ, DATA_DIR_VARIABLE: str(folder), "PYTHONPATH": str(ROOT)}
    command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(ROOT / "book"), "-W", "-n", "--keep-going"]
    if args.output:
        command += ["--path-output", str(Path(args.output).resolve())]
    return subprocess.call(command, env=env)


if __name__ == "__main__":
    sys.exit(main())
