"""Reader review 23 (issue 22), #12: on a phone the bar's line »Alt om Køge  PDF (565 kB)« read as one phrase, »Alt
om Køge PDF«: two links apart by a gap only. The edition's link has a mark of its own before it, a download arrow
shown outside the link (its name says the whole), at 375 and 1280 px."""

from __future__ import annotations

import pytest

from support.browser_files import offered_files, serve_files
from support.checks import each

pytestmark = pytest.mark.browser

# What stands shown between the page's link and the edition's: the edition's part's own mark before its link.
MARK_JS = """() => {
  const pdf = document.querySelector('.kr-filter-lines .kr-filter-offer-pdf');
  if (!pdf || !pdf.checkVisibility()) return null;
  const content = getComputedStyle(pdf, '::before').content;
  return content === 'none' || content === 'normal' ? '' : content.replace(/ \\/ .*$/, '').replace(/["\\s\\u00a0]/g, '');
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_edition_link_has_a_mark_of_its_own_beside_the_pages_link(data, site_url, browser, tmp_path, width):
    scripts = offered_files(tmp_path, data, {slug: 565_000 for slug in data.municipalities["slug"]})
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 667}, locale="da-DK", is_mobile=phone, has_touch=phone)
    serve_files(context, scripts)
    page = context.new_page()
    try:
        for row in each(data.municipalities.itertuples()):
            page.goto(f"{site_url}/vaerdiskabelser.html?kommune={row.slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            assert page.evaluate(MARK_JS), (width, row.slug)
    finally:
        context.close()
