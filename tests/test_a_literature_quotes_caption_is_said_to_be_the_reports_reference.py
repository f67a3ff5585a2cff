"""kilder.csv called every cell of quotes.csv's `caption` »Rapportens billedtekst«, but a quotation from the literature
carries the report's in-text reference there („WHO 2022“, „Jensen 2022: 24“), not a caption (reading 25 r2, #6). The
column's reason says so, with one of the data's own references as its example."""

from __future__ import annotations

import csv
import io

from kulturensrige.data.publishing import SOURCES_FILE
from report_source import collapse, repair_hyphenation


def test_kilder_csv_says_a_literature_quotes_caption_is_the_reports_in_text_reference(data, data_downloads, report_text: str):
    rows = csv.DictReader(io.StringIO(data_downloads[SOURCES_FILE], newline=""))
    reason = next(r["begrundelse"] for r in rows if (r["fil"], r["kolonne"]) == ("quotes.csv", "caption"))
    cited = data.quotes.loc[(data.quotes["reference_key"] != "") & (data.quotes["caption"] != ""), "caption"]
    assert len(cited) and f"rapportens henvisning i teksten, fx »{cited.iloc[0]}«" in reason, reason
    assert f"({cited.iloc[0]})" in collapse(repair_hyphenation(report_text))
