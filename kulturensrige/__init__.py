"""Kulturens Rige as data: load the report's tables and render them for the book.

Notebooks call `load()` and then one function of `cards`, `charts` or `lists` per cell.
"""

from kulturensrige.data.loading import Dataset, load
from kulturensrige.data.problems import DataError, Problem

__all__ = ["DataError", "Dataset", "Problem", "load"]
