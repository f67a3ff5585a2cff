"""The s23 reading, #3: attention_points.csv marked which words are the report's two ways. The one point the report
calls an attention point stood bare in the file (the page added »…«), while an editors' point that is a sentence of
the report stood in »…« in the file itself. One rule now (schema.POINT_MARKS): the report's words stand in »…« in
the text of every row, whatever its basis, and the page, the PDF and the download show the text as it stands."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from kulturensrige.data.publishing import SOURCES_FILE
from kulturensrige.render import guide
from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
# A run of this many words found as it stands in the report is the report's wording, not a common phrase
# (as tests/test_the_editors_points_quote_the_reports_words.py counts it).
BORROWED = 5


def _rows() -> list[dict[str, str]]:
    with (REPO / "data" / "attention_points.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _words(text: str) -> list[str]:
    return re.findall(r"[\wæøåÆØÅ/-]+", text.lower())


def test_every_quoted_span_of_every_attention_point_is_in_the_report_and_nothing_unquoted_is(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    report_words = f" {' '.join(_words(report))} "
    rows = _rows()
    assert {r["basis"] for r in rows} == {"stated", "inferred"}
    for row in each(rows):
        for quoted in re.findall(r"»([^«]*)«", row["text"]):
            assert collapse(quoted) in report, (row["attention_point_id"], quoted)
        own = _words(re.sub(r"»[^«]*«", " … ", row["text"]))
        runs = [" ".join(own[i : i + BORROWED]) for i in range(len(own) - BORROWED + 1)]
        assert not [r for r in runs if f" {r} " in report_words], (row["attention_point_id"], row["text"])


def test_the_page_and_the_pdf_show_each_point_as_the_file_words_it(data):
    rows = _rows()
    shown = {text for i in data.ingredients["ingredient_id"] for g in guide.attention_point_groups(data, i) for text, _ in g.points}
    assert shown == {r["text"] for r in rows}


def test_kilder_and_the_dictionary_say_the_rule(data, data_downloads):
    from kulturensrige.data.schema import POINT_MARKS  # here, so the tests above run on the code before the rule

    sources = csv.DictReader(data_downloads[SOURCES_FILE].splitlines())
    text = next(r for r in sources if (r["fil"], r["kolonne"]) == ("attention_points.csv", "text"))
    assert POINT_MARKS in text["begrundelse"]
    assert POINT_MARKS in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
