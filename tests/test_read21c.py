"""The last line-by-line reading's leftovers (read21c, issue 21): each test reads what the book publishes and checks
it against the report's own text."""

from __future__ import annotations

import csv
import io

from kulturensrige.data.publishing import SOURCES_FILE, published_files
from kulturensrige.data.schema import NOT_STATED, TABLES
from report_source import collapse, repair_hyphenation
from support.checks import each


def _report(report_text: str) -> str:
    return collapse(repair_hyphenation(report_text))


def _sources(data) -> dict[tuple[str, str], dict[str, str]]:
    rows = csv.DictReader(io.StringIO(published_files(data)[SOURCES_FILE], newline=""))
    return {(r["fil"], r["kolonne"]): r for r in rows}


def test_the_sources_file_credits_the_report_with_no_column_that_says_ikke_angivet(data):
    """#4: kilder.csv called publication.csv's year 'rapportens' while the year is 'ikke angivet': the report gives no
    year, so the absence is the report's silence, and the row says so, as it does for Figure 1's columns."""
    sources = _sources(data)
    files = published_files(data)
    for name, table in each(list(TABLES.items())):
        rows = list(csv.DictReader(io.StringIO(files[table.file], newline="")))
        for column in table.columns:
            if any(r[column] == NOT_STATED for r in rows):
                assert sources[(table.file, column)]["hvis_ord"] != "rapportens", (name, column)
    year = sources[("publication.csv", "year")]
    assert "rapporten angiver udgivelsesåret" in year["hvis_ord"] and "figurens tabel" not in year["begrundelse"], year


def test_each_named_persons_role_stands_beside_the_name_in_the_report(data, report_text):
    """#4: Christa Breum Amhøj's role read 'facilitator af aktionslæringsforløbet fra Aktionsuniversitetet' under the
    heading 'Rolle (som i rapporten)'; the report writes 'facilitator af aktionslæringsforløbet Christa Breum Amhøj
    fra Aktionsuniversitetet'. Each role is the report's words right before or after the person's name."""
    report = _report(report_text)
    for person in each(list(data.resource_persons.itertuples())):
        beside = (f"{person.role} {person.name}", f"{person.name} {person.role}", f"{person.name}, {person.role}")
        assert any(words in report for words in beside), person
