"""The page key promises that the report's own words stand in »…«. A run of eight or more words of the book's own
prose (its data texts and its pages' text) that stands word for word in the report is the report's wording, so it
stands in »…« or is said in the book's own words (reading 25, finding 4: Køge's »bidraget til mange musikalske
besøg af det lokale seniorband«, Guldborgsund's »forsøgt at bryde den vante tankegang om, hvem«, the Datagrundlag's
»søgt indkredset« stood unmarked). Eight words: shorter runs are the topic's common phrases (»kunst og kultur som
fundament i det mentalt sundhedsfremmende arbejde« is seven)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from report_source import collapse, repair_hyphenation
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
RUN = 8
# Columns that are the report's wording by design, and how a reader is told so where they stand.
REPORTS_WORDING = {
    ("quotes", "text"): "a quote card, verbatim",
    ("quotes", "caption"): "the caption under a quote card, as the report prints it",
    ("findings", "report_text"): "the front page's findings, in »…«",
    ("guide_recommendations", "report_text"): "the guide's 'rapportens ordlyd'",
    ("evaluation_questions", "text"): "the questions labelled '(rapportens ordlyd)'",
    ("programme_facts", "value"): "the column 'Rapportens ordlyd eller tal'",
    ("initiatives", "title"): "a stated title is a name (title_basis)",
    ("group_composition", "role"): "'Rollen som i rapporten' (the data dictionary)",
    ("evaluation_sources", "label"): "the »Datagrundlag« list's lead-ins, in »…«",
}
QUOTED = re.compile(r"»[^«]*«")


def _words(text: str) -> list[str]:
    return re.findall(r"[\wæøå]+", text.replace("”", " ").replace("“", " ").lower())


def _runs(text: str, report: set[tuple[str, ...]]) -> list[str]:
    """Every run of RUN words of `text`, outside its »…«, that stands in the report."""
    found = []
    for part in QUOTED.split(text):
        words = _words(part)
        found += [" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1) if tuple(words[i : i + RUN]) in report]
    return found


def _report_runs(report_text: str) -> set[tuple[str, ...]]:
    words = _words(collapse(repair_hyphenation(report_text)))
    return {tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _data_texts() -> list[tuple[str, str]]:
    texts = []
    for path in sorted((REPO / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                texts += [
                    (f"{path.name}:{column}", value)
                    for column, value in row.items()
                    if (path.stem, column) not in REPORTS_WORDING and not column.endswith(("_id", "_ids"))
                ]
    return texts


def _page_texts() -> list[tuple[str, str]]:
    """The pages' own prose: markdown cells and Markdown files, without their headings (the report's section titles,
    which the book keeps as names)."""
    texts = []
    for path in sorted((REPO / "book").rglob("*")):
        if "_build" in path.parts or path.suffix not in (".ipynb", ".md"):
            continue
        if path.suffix == ".ipynb":
            cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            text = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        else:
            text = path.read_text(encoding="utf-8")
        # Paragraph by paragraph: a run does not cross a heading or a cell's end.
        paragraphs = re.split(r"\n\s*\n|\n(?=#)|(?<=\n)#[^\n]*", f"\n{text}")
        texts += [(str(path.relative_to(REPO)), p) for p in paragraphs if p.strip() and not p.lstrip().startswith("#")]
    return texts


def test_no_run_of_the_reports_words_stands_unmarked_in_the_data_texts(report_text: str):
    report = _report_runs(report_text)
    for where, text in each(_data_texts()):
        assert _runs(text, report) == [], where


def test_no_run_of_the_reports_words_stands_unmarked_in_the_pages_own_prose(report_text: str):
    report = _report_runs(report_text)
    for where, text in each(_page_texts()):
        assert _runs(text, report) == [], where


def test_the_check_finds_an_unmarked_run_and_passes_the_same_words_in_guillemets(report_text: str):
    report = _report_runs(report_text)
    said = "Kulturens Rige har bidraget til mange musikalske besøg af det lokale seniorband."
    assert _runs(said, report)
    assert not _runs("Kulturens Rige har »bidraget til mange musikalske besøg af det lokale seniorband«.", report)
