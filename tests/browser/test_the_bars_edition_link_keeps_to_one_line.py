"""Reader review 20 (issue 22), desktop: at 1280 px the filter bar's link to the chosen municipality's edition broke
inside itself, "PDF" at the end of one line and "(587 kB)" on the next (Høje-Taastrup, Guldborgsund). The link keeps
to one line for every municipality; where the bar has no room beside the page's link it goes to the next line whole."""

from __future__ import annotations

import pytest

from support.browser_files import offered_files, serve_files
from support.checks import each

pytestmark = pytest.mark.browser


def test_the_bars_edition_link_keeps_to_one_line_at_1280_px(data, site_url, browser, tmp_path):
    scripts = offered_files(tmp_path, data, {slug: 600_000 for slug in data.municipalities["slug"]})
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 800})
    serve_files(context, scripts)
    page = context.new_page()
    try:
        seen = []
        for slug in data.municipalities["slug"]:
            page.goto(f"{site_url}/ingredienser/oversigt.html?kommune={slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            link = page.locator(".kr-filter-row .kr-filter-offer-pdf a")
            assert link.is_visible(), slug
            seen.append((slug, link.evaluate("(a) => a.getClientRects().length")))
        for slug, lines in each(seen):
            assert lines == 1, slug
    finally:
        context.close()
