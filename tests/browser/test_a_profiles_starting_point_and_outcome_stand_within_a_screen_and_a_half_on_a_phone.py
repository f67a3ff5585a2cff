"""Issue 22, reader 26 (#1, twice): on a phone the whose-word apparatus came before the content; ADR 90 put the
initiatives first, and the starting point and what came of it („Udgangspunkt og udbytte“) after the long cards, some
1,700-3,000 px down at 375 x 667. Reader32 (#2): a consultant preparing a committee note met the result last, where
the municipality's PDF gives it first. The page now orders its sections as its edition (docs/adr/0123): on every
profile, light and dark, the heading „Udgangspunkt og udbytte“ stands within a screen and a half, with the edition's
link the PDFs add above the lead."""

from __future__ import annotations

from pathlib import Path

import pytest

from kulturensrige.data.pages import FACTS_TITLE, heading_id
from support.checks import each
from support.screens import SCREENS
from support.serving import serve
from test_pdf import report_site  # noqa: F401 (the fixture: the built book with its PDFs, made once per run)

pytestmark = pytest.mark.browser

# A screen and a half of the 375 x 667 phone.
WITHIN = 1000

FACTS_JS = """(id) => {
  const facts = document.getElementById(id);
  return {top: facts.getBoundingClientRect().top + scrollY, link: !!document.querySelector('.kr-edition-link')};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_profiles_starting_point_and_outcome_stand_within_a_screen_and_a_half_on_a_phone(data, browser, report_site: Path, theme):  # noqa: F811
    url, server = serve(report_site)
    context = browser.new_context(locale="da-DK", color_scheme=theme, **SCREENS["375"])
    try:
        page = context.new_page()
        for row in each(list(data.municipalities.itertuples())):
            page.goto(f"{url}/kommuner/profil-{row.slug}.html")
            page.evaluate("() => window.KR_FILTER.ready")
            # The theme the reader's browser asks for, as the theme's switch would set it.
            assert page.evaluate("() => document.documentElement.dataset.theme") == theme, row.slug
            seen = page.evaluate(FACTS_JS, heading_id(FACTS_TITLE))
            assert seen["link"], f"{row.slug}: no edition link, so not the page a reader meets"
            assert seen["top"] <= WITHIN, f"{row.slug} ({theme}): „{FACTS_TITLE}“ begins {seen['top']:.0f} px down"
    finally:
        context.close()
        server.shutdown()
