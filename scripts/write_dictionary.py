"""Write data/DATAORDBOG.md from the schema (kulturensrige.render.dictionary.as_markdown).

Usage: python scripts/write_dictionary.py [DATA_DIR]   (default: data/)
tests/test_templates.py fails while the committed file is out of date.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem, write_file
from kulturensrige.render.dictionary import as_markdown

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Skriv DATAORDBOG.md i en datamappe ud fra skemaet.")
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "data", help="datamappen (standard: data/)")
    folder = parser.parse_args(argv).folder
    # The dictionary belongs in a data folder: a folder of other files, the working folder or "" is refused.
    refused = destination_problem(folder, folder=True, overwrite=True)
    if refused is not None:
        return cli.refused(refused)
    path = folder / "DATAORDBOG.md"
    text = as_markdown()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        print(f"{path} er opdateret.")
        return 0
    refused = destination_problem(path, folder=False, overwrite=True)
    if refused is not None:
        return cli.refused(refused)
    write_file(path, lambda temporary: temporary.write_text(text, encoding="utf-8"), overwrite=True)
    print(f"Skrevet: {path}")
    return 0


if __name__ == "__main__":
    cli.run(main)
