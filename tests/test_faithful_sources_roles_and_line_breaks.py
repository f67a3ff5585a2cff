"""The last line-by-line reading's leftovers (issue 21): each test reads what the book publishes and checks
it against the report's own text."""

from __future__ import annotations

import csv
import io
import re
import urllib.parse
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import NOT_STATED, TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, lists
from kulturensrige.words import COUNT_WORDS, count_columns
from report_source import collapse, repair_hyphenation
from support.checks import each
from support.folders import with_inferred_ties, with_option

DATA = Path(__file__).resolve().parent.parent / "data"


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    return {(r["fil"], r["kolonne"]): r for r in rows}


def test_the_sources_file_credits_the_report_with_no_column_that_says_ikke_angivet(data, data_downloads):
    """#4: kilder.csv called publication.csv's year 'rapportens' while the year is 'ikke angivet': the report gives no
    year, so the absence is the report's silence, and the row says so, as it does for Figure 1's columns."""
    sources = _sources(data)
    files = data_downloads
    for name, table in each(list(TABLES.items())):
        rows = list(csv.DictReader(io.StringIO(files[table.file], newline="")))
        for column in table.columns:
            if any(r[column] == NOT_STATED for r in rows):
                assert sources[(table.file, column)]["hvis_ord"] != "rapportens", (name, column)
    year = sources[("publication.csv", "year")]
    assert "rapporten angiver udgivelsesåret" in year["hvis_ord"] and "figurens tabel" not in year["begrundelse"], year


def test_each_named_persons_role_stands_beside_the_name_in_the_report(data, report_text):
    """#4: Christa Breum Amhøj's role read 'facilitator af aktionslæringsforløbet fra Aktionsuniversitetet' under the
    heading 'Rolle (som i rapporten)'; the report writes 'facilitator af aktionslæringsforløbet Christa Breum Amhøj
    fra Aktionsuniversitetet'. Each role is the report's words right before or after the person's name."""
    report = _report(report_text)
    for person in each(list(data.resource_persons.itertuples())):
        beside = (f"{person.role} {person.name}", f"{person.name} {person.role}", f"{person.name}, {person.role}")
        assert any(words in report for words in beside), person


def _report_paragraphs(report_text: str) -> list[str]:
    """The report's paragraphs as its text sets them: a blank line between two."""
    return [collapse(p) for p in re.split(r"\n[ \t]*\n", repair_hyphenation(report_text)) if p.strip()]


def test_a_quote_the_report_sets_in_paragraphs_keeps_its_breaks_in_the_data(data, report_text):
    """#3: the field diary from the fourth workshop stands in the report as two paragraphs (a blank line between
    them; within each, the lines are the narrow box's wrapping), and the book ran them together. Every block of a
    quote's text between its line breaks lies within one of the report's paragraphs, and a quote that holds a break
    holds it where the report has one."""
    paragraphs = _report_paragraphs(report_text)
    broken = []
    for quote in each(list(data.quotes.itertuples())):
        blocks = [collapse(b) for b in quote.text.split("\n") if b.strip()]
        for block in blocks:
            assert any(block in p for p in paragraphs), (quote.quote_id, block[:60])
        if len(blocks) > 1:
            broken.append(quote.quote_id)
    assert broken == ["q013"]


def test_a_quotes_line_breaks_reach_the_card_and_the_edition_as_br_escaped(data):
    """#3: the card on the web and the card in a PDF edition show the quote's line breaks as <br>, each line escaped."""
    quotes = data.quotes
    diary = quotes[quotes["quote_id"] == "q013"]
    hostile = diary.assign(text="<b>fed</b>\n\nnæste & sidste")
    macro = editions.environment().get_template("macros.html").module.quote  # type: ignore[attr-defined]
    for turns, said in each(((diary, "betongulvet.<br><br>Farvekridtene"), (hostile, "&lt;b&gt;fed&lt;/b&gt;<br><br>næste &amp; sidste"))):
        assert said in cards.quote_card(data, turns)
        assert said in str(macro(editions.quote_item(data, turns)))


def _csv_links(markup: str) -> dict[str, list[list[str]]]:
    """{file name: rows} of every CSV download a piece of markup offers as a data: address."""
    found = {}
    for link in BeautifulSoup(markup, "html.parser").select("a[download]"):
        if link["href"].startswith("data:text/csv"):
            body = urllib.parse.unquote(link["href"].split(",", 1)[1]).removeprefix("\ufeff")
            found[link["download"]] = list(csv.reader(io.StringIO(body, newline="")))
    return found


def _mixed_columns(rows: list[list[str]]) -> list[tuple[str, list[str]]]:
    """(heading, the cells that are not plain digits) of every column that holds a plain number and something else."""
    mixed = []
    for i, heading in enumerate(rows[0]):
        cells = [r[i] for r in rows[1:]]
        if any(c.isdigit() for c in cells) and (words := [c for c in cells if c and not c.isdigit()]):
            mixed.append((heading, words))
    return mixed


def test_the_overview_tables_count_of_ties_downloads_as_a_number_with_its_words_beside_it(tied_data):
    """#2: tabel-kommuner.csv's 'Citater knyttet til kommunen' held '2, udledt af redaktionen' beside '0': a spreadsheet
    cannot sum it. The count column holds the number, the words stand in their own column, and kilder.csv names it."""
    (name, rows), *_ = _csv_links(str(lists.municipality_table(tied_data))).items()
    assert name == "tabel-kommuner.csv"
    assert _mixed_columns(rows) == []
    heading = next(h for h in rows[0] if h.startswith("Citater knyttet til kommunen") and not h.endswith(", i ord"))
    words = COUNT_WORDS.format(heading=heading)
    counts = {r[0]: (r[rows[0].index(heading)], r[rows[0].index(words)]) for r in rows[1:]}
    assert counts["Køge"] == ("1", "udledt af redaktionen") and counts["Rudersdal"] == ("0", "")
    assert sum(int(n) for n, _ in counts.values()) == int((tied_data.quotes["kommunekode"] != "").sum())
    assert (name, words) in _sources(tied_data)


def test_count_columns_splits_numbers_from_words_and_leaves_other_columns():
    """#2: the rule itself: Danish thousands as plain digits, a count word as its number, a reason with no number, and
    a column of labels or codes left as it is."""
    head, rows = count_columns(
        ["Navn", "Antal", "Kode"],
        [
            ["a", "1.295", "169"],
            ["b", "3 (2 angivet i rapporten, 1 udledt af redaktionen)", "230"],
            ["c", "én", "240"],
            ["d", NOT_STATED, "259"],
        ],
    )
    assert head == ["Navn", "Antal", "Antal, i ord", "Kode"]
    assert [r[1:3] for r in rows] == [["1295", ""], ["3", "2 angivet i rapporten, 1 udledt af redaktionen"], ["1", "én"], ["", NOT_STATED]]
    assert [r[3] for r in rows] == ["169", "230", "240", "259"]


@pytest.mark.build
def test_every_csv_the_built_book_links_to_has_count_columns_of_numbers_only(built_site: Path, tied_site: Path):
    """#2: every CSV the built book links to, the chart and table downloads on every page and the published tables:
    no column holds a plain number beside words (the chart tables' '1, udledt af redaktionen' did). The matrix of
    ingredients by municipality, whose counts said whose ties they were, is drawn only where quotes are tied: the
    tied site's."""
    for site, chart in each(((built_site, "citater-pr-ingrediens-alle.csv"), (tied_site, "ingrediens-kommune-alle.csv"))):
        files = {}
        for page in sorted(site.rglob("*.html")):
            files.update(_csv_links(page.read_text(encoding="utf-8")))
        for path in sorted((site / "_static" / "data").glob("*.csv")):
            files[path.name] = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
        assert len(files) > 40 and chart in files, site
        for name, rows in each(sorted(files.items())):
            assert _mixed_columns(rows) == [], (site, name)


PRECISE = "rapporten nævner rollen"


def _held_back(data) -> list[str]:
    """The quotes whose cards show a category where the report gives a role: tied, not cleared, with a role."""
    quotes = data.quotes
    return list(
        quotes.loc[(quotes["kommunekode"] != "") & (quotes["cleared"] != "ja") & (quotes["speaker_role"] != NOT_STATED), "quote_id"]
    )


def test_every_view_of_a_card_with_a_category_says_the_report_names_the_speaker_more_precisely(tied_data):
    """#1: a card tied by the editors showed 'Sundhedsområdet (redaktionens inddeling i stedet for talerens rolle …)',
    and a reader with the report found its role nowhere. The web card, its row in a long list, the explorer's card
    (the same macro) and the PDF edition's card say that the report names the speaker more precisely and why the book
    shows the category, and none names the role; an untied card shows the report's role and no such note."""
    held_back = _held_back(tied_data)
    assert held_back == ["q005", "q036", "q037"]
    macro = editions.environment().get_template("macros.html").module.quote  # type: ignore[attr-defined]
    quotes = tied_data.quotes
    for quote_id in each([*held_back, "q002"]):
        turns = quotes[quotes["quote_id"] == quote_id]
        role = turns["speaker_role"].iloc[0]
        web = BeautifulSoup(cards.quote_card(tied_data, turns), "html.parser").get_text(" ")
        row = " ".join(str(v) for v in cards.card_row(cards.card_context(tied_data, turns)))
        printed = BeautifulSoup(str(macro(editions.quote_item(tied_data, turns))), "html.parser").get_text(" ")
        for view in (web, row, printed):
            if quote_id == "q002":
                assert role in view and PRECISE not in view
            else:
                assert PRECISE in view and "anonymitetsreglen" in view
                assert role.casefold() not in view.casefold(), (quote_id, role)


def test_the_reports_roles_for_those_cards_stand_nowhere_in_the_book_not_even_apart_from_their_ties(tied_data, tmp_path):
    """#1, and reading 19's first finding: a table in the data chapter gave the report's roles for those cards with no
    municipality, named by the quote's first words, so a reader joined each role to the card's municipality and the
    rule's promise was undone. The card says the report names the speaker more precisely; no legend, table or kilder.csv
    points to the roles. An analyst's and a QDA project's roles are not published either."""
    assert "egne roller" not in str(cards.quote_list_legend(tied_data))
    why = _sources(tied_data)[("quotes.csv", "speaker_role")]["begrundelse"]
    assert "bogen gengiver den ikke noget sted" in why and "Data og genkørsel" not in why
    folder = tmp_path / "analytiker"
    with_inferred_ties(folder)
    with_option(folder, "kilde", "analytiker")
    analysts = load(folder)
    turns = analysts.quotes[analysts.quotes["quote_id"] == "q036"]
    assert "analytikerens data nævner rollen" in cards.quote_card(analysts, turns)
    # Ties (and so roles) from a QDA project in the report's folder are the project's, not the report's.
    folder = tmp_path / "qda"
    with_inferred_ties(folder)
    with_option(folder, "kommune_angivet_af", "qda-projekt")
    coded = load(folder)
    card = cards.quote_card(coded, coded.quotes[coded.quotes["quote_id"] == "q036"])
    assert "QDA-projektet nævner rollen" in card and "rapporten" not in card


@pytest.mark.build
def test_the_built_data_chapter_names_none_of_the_withheld_roles_and_the_cards_say_why(tied_site: Path, tied_data):
    """#1: the built data chapter (which the whole-book PDF prints) lists none of the roles the cards hold back; a
    built card says that the report names the speaker more precisely. Only a tied quote's role is held back: the
    tied site's (the report's data tie none)."""
    chapter = BeautifulSoup((tied_site / "om-data" / "genkoersel.html").read_text(encoding="utf-8"), "html.parser").get_text(" ")
    quotes = tied_data.quotes.set_index("quote_id")
    for quote_id in each(_held_back(tied_data)):
        assert quotes.loc[quote_id, "speaker_role"].casefold() not in chapter.casefold(), quote_id
    page = (tied_site / "ingredienser" / "gnist-og-flamme.html").read_text(encoding="utf-8")
    assert PRECISE in page
