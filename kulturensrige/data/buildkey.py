"""What a build's pages depend on besides the book's sources: the data, the package's code and pins, the settings
that change what pages hold (the list limit, the chart-data size that goes to side islands).

scripts/build_book.py stamps it into every staged notebook (the executed notebooks it keeps are named by a hash of
the staged notebook, kulturensrige/book/executed.py), and the Sphinx extension makes it a configuration value, so a
change re-reads every page.
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


MISSING = "findes ikke"


def read_record(site: Path) -> dict[str, str] | None:
    """The record of the build in `site`, or None if the site has none that can be read (not built, built before
    records, or a record no build wrote: `record_fault` says which)."""
    return _read(site)[0]


def record_fault(site: Path) -> str:
    """'' if `site` holds a build record that can be read, else what is wrong with it, as a clause after its name:
    MISSING, or why it cannot be read. Hostile round 15: a record of invalid JSON was reported as missing."""
    return _read(site)[1]


def _read(site: Path) -> tuple[dict[str, str] | None, str]:
    """Only a regular file of at most RECORD_LIMIT bytes is read: a link to /dev/zero read until memory ran out, a
    FIFO never ended (hostile round 15, #7)."""
    path = site / RECORD
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None, MISSING
    except OSError as error:
        return None, f"kan ikke læses ({error.strerror or error})"
    if not stat.S_ISREG(mode):
        kind = "et symbolsk link" if stat.S_ISLNK(mode) else "en mappe" if stat.S_ISDIR(mode) else "ingen almindelig fil"
        return None, f"er {kind}, ikke den fil, en bygning skriver"
    try:
        with path.open("rb") as stream:
            raw = stream.read(RECORD_LIMIT + 1)
    except OSError as error:
        return None, f"kan ikke læses ({error.strerror or error})"
    if len(raw) > RECORD_LIMIT:
        return None, f"fylder over {RECORD_LIMIT // 1024} KB, hvor en bygning skriver nogle hundrede byte"
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "er ikke UTF-8-tekst"
    except json.JSONDecodeError as error:
        return None, f"er ikke gyldig JSON (linje {error.lineno}, tegn {error.colno})"
    except RecursionError:  # a record nested too deep for json to read
        return None, "er indlejret for dybt til at kunne læses som JSON"
    if not isinstance(record, dict):
        return None, "er JSON, men ikke det objekt med bygningens nøgle, som en bygning skriver"
    return record, ""


def built_on(record: dict[str, str]) -> dt.date | None:
    """The day the recorded build was made, or None for a record without a readable one (an older build)."""
    try:
        return dt.date.fromisoformat(record.get(BUILT, ""))
    except (TypeError, ValueError):
        return None
