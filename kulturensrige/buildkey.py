"""What a build's pages depend on besides the book's sources: the data, the package's code and pins, the list limit.

scripts/build_book.py stamps it into every staged notebook (Jupyter Book's execution cache hashes code cells and
their metadata, not data/), and the Sphinx extension makes it a configuration value, so a change re-reads every page.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .loading import Dataset

ROOT = Path(__file__).resolve().parent.parent


def package_digest() -> str:
    """A hash of the package's files and of requirements.txt: new code or new pins give new pages."""
    digest = hashlib.sha256()
    for path in [ROOT / "requirements.txt", *sorted(Path(__file__).parent.rglob("*"))]:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def folder_digest(folder: Path) -> str:
    """A hash of a folder's files (the book's _static/): Sphinx copies static files only when a page is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def build_key(data: Dataset) -> dict[str, str]:
    """The key; the data folder's name is in it because a page shows it, its absolute path is not (_sources)."""
    return {
        "data_fingerprint": data.fingerprint,
        "data_folder": data.folder.name,
        "package": package_digest(),
        "KR_LIST_LIMIT": os.environ.get("KR_LIST_LIMIT", ""),
    }
