"""Every page carries a strict Content-Security-Policy and runs under it without one violation or console error.

The policy (kulturensrige/render/policy.py) allows scripts from the book's own files and the inline scripts
hashed at build, never 'unsafe-inline' or 'unsafe-eval'. Loading each page, scrolling its charts into view (so
plotly.js loads and draws) and using the search with the words that broke Sphinx 7.4's search script shows what
the policy would block.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)" />')
# Collected from the first moment of each page: a violation is also a console error, but the event names the directive.
LISTEN = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));"""
SEARCH_WORDS = ["constructor", "__proto__", "toString", "hasOwnProperty", "kultur"]


def pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("_"))


def html_files(site: Path) -> list[str]:
    """Every HTML file a server would send, pages or not (the themes once left two templates in _static/)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def directives(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_every_html_file_in_the_site_has_a_strict_policy_before_any_script(built_site: Path):
    for path in each(html_files(built_site)):
        html = (built_site / path).read_text(encoding="utf-8")
        found = CSP.search(html)
        assert found, f"{path}: ingen Content-Security-Policy"
        assert html.find("<script") == -1 or found.start() < html.find("<script"), f"{path}: et script står før politikken"
        policy = directives(found.group(1))
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"], path
        assert policy["script-src"][0] == "'self'" and all(v.startswith("'sha256-") for v in policy["script-src"][1:]), path
        assert policy["style-src-attr"] == ["'none'"] and ' style="' not in html, f"{path}: en style-attribut"
        unsafe = {v for values in policy.values() for v in values if v.startswith("'unsafe-")}
        assert not unsafe, (path, unsafe)


def test_the_danish_catalog_has_the_plural_rule_the_patched_doctools_assumes(built_site: Path):
    assert '"plural_expr": "(n != 1)"' in (built_site / "_static" / "translations.js").read_text(encoding="utf-8")
    assert "new Function" not in (built_site / "_static" / "doctools.js").read_text(encoding="utf-8")


def visit(context, url: str) -> tuple[object, list[str]]:
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda message: problems.append(f"console: {message.text}") if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
    page.goto(url)
    page.wait_for_load_state("load")
    return page, problems


def draw_charts(page) -> bool:
    """Bring every chart into view so plotly.js loads and draws it; whether the page has one."""
    for figure in page.locator(".kr-figure").all():
        figure.scroll_into_view_if_needed()
    if not page.locator(".kr-figure").count():
        return False
    page.wait_for_function("() => document.querySelectorAll('.kr-figure .main-svg').length > 0", timeout=20_000)
    return True


def test_every_page_loads_with_no_violation_and_no_console_error(built_site: Path, site_url: str, browser, data):
    """With a municipality chosen and then all again: a chosen municipality's variants are drawn too (its column's
    label once carried plotly's <b>, which plotly draws as a style attribute the policy blocks; the test loaded
    the pages with no choice and never drew one)."""
    chosen = data.municipalities["slug"].iloc[0]
    context = browser.new_context(locale="da-DK")
    context.add_init_script(LISTEN)
    failures = {}
    charts = 0
    try:
        for path in pages(built_site):
            page, problems = visit(context, f"{site_url}/{path}?kommune={chosen}")
            charts += draw_charts(page)
            if page.locator("#kr-kommune").count():
                page.evaluate("() => window.KR_FILTER.ready")
                page.select_option("#kr-kommune", "alle")
                page.wait_for_function("() => window.KR_FILTER.last && window.KR_FILTER.last.kommune === 'alle'")
                draw_charts(page)
            page.wait_for_timeout(100)
            problems += page.evaluate("window.__violations")
            if path != "index.html" and page.evaluate("typeof Documentation") != "undefined":
                assert page.evaluate("Documentation.LOCALE") == "da", f"{path}: translations.js kørte ikke"
            if problems:
                failures[path] = problems
            page.close()
    finally:
        context.close()
    assert not failures, failures
    assert charts > 0, "ingen side tegnede en figur; testen har ikke prøvet plotly.js under politikken"


@pytest.mark.parametrize("word", SEARCH_WORDS)
def test_the_search_answers_every_word_even_javascript_names(word: str, site_url: str, browser):
    """Sphinx 7.4 threw on 'constructor' and '__proto__' and stayed at "Søger" (sphinx-doc/sphinx#13096)."""
    context = browser.new_context(locale="da-DK")
    context.add_init_script(LISTEN)
    page, problems = visit(context, f"{site_url}/search.html?q={word}")
    # Finished: the pulsing dots stopped and the heading changed from "Søger" to the results' heading.
    # Sphinx's search loads and ranks the whole index in the page: a minute on a machine loaded by three test processes.
    page.wait_for_function("() => Search._pulse_status === -1 && Search.title?.textContent === 'Søgeresultater'", timeout=60_000)
    summary = page.locator("#search-results").inner_text()[:200]
    problems += page.evaluate("window.__violations")
    found = page.locator("#search-results ul.search li").count()
    context.close()
    assert not problems, problems
    assert (found > 0) is (word == "kultur"), (word, found, summary)


def test_a_finished_search_stays_finished(site_url: str, browser):
    """Sphinx's stopPulse left the pulse's timer running, which counted "finished" on to "searching" within 500 ms."""
    context = browser.new_context(locale="da-DK")
    page, problems = visit(context, f"{site_url}/search.html?q=ensomhed")
    page.wait_for_function("() => Search.title?.textContent === 'Søgeresultater'", timeout=60_000)
    page.wait_for_timeout(1_200)
    status = page.evaluate("Search._pulse_status")
    context.close()
    assert not problems, problems
    assert status == -1, f"søgningen er færdig, men dens puls tæller videre ({status})"


def test_dark_mode_is_read_before_first_paint_under_the_policy(site_url: str, browser):
    """The theme's inline mode script (hashed) must still run: a reader's dark choice holds from the first frame."""
    context = browser.new_context(locale="da-DK")
    context.add_init_script("try { localStorage.setItem('mode', 'dark'); } catch (e) {}")
    page, problems = visit(context, f"{site_url}/baggrund.html")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.locator(".theme-switch-button:visible").first.click()
    assert page.evaluate("document.documentElement.dataset.mode") != "dark"
    context.close()
    assert not problems, problems
