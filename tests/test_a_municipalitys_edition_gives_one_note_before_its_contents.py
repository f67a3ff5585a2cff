"""Issue 22, reader 26: page 1 of each municipality's edition gave three notes in small print before its contents
(whose the code and the region are, the retelling rule, whose the edition is). One note stands before the contents,
the rule that says how to read all that follows, in the pages' words; the other two follow the contents on the same
page (docs/adr/0090)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.edition import editions
from kulturensrige.render import front_page
from support.checks import each
from test_pdf import REPO, page_texts, report_site, squeeze  # noqa: F401 (report_site: the fixture, the PDFs made once per run)


@pytest.mark.build
def test_a_municipalitys_edition_gives_one_note_before_its_contents_and_the_others_after_them(report_site: Path):  # noqa: F811
    data = load(REPO / "data")
    credit = BeautifulSoup(front_page.credit(data, this="Denne udgave", place=editions.PRINTED_EDITORS_PLACE), "html.parser")
    notes = {
        "rule": squeeze(provenance.retelling_rule(data.options)),
        "additions": squeeze(editions.edition_sources(data)["note"]),
        "credit": squeeze(credit.get_text(" ")),
    }
    for row in each(list(data.municipalities.itertuples())):
        cover, contents, after = page_texts(report_site / "pdf" / editions.file_name(row.slug))[0].partition("Indhold")
        assert contents, f"{row.slug}: the contents do not begin on page 1"
        assert [name for name, said in notes.items() if said in cover] == ["rule"], row.slug
        assert [name for name, said in notes.items() if said in after] == ["additions", "credit"], row.slug
