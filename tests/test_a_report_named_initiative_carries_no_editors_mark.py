"""Issue 22 (marks22): "(red.)" stood on every initiative card's label line ("Køge · Prøvehandling (red.)"), the same
after the report's own names (Gang i gården, Rødder, ”Cooltur”-cafeer, Projekt Kulturligvis) as after the editors'
titles. A name the report gives is the report's and carries no mark, on a page, side by side or in print; an editors'
title carries one after it wherever it stands (ADR 61, which ended ADR 55's one note for a block of editors' titles)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison
from kulturensrige.rules import filters
from support.checks import each

MARK = provenance.owner_mark(provenance.EDITORS_SHORT)
SHORT = re.compile(r"(?<![»„])\(red\.\)")


def test_the_report_prints_each_name_the_data_call_its_own_in_quotation_marks_or_as_a_numbered_item(data, report_text: str):
    """Checked against the report's text (the s23 brief; reading s24, F4 added the numbered item, "2) Fem
    foreningsdage i Slagslunde", whose words are the report's): each title the data call the report's stands there as
    a quoted name or as an item of a numbered list, and no title the data call the editors' does."""
    text = re.sub(r"\s+", " ", re.sub(r"-\n", "", report_text))
    for row in each(list(data.initiatives.itertuples())):
        # A title that holds the report's own quotation marks (”Cooltur”-cafeer) stands in it as it is.
        quoted = row.title in text if "”" in row.title else re.search(rf"[”’\"]{re.escape(row.title)}[”’\"]", text)
        item = re.search(rf"\d\) (?:[Ee][nt] )?(?i:{re.escape(row.title[0])}){re.escape(row.title[1:])}(?=[ .,;(]|$)", text)
        assert bool(quoted or item) == (row.title_basis == "stated"), row.title


def test_a_card_marks_only_a_title_the_editors_gave(data):
    unnamed = set(data.organisations.loc[data.organisations["name_in_report"] == "", "organisation_id"])
    for code in each([filters.ALL, *data.municipalities["kommunekode"]]):
        soup = BeautifulSoup(str(cards.initiative_list(data, code)), "html.parser")
        rows = filters.initiatives(data, code)
        for row in each(list(rows.itertuples())):
            card = soup.select_one(f"#indsats-{row.initiative_id}")
            assert not SHORT.search(card.select_one(".kr-card-kicker").get_text()), (code, row.title)
            in_title = SHORT.findall(card.select_one(".kr-card-title").get_text())
            assert len(in_title) == (1 if row.title_basis == "inferred" else 0), (code, row.title)
            marks = [m for m in card.select(".kr-by") if SHORT.search(m.get_text())]
            # Besides its title, only an organisation the report gives no name carries the editors' title mark (ADR 81,
            # words26b), and a status the editors read carries its own (ADR 100, reader28 F1). A card without one where
            # its list does not say so once before its cards (ADR 109, reading30 #1) no longer carries „(red.)“: it
            # says in full words that the editors give none (ADR 121, reading32 #11).
            status = int(cards.status_read(data, row))
            assert len(marks) == len(in_title) + len(unnamed & set(row.organisation_ids)) + status, (code, row.title, marks)
            none_given = [m for m in card.select(".kr-by") if m.get_text() == provenance.owner_mark(provenance.NO_STATUS_GIVEN)]
            assert len(none_given) == int(not cards.status_read(data, row) and not cards.statuses_said(data, rows)), (code, row.title)
        # The block says once, after its cards, whose the rest is: one mark and its words folded under it.
        note = soup.select(".kr-whose-note")[-1]
        assert SHORT.findall(note.select_one("summary").get_text()) == [MARK], code
        said = note.get_text()
        assert "titel" not in said.split("ikke rapportens")[0], (code, said[:120])


def test_side_by_side_and_in_print_a_reports_name_stands_bare_and_an_editors_title_carries_the_printed_mark(data):
    columns = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    for row in each(list(data.initiatives.itertuples())):
        item = next(
            li for li in columns.select(f"[data-compare='{row.kommunekode}'] ul li") if row.title in li.get_text().replace("\u00ad", "")
        )
        assert bool(SHORT.search(item.get_text())) == (row.title_basis == "inferred"), row.title
        printed = next(i["title"] for i in editions.initiative_items(data, row.kommunekode) if i["id"] == row.initiative_id)
        # Print carries the page's short mark after an editors' title, keyed once per chapter (ADR 81), no longer its full words.
        mark = provenance.printed_mark(data.options, cards.TITLE_VALUE)
        assert mark == MARK
        assert printed == (f"{row.title} {mark}" if row.title_basis == "inferred" else row.title), printed
