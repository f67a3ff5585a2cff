"""The report says of every action-learning group that new working relations were formed beyond Kulturens Rige
(»Broer, stier og krakelerede siloer«). Five profiles gave it as the editors' words at the end of their outcome, under
"Bygger på rapportens afsnit »Egedal«" (the wrong section), and Køge's and Guldborgsund's left it out (the s23 reading,
F3). It is one programme fact now, which every profile and every municipality's edition gives in the report's words with
its section, and no municipality's outcome repeats it."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.data import publishing
from kulturensrige.edition import editions
from kulturensrige.render import lists
from kulturensrige.words import genitive
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
SECTION = "»Broer, stier og krakelerede siloer«"
WORDS = "er etableret nye samarbejdsrelationer, der rækker ud over selve arbejdet i Kulturens Rige"


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_every_profile_and_edition_gives_the_report_sentence_on_all_groups_once_with_its_section(data):
    said = lists.all_groups_outcome(data)
    assert SECTION in said and f"»for alle aktionslæringsgruppernes vedkommende {WORDS}«" in said, said
    charts = editions.EditionCharts.compute(data)
    for code, name in each(list(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))):
        page = _text(lists.municipality_facts(data, code).markup)
        edition = _text(editions.municipality_edition(data, code, STAMP, charts, "plotly.min.js"))
        for text in (page, edition):
            assert text.count(WORDS) == 1, code
        assert said in edition, code
        # The page says it shorter, and as said of every group, not of this one (reader 24, #3), with its section.
        short = lists.all_groups_said(data, name)
        assert short in page and short.startswith(f"Om alle aktionslæringsgrupper, ikke kun {genitive(name)},"), short
        assert SECTION in short and f"»for alle aktionslæringsgruppernes vedkommende {WORDS}«" in short, short


def test_no_municipalitys_outcome_gives_the_sentence_on_all_groups(data):
    files = publishing.published_files(data)
    assert WORDS not in files["municipalities.csv"]
    assert WORDS in files["programme_facts.csv"]
    for outcome in each(list(data.municipalities["outcome"])):
        assert "alle aktionslæringsgrupperne" not in outcome
