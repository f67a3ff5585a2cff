"""The official Danish municipality codes and names, shipped with the package as data.

`danske-kommuner.csv` beside this module holds the 98 municipalities of the municipal reform of 1 January 2007
(kommunekode, official name, region), as Danmarks Statistik classifies them (classification KOMMUNER, the codes
also used by CPR and DAGI); they have not changed since. The validator checks every `kommunekode` and its name
against it, unless a data folder for another country or a test says `kommunekoder,egne` in options.csv; the book
then says that the codes are not official.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import pandas as pd

from kulturensrige.data.frames import table_rows
from kulturensrige.data.problems import Problem
from kulturensrige.data.schema import CODES, OWN_CODES

LIST_FILE = Path(__file__).with_name("danske-kommuner.csv")
SOURCE = "Danmarks Statistik, klassifikationen KOMMUNER (kommunekoder og navne, som CPR og DAGI også bruger)"
VALID_FROM = "2007-01-01"  # the municipal reform; no code or name has changed since
CHECKED = "2026-11-26"  # when the list was taken into the project


@functools.cache
def official_rows() -> tuple[dict[str, str], ...]:
    """kommunekode, name and region of each of the 98 municipalities, in the list's order."""
    with LIST_FILE.open(encoding="utf-8", newline="") as stream:
        return tuple(csv.DictReader(stream))


@functools.cache
def official_names() -> dict[str, str]:
    """kommunekode -> official name."""
    return {row["kommunekode"]: row["name"] for row in official_rows()}


def codes_are_official(options: pd.DataFrame) -> bool:
    """True unless options.csv switches the check off (`kommunekoder,egne`)."""
    chosen = options.loc[options["option_id"] == CODES, "value"]
    return not (len(chosen) and chosen.iloc[0] == OWN_CODES)


def code_problems(municipalities: pd.DataFrame, rows: list[int], label: str) -> list[Problem]:
    """One line per municipality whose code is not official, or whose name is not the code's official name."""
    names = official_names()
    codes = {name.casefold(): code for code, name in names.items()}
    problems = []
    for i, row in enumerate(table_rows(municipalities, index=False)):
        code, name = str(row.kommunekode), str(row.name)
        if code not in names:
            hint = f"{names[codes[name.casefold()]]} har {codes[name.casefold()]}" if name.casefold() in codes else _hint()
            problems.append(Problem(label, rows[i], "kommunekode", code, f"{code} er ikke en kommunekode; {hint}"))
        elif name != names[code]:
            message = f"{code} er {names[code]}; skriv det officielle navn, eller ret kommunekoden"
            problems.append(Problem(label, rows[i], "name", name, message))
    return problems


def _hint() -> str:
    return (
        "tilladt: en af de 98 officielle kommunekoder (fx 101 for København); data til test eller et andet land "
        f"kan slå kontrollen fra med rækken {CODES},{OWN_CODES} i tabellen options (options.csv eller arket options)"
    )
