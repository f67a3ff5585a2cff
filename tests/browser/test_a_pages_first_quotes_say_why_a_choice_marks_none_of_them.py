"""Reader31 (session 29), #8c: with Egedal chosen, værdiskabelser and baggrund changed nothing a reader could see but
the bar's „Alt om Egedal“, while the ingredient pages said at their quotes „Ingen af citaterne her er knyttet til
Egedal: rapporten nævner ingen kommune ved sine citater.“ Every page with quote cards says it the same way, once, over
its first quotes, with a municipality chosen only, through the one function that words it (highlight.untied_for),
in its words for one card where the list holds one (ADR 116)."""

from __future__ import annotations

import pytest

from kulturensrige.render import highlight
from support.checks import each

pytestmark = pytest.mark.browser

CHOSEN = "egedal"

SEEN_JS = """() => {
  const lines = [...document.querySelectorAll('article .kr-untied-choice')].filter((e) => e.checkVisibility());
  // The page's own quote cards: not those a drill panel shows from the page's store on a tap.
  const cards = [...document.querySelectorAll('article .kr-card.kr-quote')].filter((c) => !c.closest('template, .kr-drill'));
  const card = cards[0];
  return {
    lines: lines.map((e) => e.textContent),
    above: lines.map((e) => card && e.getBoundingClientRect().bottom <= card.getBoundingClientRect().top),
    cards: cards.length,
  };
}"""


def _pages_with_quote_cards(built_site) -> list[str]:
    return sorted(
        str(path.relative_to(built_site))
        for path in built_site.rglob("*.html")
        if '<article class="kr-card kr-quote"' in path.read_text(encoding="utf-8") and path.name != "search.html"
    )


@pytest.mark.parametrize("width,height", [(375, 667), (1280, 800)], ids=["phone", "desktop"])
def test_every_page_with_quote_cards_says_over_its_first_quotes_why_a_choice_marks_none(data, built_site, site_url, browser, width, height):
    name = data.municipalities.set_index("slug").at[CHOSEN, "name"]
    said = {highlight.untied_for(data, name), highlight.untied_for(data, name, one=True)}
    assert all(said), "the report's data tie no quote to a municipality"
    pages = _pages_with_quote_cards(built_site)
    assert {"vaerdiskabelser.html", "baggrund.html", "ingredienser/gnist-og-flamme.html"} <= set(pages), pages
    phone = width < 500
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for path in each(pages):
            page.goto(f"{site_url}/{path}?kommune=alle")
            page.evaluate("() => window.KR_FILTER.ready")
            assert page.evaluate(SEEN_JS)["lines"] == [], (width, path)
            page.goto(f"{site_url}/{path}?kommune={CHOSEN}")
            page.evaluate("() => window.KR_FILTER.ready")
            seen = page.evaluate(SEEN_JS)
            if not seen["cards"]:  # its quotes only in the drill panels' store (ingredienser/oversigt)
                assert not seen["lines"], (width, path, seen)
                continue
            assert len(seen["lines"]) == 1 and seen["lines"][0] in said and all(seen["above"]), (width, path, seen)
            if seen["cards"] == 1:
                assert seen["lines"] == [highlight.untied_for(data, name, one=True)], (width, path, seen)
    finally:
        context.close()
