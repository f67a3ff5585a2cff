"""Issue 22, the last reader review (375 x 667 and 1280 px): right after a choice, the bar's line
"Fremhævet uden for skærmen: X · Vis" lay over the page's heading (at 205 of 667 px), text on text; it stood under
"Fremhævet her: X", which said X already; and "· PDF (594 kB)" went to a line of its own, starting with its dot.

After a choice made at a page's top or mid-page, at 320, 375 and 1280 px: nothing the bar shows outside its own sticky
box lies over the page's text, no line of the bar says what another says, and no line of it begins with a separator.
The one exception is docs/adr/0064's: after a choice whose marks are all off the screen, the line under the stuck bar
offers what a tap finds, and under the stuck bar that alone, until the reader reads on.
"""

from __future__ import annotations

import pytest

from support.browser_files import offered_files, serve_files
from support.builds import worked_out_once
from support.checks import each
from support.choosing import choose_by_name

pytestmark = [pytest.mark.browser, pytest.mark.long]

WIDTHS = {320: 667, 375: 667, 1280: 800}
PAGES = ["kommuner/oversigt.html", "vaerdiskabelser.html", "ingredienser/gnist-og-flamme.html", "index.html"]
CHOSEN = ["Køge", "Ringkøbing-Skjern"]
SEPARATORS = "·•|–—,;"

# Every box of the bar's visible elements, where it lies outside the bar's own box (the sticky row the page's text
# passes under), against every line box of the article's visible text in the screen: the overlaps, named.
COVERED_JS = """() => {
  const bar = document.querySelector('section.kr-filter');
  const own = bar.getBoundingClientRect();
  const shown = (e) => e.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const article = document.querySelector('article.bd-article');
  const texts = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || bar.contains(node) || !shown(node.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const box of range.getClientRects())
      if (box.width > 0 && box.bottom > 0 && box.top < innerHeight) texts.push([box, node.textContent.trim().slice(0, 40)]);
  }
  const over = [];
  const finding = bar.querySelector('.kr-filter-away-show')?.checkVisibility();
  for (const part of [bar, ...bar.querySelectorAll('*')]) {
    if (!shown(part) || (finding && part.closest('.kr-filter-lines'))) continue;
    for (const box of part.getClientRects()) {
      // Only what stands out of the bar's own box: above or below it.
      const bands = [[box.top, Math.min(box.bottom, own.top)], [Math.max(box.top, own.bottom), box.bottom]];
      for (const [top, bottom] of bands) {
        if (bottom - top <= 1) continue;
        for (const [text, words] of texts) {
          const x = Math.min(box.right, text.right) - Math.max(box.left, text.left);
          const y = Math.min(bottom, text.bottom) - Math.max(top, text.top);
          if (x > 1 && y > 1) over.push(`${part.className || part.tagName} over "${words}" at ${Math.round(text.top)} px`);
        }
      }
    }
  }
  return [...new Set(over)];
}"""

# The bar's lines as the reader sees them: each visible paragraph of the bar (the closed panel's are read out, not
# shown), in words.
LINES_JS = """() => {
  const bar = document.querySelector('section.kr-filter');
  const open = bar.classList.contains('kr-open');
  return [...bar.querySelectorAll('p')]
    .filter((e) => e.checkVisibility() && (open || !e.closest('.kr-filter-body')))
    .map((e) => e.innerText.replace(/\\s+/g, ' ').trim()).filter(Boolean);
}"""

# The first character of every line the bar's visible text runs over, as laid out.
LINE_STARTS_JS = """() => {
  const bar = document.querySelector('section.kr-filter');
  const starts = [];
  for (const block of bar.querySelectorAll('p, .kr-filter-lines')) {
    if (!block.checkVisibility()) continue;
    let lastTop = null;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.checkVisibility()) continue;
      for (let i = 0; i < node.length; i++) {
        if (!node.data[i].trim()) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (!box.width) continue;
        if (lastTop === null || box.top > lastTop + box.height / 2) starts.push(node.data.slice(i, i + 20));
        lastTop = box.top;
      }
    }
  }
  return starts;
}"""


CHECKS = {
    "covered": COVERED_JS,
    "lines": LINES_JS,
    "starts": LINE_STARTS_JS,
    "finding": "() => Boolean(document.querySelector('.kr-filter-away-show')?.checkVisibility())",
    "stuck": "() => document.querySelector('section.kr-filter').classList.contains('kr-finding')",
}
# The five read in one call, in that order, of the same frame (a call each cost a round trip through Playwright, 480 a run).
CHECKS_JS = "() => ({" + ", ".join(f"{check}: ({js})()" for check, js in CHECKS.items()) + "})"


@pytest.fixture(scope="module")
def seen(request, tmp_path_factory):
    """Every view once a run (`worked_out_once`: the four tests usually start in three processes): each width, page,
    place and municipality, chosen on a site whose browser files offer every municipality's edition (594 kB each);
    what the three checks read of it, by view."""
    views = worked_out_once(tmp_path_factory, "the-bars-lines-seen", lambda: _tour(request, tmp_path_factory))
    return [(tuple(view), checks) for view, checks in views]


def _tour(request, tmp_path_factory) -> list:
    browser, site_url, data = (request.getfixturevalue(name) for name in ("browser", "site_url", "data"))
    offering = offered_files(tmp_path_factory.mktemp("editions"), data, dict.fromkeys(data.municipalities["slug"], 594_000))
    views = []
    for width, height in WIDTHS.items():
        context = browser.new_context(
            locale="da-DK",
            viewport={"width": width, "height": height},
            is_mobile=width < 700,
            has_touch=width < 700,
            color_scheme="dark" if width == 375 else "light",
        )
        serve_files(context, offering)
        page = context.new_page()
        try:
            for path in PAGES:
                for share in (0, 0.5):
                    for name in CHOSEN:
                        page.goto(f"{site_url}/{path}?kommune=alle")
                        choose_by_name(page, name, at=share)  # at the page's top or a share of its height down
                        checks = page.evaluate(CHECKS_JS)
                        views.append(((width, path, share, name), checks))
        finally:
            context.close()
    return views


def test_nothing_the_bar_shows_after_a_choice_lies_over_the_pages_text(seen):
    for view, checks in each(seen):
        assert not checks["covered"], (view, checks["covered"])


def test_a_line_that_offers_what_a_choice_out_of_view_finds_says_that_alone(seen):
    offered = [(view, checks["lines"]) for view, checks in seen if checks["finding"] and checks["stuck"]]
    for view, lines in each(offered):
        assert len(lines) == 1 and lines[0].startswith("Find"), (view, lines)


def _words(line: str) -> list[str]:
    return [word.strip(".,;:()").casefold() for word in line.split() if word.strip(".,;:()·")]


def _repeats(line: str, other: str) -> bool:
    """Whether two lines say the same thing: what follows a line's lead ("Fremhævet her: X") stands in another line
    with a lead, or the two share a run of three words."""
    if ": " in line and ": " in other and line.split(": ", 1)[1].strip(" .") in other.split(": ", 1)[1]:
        return True
    runs = {tuple(_words(line)[i : i + 3]) for i in range(len(_words(line)) - 2)}
    return any(tuple(_words(other)[i : i + 3]) in runs for i in range(len(_words(other)) - 2))


def test_no_line_of_the_bar_says_what_another_says(seen):
    for view, checks in each(seen):
        lines = checks["lines"]
        repeated = [(a, b) for i, a in enumerate(lines) for b in lines[i + 1 :] if _repeats(a, b) or _repeats(b, a)]
        assert not repeated, (view, lines)


def test_no_line_of_the_bar_begins_with_a_separator(seen):
    for view, checks in each(seen):
        assert not [start for start in checks["starts"] if start[0] in SEPARATORS], (view, checks["starts"])
