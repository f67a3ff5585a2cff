"""Issue 22, item 1: a reader met "udgavens kendetegn, ba92836b72" on the front page and "plotly.js" in a chart's
fallback: words for analysts on the pages a consultant reads. What an analyst needs stands in the data chapter
(om-data/) and in each page's one closed line at its foot, »Sådan er siden lavet«; the reading pages say none of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.render import charts, front_page
from support.checks import each

# The analysts' pages: the data chapter and the accessibility statement, which describes the web book on purpose.
ANALYSTS = ("om-data/", "tilgaengelighed", "search", "genindex", "_sources/", "_static/")
BUILD_WORDS = ("kendetegn", "fingeraftryk", "notesbog", ".ipynb", "plotly", "datamappe", "genkør")


def test_the_front_pages_note_on_citing_asks_for_the_date_and_names_no_build_code(data):
    note = " ".join(BeautifulSoup(front_page.citation(data), "html.parser").get_text(" ").split())
    # The one citing form (reading s24, F3): the edition cited with the date the page's foot gives.
    assert "[datoen nederst på siden]" in note
    assert data.fingerprint not in note and not [w for w in BUILD_WORDS if w in note.lower()], note


def test_a_charts_fallback_tells_the_reader_where_the_numbers_are_without_naming_the_script(data):
    page = BeautifulSoup(charts.programme_timeline(data).html().markup, "html.parser")
    (missing,) = page.select(".kr-plot-missing")
    said = missing.get_text(" ")
    assert "Vis tallene som tabel" in said and "plotly" not in said.lower(), said


def _reading_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if not p.relative_to(site).as_posix().startswith(ANALYSTS)]


@pytest.mark.build
def test_no_reading_page_says_a_build_word_outside_its_closed_foot_line(built_site: Path, data):
    for page in each(_reading_pages(built_site)):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        article = soup.select_one("article.bd-article")
        assert article is not None, page
        for part in article.select("details.kr-made, script, noscript, template"):
            part.decompose()
        said = " ".join(article.get_text(" ").split())
        # "Data og genkørsel" is the data chapter's name where a page links the rule it explains: a link, not a word.
        said = said.replace("Data og genkørsel", "")
        found = [w for w in (*BUILD_WORDS, data.fingerprint) if w in said.lower()]
        assert not found, (page.relative_to(built_site).as_posix(), found)
