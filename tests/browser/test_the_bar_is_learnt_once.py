"""Reader review 23 (issue 22), a municipal consultant on a phone and a desktop: the kommune bar was never the same
twice (#3). With nothing chosen it read [Kommune ▾][Om valget], after a choice [▾][Alle][Om valget], after a choice out
of view [▾][Alle][Find][⌄]; the line under it said »Køge er valgt og markeret på siden.« on one page and »Fremhævet
her: Ringkøbing-Skjern« on the next. And its text was cut (#2): at 1280 px, with »Find« in the row, »Alt om
Ringkøbing-Skje…« ran under »Om valget« and »PDF (594 kB)« wrapped under it (docs/adr/0064)."""

from __future__ import annotations

import pytest

from support.browser_files import offered_files, serve_files
from support.checks import each
from support.choosing import choose_by_name

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 1280]
PAGES = ["index.html", "vaerdiskabelser.html", "kommuner/oversigt.html", "kommuner/sammenligning.html", "search.html?q=kultur"]

# The bar's row as the reader sees it: each control and label shown in the row (not the lines under it), its words
# (the select's are the choice), and where it stands from the bar's edges, to 2 px.
ROW_JS = """() => {
  const bar = document.querySelector('section.kr-filter').getBoundingClientRect();
  const row = document.querySelector('.kr-filter-row');
  return [...row.querySelectorAll('label[for=kr-kommune], select, button')]
    .filter((e) => !e.closest('.kr-filter-lines') && e.checkVisibility() && e.getBoundingClientRect().width > 1)
    .map((e) => { const r = e.getBoundingClientRect();
      return [e.className || e.tagName, e.tagName === 'SELECT' ? '' : e.innerText.trim(),
              Math.round((r.left - bar.left) / 2), Math.round((bar.right - r.right) / 2)]; });
}"""

# The line under the row, as shown.
LINE_JS = """() => { const t = document.querySelector('.kr-filter-tally-text');
  return t.checkVisibility() ? t.textContent.trim() : ''; }"""

# Every text of the bar as shown: a leaf cut inside its box, two shown parts of the bar lying over each other, a link
# broken over two lines.
CUT_JS = """() => {
  const bar = document.querySelector('section.kr-filter');
  const shown = (e) => e.checkVisibility() && e.getBoundingClientRect().width > 1;
  const cut = [...bar.querySelectorAll('*')].filter((e) => shown(e) && e.children.length === 0 && e.textContent.trim()
      && e.tagName !== 'SELECT' && getComputedStyle(e).display !== 'inline'
      && (e.scrollWidth > e.clientWidth + 1 || getComputedStyle(e).textOverflow === 'ellipsis')).map((e) => e.textContent);
  const parts = [...bar.querySelectorAll('label[for=kr-kommune], select, button, a')].filter(shown)
    .filter((e) => !e.closest('.kr-filter-body'));
  const over = [];
  for (const [i, a] of parts.entries()) for (const b of parts.slice(i + 1)) {
    if (a.contains(b) || b.contains(a)) continue;
    for (const ra of a.getClientRects()) for (const rb of b.getClientRects()) {
      if (Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 1 && Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 1)
        over.push([a.textContent.trim(), b.textContent.trim()]);
    }
  }
  const broken = [...bar.querySelectorAll('a')].filter(shown).filter((a) => !a.closest('.kr-filter-body'))
    .filter((a) => new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size > 1).map((a) => a.textContent);
  const right = document.documentElement.clientWidth;
  const outside = parts.filter((e) => e.getBoundingClientRect().right > right + 1).map((e) => e.textContent.trim());
  return {cut, over, broken, outside};
}"""


def choose_mid_page(page, name: str) -> None:
    """Halfway down the page, then the choice: where none of what it marks may be on the screen (it offered »Find«)."""
    choose_by_name(page, name, at=0.5, pause_ms=300, settle_ms=400)


def _longest(data):
    return data.municipalities.sort_values("name", key=lambda n: n.str.len()).iloc[-1]


def _context(browser, width):
    phone = width < 600
    return browser.new_context(viewport={"width": width, "height": 667 if phone else 800}, locale="da-DK", is_mobile=phone, has_touch=phone)


@pytest.mark.long
@pytest.mark.parametrize("width", WIDTHS)
def test_the_bars_row_holds_the_same_controls_in_the_same_places_on_every_page_and_after_every_choice(browser, site_url, data, width):
    longest = _longest(data)
    context = _context(browser, width)
    page = context.new_page()
    try:
        rows, lines = {}, []
        for path in each(
            [
                "index.html",
                "vaerdiskabelser.html",
                "kommuner/oversigt.html",
                "kommuner/sammenligning.html",
                f"kommuner/profil-{longest.slug}.html",
                "search.html?q=kultur",
            ]
        ):
            joiner = "&" if "?" in path else "?"
            # One load with none chosen serves the row as it opens and the choices made on it (the address's "alle"
            # wins over the choice the last page left: KR.opening); then one opened with the longest name.
            page.goto(f"{site_url}/{path}{joiner}kommune=alle")
            page.evaluate("() => window.KR_FILTER.ready")
            rows[(path, "none chosen")] = page.evaluate(ROW_JS)
            choose_mid_page(page, longest["name"])
            page.evaluate("() => window.scrollTo(0, 0)")
            page.wait_for_timeout(300)
            rows[(path, "chosen mid-page, back at the top")] = page.evaluate(ROW_JS)
            choose_mid_page(page, data.municipalities.iloc[0]["name"])
            rows[(path, "chosen again mid-page")] = page.evaluate(ROW_JS)
            page.goto(f"{site_url}/{path}{joiner}kommune={longest.slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            rows[(path, "opened chosen")] = page.evaluate(ROW_JS)
            lines.append((path, page.evaluate(LINE_JS)))
        first = next(iter(rows.values()))
        for where, row in each(rows.items()):
            assert row == first, (width, where, row, first)
        # One wording for what the choice marks, on every page whose line says it (a profile's names the page).
        for path, line in each(lines):
            assert not line or path.startswith("kommuner/profil-") or line.startswith("Fremhævet her: "), (width, path, line)
    finally:
        context.close()


@pytest.mark.long
@pytest.mark.parametrize("width", WIDTHS)
def test_no_text_of_the_bar_is_cut_lies_under_another_or_breaks_a_link_with_the_longest_name(browser, site_url, data, tmp_path, width):
    longest = _longest(data)
    scripts = offered_files(tmp_path, data, {slug: 594_000 for slug in data.municipalities["slug"]})
    context = _context(browser, width)
    serve_files(context, scripts)
    page = context.new_page()
    try:
        seen = {}
        for path in each(
            [
                "index.html",
                "vaerdiskabelser.html",
                "kommuner/oversigt.html",
                "kommuner/sammenligning.html",
                "ingredienser/gnist-og-flamme.html",
                "search.html?q=kultur",
            ]
        ):
            joiner = "&" if "?" in path else "?"
            page.goto(f"{site_url}/{path}{joiner}kommune={longest.slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            seen[(path, "opened")] = page.evaluate(CUT_JS)
            page.goto(f"{site_url}/{path}{joiner}kommune=alle")
            choose_mid_page(page, longest["name"])
            seen[(path, "chosen mid-page")] = page.evaluate(CUT_JS)
        for where, found in each(seen.items()):
            assert found == {"cut": [], "over": [], "broken": [], "outside": []}, (width, where, found)
    finally:
        context.close()
