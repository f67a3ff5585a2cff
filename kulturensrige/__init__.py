"""Kulturens Rige as data: load the report's tables and render them for the book.

Notebooks call `load()` and then one function of `cards`, `charts` or `lists` per cell.
"""

# First, before pandas: Ctrl+C while a script imports ends it in one line (interruption.quiet_start).
from kulturensrige.data.interruption import quiet_start

quiet_start()

from kulturensrige.data.loading import Dataset, load  # noqa: E402
from kulturensrige.data.problems import DataError, Problem  # noqa: E402

__all__ = ["DataError", "Dataset", "Problem", "load"]
