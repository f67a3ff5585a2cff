"""What a build's pages depend on besides the book's sources: the data, the package's code and pins, the list limit.

scripts/build_book.py stamps it into every staged notebook (Jupyter Book's execution cache hashes code cells and
their metadata, not data/), and the Sphinx extension makes it a configuration value, so a change re-reads every page.
"""

from __future__ import annotations

import os

from kulturensrige.data.fingerprint import package_digest
from kulturensrige.data.loading import Dataset


def build_key(data: Dataset) -> dict[str, str]:
    """The key; the data folder's name is in it because a page shows it, its absolute path is not (_sources)."""
    return {
        "data_fingerprint": data.fingerprint,
        "data_folder": data.folder.name,
        "package": package_digest(),
        "KR_LIST_LIMIT": os.environ.get("KR_LIST_LIMIT", ""),
    }
