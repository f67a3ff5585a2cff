"""A strict Content-Security-Policy on every page, and the two Sphinx scripts that break under it or on odd words.

The policy allows scripts only from the book's own files plus the inline scripts the theme and its extensions
write into each page (the colour mode read before first paint, togglebutton's settings, the navbar buttons the
theme writes with document.write), each allowed by its SHA-256 hash, computed from the page as written: no
'unsafe-inline', no 'unsafe-eval'. JSON islands (type="application/json") are data and never run.

Styles are held to the same rule: stylesheets from the book's files, <style> blocks by hash, and no style
attributes at all ('none'). The theme writes none; the book's own markup has a few (each chart's reserved height,
the heatmap's row geometry), and those move here into one hashed <style> block per page, each element found by
a data-kr-style number. Scripts still set styles through the CSSOM (element.style, insertRule), which a policy
does not judge: plotly.js draws that way.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from pathlib import Path

import sphinx

SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.S)
SOURCE = re.compile(r"\ssrc\s*=", re.I)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
CHARSET = '<meta charset="utf-8" />'
# A style attribute inside a start tag (text from data reaches a page escaped, so no '<' of its own starts one).
STYLE_ATTRIBUTE = re.compile(r'(?P<before><[a-zA-Z][^<>]*?)\sstyle="(?P<declarations>[^"]*)"')
# plotly.js adds one empty <style id="plotly.js-style-global"> to the page and fills it through the CSSOM
# (insertRule), which a policy does not judge; the empty block's hash admits that element and nothing else.
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def policy(html: str) -> str:
    """The page's policy: its own files, plus the hashes of the inline scripts and style blocks it holds."""
    scripts = " ".join(sorted({_hash(m["body"]) for m in SCRIPT.finditer(html) if _runs(m["attributes"])}))
    styles = " ".join(sorted({_hash(m["body"]) for m in STYLE.finditer(html)} | {EMPTY_STYLE}))
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {scripts}".rstrip(),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "style-src 'self'",
            f"style-src-elem 'self' {styles}".rstrip(),
            "style-src-attr 'none'",
            "img-src 'self' data:",
            "font-src 'self' data:",
        ]
    )


def with_policy(html: str) -> str:
    """The page with its policy as the first thing after the charset, before any script or style it governs."""
    if CHARSET not in html:
        return html
    html = _style_attributes_as_rules(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}" />'
    return html.replace(CHARSET, CHARSET + "\n    " + meta, 1)


def _style_attributes_as_rules(html: str) -> str:
    """Each style="..." in the markup becomes data-kr-style="N", and its declarations a rule of one <style> block."""
    rules: dict[str, int] = {}

    def number(match: re.Match) -> str:
        declarations = htmllib.unescape(match["declarations"]).strip().rstrip(";")
        if any(c in declarations for c in "<>{}"):
            return match.group(0)  # never made by the book: left for the policy to refuse
        index = rules.setdefault(declarations, len(rules))
        return f'{match["before"]} data-kr-style="{index}"'

    html = STYLE_ATTRIBUTE.sub(number, html)
    if not rules:
        return html
    block = "".join(f'[data-kr-style="{index}"]{{{declarations}}}' for declarations, index in rules.items())
    return html.replace("</head>", f"<style>{block}</style>\n</head>", 1)


def _runs(attributes: str) -> bool:
    """An inline script the browser executes: no src, and a JavaScript type or none."""
    if SOURCE.search(attributes):
        return False
    found = TYPE.search(attributes)
    return (found.group(1).lower() if found else "") in SCRIPT_TYPES


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


SPHINX_STATIC = Path(sphinx.__file__).parent / "themes" / "basic" / "static"

# Exact text in Sphinx 7.4's scripts, and what replaces it; a Sphinx whose scripts differ stops the build here.
PATCHES: dict[str, list[tuple[str, str]]] = {
    # doctools.js compiles the catalog's plural rule with `new Function`, which a policy without 'unsafe-eval'
    # refuses (translations.js then throws on every page). The book's catalog is Danish, whose rule is "(n != 1)";
    # tests/browser/test_csp.py checks that translations.js still says so.
    "doctools.js": [
        (
            'Documentation.PLURAL_EXPR = new Function(\n      "n",\n      `return (${catalog.plural_expr})`\n    );',
            "Documentation.PLURAL_EXPR = (n) => Number(n !== 1); // Danish: (n != 1), without eval (kulturensrige/book/hardening.py)",
        )
    ],
    # searchtools.js looks search words up in the index's plain objects, so "constructor" finds Object's constructor
    # and "__proto__" the prototype, and the search throws (sphinx-doc/sphinx#13096, fixed upstream in #13153 for
    # Sphinx 8.2): the word maps get no prototype. A result's title was set with innerHTML, from the index's
    # `alltitles` (a heading's raw text: a municipality named 'Køge <b>fed</b>' became bold there) joined to `titles`
    # (its HTML): the titles are read as text when the index loads, and every title and description is set as text
    # (sphinx-doc/sphinx#13355; upstream #13356 indexes the titles as plain text).
    "searchtools.js": [
        (
            "    Search._index = index;\n",
            (
                '    for (const map of ["terms", "titleterms"]) index[map] = Object.assign(Object.create(null), index[map]);'
                " // sphinx-doc/sphinx#13096\n    Search._index = index;\n"
                '    index.titles = index.titles.map((t) => new DOMParser().parseFromString(t, "text/html").body.textContent);'
                " // kulturensrige/book/hardening.py\n"
            ),
        ),
        ("  linkEl.innerHTML = title;\n", "  linkEl.textContent = title;\n"),
        # A result's snippet is cut from the page's text: what the page hides (the other view of a sentence, the note
        # for inferred ties set aside) is left out, so a snippet says what the page shows.
        (
            'for (const removalQuery of [".headerlink", "script", "style"]) {',
            'for (const removalQuery of [".headerlink", "script", "style", "[hidden]"]) { // kulturensrige/book/hardening.py',
        ),
        (
            'listItem.appendChild(document.createElement("span")).innerHTML =',
            'listItem.appendChild(document.createElement("span")).textContent =',
        ),
        # Sphinx looks for a word inside longer words only when the word itself is in no page: "klippekort" stands
        # on two pages, so the page whose card says "Foreningsklippekort" was not found. Danish joins words into
        # compounds, so the longer words are always searched (scored as Sphinx scores a partial match, below a
        # whole word), and a page keeps the best score any of its words gave it, not the last.
        ("if (!terms.hasOwnProperty(word)) {", "{ // compounds too (kulturensrige/book/hardening.py)"),
        ("if (!titleTerms.hasOwnProperty(word)) {", "{ // compounds too (kulturensrige/book/hardening.py)"),
        ("if (!scoreMap.has(file)) scoreMap.set(file, {});", "if (!scoreMap.has(file)) scoreMap.set(file, Object.create(null));"),
        (
            "scoreMap.get(file)[word] = record.score;",
            "scoreMap.get(file)[word] = Math.max(scoreMap.get(file)[word] || 0, record.score);",
        ),
        # Over file:// the browser refuses a page's fetch of another file: every result's snippet was an uncaught
        # "Failed to fetch" and a CORS error in the console. There none is asked for; kr-filter.js says why, once.
        (
            "  else if (showSearchSummary)\n",
            '  else if (showSearchSummary && window.location.protocol !== "file:") // kulturensrige/book/hardening.py\n',
        ),
        # The search runs as soon as its index arrives, before the page's DOMContentLoaded: the book's scoring
        # (kr-filter.js: the chosen municipality's pages first among equal scores) is taken up where Sphinx asks for one.
        (
            "    if (Scorer.score) {\n",
            "    Scorer.score = window.KR_SCORE; // kulturensrige/book/hardening.py\n    if (Scorer.score) {\n",
        ),
        # A page's summary is read from the page parsed here, under the search page's policy, which does not know
        # the other pages' hashed <style> blocks: the parser meets none (only the text is wanted).
        (
            "const htmlElement = new DOMParser().parseFromString(htmlString, 'text/html');",
            "const htmlElement = new DOMParser().parseFromString(htmlString.replace(/<style[^>]*>[^<]*<\\/style>/g, \"\"), 'text/html');",
        ),
    ],
    # sphinx_highlight.js's button to take the search words' marks off again is a javascript: link, which the policy
    # refuses (no 'unsafe-inline'): the button did nothing. It becomes a link the script itself answers.
    "sphinx_highlight.js": [
        ("""'<a href="javascript:SphinxHighlight.hideSearchWords()">' +""", """'<a href="#" role="button">' +"""),
        (
            '            "</a></p>"\n        )\n    );\n',
            (
                '            "</a></p>"\n        )\n    );\n'
                '    searchBox.querySelector(".highlight-link a").addEventListener("click", (event) => {\n'
                "      event.preventDefault();\n"
                "      SphinxHighlight.hideSearchWords();\n"
                "    });\n"
            ),
        ),
    ],
}


def write_patched_scripts(folder: Path) -> None:
    """Sphinx's doctools.js, searchtools.js and sphinx_highlight.js with PATCHES applied, into a static folder that
    overrides the theme's."""
    for name, patches in PATCHES.items():
        text = (SPHINX_STATIC / name).read_text(encoding="utf-8")
        for old, new in patches:
            if text.count(old) != 1:
                raise RuntimeError(f"{name} fra Sphinx {sphinx.__version__} har ikke den tekst, bogen retter: {old!r}")
            text = text.replace(old, new)
        (folder / name).write_text(text, encoding="utf-8")
