"""Putting plotly figures on a page: one JSON island of variants, a text alternative and a table each.

plotly.js itself is loaded once per page by the Sphinx extension; nothing here inlines it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from .markup import Html, esc, json_island

# The width of the text column on a 375 px phone; a chart wider than this scrolls there.
PHONE_TEXT_WIDTH = 343

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
    # Above the plot: below it, a horizontal legend runs into the x-axis title on a narrow screen.
    # Its title on a line of its own: beside the entries it took the width a phone needs for them.
    "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0, "title": {"side": "top"}},
}

# plotly.js speaks English unless handed a dictionary; this one covers the controls we keep.
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "locale": "da",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "zoomIn2d", "zoomOut2d", "sendChartToCloud"],
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

    figure: go.Figure
    alt: str
    table: pd.DataFrame


def styled(figure: go.Figure, height: int = 420) -> go.Figure:
    figure.update_layout(**LAYOUT, height=height)
    return figure


def figure_json(figure: go.Figure) -> dict:
    """Plain lists, not plotly's base64 arrays, so the island stays readable and diffable."""
    return json.loads(pio.to_json(figure, validate=False, engine="json", remove_uids=True))


class _Interned:
    """Equal values stored once in a list, referred to by position."""

    def __init__(self) -> None:
        self.values: list = []
        self._index: dict[str, int] = {}

    def add(self, value: object) -> int:
        key = json.dumps(value, sort_keys=True)
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(value)
        return self._index[key]


def shared_payload(variants: dict[str, dict]) -> dict:
    """The island's payload, with what variants repeat (layouts, drill-through quote ids) stored once.

    With one variant per municipality, the 'ikke angivet' cells and the layout would otherwise be
    repeated for every municipality: at national scale that made one chart 19 MB.
    """
    layouts, quote_ids = _Interned(), _Interned()

    def intern_cells(cells: object) -> object:
        if isinstance(cells, list):
            return [intern_cells(cell) for cell in cells]
        return quote_ids.add(cells) if isinstance(cells, str) else cells

    for variant in variants.values():
        variant["layout"] = layouts.add(variant.get("layout", {}))
        for trace in variant.get("data", []):
            if "customdata" in trace:
                trace["customdata"] = intern_cells(trace["customdata"])
    return {"config": CONFIG, "layouts": layouts.values, "quoteIds": quote_ids.values, "variants": variants}


def data_table(table: pd.DataFrame, caption: str) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc(v)}</td>" if j else f'<th scope="row">{esc(v)}</th>' for j, v in enumerate(row)) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return (
        f'<div class="kr-table-wrap"><table class="kr-table"><caption>{esc(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _plot_div(figure_id: str, title: str, min_width: int) -> str:
    plot = f'<div class="kr-plot" id="plot-{esc(figure_id)}" aria-hidden="true"'
    if not min_width:
        return plot + "></div>"
    # A scrolling region must take keyboard focus (WCAG 2.1.1), and then it needs a name.
    return (
        f'<div class="kr-plot-frame" tabindex="0" role="region" aria-label="{esc(title)} (rul vandret for hele figuren)">'
        f'{plot} style="min-width: {int(min_width)}px"></div></div>'
        + (
            f'<p class="kr-scroll-hint">Figuren er {int(min_width)} pixel bred; på en smal skærm rulles den vandret i sin ramme.</p>'
            if min_width > PHONE_TEXT_WIDTH
            else ""
        )
    )


def embed(figure_id: str, title: str, variants: dict[str, Variant], note: str = "", min_width: int = 0) -> Html:
    """A figure whose variants the page filter swaps; the 'alle' variant is what shows first.

    `min_width` (px) keeps a wide chart readable on a phone: it scrolls sideways in its own frame,
    the page does not."""
    first = "alle"
    alts = "".join(f'<p data-variant="{esc(key)}"{"" if key == first else " hidden"}>{esc(v.alt)}</p>' for key, v in variants.items())
    tables = "".join(
        f'<div data-variant="{esc(key)}"{"" if key == first else " hidden"}>{data_table(v.table, title)}</div>'
        for key, v in variants.items()
    )
    payload = shared_payload({key: figure_json(v.figure) for key, v in variants.items()})
    filterable = "true" if len(variants) > 1 else "false"
    # The full text alternative can list dozens of values: screen readers get it as the figure's description,
    # sighted readers the same values in the table below, so it is not shown as a paragraph.
    return Html(
        f'<figure class="kr-figure" id="figur-{esc(figure_id)}" data-kr-filterable="{filterable}" '
        f'aria-labelledby="titel-{esc(figure_id)}" aria-describedby="alt-{esc(figure_id)}">'
        f'<figcaption class="kr-figure-title" id="titel-{esc(figure_id)}">{esc(title)}</figcaption>'
        + _plot_div(figure_id, title, min_width)
        + f'<div class="kr-alt kr-described" id="alt-{esc(figure_id)}"><span class="kr-alt-label">Figuren viser: </span>{alts}</div>'
        + (f'<p class="kr-figure-note">{esc(note)}</p>' if note else "")
        + f'<details class="kr-figure-data"><summary>Vis tallene som tabel</summary>{tables}</details>'
        f'<div class="kr-drill" aria-live="polite" hidden></div>'
        + json_island(payload, "kr-figure-json")
        + "</figure>"
    )
