"""A .qdpx written by a real QDA tool, Exegete 0.15.1a1 (tests/fixtures/qdpx/exegete/), imported with the
example code map the book ships.

Exegete nests the ingredient codes inside a category (a code that cannot be coded, QualCoder's way),
writes a passage coded with two codes as two selections with the same positions, and leaves the cases
out of its export, so the municipality comes from the document list.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import refiqda

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "qdpx" / "exegete"
PROJECT = FIXTURE / "exegete-projekt.qdpx"
EXAMPLE_CODES = REPO / "templates" / "koder-eksempel.csv"


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, refiqda.ImportSummary]:
    out = tmp_path_factory.mktemp("exegete") / "data"
    return out, refiqda.import_project(PROJECT, EXAMPLE_CODES, out, documents=FIXTURE / "dokumenter.csv")


def _sources() -> dict[str, str]:
    with zipfile.ZipFile(PROJECT) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("sources/")}


def test_the_fixture_was_written_by_exegete_without_cases():
    with zipfile.ZipFile(PROJECT) as archive:
        qde = archive.read("project.qde").decode("utf-8")
    assert 'origin="Exegete"' in qde and "<Cases" not in qde and "<Variables" not in qde
    assert 'name="Ingredienser" isCodable="false"' in qde


def test_its_coded_passages_become_the_report_quotes_verbatim(imported):
    out, _ = imported
    quotes = load(out).quotes
    report = load(REPO / "data").quotes.set_index("quote_id")["text"]
    sources = "\n".join(_sources().values())
    assert len(quotes) == 4
    for text in quotes["text"]:
        assert text in sources  # cut from the tool's own source file by its character offsets
        assert any(text in quote for quote in report), text  # and the report's words, unchanged
    assert set(quotes["text"]) >= {report["q009"], report["q021"], report["q029"]}


def test_its_nested_codes_map_to_ingredients_and_a_passage_coded_twice_is_one_quote(imported):
    out, summary = imported
    quotes = load(out).quotes.set_index("text")
    report = load(REPO / "data").quotes.set_index("quote_id")["text"]
    assert quotes.loc[report["q029"], "ingredient_ids"] == ("etablering-af-vi", "leg-mod-og-laering")
    assert quotes.loc[report["q009"], "ingredient_ids"] == ("etablering-af-vi",)
    assert quotes.loc[report["q021"], "ingredient_ids"] == ("leg-mod-og-laering",)
    assert (summary.passages, summary.quotes, summary.merged) == (6, 4, 1)
    assert summary.unmapped_codes == ["Ledelsens opbakning"]
    assert dict(summary.skipped) == {refiqda.SKIP_UNMAPPED: 1}
    assert "Koder, som kodekortet ikke nævner: Ledelsens opbakning" in summary.lines()


def test_the_document_list_ties_its_interview_to_an_eighth_municipality(imported):
    out, summary = imported
    data = load(out)
    quotes = data.quotes
    vejle = quotes[quotes["kommunekode"] == "630"]
    assert len(vejle) == 2 and set(vejle["attribution"]) == {"stated"} and set(vejle["speaker_role"]) == {"Kulturkonsulent"}
    assert set(vejle["shown_role"]) == {"Kulturmedarbejdere"}  # the anonymity rule: the category, not the exact role
    assert set(quotes.loc[quotes["kommunekode"] == "", "attribution"]) == {"not stated"}
    assert summary.new_municipalities == ["Vejle (630)"]
    assert data.municipalities.set_index("kommunekode").loc["630", "region"] == "Region Syddanmark"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils mangler (scripts/install_pdf_tools.sh)")
@pytest.mark.browser  # printed by Chromium
def test_its_eighth_municipality_gets_a_pdf_edition_with_the_quotes_verbatim(imported, tmp_path: Path):
    from test_pdf import municipality_pdfs, pdf_text, squeeze

    out, _ = imported
    data = load(out)
    path = municipality_pdfs(out, tmp_path / "pdf", ["630"])["630"]
    text = pdf_text(path, "Kulturens Rige – Vejle")
    assert path.name == "kulturens-rige-vejle.pdf" and squeeze("Udgaven for Vejle") in text
    for quote in data.quotes.loc[data.quotes["kommunekode"] == "630", "text"]:
        assert squeeze(quote) in text
    assert squeeze("Kommune: Vejle (angivet af analytikeren i QDA-projektet)") in text
