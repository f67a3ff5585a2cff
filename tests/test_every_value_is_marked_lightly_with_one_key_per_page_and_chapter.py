"""Reader 25 r2, #3 (ADR 81): the book said whose every value is, but heavily. Every page opened with a four-line note
at 375 px; Køge's sixteen-page PDF said „redaktionens“ or „ikke rapportens“ sixty times, a sentence after every figure
and every list of quotes; the comparison's running text nested an editors' title's full words in brackets („… bænk
(redaktionens titel)) er ingen målgrupper“). Every value is still marked, but with the short mark, and the key stands
once: on a page one sentence whose mark opens the page's full key, in an edition once per chapter."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, figures
from kulturensrige.words import WHOSE_COLUMN
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

# The page's key in characters: two lines of the note's small type at 375 px hold about 90 (ADR 81 measured 2 lines,
# 45 px, on baggrund, gnist-og-flamme and profil-koege; the note it replaces was 4 lines, 90 px, and 180 characters).
KEY_BUDGET = 105


def test_the_pages_key_is_one_short_sentence_whose_mark_opens_the_pages_full_key(data):
    rule = provenance.retelling_rule(data.options)
    assert len(rule) <= KEY_BUDGET, len(rule)
    assert "»…«" in rule and provenance.owner_mark(provenance.EDITORS_SHORT) in rule


@pytest.mark.build
def test_every_reading_pages_key_holds_the_mark_that_opens_its_full_key(built_site: Path, data):
    ruled = 0
    for path in each(sorted(built_site.rglob("*.html"))):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for rule in page.select("article .kr-retelling-rule"):
            ruled += 1
            mark = rule.select_one("button.kr-red[popovertarget]")
            assert mark is not None, path
            assert page.find(id=mark["popovertarget"]) is not None, path
            assert squeeze(provenance.page_key()) in squeeze(page.find(id=mark["popovertarget"]).get_text(" ")), path
            assert len(" ".join(rule.get_text().split())) <= KEY_BUDGET, path
    assert ruled > 15


@pytest.mark.build
def test_no_page_names_an_editors_title_in_full_words_in_its_text(built_site: Path, data):
    """A sentence naming an editors' title marks it as its card does: „… bænk (red.)“, never „(redaktionens titel)“."""
    full = provenance.owner_mark(provenance.value_label(data.options, cards.TITLE_VALUE))
    found = []
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if full in text:
            found.append(path.relative_to(built_site).as_posix())
    assert not found


@pytest.mark.long
@pytest.mark.build
def test_an_edition_keys_its_marks_once_per_chapter_not_after_every_figure_list_and_point(report_site: Path):
    """The figures carry the mark after their number and their chapter's key says what it means; the lists of quote
    cards and the checklist's points say whose once for their chapter. No PDF spells an editors' title out."""
    data = load(REPO / "data")
    mark = provenance.owner_mark(provenance.EDITORS_SHORT)
    full = squeeze(provenance.owner_mark(provenance.value_label(data.options, cards.TITLE_VALUE)))
    pointer = squeeze(editions.SOURCES_POINTER)
    every_figure = squeeze(provenance.chart_whose(data.options, "kunstformer-kommune"))
    guide_label = provenance.value_label(data.options, "guide_recommendations.ingredient_ids")
    per_point = squeeze(f"{guide_label[0].upper()}{guide_label[1:]}:")
    for row in each(list(data.municipalities.itertuples())):
        text = pdf_text(report_site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
        # Three chapters (the municipality, the ingredients, the guide): at most one pointer to »Om kilderne« each.
        assert text.count(pointer) <= 3, (row.name, text.count(pointer))
        assert every_figure not in text, row.name
        assert re.search(re.escape(squeeze("1 " + mark + ".")), text), row.name  # "Diagram 1 (red.)." or "Tabel 1 …"
        assert per_point not in text and squeeze(f"Ingredienser {mark}:") in text, row.name
        assert full not in text, row.name
    whole = pdf_text(report_site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    assert full not in whole


@pytest.mark.build
def test_the_whole_book_points_to_om_kilderne_once_per_chapter_after_the_note_it_gives_the_reason_for(built_site: Path):
    """Reader 26, #1: the whole-book PDF printed „Begrundelsen står i „Om kilderne“ bagerst.“ 24 times, after every
    block whose reasons moved there. Reading 27, #6: printed once in the chapter's key at its end, it stood 17 times
    after prose that needs no reason, alone where the chapter had no mark (ADR 94). A chapter whose reasons moved says
    where they stand once, at the end of the first note whose reasons moved, and a chapter with no mark has no key."""
    pointed = 0
    mark = provenance.owner_mark(provenance.EDITORS_SHORT)
    for number_, chapter in enumerate(each(editions.book_chapters(built_site)), start=1):
        sources: list[tuple[str, str]] = []
        article = BeautifulSoup(str(editions.printable_article(built_site, chapter, number_, "", {}, sources)), "html.parser")
        key = article.select_one(".kr-key")
        marked = any(mark in s for s in article.find_all(string=True) if key is None or key not in s.parents)
        assert (key is not None) == marked, chapter.path
        said = [p for p in article.find_all("p") if "Begrundelsen" in p.get_text()]
        if not sources:
            assert said == [], chapter.path
            continue
        pointed += 1
        assert len(said) == 1, (chapter.path, [p.get_text() for p in said])
        assert said[0].find_parent(class_="kr-key") is None, chapter.path
        note = " ".join(said[0].get_text().split())
        assert note.endswith(editions.SOURCES_POINTER), (chapter.path, note)
        if note == editions.SOURCES_POINTER:  # a chart whose note was only its reasons: the pointer is its note
            assert said[0].find_parent("figure") is not None, chapter.path
        else:  # the line of the note it gives the reason for
            assert {"kr-whose", "kr-figure-note"} & set(said[0].get("class", [])), (chapter.path, note)
    assert pointed >= 10  # the initiatives, the municipalities' codes and the editors' diagrams, in most chapters


def test_an_editions_table_whose_every_column_is_the_editors_says_whose_once_in_its_caption(data, edition_charts):
    """Reader 26, #9: a municipality's PDF printed „Kunstformer og aktiviteter pr. kommune (redaktionens optælling)“
    over a first column „Kunstform/aktivitet (redaktionens betegnelser)“. Where every column is the editors', the
    caption says whose the table is once, in its download's words (kilder.csv), and no heading says it again."""
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 6))
    made = edition_charts
    whose = {provenance.chart_label(data.options, c) for c in ("kunstformer-kommune", "maalgrupper-kommune")}
    for code in each(list(data.municipalities["kommunekode"])):
        page = BeautifulSoup(editions.municipality_edition(data, code, stamp, made, "plotly.min.js"), "html.parser")
        owned = [t for t in page.select("table") if t.caption and any(t.caption.get_text().endswith(f"({w})") for w in whose)]
        # A table in which the municipality has nothing is a line in its edition (ADR 102).
        lines = len(page.select(".kr-figure-elsewhere"))
        assert len(owned) == 2 - lines, (code, [t.caption.get_text() for t in page.select("table") if t.caption])
        for table in owned:
            headings = [" ".join(th.get_text().split()) for th in table.select("thead th")]
            assert [h for h in headings if provenance.bare_heading(h) != h] == [], (code, headings)


def test_a_figures_csv_whose_every_column_is_the_editors_has_one_plain_header_row_and_says_whose_in_every_row(data, data_downloads):
    """Reader 26, #9: „Hent tabellen som CSV“ gave „Køge (redaktionens optælling)“, „Høje-Taastrup (redaktionens
    optælling)“ … as a spreadsheet's column names. Where every column is the editors', the names are bare and one
    column says whose the row is, in kilder.csv's words for the file (its row „alle“)."""
    published = csv.DictReader(io.StringIO(data_downloads[SOURCES_FILE].lstrip("\ufeff"), newline=""))
    sources = {row["fil"]: row["hvis_ord"] for row in published if row["kolonne"] == "alle"}
    for chart in each([charts.art_forms_by_municipality(data), charts.target_groups_by_municipality(data)]):
        hrefs = re.findall(r'href="data:text/csv;charset=utf-8,([^"]*)"', str(figures.embed(chart)))
        assert hrefs, chart.figure_id
        rows = list(csv.reader(io.StringIO(unquote(hrefs[0]).lstrip("\ufeff"))))
        assert [h for h in rows[0] if provenance.bare_heading(h) != h] == [], rows[0]
        assert rows[0][-1] == WHOSE_COLUMN, rows[0]
        assert {row[-1] for row in rows[1:]} == {sources[f"{chart.figure_id}-*.csv"]}, chart.figure_id
