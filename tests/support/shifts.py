"""A page opened as on a reader's phone network, and the layout shifts it made from its start, for the tests that a
page holds still (a profile's, a page opened with a choice): both opened their pages and counted shifts alike, and a
count taken one way in one and another way in the other would not compare."""

from __future__ import annotations

from typing import Any

# Every layout shift from the page's start (buffered), once the first view is shown; with `withInput` also the shifts
# Chromium flags as after input (hadRecentInput), as Lighthouse counts the early ones its mobile emulation flags so.
SHIFTS_JS = """async (withInput) => {
  await window.KR_FILTER.ready;
  await new Promise((done) => setTimeout(done, 1000));
  const entries = await new Promise((done) => {
    new PerformanceObserver((list, observer) => { observer.disconnect(); done(list.getEntries()); })
      .observe({type: 'layout-shift', buffered: true});
    setTimeout(() => done([]), 500);  // no shift at all: the observer is never called
  });
  const shifts = entries.filter((e) => withInput || !e.hadRecentInput)
    .map((e) => [e.value, e.sources.map((s) => s.node?.className || s.node?.nodeName)]);
  return {total: shifts.reduce((sum, [value]) => sum + value, 0), shifts};
}"""


def on_a_phones_network(browser: Any, viewport: dict[str, int], **options: Any) -> tuple[Any, Any]:
    """A context (touch and a phone's emulation below 800 px) and its page whose deferred scripts come after the first
    paint, as on a reader's phone: served from this machine they ran before it, and no shift counted."""
    phone = viewport["width"] < 800
    context = browser.new_context(locale="da-DK", viewport=viewport, is_mobile=phone, has_touch=phone, **options)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 150, "downloadThroughput": -1, "uploadThroughput": -1})
    return context, page


def layout_shifts(page: Any, *, with_input: bool = False) -> dict[str, Any]:
    """The page's layout shifts since its start, once its first view is shown and a second and a half has passed:
    their total and each with the elements it moved."""
    return page.evaluate(SHIFTS_JS, with_input)
