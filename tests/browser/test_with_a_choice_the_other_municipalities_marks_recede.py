"""Reader 26, #4: on the comparison page a phone showed the chosen municipality's marks in the same blue as every other
municipality's, told apart only by an orange edge; the organisations' chart beside them already drew the others
muted. With a municipality chosen, the others' marks recede to a pale block in the mark's edge, their numbers still
legible; with none chosen every mark is full blue."""

from __future__ import annotations

import pytest

from support.checks import each

pytestmark = pytest.mark.browser

# Each drawn mark of the page's tables: whether it is the chosen municipality's, its fill and its number's colour.
MARKS_JS = """() => [...document.querySelectorAll('.kr-marks td.kr-marked')].filter((c) => c.checkVisibility())
  .map((c) => ({chosen: c.classList.contains('kr-chosen'), fill: getComputedStyle(c).backgroundColor,
                number: getComputedStyle(c).color}))"""


def _rgb(colour: str) -> list[float]:
    """'rgb(26, 95, 200)', or a colour-mix's 'color(srgb 0.87 0.91 0.97)', as 0-255 channels."""
    parts = colour[colour.index("(") + 1 : -1].replace(",", " ").split()
    if parts[0] == "srgb":
        return [float(part) * 255 for part in parts[1:4]]
    return [float(part) for part in parts[:3]]


def _contrast(a: str, b: str) -> float:
    def lum(rgb: list[float]) -> float:
        lin = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(_rgb(a)), lum(_rgb(b))), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_with_a_municipality_chosen_the_other_municipalities_marks_are_pale_and_its_own_full(browser, site_url, width, theme):
    phone = width < 600
    context = browser.new_context(
        viewport={"width": width, "height": 800}, locale="da-DK", is_mobile=phone, has_touch=phone, color_scheme=theme
    )
    context.add_init_script(f"localStorage.setItem('theme', '{theme}')")
    page = context.new_page()
    try:
        for choice in each(["alle", "ringkoebing-skjern"]):
            page.goto(f"{site_url}/kommuner/sammenligning.html?kommune={choice}")
            page.evaluate("() => window.KR_FILTER.ready")
            marks = page.evaluate(MARKS_JS)
            full = {m["fill"] for m in marks if m["chosen"]} if choice != "alle" else {m["fill"] for m in marks}
            others = [m for m in marks if not m["chosen"]]
            assert len(full) == 1 and others, (choice, full)
            if choice == "alle":
                continue
            for mark in others:
                assert mark["fill"] not in full and _contrast(mark["fill"], mark["number"]) >= 4.5, (choice, mark)
    finally:
        context.close()
