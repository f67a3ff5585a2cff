"""The report says of every action-learning group that new working relations were formed beyond Kulturens Rige
(»Broer, stier og krakelerede siloer«). Five profiles gave it as the editors' words at the end of their outcome, under
"Bygger på rapportens afsnit »Egedal«" (the wrong section), and Køge's and Guldborgsund's left it out (the s23 reading,
F3). It is one programme fact now, which every profile and every municipality's edition gives in the report's words with
its section, and no municipality's outcome repeats it."""

from __future__ import annotations

import datetime as dt
import re

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.render import lists
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
SECTION = "»Broer, stier og krakelerede siloer«"
WORDS = "er etableret nye samarbejdsrelationer, der rækker ud over selve arbejdet i Kulturens Rige"


def _text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())


def test_every_profile_and_edition_gives_the_report_sentence_on_all_groups_once_with_its_section(data, edition_charts):
    charts = edition_charts
    for code, name in each(list(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))):
        page = _text(lists.municipality_facts(data, code).markup)
        edition = _text(editions.municipality_edition(data, code, STAMP, charts, "plotly.min.js"))
        for text in (page, edition):
            assert text.count(WORDS) == 1, code
        # One sentence, on the page and in the edition alike (reader31, #2): what the report says first, in its
        # words, then that it holds for this municipality's group, and the section last, not wrapped around the words.
        said = lists.all_groups_said(data, name)
        assert said in page and said in edition, code
        assert said.startswith(f"Rapporten siger, at der »for alle aktionslæringsgruppernes vedkommende {WORDS}«"), said
        assert said.endswith(f", altså også for aktionslæringsgruppen i {name} (rapportens afsnit {SECTION})."), said


def test_the_all_groups_sentence_claims_nothing_the_report_does_not_say(data, report_text: str):
    """Its words in »…« stand in the report, and the report forms an action learning group in each municipality, so
    the sentence may say that its words hold for this municipality's group."""
    flat = " ".join(report_text.replace("-\n", "").split())
    assert f"for alle aktionslæringsgruppernes vedkommende {WORDS}" in flat
    assert "aktionslæringsgrupper i hver kommune" in flat
    quoted = re.findall(r"»([^«]*)«", lists.all_groups_said(data, "Køge"))
    assert quoted and all(q in flat for q in quoted if q != SECTION.strip("»«")), quoted


def test_no_municipalitys_outcome_gives_the_sentence_on_all_groups(data, data_downloads):
    files = data_downloads
    assert WORDS not in files["municipalities.csv"]
    assert WORDS in files["programme_facts.csv"]
    for outcome in each(list(data.municipalities["outcome"])):
        assert "alle aktionslæringsgrupperne" not in outcome
