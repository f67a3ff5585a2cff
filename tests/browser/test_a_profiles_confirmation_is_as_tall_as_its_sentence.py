"""Reader review 23 (issue 22), #12: after »Fremhæv Ringkøbing-Skjern i resten af bogen« on its page, the
confirmation kept the button's height (the sentence beside the button and the button under it) and left an empty band
under its one sentence, at 375 px. It is as tall as its sentence."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

# The confirmation's height and its sentence's (its lines at the box's line height), with the box's padding and border.
BAND_JS = """() => {
  const said = document.querySelector('.kr-profile-chosen');
  const style = getComputedStyle(said);
  const range = document.createRange();
  range.selectNodeContents(said);
  const edges = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth']
    .reduce((sum, key) => sum + parseFloat(style[key]), 0);
  const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  return {box: said.getBoundingClientRect().height, text: lines * parseFloat(style.lineHeight) + edges};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_profiles_confirmation_leaves_no_empty_band(data, site_url, browser, width):
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 667}, locale="da-DK", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for row in each(data.municipalities.itertuples()):
            page.goto(f"{site_url}/kommuner/profil-{row.slug}.html?kommune=alle")
            page.evaluate("() => window.KR_FILTER.ready")
            page.click(".kr-profile-choose-button")
            sentence = f"{row.name} er valgt og fremhæves nu i resten af bogen."
            page.wait_for_function("(s) => document.querySelector('.kr-profile-chosen').textContent === s", arg=sentence)
            page.wait_for_timeout(100)
            band = page.evaluate(BAND_JS)
            assert band["box"] - band["text"] <= 2, (width, row.slug, band)
    finally:
        context.close()
