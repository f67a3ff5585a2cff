"""Putting plotly figures on a page: one JSON island of variants, a text alternative and a table each.

plotly.js itself is loaded once per page by the Sphinx extension; nothing here inlines it.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from markupsafe import Markup

from kulturensrige.data import provenance
from kulturensrige.data.settings import side_from
from kulturensrige.render.markup import (
    SIDE,
    Html,
    csv_href,
    esc,
    excel_tip,
    first_on_page,
    folded_note,
    json_island,
    macro,
    side_island,
    sources_link,
)
from kulturensrige.rules import views

# A figure's width on a 375 px phone (the page's 16 px margins and the notebook output's 8 px padding on each
# side, measured in Chromium); a chart wider than this scrolls there.
PHONE_TEXT_WIDTH = 327

# Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

LAYOUT = {
    "separators": ",.",
    "colorway": PALETTE,
    "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)",
    "font": {"family": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "size": 14},
    "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    "hoverlabel": {"namelength": -1},
    # A finger that swipes over a chart scrolls the page, as over text: with plotly's default, drag to zoom, it zoomed
    # the chart to a box and the page stood still (plotly/plotly.js#2844; dragmode false since #3170). A tap still
    # opens the cards behind a bar or cell.
    "dragmode": False,
    # Above the plot: below it, a horizontal legend runs into the x-axis title on a narrow screen.
    # Its title on a line of its own: beside the entries it took the width a phone needs for them.
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": {"side": "top"}},
}

# plotly.js speaks English unless handed a dictionary; this one covers the controls we keep.
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "locale": "da",
    # Only the picture download is kept: zoom and pan would bring back the drag that held the page on a phone.
    "modeBarButtonsToRemove": [
        "zoom2d",
        "pan2d",
        "select2d",
        "lasso2d",
        "autoScale2d",
        "resetScale2d",
        "zoomIn2d",
        "zoomOut2d",
        "sendChartToCloud",
    ],
    "doubleClick": False,
    # plotly.js 3 adds a "Share chart..." button that uploads the chart to Plotly Cloud: the book sends nothing out.
    "showSendToCloud": False,
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "locales": {
        "da": {
            "dictionary": {
                "Download plot as a png": "Hent figuren som PNG",
                "Download plot as a PNG": "Hent figuren som PNG",  # plotly.js 3 spelling
                "Download plot": "Hent figuren",
                "Zoom": "Zoom",
                "Pan": "Panorér",
                "Reset axes": "Nulstil akser",
                "Reset view": "Nulstil visning",
                "Toggle Spike Lines": "Vis/skjul hjælpelinjer",
                "Show closest data on hover": "Vis nærmeste data",
                "Compare data on hover": "Sammenlign data",
                "Double-click to zoom back out": "Dobbeltklik for at zoome ud",
                "Click to enter Colorscale title": "",
                "Click to enter Plot title": "",
            },
            "format": {"decimal": ",", "thousands": ".", "days": ["søn", "man", "tir", "ons", "tor", "fre", "lør"]},
        }
    },
}


@dataclass(frozen=True)
class Variant:
    """One version of a chart: for all municipalities, for one, with or without inferred attributions."""

    figure: dict  # plotly's JSON of the figure (figure_json); variants may share parts of it, nothing changes it
    alt: str
    table: pd.DataFrame
    # The kommunekode each column of `table` is about ('' for none): the filter marks the chosen one's cells.
    # Variants that share one table object (every municipality marked in the same table) show it once.
    marks: tuple[str, ...] = ()
    # A sentence the reader sees under the chart with this variant, where its picture alone would mislead (an empty
    # column of the chosen municipality says why it is empty).
    said: str = ""
    # The chart's title with this variant, where it differs from the chart's: it says what the variant marks.
    title: str = ""
    # Whose the whole table is (provenance.chart_label), which its CSV says in a column of its own where every column
    # is the editors' (provenance.download_table).
    whose: str = ""
    # Columns only the table's CSV carries, after the page's (provenance.figure_download_headings): a date's sortable form.
    download: pd.DataFrame | None = None


def styled(figure: go.Figure, height: int = 420) -> go.Figure:
    figure.update_layout(**LAYOUT, height=height)
    return figure


def figure_json(figure: go.Figure) -> dict:
    """Plain lists, not plotly's base64 arrays, so the island stays readable and diffable."""
    return json.loads(pio.to_json(figure, validate=False, engine="json", remove_uids=True))


class _Interned:
    """Equal values stored once in a list, referred to by position.

    A value met again as the same object is not serialised again: a chart's variants share their template,
    and often their layout or traces, and a national chart has 198 variants."""

    def __init__(self) -> None:
        self.values: list = []
        self._index: dict[str, int] = {}
        self._seen: dict[int, tuple[object, int]] = {}

    def add(self, value: object) -> int:
        seen = self._seen.get(id(value))
        if seen is not None and seen[0] is value:
            return seen[1]
        key = json.dumps(value, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(value)
        self._seen[id(value)] = (value, self._index[key])
        return self._index[key]


def _plain(label: object) -> str:
    """A plotly label as plain text: Python escaped it for plotly and may have wrapped it with <br>."""
    return html.unescape(re.sub(r"<br\s*/?>", " ", str(label)))


def _drill_cells(trace: dict, drill: _Interned, noted: Callable[[str], str] | None = None) -> list:
    """Each point's quote ids with the heading its drill-through shows (where the reader clicked and the
    hover count, in the chart's own words), stored once in `drill`; the trace's customdata keeps positions. `noted`
    gives the note after the panel's cards for its ids (cards.drill_note: whose the kinds they carry are, ADR 70)."""
    heatmap = trace.get("type") == "heatmap"
    hover = trace.get("hovertext") or trace.get("text") or ""

    def at(values: object, i: int, j: int | None = None) -> object:
        value = values[i] if isinstance(values, list) else values
        return value[j] if j is not None and isinstance(value, list) else value

    def cell(ids: object, i: int, j: int | None = None) -> int:
        # A heatmap's cell has a column (j); a bar's point has its trace's name.
        where = [at(trace.get("y", []), i), at(trace.get("x", []), j) if j is not None else trace.get("name", "")]
        words = " · ".join(w for w in map(_plain, where) if w)
        heading = f"{words}: {_plain(at(hover, i, j))}"
        return drill.add([ids, heading, noted(str(ids))] if noted else [ids, heading])

    data = trace["customdata"]
    if heatmap:
        return [[cell(ids, i, j) for j, ids in enumerate(row)] for i, row in enumerate(data)]
    return [cell(ids, i) for i, ids in enumerate(data)]


def shared_payload(variants: dict[str, dict], noted: Callable[[str], str] | None = None) -> dict:
    """The island's payload, with what variants repeat (layouts, traces, drill-through cells) stored once.

    Highlighting keeps every municipality in every variant, so variants often differ only in their layout:
    each distinct list of traces, layout and plotly template is stored once and referred to by position.
    The figures themselves are left as they are (variants may share their parts).
    """
    layouts, traces, drill, templates = _Interned(), _Interned(), _Interned(), _Interned()
    drilled: dict[int, tuple[list, list]] = {}  # a list of traces met before, as the same object: its drill positions
    referred = {}
    for key, variant in variants.items():
        layout = variant.get("layout", {})
        if "template" in layout:  # plotly's theme, 7 kB, the same in every layout
            layout = {**layout, "template": templates.add(layout["template"])}
        data = variant.get("data", [])
        if id(data) not in drilled or drilled[id(data)][0] is not data:
            cells = [{**t, "customdata": _drill_cells(t, drill, noted)} if "customdata" in t else t for t in data]
            drilled[id(data)] = (data, cells)
        referred[key] = {**variant, "layout": layouts.add(layout), "data": traces.add(drilled[id(data)][1])}
    return {
        "config": CONFIG,
        "templates": templates.values,
        "layouts": layouts.values,
        "traces": traces.values,
        # [quote ids, heading, note] per point that has a drill-through: the browser copies them, it composes nothing.
        "drill": drill.values,
        "variants": referred,
    }


def _table_context(
    table: pd.DataFrame,
    caption: str,
    csv_name: str = "",
    marks: tuple[str, ...] = (),
    excel: str = "",
    whose: str = "",
    download: pd.DataFrame | None = None,
) -> dict:
    head = [str(c) for c in table.columns]
    rows = [[str(v) for v in row] for row in table.itertuples(index=False)]
    # The CSV carries the download's own columns after the page's (a date's sortable form; Variant.download).
    extra = download if download is not None else pd.DataFrame(index=table.index)
    csv_head = [*head, *(str(c) for c in extra.columns)]
    csv_rows = [[*row, *(str(v) for v in more)] for row, more in zip(rows, extra.itertuples(index=False), strict=True)]
    # On the web page the editors' columns are marked once, in the caption, or each heading's mark is short; the CSV
    # made here keeps the full words (ADR 40).
    caption_mark, page_head = provenance.table_mark(head) if csv_name else ("", head)
    return {
        "id": "",
        "caption": caption,
        "caption_mark": caption_mark,
        "head": page_head,
        "labels": [provenance.bare_heading(h) for h in head] if csv_name else head,  # a phone's later blocks' names
        "marks": list(marks),
        "rows": [{"cells": r, "mark": ""} for r in rows],
        "csv": csv_href(*provenance.download_table(csv_head, csv_rows, whose)) if csv_name else "",
        "csv_name": csv_name,
        "sources": Markup(sources_link()) if csv_name else "",
        "excel": excel,
        "compact": False,
    }


def data_table(
    table: pd.DataFrame,
    caption: str,
    csv_name: str = "",
    marks: tuple[str, ...] = (),
    excel: str = "",
    whose: str = "",
    download: pd.DataFrame | None = None,
) -> str:
    """A figure's numbers as a table (the one table macro); with `csv_name`, with a CSV download made here (whose
    the table is, `whose`, said in it as provenance.download_table does; `download`'s columns after the page's), and
    the line on opening it in Excel where the page has not said it (`excel`)."""
    return str(macro("cards.html.j2", "table", _table_context(table, caption, csv_name, marks, excel, whose, download)))


def table_element(table: pd.DataFrame, caption: str, marks: tuple[str, ...] = ()) -> str:
    """The same table alone, without its frame and download, as a printed edition shows it."""
    return str(macro("cards.html.j2", "table_element", _table_context(table, caption, "", marks)))


def _csv_name(figure_id: str, key: str) -> str:
    return f"{figure_id}-{key.replace('|', '-')}.csv"


@dataclass(frozen=True)
class RowLabels:
    """A heatmap's row labels as HTML over the plot's own, pinned to the frame's left edge: on a phone they stay
    in view while the cells scroll sideways. The plot keeps its labels (for print); these cover them on screen."""

    title: str
    rows: list[list[str]]  # each row's label, in the lines the plot wraps it into


def _row_labels(labels: RowLabels, layout: dict) -> str:
    """The labels placed where plotly puts the rows: the layout's margins are fixed (no automargin), so each
    row is (height - top - bottom) / rows high, from the top margin down (plotly's toolbar adds --kr-toolbar, lesning.css)."""
    margin = layout["margin"]
    row = (int(layout["height"]) - int(margin["t"]) - int(margin["b"])) / max(1, len(labels.rows))
    place = f"--kr-labels: {int(margin['l'])}px; --kr-top: {int(margin['t'])}px; --kr-row: {row:.2f}px"
    rows = "".join(f'<div class="kr-row-label">{"<br>".join(esc(line) for line in lines)}</div>' for lines in labels.rows)
    return (
        f'<div class="kr-row-labels" aria-hidden="true" style="{place}">'
        f'<div class="kr-row-labels-title">{esc(labels.title)}</div>{rows}</div>'
    )


# What a chart's place says until plotly.js has drawn it (kommunefilter.css hides it once the plot is there).
WAITING = "Figuren tegnes …"


def _plot_div(figure_id: str, title: str, min_width: int, height: int, labels: str = "") -> str:
    """The chart's place, its height reserved (the tallest variant) so nothing moves when it is drawn, saying that the
    chart is coming rather than standing blank."""
    plot = f'<div class="kr-plot" id="plot-{esc(figure_id)}" aria-hidden="true" style="height: {int(height)}px'
    waiting = f'<p class="kr-plot-waiting">{esc(WAITING)}</p>'
    if not min_width:
        return plot + f'">{waiting}</div>'
    # A visible cue inside the frame (lesning.css shows it only while the frame can scroll, where it can tell).
    hint = (
        '<p class="kr-scroll-hint"><span aria-hidden="true">↔ </span>Rul sidelæns i figuren for at se alle kolonner.</p>'
        if min_width > PHONE_TEXT_WIDTH
        else ""
    )
    # A scrolling region must take keyboard focus (WCAG 2.1.1), and then it needs a name.
    return (
        f'<div class="kr-plot-frame" tabindex="0" role="region" aria-label="{esc(title)} (rul vandret for hele figuren)">'
        f'{hint}<div class="kr-plot-row">{labels}{plot}; min-width: {int(min_width)}px">{waiting}</div></div></div>'
    )


# A chart's island over this many bytes keeps only what the page shows first (the 'alle' variants) and sends each
# municipality's variants, with their texts and tables, and the drill-through's cells to side islands (markup.SIDE):
# at national scale a chart has 198 variants and the quotes behind 800 bars and cells, 1-2 MB a chart.
# KR_SIDE_FROM (data.settings.side_from) lets a test send the report's small charts down that path too.
SIDE_FROM = 100_000
# Bytes of drill-through cells per side island (a larger cell travels alone): a click loads its cell's island.
DRILL_ISLAND_BYTES = 32_000
# The group of the variants that stay on the page (split_payload), and the view a page opens in: all municipalities
# with the inferred switch in its default position (views.default_key, docs/adr/0033).
FIRST = "alle"
OPENING = views.default_key()


def opening(variants: Mapping[str, object]) -> str:
    """The variant a chart shows first: the opening view where the chart has it (a chart that counts inferred ties),
    otherwise 'alle' (a chart the switch does not change has that one only)."""
    return OPENING if OPENING in variants else FIRST


def _group(key: str, first: str) -> str:
    """The side island a variant travels in: its municipality's ('0101' for '0101' and '0101|uden-udledte'). Of the
    page's own variants only the one it opens in (`first`, opening) stays on the page (the group FIRST); the other
    position of the switch travels alone, loaded when the reader turns the switch (at national scale the ingredient
    matrix's view weighed 44 kB the page need not carry)."""
    municipality = key.split("|")[0]
    if municipality != FIRST:
        return municipality
    return FIRST if key == first else f"{key}|side"


def split_payload(payload: dict, texts: dict[str, dict]) -> tuple[dict, list[str]]:
    """The island a page carries (config, template, the 'alle' variants' layouts and traces; null for the others)
    and the side islands: one per municipality with its variants' layouts, traces, texts (`texts`: per group, the
    alt texts by key and its tables' markup) and one per CELLS_PER_ISLAND drill-through cells. A variant names the
    group whose island holds what it needs beyond the page's: `side`."""
    layouts, traces = list(payload["layouts"]), list(payload["traces"])
    first = opening(payload["variants"])
    placed: dict[tuple[str, int], str] = {}
    # The opening variant first: a layout or traces it shares with another stay on the page.
    for key, variant in sorted(payload["variants"].items(), key=lambda item: item[0] != first):
        for part, index in (("layouts", variant["layout"]), ("traces", variant["data"])):
            placed.setdefault((part, index), _group(key, first))
    groups: dict[str, dict] = {}
    for (part, index), group in placed.items():
        if group != FIRST:
            groups.setdefault(group, {"layouts": {}, "traces": {}})[part][index] = payload[part][index]
            (layouts if part == "layouts" else traces)[index] = None
    variants = {}
    for key, variant in payload["variants"].items():
        needs = {placed[("layouts", variant["layout"])], placed[("traces", variant["data"])], _group(key, first)} - {FIRST}
        variants[key] = {**variant, "side": sorted(needs)} if needs else variant
    drill = payload["drill"]
    inline = {**payload, "layouts": layouts, "traces": traces, "variants": variants, "drill": len(drill)}
    islands = [
        side_island({**groups.get(group, {"layouts": {}, "traces": {}}), **texts[group]}, "kr-figure-side", {"data-kr-group": group})
        for group in texts
        if group != FIRST
    ]
    return inline, islands + _drill_islands(drill)


def _drill_islands(drill: list) -> list[str]:
    """The drill-through cells in order, in side islands of up to DRILL_ISLAND_BYTES; each says where it starts."""
    starts, size = [0], 0
    for i, cell in enumerate(drill):
        length = len(json.dumps(cell, ensure_ascii=False))
        if i > starts[-1] and size + length > DRILL_ISLAND_BYTES:
            starts.append(i)
            size = 0
        size += length
    ends = [*starts[1:], len(drill)]
    return [side_island(drill[a:b], "kr-figure-drill", {"data-kr-first": a}) for a, b in zip(starts, ends, strict=True) if a < b]


def expanded(markup: str, side: dict[str, str] | None = None) -> str:
    """A chart's markup as if it had not been split (split_payload): the side islands' layouts, traces and drill-through
    cells back in its island, their texts and tables back in place. `side`: the text of each island the book moved
    into a file, by its data-kr-src. For what reads a built page's chart whole: the whole-book edition, the tests."""
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "html.parser")

    def content(tag: Tag) -> Any:
        source = tag.get("data-kr-src")
        return json.loads(tag.get_text() if source is None else (side or {})[str(source)])

    for figure in soup.select("figure.kr-figure"):
        island, alt, data = (figure.select_one(s) for s in ("script.kr-figure-json", ".kr-alt", ".kr-figure-data"))
        if island is None or alt is None or data is None:
            continue
        payload = content(island)
        if not isinstance(payload["drill"], int):
            continue
        for tag in figure.select("script.kr-figure-side"):
            part = content(tag)
            for name in ("layouts", "traces"):
                for index, value in part[name].items():
                    payload[name][int(index)] = value
            alt.append(BeautifulSoup(part["alts"], "html.parser"))
            alt.insert_after(BeautifulSoup(part.get("notes", ""), "html.parser"))
            caption = figure.select_one("figcaption")
            if caption is not None and part.get("titles"):
                caption.append(BeautifulSoup(part["titles"], "html.parser"))
        for noscript in data.select("noscript"):
            noscript.decompose()
        for tag in figure.select("script.kr-figure-tables"):
            data.append(BeautifulSoup(content(tag), "html.parser"))
        payload["drill"] = [cell for tag in figure.select("script.kr-figure-drill") for cell in content(tag)]
        for variant in payload["variants"].values():
            variant.pop("side", None)
            variant.pop("table", None)
        for tag in figure.select(f"script.{SIDE}"):
            tag.decompose()
        island.replace_with(BeautifulSoup(json_island(payload, "kr-figure-json"), "html.parser"))
    return str(soup)


@dataclass(frozen=True)
class Axes:
    """A heatmap's labels as plain text, in the plot's order (plotly's own labels are escaped and wrapped): its
    rows, its columns, and the kommunekode each column is about ('' for none)."""

    rows: list[str]
    columns: list[str]
    codes: list[str]


@dataclass(frozen=True)
class Drill:
    """What a drill-through shows: the page's card store it takes the cards from (its class) and its own words."""

    store: str
    heading: str
    close: str
    counted: str = ""  # what the marked turns of an exchange are: shown where a card shows turns the number does not count


QUOTE_DRILL = Drill(
    "kr-quote-store",
    "Citaterne bag tallet",
    "Luk citaterne bag tallet",
    # An exchange stands whole, and the turns the number counts are marked: the reader tapped "Projekt- og
    # programledelse" and read a librarian's turn first, the project leader's unmarked under it (reader review 24, #10).
    "Tallet tæller de replikker, der står med en farvet kant; resten af ordvekslingen står med, så den kan læses i sin helhed.",
)
INITIATIVE_DRILL = Drill("kr-initiative-store", "Indsatserne bag tallet", "Luk indsatserne bag tallet")


@dataclass(frozen=True)
class Marks:
    """A matrix of counts that are mostly 0 and 1, shown as a table of marks rather than a heatmap: the names at the
    top and whole (they wrap), a 0 an empty cell, each other count a dark block whose button (keyboard and touch
    alike) shows the cards behind it, from the page's card store that `drill` names (cards.initiative_store). Rows
    and columns are the chart's axes (Axes); `headings` say what each cell holds, as its button's name and as
    the heading of its cards."""

    corner: str
    counts: list[list[int]]
    ids: list[list[str]]
    headings: list[list[str]]
    drill: Drill
    hint: str
    # The sentence beside the table on the municipalities whose columns are empty (or missing), naming them; '' if none.
    empty: str = ""


# A table of marks this many rows tall names its columns at its foot too.
MARKS_FOOT_FROM = 12


# -- a chart's legend, drawn as HTML beside its plot ---------------------------------------------------------------
#
# plotly puts a legend above the bars inside the plot's own height and gives it the plot area's width: on a phone
# the long speaker groups stood one to a line, taller than the bars, and the highlighted views listed them in the
# other order. The legend is the model's instead: read from the chart's first view, one order (the bars' pieces,
# left to right), the same in every view, wrapping like text at any width and printed the same on paper.


@dataclass(frozen=True)
class Swatch:
    """One legend entry: a bar piece's colour and pattern (plotly's pattern shape and its foreground colour), or a
    step of a heatmap's colour scale; a key's swatch shows `stripes` of the bars' colours, or with `faint` the muted
    bars' fills, `dark_stripes` those on the dark theme."""

    name: str
    colour: str = "currentColor"
    pattern: str = ""
    foreground: str = ""
    faint: bool = False
    stripes: tuple[str, ...] = ()  # a key's colours side by side: the style it names holds for every colour
    dark: str = ""  # the colour on the dark theme, where it differs (a heatmap's scale, charts.heat_scale)
    dark_stripes: tuple[str, ...] = ()  # a faint key's fills on the dark theme (charts.muted_fill)


@dataclass(frozen=True)
class Legend:
    """What a chart's colours mean, in the order its bars stack. `key` says how a highlighted view tells the chosen
    municipality's part from the rest; the page shows it only while a municipality is chosen."""

    title: str
    entries: tuple[Swatch, ...]
    key: tuple[Swatch, ...] = ()


# How a highlighted view's two styles are named in its legend (charts._highlighted): the chosen municipality's part
# in full colour, the rest a light fill inside an outline.
KEY_WORDS = ("Den valgte kommunes del", "Resten (dæmpet)")
KEY_STRIPES = 4  # how many of the bars' colours a key's swatch shows side by side
MUTED_FILL = 0.22  # the share of its colour a muted part's fill keeps on the light page (charts.muted_fill)


def _rgb_of(colour: str) -> tuple[float, ...]:
    """'#rrggbb', 'rgb(r, g, b)' or 'rgba(r, g, b, a)' as numbers (alpha last, 1 if not given)."""
    if colour.startswith("#"):
        return (*(int(colour[i : i + 2], 16) for i in (1, 3, 5)), 1.0)
    parts = [float(v) for v in colour[colour.index("(") + 1 : colour.index(")")].split(",")]
    return (*parts[:3], parts[3] if len(parts) > 3 else 1.0)


def scale_colour(scale: list, value: float, low: float, high: float) -> str:
    """The colour plotly gives `value` on a colour scale from `low` to `high` (linear in RGB between the stops)."""
    t = 0.0 if high <= low else min(1.0, max(0.0, (value - low) / (high - low)))
    stops = [(float(at), _rgb_of(str(colour))) for at, colour in scale]
    for (a, left), (b, right) in zip(stops, stops[1:], strict=False):
        if a <= t <= b:
            share = 0.0 if b == a else (t - a) / (b - a)
            mixed = [x + (y - x) * share for x, y in zip(left, right, strict=True)]
            return f"rgba({round(mixed[0])},{round(mixed[1])},{round(mixed[2])},{mixed[3]:.3g})"
    return str(scale[-1][1])


# The title of a heatmap's legend: one scale for every column, 'Uden kommune' too (whose counts run highest).
SCALE_TITLE = "Farven viser tallet i cellen, på samme skala i alle kolonner"
# A heatmap whose scale ends below some cells (charts._heatmap): those have a colour of their own.
OVER_TITLE = "Farven viser tallet i cellen; tal over skalaen har deres egen farve"
# A heatmap's legend shows the scale at these counts (and at its highest): enough to read a cell's colour.
SCALE_STEPS = 3


def _scale_values(high: int) -> list[int]:
    """0, 1, and whole steps up to the highest count."""
    if high <= 1:
        return [0, 1][: high + 1]
    return sorted({0, 1, *(round(1 + (high - 1) * k / SCALE_STEPS) for k in range(1, SCALE_STEPS + 1))})


def chart_legend(chart_variants: dict[str, Variant], key: tuple[str, str] = KEY_WORDS) -> Legend | None:
    """The legend a chart's figures imply, read from its first view: each bar piece that plotly's legend would list,
    in stacking order, or a heatmap's colour scale at a few counts; with the key of a highlighted view where a view
    has muted parts (charts._highlighted)."""
    first = chart_variants.get(opening(chart_variants), next(iter(chart_variants.values()))).figure
    layout, data = first.get("layout", {}), first.get("data", [])
    heat = next((t for t in data if t.get("type") == "heatmap"), None)
    if heat is not None:
        z = [int(v) for row in heat["z"] for v in row]
        high = int(heat.get("zmax", max(z, default=0)))
        low = int(heat.get("zmin", 0))
        dark = ((heat.get("meta") or {}).get("dark") or {}).get("colorscale")
        colours = [
            (v, scale_colour(heat["colorscale"], v, low, high), scale_colour(dark, v, low, high) if dark else "")
            for v in _scale_values(high)
        ]
        entries = tuple(Swatch(str(v), light, dark=other if other != light else "") for v, light, other in colours)
        over = next((t for t in data if t.get("type") == "heatmap" and "over" in (t.get("meta") or {})), None)
        if over is None:
            return Legend(SCALE_TITLE, entries) if len(entries) > 1 else None
        # The cells above the scale (charts._heatmap) in their own colour, named as such.
        beyond = Swatch(f"over {high}", over["colorscale"][-1][1], dark=over["meta"]["dark"]["colorscale"][-1][1])
        return Legend(OVER_TITLE, (*entries, beyond))
    bars = [t for t in data if t.get("type") == "bar"]
    if not bars:
        return None
    shown = layout.get("showlegend") is not False and len(bars) > 1
    entries = tuple(
        Swatch(_plain(t["name"]), t["marker"]["color"], t["marker"].get("pattern", {}).get("shape", ""),
               t["marker"].get("pattern", {}).get("fgcolor", ""))
        for t in bars
        if shown and t.get("showlegend") is not False and t.get("name")
    )  # fmt: skip
    highlighted = [v.figure["data"] for v in chart_variants.values() if any("muted" in t.get("meta", {}) for t in v.figure.get("data", []))]
    # The key shows the two styles in the bars' own colours side by side, full and muted: a swatch in the text's colour
    # read as a colour no bar had, and one bar's colour as that group's (reader 13).
    full = (t["marker"]["color"] for view in highlighted for t in view if t.get("type") == "bar" and "muted" not in t.get("meta", {}))
    stripes = tuple(dict.fromkeys(c for c in full if isinstance(c, str)))[:KEY_STRIPES] or (Swatch("").colour,)
    # The faint key in the muted bars' own fills, each theme's (on the dark page a 22 % tint read as missing).
    muted = (t for view in highlighted for t in view if t.get("type") == "bar" and "muted" in t.get("meta", {}))
    fills = dict.fromkeys((t["marker"]["color"], t["meta"]["muted"]["dark"]["color"]) for t in muted)
    faint = tuple(fills)[:KEY_STRIPES]
    keyed = (
        (
            Swatch(key[0], stripes=stripes),
            Swatch(key[1], faint=True, stripes=tuple(light for light, _ in faint), dark_stripes=tuple(dark for _, dark in faint)),
        )
        if highlighted
        else ()
    )
    title = _plain(((layout.get("legend") or {}).get("title") or {}).get("text") or "") if entries else ""
    return Legend(title, entries, keyed) if entries or keyed else None


def _pattern_paths(shape: str) -> str:
    """plotly's pattern shapes (marker.pattern.shape) drawn in a 16 px square."""
    lines = {
        "/": [f"M{c} 16L{c + 16} 0" for c in range(-16, 16, 6)],
        "\\": [f"M{c} 0L{c + 16} 16" for c in range(-16, 16, 6)],
        "-": ["M0 4H16", "M0 10H16"],
        "|": ["M4 0V16", "M10 0V16"],
    }
    lines["x"] = lines["/"] + lines["\\"]
    lines["+"] = lines["-"] + lines["|"]
    if shape == ".":
        return "".join(f'<circle cx="{x}" cy="{y}" r="1.6"/>' for x in (4, 12) for y in (4, 12))
    return f'<path d="{" ".join(lines.get(shape, []))}"/>' if shape in lines else ""


def _swatch(swatch: Swatch) -> str:
    """A legend entry's colour as a small SVG (attributes, not style: the book's Content-Security-Policy allows
    no style attribute), hidden from screen readers: the entry's name says it."""
    if swatch.stripes:

        def stripes(colours: tuple[str, ...], light: str = "") -> str:
            width = 16 / len(colours)
            return "".join(
                f'<rect{light} x="{i * width:.3g}" y="0" width="{width:.3g}" height="16" fill="{esc(c)}"/>' for i, c in enumerate(colours)
            )

        # As a heatmap's swatch: the dark theme's under the light's, which the dark theme hides (kommunefilter.css).
        body = (
            stripes(swatch.dark_stripes) + stripes(swatch.stripes, ' class="kr-swatch-light"')
            if swatch.dark_stripes
            else stripes(swatch.stripes)
        )
        if swatch.faint:  # the muted bars' outline, so the pale key stands out from the page
            body += (
                '<rect x="0.75" y="0.75" width="14.5" height="14.5" fill="none" stroke="currentColor" stroke-opacity="0.5" '
                'stroke-width="1.5"/>'
            )
    else:
        # A colour of each theme: the dark one under the light one, which the dark theme hides (kommunefilter.css); on
        # paper, without the page's style, the light one lies on top.
        under = f'<rect class="kr-swatch-dark" width="16" height="16" fill="{esc(swatch.dark)}"/>' if swatch.dark else ""
        light = ' class="kr-swatch-light"' if swatch.dark else ""
        body = under + f'<rect{light} width="16" height="16" fill="{esc(swatch.colour)}"/>'
        if swatch.pattern:
            body += f'<g stroke="{esc(swatch.foreground or "#444444")}" fill="{esc(swatch.foreground or "#444444")}" stroke-width="1.4">'
            body += _pattern_paths(swatch.pattern) + "</g>"
    return f'<svg class="kr-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">{body}</svg>'


def legend_markup(legend: Legend | None, chosen: bool | None = None) -> str:
    """The legend as HTML: its entries in a list that wraps like text. The key of a highlighted view carries
    data-kr-chosen (kr-filter.js shows it while a municipality is chosen); `chosen` True prints it as shown (a
    municipality's edition), False leaves it out."""
    if legend is None:
        return ""

    def items(swatches: tuple[Swatch, ...]) -> str:
        return "".join(f'<li class="kr-legend-entry">{_swatch(s)}<span>{esc(s.name)}</span></li>' for s in swatches)

    title = f'<p class="kr-legend-title">{esc(legend.title)}</p>' if legend.title else ""
    entries = f'<ul class="kr-legend-entries">{items(legend.entries)}</ul>' if legend.entries else ""
    key = ""
    if legend.key and chosen is not False:
        shown = ' data-kr-chosen="true" hidden' if chosen is None else ""
        key = f'<ul class="kr-legend-entries kr-legend-key"{shown}>{items(legend.key)}</ul>'
    return f'<div class="kr-legend">{title}{entries}{key}</div>' if entries or key else ""


@dataclass(frozen=True)
class Chart:
    """A chart as a model: its variants (each with plotly's figure data, text alternative and table) by view name
    (views.states), its title, note and labels. Nothing here is HTML yet: a page embeds it as the last step
    (embed, or displaying it in a notebook), and a printed edition or a test reads the model itself.

    `min_width` (px) keeps a wide chart readable on a phone: it scrolls sideways in its own frame, the page
    does not, and `row_labels` stay in view while it scrolls (every variant has the same rows)."""

    figure_id: str
    title: str
    variants: dict[str, Variant]
    # The method note, with whose the chart is (provenance.Whose) among its sentences: a page shows whose it is in one
    # line under the chart and folds the rest away under „Om figuren“ (figure_note); a printed edition prints it whole.
    notes: tuple[str | provenance.Whose, ...] = ()
    # The title says whose it is already (the report's own figures: 'Figur 1. … (redaktionens gengivelse)'): the
    # page does not say it again under the chart.
    whose_said: bool = False
    min_width: int = 0
    row_labels: RowLabels | None = None
    axes: Axes | None = None
    # Shown on a page as a table of marks (Marks) instead of its plot; a printed edition still reads the variants.
    marks: Marks | None = None
    # The cards a click on a bar or cell shows (its customdata names them), from the page's store of them.
    drill: Drill = QUOTE_DRILL
    # The note after a drill panel's cards, for a cell's quote ids (cards.drill_note): whose the kinds are that only
    # the editors named, said once per panel as per list (ADR 70); the build prepares it for every cell (ADR 6).
    drill_note: Callable[[str], str] | None = field(default=None, compare=False)
    # How the legend of a highlighted view names the chosen municipality's part and the rest (Legend.key).
    key: tuple[str, str] = KEY_WORDS
    # The text alternative is shown under the chart, not only read out: where it says what the chart's hover labels
    # would (charts.programme_timeline).
    described: bool = False

    @property
    def note(self) -> str:
        """The whole method note."""
        return " ".join(filter(None, (part.note if isinstance(part, provenance.Whose) else part for part in self.notes)))

    @property
    def whose(self) -> str:
        """Whose the chart is, in one short line: 'Redaktionens optælling og betegnelser, ikke rapportens.'"""
        return next((part.line for part in self.notes if isinstance(part, provenance.Whose)), "")

    @property
    def about(self) -> str:
        """The method note without the line that says whose the chart is: what „Om figuren“ holds."""
        return " ".join(filter(None, (part.about if isinstance(part, provenance.Whose) else part for part in self.notes)))

    def legend(self) -> Legend | None:
        """The chart's legend, drawn as HTML by the plot (chart_legend): one for every view."""
        return chart_legend(self.variants, self.key)

    def _layout(self, layout: dict) -> dict:
        """A bar chart's layout without plotly's own legend: the model's HTML legend stands in its place."""
        return {**layout, "showlegend": False} if self._bars else layout

    @property
    def _bars(self) -> bool:
        return any(t.get("type") == "bar" for t in self.variants[next(iter(self.variants))].figure.get("data", []))

    def plot(self, key: str) -> dict:
        """A variant's plotly figure as it is drawn on paper: without the drill-through data (customdata)."""
        figure = self.variants[key].figure
        data = [{k: v for k, v in t.items() if k != "customdata"} for t in figure["data"]]
        return {"data": data, "layout": self._layout(dict(figure["layout"]))}

    def payload(self) -> dict:
        """The variants as the page's JSON island carries them, with what they repeat stored once (shared_payload).
        In a chart that dims what a choice does not mark, a municipality's variant that marks nothing is drawn as with
        no choice and says so ("plain"): the legend's key of full and faint bars steps aside (kr-charts.js)."""
        dims = [key for key, v in self.variants.items() if any("muted" in (t.get("meta") or {}) for t in v.figure.get("data", []))]
        plain = {key for key in self.variants if key not in dims and not key.startswith(views.ALL)} if dims else set()
        drawn = {key: {**v.figure, "layout": self._layout(v.figure["layout"])} for key, v in self.variants.items()}
        return shared_payload(
            {key: {**figure, "plain": True} if key in plain else figure for key, figure in drawn.items()}, self.drill_note
        )

    def html(self) -> Html:
        return embed(self)

    def _repr_html_(self) -> str:
        """A notebook cell that returns the model shows the embedded chart (myst-nb reads text/html)."""
        return embed(self).markup

    def __repr__(self) -> str:
        """The notebook's text/plain beside the HTML: short. The dataclass's own repr spelled out every variant's
        figure and table, 45 MB a chart at national scale in each page's cached notebook and in the build's memory."""
        return f"Chart({self.figure_id!r}, {len(self.variants)} varianter)"


def counted_as(figure: str) -> str:
    """The line under a figure counted as another before it, which explains how: the page's „figuren ovenfor“, an
    edition's „diagram 1“. One wording everywhere: „Talt som diagram 1.“ read as jargon in the PDFs (reader30 #3)."""
    return f"Talt på samme måde som {figure}."


# What a chart's folded note says in place of the method a figure above it on the page has explained.
AS_ABOVE = counted_as("figuren ovenfor")


def figure_note(chart: Chart, hint: str = "") -> str:
    """Under a chart: one line that says whose it is (and what a tap on it does), and the rest of its method note
    folded under „Om figuren“ (markup.folded_note). A note is folded only where its chart says whose it is, in that
    line or in its caption (Chart.whose_said), where the line is not said again."""
    note, whose = chart.note, chart.whose
    if not whose or not note:
        return f'<p class="kr-figure-note">{esc(" ".join(filter(None, (note, hint))))}</p>' if note or hint else ""
    if not chart.whose_said and provenance.is_editors(whose.lower()):
        # The editors' chart: their short mark in view under the page's key, what they did folded with the rest.
        # The mark stands in the fold's line, not alone on a line of its own under the chart (issue 22).
        mark = f'<span class="kr-by">{esc(provenance.owner_mark(provenance.EDITORS_SHORT))}</span>'
        # A note the page has given a chart before says whose this one is and points there: kommuner/sammenligning
        # repeated one note under three charts (issue 22). The first is a tap away, above.
        told = first_on_page(chart.about) if chart.about else True
        # The line stands apart in the fold (kr-figure-whose): a printed edition keeps it under the drawing and moves
        # the rest to its section on the sources (editions._printable_figure_notes).
        said = " ".join(filter(None, (f'<span class="kr-figure-whose">{esc(whose)}</span>', esc(chart.about if told else AS_ABOVE))))
        fold = f'<details class="kr-note-about"><summary>Om figuren {mark}</summary><p class="kr-figure-note">{said}</p></details>'
        return (f'<p class="kr-figure-note">{esc(hint)}</p>' if hint else "") + fold
    return folded_note("" if chart.whose_said else whose, chart.about, "kr-figure-note", "Om figuren", hint)


def _table_key(variant: Variant, title: str) -> tuple[str, tuple[str, ...], str]:
    """What a variant's table reads as (its caption, marked columns and cells): variants alike in it share one."""
    return variant.title or title, variant.marks, variant.table.to_csv(index=False)


def embed(chart: Chart) -> Html:
    """A figure whose variants the page filter swaps; the 'alle' variant is what shows first."""
    if chart.marks is not None and chart.axes is not None:
        return marks_embed(chart, chart.marks, chart.axes)
    figure_id, title, variants = chart.figure_id, chart.title, chart.variants
    min_width, row_labels = chart.min_width, chart.row_labels
    first = opening(variants)
    alts = {key: f'<p data-variant="{esc(key)}"{"" if key == first else " hidden"}>{esc(v.alt)}</p>' for key, v in variants.items()}
    # Variants whose tables read alike share one (the municipalities a chart cannot mark all show the no-choice
    # table): fourteen copies of one table said its columns' marks 28 times on ingredienser/oversigt (issue 22).
    sharing: dict[tuple[str, tuple[str, ...], str], list[str]] = {}
    for key, v in variants.items():
        sharing.setdefault(_table_key(v, title), []).append(key)
    # The tables wait under "Vis tallene som tabel"; how to open their files in Excel the page says once at its end
    # (markup.excel_tip).
    excel = excel_tip()
    tables = {
        keys[0]: f'<div data-variant="{esc(" ".join(keys))}"{"" if first in keys else " hidden"}>'
        + data_table(v.table, v.title or title, _csv_name(figure_id, keys[0]), v.marks, excel, v.whose, v.download)
        + "</div>"
        for keys in sharing.values()
        for v in [variants[keys[0]]]
    }
    height = max(int(v.figure["layout"].get("height") or 450) for v in variants.values())
    first_figure = variants.get(first, next(iter(variants.values()))).figure
    notes = {
        key: f'<p class="kr-variant-note" data-variant="{esc(key)}"{"" if key == first else " hidden"}>{esc(v.said)}</p>'
        for key, v in variants.items()
        if v.said
    }
    titled = dict(variants)  # the variants whose titles the figcaption holds from the start
    payload = chart.payload()
    # Only a chart whose bars or cells name the quotes behind them (customdata) gets a panel to show them in.
    drills = bool(payload["drill"])
    islands: list[str] = []
    if len(json.dumps(payload, separators=(",", ":"))) > side_from(SIDE_FROM):
        # The texts of a municipality's variants travel with its variants; every table waits in an island of its
        # first variant's group, loaded when the reader opens "Vis tallene som tabel" (kr-charts.js tablesOf).
        # So do the sentences under a variant and its own title (kr-charts.js sideOf puts them in place).
        texts: dict[str, dict] = {_group(key, first): {"alts": "", "notes": "", "titles": ""} for key in variants}
        for key in list(alts):
            if _group(key, first) != FIRST:
                texts[_group(key, first)]["alts"] += alts.pop(key)
                texts[_group(key, first)]["notes"] += notes.pop(key, "")
        if any(v.title for v in variants.values()):
            titled = {key: v for key, v in variants.items() if _group(key, first) == FIRST}
            for group in texts:
                if group != FIRST:
                    texts[group]["titles"] = _titles(title, {k: v for k, v in variants.items() if _group(k, first) == group})
        grouped: dict[str, str] = {}
        table_of: dict[str, str] = {}
        for key in list(tables):
            grouped[_group(key, first)] = grouped.get(_group(key, first), "") + tables.pop(key)
            table_of.update(dict.fromkeys(sharing[_table_key(variants[key], title)], _group(key, first)))
        payload, islands = split_payload(payload, texts)
        for key, variant in payload["variants"].items():
            variant["table"] = table_of[key]
        islands += [side_island(markup, "kr-figure-tables", {"data-kr-group": group}) for group, markup in grouped.items()]
        tables = {"": '<noscript><p class="kr-side-missing">Tabellen vises med JavaScript.</p></noscript>'}
    filterable = "true" if len(variants) > 1 else "false"
    # The municipalities whose choice the chart marks: drawn otherwise than with no choice, or a column of the table
    # marked. The filter's status says the figures highlight a choice only for these (kr-filter.js; issue 22).
    marking = sorted(
        {
            key.removesuffix(views.WITHOUT_INFERRED)
            for key, v in variants.items()
            if key != first and (v.figure is not first_figure or any(v.marks))
        }
    )
    caption = _titles(title, titled, any(v.title for v in variants.values()))
    # The full text alternative can list dozens of values: screen readers get it as the figure's description,
    # sighted readers the same values in the table below, so it is not shown as a paragraph.
    return Html(
        f'<figure class="kr-figure" id="figur-{esc(figure_id)}" data-kr-filterable="{filterable}" '
        f'data-kr-marks="{esc(" ".join(marking))}" aria-labelledby="titel-{esc(figure_id)}" aria-describedby="alt-{esc(figure_id)}">'
        f'<figcaption class="kr-figure-title" id="titel-{esc(figure_id)}">{caption}</figcaption>'
        + legend_markup(chart.legend())
        + _plot_div(figure_id, title, min_width, height, _row_labels(row_labels, first_figure["layout"]) if row_labels else "")
        # The drill panel right under the chart it opens from: below the notes and the table, it opened out of view on
        # a phone, and bringing it up took the chart away (issue 22, second phone review).
        + (drill_panel(chart.drill) if drills else "")
        + f'<div class="kr-alt{"" if chart.described else " kr-described"}" id="alt-{esc(figure_id)}">'
        + '<span class="kr-alt-label">Figuren viser: </span>'
        + "".join(alts.values())
        + "</div>"
        + "".join(notes.values())
        + figure_note(chart)
        + f'<details class="kr-figure-data"><summary>Vis tallene som tabel</summary>{"".join(tables.values())}</details>'
        # Shown only if the drawing script cannot be fetched: the reader is told what to do, not the script's name.
        '<p class="kr-plot-missing" hidden>Figuren kunne ikke tegnes i denne browser. '
        "Tallene står under „Vis tallene som tabel“.</p>" + json_island(payload, "kr-figure-json") + "".join(islands) + "</figure>"
    )


def _titles(title: str, variants: dict[str, Variant], spans: bool = False) -> str:
    """The figure's title; where variants have titles of their own (saying what they mark), or `spans` says the
    chart's others do, each title once, shown with the variants that have it (kr-charts.js switches them as it does
    the texts)."""
    if not spans and not any(v.title for v in variants.values()):
        return esc(title)
    keys: dict[str, list[str]] = {}
    for key, v in variants.items():
        keys.setdefault(v.title or title, []).append(key)
    return "".join(
        f'<span data-variant="{esc(" ".join(shown))}"{"" if opening(variants) in shown else " hidden"}>{esc(text)}</span>'
        for text, shown in keys.items()
    )


def drill_panel(drill: Drill) -> str:
    """The panel a click on a number opens, with "Luk" at its head and again at its foot, where a thumb is after
    the cards (kommunefilter.css keeps the foot in view); and the line that says a cell holds nothing, in place of
    an empty panel."""
    close = f'<button type="button" class="kr-drill-close" aria-label="{esc(drill.close)}">Luk</button>'
    return (
        '<p class="kr-drill-none" role="status" hidden></p>'
        f'<div class="kr-drill" aria-live="polite" data-kr-store="{esc(drill.store)}" hidden>'
        f'<div class="kr-drill-head"><h3 class="kr-drill-heading" tabindex="-1">{esc(drill.heading)}</h3>{close}</div>'
        + (f'<p class="kr-drill-counted" hidden>{esc(drill.counted)}</p>' if drill.counted else "")
        + '<div class="kr-drill-cards"></div><p class="kr-drill-kinds" hidden></p>'
        + f'<div class="kr-drill-foot">{close}</div></div>'
    )


# Bytes of a large table of marks' rows per side island (escaped as JSON, HTML grows by about half).
MARKS_ISLAND_BYTES = 100_000


def _marks_table(context: dict) -> str:
    """The table of marks. One too large to come with the page (SIDE_FROM: 98 municipalities' columns, 300 kB a
    table) keeps its head and sends its rows to side islands of up to MARKS_ISLAND_BYTES, loaded when the table
    comes near the screen or ahead of the reader (kr-charts.js), as a large chart's variants are."""
    rows = [str(macro("marks.html.j2", "marks_row", row, context["columns"])) for row in context["rows"]]
    if sum(map(len, rows)) <= side_from(SIDE_FROM):
        return str(macro("marks.html.j2", "marks_table", context, Markup("".join(rows))))
    islands, part = [], ""
    for row in rows:
        if part and len(part) + len(row) > MARKS_ISLAND_BYTES:
            islands.append(side_island(part, "kr-marks-rows"))
            part = ""
        part += row
    islands.append(side_island(part, "kr-marks-rows"))
    missing = '<noscript><p class="kr-side-missing">Tabellen vises med JavaScript.</p></noscript>'
    return str(macro("marks.html.j2", "marks_table", context, Markup(""))) + "".join(islands) + missing


def first_in_views(counts: list[list[int]], codes: list[str]) -> list[str]:
    """For each row of a table of marks, the municipalities whose view puts it first (views.rows_first, the order of
    a printed edition's table too), as the row's data-kr-first: the browser moves those rows to the top and marks
    them when one of them is chosen (kr-lists.js KR.updateMarks), and keeps the others in the table's order (reader30,
    #1: Egedal's one row of art forms stood 1,150 px down on a phone)."""
    frame = pd.DataFrame(counts, columns=range(len(codes)))
    first: list[list[str]] = [[] for _ in counts]
    for at, code in enumerate(codes):
        if not code:
            continue
        order, own = views.rows_first(frame, at)
        for row in order[:own]:
            first[row].append(code)
    return [" ".join(row) for row in first]


def marks_embed(chart: Chart, marks: Marks, axes: Axes) -> Html:
    """A chart shown as a table of marks (Marks), with its note, its CSV and the panel its buttons open."""
    figure_id, first = chart.figure_id, chart.variants[opening(chart.variants)]
    table = first.table
    head = [str(c) for c in table.columns]
    context = {
        "id": figure_id,
        "caption": chart.title,
        # A corner such as "Kunstform/aktivitet" may break after its slash: whole, it widened a phone's names column.
        "corner": Markup("/<wbr>").join(marks.corner.split("/")),
        "columns": [{"name": name, "code": code} for name, code in zip(axes.columns, axes.codes, strict=True)],
        "rows": [
            {"name": name, "first": own, "cells": [{"count": n, "ids": i, "heading": h} for n, i, h in zip(*cells, strict=True)]}
            for name, own, *cells in zip(
                axes.rows, first_in_views(marks.counts, axes.codes), marks.counts, marks.ids, marks.headings, strict=True
            )
        ],
        "foot": len(axes.rows) >= MARKS_FOOT_FROM,
    }
    csv = csv_href(*provenance.download_table(head, [[str(v) for v in row] for row in table.itertuples(index=False)], first.whose))
    return Html(
        f'<figure class="kr-marks-figure" id="figur-{esc(figure_id)}" aria-labelledby="titel-{esc(figure_id)}">'
        f'<figcaption class="kr-figure-title" id="titel-{esc(figure_id)}">{esc(chart.title)}</figcaption>'
        + _marks_table(context)
        + drill_panel(marks.drill)  # right under the table it opens from, as a chart's
        + (f'<p class="kr-marks-empty">{esc(marks.empty)}</p>' if marks.empty else "")
        # What a tap on a number does: once a page (markup.first_on_page); how to open the file in Excel at the page's
        # end (markup.excel_tip).
        + figure_note(chart, marks.hint if first_on_page(marks.hint) else "")
        + str(
            macro(
                "cards.html.j2",
                "csv_line",
                csv,
                _csv_name(figure_id, opening(chart.variants)),
                Markup(sources_link()),
                excel_tip(),
            )
        )
        + "</figure>"
    )
