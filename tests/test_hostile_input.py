"""Hostile input: the book built from data whose every text field carries attacks shows them as text.

The data is data/ with the overlay tests/fixtures/hostile/ laid over it (written by tests/hostile.py,
which lists every payload). The built book is checked twice: statically (BeautifulSoup finds no element,
attribute, comment or Markdown/MyST construct that came from data, and no link with a script scheme) and
in Chromium (on every page, unfiltered and filtered, and on the search page, no payload runs: the flag
`window.__pwned` stays unset and no dialog opens; the text shows as written, chart labels included).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup, Comment

import hostile
from kulturensrige import load
from kulturensrige.data.schema import TABLES
from kulturensrige.render import charts
from kulturensrige.render.markup import side_json
from support.serving import serve

REPO = Path(__file__).resolve().parent.parent
PAGES_EXCLUDED = ("_static/", "_sources/")
SCRIPT_SCHEME = re.compile(r"^(javascript|vbscript|data):", re.I)
CSV_DOWNLOAD = "data:text/csv;charset=utf-8,"
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data")
# What Markdown, MyST or HTML in the payloads would have become had it been interpreted.
INTERPRETED = [
    ("strong", "fed"),
    ("b", "fed"),
    ("b", "ikke fed"),
    ("em", "kursiv"),
    ("i", "ikke kursiv"),
    ("i", "vi"),
    ("del", "slettet"),
    ("s", "slettet"),
    ("a", "link"),
    ("a", "klik"),
    ("b", "entitet"),
]
# Patterns a text field cannot hold at all (a pattern check in the schema): they carry no attack.
# Text columns whose values the validator holds to a pattern or a list (a page path must be a page the book has).
PATTERNED_TEXT_COLUMNS = {
    ("programme_events", "date"),
    ("publication", "year"),
    ("sections", "book_page"),
    # Where a slip stands: a key of the table it names, or a page of sections.book_page (ADR 89).
    ("report_slips", "row_id"),
    ("report_slips", "page"),
}


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith(PAGES_EXCLUDED))


# hostile_folder and hostile_site (the book built from it) are conftest.py's, built in the background.


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path):
    url, server = serve(hostile_site)
    yield url
    server.shutdown()


# -- the fixture itself ---------------------------------------------------------------------------


def test_the_overlay_is_current():
    """The committed CSVs are what tests/hostile.py writes (run `python tests/hostile.py` after changing it)."""
    committed = {p.name: p.read_text(encoding="utf-8") for p in hostile.FIXTURE.glob("*.csv")}
    assert committed == hostile.overlay_files()


def test_every_text_column_carries_an_attack():
    overlay = hostile.overlay_rows()
    missing = [
        f"{name}.{column}"
        for name, table in TABLES.items()
        for column in table.columns
        if table.kind_of(column) == "text" and (name, column) not in PATTERNED_TEXT_COLUMNS
        if not any(hostile.FLAG in row[column] for row in overlay.get(name, []))
    ]
    assert not missing, f"tilføj et angreb i tests/hostile.py for: {', '.join(missing)}"


def test_the_hostile_data_is_valid(hostile_folder: Path):
    data = load(hostile_folder)
    assert data.quotes["text"].str.len().max() == hostile.LONG_QUOTE_LENGTH
    assert hostile.MUNICIPALITY_NAME in set(data.municipalities["name"])
    assert hostile.ATTACK in " ".join(data.municipalities["name"])


# -- the built HTML ---------------------------------------------------------------------------------


def _problems_in(page: Path, site: Path) -> list[str]:
    where = page.relative_to(site).as_posix()
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = []
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if (name.startswith("on") or name == "srcdoc") and hostile.FLAG in text:
                found.append(f"{where}: attribut {name}={text[:60]!r} på <{element.name}>")
            # The build's own CSV downloads are data: addresses of type text/csv on <a download>; nothing else may be.
            csv_download = element.name == "a" and element.has_attr("download") and text.startswith(CSV_DOWNLOAD)
            if name in URL_ATTRIBUTES and SCRIPT_SCHEME.match(re.sub(r"[\x00-\x20]", "", text)) and not csv_download:
                found.append(f"{where}: {name}={text[:60]!r} på <{element.name}> er et script-link")
        if element.name == "img" and element.get("src") == "x":
            found.append(f"{where}: <img src=x> fra data")
        if element.name in ("iframe", "svg") and hostile.FLAG in str(element):
            found.append(f"{where}: <{element.name}> fra data")
        if element.name == "script":
            body = element.string or ""
            if element.get("data-kr-src"):  # an island the build moved into a file beside its page
                body = side_json((page.parent / str(element["data-kr-src"])).read_text(encoding="utf-8"))
            if "kr-list-rows-index" in element.get("class", []):  # a long list's rows, moved into files beside it
                for _, name in json.loads(body):
                    moved = side_json((page.parent / name).read_text(encoding="utf-8"))
                    if "<" in moved:
                        found.append(f"{where}: '<' i {name}")
                    json.loads(moved)
            if element.get("type") == "application/json":
                if "<" in body:
                    found.append(f"{where}: '<' i en JSON-ø")
                json.loads(body)
            elif hostile.FLAG in body:
                found.append(f"{where}: script med data: {body[:60]!r}")
    for tag, text in INTERPRETED:
        if any(e.get_text() == text for e in soup.find_all(tag)):
            found.append(f"{where}: <{tag}>{text}</{tag}> er fortolket fra data")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        if "kommentar" in comment:
            found.append(f"{where}: HTML-kommentar fra data")
    for box in soup.select(".admonition"):
        if "MyST-boks" in box.get_text():
            found.append(f"{where}: MyST-direktiv fra data")
    for math in soup.select(".math"):
        if "x^2" in math.get_text():
            found.append(f"{where}: matematik fra data")
    return found


@pytest.mark.build
def test_no_markup_from_data_in_the_built_html(hostile_site: Path):
    problems = [p for page in pages(hostile_site) for p in _problems_in(page, hostile_site)]
    assert not problems, "\n".join(problems)


@pytest.mark.build
def test_attacks_are_in_the_pages_as_text(hostile_site: Path):
    """Each page holds payload text (so the checks above saw attacks), and the key ones read as written."""
    without = []
    for page in pages(hostile_site):
        text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text()
        if "window.__pwned=1" not in text:
            without.append(page.relative_to(hostile_site).as_posix())
    assert not without, f"sider uden angreb: {without}"
    profile = BeautifulSoup((hostile_site / "kommuner" / "profil-hostile-kommune.html").read_text(encoding="utf-8"), "html.parser")
    title = profile.select_one(".bd-article h1").get_text()
    assert " ".join(hostile.attack("municipalities.name").split()) in " ".join(title.split())
    koege = BeautifulSoup((hostile_site / "kommuner" / "profil-koege.html").read_text(encoding="utf-8"), "html.parser")
    assert hostile.MUNICIPALITY_NAME in koege.select_one(".bd-article h1").get_text()
    assert hostile.MUNICIPALITY_NAME in koege.select_one("#jb-print-docs-body h1").get_text()
    assert hostile.MUNICIPALITY_NAME in koege.find("title").get_text()


def test_a_book_page_the_build_does_not_make_is_refused(tmp_path: Path):
    """No typed page path can point nowhere: a script URL, a page of a missing municipality, a typo."""
    from support.scripts import run_script

    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    text = (folder / "sections.csv").read_text(encoding="utf-8")
    text = text.replace(",kommuner/profil-koege\n", ",kommuner/koege\n").replace(",baggrund\n", ",baggrund-x\n", 1)
    text = text.replace(",kommuner/profil-egedal\n", f",{csv_cell(hostile.HOSTILE_BOOK_PAGE)}\n")
    (folder / "sections.csv").write_text(text, encoding="utf-8")
    result = run_script("validate_data", str(folder))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and len(lines) == 4, result.stderr
    assert all("kolonne book_page" in line and "siden findes ikke i bogen" in line for line in lines[:-1])


def csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def test_links_from_data_never_get_a_script_scheme(monkeypatch, tmp_path: Path):
    """sections.book_page reaches an href: from the book's root the link would read `javascript:...`."""
    from kulturensrige.render.markup import page_link

    (tmp_path / "_toc.yml").write_text("root: index\n")
    monkeypatch.chdir(tmp_path)
    link = page_link(hostile.HOSTILE_BOOK_PAGE)
    assert not SCRIPT_SCHEME.match(link)
    assert not re.search(r"[\"'<> ]", link)
    assert page_link("kommuner/profil-koege") == "kommuner/profil-koege.html"
    assert page_link("baggrund", "citat-q001") == "baggrund.html#citat-q001"


# -- in Chromium ------------------------------------------------------------------------------------

QUERIES = {"ufiltreret": "", "koege": "?kommune=koege", "hostile": "?kommune=hostile-kommune"}
SEARCHES = ["pwned", "script", "Køge", "fed", "kursiv"]


def _visits(hostile_site: Path, hostile_url: str, filtered: str) -> list[str]:
    if filtered == "search":
        return [f"{hostile_url}/search.html?q={q}" for q in SEARCHES]
    return [f"{hostile_url}/{p.relative_to(hostile_site).as_posix()}{QUERIES[filtered]}" for p in pages(hostile_site)]


@pytest.mark.build
@pytest.mark.browser
@pytest.mark.parametrize("filtered", [*QUERIES, "search"])
def test_no_payload_runs_in_chromium(hostile_site: Path, hostile_url: str, page, filtered: str):
    """Every page, unfiltered and filtered to the two hostile municipalities, and the search page (one run each,
    so the processes of `make test` share them)."""
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    pwned = []
    for url in _visits(hostile_site, hostile_url, filtered):
        page.goto(url)
        page.evaluate("() => window.KR_FILTER && window.KR_FILTER.ready")  # the filter's first view is shown
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        if filtered == "search":
            page.wait_for_selector("#search-results ul.search li", timeout=10_000)
        page.wait_for_timeout(50)
        if page.evaluate("typeof window.__pwned") != "undefined":
            pwned.append(url)
    assert not pwned, f"script fra data kørte på: {pwned}"
    assert not dialogs, dialogs
    assert not errors, errors


@pytest.mark.build
@pytest.mark.browser
def test_attack_strings_show_as_written_in_chromium(hostile_url: str, page):
    page.goto(f"{hostile_url}/kommuner/profil-hostile-kommune.html", wait_until="networkidle")
    text = " ".join(page.inner_text("main").split())
    for payload in (
        "<script>window.__pwned=1</script>",
        '<img src=x onerror="window.__pwned=1">',
        "**fed**",
        "{raw}`html",
        "```{raw} html",
        ":::{note}",
        "&lt;b&gt;entitet&lt;/b&gt; &amp;",
        "[link](javascript:window.__pwned=1)",
    ):
        assert payload in text, payload
    assert "nul\u200dbredde\u200c" in page.text_content("main")
    page.goto(f"{hostile_url}/afsluttende-betragtninger.html", wait_until="networkidle")
    longest = page.evaluate("Math.max(...[...document.querySelectorAll('.kr-quote-text p')].map((p) => p.textContent.length))")
    # Every character shows; the attack's line breaks as <br> (the report's line breaks are kept), not as text.
    assert longest == hostile.LONG_QUOTE_LENGTH - hostile.long_quote().count("\n")


# What Sphinx's search itself puts into a result: the link, the page's snippet and the marks on the search words; and
# the book's own: an analysts' page's label, and a snippet that says where the word stands (reader 28, F6).
SEARCH_RESULT_ELEMENTS = {
    "LI",
    "A",
    "P.context",
    "SPAN.highlighted",
    "SPAN.kr-search-audience nohighlight",
    "P.context nohighlight kr-search-where",
}


@pytest.mark.build
@pytest.mark.browser
def test_a_heading_from_data_shows_as_text_in_the_search_results(hostile_url: str, page):
    """searchtools.js set a result's title with innerHTML, from the index's raw text of a heading: a municipality
    named 'Køge <b>fed</b> <img src=...>' showed bold, with an image the policy only happened to block (a link it
    would not have)."""
    name = hostile.MUNICIPALITY_NAME
    page.goto(f"{hostile_url}/search.html?q={quote(name)}")
    page.wait_for_selector("#search-results ul.search li", timeout=20_000)
    titles = page.eval_on_selector_all("#search-results ul.search li > a", "links => links.map((a) => a.textContent)")
    assert [title for title in titles if name in title], titles
    made = page.eval_on_selector_all(
        "#search-results ul.search, #search-results ul.search *",
        "es => es.map((e) => e.tagName + (e.className ? '.' + e.className : ''))",
    )
    assert set(made[1:]) <= SEARCH_RESULT_ELEMENTS, sorted(set(made[1:]) - SEARCH_RESULT_ELEMENTS)


# The heatmap's cells with a count, in plot coordinates; with k, the page scrolls cell k to the middle of the
# screen (long hostile labels make rows tall, so the plot is taller than the screen) and its screen point returns.
CELLS_JS = """(k) => {
    const gd = document.querySelector('#plot-ingrediens-kommune');
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, z = gd.data[0].z;
    const cells = z.flatMap((row, i) => row.map((n, j) => n > 0 ? [xa._offset + xa.l2p(j), ya._offset + ya.l2p(i)] : null))
        .filter(Boolean);
    if (k === null) return cells.length;
    const [x, y] = cells[k];
    // Bootstrap scrolls smoothly otherwise
    window.scrollTo({top: gd.getBoundingClientRect().top + window.scrollY + y - innerHeight / 2, behavior: 'instant'});
    const box = gd.getBoundingClientRect();
    return [box.left + x, box.top + y];
}"""


@pytest.mark.build
@pytest.mark.browser
def test_drill_through_cards_show_attacks_as_text(hostile_url: str, page):
    """The drill-through builds its cards in the browser from the page's quote store: no payload may run there."""
    page.goto(f"{hostile_url}/ingredienser/oversigt.html", wait_until="networkidle")
    page.locator("#plot-ingrediens-kommune").scroll_into_view_if_needed()  # charts are drawn as they come into view
    page.wait_for_selector("#plot-ingrediens-kommune:not([aria-hidden]) .main-svg")  # drawn, and answers clicks
    shown = ""
    count = page.evaluate(CELLS_JS, None)
    assert count
    for k in range(count):
        # Each opened drill-through moves focus, and so the page: read the cell's position afresh.
        page.mouse.click(*page.evaluate(CELLS_JS, k))
        drill = page.locator("#figur-ingrediens-kommune .kr-drill")
        drill.wait_for(state="visible")
        page.evaluate("document.querySelectorAll('.kr-drill details').forEach((d) => { d.open = true; })")
        # plotly takes a second click on a plot within its doubleClickDelay (300 ms) for a double click, which
        # resets the axes and opens nothing: the panel now opens where it is, without a scroll to slow the next click.
        page.wait_for_timeout(350)
        shown += drill.inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".kr-drill img, .kr-drill script, .kr-drill iframe, .kr-drill svg").count() == 0
    text = " ".join(shown.split())
    for payload in ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=1">', "[link](javascript:window.__pwned=1)"):
        assert payload in text, payload
    assert " ".join(hostile.MUNICIPALITY_NAME.split()) in text


# A label's text, its wrapped lines (plotly's tspan.line) joined by spaces; children: any other element in it.
LABELS_JS = """([plot, axis]) => [...document.querySelectorAll(`#${plot} .${axis} text`)].map((t) => ({
    text: [...t.querySelectorAll('tspan.line')].map((l) => l.textContent).join(' ') || t.textContent,
    children: t.querySelectorAll(':scope *:not(tspan.line)').length }))"""


@pytest.mark.build
@pytest.mark.browser
def test_chart_labels_show_names_literally(hostile_url: str, page):
    """plotly.js reads <b>, <i>, <a href> and <br> in labels; names from data must show as characters."""
    page.goto(f"{hostile_url}/kommuner/sammenligning.html", wait_until="networkidle")
    page.locator("#figur-kunstformer-kommune").scroll_into_view_if_needed()
    names = page.eval_on_selector_all(
        "#tabel-kunstformer-kommune thead th", "ths => ths.map((th) => [th.textContent, th.querySelectorAll('*').length])"
    )
    assert [hostile.MUNICIPALITY_NAME, 1] in names, names  # its text, in its one span
    created = page.evaluate("document.querySelectorAll('.kr-marks a, .kr-marks img, .kr-marks script, .kr-marks iframe').length")
    assert created == 0

    page.goto(f"{hostile_url}/ingredienser/oversigt.html", wait_until="networkidle")
    page.locator("#plot-citater-pr-ingrediens").scroll_into_view_if_needed()
    page.wait_for_selector("#plot-citater-pr-ingrediens .ytick text")
    labels = page.evaluate(LABELS_JS, ["plot-citater-pr-ingrediens", "ytick"])
    # Its characters as written, in the lines Python cut the label into (charts._lines): the hover says it whole.
    shown = " ".join(charts._lines(hostile.INGREDIENT_NAME, charts.BAR_LABEL_WIDTH))
    assert {"text": shown, "children": 0} in labels, labels
    page.locator("#plot-ingrediens-kommune").scroll_into_view_if_needed()
    page.wait_for_selector("#plot-ingrediens-kommune .xtick text")
    heat = page.evaluate(LABELS_JS, ["plot-ingrediens-kommune", "xtick"])
    assert any(label["text"] == hostile.MUNICIPALITY_NAME for label in heat), heat


def test_a_web_address_from_data_becomes_a_link_only_when_it_is_http():
    """A programme fact's value reaches an href: a javascript: address must stay text."""
    from kulturensrige import load
    from kulturensrige.render import lists

    data = load()
    facts = data.programme_facts
    attacked = facts.assign(value=facts["value"].where(facts["fact_id"] != "vidensportal", "javascript:window.__pwned=1"))
    fake = type(data)(folder=data.folder, tables={**data.tables, "programme_facts": attacked}, fingerprint="x")
    markup = lists.fact_with_link(fake, "vidensportal").markup
    assert "href" not in markup and "javascript:window.__pwned=1" in markup
    assert '<a href="https://' in lists.fact_with_link(data, "vidensportal").markup


def test_the_facts_table_links_a_web_address_and_keeps_any_other_value_text():
    """'Fakta om forløbet' showed the vidensportal's address as plain text; it is a link, escaped, and a
    javascript: value in its place stays text."""
    from kulturensrige import load
    from kulturensrige.render import lists

    data = load()
    address = data.programme_facts.set_index("fact_id").loc["vidensportal", "value"]
    assert f'<a href="{address}">{address}</a>' in lists.programme_facts(data).markup
    facts = data.programme_facts
    attacked = facts.assign(value=facts["value"].where(facts["fact_id"] != "vidensportal", 'javascript:x("<b>")'))
    fake = type(data)(folder=data.folder, tables={**data.tables, "programme_facts": attacked}, fingerprint="x")
    markup = lists.programme_facts(fake).markup
    # Escaped, whichever entity the escaping writes for '"' (a fact is a sentence since ADR 74, not a table cell).
    parsed = BeautifulSoup(markup, "html.parser")
    assert 'javascript:x("<b>")' in parsed.get_text() and parsed.find("b") is None and 'href="javascript' not in markup


def test_a_chart_label_shows_a_straight_quote_as_itself_and_markup_as_text():
    """Hostile review 20, #1: a label with a '"' showed as &quot; on every chart's axis (plotly decodes &lt;, &gt;,
    &amp; and &#x27; in its labels, not &quot;). Markup stays escaped."""
    label = charts._wrap('Projekt "Sammen" <img src=x onerror=alert(1)> & co')
    assert '"Sammen"' in label and "&quot;" not in label
    assert "<img" not in label and "&lt;img" in label and "&amp;" in label
