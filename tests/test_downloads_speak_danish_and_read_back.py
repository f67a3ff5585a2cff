"""The published CSV files speak the pages' Danish, and read back as the data they came from.

The s19 brief, item 1: quotes.csv, initiatives.csv, programme_events.csv and attention_points.csv carried the data
folder's English codes (`stated`, `inferred`, `not stated`) where the pages say »angivet i rapporten«, »udledt af
redaktionen«, »ikke angivet i rapporten«. A download now writes the pages' words, and a data folder made of the
downloads validates and gives the same tables again.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.column_guide import column_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import ATTRIBUTIONS, TABLES
from kulturensrige.rules import attribution
from support.checks import csv_rows, each
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent


def _folder(request: pytest.FixtureRequest, folder: str) -> Dataset:
    return request.getfixturevalue("data" if folder == "rapporten" else "analysts")


def test_no_published_csv_has_an_english_provenance_code_in_any_cell(data, data_downloads):
    files = data_downloads
    coded = [
        (file, column) for file, text in files.items() for row in csv_rows(text) for column, cell in row.items() if cell in ATTRIBUTIONS
    ]
    assert coded == []


@pytest.mark.parametrize("folder", ["rapporten", "analytiker"])
def test_a_published_quotes_tie_says_the_cards_words_for_it(request: pytest.FixtureRequest, folder: str):
    data = _folder(request, folder)
    labels = attribution.labels(data.options)
    quotes = {row["quote_id"]: row for row in csv_rows(published_files(data)["quotes.csv"])}
    for row in each(data.quotes.itertuples()):
        # The download leaves out an inferred tie that is not cleared, as the pages open (ADR 33).
        shown = row.attribution if row.attribution != "inferred" or row.cleared == "ja" else ATTRIBUTIONS[-1]
        # A cited work's quotation has no municipality, in the words of its card in the PDFs (the s23 reading, #5).
        said = provenance.LITERATURE_UNTIED if row.reference_key else labels[shown]
        assert quotes[row.quote_id]["attribution"] == said, row.quote_id


def test_an_editors_title_and_a_read_form_say_in_the_download_what_the_pdf_prints_after_them(data, data_downloads):
    """Reading 25, finding 5: an editors' title and form said "udledt af redaktionen" in the download but
    "(redaktionens titel)" / "(redaktionens læsning)" after the value in the PDF; the download now writes the PDF's
    label (provenance.value_label) for the editors' basis, and the pages' words for the report's."""
    files = data_downloads
    titles = {row["initiative_id"]: row["title_basis"] for row in csv_rows(files["initiatives.csv"])}
    forms = {row["event_id"]: row["mode_basis"] for row in csv_rows(files["programme_events.csv"])}
    labels = attribution.labels(data.options)
    said = {
        "title_basis": {**labels, "inferred": provenance.value_label(data.options, "initiatives.title_basis")},
        "mode_basis": {**labels, "inferred": provenance.value_label(data.options, "programme_events.mode_basis")},
    }
    assert said["title_basis"]["inferred"] == "redaktionens titel"
    for row in each(data.initiatives.itertuples()):
        assert titles[row.initiative_id] == said["title_basis"][row.title_basis], row.initiative_id
    for row in each(data.programme_events.itertuples()):
        assert forms[row.event_id] == (said["mode_basis"][row.mode_basis] if row.mode_basis else ""), row.event_id


@pytest.mark.parametrize("folder", ["rapporten", "analytiker"])
def test_a_data_folder_made_from_the_published_downloads_validates_and_gives_the_same_tables(
    request: pytest.FixtureRequest, folder: str, tmp_path: Path
):
    data = _folder(request, folder)
    published = published_files(data)
    # The downloads speak the pages' words, so reading them back is the aliases' work, not the codes passing through.
    assert not {row["title_basis"] for row in csv_rows(published["initiatives.csv"])} & set(ATTRIBUTIONS)
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet")
    for name in each(TABLES):
        for column in ("attribution", "title_basis", "mode_basis", "basis"):
            if column in TABLES[name].columns:
                # The codes again, as the folder the downloads came from (less the inferred ties a download leaves out).
                expected = list(back.tables[name][column])
                assert set(expected) <= {*ATTRIBUTIONS, ""}, (name, column)
    assert list(back.initiatives["title_basis"]) == list(data.initiatives["title_basis"])
    assert list(back.programme_events["mode_basis"]) == list(data.programme_events["mode_basis"])
    assert list(back.attention_points["basis"]) == list(data.attention_points["basis"])
    # Published again, the folder made of the downloads gives the very same files. Only a caption the anonymity rule
    # held back (empty in the download) reads back as no caption at all, which the next download says in words.
    again = published_files(back)
    assert {f: t for f, t in again.items() if f != "quotes.csv"} == {f: t for f, t in published.items() if f != "quotes.csv"}
    held = set(data.quotes.loc[data.quotes["shown_caption"] != data.quotes["caption"], "quote_id"])
    first, second = csv_rows(published["quotes.csv"]), csv_rows(again["quotes.csv"])
    assert len(first) == len(second)
    for one, two in zip(each(first), second, strict=True):
        assert {k: v for k, v in one.items() if k != "caption" or one["quote_id"] not in held} == {
            k: v for k, v in two.items() if k != "caption" or one["quote_id"] not in held
        }, one["quote_id"]


def test_the_data_folder_keeps_its_codes_and_the_dictionary_names_the_words_a_download_writes(data):
    for name, column in (("quotes", "attribution"), ("initiatives", "title_basis"), ("attention_points", "basis")):
        with (REPO / "data" / TABLES[name].file).open(encoding="utf-8", newline="") as f:
            assert {row[column] for row in csv.DictReader(f)} <= set(ATTRIBUTIONS), (name, column)
        allowed = next(r["Tilladte værdier"] for r in column_rows(TABLES[name]) if r["Kolonne"] == column)
        # A tie's word is the cards'; a basis the editors gave is the label the PDFs print after the value (reading 25, #5).
        word = (
            attribution.labels(data.options)["inferred"]
            if column == "attribution"
            else provenance.value_label(data.options, f"{name}.{column}")
        )
        assert f"inferred = „{word}“" in allowed, (name, column)


def test_an_analysts_folder_may_give_a_provenance_code_in_the_pages_words_and_an_unknown_word_is_named(data, tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    text = (folder / "initiatives.csv").read_text(encoding="utf-8")
    labels = attribution.labels(data.options)
    (folder / "initiatives.csv").write_text(text.replace(",inferred,", f",{labels['inferred']},", 1), encoding="utf-8")
    assert list(load(folder).initiatives["title_basis"]) == list(data.initiatives["title_basis"])
    (folder / "initiatives.csv").write_text(text.replace(",inferred,", ",udledt,", 1), encoding="utf-8")
    result = run_script("validate_data", str(folder))
    lines = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "title_basis" in line]
    assert result.returncode == 1 and len(lines) == 1 and "udledt" in lines[0] and "Traceback" not in result.stderr, result
