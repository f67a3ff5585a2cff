"""The book's menus work on every page: both drawers on a phone, the chapter sidebar on a desktop.

A theme release once left the phone menu dead (two `.primary-toggle` buttons; pydata/pydata-sphinx-theme#2451),
so this walks every page of the built book, not one sample.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SKIPPED_PAGES = {"search.html"}


def book_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.name not in SKIPPED_PAGES and not p.relative_to(site).as_posix().startswith("_") and p.name != "index.html"
    ) + ["index.html"]


def on_screen(page, selector: str) -> bool:
    """A drawer is open when its box lies inside the viewport and is not hidden."""
    return page.evaluate(
        """sel => { const el = document.querySelector(sel); if (!el) return false;
             const r = el.getBoundingClientRect(), s = getComputedStyle(el);
             return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0
                    && r.right > 1 && r.left < window.innerWidth - 1; }""",
        selector,
    )


def wait_until(page, selector: str, shown: bool) -> None:
    page.wait_for_function(
        """([sel, shown]) => { const el = document.querySelector(sel); if (!el) return !shown;
             const r = el.getBoundingClientRect(), s = getComputedStyle(el);
             const open = s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0
                          && r.right > 1 && r.left < window.innerWidth - 1;
             return open === shown; }""",
        arg=[selector, shown],
        timeout=10_000,
    )


def close_with_escape(page, selector: str) -> None:
    """The theme moves focus into an opened drawer (after 100 ms) and closes it on Escape from there."""
    page.wait_for_function("sel => document.querySelector(sel).contains(document.activeElement)", arg=selector, timeout=10_000)
    page.keyboard.press("Escape")
    wait_until(page, selector, False)


def check_phone_drawers(page, path: str) -> None:
    """The chapter menu opens from its button and closes on Escape; so does the contents drawer where there is one."""
    assert not on_screen(page, ".bd-sidebar-primary"), f"{path}: kapitelmenuen er åben før tryk"
    page.locator(".primary-toggle:visible").click()
    wait_until(page, ".bd-sidebar-primary", True)
    assert page.locator(".bd-sidebar-primary a.reference").first.is_visible(), f"{path}: menuen viser ingen kapitler"
    close_with_escape(page, ".bd-sidebar-primary")
    toc = page.locator(".secondary-toggle:visible")
    if toc.count():
        toc.click()
        wait_until(page, ".bd-sidebar-secondary", True)
        close_with_escape(page, ".bd-sidebar-secondary")


def check_desktop_toggle(page, path: str) -> None:
    """On a wide screen the chapter sidebar is shown, and its button hides it and shows it again."""
    wait_until(page, ".bd-sidebar-primary", True)  # it slides in as the page widens
    page.locator(".primary-toggle:visible").click()
    wait_until(page, ".bd-sidebar-primary", False)
    page.locator(".primary-toggle:visible").click()
    wait_until(page, ".bd-sidebar-primary", True)


def test_both_drawers_work_on_a_phone_and_the_chapter_sidebar_toggles_on_a_desktop_on_every_page(built_site, site_url, browser):
    """One load per page: the drawers at phone width, then the same page widened to a desktop (as a turned tablet)."""
    context = browser.new_context(viewport=PHONE, locale="da-DK")
    page = context.new_page()
    checked = 0
    try:
        for path in book_pages(built_site):
            page.set_viewport_size(PHONE)
            page.goto(f"{site_url}/{path}")
            check_phone_drawers(page, path)
            page.set_viewport_size(DESKTOP)
            check_desktop_toggle(page, path)
            checked += 1
    finally:
        context.close()
    assert checked == len(book_pages(built_site))


def test_pages_with_a_contents_list_offer_the_contents_drawer_on_a_phone(built_site, site_url, browser):
    """The contents button must exist where there is a contents list; otherwise the drawer test proves nothing."""
    context = browser.new_context(viewport=PHONE, locale="da-DK")
    page = context.new_page()
    page.goto(f"{site_url}/baggrund.html")
    assert page.locator(".bd-sidebar-secondary nav a").count() > 0
    assert page.locator(".secondary-toggle:visible").count() == 1
    context.close()


SLIDING_JS = """() => ['.bd-sidebar-primary', '.bd-sidebar-secondary'].map((sel) =>
    Math.max(...getComputedStyle(document.querySelector(sel)).transitionDuration.split(',').map(parseFloat)))"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["telefon", "skrivebord"])
def test_the_menus_slide_only_for_a_reader_who_has_not_asked_for_less_motion(site_url, browser, viewport):
    """The theme animates the menus' margins, laying the page out in every frame; less motion means none."""
    for motion, sliding in (("no-preference", True), ("reduce", False)):
        context = browser.new_context(viewport=viewport, locale="da-DK", reduced_motion=motion)
        page = context.new_page()
        page.goto(f"{site_url}/baggrund.html")
        durations = page.evaluate(SLIDING_JS)
        context.close()
        assert (max(durations) > 0) is sliding, (motion, durations)


# Pages whose link lies deep in the chapter list: the theme scrolled the whole sidebar, title first, out of view.
DEEP_PAGES = ["kommuner/profil-egedal.html", "kommuner/profil-rudersdal.html", "kommuner/sammenligning.html", "referencer.html"]

SIDEBAR_JS = """() => {
    const box = (el) => el.getBoundingClientRect();
    const list = document.querySelector('.bd-docs-nav').closest('.sidebar-primary-item');
    const current = [...list.querySelectorAll('.active > a')].pop();
    return { title: box(document.querySelector('.bd-sidebar-primary .logo__title')).top,
             start: box(document.querySelector('.bd-docs-nav .caption')).top,
             list: [box(list).top, box(list).bottom], current: [box(current).top, box(current).bottom],
             height: window.innerHeight };
}"""


@pytest.mark.parametrize("height", [800, 480])
def test_the_desktop_sidebar_keeps_its_title_and_list_start_in_view_with_the_current_page_shown(site_url, browser, height):
    """pydata-sphinx-theme scrolls the sidebar once the page has loaded (scrollToActive): after that, the book's title
    is still in view, and the current page's link lies inside the list's view; at 800 px, where the link is in view
    without scrolling, so is the list's first heading. On a short screen only the list scrolls to the link."""
    context = browser.new_context(viewport={"width": 1280, "height": height}, locale="da-DK")
    page = context.new_page()
    checked = []
    try:
        for path in DEEP_PAGES:
            page.goto(f"{site_url}/{path}")
            page.wait_for_load_state("load")
            page.wait_for_timeout(2500)  # the theme's scroll came about two seconds after the page appeared
            seen = page.evaluate(SIDEBAR_JS)
            assert 0 <= seen["title"] < height, (path, seen)
            top, bottom = seen["list"]
            if height == 800:
                assert top - 1 <= seen["start"], (path, seen)
            assert top - 1 <= seen["current"][0] and seen["current"][1] <= min(bottom, height) + 1, (path, seen)
            checked.append(path)
    finally:
        context.close()
    assert checked == DEEP_PAGES
