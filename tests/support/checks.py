"""Checks the tests share."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def each(items: Iterable[T]) -> list[T]:
    """`items` as a list, failing the test when there are none: an assertion inside a loop that never ran proves
    nothing, so a test whose only assertions sit in a loop loops over `each(...)`."""
    listed = list(items)
    assert listed, "løkken har intet at tjekke: testen ville bestå uden at se på noget"
    return listed


def csv_rows(text: str) -> list[dict[str, str]]:
    """A published CSV's rows, its byte-order mark (which Excel needs) left out."""
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
