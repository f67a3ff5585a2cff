"""Reader28, findings 5 and 7: the PDFs read in places as a web page laid on paper. Figure 2's step titles ran into their
text („1. Identificér en udfordring Aktionslæringsgruppen finder …“), where the web sets each title bold above its
text; the guide's checklist stood under each ingredient („I guiden“) and again whole at the end; and Køge's own part
printed a whole table of the other municipalities' target groups, its own column empty (ADR 102)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.render import guide
from support.checks import each
from test_pdf import REPO, page_texts, pdf_text, report_site, squeeze  # noqa: F401 (report_site: the fixture, the PDFs made once per run)


def printed_lines(path: Path) -> list[list[tuple[str, bool]]]:
    """Every printed line of the PDF as its spans' (text, bold), as PyMuPDF reads them, page after page."""
    import pymupdf  # noqa: PLC0415 (only the PDF tests read type)

    with pymupdf.open(path) as document:
        return [
            [(span["text"], bool(span["flags"] & pymupdf.TEXT_FONT_BOLD) or "Bold" in span["font"]) for span in line["spans"]]
            for page in document
            for block in page.get_text("dict")["blocks"]
            for line in block.get("lines", [])
        ]


@pytest.mark.build
def test_each_step_of_the_action_learning_cycle_prints_its_title_bold_on_a_line_of_its_own(report_site: Path):  # noqa: F811
    """Each step's title stands on its line alone after its number, in bold; its text begins on the next line."""
    data = load(REPO / "data")
    lines = printed_lines(report_site / "pdf" / editions.file_name())
    for step in each(list(data.action_learning_steps.sort_values("position").itertuples())):
        title = squeeze(step.label)
        found = [line for line in lines if squeeze("".join(text for text, _ in line)) in (title, squeeze(f"{step.position}.{step.label}"))]
        assert found, step.label
        assert all(bold for line in found for text, bold in line if squeeze(text) and squeeze(text) in title), step.label


@pytest.mark.build
def test_the_whole_book_prints_each_point_of_the_guide_once_and_each_ingredient_points_to_the_checklist(report_site: Path):  # noqa: F811
    """Every point of the guide, the editors' words and the report's, stands in the whole book exactly once (the
    checklist under „Den kondenserede guide“); each ingredient's „I guiden“ says how many of them are tied to it and
    where the checklist stands, and no profile says the checklists stand under „I guiden“."""
    data = load(REPO / "data")
    text = pdf_text(report_site / "pdf" / editions.file_name(), editions.TITLE)
    for point in each(list(data.guide_recommendations.itertuples())):
        # ADR 123: a point the book words nearly as the report does stands once, in the report's words in »…«, and the
        # book's wording of it is not printed; the others print the book's wording with the report's under it.
        own = guide.own_words(point.text, point.report_text)
        assert text.count(squeeze(point.text)) == (1 if own else 0), point.text
        assert text.count(squeeze(point.report_text)) == 1, point.report_text
    once = [p.text for p in data.guide_recommendations.itertuples() if not guide.own_words(p.text, p.report_text)]
    assert once, "no point stands once in the report's words: the data no longer test it"
    pointer = squeeze(f"Guiden står samlet som tjekliste under „{guide.HEADING}“")
    ties = data.guide_recommendations["ingredient_ids"]
    tied = [i for i in data.ingredients["ingredient_id"] if ties.map(lambda ids, i=i: i in ids).any()]
    assert text.count(pointer) == len(tied) > 0
    # A profile's last line names that checklist too, not the web's under each ingredient.
    assert squeeze(f"under „{guide.INGREDIENT_HEADING}“") not in text


def test_a_municipalitys_own_part_prints_no_table_in_which_it_has_nothing_but_says_where_the_table_stands(data, edition_charts):
    """Køge's p. 5 printed „Tabel 1 (red.) Målgrupper pr. kommune“, every row another municipality's, Køge's column
    empty: in its own part an edition prints a table only where the municipality has a count in it; else its line says
    so and names the chapter of the whole book that has the table (ADR 102)."""
    stamp = editions.Stamp("data", "0123456789", dt.date(2026, 12, 1))
    charts = edition_charts
    lines = 0
    for code in each(list(data.municipalities["kommunekode"])):
        soup = BeautifulSoup(editions.municipality_edition(data, code, stamp, charts, "plotly.min.js"), "html.parser")
        own = soup.select_one("section.kr-chapter")
        for table in own.select(".kr-figure-data table"):
            chosen = [cell.get_text(strip=True) for cell in table.select("tbody td.kr-chosen")]
            assert any(value not in ("", "0") for value in chosen), (code, table.caption.get_text(" ", strip=True) if table.caption else "")
        for line in own.select(".kr-figure-elsewhere"):
            assert line.get_text(" ", strip=True).endswith(editions.ELSEWHERE), code
            lines += 1
    assert lines, "no municipality without a count in a table: the data no longer test it"
