"""Gang i gården (Køge): the report names no target group for the event, only its purpose, "at sætte fokus på
fællesskaber, bibliotekets tilbud til særligt seniorer og den lokale seniorklub" (L128-129). Wherever the book shows or
counts an initiative's target groups (its card on the profile and in the PDF edition, the side-by-side columns, the
table of target groups per municipality), a reader meets the purpose there, worded from the initiative's own
description in the words of whoever prepared the data (ADR 44, addendum)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, comparison
from support.checks import each
from support.folders import with_option

REPO = Path(__file__).resolve().parent.parent
PURPOSE = "at sætte fokus på fællesskaber, bibliotekets tilbud til særligt seniorer og den lokale seniorklub"
# The report's words, in »…« wherever they stand (reading 25, finding 4).
SAID = f"ikke angivet i rapporten (kun formålet er oplyst: »{PURPOSE}«)"
STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def _row(data, initiative_id: str):
    return next(r for r in data.initiatives.itertuples() if r.initiative_id == initiative_id)


def _target_groups(data, row) -> str:
    return dict(cards.initiative_facts(data, row))["Målgrupper"]


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).replace("\xad", "").split())


def test_a_card_without_target_groups_says_the_report_names_none_and_gives_the_purpose_its_description_states(data):
    gang = _row(data, "koege-gang-i-gaarden")
    assert gang.target_group_ids == ()
    assert _target_groups(data, gang) == SAID
    # From the description, not from the initiative's name: another purpose is said in its place.
    other = gang._replace(description="Et arrangement. Formålet er at samle byen om musik.")
    assert _target_groups(data, other) == "ikke angivet i rapporten (kun formålet er oplyst: at samle byen om musik)"
    # No purpose, or target groups of its own: the card says what it said before.
    assert _target_groups(data, _row(data, "koege-musikalske-besoeg")) == "ikke angivet"
    slagslunde = _row(data, "egedal-foreningsdage-slagslunde")
    assert "Formålet har været" in slagslunde.description  # the report's tense (reading s24, F1)
    assert _target_groups(data, slagslunde) == "Lokalområdets beboere på tværs af generationer, Tilflyttere"


def test_an_analysts_book_says_the_analyst_names_no_target_group_and_credits_the_report_with_nothing(tmp_path: Path):
    folder = Path(shutil.copytree(REPO / "data", tmp_path / "analytiker"))
    with_option(folder, "kilde", "analytiker")
    analysts = load(folder)
    said = _target_groups(analysts, _row(analysts, "koege-gang-i-gaarden"))
    assert said == f"ikke angivet af analytikeren (kun formålet er oplyst: »{PURPOSE}«)"


def test_the_columns_side_by_side_and_the_table_of_target_groups_give_the_purpose_where_it_counts_under_none(data):
    sentence = f"For Gang i gården er målgruppen {SAID}."
    column = BeautifulSoup(str(comparison.compare_view(data)), "html.parser").find(attrs={"data-compare": "259"})
    groups = column.find("h4", string="Målgrupper").find_next_sibling("ul")
    # Side by side, the absence is said once of all Køge's initiatives, then the purpose (reading 28, #5).
    assert f"Gang i gården (kun formålet er oplyst: »{PURPOSE}«)" in _text(groups)
    chart = charts.target_groups_by_municipality(data)
    assert sentence in chart.marks.empty
    koege = chart.variants["259"]
    for said in each((koege.said, koege.alt)):
        assert sentence in said
    assert PURPOSE not in chart.variants["169"].said


def test_a_column_side_by_side_whose_initiatives_name_no_group_says_so_once(data):
    """Reader 26 r2, #6: Køge's column under Målgrupper said „ikke angivet i rapporten“ and then „For Gang i gården er
    målgruppen ikke angivet i rapporten, …“: one item says it."""
    column = BeautifulSoup(str(comparison.compare_view(data)), "html.parser").find(attrs={"data-compare": "259"})
    items = [_text(li) for li in column.find("h4", string="Målgrupper").find_next_sibling("ul").find_all("li")]
    # Of all three initiatives, not of Gang i gården only (reading 28, #5), then the purpose Gang i gården gives.
    assert items == [
        "Ikke angivet i rapporten for nogen af kommunens 3 indsatser",
        f"Gang i gården (kun formålet er oplyst: »{PURPOSE}«)",
    ]


def test_the_koege_edition_gives_the_purpose_on_the_card_and_by_the_table_of_target_groups(data, edition_charts):
    page = editions.municipality_edition(data, "259", STAMP, edition_charts, "plotly.min.js")
    printed = _text(page)
    assert f"Målgrupper {SAID}" in printed
    assert f"For Gang i gården er målgruppen {SAID}." in printed


def test_the_card_the_pdf_and_the_comparison_say_the_missing_target_group_and_the_purpose_in_one_wording(data):
    """Reading 27, #5: the card said „Ikke angivet i rapporten: målgrupper (rapporten nævner kun formålet, se
    ovenfor)“, the Køge PDF „ikke angivet i rapporten, som kun oplyser formålet: »…«“ and the comparison „… er
    målgruppen ikke angivet i rapporten, som kun oplyser formålet …“. Each says the downloads' value, „ikke angivet i
    rapporten“, and one note on the purpose (cards.purpose_note)."""
    gang = _row(data, "koege-gang-i-gaarden")
    card = cards.initiative_card(data, data.initiatives.set_index("initiative_id", drop=False).loc[gang.initiative_id])
    column = BeautifulSoup(str(comparison.compare_view(data)), "html.parser").find(attrs={"data-compare": "259"})
    compared = _text(column.find("h4", string="Målgrupper").find_next_sibling("ul"))
    said = {"card": card["unstated_line"], "pdf": _target_groups(data, gang), "comparison": compared}
    notes = {medium: re.findall(r"[^,:()]*formålet[^,:()]*", text) for medium, text in said.items()}
    assert {" ".join(n).strip() for n in notes.values()} == {"kun formålet er oplyst"}, notes
    for medium, text in each(list(said.items())):
        assert "ikke angivet i rapporten" in text.lower(), medium
