"""The environment variables a build reads besides the data: checked before the build starts, one line each.

SOURCE_DATE_EPOCH (reproducible builds) gives the date every page states; KR_LIST_LIMIT (tests) how many cards a
list ships in full; KR_SIDE_FROM (tests) from how many bytes a chart's data waits in side islands. A value a build
cannot use is refused up front by scripts/build_book.py and build_pdf.py, naming the variable and what is allowed,
not deep in a notebook or Sphinx as a traceback.
"""

from __future__ import annotations

import datetime as dt
import os

from kulturensrige.data.problems import Problem

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
LIST_LIMIT_VARIABLE = "KR_LIST_LIMIT"
DEFAULT_LIST_LIMIT = 200
SIDE_FROM_VARIABLE = "KR_SIDE_FROM"
# Which page of the book a kernel is executing (docname, 'kommuner/oversigt'): set by the build for each page.
PAGE_VARIABLE = "KR_PAGE"
# The last second of the year 9999: the largest date Python's datetime can hold.
MAX_EPOCH = 253_402_300_799
MAX_LIST_LIMIT = 1_000_000_000

_EPOCH_ALLOWED = f"skal være et helt antal sekunder efter 1. januar 1970 (UTC), fra 0 til {MAX_EPOCH} (år 9999), eller tom"
_LIMIT_ALLOWED = (
    f"skal være et helt tal fra 0 til {MAX_LIST_LIMIT} (hvor mange kort en liste viser fuldt; standard {DEFAULT_LIST_LIMIT}), eller tom"
)
_SIDE_FROM_ALLOWED = (
    f"skal være et helt antal bytes fra 0 til {MAX_LIST_LIMIT} (hvor stor en figurs data må være, før den hentes for sig), eller tom"
)

# The variables that change what a build's pages hold: part of the build key (buildkey.build_key).
PAGE_VARIABLES = (LIST_LIMIT_VARIABLE, SIDE_FROM_VARIABLE)


def _whole(text: str, most: int) -> int | None:
    """`text` as a whole number from 0 to `most` in ASCII digits only (no sign, no '_', no other script's digits)."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(most)) or int(text) > most:
        return None
    return int(text)


def settings_problems() -> list[Problem]:
    """One problem for each of the variables set to a value a build cannot use."""
    problems = []
    checked = (
        (EPOCH_VARIABLE, MAX_EPOCH, _EPOCH_ALLOWED),
        (LIST_LIMIT_VARIABLE, MAX_LIST_LIMIT, _LIMIT_ALLOWED),
        (SIDE_FROM_VARIABLE, MAX_LIST_LIMIT, _SIDE_FROM_ALLOWED),
    )
    for variable, most, allowed in checked:
        value = os.environ.get(variable, "")
        if value and _whole(value, most) is None:
            problems.append(Problem(variable, None, None, value, allowed))
    return problems


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH makes two builds of the same commit byte-identical (reproducible builds); today without it.
    A value settings_problems refuses counts as unset here (the scripts refuse it before any build)."""
    epoch = _whole(os.environ.get(EPOCH_VARIABLE, ""), MAX_EPOCH)
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date() if epoch is not None else dt.date.today()


def list_limit() -> int:
    """KR_LIST_LIMIT, else 200."""
    limit = _whole(os.environ.get(LIST_LIMIT_VARIABLE, ""), MAX_LIST_LIMIT)
    return DEFAULT_LIST_LIMIT if limit is None else limit


def side_from(default: int) -> int:
    """KR_SIDE_FROM, else `default` (render.figures.SIDE_FROM)."""
    limit = _whole(os.environ.get(SIDE_FROM_VARIABLE, ""), MAX_LIST_LIMIT)
    return default if limit is None else limit
