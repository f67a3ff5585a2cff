"""Issue 22, a new reader: »Om valget«, opened at a page's top, lay over the page's title (375 px and 1280 px), and
at 1280 px the select's »Kommune« label went away once a municipality was chosen. Opened at the top, the panel stands
on the page and the title below it; on a wide screen the label stays."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOXES_JS = """() => {
  const body = document.getElementById('kr-filter-body').getBoundingClientRect();
  const title = document.querySelector('article h1').getBoundingClientRect();
  const label = document.querySelector('label[for=kr-kommune]').getBoundingClientRect();
  return {panelBottom: body.bottom, panelHeight: body.height, titleTop: title.top, label: label.width > 2 && label.height > 2};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_open_panel_at_a_pages_top_leaves_the_title_in_view(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for path in ("index.html", "kommuner/profil-koege.html?kommune=koege"):
            page.goto(f"{site_url}/{path}")
            page.evaluate("() => window.KR_FILTER.ready")
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => document.querySelector('.kr-filter').classList.contains('kr-open')")
            boxes = page.evaluate(BOXES_JS)
            assert boxes["panelHeight"] > 10 and boxes["panelBottom"] <= boxes["titleTop"], (width, path, boxes)
            if not phone and "kommune=" in path:
                assert boxes["label"], "a wide screen keeps the select's label beside a choice"
    finally:
        context.close()
