"""The s18 reading with the report beside the book: where the inferred ties are left out (docs/adr/0033), the editions,
the downloads and the side-by-side view say so truly, not as if the editors had tied none."""

from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.publishing import published_files
from kulturensrige.edition import editions
from kulturensrige.render import comparison, highlight
from kulturensrige.rules import attribution, filters
from support.checks import each
from support.scripts import script

STAMP = editions.Stamp("data", "0123456789", datetime.date(2026, 12, 6))


def _csv(data, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published_files(data)[name].lstrip("\ufeff"), newline="")))


def test_an_edition_says_its_untied_quotes_have_no_municipality_in_the_report_and_the_editors_ties_are_not_shown(tied_data, tmp_path: Path):
    """#1: every edition headed the quotes of Etablering af "vi" '5 citater uden kommune, hverken angivet i rapporten
    eller udledt af redaktionen', though the editors tie q005 and q036 among them; the edition only leaves the ties out."""
    never = provenance.untied(tied_data.options)
    withheld = attribution.withheld_words(attribution.source(tied_data.options))
    jobs = script("build_pdf").edition_jobs(tied_data, tmp_path, STAMP)
    for job in each([j for j in jobs if j.output.name.startswith("kulturens-rige-")]):  # the municipalities' editions
        page = BeautifulSoup(job.html() if callable(job.html) else job.html, "html.parser")
        text = " ".join(page.get_text(" ").split())
        assert never not in text, (job.output.name, text[text.find(never) - 80 : text.find(never) + 80])
        assert f"uden kommune angivet i rapporten; {withheld}" in text, job.output.name


def test_a_published_quote_whose_role_is_held_back_says_in_its_row_that_the_category_is_the_editors(tied_data):
    """#2: quotes.csv held 'Sundhedsområdet' in speaker_role for q005-q008, q036 and q037 with nothing in the row to say
    so, and kilder.csv said a category stands there only where kommunekode is filled, which no such row now is."""
    note = provenance.category_note(tied_data.options, precise=True)
    rows = {r["quote_id"]: r for r in _csv(tied_data, "quotes.csv")}
    held = tied_data.quotes[tied_data.quotes["shown_role"] != tied_data.quotes["speaker_role"]]
    assert len(held)
    for quote in each(list(held.itertuples())):
        assert rows[quote.quote_id]["speaker_role"] == f"{quote.shown_role} {note}", rows[quote.quote_id]
    free = tied_data.quotes[tied_data.quotes["shown_role"] == tied_data.quotes["speaker_role"]]
    assert not any(note in rows[q]["speaker_role"] for q in free["quote_id"])
    sources = {(r["fil"], r["kolonne"]): r["begrundelse"] for r in _csv(tied_data, "kilder.csv")}
    for column in each(("speaker_role", "caption")):
        assert "hvor kommunekode er udfyldt" not in sources[("quotes.csv", column)]
        assert note in sources[("quotes.csv", column)], sources[("quotes.csv", column)]


def test_the_side_by_side_view_opens_without_the_inferred_ties_like_the_profiles_and_holds_both_positions(tied_data):
    """#3: with the ties off, the comparison said under Køge '2 citater knyttet til kommunen (udledt af redaktionen)'
    while Køge's profile said no quote is tied to it."""
    soup = BeautifulSoup(str(comparison.compare_view(tied_data)), "html.parser")
    inferred = tied_data.quotes[tied_data.quotes["attribution"] == "inferred"]
    switch = f"„{highlight.SWITCH_LABEL}“ til under „{highlight.SETTINGS}“"
    for code in each(sorted(set(inferred["kommunekode"]))):
        column = soup.select_one(f'[data-compare="{code}"]')
        name = filters.municipality_name(tied_data, code)
        on, off = column.select_one('[data-kr-inferred="on"]'), column.select_one('[data-kr-inferred="off"]')
        assert on is not None and off is not None, name
        assert on.has_attr("hidden") and not off.has_attr("hidden"), name
        off_text = " ".join(off.get_text(" ").replace("\u00ad", "").split())
        assert provenance.inferred_words(tied_data.options) in on.get_text(" "), name
        assert "knyttet til kommunen (udledt" not in off_text and switch in off_text, (name, off_text)
