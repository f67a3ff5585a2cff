"""Issue 22, a new reader: on the front page the lines of links under the title wrapped at a desk (the ingredients'
and the municipalities' last names on a line of their own at 1280 px), and a choice rewrapped the municipalities' list
on a phone ("Ringkøbing-Skjern (valgt)" in bold pushed Egedal to the next line). At a desk each list keeps to one line;
a choice moves no name in its list."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

# Each of the front page's lines of links: the tops of its items and whether any item breaks inside itself.
LINES_JS = """() => [...document.querySelectorAll('.kr-front-line')].filter((line) => line.querySelector('li'))
  .map((line) => {
    const items = [...line.querySelectorAll('li')];
    return {line: line.querySelector('h2').textContent,
            tops: [...new Set(items.map((li) => Math.round(li.getBoundingClientRect().top)))],
            broken: items.filter((li) => li.querySelector('a').getClientRects().length > 1).map((li) => li.textContent)};
  })"""

# Where each name of the municipalities' list stands, from the list's own corner.
PLACES_JS = """() => {
  const list = document.querySelector('#forside-kommuner').parentElement.querySelector('ul');
  const corner = list.getBoundingClientRect();
  return [...list.querySelectorAll('li > a')].map((a) => {
    const box = a.getBoundingClientRect();
    return [a.textContent, Math.round(box.left - corner.left), Math.round(box.top - corner.top)];
  });
}"""


def opened(browser, site_url, width: int, height: int):
    phone = width < 800
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.goto(f"{site_url}/index.html")
    page.evaluate("() => window.KR_FILTER.ready")
    return context, page


def test_at_a_desk_each_of_the_front_pages_link_lines_keeps_to_one_line(browser, site_url):
    context, page = opened(browser, site_url, 1280, 800)
    try:
        for line in each(page.evaluate(LINES_JS)):
            assert len(line["tops"]) == 1 and not line["broken"], line
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_a_choice_moves_no_name_in_the_front_pages_list_of_municipalities(browser, site_url, data, width):
    context, page = opened(browser, site_url, width, 667 if width < 800 else 800)
    try:
        before = page.evaluate(PLACES_JS)
        for row in each(list(data.municipalities.itertuples())):
            page.select_option("#kr-kommune", row.kommunekode)
            page.wait_for_function("(code) => window.KR_FILTER.state().kommune === code", arg=row.kommunekode)
            assert page.evaluate(PLACES_JS) == before, row.name
    finally:
        context.close()
