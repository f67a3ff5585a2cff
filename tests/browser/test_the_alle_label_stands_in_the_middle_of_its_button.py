"""Reader 26 r2, #7: the filter bar's „Alle“ sat high in its button, beside the select's centred name. Its label
stands in the button's middle, chosen or not, on a phone and on a desk."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

# The label's letters against the button: how far their ink stands from its top and from its bottom (the font's
# ascent puts the baseline in the line box; „Alle“ has no descender, so its ink ends there).
OFFSETS_JS = """() => { const b = document.querySelector('.kr-filter-reset'); const r = b.getBoundingClientRect();
  const cs = getComputedStyle(b); const range = document.createRange(); range.selectNodeContents(b);
  const line = range.getBoundingClientRect(); const ctx = document.createElement('canvas').getContext('2d');
  ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`; const m = ctx.measureText(b.textContent.trim());
  const baseline = line.top + m.fontBoundingBoxAscent;
  return [baseline - m.actualBoundingBoxAscent - r.top, r.bottom - baseline - m.actualBoundingBoxDescent]; }"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_alle_label_stands_in_the_middle_of_its_button_chosen_or_not(browser, site_url, width):
    phone = width < 500
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for query in each(["", "?kommune=koege"]):
            page.goto(f"{site_url}/index.html{query}")
            page.evaluate("() => window.KR_FILTER.ready")
            above, below = page.evaluate(OFFSETS_JS)
            assert abs(above - below) <= 0.5, (query, above, below)
    finally:
        context.close()
