"""Plotly's drawing calls counted in the page, and a choice that answers with the calls it made, for the tests of what
a choice redraws (test_choice_cost.py, test_a_choice_redraws_only_the_charts_whose_drawing_changes.py): both wrapped
plotly's functions and chose alike, and a count taken one way in one and another way in the other would not compare."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# Plotly's functions that draw a chart.
DRAWING_CALLS = ("newPlot", "react", "restyle", "relayout", "update", "redraw")

# Every call of `names` from now on, by figure: __draws since the last choice, __allDraws all of them.
COUNT_DRAWS_JS = """(names) => {
  [window.__draws, window.__allDraws] = [[], []];
  for (const name of names) {
    const original = window.Plotly[name];
    window.Plotly[name] = function (plot, ...rest) {
      window.__draws.push(`${name} ${plot.closest('figure').id}`);
      window.__allDraws.push(`${name} ${plot.closest('figure').id}`);
      return original.call(this, plot, ...rest);
    };
  }
}"""

# A municipality chosen through the select, answered once the page shows it (kr:filtered) with the calls it made.
CHOOSE_JS = """(value) => new Promise((shown) => {
  document.addEventListener('kr:filtered', () => shown(window.__draws.slice()), {once: true});
  window.__draws = [];
  const select = document.querySelector('#kr-kommune');
  select.value = value;
  select.dispatchEvent(new Event('change'));
})"""


# A municipality chosen through the select, answered once the page shows it and `settle` ms have passed: two tests of
# the tables of marks had each written it out.
CHOOSE_AND_SETTLE_JS = """([value, settle]) => new Promise((settled) => {
  document.addEventListener('kr:filtered', () => setTimeout(settled, settle), {once: true});
  const select = document.querySelector('#kr-kommune');
  select.value = value;
  select.dispatchEvent(new Event('change'));
})"""


def choose_and_settle(page: Any, value: str, settle_ms: int) -> None:
    """Choose the municipality `value` (its code) and wait until the page has shown it and `settle_ms` have passed."""
    page.evaluate(CHOOSE_AND_SETTLE_JS, [value, settle_ms])


def count_draws(page: Any, calls: Sequence[str] = DRAWING_CALLS) -> None:
    """From now on the page counts each call of `calls` (plotly's function names), by figure."""
    page.evaluate(COUNT_DRAWS_JS, list(calls))


def choose(page: Any, value: str) -> list[str]:
    """Choose the municipality `value` (its code) and return the counted calls the choice made."""
    return page.evaluate(CHOOSE_JS, value)


def at_the_first_chart(page: Any, url: str) -> Any:
    """Open `url`, wait for the filter's first view, and bring the first chart a choice can change into view, drawn."""
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    chart = page.locator("figure.kr-figure[data-kr-filterable=true]").first
    chart.scroll_into_view_if_needed()
    chart.locator(".main-svg").first.wait_for()
    return chart
