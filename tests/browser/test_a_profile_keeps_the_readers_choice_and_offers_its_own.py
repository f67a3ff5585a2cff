"""Issue 22: reached from inside the book, a profile took the choice the link carried, and then (ADR 36's first
amendment) it chose its own over it: with Køge chosen, tapping Egedal's page said "Egedal er valgt og fremhæves nu i
resten af bogen", and the reader's choice was gone. The rule now (ADR 58): a profile changes no choice. With another
one chosen, the bar says which is chosen for the rest of the book, the page offers its own in one tap, and no other
municipality's PDF stands beside the page's own."""

from __future__ import annotations

import pytest

from support.browser_files import offered_files, serve_files

pytestmark = pytest.mark.browser

# What the bar shows: the select's choice, its offer's visible links, the bar's line, the profile's confirmation and
# its button.
BAR_JS = """() => ({select: document.getElementById('kr-kommune').value,
  links: [...document.querySelectorAll('.kr-filter-offer a')].filter((a) => a.checkVisibility()).map((a) => a.getAttribute('aria-label')),
  line: document.querySelector('.kr-filter-tally-text').textContent,
  said: [...document.querySelectorAll('.kr-profile-chosen')].filter((p) => p.checkVisibility()).map((p) => p.textContent).join(''),
  offer: [...document.querySelectorAll('.kr-profile-choose-button')].filter((b) => b.checkVisibility()).map((b) => b.textContent)})"""


def test_a_profile_keeps_the_readers_choice_and_offers_its_own_in_one_tap(browser, site_url, data, tmp_path):
    rows = data.municipalities.set_index("slug")
    chosen, own = rows.loc["koege"], rows.loc["egedal"]
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    serve_files(context, offered_files(tmp_path, data, dict.fromkeys(data.municipalities["slug"], 624_600)))
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/oversigt.html?kommune=koege")
        page.evaluate("() => window.KR_FILTER.ready")
        # The overview's link to Egedal's page, followed as the reader follows it.
        page.locator("article a[href*='profil-egedal']").first.evaluate("(a) => a.click()")
        page.wait_for_url("**/kommuner/profil-egedal.html*")
        page.evaluate("() => window.KR_FILTER.ready")
        page.wait_for_timeout(300)  # a confirmation would be filled a moment after it shows
        bar = page.evaluate(BAR_JS)
        assert bar["select"] == chosen.kommunekode and "kommune=egedal" not in page.url, (page.url, bar)
        assert not bar["said"], bar
        assert bar["line"] == f"I resten af bogen er {chosen['name']} valgt.", bar
        assert bar["offer"] == [f"Fremhæv {own['name']} i resten af bogen"], bar
        # The chosen municipality's page is offered, never its PDF beside the page's own edition.
        assert bar["links"] == [f"Se alt om {chosen['name']} på kommunens side"], bar
        # One tap chooses the page's own, and says so where the button stood.
        page.locator(".kr-profile-choose-button").click()
        page.wait_for_function("() => document.querySelector('.kr-profile-chosen').textContent")
        bar = page.evaluate(BAR_JS)
        assert bar["select"] == own.kommunekode and not bar["offer"], bar
        assert bar["said"] == f"{own['name']} er valgt og fremhæves nu i resten af bogen.", bar
    finally:
        context.close()
