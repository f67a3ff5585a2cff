"""The page key promises that words in »…« are the report's own. Where the book's own sentences (its data texts and
pages) quote the report's words, they use »…«; ”…” stays only inside a verbatim quote and around the few names and
terms the report itself sets in ”…” (reading 21, finding 4: ”team sundhed”, ”Where do we go from here?”)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from report_source import collapse, repair_hyphenation
from support.checks import each

DATA = Path(__file__).parents[1] / "data"
# The report's verbatim words, whose own ”…” are the report's: a quote and a recommendation's wording.
VERBATIM = {("quotes", "text"), ("guide_recommendations", "report_text")}
# Names and terms the report itself sets in ”…” wherever it names them (an event, a café, an initiative, a friend,
# the group's "vi"), and two terms in a sentence of the report the data gives as its own.
REPORTS_OWN_MARKS = {"vi", "Cooltur", "Grib engagementet", "kulturven", "Gang i gården", "langhårssnak", "udefra"}
# A name the report sets in ’…’ (l.152), which the book's own sentences set in ”…” as every other name, by the key's
# one mark for a name (brief facts32, #5: ’Rødder’ in the data's texts beside the names in ”…”).
REPORTS_SINGLE_MARKS = {"Rødder"}
CURLY = re.compile(r"”([^”]+)”")
# What the editors quote of the report, and where a reader meets it.
QUOTED = {
    # A participant's words, said as theirs (reading 25, finding 7: »team sundhed« stood as the report's prose).
    "fortæller fx, at »vi var ligesom team sundhed, og de var team kultur«": "ingredienser/etablering-af-vi.html",
    "»Where do we go from here?«": "_static/data/programme_events.csv",  # the event is described in the download
    "»fordi de synes, det er sjovt«": "ingredienser/gnist-og-flamme.html",
}


def _texts() -> list[tuple[str, str, str]]:
    found = []
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                found += [(path.stem, column, value) for column, value in row.items() if (path.stem, column) not in VERBATIM]
    return found


def test_the_names_kept_in_the_reports_own_marks_are_so_marked_in_the_report(report_text: str):
    report = collapse(repair_hyphenation(report_text))
    for name in each(sorted(REPORTS_OWN_MARKS)):
        assert f"”{name}”" in report, name
    for name in each(sorted(REPORTS_SINGLE_MARKS)):
        assert f"’{name}’" in report, name


def test_the_data_quote_the_reports_words_in_guillemets_outside_verbatim_text():
    marked = [(table, column, m) for table, column, value in _texts() for m in CURLY.findall(value or "")]
    assert [x for x in marked if x[2] not in REPORTS_OWN_MARKS | REPORTS_SINGLE_MARKS] == []
    joined = " ".join(value or "" for _, _, value in _texts())
    for words in each(list(QUOTED)):
        assert words in joined, words


def test_the_built_pages_and_downloads_quote_the_reports_words_in_guillemets(built_site: Path):
    for words, page in each(list(QUOTED.items())):
        html = (built_site / page).read_text(encoding="utf-8")
        assert words in html, (page, words)
        assert words.replace("»", "”").replace("«", "”") not in html, (page, words)
