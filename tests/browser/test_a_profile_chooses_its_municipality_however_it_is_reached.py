"""Issue 22, reader review of session 19: a municipality's page opened from a shared link chose its municipality
(ADR 36), reached from inside the book it did not. With Ringkøbing-Skjern chosen, Aarhus's page said "Denne side
handler om Aarhus. Alt om Ringkøbing-Skjern · PDF (625 kB)" and right below "Hent Aarhus-udgaven som PDF": two PDFs of
two municipalities. One rule now: a municipality's page chooses its municipality however it is reached, and another
one chosen on it is offered as its page only, never its PDF beside the page's own."""

from __future__ import annotations

import pytest

from support.browser_files import offered_files, serve_files

pytestmark = pytest.mark.browser

# What the bar shows: the select's choice, its offer's visible links, and the profile's confirmation.
BAR_JS = """() => ({select: document.getElementById('kr-kommune').value,
  links: [...document.querySelectorAll('.kr-filter-offer a')].filter((a) => a.checkVisibility()).map((a) => a.getAttribute('aria-label')),
  said: [...document.querySelectorAll('.kr-profile-chosen')].filter((p) => p.checkVisibility()).map((p) => p.textContent).join('')})"""


def test_a_profile_reached_from_inside_the_book_chooses_its_municipality_and_offers_no_other_ones_pdf(browser, site_url, data, tmp_path):
    rows = data.municipalities.set_index("slug")
    chosen, own = rows.loc["ringkoebing-skjern"], rows.loc["aarhus"]
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    serve_files(context, offered_files(tmp_path, data, dict.fromkeys(data.municipalities["slug"], 624_600)))
    page = context.new_page()
    try:
        page.goto(f"{site_url}/vaerdiskabelser.html?kommune=ringkoebing-skjern")
        page.evaluate("() => window.KR_FILTER.ready")
        # The sidebar's link to Aarhus's page, followed as the reader follows it (the menu is closed on a phone).
        link = page.locator("nav a[href*='profil-aarhus']").first
        link.evaluate("(a) => a.click()")
        page.wait_for_url("**/kommuner/profil-aarhus.html*")
        page.evaluate("() => window.KR_FILTER.ready")
        page.wait_for_timeout(300)  # the confirmation is filled a moment after it shows, for screen readers
        bar = page.evaluate(BAR_JS)
        assert bar["select"] == own.kommunekode and "kommune=aarhus" in page.url, (page.url, bar)
        assert bar["said"] == f"{own['name']} er valgt og fremhæves nu i resten af bogen.", bar
        assert not any(chosen["name"] in link for link in bar["links"]), bar
        # Another municipality chosen on the page: its page is offered, not its PDF beside the page's own edition.
        page.select_option("#kr-kommune", chosen.kommunekode)
        page.wait_for_function("() => document.querySelector('.kr-filter-offer a').checkVisibility()")
        bar = page.evaluate(BAR_JS)
        assert bar["links"] == [f"Se alt om {chosen['name']} på kommunens side"], bar
    finally:
        context.close()
