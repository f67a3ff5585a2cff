"""The data tables as the built book publishes them for download: publications, not raw copies.

Each file is UTF-8, comma-separated, with the header the data dictionary documents, whatever encoding or separator
the analyst's source file had; quotes follow the anonymity rule as the cards do (a tied, uncleared quote shows its
speaker category in `speaker_role` and no printed caption), and each quote's `ingredient_source` says whose its ties to
the ingredients are as the cards do (data/provenance.py).
"""

from __future__ import annotations

import pandas as pd

from kulturensrige.data.folder_writing import csv_text
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import LIST_SEPARATOR, TABLES


def _cell(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def published_files(data: Dataset) -> dict[str, str]:
    """{file name: CSV text} for every table of the schema, the quotes by the anonymity rule."""
    files = {}
    for name, table in TABLES.items():
        frame = data.tables[name]
        if name == "quotes":
            # Whose each tie to an ingredient is, as the cards say it: in an analyst's folder never the report's.
            frame = frame.assign(
                speaker_role=frame["shown_role"], caption=frame["shown_caption"], ingredient_source=frame["ingredient_tie"]
            )
        rows = [[_cell(v) for v in row] for row in frame.reindex(columns=table.columns, fill_value="").itertuples(index=False)]
        files[table.file] = csv_text(table.columns, rows)
    return files
