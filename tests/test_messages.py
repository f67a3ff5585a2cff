"""The chapter's table of validation messages is provoked from the validator itself, one kind per row."""

from __future__ import annotations

from kulturensrige import load
from kulturensrige.messages import KINDS, as_html, message_kinds


def test_every_kind_is_provoked_and_says_where_and_what():
    found = message_kinds(load())
    assert len(found) == sum(len(kinds) for _, kinds in KINDS)
    lines = [line for _, line, _ in found]
    assert len(set(lines)) == len(lines), "two kinds give the same message"
    for line in lines:
        where, _, allowed = line.partition(" — ")
        assert where and allowed, line


def test_the_table_escapes_and_lists_every_example():
    data = load()
    html = str(as_html(data)._repr_html_())
    for _, line, _ in message_kinds(data):
        assert line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#x27;") in html
