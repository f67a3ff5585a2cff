"""What a choice costs a slow phone: it restyles, lays out and redraws what it changes, not the whole page
(issue 24 item 4, BENCHMARKS.md "Charts on a slow phone, session 14").

Read from a Chromium trace of the comparison page (three tables of marks and a chart) while a municipality is chosen,
and from plotly's own calls: a rule that makes the browser restyle every table cell on each change, a table far from
the screen laid out and painted again, or a chart redrawn that did not change, each made a choice on a slow phone
wait several times as long at national scale.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.checks import each
from support.draws import CHOOSE_JS, at_the_first_chart, choose, count_draws

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}
PAGE = "kommuner/sammenligning.html"


@pytest.fixture
def comparison(browser, site_url):
    """The comparison page on a phone, scrolled to its chart (below the three tables of marks), drawn."""
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    at_the_first_chart(page, f"{site_url}/{PAGE}")
    # The tables, laid out once with their rows, may then be skipped far from the screen (kr-charts.js fillMarks).
    page.wait_for_function(
        "() => [...document.querySelectorAll('.kr-marks-figure')].every((f) => f.classList.contains('kr-marks-laid-out'))"
    )
    count_draws(page)
    yield page
    context.close()


def municipalities(page) -> list[str]:
    return page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")[1:]


def test_a_choice_restyles_what_it_marks_not_every_element_of_the_page(comparison, tmp_path: Path):
    """Chromium restyles the elements a change can affect. A `:has()` on an element holding the page
    (`.bd-article:has(.kr-front) h1` was one) made it restyle every table cell of the article on each change: at
    national scale about 6,000 elements, 14 times a choice, 60 ms each on a slow phone."""
    trace = tmp_path / "trace.json"
    elements = comparison.evaluate("() => document.getElementsByTagName('*').length")
    comparison.context.browser.start_tracing(page=comparison, path=str(trace), categories=["devtools.timeline"])
    for code in municipalities(comparison)[:2]:
        choose(comparison, code)
    comparison.wait_for_timeout(300)  # the frame after the last choice
    comparison.context.browser.stop_tracing()
    events = json.loads(trace.read_text(encoding="utf-8"))["traceEvents"]
    restyled = [e["args"]["elementCount"] for e in events if e["name"] == "UpdateLayoutTree" and "elementCount" in e.get("args", {})]
    for count in each(restyled):
        assert count < elements / 4, f"a choice restyled {count} of the page's {elements} elements"


def test_a_choice_redraws_the_chart_in_view_once_and_nothing_else(comparison):
    """The chart in view is redrawn once for a choice that changes it, and not at all for the choice it already shows;
    the tables of marks are no plotly charts and are not redrawn either. From all municipalities to one, the chart's
    traces change in number and it is drawn anew (one Plotly.react); from one municipality to another that it marks
    too, with the same layout and as many traces, only its traces are restyled (one Plotly.restyle)."""
    chart = comparison.evaluate("() => document.querySelector('figure.kr-figure[data-kr-filterable=true]').id")
    # Two municipalities whose organisations the chart marks: each is drawn as two traces, its own part and the rest.
    traces = "(id) => document.getElementById(id).querySelector('.kr-plot').data.length"
    marking = []
    for code in municipalities(comparison):
        choose(comparison, code)
        if comparison.evaluate(traces, chart) == 2:
            marking.append(code)
    assert len(marking) >= 2, "the chart marks fewer than two municipalities"
    choose(comparison, comparison.eval_on_selector("#kr-kommune option", "(o) => o.value"))  # all municipalities
    first, second = marking[:2]
    assert choose(comparison, first) == [f"react {chart}"]
    assert choose(comparison, second) == [f"restyle {chart}"]
    # The same choice again draws nothing.
    unchanged = """() => new Promise((shown) => {
      document.addEventListener('kr:filtered', () => shown(window.__draws.slice()), {once: true});
      window.__draws = [];
      document.querySelector('#kr-kommune').dispatchEvent(new Event('change'));
    })"""
    assert comparison.evaluate(unchanged) == []


def test_a_table_of_marks_far_from_the_screen_is_left_alone_and_shows_the_choice_when_scrolled_to(comparison):
    """The browser skips a table of marks far from the screen (content-visibility: auto: neither laid out nor painted),
    and it stays skipped through a choice; the chosen municipality's marks show the choice when the table comes near:
    on a phone a table is a line a row (ADR 67), so each of its blocks is in view within the table, with its edge."""
    table = comparison.locator(".kr-marks-figure").first
    wrap = table.locator(".kr-marks-wrap")
    skipped = "(wrap) => !wrap.checkVisibility({contentVisibilityAuto: true})"
    assert wrap.evaluate(skipped), "the first table is not skipped"
    # The last municipality with a mark in the first table, so there is a block to show the choice.
    last = [code for code in municipalities(comparison) if wrap.locator(f'td.kr-marked[data-kr-mark="{code}"]').count()][-1]
    choose(comparison, last)
    assert wrap.evaluate(skipped), "the choice brought the table back"
    table.scroll_into_view_if_needed()
    in_view = """([wrap, code]) => {
      const w = wrap.getBoundingClientRect();
      return [...wrap.querySelectorAll(`td.kr-marked[data-kr-mark="${code}"]`)].every((cell) => {
        const c = cell.getBoundingClientRect();
        return cell.classList.contains('kr-chosen') && cell.checkVisibility() && getComputedStyle(cell).outlineStyle === 'solid'
          && c.width > 0 && c.left >= w.left - 1 && c.right <= w.right + 1;
      });
    }"""
    comparison.wait_for_function(in_view, arg=[wrap.element_handle(), last], timeout=5000)


def test_a_reader_stepping_through_the_municipalities_waits_for_no_chart_far_from_the_screen(browser, tied_url):
    """The ingredient overview's second chart, far below, is drawn ahead only once a choice has stood a moment: a
    reader stepping through the list waited, at each step, for that chart drawn for the step before (a heatmap of 98
    columns at national scale). On the tied data: the report's data, with no inferred tie, have no second chart."""
    context = browser.new_context(locale="da-DK", viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(f"{tied_url}/ingredienser/oversigt.html")
        page.evaluate("() => window.KR_FILTER.ready")
        near, far = page.locator("figure.kr-figure").first, page.locator("figure.kr-figure").last
        # The reader at the first chart, its head mid-screen: the two charts stand about 200 px apart since the
        # heading between them went (ADR 72), so with the first chart wholly in view the second one is near, not far.
        near.evaluate("(f) => window.scrollBy(0, f.getBoundingClientRect().top - window.innerHeight / 2)")
        near.locator(".main-svg").first.wait_for()
        far.locator(".main-svg").first.wait_for(state="attached")  # drawn ahead, for the page's first view
        assert near.evaluate("(f) => f.getBoundingClientRect().top < window.innerHeight")
        assert far.evaluate("(f) => f.getBoundingClientRect().top > window.innerHeight + 200")
        count_draws(page)
        # Three choices at a reader's pace with the arrow keys: each a quarter of a second after the one before is shown.
        step_through = (
            "async (codes) => { const steps = []; for (const code of codes) {"
            " if (steps.length) await new Promise((r) => setTimeout(r, 250));"
            f" steps.push(await ({CHOOSE_JS})(code)); }} return [steps, window.__allDraws.slice()]; }}"
        )
        steps, draws = page.evaluate(step_through, municipalities(page)[:3])
        far_id = far.evaluate("(f) => f.id")
        drawn_far = [d for d in draws if d.endswith(far_id)]
        # The near chart marks none of these municipalities on this data and stays as drawn (a choice redraws only the
        # charts whose drawing changes); the far one, which marks each of them, waits.
        assert steps == [[]] * 3 and drawn_far == []
        far.locator(".main-svg").first.wait_for(state="attached")  # and then drawn ahead for the last choice
    finally:
        context.close()
