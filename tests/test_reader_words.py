"""What the reader pages say, read as a new reader would (issue 22's review and issue 21's seen-but-left items):
counts that fit one total, a filter that is said to highlight, empty columns that say why, one provenance note a
block, plain Danish on reader pages and a plain build line."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from kulturensrige.render import front_page, lists
from kulturensrige.rules import statistics
from support.checks import each


def text(markup: object) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True).split())


def quote_passage(data) -> str:
    """The front page's key figure for quotes: its number and what it counts."""
    figures = BeautifulSoup(front_page.key_figures(data).markup, "html.parser")
    item = next(li for li in figures.select("li") if re.match(r"[\d.]+ citater", li.get_text(" ", strip=True)))
    return text(item)


def test_the_front_pages_quote_counts_are_parts_of_one_total(data):
    """38 as the key figure, 'Rapporten trykker 35' beside it and '36 citater' further down, with nothing to say how
    they fit: the passage names the book's total once and says every other count as a part of it."""
    tally = statistics.quote_tally(data)
    said = quote_passage(data)
    exchanges = data.quotes.loc[data.quotes["exchange_id"] != "", "exchange_id"].nunique()
    in_exchange = int((data.quotes["exchange_id"] != "").sum())
    cited = int((data.quotes["reference_key"] != "").sum())
    with_ingredient = int(data.quotes["ingredient_ids"].map(bool).sum())
    assert said.startswith(f"{len(data.quotes)} citater")
    assert f"Rapporten trykker {len(data.quotes) - in_exchange + exchanges} citater" in said
    assert f"i alt {in_exchange} replikker" in said and f"derfor tæller bogen {len(data.quotes)}" in said
    assert f"er fra litteraturen, {len(data.quotes) - cited} fra evalueringen selv" in said
    assert f"Af bogens {len(data.quotes)} citater underbygger {with_ingredient} en af de virksomme ingredienser" in said
    assert f"De øvrige {len(data.quotes) - with_ingredient} citater står i rapportens afsnit" in said
    assert f"giver {sum(tally.by_ingredient.values())} tilsammen" in said
    # the ties further down count the quotes from the evaluation itself, the part named above
    ties = text(front_page.ties(data).markup)
    assert f"ingen af sine {len(data.quotes) - cited} citater" in ties


def test_the_ingredient_cards_add_up_to_the_sum_their_note_gives(data):
    """Four cards of 5, 9, 10 and 8 quotes sum to 32 against the front page's 38: the note under them says which
    quotes count twice and which count nowhere, and its numbers are the cards' and the front page's."""
    overview = BeautifulSoup(lists.ingredient_cards(data).markup, "html.parser")
    counts = [int(re.match(r"(\d+) citat", k.get_text()).group(1)) for k in each(overview.select(".kr-card-kicker"))]
    note = text(overview.select_one(".kr-count-parts"))
    several = int((data.quotes["ingredient_ids"].map(len) > 1).sum())
    assert f"{several} af dem underbygger mere end én og tælles ved hver, så ingrediensernes tal giver {sum(counts)} tilsammen" in note
    assert note in quote_passage(data)
    without = data.quotes.loc[data.quotes["ingredient_ids"].map(len) == 0, "section_id"]
    titles = dict(zip(data.sections["section_id"], data.sections["title"], strict=True))
    for section_id in each(set(without)):
        assert f"»{titles[section_id]}«" in note


def test_the_built_front_page_and_ingredient_overview_show_the_same_counts(built_site: Path, data):
    """The built pages, as a reader gets them: the notebooks call the functions above."""
    index = text((built_site / "index.html").read_text(encoding="utf-8"))
    overview = text((built_site / "ingredienser" / "oversigt.html").read_text(encoding="utf-8"))
    note = text(lists.ingredient_cards(data).markup).split("underbygger ingrediensen")[-1].strip()
    assert note and note in overview and note in index


# Wording that says a chosen municipality hides or narrows what a page shows: it only ever highlights.
NARROWING = re.compile(
    r"\bfiltrer\w*|kun citater knyttet til (den|kommunen)|tæller figuren kun|ser du kun|viser siden kun|"
    r"kun (de|den) kommune\w*,? (der|du)",
    re.IGNORECASE,
)


def reader_sources() -> dict[str, str]:
    """Every text a reader page or an edition is written from: the chapters' notebooks and the package's templates,
    scripts and Python strings."""
    repo = Path(__file__).resolve().parent.parent
    files = [
        *(repo / "book").rglob("*.ipynb"),
        *(repo / "book" / "_static").glob("*.js"),
        *(repo / "kulturensrige").rglob("*.j2"),
        *(repo / "kulturensrige" / "edition" / "templates").glob("*.html"),
        *(repo / "kulturensrige" / "render").glob("*.py"),
        *(repo / "kulturensrige" / "edition").glob("*.py"),
    ]
    return {str(f.relative_to(repo)): f.read_text(encoding="utf-8") for f in files if "_build" not in f.parts}


def test_no_reader_text_says_choosing_a_municipality_narrows_the_page():
    """'kun citater knyttet til den kommune' and 'Tabellen kan filtreres' told the reader a choice hides the rest,
    where it highlights and leaves everything standing."""
    found = {name: [m.group(0) for m in NARROWING.finditer(source)] for name, source in each(reader_sources().items())}
    assert not {name: hits for name, hits in found.items() if hits}
