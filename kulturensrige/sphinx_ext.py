"""Sphinx extension: the book's own static assets, plotly.js once per page, and the data stamp.

Jupyter Book loads it through `sphinx.extra_extensions` in book/_config.yml.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import plotly
from bs4 import BeautifulSoup
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from . import bibliography, highlight
from .loading import load
from .markup import MONTHS, esc

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
GENERATED = "_kr_generated"


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH makes two builds of the same commit byte-identical (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def provenance_html(folder_name: str, fingerprint: str, date: dt.date) -> str:
    when = f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
    return (
        f'<p class="kr-provenance">Bygget fra datamappen <code>{esc(folder_name)}</code> '
        f"(fingeraftryk <code>{esc(fingerprint)}</code>) den {when}.</p>"
    )


# The filter's scripts, one job each, in the order they must run (all deferred, so after the parsed page).
FILTER_SCRIPTS = ["kr-state.js", "kr-lists.js", "kr-charts.js", "kr-filter.js"]
OWN_ASSETS = {*FILTER_SCRIPTS, "kommunefilter.css", "copybutton-da.js"}


def _asset_name(entry) -> str:
    """html_js_files/html_css_files entries are a filename or a (filename, attributes) pair."""
    return entry[0] if isinstance(entry, (tuple, list)) else str(entry)


def _on_config_inited(app: Sphinx, config) -> None:
    data = load()
    out = Path(app.outdir).parent / GENERATED
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(PLOTLY_JS, out / "plotly.min.js")
    (out / "kr-data.js").write_text(highlight.browser_script(data), encoding="utf-8")
    config.html_static_path = [*config.html_static_path, str(out)]
    # Jupyter Book adds every .js/.css under _static/ as a plain (blocking) asset; `setup` adds ours itself,
    # the script with `defer` so it runs after plotly.js and the parsed page. Drop the duplicates.
    config.html_js_files = [f for f in config.html_js_files if _asset_name(f) not in OWN_ASSETS]
    config.html_css_files = [f for f in config.html_css_files if _asset_name(f) not in OWN_ASSETS]
    options = dict(config.html_theme_options or {})
    options["extra_footer"] = provenance_html(data.folder.name, data.fingerprint, build_date())
    config.html_theme_options = options


def _on_page(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    if 'class="kr-plot"' in context.get("body", ""):
        app.add_js_file("plotly.min.js", priority=400, loading_method="defer")
    if "body" in context:
        context["body"] = highlight.FILTER_SLOT + context["body"]  # the filter's place, kept so nothing shifts
    _drop_thebe(context)


def _drop_thebe(context: dict) -> None:
    """Jupyter Book 1 adds sphinx-thebe's config script twice ('THEBE_JS_URL has already been declared')
    and points it at a CDN; the book has no live kernel buttons, so its files are left out."""
    context["script_files"] = [
        js for js in context.get("script_files", []) if "thebe" not in (js.filename or "") + js.attributes.get("body", "")
    ]
    context["css_files"] = [css for css in context.get("css_files", []) if "thebe" not in (css.filename or "")]


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
    chevron, so it has no accessible name (axe 'summary-name', WCAG 4.1.2). Name each after its chapter.

    Takes what the theme's `generate_toctree_html` returns (a BeautifulSoup, or HTML text) and returns the same kind."""
    soup = BeautifulSoup(toctree, "html.parser") if isinstance(toctree, str) else toctree
    for summary in soup.select("li > details > summary"):
        if summary.get_text(strip=True) or summary.get("aria-label"):
            continue
        link = summary.parent.find_previous_sibling("a")
        chapter = link.get_text(" ", strip=True) if link else ""
        summary["aria-label"] = f"Vis eller skjul undersider af {chapter}" if chapter else "Vis eller skjul undersider"
    return str(soup) if isinstance(toctree, str) else soup


def _accessible_theme_markup(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Two fixes to markup the project does not write, found by axe-core (tests/browser/test_accessibility.py).

    - The sidebar's chapter toggles get a name (see _name_sidebar_toggles); runs after pydata-sphinx-theme
      has put `generate_toctree_html` in the context, and wraps it.
    - docutils marks each entry of the reference list role="doc-biblioentry", a role deprecated in DPUB-ARIA 1.1
      (axe 'aria-deprecated-role'), inside a role="list" that then has no listitem (axe 'aria-required-children').
      An entry of a list is a listitem."""
    generate = context.get("generate_toctree_html")
    if callable(generate) and not getattr(generate, "_kr_named", False):

        def generate_toctree_html(kind: str, *args, **kwargs):
            toctree = generate(kind, *args, **kwargs)
            sidebar = kind == "sidebar" and isinstance(toctree, (str, BeautifulSoup))
            return _name_sidebar_toggles(toctree) if sidebar else toctree

        generate_toctree_html._kr_named = True
        context["generate_toctree_html"] = generate_toctree_html
    if 'role="doc-biblioentry"' in context.get("body", ""):
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


# English that sphinx-book-theme's templates and myst-nb's hidden-cell toggle write as it stands, outside any
# message catalog (the rest is translated by book/_locale/da/LC_MESSAGES/sphinx.po): markup as written -> Danish.
UNTRANSLATED = {
    '<nav class="bd-links bd-docs-nav" aria-label="Main">': '<nav class="bd-links bd-docs-nav" aria-label="Bogens kapitler">',
    'title="Toggle primary sidebar"': 'title="Vis eller skjul bogens kapitler"',
    'title="Toggle secondary sidebar"': 'title="Vis eller skjul sidens indhold"',
    '<nav aria-label="Page">': '<nav aria-label="Siden">',
    '<summary aria-label="Toggle hidden content">': '<summary aria-label="Vis eller skjul koden">',
}


def _danish_everywhere(app: Sphinx) -> None:
    """Replace UNTRANSLATED in every rendered page. Text from data cannot match: it reaches pages escaped."""
    templates = getattr(app.builder, "templates", None)
    if templates is None:
        return
    render = templates.render

    def render_in_danish(template: str, context: dict) -> str:
        html = render(template, context)
        for english, danish in UNTRANSLATED.items():
            html = html.replace(english, danish)
        return html

    templates.render = render_in_danish


def setup(app: Sphinx) -> dict:
    bibliography.register()
    app.connect("builder-inited", _danish_everywhere)
    app.connect("config-inited", _on_config_inited)
    app.connect("html-page-context", _on_page)
    app.connect("html-page-context", _escape_page_title, priority=900)
    app.connect("html-page-context", _accessible_theme_markup, priority=900)
    app.add_transform(ProfileTitleAsWritten)
    app.add_js_file("kr-data.js", priority=450)
    for script in FILTER_SCRIPTS:
        app.add_js_file(script, priority=500, loading_method="defer")
    app.add_js_file("copybutton-da.js", priority=500, loading_method="defer")
    app.add_css_file("kommunefilter.css")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
