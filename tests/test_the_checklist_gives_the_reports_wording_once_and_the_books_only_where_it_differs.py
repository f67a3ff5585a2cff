"""Reader32, #8: the guide's checklist showed every point twice, the book's wording and then „Rapportens ordlyd“,
nearly the same („Ræk ud til de lokale kulturinstitutioner.“ / »Ræk ud til lokale kulturinstitutioner.«), which
doubled it on a phone. The report's wording stands once; the book's only where it really differs (guide.own_words,
from the data's two columns), on the page and in every edition alike (ADR 123)."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.data.frames import table_rows
from kulturensrige.edition import editions
from kulturensrige.render import guide
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def test_a_checklist_point_gives_the_reports_wording_once_and_the_books_only_where_it_differs(data):
    items = BeautifulSoup(str(guide.checklist(data)), "html.parser").select("li.kr-check-item")
    rows = list(table_rows(data.guide_recommendations.sort_values("position")))
    assert len(items) == len(rows)
    alike = 0
    for item, row in each(list(zip(items, rows, strict=True))):
        said = " ".join(item.get_text(" ").split())
        assert said.count(f"»{row.report_text}«") == 1, said
        if row.text in said:
            assert " ".join(item.select_one(".kr-wording").get_text(" ").split()).startswith("Rapportens ordlyd:"), said
        else:
            alike += 1
            assert item.select_one("label").get_text().startswith(f"»{row.report_text}«") and not item.select(".kr-wording")
    # „Ræk ud til (de) lokale kulturinstitutioner.“ stands once, in the report's words.
    assert alike >= 1
    made = editions.EditionCharts.compute(data)
    printed = BeautifulSoup(editions.municipality_edition(data, "259", STAMP, made, "plotly.min.js"), "html.parser")
    points = printed.select("ul.kr-checklist > li")
    assert len(points) == len(rows) and len(printed.select("ul.kr-checklist .kr-report-text")) == len(rows) - alike
