"""Links from the built book to its PDF editions, put in after `make pdf` has written them.

The PDFs can only be made after the book (the whole-book edition prints the built chapters), so the
links are inserted into the built pages afterwards: under the title of each profile page and of the
front page, between two fixed markers, from an autoescaped template. Running again replaces the
block; a PDF that is absent gets no link.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

from kulturensrige.data import provenance, publishing
from kulturensrige.data.folder_writing import write_file
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.edition.editions import ANALYSTS_FILE, environment, file_name
from kulturensrige.render.browser import SENTENCE_FILES, sentence_file_part, sentence_file_text
from kulturensrige.render.cards import DATA_CHAPTER
from kulturensrige.rules.views import quotes_of, states
from kulturensrige.words import number

START, END = "<!-- kr-pdf -->", "<!-- /kr-pdf -->"
BLOCK = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
ARTICLE_TITLE = re.compile(r'<article class="bd-article">.*?</h1>', re.S)


def size_text(size: int) -> str:
    """'245 kB' or '2,3 MB', in Danish."""
    return f"{number(size / 1_000_000, 1)} MB" if size >= 1_000_000 else f"{number(max(1, round(size / 1000)))} kB"


def inferred_notes(data: Dataset, kommune: str) -> list[tuple[str, str]]:
    """Said beside a municipality's edition for the switch's position it differs from (data-kr-inferred): the edition
    follows the pages' default (docs/adr/0033), so it leaves out the inferred ties of quotes not cleared, and prints
    those of cleared quotes; whose inference, from provenance."""
    inferred = provenance.inferred_words(data.options)
    published = publishing.published_data(data)
    notes = []
    if has_inferred_ties(published, kommune):
        notes.append(("off", f"Udgaven viser også de frigivne tilknytninger, der er {inferred}; dem har du slået fra her."))
    if len(quotes_of(published.quotes, kommune)) < len(quotes_of(data.quotes, kommune)):
        notes.append(("on", f"Udgaven viser ikke de tilknytninger, der er {inferred}, som du har slået til her."))
    return notes


def link_block(page: Path, pdf: Path, label: str, notes: list[tuple[str, str]] | None = None) -> str:
    href = quote(Path(os.path.relpath(pdf, start=page.parent)).as_posix(), safe="/")
    return (
        environment()
        .get_template("link.html")
        .render(start=START, end=END, href=href, label=label, size=size_text(pdf.stat().st_size), notes=notes or [])
    )


def has_inferred_ties(data: Dataset, kommune: str) -> bool:
    """Whether `data` ties quotes to a municipality by inference (with the published data: the edition prints such)."""
    return len(quotes_of(data.quotes, kommune)) > len(quotes_of(data.quotes, kommune, include_inferred=False))


def with_link(markup: str, block: str) -> str:
    """The page with its old block removed and the new one (if any) right after the article's <h1>."""
    markup = BLOCK.sub("", markup)
    title = ARTICLE_TITLE.search(markup)
    if not block or title is None:
        return markup
    return markup[: title.end()] + block + markup[title.end() :]


def _write(path: Path, text: str) -> None:
    """All or nothing, and with the page's own permissions: a page left owner-only was a 404 on a web server."""
    write_file(path, lambda temporary: temporary.write_text(text, encoding="utf-8"), overwrite=True)


def link_editions(site: Path, data: Dataset) -> list[Path]:
    """Put the links into the front page and each profile page; returns the pages that link to a PDF."""
    no_notes: list[tuple[str, str]] = []
    pages = [(site / "index.html", site / "pdf" / file_name(), "Hent hele bogen som PDF", no_notes)]
    # The data chapter is its own edition, for analysts (editions.for_analysts): its first page offers it.
    pages.append((site / f"{DATA_CHAPTER}.html", site / "pdf" / ANALYSTS_FILE, "Hent kapitlet om data og metode som PDF", no_notes))
    pages += [
        (
            site / "kommuner" / f"profil-{row.slug}.html",
            site / "pdf" / file_name(row.slug),
            f"Hent {row.name}-udgaven som PDF",
            inferred_notes(data, row.kommunekode),
        )
        for row in table_rows(data.municipalities)
    ]
    offer_editions(site, data)
    linked = []
    for page, pdf, label, notes in pages:
        if not page.is_file():
            continue
        block = link_block(page, pdf, label, notes) if pdf.is_file() else ""
        before = page.read_text(encoding="utf-8")
        after = with_link(before, block)
        if after != before:
            _write(page, after)
        if block:
            linked.append(page)
    return linked


def offer_editions(site: Path, data: Dataset) -> None:
    """The filter's bar offers the chosen municipality's PDF edition beside its page, on every page but its own
    (highlight.page_sentences "offer"): written into the built sentence files beside kr-data.js
    (browser.SENTENCE_FILES), only for a PDF that exists, and taken out again when it is gone."""
    slugs = dict(zip(data.municipalities["kommunekode"], data.municipalities["slug"], strict=True))
    names = dict(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))
    for inferred, name in SENTENCE_FILES.items():
        script = site / "_static" / name
        if not script.is_file():
            continue
        part = sentence_file_part(script.read_text(encoding="utf-8"))
        for key, code, _inferred in states(data):
            if key in part:
                offer_edition(data, part[key], code, site / "pdf" / file_name(slugs[code]), names[code], inferred)
        text = sentence_file_text(part)
        if text != script.read_text(encoding="utf-8"):
            _write(script, text)


def offer_edition(data: Dataset, sentences: dict[str, str], code: str, pdf: Path, name: str, inferred: bool) -> None:
    """One municipality's view offers its edition if the PDF exists, and none if not."""
    for kind in ("pdf", "pdf_short", "pdf_href"):
        sentences.pop(kind, None)
    if not pdf.is_file():
        return
    sentences["pdf"] = f"Hent {name}-udgaven som PDF ({size_text(pdf.stat().st_size)})"
    sentences["pdf_short"] = f"PDF ({size_text(pdf.stat().st_size)})"  # shown; the whole words its name
    # Where the edition differs from the view: its cleared inferred ties, or the ones it leaves out (ADR 33).
    differs = dict(inferred_notes(data, code)).get("off" if not inferred else "on")
    if differs:
        # Said of the edition, which is as it is whatever the switch: "uden" alone, right after the reader turned the
        # ties on, read as a contradiction (reader review 19, #2).
        shows = "viser ikke" if inferred else "viser også nogle"
        sentences["pdf"] = sentences["pdf"].removesuffix(")") + f"; den {shows} tilknytninger {provenance.inferred_words(data.options)})"
        sentences["pdf_short"] = sentences["pdf_short"].removesuffix(")") + f"; udgaven {shows} udledte tilknytninger)"
    sentences["pdf_href"] = quote(f"pdf/{pdf.name}")
