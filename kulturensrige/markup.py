"""HTML building blocks. Text from data only ever reaches HTML through `esc` or `json_island`."""

from __future__ import annotations

import contextlib
import html
import json
import os
from collections.abc import Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import Any
from urllib.parse import quote


def esc(text: object) -> str:
    """Escape for element content and quoted attributes alike."""
    return html.escape(str(text), quote=True)


def json_island(payload: Any, css_class: str) -> str:
    """JSON in a <script type="application/json">, escaped so no data can close the tag or start markup."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/json" class="{css_class}">{body}</script>'


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
    here = Path.cwd()
    target = Path(os.path.relpath(book_root(here) / f"{page}.html", start=here)).as_posix()
    return quote(target, safe="/") + (f"#{quote(anchor, safe='')}" if anchor else "")


# Off where there is no book to link to (the live explorer in JupyterLab or Voilà): links become plain text.
_BOOK_LINKS: ContextVar[bool] = ContextVar("book_links", default=True)


@contextlib.contextmanager
def without_book_links() -> Iterator[None]:
    token = _BOOK_LINKS.set(False)
    try:
        yield
    finally:
        _BOOK_LINKS.reset(token)


def book_link(page: str, inner_html: str, css_class: str = "") -> str:
    """A link to a page of the book around already escaped markup, or a <span> where there is no book."""
    attribute = f' class="{esc(css_class)}"' if css_class else ""
    if not _BOOK_LINKS.get():
        return f"<span{attribute}>{inner_html}</span>"
    return f'<a{attribute} href="{esc(page_link(page))}">{inner_html}</a>'


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


def number(value: float, decimals: int = 0) -> str:
    """Danish number format: decimal comma, dot as thousands separator."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]


def month(date: str) -> str:
    """'2021-11' -> 'november 2021'; anything else (e.g. 'ikke angivet') is returned as it is."""
    parts = date.split("-")
    if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
        return date
    return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{number(count)} {singular if count == 1 else plural_form}"
