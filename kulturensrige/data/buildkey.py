"""What a build's pages depend on besides the book's sources: the data, the package's code and pins, the settings
that change what pages hold (the list limit, the chart-data size that goes to side islands).

scripts/build_book.py stamps it into every staged notebook (Jupyter Book's execution cache hashes code cells and
their metadata, not data/), and the Sphinx extension makes it a configuration value, so a change re-reads every page.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

from kulturensrige.data.fingerprint import package_digest
from kulturensrige.data.loading import Dataset
from kulturensrige.data.settings import PAGE_VARIABLES

# The build's own record in the built site: its key, so a later step (scripts/build_pdf.py) knows which data the
# site was built from without reading a page.
RECORD = "kr-build.json"
# The record's date of the build, beside the key: the PDF editions of a site say the day its pages say.
BUILT = "built"


def build_key(data: Dataset) -> dict[str, str]:
    """The key; the data folder's name is in it because a page shows it, its absolute path is not (_sources)."""
    return {
        "data_fingerprint": data.fingerprint,
        "data_folder": data.folder.name,
        "package": package_digest(),
        **{variable: os.environ.get(variable, "") for variable in PAGE_VARIABLES},
    }


def write_record(site: Path, key: dict[str, str]) -> None:
    """The record, written whole (a temporary file, then a rename)."""
    temporary = site / f".{RECORD}.tmp"
    temporary.write_text(json.dumps(key, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    os.replace(temporary, site / RECORD)


# A record is a few hundred bytes; more is not one a build wrote.
RECORD_LIMIT = 64 * 1024


def read_record(site: Path) -> dict[str, str] | None:
    """The record of the build in `site`, or None if the site has none (not built, or built before records). Only a
    regular file of at most RECORD_LIMIT bytes is read: a link to /dev/zero read until memory ran out, a FIFO never
    ended (hostile round 15, #7)."""
    path = site / RECORD
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        with path.open("rb") as stream:
            raw = stream.read(RECORD_LIMIT + 1)
        record = json.loads(raw.decode("utf-8")) if len(raw) <= RECORD_LIMIT else None
    except (OSError, ValueError, RecursionError):  # RecursionError: a record nested too deep for json to read
        return None
    return record if isinstance(record, dict) else None


def built_on(record: dict[str, str]) -> dt.date | None:
    """The day the recorded build was made, or None for a record without a readable one (an older build)."""
    try:
        return dt.date.fromisoformat(record.get(BUILT, ""))
    except (TypeError, ValueError):
        return None
