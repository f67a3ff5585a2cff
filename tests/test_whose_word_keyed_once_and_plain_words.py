"""Whose word it is, said once and briefly where it is needed, and no file names or codes in what a reader reads
(reader 18, #1 and #6; issue 21, reading 21 #5): a page keys the editors' short mark once instead of a label on every
paragraph, every editorial value keeps its mark, and the feet, covers and notes speak plain Danish."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.book import extension, page_source
from kulturensrige.data import provenance
from kulturensrige.data.schema import INFERENCE_RULE
from kulturensrige.edition import editions
from kulturensrige.render import cards, front_page, lists, markup
from kulturensrige.words import built
from support.checks import each

# Whose-word phrases a reader meets in view on one reader page, at most: the key, a tie's "udledt af redaktionen" and
# a count's "redaktionens optælling" where they matter. Before the key, etablering-af-vi said it 25 times.
MOST_IN_VIEW = 12
# The analysts' chapter (om-data) is about whose each value is; the other pages are what a reader of the report reads.
ANALYSTS = ("om-data/", "genindex", "search", "_")
MARK = provenance.owner_mark(provenance.EDITORS_SHORT)


def reader_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if not str(p.relative_to(site)).startswith(ANALYSTS)]


def in_view(page: Path) -> BeautifulSoup:
    """The page's article as a reader sees it before opening anything: no script, template, hidden part, or the
    inside of a closed fold (its summary stays)."""
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article")
    assert article is not None, page
    for gone in article.select("script, template, [hidden], [popover]"):
        gone.decompose()
    for fold in article.select("details:not([open])"):
        for child in list(fold.children):
            if getattr(child, "name", None) != "summary":
                child.extract()
    return article


@pytest.mark.build
def test_no_reader_page_says_whose_word_it_is_more_than_a_few_times_in_view(built_site: Path):
    """'(redaktionens gengivelse)' closed nearly every paragraph: 25 times on etablering-af-vi, 10 on a profile. The
    kinds are said once, in the page's key; the values carry the one-word mark."""
    for page in each(reader_pages(built_site)):
        said = len(re.findall("redaktion", in_view(page).get_text(" "), re.I))
        assert said <= MOST_IN_VIEW, (page.relative_to(built_site), said)


@pytest.mark.build
def test_every_editorial_value_on_a_profile_is_named_with_its_kind_in_the_blocks_one_note(built_site: Path, data):
    """The labels went, the marks stay: every editorial value of a profile's facts (code, region, starting point,
    summary) is the editors', its kind in the words of provenance.value_label: code and region said once after the
    facts under one '(red.)' (ADR 55), the starting point, the editors' grouping, marked at its own end (ADR 61, F5).
    ADR 70 (reading s24, F5) changed the summary's expectation: a retelling carries no mark; the page says once,
    under its title, that its text is the editors' retelling."""
    page = BeautifulSoup((built_site / "kommuner" / "profil-egedal.html").read_text(encoding="utf-8"), "html.parser")
    # The facts stand after the initiatives since ADR 90, in a block of their own; the lead stays under the title.
    note = page.select_one("article .kr-profile-facts .kr-whose-note")
    facts = page.select_one("article .kr-profile-facts")
    # ADR 100 (reader28, F1): code and region carry the mark with its kind as its title; the note gives the reasons.
    region = next(dt for dt in facts.select("dl.kr-facts dt") if dt.get_text(strip=True) == "Region").find_next_sibling("dd")
    # ADR 112 (reader31, #2): the code stands in the page's „Sådan er siden lavet“ fold, with the same mark.
    marked = {"region": region.select_one(".kr-by"), "kommunekode": page.select_one("details.kr-made .kr-code-line .kr-by")}
    for column, mark in marked.items():
        assert mark.get("title") == provenance.value_label(data.options, f"municipalities.{column}"), column
    assert note is not None and "Rapporten nævner ingen kommunekoder" in note.get_text()
    start = next(dt for dt in facts.select("dl.kr-facts dt") if dt.get_text(strip=True) == "Udgangspunkt")
    assert start.find_next_sibling("dd").select(".kr-by")[-1].get("title") == lists.starting_point_owner(data)
    assert not page.select_one("article .kr-profile p.kr-lead").select(".kr-by")
    assert page.select_one("article .kr-retelling-rule").get_text() == provenance.retelling_rule(data.options)
    assert note.select_one("summary .kr-by").get_text() == provenance.owner_mark(provenance.EDITORS_SHORT)


def test_an_editorial_value_on_a_web_card_carries_the_one_word_mark_and_a_download_the_full_one(data):
    """Pages mark the editors' values '(red.)' under the page's key; a PDF or a CSV row, lifted out, keeps the full
    label; an analyst's label, which no key explains, stays whole on the page too."""
    facts = BeautifulSoup(str(lists.municipality_facts(data, "240")), "html.parser")
    # ADR 100 (reader28, F1; ADR 55 said it once after the facts): the value carries the one-word mark, its kind its
    # title; the note under the one mark gives the reasons.
    note = facts.select_one(".kr-whose-note")
    assert note.select_one("summary .kr-by").get_text() == "(red.)"
    region = facts.select_one("dl.kr-facts dd .kr-by")
    assert region.get_text() == "(red.)" and region["title"] == "redaktionens tilføjelse"
    assert provenance.page_mark("analytikerens angivelse") == "(analytikerens angivelse)"
    assert provenance.owner_mark("redaktionens tilføjelse") == "(redaktionens tilføjelse)"


def test_a_block_of_the_editors_values_shows_its_mark_and_folds_the_words():
    """'Redaktionens inddeling, betegnelser, samling og læsning, ikke rapportens.' opened sections before their content:
    in view the mark, the words and the reasons one tap away."""
    whose = provenance.Whose("Redaktionens inddeling, ikke rapportens", "Fordi.", ())
    note = BeautifulSoup(markup.whose_note(whose), "html.parser")
    assert note.select_one("details > summary .kr-by").get_text() == MARK
    assert "Redaktionens inddeling, ikke rapportens. Fordi." in note.select_one("details p").get_text()
    assert not note.find("p", recursive=False)


def test_the_front_pages_findings_come_before_whose_they_are(data):
    """'Udvalgte fund' opened with 'ordene i »…« er rapportens, indledningen før dem er redaktionens' before any finding."""
    said = BeautifulSoup(front_page.findings(data), "html.parser")
    first = said.find(["p", "ul"])
    assert first.name == "ul" and "kr-findings" in first["class"]


def test_the_foot_of_a_chapter_names_no_file_and_no_data_folder(data, monkeypatch):
    """'Sådan er siden lavet' named vaerdiskabelser.ipynb, quotes.csv, options.csv and 'datamappen `data`': one closed
    line in plain Danish, the tables by their Danish names; the file names are the data chapter's."""
    monkeypatch.setenv(page_source.PAGE_VARIABLE, "vaerdiskabelser")
    data.tables.read = ["quotes", "options"]  # type: ignore[attr-defined]
    line = BeautifulSoup(str(page_source.how_made(data)), "html.parser").select_one("details.kr-made")
    said = line.get_text(" ", strip=True)
    assert not re.search(r"\.(ipynb|csv)\b|datamappen|<code>", said), said
    assert "citater" in said and "indstillinger" in said
    assert any(a["href"].endswith("_static/data/quotes.csv") for a in line.select("a"))


def test_the_foot_of_a_chapter_that_links_its_tables_says_where_whose_each_column_is_stands(data, monkeypatch):
    """The published tables keep the dictionary's bare column names (ADR 16), and whose each column is stands only in
    kilder.csv: a reader who took municipalities.csv from the foot line saw region and code as plain data (reading 25,
    finding 6). The line that links the tables links that file too."""
    monkeypatch.setenv(page_source.PAGE_VARIABLE, "vaerdiskabelser")
    data.tables.read = ["municipalities"]  # type: ignore[attr-defined]
    line = BeautifulSoup(str(page_source.how_made(data)), "html.parser").select_one("details.kr-made")
    told = [a for a in line.select("a") if a["href"].endswith("_static/data/kilder.csv")]
    assert told and told[0].get_text() == "det står kolonne for kolonne", line
    # Reading 30, #8: „Tabellerne har kun kolonnernes navne“ named neither the tables nor what „only names“ meant.
    assert (
        "I CSV-filerne står det ikke i hver celle, hvis ord værdien er; det står kolonne for kolonne i en særskilt fil." in line.get_text()
    )
    data.tables.read = []  # type: ignore[attr-defined]
    assert "kilder.csv" not in str(page_source.how_made(data))


def test_the_link_beside_a_download_says_what_it_gives_without_a_file_name():
    """'Hvis ord er kolonnerne? (kilder.csv)' under every comparison table."""
    said = BeautifulSoup(markup.sources_link(), "html.parser").get_text()
    assert not re.search(r"\.csv|\(", said) and "Hvem står bag hver kolonne" in said


def test_the_inference_rule_reads_in_danish_without_column_codes():
    """'(attribution = inferred)', '(attribution_rationale)' and '(not stated)' in the data chapter's prose."""
    assert not re.search(r"attribution|inferred|not stated|=", INFERENCE_RULE)


def test_the_footer_and_a_cover_say_when_in_plain_words_and_keep_the_folder_for_analysts(data):
    """'Bygget 6. december 2026 af datamappen »data«' on the PDF cover and every page's foot; the folder and its
    fingerprint stay, apart and smaller, for analysts."""
    assert built(dt.date(2026, 12, 6)) == "Bygget 6. december 2026."
    stamp = BeautifulSoup(extension.provenance_html(dt.date(2026, 12, 6)), "html.parser")
    assert stamp.get_text(" ", strip=True) == "Bygget 6. december 2026."


def test_an_editions_municipality_name_code_and_region_are_printed_once(data, edition_charts):
    """The PDF cover printed the name/code/region table and the first section printed it again."""
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 6))
    page = editions.municipality_edition(data, "376", stamp, edition_charts, "plotly.min.js")
    soup = BeautifulSoup(page, "html.parser")
    assert len(soup.find_all("dt", string="Kommunekode")) == 1
    assert len(soup.find_all("dt", string="Region")) == 1
    # The day follows the contents on the cover's page, with whose the edition is (ADR 90: one note before the contents).
    assert soup.select_one("nav.kr-toc ~ .kr-after-toc .kr-built").get_text(" ", strip=True) == "Bygget 6. december 2026."
    assert "„data“" in stamp.source  # the book's own term (ADR 48), in the edition's properties (ADR 108)


def test_guldborgsund_is_shown_as_the_official_name_with_the_reports_spelling_said(data):
    """Reading 21 #5: 'Guldborgsund (redaktionens stavning …)': it is the official spelling; the report writes
    'Guldborgssund'. Said so wherever the name is marked."""
    row = data.municipalities.set_index("kommunekode").loc["376"]
    mark = provenance.municipality_name_mark(data.options, row["name"], row["name_in_report"])
    assert mark == "officielt navn; rapporten staver det »Guldborgssund«"
    assert "redaktion" not in mark


def test_an_editions_statuses_are_marked_by_the_rule_the_profile_follows(data, edition_charts):
    """Reading 21 #5: the PDF marked every status '(redaktionens læsning)' while the profile's cards said it once over
    the block. Where every card's status has one source, the edition's block line says it and no card repeats it."""
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 6))
    page = editions.municipality_edition(data, "240", stamp, edition_charts, "plotly.min.js")
    soup = BeautifulSoup(page, "html.parser")
    labels = soup.select("section.kr-initiative dt")
    statuses = [label.find_next("dd").get_text(" ", strip=True) for label in labels if label.get_text() == "Status"]
    # ADR 100 (reader28, F1): the profile marks each status on its card, and so does the PDF, in full words.
    # A card without one says in the same full words on page and paper that the editors give none (ADR 121, reading32
    # #11): „(redaktionens læsning)“ after „ikke angivet i rapporten“ read as if they had read a status.
    rows = data.initiatives[data.initiatives["kommunekode"] == "240"]
    unread = sum(not cards.status_read(data, row) for row in rows.itertuples())
    given = f"{provenance.no_status(data.options)} {provenance.owner_mark(provenance.NO_STATUS_GIVEN)}"
    assert unread and statuses.count(given) == unread, statuses
    assert all(s.endswith("(redaktionens læsning)") for s in statuses if s != given), statuses
    assert len(statuses) == len(rows), statuses
    # The reasons stand in „Om kilderne“ at the end (issue 22: a 14-line note stood before the first one; ADR 51).
    notes = soup.select("section[aria-labelledby=indsatser] > p.kr-note")
    assert not any("Rapporten angiver ingen status" in note.get_text() for note in notes)
    assert "Rapporten angiver ingen status" in soup.find(id=editions.SOURCES_ID).find_parent("section").get_text()


def test_a_starting_point_is_marked_in_the_words_kilder_csv_gives_its_label_and_note(data):
    """Reading 21 #5: 'Fra bunden: … (redaktionens betegnelser)' on the profile, 'redaktionens ord' for the note in
    kilder.csv: the combined value names both, in kilder.csv's words, on the page and in the PDF."""
    facts = BeautifulSoup(str(lists.municipality_facts(data, "240")), "html.parser")
    # Marked at its own end, in kilder.csv's words (reading s23, F5; ADR 61).
    assert lists.starting_point_owner(data) == "redaktionens betegnelser og ord"
    dd = next(dt for dt in facts.select("dl.kr-facts dt") if dt.get_text(strip=True) == "Udgangspunkt").find_next_sibling("dd")
    assert dd.select(".kr-by")[-1]["title"] == "redaktionens betegnelser og ord"
