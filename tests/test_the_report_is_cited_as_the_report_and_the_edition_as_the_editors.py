"""How to cite (reading 24, F3 and F9): the municipal PDFs' example, "Sund By Netværket (u.å.): Kulturens Rige.
Udgaven for Aarhus, 7. december 2026.", put the editors' edition under the publisher's name; the web page and the
whole-book PDF said it otherwise. One form now: the report cited as the report, the edition named as the editors'.
And where the book tells how to cite, it says why it cites by section: the text it is made from has no page numbers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige.edition import editions
from kulturensrige.render import front_page
from support.checks import each

STAMP = editions.Stamp("data", "0123456789", dt.date(2026, 12, 7), "https://example.org/bog")


def _text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def _cite(data, text: str) -> str:
    return text[text.index("Citér rapporten som kilden") :]


@pytest.mark.long  # every municipality's edition
def test_the_edition_is_cited_as_the_editors_not_under_the_publishers_name(data, edition_charts):
    reference = _text(front_page.reference(data))
    for code in each(list(data.municipalities["kommunekode"])):
        name = data.municipalities.set_index("kommunekode").at[code, "name"]
        said = _cite(data, _text(editions.municipality_edition(data, code, STAMP, edition_charts, "p.js")))
        assert f"{reference} Udgaven for" not in said
        assert f"Eksempel: {reference} Citeret efter redaktionens udgave for {name}, 7. december 2026" in said, said
        assert "Udgaven er redaktionens, ikke Sund By Netværkets." in said


def test_the_web_page_and_the_pdfs_cite_in_one_form(data, edition_charts):
    web = _text(front_page.how_to_cite(data))
    printed = _cite(data, _text(editions.municipality_edition(data, "751", STAMP, edition_charts, "p.js")))

    # The same sentences, but for the edition's name and its day.
    def form(text: str) -> str:
        text = re.sub(r"redaktionens (udgave for Aarhus|netudgave af bogen)", "redaktionens <udgave>", text)
        return re.sub(r", (7\. december 2026, https://example\.org/bog|\[datoen nederst på siden\])\.", ", <dag>.", text)

    assert form(printed).startswith(form(web)), (form(web), form(printed))


def test_where_the_book_tells_how_to_cite_it_says_the_text_it_is_made_from_has_lost_its_page_numbers_but_one(
    data, edition_charts, report_text: str
):
    # Only the furniture line "13Sund By Netværket" carries a number: „har ingen sidetal“ was not quite true (reading
    # 30, #7), so the sentence says one is left.
    numbered = [line for line in report_text.splitlines() if re.fullmatch(r"\s*\d{1,3}\s*|\d{1,3}Sund By Netværket\s*", line)]
    assert len(numbered) == 1, numbered
    said = (
        "Den tekst af rapporten, bogen er lavet efter, har mistet rapportens sidetal; kun ét står tilbage. "
        "Derfor henviser bogen til rapportens afsnit"
    )
    assert said in _text(front_page.how_to_cite(data))
    assert said in _text(editions.municipality_edition(data, "259", STAMP, edition_charts, "p.js"))


def test_the_front_page_gives_the_citation_and_its_example_and_links_to_the_rest_in_the_data_chapter(data):
    """Reader 29, F5: four paragraphs of citing were the last two of the phone's six screens of the front page. It
    keeps the citation and the example, in the one form; why the book cites by section and what to say of the edition
    stand in the data chapter (how_to_cite), behind one link."""
    whole, brief = front_page.citing(data, front_page.WEB_EDITION, front_page.WEB_DATE), front_page.cite_briefly(data)
    said = _text(brief)
    assert _text(whole.report) in said and _text(whole.example) in said
    assert _text(whole.pages) not in said and _text(whole.edition) not in said
    assert said.endswith(front_page.CITING_LINK)
    book = Path(front_page.__file__).parents[2] / "book"
    assert "front_page.cite_briefly(data)" in (book / "index.ipynb").read_text(encoding="utf-8")
    chapter = (book / f"{front_page.EDITORS_PAGE}.ipynb").read_text(encoding="utf-8")
    assert f"({front_page.CITING_ANCHOR})=" in chapter and "front_page.how_to_cite(data)" in chapter
