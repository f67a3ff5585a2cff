"""Reader31, #3: each „(red.)“ carries its kind in its title (»redaktionens titel«, »redaktionens læsning«), which a
phone never shows, and a tap opened the same key for every mark. The key a mark opens now says first, in one line,
what this mark marks, in its title's words, then the page's key; a keyboard opens the same (ADR 113)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PROFILE = "kommuner/profil-koege.html"
# A card's title the editors gave, and a card's status the editors read.
TITLE_MARK = '.kr-card-title button.kr-red[title="redaktionens titel"]'
STATUS_MARK = 'dd button.kr-red[title="redaktionens læsning"]'
OPEN_FIRST_LINE = "() => document.querySelector(':popover-open > p')?.textContent.trim() ?? ''"


def _opened(page, selector: str, how: str) -> tuple[str, str]:
    """The mark's title and the first line of the key it opens, by a tap or by the keyboard."""
    mark = page.locator(selector).first
    mark.scroll_into_view_if_needed()
    if how == "tap":
        mark.tap()
    else:
        mark.focus()
        page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector(':popover-open') !== null")
    said = page.evaluate(OPEN_FIRST_LINE)
    title = mark.get_attribute("title") or ""
    page.keyboard.press("Escape")
    page.wait_for_function("() => document.querySelector(':popover-open') === null")
    return title, said


@pytest.mark.parametrize(("phone", "how"), [(True, "tap"), (False, "keyboard")])
def test_a_title_mark_and_a_status_mark_open_keys_whose_first_line_names_each_marks_own_words(browser, site_url, phone, how):
    size = {"width": 375, "height": 667} if phone else {"width": 1280, "height": 800}
    context = browser.new_context(locale="da-DK", viewport=size, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/{PROFILE}")
        lines = [_opened(page, selector, how) for selector in (TITLE_MARK, STATUS_MARK)]
        for title, said in lines:
            assert title and title in said, (title, said)
        assert lines[0][1] != lines[1][1], lines
    finally:
        context.close()
