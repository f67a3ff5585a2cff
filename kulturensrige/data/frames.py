"""The rows of a data table, typed as the schema makes them rather than as pandas can know them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import pandas as pd


def table_rows(frame: pd.DataFrame, index: bool = True) -> Iterator[Any]:
    """`frame.itertuples(index)`: one named tuple per row. Its fields are typed Any because their types come from
    data/schema.py (text, a tuple of ids, a whole number), which pandas' type hints cannot see; pandas-stubs
    would type every field as any scalar pandas knows."""
    return iter(frame.itertuples(index=index))


T = TypeVar("T")

_MADE: dict[tuple[int, str], tuple[pd.DataFrame, Any]] = {}


def made_once(frame: pd.DataFrame, purpose: str, make: Callable[[pd.DataFrame], T]) -> T:
    """`make(frame)`, worked out once per table object and purpose: at national scale each of 10,000 cards looks
    up several labels, and filtering a DataFrame for each was most of the build's time. The frame is kept with
    its answer, so its id cannot be reused for another table while the answer is kept."""
    cached = _MADE.get((id(frame), purpose))
    if cached is None or cached[0] is not frame:
        cached = (frame, make(frame))
        _MADE[(id(frame), purpose)] = cached
    answer: T = cached[1]
    return answer


_MADE_FROM: dict[tuple[tuple[int, ...], str], tuple[tuple[pd.DataFrame, ...], Any]] = {}


def made_once_from(frames: tuple[pd.DataFrame, ...], purpose: str, make: Callable[[], T]) -> T:
    """made_once for an answer that reads several tables (`make()` reads exactly `frames`): a count that 98 profile
    pages word alike is made once, not once per page. Not made_once's own path, which 10,000 cards' labels take
    134,000 times, and where building the tuples took most of a second."""
    key = (tuple(id(frame) for frame in frames), purpose)
    cached = _MADE_FROM.get(key)
    if cached is None or any(kept is not frame for kept, frame in zip(cached[0], frames, strict=True)):
        cached = (frames, make())
        _MADE_FROM[key] = cached
    answer: T = cached[1]
    return answer


def lookup(frame: pd.DataFrame, key: str, column: str) -> dict:
    """`column` by `key` of a table as a dict (the last row of a key wins), made once per table."""
    return made_once(frame, f"{key}->{column}", lambda f: dict(zip(f[key], f[column], strict=True)))
