"""Reading 25 r2, finding 3: a card's status stood bare ("Status Gennemført"), as ADR 70 wants, but the note after the
list said only "Redaktionens inddeling, betegnelser, samling og læsning, ikke rapportens", naming no status; and where the
editors read no status the card said "Ikke angivet i rapporten: målgrupper, status.", as if the report gave statuses
elsewhere, while the PDF printed "Status ikke angivet". Every list of initiative cards with a status names the status in
its note. ADR 87 (reader 26, #2): a card without one shows no status line, on the page and in the PDF, where its list
says why once (cards.statuses_said); statuses.csv keeps the one wording (provenance.no_status), which a card without a
status says where others of its list show one (ADR 112)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.edition import editions
from kulturensrige.render import cards
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def test_every_list_with_a_status_names_the_status_in_its_note_and_no_unstated_line_names_it(data):
    for code in each(list(data.municipalities["kommunekode"])):
        page = BeautifulSoup(str(cards.initiative_list(data, code)), "html.parser")
        if "Status" not in page.get_text(" "):
            continue
        # ADR 100: each status carries its mark on its card; the note gives the reason, not a line naming it again.
        for status in (dt_.find_next_sibling("dd") for dt_ in page.find_all("dt", string="Status")):
            # A missing status says the editors give none (reading32, #11), alike on the page and in the PDFs.
            given = provenance.owner_mark(provenance.NO_STATUS_GIVEN)
            assert status.select_one(".kr-by").get_text() in ("(red.)", given), code
        assert provenance.reason("initiatives.status") in page.select(".kr-whose-note")[-1].get_text(), code
        assert not re.search(r"Ikke angivet i rapporten: [^.]*\bstatus\b", _text(page)), code


def test_a_card_without_a_status_shows_none_and_its_list_says_why_alike_on_the_page_and_in_the_pdf(data, data_downloads, edition_charts):
    # ADR 109 (reading 30, #2): the downloads say the one form of an absence, which names the report.
    said = provenance.no_status(data.options)
    assert said == provenance.folder_words(data.options).not_stated and "rapporten" in said
    statuses = {r["status_id"]: r["label"] for r in csv.DictReader(io.StringIO(data_downloads["statuses.csv"]))}
    charts = edition_charts
    unread = data.initiatives[data.initiatives["status"].map(statuses) == said]
    assert len(unread), statuses
    for row in each(list(unread.itertuples())):
        rows = data.initiatives[data.initiatives["kommunekode"] == row.kommunekode]
        # Why, before the cards where none shows a status, and no card says a status; else on the card itself, as its
        # status (ADR 109, reading 30, #1), in the downloads' one form: „Status ikke angivet i rapporten“, why said once
        # in the status rule under the list's „Hvorfor?“ (ADR 112, reader31, #1).
        said_ = cards.statuses_said(data, rows)
        read = sum(cards.status_read(data, r) for r in rows.itertuples())
        for shown in (
            _text(cards.initiative_list(data, row.kommunekode)),
            _text(editions.municipality_edition(data, row.kommunekode, STAMP, charts, "p.js")),
        ):
            if said_:
                assert f"Status {said}" not in shown and shown.count(said_.value) == 1, row.initiative_id
            else:
                assert shown.count(f"Status {said} (") == len(rows) - read, row.initiative_id
