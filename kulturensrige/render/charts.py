"""The book's charts: the report's four figures rebuilt, and the charts across ingredients and municipalities.

A plotted chart is returned as a model (figures.Chart: each variant's figure data, text alternative and table,
and the labels); a notebook displaying it embeds it, and a printed edition reads it. Filterable ones carry one
variant per view (views.states; for charts of initiatives, only the views with inferred ties on). The figures
that are lists (Figures 2-4) are HTML lists from the start.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from html import escape

import pandas as pd
import plotly.graph_objects as go

from kulturensrige.data import provenance
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import BY_EDITORS, BY_REPORT, NOT_GIVEN, NOT_STATED
from kulturensrige.render import cards, highlight
from kulturensrige.render.figures import (
    INITIATIVE_DRILL,
    MUTED_FILL,
    PALETTE,
    PHONE_TEXT_WIDTH,
    Axes,
    Chart,
    Marks,
    RowLabels,
    Variant,
    figure_json,
    scale_colour,
    styled,
)
from kulturensrige.render.markup import Html, esc
from kulturensrige.render.measure import text_width
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.words import count_word, genitive, listing, month, number, ordinal_word, plural

PATTERNS = ["", "/", ".", "x", "-", "|", "+", "\\"]
# A heatmap's 0 recedes: a faint grey on either theme, and no number in the cell, so the few cells that count stand
# out. The counts are whole, so 1 is past the step (heat_scale).
ZERO_CELL = "rgba(127,127,127,0.12)"
ZERO_STEP = 1e-6


def _plot(texts: Iterable[str]) -> list[str]:
    """plotly.js reads a few HTML tags in labels, so text from data is escaped before it gets there."""
    return [escape(str(t), quote=False) for t in texts]


def _count_axis(title: str | None, maximum: int) -> dict:
    """Counts are whole numbers: ticks at whole steps, never 0,2 or 0,4."""
    return {"title": title, "rangemode": "tozero", "tick0": 0, "dtick": max(1, math.ceil(maximum / 8))}


def _counted(values: Iterable[int | None], singular: str, plural_form: str) -> list[str]:
    """Hover text with the noun agreeing with the number ('1 citat', '2 citater', 'ingen citater'), which a template
    cannot do; it is also the heading a cell's drill-through shows, and says so when the cell holds nothing (0, or
    null: a highlighted bar's empty part, _highlighted)."""
    return [plural(int(v), singular, plural_form) if v else f"ingen {plural_form}" for v in values]


# A heatmap's fixed geometry (px): one column, the margin above the rows and right of them, the gap between a label
# and the plot, and the size of the labels (figures.LAYOUT's font).
HEAT_COLUMN = 26
HEAT_TOP = 10
HEAT_RIGHT = 10
HEAT_PAD = 12
LABEL_SIZE = 14


def _label_width(rows: list[list[str]]) -> int:
    """The row labels' margin: the widest line of the wrapped labels, measured (measure.text_width), and a gap."""
    return math.ceil(max((text_width(line, LABEL_SIZE) for lines in rows for line in lines), default=0)) + HEAT_PAD


def _heatmap_width(labels: int, n_columns: int) -> int:
    """Wide enough for the wrapped row labels and a readable number in each cell: the report's seven
    municipalities and 'Uden kommune' fit a phone (figures.PHONE_TEXT_WIDTH); more columns scroll in the frame."""
    return labels + HEAT_COLUMN * n_columns + HEAT_RIGHT


def _heat_layout(figure: go.Figure, rows: list[list[str]], columns: list[str]) -> go.Figure:
    """Fixed margins (no automargin) and rows as tall as their wrapped labels: then Python knows where each row
    is, and the HTML row labels that stay in view on a phone (figures.RowLabels) sit on their rows. The margins
    are the labels' measured lengths: the municipality names stand on end under their columns (in bold for the
    chosen one), then the axis title."""
    lines = max((len(r) for r in rows), default=1)
    row_height = max(40, 17 * lines + 10)
    names = max((text_width(c, LABEL_SIZE, bold=True) for c in columns), default=0)
    bottom = math.ceil(names) + 2 * LABEL_SIZE + 24
    styled(figure, height=HEAT_TOP + row_height * len(rows) + bottom)
    # No grid: on category axes its lines run through the middle of the cells, seen in the gaps between them.
    plain = {"showgrid": False, "zeroline": False, "automargin": False}
    return figure.update_layout(
        margin={"l": _label_width(rows), "r": HEAT_RIGHT, "t": HEAT_TOP, "b": bottom},
        xaxis={"title": "Kommune", "dtick": 1, "tickangle": -90, **plain},
        yaxis={"autorange": "reversed", **plain},
    )


def _heatmap(
    z: list[list[int]], rows: list[str], columns: list[str], wrap: int, noun: tuple[str, str], ids=None, highest: int | None = None
) -> dict:
    """A heatmap of counts, rows × municipality columns, as plotly's JSON with no column marked (_mark_column). Its
    scale runs from 0 to `highest` (the largest count in any of the chart's views, so one legend serves them all).

    Each theme has its scale (heat_scale), and each cell's count its colour on either: plotly colours a heatmap's
    numbers alike, white or dark grey, which reached 4.5:1 only on part of a scale. So the counts are a text trace
    over the cells, with a colour per cell; the page draws the dark theme's scale and colours from each trace's
    meta.dark (kr-charts.js), and a printed edition the light ones."""
    top = max(1, highest if highest is not None else max((n for row in z for n in row), default=0))
    light, dark = heat_scale("light", top), heat_scale("dark", top)
    x, y = _plot(columns), [_wrap(row, wrap) for row in rows]
    cell = {
        "x": x,
        "y": y,
        "customdata": ids,
        "hovertext": [_counted(counts, *noun) for counts in z],
        "hovertemplate": "%{y} · %{x}: %{hovertext}<extra></extra>",
        # The count is written in every cell, so a colour scale would only take width from a phone.
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
    }
    figure = go.Figure(go.Heatmap(z=z, colorscale=light, zmin=0, zmax=top, meta={"dark": {"colorscale": dark}}, **cell))
    over = [[1 if n > top else None for n in row] for row in z]
    if any(v for row in over for v in row):
        # The cells above the scale, over their clamped colour in one of their own (OVER_SCALE); a gap elsewhere.
        plain = {theme: [[0, colour], [1, colour]] for theme, colour in OVER_SCALE.items()}
        figure.add_heatmap(
            z=over,
            colorscale=plain["light"],
            zmin=0,
            zmax=1,
            hoverongaps=False,
            meta={"dark": {"colorscale": plain["dark"]}, "over": top},
            **cell,
        )
    cells = [(i, j) for i, row in enumerate(z) for j, n in enumerate(row) if n]
    colours = {theme: cell_colours(scale, z, top, OVER_SCALE[theme]) for theme, scale in (("light", light), ("dark", dark))}
    figure.add_scatter(
        x=[x[j] for _, j in cells],
        y=[y[i] for i, _ in cells],
        text=[str(z[i][j]) for i, j in cells],
        mode="text",
        textfont={"color": [colours["light"][i][j] for i, j in cells]},
        hoverinfo="skip",
        showlegend=False,
        meta={"dark": {"textfont": {"color": [colours["dark"][i][j] for i, j in cells]}}},
    )
    return figure_json(_heat_layout(figure, [_lines(row, wrap) for row in rows], columns))


def _labels(data: Dataset, table: str, key: str, column: str = "label") -> dict[str, str]:
    frame = data.tables[table]
    return dict(zip(frame[key], frame[column], strict=True))


def _municipality_variants(data: Dataset, build: Callable[[str, bool], Variant], inferred_switch: bool) -> dict[str, Variant]:
    """A variant for each of the book's views (views.states); a chart the inferred switch cannot change has only the
    views with inferred ties on, and the browser shows it for both (views.nearest_views)."""
    return {key: build(code, inferred) for key, code, inferred in views.states(data) if inferred or inferred_switch}


def unmarked_note(data: Dataset, name: str, include_inferred: bool) -> str:
    """Under "Citater pr. ingrediens" where the chosen municipality has none of its quotes, one clause that says why the
    bars stand as with no choice: where the data tie no quote, that none is tied (its holder the folder's); else that
    none of the figure's quotes is the municipality's, by a stated tie where the switch leaves the inferred out (reader
    24, #2: "(kun citater, hvor kommunen er angivet)" beside "ingen af citaterne" read as a contradiction)."""
    if not views.any_tied(data):
        holder = "Rapporten" if provenance.folder_source(data.options) == BY_REPORT else provenance.folder_words(data.options).subject
        return f"{holder} knytter ingen citater til kommunerne, så søjlerne står, som når ingen kommune er valgt."
    tie = f"er knyttet til {name}" if include_inferred else f"har {name} som angivet kommune"
    return f"Intet citat i figuren {tie}, så søjlerne står, som når ingen kommune er valgt."


def _scope(data: Dataset, code: str, include_inferred: bool) -> str:
    name = filters.municipality_name(data, code)
    return name + ("" if include_inferred or code == filters.ALL else " (kun citater, hvor kommunen er angivet)")


# -- highlighting the chosen municipality -------------------------------------------------------

MUTED = "#8c8c8c"  # the total beside the chosen municipality's bars in a printed edition
MARK = "#D55E00"  # the outline around the chosen column of a heatmap, visible on every colour of the scale
CHOSEN_EDGE = 2  # px: the edge round a bar chart's chosen parts, in MARK (_highlighted)
# Before the chosen column's label. Not plotly's <b>: plotly draws it as a style attribute, which the book's
# Content-Security-Policy blocks (style-src-attr 'none', kulturensrige/render/policy.py).
CHOSEN_LABEL = "▸ "


def _mark_column(figure: dict, labels: list[str], marked: int | None) -> dict:
    """A frame around the chosen column and a mark before its label: every municipality stays, the chosen one stands
    out.

    Only the layout changes: the variants of a heatmap share its traces, and its unmarked figure (plotly's JSON,
    figures.figure_json) is made once and copied here with the keys plotly would add, not rebuilt per variant."""
    if marked is None:
        return figure
    ticks = [CHOSEN_LABEL + label if i == marked else label for i, label in enumerate(labels)]
    layout = figure["layout"]
    xaxis = {**layout["xaxis"], "tickmode": "array", "tickvals": labels, "ticktext": ticks}
    frame = {"color": MARK, "width": 4}
    shape = {"line": frame, "type": "rect", "x0": marked - 0.5, "x1": marked + 0.5, "xref": "x", "y0": 0, "y1": 1, "yref": "paper"}
    return {**figure, "layout": {**layout, "xaxis": xaxis, "shapes": [*layout.get("shapes", []), shape]}}


# A printed edition draws a heatmap's chosen column as bars beside all municipalities' together (edition/editions.py):
# the chosen municipality's bars, and this grey one, hatched so it is not told by colour alone.
ALL_MUNICIPALITIES = "Alle kommuner"
MUTED_MARKER = {"color": MUTED, "pattern": {"shape": "/"}}


# -- quotes × ingredients -----------------------------------------------------------------------


# A hint only a screen can follow: the printed book (edition/editions.py) leaves it out. One wording for a phone's
# tap and a desktop's click.
CLICK_HINT = "Tryk eller klik på en søjle for at se citaterne bag tallet."
CELL_HINT = "Tryk eller klik på en celle for at se citaterne bag tallet."
# The matrix's switch for inferred ties is a control of the page: paper has none (edition/editions.py).
INFERRED_HINT = "Skjuler du de udledte tilknytninger (knappen i kommunevælgeren), flytter de udledte citater over i denne kolonne."
# A table of marks is only on screen: its hint is not part of the chart's note, which a printed edition shows.
MARK_HINT = "Tryk eller klik på et tal for at se indsatserne bag det."
PARTNER_HINT = "Tryk eller klik på en søjle for at se de indsatser, der nævner organisationerne."


def quotes_per_ingredient(data: Dataset) -> Chart:
    """Bars: quotes substantiating each ingredient, stacked by speaker category. With a municipality chosen, the same
    bars and pieces: its quotes first in full colour, every other quote faint behind them (_highlighted). Click a
    bar for its quotes."""
    ingredient_names = _labels(data, "ingredients", "ingredient_id", "name")
    speaker_names = _labels(data, "speaker_categories", "speaker_category_id")
    order = [ingredient_names[i] for i in data.ingredients.sort_values("number")["ingredient_id"]]
    every = statistics.quotes_by_ingredient_and_speaker(data, data.quotes)
    height = _bars_height([ingredient_names[i] for i in every["ingredient_id"].unique()])
    everyone = _by_speaker(data, every, ingredient_names, speaker_names, order, height)
    # The pieces of the bars, in the order of the all-municipalities figure's traces: (category, its cells' quote ids).
    pieces = [
        (str(category), [list(ids) for ids in rows["quote_ids"]])
        for category, rows in every.groupby("speaker_category", sort=False)
        if rows["count"].sum()
    ]
    ingredients = [str(i) for i in every.groupby("ingredient_id", sort=False).groups]
    totals = [sum(len(cells[k]) for _, cells in pieces) for k in range(len(ingredients))]
    tied_ids = {
        inferred: statistics.quote_ids_by_municipality_ingredient_and_speaker(data, views.tied_quotes(data.quotes, inferred))
        for inferred in (True, False)
    }
    said_of = cards.attributed_counter(data)

    def build(code: str, include_inferred: bool) -> Variant:
        if code == filters.ALL:
            return everyone
        name = filters.municipality_name(data, code)
        own = tied_ids[include_inferred]
        mine = [[own.get((code, ingredients[k], category), []) for k in range(len(ingredients))] for category, _ in pieces]
        counts = [sum(len(part[k]) for part in mine) for k in range(len(ingredients))]
        every_ids = [cells for _, cells in pieces]
        figure = _highlighted(everyone.figure, every_ids, mine, ("citat", "citater"), f"knyttet til {name}")
        scope = "" if include_inferred else " (kun citater, hvor kommunen er angivet)"
        title = f"Citater pr. ingrediens, {genitive(name)} citater fremhævet{scope}"

        def detail(k: int) -> str:
            by = [f"{len(part[k])} fra {speaker_names[category]}" for (category, _), part in zip(pieces, mine, strict=True) if part[k]]
            return f" ({', '.join(by)})" if by else ""

        alt = (
            f"Antal citater, der underbygger hver ingrediens, fordelt på talerens gruppe, med de citater, der er knyttet til "
            f"{_scope(data, code, include_inferred)}, fremhævet i fuld farve forrest i søjlerne og de øvrige citater dæmpede: "
            + "; ".join(
                f"{ingredient_names[i]}: {plural(total, 'citat', 'citater')}, heraf {number(mine_n)} knyttet til {name}{detail(k)}"
                for k, (i, total, mine_n) in enumerate(zip(ingredients, totals, counts, strict=True))
            )
            + "."
        )
        # Each ingredient's quotes and the municipality's part of them; the speaker groups are in the text above.
        # How firmly the municipality's quotes are tied says itself in each cell ("1, udledt af redaktionen").
        tied = [said_of(q for part in mine for q in part[k]) for k in range(len(ingredients))]
        # The chosen municipality's column last, as in every chart's table that marks one. The totals are every
        # municipality's, and the heading says so: a download named after Køge held them unsaid (the s22 reading, #9).
        table = pd.DataFrame(
            {"Ingrediens": [ingredient_names[i] for i in ingredients], ALL_MUNICIPALITIES_TOTAL: totals}
            | _others_ties(data, ingredients)
            | {f"Heraf {name} (fremhævet)": tied}
        )
        marks = (*[""] * (len(table.columns) - 1), code)
        mine_total = len({q for part in mine for cell in part for q in cell})
        if not mine_total:
            # Dimming sets off what is marked: with nothing to mark, the bars stand as with no choice (reader 18, #2:
            # every bar greyed, "alle står dæmpede").
            said = unmarked_note(data, name, include_inferred)
            if not views.any_tied(data):
                # Where the data tie no quote, a column of the municipality's zeros marks nothing (issue 22): the table
                # goes without it. (Not the no-choice table: its column per speaker group made a municipality's edition
                # too wide for A4, and Chromium shrank every page to 7 pt.)
                table = table.drop(columns=table.columns[-1])
                marks = ("",) * len(table.columns)
            return Variant(everyone.figure, everyone.alt, table, marks, said)
        said = (
            f"{genitive(name)} {'ene citat' if mine_total == 1 else f'{number(mine_total)} citater'} står i fuld farve forrest i "
            "søjlerne, de øvrige "
            "citater dæmpede bag dem; søjlerne og talerens grupper er de samme som uden valgt kommune."
        )
        return Variant(figure, alt, table, marks, said, title)

    return Chart(
        "citater-pr-ingrediens",
        "Citater pr. ingrediens",
        _counts_marked(data, "citater-pr-ingrediens", _municipality_variants(data, build, inferred_switch=True)),
        notes=(
            provenance.chart_parts(data.options, "citater-pr-ingrediens", provenance.data_reasons(data.tables)),
            ingredient_ties_note(data),
            f"{CLICK_HINT} En replik i en ordveksling tæller som ét citat.",
        ),
        drill_note=cards.drill_note(data),
    )


# The total column of a table offered for one municipality that counts every municipality's quotes.
ALL_MUNICIPALITIES_TOTAL = "I alt, alle kommuner"


def _counts_marked(data: Dataset, figure_id: str, variants: dict[str, Variant]) -> dict[str, Variant]:
    """The variants with each plain column of counts saying whose count it is ('Køge (redaktionens optælling)',
    provenance.count_heading): the page's table and a PDF's table show the same headings; the CSV download says it once
    per row where every column is the editors' (provenance.download_table, with the chart's words, `whose`). The first
    column names the rows, and a column whose heading already says something in brackets keeps it. Variants that
    share one table keep sharing it (figures.Chart shows a shared table once)."""
    renamed: dict[int, pd.DataFrame] = {}

    def marked(table: pd.DataFrame) -> pd.DataFrame:
        if id(table) not in renamed:
            columns = {c: provenance.count_heading(data.options, figure_id, str(c)) for c in table.columns[1:] if "(" not in str(c)}
            renamed[id(table)] = table.rename(columns=columns)
        return renamed[id(table)]

    whose = provenance.chart_label(data.options, figure_id)  # the download's column says it where all are the editors'
    return {key: replace(v, table=marked(v.table), whose=whose) for key, v in variants.items()}


def ingredient_ties_note(data: Dataset) -> str:
    """Whose the counted ties between quotes and ingredients are, from the one quote tally: 'Et citat, der underbygger
    flere ingredienser, tælles ved hver af dem: bogen tæller 31 citater, som rapporten bruger …; redaktionen knytter 1 citat til dem
    (en læsning, ikke rapportens).'"""
    tally = statistics.quote_tally(data)
    said = provenance.ingredient_ties(tally.ties_by_source(), "ingredienserne", quotes=tally.quotes_by_source)
    return f"Et citat, der underbygger flere ingredienser, tælles ved hver af dem: {said[0].lower()}{said[1:]}" if said else ""


def _others_ties(data: Dataset, ingredient_ids: list[str]) -> dict[str, list[int]]:
    """The columns a figure's table adds so that its download says what its note says: per ingredient, how many of its
    quotes are tied to it by another than the report ('Heraf koblet af redaktionen (redaktionens læsning, ikke
    rapportens)'). Only in the report's own data folder: in any other, every tie is the folder's, as kilder.csv says."""
    if provenance.folder_source(data.options) != BY_REPORT:
        return {}
    quotes = data.quotes
    editors = quotes[quotes["ingredient_tie"] == BY_EDITORS]
    if editors.empty:
        return {}
    heading = f"Heraf koblet af redaktionen ({provenance.ingredient_tie(BY_EDITORS)})"
    return {heading: [int(editors["ingredient_ids"].map(lambda ids, i=i: i in ids).sum()) for i in ingredient_ids]}


# The part of a bar that is not the chosen municipality's: its own colour and pattern, faint. Faint toward the page's
# background, which is not the same in the two themes (pydata-sphinx-theme's --pst-color-background), so each theme
# gets its own muted marker; kr-charts.js draws the dark one from the trace's meta. Its fill is a light tint that
# recedes in every colour (MUTED_FILL); its outline and pattern are the faintest form of the colour that still stands
# MUTED_CONTRAST from the background (muted), so the part stays in view. A fill that itself had to stand 1.7:1 from
# white left orange and yellow at 80% of their colour, and the highlight did not read.
THEME_BACKGROUNDS = {"light": "#ffffff", "dark": "#14181e"}
# On the dark page WCAG 1.4.11's 3:1 for a graphic that carries meaning: the other municipalities' bars are read, not
# decoration, and at 1.7:1 their outlines all but vanished (#0a4568 on #14181e; reader 22). On white, orange, yellow
# and sky blue fall short of 3:1 at full colour, so a muted form could not reach it; there the outline keeps 1.7:1.
MUTED_CONTRAST = {"light": 1.7, "dark": 3.0}
# How far a muted part's fill stands from the page at least. On white a 22 % tint reads as the colour, faint; on the dark
# page the same share stood 1.05-1.5:1 and the bars read as missing, outlines without a body (issue 22, second phone
# review): there the fill takes as much more of its colour as it needs to stand 1.8:1, below its 3:1 outline, and stays
# MUTED_DISTANCE (CIE76) from its full colour and nearer the page than it, greyed as far as that needs (the blue, dark
# itself, turns grey-blue), so the chosen part still stands out.
MUTED_FILL_CONTRAST = {"light": 1.0, "dark": 1.8}
MUTED_DISTANCE = 35
# Where a colour is itself too close to a background (yellow on white, black on the dark theme), it turns grey first.
MUTED_GREY = "#8c8c8c"
MUTED_SHARES = [0.3 + 0.05 * i for i in range(11)]  # how much of the colour is left, from 30% to 80%


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _mix(a: str, b: str, share: float) -> str:
    """`share` of colour a, the rest of b, as '#rrggbb'."""
    return "#" + "".join(f"{round(share * x + (1 - share) * y):02x}" for x, y in zip(_rgb(a), _rgb(b), strict=True))


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two '#rrggbb' colours."""

    def luminance(colour: str) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@functools.cache
def muted(colour: str, theme: str = "light") -> str:
    """A '#rrggbb' colour's muted form on a theme's background: the least of it (greyed only if it must be) that stands
    MUTED_CONTRAST[theme] from the background. Worked out once per colour: a national chart's 196 variants mute the same
    few colours 3,000 times."""
    background = THEME_BACKGROUNDS[theme]
    for grey in (0.0, 0.5, 1.0):
        base = _mix(MUTED_GREY, colour, grey)
        for share in MUTED_SHARES:
            if contrast(candidate := _mix(base, background, share), background) >= MUTED_CONTRAST[theme]:
                return candidate
    return _mix(MUTED_GREY, background, MUTED_SHARES[-1])


def _lab(colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of '#rrggbb': how far apart two colours look (CIE76 distance)."""
    linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in _rgb(colour)]
    x, y, z = (
        sum(w * c for w, c in zip(row, linear, strict=True))
        for row in ((0.4124, 0.3576, 0.1805), (0.2126, 0.7152, 0.0722), (0.0193, 0.1192, 0.9505))
    )
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x / 0.9505, y, z / 1.089)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def distance(a: str, b: str) -> float:
    """CIE76: the Euclidean distance of two colours in L*a*b*."""
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


@functools.cache
def muted_fill(colour: str, theme: str = "light") -> str:
    """A muted part's fill: MUTED_FILL of its colour over the theme's background, or on the dark page the least more
    of it, greyed as far as it must be, that stands MUTED_FILL_CONTRAST from the page and still recedes from its colour
    (MUTED_DISTANCE from it, nearer the page). A colour that cannot (black, darker than the dark page) gets the
    faintest grey that stands out so far."""
    background = THEME_BACKGROUNDS[theme]
    shares = [MUTED_FILL + 0.02 * i for i in range(30)]
    for grey in (0.0, 0.25, 0.5, 0.75, 1.0):
        base = _mix(MUTED_GREY, colour, grey)
        for share in shares:
            candidate = _mix(base, background, share)
            if contrast(candidate, background) < MUTED_FILL_CONTRAST[theme]:
                continue
            if distance(candidate, colour) >= MUTED_DISTANCE and distance(candidate, background) < distance(candidate, colour):
                return candidate
            break  # more of this colour only comes nearer to it: grey it further
    greys = (_mix(MUTED_GREY, background, share) for share in shares)
    return next((g for g in greys if contrast(g, background) >= MUTED_FILL_CONTRAST[theme]), MUTED_GREY)


def muted_marker(marker: dict, theme: str = "light") -> dict:
    """A muted part's marker on a theme's background: a light tint of its colour inside an outline, its pattern
    drawn in the outline's colour (plotly's default foreground, dark grey, made a faint part look full)."""
    colour = marker["color"]
    edge = muted(colour, theme)
    faint = {**marker, "color": muted_fill(colour, theme), "line": {"color": edge, "width": 1}}
    if marker.get("pattern"):
        faint["pattern"] = {**marker["pattern"], "fgcolor": edge}
    return faint


def pattern_foreground(colour: str) -> str:
    """plotly's pattern colour on a full-coloured bar (fillmode 'replace'): white on a dark colour, else dark grey
    (tinycolor's isDark). Set on the trace, so the HTML legend's swatch (figures.Legend) draws the same."""
    r, g, b = _rgb(colour)
    return "#ffffff" if (r * 299 + g * 587 + b * 114) / 1000 < 128 else "#444444"


# A heatmap's counts on each theme, from the colour of a 1 to that of the highest count: ColorBrewer's Blues (one hue,
# its lightness telling the count, which reads with the common colour-vision deficiencies). On the light page more is
# darker, on the dark page more is lighter: in both, 0 recedes (ZERO_CELL) and the higher a count, the further its cell
# stands from the page. One scale for both themes had the highest counts in navy on the dark page, beside its zeros
# (a fifth new reader's review, finding 1).
HEAT_STOPS = {
    "light": ("#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"),
    "dark": ("#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7"),
}
# A count above a heatmap's scale (the 'Uden kommune' column's, charts.ingredient_municipality_matrix) in a colour of its
# own on each theme, apart from the Blues: ColorBrewer's Purples, dark on the light page and light on the dark one.
OVER_SCALE = {"light": "#54278f", "dark": "#bcbddc"}
# What the colour means, in the chart's note: the same words hold on either theme.
HEAT_NOTE = (
    "Farven gentager tallet i cellen: jo flere citater, jo tydeligere står cellen frem fra siden (mørkere på lys "
    "baggrund, lysere på mørk), og en celle med 0 er svagt grå og uden tal."
)


def heat_scale(theme: str, highest: int) -> list[list]:
    """A theme's colour scale for counts from 0 to `highest`: 0 the faint ZERO_CELL, 1 the first of the theme's
    HEAT_STOPS and `highest` the last, the stops evenly between (plotly interpolates between them)."""
    stops = HEAT_STOPS[theme]
    first = 1 / max(1, highest)
    if highest <= 1:
        return [[0.0, ZERO_CELL], [ZERO_STEP, stops[-1]], [1.0, stops[-1]]]
    last = len(stops) - 1
    # The last stop at exactly 1: a sum that fell short of it left the highest count past the scale's end.
    return [[0.0, ZERO_CELL], [ZERO_STEP, stops[0]]] + [
        [first + (1 - first) * i / last if i < last else 1.0, c] for i, c in enumerate(stops)
    ]


def cell_text(background: str) -> str:
    """The count's colour on a cell: black or white, whichever stands further from it (at least 4.58:1 on any
    colour, above the 4.5:1 WCAG AA asks of text)."""
    return "#000000" if contrast(background, "#000000") >= contrast(background, "#ffffff") else "#ffffff"


def _hex(colour: str) -> str:
    """plotly's 'rgba(r,g,b,a)' (figures.scale_colour) as '#rrggbb'."""
    if colour.startswith("#"):
        return colour
    red, green, blue = (round(float(v)) for v in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


def cell_colours(scale: list[list], z: list[list[int]], highest: int, over: str) -> list[list[str]]:
    """Each non-zero cell's text colour on a scale (cell_text), or on the colour `over` it (OVER_SCALE); '' for a 0,
    which has no text."""
    return [[cell_text(over if n > highest else _hex(scale_colour(scale, n, 0, highest))) if n else "" for n in row] for row in z]


def _highlighted(figure: dict, every: list[list[list[str]]], mine: list[list[list[str]]], noun: tuple[str, str], chosen: str) -> dict:
    """A stacked bar chart (plotly's JSON, figures.figure_json) with one municipality's part of every piece marked:
    the same bars, pieces, colours and legend, each piece split in two, its chosen part first in full colour and the
    rest faint behind all of them. `every`: per trace, per bar, the ids of what it counts; `mine`: the chosen
    municipality's among them, which the marked part's drill-through shows; `chosen` ends the marked part's hover
    text ('1 citat knyttet til Egedal').

    Made from the unmarked figure's traces, not by plotly: a national chart has 198 variants. An empty part says only
    'ingen citater' (it has no bar to hover or click), so its drill-through cell is the same in every variant. Its
    length is null, not 0: plotly leaves it out, where a zero-length bar could still be tapped on a phone and showed
    a raw '‑0.500' for a label."""

    def said(parts: list[list[str]], whose: str) -> list[str]:
        return [f"{t} {whose}" if part else t for t, part in zip(_counted([len(p) for p in parts], *noun), parts, strict=True)]

    marked, faint = [], []
    for trace, cells, parts in zip(figure["data"], every, mine, strict=True):
        # Most parts are empty (a municipality's share of a few bars): their rest is the whole cell, copied, not sifted.
        rest = [[q for q in cell if q not in chosen] if chosen else list(cell) for cell, chosen in zip(cells, map(set, parts), strict=True)]
        common = {**trace, "legendgroup": trace.get("name", "")}
        if any(parts):
            # The chosen part's edge in the book's one highlight colour (MARK, the pages' --kr-chosen-edge): on the
            # dark page its full colour and the muted rest (a 3:1 graphic) were two greens hard to tell apart (issue 22).
            edged = {**trace.get("marker", {}), "line": {"color": MARK, "width": CHOSEN_EDGE}}
            marked.append(
                {**common, "x": [len(p) or None for p in parts], "customdata": [" ".join(p) for p in parts],
                 "hovertext": said(parts, chosen), "marker": edged}
            )  # fmt: skip
        else:  # only its legend entry (plotly leaves a trace without points out): most parts are empty
            keep = {k: v for k, v in common.items() if k not in ("customdata", "hovertext", "hovertemplate")}
            marked.append({**keep, "x": [0], "y": trace["y"][:1], "hoverinfo": "skip"})
        # The faint part says and opens what the whole piece does unmarked (its count, all its quotes, the chosen
        # municipality's among them): its drill-through cell is then the same in every variant. Cells of every other
        # quote of a piece, per municipality, came to 1,021 side islands on the national ingredient overview.
        faint.append(
            {**common, "x": [len(r) or None for r in rest], "showlegend": False,
             "marker": muted_marker(trace["marker"]),
             "meta": {"muted": {"dark": muted_marker(trace["marker"], "dark")}}}
        )  # fmt: skip
    return {**figure, "data": marked + faint}


# A legend entry's lines, in characters: with its symbol it fits a 320 px phone's 272 px chart.
LEGEND_LINE = 24


BAR_LABEL_WIDTH = 16
HOVER_LINE = 40  # a hover's lines, in characters: a whole name in it is wrapped, never one line off a phone's screen


def _bar_label(text: str) -> str:
    """A bar's label, escaped and wrapped: plotly's automargin gives a long label the width a narrow phone needs
    for the bars, and then cuts it."""
    return _wrap(text, BAR_LABEL_WIDTH)


def _hover_names(names: list[str]) -> tuple[dict, str]:
    """The bars' own text and how the hover names a bar: by its label (%{y}) where every label is whole, else by its
    whole name, the bar's text, which is not drawn: the hover then says what a cut label leaves out, and a chart
    whose labels are whole carries no second copy of them."""
    if all(len(_lines(name, BAR_LABEL_WIDTH, most=len(name) + 1)) <= MAX_LABEL_LINES for name in names):
        return {}, "%{y}"
    return {"text": [_wrap_whole(name, HOVER_LINE) for name in names], "textposition": "none"}, "%{text}"


def _bars_height(labels: list[str]) -> int:
    """A horizontal bar chart's height: room for each bar and its wrapped label (45 px, or a line's 17 px more for
    each line past two), and the count axis under them. The legend is HTML above the plot (figures.Legend), so it
    takes none of it."""
    lines = max((len(_lines(label, BAR_LABEL_WIDTH)) for label in labels), default=1)
    return max(260, 150 + max(45, 17 * lines + 11) * len(labels))


def _by_speaker(data: Dataset, counts: pd.DataFrame, ingredient_names: dict, speaker_names: dict, order: list[str], height: int) -> Variant:
    """The all-municipalities view: each ingredient's quotes stacked by speaker category."""
    figure = go.Figure()
    for n, (category, rows) in enumerate(counts.groupby("speaker_category", sort=False)):
        if rows["count"].sum() == 0:
            continue
        whole, named = _hover_names([ingredient_names[i] for i in rows["ingredient_id"]])
        figure.add_bar(
            **whole,
            y=[_bar_label(ingredient_names[i]) for i in rows["ingredient_id"]],
            x=rows["count"].tolist(),
            name=_plot([speaker_names[category]])[0],
            orientation="h",
            marker_color=PALETTE[n % len(PALETTE)],
            # Colour and pattern together; past eight categories the pattern shifts so none look alike.
            marker_pattern_shape=PATTERNS[(n + n // len(PALETTE)) % len(PATTERNS)],
            marker_pattern_fgcolor=pattern_foreground(PALETTE[n % len(PALETTE)]),
            customdata=[" ".join(ids) for ids in rows["quote_ids"]],
            hovertext=_counted(rows["count"], "citat", "citater"),
            hovertemplate=f"{named}<br>%{{fullData.name}}: %{{hovertext}}<extra></extra>",
        )
    styled(figure, height=height).update_layout(
        barmode="stack",
        legend_title_text="Talerens gruppe",
        xaxis=_count_axis("Antal citater", int(counts.groupby("ingredient_id")["count"].sum().max())),
        yaxis={"title": "Ingrediens", "categoryorder": "array", "categoryarray": [_bar_label(n) for n in order[::-1]]},
    )
    parts = []
    for ingredient_id, total in counts.groupby("ingredient_id", sort=False)["count"].sum().items():
        by = counts[(counts["ingredient_id"] == ingredient_id) & (counts["count"] > 0)]
        detail = ", ".join(f"{r['count']} fra {speaker_names[r['speaker_category']]}" for _, r in by.iterrows())
        parts.append(f"{ingredient_names[ingredient_id]}: {plural(int(total), 'citat', 'citater')}" + (f" ({detail})" if detail else ""))
    alt = "Antal citater, der underbygger hver ingrediens, for alle kommuner, fordelt på talerens gruppe: " + "; ".join(parts) + "."
    table = counts.pivot_table(index="ingredient_id", columns="speaker_category", values="count", sort=False, fill_value=0).astype(int)
    table = table.loc[:, table.sum() > 0]
    table["I alt"] = table.sum(axis=1)
    for heading, tied_by_others in _others_ties(data, list(table.index)).items():
        table[heading] = tied_by_others
    # The speaker groups are the editors' division of the roles: each column's heading says so, as the note does.
    grouped = {c: provenance.heading(data.options, speaker_names[c], "quotes.speaker_category") for c in speaker_names}
    table = table.rename(index=ingredient_names, columns=grouped)
    return Variant(figure_json(figure), alt, table.reset_index().rename(columns={"ingredient_id": "Ingrediens"}))


def choice_in_quotes_per_ingredient(data: Dataset) -> Html:
    """What a choice of municipality does to "Citater pr. ingrediens", web only: said only where the data tie some
    quote to a municipality (views.any_tied), and the switch only where some tie is inferred (views.switchable)."""
    if not views.any_tied(data):
        return Html("")
    said = (
        "Vælger du en kommune i filteret, står kommunens citater i fuld farve forrest i de samme søjler og de øvrige citater "
        "dæmpede bag dem, og intet forsvinder fra figuren"
    )
    if views.switchable(data):
        said += f"; slår du „{highlight.SWITCH_LABEL}“ fra, regnes kun de citater med til kommunen, hvis kommune er angivet, ikke udledt"
    return Html(f'<p class="kr-web-only">{esc(said)}.</p>')


# Said over the matrix of ingredients and municipalities, where the data tie some quote to a municipality.
MATRIX_LEAD = (
    "Under matricen står, hvor mange citater der er knyttet til en kommune, og hvem der har knyttet dem. Står de fleste i "
    "kolonnen „Uden kommune“, viser matricen mest, hvor lidt citaterne alene kan sige om den enkelte kommune – og det er "
    "en vigtig pointe i sig selv."
)


MATRIX_ID = "ingrediens-kommune"  # the matrix's figure id, as ingredient_municipality_matrix draws it


def figures_not_drawn(data: Dataset) -> frozenset[str]:
    """The figures no page draws, nor offers as a download: the matrix of ingredients by municipality where the data
    tie no quote to any municipality (only its "Uden kommune" column would have numbers)."""
    return frozenset() if views.any_tied(data) else frozenset({MATRIX_ID})


def ingredients_and_municipalities(data: Dataset) -> Html:
    """The matrix of ingredients by municipality under its lead, or nothing where it is not drawn (figures_not_drawn):
    the filter's panel says that no quote is tied (cards.untied_said), and a section of the overview said it again
    (reader 24, #2)."""
    if MATRIX_ID in figures_not_drawn(data):
        return Html("")
    return Html(f"<p>{esc(MATRIX_LEAD)}</p>{ingredient_municipality_matrix(data)._repr_html_()}")


def ingredient_municipality_matrix(data: Dataset) -> Chart:
    """Heatmap: ingredient × municipality with the 'ikke angivet' column; every column always, the chosen one framed."""
    ingredient_names = _labels(data, "ingredients", "ingredient_id", "name")
    municipality_names = {**_labels(data, "municipalities", "kommunekode", "name"), statistics.NOT_STATED_COLUMN: UNTIED_COLUMN}
    columns = list(data.municipalities["kommunekode"])
    counted: dict[bool, dict] = {}
    # One colour scale for both positions of the switch (its legend is the chart's, figures.Legend), up to the
    # municipalities' own highest count: 'Uden kommune' (1,295 in national data) flattened every municipality's cell.
    highest = max(
        int(max(matrix.loc[matrix["column"] != statistics.NOT_STATED_COLUMN, "count"], default=0))
        for inferred in (True, False)
        for matrix in [statistics.ingredient_municipality_matrix(data, views.tied_quotes(data.quotes, inferred), columns)]
    )
    said_of = cards.attributed_counter(data)

    def count(include_inferred: bool) -> dict:
        """The matrix for one position of the switch, computed once and shared by every municipality's variant."""
        if include_inferred not in counted:
            # Without inferred ties, those quotes count with the quotes no one ties: under 'Uden kommune'.
            matrix = statistics.ingredient_municipality_matrix(data, views.tied_quotes(data.quotes, include_inferred), columns)
            cells = {(m.ingredient_id, m.column): m for m in table_rows(matrix)}
            rows, cols = list(dict.fromkeys(matrix["ingredient_id"])), list(dict.fromkeys(matrix["column"]))
            z = [[int(cells[r, c].count) for c in cols] for r in rows]
            ids = [[" ".join(cells[r, c].quote_ids) for c in cols] for r in rows]
            # A municipality's cell says how firmly its quotes are tied ("1, udledt af redaktionen"), as the note does.
            cells_said = [
                [said_of(ids[i][j].split()) if col != statistics.NOT_STATED_COLUMN else number(z[i][j]) for j, col in enumerate(cols)]
                for i in range(len(rows))
            ]
            table = pd.DataFrame(cells_said, index=[ingredient_names[r] for r in rows], columns=[municipality_names[c] for c in cols])
            for heading, tied_by_others in _others_ties(data, rows).items():
                table[heading] = tied_by_others
            labels = _plot(municipality_names[col] for col in cols)
            names = [ingredient_names[r] for r in rows], [municipality_names[col] for col in cols]
            counted[include_inferred] = {
                "rows": rows, "cols": cols, "z": z, "table": table.reset_index(names="Ingrediens"),
                "labels": labels, "figure": _heatmap(z, *names, 12, ("citat", "citater"), ids, highest),
                "summary": _matrix_summary(data, ids, include_inferred),
            }  # fmt: skip
        return counted[include_inferred]

    def build(code: str, include_inferred: bool) -> Variant:
        c = count(include_inferred)
        rows, cols, z, summary = c["rows"], c["cols"], c["z"], c["summary"]
        marked = cols.index(code) if code in cols else None
        figure = _mark_column(c["figure"], c["labels"], marked)
        if marked is None:
            cells = "; ".join(
                f"{ingredient_names[r]}: " + ", ".join(f"{municipality_names[col]} {z[i][j]}" for j, col in enumerate(cols))
                for i, r in enumerate(rows)
            )
            alt = f"{summary} {cells}."
        else:
            mine = ", ".join(f"{ingredient_names[r]} {z[i][marked]}" for i, r in enumerate(rows))
            alt = f"{municipality_names[code]} er fremhævet: {mine}. {summary} Alle kommuners tal står i tabellen."
        extra = [""] * (len(c["table"].columns) - 1 - len(cols))  # the columns of others' ties mark no municipality
        marks = ("", *(col if col != statistics.NOT_STATED_COLUMN else "" for col in cols), *extra)
        empty = [col for j, col in enumerate(cols[:-1]) if not any(row[j] for row in z)]
        said = _why_no_quotes(data, empty, include_inferred, None if marked is None else code)
        return Variant(figure, alt, c["table"], marks, said)

    shown = count(True)
    row_labels = RowLabels("Ingrediens", [_lines(ingredient_names[r], 12) for r in shown["rows"]])
    return Chart(
        "ingrediens-kommune",
        "Citater pr. ingrediens og kommune",
        _counts_marked(data, "ingrediens-kommune", _municipality_variants(data, build, inferred_switch=True)),
        notes=(
            provenance.chart_parts(data.options, "ingrediens-kommune", provenance.data_reasons(data.tables)),
            ingredient_ties_note(data),
            f"Kolonnen „{UNTIED_COLUMN}“ viser de citater, der {_untied_verb(data)}.",
            HEAT_NOTE,
            *_over_note(shown["figure"]),
            f"{INFERRED_HINT} {CELL_HINT}",
        ),
        min_width=_heatmap_width(_label_width(row_labels.rows), len(data.municipalities) + 1),
        row_labels=row_labels,
        axes=Axes(
            [ingredient_names[r] for r in shown["rows"]],
            [municipality_names[c] for c in shown["cols"]],
            [c if c != statistics.NOT_STATED_COLUMN else "" for c in shown["cols"]],
        ),
        drill_note=cards.drill_note(data),
    )


def _matrix_summary(data: Dataset, ids: list[list[str]], include_inferred: bool) -> str:
    """The heatmap's words on how its quotes are tied, the same in every municipality's view of one position of the
    switch (made once for it: at national scale 98 views each looked the quotes up among all 10,000 rows). `ids`:
    per ingredient, per column, the quote ids of the cell; the last column is the untied one."""
    # Distinct quotes: one that substantiates two ingredients sits in two cells.
    not_stated = len({i for row in ids for i in row[-1].split()})
    attributed = {i for row in ids for cell in row[:-1] for i in cell.split()}
    # Whose ties they are, in the words of kulturensrige/data/provenance.py.
    tie_labels = attribution.labels(data.options)
    levels = Counter(data.quotes.loc[data.quotes["quote_id"].isin(attributed), "attribution"].tolist())
    how = ", ".join(f"{number(n)} {tie_labels[level]}" for level, n in provenance.tie_levels(levels))
    tied = f"{plural(len(attributed), 'citat', 'citater')} knyttet til en kommune ({how})" if how else "ingen knyttet til en kommune"
    # Whose silence the column is (provenance.untied): no one's tie, and with the switch off the editors' set aside.
    untied_ids = {i for row in ids for i in row[-1].split()}
    set_aside = int(data.quotes.loc[data.quotes["quote_id"].isin(untied_ids), "attribution"].eq("inferred").sum())
    without = plural(not_stated, "citat", "citater")
    if set_aside:
        without += (
            f" står uden kommune ({number(not_stated - set_aside)} {provenance.untied(data.options)}, "
            f"{number(set_aside)} {tie_labels['inferred']}, men de udledte tilknytninger er slået fra)"
        )
    else:
        without += f" har ingen kommune ({provenance.untied(data.options)})"
    return (
        f"Citater pr. ingrediens og kommune, alle kommuner{'' if include_inferred else ', uden udledte tilknytninger'}. "
        f"Af de citater, der underbygger en ingrediens, er {tied}, og {without}."
    )


def _over_note(figure: dict) -> list[str]:
    """What a heatmap's cells above its scale mean, where it has any (_heatmap): the scale ends at the
    municipalities' own highest count, so their cells keep their colours apart."""
    over = [t["meta"]["over"] for t in figure["data"] if "over" in (t.get("meta") or {})]
    if not over:
        return []
    high = number(over[0])
    note = (
        f"Skalaen går til {high}, kommunernes højeste tal. Celler over {high} (i „{UNTIED_COLUMN}“) står uden for "
        "skalaen i en lilla farve for sig, så kommunernes tal kan skelnes fra hinanden."
    )
    return [note]


# The matrix's column of quotes no one ties to a municipality: not 'Ikke angivet', which read as the report's silence
# alone, while the editors' ties stand in the municipalities' columns.
UNTIED_COLUMN = "Uden kommune"


def _untied_verb(data: Dataset) -> str:
    """provenance.untied as a relative clause goes on: 'hverken er angivet i rapporten eller udledt af redaktionen'."""
    return provenance.untied(data.options).replace("hverken ", "hverken er ", 1)


def _empty_reason(data: Dataset, code: str, include_inferred: bool) -> tuple[str, int, str, str]:
    """Why a municipality's column of quotes per ingredient is empty, from the data: no quote is tied to it, its
    only ties are inferred ones the switch sets aside, or its quotes stand outside the ingredient list. Returns the
    reason, the number of quotes, how they are tied and the sections they stand in, in the words of the folder's
    source ('rapportens afsnit »Aktionslæring«'; equal for equal reasons)."""
    tied = data.quotes.loc[views.tied_quotes(data.quotes, include_inferred)["kommunekode"] == code]
    if tied.empty:
        every = data.quotes.loc[views.tied_quotes(data.quotes, True)["kommunekode"] == code]
        return ("set aside", len(every), "", "") if len(every) else ("none", 0, "", "")
    labels = attribution.labels(data.options)
    levels = tied["attribution"].value_counts()
    how = labels[str(levels.index[0])] if len(levels) == 1 else listing([f"{number(int(n))} {labels[str(a)]}" for a, n in levels.items()])
    titles = [filters.section_title_quoted(data, s) for s in dict.fromkeys(tied.sort_values("position")["section_id"])]
    return "outside", len(tied), how, provenance.in_sections(data.options, titles)


def _why_empty(data: Dataset, reason: tuple[str, int, str, str], names: list[str]) -> str:
    """One sentence for the municipalities whose columns are empty for one reason; 'kommunen' for one chosen."""
    kind, n, how, sections = reason
    who = listing(names) if names else "kommunen"
    said = provenance.words(attribution.source(data.options))
    if kind == "none":
        text = attribution.none_tied(attribution.source(data.options), who, bool(statistics.quote_tally(data).stated), data.withheld)
    elif kind == "set aside":
        if names:
            owners = f"{listing([genitive(name) for name in names])} citater er alle"
        else:
            owners = (
                "kommunens eneste citat er"
                if n == 1
                else f"kommunens {number(n)} citater er begge"
                if n == 2
                else f"kommunens {number(n)} citater er alle"
            )
        text = f"{owners} {said.inferred}, og de udledte tilknytninger er slået fra."
    else:
        each_ = "hver " if len(names) > 1 else ""
        text = (
            f"{who} har {each_}{plural(n, 'citat', 'citater')}, {how}, men {'det' if n == 1 else 'de'} står i {sections} "
            "og underbygger ingen ingrediens."
        )
    return text[0].upper() + text[1:]


def _why_no_quotes(data: Dataset, empty: list[str], include_inferred: bool, chosen: str | None) -> str:
    """What the page says under the matrix about its empty columns, in every view: the chosen municipality's first,
    then every other empty column by name (a view with a municipality chosen said only the chosen one's, and the others
    stood empty without a word, a fifth new reader's review, finding 4); '' where no column is empty."""
    lead, others = "", list(empty)
    if chosen is not None and chosen in empty:
        name = filters.municipality_name(data, chosen)
        lead = f"{genitive(name)} kolonne er tom. {_why_empty(data, _empty_reason(data, chosen, include_inferred), [])}"
        others.remove(chosen)
    if not others:
        return lead
    groups: dict[tuple[str, int, str, str], list[str]] = {}
    for code in others:
        kind, n, how, sections = _empty_reason(data, code, include_inferred)
        # Set aside, the count is not said for a group: municipalities with any number of inferred ties share it.
        reason = (kind, 0 if kind == "set aside" else n, how, sections)
        groups.setdefault(reason, []).append(filters.municipality_name(data, code))
    many = count_word(len(others))
    if lead:
        count = "Én anden kolonne er også tom." if len(others) == 1 else f"{many.capitalize()} andre kolonner er også tomme."
    else:
        count = "Én kolonne er tom." if len(others) == 1 else f"{many.capitalize()} kolonner er tomme."
    return " ".join(filter(None, [lead, count, *(_why_empty(data, reason, names) for reason, names in groups.items())]))


# -- initiatives × vocabularies -----------------------------------------------------------------


# The last sentence of a municipality's view of a table of initiatives per vocabulary item: the table has every column.
ALL_COLUMNS = "Alle kommuners kolonner står i tabellen."


def _no_marks(data: Dataset, code: str, cols: list[str], table: pd.DataFrame, missing: str) -> str:
    """Why a municipality has no marks in a table of initiatives per vocabulary item, from the data: its initiatives
    have none of the items (listed by title), or the data has no initiative of it at all; '' where it has marks."""
    name = filters.municipality_name(data, code)
    if code not in cols:
        holder = provenance.words(provenance.folder_source(data.options)).holder
        return f"{name} har ingen kolonne: {holder} beskriver ingen indsatser i kommunen."
    if table[code].sum():
        return ""
    own = data.initiatives.loc[data.initiatives["kommunekode"] == code]
    # An editors' title carries its short mark where a sentence names it, as on its card (ADR 61, 81).
    titles = [cards.title_in_text(data, r) for r in own.sort_values("position").itertuples()]
    counted = statistics.count_initiatives(own)
    what = "kommunens eneste indsats" if counted == 1 else f"kommunens {number(counted)} indsatser"
    # The titles after a colon, not in brackets: an editors' title ends in its own bracket, and "… bænk (redaktionens
    # titel)) er ingen målgrupper" nested them (reader 25 r2, #3).
    # "Intet tal", not "kolonne": on a phone the table is rows of named marks and has no columns (reader 26, #4).
    # Whose gap it is, as the cards say it („Ikke angivet i rapporten: målgrupper.“), not „registreret“ (reading 28, #5).
    holder = provenance.folder_words(data.options).holder
    return f"{name} har intet tal i tabellen. Ved {what} er ingen {missing} angivet i {holder}: {listing(titles)}."


def _initiative_vocabulary_chart(
    data: Dataset, figure_id: str, title: str, column: str, vocabulary: str, key: str, noun: str, missing: str, purposes: bool = False
) -> Chart:
    """Initiatives naming each item of a vocabulary, item × municipality. The counts are mostly 0 and 1, so a page
    shows them as a table of marks (figures.Marks) whose numbers open the initiatives behind them; the heatmap
    variants are what a printed edition draws. With `purposes`, an initiative counted under no item because it names
    none but gives its purpose says so beside the table (cards.purposes_instead_of_groups)."""
    item_names = _labels(data, vocabulary, key)
    municipality_names = _labels(data, "municipalities", "kommunekode", "name")
    counts = statistics.initiatives_by_vocabulary(data, data.initiatives, column, vocabulary, key)
    table = counts.pivot_table(index="item", columns="kommunekode", values="count", sort=False, fill_value=0).astype(int)
    table = table.loc[table.sum(axis=1) > 0]
    # One table for every variant: the filter marks the chosen municipality's column in it.
    shown = table.rename(index=item_names, columns=municipality_names).reset_index(
        names=provenance.heading(data.options, noun, f"initiatives.{column}")
    )
    cols = list(table.columns)
    labels = _plot(municipality_names[c] for c in cols)
    rows, columns = [item_names[i] for i in table.index], [municipality_names[c] for c in cols]
    every = _heatmap(table.values.tolist(), rows, columns, 14, ("indsats", "indsatser"))

    # 'angivet i rapporten', as the cards say a list the report leaves out (reading 28, #5: 'registreret' said nothing of
    # whose gap it is); not 'rapporten nævner ingen': which items an initiative has is the editors' coding.
    none = f"ved ingen indsats er {missing} angivet i {provenance.folder_words(data.options).holder}"

    def why(code: str) -> str:
        """What the table's counts leave out for the municipality: why its column is empty, and the purposes."""
        own = data.initiatives.loc[data.initiatives["kommunekode"] == code]
        said = cards.purposes_instead_of_groups(data, own) if purposes else []
        return " ".join(filter(None, (_no_marks(data, code, cols, table, missing), *said)))

    def build(code: str, _: bool) -> Variant:
        marked = cols.index(code) if code in cols else None
        figure = _mark_column(every, labels, marked)
        name = filters.municipality_name(data, code)
        # The page says it in the note under the table; a printed edition of the municipality says it by its chart.
        said = "" if code == filters.ALL else why(code)
        if marked is None:
            listing = "; ".join(f"{item_names[str(i)]}: {plural(int(n), 'indsats', 'indsatser')}" for i, n in table.sum(axis=1).items())
            alt = f"{title} for alle kommuner: " + (listing or none) + "."
        else:
            mine = [f"{item_names[str(i)]}: {plural(int(n), 'indsats', 'indsatser')}" for i, n in table[code].items() if n]
            # An empty column in the words the page says it in (_no_marks), the one wording of it.
            alt = f"{title}, {name} fremhævet: " + " ".join(filter(None, ("; ".join(mine) + "." if mine else "", said)))
            alt += f" {ALL_COLUMNS}"
        return Variant(figure, alt, shown, ("", *cols), said)

    variants = _counts_marked(data, figure_id, _municipality_variants(data, build, inferred_switch=False))
    notes: tuple[str | provenance.Whose, ...] = (provenance.chart_parts(data.options, figure_id),)
    # Why a column is empty, said next to the table in every view (not in the folded note, where a reader who looked
    # at the empty column did not find it: a fifth new reader's review, finding 4); nothing where none is.
    empty = " ".join(filter(None, (why(code) for code in data.municipalities["kommunekode"])))
    axes = Axes([item_names[i] for i in table.index], columns, cols)
    ids = statistics.initiative_ids_by_vocabulary(data.initiatives, column)
    cells = [[ids.get((str(item), str(code)), []) for code in cols] for item in table.index]
    # A cell counts initiatives (statistics.count_initiatives) and opens their cards: a project's parts have their own.
    counted = [
        [
            _counted([n], "indsats", "indsatser")[0] + (f" (på {len(c)} kort)" if len(c) > n else "")
            for n, c in zip(numbers, row, strict=True)
        ]
        for numbers, row in zip(table.values.tolist(), cells, strict=True)
    ]
    marks = Marks(
        noun,
        table.values.tolist(),
        [[" ".join(c) for c in row] for row in cells],
        [[f"{item} · {name}: {n}" for name, n in zip(columns, row, strict=True)] for item, row in zip(axes.rows, counted, strict=True)],
        INITIATIVE_DRILL,
        MARK_HINT,
        empty,
    )
    return Chart(figure_id, title, variants, notes=notes, axes=axes, marks=marks)


def art_forms_by_municipality(data: Dataset) -> Chart:
    return _initiative_vocabulary_chart(
        data,
        "kunstformer-kommune",
        "Kunstformer og aktiviteter pr. kommune",
        "art_form_ids",
        "art_forms",
        "art_form_id",
        "Kunstform/aktivitet",
        "kunstformer eller aktiviteter",
    )


def target_groups_by_municipality(data: Dataset) -> Chart:
    return _initiative_vocabulary_chart(
        data,
        "maalgrupper-kommune",
        "Målgrupper pr. kommune",
        "target_group_ids",
        "target_groups",
        "target_group_id",
        "Målgruppe",
        "målgrupper",
        purposes=True,
    )


def settings_by_municipality(data: Dataset) -> Chart:
    return _initiative_vocabulary_chart(
        data, "steder-kommune", "Steder og rammer pr. kommune", "setting_ids", "settings", "setting_id", "Sted", "steder eller rammer"
    )


# The partner chart's two parts with a municipality chosen: one name in its legend's key and its bars' hover.
PARTNER_KEY = ("Nævnt ved den valgte kommunes indsatser", "Kun nævnt ved andre kommuners indsatser")


def partners_by_kind(data: Dataset) -> Chart:
    """Bars: how many distinct partner organisations of each kind the initiatives name. With a municipality chosen,
    the same bars: the organisations named at its initiatives first in full colour, the others faint (_highlighted).
    A click on a bar shows the initiatives that name them."""
    kind_names = _labels(data, "organisation_kinds", "organisation_kind_id")
    ties = statistics.organisation_ties(data, data.initiatives)
    every = statistics.organisations_by_kind(data, data.initiatives)
    kinds = [str(k) for k in every["kind"]]
    names = [kind_names[k] for k in kinds]
    total = every["count"].tolist()
    # One height for every variant: the page keeps the tallest's, and a shorter one stood in empty space.
    height = max(300, 40 * len(every) + 160)
    organisations = {k: set(ties.loc[ties["kind"] == k, "organisation_id"]) for k in kinds}
    own = {(str(c), str(k)): set(rows["organisation_id"]) for (c, k), rows in ties.groupby(["kommunekode", "kind"])}

    # Each organisation's rows of the ties, in their order: a national chart asks for 2,364 bars' initiatives.
    rows_of: dict[str, list[int]] = {}
    for position, organisation in enumerate(ties["organisation_id"]):
        rows_of.setdefault(organisation, []).append(position)
    initiative_of, code_of = ties["initiative_id"].tolist(), ties["kommunekode"].tolist()

    def named(orgs: set[str], code: str = "") -> str:
        """The initiatives (of `code`, or any) naming one of the organisations, in the ties' order: what a bar's
        drill-through shows."""
        rows = sorted(p for o in orgs for p in rows_of.get(o, ()) if not code or code_of[p] == code)
        return " ".join(dict.fromkeys(initiative_of[p] for p in rows))

    def hover(counts: list[int | None], ids: list[str]) -> list[str]:
        """A bar's hover text, which its drill-through shows as its heading: what it counts, and the initiatives behind."""
        counted = _counted(counts, "organisation", "organisationer")
        return [
            f"{c}, nævnt ved {plural(len(i.split()), 'indsats', 'indsatser')}" if n else c
            for c, n, i in zip(counted, counts, ids, strict=True)
        ]

    ids = [named(organisations[k]) for k in kinds]
    whole, label = _hover_names(names)
    figure = go.Figure(
        go.Bar(
            **whole,
            x=total,
            y=[_bar_label(k) for k in names],
            name=ALL_MUNICIPALITIES,
            orientation="h",
            marker_color=PALETTE[2],
            customdata=ids,
            hovertext=hover(total, ids),
            # Three short lines, not one of 70 characters: on a phone the label is narrower than the chart.
            hovertemplate=f"{label}<br>%{{fullData.name}}:<br>%{{hovertext}}<extra></extra>",
        )
    )
    # No axis titles: the chart's title says what is counted and by what. On a phone the long names leave the bars a
    # narrow strip, and a title centred under it ran off the chart ("Antal organisat").
    styled(figure, height=height).update_layout(
        xaxis=_count_axis(None, max(total, default=0)), yaxis={"autorange": "reversed"}, barmode="stack", showlegend=False
    )
    everyone = figure_json(figure)
    kind_heading = provenance.heading(data.options, "Slags organisation", "organisations.kind")
    title = "Organisationer nævnt ved indsatserne, efter slags"

    listing = "; ".join(f"{k}: {n}" for k, n in zip(names, total, strict=True)) or "ingen organisationer nævnt"
    everyone_alt = f"Organisationer nævnt ved indsatserne for alle kommuner, efter slags: {listing}."

    def build(code: str, _: bool) -> Variant:
        if code == filters.ALL:
            return Variant(everyone, everyone_alt, pd.DataFrame({kind_heading: names, "Antal organisationer": total}))
        name = filters.municipality_name(data, code)
        mine = [sorted(own.get((code, k), set())) for k in kinds]
        by_whom = f"{provenance.words(provenance.folder_source(data.options)).holder} nævner ved {genitive(name)} indsatser"
        if not any(mine):
            # Nothing to set off, so nothing dimmed: the bars as with no choice, and the table says the municipality's 0s.
            table = pd.DataFrame({kind_heading: names, "Antal organisationer": total, f"Heraf ved {name} (fremhævet)": [0] * len(kinds)})
            said = f"Ved {genitive(name)} indsatser er ingen organisationer nævnt, så søjlerne står, som når ingen kommune er valgt."
            return Variant(everyone, everyone_alt, table, ("", "", code), said)
        noun = ("organisation", "organisationer")
        every_ids = [[sorted(organisations[k]) for k in kinds]]
        highlighted = _highlighted(everyone, every_ids, [mine], noun, "")
        # The drill-through shows initiatives, not organisations: the municipality's own, and the others' that name the rest.
        marked, faint = highlighted["data"]
        own_ids = [named(set(m), code) for m in mine]
        marked = {**marked, "name": escape(name, quote=False)}
        if "customdata" in marked:  # a municipality that names no organisation has only its legend entry
            marked.update(customdata=own_ids, hovertext=hover(marked["x"], own_ids))
        rest_ids = [named(organisations[k] - set(m)) for k, m in zip(kinds, mine, strict=True)]
        faint = {**faint, "customdata": rest_ids, "hovertext": hover(faint["x"], rest_ids), "name": PARTNER_KEY[1]}
        layout = highlighted["layout"]
        counts = [len(m) for m in mine]
        # The report names the organisations at the municipality's initiatives; the municipality names none itself.
        alt = (
            f"Organisationer nævnt ved indsatserne efter slags, med dem, {by_whom}, fremhævet i fuld farve forrest i "
            "søjlerne og de øvrige dæmpede: "
            + "; ".join(f"{k}: {t}, heraf {m} ved {name}" for k, m, t in zip(names, counts, total, strict=True))
            + "."
        )
        table = pd.DataFrame({kind_heading: names, "Antal organisationer": total, f"Heraf ved {name} (fremhævet)": counts})
        said = (
            f"{'Den ene organisation' if sum(counts) == 1 else f'De {number(sum(counts))} organisationer'}, {by_whom}, "
            "står i fuld farve forrest i søjlerne, de øvrige dæmpede bag dem."
        )
        return Variant({**highlighted, "data": [marked, faint], "layout": layout}, alt, table, ("", "", code), said,
                       f"{title}, med dem ved {name} fremhævet")  # fmt: skip

    # Not "partnere", nor its downloads partnere-*.csv: the report calls none of them partners (data/schema.py, EDITORIAL).
    whose = provenance.chart_parts(data.options, "organisationer", provenance.data_reasons(data.tables))
    variants = _counts_marked(data, "organisationer", _municipality_variants(data, build, inferred_switch=False))
    key = (PARTNER_KEY[0], f"{PARTNER_KEY[1]} (dæmpet)")
    return Chart("organisationer", title, variants, notes=(whose, PARTNER_HINT), drill=INITIATIVE_DRILL, key=key)


def plotted(data: Dataset) -> list[Chart]:
    """Every plotted chart the book shows, as models: what the whole-book edition draws in place of each page's."""
    return [
        quotes_per_ingredient(data),
        ingredient_municipality_matrix(data),
        art_forms_by_municipality(data),
        target_groups_by_municipality(data),
        settings_by_municipality(data),
        partners_by_kind(data),
        programme_timeline(data),
    ]


# -- the report's own figures ---------------------------------------------------------------------


def _caption(data: Dataset, number: int, value: str) -> str:
    """The report's caption over the book's drawing of its figure, with whose drawing it is after the figure's number,
    not after the caption, which is the report's own words: 'Figur 1 (red.). Forløbet i Kulturens Rige.', the kind of
    the editors' work said in the page's key (provenance.page_key) and in full in every PDF (reading s23, F6)."""
    caption = str(data.figures.loc[data.figures["number"] == number, "caption"].iloc[0])
    return f"{provenance.page_marked(f'Figur {number}', provenance.value_label(data.options, value))}. {caption}"


def _about(data: Dataset, number: int) -> str:
    """What the report's text says about one of its figures (figures.note), folded away under the short caption; the
    note is the editors' description, and its summary says so in the one provenance wording."""
    note = data.figures.loc[data.figures["number"] == number, "note"].iloc[0]
    summary = provenance.about_figure(data.options)
    return f'<details class="kr-figure-about"><summary>{escape(summary)}</summary><p>{escape(note)}</p></details>'


def _span(letter: str, numbers: pd.Series) -> str:
    """The marks' labels a legend line names: 'W1–W6' for a run, 'P1' for one."""
    first, last = int(numbers.min()), int(numbers.max())
    return f"{letter}{first}" if first == last else f"{letter}{first}–{letter}{last}"


def programme_timeline(data: Dataset) -> Chart:
    """Figure 1: the programme in order. No dates are invented: positions are order, not time."""
    events = data.programme_events
    workshops = events[events["kind"] == "workshop"].sort_values("number")
    pitstops = events[events["kind"] == "pitstop"].sort_values("number")
    start = events[events["kind"] == "periode-start"].iloc[0]
    end = events[events["kind"] == "periode-slut"].iloc[0]
    span = len(workshops) + 1
    dates = [month(start.date), month(end.date)]
    pad = _timeline_pad(dates, span)
    figure = go.Figure()
    figure.add_scatter(
        x=[0, span],
        y=[1, 1],
        mode="lines+markers+text",
        line={"color": "#888888", "width": 2},
        marker={"symbol": "line-ns", "size": 18, "line": {"width": 3, "color": "#888888"}},
        # Each date straight under its end of the line, month over year, so no date stands under a workshop.
        text=[label.replace(" ", "<br>", 1) for label in _plot(dates)],
        textposition="bottom center",
        name="Projektperiode",
        hoverinfo="skip",
    )
    figure.add_scatter(
        x=list(range(1, span)),
        y=[1] * len(workshops),
        mode="markers+text",
        marker={
            "size": 22,
            "color": [PALETTE[0] if place != NOT_STATED else "rgba(0,0,0,0)" for place in workshops["place"]],
            "line": {"width": 3, "color": PALETTE[0]},
            "symbol": "circle",
        },
        text=[f"W{n}" for n in workshops["number"]],
        textposition="top center",
        name=_wrap_whole(
            # The marks' short names spelled out beside them (reader review 24, #13).
            f"{_span('W', workshops['number'])}: fælles workshop (udfyldt: "
            f"{provenance.folder_words(data.options).holder} nævner stedet; "
            f"tom: {provenance.not_given(data.options, NOT_GIVEN['programme_events.place'])})",
            LEGEND_LINE,
        ),
        hoverinfo="skip",
    )
    figure.add_scatter(
        x=[span * (i + 1) / (len(pitstops) + 1) for i in range(len(pitstops))],
        y=[0] * len(pitstops),
        mode="markers+text",
        marker={"size": 16, "symbol": "diamond-open", "line": {"width": 3}, "color": PALETTE[5]},
        text=[f"P{n}" for n in pitstops["number"]],
        textposition="bottom center",
        name=_wrap_whole(
            f"{_span('P', pitstops['number'])}: virtuelt pitstop for tovholdere "
            f"({provenance.not_given(data.options, NOT_GIVEN['programme_events.date'])})",
            LEGEND_LINE,
        ),
        hoverinfo="skip",
    )
    # 20 px over the 340 the legend had before its lines named W1–W6 and P1–P3, and room for its nine lines stacked on a
    # phone: plotly's horizontal legend scrolls inside the chart past half the figure's height (legend.maxheight 0.5).
    styled(figure, height=360).update_layout(
        xaxis={"visible": False, "range": [-pad, span + pad]},  # room for the dates centred under the line's ends
        yaxis={"visible": False, "range": [-0.8, 1.8]},
        showlegend=True,
        legend={"maxheight": 0.6},
    )
    alt, reservations = _timeline_alt(data, workshops, pitstops, start, end)
    # The event's title names its kind; the kind's id and the ISO month would be the data's words, not a reader's.
    # A form, date or place the report leaves out says so in the provenance model's words, not 'ikke angivet' under a
    # heading that credits the report with the column ('ikke angivet i rapporten', as the download's cell).
    shown = events.assign(date=events["date"].map(month))
    given = [provenance.given_or_not(data.options, f"programme_events.{c}", shown[c]) for c in ("mode", "date", "place")]
    # A form the editors read out of the report (mode_basis inferred) says whose it is in its cell; the reason stands in
    # the description under the figure (_timeline_alt).
    read = events["mode_basis"] == "inferred"
    reading = provenance.value_label(data.options, "programme_events.mode_basis")
    given[0] = given[0].where(~read, given[0].map(lambda mode: provenance.marked(mode, reading)))
    columns = (shown["title"], *given)
    table = pd.DataFrame(dict(zip(provenance.figure_table_headings(data.options, "forloeb"), columns, strict=True)))
    # The description above the figure says the distances are order, not time (_timeline_alt): the note says it no more.
    # Its CSV carries the dates as the data folder writes them too, beside the words, so a spreadsheet sorts them
    # (reading26r2, #7); an absence leaves the cell empty, the words stand in the page's column (reading 28, #5).
    sortable = events["date"].where(events["date"] != NOT_STATED, "")
    download = pd.DataFrame(dict(zip(provenance.figure_download_headings(data.options, "forloeb"), [sortable], strict=True)))
    variants = {filters.ALL: Variant(figure_json(figure), alt, table, download=download)}
    whose = provenance.chart_parts(data.options, "forloeb")
    # No hover labels: plotly puts one beside its point, over the neighbouring markers of the same row, and has no
    # option to place it elsewhere (a fifth new reader's review, finding 3). What they said, the description under the
    # figure says for every event at once, shown, and the table lists each event.
    # The reservations follow whose the figure is in its note (»Om figuren«), once, not in the description shown
    # under it: twelve lines of what the report leaves out stood between the reader and the chapter (issue 22, item 3).
    return Chart("forloeb", _caption(data, 1, "figur:forloeb"), variants, notes=(whose, reservations), whose_said=True, described=True)


# The narrowest chart the timeline is drawn in: a 320 px phone's text column (figures.PHONE_TEXT_WIDTH at 375 px),
# less the plot's side margins (figures.LAYOUT), and the gap a date keeps from the chart's edge (px).
TIMELINE_NARROWEST = 320 - (375 - PHONE_TEXT_WIDTH) - 20
TIMELINE_EDGE = 4


def _timeline_pad(dates: list[str], span: int) -> float:
    """How far the timeline's x range reaches past the line's ends (in the steps between workshops), so that each
    date, centred under its end in lines of month over year, is drawn whole on the narrowest phone: with a fixed step
    'november 2021' ran past the chart's left edge at 375 px. Measured (measure.text_width), not guessed."""
    half = max(text_width(line, LABEL_SIZE) for date in dates for line in date.split(" ", 1)) / 2 + TIMELINE_EDGE
    # half <= pad * width / (span + 2 * pad), solved for pad; at least a step, as before.
    return max(1.0, half * span / (TIMELINE_NARROWEST - 2 * half))


def _known(row) -> bool:
    return any(value != NOT_STATED for value in (row.date, row.mode, row.place))


def _timeline_alt(data: Dataset, workshops: pd.DataFrame, pitstops: pd.DataFrame, start, end) -> tuple[str, str]:
    """What Figure 1 shows, naming only what the report (the data folder's source) states, short: the events it says
    something about, once each, and that the distances are order. Apart, for the figure's note: the editors' reading
    of a form with its reason, and what the source leaves out (the table under the figure shows it event by event)."""
    said = provenance.folder_words(data.options)
    # What the source states: a form the editors read out of it (mode_basis inferred) is said apart, with its reason.
    read = workshops[workshops["mode_basis"] == "inferred"]
    workshops = workshops.assign(mode=workshops["mode"].where(workshops["mode_basis"] != "inferred", NOT_STATED))
    known = [r for r in table_rows(workshops) if _known(r)]
    virtual = data.programme_facts.set_index("fact_id")["value"].get("virtuelle-workshops", NOT_STATED)
    shown = [
        (
            f"Forløbet fra {month(start.date)} til {month(end.date)} med {len(workshops)} fælles workshops i rækkefølge "
            f"og {len(pitstops)} virtuelle pitstops for tovholderne."
        )
    ]
    if known:
        # By their place in the order, not by the editors' titles („Fælles workshop 4“), which the sentence made the
        # report's (reading 30, #7); „nævner om“ had no object (reading32, #13): „Rapporten oplyser følgende om to af
        # workshopperne: den fjerde (Arken) og den femte (…).“
        about = listing([f"den {ordinal_word(int(r.number))} ({_stated(r)})" for r in known])
        shown.append(f"{said.subject} oplyser følgende om {count_word(len(known))} af workshopperne: {about}.")
    shown.append("Afstandene viser rækkefølge, ikke tid.")
    reservations = []
    if len(read):
        reading = provenance.value_label(data.options, "programme_events.mode_basis").capitalize()
        reservations.append(" ".join(f"{reading}: {r.title} var {r.mode}. {r.mode_rationale}" for r in table_rows(read)))
    reservations.append(
        f"{_workshops_not_stated(workshops, bool(known), said)} "
        f"Antal virtuelle workshops ifølge {said.holder}: {virtual}; hvilken workshop det var, står ikke."
    )
    return " ".join(shown), " ".join(reservations)


def _workshops_not_stated(workshops: pd.DataFrame, known: bool, said: provenance.Words) -> str:
    """What the report (the folder's source) leaves out about the workshops, as the table shows it: 'Rapporten angiver
    hverken dato eller form for den enkelte workshop, og for de øvrige workshops angiver rapporten intet sted. For pitstops
    angiver rapporten ingen datoer.' (reading 24, F12: 'og intet sted for de øvrige; for pitstops ingen datoer')"""
    facts = (("date", "ingen dato"), ("mode", "ingen form"), ("place", "intet sted"))
    never = [none for column, none in facts if (workshops[column] == NOT_STATED).all()]
    rest = [none for _, none in facts if none not in never]

    def neither(nones: list[str]) -> str:
        words = [none.split()[1] for none in nones]
        return f"hverken {', '.join(words[:-1])} eller {words[-1]}" if len(words) > 1 else nones[0]

    if not never:
        sentence = f"For de øvrige workshops angiver {said.holder} {neither(rest)}"
    else:
        sentence = f"{said.subject} angiver {neither(never)} for den enkelte workshop"
        if rest and known:
            sentence += f", og for de øvrige workshops angiver {said.holder} {neither(rest)}"
    return f"{sentence}. For pitstops angiver {said.holder} ingen datoer."


def _stated(row) -> str:
    """What the report states of an event (_known): its date, form and place, those it gives; what it leaves out is
    said once, not per event."""
    stated = [f"dato {month(row.date)}" if row.date != NOT_STATED else "", row.mode if row.mode != NOT_STATED else ""]
    stated.append(row.place if row.place != NOT_STATED else "")
    return ", ".join(part for part in stated if part)


# A chart label's lines at most: a longer name is cut with "…", and the table beside the chart gives it in full.
MAX_LABEL_LINES = 4


def _lines(text: str, width: int, most: int = MAX_LABEL_LINES) -> list[str]:
    """A long label broken between words into lines of about `width` characters, a word longer than two lines broken
    inside it with a hyphen, and at most `most` lines, the last cut with "…". A 300-character name the validator accepts made
    ~20 lines, or one line as wide as the page, and plotly shrank the plot to 60 px redrawing its margins (hostile
    round 20, #4)."""
    lines, line = [], ""
    for word in text.split():
        # A word a little longer than a line stands whole ("Kulturinstitution" at 16: reader review 21 saw
        # "Kulturinstitutio / n"); only one with no space to break at for two lines is broken, hyphenated.
        while len(word) > 2 * width:
            lines += [line] if line else []
            lines.append(word[: width - 1] + "-")
            line, word = "", word[width - 1 :]
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines += [line] if line or not lines else []
    if len(lines) <= most:
        return lines
    return [*lines[: most - 1], lines[most - 1][: width - 1].rstrip() + "…"]


def _wrap(text: str, width: int = 18, most: int = MAX_LABEL_LINES) -> str:
    """Escape, then break long labels onto lines with plotly's <br>. Not the quotes: plotly's labels decode no &quot;
    (an analyst's 'Projekt "Sammen"' showed as &quot;Sammen&quot;), and a label is no attribute."""
    return "<br>".join(escape(line, quote=False) for line in _lines(text, width, most))


def _wrap_whole(text: str, width: int) -> str:
    """Escaped and wrapped, never cut: a legend's sentence is the book's own, and a hover's name is there to be whole."""
    return _wrap(text, width, most=len(text) + 1)


def _item_figure(figure_id: str, caption: str, items: list[str], note: str, about: str, lang: str = "", kind: str = "kr-tiles") -> Html:
    """A figure that is a list (of equal words, or of steps): an HTML list, which wraps and reads at any width.

    The list is the figure's content and its text alternative at once; nothing is drawn that a chart would add."""
    language = f' lang="{escape(lang)}"' if lang else ""
    tiles = "".join(f'<li class="kr-tile"{language}>{item}</li>' for item in items)
    return Html(
        f'<figure class="kr-list-figure" id="figur-{escape(figure_id)}">'
        f'<figcaption class="kr-figure-title">{escape(caption)}</figcaption>'
        f'<ol class="{kind}">{tiles}</ol><p class="kr-figure-note">{escape(note)}</p>{about}</figure>'
    )


def _reasons(data: Dataset, value: str) -> str:
    """Why a figure of the report is drawn so, without whose it is: its caption says that ('(redaktionens
    gengivelse)'), and the note under it said it again (a new reader's review, finding 7c)."""
    return provenance.whose_parts(data.options, value).about


def action_learning_cycle(data: Dataset) -> Html:
    """Figure 2: the steps of action learning as the report describes them, in order; the last leads to the first."""
    steps = data.action_learning_steps.sort_values("position")
    items = [
        f'<span class="kr-tile-name">{escape(s.label)}</span> <span class="kr-tile-label">{escape(s.description)}</span>'
        for s in table_rows(steps)
    ]
    # The report does not say what its Figure 2 shows, so the drawing has the book's own title, not the report's number
    # and caption (the s17 reading, #7); the note names the report's figure. The title says whose the drawing is.
    value = "figur:aktionslaering"
    # Whose text and figure they are: the report's, or whoever prepared the folder (a book on an analyst's data).
    holder = provenance.folder_words(data.options).holder
    title = provenance.page_marked(
        f"Aktionslæringens cyklus, som {holder} beskriver den i teksten", provenance.value_label(data.options, value)
    )
    caption = str(data.figures.loc[data.figures["number"] == 2, "caption"].iloc[0]).removesuffix(".")
    note = f"Figur 2 i {holder} hedder »{caption}«. {_reasons(data, value)} Efter sidste trin begynder cyklussen forfra."
    return _item_figure("aktionslaering", title, items, " ".join(note.split()), _about(data, 2), kind="kr-steps")


def six_ps(data: Dataset) -> Html:
    """Figure 3: the six P's the programme built on, in the report's (English) words, as a list."""
    ps = data.six_ps.sort_values("position")
    items = [
        f'<span class="kr-tile-name">{escape(p.name)}</span>'
        + (f' <span class="kr-tile-label" lang="da">{escape(p.label_da)}</span>' if p.label_da != NOT_STATED else "")
        for p in table_rows(ps)
    ]
    unnamed = (ps["label_da"] == NOT_STATED).all()
    note = _reasons(data, "figur:seks-p") + (
        f" {provenance.folder_words(data.options).subject} giver ingen dansk betegnelse eller beskrivelse af de enkelte P’er."
        if unnamed
        else ""
    )
    return _item_figure("seks-p", _caption(data, 3, "figur:seks-p"), items, note, _about(data, 3), lang="en")


def figure4_words(data: Dataset) -> Html:
    """Figure 4: only the words the report's text gives, as a list, since it gives no frequencies for a word cloud."""
    words = data.figure4_words.sort_values("position")
    items = [f'<span class="kr-tile-name">{escape(w)}</span>' for w in words["word"]]
    # The reason says "som liste uden hyppigheder"; a second sentence saying the frequencies are left out said it twice.
    note = _reasons(data, "figur:ordsky")
    return _item_figure("ordsky", _caption(data, 4, "figur:ordsky"), items, note, _about(data, 4))
