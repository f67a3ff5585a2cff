"""The municipality filter of the static book (book/_static/kommunefilter.js) in headless Chromium.

Every expectation is computed from the data through `kulturensrige.load()` and the package's own
filter functions; nothing here names a municipality or a count. The filter's own attributes
(data-kommune, data-attribution) are never used to compute what should be visible: a card is
identified by its quote or initiative id, and the data decides whether it belongs.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from kulturensrige import cards, filters, load

pytestmark = pytest.mark.browser

ALL = filters.ALL
WITHOUT_INFERRED = "|uden-udledte"
SKIPPED_PAGES = {"genindex.html", "search.html"}


@pytest.fixture(scope="module")
def data():
    return load()


def municipality_pages(data) -> list[str]:
    """Pages that carry municipality content, from the data: overviews, ingredient pages, profiles."""
    ingredient_pages = [
        data.sections.loc[data.sections["section_id"] == row.section_id, "book_page"].iloc[0] + ".html"
        for row in data.ingredients.sort_values("number").itertuples()
    ]
    profiles = [f"kommuner/profil-{slug}.html" for slug in data.municipalities["slug"]]
    return ["kommuner/oversigt.html", "ingredienser/oversigt.html", *ingredient_pages, "vaerdiskabelser.html", *profiles]


def book_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.name not in SKIPPED_PAGES and not p.relative_to(site).as_posix().startswith("_")
    )


# -- driving the page -------------------------------------------------------------------------------


def open_page(page, url: str) -> None:
    """Go to a page and wait until the filter has drawn its first view (charts included)."""
    page.goto(url)
    page.evaluate("() => window.KR_FILTER.ready")


def listen(page) -> None:
    page.evaluate(
        """() => {
            window.__krEvents = [];
            if (!window.__krListening) {
                window.__krListening = true;
                document.addEventListener('kr:filtered', (e) => window.__krEvents.push(e.detail));
            }
        }"""
    )


def choose(page, kommune: str, inferred: bool = True) -> dict | None:
    """Set the control as a reader does and wait for the page's kr:filtered event(s)."""
    current = page.evaluate("() => window.KR_FILTER.state()")
    changes = int(current["kommune"] != kommune) + int(current["inferred"] != inferred)
    if not changes:
        return None
    listen(page)
    if current["kommune"] != kommune:
        page.select_option("#kr-kommune", kommune)
    if current["inferred"] != inferred:
        page.set_checked("#kr-udledte", inferred)
    page.wait_for_function(f"() => window.__krEvents.length >= {changes}")
    return page.evaluate("() => window.__krEvents[window.__krEvents.length - 1]")


VISIBLE_STATE_JS = """
() => {
  const visible = (el) => el.checkVisibility();
  const outside = (el) => el.closest('template, .kr-drill');
  const all = (sel) => [...document.querySelectorAll(sel)].filter((el) => !outside(el));
  const figures = [...document.querySelectorAll('figure.kr-figure')].map((figure) => {
    const payload = JSON.parse(figure.querySelector('script.kr-figure-json').textContent);
    const gd = figure.querySelector('.kr-plot');
    const shape = (traces) => JSON.stringify((traces || []).map((t) => [t.type, t.x, t.y, t.z, t.customdata]));
    const drawnAs = Object.keys(payload.variants).filter((k) => shape(payload.variants[k].data) === shape(gd.data));
    return {
      id: figure.id,
      filterable: figure.dataset.krFilterable === 'true',
      variants: Object.keys(payload.variants),
      drawnAs,
      svg: !!gd.querySelector('.main-svg'),
      alt: [...figure.querySelectorAll('.kr-alt p[data-variant]')].filter(visible).map((p) => p.dataset.variant),
      table: [...figure.querySelectorAll('.kr-figure-data div[data-variant]')].filter((d) => !d.hidden).map((d) => d.dataset.variant),
    };
  });
  return {
    quotesOnPage: all('article.kr-quote').map((c) => c.dataset.quotes.split(' ')),
    quotes: all('article.kr-quote').filter(visible).map((c) => c.dataset.quotes.split(' ')),
    initiativesOnPage: all('article.kr-initiative').map((c) => c.id.replace(/^indsats-/, '')),
    initiatives: all('article.kr-initiative').filter(visible).map((c) => c.id.replace(/^indsats-/, '')),
    municipalityCards: all('.kr-municipality-card').filter(visible).map((c) => c.querySelector('.kr-card-title').textContent.trim()),
    tableRows: all('table[data-kr-filterable-table] tbody tr').filter(visible).map((r) => r.cells[0].textContent.trim()),
    emptyNotes: all('.kr-list-filter').filter(visible).map((p) => p.textContent),
    status: document.querySelector('.kr-filter-status').textContent,
    figures,
  };
}
"""


def name_of(data, kommune: str) -> str:
    return filters.municipality_name(data, kommune)


def literature_ids(data) -> set[str]:
    return set(data.quotes.loc[data.quotes["reference_key"] != "", "quote_id"])


def check_view(data, view: dict, kommune: str, inferred: bool, where: str) -> None:
    """The shown cards, rows and charts are exactly what the data gives for (kommune, inferred)."""
    wanted_quotes = set(filters.quotes(data, filters.QuoteFilter(kommunekode=kommune, include_inferred=inferred))["quote_id"])
    wanted_quotes |= literature_ids(data)  # a quote from a cited work belongs to no municipality and always shows
    expected_cards = sorted(ids for ids in view["quotesOnPage"] if wanted_quotes.intersection(ids))
    assert sorted(view["quotes"]) == expected_cards, f"{where}: citatkort"

    wanted_initiatives = set(filters.initiatives(data, kommune)["initiative_id"])
    assert sorted(view["initiatives"]) == sorted(i for i in view["initiativesOnPage"] if i in wanted_initiatives), f"{where}: indsatser"

    names = list(data.municipalities["name"]) if kommune == ALL else [name_of(data, kommune)]
    if view["municipalityCards"] or kommune == ALL:
        assert view["municipalityCards"] in ([], names), f"{where}: kommunekort"
    if view["tableRows"]:
        assert set(view["tableRows"]) <= set(names), f"{where}: tabelrækker"

    for figure in view["figures"]:
        assert figure["svg"], f"{where}: {figure['id']} er ikke tegnet"
        key = ALL if not figure["filterable"] else kommune
        if figure["filterable"] and not inferred and f"{kommune}{WITHOUT_INFERRED}" in figure["variants"]:
            key = f"{kommune}{WITHOUT_INFERRED}"
        assert key in figure["drawnAs"], f"{where}: {figure['id']} viser {figure['drawnAs']}, ikke {key}"
        assert figure["alt"] == [key], f"{where}: {figure['id']} tekstalternativ"
        assert figure["table"] == [key], f"{where}: {figure['id']} tabel"


# -- the filter on every page with municipality content -----------------------------------------


def test_pages_with_municipality_content_exist(data, built_site):
    for path in municipality_pages(data):
        assert (built_site / path).is_file(), path


@pytest.mark.parametrize("path", municipality_pages(load()))
def test_every_municipality_shows_exactly_its_items(data, site_url, page, path):
    open_page(page, f"{site_url}/{path}")
    view = page.evaluate(VISIBLE_STATE_JS)
    check_view(data, view, ALL, True, f"{path} (alle)")
    codes = list(data.municipalities["kommunekode"])
    for inferred in (True, False):
        for kommune in [*codes, ALL]:
            choose(page, kommune, inferred)
            check_view(data, page.evaluate(VISIBLE_STATE_JS), kommune, inferred, f"{path} {kommune} udledte={inferred}")


def test_page_contents_match_the_data(data, site_url, page):
    """With all municipalities shown, profile and ingredient pages hold exactly the data's cards."""
    for row in data.municipalities.itertuples():
        open_page(page, f"{site_url}/kommuner/profil-{row.slug}.html")
        view = page.evaluate(VISIBLE_STATE_JS)
        groups = cards.group_turns(data.quotes[data.quotes["kommunekode"] == row.kommunekode])
        assert sorted(view["quotes"]) == sorted(list(g["quote_id"]) for g in groups)
        assert sorted(view["initiatives"]) == sorted(filters.initiatives(data, row.kommunekode)["initiative_id"])
    for ingredient in data.ingredients.itertuples():
        book_page = data.sections.loc[data.sections["section_id"] == ingredient.section_id, "book_page"].iloc[0]
        open_page(page, f"{site_url}/{book_page}.html")
        view = page.evaluate(VISIBLE_STATE_JS)
        groups = cards.group_turns(filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient.ingredient_id)))
        assert sorted(view["quotes"]) == sorted(list(g["quote_id"]) for g in groups)


def test_a_profile_filtered_to_another_municipality_says_whose_list_it_is(data, site_url, page):
    """Køge's page filtered to Egedal must not claim the report has no initiatives for Egedal."""
    first, other = data.municipalities.iloc[0], data.municipalities.iloc[1]
    open_page(page, f"{site_url}/kommuner/profil-{first.slug}.html?kommune={other.slug}")
    notes = page.evaluate(VISIBLE_STATE_JS)["emptyNotes"]
    assert notes and all(f"gælder kun {first['name']}" in n for n in notes), notes
    assert not any("Rapporten beskriver ingen" in n or "Rapporten knytter ingen" in n for n in notes), notes
    hint = page.locator(".kr-filter-hint a", has_text=f"Gå til siden om {other['name']}")
    assert hint.count() >= 1


def test_empty_list_says_so_in_words(data, site_url, page):
    """A municipality with no quotes on an ingredient page gets the list's sentence with its name."""
    for ingredient in data.ingredients.itertuples():
        quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient.ingredient_id))
        for row in data.municipalities.itertuples():
            if (quotes["kommunekode"] == row.kommunekode).any():
                continue
            book_page = data.sections.loc[data.sections["section_id"] == ingredient.section_id, "book_page"].iloc[0]
            open_page(page, f"{site_url}/{book_page}.html?kommune={row.slug}")
            notes = page.evaluate(VISIBLE_STATE_JS)["emptyNotes"]
            unattributed = int((quotes["attribution"] == "not stated").sum())
            assert any(f"ingen af citaterne her til {row.name}" in n for n in notes), notes
            if unattributed:
                assert any(f"{unattributed} citat" in n and "ingen kommune angivet" in n for n in notes), notes
            return
    pytest.skip("hver kommune har citater på hver ingrediensside")


def test_status_announces_the_counts(data, site_url, page):
    code = data.municipalities["kommunekode"].iloc[0]
    open_page(page, f"{site_url}/kommuner/oversigt.html")
    assert page.get_attribute(".kr-filter-status", "aria-live") == "polite"
    choose(page, code)
    status = page.text_content(".kr-filter-status")
    n = len(filters.initiatives(data, code))
    assert f"{n} {'indsats' if n == 1 else 'indsatser'}" in status
    assert name_of(data, code) in status


def test_the_control_lists_every_municipality_from_the_data(data, site_url, page):
    open_page(page, f"{site_url}/index.html")
    options = page.eval_on_selector_all("#kr-kommune option", "os => os.map(o => [o.value, o.textContent])")
    assert options == [[ALL, "Alle kommuner"], *([r.kommunekode, r.name] for r in data.municipalities.itertuples())]
    assert page.get_attribute("label[for=kr-kommune]", "for") == "kr-kommune"
    assert page.is_checked("#kr-udledte")


# -- URL state -------------------------------------------------------------------------------------


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_deep_link_reload_and_code_in_url(data, site_url, page):
    row = data.municipalities.iloc[-1]
    open_page(page, f"{site_url}/ingredienser/oversigt.html?kommune={row.kommunekode}&udledte=nej")
    assert page.input_value("#kr-kommune") == row.kommunekode
    assert not page.is_checked("#kr-udledte")
    assert query(page)["kommune"] == [row.slug], "koden i adressen skrives om til slug"
    check_view(data, page.evaluate(VISIBLE_STATE_JS), row.kommunekode, False, "dyb link")
    page.reload()
    page.evaluate("() => window.KR_FILTER.ready")
    assert page.input_value("#kr-kommune") == row.kommunekode
    check_view(data, page.evaluate(VISIBLE_STATE_JS), row.kommunekode, False, "genindlæst")


def test_back_and_forward(data, site_url, page):
    first, second = data.municipalities["kommunekode"].iloc[:2]
    path = "kommuner/oversigt.html"
    open_page(page, f"{site_url}/{path}")
    choose(page, first)
    choose(page, second)
    assert query(page)["kommune"] == [data.municipalities.set_index("kommunekode").loc[second, "slug"]]
    for expected, move in ((first, page.go_back), (ALL, page.go_back), (first, page.go_forward)):
        move()
        page.wait_for_function(f"() => window.KR_FILTER.state().kommune === {expected!r}")
        assert page.input_value("#kr-kommune") == expected
        check_view(data, page.evaluate(VISIBLE_STATE_JS), expected, True, f"historik {expected}")


def test_next_page_and_every_book_link_keep_the_selection(data, site_url, page):
    row = data.municipalities.iloc[1]
    open_page(page, f"{site_url}/kommuner/oversigt.html")
    choose(page, row.kommunekode, inferred=False)
    hrefs = page.eval_on_selector_all(".bd-sidebar-primary a[href], a.right-next, a.left-prev", "as => as.map(a => a.getAttribute('href'))")
    internal = [h for h in hrefs if h and ".html" in h and "://" not in h]
    assert internal and all(f"kommune={row.slug}" in h and "udledte=nej" in h for h in internal), internal
    page.click("a.right-next")
    page.wait_for_load_state()
    page.evaluate("() => window.KR_FILTER.ready")
    assert query(page)["kommune"] == [row.slug]
    assert page.input_value("#kr-kommune") == row.kommunekode
    assert not page.is_checked("#kr-udledte")


def test_unknown_value_falls_back_with_a_notice(data, site_url, page):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    unknown = "ingen-kommune-" + "x" * 5
    assert unknown not in set(data.municipalities["slug"]) | set(data.municipalities["kommunekode"])
    open_page(page, f"{site_url}/kommuner/oversigt.html?kommune={unknown}")
    notice = page.locator(".kr-filter-notice[role=status]")
    notice.wait_for(state="visible")
    assert unknown in notice.text_content()
    assert page.input_value("#kr-kommune") == ALL
    check_view(data, page.evaluate(VISIBLE_STATE_JS), ALL, True, "ukendt kommune")
    assert "kommune" not in query(page)
    assert errors == []


# -- every page of the book ------------------------------------------------------------------------


def test_every_page_renders_its_charts_offline(built_site, site_url, page):
    outside: list[str] = []

    def route(r):
        if urlparse(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.context.route("**/*", route)
    for path in book_pages(built_site):
        open_page(page, f"{site_url}/{path}")
        plots = page.locator(".kr-plot").count()
        assert page.locator(".kr-plot .main-svg").count() >= plots, path
        if plots:
            assert page.locator(".kr-plot:not(:has(.main-svg))").count() == 0, path
            # No button that would send the chart out of the book (plotly.js 3's "Share chart..."),
            # every button in Danish, and none of them inside an aria-hidden drawing.
            titles = page.eval_on_selector_all(".kr-plot .modebar-btn", "bs => bs.map(b => b.dataset.title)")
            assert titles and not [t for t in titles if re.search(r"share|cloud|download|plot", t, re.I)], f"{path}: {titles}"
            assert page.locator(".kr-figure [aria-hidden=true] button, .kr-figure [aria-hidden=true] a[href]").count() == 0, path
        assert page.locator(".kr-filter select").count() == 1, path
    assert outside == []


def test_no_console_or_page_errors_on_any_page(built_site, site_url, page):
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    codes = list(load().municipalities["kommunekode"])
    for path in book_pages(built_site):
        open_page(page, f"{site_url}/{path}")
        choose(page, codes[0], inferred=False)
    assert problems == []


# -- keyboard, drill-through, download, compare --------------------------------------------------


def test_keyboard_reaches_and_changes_the_control(data, site_url, page):
    open_page(page, f"{site_url}/kommuner/oversigt.html")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "kr-kommune":
            break
    else:
        pytest.fail("Tab nåede aldrig kommunevælgeren")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none", "synligt fokus"
    listen(page)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => window.__krEvents.length >= 1")
    first = data.municipalities["kommunekode"].iloc[0]
    assert page.input_value("#kr-kommune") == first
    check_view(data, page.evaluate(VISIBLE_STATE_JS), first, True, "tastatur")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "kr-udledte"
    listen(page)
    page.keyboard.press("Space")
    page.wait_for_function("() => window.__krEvents.length >= 1")
    check_view(data, page.evaluate(VISIBLE_STATE_JS), first, False, "tastatur uden udledte")


def drill_cards(page, figure_id: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"#{figure_id} .kr-drill article.kr-quote", "cs => cs.map(c => c.dataset.quotes.split(' '))")


def test_drill_through_a_bar_lists_the_quotes_behind_it(data, site_url, page):
    open_page(page, f"{site_url}/ingredienser/oversigt.html")
    speakers = dict(zip(data.speaker_categories["speaker_category_id"], data.speaker_categories["label"], strict=True))
    quotes = filters.quotes(data)
    # The first (ingredient, speaker category) with quotes, in the data's order.
    def behind(ingredient_id: str, category: str) -> list[str]:
        hits = quotes["ingredient_ids"].map(lambda v: ingredient_id in v) & (quotes["speaker_category"] == category)
        return list(quotes.loc[hits, "quote_id"])

    target = next(
        (ing, cat, ids)
        for ing in data.ingredients.sort_values("number").itertuples()
        for cat in speakers
        if (ids := behind(ing.ingredient_id, cat))
    )
    ingredient, category, ids = target
    where = page.evaluate(
        """([ingredient, speaker]) => {
            const gd = document.querySelector('#plot-citater-pr-ingrediens');
            const plain = (s) => new DOMParser().parseFromString(s, 'text/html').body.textContent;
            const t = gd.data.findIndex((tr) => plain(tr.name) === speaker);
            return [t, gd.data[t].y.findIndex((y) => plain(y) === ingredient)];
        }""",
        [ingredient.name, speakers[category]],
    )
    assert -1 not in where, where
    page.locator("#plot-citater-pr-ingrediens .trace.bars").nth(where[0]).locator(".point").nth(where[1]).click(force=True)
    drill = page.locator("#figur-citater-pr-ingrediens .kr-drill")
    drill.wait_for(state="visible")
    expected = sorted(list(g["quote_id"]) for g in cards.group_turns(data.quotes) if set(g["quote_id"]) & set(ids))
    assert sorted(drill_cards(page, "figur-citater-pr-ingrediens")) == expected
    assert drill.locator("h3").text_content().startswith(f"{len(ids)} citat")
    assert page.evaluate("() => document.activeElement.classList.contains('kr-drill-heading')")
    assert page.locator("#figur-citater-pr-ingrediens .kr-drill [id]").count() == 0, "klonede kort har ingen id"
    drill.get_by_role("button", name="Luk citaterne bag tallet").click()
    assert drill.is_hidden()


def test_drill_through_a_heatmap_cell(data, site_url, page):
    open_page(page, f"{site_url}/ingredienser/oversigt.html")
    first = data.ingredients.sort_values("number").iloc[0]
    not_stated = data.quotes[(data.quotes["kommunekode"] == "") & data.quotes["ingredient_ids"].map(lambda v: first.ingredient_id in v)]
    point = page.evaluate(
        """() => {
            const gd = document.querySelector('#plot-ingrediens-kommune');
            gd.scrollIntoView({block: 'center', behavior: 'instant'});  // Bootstrap scrolls smoothly otherwise
            const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
            const col = gd.data[0].x.length - 1;   // the 'ikke angivet' column is the last one
            return [box.left + xa._offset + xa.l2p(col), box.top + ya._offset + ya.l2p(0)];
        }"""
    )
    page.mouse.click(*point)
    drill = page.locator("#figur-ingrediens-kommune .kr-drill")
    drill.wait_for(state="visible")
    expected = sorted(list(g["quote_id"]) for g in cards.group_turns(data.quotes) if set(g["quote_id"]) & set(not_stated["quote_id"]))
    assert sorted(drill_cards(page, "figur-ingrediens-kommune")) == expected
    assert drill.locator("h3").text_content().startswith(f"{len(not_stated)} citat")


def card_shape(markup: str) -> list:
    """A card as (tag, attributes, text) in document order, without what may differ: ids, links (the filter
    adds its state to them), the drill class."""
    from bs4 import BeautifulSoup

    shape = []
    for node in BeautifulSoup(markup, "html.parser").find_all(True):
        kept = {k: v for k, v in node.attrs.items() if k not in ("id", "href", "data-kr-href")}
        attributes = {k: (" ".join(v) if isinstance(v, list) else v) for k, v in kept.items()}
        if "class" in attributes:
            attributes["class"] = " ".join(c for c in attributes["class"].split() if c != "kr-drill-card")
        texts = [t for t in node.find_all(string=True, recursive=False) if t.strip()]
        shape.append((node.name, sorted(attributes.items()), " ".join(" ".join(t.split()) for t in texts)))
    return shape


def test_drill_through_cards_are_the_books_own_cards(data, site_url, page):
    """The browser builds drill-through cards from the quote store: they must read exactly like cards.quote_card."""
    open_page(page, f"{site_url}/ingredienser/oversigt.html")
    groups = {" ".join(g["quote_id"]): g for g in cards.group_turns(data.quotes)}
    page.evaluate(
        """() => {
            const gd = document.querySelector('#plot-ingrediens-kommune');
            const z = gd.data[0].z, cd = gd.data[0].customdata;
            // every cell with quotes, one after the other, into one list of cards
            const cards = [];
            z.forEach((row, i) => row.forEach((n, j) => {
                if (n > 0) {
                    const point = {data: gd.data[0], x: gd.data[0].x[j], y: gd.data[0].y[i], pointNumber: [i, j], customdata: cd[i][j]};
                    gd.emit('plotly_click', {points: [point]});
                    document.querySelectorAll('#figur-ingrediens-kommune .kr-drill article').forEach((a) => cards.push(a.outerHTML));
                }
            }));
            window.__krDrillCards = cards;
        }"""
    )
    shown = page.evaluate("window.__krDrillCards")
    assert shown
    for markup in shown:
        ids = re.search(r'data-quotes="([^"]+)"', markup).group(1)
        assert card_shape(markup) == card_shape(cards.quote_card(data, groups[ids])), ids


# -- long lists (national scale): JSON rows rendered a page at a time ---------------------------------

# The report's lists are short; in conftest's `eighth_site` (data/ plus an eighth municipality, built once for
# this and tests/test_eighth_municipality.py) every list of 4+ cards takes the long path.
from conftest import LONG_LIST_LIMIT  # noqa: E402


@pytest.fixture(scope="module")
def long_list_url(eighth_site) -> Iterator[str]:
    from conftest import serve

    url, server = serve(eighth_site)
    yield url
    server.shutdown()


def test_long_lists_render_exactly_the_filtered_cards_from_json_rows(eighth_data, long_list_url, page):
    """A list over the limit ships JSON rows; for every municipality the cards shown are exactly the data's."""
    data = load(eighth_data)
    long_pages = 0
    for ingredient in data.ingredients.itertuples():
        quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient.ingredient_id))
        groups = cards.group_turns(quotes)
        if len(groups) <= int(LONG_LIST_LIMIT):
            continue
        long_pages += 1
        book_page = data.sections.loc[data.sections["section_id"] == ingredient.section_id, "book_page"].iloc[0]
        open_page(page, f"{long_list_url}/{book_page}.html")
        assert page.locator("section.kr-list script.kr-list-rows").count() == 1
        assert page.locator(".kr-list-nojs").count() == 0, "the no-JavaScript note goes once the filter takes over"
        for inferred in (True, False):
            for kommune in [ALL, *data.municipalities["kommunekode"]]:
                choose(page, kommune, inferred)
                wanted = set(filters.quotes(data, filters.QuoteFilter(kommunekode=kommune, include_inferred=inferred))["quote_id"])
                wanted |= literature_ids(data)
                expected = sorted(list(g["quote_id"]) for g in groups if wanted.intersection(g["quote_id"]))
                view = page.evaluate(VISIBLE_STATE_JS)
                assert sorted(view["quotes"]) == expected, f"{book_page} {kommune} udledte={inferred}"
                assert sorted(view["quotesOnPage"]) == expected, "only the page's cards are in the document"
        shown = page.eval_on_selector_all("section.kr-list article.kr-quote", "cs => cs.map(c => c.outerHTML)")
        by_ids = {" ".join(g["quote_id"]): g for g in groups}
        for markup in shown:
            ids = re.search(r'data-quotes="([^"]+)"', markup).group(1)
            assert card_shape(markup) == card_shape(cards.quote_card(data, by_ids[ids])), ids
    assert long_pages, "no ingredient page has a list over the limit"


def read_csv(download) -> list[list[str]]:
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 med BOM"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def visible_rows(page, table_selector: str) -> list[list[str]]:
    return page.eval_on_selector(
        table_selector,
        """(t) => [...t.querySelectorAll('tr')].filter((r) => r.checkVisibility() || r.closest('thead'))
                 .map((r) => [...r.children].map((c) => c.textContent.replace(/\\s+/g, ' ').trim()))""",
    )


def test_csv_download_has_exactly_the_visible_rows(data, site_url, page):
    row = data.municipalities.iloc[0]
    open_page(page, f"{site_url}/kommuner/oversigt.html?kommune={row.slug}")
    with page.expect_download() as info:
        page.locator("table[data-kr-filterable-table]").first.locator("xpath=ancestor::div[contains(@class,'kr-table-wrap')]").locator(
            "xpath=following-sibling::p[contains(@class,'kr-csv-line')][1]//button"
        ).click()
    download = info.value
    rows = read_csv(download)
    assert rows == visible_rows(page, "table[data-kr-filterable-table]")
    assert [r[0] for r in rows[1:]] == [row["name"]]
    assert download.suggested_filename.endswith(f"{row.slug}.csv")


def test_csv_download_of_a_figure_table_follows_the_variant(data, site_url, page):
    row = data.municipalities.iloc[0]
    open_page(page, f"{site_url}/ingredienser/oversigt.html?kommune={row.slug}")
    figure = page.locator("#figur-citater-pr-ingrediens")
    figure.locator(".kr-figure-data summary").click()
    with page.expect_download() as info:
        figure.get_by_role("button", name="Hent viste rækker som CSV").click()
    rows = read_csv(info.value)
    shown = f'#figur-citater-pr-ingrediens .kr-figure-data div[data-variant="{row.kommunekode}"] table'
    assert rows == visible_rows(page, shown)
    assert len(rows) == 1 + len(data.ingredients)


def test_compare_view_shows_the_checked_columns(data, site_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, f"{site_url}/kommuner/sammenligning.html")
    fieldset = page.locator("fieldset.kr-compare-choices")
    assert fieldset.is_visible()

    def shown() -> list[str]:
        return page.eval_on_selector_all(".kr-compare-column", "cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.compare)")

    def checked() -> list[str]:
        return page.eval_on_selector_all(".kr-compare-choices input:checked", "bs => bs.map(b => b.value)")

    assert shown() == checked() and len(shown()) >= 2
    codes = list(data.municipalities["kommunekode"])
    page.check(f".kr-compare-choices input[value='{codes[2]}']")
    assert shown() == checked() == [c for c in codes if c in checked()] and codes[2] in shown()
    tops = page.eval_on_selector_all(
        ".kr-compare-column", "cs => cs.filter(c => c.checkVisibility()).map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(set(tops)) == 1, "side om side"
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


# -- print, dark mode, phones ------------------------------------------------------------------------


def test_print_names_the_selection_and_hides_the_control(data, site_url, page):
    row = data.municipalities.iloc[0]
    open_page(page, f"{site_url}/kommuner/oversigt.html?kommune={row.slug}")
    page.emulate_media(media="print")
    assert page.locator(".kr-filter").is_hidden()
    line = page.locator(".kr-print-selection")
    assert line.is_visible() and line.text_content() == f"Udvalg: {row['name']}"
    assert page.locator(".kr-municipality-card:visible").count() == 1


def test_charts_follow_the_dark_theme(browser, site_url):
    context = browser.new_context(locale="da-DK", color_scheme="dark")
    page = context.new_page()
    try:
        open_page(page, f"{site_url}/ingredienser/oversigt.html")
        page.wait_for_function("() => document.documentElement.dataset.theme === 'dark'")

        def colours():
            return page.evaluate(
                """() => {
                    const gd = document.querySelector('.kr-plot');
                    const css = getComputedStyle(document.documentElement).getPropertyValue('--pst-color-text-base').trim();
                    return [gd._fullLayout.font.color, css, gd._fullLayout.paper_bgcolor];
                }"""
            )

        page.wait_for_function(
            """() => document.querySelector('.kr-plot')._fullLayout.font.color ===
                     getComputedStyle(document.documentElement).getPropertyValue('--pst-color-text-base').trim()"""
        )
        dark = colours()
        assert dark[2].replace(" ", "") == "rgba(0,0,0,0)", "gennemsigtig baggrund, ingen hvid boks"
        page.evaluate("() => { document.documentElement.dataset.theme = 'light'; }")
        page.wait_for_function(
            """() => document.querySelector('.kr-plot')._fullLayout.font.color ===
                     getComputedStyle(document.documentElement).getPropertyValue('--pst-color-text-base').trim()"""
        )
        assert colours()[0] != dark[0]
    finally:
        context.close()


@pytest.fixture
def phone(browser) -> Iterator:
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_phone_width_has_no_sideways_scrolling(data, built_site, site_url, phone):
    """At 375 px no page of the book scrolls sideways (a mobile browser would widen the layout viewport)."""
    slug = data.municipalities["slug"].iloc[0]
    for path in book_pages(built_site):
        open_page(phone, f"{site_url}/{path}?kommune={slug}")
        width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width == [375, 375], f"{path}: {width}"
        assert phone.locator("#kr-kommune").bounding_box()["height"] >= 44, "tommelfingerstørrelse"
        # A chart fits the screen, or (a wide heatmap) scrolls inside its own frame, which fits.
        boxes = phone.eval_on_selector_all(
            ".kr-plot .main-svg",
            "ss => ss.map(s => (s.closest('.kr-plot-frame') || s).getBoundingClientRect().right)",
        )
        assert all(right <= 376 for right in boxes), f"{path}: {boxes}"


def test_a_wide_heatmap_scrolls_in_its_frame_with_every_label_on_a_phone(data, site_url, phone):
    open_page(phone, f"{site_url}/ingredienser/oversigt.html")
    frame = phone.locator("#figur-ingrediens-kommune .kr-plot-frame")
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth"), "rammen ruller vandret"
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("aria-label")
    ticks = phone.eval_on_selector_all("#plot-ingrediens-kommune .xtick text", "ts => ts.map(t => t.textContent)")
    assert ticks == [*data.municipalities["name"], "Ikke angivet"]


def test_file_url_works_without_a_server(data, built_site, page):
    """Opened straight from disk (file://): the control, the filter and the charts still work."""
    row = data.municipalities.iloc[0]
    page.goto((built_site / "ingredienser" / "oversigt.html").as_uri() + f"?kommune={row.slug}")
    page.evaluate("() => window.KR_FILTER.ready")
    check_view(data, page.evaluate(VISIBLE_STATE_JS), row.kommunekode, True, "file://")
    choose(page, ALL)
    assert re.search(r"[?&]kommune=", page.url) is None
