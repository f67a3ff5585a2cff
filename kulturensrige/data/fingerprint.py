"""Digests that tell one input from another: the data folder's, the package's code and pins, a static folder's."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from kulturensrige.data.schema import TABLES
from kulturensrige.data.validation import MAX_FOLDER_BYTES, own_file

PACKAGE = Path(__file__).resolve().parent.parent
ROOT = PACKAGE.parent


@functools.lru_cache(maxsize=1)
def package_digest() -> str:
    """A hash of the package's files and of requirements.txt: new code or new pins give new pages. Hashed once per
    process: a process runs one version of the code, and the build's kernel loads the data once per page."""
    digest = hashlib.sha256()
    for path in [ROOT / "requirements.txt", *sorted(PACKAGE.rglob("*"))]:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(os.fsencode(path.relative_to(ROOT).as_posix()) + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def folder_digest(folder: Path) -> str:
    """A hash of a folder's files (the book's _static/): Sphinx copies static files only when a page is rebuilt."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(os.fsencode(path.relative_to(folder).as_posix()) + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(folder: Path) -> str:
    """A short hash of the declared files' bytes, so two printouts from different data can be told apart.

    Read in chunks, and no further than the folder's limit (MAX_FOLDER_BYTES) in all: load() checks the files' sizes first, and a file
    that grew since costs no more than the limit; its validation then refuses it (validation.read_folder)."""
    digest = hashlib.sha256()
    left = MAX_FOLDER_BYTES + 1  # one byte past the limit: data over it never hashes like data within it
    for table in TABLES.values():
        path = folder / table.file
        digest.update(table.file.encode())
        if not own_file(path):  # a link is read by nothing (validation.member_problem refuses it)
            continue
        with path.open("rb") as stream:
            while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
                digest.update(chunk)
                left -= len(chunk)
    return digest.hexdigest()[:10]
