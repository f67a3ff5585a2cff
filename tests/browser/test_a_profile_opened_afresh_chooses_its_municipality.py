"""Reader review 18, #7: `kommuner/profil-egedal.html`, opened as a reader's first page (a shared link, a search
engine), showed "Alle kommuner" in the filter, though the page is about Egedal."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SHOWN_JS = """() => ({select: document.getElementById('kr-kommune').value,
  said: document.querySelector('.kr-profile-chosen').checkVisibility() ? document.querySelector('.kr-profile-chosen').textContent : '',
  offer: document.querySelector('.kr-profile-choose').checkVisibility(), kept: localStorage.getItem('kr-valg')})"""


def test_a_profile_opened_with_no_choice_in_its_address_chooses_its_municipality_and_says_so(browser, site_url, data):
    """With nothing kept in the browser, the page chooses its municipality and confirms it; after a page that kept
    "Alle kommuner" too (ADR 36 as amended in issue 22: however the page is reached). An address that names "alle"
    keeps it, and the profile offers its own in one tap."""
    row = data.municipalities.set_index("slug").loc["egedal"]
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="da-DK", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/profil-egedal.html")
        page.evaluate("() => window.KR_FILTER.ready")
        page.wait_for_function("() => document.querySelector('.kr-profile-chosen').textContent")
        shown = page.evaluate(SHOWN_JS)
        assert shown["select"] == row.kommunekode and not shown["offer"], shown
        assert shown["said"] == f"{row['name']} er valgt og fremhæves nu i resten af bogen.", shown
        assert "kommune=egedal" in page.url and '"egedal"' in shown["kept"], (page.url, shown)
        page.evaluate("() => localStorage.clear()")
        page.goto(f"{site_url}/index.html")
        page.evaluate("() => window.KR_FILTER.ready")
        page.goto(f"{site_url}/kommuner/profil-egedal.html")
        page.evaluate("() => window.KR_FILTER.ready")
        page.wait_for_function("() => document.querySelector('.kr-profile-chosen').textContent")
        shown = page.evaluate(SHOWN_JS)
        assert shown["select"] == row.kommunekode and not shown["offer"] and shown["said"], shown
        page.goto(f"{site_url}/kommuner/profil-egedal.html?kommune=alle")
        page.evaluate("() => window.KR_FILTER.ready")
        shown = page.evaluate(SHOWN_JS)
        assert shown["select"] == "alle" and shown["offer"] and not shown["said"], shown
    finally:
        context.close()
