"""A workbook's hidden rows, columns and sheets are refused, one line per sheet naming them (docs/adr/0052).

The hostile review of issue 25: rows and sheets an analyst had hidden were imported without a word. Hidden is not
deleted: the analyst did not mean them as data, nor to lose them silently, so the import says which and what to do.
The workbook's own sheets (Vejledning, Dataordbog) are read by no one and may be hidden.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kulturensrige.data.workbook import NAMED_SPANS
from test_malformed_input import QUOTES_SHEET, assert_refused, edited_workbook, rezipped, run_import

ROWS = "vis dem i regnearket (fx ved at fjerne et filter eller folde en gruppe ud), eller slet dem"
UNSEEN = "men har værdier, som ville komme med i datamappen uden at være set"
SHOWN_BY_MENU = "i regnearket (højreklik på en arkfane, og vælg Vis)"
SHEET = "arket er skjult, så det, der står på det, ville komme med i datamappen uden at være set; vis det"


def _hide_rows(sheet: str, *rows: int) -> Callable:
    def edit(book) -> None:
        for row in rows:
            book[sheet].row_dimensions[row].hidden = True

    return edit


def _state(**states: str) -> Callable:
    def edit(book) -> None:
        for sheet, state in states.items():
            book[sheet].sheet_state = state

    return edit


def _hidden_note_sheet(book) -> None:
    book.create_sheet("noter")["A1"] = "mine noter"
    book["noter"].sheet_state = "hidden"


def _hide_columns(*letters: str) -> Callable:
    def edit(book) -> None:
        for letter in letters:
            book["quotes"].column_dimensions[letter].hidden = True

    return edit


# case -> (the edit, the lines the import prints before its count)
CASES: dict[str, tuple[Callable, list[str]]] = {
    "rows hidden, in spans, and an empty one": (
        # Row 60 is hidden and empty: it holds nothing unseen, so it is not named.
        lambda book: (_hide_rows("quotes", 12, 13, 14, 20, 60)(book), _hide_rows("initiatives", 3)(book)),
        [
            f"arbejdsbog.xlsx, ark initiatives — række 3 er skjult i arket, {UNSEEN}; {ROWS.replace('dem', 'den')}",
            f"arbejdsbog.xlsx, ark quotes — rækkerne 12–14 og 20 er skjulte i arket, {UNSEEN}; {ROWS}",
        ],
    ),
    "more hidden spans than are named": (
        _hide_rows("quotes", *range(2, 2 + 2 * (NAMED_SPANS + 3), 2)),
        [
            (
                f"arbejdsbog.xlsx, ark quotes — rækkerne {', '.join(str(n) for n in range(2, 2 + 2 * NAMED_SPANS, 2))} og 3 områder "
                f"mere er skjulte i arket, {UNSEEN}; {ROWS}"
            )
        ],
    ),
    "a table's sheet hidden, the workbook's own sheets too": (
        _state(programme_facts="hidden", Vejledning="hidden", Dataordbog="veryHidden"),
        [f"arbejdsbog.xlsx, ark programme_facts — {SHEET} {SHOWN_BY_MENU}, eller slet det"],
    ),
    "a table's sheet very hidden": (
        _state(programme_facts="veryHidden"),
        [
            (
                f"arbejdsbog.xlsx, ark programme_facts — {SHEET} i Visual Basic-editoren (arkets egenskab Visible; Excels menuer "
                "viser ikke et ark skjult som veryHidden) eller i LibreOffice, eller slet det"
            )
        ],
    ),
    "another sheet hidden": (
        _hidden_note_sheet,
        [
            (
                "arbejdsbog.xlsx, ark noter — arket er skjult og er ikke en af dataordbogens tabeller, så det, der står på det, er "
                f"hverken set eller kommer med; slet det, eller vis det {SHOWN_BY_MENU}, og flyt det, der skal med, over på tabellens ark"
            )
        ],
    ),
    "columns hidden": (
        _hide_columns("E", "F"),
        [f"arbejdsbog.xlsx, ark quotes — kolonnerne E–F er skjulte i arket, {UNSEEN}; vis dem i regnearket, eller slet dem"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hidden_rows_columns_and_sheets_are_refused_one_line_per_sheet(case: str, data_workbook: Path, tmp_path: Path):
    edit, expected = CASES[case]
    workbook = edited_workbook(data_workbook, tmp_path, edit)
    assert_refused(run_import(workbook, tmp_path / "ud"), expected, tmp_path / "ud")


def test_a_row_of_no_height_is_hidden_as_a_row_marked_hidden(data_workbook: Path, tmp_path: Path):
    """Excel hides a row also by its height: `ht="0"` shows nothing, as `hidden="1"` does."""
    workbook = edited_workbook(data_workbook, tmp_path, lambda book: None)

    def no_height(name: str, data: bytes) -> bytes | None:
        return re.sub(rb'<row r="7"', b'<row r="7" ht="0" customHeight="1"', data) if name == QUOTES_SHEET else None

    expected = f"arbejdsbog.xlsx, ark quotes — række 7 er skjult i arket, {UNSEEN}; {ROWS.replace('dem', 'den')}"
    assert_refused(run_import(rezipped(workbook, no_height), tmp_path / "ud"), [expected], tmp_path / "ud")
