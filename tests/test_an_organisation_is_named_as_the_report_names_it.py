"""Issue 21, left by session 25: Paraplyen was named three ways (organisations.csv „Paraplyen“, the target group
„Brugere af et værested“, the municipality's retelling „værestedet Paraplyen“), where the report names it once, as
»brugere af værestedet Paraplyen«; and organisations.csv's name_in_report was empty for all but one organisation,
where municipalities.csv's column of the same name gives the report's spelling of every name."""

from __future__ import annotations

import csv
import io
import re

from kulturensrige.data import provenance
from kulturensrige.render import cards
from report_source import collapse, repair_hyphenation
from support.checks import each

# The report's one naming of the place (Høje-Taastrup's section), found in its text by the test, not taken from data.
PARAPLYEN = re.compile(r"\w+ Paraplyen")


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def test_paraplyen_is_named_as_the_report_names_it_in_every_table_and_on_its_card(data, report_text: str):
    named = set(PARAPLYEN.findall(_report(report_text)))
    assert named == {"værestedet Paraplyen"}, named
    said = []
    for name, frame in data.tables.items():
        for column in frame.columns:
            for cell in frame[column]:
                if isinstance(cell, str) and "Paraplyen" in cell:
                    said += [(name, column, m) for m in re.findall(r"\w+ Paraplyen|^Paraplyen", cell)]
    assert said
    assert [s for s in said if s[2] not in named] == []
    organisations = data.organisations.set_index("organisation_id")
    assert organisations.at["paraplyen", "name"] in named
    groups = data.target_groups.set_index("target_group_id")
    assert any(words in groups.at["brugere-af-vaerested", "label"] for words in named)
    tickets = next(r for r in data.initiatives.itertuples() if r.initiative_id == "hoeje-taastrup-fribilletter")
    facts = {label: str(value) for label, value in cards.initiative_facts(data, tickets)}
    assert "værestedet Paraplyen" in facts["Målgrupper"] and "værestedet Paraplyen" in facts["Organisationer nævnt ved indsatsen"]


def test_every_organisation_the_report_names_has_its_name_as_the_report_spells_it(data, data_downloads, report_text: str):
    """name_in_report means in organisations.csv what it means in municipalities.csv: the report's spelling of the
    name, filled wherever the report gives one, and found verbatim in the report; empty only where it gives none."""
    report = _report(report_text)
    published = {r["organisation_id"]: r for r in csv.DictReader(io.StringIO(data_downloads["organisations.csv"].lstrip("\ufeff")))}
    for row in each(list(data.organisations.itertuples())):
        if row.name in report:
            assert row.name_in_report, row.organisation_id
        if row.name_in_report:
            assert row.name_in_report in report, row.name_in_report
        else:
            assert "nævner ikke" in row.description and "navn" in row.description, row.organisation_id
        # Where the report gives no name, the published file says so in the cards' words (words26c, reading26r2 #17).
        unnamed = provenance.published_blank(data.options, "organisations.name_in_report")
        assert published[row.organisation_id]["name_in_report"] == (row.name_in_report or unnamed), row.organisation_id
    assert data.municipalities["name_in_report"].map(len).all()
