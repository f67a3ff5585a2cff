"""The reader review of session 19 (items 2, 3 and 7 of its report):

- with Køge or Ringkøbing-Skjern chosen and the editors' inferred ties turned on, the bar's offer "PDF (625 kB, uden
  udledte tilknytninger)" ran past a 375 px phone's right edge (the page 417-500 px wide) and on a desktop slid under
  "Indstillinger"; and it said "uden" right after the reader had turned the ties on;
- the "(red.) Hvorfor?" fold's label on a profile page lost part of its letters: its negative top margin pulled it
  above the notebook output that holds it, which scrolls (overflow: auto) and so cuts what stands above it;
- a chapter's lead paragraph on a phone was 0.95rem, smaller than the body text after it: the phone size was meant
  for the front page's first screen only (lesning.css, front_page.lead's kr-front-lead).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from kulturensrige.edition.links import inferred_notes
from support.browser_files import offered_files, serve_files
from support.checks import each

pytestmark = pytest.mark.browser

WIDTHS = [320, 375, 1280]
OFFER_PAGES = ["index.html", "vaerdiskabelser.html", "ingredienser/gnist-og-flamme.html"]
DONE = "() => { window.__krDone = false; document.addEventListener('kr:filtered', () => { window.__krDone = true; }); }"

# The page's width, what in the bar runs past the viewport's edge, and whether the offer's links share a pixel with
# the bar's button or run past the bar.
OFFER_JS = """() => {
  const bar = document.querySelector('section.kr-filter'), box = bar.querySelector('.kr-filter-row .kr-filter-offer');
  const button = bar.querySelector('.kr-filter-toggle').getBoundingClientRect(), edge = bar.getBoundingClientRect();
  const links = [...box.querySelectorAll('a')].filter((a) => a.checkVisibility());
  const rects = links.flatMap((a) => [...a.getClientRects()]).filter((r) => r.width > 0);
  const meets = (r) => r.left < button.right - 1 && r.right > button.left + 1 && r.top < button.bottom - 1
    && r.bottom > button.top + 1;
  const wide = [...bar.querySelectorAll('*')].filter((e) => e.checkVisibility()
    && e.getBoundingClientRect().right > innerWidth + 1).map((e) => e.tagName + '.' + e.className);
  // On a phone the offer is display: contents (its links are the bar's lines' parts): shown is its links shown.
  return {shown: !box.hidden && links.length > 0, texts: links.map((a) => a.innerText), page: document.documentElement.scrollWidth,
          under: rects.some(meets), past: rects.some((r) => r.right > edge.right + 1), wide};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_with_the_inferred_ties_on_the_bars_edition_offer_wraps_inside_the_bar_and_says_why(browser, tied_data, tied_url, tmp_path, width):
    """With a municipality chosen whose edition leaves out ties the reader has turned on, the bar's offer wraps inside
    the bar at 320, 375 and 1280 px: nothing on the page is wider than the viewport and no link stands under the
    settings button; and its short words say it is the edition that leaves the ties out."""
    differing = [row for row in tied_data.municipalities.itertuples() if dict(inferred_notes(tied_data, row.kommunekode)).get("on")]
    assert differing, "the tied copy of data/ has municipalities whose edition leaves out inferred ties (Køge, Ringkøbing-Skjern)"
    scripts = offered_files(tmp_path, tied_data, {row.slug: 624_600 for row in differing})
    phone = width < 600
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 667}, is_mobile=phone, has_touch=phone)
    serve_files(context, scripts)
    page = context.new_page()
    try:
        for row in each(differing):
            for path in each(OFFER_PAGES):
                page.goto(f"{tied_url}/{path}?kommune={quote(row.slug)}")
                page.evaluate("() => window.KR_FILTER.ready")
                page.evaluate(DONE)
                page.click(".kr-filter-toggle")
                page.set_checked("#kr-udledte", True)
                page.wait_for_function("() => window.__krDone")
                page.click(".kr-filter-toggle")
                page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
                offer = page.evaluate(OFFER_JS)
                assert offer["shown"] and len(offer["texts"]) == 2, (row.name, path, offer)
                assert offer["page"] <= width and not offer["wide"], (row.name, path, offer)
                assert not offer["under"] and not offer["past"], (row.name, path, offer)
                assert "udgaven" in offer["texts"][1] and "uden udledte" not in offer["texts"][1], (row.name, path, offer)
    finally:
        context.close()


# Each "Hvorfor?" fold's label: whether its text box is cut, and whether it stands inside the nearest box that clips.
LABEL_JS = """() => [...document.querySelectorAll('.kr-note-about > summary')].filter((s) => s.checkVisibility()).map((s) => {
  let clip = s.parentElement;
  while (clip && clip !== document.body && getComputedStyle(clip).overflowY === 'visible') clip = clip.parentElement;
  const box = s.getBoundingClientRect(), around = clip.getBoundingClientRect();
  return {text: s.innerText, cut: s.scrollHeight > s.clientHeight,
          inside: box.top >= around.top - 0.5 && box.bottom <= around.bottom + 0.5, clip: clip.className};
})"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_hvorfor_folds_label_is_not_cut_on_a_profile_page(browser, data, site_url, width):
    """'(red.) Hvorfor?' shows its whole letters on every profile page and on sammenligning: its text box is not
    taller than its box, and its box stands inside the box around it that clips (the notebook output scrolls)."""
    phone = width < 600
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        paths = [f"kommuner/profil-{slug}.html" for slug in data.municipalities["slug"]] + ["kommuner/sammenligning.html"]
        for path in each(paths):
            page.goto(f"{site_url}/{path}")
            labels = page.evaluate(LABEL_JS)
            assert any("Hvorfor" in label["text"] for label in labels), (path, labels)
            for label in labels:
                assert not label["cut"] and label["inside"], (path, label)
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_on_a_phone_a_chapters_lead_is_not_smaller_than_its_body_text(browser, site_url, width):
    """A chapter's lead paragraph is at least the size of the body text after it; only the front page's lead is set
    smaller on a phone, so its first screen holds its five parts."""
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for path in each(["ingredienser/etablering-af-vi.html", "ingredienser/gnist-og-flamme.html"]):
            page.goto(f"{site_url}/{path}")
            sizes = page.evaluate(
                """() => { const lead = document.querySelector('p.kr-lead');
                   const body = [...document.querySelectorAll('article p')].find((p) => !p.closest('.kr-lead, .kr-filter')
                     && p.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_PRECEDING && p.checkVisibility());
                   return [parseFloat(getComputedStyle(lead).fontSize), parseFloat(getComputedStyle(body).fontSize)]; }"""
            )
            assert sizes[0] >= sizes[1], (path, sizes)
        page.goto(f"{site_url}/index.html")
        assert page.evaluate("() => document.querySelector('p.kr-lead').classList.contains('kr-front-lead')")
    finally:
        context.close()
