"""Reading s24, F5: evalueringsdesign's »Datagrundlag« listed the report's words verbatim (»deltagerobservationer ved
de fælles workshops, deltagelse på udvalgte online tovholdermøder, …«) with neither »…« nor a label, while the next
lists on the same page were introduced "(rapportens ordlyd)". Every list of the report's words on the page is
introduced as the report's wording, the data sources' too."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from support.checks import each


@pytest.mark.build
def test_every_list_on_evalueringsdesign_is_introduced_as_the_reports_wording(built_site: Path, data):
    article = BeautifulSoup((built_site / "evalueringsdesign.html").read_text(encoding="utf-8"), "html.parser").select_one(
        "article.bd-article"
    )
    lists = [found for found in article.select("ul, ol") if not found.find_parent(class_=["kr-made", "kr-note-about"])]
    # In the report's own lower case, in »…« (reading 26, #13).
    labels = [f"»{label[0].lower()}{label[1:]}«" for label in data.evaluation_sources["label"]]
    assert any(all(label in found.get_text() for label in labels) for found in lists)
    for found in each(lists):
        lead = found.find_previous("p")
        assert lead is not None and "rapportens ordlyd" in lead.get_text(), found.get_text(" ")[:80]
