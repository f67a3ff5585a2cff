"""The pages' executed notebooks: kept by scripts/build_book.py, read by the Sphinx extension in place of the staged ones.

Jupyter Book executes and caches nothing (book/_config.yml, `execute_notebooks: off`; docs/adr/0025): the build runs
every page's notebook in its shared kernels and keeps each executed notebook in a folder beside the site, named by a
hash of the notebook as staged, build key included. The extension hands Sphinx that executed notebook as it reads the
page (`source-read`), so the staged file, which Sphinx copies into _sources for a chapter's "Sådan er siden lavet"
link, stays the notebook without outputs. New data or new package code gives a staged notebook a new build key, so a
new name, and it runs again; with nothing changed the name is found and nothing runs.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

# The folder of executed notebooks, told by build_book to the Jupyter Book process it starts.
VARIABLE = "KR_EXECUTED_DIR"
SUFFIX = ".ipynb"


def name(staged: str) -> str:
    """The file name of a staged notebook's executed version: the SHA-256 of its text (cells, metadata, build key)."""
    return hashlib.sha256(staged.encode("utf-8")).hexdigest() + SUFFIX


def keep(store: Path, staged: str, executed: str) -> None:
    """Keep the executed notebook under the staged one's name, written beside it and renamed into place: a build
    stopped while writing leaves no half a notebook under a name that would be trusted."""
    store.mkdir(parents=True, exist_ok=True)
    target = store / name(staged)
    partial = store / f".{target.name}.{os.getpid()}.part"
    partial.write_text(executed, encoding="utf-8")
    os.replace(partial, target)


def kept(store: Path, staged: str) -> str | None:
    """The executed version of a staged notebook's text, or None if this build folder has none."""
    try:
        return (store / name(staged)).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None


def keep_only(store: Path, names: set[str]) -> None:
    """Remove every executed notebook but the named ones (this build's pages), and any partial file."""
    if store.is_dir():
        for path in store.iterdir():
            if path.name not in names:
                path.unlink()


def has_code(notebook: str) -> bool:
    """Whether a notebook's text has a code cell: a page of Markdown cells has nothing to run, and nothing kept."""
    return any(cell.get("cell_type") == "code" for cell in json.loads(notebook).get("cells", []))
