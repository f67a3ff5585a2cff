"""Reader 28, F2: on „De deltagende kommuner“ with Køge chosen, Køge's card („Køge, fremhævet øverst.“) began some
1,200 px down at 375 x 667, under the lead, the retelling rule, the section's explanation, „(red.) Hvorfor?“ and the
definitions of the starting points. The cards come right after the section's heading, the explanations after them, in
one order for every view (docs/adr/0101): with a choice, the chosen municipality's heading stands whole on the first
screen, its card right under it (the card's top at 658-678 px of 667, by the length of the bar's line)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.checks import each
from support.screens import SCREENS
from support.serving import serve

pytestmark = pytest.mark.browser

# Right under: 16 px of margins between them (the heading's and the grid's), nothing more.
UNDER = 20

CHOSEN_JS = """() => {
  const card = document.querySelector('article .kr-municipality-card.kr-chosen');
  const heading = card?.closest('.kr-group').querySelector('.kr-group-heading');
  return card && {heading: heading.getBoundingClientRect().bottom + scrollY, card: card.getBoundingClientRect().top + scrollY};
}"""


def test_a_chosen_municipalitys_card_stands_on_the_overviews_first_screen(data, browser, built_site: Path):
    url, server = serve(built_site)
    context = browser.new_context(locale="da-DK", **SCREENS["375"])
    screen = SCREENS["375"]["viewport"]["height"]
    try:
        page = context.new_page()
        for row in each(list(data.municipalities.itertuples())):
            page.goto(f"{url}/kommuner/oversigt.html?kommune={row.slug}")
            page.evaluate("() => window.KR_FILTER.ready")
            seen = page.evaluate(CHOSEN_JS)
            assert seen, f"{row.slug}: no card is marked"
            assert seen["heading"] <= screen, f"{row.slug}: the chosen heading ends {seen['heading']:.0f} px down"
            assert seen["card"] - seen["heading"] <= UNDER, f"{row.slug}: the card begins {seen['card']:.0f} px down"
    finally:
        context.close()
        server.shutdown()
