"""Issue 22, a new reader (7/10 at both widths): notes about who wrote what came before the content everywhere.
ingredienser/oversigt said "(red.)" 44 times and "redaktion…" 28 times, most of it in fourteen copies of one table,
every column heading marked; ingredient pages led into their quotes with "Rapporten nævner ingen kommune ved
citaterne …"; the filter's button promised settings that were not there; a bare web address and developer words stood
where a reader reads. Whose word it is stays said (issue 21), once, after or beside what it is about."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import browser, cards, charts, figures, lists, markup
from support.checks import each

REPO = Path(__file__).resolve().parents[1]
MARK = provenance.owner_mark(provenance.EDITORS_SHORT)


def _tables(chart: figures.Chart) -> list:
    return BeautifulSoup(figures.embed(chart).markup, "html.parser").select("table.kr-table")


def test_a_figures_table_marks_the_editors_columns_once_in_its_caption(data):
    """Every heading of the quotes-per-ingredient table carried its own "(red.)"; the caption now carries one, whose
    title names each column and the kind of the editors' work, and the headings stand bare."""
    chart = charts.quotes_per_ingredient(data)
    for table in each(_tables(chart)):
        heads = [th.get_text() for th in table.select("thead th")]
        assert not any(MARK in head for head in heads), heads
        mark = table.select_one("caption .kr-by")
        assert mark is not None and mark.get_text() == MARK, table.caption
        assert "redaktionens" in mark["title"] and "I alt" in mark["title"], mark["title"]


def test_a_table_with_one_editors_column_keeps_its_mark_on_that_heading():
    """The caption speaks for the table only where two or more of its columns are the editors': one stays marked."""
    said, heads = provenance.table_mark(["Ingrediens", "I alt (redaktionens optælling)", "Heraf Egedal (fremhævet)"])
    assert said == "" and heads == ["Ingrediens", f"I alt {MARK}", "Heraf Egedal (fremhævet)"]


def test_variants_whose_tables_read_alike_share_one_table(data):
    """Fourteen municipalities the chart cannot mark showed fourteen copies of the same table (and its marks)."""
    read = [(t.caption.get_text(), str(t.thead), str(t.tbody)) for t in _tables(charts.quotes_per_ingredient(data))]
    assert len(read) == len(set(read)), len(read)


def test_the_note_that_no_quote_is_tied_stands_in_the_filters_panel_not_among_the_quotes(data):
    """It stood in the legend over an ingredient page's cards, then after them on six pages (reader 24, #2); now in the
    panel the filter's button opens, where a reader meets the choice."""
    assert cards.UNTIED_NOTE not in cards.quote_list_legend(data).markup
    assert cards.UNTIED_NOTE not in cards.quotes_for_ingredient(data, "etablering-af-vi").markup
    assert cards.UNTIED_NOTE not in cards.quotes_in_section(data, "broer-stier-og-siloer").markup
    panel = BeautifulSoup(browser.browser_data(data)["control"], "html.parser").select_one(".kr-filter-body")
    assert cards.UNTIED_NOTE in panel.get_text(" ")


@pytest.mark.build
def test_no_built_page_says_that_no_quote_is_tied_but_the_filters_panel_does(built_site: Path):
    for page in each(sorted(built_site.rglob("*.html"))):
        assert cards.UNTIED_NOTE not in page.read_text(encoding="utf-8"), page.relative_to(built_site)
    assert cards.UNTIED_NOTE in (built_site / "_static" / browser.SCRIPT).read_text(encoding="utf-8")


@pytest.mark.build
def test_no_figure_table_on_a_built_page_marks_more_than_one_of_its_headings(built_site: Path):
    """A figure's table (its copies for each municipality included) marks the editors' columns once, in its caption,
    where two or more are theirs; a single editors' column keeps its own mark."""
    tables = [
        table
        for page in sorted(built_site.rglob("*.html"))
        for table in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("figure table.kr-table")
    ]
    for table in each(tables):
        assert sum(MARK in th.get_text() for th in table.select("thead th")) <= 1, table.caption


def test_the_filter_button_names_settings_only_where_its_panel_holds_them(data, tied_data):
    """The report's data tie no quote, so the panel holds no switch: its button was still named "Om valget og
    indstillinger"."""

    def name(folder) -> str:
        control = BeautifulSoup(browser.browser_data(folder)["control"], "html.parser")
        return control.select_one(".kr-filter-toggle-text").get_text()

    assert name(data) == "Om fremhævning"  # it holds words, no setting (ADR 79)
    assert name(tied_data) == "Fremhævning og indstillinger"


def test_a_facts_web_address_is_a_link_in_words(data):
    """kommuner/oversigt showed "https://sundeborgere.dk/indsatsomraade/kultur-og-sundhed/" as the link's text."""
    link = BeautifulSoup(lists.fact_with_link(data, "vidensportal").markup, "html.parser").a
    assert link is not None and link["href"].startswith("https://")
    assert link.get_text() == "Læs mere på sundeborgere.dk"


def test_the_accessibility_statement_speaks_to_a_citizen_without_developer_words():
    """ "axe-playwright-python", "vnu-jar", "label-content-name-mismatch" and "make test" stood in the statement's
    table; the tools are named once, in a line for the technical reader, without package names or commands."""
    statement = (REPO / "book" / "tilgaengelighed.md").read_text(encoding="utf-8")
    for word in each(("axe-playwright-python", "vnu-jar", "label-content-name-mismatch", "target-size", "make test", "`")):
        assert word not in statement, word
    assert len(re.findall(r"axe-core", statement)) == 1


# The report's two English passages and the pages that quote them (the WHO definition, the sign at Arken).
ENGLISH = {"baggrund": "A state of mental well-being", "afsluttende-betragtninger": "Where do we go from here?"}


def test_the_reports_english_passages_are_introduced_as_english_in_the_report(data):
    """A reader met two English passages without a word on why; the page now says the report gives them in English,
    and the quote stays the report's own, untranslated."""
    for page, opening in each(ENGLISH.items()):
        notebook = json.loads((REPO / "book" / f"{page}.ipynb").read_text(encoding="utf-8"))
        text = [("".join(cell["source"]), cell["cell_type"]) for cell in notebook["cells"]]
        quoted = next(i for i, (source, kind) in enumerate(text) if kind == "code" and f'"{page}"' in source)
        before = " ".join(source for source, kind in text[:quoted] if kind == "markdown")
        assert "på engelsk" in before.split("\n")[-1], page
        assert data.quotes["text"].str.startswith(opening).any(), opening


def test_a_charts_method_note_given_above_on_the_page_is_not_repeated(data, monkeypatch):
    """kommuner/sammenligning folded the same method note, "redaktionen har sat betegnelserne …", under three charts;
    the later ones say whose they are and point to the first."""
    monkeypatch.setenv(PAGE_VARIABLE, "kommuner/sammenligning")
    markup.forget_said()
    try:
        first, later = charts.art_forms_by_municipality(data), charts.target_groups_by_municipality(data)
        assert first.about == later.about and first.about
        notes = [BeautifulSoup(figures.figure_note(chart), "html.parser").get_text(" ") for chart in (first, later)]
    finally:
        markup.forget_said()
    assert first.about in notes[0] and first.about not in notes[1], notes
    assert later.whose in notes[1] and figures.AS_ABOVE in notes[1], notes
