"""The explorer page said "bogens øvrige tabeller har ingen CSV-fil" (reading 24, F10), but every page's "Sådan er
siden lavet" links the data tables it is written from as CSV files, and the tables under the charts have theirs."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_guide_claims_no_table_is_without_a_csv_file_and_names_where_the_data_tables_are():
    guide = (REPO / "book" / "om-data" / "udforsker.md").read_text(encoding="utf-8")
    assert "øvrige tabeller har ingen CSV-fil" not in guide
    assert "som CSV-filer under „Sådan er siden lavet“ nederst på siden" in guide
