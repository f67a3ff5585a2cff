"""Reader review 18, #2: since the editors' ties are off by default (ADR 33), a choice on the ingredient pages and on
vaerdiskabelser said "Intet på siden er knyttet til Ringkøbing-Skjern", its way out was the jargon "udledte
tilknytninger", and on ingredienser/oversigt every bar of "Citater pr. ingrediens" stood greyed for Køge."""

from __future__ import annotations

import pytest

from kulturensrige.rules import filters

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
BAR_JS = """() => {
  const shown = (e) => e && e.checkVisibility();
  const tally = document.querySelector('.kr-filter-tally'), infer = document.querySelector('.kr-filter-infer');
  return {tally: shown(tally) ? tally.querySelector('.kr-filter-tally-text').textContent.trim() : '',
          button: shown(infer) ? infer.textContent.trim() : '',
          offer: [...document.querySelectorAll('.kr-filter-offer a')].filter(shown).map((a) => a.textContent.trim()),
          chosen: [...document.querySelectorAll('.kr-card.kr-chosen')].filter(shown).length};
}"""


def opened(browser, url: str, viewport: dict):
    context = browser.new_context(viewport=viewport, locale="da-DK", is_mobile=viewport is PHONE, has_touch=viewport is PHONE)
    page = context.new_page()
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    return context, page


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["phone", "desktop"])
def test_where_a_choice_marks_nothing_the_bar_offers_the_editors_ties_in_plain_words_and_shows_them_in_one_tap(
    browser, tied_url, tied_data, viewport
):
    name = filters.municipality_name(tied_data, tied_data.municipalities.set_index("slug").loc["ringkoebing-skjern", "kommunekode"])
    context, page = opened(browser, f"{tied_url}/vaerdiskabelser.html?kommune=ringkoebing-skjern", viewport)
    try:
        bar = page.evaluate(BAR_JS)
        assert bar["tally"] == f"1 citat her er knyttet til {name}, udledt af redaktionen.", bar
        assert bar["button"] == "Vis det" and not bar["chosen"], bar
        assert bar["offer"] and name in bar["offer"][0], bar
        assert "Intet på siden" not in bar["tally"] and "tilknytninger" not in bar["tally"], bar
        page.locator(".kr-filter-infer").click()
        # The tap's view is shown once the bar's line says what it marks (a desktop at load took more than two frames).
        page.wait_for_function("() => document.querySelector('.kr-filter-tally-text')?.textContent.trim().startsWith('Fremhævet her')")
        after = page.evaluate(BAR_JS)
        # The tap brings the marked card under the bar, whose lines step aside as when the reader reads on (ADR 95):
        # the line's words are read where the panel shows them too, not where it stood.
        said = page.evaluate("() => document.querySelector('.kr-filter-tally-text').textContent.trim()")
        assert after["chosen"] == 1 and said.startswith("Fremhævet her: 1 citat"), (after, said)
        assert "udledte=ja" in page.url
    finally:
        context.close()


def test_a_bar_chart_with_none_of_the_chosen_municipalitys_quotes_stands_undimmed(browser, tied_url):
    context, page = opened(browser, f"{tied_url}/ingredienser/oversigt.html?kommune=koege", PHONE)
    try:
        page.locator("#figur-citater-pr-ingrediens").scroll_into_view_if_needed()
        page.wait_for_function("() => document.querySelector('#figur-citater-pr-ingrediens .main-svg')")
        shown = page.evaluate(
            """() => {
              const figure = document.getElementById('figur-citater-pr-ingrediens');
              const note = [...figure.querySelectorAll('.kr-variant-note')].find((p) => p.checkVisibility());
              return {note: note ? note.textContent : '', key: figure.querySelector('.kr-legend-key').checkVisibility()};
            }"""
        )
        assert "som når ingen kommune er valgt" in shown["note"] and "dæmpede" not in shown["note"], shown
        assert not shown["key"], "no key of full and faint bars where nothing is faint"
    finally:
        context.close()
