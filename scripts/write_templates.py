"""Write the templates from the schema: templates/data/ (one CSV per table, headers only) and the workbook.

Usage: python scripts/write_templates.py
Run it after changing kulturensrige/data/schema.py; tests/test_templates.py fails while they are out of date.
The workbook is rewritten only when its content changed, so an unchanged schema leaves git clean.
"""

from __future__ import annotations

from pathlib import Path

from kulturensrige import cli
from kulturensrige.data.folder_writing import write_folder
from kulturensrige.data.interruption import said
from kulturensrige.data.workbook import build_workbook, save_workbook, template_files, workbook_summary

ROOT = Path(__file__).resolve().parent.parent

TEMPLATE_DIR = ROOT / "templates" / "data"
TEMPLATE_WORKBOOK = ROOT / "templates" / "kulturens-rige-skabelon.xlsx"


def main(argv: list[str] | None = None) -> int:
    cli.Parser(description="Skriv skabelonerne i templates/ ud fra skemaet.").parse_args(argv)  # --help
    files = template_files()
    current = {p.name: p.read_text(encoding="utf-8") for p in TEMPLATE_DIR.glob("*")} if TEMPLATE_DIR.is_dir() else {}
    if current != files:
        write_folder(files, TEMPLATE_DIR, overwrite=True)
        for stale in set(current) - set(files):
            (TEMPLATE_DIR / stale).unlink()
        print(f"Skrevet: {TEMPLATE_DIR.relative_to(ROOT)}/ ({len(files)} filer)")
    book = build_workbook(None)
    if not TEMPLATE_WORKBOOK.is_file() or workbook_summary(TEMPLATE_WORKBOOK) != workbook_summary(book):
        save_workbook(book, TEMPLATE_WORKBOOK, overwrite=True)
        print(f"Skrevet: {TEMPLATE_WORKBOOK.relative_to(ROOT)}")
    said("Skabelonerne svarer til skemaet.")
    return 0


if __name__ == "__main__":
    cli.run(main)
