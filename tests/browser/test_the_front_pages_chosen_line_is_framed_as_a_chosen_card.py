"""Reader 28, F3/F4: with Køge chosen, the front page marked only the link „Køge“ in „Hvad de syv kommuner gjorde“ with
a thin outline, hard to see at 375 and 1280 px, light and dark. The chosen line, bullet and sentence, is framed as the
chosen municipality's card on „De deltagende kommuner“ is (the same edge, widths and colour), in both themes, and the
frame lies round the line without moving a word or widening the page (docs/adr/0101)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.checks import each
from support.screens import SCREENS
from support.serving import serve

pytestmark = pytest.mark.browser

EDGE = ("borderTopWidth", "borderLeftWidth", "borderTopColor", "borderLeftColor", "borderTopStyle")

# A line's boxes from its list's top: with a choice the bar's line over the page is one line taller.
SHAPE_JS = """(code) => {
  const line = document.querySelector(`#forside-kommuner ~ ul > li[data-kr-mark="${code}"]`);
  const list = line.parentElement.getBoundingClientRect();
  return [...line.getClientRects()].map((r) => [r.left - list.left, r.top - list.top, r.width, r.height]);
}"""

FRAME_JS = """(edge) => {
  const line = document.querySelector('#forside-kommuner ~ ul > li.kr-chosen');
  if (!line) return null;
  const frame = getComputedStyle(line, '::before');
  return {
    edge: Object.fromEntries(edge.map((p) => [p, frame[p]])),
    drawn: frame.content !== 'none' && frame.position === 'absolute',
    insets: ['top', 'right', 'bottom', 'left'].map((side) => parseFloat(frame[side])),
    bullet: parseFloat(getComputedStyle(line.parentElement).paddingLeft),
    wide: document.documentElement.scrollWidth,
  };
}"""

CARD_JS = """(edge) => {
  const card = getComputedStyle(document.querySelector('article .kr-municipality-card.kr-chosen'));
  return Object.fromEntries(edge.map((p) => [p, card[p]]));
}"""


def _open(page, address: str) -> None:
    page.goto(address)
    page.evaluate("() => window.KR_FILTER.ready")


@pytest.mark.parametrize(("screen", "theme"), [("375", "light"), ("1280", "dark")])
def test_the_front_pages_chosen_line_is_framed_as_a_chosen_card(data, browser, built_site: Path, screen, theme):
    url, server = serve(built_site)
    context = browser.new_context(locale="da-DK", color_scheme=theme, **SCREENS[screen])
    width = SCREENS[screen]["viewport"]["width"]
    try:
        page = context.new_page()
        for row in each(list(data.municipalities.itertuples())[::3]):
            _open(page, f"{url}/index.html?kommune=alle")
            unmarked = page.evaluate(SHAPE_JS, row.kommunekode)
            _open(page, f"{url}/kommuner/oversigt.html?kommune={row.slug}")
            assert page.evaluate("() => document.documentElement.dataset.theme") == theme
            card = page.evaluate(CARD_JS, list(EDGE))
            _open(page, f"{url}/index.html?kommune={row.slug}")
            seen = page.evaluate(FRAME_JS, list(EDGE))
            assert seen and seen["drawn"], f"{row.slug}: the chosen line has no frame of its own"
            assert seen["edge"] == card, (row.slug, seen["edge"], card)
            top, right, bottom, left = seen["insets"]
            # Round the whole line: its bullet, in the list's left padding, inside the frame.
            assert max(top, right, bottom) <= 0 and -left >= seen["bullet"], (row.slug, seen["insets"])
            assert page.evaluate(SHAPE_JS, row.kommunekode) == unmarked, f"{row.slug}: the choice moved the line"
            assert seen["wide"] <= width, f"{row.slug}: the frame widened the page to {seen['wide']} px"
    finally:
        context.close()
        server.shutdown()
