"""A text column whose cells are text passes its type check with one True, so pandera builds no table of failure cases.

pandera 0.35 answered it with an array of True, one a row, and then built and printed an empty table of failure cases
for every column that passed: about a third of every validation's CPU (BENCHMARKS.md, `make test`, session 26)."""

from __future__ import annotations

import pandas as pd
from pandera.engines.pandas_engine import Engine

from kulturensrige.data.schema import TABLES
from support.checks import each


def test_every_text_column_of_text_passes_its_type_check_with_one_true_and_other_cells_still_fail_one_by_one():
    texts = [
        (name, column)
        for name, table in TABLES.items()
        for column, spec in table.schema.columns.items()
        if spec.metadata["kind"] != "integer"
    ]
    for name, column in each(texts):
        dtype = TABLES[name].schema.columns[column].dtype
        cells = pd.Series(["a", "b"], dtype="str")
        assert dtype.check(Engine.dtype(cells.dtype), cells) is True, (name, column)
    mixed = pd.Series(["a", 3], dtype=object)
    assert dtype.check(Engine.dtype(mixed.dtype), mixed) is not True
