"""Guldborgsund's 'Alternativt samarbejdsforum' was counted as a project, so the front page said 'projekt: 4'. The
report says the forum is what the action-learning group itself formed ('samarbejdsforummet, som
aktionslæringsgruppen har udgjort', lines 145-155), and calls the municipalities' work 'projekter, prøvehandlinger
eller fokusområder' (line 120): the forum is a fokusområde, and the counts say so (reading 21, finding 6; ADR 44)."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.book import profiles
from kulturensrige.edition import editions
from kulturensrige.render import front_page
from report_source import collapse, repair_hyphenation

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))


def test_the_report_names_the_municipalities_work_and_the_forum_in_these_words(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "respektive projekter, prøvehandlinger eller fokusområder" in report
    assert "samarbejdsforummet, som aktionslæringsgruppen har udgjort" in report


def test_the_forum_is_counted_as_a_focus_area_and_the_projects_as_the_report_has_them(data):
    forum = data.initiatives.set_index("initiative_id").at["guldborgsund-alternativt-samarbejdsforum", "kind"]
    labels = dict(zip(data.initiative_kinds["initiative_kind_id"], data.initiative_kinds["label"], strict=True))
    assert labels[forum] == "Fokusområde"
    # Counted in the data chapter's words (front_page.counted_initiatives; reader 24, #1 moved them off the front page).
    figures = front_page.counted_initiatives(data).markup
    assert "projekt: 3" in figures and "fokusområde: 1" in figures and "projekt: 4" not in figures


def test_the_line_over_the_initiatives_lists_no_kinds_the_cards_do_not_bear_out(data, edition_charts):
    """It said 'Projekter, delindsatser og prøvehandlinger' over Guldborgsund's cards, one of them a Fokusområde."""
    stems = ["projekt", "delindsats", "prøvehandling", "fokusområde"]
    profile = profiles.initiatives_line("rapporten").lower()
    page = editions.municipality_edition(data, "376", STAMP, edition_charts, "plotly.min.js")
    intro = BeautifulSoup(page, "html.parser").select_one("section[aria-labelledby=indsatser] p").get_text().lower()
    for line in (profile, intro):
        assert not any(stem in line for stem in stems), line
