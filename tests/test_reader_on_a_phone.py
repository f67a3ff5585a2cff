"""A reader on a phone, what the last review left (issue 22): one quote count to quote, and a page's parts."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.edition import editions
from kulturensrige.render import charts, figures, front_page, lists
from kulturensrige.rules import attribution, statistics
from kulturensrige.words import number
from support.checks import each


def _text(markup: object) -> str:
    return BeautifulSoup(str(markup), "html.parser").get_text(" ", strip=True)


def _quote_counts(dataset) -> list[str]:
    """Every sentence group that counts the book's quotes as a whole: the front page's figures and ties, the data
    chapter's list, the ingredient overview's note."""
    tally = statistics.quote_tally(dataset)
    return [
        *front_page.quote_parts(dataset),
        *lists.ingredient_part_items(tally, dataset.options),
        attribution.tie_counts(tally, dataset.options),
        _text(front_page.ties(dataset)),
    ]


@pytest.mark.parametrize("folder", ["data", "eighth"])
def test_every_count_of_the_books_quotes_is_said_as_a_part_of_the_one_total(folder, data, request):
    """The front page, the data chapter, the municipality pages and the ingredient overview gave 38, 35, 36 and 30
    quotes each as a count of its own: every such count now names the book's one total beside it ('30 af bogens 38
    citater …'), for the report's data and for another folder."""
    dataset = data if folder == "data" else load(request.getfixturevalue("eighth_data"))
    total = number(statistics.quote_tally(dataset).total)
    for said in each(_quote_counts(dataset)):
        assert re.search(rf"(^|bogens |de |de samme ){total}\b", said), said


def test_the_counts_follow_the_tally_not_the_report(data):
    """Another folder's tally gives other numbers, and every sentence says them: nothing is fixed at 38."""
    tally = statistics.quote_tally(data)
    other = dataclasses.replace(tally, total=tally.total + 7, cited=0, several=2, with_ingredient=tally.with_ingredient + 1)
    said = [*lists.ingredient_part_items(other, data.options), attribution.tie_counts(other, data.options)]
    for sentence in each(said):
        assert re.search(rf"(bogens |de ){tally.total + 7} citat", sentence), sentence
    assert f"for {tally.inferred} af bogens {tally.total + 7} citater er kommunen udledt" in said[-1]


def test_the_counts_on_the_built_pages_name_the_total(built_site: Path, data):
    """As a reader gets them: the front page and a municipality page say the ties as a part of the total."""
    total = len(data.quotes)
    for page in each(("index.html", "kommuner/profil-rudersdal.html")):
        page_text = _text((built_site / page).read_text(encoding="utf-8"))
        assert f"Af bogens {total} citater er" in page_text, page
        assert "Bogen tæller" not in page_text, page


def test_no_page_is_the_empty_general_index_and_none_links_to_it(built_site: Path):
    """genindex.html, Sphinx's general index, was an empty page (the book has no index entries): it is not written,
    and no page points to it."""
    assert not (built_site / "genindex.html").exists()
    pages = [p for p in built_site.rglob("*.html") if "_static" not in p.parts]
    linking = [p.name for p in each(pages) if "genindex" in p.read_text(encoding="utf-8")]
    assert not linking, linking


BOOK = Path(__file__).resolve().parent.parent / "book"


def test_every_chapter_opens_with_its_prose_before_any_list_or_count():
    """'Afsluttende betragtninger' opened with '1 citat; rapporten angiver ikke kommunen ved det.' above its text: every
    chapter's first cell gives its heading and a sentence before the first code cell puts a list on the page. (The
    front page's lead is written from data, front_page.lead, in its first code cell.)"""
    chapters = [p for p in BOOK.rglob("*.ipynb") if "_build" not in p.parts and p.name != "index.ipynb"]
    for notebook in each(chapters):
        first = json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]
        heading, _, prose = "".join(first["source"]).partition("\n")
        assert first["cell_type"] == "markdown" and heading.startswith("# "), notebook.name
        assert re.search(r"\w+ \w+ \w+", prose), notebook.name


@pytest.mark.parametrize("chart", ["art_forms_by_municipality", "target_groups_by_municipality"])
def test_an_editions_table_puts_its_municipalitys_rows_first_and_marked_and_leaves_out_rows_nobody_has(data, chart):
    """Egedal's edition listed every category of all seven municipalities in the chart's order, Egedal's two among
    seventeen of others (issue 22, phone reading #9): its rows come first, marked, then the others' rows; a row no
    municipality has is left out."""
    model = getattr(charts, chart)(data)
    variants = editions.ChartVariants(model)
    for code, name in each(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True)):
        whole = model.variants[code].table
        counts = whole.set_index(whole.columns[0])
        # A count column's heading names whose count it is ('Køge (redaktionens optælling)', provenance.count_heading).
        own = next(c for c in counts.columns if c == name or str(c).startswith(f"{name} ("))
        mine = [label for label, n in counts[own].items() if n > 0]
        used = [label for label, row in counts.iterrows() if row.sum() > 0]
        rows = BeautifulSoup(str(variants.column(code).table), "html.parser").select("tbody > tr")
        labels = [row.th.get_text() for row in rows]
        marked = [row.th.get_text() for row in rows if "kr-chosen-row" in row.get_attribute_list("class")]
        assert marked == mine == labels[: len(mine)], (name, labels)
        assert sorted(labels) == sorted(used), name


def test_a_row_no_municipality_has_is_left_out_and_the_order_is_kept():
    table = pd.DataFrame({"Kunstform": ["a", "b", "c", "d"], "Køge": [1, 0, 0, 2], "Egedal": [0, 0, 3, 1]})
    ordered, own = editions.chosen_rows_first(table, "Egedal")
    assert list(ordered["Kunstform"]) == ["c", "d", "a"] and own == 2


def _hex(rgba: str) -> str:
    red, green, blue = (int(v) for v in re.findall(r"[\d.]+", rgba)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


@pytest.mark.parametrize("highest", range(1, 16))
def test_every_count_in_a_heatmap_is_written_at_4_5_to_1_and_neighbours_differ(highest):
    """Cividis put a 5, 6 or 7 of 10 in a mid grey on which neither plotly's white nor its dark grey text reached
    4.5:1, and 1 to 10 ran through it (issue 22, phone reading #10): each count's cell, as plotly colours it on the
    book's scale from 0 to `highest`, takes its text at 4.5:1 or more, every count differs from the one before it, and
    a 1 lies far from the highest. Reader 14, #8: a higher count is the darker one (a 1 in the darkest navy stood out
    most)."""
    one, ten = (_hex(figures.scale_colour(charts.HEAT_SCALE, n, 0, 10)) for n in (1, 10))
    assert charts.contrast(one, "#000000") > charts.contrast(ten, "#000000"), (one, ten)  # the lighter stands further from black
    cells = [_hex(figures.scale_colour(charts.HEAT_SCALE, n, 0, highest)) for n in range(1, highest + 1)]
    for cell in each(cells):
        assert charts.contrast(cell, charts.pattern_foreground(cell)) >= 4.5, (highest, cell)
    steps = [charts.contrast(a, b) for a, b in zip(cells, cells[1:], strict=False)]
    assert all(step >= 1.1 for step in steps), (highest, cells, steps)
    # With two counts the 1 lies mid-scale, where the light end meets the dark one (2.4:1 from the 2); from three up
    # the 1 stands on the light end.
    assert highest < 3 or charts.contrast(cells[0], cells[-1]) >= 3, (highest, cells)
