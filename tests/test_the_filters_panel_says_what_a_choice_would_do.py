"""Issue 22, a new reader: »Om valget« opened on »Ingen kommune valgt.« and nothing more. With no municipality chosen
the panel says what a choice would highlight and what stays, in the front page's words (highlight.what_a_choice_marks)."""

from __future__ import annotations

from kulturensrige.render import highlight
from kulturensrige.rules import views


def test_with_no_choice_the_panel_says_what_a_choice_would_highlight(data, tied_data):
    for folder, quotes in ((data, False), (tied_data, True)):
        said = highlight.page_sentences(folder)[views.default_key()]
        marked, kept = highlight.what_a_choice_marks(folder)
        assert ("citater" in marked) is quotes
        for kind in ("lists", "marks", "unmarked", "nothing"):
            assert said[kind].startswith("Ingen kommune valgt."), kind
            assert f"Vælger du en kommune, fremhæver bogen dens {marked}; {kept} og alt andet bliver stående." in said[kind]
