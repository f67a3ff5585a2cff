"""Sphinx extension: the book's own static assets, plotly.js once per page, and the data stamp.

Jupyter Book loads it through `sphinx.extra_extensions` in book/_config.yml.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import html
import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from docutils import nodes
from pydata_sphinx_theme.toctree import add_toctree_functions
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.errors import ExtensionError
from sphinx.search.da import SearchDanish
from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from kulturensrige.book import bibliography, executed, hardening, page_source, profiles
from kulturensrige.book.descriptions import page_description
from kulturensrige.book.icons import inline_icons
from kulturensrige.book.profiles import CELL_OUTPUT
from kulturensrige.data import provenance
from kulturensrige.data.buildkey import BUILT, build_key, write_record
from kulturensrige.data.fingerprint import folder_digest
from kulturensrige.data.loading import Dataset, load
from kulturensrige.data.municipality_codes import codes_are_official
from kulturensrige.data.pages import ALL, PROFILE_PREFIX
from kulturensrige.data.publishing import published_files
from kulturensrige.data.settings import build_date
from kulturensrige.render import browser, cards, charts, front_page, highlight
from kulturensrige.render.markup import METHOD_NOTES, SIDE, esc, json_island, side_file
from kulturensrige.render.policy import with_policy
from kulturensrige.words import SOFT_HYPHEN, built, day, hyphenated, spreadsheet_csv

GENERATED = "_kr_generated"


# Said on every page when options.csv switches the check of the official codes off (municipality_codes).
NOT_OFFICIAL = "Kommunekoderne og -navnene i disse data er ikke de officielle danske."


def provenance_html(date: dt.date, official_codes: bool = True) -> str:
    """The footer's plain line: when the book was built. The edition's code stands only in the front page's note on
    citing, with what it is (issue 22); the data folder's name and fingerprint, for analysts, in the data chapter."""
    codes = "" if official_codes else f" {NOT_OFFICIAL}"
    return f'<p class="kr-provenance">{esc(built(date))}{codes}</p>'


# book/_static/plotly.min.js is plotly.js's core with only the trace types the book draws (bar, heatmap, scatter: 1.2 MB,
# not the cartesian bundle's 1.5 MB nor the full 4.8 MB; `make plotly-bundle`), of the version plotly.py emits;
# tests/test_plotly_bundle.py checks both. No page loads it with a script tag: kr-charts.js fetches it from beside
# itself after the load, once the reader has begun (or the page idles).
# The filter's scripts, one job each, in the order they must run (all deferred, so after the parsed page).
FILTER_SCRIPTS = ["kr-state.js", "kr-lists.js", "kr-charts.js", "kr-filter.js"]
OWN_ASSETS = {*FILTER_SCRIPTS, "kommunefilter.css", "copybutton-da.js", "plotly.min.js", "lesning.css", "tjekliste.js"}


def _asset_name(entry) -> str:
    """html_js_files/html_css_files entries are a filename or a (filename, attributes) pair."""
    return entry[0] if isinstance(entry, (tuple, list)) else str(entry)


def _on_config_inited(app: Sphinx, config) -> None:
    data = load()
    app.kr_data = data  # type: ignore[attr-defined]  # the build's one loaded dataset, kept on its Sphinx app
    # One date for the footer and the record, which the PDF editions state: a build across midnight says one day.
    built = app.kr_built = build_date()  # type: ignore[attr-defined]
    # Sphinx re-reads only sources whose files changed; new data or new package code must reach every page.
    # Static files too: Sphinx copies them only when it writes pages, so an edited script must rebuild them.
    key = {**build_key(data), "static": folder_digest(Path(app.srcdir) / "_static")}
    config.kr_build_key = json.dumps(key, sort_keys=True)
    out = Path(app.outdir).parent / GENERATED
    # Emptied first: it lives beside the site from build to build, and a file this data writes no more (the switch's
    # "on" sentences where the data hold no inferred tie) would reach the new site from it.
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name, text in browser.browser_files(data).items():
        (out / name).write_text(text, encoding="utf-8")
    hardening.write_patched_scripts(out)
    _publish_tables(data, out / Path(page_source.PUBLISHED_DATA).name)
    config.html_static_path = [*config.html_static_path, str(out)]
    # Jupyter Book adds every .js/.css under _static/ as a plain (blocking) asset; `setup` adds ours itself,
    # the script with `defer` so it runs after plotly.js and the parsed page. Drop the duplicates.
    config.html_js_files = [f for f in config.html_js_files if _asset_name(f) not in OWN_ASSETS]
    config.html_css_files = [f for f in config.html_css_files if _asset_name(f) not in OWN_ASSETS]
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = provenance_html(built, codes_are_official(data.options))
    config.html_theme_options = options


# The themes' Jinja macro files, which Sphinx copies into _static with their static files (pydata-sphinx-theme
# issue #1122): templates, not pages, linked from nowhere, and HTML without the Content-Security-Policy.
THEME_TEMPLATES = ("webpack-macros.html", "sbt-webpack-macros.html")


# The book's own style sheets and scripts as a reader's browser gets them: without their comments and indentation,
# which are for whoever reads book/_static (27 kB of the 2.5 MB a page at national scale may weigh with what it loads).
LEAN_ASSETS = ("kommunefilter.css", "lesning.css", *FILTER_SCRIPTS, "tjekliste.js")
# Sphinx's, myst-nb's and sphinx-book-theme's files every page loads that ship with their comments (about 9 kB; the
# other theme files are minified): the same lean copy. None of these scripts has a template literal.
THEIR_LEAN_ASSETS = ("basic.css", "mystnb.*.css", "styles/sphinx-book-theme.css", "sphinx_highlight.js")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_JS_COMMENT_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)
_INDENTED_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)*")


def lean(name: str, text: str) -> str:
    """A style sheet without its comments, a script without its comment lines, both without indentation or blank
    lines: what a browser reads is unchanged (no script here has a template literal over several lines)."""
    text = _CSS_COMMENT.sub("", text) if name.endswith(".css") else _JS_COMMENT_LINE.sub("", text)
    return _INDENTED_LINES.sub("\n", text)


def _publish_lean_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        for path in [static / name for name in LEAN_ASSETS] + [p for pattern in THEIR_LEAN_ASSETS for p in static.glob(pattern)]:
            path.write_text(lean(path.name, path.read_text(encoding="utf-8")), encoding="utf-8")


def _drop_theme_templates(app: Sphinx, exception: Exception | None) -> None:
    """No HTML file in the site without the policy: the themes' template leftovers go (THEME_TEMPLATES)."""
    if exception is None and app.builder.format == "html":
        for name in THEME_TEMPLATES:
            (Path(app.outdir) / "_static" / name).unlink(missing_ok=True)


def _record_build(app: Sphinx, exception: Exception | None) -> None:
    """A finished build records its key (data fingerprint, package, settings) and its date beside its pages
    (buildkey.RECORD)."""
    if exception is None and app.builder.format == "html":
        write_record(Path(app.outdir), {**json.loads(app.config.kr_build_key), BUILT: app.kr_built.isoformat()})  # type: ignore[attr-defined]


def _publish_profile_notebooks(app: Sphinx, exception: Exception | None) -> None:
    """Each profile page's thin notebook in _sources, where its "Sådan er siden lavet" links (profiles.py)."""
    if exception is None and app.builder.format == "html":
        profiles.write_profile_notebooks(app.kr_data, Path(app.outdir) / page_source.SOURCES)  # type: ignore[attr-defined]


def _publish_tables(data: Dataset, target: Path) -> None:
    """The data tables beside the book, for each chapter's "Sådan er siden lavet" links (kulturensrige/book/page_source.py):
    written from the loaded data as publications (kulturensrige/data/publishing.py), never copied raw."""
    write_downloads(published_files(data, charts.figures_not_drawn(data)), target)


def write_downloads(files: Mapping[str, str], target: Path) -> None:
    """The tables as downloads in `target`, replacing what was there."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for file, text in files.items():
        # A download is opened in a spreadsheet: comma-separated, every formula start guarded (words.csv_cell).
        (target / file).write_text(spreadsheet_csv(text), encoding="utf-8", newline="")


def _executed_notebook(app: Sphinx, docname: str, source: list[str]) -> None:
    """A page's notebook is read as scripts/build_book.py executed it (kulturensrige/book/executed.py): Jupyter Book
    executes nothing. The file Sphinx copies into _sources stays the notebook without outputs. A notebook with code
    and nothing executed for it stops the build: its page would show none of what the code makes."""
    if not str(app.env.doc2path(docname)).endswith(executed.SUFFIX):
        return
    store = os.environ.get(executed.VARIABLE)
    found = executed.kept(Path(store), source[0]) if store else None
    if found is not None:
        source[0] = found
    elif executed.has_code(source[0]):
        raise ExtensionError(f"siden {docname} er ikke kørt: bogen bygges med scripts/build_book.py (make book), der kører notesbøgerne")


def _on_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if "body" in context:
        # the filter's place, kept so nothing shifts
        body = phone_tables(front_title(hyphenated_title(context["body"])))
        if "pathto" in context:
            kinds = provenance.value_label(app.kr_data.options, "quote_kinds.label_source")  # type: ignore[attr-defined]
            meta = context.get("meta") or {}
            if meta.get(AUDIENCE) != ANALYSTS and meta.get(RETELLING) != NOT_A_RETELLING:
                # Before the marks are made controls: the rule's '(red.)' opens the page's key as every mark does (ADR 81).
                body = with_retelling_rule(body, provenance.retelling_rule(app.kr_data.options))  # type: ignore[attr-defined]
            source = provenance.folder_source(app.kr_data.options)  # type: ignore[attr-defined]
            body = marks_explained(body, _editors_href(context), _speaker_key(app, body), kinds, source)
        # The citing example's day: the notebook leaves its place (front_page.WEB_DATE), so that its output does not
        # change with the day; the page gives the day it was built, as its foot does (reader 26, #6).
        body = body.replace(front_page.WEB_DATE, day(app.kr_built))  # type: ignore[attr-defined]
        context["body"] = highlight.FILTER_SLOT + side_files(body, Path(app.outdir), pagename)
    _drop_thebe(context)
    _drop_unused_extensions(context)
    _credit_in_footer(app, context)


TITLE = re.compile(r"(<h1[^>]*>)(.*?)(</h1>)", re.S)
RETELLING_RULE_CSS = "kr-retelling-rule"


# A paragraph of the page's own running text: a <p> of at least this many characters of text, so that a line offering
# the page's PDF or a single link is not taken for it (with_retelling_rule).
RUNNING_TEXT = 80
PARAGRAPH = re.compile(r"<p(?:\s[^>]*)?>(.*?)</p>", re.S)
TAG = re.compile(r"<[^>]+>")


def with_retelling_rule(body: str, rule: str) -> str:
    """A reading page says once whose its text is and what a mark means (provenance.retelling_rule; ADR 70): its
    retellings then carry no mark of their own. Reading s24, F5: one paraphrase paragraph carried "(red.)" and the
    next none, so a reader could not learn the rule. The rule stands after the page's first paragraph of running text
    under the title (ADR 79): under the title it filled the phone's first screen with small print, and the page's
    first sentence began 330-450 px down (reader 25, #2). A page with no such paragraph has it under its title. The
    analysts' pages (the data chapter) say it their way."""
    said = f'<p class="{RETELLING_RULE_CSS}">{esc(rule)}</p>'
    title = TITLE.search(body)
    if title is None:
        return body
    for paragraph in PARAGRAPH.finditer(body, title.end()):
        text = TAG.sub("", paragraph.group(1)).strip()
        # A paragraph that ends in a colon leads into what follows it (a sign, a list): the rule does not part them.
        # Nor is the rule put where a reader may not see it: in a hidden paragraph, a card <template> or a closed fold.
        before = body[title.end() : paragraph.start()]
        unseen = "hidden" in paragraph.group()[: paragraph.group().find(">")] or any(
            before.count(f"<{tag}") > before.count(f"</{tag}>") for tag in ("template", "details")
        )
        if len(text) >= RUNNING_TEXT and not text.endswith(":") and not unseen:
            return body[: paragraph.end()] + said + body[paragraph.end() :]
    return body[: title.end()] + said + body[title.end() :]


# The editors' short mark as a page's HTML holds it, in the light type of a card (.kr-by, with the kind of their work
# in its title) or as plain text after a value ('Interviewcitat (red.)'), and every other tag, read in one pass.
MARK_OR_TAG = re.compile(
    r'(?P<span><span class="kr-by"(?: title="(?P<kind>[^"]*)")?>\(red\.\)</span>)'
    r"|<(?P<close>/?)(?P<name>[a-zA-Z][\w-]*)[^>]*>"
    r"|(?<![»„\w])\(red\.\)"  # a mark named in a sentence (the key's „(red.)“) is text
)
# Where a control may not stand: inside a link, a summary, a label or a button (no interactive content there), a
# script (a long list's JSON rows) or a card <template> (kr-lists.js fills its light mark's text).
NO_CONTROL = frozenset({"a", "summary", "label", "button", "script", "template"})
KEY_ID = "kr-noegle"


# A card whose speaker's category stands in place of the role: its speaker ends in the short mark (cards.speaker_line).
HELD_BACK_SPEAKER = re.compile(r'<p class="kr-speaker">(?:<span class="kr-kind">[^<]*</span>)?<span>[^<]*\(red\.\)</span>')


def _speaker_key(app: Sphinx, body: str) -> str:
    """What '(red.)' after a speaker means, for the key of a page where a card holds a speaker back
    (provenance.category_key): the s22 reading, #8, found the line on nine pages whose cards all show the report's role.
    A long list's later cards are JSON rows: there the data say whether any quote is held back."""
    data = app.kr_data  # type: ignore[attr-defined]
    held = HELD_BACK_SPEAKER.search(body) or (
        "kr-list-rows" in body and bool((data.quotes["shown_role"] != data.quotes["speaker_role"]).any())
    )
    return provenance.category_key(data.options) if held else ""


def marks_explained(body: str, editors_href: str, also: str = "", kinds: str = "", source: str = provenance.BY_REPORT) -> str:
    """Each editors' short mark, '(red.)', explains itself: a native popover button (no script, so the page's
    Content-Security-Policy is untouched) that opens the page's one key by tap, click or keyboard, and is read out with
    the kind of the editors' work. The key stands once, hidden, at the page's foot instead of a paragraph in the body
    (issue 22: said on every page, it crowded out the report); a printed page shows it there (docs/adr/0040). The
    space before a mark does not break, so '(red.)' never starts a line alone. A mark inside a link or a summary stays
    light text, as no control may stand there. A page with no mark has no key. `kinds`: whose a quote kind's name is
    ('redaktionens betegnelse'), the kind of the mark after a card's kind (.kr-kind), which the printed book writes
    out as every PDF does (reading 21, finding 3). `source`: the data folder's, whose quotes the key names (page_key)."""
    if "(red.)" not in body:  # every mark holds it: a page without one is not scanned tag by tag (98 national profiles)
        return body
    body = _LABEL.sub(lambda label: label.group().replace(" (red.)", NO_BREAK_SPACE + "(red.)"), body)
    out, last, controls, in_kind = [], 0, 0, False
    depth = dict.fromkeys(NO_CONTROL, 0)
    kind_keys: dict[str, str] = {}  # a mark's kind and the id of the key it opens, which says that kind first
    for found in MARK_OR_TAG.finditer(body):
        name = (found.group("name") or "").lower()
        if name:
            if name in depth:
                depth[name] = max(0, depth[name] + (-1 if found.group("close") else 1))
            if name == "span":  # a card's kind is a span of text alone: its mark is the kind's (cards.speaker_line)
                in_kind = not found.group("close") and 'class="kr-kind"' in found.group()
            continue
        if any(depth.values()):
            continue
        before = body[last : found.start()]
        out.append(before[:-1] + NO_BREAK_SPACE if before.endswith(" ") else before)
        kind = html.unescape(found.group("kind") or (kinds if in_kind else ""))
        target = kind_keys.setdefault(kind, f"{KEY_ID}-{len(kind_keys) + 1}") if kind else KEY_ID
        out.append(_mark_control(kind, target))
        last, controls = found.end(), controls + 1
    if not controls:
        return body
    said = (
        f"<p>{esc(provenance.page_key(source))}</p>"
        + (f"<p>{esc(also)}</p>" if also else "")
        + f'<p><a href="{esc(editors_href)}">Læs mere om, hvem der siger hvad</a></p>'
    )
    key = f'<div id="{KEY_ID}" class="kr-key" popover>{said}{_close(KEY_ID)}</div>'
    # A mark with a kind opens a key that first says, in one line, what this mark marks, then the page's key: a phone
    # shows no title, and a title's and a status's mark opened the same words (reader31, #3; ADR 113). Paper prints the
    # page's key alone (.kr-key), as a screen's print does.
    of_kind = "".join(
        f'<div id="{target}" class="{provenance.MARK_KEY_CSS}" popover><p class="kr-mark-said">{esc(provenance.mark_said(kind))}</p>'
        f"{said}{_close(target)}</div>"
        for kind, target in kind_keys.items()
    )
    return "".join(out) + body[last:] + key + of_kind


def _close(key: str) -> str:
    """A key's button that closes it."""
    return f'<button type="button" popovertarget="{key}" popovertargetaction="hide">Luk</button>'


NO_BREAK_SPACE = "\u00a0"
# A table cell's column name, which a phone shows above its value (kommunefilter.css): it reads as the column's head,
# whose mark is a control after a space that does not break.
_LABEL = re.compile(r'data-label="[^"]*"')


def _mark_control(kind: str, key: str) -> str:
    """One '(red.)' as a button that opens its `key`; a screen reader reads what the editors did ('redaktionens
    gengivelse'), which the title also shows on hover and the key's first line says."""
    mark = provenance.owner_mark(provenance.EDITORS_SHORT)
    title = f' title="{esc(kind)}"' if kind else ""
    said = esc(f"{mark}: {kind or provenance.EDITORS_WORK}")
    return f'<button type="button" class="kr-by kr-red" popovertarget="{key}"{title} aria-label="{said}">{esc(mark)}</button>'


def _editors_href(context: dict) -> str:
    """This page's link to what the editors added (front_page.EDITORS_PAGE), as the footer's credit links it."""
    page = context["pathto"](front_page.EDITORS_PAGE).split("#")[0]  # "#" on that page itself
    return f"{page}#{front_page.EDITORS_ANCHOR}"


# A page's title at its size holds about 19 letters on a line at 320 px: shorter words never need a break, and stay
# whole in what a reader copies.
TITLE_HYPHENATE_FROM = 16


def hyphenated_title(body: str) -> str:
    """The page's title with soft hyphens at the joints of its long compounds (words.hyphenated, ADR 17): on a phone
    'Tilgængelighedserklæring' broke as 'Tilgængelighedserklærin / g'; now it breaks as 'Tilgængeligheds- / erklæring',
    with a hyphen, and only where it does not fit. Only the text between tags changes."""

    def words_of(title: re.Match) -> str:
        parts = re.split(r"(<[^>]*>|&[#\w]+;)", title.group(2))
        words = "".join(p if p.startswith(("<", "&")) else hyphenated(p, TITLE_HYPHENATE_FROM) for p in parts)
        return title.group(1) + words + title.group(3)

    return TITLE.sub(words_of, body, count=1)


def front_title(body: str) -> str:
    """The front page's title marked (kr-front-title) for lesning.css to set it smaller on a phone. The rule was
    `.bd-article:has(.kr-front) h1`: Chromium then restyled every table cell of the article whenever anything in it
    changed (a choice, a chart drawn), about 6,000 elements and 60 ms a time on a slow phone at national scale."""
    if 'class="kr-front ' not in body:
        return body
    return TITLE.sub(
        lambda title: title.group(1).replace("<h1", '<h1 class="kr-front-title"', 1) + title.group(2) + title.group(3), body, count=1
    )


MARKDOWN_TABLE = re.compile(r'<table class="table">.*?</table>', re.S)


def phone_tables(body: str) -> str:
    """A table written in a page's Markdown (the accessibility statement's tests, the data chapter's examples) as the
    book's own tables are (lists.simple_table): class kr-table, each row headed by its first cell, each other cell
    labelled with its column's name (data-label), so that on a phone each row is a block and no column is cut off
    (kommunefilter.css). At 375 px the statement's »Status« column showed as »te«, with no sign that it scrolled."""

    def labelled(match: re.Match) -> str:
        table = BeautifulSoup(match.group(), "html.parser").table
        if table is None:
            return match.group()
        heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        table["class"] = "table kr-table"
        for row in table.select("tbody tr"):
            cells = row.find_all("td", recursive=False)
            if cells:
                cells[0].name = "th"
                cells[0]["scope"] = "row"
            for cell, head in zip(cells[1:], heads[1:], strict=False):
                cell["data-label"] = head
        return str(table)

    return MARKDOWN_TABLE.sub(labelled, body)


def _credit_in_footer(app: Sphinx, context: dict) -> None:
    """The footer says whose the report is and whose the book is (front_page.credit), with a link from this page to
    what the editors added, instead of the theme's "Ved <author>", which credited the whole book to the publisher."""
    if "pathto" not in context:
        return
    line = f'<p class="kr-credit">{front_page.credit(app.kr_data, _editors_href(context))}</p>'  # type: ignore[attr-defined]
    context["author"] = ""
    context["theme_extra_footer"] = line + context.get("theme_extra_footer", "")


# Jupyter Book puts the files of sphinx-design (grids, cards, tabs: 63 kB), sphinx-togglebutton (13 kB) and
# sphinx-copybutton (21 kB) on every page; a page whose body has none of their classes loads none of them (the book
# uses the first two nowhere today; a word in the text that looks like one only keeps the files).
# Extension: (the start of its classes, its files).
OPTIONAL_EXTENSIONS = {
    "sphinx-design": (("sd-",), ("sphinx-design", "design-tabs.js")),
    "togglebutton": (("toggle", "dropdown"), ("togglebutton",)),
    # sphinx-copybutton (and the book's Danish words for it) and Pygments' colours serve only highlighted code.
    "copybutton": (('class="highlight',), ("copybutton", "clipboard.min.js", "pygments.css")),
}


def _drop_unused_extensions(context: dict) -> None:
    body = context.get("body", "")
    unused = [name for uses, files in OPTIONAL_EXTENSIONS.values() if not any(u in body for u in uses) for name in files]
    for key in ("script_files", "css_files"):
        context[key] = [f for f in context.get(key, []) if not any(name in (f.filename or "") for name in unused)]


# The opening of a JSON island as the package writes it (markup.json_island); a side island's class has markup.SIDE.
ISLAND = '<script type="application/json" class="'
# A long list's row islands (cards.row_islands) and, once they are moved, the one index of their files (kr-lists.js
# KR.rowIslands).
ROWS, ROWS_INDEX = "kr-list-rows", "kr-list-rows-index"
ROW_COUNT = re.compile(r'data-kr-count="(\d+)"')


def side_files(body: str, outdir: Path, pagename: str) -> str:
    """Each side island of a page moves into a file beside it, <page>.kr-<n>.js, and leaves its place empty with the
    file's name (data-kr-src): the page carries only what it shows, and kr-state.js (KR.side) loads a file when its
    part is first wanted (markup.side_file). A long list's row islands, one per ten cards, leave one index in their
    place ([count, file] each, ROWS_INDEX): 1,000 empty placeholders were 122 kB of a national page. Files a page
    had in an earlier build go first."""
    page = outdir / f"{pagename}.html"
    if page.parent.is_dir():
        for name in os.listdir(page.parent):
            if name.startswith(f"{page.stem}.kr-") and name.endswith(".js"):
                (page.parent / name).unlink()
    if SIDE not in body:
        return body
    parts: list[str] = []
    rows: list[tuple[int, str]] = []  # the row islands moved since the last index was written
    done, count = 0, 0
    while (start := body.find(ISLAND, done)) >= 0:
        classes_end = body.index('"', start + len(ISLAND))
        classes = body[start + len(ISLAND) : classes_end].split()
        opening_end = body.index(">", classes_end)
        end = body.index("</script>", opening_end)
        moved_rows = SIDE in classes and ROWS in classes
        if rows and (start > done or not moved_rows):
            parts.append(json_island(rows, ROWS_INDEX))
            rows = []
        parts.append(body[done:start])
        if SIDE not in classes:
            parts.append(body[start : end + len("</script>")])
        else:
            count += 1
            name = f"{page.stem}.kr-{count}.js"
            page.parent.mkdir(parents=True, exist_ok=True)
            (page.parent / name).write_text(side_file(body[opening_end + 1 : end]), encoding="utf-8")
            if moved_rows:
                rows.append((_row_count(body[start:opening_end]), name))
            else:
                parts.append(f'{body[start:opening_end]} data-kr-src="{esc(name)}"></script>')
        done = end + len("</script>")
    if rows:
        parts.append(json_island(rows, ROWS_INDEX))
    return "".join(parts) + body[done:]


def _row_count(opening: str) -> int:
    """How many cards a row island holds, from its opening tag (cards.row_islands writes it on every one)."""
    found = ROW_COUNT.search(opening)
    if found is None:
        raise ValueError(f"en rækkeø uden data-kr-count: {opening}")
    return int(found[1])


def _drop_thebe(context: dict) -> None:
    """Jupyter Book 1 adds sphinx-thebe's config script twice ('THEBE_JS_URL has already been declared')
    and points it at a CDN; the book has no live kernel buttons, so its files are left out."""
    context["script_files"] = [
        js for js in context.get("script_files", []) if "thebe" not in (js.filename or "") + js.attributes.get("body", "")
    ]
    context["css_files"] = [css for css in context.get("css_files", []) if "thebe" not in (css.filename or "")]


def _defer_scripts(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Every script file in <head> loads with `defer`: the text paints before any script runs.

    Deferred scripts still run in document order, after parsing and before DOMContentLoaded, so each
    still finds what the ones before it define (kr-data.js before kommunefilter.js, copybutton.js before
    copybutton-da.js). Runs after every handler that adds or drops scripts (priority 990)."""
    deferred = []
    for js in context.get("script_files", []):
        if js.filename and not {"defer", "async"} & set(js.attributes):
            js = type(js)(js.filename, priority=js.priority, **{**js.attributes, "defer": "defer"})
        deferred.append(js)
    context["script_files"] = _catalog_before_its_readers(deferred)


def _catalog_before_its_readers(scripts: list) -> list:
    """translations.js (the Danish catalog) right after doctools.js, which defines what it fills in.

    Sphinx 7.4 adds translations.js after sphinx_highlight.js (priority 500 against 200) and relies on the page still
    loading: deferred, sphinx_highlight.js finds it parsed, runs at once and wrote "Hide Search Matches" in English."""
    names = [(js.filename or "").rsplit("/", 1)[-1] for js in scripts]
    if "translations.js" not in names or "doctools.js" not in names:
        return scripts
    catalog, doctools = scripts[names.index("translations.js")], scripts[names.index("doctools.js")]
    rest = [js for js in scripts if js is not catalog]
    at = rest.index(doctools) + 1
    # Sphinx sorts the page's scripts by priority once more as it writes them: the catalog takes doctools.js's.
    catalog = type(catalog)(catalog.filename, priority=doctools.priority, **catalog.attributes)
    return [*rest[:at], catalog, *rest[at:]]


def _first_paragraph(doctree) -> str:
    """The page's first paragraph of running text (not in a note, figure, table or reference list)."""
    if doctree is None:
        return ""
    aside = (nodes.Admonition, nodes.figure, nodes.table, nodes.footnote, nodes.citation, nodes.topic, nodes.sidebar)
    for paragraph in doctree.findall(nodes.paragraph):
        parent, inside = paragraph.parent, False
        while parent is not None and not inside:
            inside, parent = isinstance(parent, aside), parent.parent
        if not inside and len(paragraph.astext()) >= 40:
            return paragraph.astext()
    return ""


def _describe_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """A <meta name="description"> on every page (kulturensrige/book/descriptions.py says from what)."""
    data = app.kr_data  # type: ignore[attr-defined]  # set in _on_config_inited
    description = page_description(data, pagename, _first_paragraph(doctree))
    context["metatags"] = context.get("metatags", "") + f'\n<meta name="description" content="{esc(description)}" />'


class CellOutput(SphinxDirective):
    """A code cell's HTML output, made before the build in the file the directive names (a profile page's cells,
    kulturensrige/book/profiles.py), as myst-nb shows one: a cell container holding an output container holding the
    raw HTML, with myst-nb's classes (the `:class:` option would turn their underscores into hyphens). The page is
    read again when the file changes."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        relative, path = self.env.relfn2path(self.arguments[0], self.env.docname)
        self.env.note_dependency(relative)
        html = Path(path).read_text(encoding="utf-8")
        raw = nodes.raw("", html, format="html", classes=["output", "text_html"])
        output = nodes.container("", raw, classes=["cell_output"])
        return [nodes.container("", output, classes=["cell", "tag_remove-input"])]


class ProfileTitleAsWritten(SphinxTransform):
    """A profile page's title is a municipality name from data; docutils' smart quotes would show its '"' as '«'.

    Runs before Sphinx's SmartQuotes transform (priority 750) and exempts that one title."""

    default_priority = 700

    def apply(self, **kwargs) -> None:
        if self.env.docname.startswith("kommuner/profil-"):
            for title in self.document.findall(nodes.title):
                title["support_smartquotes"] = False
                break


def _escape_page_title(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """sphinx-book-theme puts the title's plain text (`title.astext()`) into its print header as `{{ pagetitle }}`,
    unescaped: a municipality name with '<img onerror=...>' would become markup on its profile page. Runs
    after the theme's own handler (priority 900) and escapes it."""
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = esc(context["pagetitle"])


def _name_sidebar_toggles(toctree):
    """pydata-sphinx-theme's sidebar opens a chapter's subpages with a <summary> holding only a decorative
    chevron, so it has no accessible name (axe 'summary-name', WCAG 4.1.2) and a reader met an empty disclosure
    (issue 22). Name each after its chapter, in text that only a screen reader hears (the chevron is its picture).

    Takes what the theme's `generate_toctree_html` returns (a BeautifulSoup, or HTML text) and returns the same kind."""
    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.select("li > details > summary"):
        if summary.get_text(strip=True):
            continue
        link = summary.parent.find_previous_sibling("a")
        chapter = link.get_text(" ", strip=True) if link else ""
        name = soup.new_tag("span", attrs={"class": "visually-hidden"})
        name.string = f"Vis eller skjul undersider af {chapter}" if chapter else "Vis eller skjul undersider"
        summary.append(name)
    return str(soup) if isinstance(toctree, str) else soup


def _accessible_theme_markup(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """docutils marks each entry of the reference list role="doc-biblioentry", a role deprecated in DPUB-ARIA 1.1
    (axe 'aria-deprecated-role', found by tests/browser/test_accessibility.py), inside a role="list" that then has
    no listitem (axe 'aria-required-children'). An entry of a list is a listitem.

    (The sidebar's chapter toggles get their names in SidebarOnce, through _name_sidebar_toggles.)"""
    if 'role="doc-biblioentry"' in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


class SidebarOnce:
    """The sidebar's chapter list, built by the theme once per build and then marked for each page.

    pydata-sphinx-theme 0.15's `generate_toctree_html` resolves the whole book's toctree and reworks it with
    BeautifulSoup for every page, and twice (its check for empty sidebar templates renders it too): O(pages²),
    two fifths of Sphinx's time at national scale. With `collapse` off the list is the same on every page but
    for links relative to the page's folder (kept once per folder) and the marks `for_page` sets as Sphinx and
    the theme would, then undoes: the page's own link is "#", the classes `current` (and the theme's `active`)
    go on its entry and every list and entry above it, and those entries' `<details>` are open.
    The chapter toggles get their names here too."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.unmarked: dict[str, BeautifulSoup] = {}
        self.folders: dict[tuple[str, str], tuple[BeautifulSoup, dict[str, list]]] = {}
        self.last: tuple[str, str, str] | None = None  # (page, arguments, HTML): the empty-check's render, reused

    def install(self, context: dict) -> None:
        """Put `generate_toctree_html` in a render context, in place of the theme's (and of a copy of the context)."""
        generate = context.get("generate_toctree_html")
        if not callable(generate) or getattr(generate, "_kr_sidebar", False):
            return
        pagename = context.get("pagename", "")

        # Wraps the theme's function: its sidebar is rebuilt from the whole toctree for every page (see the class).
        def generate_toctree_html(kind: str, startdepth: int = 1, **kwargs):
            own = self.for_page(pagename, kwargs) if kind == "sidebar" and startdepth == 0 else None
            if own is not None:
                return own
            toctree = generate(kind=kind, startdepth=startdepth, **kwargs)
            return _name_sidebar_toggles(toctree) if kind == "sidebar" else toctree

        generate_toctree_html._kr_sidebar = True  # type: ignore[attr-defined]  # marks the theme's function as replaced
        context["generate_toctree_html"] = generate_toctree_html

    def for_page(self, pagename: str, kwargs: dict) -> str | None:
        """The sidebar of one page; None where the list depends on the page (collapsed) or lists it twice."""
        if kwargs.get("collapse", True):
            return None
        key = json.dumps(kwargs, sort_keys=True)
        if self.last and self.last[:2] == (pagename, key):
            return self.last[2]
        own = self.app.builder.get_target_uri(pagename)
        folder = own.rpartition("/")[0]
        soup, links = self._in_folder(key, kwargs, folder)
        mine = links.get(relative_uri(f"{folder}/" if folder else "", own), [])
        if len(mine) > 1:
            return None
        undo = _mark_current(mine[0]) if mine else []
        html = str(soup)
        for tag, attributes in undo:
            tag.attrs = attributes
        self.last = (pagename, key, html)
        return html

    def _in_folder(self, key: str, kwargs: dict, folder: str) -> tuple[BeautifulSoup, dict[str, list]]:
        """The unmarked list with its links relative to a folder, and its links by address (no "#..." part)."""
        if (key, folder) not in self.folders:
            if key not in self.unmarked:
                self.unmarked[key] = _name_sidebar_toggles(self._theme_sidebar_outside_toctree(kwargs))
            soup, links = copy.copy(self.unmarked[key]), dict[str, list[Tag]]()
            for link in soup.find_all("a", href=True):
                href = str(link["href"])
                path, hash_, fragment = href.partition("#")
                if not urlsplit(path).scheme:  # Sphinx leaves external addresses as they are
                    href = link["href"] = relative_uri(f"{folder}/" if folder else "", path) + hash_ + fragment
                if not hash_:
                    links.setdefault(href, []).append(link)
            self.folders[key, folder] = soup, links
        return self.folders[key, folder]

    def _theme_sidebar_outside_toctree(self, kwargs: dict) -> BeautifulSoup:
        """The theme's sidebar for the root document, which no toctree lists (Sphinx warns of a circular
        reference, and the build fails on warnings): nothing is current, and every link is relative to the root."""
        root = self.app.config.root_doc
        # The same `toctree` function Sphinx puts in every page's context (builders/html handle_page), for the root.
        builder = cast(StandaloneHTMLBuilder, self.app.builder)  # the sidebar is made for HTML pages only
        context: dict[str, Any] = {"toctree": functools.partial(builder._get_local_toctree, root)}
        add_toctree_functions(self.app, root, "page.html", context, None)
        return context["generate_toctree_html"](kind="sidebar", startdepth=0, **kwargs)


def _mark_current(link) -> list[tuple]:
    """What Sphinx (`_toctree_add_classes`) and the theme do to a page's own entry: its link becomes "#", and
    `current` goes on it and every list and entry above it, the theme's `active` after it on entries, and the
    entries' toggles open. Returns each changed tag with its attributes as they were, to undo the marks."""
    entries = [parent for parent in link.parents if parent.name == "li"]
    toggles = [toggle for li in entries if (toggle := li.find("details", recursive=False)) is not None]
    lists = [parent for parent in link.parents if parent.name == "ul"]
    undo = [(tag, dict(tag.attrs)) for tag in [link, *entries, *toggles, *lists]]
    link["href"] = "#"
    link["class"] = ["current", *link.get("class", [])]
    for ul in lists:
        ul["class"] = ["current", *ul.get("class", [])]
    for li in entries:
        level, *rest = li.get("class", [])
        li["class"] = [level, "current", "active", *rest]
    for toggle in toggles:
        toggle["open"] = "open"
    return undo


# English that sphinx-book-theme's templates write as it stands, outside any
# message catalog (the rest is translated by book/_locale/da/LC_MESSAGES/sphinx.po): markup as written -> Danish.
UNTRANSLATED = {
    '<nav class="bd-links bd-docs-nav" aria-label="Main">': '<nav class="bd-links bd-docs-nav" aria-label="Bogens kapitler">',
    'title="Toggle primary sidebar"': 'title="Vis eller skjul bogens kapitler"',
    'title="Toggle secondary sidebar"': 'title="Vis eller skjul sidens indhold"',
    '<nav aria-label="Page">': '<nav aria-label="Siden">',
}


def _one_search_input_id(html: str) -> str:
    """pydata-sphinx-theme 0.15 writes its pop-up search field and the search page's own field with the same
    id="search-input" on search.html (a duplicate id, an HTML error); the pop-up's copy gets an id of its own.
    No script looks the field up by id."""
    if html.count('id="search-input"') < 2:
        return html
    return html.replace('id="search-input"', 'id="search-input-popup"', 1)


# Label in name (WCAG 2.5.3, axe 'label-content-name-mismatch'): a control's name must contain its visible text.
# The search field shows "Søg Ctrl+K" but was named "Søg": its name now comes from what it shows. The theme
# button named "Farvetema" held icons titled "Lyst", "Mørkt" and "Som systemet" (Font Awesome turns a title
# into text of the icon): the icons lose their titles, and the button's tooltip and name stay "Farvetema".
LABEL_IN_NAME = [
    (re.compile(r'(<button class="btn search-button-field [^"]*"[^>]*?)\s+aria-label="[^"]*"'), r"\1"),
    (re.compile(r'(<i class="theme-switch [^"]*"\s+data-mode="\w+")\s+title="[^"]*"'), r"\1"),
]


# pydata-sphinx-theme 0.15 loads Font Awesome in <head> of every page (all.min.js, 1.2 MB, blocking; its CSS; three
# preloaded web fonts) to draw its <i class="fa-..."> icons; the build inlines the same SVG instead
# (kulturensrige/book/icons.py), so none of them loads.
FONTAWESOME = re.compile(
    r'\s*<(?:script src|link href)="[^"]*_static/vendor/fontawesome/[^"]*/(?:js/all\.min\.js|css/all\.min\.css)\?digest=[0-9a-f]+"'
    r'(?: rel="stylesheet" /)?>(?:</script>)?'
    r'|\s*<link rel="preload" as="font" type="font/woff2" crossorigin href="[^"]*_static/vendor/fontawesome/[^"]*" />'
)
# pydata-sphinx-theme loads Sphinx's search index (and its tools) in <head> of every page for a search-as-you-type
# the book leaves off (its default); only the search page needs them, and there they load deferred.
SEARCH_SCRIPTS = re.compile(r'<script src="([^"]*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js))"></script>')


# Pages Sphinx writes without a body (the index, the search page) get the filter's kept place at the top of their
# content too, or the filter would push the page down when it appears (a layout shift of 0.13 on a phone on search).
CONTENT_OPENINGS = ('<article class="bd-article">', '<div class="bd-search-container">')


def _with_search_ranking(html: str, island: Callable[[], str]) -> str:
    """The search page carries which pages are about each municipality (browser.search_first); no other page needs it.
    The theme renders each of the search page's sidebar and navbar parts with the page's context, so `island` is asked
    for only by the render that holds the search box's container."""
    if CONTENT_OPENINGS[1] not in html:
        return html
    return html.replace(CONTENT_OPENINGS[1], CONTENT_OPENINGS[1] + island(), 1)


def _lean_head(html: str, pagename: str) -> str:
    """No Font Awesome (its icons inline); the search scripts only on the search page, and deferred there."""
    html = _opens_chosen(_keep_filter_place(inline_icons(_without_fontawesome(html))), pagename)
    if pagename == "search":
        return SEARCH_SCRIPTS.sub(r'<script defer="defer" src="\1"></script>', html)
    return SEARCH_SCRIPTS.sub("", html)


def _without_fontawesome(html: str) -> str:
    """FONTAWESOME's tags out of <head>, where the theme puts them: searched only there, since the pattern's leading
    whitespace makes it slow through a page's megabytes of cards (2 s over a national build)."""
    end = html.find("</head>")
    return FONTAWESOME.sub("", html) if end < 0 else FONTAWESOME.sub("", html[:end]) + html[end:]


# A page opened with a municipality chosen, in its address or as the reader's last choice kept in the browser (kr-state.js
# KR.opening, "kr-valg"), says so on <html> before the page is drawn: the stylesheet keeps the height of the lines the
# filter then shows under its bar (kommunefilter.css), which the deferred scripts fill in (issue 22: the page moved
# 30 px). It only guesses the opening; kr-filter.js sets the lines' real height once the first view is shown.
# A municipality's page shows its own municipality and changes no choice (docs/adr/0058); html.kr-profile-own, where
# the reader's choice is the page's own (data-kr-profile: its slug and code), shows the sentence that says so in place
# of the offer to choose it, from the first paint (kommunefilter.css; issue 22: shown by the deferred scripts, the
# confirmation moved the page 0.1 of Lighthouse's screen); it keeps no line under the bar there: the page's own choice
# shows none. A profile opened with no choice keeps the line too: it says no municipality is chosen in the rest of the
# book (lists.NONE_CHOSEN_ELSEWHERE).
OPENS_CHOSEN = (
    "<script>(() => { try { const q = new URLSearchParams(location.search); const k = q.get('kommune') ?? "
    "(q.has('sammenlign') ? null : JSON.parse(localStorage.getItem('kr-valg'))?.kommune); "
    f"const all = !k || k === {json.dumps(ALL)}; const html = document.documentElement; "
    "const own = !all && (html.dataset.krProfile || '').split(' ').includes(String(k).trim().toLowerCase()); "
    "if (own) html.classList.add('kr-profile-own'); else if (!all || html.dataset.krProfile) html.classList.add('kr-opens-chosen'); "
    "} catch {} })();</script>"
)


def _opens_chosen(html: str, pagename: str) -> str:
    end = html.find("</head>")
    if end < 0:
        return html
    head = _with_reserve(html[:end], _reserve(html))
    # Which of the filter panel's sentences on the untied quotes fits the page (kommunefilter.css shows that one).
    head = head.replace("<html ", f'<html data-kr-untied="{cards.untied_kind(html)}" ', 1)
    if (profile := PROFILE.search(html)) and pagename.startswith(PROFILE_PREFIX):
        # The slug (pages.slug: lower case, no quote) and the code as the page wrote it, escaped: what the head script
        # compares with the choice.
        own = f"{pagename.removeprefix(PROFILE_PREFIX)} {profile['code']}"
        head = head.replace("<html ", f'<html data-kr-profile="{own}" ', 1)
    return head + OPENS_CHOSEN + html[end:]


# A municipality's page: its lead's block (lists.municipality_lead) names its code, its address its slug.
PROFILE = re.compile(r'<div class="kr-profile" data-kommune="(?P<code>[^"]*)"')


def _reserve(html: str) -> str:
    """What lines the bar will show on this page after a choice, for the stylesheet to keep their height from the
    start (kommunefilter.css, html.kr-opens-chosen): "marks" where the page can mark something (the build's lines, or
    rows marked by municipality), "offer" on every page but a profile (the lines offer the municipality's page). A
    municipality's page opened with another municipality chosen shows both: the line that names the choice for the rest
    of the book, and its page (docs/adr/0058); opened with none, the line alone, which says none is chosen there (the
    head script sets kr-opens-chosen on a profile then, never where its own municipality is the choice).
    Decided at build, not by a :has() on <html>, which Chromium re-evaluates on every change in the page."""
    if 'class="kr-profile"' in html:
        return "marks offer"
    parts = ["marks"] if "kr-bar-lines" in html or "data-kr-mark=" in html else []
    return " ".join([*parts, "offer"])


def _with_reserve(head: str, reserve: str) -> str:
    """The page's <html> tag with data-kr-reserve (the theme writes the tag; its attributes stay)."""
    return head.replace("<html ", f'<html data-kr-reserve="{reserve}" ', 1) if reserve else head


def _keep_filter_place(html: str) -> str:
    if "kr-filter-slot" in html:
        return html
    opening = next((o for o in CONTENT_OPENINGS if o in html), None)
    return html.replace(opening, opening + highlight.FILTER_SLOT, 1) if opening else html


# A page written for analysts says so in its metadata (a notebook's, or a Markdown page's front matter): `kr_audience:
# analytikere`. The search lists such pages after every reader's page that matches (browser.search_first).
AUDIENCE, ANALYSTS = "kr_audience", browser.ANALYSTS
# A reader's page that is the editors' own statement, not their retelling of the report (the accessibility
# statement), says so in its front matter, `kr_retelling: nej`: it has no retelling rule, which called it
# „redaktionens gengivelse“ (reading 30, #8).
RETELLING, NOT_A_RETELLING = "kr_retelling", "nej"


def _for_analysts(html: str) -> str:
    """A page written for analysts says so on its <body>: a search snippet is then never cut from its tables."""
    return html.replace("<body ", f'<body {browser.AUDIENCE_ATTRIBUTE}="{ANALYSTS}" ', 1)


def analysts_pages(app: Sphinx) -> list[str]:
    """The pages whose metadata say they are written for analysts."""
    return sorted(page for page, metadata in app.env.metadata.items() if metadata.get(AUDIENCE) == ANALYSTS)


def _danish_everywhere(app: Sphinx) -> None:
    """Replace UNTRANSLATED in every rendered page, and make its head lean (_lean_head); the sidebar from SidebarOnce.

    Text from data cannot match: it reaches pages escaped."""
    templates = getattr(app.builder, "templates", None)
    if templates is None:
        return
    render = templates.render
    sidebar = SidebarOnce(app)

    @functools.cache
    def search_island() -> str:
        """Made once per build: at national scale 196 views' pages take seconds to find."""
        return json_island(browser.search_first(app.kr_data, analysts_pages(app)), "kr-search-first")  # type: ignore[attr-defined]

    def render_in_danish(template: str, context: dict) -> str:
        sidebar.install(context)  # here, not in html-page-context: the theme renders the sidebar before that ends
        html = render(template, context)
        for english, danish in UNTRANSLATED.items():
            html = html.replace(english, danish)
        for pattern, replacement in LABEL_IN_NAME:
            html = pattern.sub(replacement, html)
        pagename = context.get("pagename", "")
        if pagename == "search":
            html = _with_search_ranking(html, search_island)
        if (context.get("meta") or {}).get(AUDIENCE) == ANALYSTS:
            html = _for_analysts(html)
        return with_policy(_lean_head(_one_search_input_id(html), pagename))

    templates.render = render_in_danish


class DanishSearchWordsOnce(SearchDanish):
    """Sphinx's Danish search index, handed each word of a text once, and each word stemmed once per build.

    Sphinx's `IndexBuilder.feed` stems, filters and files every word of a page one by one, repeats included: at
    national scale nearly two million words, most on the page whose quote store holds every quote. Filing a word
    again changes nothing (the page is in the word's set already), and the first of each stays in its place. Sphinx
    remembers stems for one page only; a word's stem is the same on every page. A word with the build's soft hyphens
    at its joints (words.hyphenated: a table of marks, a comparison column) is indexed whole, as a reader searches
    it ("foreningsklippekort", not "forenings", "klippe" and "kort")."""

    def init(self, options: dict[str, str]) -> None:
        super().init(options)
        self.stems: dict[str, str] = {}

    def split(self, input: str) -> list[str]:
        return list(dict.fromkeys(super().split(input.replace(SOFT_HYPHEN, ""))))

    def stem(self, word: str) -> str:
        if word not in self.stems:
            self.stems[word] = super().stem(word)
        return self.stems[word]


# Sphinx 7.4's stripping of a raw HTML node before its words are indexed (IndexBuilder._word_collector), in its order.
RAW_HTML_STRIPPED = (
    re.compile(r"<style.*?</style>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<script.*?</script>", re.IGNORECASE | re.DOTALL),
    re.compile(r"<[^<]+?>"),
)
# A raw HTML node's words, as the search index takes them, found while the page is read (_search_words_while_reading).
SEARCH_WORDS = "kr_search_words"


# A method or provenance note's fold in a page's HTML (markup.METHOD_NOTES): none holds another <details>.
METHOD_NOTE_HTML = re.compile(r'<details class="(?:{})(?: [^"]*)?">.*?</details>'.format("|".join(map(re.escape, METHOD_NOTES))), re.DOTALL)


def _words_apart(html: str) -> str:
    """The text of raw HTML as Sphinx indexes it, with a space before every tag (_index_words_apart), without the
    method notes' folds: the same provenance note on several municipalities' pages matched a search for "bibliotek"
    and was their snippet (reader 24, #11)."""
    text = METHOD_NOTE_HTML.sub(" ", html).replace("<", " <")
    for pattern in RAW_HTML_STRIPPED:
        text = pattern.sub("", text)
    return text


@functools.cache
def _danish_words() -> DanishSearchWordsOnce:
    return DanishSearchWordsOnce({})


def _search_words_while_reading(app: Sphinx, doctree: nodes.document) -> None:
    """Each raw HTML node's words for the search index, found as the page is read, in the processes that read pages
    side by side: Sphinx indexes each page in its one main process, between writing pages, where stripping the
    tags of a national page's megabytes of cards took a fifth of the writing. The words are the ones Sphinx would
    find (_words_apart, split as DanishSearchWordsOnce splits), each once, in their order."""
    if app.builder.format != "html" or app.config.html_search_language != DanishSearchWordsOnce.lang:
        return
    for node in doctree.findall(nodes.raw):
        if "html" in node.get("format", "").split():
            node[SEARCH_WORDS] = " ".join(_danish_words().split(_words_apart(node.astext())))


def _index_words_apart(app: Sphinx) -> None:
    """Sphinx's search index strips the tags of raw HTML without leaving a space (sphinx/search/__init__.py,
    IndexBuilder._word_collector), so the cards and tables the notebooks write were indexed as 'egedalaarhus' and
    'køgeregion', and a search for either word missed them. Each raw HTML node is indexed as its words with a space
    before every tag (found while reading, _search_words_while_reading), then given back its text before the page
    is written."""
    builder = app.builder
    if not isinstance(builder, StandaloneHTMLBuilder):
        return
    index_page = builder.index_page

    def index_with_words_apart(pagename: str, doctree: nodes.document, title: str) -> None:
        raw = [node for node in doctree.findall(nodes.raw) if "html" in node.get("format", "").split()]
        texts = [node.children[:] for node in raw]
        for node in raw:
            words = node.get(SEARCH_WORDS)
            node.children = [nodes.Text(words if words is not None else node.astext().replace("<", " <"))]
        try:
            index_page(pagename, doctree, title)
        finally:
            for node, children in zip(raw, texts, strict=True):
                node.children = children

    builder.index_page = index_with_words_apart  # type: ignore[method-assign]


# Extensions Jupyter Book loads that do not say whether Sphinx may read pages in parallel (it then reads them one by
# one, and warns, which -W makes an error): sphinx-multitoc-numbering only numbers the sections once all are read,
# and sphinx-jupyterbook-latex changes nothing outside a LaTeX build; neither keeps anything of its own while reading.
UNDECLARED_PARALLEL_READING = ("sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")


def _read_and_write_in_parallel(app: Sphinx) -> None:
    """Pages are read in parallel and written by one process per core beside Sphinx's own (which merges what they
    read, then resolves and indexes the pages): at national scale reading 117 pages one by one was a fifth of the
    build, and so was writing them. Sphinx reads with `parallel` processes and writes with `parallel - 1`, so cores
    + 1. Jupyter Book 1 has no --jobs option (it passes parallel=1). The processes are forked, so nothing a handler
    here changes while writing comes back (none keeps anything)."""
    for name in UNDECLARED_PARALLEL_READING:
        # sphinx-multitoc-numbering 0.1.3 and sphinx-jupyterbook-latex 1.0.0 return no parallel_read_safe from setup().
        if name in app.extensions and app.extensions[name].parallel_read_safe is None:
            app.extensions[name].parallel_read_safe = True
    app.parallel = len(os.sched_getaffinity(0)) + 1


def setup(app: Sphinx) -> dict:
    bibliography.register()
    app.setup_extension("sphinxcontrib.bibtex")
    app.add_domain(bibliography.CitedInTextOrder, override=True)
    app.add_config_value("kr_build_key", "", "env")
    app.connect("builder-inited", _danish_everywhere)
    app.connect("builder-inited", _index_words_apart)
    app.connect("doctree-read", _search_words_while_reading)
    app.connect("config-inited", _on_config_inited)
    app.connect("build-finished", _drop_theme_templates)
    app.connect("build-finished", _publish_lean_assets)
    app.connect("build-finished", _record_build)
    app.connect("build-finished", _publish_profile_notebooks)
    app.connect("source-read", _executed_notebook)
    app.connect("builder-inited", _read_and_write_in_parallel)
    app.connect("html-page-context", _on_page)
    app.connect("html-page-context", _escape_page_title, priority=900)
    app.connect("html-page-context", _accessible_theme_markup, priority=900)
    app.connect("html-page-context", _describe_page)
    app.connect("html-page-context", _defer_scripts, priority=990)
    app.add_transform(ProfileTitleAsWritten)
    app.add_directive(CELL_OUTPUT, CellOutput)
    app.add_search_language(DanishSearchWordsOnce)
    app.add_js_file("kr-data.js", priority=450)
    for script in FILTER_SCRIPTS:
        app.add_js_file(script, priority=500, loading_method="defer")
    app.add_js_file("copybutton-da.js", priority=500, loading_method="defer")
    app.add_js_file("tjekliste.js", priority=500, loading_method="defer")
    app.add_css_file("kommunefilter.css")
    app.add_css_file("lesning.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
