"""The s23 reading, #5 (a value worded two ways between a page's PDF and its download): a quotation from a cited work
was "Citat fra litteraturen; det hører ikke til en kommune." under its card in the PDFs, and "ikke angivet i
rapporten" in quotes.csv's attribution, as if the report had left a municipality out. Both now say it in one wording,
kilder.csv names it, and the download reads back as the data folder's code."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data.publishing import SOURCES_FILE
from kulturensrige.edition import editions
from support.checks import each


def _printed(data, quote_id: str) -> str:
    item = editions.quote_item(data, data.quotes[data.quotes["quote_id"] == quote_id])
    card = editions.environment().get_template("macros.html").module.quote(item)  # type: ignore[attr-defined]
    line = BeautifulSoup(str(card), "html.parser").select_one(".kr-attribution")
    assert line is not None, quote_id
    return line.get_text(" ", strip=True)


def test_a_cited_works_quotation_says_it_has_no_municipality_alike_in_the_pdf_and_in_quotes_csv(data, data_downloads, tmp_path: Path):
    files = data_downloads
    rows = [r for r in csv.DictReader(io.StringIO(files["quotes.csv"], newline="")) if r["reference_key"]]
    for row in each(rows):
        printed = _printed(data, row["quote_id"])
        assert row["attribution"] != "ikke angivet i rapporten", row["quote_id"]
        assert printed.rstrip(".").casefold() == row["attribution"].casefold(), (printed, row["attribution"])
    said = {(r["fil"], r["kolonne"]): r["begrundelse"] for r in csv.DictReader(io.StringIO(files[SOURCES_FILE], newline=""))}
    assert f"„{rows[0]['attribution']}“" in said[("quotes.csv", "attribution")]
    # Read back as a data folder, the words are the code again.
    for name, text in files.items():
        if name != SOURCES_FILE:
            (tmp_path / name).write_text(text, encoding="utf-8")
    back = load(tmp_path)
    cited = back.quotes[back.quotes["reference_key"] != ""]
    assert len(cited) and set(cited["attribution"]) == {"not stated"} and set(cited["kommunekode"]) == {""}
