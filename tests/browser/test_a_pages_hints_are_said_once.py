"""Issue 22, a new reader: kommuner/sammenligning said "Filen er kommasepareret …" under every table's download and
"Tryk eller klik på et tal …" under every table of marks, three times each. Each is said once on the page, at the first
table that needs it (markup.first_on_page); a chart's table opened under "Vis tallene som tabel" does not say it again."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 375, "height": 667}, "desktop": {"width": 1280, "height": 800}}

# Every fold with a chart's table opened (its table may wait in a side file until then), then how often each hint
# stands on the page outside a variant the choice has hidden.
SAID_JS = """async (hints) => {
  await window.KR_FILTER.ready;
  for (const fold of document.querySelectorAll('details.kr-figure-data')) fold.open = true;
  await new Promise((done) => setTimeout(done, 800));
  const shown = (e) => !e.closest('[hidden]');
  const text = [...document.querySelectorAll('article p, article span')].filter(shown)
    .filter((e) => !e.querySelector('p, span')).map((e) => e.textContent);
  return hints.map((hint) => text.filter((t) => t.includes(hint)).length);
}"""


@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_comparison_page_says_each_hint_once(browser, site_url, screen):
    context = browser.new_context(locale="da-DK", viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/sammenligning.html")
        said = page.evaluate(SAID_JS, ["Fra tekst/CSV", "Tryk eller klik på et tal"])
        assert said == [1, 1], said
    finally:
        context.close()


# Reader 29, F3: with a municipality chosen, "no quote is tied to a municipality" stood two or three times on one page:
# the filter's panel, an ingredient's line at its quotes, the front page's line under its quote count (ADR 97). Each
# page says it once: at the quotes where the page says it there, else in the panel (docs/adr/0106). The panel's
# sentence counts while the panel is folded: a tap shows it. The front page says it in its quote tile's note, a list
# item (reader32, #6; ADR 123).
UNTIED_JS = """async () => {
  await window.KR_FILTER.ready;
  const said = (e) => !e.closest('[hidden]') && getComputedStyle(e).display !== 'none';
  return [...document.querySelectorAll('p, li')].filter((e) => !e.querySelector('p, li'))
    .filter((e) => /ingen kommune ved (sine )?citate/i.test(e.textContent)).filter(said).map((e) => e.textContent.trim());
}"""
UNTIED_PAGES = ["index.html", "ingredienser/faelles-fundamenter.html", "kommuner/profil-ringkoebing-skjern.html", "vaerdiskabelser.html"]


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("path", UNTIED_PAGES)
def test_with_a_municipality_chosen_a_page_says_once_that_no_quote_is_tied(browser, site_url, screen, path):
    context = browser.new_context(locale="da-DK", viewport=SCREENS[screen], is_mobile=screen == "phone", has_touch=screen == "phone")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{path}?kommune=ringkoebing-skjern")
        said = page.evaluate(UNTIED_JS)
        assert len(said) == 1, said
    finally:
        context.close()
