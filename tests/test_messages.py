"""The chapter's table of validation messages is provoked from the validator itself, one kind per row."""

from __future__ import annotations

import pytest

from kulturensrige.render.error_catalogue import KINDS, table_of
from support.checks import each


@pytest.fixture(scope="module")
def found(provoked_messages):
    """Every kind provoked once a run (conftest's `provoked_messages`; each provocation validates a changed copy of
    data/); both tests read the result."""
    return provoked_messages


def test_every_kind_is_provoked_and_says_where_and_what(found):
    assert len(found) == sum(len(kinds) for _, kinds in KINDS)
    lines = [line for _, line, _ in found]
    assert len(set(lines)) == len(lines), "two kinds give the same message"
    for line in lines:
        where, _, allowed = line.partition(" — ")
        assert where and allowed, line


def test_the_table_escapes_and_lists_every_example(found):
    html = str(table_of(found)._repr_html_())
    for _, line, _ in each(found):
        assert line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;") in html


def test_the_catalogue_names_the_columns_that_read_a_date_as_the_schema_makes_them():
    """Code review 13, #12: the catalogue said 'begivenhedernes datokolonne' by hand while the workbook's guidance
    took the date columns from the schema (schema.date)."""
    meanings = [kind.meaning for _, kinds in KINDS for kind in kinds if "datokolonne" in kind.meaning]
    assert meanings and all("(programme_events.date)" in meaning for meaning in meanings), meanings


def test_the_catalogue_credits_no_tie_to_the_report():
    """Reading 31, #1: the help an analyst reads when validating their own folder said 'stated' meant „rapporten siger
    det“ and asked „hvad i rapporten der peger på kommunen“; in an analyst's folder the ties are the analyst's (or their
    source's), so the catalogue words a tie by its source, neutrally: „kilden angiver kommunen“."""
    said = [f"{kind.meaning} {kind.remedy}" for _, kinds in KINDS for kind in kinds]
    credits_report = [text for text in said if "rapport" in text]
    assert not credits_report, credits_report
    assert any("stated (kilden angiver kommunen)" in text for text in said), said
