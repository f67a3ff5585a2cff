"""The committed templates and data dictionary are written from the schema and must not drift from it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from kulturensrige.data.schema import TABLES
from kulturensrige.data.workbook import DICTIONARY_SHEET, GUIDANCE_SHEET, build_workbook, template_files, workbook_summary
from kulturensrige.render.dictionary import as_markdown

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"
STALE = "run: python scripts/write_templates.py"


def test_the_template_folder_is_up_to_date():
    files = {p.name: p.read_text(encoding="utf-8") for p in (TEMPLATES / "data").iterdir()}
    assert files == template_files(), STALE
    for table in TABLES.values():
        assert files[table.file].splitlines()[0] == ",".join(table.columns)
        # Headers only, but options.csv says whose the folder is (ADR 86): without it the folder would be the analyst's too.
        assert files[table.file].count("\n") == (2 if table.name == "options" else 1), table.file


def test_the_template_workbook_is_up_to_date():
    committed = workbook_summary(TEMPLATES / "kulturens-rige-skabelon.xlsx")
    assert committed == workbook_summary(build_workbook(None)), STALE
    assert list(committed) == [GUIDANCE_SHEET, DICTIONARY_SHEET, *TABLES]
    for table in TABLES.values():
        assert committed[table.name]["cells"] == [table.columns], "the template has headers only"


def test_the_data_dictionary_file_is_up_to_date():
    assert (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8") == as_markdown(), "run: python scripts/write_dictionary.py"


# The faces the PDF editions print with (edition/templates/edition.css, ADR 76): the text's and the tables' and headings'.
EDITIONS_FACES = ("Charis SIL:style=Regular", "Liberation Sans:style=Regular")


def in_the_editions_font(sign: str) -> bool:
    """Whether both faces the PDF editions print with (EDITIONS_FACES) have a glyph for it."""
    return all(
        subprocess.run(["fc-list", f"{face}:charset={ord(sign):x}", "file"], capture_output=True, text=True, check=True).stdout.strip()
        for face in EDITIONS_FACES
    )


def test_the_data_dictionary_prints_only_characters_the_editions_font_has():
    """The whole-book PDF prints the data chapter's dictionary: the formula guard's rule listed the full-width and
    small forms of = + - @ as signs, which no font of the editions has, and the page showed eight empty boxes (the
    .notdef glyph). Every character of the dictionary has a glyph in the editions' font."""
    assert in_the_editions_font("æ")
    # Each sign asked of fontconfig once: asked for every one of the dictionary's 47,000 characters, fc-list ran for
    # 236 s of CPU and 44 minutes at load 20, alone at the end of `make test` (session 19's run that "hung" at 98 %).
    missing = sorted(sign for sign in set(as_markdown()) if sign.isprintable() and not in_the_editions_font(sign))
    assert missing == [], [f"U+{ord(sign):04X}" for sign in missing]


def test_a_dictionary_saved_in_another_encoding_is_replaced_not_a_traceback(tmp_path):
    """Hostile round 15, #5: a DATAORDBOG.md re-saved as UTF-16 or ANSI ended write_dictionary.py in a
    UnicodeDecodeError; it is out of date, and replaced."""
    from support.scripts import script

    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    (folder / "DATAORDBOG.md").write_bytes(b"\xff\xfe bad")
    assert script("write_dictionary").main([str(folder)]) == 0
    assert (folder / "DATAORDBOG.md").read_text(encoding="utf-8") == as_markdown()
