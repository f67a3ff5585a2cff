"""Reader review 20 (issue 22), desktop 6: in dark mode the "+" of the search field's "Ctrl + K" stood 2.5:1 from the
page (1.5:1 in light mode), under WCAG's 4.5:1. The hint's text reads at 4.5:1 or more in both themes on a desktop.
(A phone shows no hint: test_search.py checks that.)"""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PAGES = ("index.html", "search.html?q=ensomhed")
# Each hint shown: its text colour and the first opaque background behind it, as sRGB triples.
HINTS_JS = """() => [...document.querySelectorAll('.search-button__kbd-shortcut')].filter((s) => s.checkVisibility())
  .map((s) => { const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
    let e = s, bg = [0, 0, 0, 0];
    while (e && (bg.length > 3 && bg[3] === 0)) { bg = rgb(getComputedStyle(e).backgroundColor); e = e.parentElement; }
    return {color: rgb(getComputedStyle(s).color), bg}; })"""


def _contrast(a: list[float], b: list[float]) -> float:
    def lum(rgb: list[float]) -> float:
        lin = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_search_shortcut_hint_reads_at_4_5_to_1_on_a_desktop(site_url, browser, theme):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 800}, color_scheme=theme)
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    hints = []
    try:
        for path in PAGES:
            page.goto(f"{site_url}/{path}")
            assert page.evaluate("() => document.documentElement.dataset.theme") == theme
            hints += [(path, h) for h in page.evaluate(HINTS_JS)]
        for path, hint in each(hints):
            assert _contrast(hint["color"], hint["bg"]) >= 4.5, (path, hint)
    finally:
        context.close()
