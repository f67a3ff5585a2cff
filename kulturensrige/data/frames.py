"""The rows of a data table, typed as the schema makes them rather than as pandas can know them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pandas as pd


def table_rows(frame: pd.DataFrame, index: bool = True) -> Iterator[Any]:
    """`frame.itertuples(index)`: one named tuple per row. Its fields are typed Any because their types come from
    data/schema.py (text, a tuple of ids, a whole number), which pandas' type hints cannot see; pandas-stubs
    would type every field as any scalar pandas knows."""
    return iter(frame.itertuples(index=index))
