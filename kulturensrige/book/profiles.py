"""One profile page per municipality, written from the data before each build.

A new municipality in the data gets its own page (and URL `kommuner/profil-<slug>.html`) with no
code change; the table of contents lists them in the data's order. Each page is MyST holding the HTML that its thin
notebook's calls make, made here in the build's own process (docs/adr/0029): no kernel runs it and myst-nb reads no
notebook for it. The thin notebook is what "Sådan er siden lavet" offers the analyst, who gets the same page by
running it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import string
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat

from kulturensrige.book import page_source
from kulturensrige.data import provenance
from kulturensrige.data.buildkey import build_key
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset, ReadLog
from kulturensrige.data.pages import FACTS_TITLE, PROFILE_FOLDER, PROFILE_SECTIONS, profile_page
from kulturensrige.render import cards, guide, lists
from kulturensrige.render.markup import Html
from kulturensrige.rules import views


# Over a profile's initiatives: the kinds are the data's (initiative_kinds.csv), each card names its own, so the line
# lists none (it named three while Guldborgsund's forum became a fokusområde, reading 21, finding 6), nor says that the
# cards name them: one line, so the first card comes sooner (docs/adr/0090).
def initiatives_line(holder: str) -> str:
    """The line under a profile's heading 'Indsatser', one wording for the notebook and the page it renders."""
    return f"Her er de indsatser, {holder} beskriver for kommunen."


# Before the initiatives, the municipality's starting point and what came of it, under the heading the edition gives
# the same facts, in the edition's order (PROFILE_SECTIONS; docs/adr/0123: a reader preparing a committee note met the
# result last, after the long cards, where ADR 90 had put it).
FACTS_HEADING = f"## {FACTS_TITLE}"


def markdown_title(name: str) -> str:
    """A name from data as the text of a Markdown/MyST heading that shows exactly those characters.

    Line breaks would end the heading and start new blocks (a fence, a directive), so all whitespace
    becomes single spaces; every ASCII punctuation character is backslash-escaped (CommonMark allows it
    for all of them), which also keeps '&lt;' from being read as an entity and '%' as a comment.
    """
    return "".join("\\" + c if c in string.punctuation else c for c in " ".join(name.split()))


def profile_notebook(name: str, kommunekode: str, holder: str, tied: bool = True) -> nbformat.NotebookNode:
    """A thin notebook: its title, then calls into the package. The name is escaped for Markdown; `holder` is whose
    data describes the initiatives (provenance.Words.holder: "rapporten", "analytikerens data"); `tied`: whether the
    data tie any quote (views.any_tied), else the page has no section of quotes (QUOTE_HEADINGS)."""
    quotes, ingredients = QUOTE_HEADINGS
    title = markdown_title(name)
    cells = [
        nbformat.v4.new_markdown_cell(f"# {title}"),
        _code(
            "from kulturensrige import load\nfrom kulturensrige.render import cards, lists\n\n"
            f"data = load()\nKOMMUNE = {kommunekode!r}\nlists.municipality_lead(data, KOMMUNE)"
        ),
        *(
            cell
            for section in PROFILE_SECTIONS
            for cell in {
                "facts": [nbformat.v4.new_markdown_cell(FACTS_HEADING), _code("lists.municipality_facts(data, KOMMUNE)")],
                "initiatives": [
                    nbformat.v4.new_markdown_cell(f"## Indsatser\n\n{initiatives_line(holder)}"),
                    _code("cards.initiative_list(data, KOMMUNE)"),
                ],
                "quotes": [
                    nbformat.v4.new_markdown_cell(quotes),
                    _code("cards.quotes_for_municipality(data, KOMMUNE)"),
                    nbformat.v4.new_markdown_cell(ingredients),
                    _code("lists.municipality_ingredients(data, KOMMUNE)"),
                ]
                if tied
                else [],
            }[section]
        ),
        _code("from kulturensrige.render import guide\n\nguide.where_the_rest_stands(data)"),
        _code("from kulturensrige.book import page_source\n\npage_source.how_made(data, lists.municipality_code(data, KOMMUNE))"),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


# The headings of a profile's quotes and their ingredients, where the data tie quotes to municipalities. Where they
# tie none, the profile has neither: its last line says where the quotes stand (guide.where_the_rest_stands), as
# „Citater“ said it in a paragraph the same on every profile (reader 27, #2).
QUOTE_HEADINGS = ("## Citater knyttet til kommunen", "## Ingredienser i kommunens citater")


def _code(source: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_code_cell(source, metadata={"tags": ["remove-input"]})


def profile_parts(data: Dataset, name: str, kommunekode: str, holder: str) -> list[str | Html]:
    """The profile page in the notebook's order: its Markdown cells as they are (str) and what each code cell shows
    (Html), made by the same calls in the same order. Call it inside `as_page`: the links are relative to the page's
    folder and the foot names its page."""
    tied = views.any_tied(data)
    page = dataclasses.replace(data, tables=ReadLog(data.tables))  # as the notebook's load(): nothing read yet
    # Each section is made when its turn comes, in PROFILE_SECTIONS' order, as the notebook's cells run.
    sections: dict[str, Callable[[], list[str | Html]]] = {
        "facts": lambda: [FACTS_HEADING, lists.municipality_facts(page, kommunekode)],
        "initiatives": lambda: [f"## Indsatser\n\n{initiatives_line(holder)}", cards.initiative_list(page, kommunekode)],
        "quotes": lambda: _own_quotes(page, kommunekode) if tied else [],
    }
    return [
        f"# {markdown_title(name)}",
        lists.municipality_lead(page, kommunekode),
        *(part for section in PROFILE_SECTIONS for part in sections[section]()),
        guide.where_the_rest_stands(page),
        page_source.how_made(page, lists.municipality_code(page, kommunekode)),
    ]


def _own_quotes(page: Dataset, kommunekode: str) -> list[str | Html]:
    """The sections of the quotes tied to the municipality and their ingredients, where the data tie any."""
    quotes, ingredients = QUOTE_HEADINGS
    return [quotes, cards.quotes_for_municipality(page, kommunekode), ingredients, lists.municipality_ingredients(page, kommunekode)]


# The book extension's directive for a code cell's HTML output as myst-nb shows it (extension.CellOutput).
CELL_OUTPUT = "kr-cell-output"
# Beside a profile page `profil-<slug>.md`, the folder `profil-<slug>.cells` holds its code cells' HTML, one file each.
CELLS_SUFFIX = ".cells"


def as_myst(parts: list[str | Html], page_name: str) -> tuple[str, dict[str, str]]:
    """A profile page's MyST and its code cells' HTML by file name, relative to the page's folder. The MyST names
    each cell's file in the CELL_OUTPUT directive, which reads it: markdown-it scans a page's source a character at a
    time in Python, some 4 s of CPU for the 15 MB of HTML of 98 profiles, and nothing from data is in the MyST."""
    text: list[str] = []
    cells: dict[str, str] = {}
    for part in parts:
        if isinstance(part, Html):
            name = f"{page_name}{CELLS_SUFFIX}/{len(cells) + 1}.html"
            cells[name] = str(part)
            text.append(f"```{{{CELL_OUTPUT}}} {name}\n```")
        else:
            text.append(part)
    return "\n\n".join(text) + "\n", cells


@contextlib.contextmanager
def as_page(book_dir: Path, page: str) -> Iterator[None]:
    """Make a page as its kernel would: in the page's folder (links are relative to it), with the page's name in
    PAGE_VARIABLE (its foot links to its notebook); both are put back afterwards."""
    before_dir, before_page = Path.cwd(), os.environ.get(page_source.PAGE_VARIABLE)
    os.chdir((book_dir / page).parent)
    os.environ[page_source.PAGE_VARIABLE] = page
    try:
        yield
    finally:
        os.chdir(before_dir)
        if before_page is None:
            del os.environ[page_source.PAGE_VARIABLE]
        else:
            os.environ[page_source.PAGE_VARIABLE] = before_page


class ProfileFailed(Exception):
    """A call making a profile page raised: the page and the error."""

    def __init__(self, page: str, error: Exception) -> None:
        super().__init__(page)
        self.page, self.error = page, error


def write_profile_pages(data: Dataset, book_dir: Path) -> list[Path]:
    """Write the generated profile pages (MyST, made in this process) into a (staged) book folder; each file is
    written atomically. The book folder must hold the contents (_toc.yml): the pages' links are found from it."""
    folder = book_dir / PROFILE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    # The page path follows from the slug (kulturensrige/data/pages.py), which the validator checks book_page against.
    holder = _holder(data)
    wanted = {book_dir / f"{profile_page(row.slug)}.md": row for row in table_rows(data.municipalities)}
    _list_in_contents(book_dir, list(wanted))
    for path, row in wanted.items():
        page = profile_page(row.slug)
        try:
            with as_page(book_dir, page):
                text, cells = as_myst(profile_parts(data, row.name, row.kommunekode, holder), path.stem)
        except Exception as error:  # told as a kernel's failed page is told (scripts/build_book.py), not as a traceback
            raise ProfileFailed(page, error) from error
        (folder / f"{path.stem}{CELLS_SUFFIX}").mkdir(exist_ok=True)
        for name, html in [*cells.items(), (path.name, text)]:
            _write_atomically(folder / name, html)
    return sorted(wanted)


def _write_atomically(path: Path, text: str) -> None:
    """Write a file whole or not at all."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)


def write_profile_notebooks(data: Dataset, sources: Path) -> None:
    """The thin notebook of each profile page where "Sådan er siden lavet" links to it (the site's _sources), in place
    of the page's MyST, which holds only the HTML made from it."""
    holder, key = _holder(data), build_key(data)
    for row in table_rows(data.municipalities):
        page = sources / profile_page(row.slug)
        notebook = profile_notebook(row.name, row.kommunekode, holder, views.any_tied(data))
        _stable_cell_ids(notebook)
        stamp(notebook, key)
        page.parent.mkdir(parents=True, exist_ok=True)
        (page.parent / f"{page.name}.ipynb").write_text(nbformat.writes(notebook), encoding="utf-8")
        (page.parent / f"{page.name}.md").unlink(missing_ok=True)


def stamp(notebook: nbformat.NotebookNode, key: dict[str, str]) -> None:
    """Put the build key into the first code cell's metadata, as every notebook the build publishes carries it."""
    code = next((cell for cell in notebook.cells if cell.cell_type == "code"), None)
    if code is not None:
        code.metadata["kulturensrige_build"] = key


def _holder(data: Dataset) -> str:
    """Whose data describes the initiatives (provenance.Words.holder)."""
    return provenance.words(provenance.folder_source(data.options)).holder


# The contents' line that lists the profiles (book/_toc.yml): by glob the sidebar and "Næste" went alphabetically.
PROFILES_BY_GLOB = f"- glob: {PROFILE_FOLDER}/profil-*"


def _list_in_contents(book_dir: Path, pages: list[Path]) -> None:
    """The staged table of contents names the profile pages one by one in the data's order, the report's, as the
    filter, the front page and the charts list them."""
    contents = book_dir / "_toc.yml"
    lines = contents.read_text(encoding="utf-8").splitlines(keepends=True)
    listed = []
    for line in lines:
        if line.strip() == PROFILES_BY_GLOB:
            indent = line[: len(line) - len(line.lstrip())]
            listed += [f"{indent}- file: {page.relative_to(book_dir).with_suffix('').as_posix()}\n" for page in pages]
        else:
            listed.append(line)
    contents.write_text("".join(listed), encoding="utf-8")


def _stable_cell_ids(notebook: nbformat.NotebookNode) -> None:
    """Stable cell ids, so two builds from the same data write the same file."""
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{i}"
