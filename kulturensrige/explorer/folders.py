"""The explorer's folder field, checked before it touches the disk.

A served explorer (Voilà) lets anyone with the address type a path; without a limit its answers ("findes ikke"
or a list of problems) would tell which folders exist on the server. The root is $KR_EXPLORER_ROOT (relative to
the repository, as $KR_DATA_DIR is; `make explorer DATA=dir` sets it to dir), or, when Voilà serves the kernel,
the repository; in an analyst's own JupyterLab there is no limit.
"""

from __future__ import annotations

import os
from pathlib import Path

from kulturensrige.data.loading import REPO_ROOT, data_dir
from kulturensrige.data.problems import DataError, Problem
from kulturensrige.data.schema import TABLES

ROOT_VARIABLE = "KR_EXPLORER_ROOT"


def served_root() -> Path | None:
    """The folder a served explorer may read under, or None when the explorer runs in the analyst's own kernel."""
    configured = os.environ.get(ROOT_VARIABLE)
    if configured:  # relative to the repository, as `make explorer DATA=…` names it: the kernel runs in explorer/
        return data_dir(REPO_ROOT / configured)
    if os.environ.get("SERVER_SOFTWARE", "").startswith("voila"):  # Voilà puts it in the kernel's environment
        return REPO_ROOT
    return None


def field_base() -> Path:
    """The folder the field's names are relative to: the repository, or, for a served explorer given a root of its own
    ($KR_EXPLORER_ROOT), the folder that holds that root, so that the field names the root by its name (the field
    showed a visitor the server's absolute path to it: hostile round 14, #8)."""
    root = served_root()
    return root.parent if root is not None and os.environ.get(ROOT_VARIABLE) else REPO_ROOT


def shown_folder(folder: Path) -> str:
    """A folder as the field shows it and reads it back (`checked_folder`): relative to `field_base` when inside it;
    otherwise a served explorer shows only its name, and the analyst's own kernel its whole path."""
    try:
        return str(folder.relative_to(field_base()))
    except ValueError:
        return folder.name if served_root() is not None else str(folder)


def shown_line(line: str) -> str:
    """A problem line as the page shows it: a path under `field_base` named as the field names it, so a served
    explorer's lines do not tell a visitor where on the server its data lie (hostile round 17, #1)."""
    base = str(field_base())
    return line.replace(base + os.sep, "") if served_root() is not None else line


def checked_folder(text: str | None) -> Path | None:
    """The folder the field names, relative to `field_base` (the kernel runs in the notebook's folder), if it may be
    loaded; otherwise DataError with one line that says nothing about the disk."""
    if text is None:
        return None
    if "\0" in text:
        raise DataError([Problem(repr(text), None, None, None, "mappenavnet må ikke indeholde et NUL-tegn")])
    try:  # a lone surrogate (\ud800) has no bytes on disk: every path function would raise UnicodeEncodeError
        os.fsencode(text)
    except UnicodeEncodeError:
        raise DataError([Problem(repr(text), None, None, None, "mappenavnet indeholder et tegn, som et filnavn ikke kan rumme")]) from None
    # Lexically first (no disk access for '..' escapes), then with links resolved (a link may point out).
    lexical = Path(os.path.normpath(field_base() / text))
    root = served_root()
    if root is None:
        return REPO_ROOT / text
    real_root = Path(os.path.realpath(root))
    if not _inside(lexical, root) or not _inside(Path(os.path.realpath(lexical)), real_root):
        raise DataError([Problem(text, None, None, None, f"mappen ligger uden for den mappe, udforskeren må læse fra ({root.name}/)")])
    # Each file `load` reads, too: a settings.csv linked to /tmp/secret.txt was read, and its lines shown as problems.
    linked_out = f"filen er et link til en fil uden for den mappe, udforskeren må læse fra ({root.name}/)"
    outside = [
        Problem(f"{text.rstrip('/')}/{table.file}", None, None, None, linked_out)
        for table in TABLES.values()
        if not _inside(Path(os.path.realpath(lexical / table.file)), real_root)
    ]
    if outside:
        raise DataError(outside)
    return lexical


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
