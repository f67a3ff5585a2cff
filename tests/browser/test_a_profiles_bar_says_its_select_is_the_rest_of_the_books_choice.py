"""Reader31 (session 29), #5: opened from the front page with no choice, Køge's page showed „Alle kommuner“ in the
bar's select right above the heading „Køge“, and the reader read the two as a contradiction. A profile changes no
choice (ADR 58): the bar's line says what its select is on that page, the rest of the book's choice, whatever that is
(ADR 116): none („I resten af bogen er ingen kommune valgt.“), another municipality (its name), or the page's own (the
page's confirmation, no line). The page's own sentence and its one button stay where they were."""

from __future__ import annotations

import pytest

from kulturensrige.render.lists import NONE_CHOSEN_ELSEWHERE
from kulturensrige.rules.views import ALL
from support.checks import each

pytestmark = pytest.mark.browser

OWN, OTHER = "koege", "egedal"

# What the reader sees of the choice at the page's top: the select, the bar's line, the page's sentence and button.
SEEN_JS = """() => {
  const shown = (css) => [...document.querySelectorAll(css)].filter((e) => e.checkVisibility());
  const line = document.querySelector('.kr-filter-tally-text');
  const select = document.getElementById('kr-kommune').getBoundingClientRect();
  const title = document.querySelector('article h1').getBoundingClientRect();
  const box = line.getBoundingClientRect();
  return {
    select: document.getElementById('kr-kommune').value,
    line: line.checkVisibility() ? line.textContent : null,
    between: box.top >= select.bottom - 1 && box.bottom <= title.top + 1,
    said: shown('.kr-profile-says, .kr-profile-chosen').map((e) => e.textContent),
    buttons: shown('.kr-profile-choose-button').map((e) => e.textContent),
  };
}"""

# How many elements show the words to the eye: leaves, larger than the one pixel a status read out only takes.
SEEN_WORDS_JS = """(words) => [...document.querySelectorAll('body *')].filter((e) => !e.children.length)
  .filter((e) => e.textContent.trim() === words && e.checkVisibility({visibilityProperty: true, opacityProperty: true}))
  .filter((e) => { const box = e.getBoundingClientRect(); return box.width > 1 && box.height > 1; }).length"""


@pytest.mark.parametrize("width,height", [(375, 667), (1280, 800)], ids=["phone", "desktop"])
def test_a_profiles_bar_says_its_select_is_the_rest_of_the_books_choice_in_every_view(browser, site_url, data, width, height):
    rows = data.municipalities.set_index("slug")
    own, other = rows.loc[OWN], rows.loc[OTHER]
    expected = {
        "": (ALL, NONE_CHOSEN_ELSEWHERE),
        f"?kommune={OTHER}": (other.kommunekode, f"I resten af bogen er {other['name']} valgt."),
        f"?kommune={OWN}": (own.kommunekode, None),
    }
    phone = width < 500
    for query, (select, line) in each(expected.items()):
        # A fresh context each time: no choice kept in the browser from the view before.
        context = browser.new_context(locale="da-DK", viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
        page = context.new_page()
        try:
            page.goto(f"{site_url}/kommuner/profil-{OWN}.html{query}")
            page.evaluate("() => window.KR_FILTER.ready")
            seen = page.evaluate(SEEN_JS)
            assert seen["select"] == select and seen["line"] == line, (width, query, seen)
            if line:
                # Under the select, above the page's heading, and said once.
                assert seen["between"] and page.evaluate(SEEN_WORDS_JS, line) == 1, (width, query, seen)
                assert seen["said"] == [f"Siden handler om {own['name']}, uanset dit valg."], (width, query, seen)
                assert seen["buttons"] == [f"Fremhæv {own['name']} i resten af bogen"], (width, query, seen)
            else:
                assert seen["said"] == [f"{own['name']} er valgt og fremhæves nu i resten af bogen."], (width, query, seen)
                assert not seen["buttons"], (width, query, seen)
        finally:
            context.close()
