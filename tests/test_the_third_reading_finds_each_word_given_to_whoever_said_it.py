"""The third line-by-line reading of the book against the report (session 26, reading26.md): words given to the one
who said them, sentences that say what the page shows, and data that mark what is the editors'."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

BOOK = Path(__file__).resolve().parent.parent / "book"


def page_text(notebook: str) -> str:
    """The reader text of a chapter: its markdown cells."""
    cells = json.loads((BOOK / notebook).read_text(encoding="utf-8"))["cells"]
    return " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def text(html: object) -> str:
    return " ".join(BeautifulSoup(str(html), "html.parser").get_text(" ").split())


def _sentence_with(chapter: str, words: str) -> str:
    return next(s for s in re.split(r"(?<=[.!?])\s+", chapter) if words in s)


def test_the_reports_lead_in_to_a_quote_is_said_as_the_reports_not_the_participants(report_text: str):
    """#2: „at frigøre sig fra“ is the report's own framing (L648–651), outside the quotation marks; the page gave it
    to the participant („Som en aktionslæringsdeltager fortæller …“, „Resten af deltagerens sætning“)."""
    flat = " ".join(report_text.split())
    assert "som aktionslæringsdeltager fortæller - at frigøre sig fra ” det der new public management" in flat
    said = _sentence_with(page_text("ingredienser/leg-mod-og-laering.ipynb"), "»at frigøre sig fra«")
    assert re.search(r"Rapporten skriver, at [^.»]*»at frigøre sig fra«", said), said
    assert "deltagerens sætning" not in said and "deltager fortæller" not in said, said

