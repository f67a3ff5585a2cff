"""HTML building blocks. Text from data only ever reaches HTML through autoescaped templates, `esc` or `json_island`."""

from __future__ import annotations

import contextlib
import functools
import html
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup, escape

from kulturensrige.data import provenance
from kulturensrige.data.publishing import PUBLISHED_DATA, SOURCES_FILE
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.words import count_columns, csv_text, hyphenated


def esc(text: object) -> str:
    """Escape for element content and quoted attributes alike."""
    return html.escape(str(text), quote=True)


def esc_code(text: str) -> str:
    """Escape a sentence written once for Markdown and a page: its `name` spans become <code> on the page."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", esc(text))


def json_island(payload: Any, css_class: str, attributes: dict[str, object] | None = None) -> str:
    """JSON in a <script type="application/json">, escaped so no data can close the tag or start markup."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    extra = "".join(f' {name}="{esc(value)}"' for name, value in (attributes or {}).items())
    return f'<script type="application/json" class="{css_class}"{extra}>{body}</script>'


# The class of a JSON island the reader may never need (a long list's later cards, a chart's other variants, the
# cards behind a chart): the book's build moves each into a file beside its page (book/extension.py, side_files),
# which the browser loads when it is first wanted (kr-state.js KR.side). In a notebook it stays where it is.
SIDE = "kr-side"


def side_island(payload: Any, css_class: str, attributes: dict[str, object] | None = None) -> str:
    """A JSON island that the book moves out of its page until it is wanted (SIDE)."""
    return json_island(payload, f"{css_class} {SIDE}", attributes)


# A side file: a script that hands the island's JSON (escaped for HTML, which is a JavaScript expression as it is) to
# kr-state.js, so it loads from file:// too, where a browser refuses fetch().
_SIDE_FILE = ("KR.arrived(document.currentScript, ", ");\n")


def side_file(island_json: str) -> str:
    """The text of the file a side island's JSON moves into."""
    return _SIDE_FILE[0] + island_json + _SIDE_FILE[1]


def side_json(file_text: str) -> str:
    """The island's JSON back from its file's text (side_file)."""
    return file_text.removeprefix(_SIDE_FILE[0]).removesuffix(_SIDE_FILE[1])


def book_root(start: Path) -> Path:
    """The book folder holding _toc.yml at or above `start` (notebooks execute in their own folder)."""
    for folder in [start, *start.parents]:
        if (folder / "_toc.yml").is_file():
            return folder
    return start


def page_link(page: str, anchor: str = "") -> str:
    """A relative link from the page being executed to another page of the book.

    `page` comes from data (sections.book_page), so the result is percent-encoded: a ':' can never
    make it a scheme (`javascript:`), and '?', '#', quotes and spaces stay part of the path.
    """
    return _path_from(os.getcwd(), page) + (f"#{quote(anchor, safe='')}" if anchor else "")


@functools.lru_cache(maxsize=4096)
def _path_from(here: str, page: str) -> str:
    """page_link's percent-encoded path, worked out once per folder and page: 10,000 cards link to a few pages.
    Keyed on os.getcwd()'s string: making and hashing a Path per link was a tenth of a national build's cards."""
    folder = Path(here)
    return quote(Path(os.path.relpath(book_root(folder) / f"{page}.html", start=folder)).as_posix(), safe="/")


def file_link(path: str) -> str:
    """A relative, percent-encoded link from the page being executed to a file of the built book ('_static/…')."""
    folder = Path(os.getcwd())
    return quote(Path(os.path.relpath(book_root(folder) / path, start=folder)).as_posix(), safe="/")


def sources_link() -> str:
    """The link set beside every CSV download: the companion file that says whose word each column is (kilder.csv),
    or nothing where there is no book around (the live explorer)."""
    if not links_to_book():
        return ""
    href = esc(file_link(f"{PUBLISHED_DATA}/{SOURCES_FILE}"))
    return f' · <a class="kr-csv-sources" href="{href}">Hvem står bag hver kolonne</a>'


# Off where there is no book to link to (the live explorer in JupyterLab or Voilà): links become plain text.
_BOOK_LINKS: ContextVar[bool] = ContextVar("book_links", default=True)


@contextlib.contextmanager
def without_book_links() -> Iterator[None]:
    token = _BOOK_LINKS.set(False)
    try:
        yield
    finally:
        _BOOK_LINKS.reset(token)


def current_page() -> str:
    """The page being executed ('kommuner/oversigt', as sections.book_page names it), or '' outside a build."""
    return os.environ.get(PAGE_VARIABLE, "")


# How a Danish Excel opens a download: under the download in the live explorer (csv_line in templates/cards.html.j2),
# where there is no page's foot; in the book once, in the line at the page's end (CSV_PAGE, excel_tip).
CSV_EXCEL = "Filen er kommasepareret. I Excel åbner du den med Data › Fra tekst/CSV, så hver kolonne får sin egen celle."
# The same, once for a page's downloads, in the open line over its foot (page_source.how_made): under the first
# download in view it stood between the page's charts (four figures on kommuner/sammenligning; reader32, #4; ADR 123).
CSV_PAGE = (
    "Tabellerne på siden kan hentes som CSV. Filerne er kommaseparerede: I Excel åbner du dem med Data › Fra tekst/CSV, "
    "så hver kolonne får sin egen celle."
)

# What the page being built has said in view so far (first_on_page); its last cell forgets it (page_source.how_made).
_SAID: dict[str, set[str]] = {}


def first_on_page(sentence: str) -> bool:
    """Whether a sentence that would repeat under each figure or table (what a tap on a number does, a chart's note) is
    said here: once a page, at the first that says it (kommuner/sammenligning said each three times, issue 22).
    Outside a build, always."""
    page = current_page()
    if not page:
        return True
    said = _SAID.setdefault(page, set())
    if sentence in said:
        return False
    said.add(sentence)
    return True


def excel_tip() -> str:
    """What a download's line says of Excel: CSV_EXCEL outside a build (the live explorer); in a build nothing, and the
    page's foot says CSV_PAGE once (downloads_offered)."""
    page = current_page()
    if not page:
        return CSV_EXCEL
    _SAID.setdefault(page, set()).add(CSV_PAGE)
    return ""


def downloads_offered() -> bool:
    """Whether the page being built has offered a table as CSV so far (excel_tip)."""
    return CSV_PAGE in _SAID.get(current_page(), set())


def forget_said() -> None:
    """The page is made: a page run again in the same kernel says its sentences afresh (first_on_page)."""
    _SAID.clear()


def links_to_book() -> bool:
    """False in the live explorer, where there is no book around a card to link to."""
    return _BOOK_LINKS.get()


def book_link(page: str, inner_html: str, css_class: str = "", anchor: str = "") -> str:
    """A link to a page of the book (at `anchor`) around already escaped markup, or a <span> where there is no book."""
    attribute = f' class="{esc(css_class)}"' if css_class else ""
    if not _BOOK_LINKS.get():
        return f"<span{attribute}>{inner_html}</span>"
    return f'<a{attribute} href="{esc(page_link(page, anchor))}">{inner_html}</a>'


# The classes of the folds that hold a method or provenance note (folded_note, whose_note, "Om figuren", the page's
# "Sådan er siden lavet"): their words are kept out of the search index and its snippets (book/extension.py
# _search_words_while_reading, browser.NOT_PROSE), so a result is found by, and shows, a page's content (reader 24, #11).
METHOD_NOTES = ("kr-note-about", "kr-made")


def folded_note(line: str, about: str, css: str, summary: str, also: str = "") -> str:
    """A method note as one line that stays in view (whose the block is, and `also`, what a tap on it does) and the
    rest, `about`, folded under `summary`, so a reader on a phone meets the substance before the method. The line and
    the rest come apart from the start (provenance.whose_parts), so whose it is is said once, in the line. Only
    method notes fold: findings, quotes, initiatives and municipality cards never do."""
    shown = " ".join(filter(None, (line, also)))
    shown_html = f'<p class="{css}">{esc(shown)}</p>' if shown else ""
    if not about:
        return shown_html
    return f'{shown_html}<details class="kr-note-about"><summary>{esc(summary)}</summary><p class="{css}">{esc(about)}</p></details>'


def whose_note(whose: provenance.Whose, also: str = "", marked: bool = False) -> str:
    """Whose a block is, on a web page: where the editors' work is in it, only their short mark stays in view, under the
    page's key (provenance.page_key), and what they did and why fold under it ('Redaktionens inddeling, betegnelser,
    samling og læsning, ikke rapportens.' opened sections before their content, reader 18, #1). Another source's
    line, which no key explains, stays in view (folded_note). Where each of the block's values carries its own mark
    (`marked`), the note gives only the reasons: the line would say a third time whose they are (docs/adr/0100)."""
    if not whose.editors:
        return folded_note(whose.line, whose.about, "kr-whose", "Hvorfor?", also)
    # In parts, so paper can print the line alone and send the rest to »Om kilderne« as the editions do
    # (editions._printable_whose_notes; reading s24, F7: the whole-book PDF printed "(red.) Hvorfor?" 25 times).
    parts = (("kr-whose-line", "" if marked else whose.line), ("kr-whose-also", also), ("kr-whose-about", whose.about))
    said = " ".join(f'<span class="{css}">{esc(text)}</span>' for css, text in parts if text)
    mark = provenance.owner_mark(provenance.EDITORS_SHORT)
    return (
        f'<details class="kr-note-about kr-whose-note"><summary><span class="kr-by">{esc(mark)}</span> Hvorfor?</summary>'
        f'<p class="kr-whose">{said}</p></details>'
    )


class Html:
    """Rendered HTML that notebooks display; Jupyter and myst-nb both read `_repr_html_`.

    Only text/html is offered: myst-nb warns on plotly's own mime type, which would fail a -W build.
    """

    def __init__(self, markup: str):
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup

    def __str__(self) -> str:
        return self.markup


_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("kulturensrige.render", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=False,
    # The package's templates do not change while it runs; auto_reload would stat the file at every macro call.
    auto_reload=False,
)
_TEMPLATES.filters["hyphenated"] = hyphenated


def kr_spec(c: Mapping[str, Any], spec: str) -> Markup:
    """` data-kr="spec"` on a part of a card <template> (c["template"]), nothing on a card: cards.html.j2's `kr`.
    A function rather than a macro: a card calls it some fifteen times, and a Jinja macro call costs several times
    a function's, which for 7,000 profile cards at national scale was half a second of CPU."""
    return Markup(f' data-kr="{escape(spec)}"') if c["template"] else Markup("")


def attribute(name: str, value: object) -> Markup:
    """` name="value"`, escaped, or nothing for None: cards.html.j2's `attr` (a function for the reason above)."""
    return Markup("") if value is None else Markup(f' {escape(name)}="{escape(value)}"')


def text_lines(text: str) -> Markup:
    """A text's lines, each escaped, with a <br> between them: cards.html.j2's `lines` (a function for the reason
    above: each card's every turn calls it)."""
    return Markup("<br>").join(escape(line) for line in text.split("\n"))


def open_link(href: str | None, css: str, option: str | None = None) -> Markup:
    """An <a> with `css` to `href`, or a <span> where there is no address, opened; `option`: a card <template>'s
    data-kr-option. cards.html.j2's `link` (a function for the reason above: each badge and section calls it)."""
    tag = "<span" if href is None else "<a"
    css_part = f' class="{escape(css)}"' if css else ""
    href_part = "" if href is None else f' href="{escape(href)}"'
    option_part = "" if option is None else f' data-kr-option="{escape(option)}"'
    return Markup(f"{tag}{css_part}{href_part}{option_part}>")


def close_link(href: str | None) -> Markup:
    """The end of open_link's element: cards.html.j2's `end_link`."""
    return Markup("</span>" if href is None else "</a>")


def mark_attribute(marks: Sequence[str], i: int) -> Markup:
    """` data-kr-mark="…"` on a table's cell whose column is one municipality's, or nothing: cards.html.j2's `mark`
    (a function for the reason above: a national table calls it for each of its thousands of cells)."""
    return Markup(f' data-kr-mark="{escape(marks[i])}"') if marks and marks[i] else Markup("")


_TEMPLATES.globals.update(kr=kr_spec, attr=attribute, lines=text_lines, link=open_link, end_link=close_link, mark=mark_attribute)


def render(template: str, **context: Any) -> Markup:
    """A whole template (kulturensrige/render/templates/), autoescaped: only Markup values pass unescaped."""
    return Markup(_TEMPLATES.get_template(template).render(**context).strip())


def macro(template: str, name: str, *args: Any) -> Markup:
    """One macro of a template, e.g. the quote card or the table in cards.html.j2."""
    return Markup(getattr(_TEMPLATES.get_template(template).module, name)(*args).strip())


def trusted(markup: str) -> Markup:
    """Markup this package rendered itself (a link, a card), to be placed into a template as it is."""
    return Markup(markup)


def csv_href(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """The CSV as a data: address for a download link: the file is made here, the browser only saves it. A count
    column holds numbers only, its words in a column beside it (words.count_columns): a spreadsheet can sum it."""
    return "data:text/csv;charset=utf-8," + quote(csv_text(*count_columns(head, rows)), safe="")
