"""The run's second build of data/ is made in a copy of the eighth municipality's whole book, with a PDF of the
eighth's beside its pages as `make pdf` leaves one (`two_builds` in tests/conftest.py): a build on data/ after one on
eight municipalities must leave nothing of the eighth (tests/test_site_folder.py), and the reproducibility comparison
needs that build of data/ anyway, so the check costs no build of its own."""

from __future__ import annotations

import json
from pathlib import Path

# What `make pdf` had written beside the eighth's book.
EIGHTHS_PDF = Path("pdf") / "kulturens-rige-eksempelkommune.pdf"
# In the build's folder, beside its output: the eighth's files that stood in the site before the build of data/.
FOUND = "found-before-the-build.json"


def lay_the_eighths_pdf(output: Path) -> None:
    """In output (a copy of the eighth's whole output, before the build of data/ into it): a PDF of the eighth's beside
    its pages; the names of the eighth's files then in the site are written to output's parent (FOUND)."""
    site = output / "_build" / "html"
    (site / EIGHTHS_PDF).parent.mkdir(exist_ok=True)
    (site / EIGHTHS_PDF).write_bytes(b"%PDF-1.7 den ottende kommunes udgave")
    found = sorted(p.relative_to(site).as_posix() for p in site.rglob("*eksempelkommune*"))
    (output.parent / FOUND).write_text(json.dumps(found), encoding="utf-8")


def found_before(site: Path) -> list[str]:
    """The eighth's files that stood in `site` (the second build of data/) before it was built."""
    return json.loads((site.parent.parent.parent / FOUND).read_text(encoding="utf-8"))
