"""Reader review 24: on an ingredient's page the first sentence stood 34 px above the next, where the text has 18: each
notebook cell's output scrolled (myst-nb's overflow-x: auto), so it kept its last paragraph's margin inside it, and the
cell added its own 1em. Between two blocks of text with nothing between them the gap is at most the theme's paragraph
spacing, plus the margin above a heading where the second is one (a list's group heading, »De 6 andre kommuner.«, is one
by its role)."""

from __future__ import annotations

import pytest

from kulturensrige.data import pages
from support.screens import opened

pytestmark = pytest.mark.browser

# The reader's pages: the book's chapters but the analysts' data chapter.
READER_PAGES = sorted(f"{page}.html" for page in pages.chapter_pages() if not page.startswith("om-data/"))

# Each gap between two consecutive blocks of text in the article wider than the theme's own spacing allows, with the
# words on either side. A gap something else is drawn in (a form, a figure) is not one between paragraphs.
WIDE_GAPS_JS = """() => {
  const section = document.querySelector('article section');
  const probe = (tag) => { const e = section.appendChild(document.createElement(tag)); const s = getComputedStyle(e);
    const m = [parseFloat(s.marginTop), parseFloat(s.marginBottom)]; e.remove(); return m; };
  const spacing = probe('p')[1], headingTop = probe('h2')[0];
  const texts = 'p, h1, h2, h3, h4, ul, ol, dl, blockquote, article.kr-card';
  const drawn = (e) => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
    && !e.closest('.kr-filter, .kr-filter-slot, .kr-made');
  const blocks = [...document.querySelectorAll(`article :is(${texts})`)]
    .filter((e) => drawn(e) && !e.parentElement.closest(`:is(${texts}), li, table, figure, details`));
  const boxes = [...document.querySelectorAll('article *')].filter(drawn).map((e) => [e, e.getBoundingClientRect()]);
  const wide = [];
  for (let i = 1; i < blocks.length; i++) {
    const [a, b] = [blocks[i - 1], blocks[i]];
    const top = a.getBoundingClientRect().bottom, bottom = b.getBoundingClientRect().top;
    const heading = /^H[1-6]$/.test(b.tagName) ? Math.max(0, parseFloat(getComputedStyle(b).marginTop))
      : b.matches('.kr-group-heading') ? headingTop : 0;
    if (bottom - top <= spacing + heading + 1) continue;
    const between = boxes.some(([e, box]) => box.height > 0 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5
      && !e.contains(a) && !e.contains(b));
    if (!between) wide.push([Math.round(bottom - top), a.textContent.trim().slice(0, 40), b.textContent.trim().slice(0, 40)]);
  }
  return wide;
}"""


@pytest.mark.parametrize("screen", ["375", "1280"])
def test_no_gap_between_paragraphs_is_wider_than_the_texts_own_spacing(browser, site_url, screen):
    wide = {}
    for path in READER_PAGES:
        with opened(browser, f"{site_url}/{path}?kommune=egedal", screen) as page:
            if gaps := page.evaluate(WIDE_GAPS_JS):
                wide[path] = gaps
    assert not wide, wide
