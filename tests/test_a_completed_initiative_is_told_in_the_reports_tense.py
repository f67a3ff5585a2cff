"""Rudersdal's Projekt Kulturligvis stood 'Gennemført' while its card said 'Projektet skal give …': the report tells
it in the past ('Formålet med projektet har været …', 'Indsatserne er udført …', lines 201-210), and the status is
the editors' reading of that tense (statuses.csv). The editors' description follows the report's tense, so a card
does not contradict its own status (reading 21, finding 5)."""

from __future__ import annotations

from support.checks import each


def test_no_initiative_read_as_completed_is_described_as_still_to_come(data):
    done = data.initiatives[data.initiatives["status"] == "gennemfoert"]
    for row in each(list(done.itertuples())):
        assert "skal give" not in row.description and "består af" not in row.description, row.initiative_id
    rudersdal = data.municipalities.set_index("kommunekode").at["230", "summary"]
    # The lead summarises the card (read26b, reading26r2 #4) and keeps the report's past: „som skulle give“, not „skal“.
    assert "skal give" not in rudersdal and "Projekt Kulturligvis, som skulle give" in rudersdal


def test_kulturligvis_is_described_in_the_tenses_the_report_uses(data, report_text: str):
    description = data.initiatives.set_index("initiative_id").at["rudersdal-kulturligvis", "description"]
    assert description.startswith("Projektets formål har været at give")
    assert "indsatserne er udført" in description
    assert "Formålet med projektet har været at give borge" in report_text and "Indsatserne er udført" in report_text


def test_every_status_says_it_is_the_editors_reading_and_why(data):
    for row in each(list(data.tables["statuses"].itertuples())):
        assert row.description.startswith("Redaktionens læsning (rapporten angiver ingen status): rapporten fortæller"), row
