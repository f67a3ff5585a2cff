"""Reader31 (session 29), #8c: with Egedal chosen, værdiskabelser and baggrund changed nothing a reader could see but
the bar's „Alt om Egedal“, while the ingredient pages said at their quotes „Ingen af citaterne her er knyttet til
Egedal: rapporten nævner ingen kommune ved sine citater.“ Every page whose quotes a tie could mark says it the same
way, once, beside its first such quotes (after a section's, whose lead-in ends in a colon), with a municipality chosen
only, through the one function that words it (highlight.untied_for), in its words for one card where the list holds
one (ADR 116). A page whose only quote is a cited work's or a sign's (views.without_tie_line: baggrund's WHO
definition, the sign on Arken) says nothing of it."""

from __future__ import annotations

import pytest

from kulturensrige.render import highlight
from kulturensrige.render.cards import card_keys
from kulturensrige.rules import views
from support.checks import each

pytestmark = pytest.mark.browser

CHOSEN = "egedal"

# The pages that show a section's quotes, their sections in the page's order (the notebooks' cells).
SECTION_PAGES = {
    "vaerdiskabelser.html": ["broer-stier-og-siloer", "stjernestunder"],
    "baggrund.html": ["baggrund"],
    "kulturens-rige.html": ["aktionslaering"],
    "afsluttende-betragtninger.html": ["afsluttende-betragtninger"],
}

SEEN_JS = """() => {
  const lines = [...document.querySelectorAll('article .kr-untied-choice')].filter((e) => e.checkVisibility());
  // The page's own quote cards: not those a drill panel shows from the page's store on a tap.
  const cards = [...document.querySelectorAll('article .kr-card.kr-quote')].filter((c) => !c.closest('template, .kr-drill'));
  // Beside its list: a quote list among the two elements before it or after it (an ingredient's intro stands between
  // the line and its list, a section list's "Hvorfor?" between the list and the line).
  const near = (e) => [e.previousElementSibling, e.previousElementSibling?.previousElementSibling, e.nextElementSibling,
    e.nextElementSibling?.nextElementSibling]
    .some((n) => n && cards.some((c) => n.contains(c)));
  return {
    lines: lines.map((e) => e.textContent),
    beside: lines.map(near),
  };
}"""


def _expected(data) -> dict[str, bool | None]:
    """Each page with quote lists: None where no quote on it could be marked, else whether its first list of such
    quotes holds one card."""
    lists = {path: [data.quotes[data.quotes["section_id"] == s] for s in sections] for path, sections in SECTION_PAGES.items()}
    for ingredient in data.ingredients["ingredient_id"]:
        lists[f"ingredienser/{ingredient}.html"] = [data.quotes[data.quotes["ingredient_ids"].map(lambda ids, i=ingredient: i in ids)]]
    expected: dict[str, bool | None] = {}
    for path, quotes in lists.items():
        markable = [q for q in quotes if any(not views.without_tie_line(data, row) for row in q.to_dict("records"))]
        expected[path] = card_keys(markable[0]).nunique() == 1 if markable else None
    return expected


@pytest.mark.parametrize("width,height", [(375, 667), (1280, 800)], ids=["phone", "desktop"])
def test_every_page_with_quotes_a_tie_could_mark_says_over_them_why_a_choice_marks_none(data, site_url, browser, width, height):
    name = data.municipalities.set_index("slug").at[CHOSEN, "name"]
    assert highlight.untied_for(data, name), "the report's data tie no quote to a municipality"
    expected = _expected(data)
    assert expected["vaerdiskabelser.html"] is False and expected["baggrund.html"] is None, expected
    phone = width < 500
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        for path, one in each(expected.items()):
            page.goto(f"{site_url}/{path}?kommune=alle")
            page.evaluate("() => window.KR_FILTER.ready")
            assert page.evaluate(SEEN_JS)["lines"] == [], (width, path)
            page.goto(f"{site_url}/{path}?kommune={CHOSEN}")
            page.evaluate("() => window.KR_FILTER.ready")
            seen = page.evaluate(SEEN_JS)
            said = [] if one is None else [highlight.untied_for(data, name, one=one)]
            assert seen["lines"] == said and all(seen["beside"]), (width, path, seen)
    finally:
        context.close()
