"""What every page loads before its text shows, and what it tells search engines (issue 11, SEO).

The head's scripts are deferred, the 1.45 MB fontawesome.js is gone, Sphinx's search index loads only on the
search page, and every page has a meta description taken from data, its first paragraph, or the book's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book.descriptions import LIMIT, book_description, data_description, page_description, shorten
from support.checks import each


def reader_pages(site: Path) -> dict[str, BeautifulSoup]:
    pages = [p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_")]
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in pages}


@pytest.fixture(scope="module")
def soups(built_site: Path) -> dict[str, BeautifulSoup]:
    return reader_pages(built_site)


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = "ord " * 100
    short = shorten(text)
    assert len(short) <= LIMIT and short.endswith("ord…")
    assert shorten("  to\n ord ") == "to ord"


def test_a_profile_page_is_described_by_its_municipality_and_an_ingredient_page_by_its_ingredient():
    data = load()
    row = data.municipalities.iloc[0]
    assert data_description(data, f"kommuner/profil-{row.slug}") == row.summary
    ingredient = data.ingredients.iloc[0]
    page = data.sections.set_index("section_id").loc[ingredient.section_id, "book_page"]
    assert data_description(data, page) == ingredient.short_description
    assert data_description(data, "baggrund") == ""
    assert data_description(data, "index") == book_description(data), "the front page is the book"


def test_a_page_without_data_or_text_of_its_own_gets_the_book_counted_from_data():
    data = load()
    assert page_description(data, "baggrund", "Første afsnit.") == "Første afsnit."
    assert page_description(data, "search", "") == shorten(book_description(data))
    assert f"{len(data.municipalities)} kommuner" in book_description(data)


@pytest.mark.build
def test_every_page_has_one_meta_description_of_search_length(soups):
    data = load()
    for name, soup in soups.items():
        if soup.find("meta", attrs={"http-equiv": "Refresh"}):
            continue  # a redirect, not a page
        metas = soup.find_all("meta", attrs={"name": "description"})
        assert len(metas) == 1, name
        assert 40 <= len(metas[0]["content"]) <= LIMIT, (name, metas[0]["content"])
    row = data.municipalities.iloc[0]
    profile = soups[f"kommuner/profil-{row.slug}.html"].find("meta", attrs={"name": "description"})["content"]
    assert profile == shorten(row.summary)


@pytest.mark.build
def test_no_script_blocks_the_first_paint(soups):
    for name, soup in each(soups.items()):
        for script in soup.head.find_all("script", src=True) if soup.head else []:
            assert script.has_attr("defer") or script.has_attr("async"), (name, script["src"])


@pytest.mark.build
def test_no_page_loads_fontawesome_js_and_only_the_search_page_loads_the_search_index(soups):
    for name, soup in each(soups.items()):
        sources = [s["src"].split("?")[0] for s in soup.find_all("script", src=True)]
        assert not [s for s in sources if "fontawesome" in s], name
        assert not [link["href"] for link in soup.find_all("link", href=True) if "fontawesome" in link["href"]], name
        index = [s for s in sources if s.endswith("searchindex.js")]
        assert len(index) == (1 if name == "search.html" else 0), name
