"""Build the book from a data folder: validate, write one profile page per municipality, run Jupyter Book.

The build runs on a staged copy of book/ with the generated profile pages added; the output goes to
book/_build/html unless --output names another folder.

Usage: python scripts/build_book.py [--data DATA_DIR] [--output DIR]
A data problem stops the build with one line per problem and no traceback.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
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
    output = Path(args.output).resolve() if args.output else ROOT / "book"
    with tempfile.TemporaryDirectory(prefix="kr-book-") as staging:
        source = stage_book(Path(staging))
        pages = write_profile_pages(data, source)
        print(f"Data: {folder} ({data.fingerprint}); {len(pages)} kommuneprofiler skrevet.")
        env = {**os.environ, DATA_DIR_VARIABLE: str(folder), "PYTHONPATH": str(ROOT)}
        command = [str(Path(sys.executable).with_name("jupyter-book")), "build", str(source), "-W", "-n", "--keep-going"]
        return subprocess.call([*command, "--path-output", str(output)], env=env)


def stage_book(staging: Path) -> Path:
    """Build from a copy of book/, so generated pages never touch the sources and builds can run side by side."""
    source = staging / "book"
    shutil.copytree(ROOT / "book", source, ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    return source


if __name__ == "__main__":
    sys.exit(main())
