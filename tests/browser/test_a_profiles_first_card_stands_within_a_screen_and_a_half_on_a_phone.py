"""Issue 22, reader 26 (#1, twice): on a phone the whose-word apparatus came before the content. Køge's first initiative
card began some 1,400 px down at 375 x 667, over two screens, under the lead, the page's word on the choice, the
retelling rule, the facts, the outcome and its absence lines and the status sentence. What the municipality did comes
first (docs/adr/0090): on every profile, light and dark, the first card's top stands within a screen and a half, with
the edition's link the PDFs add above the lead."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.checks import each
from support.screens import SCREENS
from support.serving import serve
from test_pdf import report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

pytestmark = pytest.mark.browser

# A screen and a half of the 375 x 667 phone.
WITHIN = 1000

FIRST_CARD_JS = """() => {
  const card = document.querySelector('.kr-initiative-list .kr-card');
  return {top: card.getBoundingClientRect().top + scrollY, link: !!document.querySelector('.kr-edition-link')};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_profiles_first_card_stands_within_a_screen_and_a_half_on_a_phone(data, browser, report_site: Path, theme):  # noqa: F811
    url, server = serve(report_site)
    context = browser.new_context(locale="da-DK", color_scheme=theme, **SCREENS["375"])
    try:
        page = context.new_page()
        for row in each(list(data.municipalities.itertuples())):
            page.goto(f"{url}/kommuner/profil-{row.slug}.html")
            page.evaluate("() => window.KR_FILTER.ready")
            # The theme the reader's browser asks for, as the theme's switch would set it.
            assert page.evaluate("() => document.documentElement.dataset.theme") == theme, row.slug
            seen = page.evaluate(FIRST_CARD_JS)
            assert seen["link"], f"{row.slug}: no edition link, so not the page a reader meets"
            assert seen["top"] <= WITHIN, f"{row.slug} ({theme}): the first card begins {seen['top']:.0f} px down"
    finally:
        context.close()
        server.shutdown()
