"""Reading s23, F6: "Figur 1. Forløbet i Kulturens Rige (red.).", "Figur 3. De 6 P’er i Kulturens Rige (red.)." and
"Figur 4. Wordcloud: hvad karakteriserer din aktionslæringsgruppe? (red.)": the captions are the report's words
(l. 64, 86, 444), but the editors' mark followed them. The editors made the drawing or the list, not the caption: the
mark stands after the figure's number, and the caption, the report's, stands bare, on the page and in the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.render import charts
from report_source import collapse, repair_hyphenation
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run
from test_reader_words import text

MARK = re.compile(r"\((?:red\.|redaktionens [a-zæøå]+)\)")


def _drawn(data) -> dict[int, str]:
    return {
        1: text(charts.programme_timeline(data).html()),
        3: text(charts.six_ps(data)),
        4: text(charts.figure4_words(data)),
    }


def test_the_reports_caption_carries_no_mark_and_its_figures_number_does(data, report_text: str):
    report = collapse(repair_hyphenation(report_text))
    for number, shown in each(_drawn(data).items()):
        caption = str(data.figures.loc[data.figures["number"] == number, "caption"].iloc[0])
        assert caption.removesuffix(".") in report, caption
        at = shown.index(caption.removesuffix("."))
        # Nothing but the caption's own end between it and the next words: no mark after the report's words.
        assert not MARK.match(shown[at + len(caption.removesuffix(".")) :].lstrip(" .")), shown[at : at + 120]
        assert re.search(rf"Figur {number} {MARK.pattern}\. {re.escape(caption)}", shown), shown[:160]


def marked_captions(site: Path) -> list[str]:
    """Each report's caption the whole-book PDF prints with a mark after it, or without its number's mark."""
    data = load(REPO / "data")
    whole = pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")
    found = []
    for number, caption in data.figures[data.figures["number"] != 2][["number", "caption"]].itertuples(index=False):
        bare = squeeze(str(caption).removesuffix("."))
        found += [f"{number}: a mark after …{whole[m.end() - 30 : m.end()]}" for m in re.finditer(re.escape(bare) + r"\.?\(", whole)]
        if not re.search(rf"Figur{number}\((?:red\.|redaktionens[a-zæøå]+)\)\.{re.escape(bare)}", whole):
            found.append(f"{number}: no mark after its number")
    return found


@pytest.mark.build
@pytest.mark.long
def test_the_whole_book_prints_a_reports_caption_bare_after_its_drawings_mark(report_site: Path):
    assert not marked_captions(report_site)
