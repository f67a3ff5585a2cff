"""Issue 21, reading26 #3 (the rest left by words26): an initiative whose target groups, art forms or places the report
leaves out reads „Ikke angivet i rapporten: målgrupper …“ on its card and in its edition, but the published
initiatives.csv wrote a bare „ikke angivet“ in those cells. The download says it in the cards' words (the folder's,
provenance.folder_words), and read back as a data folder the cell is empty again, as the data folder has it."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import provenance
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import NOT_STATED
from kulturensrige.render import cards
from support.checks import each
from support.folders import with_option
from test_pdf import REPO

COLUMNS = {"target_group_ids": "Målgrupper", "art_form_ids": "Kunstformer og aktiviteter", "setting_ids": "Steder og rammer"}


@pytest.mark.parametrize("source", ["rapporten", "analytiker"])
def test_an_initiatives_unstated_list_reads_in_the_download_as_its_card_says_it_and_reads_back_empty(tmp_path: Path, source: str):
    folder = tmp_path / "mappe"
    shutil.copytree(REPO / "data", folder)
    if source != "rapporten":  # ADR 86: data/ states its kilde, so the row is replaced, not appended
        with_option(folder, "kilde", source)
    data = load(folder)
    published = published_files(data)
    rows = {r["initiative_id"]: r for r in csv.DictReader(io.StringIO(published["initiatives.csv"].lstrip("\ufeff")))}
    # The card's words for a list the report leaves out, from the card's own line ('Ikke angivet i rapporten: …').
    line = cards.unstated_facts(data, [("Målgrupper", NOT_STATED)])["unstated_line"]
    said = line.partition(":")[0].lower()
    assert said == provenance.folder_words(data.options).not_stated
    checked = 0
    for row in each(list(data.initiatives.itertuples())):
        for column in COLUMNS:
            if not getattr(row, column):
                checked += 1
                # A part's list its whole gives for both says so, as its card does (brief facts32, #3).
                expected = cards.for_the_whole(data, row).get(column, said)
                assert rows[row.initiative_id][column] == expected, (row.initiative_id, column)
    assert checked >= 3
    assert NOT_STATED not in {rows[i][c] for i in rows for c in COLUMNS}
    if source != "rapporten":
        assert not any("rapporten" in rows[i][c] for i in rows for c in COLUMNS)
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet").initiatives
    for column in COLUMNS:
        assert list(back[column]) == list(data.initiatives[column]), column
