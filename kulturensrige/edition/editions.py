"""The printed editions: one per municipality and one of the whole book, as HTML ready for printing to PDF.

A municipality's edition is written from the data through the autoescaped templates in
edition/templates/; its figures are the book's own charts (the municipality's variant), drawn by
plotly.js when the page is printed. The whole-book edition takes every chapter of the built book in
reading order and keeps only what reads on paper.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import math
import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urljoin, urlsplit

import jinja2
import pandas as pd
from bs4 import BeautifulSoup, SoupStrainer, Tag
from markupsafe import Markup

from kulturensrige.data import provenance
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.municipality_codes import codes_are_official
from kulturensrige.data.pages import FACTS_TITLE, PROFILE_PREFIX, PROFILE_SECTIONS, heading_id
from kulturensrige.data.schema import (
    COUNTED_FROM_DATA,
    NO_TIE_AT_ALL,
    NOT_STATED,
    ORGANISATION_RULE,
    SPEAKER_CATEGORIES,
    UNTIED_CHOICE_BARS,
)
from kulturensrige.edition.printing import LONGEST_KEPT_WHOLE
from kulturensrige.render import cards, charts, figures, front_page, guide, highlight, lists
from kulturensrige.render.markup import json_island, side_json
from kulturensrige.render.policy import with_policy
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.words import SOFT_HYPHEN, built, built_from, count_word, day, genitive, listing, number, plural

TEMPLATES = Path(__file__).resolve().parent / "templates"
TITLE = "Kulturens Rige"
# General quotes printed under each ingredient. The report has at most 10; with national-scale data every
# edition would otherwise repeat thousands of quotes that belong to no municipality.
GENERAL_QUOTE_LIMIT = 25
HTTP_ADDRESS = re.compile(r"https?://[^\s\"'<>\\]+")


@dataclass(frozen=True)
class Stamp:
    """What the cover says about where the edition came from: data folder, fingerprint, date, book address."""

    folder_name: str
    fingerprint: str
    date: dt.date
    book_url: str = ""

    @property
    def when(self) -> str:
        return day(self.date)

    @property
    def line(self) -> str:
        """The cover's plain line, as the web book's footer says it."""
        return built(self.date)

    @property
    def source(self) -> str:
        """The colophon's line for analysts: the data folder and its fingerprint."""
        return built_from(self.folder_name, self.fingerprint)


# Every internal link of every edition is made absolute with the address: 100,000 characters held a PDF run for minutes.
MAX_BOOK_ADDRESS = 2000
BOOK_ADDRESS_ALLOWED = (
    f"tilladt: en http(s)-adresse på højst {number(MAX_BOOK_ADDRESS)} tegn uden login, ?, # og styretegn, "
    "fx https://eksempel.dk/kulturens-rige/"
)


def book_address_problem(value: str | None) -> str | None:
    """Why `value` cannot be the address every edition prints and links to, in Danish; None if it can (or is empty).
    Login details, a query or a fragment would be printed into every published PDF (and '/' added after a
    fragment), and control or format characters (a direction override) would print as something else."""
    value = (value or "").strip()
    if not value:
        return None
    if len(value) > MAX_BOOK_ADDRESS:
        return f"er {number(len(value))} tegn lang"
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") or c.isspace() for c in value):
        return "har mellemrum, styretegn eller usynlige tegn (fx et retningstegn)"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "er ikke en http(s)-adresse"
    scheme = parts.scheme.lower()
    if scheme in ("http", "https") and (odd := sorted(set(re.findall(r"[\"'<>\\]", value)))):
        # named, as a space is: the address was http, its characters were the problem (hostile review s23, F3)
        return f'har tegn, som en adresse ikke må have: {" ".join(odd)}; skriv dem procentkodede (fx %22 for ")'
    if scheme not in ("http", "https") or not parts.hostname or not HTTP_ADDRESS.fullmatch(scheme + value[len(scheme) :]):
        return "er ikke en http(s)-adresse"
    if (wrong_port := port_problem(parts.netloc)) is not None:
        return wrong_port
    if "@" in parts.netloc:
        return "har login-oplysninger (navn eller adgangskode før @)"
    if "?" in value:
        return "har en forespørgsel (?…)"
    if "#" in value:
        return "har et fragment (#…)"
    return None


def port_problem(netloc: str) -> str | None:
    """Why an address's port (after the host's last ':') is none, said as a port's problem: `localhost:99999` was
    blamed on the scheme (sec25d #3). None for no port or a port from 1 to 65535."""
    host = netloc.rpartition("@")[2].rpartition("]")[2]  # past login details and an IPv6 address's brackets
    if ":" not in host:
        return None
    port = host.rpartition(":")[2]
    if not port:
        return None  # 'eksempel.dk:' is the default port, as urlsplit reads it
    if not re.fullmatch(r"[0-9]+", port):
        return f"har portnummeret {port!r}, som ikke er et tal; en port er et tal fra 1 til 65535"
    if not 1 <= int(port) <= 65535:
        return f"har portnummeret {port}; en port er et tal fra 1 til 65535"
    return None


def book_address(value: str | None) -> str:
    """The book's web address with its scheme in lower case and a trailing slash; '' if it has a problem
    (book_address_problem) or is empty."""
    value = (value or "").strip()
    if not value or book_address_problem(value):
        return ""
    parts = urlsplit(value)
    value = parts._replace(scheme=parts.scheme.lower()).geturl()
    return value if value.endswith("/") else value + "/"


@functools.cache
def with_print_policy(document: str) -> str:
    """An edition's HTML with the web book's Content-Security-Policy, stricter (render/policy.py): of its inline
    scripts only figures.js runs, and nothing is fetched but the files it names (plotly.js, the site's pictures).
    Escaping keeps data out of markup; the policy stops a script or a request if anything ever got through."""
    return with_policy(document, fallback="'none'", scripts=[(TEMPLATES / "figures.js").read_text(encoding="utf-8")])


def environment() -> jinja2.Environment:
    """Templates autoescape everything: text from data never becomes markup. Made once, so each template is
    compiled once for all the editions rather than once per edition."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["plot_island"] = plot_island
    env.filters["owner_mark"] = provenance.owner_mark
    return env


def file_name(slug: str = "") -> str:
    """pdf/kulturens-rige-<slug>.pdf for a municipality, pdf/kulturens-rige.pdf for the whole book."""
    return f"kulturens-rige-{slug}.pdf" if slug else "kulturens-rige.pdf"


# The analysts' edition: the data chapter and what else the book's part "Data og metode" holds for them. An underscore
# is never in a municipality's slug (a-z, digits, hyphens), so no municipality's edition can take its name.
ANALYSTS_FILE = "kulturens-rige_data-og-metode.pdf"
ANALYSTS_TITLE = f"{TITLE} – data og metode"
# The pages only an analyst reads: the data chapter (with its dictionary, messages and explorer) and the statement on
# the web book's accessibility. The references stay with the report: a reader of it looks them up.
ANALYSTS_PAGES = ("om-data/", "tilgaengelighed")


def for_analysts(chapter_path: str) -> bool:
    """Whether a page of the built book belongs in the analysts' edition rather than in the whole book a reader prints."""
    return chapter_path.startswith(ANALYSTS_PAGES)


# -- figures -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One variant of one of the book's charts, as the edition prints it; `mark` says how the chosen municipality
    is marked in it ('' where none is)."""

    title: str
    alt: str
    plot: dict
    table: Markup
    mark: str = ""
    legend: Markup = Markup("")  # the chart's legend (figures.Legend), above the drawing as on the page
    # Nothing of the municipality's in it: the edition says so in a line and prints no table of the others (ADR 102).
    elsewhere: bool = False


# The tallest drawing an edition prints, in CSS pixels: two thirds of an A4 page inside its margins, so a page that
# breaks before one is still a third full.
PLOT_HEIGHT = 660

# A label of a printed bar chart wraps at about this many characters.
LABEL_WIDTH = 26

# The mark before the chosen municipality's name in a table's header, as on its own quote cards (edition.css):
# a sign as well as bold type, so the mark does not rest on the weight of the type alone.
CHOSEN_SIGN = "★"


def mark_note(name: str) -> str:
    """What the marks in a figure mean: the chosen municipality's bars (charts.PALETTE[0], blue) beside all
    municipalities' together (charts.MUTED, grey with a pattern), and its column of the table."""
    return (
        f"Sådan er {name} fremhævet: i diagrammet med blå søjler ved siden af alle kommuner tilsammen "
        f"(grå og skraverede), i tabellen med {CHOSEN_SIGN} og fed skrift, og kommunens rækker står øverst."
    )


def highlight_note(name: str) -> str:
    """What the marks in a stacked chart mean: the chosen municipality's part of each bar in full colour, the rest
    faint (charts._highlighted), and its column of the table."""
    return (
        f"Sådan er {name} fremhævet: i diagrammet står kommunens citater i fuld farve forrest i søjlerne og de øvrige "
        f"citater dæmpede, i tabellen med {CHOSEN_SIGN} og fed skrift."
    )


def untied_note(name: str) -> str:
    """What the marks in the stacked chart mean where none of its quotes is the municipality's: its column of the table
    is marked, and no bar is dimmed (charts.quotes_per_ingredient, as on the web). That none is tied, the note says: the
    title is the book's, and named the municipality only to say the chart held nothing of it (reader29, F6; ADR 105)."""
    said = f"Ingen af citaterne er knyttet til {name}."
    return f"{said} {name} er markeret i tabellen med {CHOSEN_SIGN} og fed skrift; ingen søjle er dæmpet."


def marked_table(table: str, kommunekode: str, rows: int = 0) -> Markup:
    """A figure's table with the chosen municipality's cells marked as the book's filter marks them on the web
    (kr-chosen, the cells data-kr-mark names), and the sign before its name in the header; its first `rows` rows,
    the municipality's own (chosen_rows_first), marked too. The table is the autoescaped macro's; BeautifulSoup
    writes its text escaped again."""
    soup = BeautifulSoup(table, "html.parser")
    body = soup.select("tbody > tr")[:rows]
    for row in body:
        row["class"] = "kr-chosen-row"
    if body:
        body[-1]["class"] = "kr-chosen-row kr-chosen-last"
    for cell in soup.select("tbody td"):  # a 0 recedes, as on the web (edition.css, .kr-zero)
        if cell.get_text(strip=True) == "0":
            cell["class"] = " ".join([*cell.get_attribute_list("class"), "kr-zero"]).strip()
    for cell in soup.select("[data-kr-mark]"):
        if cell["data-kr-mark"] != kommunekode:
            continue
        cell["class"] = " ".join([*cell.get_attribute_list("class"), "kr-chosen"]).strip()
        if cell.name == "th":
            sign = soup.new_tag("span", attrs={"class": "kr-chosen-sign"})
            sign.string = CHOSEN_SIGN + "\N{NO-BREAK SPACE}"  # never a line's last character, apart from the name
            cell.insert(0, sign)
    return Markup(str(soup))


def chosen_rows_first(table: pd.DataFrame, column: str) -> tuple[pd.DataFrame, int]:
    """A heatmap's table for one municipality's edition: the rows where `column` (the municipality's) counts
    something first, then the other municipalities' rows, each part in the chart's order, and how many are the
    municipality's (views.rows_first, the order of the page's tables too). A row no municipality has (a value of the
    vocabulary no initiative uses) is left out: in an edition it said nothing about anyone, and the book's data
    chapter lists the whole vocabulary."""
    counts = table.drop(columns=table.columns[0]).apply(pd.to_numeric)
    used = (counts.sum(axis=1) > 0).to_numpy()
    order, own = views.rows_first(counts[used], column)
    return table[used].iloc[order], own


class ChartVariants:
    """A chart of the book (a charts.* model) with all its variants, computed once and reused by every edition."""

    def __init__(self, chart: figures.Chart, counted: str = "", whose: str = ""):
        self.chart = chart
        self.title = chart.title
        self.whose = whose  # whose the whole table is, where every column is the editors' (provenance.chart_label)
        # Whose count the table's columns of counts are ('redaktionens optælling', provenance.count_heading): a page's
        # table says it over every column, which made a printed table too wide for its page (Chromium shrank the
        # page's text to 8 pt); the printed table says it once, in its caption, in the same words.
        self.counted = counted
        self.made: dict[tuple[str, str, str, tuple[str, ...]], Figure] = {}

    def variant(self, key: str, title: str = "", chosen: str = "", marks: tuple[str, ...] = ()) -> Figure:
        """The variant for `key` (a kommunekode or 'alle'), its plot without the drill-through data; the `chosen`
        municipality's column of its table marked: the column the variant's marks name, or `marks`, where the
        variant's table names none. Made once for each."""
        if (key, title, chosen, marks) not in self.made:
            variant = self.chart.variants[key]
            shown, caption = self.printed(variant.table)
            table = marked_table(figures.table_element(shown, caption, marks or variant.marks), chosen)
            # A municipality's view is highlighted: its legend says which style is the municipality's.
            legend = Markup(figures.legend_markup(self.chart.legend(), chosen=key != filters.ALL))
            self.made[key, title, chosen, marks] = Figure(title or self.title, variant.alt, self.chart.plot(key), table, legend=legend)
        return self.made[key, title, chosen, marks]

    def printed(self, table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
        """A table as paper shows it, and its caption: whose count its columns are said once, in the caption. Where
        every column is the editors' (their terms beside their counts), the caption says whose the table is once, in
        its download's words (`whose`, kilder.csv's hvis_ord), and no heading repeats it („Kunstform/aktivitet
        (redaktionens betegnelser)“ under „… (redaktionens optælling)“, ADR 81)."""
        if self.whose and all(provenance.bare_heading(str(c)) != str(c) for c in table.columns):
            return table.rename(columns=lambda c: provenance.bare_heading(str(c))), f"{self.chart.title} ({self.whose})"
        if not self.counted:
            return table, self.chart.title
        return table.rename(columns=lambda c: str(c).removesuffix(f" ({self.counted})")), f"{self.chart.title} ({self.counted})"

    def column(self, kommunekode: str) -> Figure:
        """A heatmap's variant for one municipality, drawn as bars: its count beside all municipalities' together,
        row by row. plotly paints heatmap
        cells as one raster image, which a tagged PDF can neither keep as vectors nor describe. The table has every
        municipality's column, the chosen one marked, while they fit a page; past that, the bars' two columns."""
        heat = next((t for t in self.chart.plot(kommunekode)["data"] if t.get("type") == "heatmap"), None)
        axes = self.chart.axes
        if heat is None or axes is None or kommunekode not in axes.codes:
            return self.variant(kommunekode, chosen=kommunekode)
        at = axes.codes.index(kommunekode)
        name = axes.columns[at]
        # The labels wrapped wider than on a phone's heatmap: a page has room beside the bars, and a row is as tall as its label.
        labels = [
            "<br>".join(html.escape(line, quote=False) for line in textwrap.wrap(row, LABEL_WIDTH, break_long_words=False))
            for row in axes.rows
        ]
        counts = [(label, int(row[at]), int(sum(row))) for label, row in zip(labels, heat["z"], strict=True)]
        variant = self.chart.variants[kommunekode]
        if len(axes.codes) > GRID_COLUMNS:
            noun = str(variant.table.columns[0])
            mine, total = [c[1] for c in counts], [c[2] for c in counts]
            whole = pd.DataFrame({noun: list(axes.rows), f"{name} (valgt)": mine, charts.ALL_MUNICIPALITIES: total})
            table, own = chosen_rows_first(whole, f"{name} (valgt)")
            marks: tuple[str, ...] = ("", kommunekode, "")
        else:
            table, own = chosen_rows_first(variant.table, str(variant.table.columns[variant.marks.index(kommunekode)]))
            marks = variant.marks
        # The municipality's rows first and marked, as the book's lists put its cards first (issue 22, reading #9);
        # whose count the columns are said once, in the caption (a mark on every column's heading made Aarhus' table
        # too wide, and Chromium set the whole edition in 8 pt).
        table, caption = self.printed(table)
        marked = marked_table(figures.table_element(table, caption, marks), kommunekode, own)
        # Not self.variant(): the table of every municipality's column it would make and parse is replaced by this one.
        figure = Figure(self.title, variant.alt, self.chart.plot(kommunekode), marked)
        # The drawing has the municipality's rows; the table has them all.
        rows = [c for c in counts if c[1]]
        if not worth_drawing(len(rows)):
            # One row is two bars, and none is all municipalities' bars beside nothing: each said less than a sentence,
            # alone on a page the drawing's break left mostly empty (Egedal's and Guldborgsund's editions, issue 22).
            # The sentence says it (with none, the variant's own after the title it repeats: why the column is empty,
            # charts._no_marks); the table under it has every municipality's column.
            none = figure.alt.removeprefix(f"{figure.title}, {name} fremhævet: ")
            if not rows:
                # A table of the other municipalities alone took a page of the municipality's own part (Køge's p. 5,
                # reader28, F7): the line says where the whole book has it (ADR 102).
                said = f"{none.removesuffix(charts.ALL_COLUMNS).rstrip()} {ELSEWHERE}"
                return Figure(figure.title, said, {}, Markup(""), elsewhere=True)
            said = one_row(name, noun_of(variant.table), axes.rows[counts.index(rows[0])], rows[0])
            return Figure(figure.title, said, {}, figure.table)
        counts = rows
        layout = {k: v for k, v in figure.plot["layout"].items() if k not in ("shapes", "annotations")}
        # Whole steps, about eight of them, as the book's count axes (charts._count_axis).
        step = max(1, math.ceil(max(c[2] for c in counts) / 8))
        layout["xaxis"] = {"title": {"text": "Antal indsatser"}, "tick0": 0, "dtick": step, "rangemode": "tozero"}
        # The heatmap's fixed margins keep room for names on end under its columns (charts._heat_layout); bars need none.
        layout["margin"] = {**layout.get("margin", {}), "b": 10}
        layout["yaxis"] = {**layout.get("yaxis", {}), "autorange": "reversed", "automargin": True}
        # plotly gives every row the same height: room for the longest wrapped label (plotly's <br>) and two bars.
        lines = max(str(label).count("<br>") + 1 for label, _, _ in counts)
        layout["height"] = min(PLOT_HEIGHT, 130 + len(counts) * max(26, 15 * lines + 2))
        # 12 px, 9 pt on paper: the size of the figure's table.
        layout["font"] = {**layout.get("font", {}), "size": 12}
        # The legend on one line above the bars, without a title: its two entries say what they are.
        layout.update(barmode="group", showlegend=True, legend={**layout.get("legend", {}), "title": {"text": ""}})
        # Two bars to a row.
        common = {"type": "bar", "orientation": "h", "y": [c[0] for c in counts]}
        bars = [
            {**common, "x": [c[1] for c in counts], "name": html.escape(name, quote=False), "marker": {"color": charts.PALETTE[0]}},
            {**common, "x": [c[2] for c in counts], "name": charts.ALL_MUNICIPALITIES, "marker": charts.MUTED_MARKER},
        ]
        # A municipality without marks says why in "Figuren viser" (the variant's alt holds charts._no_marks' sentence): a
        # note of its own beside it printed the sentence twice, three lines apart (Guldborgsund's diagrams 1 and 2).
        return Figure(figure.title, figure.alt, {"data": bars, "layout": layout}, figure.table, mark_note(name))


# Where a municipality's edition says the table stands whose municipality column would be empty (ColumnChart.column):
# the whole book's chapter of the comparison (front_page.COMPARISON_PAGE), which prints every municipality's column.
COMPARISON_TITLE = "Sammenlign kommuner"
ELSEWHERE = f"Tabellen med alle kommuners tal står i kapitlet „{COMPARISON_TITLE}“ i hele bogen."

# What an edition calls a figure with a drawing, and one that is its sentence and table (figure_labels). "Diagram", not
# "Figur": the report's own Figures 1-4 keep their numbers.
DIAGRAM = "Diagram"
TABLE = "Tabel"

# A chart compares: drawn from fewer of the municipality's rows than this, it says less than a sentence (worth_drawing).
FEWEST_ROWS = 2


def worth_drawing(rows: int) -> bool:
    """Whether a printed bar chart of the municipality's `rows` rows (those it counts something in) is worth drawing,
    or a sentence says what it would show."""
    return rows >= FEWEST_ROWS


def noun_of(table: pd.DataFrame) -> str:
    """What a heatmap's table counts, from its first column's heading without whose words they are ('Kunstform/aktivitet
    (redaktionens betegnelser)' -> 'kunstform/aktivitet'): the figure's source line says whose, under it."""
    return re.sub(r"\s*\(.*\)$", "", str(table.columns[0])).lower()


def one_row(name: str, noun: str, row: str, counts: tuple[str, int, int]) -> str:
    """The sentence that stands for a chart of one row: the row, the municipality's count and all municipalities'."""
    _, own, total = counts
    return (
        f"For {name} tæller kun én {noun}: {row}, i {plural(own, 'indsats', 'indsatser')} "
        f"(alle kommuner tilsammen: {number(total)}). Tabellen har alle kommuners tal."
    )


@dataclass
class EditionCharts:
    """The book's charts the municipality editions print, and (filled as the editions are written) each
    ingredient's general quotes, which are the same in every edition that has none of them as its own."""

    quotes_per_ingredient: ChartVariants
    art_forms: ChartVariants
    target_groups: ChartVariants
    general_quotes: dict[str, tuple[pd.DataFrame, dict, int, list[views.Item]]] = field(default_factory=dict)

    @classmethod
    def compute(cls, data: Dataset) -> EditionCharts:
        """The charts and the general quotes, once: the printers (processes, printing.print_pdfs) inherit them."""
        charted = ("citater-pr-ingrediens", "kunstformer-kommune", "maalgrupper-kommune")
        counted = {c: provenance.value_label(data.options, f"figur:{c}") for c in charted}
        whose = {c: provenance.chart_label(data.options, c) for c in charted}
        made = cls(
            ChartVariants(charts.quotes_per_ingredient(data), counted["citater-pr-ingrediens"], whose["citater-pr-ingrediens"]),
            ChartVariants(charts.art_forms_by_municipality(data), counted["kunstformer-kommune"], whose["kunstformer-kommune"]),
            ChartVariants(charts.target_groups_by_municipality(data), counted["maalgrupper-kommune"], whose["maalgrupper-kommune"]),
        )
        for ingredient_id in data.ingredients["ingredient_id"]:
            shared_quotes(data, ingredient_id, made.general_quotes)
        return made


# A heatmap whose columns outnumber this (and its rows) is printed with rows and columns swapped: a page is
# narrow, and a long list of municipalities reads down the page.
GRID_COLUMNS = 12


def heatmap_grid(trace: dict, axes: figures.Axes, over: dict | None = None) -> Markup:
    """A heatmap as a grid of coloured cells with the count in each (HTML, so Chromium prints it as vectors):
    plotly paints heatmap cells as one raster image. Same numbers, labels (the chart model's, as plain text) and
    colour scale as the book's chart; `over`, the chart's trace of the cells above its scale (charts._heatmap), gives
    those cells its colour, and the scale ends at the trace's zmax, as on the web."""
    z = [[int(v) for v in row] for row in trace["z"]]
    rows, columns = list(axes.rows), list(axes.columns)
    values = [v for row in z for v in row]
    low, high = (min(values), max(values)) if values else (0, 0)
    beyond = "" if over is None else str(over["colorscale"][-1][1])
    if beyond:
        high = int(trace["zmax"])
        low = min(low, high)
    cells = [[_over_cell(v, beyond) if beyond and v > high else _heat_cell(v, low, high, trace["colorscale"]) for v in row] for row in z]
    if len(columns) > GRID_COLUMNS and len(columns) > len(rows):
        rows, columns, cells = columns, rows, [list(c) for c in zip(*cells, strict=True)]
    return Markup(environment().get_template("heatmap.html").render(rows=list(zip(rows, cells, strict=True)), columns=columns))


def _heat_cell(value: int, low: int, high: int, scale: list) -> tuple[str, str, str]:
    """(count, background, text colour): plotly's linear colour scale between the data's minimum and maximum,
    and whichever of black and white contrasts more with the cell."""
    # plotly.js widens an empty range by 0.5 each way, so then every cell takes the middle colour.
    share = 0.5 if high == low else (value - low) / (high - low)
    stops = [(float(position), _rgb(colour)) for position, colour in scale]
    upper = next(i for i, (position, _) in enumerate(stops) if position >= share or i == len(stops) - 1)
    (p0, c0), (p1, c1) = stops[max(upper - 1, 0)], stops[upper]
    part = 0.0 if p1 == p0 else (share - p0) / (p1 - p0)
    rgb = tuple(round(a + (b - a) * part) for a, b in zip(c0, c1, strict=True))
    text = "#000000" if _contrast(rgb, (0, 0, 0)) >= _contrast(rgb, (255, 255, 255)) else "#ffffff"
    return number(value), "#{:02x}{:02x}{:02x}".format(*rgb), text


def _over_cell(value: int, background: str) -> tuple[str, str, str]:
    """(count, background, text colour) of a cell above the scale, in the colour of its own (charts.OVER_SCALE)."""
    rgb = _rgb(background)
    text = "#000000" if _contrast(rgb, (0, 0, 0)) >= _contrast(rgb, (255, 255, 255)) else "#ffffff"
    return number(value), background, text


def _rgb(colour: str) -> tuple[int, int, int]:
    if colour.startswith("#"):
        return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
    red, green, blue = (int(float(v)) for v in re.findall(r"[\d.]+", colour)[:3])
    return red, green, blue


def _contrast(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """WCAG's contrast ratio of two colours."""

    def luminance(rgb: tuple[int, ...]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def plot_island(plot: dict) -> Markup:
    """A plot as a JSON island that figures.js draws in its <figure>; escaped so no data can close the tag."""
    return Markup(json_island(plot, "kr-edition-figure"))


# -- the municipality edition ------------------------------------------------------------------------


def _labels(data: Dataset, table: str, key: str, ids: tuple[str, ...], column: str = "label") -> str:
    frame = data.tables[table]
    names = dict(zip(frame[key], frame[column], strict=True))
    return ", ".join(str(names.get(i, i)) for i in ids) or "ikke angivet"


def _one(data: Dataset, table: str, key: str, value: str, column: str) -> str:
    frame = data.tables[table]
    match = frame.loc[frame[key] == value, column]
    return str(match.iloc[0]) if len(match) else value


def initiative_items(data: Dataset, kommunekode: str) -> list[dict]:
    """The municipality's initiatives, each field's mark lifted to the block's line where every card's has one
    source, by the one rule the profile page follows (cards.lift_marks, initiative_lifted; reading 21, #5)."""
    return cards.lift_marks(_initiative_facts(data, kommunekode))[0]


def initiative_lifted(data: Dataset, kommunekode: str) -> list[str]:
    """The values (schema.EDITORIAL_VALUES) whose marks the edition's block of initiatives says once."""
    return cards.block_lifted(data, filters.initiatives(data, kommunekode).sort_values("position"))


def _initiative_facts(data: Dataset, kommunekode: str) -> list[dict]:
    rows = filters.initiatives(data, kommunekode).sort_values("position")
    said_before = bool(cards.statuses_said(data, rows))
    return [
        {
            "id": r.initiative_id,
            "title": cards.title_in_text(data, r),
            "kind": _one(data, "initiative_kinds", "initiative_kind_id", r.kind, "label"),
            "description": r.description,
            "facts": _said_unstated(data, cards.initiative_facts(data, r, said_before)),
            "section": filters.section_title(data, r.section_id),
        }
        for r in table_rows(rows)
    ]


def _said_unstated(data: Dataset, facts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """An initiative's facts with a fact the report leaves out in the words the web card's line says it in ('ikke
    angivet i rapporten'; cards.unstated_facts), not a bare 'ikke angivet' (reading26, #3). The folder's words, so an
    analyst's edition does not name the report."""
    said = provenance.folder_words(data.options).not_stated
    return [(label, said if isinstance(value, str) and value == NOT_STATED else value) for label, value in facts]


def quote_item(data: Dataset, turns: pd.DataFrame | list[dict], kommunekode: str = "", words: CardWords | None = None) -> dict:
    """A quote (or a whole exchange) with its speaker, attribution level, rationale, ingredients and section.
    `turns` as a table or as its rows (cards.group_records); `words` are the edition's, looked up once."""
    rows = turns.to_dict("records") if isinstance(turns, pd.DataFrame) else turns
    words = words or CardWords(data)
    first = rows[0]
    # The kind stands bare; its chapter says once whose its kinds are (kinds_line, ADR 70, 81).
    kind, speaker, citation = cards.speaker_line(data, rows, kinds_lifted=cards.kinds_editors(data, [rows]))
    literature = bool(first["reference_key"])
    tie, level = views.quote_tie(first)
    ingredient_ids = tuple(dict.fromkeys(i for row in rows for i in row["ingredient_ids"]))
    ingredient_tie, ingredient_why = cards.ingredient_tie_line(rows)
    return {
        "rows": rows,
        "ids": [row["quote_id"] for row in rows],
        "turns": [(row["shown_role"] if len(rows) > 1 else "", row["text"]) for row in rows],
        "kind": kind,
        "speaker": speaker,
        "citation": citation,
        "lang": cards.quote_language(data, first),
        "literature": literature,
        # The web card's rule (views.has_tie_line): no line for an untied sign, nor for an untied quote where the data
        # tie none (the edition says so once, untied_line).
        "tie_line": views.has_tie_line(data, first),
        "municipality": filters.municipality_name(data, tie) if tie else "",
        # A cited work's quotation says it has no municipality, in the download's words (provenance.LITERATURE_UNTIED).
        "attribution": f"{provenance.LITERATURE_UNTIED[0].upper()}{provenance.LITERATURE_UNTIED[1:]}."
        if literature
        else words.labels[level],
        "rationale": first["attribution_rationale"] if level == "inferred" else "",
        "own": bool(tie) and tie == kommunekode,
        "ingredients": _labels(data, "ingredients", "ingredient_id", ingredient_ids, "name") if ingredient_ids else "",
        "section": words.section(first["section_id"]),
        "ingredient_tie": ingredient_tie,
        "ingredient_why": ingredient_why,
        # Where the whole quote stands, on a short card of an edition that prints it whole elsewhere (once_in_full).
        "printed_where": "",
        # The report's own slip in the quote's words, said once after them as on the web card (ADR 89).
        "slip": cards.quote_slip_note(data, rows),
    }


class CardWords:
    """What the cards of an edition say alike (attribution labels, section titles), looked up once per edition
    instead of once per card: at national scale the lookups were a third of an edition's HTML time."""

    def __init__(self, data: Dataset):
        self.data = data
        self.labels = attribution.labels(data.options)
        self.sections: dict[str, str] = {}

    def section(self, section_id: str) -> str:
        if section_id not in self.sections:
            self.sections[section_id] = filters.section_title(self.data, section_id)
        return self.sections[section_id]


def quote_items(data: Dataset, quotes: pd.DataFrame, kommunekode: str = "", words: CardWords | None = None) -> list[dict]:
    """quote_item for every card of `quotes` in report order, the table read once (cards.group_records)."""
    words = words or CardWords(data)
    return [quote_item(data, group, kommunekode, words) for group in cards.group_records(quotes)] if len(quotes) else []


def ingredient_items(data: Dataset, kommunekode: str, shared: dict | None = None, words: CardWords | None = None) -> list[dict]:
    """Each ingredient with every one of its quotes, as the book's page shows them when the municipality is chosen:
    the municipality's own first and marked, then the quotes tied to no municipality, then other municipalities'.

    Choosing a municipality highlights; it never removes (highlight.py): the groups and their headings are the
    page's (highlight.list_view), so the edition and the web page agree. General quotes are the same in every edition,
    so `shared` keeps each ingredient's quotes, cards and items between editions: at national scale, counting and
    grouping thousands of general quotes again for every edition took most of `make pdf`'s time before the first
    page was printed."""
    shared = {} if shared is None else shared
    words = words or CardWords(data)
    items = []
    # No tie at all: an edition with the editors' ties set aside (data.withheld) keeps the page's headings, which say so.
    untied = not views.any_tied(data) and not data.withheld
    name = str(data.municipalities.set_index("kommunekode").at[kommunekode, "name"])
    tally = statistics.quote_tally(data)
    order = provenance.order(data.options)
    for ingredient in table_rows(data.ingredients.sort_values("number")):
        selected, general, n_general, arranged = shared_quotes(data, ingredient.ingredient_id, shared)
        own = views.quotes_of(selected, kommunekode)
        ties = views.quote_ties(selected)
        elsewhere = selected[(ties != "") & (ties != kommunekode)]
        headings = {group: heading for group, heading, _ in highlight.list_view(data, arranged, views.QUOTE, kommunekode, True)["groups"]}
        other_groups, n_other = first_groups(elsewhere, GENERAL_QUOTE_LIMIT)
        items.append(
            {
                "number": int(ingredient.number),
                "name": ingredient.name,
                # The page's words and marks for both (lists.ingredient_texts): one mark after the description.
                **dict(zip(("short_description", "description"), lists.ingredient_texts(data, ingredient), strict=True)),
                # Whose each attention point is, in the ingredient page's words (render/guide.py).
                "attention_points": guide.attention_point_groups(data, ingredient.ingredient_id),
                "own": quote_items(data, own, kommunekode, words),
                # Where no quote is tied, the list is every municipality's, and its heading says so (untied_line).
                "own_heading": "" if untied else headings["chosen"],
                "general_heading": UNTIED_QUOTES_HEADING if untied else headings.get("none", ""),
                "others": [quote_item(data, g, kommunekode, words) for g in other_groups],
                "others_heading": headings.get("other", ""),
                "others_shown": shown_note(n_other, GENERAL_QUOTE_LIMIT, order),
                "counts": ingredient_counts(len(selected), len(own), n_general, len(elsewhere), cards.tie_levels(data, elsewhere)),
                # Whose the ties to the ingredient are, in the one tally's counts and data/provenance.py's words.
                "ties": provenance.ingredient_ties(tally.by_ingredient_source[ingredient.ingredient_id], "ingrediensen"),
                **general,
            }
        )
        if untied:
            items[-1]["general_summary"] = f"{untied_line(data, name)} {general['general_summary']}"
    return once_in_full(data, items)


def once_in_full(data: Dataset, items: list[dict]) -> list[dict]:
    """An edition prints a long quote whole once, as a page's list does (ADR 74): under the ingredient whose section it
    comes from, or else the first that has it; under any other it is its first words and where it stands whole. Køge's
    edition printed q030 in full under both »Leg, mod og læring« and »Gnist og flamme«. The items of general quotes
    are shared between editions: a short one is a copy."""
    own_section = dict(zip(data.ingredients["section_id"], data.ingredients["name"], strict=True))
    places: dict[str, list[str]] = {}
    homes: dict[str, str] = {}
    for ingredient in items:
        for card in (q for group in QUOTE_GROUPS for q in ingredient.get(group, [])):
            places.setdefault(card["ids"][0], []).append(ingredient["name"])
            homes[card["ids"][0]] = own_section.get(str(card["rows"][0]["section_id"]), "")
    whole = {key: homes[key] if homes[key] in names else names[0] for key, names in places.items()}
    for ingredient in items:
        for group in QUOTE_GROUPS:
            ingredient[group] = [_said_once(data, card, whole, places, ingredient["name"]) for card in ingredient.get(group, [])]
    return items


# An ingredient's quote cards in an edition: the municipality's own, those tied to none, other municipalities'.
QUOTE_GROUPS = ("own", "general", "others")


def _said_once(data: Dataset, card: dict, whole: dict[str, str], places: dict[str, list[str]], ingredient: str) -> dict:
    """`card` as printed under `ingredient`: whole where it stands whole (`whole`), or where it is no longer than its
    first words; else its first words and where it stands whole, above or below (`places`, in print order), with the
    note on a slip of the report's only where the first words hold it (cards.quote_slip_note)."""
    key = card["ids"][0]
    if whole[key] == ingredient or len(" ".join(text for _, text in card["turns"]).split()) <= cards.FIRST_WORDS:
        return card
    where = "ovenfor" if places[key].index(whole[key]) < places[key].index(ingredient) else "nedenfor"
    speaker, text = card["turns"][0]
    short = cards.first_words(text)
    return {
        **card,
        "turns": [(speaker, short)],
        "printed_where": f"Hele citatet står {where} under »{whole[key]}«.",
        "slip": cards.quote_slip_note(data, [{**card["rows"][0], "text": short}]),
    }


# The heading of an ingredient's quotes in an edition where the data tie none to any municipality: a skimmer of
# Egedal's edition took the report's quotes under Egedal's title for Egedal's voices (reading 21, finding 1). It says
# only what is true: „Citater fra alle kommuner“ claimed the quotes came from every municipality, which the report
# never says; it names its speakers as action-learning participants, tied to no municipality (reading27, #2).
UNTIED_QUOTES_HEADING = "Rapportens citater om ingrediensen"


def untied_line(data: Dataset, name: str) -> str:
    """What an edition says over its quotes where none is tied to any municipality, from whose the ties are:
    'Rapporten knytter ingen citater til nogen kommune, og ingen tilknytning til Egedal er udledt af redaktionen.'"""
    return attribution.none_tied(attribution.source(data.options), name, False, data.withheld)


def shared_quotes(data: Dataset, ingredient_id: str, shared: dict) -> tuple[pd.DataFrame, dict, int, list[views.Item]]:
    """An ingredient's quotes, its general cards, how many general quotes it has and its cards as the rules see them
    (views.Item, for the page's headings), made once into `shared`."""
    if ingredient_id not in shared:
        selected = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient_id))
        general_rows = views.general_quotes(selected)
        shared[ingredient_id] = (selected, general_cards(data, general_rows), len(general_rows), card_items(selected))
    return shared[ingredient_id]


def card_items(quotes: pd.DataFrame) -> list[views.Item]:
    """views.Item for every card of `quotes` in report order (a card is tied as its first turn, and weighs its turns),
    read from the table without grouping it into cards: the same items as views.quote_items(cards.group_records(...))."""
    if quotes.empty:
        return []
    ordered = quotes.assign(_card=cards.card_keys(quotes)).sort_values(["position", "turn"])
    weights = ordered["_card"].value_counts()
    return [views.Item(*views.quote_tie(row), int(weights[row["_card"]])) for row in ordered.drop_duplicates("_card").to_dict("records")]


def ingredient_counts(total: int, own: int, general: int, elsewhere: int, elsewhere_ties: str = "") -> str:
    """How one ingredient's quotes split in this edition, so every count agrees with the diagram of the whole report:
    'I alt 8 citater til ingrediensen: 1 knyttet til kommunen og 7 uden kommune', in the words of the groups' headings
    (highlight.list_view). The quotes tied to other municipalities
    say whose ties they are (`elsewhere_ties`, cards.tie_levels: 'udledt af redaktionen'); they stand here too."""
    if not own and not elsewhere:
        # No quote tied: the heading and the line under it say so already ('0 knyttet til kommunen og 5 uden kommune'
        # under the untied list's heading said it a third time; the s23 reading, F9).
        return f"I alt {plural(total, 'citat', 'citater')} til ingrediensen."
    parts = [f"{number(own)} knyttet til kommunen", f"{number(general)} uden kommune"]
    if elsewhere:
        whose = f" ({elsewhere_ties})" if elsewhere_ties else ""
        parts.append(f"{number(elsewhere)} knyttet til andre kommuner{whose}")
    return f"I alt {plural(total, 'citat', 'citater')} til ingrediensen: " + ", ".join(parts[:-1]) + " og " + parts[-1] + "."


def general_cards(data: Dataset, general: pd.DataFrame) -> dict:
    """The first general cards, how many quotes and cards there are, and what the list leaves out."""
    groups, total = first_groups(general, GENERAL_QUOTE_LIMIT)
    words = CardWords(data)
    return {
        "general": [quote_item(data, g, words=words) for g in groups],
        "general_summary": cards.quote_count_summary(general, data.options, withheld=data.withheld),
        "general_shown": shown_note(total, GENERAL_QUOTE_LIMIT, provenance.order(data.options)),
    }


def first_groups(quotes: pd.DataFrame, limit: int) -> tuple[list[list[dict]], int]:
    """The first `limit` cards (a quote, or an exchange's turns together) in report order, and how many there are.

    Chooses the cards before grouping: grouping thousands of quotes for every edition was the slow part."""
    if quotes.empty:
        return [], 0
    keys = cards.card_keys(quotes)
    order = list(dict.fromkeys(keys.loc[quotes.sort_values(["position", "turn"]).index]))
    chosen = quotes[keys.isin(order[:limit])]
    return (cards.group_records(chosen) if len(chosen) else []), len(order)


def shown_note(total: int, limit: int, order: str) -> str:
    """What a shortened list leaves out, in words, in whose order the cards stand (provenance.order: 'rapportens
    rækkefølge'); '' when it shows everything."""
    if total <= limit:
        return ""
    return f"Udgaven viser de første {number(limit)} af {plural(total, 'kort', 'kort')} i {order}; alle står i bogen."


def recommendation_items(data: Dataset) -> list[dict]:
    return [
        {
            # The report's wording under the point only where the book words it otherwise (guide.point_texts, ADR 123).
            "text": text,
            "report_text": report,
            "ingredients": _labels(data, "ingredients", "ingredient_id", r.ingredient_ids, "name"),
        }
        for r in table_rows(data.guide_recommendations.sort_values("position"))
        for text, report in [guide.point_texts(data, r)]
    ]


# The section at the end of an edition that its figures' short notes point to: why a figure's values are whose they
# are stands there, so the notes under the drawings say only whose they are (a 12-line note under Egedal's first
# diagram came before the report's content, reader s22, #1).
SOURCES_TITLE = "Om kilderne"
SOURCES_ID = "om-kilderne"
SOURCES_POINTER = f"Begrundelsen står i „{SOURCES_TITLE}“ bagerst."


def printed_chart_whose(data: Dataset, figure_id: str) -> provenance.Whose:
    """Whose a diagram is and why, as an edition prints it (provenance.chart_parts, the page's words), without what its
    title and line say already. 'Redaktionens optælling …, ikke rapportens' says that the report has no such figure
    (COUNTED_FROM_DATA); where the data tie no quote, the quotes' diagram says so in its title, so its reasons say once
    that no one ties them, not how bars and categories would show a tie (the s20 reader skipped Egedal's eight grey
    lines over diagram 3, three of them about ties that are not there)."""
    told = provenance.data_reasons(data.tables)
    if not views.any_tied(data):
        told |= {"figur:citater-pr-ingrediens": f"{NO_TIE_AT_ALL}.", "quotes.speaker_category": SPEAKER_CATEGORIES}
    whose = provenance.chart_parts(data.options, figure_id, told)
    return replace(whose, reasons=" ".join(whose.reasons.replace(COUNTED_FROM_DATA, "").split()))


def kinds_line(data: Dataset, items: Sequence[dict], pointer: bool = True) -> str:
    """After a list of quote cards, whose their kinds are, in the page's words (cards.kinds_whose) and, with `pointer`,
    where the reasons stand: 'Kortenes „Interviewcitat“ er redaktionens betegnelse, ikke rapportens. Begrundelsen står
    i „Om kilderne“ bagerst.' '' where no card's kind is the editors'."""
    whose = cards.kinds_whose(data, [item["rows"] for item in items])
    if not whose:
        return ""
    return short_note(whose) if pointer else whose.line


def kinds_reasons(data: Dataset, items: Sequence[dict]) -> str:
    """Why the kinds of an edition's cards are the editors', for »Om kilderne«, said once for all its lists."""
    whose = cards.kinds_whose(data, [item["rows"] for item in items])
    return whose.reasons if whose else ""


def short_note(whose: provenance.Whose, more: str = "") -> str:
    """A note under a figure or a list: whose its values are, in the provenance words' one line, and where the
    reasons stand (SOURCES_POINTER) when there are any: at most two printed lines."""
    return " ".join(filter(None, (whose.line, SOURCES_POINTER if whose.about or more else "")))


# What a diagram's mark stands after, as its chapter's key names it (provenance.mark_key).
FIGURE_KEY = "efter et diagram- eller tabelnummer"


def _title_entry(data: Dataset, kommunekode: str) -> tuple[str, str]:
    """An editors' title's entry in its chapter's key (provenance.mark_key), where one of the municipality's carries it."""
    titled = cards.titled(data, data.initiatives[data.initiatives["kommunekode"] == kommunekode])
    return (provenance.TITLE_KEY, provenance.value_label(data.options, cards.TITLE_VALUE) if titled else "")


def _figure_key(editors: str) -> tuple[str, str]:
    """A diagram's entry in its chapter's key (provenance.mark_key): where the mark stands and whose the values are, in
    kilder.csv's words for the diagram's download (provenance.chart_label; '' where none is the editors')."""
    return (FIGURE_KEY, editors)


def figure_mark(whose: provenance.Whose) -> str:
    """The mark after an edition's diagram's number where its values are the editors': 'Diagram 1 (red.).', as the
    book's pages mark a figure the editors drew (ADR 61, 81)."""
    return provenance.owner_mark(provenance.EDITORS_SHORT) if whose.editors else ""


def edition_sources(data: Dataset) -> dict[str, str]:
    """Whose word the edition's added values are (kulturensrige/data/provenance.py): code, region and diagrams. A
    diagram's note is short (short_note); its reasons, `*_about`, stand in the section »Om kilderne« at the end."""
    code, region = (provenance.value_label(data.options, f"municipalities.{c}") for c in ("kommunekode", "region"))
    if code == region == "redaktionens tilføjelse":
        note = "Kommunekode og region er redaktionens tilføjelser: rapporten nævner hverken kommunekoder eller regioner."
    else:
        note = f"Kommunekoden er {code}, regionen {region}."
    # The art forms' and target groups' diagrams: counted alike, so one entry says it for both.
    counted = printed_chart_whose(data, "kunstformer-kommune")
    # The quotes' diagram also says whose the ties it counts are (the one quote tally, data/provenance.py's words).
    quoted, ties = printed_chart_whose(data, "citater-pr-ingrediens"), charts.ingredient_ties_note(data)
    return {
        "code": code,
        "region": region,
        "note": note,
        "starting_point": lists.starting_point_owner(data),
        # A retelling has no mark of its own: the cover says once whose the text is (provenance.retelling_rule). The
        # outcome is none since ADR 93: it prints its owner's words after it, as the starting point beside it does.
        **{
            field: ""
            if provenance.is_retelling(data.options, f"municipalities.{field}")
            else provenance.value_label(data.options, f"municipalities.{field}")
            for field in ("summary", "outcome")
        },
        # An editors' diagram carries the short mark after its number, and its chapter's key says once what it means
        # (figure_key): a line after each figure said "Redaktionens optælling …, ikke rapportens." (ADR 81). Another
        # source's diagram keeps its line.
        "figures": "" if counted.editors else short_note(counted),
        "figures_mark": figure_mark(counted),
        # The chapter key's words for its diagrams (_figure_key), kilder.csv's for their downloads.
        "figures_whose": provenance.chart_label(data.options, "kunstformer-kommune") if counted.editors else "",
        "figures_about": counted.about,
        # The ingredients' chapter's one diagram: its line is the chapter's key (the editors' mark after its number).
        "quotes_figure": short_note(quoted, ties)
        if not quoted.editors
        else " ".join(
            (
                provenance.mark_key(_figure_key(provenance.chart_label(data.options, "citater-pr-ingrediens"))),
                SOURCES_POINTER if quoted.about or ties else "",
            )
        ).strip(),
        "quotes_figure_mark": figure_mark(quoted),
        "quotes_figure_about": " ".join(filter(None, (quoted.about, ties))),
        # Only the reason: whose the ties are, the lead's one sentence says with the items' (guide.basis_note, ADR 100).
        "guide": provenance.values_reasons(data.options, "guide_recommendations.ingredient_ids"),
        # Each point's ingredients with the short mark, keyed by the chapter's lead (guide): "Redaktionens kobling:"
        # before each of the seven points was seven of an edition's sixty "redaktionens" (ADR 81).
        "guide_items": provenance.page_marked("Ingredienser", provenance.value_label(data.options, "guide_recommendations.ingredient_ids")),
    }


def counted_again(data: Dataset, first: str) -> str:
    """The line under the target groups' figure where the art forms' is `first` ("Tabel 1"): it points to that one
    for the rest, by its label (the same reasons stood twice, a page apart). „Talt som diagram 1.“ stood under
    Egedal's diagram 1 itself, whose first figure is a table (reader30 #3)."""
    counted = printed_chart_whose(data, "kunstformer-kommune")
    whose = "" if counted.editors else provenance.chart_whose(data.options, "maalgrupper-kommune")
    return " ".join(filter(None, (whose, figures.counted_as(first.lower()))))


def figure_labels(figures: Mapping[str, Figure]) -> dict[str, tuple[str, Figure]]:
    """Each figure with its label: "Diagram N" where a chart is drawn, "Tabel N" where its sentence and table stand
    without one (worth_drawing), each kind numbered on its own. "Diagram 1" over a table alone read as a misprint
    (reader24, #5)."""
    counts = {DIAGRAM: 0, TABLE: 0}
    labelled = {}
    for key, figure in figures.items():
        if figure.elsewhere:  # a line, not a figure (ADR 102)
            continue
        kind = DIAGRAM if figure.plot else TABLE
        counts[kind] += 1
        labelled[key] = (f"{kind} {counts[kind]}", figure)
    return labelled


def both_labels(first: str, second: str) -> str:
    """Two figures' labels as one names them: "Diagram 1 og 2", or "Tabel 1 og Diagram 1" where the kinds differ."""
    kind = first.split(" ", 1)[0]
    return f"{first} og {second.removeprefix(kind + ' ')}" if second.startswith(kind + " ") else f"{first} og {second}"


def sources_about(
    numbered: Mapping[str, tuple[str, Figure]], sources: Mapping[str, str], initiatives: str, kinds: str = "", elsewhere: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """The entries of »Om kilderne«: what they are about, and why its values are whose they are: the `initiatives`'
    division and terms (cards.whose_terms_text), the diagrams (edition_sources), by their labels or, for a figure that
    is a line (ADR 102), by the titles in `elsewhere`, and the quote cards' `kinds` (kinds_reasons)."""
    entries = [("Indsatserne", initiatives)] if initiatives else []
    if kinds:
        entries.append(("Citaternes betegnelser", kinds))
    counted = [numbered[key][0] for key in ("art_forms", "target_groups") if key in numbered] + list(elsewhere)
    if counted and sources["figures_about"]:
        entries.append((both_labels(*counted) if len(counted) == 2 else counted[0], sources["figures_about"]))
    if sources["quotes_figure_about"]:
        entries.append((numbered["quotes"][0], sources["quotes_figure_about"]))
    return entries


def known_reasons(data: Dataset) -> list[str]:
    """Every reason provenance may give why a value is the editors' (provenance.reason), in this data's words, longest
    first: the units a note's reasons are made of (said_once)."""
    told = provenance.data_reasons(data.tables)
    said = {provenance.reason(value, told) for value in provenance.EDITORIAL_VALUES} | set(told.values())
    # A municipality's own sentences, said once, under every municipality that gives them (reading 28, #4b); the rule
    # for gathering organisations is a unit of its own, also inside the general reason it ends, so it stands once.
    said |= set(provenance.municipal_reasons(data.tables))
    said = {piece.strip() for reason in said for piece in reason.split(ORGANISATION_RULE)} | {ORGANISATION_RULE}
    return sorted(filter(None, said), key=len, reverse=True)


def said_once(sources: Sequence[tuple[str, str]], reasons: Sequence[str], titles: Sequence[str] = ()) -> list[tuple[list[str], str]]:
    """»Om kilderne« with each reason said once: every note's reasons (each of `reasons` it holds, and the rest of its
    text as one more) stand once, under all the places whose note gives them (listed_places, by the chapters'
    `titles`), and the reasons that the same places give stand together. The whole book printed the seven
    municipalities' and their thirteen cards' same reasons after every one of them, five pages of them (reader24's PDF
    findings; issue 22, part 7)."""
    pattern = re.compile("|".join(re.escape(r) for r in reasons)) if reasons else None
    places: dict[str, list[str]] = {}
    for which, about in sources:
        text = " ".join(about.split())
        units = [m.group() for m in pattern.finditer(text)] if pattern else []
        rest = " ".join(pattern.sub(" ", text).split()) if pattern else text
        for unit in [*units, *([rest] if rest else [])]:
            if which not in places.setdefault(unit, []):
                places[unit].append(which)
    together: dict[tuple[str, ...], list[str]] = {}
    for unit, where in places.items():
        together.setdefault(tuple(where), []).append(unit)
    return [(listed_places(where, titles), " ".join(units)) for where, units in together.items()]


def under_shared_places(entries: Sequence[tuple[list[str], str]]) -> list[tuple[str, list[str], str]]:
    """»Om kilderne«'s entries (said_once) with a place several of them give printed once, over them: each as (that
    place or "", its other places, its reasons). „Køge, Høje-Taastrup, …: Indsatser“ headed four entries in a row, and
    „Sammenlign kommuner: Side om side“ two (reader30 #8). An entry of two or more places stands under the one most
    entries give, where another entry stands under it too; the entries under one place stand together, where the
    first of them stood."""
    counts = Counter(place for places, _ in entries for place in places)
    chosen = [
        max((p for p in places if counts[p] > 1), key=counts.__getitem__, default="") if len(places) > 1 else "" for places, _ in entries
    ]
    under = Counter(chosen)
    groups: dict[str | int, list[tuple[str, list[str], str]]] = {}
    for n, ((places, about), shared) in enumerate(zip(entries, chosen, strict=True)):
        shared = shared if under[shared] > 1 else ""
        groups.setdefault(shared or n, []).append((shared, [p for p in places if p != shared], about))
    return [entry for group in groups.values() for entry in group]


def listed_places(places: Sequence[str], titles: Sequence[str]) -> list[str]:
    """The places a reason of »Om kilderne« is given for ('Køge: Indsatser', a chapter's title and a section's), a line
    for each chapter, with its sections, and one line for the chapters of the same sections: 'Køge, Høje-Taastrup og
    Aarhus: Indsatser'. Run on, „De deltagende kommuner: Kommunerne; De deltagende kommuner: Kommunerne i tal; Køge:
    Udgangspunkt og resultat; Høje-Taastrup: …“ stood as one bold paragraph of up to four lines (reader27 #3). A
    chapter is the longest of `titles` that a place begins with; a place without one is a chapter of its own."""
    sections: dict[str, list[str]] = {}
    for place in places:
        title = max((t for t in titles if place == t or place.startswith(f"{t}: ")), key=len, default=place)
        section = place.removeprefix(title).removeprefix(": ")
        found = sections.setdefault(title, [])
        if section and section not in found:
            found.append(section)
    alike: dict[tuple[str, ...], list[str]] = {}
    for chapter, its in sections.items():
        alike.setdefault(tuple(its), []).append(chapter)
    return [f"{listing(chapters)}: {listing(its)}" if its else listing(chapters) for its, chapters in alike.items()]


def about_ties(data: Dataset, quotes: pd.DataFrame, name: str) -> str:
    """The edition's first paragraph on its quotes, from provenance and the municipality's own counts: 'Rapporten knytter
    ingen citater til nogen kommune; de citater, der er knyttet til Egedal, står i afsnittet »Citater knyttet til
    Egedal«: 1, udledt af redaktionen.'
    Reading 15, finding 4: 'hvad evalueringen … fortæller om Egedal: … og de citater, der er knyttet til kommunen'
    presented the editors' ties as the evaluation's, and promised quotes to municipalities that have none."""
    source = attribution.source(data.options)
    stated_anywhere = bool(statistics.quote_tally(data).stated)
    if not views.any_tied(data) and not data.withheld:  # no tie at all, inferred or set aside: nothing more to say
        return f"{provenance.words(source).subject} knytter ingen citater til nogen kommune."
    if quotes.empty:
        return attribution.none_tied(source, name, stated_anywhere, data.withheld)
    said = f"de citater, der er knyttet til {name}, står i afsnittet „Citater knyttet til {name}“: {cards.attributed_count(data, quotes)}."
    if stated_anywhere:
        return said[0].upper() + said[1:]
    return f"{provenance.words(source).subject} knytter ingen citater til nogen kommune; {said}"


def _marked(cite: front_page.Citing) -> dict[str, Markup]:
    """How to cite as the templates take it: each part already escaped by front_page.citing."""
    return {part: Markup(getattr(cite, part)) for part in ("report", "pages", "edition", "example")}


@dataclass(frozen=True)
class EditionPart:
    """One of a municipality edition's two parts: its label (in the contents and over its first chapter), what the
    cover says of it, and the ids of the places where it begins and ends, whose pages the printer writes in."""

    label: str
    about: str
    start: str
    end: str


def edition_parts(data: Dataset, name: str) -> list[EditionPart]:
    """The municipality's own part, and the part every municipality's edition has with the same content (the
    ingredients with their quotes and the guide's checklist): a reader of Køge's 16 pages found only 4 about Køge and
    nothing saying so (reader26, #3). The count of municipalities is the data's."""
    everyone = count_word(len(data.municipalities))
    return [
        EditionPart(f"Del 1: {name}", f"handler om {name}", "del-1", "del-1-slut"),
        EditionPart(
            f"Del 2: Fælles for alle {everyone} kommuner",
            f"har samme indhold i alle {everyone} kommuners udgaver",
            "del-2",
            "del-2-slut",
        ),
    ]


# Where the pages after the two parts end: the edition's last element, whose page the cover names.
BACK_END = "bag-slut"


def edition_back(has_sources: bool) -> EditionPart:
    """The pages after the two parts: the sources and how to cite, in every edition but worded for its own
    municipality, so in neither part (reading26r2, #16: Køge's cover accounted for pages 2–15 of its 16)."""
    # Short: a longer cover sentence ran Ringkøbing-Skjern's contents onto a second page in the print with blank
    # numbers, and every number of its contents came out one too high.
    about = "har kilderne og kildeangivelsen" if has_sources else "har kildeangivelsen"
    return EditionPart("", about, SOURCES_ID if has_sources else "citer", BACK_END)


def quotes_heading(name: str, tied: int) -> str:
    """The heading of a municipality's section on its quotes, in its edition's contents as over the section: what the
    section holds. „Citater“ in the contents led a reader hunting for Køge's quotes to a section that says none is
    tied to Køge (reader30 #5)."""
    return f"Citater knyttet til {name}" if tied else f"Citater (ingen knyttet til {name})"


def municipality_edition(data: Dataset, kommunekode: str, stamp: Stamp, edition_charts: EditionCharts, plotly_js: str) -> str:
    """The municipality's edition as one HTML document, every text from data escaped by the templates."""
    row = data.municipalities.loc[data.municipalities["kommunekode"] == kommunekode].iloc[0]
    quotes = filters.quotes(data, filters.QuoteFilter(kommunekode=kommunekode))
    name = row["name"]
    words = CardWords(data)
    initiatives = initiative_items(data, kommunekode)
    # Whose the division into initiatives and their kinds and terms are, in the profile page's words: a line before
    # them, the editors' reasons after them.
    rows = data.initiatives[data.initiatives["kommunekode"] == kommunekode]
    terms, reasons = cards.whose_terms_text(data, cards.titled(data, rows), *initiative_lifted(data, kommunekode), rows=rows)
    # Every figure marks the municipality as the book does when it is chosen: its part of the bars, or its bars beside all.
    figures = {}
    if initiatives:
        figures["art_forms"] = edition_charts.art_forms.column(kommunekode)
        figures["target_groups"] = edition_charts.target_groups.column(kommunekode)
    # How firmly the municipality's quotes are tied says itself ("1, udledt af redaktionen"), as everywhere a count of ties
    # stands; counted as the diagram and the ingredients show them: only the quotes that substantiate an ingredient.
    shown = quotes[quotes["ingredient_ids"].map(bool)]
    tied = cards.attributed_count(data, shown) if len(shown) else ""
    # The chosen variant marks its own table's column: the municipality's part of each ingredient (charts.quotes_per_ingredient).
    # With none of them the municipality's, the chart is the whole book's, with its title: „Citater pr. ingrediens (ingen
    # af dem er knyttet til Køge)“ in Del 2, which has the same content in every edition, was a chart whose title said it
    # held nothing of the municipality (reader29, F6; ADR 105).
    chart = edition_charts.quotes_per_ingredient
    quotes_title = f"Citater pr. ingrediens, med de citater, der er knyttet til {name} ({tied}), fremhævet" if tied else chart.title
    quotes_figure = chart.variant(kommunekode, quotes_title, kommunekode)
    # With none of them the municipality's, nothing is dimmed (charts.quotes_per_ingredient), and the note says so; where
    # the data tie no quote to any municipality, the table has no column of the municipality's to mark, and the title
    # already says none is tied: no note then, rather than one that claims a mark the page lacks.
    mark = highlight_note(name) if tied else untied_note(name) if views.any_tied(data) else ""
    figures["quotes"] = replace(quotes_figure, mark=mark)
    numbered = figure_labels(figures)
    sources = edition_sources(data)
    if "art_forms" in numbered:
        sources["figures_again"] = counted_again(data, numbered["art_forms"][0])
    ingredients = ingredient_items(data, kommunekode, edition_charts.general_quotes, words)
    tied_items = quote_items(data, quotes, kommunekode, words)
    all_quotes = [*tied_items, *(q for i in ingredients for q in (*i["own"], *i["general"], *i["others"]))]
    context = {
        "title": f"{TITLE} – {name}",
        "stamp": stamp,
        "municipality": {
            "name": name,
            "name_in_report": row.name_in_report,
            # Marked only where the editors spelled it otherwise than the report (provenance.name_mark).
            "name_mark": provenance.municipality_name_mark(data.options, name, row.name_in_report),
            "kommunekode": row.kommunekode,
            "official": codes_are_official(data.options),
            "region": row.region,
            "summary": row.summary,
            "starting_point": lists.starting_point(data, row.starting_point),
            "outcome": row.outcome,
            "outcome_question": provenance.outcome_question(),
            "outcome_not_stated": row.outcome == NOT_STATED,
            # Said after what the report tells, never first under the question's field (ADR 87).
            "outcome_untold": str(lists.untold_outcome(data, row)) if row.outcome == NOT_STATED else "",
            "all_groups": lists.all_groups_said(data, name),
            "section_source": provenance.in_sections(data.options, [filters.section_title_quoted(data, row.section_id)]),
        },
        "initiatives": initiatives,
        "initiative_count": statistics.initiative_count(data.initiatives[data.initiatives["kommunekode"] == kommunekode]),
        # What the cards' statuses are, once before them, as on the page (cards.statuses_said; ADR 87).
        "statuses_said": str(cards.statuses_said(data, data.initiatives[data.initiatives["kommunekode"] == kommunekode])),
        # The reasons stand in »Om kilderne«: twelve lines of them stood between Egedal's initiatives and its first
        # diagram (reader s22, #1).
        # The chapter's one key (ADR 81): whose the cards' labels are, what '(red.)' means after a title and after a
        # diagram's number, and where the reasons stand.
        "initiative_terms": " ".join(
            filter(
                None,
                (
                    terms,
                    provenance.mark_key(_title_entry(data, kommunekode), _figure_key(sources["figures_whose"])),
                    SOURCES_POINTER if reasons or sources["figures_about"] else "",
                ),
            )
        )
        if initiatives
        else "",
        "quotes": tied_items,
        "quotes_heading": quotes_heading(name, len(quotes)),
        "quotes_kinds": kinds_line(data, tied_items),
        # Whose the ingredients' quote cards' labels are, once for the chapter, after its diagram's key, whose pointer
        # to »Om kilderne« serves both (ADR 81).
        "ingredients_kinds": kinds_line(data, [q for i in ingredients for q in (*i["own"], *i["general"], *i["others"])], pointer=False),
        "quote_summary": cards.quote_count_summary(quotes, data.options, withheld=data.withheld),
        "attribution_intro": cards.attribution_intro(
            quotes, attribution.source(data.options), bool(statistics.quote_tally(data).stated), data.withheld
        ),
        "about_ties": about_ties(data, quotes, name),
        "facts_title": FACTS_TITLE,
        "profile_sections": PROFILE_SECTIONS,  # the chapter's order, the profile page's (docs/adr/0123)
        "attribution_levels": attribution.explained(data.options),
        "tied": tied,
        # Where the data tie no quote to any municipality, one sentence in place of the section's (cards.no_quote_tied).
        "quotes_tied": views.any_tied(data),
        "quote_order": provenance.order(data.options),  # where none is tied, the quotes only stand in the folder's order
        "no_quote_tied": _printable_markup(cards.no_quote_tied(data).markup, stamp.book_url),
        "sources": sources,
        "sources_about": sources_about(
            numbered,
            sources,
            reasons if initiatives else "",
            kinds_reasons(data, all_quotes),
            [figure.title for figure in figures.values() if figure.elsewhere],
        ),
        "sources_title": SOURCES_TITLE,
        "sources_id": SOURCES_ID,
        "ingredients": ingredients,
        # 'De fire virksomme ingredienser' from the data's count; 'alle deres citater' only where no list is shortened.
        "ingredients_title": (
            "Den virksomme ingrediens" if len(ingredients) == 1 else f"De {count_word(len(ingredients))} virksomme ingredienser"
        ),
        "quotes_shortened": any(i["others_shown"] or i["general_shown"] for i in ingredients),
        "recommendations": recommendation_items(data),
        "parts": edition_parts(data, name),
        "guide_wording": guide.basis_note(data),
        "wording": provenance.wording(data.options),
        "figures": numbered,
        # The municipality's figures that are a line in its part, not a table of the others (ADR 102).
        "figures_elsewhere": [figure for figure in figures.values() if figure.elsewhere],
        "kicker": front_page.cover_kicker(data),
        "credit": Markup(front_page.credit(data, this="Denne udgave", place=PRINTED_EDITORS_PLACE)),  # escaped in credit()
        "retelling_rule": provenance.retelling_rule(data.options),
        # What ”…” and „…“ hold, said in »Om kilderne« (docs/adr/0110).
        "quote_marks": provenance.quote_marks(provenance.folder_source(data.options)),
        # How to cite, in the web page's one form (escaped in citing()): the report, and this edition as the editors'.
        "cite": _marked(front_page.citing(data, f"udgave for {name}", stamp.when, stamp.book_url)),
        "plotly_js": plotly_js,
    }
    context["back"] = edition_back(bool(context["sources_about"]))
    return with_print_policy(environment().get_template("municipality.html").render(context))


# -- the whole book --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Chapter:
    """One page of the built book: its path in the site, its depth in the table of contents, its title."""

    path: str
    depth: int
    title: str


def chapters(site: Path) -> list[Chapter]:
    """The book's pages in reading order, from the front page's table of contents."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    front = soup.select_one("article.bd-article h1")
    found = [Chapter("index.html", 0, front.get_text().rstrip("#") if front else TITLE)]
    nav = soup.select_one("nav.bd-docs-nav")
    for link in nav.select("a.reference.internal") if nav else []:
        href = str(link.get("href", "")).split("#")[0]
        if href and not any(c.path == href for c in found):
            found.append(Chapter(href, len(link.find_parents("ul")), link.get_text(strip=True)))
    return found


def is_profile(chapter: Chapter) -> bool:
    """Whether a page of the book is a municipality's profile (data.pages: kommuner/profil-<slug>)."""
    return chapter.path.startswith(PROFILE_PREFIX)


def book_chapters(site: Path, analysts: bool = False) -> list[Chapter]:
    """The pages of the whole book a reader prints, in reading order; with `analysts`, those of the analysts' edition."""
    return [c for c in chapters(site) if for_analysts(c.path) == analysts]


# What the printed book leaves out: code, controls and the data only the page's script reads.
DROPPED = [
    "script:not(.kr-figure-json)",
    "template",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "button",
    "select",
    "textarea",
    "details.hide",
    ".cell_input",
    ".headerlink",
    ".kr-drill",
    ".kr-compare-choices",
    ".kr-compare-status",  # "2 af 7 kommuner står side om side": on paper all of them do
    ".kr-compare-default",  # "Uden andet valg står de to første kommuner … side om side": on paper all of them do
    ".kr-compare-names",  # the names over the columns while they scroll: paper read them run together, "KøgeHøje-Taastrup"
    ".kr-compare-facets",  # the columns facet by facet, for a phone (comparison._facets): paper prints the columns
    ".kr-web-only",  # a chapter's sentence about the filter or a click (book/*.ipynb)
    # A page's one key sentence (provenance.retelling_rule): the whole book's cover says it once, as an edition's does;
    # printed after every chapter's first paragraph it stood twenty times (ADR 81).
    ".kr-retelling-rule",
    # What the web book keeps off paper (Bootstrap's class): a profile's "Siden handler om Køge, uanset hvilken kommune
    # du har valgt …" and "Køge er valgt og fremhæves nu …" (lists.profile_choice), which the whole book printed under
    # every municipality's heading, where nothing has been chosen (reader s23, #1).
    ".d-print-none",
    # A table of marks names its columns again at its foot, for the eye (marks.html.j2): paper repeats its head on
    # every page, and the foot printed as one more row, "– Køge Høje-Taastrup …" (reader s23, #10).
    "table.kr-marks > tfoot",
    # Its caption repeats the figure's title just above it ("Kunstformer og aktiviteter pr. kommune" printed twice).
    "table.kr-marks > caption",
    # A marked cell's column name, which a phone shows where it reads the table as lines (ADR 67): paper prints the grid.
    ".kr-mark-where",
    ".kr-plot-waiting",  # "Figuren tegnes …" (figures.WAITING): the web page's word while plotly.js loads
    # The front page's "Sådan citerer du rapporten" ends "nævn også datamappens fingeraftryk nederst på siden": the
    # web page's foot. An edition's cover says how to cite the report and that edition, with its fingerprint.
    f"section:has(> #{front_page.CITE_ID})",
    # The data chapter's whole of citing (front_page.how_to_cite) cites the web edition and its day: the analysts'
    # edition's cover says how to cite it.
    f"section:has(> #{front_page.CITING_ANCHOR})",
    "details.kr-made",  # which notebook and CSV files made the page: the web book's line for analysts
    # The reference list (»Værkerne, som rapporten nævner dem«) with its heading: on the web each citation in the text
    # links to its entry, on paper a citation is text, and the list was a bare list of keys („Amhøj. 2019a.“) under the
    # table „Værker, rapporten henviser til“, which names every work with where the report cites it (reader30 #8).
    "section:has(.citation-list):not(:has(section))",
    "[hidden]",
    # A short quote's link to its full card: paper prints the section it stands in (cards.full_quote_at, ADR 74).
    ".kr-full-quote > a",
]
DROPPED_SELECTOR = ", ".join(DROPPED)
# Clauses of a sentence that speak of the web's choice of a municipality, left out of the sentence on paper, where
# nothing is chosen: "… og et valg af kommune markerer ingen af dem" printed on the whole book's front page (reader24, #7).
WEB_CLAUSES = (cards.UNTIED_CHOICE, UNTIED_CHOICE_BARS)
ARTICLE = SoupStrainer("article", class_="bd-article")


def printable_article(
    site: Path,
    chapter: Chapter,
    number_: int,
    book_url: str,
    models: dict[str, figures.Chart] | None = None,
    sources: list[tuple[str, str]] | None = None,
    said: set[str] | None = None,
    guide_once: GuideOnce | None = None,
    profiles_close: bool = True,
) -> Markup:
    """A built page's article, cleaned for paper: links only to http(s) and the book, headings one level down
    per depth in the table of contents, the charts' 'alle' variant drawn with its text alternative from the
    chart's model (`models`, by figure id). Given `sources`, a chart's note is its short line, and its reasons are
    added there for the edition's »Om kilderne« (_printable_figure_notes). Given `said`, the texts an earlier
    chapter printed that every profile says alike, a text already in it is left out (_said_once_in_the_book). Given
    `guide_once`, an ingredient's share of the guide is a pointer to the whole checklist (_guide_pointer). A profile
    that does not close the profiles (`profiles_close` false) leaves their closing lines to the last (PROFILES_CLOSE)."""
    # Only the article is made into a tree: the page's navigation (every page of the book) is most of it.
    page = BeautifulSoup((site / chapter.path).read_text(encoding="utf-8"), "html.parser", parse_only=ARTICLE)
    article = page.select_one("article.bd-article")
    if article is None:
        return Markup("")
    _printable_long_lists(article)
    if is_profile(chapter) and not profiles_close:
        for line in article.select(PROFILES_CLOSE):
            line.decompose()
    if guide_once is not None:
        _guide_pointer(article, guide_once)
    # A page's title and a table of marks' names carry soft hyphens for a phone (ADR 17: book/extension.py
    # hyphenated_title, words.hyphenated); paper needs none, and Chromium printed them as hyphens in the comparison's
    # narrow columns, which a PDF's text then keeps ("Borgere i sår-/bare").
    for text in article.find_all(string=lambda t: SOFT_HYPHEN in t):
        text.replace_with(text.replace(SOFT_HYPHEN, ""))
    for clause in WEB_CLAUSES:
        for text in article.find_all(string=lambda t, clause=clause: clause in t):
            text.replace_with(text.replace(clause, ""))
    _whole_figures(article, (site / chapter.path).parent)
    _printable_controls(article)
    for element in article.select(DROPPED_SELECTOR):  # one walk of the tree, not one per selector
        if not element.decomposed:  # inside one already left out
            element.decompose()
    if sources is not None:  # after the hidden variants' titles are left out: an entry names the title printed
        _printable_figure_notes(article, chapter.title, sources)
        _printable_whose_notes(article, chapter.title, sources)
        _point_to_sources(article)
    _chapter_key(article)
    for element in article.find_all(True):
        # data-kr-style numbers a rule of the site page's own <style> block, and would take the edition's rule of that number.
        for attribute in [a for a in element.attrs if a.lower().startswith("on") or a in ("style", "srcdoc", "data-kr-style")]:
            del element[attribute]
        if element.has_attr("id"):
            element["id"] = f"k{number_}-{element['id']}"
    for details in article.find_all("details"):
        details["open"] = ""
    for box in article.select("input"):
        # A space after the box: the text read on from it, "☐Saml en tværfaglig gruppe" (reader24, #7).
        box.replace_with(_checkbox(page), " ")
    _printable_key_figures(article, page)
    _printable_comparison(article, page)
    if said is not None:
        _said_once_in_the_book(article, said)
    if is_profile(chapter):
        _opening_with_first_card(article)
    _heading_with_its_table(article)
    _leads_with_what_follows(article)
    _printable_wide_tables(article, page)
    _printable_codes(article, page)
    _printable_empty_cells(article)
    _printable_addresses(article, page)
    _printable_links(article, chapter.path, book_url)
    _printable_images(article, site, chapter.path)
    _printable_figures(article, models or {})
    _shift_headings(article, chapter.depth + 1)
    _anchor_first_heading(article, chapter_id(number_))
    return Markup(article.decode_contents())


@dataclass(frozen=True)
class GuideOnce:
    """What the whole book's pointer to its one checklist of the guide says: the chapter it stands in, in its
    quotation marks (filters.heading_quoted: »Afsluttende betragtninger«, a heading of the report), how many
    recommendations the guide has, whose their ties to the ingredients are ('redaktionens kobling') and what a point's
    words of the report are called ('rapportens ordlyd')."""

    chapter: str
    total: int
    ties: str
    wording: str


def guide_once(data: Dataset, found: Sequence[Chapter], site: Path) -> GuideOnce | None:
    """Where the whole book prints the guide's checklist whole: the chapter whose page has its heading (guide.HEADING);
    None where no page has it, and every ingredient then prints its share."""
    anchor = f'id="{guide.ANCHOR}"'
    chapter = next((c for c in found if anchor in (site / c.path).read_text(encoding="utf-8")), None)
    if chapter is None:
        return None
    ties = provenance.value_label(data.options, "guide_recommendations.ingredient_ids")
    wording = provenance.folder_words(data.options).wording
    return GuideOnce(filters.heading_quoted(data, chapter.title), len(data.guide_recommendations), ties, wording)


# An ingredient's page sets the guide's points tied to it under this heading; the whole book prints the guide once.
GUIDE_SHARE = heading_id(guide.INGREDIENT_HEADING)
SAME_PAGES = "på de samme sider står guidens råd "
# A profile's last line says where the guide's checklists stand on the web (guide.where_the_rest_stands): under each
# ingredient's „I guiden“, whose ties carry the editors' mark after it.
# „på de samme sider står guidens råd som tjekliste under“ since reading 28 (#8) took „der“ out of guide.py's line: the
# whole book printed „I guiden“ again. „På de samme sider“ is the web's: the whole book's checklist stands elsewhere.
GUIDE_SHARES_SAID = re.compile(
    rf"(?:{SAME_PAGES})?som tjekliste (?:(?:der|på siderne om [^„]*) )?under „{re.escape(guide.INGREDIENT_HEADING)}“\s*$"
)


def _guide_pointer(article: Tag, once: GuideOnce) -> None:
    """An ingredient's share of the guide („I guiden“) in the whole book: one sentence saying how many of the guide's
    points are tied to the ingredient and where the checklist stands whole. Printed whole under each ingredient and
    again at the end, the same points stood five times (reader28, F7). A share with no point keeps its sentence. A
    profile's line on where the checklists stand names the whole book's one checklist."""
    for section in article.select(f"section#{GUIDE_SHARE}"):
        points = len(section.select("li.kr-check-item"))
        heading = section.find(re.compile(r"^h[1-6]$"))
        if not points or heading is None:
            continue
        for element in list(heading.find_next_siblings()):
            element.decompose()
        many = "Én" if points == 1 else count_word(points).capitalize()
        said = (
            f"{many} af guidens {count_word(once.total)} anbefalinger er koblet til denne "
            f"ingrediens {provenance.owner_mark(once.ties)}. Guiden står samlet som tjekliste under „{guide.HEADING}“ i "
            f"kapitlet {once.chapter}, med {once.wording} og ingredienserne ved hvert punkt."
        )
        pointer = BeautifulSoup("", "html.parser").new_tag("p", attrs={"class": "kr-guide-pointer"})
        pointer.string = said
        heading.insert_after(pointer)
    # A profile's line that the checklists stand under „I guiden“ names where the whole book prints the guide; the
    # mark of whose its ties to the ingredients are goes with them (the checklist says it).
    checklist = f"som tjekliste under „{guide.HEADING}“ i kapitlet {once.chapter}"

    def named(match: re.Match[str]) -> str:
        return f"guidens råd står {checklist}" if match.group(0).startswith(SAME_PAGES) else checklist

    for text in [t for line in article.select("p.kr-advice") for t in line.find_all(string=GUIDE_SHARES_SAID)]:
        mark = text.find_next_sibling()
        if mark is not None and "kr-by" in mark.get_attribute_list("class"):  # the web's button, not yet made text
            mark.decompose()
        text.replace_with(GUIDE_SHARES_SAID.sub(named, text))


# What stands before a profile's first card and goes with it onto the next page (edition.css): Køge's heading, lead,
# „Indsatser“ and „3 indsatser.“ stood at the foot of the whole book's p. 16, its cards overleaf (reader27 #3).
WITH_NEXT = "kr-with-next"
OPENING_BLOCKS = ("p", "div", "section", "ul", "ol", "dl", "table")


# What a page's opening is kept with: a profile's facts, the first block of „Udgangspunkt og udbytte“, which a profile
# gives first (ADR 123: kept down to the first card, the opening moved Høje-Taastrup and Guldborgsund whole to a new
# page, leaving the pages before two-thirds empty); else the page's first card.
OPENING_ENDS = (".kr-profile-facts > .kr-facts", ".kr-card")


def _opening_with_first_card(article: Tag) -> None:
    """A page's opening, its heading and every block before its first card (a profile's: its facts, OPENING_ENDS), is
    kept with it: a break is avoided after each of them, so the page breaks before the heading where all of it does
    not fit below the chapter before (a profile runs on below a short one, printing.RUN_ON_BELOW). Nothing where the
    page has neither."""
    end = next((found for css in OPENING_ENDS if (found := article.select_one(css)) is not None), None)
    if end is None:
        return
    around = {id(parent) for parent in end.parents}  # by identity: a Tag equals any Tag of the same markup
    for element in end.find_all_previous(True):
        if id(element) not in around and (element.name in OPENING_BLOCKS or re.fullmatch(r"h[1-6]", element.name)):
            element["class"] = " ".join(filter(None, [*element.get_attribute_list("class"), WITH_NEXT]))
    if "kr-card" in end.get_attribute_list("class"):
        end["class"] = " ".join(filter(None, [*end.get_attribute_list("class"), WITH_NEXT]))


# The blocks a section may hold between its heading and its table, all kept with the table: its heading, a line and a
# note on whose the columns are (»Kommunerne i tal«).
LEAD_TO_TABLE = 3


def _heading_with_its_table(article: Tag) -> None:
    """A section's heading and the few lines before its table go with the table: „Kommunerne i tal“ and two lines
    ended the whole book's p. 10, its table on p. 11 (reader29, F2; ADR 105). Kept with the table by WITH_NEXT, so
    the page breaks before the heading where all of them do not fit."""
    for section in article.select("section"):
        blocks = [child for child in section.children if isinstance(child, Tag)]
        if not blocks or not re.fullmatch(r"h[1-6]", blocks[0].name):
            continue
        at = next((n for n, block in enumerate(blocks) if block.name == "table" or block.select_one("table")), 0)
        if 0 < at <= LEAD_TO_TABLE and not any(block.name == "section" for block in blocks[:at]):
            for block in blocks[:at]:
                block["class"] = " ".join(filter(None, [*block.get_attribute_list("class"), WITH_NEXT]))


# What follows a paragraph that leads into it: a list of points, or (after a colon) a block of any kind. The class keeps
# the paragraph's last lines with the first of it (edition.css); a long paragraph may still break inside.
LED_BLOCKS = ("ul", "ol", "dl")
LEADS_ON = "kr-leads-on"


def _leads_with_what_follows(article: Tag) -> None:
    """A paragraph that leads into what follows it, one that ends in a colon or stands right before a list, goes over
    the page with the first lines of it, and its heading with it (LEADS_ON): the whole book's „Opmærksomhedspunkter“
    and „Rapporten nævner selv dette opmærksomhedspunkt:“ could end a page with the point overleaf, as Egedal's p. 8
    did (reader31 #7), and the analysts' edition's „Sådan ser arkene ud …:“ ended its p. 5 with the table on p. 6.
    Headings go with the paragraph after them anyway (edition.css)."""
    for paragraph in article.find_all("p"):
        after = paragraph.find_next_sibling(True)
        if after is not None and (paragraph.get_text().rstrip().endswith(":") or after.name in LED_BLOCKS):
            paragraph["class"] = " ".join(filter(None, [*paragraph.get_attribute_list("class"), LEADS_ON]))


# What closes every municipality's profile alike, printed in the whole book only after the last of them: the line that
# the quotes and the guide stand under the ingredients (guide.py, the same in every profile) and the key („(red.)“
# efter en værdi: …). The two lines of Køge's key stood alone on the whole book's p. 19, and the same key closed all
# seven (reader29, F2; ADR 105).
PROFILES_CLOSE = "p.kr-advice, .kr-key"


# What every municipality's profile says alike, printed in the whole book only where it stands first: the sentence
# that no quote is tied to any municipality stood, word for word under its own heading „Citater“, in all seven
# municipalities' chapters (reader27 #3). It applies to them all, and the first of them says so.
SAID_ONCE = f"p.{cards.NO_QUOTE_TIED_CSS}"


def _said_once_in_the_book(article: Tag, said: set[str]) -> None:
    """Each SAID_ONCE text the book printed in an earlier chapter is left out, with the section it was all of (its
    heading and the text); the first is printed and added to `said`."""
    for text in article.select(SAID_ONCE):
        words = " ".join(text.get_text(" ", strip=True).split())
        if words not in said:
            said.add(words)
            continue
        section = text.find_parent("section")
        heading = section.find(re.compile(r"^h[1-6]$")) if section is not None else None
        rest = " ".join(section.get_text(" ", strip=True).split()) if section is not None else ""
        if section is not None and heading is not None and rest == f"{' '.join(heading.get_text(' ', strip=True).split())} {words}":
            section.decompose()
        else:
            text.decompose()


def publisher_line(data: Dataset) -> str:
    """The whole book's title-page line under the title: what the book is about, the report's publisher and kind as
    the report names them ('Om Sund By Netværkets evalueringsrapport'). 'Evalueringsrapport · Sund By Netværket' read
    as the edition's own kind and author (reading 28, #4)."""
    report = front_page.publication(data)
    return f"Om {genitive(report.publisher)} {report.kind}"


# The line over the analysts' edition's title: the chapter is the editors' own text, not a rendering of the report,
# whose kicker ('Redaktionens gengivelse af … rapport') and publisher's line credited it to the publisher (reading 28, #4).
ANALYSTS_KICKER = "Redaktionens kapitel om bogens data og metode"


def chapter_id(number_: int) -> str:
    """The id the contents of the whole book link to for its `number_`th page."""
    return f"kapitel-{number_}"


def _anchor_first_heading(article: Tag, anchor: str) -> None:
    """The page's first heading takes the id the contents link to, so the page number there is the heading's: a
    chapter's section can begin at the foot of a page whose next lines push its heading onto the next (an empty
    block before the heading, then the heading kept with what follows it). A page without a heading gets an
    empty anchor at its start."""
    heading = article.find(re.compile(r"^h[1-6]$"))
    if heading is None:
        heading = BeautifulSoup("", "html.parser").new_tag("span")
        article.insert(0, heading)
    heading["id"] = anchor


# Under each printed table, in a consultant's words: no file name (kilder.csv printed under every table, reader s23, #11).
PRINTED_CSV_LINE = "Tabellen kan hentes som regneark (CSV) i den interaktive bog, sammen med en oversigt over, hvem hver kolonne bygger på."
# Where a printed edition says the editors' additions are explained, in one wording on its cover, after a key and on
# the whole book's front page (reading 26, #11: „bogens kapitel „Data og genkørsel““, „udgaven … i kapitlet om data“).
PRINTED_EDITORS_PLACE = f"under „Hvem siger det“ i kapitlet „Data og genkørsel“ i udgaven „{ANALYSTS_TITLE}“"
METHOD_MORE = f"{front_page.METHOD_LINK}, står {PRINTED_EDITORS_PLACE}."


def _printable_controls(article: Tag) -> None:
    """What only a screen can do is not offered on paper: every municipality stands side by side (the page shows
    the first few until the reader ticks more), a chart's numbers are simply 'Tallene', no note asks for a click, a
    table's download is named, not offered, and a mark that opens the key on the web is its text, '(red.)', whose key
    the chapter prints at its end (docs/adr/0040, 0081; the whole-book PDF dropped every mark with the buttons)."""
    for kind_key in article.select(f".{provenance.MARK_KEY_CSS}"):  # a mark's own key on the web: paper prints the page's
        kind_key.decompose()
    for mark in article.select("button.kr-red"):  # '(red.)' opens the key on the web; on paper it is text
        words = article.new_tag("span", attrs={"class": "kr-by"})
        # The same short mark as on the page, keyed once at the chapter's end (its key, printed): spelled out, an
        # editors' title put "(redaktionens titel)" in running sentences, 32 times in the whole book (ADR 81).
        words.string = mark.get_text()
        mark.replace_with(words)
    for line in article.select(".kr-csv-line"):  # "Hent tabellen som CSV" is a download; paper says where it is
        line.string = PRINTED_CSV_LINE
    for more in article.select(".kr-key a"):
        # "Læs mere om, hvem der siger hvad" links to the data chapter, which is the analysts' edition: on paper the
        # link printed as dead text (reader s23, #10), then as a line naming that place, after all thirteen chapters' keys
        # (reader27 #3). The cover names the place once (credit, PRINTED_EDITORS_PLACE); the key says what a mark means.
        holder = more.parent
        more.decompose()
        if isinstance(holder, Tag) and not holder.get_text(strip=True) and "kr-key" not in (holder.get("class") or []):
            holder.decompose()
    for more in article.select("p.kr-quote-more"):  # the front page's link to the data chapter, as the key's
        more.string = METHOD_MORE
    for column in article.select(".kr-compare-column[hidden]"):
        del column["hidden"]
    for summary in article.select("details.kr-figure-data > summary"):
        summary.string = "Tallene"
    for note in article.select(".kr-figure-note"):
        # String by string: a chart's note keeps its parts (the line that says whose it is, kr-figure-whose).
        for text in note.find_all(string=True):
            said = str(text)
            for hint in (charts.CLICK_HINT, charts.CELL_HINT, charts.INFERRED_HINT, charts.MARK_HINT, charts.PARTNER_HINT):
                said = said.replace(hint, "")
            if said != text:
                text.replace_with(re.sub(r"\s+", " ", said))


# A chapter's key and the paragraph before it, one block (edition.css).
KEY_KEPT = "kr-with-key"
# A mark as a value's, not named in a sentence („(red.)“ in a key).
_SHORT_MARK = re.compile(r"(?<![„»])" + re.escape(provenance.owner_mark(provenance.EDITORS_SHORT)))


def _chapter_key(article: Tag) -> None:
    """A chapter's key at its end, the page's key, where a mark stands in its printed text; a chapter without a mark
    has none. Every reading page has the key, opened by its key sentence's mark, which paper leaves to the cover. A
    fold's summary ("(red.) Hvorfor?") and a figure's data are not printed as such (_printable_whose_notes,
    _printable_figure_notes)."""
    key = article.select_one(".kr-key")
    if key is None:
        return
    unprinted = ("summary", "script")
    printed = (s for s in article.find_all(string=True) if not s.find_parent(unprinted) and key not in s.parents)
    if not any(_SHORT_MARK.search(s) for s in printed):
        key.decompose()
        return
    # Kept with the paragraph before it, which may stand a few blocks deeper: alone, the key's two lines took the whole
    # book's p. 19 (reader29, F2; ADR 105).
    last = key.find_previous("p")
    text = key.find_previous(string=lambda t: bool(t.strip()))  # the key moves only past blocks without text
    if last is None or text is None or last not in text.parents:
        return
    if last.find_parent(["li", "table", "details", "aside"]) is None and last.find_parent(class_="kr-card") is None:
        kept = article.new_tag("div", attrs={"class": KEY_KEPT})
        last.wrap(kept)
        kept.append(key.extract())


# Set on a printed note whose block's reasons moved to »Om kilderne«, until _point_to_sources has read it.
REASONS_MOVED = "data-kr-reasons-moved"


def _point_to_sources(article: Tag) -> None:
    """The chapter's one pointer to »Om kilderne« (SOURCES_POINTER), at the end of the first printed note whose
    block's reasons moved there, so it follows what it gives the reason for: „Kortets „Litteraturcitat“ er
    redaktionens betegnelse, ikke rapportens. Begrundelsen står i „Om kilderne“ bagerst.“ Once a chapter, not after
    every block (28 times in the whole book, ADR 81); in the chapter's key at its end it stood 17 times after prose
    that needs no reason, alone where the chapter had no mark (reading27, #6; ADR 94). An empty note outside a chart
    (a block whose values carry their own marks, ADR 100) does not take it while a later note can: with a profile's
    facts first (ADR 123) the pointer stood alone under „Bygger på rapportens afsnit »Køge«.“, the reason for nothing
    said."""
    moved = article.select(f"[{REASONS_MOVED}]")
    sayable = [n for n in moved if n.get_text(strip=True) or n.find_parent("figure") is not None]
    pointed = sayable[0] if sayable else next(iter(moved), None)
    for note in moved:
        del note[REASONS_MOVED]
        if note is pointed:  # under a chart whose note was only its reasons, the pointer is the note
            note.append(f" {SOURCES_POINTER}" if note.get_text(strip=True) else SOURCES_POINTER)
        elif not note.get_text(strip=True):
            note.decompose()


def _printable_whose_notes(article: Tag, chapter_title: str, sources: list[tuple[str, str]]) -> None:
    """A block's folded note on whose it is, on paper: its line in view after the block, its reasons in »Om kilderne«,
    named by the section they follow; a line whose reasons moved there is marked (REASONS_MOVED), so the chapter's one
    pointer to them can follow the first (_point_to_sources). The web's "(red.) Hvorfor?" is
    a control, and its reasons opened in place stood 25 times in the book (reading s24, F7). The key a title's mark
    needs on the web ('„(red.)“ efter en titel: …') is left out: the chapter's key says what a mark means."""
    for fold in article.select("details.kr-whose-note"):
        line, about = fold.select_one(".kr-whose-line"), fold.select_one(".kr-whose-about")
        if line is None and about is None:
            continue
        # No line where the block's values carry their own marks (markup.whose_note, docs/adr/0100): the reasons move
        # all the same, and an empty note becomes the chapter's pointer or goes (_point_to_sources).
        said = line.get_text() if line is not None else ""
        note = article.new_tag("p", attrs={"class": "kr-whose kr-whose-line"})
        if about is not None:
            # The section the note follows, not the last card's title (reading 26, #11: the initiatives' note was
            # listed under „Guldborgsund: Rødder“, as if it were that card's).
            heading = fold.find_previous(lambda t: t.name in ("h2", "h3", "h4") and "kr-card-title" not in t.get("class", []))
            named = " ".join(heading.get_text(" ", strip=True).removesuffix("#").split()) if heading else chapter_title
            entry = (f"{chapter_title}: {named}" if named != chapter_title else chapter_title, about.get_text())
            if entry not in sources:
                sources.append(entry)
            note[REASONS_MOVED] = ""
        note.string = said
        fold.replace_with(note)


def _printable_figure_notes(article: Tag, chapter_title: str, sources: list[tuple[str, str]]) -> None:
    """A chart's folded method note on paper: the line that says whose the chart is stays under it, and the reasons go
    to `sources`, for the section at the edition's end; where any did, the note printed under the chart (an empty one
    where it says nothing else) is marked (REASONS_MOVED), so the chapter's one pointer can follow it
    (_point_to_sources, ADR 94). Opened in place, each fold printed up to twelve lines between a chart and the page's
    text (reader s22, #1)."""
    for fold in article.select("figure details.kr-note-about"):
        figure, said = fold.find_parent("figure"), fold.select_one("p")
        if figure is None or said is None:
            continue
        whose = said.select_one(".kr-figure-whose")
        line = whose.get_text() if whose else ""
        if whose is not None:
            whose.decompose()
        about = " ".join(said.get_text().split())
        if about and about != figures.AS_ABOVE:
            title = figure.select_one(".kr-figure-title")
            # No space before a stop that follows a mark: 'Figur 1 (red.). Forløbet …', not 'Figur 1 (red.) . Forløbet'.
            named = re.sub(r" ([.,])", r"\1", " ".join(title.get_text(" ", strip=True).split())).rstrip(" .") if title else "figuren"
            sources.append((f"{chapter_title}: {named}", about))
            about, moved = "", True
        else:
            moved = False
        # Where the line stands in view already (markup.folded_note), what is left of the note joins it.
        shown = fold.find_previous_sibling("p", class_="kr-figure-note")
        if not (line or about) or (not line and shown is not None and shown.get_text(strip=True)):
            if about and shown is not None:
                shown.string = f"{shown.get_text(strip=True)} {about}"
            if moved and shown is not None and shown.get_text(strip=True):
                shown[REASONS_MOVED] = ""
            elif moved:  # nothing else to say under the chart: the place the pointer may take (_point_to_sources)
                fold.replace_with(article.new_tag("p", attrs={"class": "kr-figure-note", REASONS_MOVED: ""}))
                continue
            fold.decompose()
            continue
        note = article.new_tag("p", attrs={"class": "kr-figure-note"})
        note.string = " ".join(filter(None, (line, about)))
        if moved:
            note[REASONS_MOVED] = ""
        fold.replace_with(note)


def _printable_long_lists(article: Tag) -> None:
    """A long list holds its first cards as HTML and the rest as JSON rows for the page's script (cards.quote_rows):
    on paper it says how many it shows, and that the book has them all."""
    for note in article.select(".kr-list-nojs"):
        section = note.find_parent("section", class_="kr-list")
        if section is None:
            continue
        shown = len(section.select(".kr-group-all > .kr-card"))
        moved = [count for index in section.select("script.kr-list-rows-index") for count, _ in json.loads(index.get_text())]
        total = shown + sum(int(str(rows["data-kr-count"])) for rows in section.select("script.kr-list-rows")) + sum(moved)
        note.string = f"Udgaven viser de første {plural(shown, 'kort', 'kort')} af {number(total)}; alle står i bogen."


def _whole_figures(article: Tag, folder: Path) -> None:
    """A large chart's parts wait in files beside its built page (figures.split_payload): on paper it is whole."""
    for figure in article.select("figure.kr-figure"):
        names = [str(tag["data-kr-src"]) for tag in figure.select("script[data-kr-src]")]
        side = {name: side_json((folder / name).read_text(encoding="utf-8")) for name in names}
        if side:
            figure.replace_with(BeautifulSoup(figures.expanded(str(figure), side), "html.parser"))


def _printable_addresses(article: Tag, page: BeautifulSoup) -> None:
    """A table cell that is only a web address becomes a link to it, so a reader of the PDF can follow it."""
    for cell in article.find_all("td"):
        text = cell.get_text(strip=True)
        if HTTP_ADDRESS.fullmatch(text) and cell.find("a") is None:
            link = page.new_tag("a", href=text)
            link.string = text
            cell.clear()
            cell.append(link)
    for link in article.find_all("a"):
        _printable_address_breaks(link, page)


# Where a printed web address may break: after its separators, never at a hyphen in it.
ADDRESS_JOINTS = re.compile(r"(?<=[/?&=#])(?=[^/?&=#])")


def _printable_address_breaks(link: Tag, page: BeautifulSoup) -> None:
    """A link whose text is a web address breaks only after a '/', '?', '&', '=' or '#', each part kept whole
    (span.kr-nobr): Chromium broke "…/kultur-og" / "-sundhed/" at a hyphen, which reads as the address's own, or as a
    word hyphenated, where an address has none (reader s23, #10)."""
    text = link.get_text()
    if not HTTP_ADDRESS.fullmatch(text.strip()) or link.find(True) is not None:
        return
    link.clear()
    for n, part in enumerate(p for p in ADDRESS_JOINTS.split(text.strip()) if p):
        if n:
            link.append(page.new_tag("wbr"))
        kept = page.new_tag("span", attrs={"class": "kr-nobr"})
        kept.string = part
        link.append(kept)


# A table with more columns than this, and fewer rows than columns, is printed turned: its columns do not fit the
# width of an A4 page (quotes per ingredient by speaker category has ten), and Chromium would then shrink every page.
TABLE_COLUMNS = 8


def _printable_wide_tables(article: Tag, page: BeautifulSoup) -> None:
    """A wide, short table of one header row, without merged cells, printed with its rows and columns swapped:
    each column's header becomes a row's, each row's first cell a column's. The corner cell, which named the
    first column, is left empty."""
    for table in article.find_all("table"):
        head, body = table.select("thead > tr"), table.select("tbody > tr")
        if len(head) != 1 or not body or table.select("[colspan], [rowspan]"):
            continue
        columns = head[0].find_all(["th", "td"], recursive=False)
        rows = [row.find_all(["th", "td"], recursive=False) for row in body]
        if len(columns) <= TABLE_COLUMNS or len(rows) + 1 >= len(columns) or any(len(r) != len(columns) for r in rows):
            continue
        turned_head = page.new_tag("tr")
        turned_head.append(page.new_tag("th", attrs={"scope": "col"}))
        for row in rows:
            turned_head.append(_cell(page, "th", row[0], "col"))
        turned_body = []
        for j, column in enumerate(columns[1:], start=1):
            line = page.new_tag("tr")
            line.append(_cell(page, "th", column, "row"))
            for row in rows:
                line.append(_cell(page, "td", row[j]))
            turned_body.append(line)
        head[0].replace_with(turned_head)
        for old in body[1:]:
            old.decompose()
        body[0].replace_with(*turned_body)


# Where a name in code may break on paper: after a joint between its parts ('municipalities.' 'kommunekode',
# 'figur:' 'forloeb', 'initiative_' 'kinds', 'litteratur-' 'og-' 'oplaesning'), never inside a part nor before a
# hyphen: a line that began with '-' read as a misprint (reader s23, #10).
CODE_JOINTS = re.compile(r"(?<=[.:_/;,])(?=\S)|(?<=\w-)(?=\w)")


def _printable_codes(article: Tag, page: BeautifulSoup) -> None:
    """A name in code in a table's narrow column breaks only at its joints (CODE_JOINTS): each part kept whole
    (span.kr-nobr) with a break opportunity (<wbr>) between. Printed with `overflow-wrap: anywhere` (code, pre),
    "municipalities.kommunekode" broke as "municip / alities / .kommun / ekode" and "figur:kunstformer-kommune" as
    "figur:k / unstfor / mer-"."""
    for code in article.select("table code"):
        text = code.get_text()
        code.clear()
        for word in re.split(r"(\s+)", text):
            if not word or word.isspace():
                code.append(word)  # a space breaks as it does in any text
                continue
            for n, part in enumerate(part for part in CODE_JOINTS.split(word) if part):
                if n:
                    code.append(page.new_tag("wbr"))
                if len(part) > LONGEST_KEPT_WHOLE:  # a value shown too long on purpose (om-data/meldinger) may break
                    code.append(part)
                    continue
                kept = page.new_tag("span", attrs={"class": "kr-nobr"})
                kept.string = part
                code.append(kept)


def _cell(page: BeautifulSoup, name: str, cell: Tag, scope: str = "") -> Tag:
    """A cell of a turned table with the old cell's content, as a header of `scope` or a data cell."""
    turned = page.new_tag(name, attrs={"scope": scope} if scope else {})
    for child in list(cell.contents):
        turned.append(child.extract())
    return turned


def _printable_empty_cells(article: Tag) -> None:
    """An empty table cell says '–': Chromium leaves an empty cell out of the tag tree, and a screen reader then
    reads the row's later cells under the wrong column headers."""
    for cell in article.find_all(["td", "th"]):
        if not cell.get_text(strip=True) and cell.find(["img", "svg", "input"]) is None:
            cell.string = "–"


def _printable_key_figures(article: Tag, page: BeautifulSoup) -> None:
    """The front page's figures (front_page, cards on the web) as a small table: the number, what it counts with its
    explanation, and the report's section it stands in. As a list they ran on, "7 kommuner Rapportens afsnit »De
    deltagende kommuner«" (reader24, #7)."""
    for figures_list in article.select("ul.kr-key-figures"):
        items = figures_list.find_all("li", recursive=False)
        sourced = any(item.select_one(".kr-figure-source") for item in items)
        table = page.new_tag("table", attrs={"class": "kr-table kr-key-table"})
        if figures_list.get("aria-label"):
            table["aria-label"] = figures_list["aria-label"]
        head, row = page.new_tag("thead"), page.new_tag("tr")
        table.append(head)
        head.append(row)
        for label in ("Tal", "Hvad", *(["Hvor i rapporten"] if sourced else [])):
            cell = page.new_tag("th", attrs={"scope": "col"})
            cell.string = label
            row.append(cell)
        body = page.new_tag("tbody")
        table.append(body)
        for item in items:
            number = item.select_one(".kr-figure-number")
            explained = item.select_one(".kr-figure-explained")
            source = item.select_one(".kr-figure-source")
            line = page.new_tag("tr")
            counted = page.new_tag("th", attrs={"scope": "row"})
            counted.string = number.get_text(" ", strip=True) if number else ""
            what = page.new_tag("td")
            for part in (number, explained, source):
                if part is not None:
                    part.extract()
            what.append(" ".join(item.get_text(" ").split()))
            if explained is not None:
                # A space before the note: its own line in print, but text extraction ran "citaterHver" together.
                explained["class"] = "kr-cell-note"
                what.extend([" ", explained])
            line.extend([counted, what])
            if sourced:
                where = page.new_tag("td")
                if source is not None:
                    where.append(source)
                line.append(where)
            body.append(line)
        figures_list.replace_with(table)


def _printable_comparison(article: Tag, page: BeautifulSoup) -> None:
    """ "Side om side" on paper: each municipality under its heading, each kind of term a line of its own with the
    terms after it, as an initiative's facts are printed. Its lists printed four pages of equal-weight bullets, the
    municipality's name and "Indsatser" both bold lines (reader24, #7)."""
    for column in article.select("section.kr-compare-column"):
        facts = page.new_tag("dl", attrs={"class": "kr-facts kr-compare-facts"})
        for heading in column.find_all("h4", recursive=False):
            terms = heading.find_next_sibling()
            term = page.new_tag("dt")
            term.string = heading.get_text(" ", strip=True)
            said = page.new_tag("dd")
            if terms is not None and terms.name == "ul":
                for n, item in enumerate(terms.find_all("li", recursive=False)):
                    if n:
                        said.append("; ")
                    for child in list(item.contents):
                        said.append(child.extract())
                terms.decompose()
            facts.extend([term, said])
            heading.decompose()
        column.append(facts)


def _checkbox(page: BeautifulSoup) -> Tag:
    box = page.new_tag("span", attrs={"class": "kr-box", "aria-hidden": "true"})
    box.string = "☐"
    return box


def _printable_links(article: Tag, page_path: str, book_url: str) -> None:
    """http(s) links stay; a link to a page of the book points at the book's address, or becomes text."""
    for link in article.find_all("a"):
        href = str(link.get("href") or "").strip()
        target = ""
        if HTTP_ADDRESS.fullmatch(href):
            target = href
        elif book_url and href and not href.startswith("#") and ":" not in href.split("/")[0].split("#")[0]:
            target = urljoin(urljoin(book_url, quote(page_path)), href)
            target = target if HTTP_ADDRESS.fullmatch(target) and target.startswith(book_url) else ""
        if target:
            link.attrs = {"href": target}
        else:
            link.unwrap()


def _printable_markup(html: str, book_url: str) -> Markup:
    """Markup the book's pages share with an edition: its links to the book's pages point at the book's address, or
    become text, as in a printed chapter (a relative link in a PDF leads to the printing's scratch folder)."""
    fragment = BeautifulSoup(html, "html.parser")
    _printable_links(fragment, "index.html", book_url)
    return Markup(str(fragment))


def _printable_images(article: Tag, site: Path, page_path: str) -> None:
    """Images of the site by absolute file address; anything from outside is left out."""
    for image in article.find_all("img"):
        source = str(image.get("src", ""))
        local = (site / PurePosixPath(page_path).parent / source).resolve() if source and ":" not in source else None
        if local and local.is_file() and site.resolve() in local.parents:
            image["src"] = local.as_uri()
        else:
            image.decompose()


def _printable_figures(article: Tag, models: dict[str, figures.Chart]) -> None:
    """Each chart shows the view a page opens in (figures.opening), read from the chart's model: the plot is an image
    whose alternative text is that variant's. The page's own island of variants is left out."""
    for figure in article.select("figure.kr-figure"):
        plot, island = figure.select_one(".kr-plot"), figure.select_one("script.kr-figure-json")
        # The figure's id is figur-<id>, prefixed with the chapter's number (printable_article).
        model = models.get(str(figure.get("id", "")).partition("figur-")[2])
        if plot is None or island is None or model is None or filters.ALL not in model.variants:
            continue
        shown = figures.opening(model.variants)  # the view the page opens in, without uncleared inferred ties
        frame = figure.select_one(".kr-plot-frame")
        if frame is not None:
            frame.replace_with(plot)
        plot.attrs = {"class": "kr-plot", "role": "img", "aria-label": model.variants[shown].alt}
        drawn = model.plot(shown)
        heat, over = (next(iter(ts), None) for ts in _heat_traces(drawn))
        if heat is not None and model.axes is not None:
            plot.append(BeautifulSoup(heatmap_grid(heat, model.axes, over), "html.parser"))
            island.decompose()
        else:
            island.replace_with(BeautifulSoup(plot_island(drawn), "html.parser"))
        _head_with_plot(figure, plot)
        _not_a_figure_tag(figure)
    # The editors' figures drawn as lists and tiles (Figures 2-4) and the comparison's tables of marks are text, read
    # as text.
    for figure in article.select("figure.kr-list-figure, figure.kr-marks-figure"):
        _not_a_figure_tag(figure)


def _heat_traces(drawn: dict) -> tuple[list[dict], list[dict]]:
    """A figure's heatmap traces: its cells, and the cells above its scale (charts._heatmap)."""
    heats = [t for t in drawn["data"] if t.get("type") == "heatmap"]
    above = [t for t in heats if "over" in (t.get("meta") or {})]
    return [t for t in heats if t not in above], above


def _head_with_plot(figure: Tag, plot: Tag) -> None:
    """The figure's title, its legend and its drawing in one block that stays on one page (edition.css,
    .kr-figure-head). The book prints every chart's first view: a legend's key for a chosen municipality is left out."""
    title, legend = figure.select_one(".kr-figure-title"), figure.select_one(".kr-legend")
    if legend is not None:
        for key in legend.select("[data-kr-chosen]"):
            key.decompose()
        if legend.find_next_sibling() is not plot:
            legend = None
    if title is not None and title.find_next_sibling() is not (legend or plot):
        title = None
    head = BeautifulSoup("", "html.parser").new_tag("div", attrs={"class": "kr-figure-head"})
    plot.insert_before(head)
    for part in (title, legend, plot):
        if part is not None:
            head.append(part.extract())


def _not_a_figure_tag(figure: Tag) -> None:
    """Chromium tags a <figure> as a Figure of its own, without /Alt (around a plot's, or around text): a <div> is not."""
    figure.name = "div"
    for caption in figure.find_all("figcaption"):
        caption.name = "p"


def _shift_headings(article: Tag, top: int) -> None:
    """The page's h1 becomes a heading at `top` (2 for a chapter, 3 for a section); the rest follow it."""
    for heading in article.find_all(re.compile(r"^h[1-6]$")):
        heading.name = f"h{min(6, int(heading.name[1]) + top - 1)}"


def contents_tree(parts: list[dict]) -> list[dict]:
    """The whole book's table of contents as a tree: each page under the nearest shallower page before it, so a
    chapter's pages are numbered from 1 in a list of their own, as in the web book's navigation. The front page
    (depth 0) and the chapters (depth 1) are the top level."""
    top: list[dict] = []
    open_items: list[tuple[int, dict]] = []  # the path from the top to the last item, with each item's depth
    for part in parts:
        depth = max(part["chapter"].depth, 1)
        item = {"part": part, "children": []}
        while open_items and open_items[-1][0] >= depth:
            open_items.pop()
        (open_items[-1][1]["children"] if open_items else top).append(item)
        open_items.append((depth, item))
    return top


def book_edition(site: Path, data: Dataset, stamp: Stamp, plotly_js: str, analysts: bool = False) -> str:
    """The whole book as one HTML document: every chapter of the built site a reader reads, in reading order; with
    `analysts`, the analysts' edition of the rest (for_analysts). A consultant printing "the report" got some 40 pages
    of data chapter and dictionary in it (issue 22, item 2)."""
    found = book_chapters(site, analysts)
    models = {chart.figure_id: chart for chart in charts.plotted(data)}
    sources: list[tuple[str, str]] = []  # the charts' reasons, in reading order, for »Om kilderne«
    said: set[str] = set()  # what every profile says alike, once printed (SAID_ONCE)
    once = guide_once(data, found, site)
    last_profile = max((n for n, c in enumerate(found, start=1) if is_profile(c)), default=0)
    parts = [
        {
            "id": chapter_id(n),
            "chapter": c,
            "new_page": c.depth <= 1 or is_profile(c),
            # A chapter of the contents' first level begins a page, never running on below the one before (ADR 105).
            "top": c.depth <= 1,
            "body": printable_article(site, c, n, stamp.book_url, models, sources, said, once, n >= last_profile),
        }
        for n, c in enumerate(found, start=1)
    ]
    context = {
        "title": ANALYSTS_TITLE if analysts else TITLE,
        "analysts": analysts,
        "stamp": stamp,
        "parts": parts,
        "contents": contents_tree(parts),
        "kicker": ANALYSTS_KICKER if analysts else front_page.cover_kicker(data),
        "publisher_line": "" if analysts else publisher_line(data),
        "credit": Markup(front_page.credit(data, this="Denne udgave", place=PRINTED_EDITORS_PLACE)),  # escaped in credit()
        "retelling_rule": provenance.retelling_rule(data.options),
        # What ”…” and „…“ hold, said in »Om kilderne« (docs/adr/0110).
        "quote_marks": provenance.quote_marks(provenance.folder_source(data.options)),
        # How to cite, in the web page's one form (escaped in citing()): the report, and this edition as the editors'.
        "cite": _marked(
            front_page.citing(data, "udgave til analytikere" if analysts else "udgave af hele bogen", stamp.when, stamp.book_url)
        ),
        "plotly_js": plotly_js,
        "municipality_count": number(len(data.municipalities)),
        "analysts_title": ANALYSTS_TITLE,
        "sources_about": under_shared_places(said_once(sources, known_reasons(data), [c.title for c in found])),
        "sources_title": SOURCES_TITLE,
        "sources_id": SOURCES_ID,
    }
    return with_print_policy(environment().get_template("book.html").render(context))
