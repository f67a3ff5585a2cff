"""Reader32, #8: under Evalueringsdesign › Datagrundlag three of four items ended „Rapporten siger ikke, hvem/hvilke
…“, which a lay reader takes for criticism of the report. What the report does not tell is said once, in one line
after the list; an item keeps a remark that says something (ADR 123)."""

from __future__ import annotations

from bs4 import BeautifulSoup

from kulturensrige.render import lists
from support.checks import each


def test_the_data_sources_say_once_after_the_list_what_the_report_does_not_tell(data):
    listed = BeautifulSoup(str(lists.evaluation_sources(data)), "html.parser")
    items = listed.select("li")
    assert len(items) == len(data.evaluation_sources)
    for item in each(items):
        assert "siger ikke" not in item.get_text(), item.get_text()
    said = [p for p in listed.select("p") if "siger ikke" in p.get_text()]
    assert len(said) == 1 and said[0].find_previous_sibling("ul") is not None, said
    for description in each(list(data.evaluation_sources["description"])):
        if description.startswith("Rapporten siger ikke, "):
            assert description.removeprefix("Rapporten siger ikke, ").removesuffix(".") in said[0].get_text(), description
        else:
            assert description in listed.get_text(), description
