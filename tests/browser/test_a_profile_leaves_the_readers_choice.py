"""Issue 22, the last two reader reviews: opening `kommuner/profil-egedal.html` with "Alle kommuner" chosen made Egedal
the choice for the whole book, and every later page marked Egedal. The readers went to the page to read about one
municipality, not to change the book. Now (ADR 58) a municipality's page shows its own municipality and says so, and
the reader's choice, "Alle kommuner" or another municipality, stands: in the browser, in the select, in the page's
links and on the next page."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.browser

# What the page shows of the choice: the select, what the browser keeps, the profile's own lines as the reader sees
# them, and where the page's link to the overview leads.
SHOWN_JS = """() => {
  const seen = (selector) => [...document.querySelectorAll(selector)].filter((p) => p.checkVisibility())
    .map((p) => p.textContent.replace(/\\s+/g, ' ').trim());
  return {select: document.getElementById('kr-kommune').value, kept: localStorage.getItem('kr-valg'),
    says: seen('.kr-profile-choose'), chosen: seen('.kr-profile-chosen'),
    link: document.querySelector("article a[href*='oversigt']")?.getAttribute('href') ?? ''};
}"""


def _open(page, url: str) -> dict:
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    return page.evaluate(SHOWN_JS)


def _kept(shown: dict) -> str:
    return (json.loads(shown["kept"]) or {}).get("kommune", "") if shown["kept"] else ""


@pytest.mark.parametrize("before", ["", "alle", "koege"])
def test_opening_a_municipalitys_page_leaves_the_readers_choice_as_it_was(browser, site_url, data, before):
    """Nothing chosen, "Alle kommuner" or Køge chosen: Egedal's page says it is about Egedal and offers it for the rest
    of the book in one tap; the choice the browser keeps is the reader's, and the next page shows it."""
    rows = data.municipalities.set_index("slug")
    own = rows.loc["egedal"]
    expected = {"": "alle", "alle": "alle", "koege": rows.loc["koege"].kommunekode}[before]
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        _open(page, f"{site_url}/kommuner/oversigt.html" + (f"?kommune={before}" if before else ""))
        # The overview's link to Egedal's page, followed as a reader follows it.
        page.locator("article a[href*='profil-egedal']").first.evaluate("(a) => a.click()")
        page.wait_for_url("**/kommuner/profil-egedal.html*")
        page.evaluate("() => window.KR_FILTER.ready")
        shown = page.evaluate(SHOWN_JS)
        assert shown["select"] == expected and _kept(shown) in (before or "alle", ""), shown
        assert "kommune=egedal" not in page.url and "kommune=egedal" not in shown["link"], (page.url, shown)
        assert shown["says"] and shown["says"][0].startswith(f"Siden handler om {own['name']}"), shown
        assert shown["says"][0].endswith(f"Fremhæv {own['name']} i resten af bogen") and not shown["chosen"], shown
        # The next page shows the reader's choice, not the page's.
        page.go_back()
        page.evaluate("() => window.KR_FILTER.ready")
        assert page.evaluate("() => document.getElementById('kr-kommune').value") == expected
        shown = _open(page, f"{site_url}/vaerdiskabelser.html")
        assert shown["select"] == expected, shown
    finally:
        context.close()


def test_a_municipalitys_page_chooses_its_own_only_when_the_reader_taps_it(browser, site_url, data):
    """The page's button makes its municipality the book's choice, and the page says so in its place; chosen, the
    page says it from its first paint the next time."""
    own = data.municipalities.set_index("slug").loc["egedal"]
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        _open(page, f"{site_url}/kommuner/profil-egedal.html")
        page.locator(".kr-profile-choose-button").click()
        page.wait_for_function("() => document.querySelector('.kr-profile-chosen').textContent")
        shown = page.evaluate(SHOWN_JS)
        said = f"{own['name']} er valgt og fremhæves nu i resten af bogen."
        assert shown["select"] == own.kommunekode and _kept(shown) == "egedal", shown
        assert shown["chosen"] == [said] and not shown["says"], shown
        shown = _open(page, f"{site_url}/kommuner/profil-egedal.html")
        assert shown["chosen"] == [said] and not shown["says"], shown
    finally:
        context.close()
