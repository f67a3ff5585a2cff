"""Reader review 20 (issue 22), 7c and the smaller notes: the search page's layout shifted as its results arrived
(CLS 0.15; 0.31 on a phone with a municipality chosen): each snippet came after its result and pushed the rest down,
and the page's foot, the count line and the note above the results moved. And a snippet ran on into the page's
navigation: "…Læs mere om, hvem der siger hvad Luk forrige Egedal næste Rudersdal Rapporten Kulturens Rige er udgivet
af …", a closed pop-up's button, the links to the pages before and after and the site's footer."""

from __future__ import annotations

import time

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
# Every layout shift not caused by the reader, as the browser reports it (the CLS that Lighthouse adds up).
SHIFTS_JS = """window.krShifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.krShifts.push(e.value); })
  .observe({type: 'layout-shift', buffered: true});"""
ALL_SNIPPETS = """() => { const r = [...document.querySelectorAll('ul.search > li')];
  return r.length > 0 && r.every((li) => li.querySelector('p.context')); }"""
# Each result's snippet, and the words of its page's navigation: its buttons, the links to the pages before and after
# it, and its footer's first words.
SNIPPETS_JS = """async () => Promise.all([...document.querySelectorAll('ul.search > li')].map(async (li) => {
  const page = new DOMParser().parseFromString(await (await fetch(li.querySelector('a').href)).text(), 'text/html');
  const words = (e) => e ? e.textContent.replace(/\\s+/g, ' ').trim() : '';
  return {snippet: li.querySelector('p.context').textContent.replace(/\\s+/g, ' '),
          navigation: [words(page.querySelector('.prev-next-area')), words(page.querySelector('footer')).slice(0, 40),
                       ...[...page.querySelectorAll('article button')].map((b) => ` ${words(b)} `)].filter((w) => w.trim())};
}))"""


def _late(route) -> None:
    time.sleep(0.3)
    route.continue_()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_search_page_does_not_move_as_its_results_and_snippets_arrive(site_url, browser, width):
    screen = PHONE if width == 375 else {"viewport": {"width": 1280, "height": 800}}
    context = browser.new_context(locale="da-DK", **screen)
    context.add_init_script(SHIFTS_JS)
    page = context.new_page()
    # A slow connection: the pages the snippets are cut from come a moment after the list, as on the reader's phone.
    page.route(lambda url: url.endswith(".html") and "/search.html" not in url, _late)
    try:
        page.goto(f"{site_url}/search.html?q=ensomhed&kommune=egedal")
        page.wait_for_function(ALL_SNIPPETS)
        page.wait_for_timeout(500)
        shifts = page.evaluate("() => window.krShifts")
        assert sum(shifts) < 0.01, shifts  # nothing moves: Lighthouse calls under 0.1 good
    finally:
        context.close()


@pytest.mark.parametrize("query", ["Rudersdal", "Luk"])
def test_no_snippet_holds_its_pages_buttons_links_to_other_pages_or_footer(site_url, browser, query):
    context = browser.new_context(locale="da-DK", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/search.html?q={query}&kommune=egedal")
        page.wait_for_function(ALL_SNIPPETS)
        for result in each(page.evaluate(SNIPPETS_JS)):
            assert [w for w in result["navigation"] if w in result["snippet"]] == [], result
    finally:
        context.close()
