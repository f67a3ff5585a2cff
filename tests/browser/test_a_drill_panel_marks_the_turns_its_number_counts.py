"""Reader review 24, #10: tapping the „Projekt- og programledelse“ part of „Gnist og flamme“ in the ingredient chart
opened »Gnist og flamme · Projekt- og programledelse: 1 citat« over an exchange that begins with a librarian's long
turn; the project leader's line the number counts stood unmarked under it. The turns the number counts are marked, the
panel says once what the mark is, and the page brings the counted turn whole into view under the bar."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

SCREENS = {
    "375": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "1280": {"viewport": {"width": 1280, "height": 800}},
}
PLOT = "#plot-citater-pr-ingrediens"
FIGURE = "#figur-citater-pr-ingrediens"
STILL_JS = """() => new Promise((done) => {
  let last = NaN;
  const check = () => { if (scrollY === last) done(); else { last = scrollY; setTimeout(check, 150); } };
  check();
})"""
# The part of a bar: the trace named for the speakers' category, its point on the ingredient.
POINT_JS = """([category, ingredient]) => { const gd = document.querySelector('PLOT');
  const trace = gd.data.findIndex((t) => t.name === category);
  return [trace, gd.data[trace].y.findIndex((y) => String(y).replace(/<br>/g, ' ') === ingredient)]; }""".replace("PLOT", PLOT)
SEEN_JS = """() => { const drill = document.querySelector('FIGURE .kr-drill');
  const bar = document.querySelector('section.kr-filter').getBoundingClientRect().bottom;
  const note = drill.querySelector('.kr-drill-counted');
  return {heading: drill.querySelector('.kr-drill-heading').textContent,
    note: note && note.checkVisibility() ? note.textContent : '',
    counted: [...drill.querySelectorAll('.kr-turn-counted')].map((t) => { const r = t.getBoundingClientRect();
      return {speaker: t.querySelector('.kr-turn-speaker').textContent, top: r.top, bottom: r.bottom}; }),
    turns: drill.querySelectorAll('.kr-turn').length, bar, height: innerHeight}; }""".replace("FIGURE", FIGURE)


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_a_tapped_part_of_a_bar_marks_the_exchanges_turn_it_counts_and_brings_it_into_view(site_url, browser, data, screen):
    quotes = data.quotes
    leaders = quotes["speaker_category"] == "projekt-og-programledelse"
    counted = quotes[leaders & quotes["ingredient_ids"].map(lambda i: "gnist-og-flamme" in i)]
    category = "Projekt- og programledelse"
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/ingredienser/oversigt.html?kommune=koege")
        page.evaluate("() => window.KR_FILTER.ready")
        page.locator(PLOT).scroll_into_view_if_needed()
        page.wait_for_function(f"() => document.querySelector('{PLOT} .trace.bars .point')")
        trace, point = page.evaluate(POINT_JS, [category, "Gnist og flamme"])
        bar = page.locator(f"{PLOT} .trace.bars").nth(trace).locator(".point").nth(point)
        bar.scroll_into_view_if_needed()
        page.evaluate(STILL_JS)
        (bar.tap if screen == "375" else bar.click)(force=True)
        page.locator(f"{FIGURE} .kr-drill").wait_for(state="visible")
        page.wait_for_timeout(300)
        page.evaluate(STILL_JS)
        seen = page.evaluate(SEEN_JS)
        # The heading still says what was tapped and how many it counts; the turns marked are those it counts.
        said = int(re.search(r": (\d+) citat", seen["heading"]).group(1))
        assert seen["heading"].startswith(f"Gnist og flamme · {category}: "), seen
        assert said == len(counted) == len(seen["counted"]) and seen["turns"] > len(seen["counted"]), seen
        roles = {f"{r}: " for r in counted["speaker_role"]}
        assert {c["speaker"] for c in seen["counted"]} == roles, (seen, roles)
        assert seen["note"].startswith("Tallet tæller de replikker, der står med en farvet kant"), seen
        first = seen["counted"][0]
        assert first["top"] >= seen["bar"] - 1 and first["bottom"] <= seen["height"] + 1, seen
    finally:
        context.close()
