"""Reader 28, F6: »ensomhed« with Egedal chosen found ten pages; the last two, „Data og genkørsel“ and „Dataordbog“,
showed snippets without the word („Bogens del Data og metode er skrevet til analytikere …“), nothing said they were
written for analysts, and every result stood over some 50 px of empty space at 1280 (each kept three lines for its
snippet, whatever it held)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

ALL_SNIPPETS = """() => { const r = [...document.querySelectorAll('#search-results ul.search > li')];
  return r.length > 0 && r.every((li) => li.querySelector('p.context')); }"""
# Each result: its page, its label by the title, its snippet.
RESULTS_JS = """() => [...document.querySelectorAll('#search-results ul.search > li')].map((li) => ({
  page: new URL(li.querySelector('a').href).pathname.replace(/^.*?\\/(?=[^/]*(\\/[^/]*)?$)/, '').replace(/\\.html$/, ''),
  label: li.querySelector('.kr-search-audience')?.textContent ?? null,
  snippet: li.querySelector('p.context').textContent.trim()}))"""
# The empty space between the last line a snippet shows and the next result's title.
EMPTY_UNDER_SNIPPETS = """() => { const items = [...document.querySelectorAll('#search-results ul.search > li')];
  return items.slice(0, -1).map((li, i) => { const p = li.querySelector('p.context'); const range = document.createRange();
    range.selectNodeContents(p); const text = Math.max(...[...range.getClientRects()].map((r) => r.bottom));
    const shown = Math.min(text, p.getBoundingClientRect().bottom);
    return Math.round(items[i + 1].querySelector('a').getBoundingClientRect().top - shown); }); }"""
ISLAND_JS = "() => JSON.parse(document.querySelector('script.kr-search-first').textContent)"


def _results(browser, site_url: str, query: str, screen: dict, theme: str = "light") -> tuple[list[dict], dict, list[int]]:
    context = browser.new_context(locale="da-DK", color_scheme=theme, **screen)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/search.html?{query}")
        page.evaluate("() => window.KR_FILTER.ready")
        page.wait_for_function(ALL_SNIPPETS, timeout=30_000)
        page.wait_for_function("() => /\\d/.test(document.querySelector('#search-results > p')?.textContent || '')")
        return page.evaluate(RESULTS_JS), page.evaluate(ISLAND_JS), page.evaluate(EMPTY_UNDER_SNIPPETS)
    finally:
        context.close()


def test_an_analysts_page_among_the_results_says_so_by_its_title_after_every_readers_page(site_url, browser):
    results, island, _ = _results(browser, site_url, "q=ensomhed&kommune=egedal", DESKTOP)
    analysts = [i for i, r in enumerate(results) if r["page"] in island["later"]]
    assert analysts and min(analysts) == len(results) - len(analysts), results
    assert island["laterLabel"] == "Til analytikere"
    assert [r["label"] for r in results] == [island["laterLabel"] if r["page"] in island["later"] else None for r in results]


@pytest.mark.parametrize("screen", [PHONE, DESKTOP], ids=["375", "1280"])
@pytest.mark.parametrize(
    ("query", "word"),
    [
        ("q=ensomhed&kommune=egedal", "ensom"),
        ("q=ordrulle", "ordrull"),
        ("q=ordrulle&kommune=koege", "ordrull"),
        ("q=klippekort", "klippekort"),
    ],
)
def test_a_snippet_shows_the_searched_word_or_says_where_the_word_stands(site_url, browser, screen, query, word):
    results, island, _ = _results(browser, site_url, query, screen)
    where = island["hitOnly"]
    said = {where["title"], where["elsewhere"], *(sentence for _, sentence in where["parts"])}
    assert results
    for result in results:
        assert word in result["snippet"].lower() or result["snippet"] in said, result


def test_the_analysts_tables_and_a_title_are_said_as_where_the_word_stands(site_url, browser):
    results, island, _ = _results(browser, site_url, "q=ensomhed&kommune=egedal", DESKTOP)
    tables = next(sentence for css, sentence in island["hitOnly"]["parts"] if "table" in css)
    assert {r["page"]: r["snippet"] for r in results if r["page"] in island["later"]} == {
        "om-data/genkoersel": tables,
        "om-data/dataordbog": tables,
    }
    results, island, _ = _results(browser, site_url, "q=tilgængelighedserklæring", PHONE)
    assert [(r["page"], r["snippet"]) for r in results] == [("tilgaengelighed", island["hitOnly"]["title"])]


@pytest.mark.parametrize(("screen", "theme"), [(PHONE, "light"), (DESKTOP, "dark"), (PHONE, "dark"), (DESKTOP, "light")])
def test_a_list_of_hits_leaves_no_empty_line_under_a_snippet(site_url, browser, screen, theme):
    _, _, gaps = _results(browser, site_url, "q=ensomhed&kommune=egedal", screen, theme)
    # The snippet's margin, the result's padding, the rule and the next one's: under two lines of a snippet's text.
    assert gaps and max(gaps) <= 40, gaps
