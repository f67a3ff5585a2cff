"""The seventeenth reading: a researcher new to the project read the built site, the PDFs and the downloads line by
line with the report beside them (issue 21). Each test reads what the book publishes and checks it against what the
report and the data say."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from bs4 import BeautifulSoup

from kulturensrige.data import provenance
from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.edition import editions
from kulturensrige.render import cards, charts, front_page, lists
from kulturensrige.rules import attribution, statistics
from kulturensrige.words import number
from report_source import collapse, repair_hyphenation
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
GULDBORGSUND = "376"


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    return {(r["fil"], r["kolonne"]): r for r in rows}


def test_the_flag_for_a_kind_the_editors_know_is_the_editors_in_the_sources_download(data, report_text):
    """#1: kilder.csv called organisations.csv's kind_by_knowledge 'rapportens', beside a kind column it calls the
    editors' grouping; the report sorts no organisation into a kind, so the flag is the editors' judgement."""
    sources = _sources(data)
    row = sources[("organisations.csv", "kind_by_knowledge")]
    assert row["hvis_ord"].startswith("redaktionens") and "viden" in row["begrundelse"], row
    assert sources[("organisations.csv", "kind")]["hvis_ord"].startswith("redaktionens")
    # The other new columns, read the same way: the report gives these, so they stay the report's.
    report = _report(report_text)
    assert "facilitator af aktionslæringsforløbet Christa Breum Amhøj" in report
    spelled = data.organisations.loc[data.organisations["name_in_report"] != "", "name_in_report"]
    for name in each(list(spelled)):
        assert name in report, name
    for pair in each((("resource_persons.csv", "facilitator"), ("organisations.csv", "name_in_report"))):
        assert sources[pair]["hvis_ord"] == "rapportens", pair


@pytest.mark.parametrize(
    ("file", "column", "values"),
    [
        ("evaluation_questions.csv", "kind", ("overordnet",)),
        ("programme_events.csv", "kind", ("periode-start", "periode-slut")),
        ("six_ps.csv", "label_da", ("ikke angivet",)),
        ("six_ps.csv", "description", ("ikke angivet",)),
    ],
)
def test_an_editors_label_or_placeholder_is_not_credited_to_the_report(data, report_text, file, column, values):
    """#3: kilder.csv called the questions' kinds (overordnet/tvaergaaende), the events' kinds (periode-start/-slut)
    and the P's Danish names ('ikke angivet' for every P: the report gives none) the report's, and the P's descriptions
    (the same placeholder) a retelling of the report; the report has none of these labels. The reason names them."""
    report = _report(report_text)
    for value in each(values):
        assert value not in report, value
    row = _sources(data)[(file, column)]
    assert row["hvis_ord"].startswith("redaktionens"), row
    for value in each(values):
        assert f"„{value}“" in row["begrundelse"], row


@pytest.mark.parametrize("chart", [charts.art_forms_by_municipality, charts.target_groups_by_municipality])
def test_an_empty_column_is_worded_alike_on_the_page_and_in_the_pdf_and_never_as_the_reports_silence(data, edition_charts, chart):
    """#2: the Guldborgsund PDF said under Diagrams 1 and 2 'Guldborgsund fremhævet: rapporten nævner ingen', while the
    page said 'ved kommunens 2 indsatser (…) er ingen målgrupper registreret'. The editors' coding is not the report's
    silence: one function words the empty column for both."""
    made = chart(data)
    variant = made.variants[GULDBORGSUND]
    assert variant.said and variant.said in variant.alt, variant.alt
    assert "nævner ingen" not in variant.alt
    edition = _text(editions.municipality_edition(data, GULDBORGSUND, STAMP, edition_charts, "plotly.min.js"))
    assert "rapporten nævner ingen" not in edition
    # The PDF says the page's words: in the sentence that stands for a drawing with no bar of its own (issue 22).
    assert variant.said in edition


def test_an_initiatives_place_is_given_where_the_report_gives_it(data, report_text):
    """#4: 'Fem foreningsdage i Slagslunde' said 'Steder: ikke angivet', where the report names Slagslunde; the other
    initiatives read the same way: Høje-Taastrup's free tickets were to cultural events in the municipality, Køge's
    word-roll bench moves between places in the municipality. Only Guldborgsund's forum and 'Rødder' name no place."""
    report = _report(report_text)
    places = (
        "Fem foreningsdage i Slagslunde",
        "fribilletter til kulturelle arrangementer i kommunen",
        "flyttes rundt forskellige steder i kommunen",
    )
    for said in each(places):
        assert said in report, said
    # A part whose project gives the places for both says so on its card (brief facts32, #3: Rudersdal's components).
    placeless = [
        row.initiative_id
        for row in data.initiatives.itertuples()
        if not row.setting_ids and "setting_ids" not in cards.for_the_whole(data, row)
    ]
    assert set(placeless) == {"guldborgsund-alternativt-samarbejdsforum", "guldborgsund-roedder"}
    settings = dict(zip(data.settings["setting_id"], data.settings["label"], strict=True))
    slagslunde = data.initiatives.loc[data.initiatives["initiative_id"] == "egedal-foreningsdage-slagslunde"].iloc[0]
    facts = dict(cards.initiative_facts(data, slagslunde))
    shown = _text(facts["Steder"])
    assert "ikke angivet" not in shown and "Slagslunde" in shown, facts
    assert [settings[s] for s in slagslunde["setting_ids"]] == ["Slagslunde"]


# What the report's section on each municipality tells of it, in the report's words: the page names it.
TOLD = {
    "169": ("Gennem prøvehandlinger har aktionslæringsgruppen undersøgt", "Gennem prøvehandlinger"),
    "760": ("På eftermiddagsworkshopperne har der været brætspilscafé", "brætspilscafé"),
    "751": ("De kunstpædagogiske forløb har haft til formål", "Forløbene har haft til formål"),
    "230": ("Indsatserne er udført på lokale kulturinstitutioner", "indsatserne er udført"),
}


@pytest.mark.parametrize("code", sorted(TOLD))
def test_an_outcome_says_what_the_report_tells_of_the_municipality_and_claims_no_silence_it_does_not_keep(data, report_text, code):
    """#5: four profiles and their PDFs said 'rapporten nævner ikke et særskilt resultat for kommunen', though the
    report tells what was done there (for Køge, done activities count as the outcome). The outcome then said what the
    report's section tells and that it does not tell what it led to; ADR 87 (reader 26, #2): the cards say what it
    tells, and the page says once, marked as the editors' reading, that it does not tell what it led to for those who
    took part, no wider silence."""
    report_says, named = TOLD[code]
    assert report_says in _report(report_text)
    outcome = data.municipalities.set_index("kommunekode").loc[code, "outcome"]
    assert outcome == NOT_STATED, outcome
    name = data.municipalities.set_index("kommunekode").loc[code, "name"]
    profile = _text(f"{lists.municipality_facts(data, code)}{cards.initiative_list(data, code)}")
    assert named in profile and "særskilt resultat" not in profile, profile
    # One question in every medium (reading26r2, #6; ADR 92).
    assert (
        f"Rapporten beskriver indsatserne, men hvad forløbet førte til for målgruppen i {name}, er ikke angivet i rapporten. (red.)"
        in profile
    )


def test_a_findings_lead_in_keeps_the_reports_subject(data, report_text):
    """#6: 'Alle aktionslæringsgrupper oplever, at Kulturens Rige »har skabt nye samarbejder …«'; the report's subject
    is 'deltagelsen i Kulturens Rige'. The lead-in keeps it, on the front page and in findings.csv alike."""
    report = _report(report_text)
    finding = data.findings.set_index("finding_id").loc["nye-samarbejder"]
    assert "oplever, at deltagelsen i Kulturens Rige - med opdraget" in report and finding["report_text"] in report
    assert finding["lead"].endswith("oplever, at deltagelsen i Kulturens Rige"), finding["lead"]
    assert "oplever, at deltagelsen i Kulturens Rige »har skabt nye samarbejder" in _text(front_page.findings(data))


def test_the_quote_count_credits_the_report_not_the_evaluation(data):
    """#7: 'Af bogens 38 citater er 36 fra evalueringen selv': the 36 hold the sign on Arken and short statements with
    no speaker, which are the report's but not the evaluation's interviews. The count's words come from one place."""
    tally = statistics.quote_tally(data)
    said = [attribution.tie_counts(tally, data.options), *front_page.quote_parts(data)]
    own = provenance.own_quotes(data.options)
    assert own == "fra rapportens eget materiale"
    for text in each(said):
        assert "evalueringen selv" not in text
    assert f"er {number(tally.own)} {own} og" in said[0]
    assert f"{number(tally.own)} af de {number(tally.total)} er {own}," in " ".join(said[1:])
