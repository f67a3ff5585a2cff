"""Reader review 24, #13: the guide item »Prioritér relationsdannelsen i gruppen undervejs i forløbet? gennem de fælles
oplevelser.« stood without comment, and the »?« (the report's own, line 798 of its text) read as the book's typo; and
the programme's timeline legend did not name the labels W1–W6 and P1–P3 standing over them."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import charts, guide
from support.checks import each


def test_a_stray_sign_in_the_reports_words_is_kept_and_noted_as_the_reports(data):
    items = BeautifulSoup(str(guide.checklist(data)), "html.parser").select(".kr-wording")
    noted = {" ".join(p.get_text(" ").split()) for p in items if "står sådan i rapporten" in p.get_text()}
    said = "Rapportens ordlyd: »Prioritér relationsdannelsen i gruppen undervejs i forløbet? gennem de fælles oplevelser.«"
    assert noted == {f"{said} (»?« står sådan i rapporten)"}, noted
    # Only there: a question that ends a sentence is no slip.
    assert guide.slip_note("Hvad karakteriserer din aktionslæringsgruppe?", "rapporten") == ""
    assert guide.slip_note("Hvad nu? Det ved vi ikke.", "rapporten") == ""


def test_the_timelines_legend_spells_out_the_labels_over_its_marks(data):
    figure = charts.programme_timeline(data).variants[next(iter(charts.programme_timeline(data).variants))].figure
    names = {" ".join(str(t.get("name", "")).replace("<br>", " ").split()): t.get("text") for t in figure["data"]}
    for name, labels in each(names.items()):
        if name == "Projektperiode":
            continue
        first, last = labels[0], labels[-1]
        assert name.startswith(f"{first}–{last}: " if first != last else f"{first}: "), (name, labels)
