"""Issue 22, a new reader's review on a phone (second round): one quote count on the front page, a compact filter,
one tap to the inferred-ties switch, a visible way back to all municipalities, faded bars present in dark, and a
drill panel that opens without moving the page."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from support.checks import each

# A count of quotes as a reader meets it: '38 citater', '1 citat', '30 af bogens 38 citater', '2 af de 38 citater'.
QUOTE_COUNT = re.compile(r"\b(\d+)(?: af (?:de|bogens) \d+)? citat(?:er)?\b")


def _main_text(page: Path) -> str:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    main = soup.select_one("main") or soup
    for hidden in main(["script", "style", "template"]):
        hidden.decompose()
    return " ".join(main.get_text(" ").split())


def test_the_front_page_gives_one_quote_count_once_and_says_it_is_the_books(built_site: Path, data):
    """The review counted 38, 35, 30, 29, 32 and 36 quotes on the front page: a consultant needs one number to cite.
    The front page gives the book's total once, says the count is the book's (the report states none), and leaves
    the parts to the data chapter it links to."""
    said = _main_text(built_site / "index.html")
    counts = [m.group(0) for m in QUOTE_COUNT.finditer(said)]
    assert counts == [f"{len(data.quotes)} citater"], counts
    assert "Bogens egen optælling" in said and "Rapporten angiver ikke selv, hvor mange citater den har" in said
    chapter = _main_text(built_site / "om-data" / "genkoersel.html")
    assert f"Af bogens {len(data.quotes)} citater er" in chapter


def test_a_faded_bars_fill_stands_visibly_from_the_dark_page_in_every_colour():
    """Issue 22, second phone review: on the dark page the faded (not chosen) bars' outlines stood 3:1, but their fills
    (22 % of the colour) stood 1.05-1.5:1 from the page and read as missing bars. Every colour's faded fill stands at
    least 1.8:1 from the dark page (MUTED_FILL_CONTRAST), and less than its outline does, so it still recedes."""
    from kulturensrige.render import charts, figures

    dark = charts.THEME_BACKGROUNDS["dark"]
    for colour in each(figures.PALETTE):
        fill = charts.muted_marker({"color": colour}, "dark")["color"]
        assert charts.contrast(fill, dark) >= 1.8, (colour, fill)
        assert charts.contrast(fill, dark) < charts.contrast(charts.muted(colour, "dark"), dark), (colour, fill)
