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


def test_the_counts_follow_the_tally_not_the_report(tied_data):
    """Another folder's tally gives other numbers, and every sentence says them: nothing is fixed at 38."""
    tally = statistics.quote_tally(tied_data)
    other = dataclasses.replace(tally, total=tally.total + 7, cited=0, several=2, with_ingredient=tally.with_ingredient + 1)
    said = [*lists.ingredient_part_items(other, tied_data.options), attribution.tie_counts(other, tied_data.options)]
    for sentence in each(said):
        assert re.search(rf"(bogens |de ){tally.total + 7} citat", sentence), sentence
    assert f"for {tally.inferred} af bogens {tally.total + 7} citater er kommunen udledt" in said[-1]


def test_the_counts_on_the_built_pages_name_the_total(built_site: Path, data, tied_site: Path, tied_data):
    """As a reader gets them: the data chapter and a municipality page say the ties as a part of the total. A
    municipality's page says its ties only where the data tie quotes (the report's data tie none): the tied site's."""
    read = (built_site, data, "om-data/genkoersel.html"), (tied_site, tied_data, "kommuner/profil-rudersdal.html")
    for site, dataset, page in each(read):
        page_text = _text((site / page).read_text(encoding="utf-8"))
        assert f"Af bogens {len(dataset.quotes)} citater er" in page_text, page
        # No count of the book's own beside the total ('Bogen tæller 36 fra evalueringen selv'); the one "Bogen tæller"
        # left is the report's ties to the ingredients, a part of the total the same list item names (s23 reading F7).
        counted = re.findall(r"Bogen tæller \d+ \w+(.{0,40})", page_text)
        assert all(c.startswith(", som rapporten selv knytter til") for c in counted), (page, counted)


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
    front page's lead is written from data, front_page.lead, in its first code cell; so is an ingredient page's first
    sentence, lists.ingredient_place, which names its place among the data's ingredients.)"""
    chapters = [p for p in BOOK.rglob("*.ipynb") if "_build" not in p.parts and p.name != "index.ipynb"]
    for notebook in each(chapters):
        first, second = json.loads(notebook.read_text(encoding="utf-8"))["cells"][:2]
        heading, _, prose = "".join(first["source"]).partition("\n")
        assert first["cell_type"] == "markdown" and heading.startswith("# "), notebook.name
        from_data = second["cell_type"] == "code" and "".join(second["source"]).splitlines()[-1].startswith("lists.ingredient_place(")
        assert re.search(r"\w+ \w+ \w+", prose) or from_data, notebook.name


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
        if not mine:
            # ADR 102: a table with nothing of the municipality's is one line in its edition, no table of the others.
            assert labels == [], (name, labels)
            continue
        assert marked == mine == labels[: len(mine)], (name, labels)
        assert sorted(labels) == sorted(used), name


@pytest.mark.parametrize("chart", ["art_forms_by_municipality", "target_groups_by_municipality", "settings_by_municipality"])
def test_the_pages_table_of_marks_puts_first_the_rows_the_municipalitys_edition_puts_first(data, chart):
    """Reader30, #1: the page kept a chosen municipality's rows where they were while its edition put them first. Both
    order by one rule (views.rows_first): the rows a page's table names for a municipality (figures.first_in_views,
    which the browser moves to the top) are, in order, the rows its edition's table puts first."""
    model = getattr(charts, chart)(data)
    assert model.marks is not None and model.axes is not None
    first = figures.first_in_views(model.marks.counts, list(model.axes.codes))
    for code in each(data.municipalities["kommunekode"]):
        table = model.variants[code].table
        column = str(table.columns[model.variants[code].marks.index(code)])
        ordered, own = editions.chosen_rows_first(table, column)
        named = [row for row, codes in zip(model.axes.rows, first, strict=True) if code in codes.split()]
        assert named == list(ordered.iloc[:own, 0]), (chart, code)


def test_a_row_no_municipality_has_is_left_out_and_the_order_is_kept():
    table = pd.DataFrame({"Kunstform": ["a", "b", "c", "d"], "Køge": [1, 0, 0, 2], "Egedal": [0, 0, 3, 1]})
    ordered, own = editions.chosen_rows_first(table, "Egedal")
    assert list(ordered["Kunstform"]) == ["c", "d", "a"] and own == 2


def _hex(rgba: str) -> str:
    red, green, blue = (int(v) for v in re.findall(r"[\d.]+", rgba)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


@pytest.mark.parametrize("highest", range(1, 16))
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_on_either_theme_a_heatmaps_zero_recedes_more_stands_out_and_every_count_is_written_at_4_5_to_1(theme, highest):
    """One scale served both themes: on the dark page its highest counts were navy, close to the page and the zero
    cells, so "more" receded (a fifth new reader's review, finding 1). Each theme has its scale now: on its page
    (charts.THEME_BACKGROUNDS) each count's cell stands further from the background than the count below it, the 1
    further than the faint 0, and the count written in each cell (black or white, prepared per cell) reads at 4.5:1
    or more."""
    page = charts.THEME_BACKGROUNDS[theme]
    scale = charts.heat_scale(theme, highest)
    cells = [_hex(figures.scale_colour(scale, n, 0, highest)) for n in range(1, highest + 1)]
    zero = charts._mix("#7f7f7f", page, 0.12)  # ZERO_CELL laid on the page
    distances = [charts.contrast(zero, page), *(charts.contrast(cell, page) for cell in cells)]
    assert all(b > a for a, b in zip(distances, distances[1:], strict=False)), (theme, highest, cells, distances)
    texts = charts.cell_colours(scale, [list(range(highest + 1))], highest, charts.OVER_SCALE[theme])[0][1:]
    for cell, text in each(list(zip(cells, texts, strict=True))):
        assert charts.contrast(cell, text) >= 4.5, (theme, highest, cell, text)


def test_the_matrix_draws_each_themes_scale_and_colours_its_counts_for_it(data):
    """The page switches only what the build prepared: the heatmap's light scale and its dark one (meta.dark), and the
    counts as a text trace over the cells with a colour per cell for each theme, each at 4.5:1 on its cell; the note
    says what the colour means."""
    chart = charts.ingredient_municipality_matrix(data)
    heat, *_, counts = chart.variants["alle"].figure["data"]  # a trace of the cells above the scale between them
    assert heat["type"] == "heatmap" and counts["mode"] == "text" and counts["hoverinfo"] == "skip"
    assert "text" not in heat and "texttemplate" not in heat
    highest = heat["zmax"]
    scales = {"light": heat["colorscale"], "dark": heat["meta"]["dark"]["colorscale"]}
    colours = {"light": counts["textfont"]["color"], "dark": counts["meta"]["dark"]["textfont"]["color"]}
    assert scales == {theme: charts.heat_scale(theme, highest) for theme in scales}
    values = [int(t) for t in counts["text"]]
    assert sorted(values) == sorted(n for row in heat["z"] for n in row if n)
    for theme in each(["light", "dark"]):
        for n, text in zip(values, colours[theme], strict=True):
            cell = charts.OVER_SCALE[theme] if n > highest else _hex(figures.scale_colour(scales[theme], n, 0, highest))
            assert charts.contrast(cell, text) >= 4.5, (theme, n)
    assert charts.HEAT_NOTE in chart.note


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_matrixs_scale_ends_at_the_municipalities_highest_and_the_untied_column_stands_over_it(data, theme):
    """Issue 22: 'Uden kommune' (about 1,295 in national data, 10 in the report's) set the ingredient matrix's one
    scale, so every municipality's cell took its faintest colours. The scale ends at the municipalities' own highest
    count (both positions of the switch); the cells above it are drawn in a colour of their own on each theme, with
    their count readable at 4.5:1, and the legend and the note say so."""
    chart = charts.ingredient_municipality_matrix(data)
    page = charts.THEME_BACKGROUNDS[theme]
    for key, variant in each(list(chart.variants.items())):
        main, over = [t for t in variant.figure["data"] if t["type"] == "heatmap"]
        own = max(n for row in main["z"] for n in row[:-1])  # the last column is 'Uden kommune'
        assert main["zmax"] >= own and main["zmax"] < max(row[-1] for row in main["z"]), key
        flagged = [(i, j) for i, row in enumerate(over["z"]) for j, v in enumerate(row) if v]
        assert flagged == [(i, j) for i, row in enumerate(main["z"]) for j, n in enumerate(row) if n > main["zmax"]], key
        assert all(j == len(main["z"][0]) - 1 for _, j in flagged), key
        colour = over["colorscale"][-1][1] if theme == "light" else over["meta"]["dark"]["colorscale"][-1][1]
        scale = charts.heat_scale(theme, main["zmax"])
        assert all(colour != _hex(figures.scale_colour(scale, n, 0, main["zmax"])) for n in range(1, main["zmax"] + 1))
        assert charts.contrast(colour, page) >= 3, (theme, colour)
        (text,) = charts.cell_colours(scale, [[main["zmax"] + 1]], main["zmax"], colour)[0]
        assert charts.contrast(colour, text) >= 4.5, (theme, colour, text)
    legend = figures.chart_legend(chart.variants)
    assert legend.entries[-1].name == f"over {main['zmax']}" and legend.entries[-1].dark
    assert "på samme skala i alle kolonner" not in legend.title
    assert any(f"Skalaen går til {main['zmax']}" in str(note) for note in chart.notes)
