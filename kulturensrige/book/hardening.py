"""The Sphinx scripts that break under the book's Content-Security-Policy (render/policy.py) or on odd words.

Every page gets the policy as the theme renders it (extension.py). It allows scripts only from the book's own files
plus the inline scripts the theme and its extensions write into each page (the colour mode read before first paint,
togglebutton's settings, the navbar buttons the theme writes with document.write), each by its SHA-256 hash: no
'unsafe-inline', no 'unsafe-eval'. Sphinx's own scripts need the changes below to run under it.
"""

from __future__ import annotations

from pathlib import Path

import sphinx

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
        # stopPulse only set the status to -1, and the pulse's pending timer then counted it on to 0 and pulsed on
        # unseen for ever: "finished" (-1) lasted under 500 ms, and a test waiting for it missed it under load.
        (
            "  stopPulse: () => (Search._pulse_status = -1),\n",
            (
                "  stopPulse: () => {\n"
                "    window.clearTimeout(Search._pulse_timer); // kulturensrige/book/hardening.py\n"
                "    Search._pulse_status = -1;\n  },\n"
            ),
        ),
        (
            "      if (Search._pulse_status >= 0) window.setTimeout(pulse, 500);\n",
            "      Search._pulse_timer = window.setTimeout(pulse, 500);\n",
        ),
        # A result written for analysts says so by its title as it is listed (kr-filter.js: KR_RESULT, from the build).
        (
            "  linkEl.textContent = title;\n",
            "  linkEl.textContent = title;\n  window.KR_RESULT?.(listItem, docName); // kulturensrige/book/hardening.py\n",
        ),
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
        # The search words were stored for highlighting as the search ran, and the next page the reader opened took
        # them, from a result or not: a word searched once stood marked on a page read later (reader review 18, #7).
        # They are stored when the reader opens a result, for that page alone (sphinx_highlight.js removes them there).
        (
            (
                "    if (SPHINX_HIGHLIGHT_ENABLED) {  // set in sphinx_highlight.js\n"
                '      localStorage.setItem("sphinx_highlight_terms", [...highlightTerms].join(" "))\n'
                "    }\n"
            ),
            "",
        ),
        (
            "  linkEl.dataset.score = score;\n",
            (
                "  linkEl.dataset.score = score;\n"
                "  if (SPHINX_HIGHLIGHT_ENABLED) // for the page opened from here alone (kulturensrige/book/hardening.py)\n"
                '    linkEl.addEventListener("click", () =>\n'
                '      localStorage.setItem("sphinx_highlight_terms", [...highlightTerms].join(" ")));\n'
            ),
        ),
        # Over file:// the browser refuses a page's fetch of another file: every result's snippet was an uncaught
        # "Failed to fetch" and a CORS error in the console. There none is asked for; kr-filter.js says why, once.
        (
            "  else if (showSearchSummary)\n",
            '  else if (showSearchSummary && window.location.protocol !== "file:") // kulturensrige/book/hardening.py\n',
        ),
        # The search runs as soon as its index arrives, before the page's DOMContentLoaded: the book's scoring
        # (kr-filter.js: the chosen municipality's pages first) is taken up where Sphinx asks for one.
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
