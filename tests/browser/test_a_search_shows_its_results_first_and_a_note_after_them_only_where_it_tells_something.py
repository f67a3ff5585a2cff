"""Reader31 (session 29), #6: »klippekort« with Køge chosen opened with „Ingen af siderne om den valgte kommune er
blandt resultaterne.“ over two good results, and the search read as a failure. The results come first; the note that
the chosen municipality's pages stand first follows them, and only where one of those pages is among them; where none
is, the list says nothing about the choice (ADR 116)."""

from __future__ import annotations

import pytest

from kulturensrige.render.browser import search_first
from support.checks import each

pytestmark = pytest.mark.browser

# The results as listed, the notes shown on the page, and whether each shown note stands below the last result.
SEEN_JS = """() => {
  const items = [...document.querySelectorAll('#search-results ul.search > li')];
  const last = items.at(-1)?.getBoundingClientRect().bottom ?? Infinity;
  const notes = [...document.querySelectorAll('.kr-search-note')].filter((n) => n.checkVisibility());
  return {
    results: items.map((li) => li.querySelector('a').getAttribute('href').split(/[?#]/)[0].replace(/^\\.\\//, '').replace(/\\.html$/, '')),
    notes: notes.map((n) => n.textContent),
    below: notes.map((n) => n.getBoundingClientRect().top >= last),
  };
}"""

# (query, chosen municipality, whether a page about it is among the results): Egedal's page and the overview hold
# »klippekort«, none of Køge's; Køge's own page holds »sundhed« (»sundhedshuset«).
SEARCHES = [("klippekort", "koege", False), ("sundhed", "koege", True)]


@pytest.mark.parametrize("width,height", [(375, 667), (1280, 800)], ids=["phone", "desktop"])
def test_a_search_shows_its_results_first_and_a_note_after_them_only_where_a_page_about_the_choice_is_among_them(
    data, site_url, browser, width, height
):
    note = search_first(data, [])["note"]
    phone = width < 500
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for query, slug, among in each(SEARCHES):
            page.goto(f"{site_url}/search.html?q={query}&kommune={slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            page.wait_for_function("() => /\\d/.test(document.querySelector('#search-results > h2 + p')?.textContent || '')")
            page.wait_for_timeout(300)  # the note is told as the list changes
            seen = page.evaluate(SEEN_JS)
            assert seen["results"], (query, seen)
            if among:
                assert seen["notes"] == [note] and all(seen["below"]), (width, query, seen)
            else:
                assert not seen["notes"], (width, query, seen)
    finally:
        context.close()
