"""Small losses in the editors' retellings (reading 24, F11): Leg, mod og læring dropped »formgivning« from the
report's »dans, rap, stomp, formgivning og tegning«; Kulturens Rige said "Nogle … andre …" where the report names
which municipalities came with projects and which started from nothing; and the ingredient pages said the report
"bruger til at underbygge" its quotes, the field diary among them, which the report only prints in the section."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.schema import BY_REPORT
from kulturensrige.render import lists
from report_source import collapse, repair_hyphenation
from support.checks import each


def test_the_ingredients_retelling_keeps_every_art_form_the_report_names(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "dans, rap, stomp, formgivning og tegning" in report
    summary = data.ingredients.set_index("ingredient_id").at["leg-mod-og-laering", "description"]
    assert "danse, rappe, stompe, formgive og tegne" in summary


def test_the_starting_points_name_the_municipalities_the_report_names_from_the_data(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    assert "Således havde både Aarhus Kommune og Rudersdal Kommune allerede inden deltagelsen" in report
    said = BeautifulSoup(str(lists.starting_points_lead(data)), "html.parser").get_text()
    assert "Nogle kom" not in said and "andre startede" not in said
    for row in each(data.municipalities.to_dict("records")):
        assert row["name"] in said, row["name"]
    # The report's phrases in »…«, as starting_points.csv has them (reading 30, #3).
    assert "Aarhus og Rudersdal kom med »velbeskrevne og prædefinerede projekter«" in said


def test_the_reports_own_ties_are_not_said_to_be_used_to_underpin(data):
    said = provenance.ingredient_ties({BY_REPORT: 9}, "ingrediensen")
    assert "underbygge" not in said and said == "Bogen tæller 9 citater, som rapporten selv knytter til ingrediensen."
