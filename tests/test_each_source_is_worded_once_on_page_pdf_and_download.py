"""Whose word it is, in one wording on the page, in the PDF and in the download (the s22 reading, #1, #2 and #9):
an ingredient's long description is the editors' retelling and says so everywhere kilder.csv does; the data
dictionary says what the downloads and the pages write for a provenance code; a table offered for one municipality
says that its totals are every municipality's."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import PUBLISHED_CODES
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, lists
from kulturensrige.rules.filters import ALL
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    return {(r["fil"], r["kolonne"]): r for r in rows}


def _edition_text(data, kommunekode: str) -> str:
    page = editions.municipality_edition(data, kommunekode, STAMP, editions.EditionCharts.compute(data), "plotly.min.js")
    return BeautifulSoup(page, "html.parser").get_text(" ")


def test_an_ingredients_description_is_the_editors_words_in_kilder_and_stands_bare_under_the_rule_on_page_and_pdf(data):
    """ADR 70 (reading s24, F5) changed the expectation: kilder.csv still calls the column the editors' words; the page
    and the edition say once that their text is the editors' retelling (provenance.retelling_rule), so the
    description carries no mark in either, and the edition says the rule on its cover."""
    whose = _sources(data)[("ingredients.csv", "description")]["hvis_ord"]
    assert whose == provenance.retold_label(data.options) == "redaktionens ord"
    printed = " ".join(_edition_text(data, "751").split())
    assert " ".join(provenance.retelling_rule(data.options).split()) in printed  # as printed: its spaces as one
    for row in each(list(data.ingredients.itertuples())):
        page = BeautifulSoup(str(lists.ingredient_description(data, row.ingredient_id)), "html.parser")
        told = page.select("p")[1]
        assert told.get_text(" ", strip=True).startswith(row.description[:60]), row.ingredient_id
        assert not page.select(".kr-by"), row.ingredient_id
        assert f"{' '.join(row.description.split())} ({whose})" not in printed, row.ingredient_id
        assert " ".join(row.description.split()) in printed, row.ingredient_id


def test_the_dictionary_says_what_the_downloads_pages_and_pdfs_write_for_a_provenance_code(data):
    dictionary = (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    assert "med sidernes ord" not in dictionary
    assert f"„{provenance.owner_mark(provenance.EDITORS_SHORT)}“" in dictionary
    for value in each([v for v in PUBLISHED_CODES if v != "quotes.attribution"]):
        # One mark on the pages and in the PDFs alike (provenance.marks_said; reading 31, #3).
        said = provenance.marks_said(data.options, value)
        table, _, column = value.partition(".")
        row = next(line for line in dictionary.splitlines() if line.startswith(f"| {column} |") and said in line)
        inferred = provenance.code_words(data.options, value, "inferred")
        assert f"inferred = „{inferred}“" in row, row
    # kilder.csv names an inferred title by the same words the dictionary gives the PDFs.
    title = _sources(data)[("initiatives.csv", "title")]["begrundelse"]
    assert provenance.value_label(data.options, "initiatives.title_basis") in title


def test_a_municipalitys_table_of_quotes_per_ingredient_says_its_totals_are_every_municipalitys(data):
    chart = charts.quotes_per_ingredient(data)
    page = BeautifulSoup(str(chart.html()), "html.parser")
    link = page.select_one('a[download="citater-pr-ingrediens-259.csv"]')
    assert link is not None
    header = next(csv.reader(io.StringIO(unquote(link["href"].split(",", 1)[1]).lstrip("\ufeff"))))
    assert header[1] == provenance.count_heading(data.options, "citater-pr-ingrediens", "I alt, alle kommuner"), header
    everyone = page.select_one('a[download="citater-pr-ingrediens.csv"]')
    if everyone is not None:
        assert "alle kommuner" not in unquote(everyone["href"]).splitlines()[0]
    assert "I alt, alle kommuner" in _edition_text(data, "259")


def test_an_editors_basis_reads_in_the_download_as_the_pdf_prints_it_after_the_value_and_reads_back_as_its_code(
    data, data_downloads, tmp_path: Path
):
    """Reading 25, finding 5: an editors' title stood "(redaktionens titel)" in the PDF but title_basis = "udledt af
    redaktionen" in initiatives.csv, and a workshop's form "fysisk (redaktionens læsning)" but mode_basis = "udledt af
    redaktionen": one editorial value, two wordings. The download writes the label the PDF prints (value_label), and
    read back as a data folder it is the code again. Since ADR 81 a printed title carries the short mark, and the
    edition's chapter key says it in the download's words ('„(red.)“ efter en titel: redaktionens titel')."""
    published = data_downloads
    rows = {
        name: {r[key]: r for r in csv.DictReader(io.StringIO(published[name], newline=""))}
        for name, key in (("initiatives.csv", "initiative_id"), ("programme_events.csv", "event_id"))
    }
    title_label = provenance.value_label(data.options, "initiatives.title_basis")
    form_label = provenance.value_label(data.options, "programme_events.mode_basis")
    assert (title_label, form_label) == ("redaktionens titel", "redaktionens læsning")
    visits = rows["initiatives.csv"]["koege-musikalske-besoeg"]
    assert visits["title_basis"] == title_label
    assert rows["initiatives.csv"]["koege-gang-i-gaarden"]["title_basis"] == "angivet i rapporten"
    assert rows["programme_events.csv"]["workshop-5"]["mode_basis"] == form_label
    printed = " ".join(_edition_text(data, "259").replace("\xad", "").split())
    assert f"{visits['title']} {provenance.printed_mark(data.options, 'initiatives.title_basis')}" in printed
    assert provenance.mark_key((provenance.TITLE_KEY, title_label))[:-1] in printed  # the chapter's key goes on after it
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet")
    assert back.initiatives.set_index("initiative_id").at["koege-musikalske-besoeg", "title_basis"] == "inferred"
    assert back.programme_events.set_index("event_id").at["workshop-5", "mode_basis"] == "inferred"


def test_an_editors_tie_to_an_ingredient_reads_in_quotes_csv_as_its_card_says_it_and_reads_back_as_its_source(
    data, data_downloads, tmp_path: Path
):
    """Reading 25, finding 5: quotes.csv's ingredient_source said „redaktionen“ where the card (page and PDF) says
    „Koblingen til ingrediensen: redaktionens læsning, ikke rapportens“. The download writes the card's words
    (provenance.ingredient_tie), and read back as a data folder each cell is its source code again."""
    published = data_downloads
    rows = {r["quote_id"]: r for r in csv.DictReader(io.StringIO(published["quotes.csv"], newline=""))}
    editors = data.quotes[data.quotes["ingredient_source"] == provenance.BY_EDITORS]
    assert len(editors)
    for quote in each(list(editors.itertuples())):
        assert rows[quote.quote_id]["ingredient_source"] == provenance.ingredient_tie(provenance.BY_EDITORS)
        line, _ = cards.ingredient_tie_line([dict(quote._asdict())])
        assert line.endswith(f": {rows[quote.quote_id]['ingredient_source']}."), line
    own = data.quotes["ingredient_source"].isin(["", provenance.BY_REPORT])
    reports = data.quotes[own & (data.quotes["ingredient_ids"].map(len) > 0)]
    assert {rows[q]["ingredient_source"] for q in reports["quote_id"] if q in rows} == {provenance.ingredient_tie(provenance.BY_REPORT)}
    assert provenance.BY_EDITORS not in {r["ingredient_source"] for r in rows.values()}
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet").quotes.set_index("quote_id")["ingredient_source"]
    for quote in editors["quote_id"]:
        assert back[quote] == provenance.BY_EDITORS
    assert set(back) <= {provenance.BY_EDITORS, provenance.BY_REPORT, ""}


def test_the_dictionary_gives_each_provenance_columns_mark_as_the_pages_and_every_pdf_print_it(data):
    """Reading 31, #3: the dictionary said „Selve værdien markerer siderne „(red.)“ og PDF'erne „(redaktionens
    læsning)““, where the whole-book PDF (the pages printed) sets „(red.)“ after a status and a workshop's form stood
    „fysisk (redaktionens læsning)“ on its page as in print. The dictionary now says one mark for pages and PDFs, and
    that mark is what the page's table, the cards and a municipality's PDF print."""
    dictionary = (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    assert "Selve værdien markerer siderne" not in dictionary
    form = provenance.marks_said(data.options, "programme_events.mode_basis")
    mark = provenance.owner_mark(provenance.value_label(data.options, "programme_events.mode_basis"))
    assert f"„{mark}“" in form and form in dictionary
    table = charts.programme_timeline(data).variants[ALL].table
    assert any(str(cell).endswith(f" {mark}") for cell in table.iloc[:, 1]), table
    title = provenance.marks_said(data.options, "initiatives.title_basis")
    short = provenance.owner_mark(provenance.EDITORS_SHORT)
    assert f"„{short}“" in title and title in dictionary
    printed = " ".join(_edition_text(data, "259").replace("\xad", "").split())
    visits = data.initiatives.set_index("initiative_id").loc["koege-musikalske-besoeg"]
    assert visits.title_basis == "inferred" and f"{visits.title} {short}" in printed
