"""Reader review 24 and issue 22: on a 375 px phone the front page's „Start her“, the reader's way into the book, stood
about 1,870 px down, under the four ingredients and seven municipalities' sentences. It stands right after the lead,
on the first screen, and the ingredients still begin on that screen, before the municipalities (ADR 72, ADR 75)."""

from __future__ import annotations

import pytest

from support.screens import SCREENS, opened

pytestmark = pytest.mark.browser

# The top and bottom of the lead, the way in, the ingredients' and the municipalities' headings, in the window.
PLACES_JS = """() => Object.fromEntries([['lead', '.kr-front-lead'], ['start', '#forside-start'],
  ['ingredients', '#forside-ingredienser'], ['municipalities', '#forside-kommuner']].map(([name, css]) => {
    const box = (name === 'start' ? document.querySelector(css).parentElement : document.querySelector(css))
      .getBoundingClientRect();
    return [name, [box.top, box.bottom]];
  }))"""


@pytest.mark.parametrize("screen", ["375", "1280"])
def test_the_way_in_stands_whole_on_the_first_screen_before_the_ingredients(browser, site_url, screen):
    height = SCREENS[screen]["viewport"]["height"]
    with opened(browser, f"{site_url}/index.html?kommune=egedal", screen) as page:
        places = page.evaluate(PLACES_JS)
    assert places["start"][1] <= height, f"„Start her“ ends {places['start'][1]:.0f} px down, under the first screen"
    assert places["lead"][1] <= places["start"][0] < places["ingredients"][0] < places["municipalities"][0], places
    assert places["ingredients"][0] < height, "the ingredients begin on the first screen"
