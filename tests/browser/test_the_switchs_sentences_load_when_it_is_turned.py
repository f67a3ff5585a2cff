"""A chosen municipality's status sentences wait beside kr-data.js, in one file per position of the inferred switch
(browser.SENTENCE_FILES): at national scale they were 156 kB of the kr-data.js every page loads, and the heaviest page
stood 1.1 kB under its budget (BENCHMARKS.md, session 19). A page loads the file of the position it shows when a
municipality is chosen, the other when the reader turns the switch, and says the build's sentences for the view, at
the report's scale and at national scale (marker `national`)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from kulturensrige.render.browser import SENTENCE_FILES, script_payload, sentence_file_part
from kulturensrige.rules.views import state_key
from support.serving import serve

pytestmark = pytest.mark.browser
PAGE = "ingredienser/oversigt.html"
LISTEN = "() => { window.__krDone = false; document.addEventListener('kr:filtered', () => { window.__krDone = true; }); }"


def check_the_switch(browser, site: Path, url: str) -> None:
    static = site / "_static"
    published = script_payload((static / "kr-data.js").read_text(encoding="utf-8"))
    chosen = published["kommuner"][-1]
    said = {inferred: sentence_file_part((static / name).read_text(encoding="utf-8")) for inferred, name in SENTENCE_FILES.items()}
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    loaded: list[str] = []
    page.on("request", lambda request: loaded.append(urlparse(request.url).path.rsplit("/", 1)[-1]))
    try:
        page.goto(f"{url}/{PAGE}?kommune={chosen['slug']}")
        page.evaluate("() => window.KR_FILTER.ready")
        for inferred in (False, True):
            if inferred:
                page.evaluate(LISTEN)
                page.click(".kr-filter-toggle")
                page.set_checked("#kr-udledte", True)
                page.wait_for_function("() => window.__krDone")
            sentences = said[inferred][state_key(chosen["code"], inferred)]
            assert chosen["name"] in sentences["print"]
            assert page.text_content(".kr-print-selection") == sentences["print"], inferred
            # The page's charts follow the choice: the status says so in the view's words (and what its lists mark).
            assert sentences["charts"] in (page.text_content("#kr-filter-status") or "")
            assert SENTENCE_FILES[inferred] in loaded
            assert (SENTENCE_FILES[True] in loaded) == inferred, "the other position's file waits until the switch is turned"
    finally:
        context.close()


def test_turning_the_switch_loads_its_sentences_and_the_status_says_them(browser, tied_site, tied_url):
    check_the_switch(browser, tied_site, tied_url)


@pytest.mark.national
def test_at_national_scale_turning_the_switch_loads_its_sentences_and_the_status_says_them(browser, national_site):
    url, server = serve(national_site)
    try:
        check_the_switch(browser, national_site, url)
    finally:
        server.shutdown()
