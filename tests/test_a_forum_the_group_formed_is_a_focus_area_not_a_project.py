"""Guldborgsund's 'Alternativt samarbejdsforum' was counted as a project, so the front page said 'projekt: 4'. The
report says the forum is what the action-learning group itself formed ('samarbejdsforummet, som
aktionslæringsgruppen har udgjort', lines 145-155), and calls the municipalities' work 'projekter, prøvehandlinger
eller fokusområder' (line 120): the forum is a fokusområde, and the counts say so (reading 21, finding 6; ADR 44)."""

from __future__ import annotations

from kulturensrige.render import front_page
from report_source import collapse, repair_hyphenation


def test_the_report_names_the_municipalities_work_and_the_forum_in_these_words(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "respektive projekter, prøvehandlinger eller fokusområder" in report
    assert "samarbejdsforummet, som aktionslæringsgruppen har udgjort" in report


def test_the_forum_is_counted_as_a_focus_area_and_the_projects_as_the_report_has_them(data):
    forum = data.initiatives.set_index("initiative_id").at["guldborgsund-alternativt-samarbejdsforum", "kind"]
    labels = dict(zip(data.initiative_kinds["initiative_kind_id"], data.initiative_kinds["label"], strict=True))
    assert labels[forum] == "Fokusområde"
    figures = front_page.key_figures(data).markup
    assert "projekt: 3" in figures and "fokusområde: 1" in figures and "projekt: 4" not in figures
