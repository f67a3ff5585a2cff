"""An initiative's target groups, art forms and settings are the ones the report gives; where the report gives none,
the data leaves the cell empty and the book says "ikke angivet" (as for Køge's musical visits)."""

from __future__ import annotations

import re

from report_source import collapse, repair_hyphenation


def _initiative(data, initiative_id: str):
    return data.initiatives.set_index("initiative_id").loc[initiative_id]


def _section(report_text: str, start: str, end: str) -> str:
    report = collapse(repair_hyphenation(report_text))
    return report[report.index(start) : report.index(end, report.index(start))]


def test_egedals_klippekort_and_association_days_name_no_activity_the_report_does_not_give(data, report_text):
    """Reading 21, #1: both had "Foreningsaktiviteter", and the comparison counted it twice; the report (L172-181)
    names a card for visits and trial lessons and five days, but no activity."""
    egedal = _section(report_text, "Egedal kommune har udviklet", "Aarhus kommune har brugt")
    assert "foreningsaktivitet" not in egedal.lower()
    for initiative_id in ("egedal-foreningsklippekort", "egedal-foreningsdage-slagslunde"):
        assert _initiative(data, initiative_id)["art_form_ids"] == (), initiative_id
    assert "foreningsaktiviteter" not in set(data.art_forms["art_form_id"])


def test_gang_i_gaarden_names_no_target_group_where_the_report_gives_only_its_purpose(data, report_text):
    """Reading 21, #1: "Seniorer" stood as its target group; the report (L128-129) gives the event's purpose, a focus
    on the library's offers to seniors among other things, and no group it was for."""
    koege = _section(report_text, "Køge kommune har i forbindelse", "Høje- Taastrup kommune")
    assert "Formålet var at sætte fokus på fællesskaber, bibliotekets tilbud til særligt seniorer" in koege
    assert "målgruppe" not in koege.lower()
    assert _initiative(data, "koege-gang-i-gaarden")["target_group_ids"] == ()


def test_slagslundes_days_give_no_target_groups_read_off_their_names(data, report_text):
    """Reading 21, #1: "Børn, Kvinder, Mænd" (and "Seniorer") were read off the names of the five days; the report
    only names the days (L177-178). The groups its purpose names (the town's residents across generations, newcomers)
    stay."""
    egedal = _section(report_text, "Egedal kommune har udviklet", "Aarhus kommune har brugt")
    days = re.search(r"Fem foreningsdage i Slagslunde \(([^)]*)\)", egedal)
    assert days and "børnedag" in days.group(1)
    groups = set(_initiative(data, "egedal-foreningsdage-slagslunde")["target_group_ids"])
    assert not groups & {"boern", "kvinder", "maend", "seniorer"}, groups
    assert groups == {"beboere-paa-tvaers-af-generationer", "tilflyttere"}
    assert "på tværs af generationer" in egedal and "integrere nye tilflyttere" in egedal


def data_texts(data, wanted) -> list[tuple[str, str]]:
    """(table, text) for every text cell of every table of the data that `wanted` picks."""
    return [
        (name, value)
        for name, frame in data.tables.items()
        for column in frame.columns
        for value in frame[column]
        if isinstance(value, str) and wanted(value)
    ]


def test_rudersdals_urban_green_setting_is_called_a_milieu_as_in_the_report(data, report_text):
    """Reading 21, #4: the summary said "den bynære grønne natur" and the setting "Bynær natur"; the report says "det
    bynære grønne miljø" (L209-210). Every text in the data that names it says miljø."""
    assert "det bynære grønne miljø" in collapse(repair_hyphenation(report_text))
    named = data_texts(data, lambda value: "bynær" in value.lower())
    assert named
    for name, value in named:
        assert re.search(r"(?i)bynære grønne miljø|bynært grønt miljø", value), (name, value)
        assert "natur" not in re.search(r"(?i)bynær\w*\s+\w+\s+\w+", value).group(0), (name, value)


def test_gang_i_gaardens_focus_is_said_as_its_purpose_wherever_the_data_names_it(data, report_text):
    """The report gives the focus on the library's offers and the senior club as the event's purpose (L128-129), not as
    what it did: no text in the data says the event "satte fokus på" them."""
    assert "Formålet var at sætte fokus på" in collapse(repair_hyphenation(report_text))
    said = data_texts(data, lambda value: "satte fokus på" in value)
    assert not said, said
