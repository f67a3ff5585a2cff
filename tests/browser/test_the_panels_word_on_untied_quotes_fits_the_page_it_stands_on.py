"""Reader review 25 r2, #8: on Egedal's own page the filter's „Om fremhævning“ said »… så kortene har ingen
kommunelinje, og et valg af kommune markerer ingen af dem«, on a page with no quote card, under the page's own
sentence that no quote is tied to a municipality (docs/adr/0082)."""

from __future__ import annotations

import pytest

from kulturensrige.render import cards
from support.checks import each

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
# What the opened panel shows, whether the page shows a quote card, and the page's text outside the bar.
PANEL_JS = """() => ({
  panel: document.querySelector('.kr-filter-body').innerText,
  cards: !!document.querySelector('article.kr-card.kr-quote'),
  page: document.querySelector('article.bd-article').innerText.replace(document.querySelector('.kr-filter').innerText, ''),
})"""


def test_the_panel_names_quote_cards_only_on_a_page_that_has_them_and_never_repeats_the_pages_own_sentence(browser, site_url, data):
    """With Egedal chosen, the opened panel says why no quote is marked in words that fit the page: "kortene" only where
    the page shows quote cards; on a page that says in its own words that no quote is tied (an ingredient's quotes,
    the front page's quote count), the panel does not say it again; on every other page it says it once, without cards."""
    profiles = [f"kommuner/profil-{slug}.html" for slug in data.municipalities["slug"]]
    paths = ["vaerdiskabelser.html", "ingredienser/gnist-og-flamme.html", "kommuner/oversigt.html", "index.html", *profiles]
    context = browser.new_context(viewport=PHONE, locale="da-DK", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in each(paths):
            page.goto(f"{site_url}/{path}?kommune=egedal")
            page.evaluate("() => window.KR_FILTER.ready")
            page.tap(".kr-filter-toggle")
            shown = page.evaluate(PANEL_JS)
            said = [note for note in (cards.UNTIED_NOTE, cards.UNTIED_ELSEWHERE) if note in shown["panel"]]
            # Reader 29, F3 (docs/adr/0106): where the page says it itself, at an ingredient's quotes or under the
            # front page's quote count, the panel does not say it again, cards or no cards.
            if "intet citat til en kommune" in shown["page"] or "nævner ingen kommune ved sine citater" in shown["page"]:
                assert said == [], (path, shown["panel"])
            elif shown["cards"]:
                assert said == [cards.UNTIED_NOTE], (path, shown["panel"])
            else:
                assert said == [cards.UNTIED_ELSEWHERE] and "kortene" not in shown["panel"], (path, shown["panel"])
    finally:
        context.close()
