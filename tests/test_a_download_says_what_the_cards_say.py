"""The s26 fidelity reading (reading26r2), the download findings given to words26c: a published CSV says a value in
the words the pages give it, or says plainly which file holds those words."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.publishing import published_files


def _rows(published: dict[str, str], name: str, key: str) -> dict[str, dict[str, str]]:
    return {r[key]: r for r in csv.DictReader(io.StringIO(published[name], newline=""))}


def test_initiatives_csv_says_each_status_in_the_cards_words_and_reads_back_as_its_id(data, tmp_path: Path):
    """Finding 2: the pages, the PDFs and kilder.csv promise that the downloads say „kan ikke læses ud af rapporten“
    for an initiative without a status, but initiatives.csv held the ids (`ikke-angivet`, `gennemfoert`). The column
    now says the status as the cards do, and a download read back as a data folder gives the ids again."""
    published = published_files(data)
    rows = _rows(published, "initiatives.csv", "initiative_id")
    labels = dict(zip(data.statuses["status_id"], data.statuses["label"], strict=True))
    for row in data.initiatives.itertuples():
        said = rows[row.initiative_id]["status"]
        if labels[row.status] == "ikke angivet":
            assert said == provenance.no_status(data.options) == "kan ikke læses ud af rapporten", row.initiative_id
        else:
            assert said == labels[row.status], row.initiative_id
    assert rows["koege-gang-i-gaarden"]["status"] == "Gennemført"
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet")
    assert dict(zip(back.initiatives["initiative_id"], back.initiatives["status"], strict=True)) == dict(
        zip(data.initiatives["initiative_id"], data.initiatives["status"], strict=True)
    )
