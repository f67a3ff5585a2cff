"""A name of any length the validator accepts makes a chart label of a few short lines, cut with "…", and is whole
in the hover and in the table beside the chart.

Hostile round 20, #4: with ~300-character labels the plot on ingredienser/oversigt.html shrank to about 60 px, its
labels overlapping, and plotly logged "Too many auto-margin redraws": a label was wrapped into ~20 lines, and a name
without spaces stayed one line as wide as the page. Python decides the label (charts._lines); the table beside the
chart and the hover keep the whole name.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from kulturensrige import load
from kulturensrige.render import charts
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
LONG_NAME = ("Et virksomt element med et meget langt navn " * 7).strip()  # ~300 characters, words
ONE_WORD = "x" * 300  # no space to break at


def test_a_chart_label_has_at_most_a_few_lines_of_its_width_and_ends_cut_with_an_ellipsis():
    for name, width in each([(LONG_NAME, 16), (ONE_WORD, 16), (LONG_NAME, 12), (ONE_WORD + " " + LONG_NAME, 18)]):
        lines = charts._lines(name, width)
        assert len(lines) == charts.MAX_LABEL_LINES and all(len(line) <= width for line in lines), lines
        assert lines[-1].endswith("…")
        whole = "".join(line.removesuffix("-") for line in lines)[:-1].replace(" ", "")
        assert name.replace(" ", "").startswith(whole)  # its words, in their order
    # A word a little longer than a line is not broken inside (reader review 21: "Kulturinstitutio / n").
    assert charts._lines("Kulturinstitution", 16) == ["Kulturinstitution"]
    assert charts._lines("Uddannelsesinstitution", 16) == ["Uddannelsesinstitution"]
    # A name of a few lines is wrapped between words as before.
    assert charts._lines("Etablering af ”vi”", 16) == ["Etablering af", "”vi”"]
    assert charts._lines("Lokalområdets beboere på tværs af generationer", 18) == ["Lokalområdets", "beboere på tværs af", "generationer"]


def _ingredient_chart(tmp_path: Path, name: str | None):
    """ "Citater pr. ingrediens" of data/, the first ingredient named `name` (None: as the report names it)."""
    folder = tmp_path / f"data-{len(name or '')}"
    shutil.copytree(REPO / "data", folder)
    if name is not None:
        ingredients = pd.read_csv(folder / "ingredients.csv", dtype=str, keep_default_na=False)
        ingredients.loc[0, "name"] = name
        ingredients.to_csv(folder / "ingredients.csv", index=False)
    return charts.quotes_per_ingredient(load(folder))


def test_the_ingredient_chart_of_a_300_character_name_labels_it_in_a_few_lines_and_tables_it_whole(tmp_path: Path):
    chart = _ingredient_chart(tmp_path, LONG_NAME)
    for variant in each(chart.variants.values()):
        labels = {label for trace in variant.figure["data"] for label in trace.get("y", [])}
        assert labels and all(len(label.split("<br>")) <= charts.MAX_LABEL_LINES for label in labels), labels
        assert any(label.endswith("…") for label in labels)
        hovered = {
            t.replace("<br>", " ") for trace in variant.figure["data"] if "%{text}" in trace.get("hovertemplate", "") for t in trace["text"]
        }
        assert LONG_NAME in hovered  # whole in the hover
        assert LONG_NAME in variant.table.to_string(max_colwidth=None)


def _plot_area(page, figure: dict) -> dict:
    """The plot area plotly draws the figure's bars in at the page's width (its legend is the page's HTML)."""
    page.set_content('<div id="c" style="width:100%"></div>')
    page.add_script_tag(path=str(REPO / "book" / "_static" / "plotly.min.js"))
    layout = {**figure["layout"], "showlegend": False}
    return page.evaluate("([data, layout]) => Plotly.newPlot('c', data, layout).then((g) => g._fullLayout._size)", [figure["data"], layout])


def test_a_300_character_name_leaves_the_phones_plot_no_smaller_than_the_reports_names(tmp_path: Path, browser):
    """Drawn by plotly at 375 px: the plot keeps its height (the bars grow with their labels' lines) and all but the
    width of a label line; before, the plot shrank to ~60 px."""
    page = browser.new_page(viewport={"width": 375, "height": 800})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
    report = _plot_area(page, _ingredient_chart(tmp_path, None).variants["alle"].figure)
    for name in each([LONG_NAME, ONE_WORD]):
        area = _plot_area(page, _ingredient_chart(tmp_path, name).variants["alle"].figure)
        assert area["h"] >= report["h"] and area["w"] >= 0.85 * report["w"], (area, report)
    assert errors == []
    page.close()
