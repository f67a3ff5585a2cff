"""Write data/DATAORDBOG.md from the schema (kulturensrige.render.dictionary.as_markdown).

Usage: python scripts/write_dictionary.py [DATA_DIR]
(default: $KR_DATA_DIR or data/, from the repository; a DATA_DIR on the command line is from the current folder)
tests/test_templates.py fails while the committed file is out of date.
"""

from __future__ import annotations

import stat
from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import destination_problem, write_file
from kulturensrige.data.interruption import said
from kulturensrige.data.loading import data_dir
from kulturensrige.data.problems import Problem
from kulturensrige.render.dictionary import as_markdown


def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Skriv DATAORDBOG.md i en datamappe ud fra skemaet.")
    parser.add_argument("folder", nargs="?", default=None, help="datamappen (standard: $KR_DATA_DIR eller data/)")
    given = parser.parse_args(argv).folder
    # Like every other script: the folder named, else $KR_DATA_DIR or data/ (hostile round 16, #7: KR_DATA_DIR was
    # ignored and the repository's data/ rewritten).
    folder = Path(given) if given is not None else data_dir()
    # The dictionary belongs in a data folder: a folder of other files or "" is refused, and so is a folder that is not
    # there (`write_dictionary.py data` run elsewhere made a new ./data/ holding only the dictionary). The folder is
    # written into, never replaced: "." is fine when it is a data folder.
    refused = destination_problem(given if given is not None else folder, folder=True, overwrite=True, into=True) or _missing(folder)
    if refused is not None:
        return cli.refused(refused)
    path = folder / "DATAORDBOG.md"
    text = as_markdown()
    if _up_to_date(path, text):
        said(f"{path} er opdateret.")
        return 0
    refused = destination_problem(path, folder=False, overwrite=True)
    if refused is not None:
        return cli.refused(refused)
    write_file(path, lambda temporary: temporary.write_text(text, encoding="utf-8"), overwrite=True)
    said(f"Skrevet: {path}")
    return 0


def _up_to_date(path: Path, text: str) -> bool:
    """Whether `path` already holds `text`: read only as a regular file, no further than the text's own length, and
    as bytes, so a dictionary saved as ANSI or UTF-16 by another program (a UnicodeDecodeError), a link or a huge
    file is simply out of date and replaced (hostile round 15, #5)."""
    wanted = text.encode("utf-8")
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        with path.open("rb") as stream:
            return stream.read(len(wanted) + 1) == wanted
    except OSError:
        return False


def _missing(folder: Path) -> Problem | None:
    if folder.is_dir():
        return None
    return Problem(str(folder), None, None, None, "datamappen findes ikke; angiv en datamappe med tabellernes CSV-filer")


if __name__ == "__main__":
    cli.run(main)
