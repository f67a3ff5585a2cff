"""Høje-Taastrup's target group (reading 24, F8): the report names the groups in parentheses, a closed list
(»borgere i en pårørendegruppe, deltagere i en sorg-og livsmodsgruppe samt brugere af værestedet Paraplyen«), which
the book told as "fx" examples; and the card's label, "Voksne 50-70 år i risiko for ensomhed", dropped »sårbare eller
udsatte«. Checked where a reader meets them: the overview's summary, the profile's card, the PDF and the download."""

from __future__ import annotations

import csv
import datetime as dt
import io

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.render import cards
from report_source import collapse, repair_hyphenation

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
WHOLE = "i risiko for ensomhed eller sårbare eller udsatte"


def _text(markup: object) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def test_the_groups_the_report_names_are_told_as_who_they_are_not_as_examples(data, edition_charts, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "eller er sårbare eller udsatte af forskellige årsager (borgere i en pårørendegruppe" in report
    summary = data.municipalities.set_index("kommunekode").at["169", "summary"]
    assert "fx medlemmer" not in summary and "fx deltagerne" not in summary
    # ADR 110 (reading30 #4): the report's own word for the first group, »borgere«, and no claim of who they all are.
    named = "Rapporten nævner »borgere i en pårørendegruppe«, deltagere i en sorg- og livsmodsgruppe og brugere af"
    assert named in summary
    edition = _text(editions.municipality_edition(data, "169", STAMP, edition_charts, "p.js"))
    assert named in edition and "udsatte, fx" not in edition


def test_the_target_groups_label_keeps_vulnerable_or_exposed(data, data_downloads):
    label = data.target_groups.set_index("target_group_id").at["voksne-50-70-aar-i-risiko-for-ensomhed", "label"]
    assert WHOLE in label, label
    tickets = data.initiatives.set_index("initiative_id").loc["hoeje-taastrup-fribilletter"]
    assert WHOLE in str(dict(cards.initiative_facts(data, tickets))["Målgrupper"])
    assert WHOLE in _text(cards.initiative_list(data, "169"))
    rows = csv.DictReader(io.StringIO(data_downloads["target_groups.csv"], newline=""))
    assert any(WHOLE in " ".join(r.values()) for r in rows)
