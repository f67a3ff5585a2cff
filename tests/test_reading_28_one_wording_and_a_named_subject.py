"""Session 28's line-by-line reading (issue 21, /work/notes/s28/reading28.md): one wording for each kind of name
correction, a subject named in the sentence that speaks of it, no claim that the editors' chapter is the report, a
note under a profile that holds for its own organisations, and the book's own Danish."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import DataError, load
from kulturensrige.data import provenance, schema
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import TABLES
from kulturensrige.edition import editions
from kulturensrige.render import cards, comparison, guide, lists
from kulturensrige.rules import filters
from report_source import collapse, repair_hyphenation
from support.checks import each

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
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


def test_each_kind_of_name_correction_has_one_wording_on_cards_pages_pdfs_and_downloads(data, edition_charts, report_text):
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
    made = edition_charts
    for code, said in each([("376", f"Storstrøm Fængsel ({OFFICIAL}Storstrøms fængsel«)"), ("751", school)]):
        edition = _text(editions.municipality_edition(data, code, STAMP, made, "plotly.min.js"))
        assert said in edition and not [w for w in RETIRED if w in edition], code
    for shown in each([_text(municipality), _text(lists.municipality_table(data).markup), prison, school]):
        assert not [w for w in RETIRED if w in shown], shown
    # kilder.csv and the data dictionary say the same two kinds, and neither calls an official name the editors'.
    sources = _download(data, SOURCES_FILE)
    reasons = {(r["fil"], r["kolonne"]): r["begrundelse"] for r in sources}
    # Whether a name is official, and what the report names an organisation as, are the editors' knowledge and reading.
    whose = {(r["fil"], r["kolonne"]): r["hvis_ord"] for r in sources}
    assert whose[("organisations.csv", "name_official")].startswith("redaktionens")
    assert whose[("organisations.csv", "relation")].startswith("redaktionens")
    for column in each(["name"]):
        reason = reasons[("organisations.csv", column)]
        assert "officielle navn" in reason and "redaktionens rettelse" in reason and "redaktionens stavning" not in reason
    described = " ".join(str(c.description) for c in TABLES["organisations"].schema.columns.values())
    assert "redaktionens stavning" not in described and "name_official" in described
    official_rows = {r["organisation_id"]: r["name_official"] for r in _download(data, "organisations.csv")}
    assert (official_rows["storstroems-faengsel"], official_rows["aarhus-billed-og-medieskole"]) == ("ja", "nej")
    assert provenance.municipality_name_mark(data.options, "Køge", "Køge") == ""


def test_a_status_note_names_the_initiatives_it_speaks_of_in_its_own_sentence(data, edition_charts):
    """#3: „Rapporten fortæller hverken, at den er afsluttet, eller at den fortsætter.“ came straight after a sentence
    about a person („en musikskolelærer“) under the profile's „(red.) Hvorfor?“ and stood alone in a PDF's „Om kilderne“,
    so „den“/„de“ read as the person or the report; „et kort uden status er om en indsats“ → „handler om“."""
    made = edition_charts
    # ADR 109 (reading 30, #1 and #8): the sentence says what the report does not tell of the cards, before them where
    # none shows a status; „Hvorfor?“ does not say it a second time. ADR 112 (reader31, #1): where others show one, a
    # card without says „ikke angivet i rapporten“, and the status rule under „Hvorfor?“ says why, in its own sentence.
    one = "Rapporten fortæller hverken, at indsatsen er afsluttet, eller at den fortsætter, så kortet viser ingen status."
    expected = {
        "169": one,
        "760": "Rapporten fortæller hverken, at indsatserne er afsluttet, eller at de fortsætter, så kortene viser ingen status.",
        # The rule stands in an analyst's book too: it says the absence without the report's form (session 29).
        "259": "hverken fortæller, at indsatsen er afsluttet, eller at den fortsætter, er status ikke angivet, hverken på kortet",
    }
    for code, said in each(list(expected.items())):
        rows = data.initiatives[data.initiatives["kommunekode"] == code]
        page = _text(cards.initiative_list(data, code))
        edition = _text(editions.municipality_edition(data, code, STAMP, made, "plotly.min.js"))
        for shown in (page, edition):
            assert said in shown
            assert "hverken, at den er" not in shown and "hverken, at de er" not in shown and " er om en indsats" not in shown
        assert "hverken, at" not in _text(cards.whose_reasons(data, rows)).replace(provenance.reason("initiatives.status"), ""), code


def test_a_profile_says_of_its_organisations_only_what_holds_for_them(data, edition_charts):
    """#4b: every profile said „nogle er en målgruppe, en kampagne eller et samarbejde, der kun er planlagt“ of „disse
    organisationer“, untrue for Aarhus (Kulturministeriet and three art schools), Ringkøbing-Skjern and Rudersdal. Each
    page names its own (organisations.relation); Sammenlign and kilder.csv, which cover all, keep the general sentence."""
    made = edition_charts
    # Reading 29, #1: the general sentence and Køge's said more than the report (»tænkt med«; Køge took part in March
    # mod ensomhed); both now say what the report says.
    general = "rapporten nævner nogle som en del af målgruppen, som noget, en kommune deltog i, eller som noget, der er tænkt med"
    expected = {
        "259": "Rapporten kalder ingen af disse organisationer partnere; Køge deltog i March mod ensomhed.",
        "169": "Rapporten kalder ingen af disse organisationer partnere; brugerne af værestedet Paraplyen er en del af målgruppen.",
        "376": "Rapporten kalder ingen af disse organisationer partnere; Storstrøm Fængsel og Helhedsplan Lindholm er tænkt med "
        "i et nyt projekt.",
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


def test_the_data_pages_send_a_reader_to_the_books_retelling_not_to_the_report():
    """#4: all four Data og metode pages said „Vil du læse rapporten, så begynd med Baggrund“, and Udforsk „Som læser
    af rapporten“; what the reader finds at Baggrund is the book's retelling of the report."""
    pages = ["om-data/genkoersel.ipynb", "om-data/dataordbog.ipynb", "om-data/meldinger.ipynb", "om-data/udforsker.md"]
    for page in each(pages):
        prose = (BOOK / page).read_text(encoding="utf-8")
        assert "Vil du læse bogens gengivelse af rapporten, så begynd med" in prose
        assert "Vil du læse rapporten" not in prose and "læser af rapporten" not in prose


def test_the_analysts_cover_credits_the_editors_chapter_and_the_whole_books_says_what_it_is_about(data):
    """#4: the data og metode PDF's cover read „Redaktionens gengivelse af Sund By Netværkets rapport … Evalueringsrapport ·
    Sund By Netværket“ over the editors' own chapter; the whole book's said „Evalueringsrapport · Sund By Netværket“ as if
    it were one."""
    report = data.publication.iloc[0]
    assert editions.publisher_line(data) == f"Om {report.publisher}s {report.kind}" == "Om Sund By Netværkets evalueringsrapport"
    assert editions.ANALYSTS_KICKER == "Redaktionens kapitel om bogens data og metode"


def test_the_books_own_danish_reads_as_danish(data):
    """#8: „Rapporten knytter selv dem alle til ingrediensen“; „guidens råd står som tjekliste der under …“, where „der“
    read as a relative pronoun; „Guldborgsund står først, og som eksempel står Køge ved siden af, fordi den står først …“;
    „tilladt: et kommunekode“."""
    assert provenance.ingredient_ties_of_total({"rapporten": 5}, "ingrediensen") == "Rapporten knytter dem alle selv til ingrediensen."
    mixed = provenance.ingredient_ties_of_total({"rapporten": 4, "redaktionen": 1}, "ingrediensen")
    assert mixed.startswith("Rapporten knytter selv 4 af dem til ingrediensen;"), mixed
    line = _text(guide.where_the_rest_stands(data))
    # ADR 112 (reader31, #2): one sentence without the count, the advice's way to the checklists kept.
    assert "guidens råd som tjekliste under „I guiden“" in line and "tjekliste der" not in line, line
    said = comparison.yields_sentence("Guldborgsund", ["Køge", "Høje-Taastrup"], "rapportens rækkefølge")
    assert said.startswith(
        "Guldborgsund står først; ved siden af står Køge som eksempel, fordi Køge er den første kommune i rapportens rækkefølge."
    ), said
    assert schema.one_key("kommunekode") == "en kommunekode" and schema.one_key("quote_id") == "et quote_id"


def test_a_message_about_an_unknown_code_says_en_kommunekode(tmp_path: Path):
    """#8: „ukendt id; tilladt: et kommunekode fra municipalities.csv“ (kode is common gender)."""
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    initiatives = folder / "initiatives.csv"
    text = initiatives.read_text(encoding="utf-8")
    initiatives.write_text(text.replace("koege-gang-i-gaarden,259,", "koege-gang-i-gaarden,998,", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load(folder)
    said = str(raised.value)
    assert "tilladt: en kommunekode fra municipalities.csv" in said and "et kommunekode" not in said, said
