"""Issue 22, a new reader: »Om valget«, opened at a page's top, lay over the page's title (375 px and 1280 px), and
at 1280 px the select's »Kommune« label went away once a municipality was chosen. ADR 75 then laid the panel over the
page so as to move nothing, and it covered the title again (reader 26 r2, #7: the ⓘ's panel over the title on a
phone). Now (ADR 91) the page at its top makes room for the open panel: the title stands whole under it, and closing
the panel puts the title back where it stood; on a wide screen the label stays."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOXES_JS = """() => {
  const body = document.getElementById('kr-filter-body').getBoundingClientRect();
  const title = document.querySelector('article h1');
  const box = title.getBoundingClientRect();
  const label = document.querySelector('label[for=kr-kommune]').getBoundingClientRect();
  const seen = document.elementFromPoint(box.left + 4, box.top + box.height / 2);
  return {panelHeight: body.height, panelBottom: body.bottom, titleTop: box.top, titleSeen: title.contains(seen),
          label: label.width > 2 && label.height > 2};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_open_panel_at_a_pages_top_leaves_the_title_whole_under_it_and_closed_puts_it_back(browser, site_url, width):
    phone = width < 600
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for path in ("index.html", "kommuner/profil-koege.html?kommune=koege"):
            page.goto(f"{site_url}/{path}")
            page.evaluate("() => window.KR_FILTER.ready")
            before = page.evaluate(BOXES_JS)
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => document.querySelector('.kr-filter').classList.contains('kr-open')")
            boxes = page.evaluate(BOXES_JS)
            assert boxes["panelHeight"] > 10 and boxes["titleSeen"] and boxes["titleTop"] >= boxes["panelBottom"], (
                width,
                path,
                before,
                boxes,
            )
            if not phone and "kommune=" in path:
                assert boxes["label"], "a wide screen keeps the select's label beside a choice"
            page.locator(".kr-filter-toggle").click()
            page.wait_for_function("() => !document.querySelector('.kr-filter').classList.contains('kr-open')")
            closed = page.evaluate(BOXES_JS)
            assert closed["titleSeen"] and closed["titleTop"] == before["titleTop"], (width, path, closed)
    finally:
        context.close()
