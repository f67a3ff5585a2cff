"""A municipality chosen in the bar as a reader chooses it, for the browser tests of what the bar says after a choice.

Four tests of the bar (the bar learnt once, its lines over no text, Vis, a choice out of view) each wrote out the same
steps: the reader's place on the page, then the select set to the name and its change, waited for until the page shows
it (kr:filtered) and the bar's lines have settled. One copy keeps their choices alike; each test still says where the
reader stands and how long it waits, as before."""

from __future__ import annotations

from typing import Any

# Where the reader stands when choosing: the page's last card 60 px below the window's top, or halfway down a page
# without cards.
LAST_CARD = "last card"

CHOOSE_JS = """async ([name, at, pause, settle]) => {
  await window.KR_FILTER.ready;
  const last = [...document.querySelectorAll('article .kr-card')].pop();
  if (at === 'last card' && last) window.scrollBy(0, last.getBoundingClientRect().top - 60);
  else if (at) {
    const share = at === 'last card' ? 0.5 : at;
    window.scrollTo({top: (document.documentElement.scrollHeight - innerHeight) * share, behavior: 'instant'});
  }
  await new Promise((done) => setTimeout(done, pause));
  const select = document.getElementById('kr-kommune');
  select.value = [...select.options].find((o) => o.textContent === name).value;
  const shown = new Promise((done) => document.addEventListener('kr:filtered', done, {once: true}));
  select.dispatchEvent(new Event('change'));
  await shown;
  await new Promise((done) => setTimeout(done, settle));
}"""


def choose_by_name(page: Any, name: str, *, at: float | str = 0, pause_ms: int = 400, settle_ms: int = 400) -> None:
    """Choose `name` through the bar's select: first the reader's place `at` (a share of the page's scrollable height,
    0 staying where the page is, or LAST_CARD) and `pause_ms` there, then the choice, and `settle_ms` after the page
    shows it for the bar's lines."""
    page.evaluate(CHOOSE_JS, [name, at, pause_ms, settle_ms])


def open_with_every_table_filled(page: Any, url: str) -> None:
    """The page at `url`, scrolled to its end so every table of marks has taken its rows from their island (tables far
    from the screen fill as they come near), then left a moment to lay them out."""
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")
    page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function("() => !document.querySelector('.kr-marks-figure > script.kr-marks-rows')")
    page.wait_for_timeout(300)
