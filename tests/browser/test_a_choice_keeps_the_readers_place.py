"""Issue 22, the reader review of session 17 (phone #3, desktop #2): a choice made mid-page moved the reader's place.
On `kommuner/sammenligning` the page jumped about 300 px to the section's heading, a choice closed the open answer
panel and the page shrank by about 2,900 px, and on `kommuner/oversigt` the card being read moved 85-110 px (432 px
on a desktop) as the chosen municipality's card went first."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

SCREENS = {
    "375": {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True},
    "1280": {"viewport": {"width": 1280, "height": 800}},
}
SETTLED = "document.getAnimations().every((a) => a.playState !== 'running')"
# Marks the block on the reader's line, just under the sticky bar (or, where that line crosses no block, the first one
# that begins under it), and says where it stands. Where it is a list's group heading ("De 6 andre kommuner."), which a
# view without that group hides, the card under it is marked too: the reader's place once the heading is gone.
ANCHOR_JS = """() => {
  const blocks = 'p, li, tr, dt, dd, blockquote, .kr-card, h2, h3, h4, figure, table, summary';
  const article = document.querySelector('article.bd-article');
  const line = Math.max(0, document.querySelector('section.kr-filter').getBoundingClientRect().bottom) + 8;
  for (const old of document.querySelectorAll('[data-anchor]')) old.removeAttribute('data-anchor');
  const box = article.getBoundingClientRect();
  const hit = [box.left + box.width / 4, box.left + box.width / 2].flatMap((x) => document.elementsFromPoint(x, line))
    .map((e) => e.closest(blocks)).find((e) => e && article.contains(e) && !e.closest('.kr-filter'));
  const anchor = hit || [...article.querySelectorAll(blocks)]
    .filter((e) => !e.closest('.kr-filter') && e.checkVisibility())
    .find((e) => { const r = e.getBoundingClientRect(); return r.top >= line && r.top < innerHeight / 2 && r.height > 0; });
  if (!anchor) return null;
  anchor.dataset.anchor = '1';
  const under = anchor.matches('.kr-group-heading') ? anchor.parentElement.querySelector('.kr-card') : null;
  if (under) under.dataset.anchor = '2';
  return {top: anchor.getBoundingClientRect().top, under: under ? under.getBoundingClientRect().top : null,
          text: anchor.textContent.trim().slice(0, 50)};
}"""
# Where the marked block stands now, or, where it was a group heading the view hid, where the card under it stands.
WHERE_JS = """() => {
  const anchor = document.querySelector('[data-anchor="1"]');
  if (anchor && anchor.checkVisibility()) return {top: anchor.getBoundingClientRect().top, by: 'anchor'};
  const under = document.querySelector('[data-anchor="2"]');
  return under ? {top: under.getBoundingClientRect().top, by: 'under'} : null;
}"""


def _settle(page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_function(f"() => {SETTLED} && !window.KR_FILTER.held()")
    page.wait_for_timeout(200)


def _choose(page, name: str) -> None:
    page.evaluate("() => { window.KR_FILTER.last = null; }")
    page.select_option("#kr-kommune", label=name)
    page.wait_for_function("() => window.KR_FILTER.last && !window.KR_FILTER.last.initial")
    _settle(page)


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
@pytest.mark.parametrize(
    ("path", "share"),
    [
        ("kommuner/sammenligning.html", 0.45),
        ("kommuner/oversigt.html", 0.3),
        ("kommuner/oversigt.html", 0.6),
        ("ingredienser/gnist-og-flamme.html", 0.4),
    ],
)
def test_a_choice_made_mid_page_keeps_what_the_reader_was_reading_where_it_stood(browser, site_url, data, screen, path, share):
    """The block at the top of the view before a choice stands where it stood after it, within 4 px, for every
    municipality chosen in turn and for all of them again."""
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{path}?kommune=alle")
        page.evaluate("() => window.KR_FILTER.ready")
        height = page.evaluate("() => document.documentElement.scrollHeight")
        page.mouse.wheel(0, height * share)
        _settle(page)
        for name in each([*data.municipalities["name"], "Alle kommuner"]):
            before = page.evaluate(ANCHOR_JS)
            assert before, (screen, path, share, name, "nothing to read at the top of the view")
            _choose(page, name)
            after = page.evaluate(WHERE_JS)
            assert after is not None, (screen, path, share, name, before)
            was = before["top"] if after["by"] == "anchor" else before["under"]
            assert abs(after["top"] - was) <= 4, (screen, path, share, name, before, after)
    finally:
        context.close()


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_a_choice_leaves_an_open_answer_panel_open_and_its_card_in_place(browser, site_url, screen):
    """Tap a mark in the comparison's table, read into its panel, choose a municipality: the panel stays open, the
    card being read stays where it stood, and Back then closes the panel without undoing the choice."""
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/sammenligning.html?kommune=alle")
        page.evaluate("() => window.KR_FILTER.ready")
        mark = page.locator("#tabel-kunstformer-kommune button.kr-mark").first
        mark.scroll_into_view_if_needed()
        mark.click()
        drill = page.locator(".kr-drill:not([hidden])")
        drill.wait_for(state="visible")
        _settle(page)
        page.evaluate("() => document.querySelector('.kr-drill:not([hidden]) .kr-card').scrollIntoView({block: 'center'})")
        _settle(page)
        before = page.evaluate(
            """() => { const card = document.querySelector('.kr-drill:not([hidden]) .kr-card'); card.dataset.anchor = '1';
                       return card.getBoundingClientRect().top; }"""
        )
        _choose(page, "Egedal")
        assert page.locator(".kr-drill:not([hidden])").count() == 1, "the panel was closed by the choice"
        after = page.evaluate(WHERE_JS)
        assert after is not None and abs(after["top"] - before) <= 4, (screen, before, after)
        page.go_back()
        page.wait_for_function("() => !document.querySelector('.kr-drill:not([hidden])')")
        assert page.evaluate("() => window.KR_FILTER.state().kommune") == page.evaluate("() => document.getElementById('kr-kommune').value")
        assert "kommune=egedal" in page.url, page.url
    finally:
        context.close()


# What the reader sees at a profile's top: where the page stands, the title, whether the select shows a focus ring, and
# the profile's offer (its button, or the sentence in its place) against the sticky bar's foot, and the height of the
# bar's lines under its select (none with the page's own municipality chosen; ADR 116).
TOP_JS = """() => { const offer = [...document.querySelectorAll('.kr-profile-choose-button, .kr-profile-chosen')]
  .find((e) => e.checkVisibility()).getBoundingClientRect();
  return {y: scrollY, title: document.querySelector('article h1').getBoundingClientRect().top,
          lines: document.querySelector('.kr-filter-lines').getBoundingClientRect().height,
          ring: document.getElementById('kr-kommune').matches(':focus-visible'),
          focus: document.activeElement.id, offer: offer.top,
          bar: document.querySelector('section.kr-filter').getBoundingClientRect().bottom}; }"""


@pytest.mark.parametrize("screen", list(SCREENS), ids=lambda s: f"{s}px")
def test_alle_tapped_at_a_profiles_top_leaves_the_page_at_its_top_and_draws_no_focus_ring(browser, site_url, screen):
    """Reader review 24, #8: on Køge's page with Køge chosen, a tap on „Alle“ moved the page 44 px (scrollY 0 to 44)
    to keep the offer's place as a sentence came in over it, the title went under the bar, and the select kept a
    focus ring the reader had not asked for. At the top the page stays at the top, the offer's button stands whole
    under the bar, and from the keyboard the focus still goes on to the select."""
    context = browser.new_context(locale="da-DK", **SCREENS[screen])
    page = context.new_page()
    try:
        page.goto(f"{site_url}/kommuner/profil-koege.html?kommune=koege")
        page.evaluate("() => window.KR_FILTER.ready")
        _settle(page)
        before = page.evaluate(TOP_JS)
        assert before["y"] == 0, before
        page.evaluate("() => { window.KR_FILTER.last = null; }")
        (page.tap if screen == "375" else page.click)(".kr-filter-reset")
        page.wait_for_function("() => window.KR_FILTER.last && !window.KR_FILTER.last.initial")
        _settle(page)
        after = page.evaluate(TOP_JS)
        # ADR 116 (phone32, reader31 #5): with „Alle“ the bar's line says „I resten af bogen er ingen kommune valgt.“,
        # where the page's own municipality chosen showed none. The title moves down by that line only, no more.
        assert after["y"] == 0 and after["title"] - after["lines"] == before["title"] - before["lines"], (before, after)
        assert not after["ring"], after
        assert after["offer"] >= after["bar"], after
        # From the keyboard the reset's focus goes on to the choice it reset, as before.
        page.select_option("#kr-kommune", label="Køge")
        _settle(page)
        page.focus(".kr-filter-reset")
        page.keyboard.press("Enter")
        _settle(page)
        assert page.evaluate(TOP_JS)["focus"] == "kr-kommune"
    finally:
        context.close()
