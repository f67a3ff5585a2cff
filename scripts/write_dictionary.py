"""Write data/DATAORDBOG.md from the schema (kulturensrige.render.dictionary.as_markdown).

Usage: python scripts/write_dictionary.py [DATA_DIR]   (default: data/; a relative DATA_DIR is from the current folder)
tests/test_templates.py fails while the committed file is out of date.
"""

from __future__ import annotations

from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem, write_file
from kulturensrige.data.problems import Problem
from kulturensrige.render.dictionary import as_markdown

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Skriv DATAORDBOG.md i en datamappe ud fra skemaet.")
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "data", help="datamappen (standard: data/)")
    folder = parser.parse_args(argv).folder
    # The dictionary belongs in a data folder: a folder of other files, the working folder or "" is refused, and so is
    # a folder that is not there (`write_dictionary.py data` run elsewhere made a new ./data/ holding only the dictionary).
    refused = destination_problem(folder, folder=True, overwrite=True) or _missing(folder)
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


def _missing(folder: Path) -> Problem | None:
    if folder.is_dir():
        return None
    return Problem(str(folder), None, None, None, "datamappen findes ikke; angiv en datamappe med tabellernes CSV-filer")


if __name__ == "__main__":
    cli.run(main)
