"""Reading s23, F5: an ingredient page marks its retelling inline, at the paragraph's end ("… projektperioden.
(red.)"), while a profile's lead, starting point and outcome carried none: only a folded "(red.) Hvorfor?" under
"Bygger på rapportens afsnit »Egedal«", so read beside that line the lead sounded like the report. The editions mark
each inline. One rule now: a retelling carries its mark at its own end, on the page ("(red.)", its kind in the
title), in the editions and in the whole-book PDF (its words in full).

ADR 70 (reading s24, F5) changed the expectation: an ingredient page's later paragraphs and five chapters' prose are the
same kind of retelling and carried no mark, so a reader could not learn the rule. Every reading page and every PDF's
cover now says once that the text is the editors' retelling (provenance.retelling_rule); a retelling (the lead, the
outcome) carries no mark, alike on the page and in print, and the starting point, the editors' grouping, keeps its own.

ADR 93 (reading27, #1) changed it for the outcome: it answers „Hvad forløbet førte til“ as a fact does, beside the
marked starting point, and stood unmarked while the line that the report does not tell it was marked. It carries its
mark at its end („(red.)“ on the page, „(redaktionens gengivelse)“ in print), the words kilder.csv gives its column."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.render import lists
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run


def _owners(data, row) -> dict[str, str]:
    """Each retelling of a profile's block -> the words its mark gives, as the edition and kilder.csv give them."""
    # What the course led to is a sentence of its own under the facts (reader 24, #3), marked as the editors' (ADR 93).
    outcome = provenance.value_label(data.options, "municipalities.outcome")
    owners = {"lead": "", "Udgangspunkt": lists.starting_point_owner(data), "outcome": outcome}
    if row.outcome == NOT_STATED:
        del owners["outcome"]
    return owners


def _last_mark(element) -> str:
    """The title of the mark that ends an element, or '' where it does not end with one."""
    children = [c for c in element.children if str(c).strip()]
    last = children[-1] if children else None
    return last.get("title", "") if getattr(last, "name", None) and "kr-by" in last.get("class", []) else ""


def test_a_profiles_lead_stands_bare_and_its_starting_point_and_outcome_end_with_their_marks(data):
    assert provenance.value_label(data.options, "municipalities.outcome") == "redaktionens gengivelse"
    for row in each(list(data.municipalities.itertuples())):
        # The lead opens the page, the facts follow the cards (ADR 90): both blocks.
        both = f"{lists.municipality_lead(data, row.kommunekode)}{lists.municipality_facts(data, row.kommunekode)}"
        soup = BeautifulSoup(both, "html.parser")
        shown = {"lead": soup.select_one("p.kr-lead"), "outcome": soup.select_one("p.kr-outcome")}
        shown.update({dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in soup.select("dl.kr-facts dt")})
        for field, owner in _owners(data, row).items():
            assert _last_mark(shown[field]) == owner, (row.name, field, str(shown[field])[-160:])


def unmarked_leads(site: Path) -> list[str]:
    """Each municipality whose lead the whole-book PDF prints with a mark after it, and the PDF if its cover does not
    say the rule that makes the mark redundant."""
    data = load(REPO / "data")
    whole = pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    marked = [str(row.name) for row in data.municipalities.itertuples() if squeeze(row.summary) + "(redaktionens" in whole]
    return marked + ([] if squeeze(provenance.retelling_rule(data.options)) in whole else ["kulturens-rige.pdf: no rule"])


@pytest.mark.build
@pytest.mark.long
def test_the_whole_book_prints_each_profiles_lead_bare_under_its_covers_rule(report_site: Path):
    assert not unmarked_leads(report_site)


def test_a_profiles_note_gives_the_outcomes_reason_only_where_it_shows_an_outcome_in_the_editors_words(data):
    """The „(red.) Hvorfor?“ note says why the outcome is the editors' (ADR 93), not on a profile whose outcome is untold."""
    why = provenance.reason("municipalities.outcome")
    for row in each(list(data.municipalities.itertuples())):
        note = BeautifulSoup(str(lists.municipality_facts(data, row.kommunekode)), "html.parser").select_one(".kr-whose-about")
        assert (why in note.get_text()) == (row.outcome != NOT_STATED), row.name
