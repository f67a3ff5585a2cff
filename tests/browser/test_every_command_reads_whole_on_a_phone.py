"""Reader review 20 (issue 22), 3c: on a phone the data chapter's command blocks were cut at the screen's edge
("scripts/export_wor…"), the rest of the command out of sight. Every command block on the book's pages for analysts
wraps inside the screen's column, and its text is still the command as written (the copy button copies that)."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
PAGES = ("om-data/genkoersel.html", "om-data/dataordbog.html", "om-data/meldinger.html", "om-data/udforsker.html")
BLOCKS_JS = """() => [...document.querySelectorAll('.bd-article div.highlight pre')].map((p) => ({
  start: p.textContent.slice(0, 40), scroll: p.scrollWidth, client: p.clientWidth,
  lines: p.innerText.split('\\n').length, written: p.textContent.split('\\n').length}))"""


def test_every_command_block_wraps_inside_a_phones_screen_and_keeps_its_lines(site_url, browser):
    context = browser.new_context(locale="da-DK", **PHONE)
    page = context.new_page()
    blocks = []
    try:
        for path in PAGES:
            page.goto(f"{site_url}/{path}")
            blocks += [(path, b) for b in page.evaluate(BLOCKS_JS)]
        for path, block in each(blocks):
            assert block["scroll"] <= block["client"] + 1, (path, block)
            assert block["lines"] == block["written"], (path, block)
    finally:
        context.close()
