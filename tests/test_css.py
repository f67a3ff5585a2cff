"""No dead CSS: every class a stylesheet in book/_static styles appears in a template, the package's code, a page's
source, a script, or (for the theme's and plugins' classes) a built page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kulturensrige.book import hardening
from support.checks import each

REPO = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted((REPO / "book" / "_static").glob("*.css"))
# Where the book's own markup is written: templates, the Python that fills them, page sources, the browser scripts.
SOURCES = ("kulturensrige/**/*.j2", "kulturensrige/**/*.py", "kulturensrige/**/*.html", "book/*.md", "book/*.ipynb", "book/_static/*.js")


def css_classes() -> dict[str, str]:
    """Each class named in a selector, with the stylesheet that names it first."""
    found: dict[str, str] = {}
    for sheet in STYLESHEETS:
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for selector in re.findall(r"([^{};]+)\{", text):
            if not selector.strip().startswith("@"):
                for name in re.findall(r"\.(-?[_a-zA-Z][\w-]*)", re.sub(r"url\([^)]*\)", "", selector)):
                    found.setdefault(name, sheet.name)
    return found


def _source_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for pattern in SOURCES for p in REPO.glob(pattern) if "_build" not in p.parts)


def _named(name: str, text: str) -> bool:
    """The class word for word, or its family written with a variable ending (kr-ingredient-{{ i.number }},
    f"kr-ingredient-{row.number}", 'kr-badge kr-ingredient-' ~ i.number)."""
    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        return True
    families = [name[: i + 1] for i, char in enumerate(name) if char == "-" and i > len("kr")]
    return any(re.search(rf"(?<![\w-]){re.escape(family)}(\{{|['\"] ?[~+])", text) for family in families)


def unused(classes: dict[str, str], text: str) -> list[str]:
    return sorted(f"{sheet}: .{name}" for name, sheet in classes.items() if not _named(name, text))


def test_every_class_of_the_books_own_appears_where_the_book_writes_markup():
    """The book's classes (kr-…) come from its templates, code and scripts: a class found in none of them is dead."""
    own = {name: sheet for name, sheet in each(css_classes().items()) if name.startswith("kr-")}
    assert not unused(own, _source_text())


def test_a_class_in_no_template_script_or_page_is_found_dead():
    assert unused({"kr-plot-is-empty": "kommunefilter.css"}, _source_text()) == ["kommunefilter.css: .kr-plot-is-empty"]
    assert unused({"kr-ingredient-8": "kommunefilter.css"}, 'class="kr-ingredient-{{ n }}"') == []


@pytest.mark.build
def test_every_class_in_the_stylesheets_appears_in_a_source_or_a_built_page(built_site: Path):
    """The theme's and plugins' classes (bd-…, citation-list) are written by Sphinx: the built pages hold them."""
    pages = "\n".join(p.read_text(encoding="utf-8") for p in built_site.rglob("*.html"))
    assert not unused(css_classes(), _source_text() + pages + (built_site / "_static" / "kr-data.js").read_text(encoding="utf-8"))


def test_the_built_style_sheets_and_scripts_keep_every_rule_and_line_of_code_without_comments(built_site: Path):
    """The book's own assets go out without comments and indentation (extension.LEAN_ASSETS), everything else kept."""
    from kulturensrige.book.extension import LEAN_ASSETS

    for name in each(LEAN_ASSETS):
        source = (REPO / "book" / "_static" / name).read_text(encoding="utf-8")
        built = (built_site / "_static" / name).read_text(encoding="utf-8")
        if name.endswith(".css"):
            assert "/*" not in built and re.findall(r"[^{}]+\{", re.sub(r"/\*.*?\*/|\s+", "", source, flags=re.DOTALL)) == re.findall(
                r"[^{}]+\{", re.sub(r"\s+", "", built)
            )
        else:
            code = [line.strip() for line in source.splitlines() if line.strip() and not line.strip().startswith("//")]
            assert [line for line in built.splitlines() if line] == code


def _upstream(name: str) -> Path:
    """Where Sphinx, myst-nb or sphinx-book-theme keeps the file it copies into the site (sphinx_highlight.js: the
    book's hardened copy of it, hardening.write_patched_scripts)."""
    import myst_nb
    import sphinx
    import sphinx_book_theme

    sphinx_static = Path(sphinx.__file__).parent / "themes" / "basic" / "static"
    return {
        "basic.css": sphinx_static / "basic.css.jinja",
        "sphinx_highlight.js": sphinx_static / "sphinx_highlight.js",
        "mystnb.css": Path(myst_nb.__file__).parent / "static" / "mystnb.css",
        "sphinx-book-theme.css": Path(sphinx_book_theme.__file__).parent / "theme" / "sphinx_book_theme" / "static" / "styles" / name,
    }[name]


def test_the_themes_commented_files_go_out_lean_with_every_rule_and_line_of_code(built_site: Path):
    """Sphinx's, myst-nb's and the theme's unminified files (extension.THEIR_LEAN_ASSETS) lose only their comments and
    indentation: the page weight at national scale had no room for them."""
    static = built_site / "_static"
    built = {
        "basic.css": static / "basic.css",
        "mystnb.css": next(static.glob("mystnb.*.css")),
        "sphinx-book-theme.css": static / "styles" / "sphinx-book-theme.css",
        "sphinx_highlight.js": static / "sphinx_highlight.js",
    }
    for name, path in each(built.items()):
        source, lean = _upstream(name).read_text(encoding="utf-8"), path.read_text(encoding="utf-8")
        for old, new in hardening.PATCHES.get(name, []):
            source = source.replace(old, new)
        if name.endswith(".css"):
            rules = re.findall(r"[^{}]+\{", re.sub(r"/\*.*?\*/|\s+|\{\{[^}]*\}\}", "", source, flags=re.DOTALL))
            assert "/*" not in lean and rules == re.findall(r"[^{}]+\{", re.sub(r"\s+", "", lean)), name
        else:
            code = [line.strip() for line in source.splitlines() if line.strip() and not line.strip().startswith("//")]
            assert [line for line in lean.splitlines() if line] == code, name


# Elements that hold a whole page, or most of one.
PAGE_HOLDERS = re.compile(r"^(?:html|body|main|article|section|:root|\.bd-(?:article|content|main|page-width|container)\b)")


def test_no_has_rule_stands_on_an_element_that_holds_the_page():
    """A `:has()` before the selector's last part makes Chromium restyle, on any change inside the element it stands
    on, every descendant any such rule could reach. On the page's article (`.bd-article:has(.kr-front) h1`) that was
    every table cell, some 6,000 elements 14 times a choice at national scale (BENCHMARKS.md, session 14)."""
    found = []
    for sheet in each(STYLESHEETS):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for rule in re.findall(r"([^{};]+)\{", text):
            for selector in rule.split(","):
                compounds = re.split(r"\s*[\s>+~]\s*(?![^(]*\))", selector.strip())
                found += [f"{sheet.name}: {selector.strip()}" for part in compounds[:-1] if ":has(" in part and PAGE_HOLDERS.match(part)]
    assert found == []


def test_no_has_rule_finds_what_a_choice_marks():
    """A choice moves `kr-chosen` to other elements (KR.updateMarks, KR.updateLists). A `:has()` that looks for it makes
    Chromium restyle, at each choice, every element such a rule could reach: `tr:has(> td.kr-marked.kr-chosen) > th`
    restyled every cell of a table of marks, about 1,600 at national scale, 30 ms of each choice on a slow phone
    (BENCHMARKS.md, session 26). The script that moves the mark says it on the element instead."""
    found = []
    for sheet in each(STYLESHEETS):
        text = re.sub(r"/\*.*?\*/", "", sheet.read_text(encoding="utf-8"), flags=re.S)
        for rule in re.findall(r"([^{};]+)\{", text):
            found += [f"{sheet.name}: {s.strip()}" for s in rule.split(",") if re.search(r":has\([^)]*\.kr-chosen", s)]
    assert found == []
