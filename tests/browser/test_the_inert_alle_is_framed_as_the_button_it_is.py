"""Reader31, #8: on a phone with no municipality chosen, the bar's „Alle“ was grey text with no frame beside the
select and read as a caption. Inert, it stays drawn off (faded, flat; ADR 79), but framed as the button it is, its
frame at 3:1 against the bar (WCAG 1.4.11), in both themes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# The reset's frame as the eye sees it: its colour faded by the button's opacity over the bar's background.
FRAME_JS = """() => {
    const rgba = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }
    const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    const reset = document.querySelector('.kr-filter-reset');
    const style = getComputedStyle(reset);
    let bg = null;
    for (let n = reset.parentElement; n && !bg; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!(c.startsWith('rgba') && parseFloat(c.split(',')[3]) < 0.5) && c !== 'transparent') bg = rgba(c).slice(0, 3);
    }
    const [r, g, b, a = 1] = rgba(style.borderTopColor);
    const alpha = a * parseFloat(style.opacity);
    const seen = [r, g, b].map((v, i) => v * alpha + bg[i] * (1 - alpha));
    const [hi, lo] = [lum(seen), lum(bg)].sort((x, y) => y - x);
    return {disabled: reset.disabled, border: parseFloat(style.borderTopWidth), alpha, contrast: (hi + 0.05) / (lo + 0.05),
            height: reset.getBoundingClientRect().height};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_inert_alle_on_a_phone_is_framed_as_a_button_at_three_to_one(browser, site_url, theme):
    phone = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
    context = browser.new_context(locale="da-DK", color_scheme=theme, **phone)
    context.add_init_script(f"try {{ localStorage.setItem('mode', '{theme}'); }} catch (e) {{}}")
    page = context.new_page()
    try:
        page.goto(f"{site_url}/index.html")
        page.evaluate("() => window.KR_FILTER.ready")
        look = page.evaluate(FRAME_JS)
        assert look["disabled"] and look["height"] >= 44, look
        assert look["border"] >= 1 and look["contrast"] >= 3, look
    finally:
        context.close()
