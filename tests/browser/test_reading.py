"""What a reader meets in the built book, in headless Chromium: the guide's checklist remembers its ticks,
print shows text and no controls, and every chart is described by its full text alternative."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

GUIDE = "afsluttende-betragtninger.html"
TICKS_JS = "() => [...document.querySelectorAll('input[data-kr-check]')].map((b) => [b.dataset.krCheck, b.checked])"


def ticks(page) -> dict[str, bool]:
    return dict(page.evaluate(TICKS_JS))


def test_the_checklist_keeps_its_ticks_across_reloads_and_pages_until_reset(site_url, page):
    page.goto(f"{site_url}/{GUIDE}")
    assert page.is_visible(".kr-checklist-reset"), "nulstillingen vises, når browseren kan gemme"
    boxes = page.locator("input[data-kr-check]")
    first, third = boxes.nth(0).get_attribute("data-kr-check"), boxes.nth(2).get_attribute("data-kr-check")
    boxes.nth(0).check()
    boxes.nth(2).check()
    page.reload()
    assert {k for k, v in ticks(page).items() if v} == {first, third}
    page.goto(f"{site_url}/ingredienser/etablering-af-vi.html")
    elsewhere = ticks(page)
    assert elsewhere and all(v == (k in {first, third}) for k, v in elsewhere.items()), "samme flueben på ingredienssiden"
    page.goto(f"{site_url}/{GUIDE}")
    page.click(".kr-checklist-reset")
    assert not any(ticks(page).values())
    page.reload()
    assert not any(ticks(page).values())


@pytest.mark.parametrize("path", [GUIDE, "index.html", "ingredienser/oversigt.html", "kommuner/sammenligning.html"])
def test_print_shows_no_control(site_url, page, path):
    page.goto(f"{site_url}/{path}")
    page.evaluate("() => window.KR_FILTER && window.KR_FILTER.ready")
    page.emulate_media(media="print")
    shown = page.evaluate(
        # The editors' mark is a button on screen and its words on paper (ADR 40): it stays, as text.
        "() => [...document.querySelectorAll('input, button:not(.kr-red), select, summary, .modebar-container')]"
        ".filter((e) => e.checkVisibility()).map((e) => e.outerHTML.slice(0, 100))"
    )
    assert shown == [], path


def test_every_chart_is_described_by_its_text_alternative_which_is_not_shown(site_url, page):
    page.goto(f"{site_url}/ingredienser/oversigt.html")
    page.evaluate("() => window.KR_FILTER && window.KR_FILTER.ready")
    figures = page.evaluate(
        """() => [...document.querySelectorAll('figure.kr-figure')].map((f) => {
            const alt = document.getElementById(f.getAttribute('aria-describedby'));
            const box = alt.getBoundingClientRect();
            return {id: f.id, text: alt.textContent.trim(), tiny: box.width <= 1 && box.height <= 1};
        })"""
    )
    assert figures
    for figure in figures:
        assert figure["text"].startswith("Figuren viser:") and len(figure["text"]) > 40, figure["id"]
        assert figure["tiny"], f"{figure['id']}: teksten står ikke som et synligt afsnit"


def test_the_analysts_box_shows_a_drawn_icon_not_a_missing_glyph(site_url, page):
    """The theme's admonition icon is a Font Awesome glyph, and the book loads no Font Awesome."""
    page.goto(f"{site_url}/om-data/genkoersel.html")
    icon = page.evaluate(
        """() => {
          const style = getComputedStyle(document.querySelector('.admonition-til-analytikere > .admonition-title'), '::after');
          return {content: style.content, mask: style.maskImage || style.webkitMaskImage, width: style.width};
        }"""
    )
    assert icon["content"] == '""' and icon["mask"].startswith("url(") and icon["width"] != "0px", icon
