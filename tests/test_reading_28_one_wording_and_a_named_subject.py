"""Session 28's line-by-line reading (issue 21, /work/notes/s28/reading28.md): one wording for each kind of name
correction, a subject named in the sentence that speaks of it, no claim that the editors' chapter is the report, a
note under a profile that holds for its own organisations, and the book's own Danish."""

from __future__ import annotations

import csv
import datetime as dt
import io

from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, lists
from kulturensrige.rules import filters
from report_source import collapse, repair_hyphenation
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
# The three wordings of a name correction (reading 28, #1), and the ones they replace.
OFFICIAL = "officielt navn; rapporten staver det »"
REPAIR = "redaktionens rettelse; rapporten staver det »"
REPORT_SPELLING = "rapportens stavning; officielt navn: "
RETIRED = ("redaktionens stavning", "det officielle navn;", "stavemåde af", "staver navnet")


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def _download(data, file: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(published_files(data)[file], newline="")))


def test_each_kind_of_name_correction_has_one_wording_on_cards_pages_pdfs_and_downloads(data, report_text):
    """#1: „det officielle navn“, „rapportens stavemåde“ and „redaktionens stavning“ said one thing three ways, and the
    last called the prison's official name (Storstrøm Fængsel) the editors' spelling. An official name says so; a
    repaired space is the editors' repair; a heading in the report's spelling names the official name."""
    report = collapse(repair_hyphenation(report_text))
    assert "Storstrøms fængsel" in report and "Aarhus Billed-og medieskole" in report and "Guldborgssund" in report
    prison, _ = cards.organisation_names(data, ("storstroems-faengsel",))
    school, _ = cards.organisation_names(data, ("aarhus-billed-og-medieskole",))
    assert prison == f"Storstrøm Fængsel ({OFFICIAL}Storstrøms fængsel«)"
    assert school == f"Aarhus Billed- og medieskole ({REPAIR}Aarhus Billed-og medieskole«)"
    # The repair is a space, nothing more: it claims no official name.
    assert school.split(" (")[0].replace(" ", "") == "Aarhus Billed-og medieskole".replace(" ", "")
    municipality = lists.municipality_facts(data, "376")
    assert f"Guldborgsund ({OFFICIAL}Guldborgssund«)" in _text(municipality)
    assert filters.section_title(data, "guldborgsund") == f"Guldborgssund ({REPORT_SPELLING}Guldborgsund)"
    made = editions.EditionCharts.compute(data)
    for code, said in each([("376", f"Storstrøm Fængsel ({OFFICIAL}Storstrøms fængsel«)"), ("751", school)]):
        edition = _text(editions.municipality_edition(data, code, STAMP, made, "plotly.min.js"))
        assert said in edition and not [w for w in RETIRED if w in edition], code
    for shown in each([_text(municipality), _text(lists.municipality_table(data).markup), prison, school]):
        assert not [w for w in RETIRED if w in shown], shown
    # kilder.csv and the data dictionary say the same two kinds, and neither calls an official name the editors'.
    reasons = {(r["fil"], r["kolonne"]): r["begrundelse"] for r in _download(data, SOURCES_FILE)}
    for column in each(["name"]):
        reason = reasons[("organisations.csv", column)]
        assert "officielle navn" in reason and "redaktionens rettelse" in reason and "redaktionens stavning" not in reason
    described = " ".join(str(c.description) for c in TABLES["organisations"].schema.columns.values())
    assert "redaktionens stavning" not in described and "name_official" in described
    official_rows = {r["organisation_id"]: r["name_official"] for r in _download(data, "organisations.csv")}
    assert (official_rows["storstroems-faengsel"], official_rows["aarhus-billed-og-medieskole"]) == ("ja", "nej")
    assert provenance.municipality_name_mark(data.options, "Køge", "Køge") == ""


def test_a_status_note_names_the_initiatives_it_speaks_of_in_its_own_sentence(data):
    """#3: „Rapporten fortæller hverken, at den er afsluttet, eller at den fortsætter.“ came straight after a sentence
    about a person („en musikskolelærer“) under the profile's „(red.) Hvorfor?“ and stood alone in a PDF's „Om kilderne“,
    so „den“/„de“ read as the person or the report; „et kort uden status er om en indsats“ → „handler om“."""
    made = editions.EditionCharts.compute(data)
    expected = {
        "169": "Rapporten fortæller hverken, at indsatsen er afsluttet, eller at den fortsætter.",
        "760": "Rapporten fortæller hverken, at indsatserne er afsluttet, eller at de fortsætter.",
        "259": "et kort uden status handler om en indsats, hvor rapporten hverken fortæller, at indsatsen er afsluttet, "
        "eller at den fortsætter.",
    }
    for code, said in each(list(expected.items())):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        page = _text(cards.whose_reasons(data, rows))
        edition = _text(editions.municipality_edition(data, code, STAMP, made, "plotly.min.js"))
        for shown in (page, edition):
            assert said in shown
            assert "hverken, at den er" not in shown and "hverken, at de er" not in shown and " er om en indsats" not in shown


def test_a_profile_says_of_its_organisations_only_what_holds_for_them(data):
    """#4b: every profile said „nogle er en målgruppe, en kampagne eller et samarbejde, der kun er planlagt“ of „disse
    organisationer“, untrue for Aarhus (Kulturministeriet and three art schools), Ringkøbing-Skjern and Rudersdal. Each
    page names its own (organisations.relation); Sammenlign and kilder.csv, which cover all, keep the general sentence."""
    made = editions.EditionCharts.compute(data)
    general = "nogle er en målgruppe, en kampagne eller et samarbejde, der kun er planlagt"
    expected = {
        "259": "Rapporten kalder ingen af disse organisationer partnere; March mod ensomhed er en kampagne.",
        "169": "Rapporten kalder ingen af disse organisationer partnere; brugerne af værestedet Paraplyen er en del af målgruppen.",
        "376": "Rapporten kalder ingen af disse organisationer partnere; Storstrøm Fængsel og Helhedsplan Lindholm er kun tænkt "
        "med i et nyt projekt.",
        "751": "Rapporten kalder ingen af disse organisationer partnere. Redaktionen har samlet",
        "760": "Rapporten kalder ingen af disse organisationer partnere. Redaktionen har samlet",
        "230": "Rapporten kalder ingen af disse organisationer partnere. Redaktionen har samlet",
    }
    for code, said in each(list(expected.items())):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        page = _text(cards.whose_reasons(data, rows))
        edition = _text(editions.municipality_edition(data, code, STAMP, made, "plotly.min.js"))
        for shown in (page, edition):
            assert said in shown and general not in shown, code
    reasons = {(r["fil"], r["kolonne"]): r["begrundelse"] for r in _download(data, SOURCES_FILE)}
    assert general in reasons[("initiatives.csv", "organisation_ids")]
