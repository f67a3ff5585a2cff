"""Issue 22, a new reader at a desk: the front page's five figures of the report stood four and one, the fifth alone on
its row at 1280 px. A list of tiles fills its rows: on a desktop no row holds one tile of a list of several."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PAGES = ["index.html", "kulturens-rige.html", "ingredienser/etablering-af-vi.html"]
TILE_LISTS = ".kr-key-figures, .kr-tiles:not(.kr-steps)"

# Each list of tiles: its tiles' count on each row (a row: the tiles whose tops are within a pixel).
ROWS_JS = """(selector) => [...document.querySelectorAll(selector)].filter((list) => list.children.length > 1)
  .map((list) => {
    const tops = [...list.children].map((tile) => Math.round(tile.getBoundingClientRect().top));
    const rows = new Map();
    for (const top of tops) rows.set(top, (rows.get(top) ?? 0) + 1);
    return {list: list.getAttribute('aria-label') || list.className, rows: [...rows.values()]};
  })"""


@pytest.mark.parametrize("path", PAGES)
def test_a_list_of_tiles_leaves_no_tile_alone_on_a_desktop_row(browser, site_url, path):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{path}")
        for tiles in each(page.evaluate(ROWS_JS, TILE_LISTS)):
            assert 1 not in tiles["rows"], (path, tiles)
    finally:
        context.close()
