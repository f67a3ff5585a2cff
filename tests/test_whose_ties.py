"""Whose tie is it: a quote's ingredients, and the counts of ties, say whose word they are (issue 21)."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.problems import DataError
from kulturensrige.data.publishing import SOURCES_FILE, SOURCES_HEADER, published_files
from kulturensrige.data.schema import EDITORIAL_VALUES, TABLES
from kulturensrige.render import cards, charts, comparison, lists
from kulturensrige.rules import attribution, statistics
from support.checks import each
from support.folders import with_option

REPO = Path(__file__).resolve().parent.parent


def test_the_tie_count_words_the_one_quote_tally_and_counts_nothing_itself(tied_data):
    """lists.tie_counts recounted the 36 quotes the tally already gives: the sentence is worded from the tally alone,
    so a tally that says otherwise changes the sentence and the two can never disagree."""
    tally = statistics.quote_tally(tied_data)
    said = attribution.tie_counts(tally, tied_data.options)
    assert f"er {tally.own} fra rapportens eget materiale" in said
    assert f"for {tally.inferred} af de {tally.own} er kommunen udledt af redaktionen" in said
    other = dataclasses.replace(tally, total=tally.total + 10, inferred=tally.inferred + 1)
    said = attribution.tie_counts(other, tied_data.options)
    assert f"Af bogens {tally.total + 10} citater er {tally.own + 10}" in said and f"for {tally.inferred + 1} af de" in said
    help_text = attribution.filter_help(dataclasses.replace(tally, stated=3), tied_data.options)
    assert re.match(r"3 citater er knyttet til en kommune", help_text), help_text


def _text(markup: object) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def _card(data, quote_id: str) -> str:
    return cards.quote_card(data, data.quotes[data.quotes["quote_id"] == quote_id])


def test_a_card_says_when_its_tie_to_an_ingredient_is_the_editors_and_why(data):
    """Finding 6: q005 stands in "Broer, stier og krakelerede siloer"; its tie to Etablering af "vi" is the editors'
    reading, and its card says so, with the reason, as a card with an inferred municipality does."""
    card = BeautifulSoup(_card(data, "q005"), "html.parser")
    assert card.select_one(".kr-ingredient-tie").get_text() == "Koblingen til ingrediensen: redaktionens læsning, ikke rapportens."
    # ADR 100: the line is the summary that opens the reason (reader28, F1: line and „Hvorfor denne kobling?“ both).
    reasons = [d.get_text(" ") for d in card.select("details.kr-rationale") if d.select_one("summary.kr-ingredient-tie")]
    assert any("Broer, stier og krakelerede siloer" in r for r in reasons) and "Hvorfor denne kobling?" not in card.get_text()
    for quote_id in each(("q009", "q029", "q030")):  # the report's own ties: in the section, or tied in its words
        assert BeautifulSoup(_card(data, quote_id), "html.parser").select_one(".kr-ingredient-tie") is None


def test_the_ingredient_pages_and_figures_count_only_the_reports_own_ties_as_the_reports(tied_data):
    """'Citaterne, rapporten selv knytter til ingrediensen' and 'Figuren tæller de citater, rapporten bruger …'
    stood over Etablering af "vi"'s five quotes, one of them the editors' tie: every count names whose ties it counts."""
    assert cards.ingredient_intro(tied_data, "etablering-af-vi") == (
        "Bogen tæller 4 citater, som rapporten selv knytter til ingrediensen; redaktionen "
        "knytter 1 citat til den (en læsning, ikke rapportens)."
    )
    assert cards.ingredient_intro(tied_data, "gnist-og-flamme").startswith(
        "Bogen tæller 8 citater, som rapporten selv knytter til ingrediensen."
    )
    for notebook in each(sorted((REPO / "book" / "ingredienser").glob("*.ipynb"))):
        assert "rapporten selv knytter til" not in notebook.read_text(encoding="utf-8"), notebook.name
    whose = "redaktionen knytter 1 citat til dem (en læsning, ikke rapportens)"
    for chart in each((charts.quotes_per_ingredient(tied_data), charts.ingredient_municipality_matrix(tied_data))):
        said = "bogen tæller 29 citater, som rapporten selv knytter til ingredienserne; "
        assert said + whose in chart.note, chart.figure_id
    overview = _text(lists.ingredient_cards(tied_data))
    # Each card gives its total, then whose its shares are (reader 26, #9).
    assert (
        "5 citater underbygger ingrediensen Rapporten knytter selv 4 af dem til ingrediensen; redaktionen knytter 1 af dem til den"
        in overview
    )
    assert whose in overview
    profile = _text(lists.municipality_ingredients(tied_data, "760"))  # Ringkøbing-Skjern: q005 and q036
    assert "1 citat udledt af redaktionen; koblingen til ingrediensen: redaktionens læsning, ikke rapportens" in profile
    compared = _text(comparison.compare_view(tied_data))
    assert "Etablering af ”vi” (1 citat; koblingen: redaktionens læsning, ikke rapportens)" in compared


def test_an_edition_says_whose_the_ties_to_each_ingredient_are(tied_data):
    from kulturensrige.edition import editions

    first = editions.ingredient_items(tied_data, "760")[0]
    assert first["ties"].startswith("Bogen tæller 4 citater, som rapporten selv knytter til ingrediensen; redaktionen knytter 1 citat")
    assert [q["ingredient_tie"] for q in first["own"]] == ["Koblingen til ingrediensen: redaktionens læsning, ikke rapportens."]
    assert charts.ingredient_ties_note(tied_data) in editions.edition_sources(tied_data)["quotes_figure_about"]


def test_the_quotes_download_says_whose_each_tie_to_an_ingredient_is(data, data_downloads):
    rows = {r["quote_id"]: r for r in csv.DictReader(io.StringIO(data_downloads["quotes.csv"], newline=""))}
    # In the cards' words (reading 25, finding 5), not the data folder's source codes.
    editors, own = "redaktionens læsning, ikke rapportens", "rapportens egen"
    assert rows["q005"]["ingredient_source"] == editors and "Broer, stier" in rows["q005"]["ingredient_rationale"]
    assert rows["q029"]["ingredient_source"] == own and rows["q001"]["ingredient_source"] == ""


def test_a_tie_the_editors_make_needs_its_reason_and_a_source_needs_a_tie(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    quotes = folder / "quotes.csv"
    text = quotes.read_text(encoding="utf-8")
    reason = text.split("\n")[5].split(",redaktionen,", 1)[1].split('",', 1)[0] + '"'
    text = text.replace(f",redaktionen,{reason},", ",redaktionen,,", 1)
    text = text.replace("aktionslaering,,,,", "aktionslaering,,rapporten,,", 1)  # q002 has no ingredient
    quotes.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    said = [str(p) for p in caught.value.problems]
    assert any("ingredient_rationale" in p and "redaktionen knytter citatet" in p for p in said), said
    assert any("ingredient_source" in p and "ingen ingrediens" in p for p in said), said


def _sources(text: str) -> dict[tuple[str, str], dict[str, str]]:
    return {(r["fil"], r["kolonne"]): r for r in csv.DictReader(io.StringIO(text, newline=""))}


def test_the_sources_file_says_whose_every_published_column_is(data, data_downloads):
    """Finding 13: the downloads carried Kommunekode, Region, Udgangspunkt, status, 'Slags organisation' … without
    saying whose they are. kilder.csv beside them names, for every column of every file, whose word it is in the
    pages' words, and the editors' reason where it is theirs."""
    files = data_downloads
    sources = _sources(files[SOURCES_FILE])
    assert list(csv.reader(io.StringIO(files[SOURCES_FILE], newline="")))[0] == SOURCES_HEADER
    assert {(t.file, c) for t in TABLES.values() for c in t.columns} <= set(sources)
    for value in each([v for v in EDITORIAL_VALUES if not v.startswith("figur:")]):
        table, column = value.split(".")
        row = sources[(TABLES[table].file, column)]
        assert row["hvis_ord"] == provenance.value_label(data.options, value) and row["begrundelse"], value
    for pair in each((("municipalities.csv", "kommunekode"), ("initiatives.csv", "status"), ("organisations.csv", "kind"))):
        assert sources[pair]["hvis_ord"].startswith("redaktionens"), pair
    assert sources[("municipalities.csv", "starting_point")]["hvis_ord"] == "redaktionens betegnelser"
    assert sources[("municipalities.csv", "region")]["hvis_ord"] == "redaktionens tilføjelse"
    assert sources[("statuses.csv", "label")]["hvis_ord"] == "redaktionens læsning"  # the labels the status column shows
    assert sources[("quotes.csv", "ingredient_ids")]["hvis_ord"] == "står i hver række i ingredient_source"
    assert sources[("citater-pr-ingrediens-*.csv", "alle")]["hvis_ord"] == "redaktionens optælling og inddeling"


def test_an_analysts_sources_file_never_credits_the_editors_or_the_report_with_the_analysts_values(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    with_option(folder, "kilde", "analytiker")
    sources = _sources(published_files(load(folder))[SOURCES_FILE])
    said = {r["hvis_ord"] for r in sources.values()}
    assert "analytikerens angivelse" in said
    assert not [w for w in said if w.startswith(("redaktionens", "rapportens"))], said
    # Nor in the reasons: the ties to ingredients and the texts in own words are the analyst's, not the report's or the book's.
    reasons = {r["begrundelse"] for r in sources.values()}
    assert not [r for r in reasons if "Redaktionens gengivelse med egne ord" in r or "rapportens (rapporten)" in r], reasons


@pytest.mark.build
def test_every_csv_the_built_book_links_to_is_utf8_with_its_documented_header_and_says_whose_each_column_is(built_site: Path):
    """Read every CSV the built book links to: the published tables (UTF-8, comma-separated, exactly the data
    dictionary's header, every column named in kilder.csv) and each table's own download (the page's headings, an
    editorial column named with its source, and the link to kilder.csv beside it)."""
    published = built_site / "_static" / "data"
    sources = _sources((published / SOURCES_FILE).read_text(encoding="utf-8-sig"))
    linked: set[Path] = set()
    downloads = 0
    for page in sorted(built_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("a[href]"):
            href = link["href"]
            if href.startswith("data:text/csv"):
                downloads += 1
                text = urllib.parse.unquote(href.split(",", 1)[1])
                head = next(csv.reader(io.StringIO(text, newline="")))
                for label in each(("Kommunekode", "Region", "Udgangspunkt", "Status", "Slags")):
                    assert label not in head, (page.name, head)  # an editorial column's heading names its source
                beside = link.find_parent(class_="kr-csv-line").select_one("a.kr-csv-sources")
                assert beside is not None and (page.parent / beside["href"]).resolve() == (published / SOURCES_FILE).resolve(), page
            elif href.split("#")[0].endswith(".csv"):
                linked.add((page.parent / urllib.parse.unquote(href.split("#")[0])).resolve())
    assert downloads >= 2 and (published / SOURCES_FILE).resolve() in linked
    assert linked >= {(published / t.file).resolve() for t in TABLES.values() if t.name in ("quotes", "municipalities")}
    for path in each(sorted(linked)):
        raw = path.read_bytes()
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))  # UTF-8, or this raises
        assert len({len(r) for r in rows}) == 1, path.name  # comma-separated: every row as wide as the header
        if path.name == SOURCES_FILE:
            assert rows[0] == SOURCES_HEADER
            continue
        table = next(t for t in TABLES.values() if t.file == path.name)
        assert rows[0] == table.columns, path.name
        assert all((path.name, column) in sources for column in rows[0]), path.name


def test_a_charts_tie_count_of_quote_ids_words_what_the_count_of_those_rows_does(data):
    """cards.attributed_counter reads the attributions once for a chart's many cells; each count must say what
    attributed_count says of the same quotes filtered out of the table: the same number, levels and order, ties
    between levels falling in the table's order whatever order the ids come in."""
    quotes = data.quotes
    inferred = list(quotes.loc[quotes["attribution"] == "inferred", "quote_id"])
    not_stated = list(quotes.loc[quotes["attribution"] == "not stated", "quote_id"])
    count = cards.attributed_counter(data)
    choices = [
        [],
        ["ikke-et-citat"],
        inferred[:1],
        not_stated[:3] + inferred[:3],
        inferred[:3] + not_stated[:3],
        list(reversed(not_stated[:2] + inferred[:2])),
        not_stated[:4] + inferred[:1] + not_stated[:4],
        list(quotes["quote_id"]),
    ]
    for ids in each(choices):
        assert count(iter(ids)) == cards.attributed_count(data, quotes[quotes["quote_id"].isin(ids)]), ids
