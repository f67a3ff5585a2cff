"""The data chapter as a reader finds their way in it: what it is for first, a list of its parts, and the two long
reference parts (the data dictionary, the messages' catalogue) on pages of their own, nothing folded away.

On a phone the chapter was about 67,000 px, its dictionary in 31 closed disclosures (issue 22)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.build

CHAPTER = "om-data/genkoersel.html"
PARTS = {"om-data/dataordbog.html": "Dataordbog", "om-data/meldinger.html": "Hvad valideringens meldinger betyder"}


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_the_data_chapter_opens_with_a_list_of_its_parts_and_its_reference_parts_are_pages_of_their_own(built_site: Path):
    """The chapter says whom it is for, then lists its parts, each a link: its sections on the page and the two
    reference pages, which stand under it in the chapter list and carry their own titles and tables."""
    chapter = _soup(built_site, CHAPTER)
    article = chapter.select_one("article.bd-article")
    first_list = article.select_one("section > ul")
    assert first_list is not None and article.find("p").find_next("ul") is first_list
    links = [a["href"] for a in first_list.select("a[href]")]
    on_page = {a.lstrip("#") for a in links if a.startswith("#")}
    assert on_page and all(article.find(id=anchor) for anchor in on_page), links
    for page, title in PARTS.items():
        assert Path(page).name in links, (page, links)
        part = _soup(built_site, page)
        assert part.select_one("article.bd-article h1").get_text(strip=True).rstrip("#") == title
        assert part.select(".kr-table-wrap table"), page
        nested = chapter.select_one(f'nav.bd-docs-nav a[href="{Path(page).name}"]')
        assert nested is not None and nested.find_parent("li", class_="toctree-l2"), page
    assert not article.select(".kr-dictionary, .kr-messages"), "ordbogen eller meldingerne står stadig i kapitlet"


def test_no_part_of_the_data_chapter_is_folded_away(built_site: Path):
    """Only the foot's one line "Sådan er siden lavet" may be closed; the dictionary's tables stand open."""
    for page in (CHAPTER, *PARTS):
        closed = [
            d for d in _soup(built_site, page).select("article.bd-article details:not([open])") if "kr-made" not in d.get("class", [])
        ]
        assert not closed, (page, [d.get("class") for d in closed])
