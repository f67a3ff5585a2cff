"""Reader review 24, #13: the guide item »Prioritér relationsdannelsen i gruppen undervejs i forløbet? gennem de fælles
oplevelser.« stood without comment, and the »?« (the report's own, line 798 of its text) read as the book's typo; and
the programme's timeline legend did not name the labels W1–W6 and P1–P3 standing over them."""

from __future__ import annotations

import datetime as dt

from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.render import charts, front_page, guide
from kulturensrige.render.slips import row_slips
from support.checks import each


def test_a_stray_sign_in_the_reports_words_is_kept_and_noted_as_the_reports(data):
    items = BeautifulSoup(str(guide.checklist(data)), "html.parser").select(".kr-wording")
    noted = {" ".join(p.get_text(" ").split()) for p in items if "står sådan i rapporten" in p.get_text()}
    said = "Rapportens ordlyd: »Prioritér relationsdannelsen i gruppen undervejs i forløbet? gennem de fælles oplevelser.«"
    assert noted == {f"{said} (»?« står sådan i rapporten)"}, noted
    # Only there: a question that ends a sentence is no slip.
    assert guide.slip_note("Hvad karakteriserer din aktionslæringsgruppe?", "rapporten") == ""
    assert guide.slip_note("Hvad nu? Det ved vi ikke.", "rapporten") == ""


def test_every_medium_that_prints_the_reports_words_notes_their_stray_sign(data, edition_charts):
    """Reader review 25 r2, #1: the web page and the whole-book PDF noted the »?«, all seven municipality editions
    printed it bare, on the page a consultant hands the committee. Each medium prints a guide item's words (and a
    finding's) through guide.quoted, so each says it."""
    holder = "rapporten"
    # The »?« is listed in report_slips.csv since ADR 89, as every slip of the report's is; no pattern finds it.
    listed = {
        r.recommendation_id: row_slips(data, "guide_recommendations", [r.recommendation_id])
        for r in data.guide_recommendations.itertuples()
    }
    slips = [r for r in data.guide_recommendations.itertuples() if guide.slip_note(r.report_text, holder, listed[r.recommendation_id])]
    assert slips, "the report's text holds the »?« in one guide item"
    computed = edition_charts
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
    for code in each(data.municipalities["kommunekode"].astype(str)):
        page = BeautifulSoup(editions.municipality_edition(data, code, stamp, computed, "plotly.min.js"), "html.parser")
        printed = [" ".join(p.get_text(" ").split()) for p in page.select(".kr-report-text")]
        for r in slips:
            said = [line for line in printed if r.report_text in line]
            assert said and all(
                line.endswith(f"«{guide.slip_note(r.report_text, holder, listed[r.recommendation_id])}") for line in said
            ), (code, said)
    findings = BeautifulSoup(front_page.findings(data), "html.parser").get_text(" ")
    for f in data.findings.itertuples():
        assert guide.quoted(data, "findings", f.finding_id, f.report_text) in " ".join(findings.split()), f.report_text


def test_the_timelines_legend_spells_out_the_labels_over_its_marks(data):
    figure = charts.programme_timeline(data).variants[next(iter(charts.programme_timeline(data).variants))].figure
    names = {" ".join(str(t.get("name", "")).replace("<br>", " ").split()): t.get("text") for t in figure["data"]}
    for name, labels in each(names.items()):
        if name == "Projektperiode":
            continue
        first, last = labels[0], labels[-1]
        assert name.startswith(f"{first}–{last}: " if first != last else f"{first}: "), (name, labels)
