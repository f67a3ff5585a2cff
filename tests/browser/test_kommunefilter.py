"""The municipality filter of the static book (book/_static/kr-*.js) in headless Chromium: highlight, don't hide.

Every expectation is computed from the data through `kulturensrige.load()`; nothing here names a
municipality or a count. A card is identified by its quote or initiative id (or, for a municipality
card, its name), and the data decides where it belongs: the filter's own views are never the yardstick.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlparse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import browser as browser_module
from kulturensrige.render import cards, highlight, lists
from kulturensrige.rules import filters, statistics, views
from kulturensrige.rules.views import state_key
from kulturensrige.words import count_columns
from support.browser_files import offered_files, serve_files
from support.builds import LONG_LIST_LIMIT
from support.checks import each
from support.serving import serve

pytestmark = pytest.mark.browser

ALL = filters.ALL
WITHOUT_INFERRED = "|uden-udledte"
SKIPPED_PAGES = {"search.html"}


def _page_title(title: str) -> str:
    """An initiative's title as a card on a page shows it: an editors' with its short mark (ADR 61)."""
    return f"{title.value} {title.owner}" if isinstance(title, cards.Sourced) and title.mark else str(title)


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
    """Go to a page and wait until the filter has shown its first view."""
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


def open_settings(page) -> None:
    """The inferred switch waits in the panel the bar's button ('Indstillinger') opens; a reader opens it first."""
    if page.get_attribute(".kr-filter-toggle", "aria-expanded") != "true":
        page.click(".kr-filter-toggle")


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
        open_settings(page)
        page.set_checked("#kr-udledte", inferred)
    page.wait_for_function(f"() => window.__krEvents.length >= {changes}")
    return page.evaluate("() => window.__krEvents[window.__krEvents.length - 1]")


def wait_visible(locator, timeout: float) -> bool:
    """Whether the element shows within `timeout` ms."""
    try:
        locator.wait_for(state="visible", timeout=timeout)
    except PlaywrightTimeout:
        return False
    return True


def draw_every_chart(page) -> None:
    """Charts are drawn when they come into view: bring each into view and wait for its drawing to end (kr-charts.js
    takes a plot's aria-hidden off once plotly has drawn it and it answers clicks)."""
    page.evaluate(
        """async () => {
            for (const plot of document.querySelectorAll('.kr-plot')) {
                plot.scrollIntoView({block: 'center'});
                for (let i = 0; i < 100 && plot.hasAttribute('aria-hidden'); i++) await new Promise((r) => setTimeout(r, 50));
            }
            window.scrollTo(0, 0);
        }"""
    )


VIEW_JS = """
() => {
  const id = (c) => c.dataset.quotes || (c.classList.contains('kr-initiative') ? c.id.replace(/^indsats-/, '')
                     : c.querySelector('.kr-card-title').textContent.trim());
  const lists = [...document.querySelectorAll('section.kr-list')].map((list) => ({
    kind: list.classList.contains('kr-quote-list') ? 'quote'
          : list.classList.contains('kr-initiative-list') ? 'initiative' : 'municipality',
    arranged: !!list.querySelector(':scope > script.kr-list-views'),
    cards: [...list.querySelectorAll('.kr-card')].map(id),
    groups: [...list.querySelectorAll('[data-kr-group]')].filter((g) => !g.hidden).map((g) => ({
      name: g.dataset.krGroup,
      heading: (g.querySelector(':scope > .kr-group-heading') || {}).textContent || '',
      cards: [...g.querySelectorAll('.kr-card')].map(id),
      marked: [...g.querySelectorAll('.kr-card.kr-chosen')].map(id),
      visible: [...g.querySelectorAll('.kr-card')].filter((c) => c.checkVisibility()).map(id),
    })),
  }));
  const figures = [...document.querySelectorAll('figure.kr-figure')].map((figure) => {
    const payload = JSON.parse(figure.querySelector('script.kr-figure-json').textContent);
    const gd = figure.querySelector('.kr-plot');
    const drawn = !!gd.querySelector('.main-svg');
    const shape = (traces) => JSON.stringify(traces.map((t) => [t.x, t.y, t.z]));
    const same = (k) => JSON.stringify(payload.layouts[payload.variants[k].layout].shapes || []) ===
                        JSON.stringify((gd.layout && gd.layout.shapes) || []);
    return {
      id: figure.id,
      filterable: figure.dataset.krFilterable === 'true',
      variants: Object.keys(payload.variants),
      drawn,
      drawnAs: drawn ? Object.keys(payload.variants).filter((k) => same(k) &&
                         shape(payload.traces[payload.variants[k].data]) === shape(gd.data)) : [],
      alt: [...figure.querySelectorAll('.kr-alt p[data-variant]')].filter((p) => !p.hidden).map((p) => p.dataset.variant),
      table: [...figure.querySelectorAll('.kr-figure-data div[data-variant]')].filter((d) => !d.hidden)
               .map((d) => d.dataset.variant.split(' ')),
    };
  });
  return {
    lists,
    figures,
    marks: [...document.querySelectorAll('[data-kr-mark].kr-chosen')].map((n) => n.dataset.krMark),
    hints: [...document.querySelectorAll('[data-kr-when]')].filter((n) => !n.hidden).map((n) => n.dataset.krWhen),
    status: document.querySelector('.kr-filter-status').textContent,
    // Cards a reader cannot see without opening something: inside a closed <details>, or hidden. A profile's cards of
    // inferred ties stand only with the switch on (ADR 33): they wait in its part for that position.
    folded: [...document.querySelectorAll('.kr-card, .kr-quote, .kr-initiative, .kr-municipality-card')]
      .filter((c) => !c.closest('.kr-drill, template, [data-kr-inferred][hidden]'))
      .filter((c) => c.closest('details:not([open])') || !c.checkVisibility())
      .map((c) => c.id || c.dataset.quotes || c.textContent.slice(0, 40)),
  };
}
"""


def numbers(text: str) -> list[int]:
    return [int(n.replace(".", "")) for n in re.findall(r"\d[\d.]*\d|\d", text)]


def tie_of(data, kind: str, card: str, inferred: bool) -> tuple[str, int]:
    """(the municipality a card counts for, how many quotes it holds), from the data alone."""
    if kind == "initiative":
        return data.initiatives.set_index("initiative_id").at[card, "kommunekode"], 1
    if kind == "municipality":
        return data.municipalities.set_index("name").at[card, "kommunekode"], 1
    rows = data.quotes.set_index("quote_id").loc[card.split()]
    first = rows.iloc[0]
    if first.reference_key or (first.attribution == "inferred" and not inferred):
        return "", len(rows)
    return first.kommunekode, len(rows)


def check_list(data, listed: dict, kommune: str, inferred: bool, where: str) -> None:
    """Nothing is hidden; the chosen municipality's cards come first and marked; every number agrees with the data."""
    groups = {g["name"]: g for g in listed["groups"]}
    shown = [c for g in listed["groups"] for c in g["cards"]]
    assert sorted(shown) == sorted(listed["cards"]) and len(set(shown)) == len(shown), f"{where}: every card once"
    if not listed["arranged"] or kommune == ALL:
        assert list(groups) == ["all"] and groups["all"]["marked"] == [], f"{where}: one list in report order"
        return
    ties = {c: tie_of(data, listed["kind"], c, inferred) for c in listed["cards"]}
    wanted = {
        "chosen": [c for c in listed["cards"] if ties[c][0] == kommune],
        "none": [c for c in listed["cards"] if ties[c][0] == ""],
        "other": [c for c in listed["cards"] if ties[c][0] not in ("", kommune)],
    }
    rows = {name: sum(ties[c][1] for c in cards_) for name, cards_ in wanted.items()}
    assert list(groups) == [g for g in ("chosen", "none", "other") if g == "chosen" or wanted[g]], f"{where}: groups"
    for name, group in groups.items():
        assert sorted(group["cards"]) == sorted(wanted[name]), f"{where}: {name}"
        assert group["marked"] == (group["cards"] if name == "chosen" else []), f"{where}: {name} marked"
    assert groups["chosen"]["visible"] == groups["chosen"]["cards"], f"{where}: chosen cards in view"
    if "none" in groups:
        assert groups["none"]["visible"] == groups["none"]["cards"], f"{where}: cards with no municipality stay in view"
        assert numbers(groups["none"]["heading"])[:1] == [rows["none"]], f"{where}: {groups['none']['heading']}"
    if "other" in groups:
        assert groups["other"]["visible"] == groups["other"]["cards"], f"{where}: other municipalities' cards stay in view"
        assert numbers(groups["other"]["heading"]) == [rows["other"]], f"{where}: {groups['other']['heading']}"
    if rows["chosen"] and listed["kind"] == "municipality":
        name = data.municipalities.set_index("kommunekode").at[kommune, "name"]
        assert groups["chosen"]["heading"].startswith(name), f"{where}: {groups['chosen']['heading']}"
    elif rows["chosen"]:
        assert numbers(groups["chosen"]["heading"])[:1] == [rows["chosen"]], f"{where}: {groups['chosen']['heading']}"


def check_view(data, view: dict, kommune: str, inferred: bool, where: str) -> None:
    """Every list, mark, hint and chart of the page, and every number it states, for (kommune, inferred)."""
    for i, listed in enumerate(view["lists"]):
        check_list(data, listed, kommune, inferred, f"{where} liste {i + 1}")
    assert not view["folded"], f"{where}: cards folded away or hidden: {view['folded'][:5]}"
    said = re.split(r"(?<=[.!?])\s+", view["status"].strip())
    assert len(said) == len(set(said)), f"{where}: the status says something twice: {view['status']}"
    assert "…" not in view["status"] and "{" not in view["status"], f"{where}: {view['status']}"
    assert set(view["marks"]) <= {kommune}, f"{where}: marks"
    assert view["hints"] == [], f"{where}: a profile hint shows in the status, not twice"
    for figure in view["figures"]:
        key = ALL if not figure["filterable"] else kommune
        if figure["filterable"] and not inferred and f"{kommune}{WITHOUT_INFERRED}" in figure["variants"]:
            key = f"{kommune}{WITHOUT_INFERRED}"
        if figure["drawn"]:
            assert key in figure["drawnAs"], f"{where}: {figure['id']} viser {figure['drawnAs']}, ikke {key}"
        assert figure["alt"] == [key], f"{where}: {figure['id']} tekstalternativ"
        assert len(figure["table"]) == 1 and key in figure["table"][0], f"{where}: {figure['id']} tabel"


# -- every page, every municipality, inferred ties on and off ---------------------------------------


def test_pages_with_municipality_content_exist(data, built_site):
    for path in each(municipality_pages(data)):
        assert (built_site / path).is_file(), path


def test_every_page_every_municipality_states_the_datas_numbers(tied_data, tied_site, tied_url, page):
    """Every page × every municipality × inferred on/off: nothing hidden, the chosen first, each number from the tied_data."""
    codes = list(tied_data.municipalities["kommunekode"])
    for path in book_pages(tied_site):
        open_page(page, f"{tied_url}/{path}?kommune=alle")  # an address without a choice takes the last one
        draw_every_chart(page)
        check_view(tied_data, page.evaluate(VIEW_JS), ALL, False, f"{path} (alle)")  # the switch opens off (ADR 33)
        for inferred in (True, False):
            for kommune in [*codes, ALL]:
                choose(page, kommune, inferred)
                check_view(tied_data, page.evaluate(VIEW_JS), kommune, inferred, f"{path} {kommune} udledte={inferred}")


def test_ingredient_pages_keep_the_quotes_with_no_municipality_in_view(data, site_url, page):
    """The issue's first complaint: Køge on 'Etablering af vi' showed 0 of 5 quotes."""
    for ingredient in each(data.ingredients.itertuples()):
        book_page = data.sections.loc[data.sections["section_id"] == ingredient.section_id, "book_page"].iloc[0]
        quotes = filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient.ingredient_id))
        unattributed = quotes[(quotes["kommunekode"] == "") | (quotes["reference_key"] != "")]
        for row in data.municipalities.itertuples():
            open_page(page, f"{site_url}/{book_page}.html?kommune={row.slug}")
            visible = page.eval_on_selector_all(
                "section.kr-list article.kr-quote",
                "cs => cs.filter((c) => c.checkVisibility()).flatMap((c) => c.dataset.quotes.split(' '))",
            )
            assert set(unattributed["quote_id"]) <= set(visible), f"{book_page} {row.slug}"


def test_profile_pages_are_always_about_their_own_municipality(tied_data, tied_url, page):
    for own in each(tied_data.municipalities.itertuples()):
        other = tied_data.municipalities[tied_data.municipalities["kommunekode"] != own.kommunekode].iloc[0]
        # With the inferred ties on the profile shows every quote tied to it; off, only those not inferred (ADR 33).
        open_page(page, f"{tied_url}/kommuner/profil-{own.slug}.html?kommune={other.slug}&udledte=ja")
        view = page.evaluate(VIEW_JS)
        quotes = [
            " ".join(g["quote_id"]) for g in cards.group_turns(filters.quotes(tied_data, filters.QuoteFilter(kommunekode=own.kommunekode)))
        ]
        initiatives = sorted(filters.initiatives(tied_data, own.kommunekode)["initiative_id"])
        by_kind = {listed["kind"]: listed for listed in view["lists"]}
        assert sorted(by_kind["quote"]["groups"][0]["visible"]) == sorted(quotes), own.slug
        assert sorted(by_kind["initiative"]["groups"][0]["visible"]) == initiatives, own.slug
        assert page.locator(".kr-profile .kr-lead").is_visible()
        hint = page.locator(".kr-filter-offer-link")
        assert hint.get_attribute("aria-label") == f"Se alt om {other['name']} på kommunens side", own.slug
        assert hint.is_visible() and hint.evaluate("(a) => new URL(a.href).pathname").endswith(f"/profil-{other.slug}.html")
        # The page is about its own municipality and says so; the bar names the reader's choice for the rest of the book
        # (ADR 58), in the panel's status and, reader 15, #4, in the bar's own line too.
        said = f"I resten af bogen er {other['name']} valgt."
        assert said in page.text_content(".kr-filter-status"), own.slug
        assert page.locator(".kr-filter-tally-text").text_content() == said, own.slug
        assert page.locator(".kr-profile-says").text_content().startswith(f"Siden handler om {own.name}, uanset"), own.slug
        # With its own municipality chosen, the page says it is about it.
        open_page(page, f"{tied_url}/kommuner/profil-{own.slug}.html?kommune={own.slug}")
        status = page.text_content(".kr-filter-status")
        assert f"Siden handler om {own.name}" in status and "Intet på denne side" not in status, status


MARKED_JS = """
() => ({
  status: document.querySelector('.kr-filter-status').textContent,
  marked: [...document.querySelectorAll('.kr-card.kr-chosen, [data-kr-mark].kr-chosen')]
    .filter((n) => !n.closest('.kr-drill, template')).length,
})
"""


def test_the_status_says_the_page_marks_the_choice_only_where_it_does(tied_data, tied_site, tied_url, page):
    """Ringkøbing-Skjern on 'Etablering af vi' without inferred ties: the status said the municipality's cards stood
    first and marked while no card was; where nothing is marked, the status says so, and only there."""
    sentences = highlight.page_sentences(tied_data)
    markers = ("kr-list-views", "data-kr-mark")
    pages = [
        p
        for p in book_pages(tied_site)
        if any(m in (text := (tied_site / p).read_text(encoding="utf-8")) for m in markers) and "kr-profile" not in text
    ]
    problems = []
    for path in pages:
        open_page(page, f"{tied_url}/{path}")
        for inferred in (True, False):
            for kommune in tied_data.municipalities["kommunekode"]:
                choose(page, kommune, inferred)
                shown = page.evaluate(MARKED_JS)
                unmarked = sentences[state_key(kommune, inferred)]["unmarked"]
                claims_marks = "markeret" in shown["status"].replace(unmarked, "")
                says = (
                    claims_marks and unmarked not in shown["status"]
                    if shown["marked"]
                    else unmarked in shown["status"] and not claims_marks
                )
                if not says:
                    problems.append(f"{path} {kommune} udledte={inferred}: {shown['marked']} marked, {shown['status']!r}")
    assert not problems, "\n".join(problems[:10])


def test_where_nothing_depends_on_the_choice_the_bar_offers_the_municipalitys_page(data, built_site, site_url, page):
    """A page that holds nothing that changes with the choice: the bar offers the chosen municipality's own page."""
    markers = ("kr-list-views", "data-kr-mark", "kr-figure", "kr-profile")

    def markup(path: str) -> str:  # the page's elements: every page's head script names the profile's mark (ADR 58)
        return re.sub(r"<script\b.*?</script>", "", (built_site / path).read_text(encoding="utf-8"), flags=re.S)

    plain = [p for p in book_pages(built_site) if not any(m in markup(p) for m in markers)]
    assert plain, "some page of the book does not depend on the municipality"
    row = data.municipalities.iloc[-1]
    open_page(page, f"{site_url}/{plain[0]}?kommune={row.slug}")
    status = page.text_content(".kr-filter-status")
    assert "Intet på denne side" not in status and row["name"] in status, status
    offer = page.locator(".kr-filter-offer-link")
    assert offer.is_visible() and row["name"] in offer.text_content()
    assert not page.locator(".kr-filter-offer-pdf").is_visible(), "no edition link before make pdf has made the PDF"
    offer.click()
    page.wait_for_url(f"**/kommuner/profil-{row.slug}.html?kommune={row.slug}")
    page.evaluate("() => window.KR_FILTER.ready")
    assert page.locator(".kr-profile .kr-lead").is_visible()


def test_the_control_lists_every_municipality_from_the_data_in_danish_alphabetical_order(tied_data, tied_url, page):
    """A reader looks for her own municipality in a picker by its name (98 at national scale): 'Alle kommuner' first,
    then the names from A to Å, with æ, ø and å last and Aarhus as Århus; the sidebar keeps the data's order."""
    open_page(page, f"{tied_url}/index.html")
    options = page.eval_on_selector_all("#kr-kommune option", "os => os.map(o => [o.value, o.textContent])")
    codes = dict(zip(tied_data.municipalities["name"], tied_data.municipalities["kommunekode"], strict=True))
    in_danish_order = ["Egedal", "Guldborgsund", "Høje-Taastrup", "Køge", "Ringkøbing-Skjern", "Rudersdal", "Aarhus"]
    assert options == [[ALL, "Alle kommuner"], *([codes[name], name] for name in in_danish_order)]
    assert page.get_attribute("label[for=kr-kommune]", "for") == "kr-kommune"
    assert not page.is_checked("#kr-udledte"), "the editors' inferred ties start off (ADR 33)"
    assert page.get_attribute(".kr-filter-status", "aria-live") == "polite"


# -- URL state -------------------------------------------------------------------------------------


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def test_deep_link_reload_and_code_in_url(tied_data, tied_url, page):
    row = tied_data.municipalities.iloc[-1]
    open_page(page, f"{tied_url}/ingredienser/oversigt.html?kommune={row.kommunekode}&udledte=nej")
    assert page.input_value("#kr-kommune") == row.kommunekode
    assert not page.is_checked("#kr-udledte")
    assert query(page)["kommune"] == [row.slug], "koden i adressen skrives om til slug"
    check_view(tied_data, page.evaluate(VIEW_JS), row.kommunekode, False, "dyb link")
    page.reload()
    page.evaluate("() => window.KR_FILTER.ready")
    assert page.input_value("#kr-kommune") == row.kommunekode
    check_view(tied_data, page.evaluate(VIEW_JS), row.kommunekode, False, "genindlæst")


def test_a_choice_replaces_the_address_so_back_leaves_the_page(tied_data, tied_url, page):
    """Every choice, by pointer or arrow key, pushed a history entry, so Back stepped through each choice before it
    left the page (issue 22, phone reading #3): a choice now replaces the current entry, whose address says it."""
    first, second = tied_data.municipalities["kommunekode"].iloc[:2]
    open_page(page, f"{tied_url}/index.html")
    open_page(page, f"{tied_url}/kommuner/oversigt.html")
    start = page.evaluate("() => history.length")
    choose(page, first)
    choose(page, second)
    page.focus("#kr-kommune")
    listen(page)
    page.keyboard.press("ArrowDown")
    page.wait_for_function("() => window.__krEvents.length >= 1")
    chosen = page.input_value("#kr-kommune")
    assert query(page)["kommune"] == [tied_data.municipalities.set_index("kommunekode").loc[chosen, "slug"]]
    assert page.evaluate("() => history.length") == start
    page.go_back()
    page.wait_for_load_state()
    assert urlparse(page.url).path.endswith("/index.html")
    page.go_forward()
    page.evaluate("() => window.KR_FILTER.ready")
    assert page.input_value("#kr-kommune") == chosen, "the entry keeps the last choice"


def test_next_page_and_every_book_link_keep_the_selection(tied_data, tied_url, page):
    row = tied_data.municipalities.iloc[1]
    open_page(page, f"{tied_url}/kommuner/oversigt.html")
    choose(page, row.kommunekode, inferred=True)
    hrefs = page.eval_on_selector_all(".bd-sidebar-primary a[href], a.right-next, a.left-prev", "as => as.map(a => a.getAttribute('href'))")
    internal = [h for h in hrefs if h and ".html" in h and "://" not in h]
    # The switch turned on travels in the links (?udledte=ja); off is the default and no parameter (ADR 33). A link to
    # a municipality's page carries the choice as every other does: that page changes no choice (ADR 58).
    profiles = [h for h in internal if "profil-" in h]
    assert profiles and all(f"kommune={row.slug}" in h and "udledte=ja" in h for h in profiles), profiles
    others = [h for h in internal if h not in profiles]
    assert others and all(f"kommune={row.slug}" in h and "udledte=ja" in h for h in others), others
    page.click("a.right-next")
    page.wait_for_load_state()
    page.evaluate("() => window.KR_FILTER.ready")
    assert query(page)["kommune"] == [row.slug]
    assert page.input_value("#kr-kommune") == row.kommunekode
    assert page.is_checked("#kr-udledte")


def test_din_kommune_on_the_front_page_leads_to_the_chosen_municipalitys_own_page(tied_data, tied_url, page):
    """»Din kommune« led to the overview whatever was chosen. With a municipality chosen it leads to that
    municipality's page, keeping the choice; with none, to the overview of all of them."""
    row = tied_data.municipalities.iloc[2]
    open_page(page, f"{tied_url}/index.html")
    link = page.get_by_role("link", name="Din kommune", exact=True)
    assert urlparse(link.get_attribute("href")).path.endswith("kommuner/oversigt.html")
    choose(page, row.kommunekode)
    assert urlparse(link.get_attribute("href")).path.endswith(f"kommuner/profil-{row.slug}.html")
    link.click()
    page.wait_for_load_state()
    page.evaluate("() => window.KR_FILTER.ready")
    assert urlparse(page.url).path.endswith(f"kommuner/profil-{row.slug}.html") and query(page)["kommune"] == [row.slug]
    page.go_back()
    page.evaluate("() => window.KR_FILTER.ready")
    choose(page, ALL)
    assert urlparse(link.get_attribute("href")).path.endswith("kommuner/oversigt.html")


def test_a_page_opened_without_a_choice_takes_the_readers_last_one_and_says_it_in_its_address(tied_data, tied_url, page):
    """Chose Køge, then opened vaerdiskabelser.html from a bookmark: the filter said 'Alle kommuner'. The last
    municipality is kept in the browser; an address without one takes it and shows it, and an address with one (also
    'alle') wins and is kept. The inferred switch is not kept (ADR 33): a page opened afresh has it off, an "on" stored
    by an older book too. A bad stored value counts as none."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    first, other = tied_data.municipalities.iloc[0], tied_data.municipalities.iloc[-1]
    open_page(page, f"{tied_url}/kommuner/oversigt.html")
    assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": ALL, "inferred": False}, "nothing kept yet"
    choose(page, first.kommunekode, inferred=True)
    for path in each(["vaerdiskabelser.html", "index.html", "search.html?q=kultur"]):
        open_page(page, f"{tied_url}/{path}")
        assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": first.kommunekode, "inferred": False}, path
        assert query(page)["kommune"] == [first.slug] and "udledte" not in query(page), page.url
        assert page.input_value("#kr-kommune") == first.kommunekode and not page.is_checked("#kr-udledte")
    assert query(page)["q"] == ["kultur"], "the address keeps its other parameters"
    open_page(page, f"{tied_url}/kommuner/oversigt.html")
    check_view(tied_data, page.evaluate(VIEW_JS), first.kommunekode, False, "husket valg")
    # An address with a choice wins, and is the one kept.
    open_page(page, f"{tied_url}/vaerdiskabelser.html?kommune={other.slug}&udledte=ja")
    open_page(page, f"{tied_url}/baggrund.html")
    assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": other.kommunekode, "inferred": False}
    assert "udledte" not in query(page) and query(page)["kommune"] == [other.slug]
    open_page(page, f"{tied_url}/vaerdiskabelser.html?kommune=alle")
    open_page(page, f"{tied_url}/baggrund.html")
    assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": ALL, "inferred": False}
    assert "kommune" not in query(page), "with no choice kept, the address names none (reader review 5)"
    # A mistyped municipality in a link is said to be unknown, and the last choice stays (it had become 'alle').
    open_page(page, f"{tied_url}/vaerdiskabelser.html?kommune={other.slug}")
    open_page(page, f"{tied_url}/baggrund.html?kommune=ingen-kommune")
    page.wait_for_function("() => document.querySelector('.kr-filter-notice').textContent.includes('ingen-kommune')")
    assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": other.kommunekode, "inferred": False}
    open_page(page, f"{tied_url}/index.html")
    assert page.evaluate("() => window.KR_FILTER.state()")["kommune"] == other.kommunekode
    # An older book's stored "on" gives its municipality only.
    page.evaluate("(slug) => localStorage.setItem('kr-valg', JSON.stringify({kommune: slug, inferred: true}))", first.slug)
    open_page(page, f"{tied_url}/baggrund.html")
    assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": first.kommunekode, "inferred": False}
    # Stored values a browser may hold from another book or another day: shown as no choice, and removed.
    for stored in each(["{", "5", '"koege"', "[1,2]", '{"kommune":"ingen-kommune","inferred":true}', '{"inferred":true}']):
        page.evaluate("(value) => localStorage.setItem('kr-valg', value)", stored)
        open_page(page, f"{tied_url}/baggrund.html")
        assert page.evaluate("() => window.KR_FILTER.state()") == {"kommune": ALL, "inferred": False}, stored
        assert page.evaluate("() => localStorage.getItem('kr-valg')") != stored, stored
    assert errors == []


def test_every_page_offers_the_chosen_municipalitys_page_and_its_edition_in_the_bar(data, built_site, site_url, browser, tmp_path):
    """'Se alt om X på kommunens side · Hent X-udgaven som PDF' stood on 3 of 23 pages; a page that said 'intet på denne
    side er knyttet til kommunen' left the reader no way on. On every page but the municipality's own, the bar's row
    offers its page and its edition (here as `make pdf` writes them into the sentence files beside kr-data.js), both in short words at every
    width ('Alt om X', 'PDF (2 kB)': in whole words the desktop's bar took three lines, issue 22), each named in whole
    words, and both lead where they say."""
    from kulturensrige.edition.editions import file_name

    row = data.municipalities.iloc[-1]
    scripts = offered_files(tmp_path, data, {row.slug: 2400})
    name = row["name"]
    for width, page_words in ((375, f"Alt om {name}"), (1280, f"Alt om {name}")):
        phone = width < 600
        context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=phone, has_touch=phone)
        serve_files(context, scripts)
        page = context.new_page()
        try:
            for path in each([*book_pages(built_site), "search.html"]):
                open_page(page, f"{site_url}/{path}?kommune={row.slug}")
                offer = page.evaluate(
                    """() => {
                        const box = document.querySelector('.kr-filter-offer'), bar = document.querySelector('.kr-filter');
                        const links = [...box.querySelectorAll('a')].filter((a) => a.checkVisibility());
                        // On a phone the offer is display: contents (its links are the bar's lines' parts).
                        const right = Math.max(...links.map((a) => a.getBoundingClientRect().right));
                        return {shown: !box.hidden && links.length > 0, fits: links.every((a) => a.scrollWidth <= a.clientWidth + 1)
                                  && right <= bar.getBoundingClientRect().right + 1,
                                links: links.map((a) => ({text: a.innerText, name: a.getAttribute('aria-label'), href: a.href}))};
                    }"""
                )
                if path == f"kommuner/profil-{row.slug}.html":
                    assert not offer["shown"], "its own page offers no way to itself"
                    continue
                if path.startswith("kommuner/profil-"):
                    # Another municipality's page offers the chosen one's page, not its PDF beside its own (issue 22).
                    assert offer["shown"] and [link["name"] for link in offer["links"]] == [f"Se alt om {name} på kommunens side"], path
                    continue
                assert offer["shown"] and offer["fits"] and len(offer["links"]) == 2, (path, offer)
                to_page, to_pdf = offer["links"]
                assert to_page["name"] == f"Se alt om {name} på kommunens side", path
                assert to_pdf["name"].startswith(f"Hent {name}-udgaven som PDF"), path
                assert to_page["text"] == (page_words or to_page["name"]) and to_pdf["text"] == "PDF (2 kB)", path
                assert urlparse(to_page["href"]).path.endswith(f"/kommuner/profil-{row.slug}.html"), (path, to_page)
                assert urlparse(to_pdf["href"]).path.endswith(f"/pdf/{file_name(row.slug)}"), (path, to_pdf)
        finally:
            context.close()


def test_unknown_value_falls_back_with_a_notice(data, site_url, page):
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    unknown = "ingen-kommune-<b>x</b>"
    assert unknown not in set(data.municipalities["slug"]) | set(data.municipalities["kommunekode"])
    open_page(page, f"{site_url}/kommuner/oversigt.html?kommune={quote(unknown)}")
    notice = page.locator(".kr-filter-notice[role=status]")
    notice.wait_for(state="visible")
    page.wait_for_function("(value) => document.querySelector('.kr-filter-notice').textContent.includes(value)", arg=unknown)
    assert notice.locator("b").count() == 0, "the value is text, never markup"
    assert page.input_value("#kr-kommune") == ALL
    check_view(data, page.evaluate(VIEW_JS), ALL, True, "ukendt kommune")
    assert "kommune" not in query(page), "the unknown value is dropped, and no choice is named (ADR 26)"
    assert errors == []


def test_a_long_unknown_value_wraps_inside_its_notice_on_a_phone(data, site_url, page):
    """Hostile round of session 19: `?kommune=` with 5,000 letters and no space ran out of the notice and off a
    375 px screen, a line the reader could not read to its end; it breaks inside the notice."""
    page.set_viewport_size({"width": 375, "height": 800})
    open_page(page, f"{site_url}/index.html?kommune={'x' * 300}")
    notice = page.locator(".kr-filter-notice[role=status]")
    notice.wait_for(state="visible")
    assert notice.evaluate("n => n.scrollWidth <= n.clientWidth + 1"), "the value stays inside its notice"
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


# -- every page of the book ------------------------------------------------------------------------


def test_every_page_renders_its_charts_offline_with_no_console_or_page_error(built_site, site_url, page):
    """One visit per page: its charts drawn with nothing fetched from outside, then a municipality chosen."""
    outside: list[str] = []
    problems: list[str] = []

    def route(r):
        if urlparse(r.request.url).hostname == "127.0.0.1":
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.context.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and problems.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    codes = list(load().municipalities["kommunekode"])
    for path in book_pages(built_site):
        open_page(page, f"{site_url}/{path}")
        draw_every_chart(page)
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
        choose(page, codes[0], inferred=False)
    assert outside == []
    assert problems == []


def test_charts_are_drawn_as_they_come_into_view_in_the_height_kept_for_them(site_url, page):
    """The text is the first paint: a chart far down is drawn after the load (ahead of the reader, or when it
    scrolls into view), and drawing moves nothing."""
    page.set_viewport_size({"width": 1280, "height": 700})
    open_page(page, f"{site_url}/kommuner/sammenligning.html")
    last = page.locator(".kr-plot").last
    assert last.locator(".main-svg").count() == 0, "not drawn with the page"
    before = last.bounding_box()["height"]
    top_before = page.evaluate("() => document.querySelector('.kr-figure:last-of-type').getBoundingClientRect().top + window.scrollY")
    last.scroll_into_view_if_needed()
    last.locator(".main-svg").first.wait_for()
    assert abs(last.bounding_box()["height"] - before) < 1
    top_after = page.evaluate("() => document.querySelector('.kr-figure:last-of-type').getBoundingClientRect().top + window.scrollY")
    assert abs(top_after - top_before) < 1


LAYOUT_SHIFT_JS = """window.__cls = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
  .observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("width", [1280, 375])
def test_nothing_moves_while_the_page_loads_and_its_charts_are_drawn(data, browser, site_url, width):
    """The filter takes the place the build kept for it and charts are drawn in the height kept for them:
    cumulative layout shift stays under 0,1 (the 'good' limit) while the page loads and is scrolled through."""
    context = browser.new_context(locale="da-DK", viewport={"width": width, "height": 800}, is_mobile=width < 400)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT_JS)
    try:
        for path in each(
            [
                "index.html",
                f"kommuner/profil-{data.municipalities['slug'].iloc[0]}.html",
                "kommuner/sammenligning.html",
                "ingredienser/etablering-af-vi.html",
                "ingredienser/oversigt.html",
            ]
        ):
            open_page(page, f"{site_url}/{path}")
            draw_every_chart(page)
            page.wait_for_timeout(300)
            assert page.evaluate("() => window.__cls") < 0.1, path
    finally:
        context.close()


# -- keyboard, drill-through, download, compare --------------------------------------------------


def test_keyboard_reaches_and_changes_the_control(tied_data, tied_url, page):
    open_page(page, f"{tied_url}/kommuner/oversigt.html")
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
    first = page.eval_on_selector_all("#kr-kommune option", "os => os.map((o) => o.value)")[1]
    assert page.input_value("#kr-kommune") == first
    check_view(tied_data, page.evaluate(VIEW_JS), first, True, "tastatur")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.kr-filter-reset')"), "the way back to all next"
    page.keyboard.press("Tab")
    if page.evaluate("() => document.querySelector('.kr-filter-away-show').checkVisibility()"):
        # What the choice marks is off the screen: the way to it, beside the choice (docs/adr/0056).
        assert page.evaluate("() => document.activeElement.matches('.kr-filter-away-show')"), "'Find' next"
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.kr-filter-offer-link')"), "the municipality's page next"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('.kr-filter-toggle')"), "the panel's button next"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "kr-udledte"
    listen(page)
    page.keyboard.press("Space")
    page.wait_for_function("() => window.__krEvents.length >= 1")
    check_view(tied_data, page.evaluate(VIEW_JS), first, False, "tastatur uden udledte")


def drill_cards(page, figure_id: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"#{figure_id} .kr-drill article.kr-quote", "cs => cs.map(c => c.dataset.quotes.split(' '))")


def test_drill_through_a_bar_lists_the_quotes_behind_it(data, site_url, page):
    open_page(page, f"{site_url}/ingredienser/oversigt.html")
    draw_every_chart(page)
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
            // a bar's label may be wrapped onto lines (<br>)
            const plain = (s) => new DOMParser().parseFromString(s.replace(/<br>/g, ' '), 'text/html').body.textContent;
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
    assert drill.locator("h3").text_content().endswith(f": {len(ids)} {'citat' if len(ids) == 1 else 'citater'}")
    assert page.evaluate("() => document.activeElement.classList.contains('kr-drill-heading')")
    assert page.locator("#figur-citater-pr-ingrediens .kr-drill [id]").count() == 0, "klonede kort har ingen id"
    drill.get_by_role("button", name="Luk citaterne bag tallet").first.click()
    assert drill.is_hidden()


def test_a_partner_bar_opens_the_initiatives_that_name_its_organisations(tied_data, tied_url, page):
    """A tap on the partner chart does what it does on the other charts: it opens the cards behind the bar, here the
    initiatives that name the bar's organisations (with a municipality chosen, its part: its own initiatives)."""
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_page(page, f"{tied_url}/kommuner/sammenligning.html")
    ties = statistics.organisation_ties(tied_data, tied_data.initiatives)
    busiest = ties.groupby("kommunekode")["organisation_id"].nunique().idxmax()
    for code in each(["alle", busiest]):
        choose(page, code)
        draw_every_chart(page)
        # The first bar the chosen municipality has a part of (its part is the first trace), or the first bar.
        bar = page.evaluate("() => document.querySelector('#plot-organisationer').data[0].x.findIndex((n) => n > 0)")
        kind = statistics.organisations_by_kind(tied_data, tied_data.initiatives)["kind"].iloc[bar]
        rows = ties[(ties["kind"] == kind) & ((ties["kommunekode"] == code) if code != "alle" else True)]
        page.evaluate("() => document.querySelector('#plot-organisationer').scrollIntoView({block: 'center', behavior: 'instant'})")
        # Drawn and answering clicks (kr-charts.js takes aria-hidden off then): draw_every_chart gives up after 5 s,
        # which a loaded machine can outlast, and a tap on a chart not yet drawn opens nothing.
        page.wait_for_function("() => !document.querySelector('#plot-organisationer').hasAttribute('aria-hidden')")
        drill = page.locator("#figur-organisationer .kr-drill")
        # The choice's redraw (Plotly.react) may still move the bars under a tap made at once: tap again, found anew.
        for _ in range(3):
            point = page.locator("#plot-organisationer .trace.bars").first.locator(".point").nth(bar)
            # The bar itself in the screen's middle: with the chart centred, the first bar sat at ~170 px, where the
            # sticky filter bar and its lines (filled in once their sentences load) could lie over the tap.
            point.evaluate("(p) => p.scrollIntoView({block: 'center', behavior: 'instant'})")
            point.click(force=True)
            if wait_visible(drill, 5000):
                break
        drill.wait_for(state="visible")
        page.evaluate("() => document.querySelector('#figur-organisationer .kr-drill').krReady")
        titles = drill.locator("article.kr-initiative .kr-card-title").all_text_contents()
        named = tied_data.initiatives.set_index("initiative_id").loc[list(dict.fromkeys(rows["initiative_id"]))].reset_index()
        # A card's title carries no mark of its own: the card's one mark covers it (ADR 40).
        titles = [t.replace("\u00a0", " ") for t in titles]
        assert sorted(titles) == sorted(_page_title(cards.initiative_title(tied_data, row)) for row in named.itertuples()), code
        drill.get_by_role("button", name="Luk indsatserne bag tallet").first.click()
        assert drill.is_hidden()
    assert errors == []


def test_drill_through_a_heatmap_cell(tied_data, tied_url, page):
    open_page(page, f"{tied_url}/ingredienser/oversigt.html?udledte=ja")  # the cells as the inferred ties count them
    draw_every_chart(page)
    first = tied_data.ingredients.sort_values("number").iloc[0]
    not_stated = tied_data.quotes[
        (tied_data.quotes["kommunekode"] == "") & tied_data.quotes["ingredient_ids"].map(lambda v: first.ingredient_id in v)
    ]
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
    expected = sorted(list(g["quote_id"]) for g in cards.group_turns(tied_data.quotes) if set(g["quote_id"]) & set(not_stated["quote_id"]))
    assert sorted(drill_cards(page, "figur-ingrediens-kommune")) == expected
    assert drill.locator("h3").text_content().endswith(f": {len(not_stated)} {'citat' if len(not_stated) == 1 else 'citater'}")


def test_a_zero_cell_says_it_holds_no_quotes_and_opens_no_panel(tied_url, page):
    open_page(page, f"{tied_url}/ingredienser/oversigt.html")
    draw_every_chart(page)
    heading = page.evaluate(
        """async () => {
            const gd = document.querySelector('#plot-ingrediens-kommune');
            const drill = document.querySelector('#figur-ingrediens-kommune .kr-drill');
            const [z, cd] = [gd.data[0].z, gd.data[0].customdata];
            const i = z.findIndex((row) => row.includes(0)), j = z[i].indexOf(0);
            gd.emit('plotly_click', {points: [{data: gd.data[0], pointNumber: [i, j], customdata: cd[i][j]}]});
            await drill.krReady;
            return [gd.data[0].y[i], gd.data[0].x[j]];
        }"""
    )
    none = page.locator("#figur-ingrediens-kommune .kr-drill-none")
    assert none.count() == 1 and none.is_visible() and none.text_content().endswith(": ingen citater"), none.text_content()
    assert none.text_content().split(" · ")[1].startswith(heading[1])
    assert page.locator("#figur-ingrediens-kommune .kr-drill").is_hidden()


def test_a_table_of_marks_opens_the_initiatives_behind_a_number_in_the_pages_flow(data, browser, site_url):
    """On a phone: a number in the comparison's table of marks is a button (here pressed from the keyboard); it opens
    the initiatives behind it, the book's own cards, read in the page's flow: nothing of the panel lies over a card
    while the reader scrolls through them (a "Luk" kept at the bottom of the screen was a band over the cards, and
    the panel read as a box scrolling inside the page). "Luk" stands at the panel's head and right after its last
    card, and closes it, with the focus back on the mark (ADR 57)."""
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667})
    page = context.new_page()
    try:
        open_page(page, f"{site_url}/kommuner/sammenligning.html")
        figure = page.locator("#figur-maalgrupper-kommune")
        # A marked cell's count, without the column's name it carries for the phone's line a row (ADR 67).
        counts = figure.locator("td.kr-marked").evaluate_all(
            "cells => cells.map(c => Number([...c.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')))"
        )
        mark = figure.locator("td.kr-marked > button.kr-mark").nth(counts.index(max(counts)))
        ids, label = mark.get_attribute("data-kr-ids").split(), mark.get_attribute("aria-label")
        mark.focus()
        page.keyboard.press("Enter")
        drill = figure.locator(".kr-drill")
        drill.wait_for(state="visible")
        page.evaluate("() => document.querySelector('#figur-maalgrupper-kommune .kr-drill').krReady")
        titles = drill.locator("article.kr-initiative .kr-card-title").all_text_contents()
        rows = data.initiatives.set_index("initiative_id").loc[ids].reset_index()
        # An editors' title carries its mark on every card, in a drill panel too (ADR 61).
        expected = [_page_title(cards.initiative_title(data, row)) for row in rows.itertuples()]
        titles = [t.replace("\u00a0", " ") for t in titles]
        assert sorted(titles) == sorted(expected) and len(titles) == max(counts)
        assert drill.locator("h3.kr-drill-heading").text_content() == label
        assert page.evaluate("() => document.activeElement.classList.contains('kr-drill-heading')")
        # Reading the cards, with the panel's head scrolled away: what lies over each card's text is the card itself.
        page.evaluate("() => document.querySelector('#figur-maalgrupper-kommune .kr-drill-cards').scrollIntoView({block: 'start'})")
        for _ in range(4):
            page.mouse.wheel(0, 250)
            page.wait_for_timeout(100)
            covered = page.evaluate(
                """() => [...document.querySelectorAll('#figur-maalgrupper-kommune .kr-drill-cards article')].flatMap((card) => {
                    const b = card.getBoundingClientRect();
                    const ys = [b.top + 8, (b.top + b.bottom) / 2, b.bottom - 8];
                    return [0.1, 0.5, 0.9].flatMap((f) => ys.map((y) => [b.left + f * b.width, y]))
                        .filter(([x, y]) => y > 60 && y < innerHeight)
                        .filter(([x, y]) => !card.contains(document.elementFromPoint(x, y)))
                        .map(([x, y]) => document.elementFromPoint(x, y)?.className);
                })"""
            )
            assert not [c for c in covered if "kr-drill" in str(c)], covered
        last = drill.locator(".kr-drill-cards article").last.bounding_box()
        foot = drill.locator(".kr-drill-foot .kr-drill-close")
        assert foot.bounding_box()["y"] >= last["y"] + last["height"], "Luk right after the last card"
        foot.click()
        assert drill.is_hidden()
        # "Luk" puts the focus back on the mark that opened the panel (ADR 57), the figure's title on a chart's.
        assert mark.evaluate("(m) => document.activeElement === m")
    finally:
        context.close()


def card_shape(markup: str) -> list:
    """A card as (tag, attributes, text) in document order, without what may differ: ids, links (the filter
    adds its state to them), the drill class."""
    from bs4 import BeautifulSoup

    shape = []
    soup = BeautifulSoup(markup, "html.parser")
    for mark in soup.select("button.kr-red"):  # a page's '(red.)' is a control that opens its key (ADR 40)
        mark.replace_with(mark.get_text())
    for node in soup.find_all(True):
        kept = {k: v for k, v in node.attrs.items() if k not in ("id", "href", "data-kr-href")}
        attributes = {k: (" ".join(v) if isinstance(v, list) else v) for k, v in kept.items()}
        if "class" in attributes:
            attributes["class"] = " ".join(c for c in attributes["class"].split() if c != "kr-drill-card")
        texts = [t for t in node.find_all(string=True, recursive=False) if t.strip()]
        shape.append((node.name, sorted(attributes.items()), " ".join(" ".join(t.split()) for t in texts)))
    return shape


# Every point of the partner chart plotly would answer a tap on: (trace, point, length, hover text).
HOVERABLE_JS = """() => document.querySelector('#plot-organisationer').data
  .flatMap((t, i) => t.hoverinfo === 'skip' ? [] : t.x.map((x, j) => [i, j, x, [].concat(t.hovertext || [])[j] || '']))"""


def test_a_zero_part_has_nothing_to_tap_and_one_drill_panel_is_open_at_a_time(data, browser, site_url):
    """On a phone, a tap on the chosen municipality's zero-length bar in the partner chart showed plotly's raw
    '‑0.500', and a bar's panel stayed open after a table cell's opened below it. With any municipality chosen, no
    part of a bar that plotly answers is of length 0; a bar's panel closes when a cell's opens, and the other way."""
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for row in each(data.municipalities.itertuples()):
            open_page(page, f"{site_url}/kommuner/sammenligning.html?kommune={row.slug}")
            draw_every_chart(page)
            zeros = [point for point in page.evaluate(HOVERABLE_JS) if point[2] == 0]
            assert not zeros, f"{row.slug}: {zeros}"
        bars = page.locator("#plot-organisationer .trace.bars .point")
        bars.nth(bars.count() - 1).click(force=True)
        page.locator("#figur-organisationer .kr-drill").wait_for(state="visible")
        page.locator("#figur-maalgrupper-kommune td.kr-marked > button.kr-mark").first.tap()
        page.locator("#figur-maalgrupper-kommune .kr-drill").wait_for(state="visible")
        opened = page.evaluate(
            "() => [...document.querySelectorAll('.kr-drill')].filter((d) => !d.hidden).map((d) => d.closest('figure').id)"
        )
        assert opened == ["figur-maalgrupper-kommune"], opened
        bars.nth(bars.count() - 1).click(force=True)
        page.locator("#figur-organisationer .kr-drill").wait_for(state="visible")
        page.wait_for_function("() => [...document.querySelectorAll('.kr-drill')].filter((d) => !d.hidden).length === 1")
        assert page.locator("#figur-maalgrupper-kommune .kr-drill").is_hidden()
    finally:
        context.close()


def test_drill_through_cards_are_the_books_own_cards(tied_data, tied_url, page, monkeypatch):
    """Drill-through cards are the book's own cards from the page's store: they read exactly like cards.quote_card
    renders them for that page (which links it leaves out as leading back to it: settings.PAGE_VARIABLE)."""
    monkeypatch.setenv(PAGE_VARIABLE, "ingredienser/oversigt")
    open_page(page, f"{tied_url}/ingredienser/oversigt.html")
    draw_every_chart(page)
    groups = {" ".join(g["quote_id"]): g for g in cards.group_turns(tied_data.quotes)}
    page.evaluate(
        """async () => {
            const gd = document.querySelector('#plot-ingrediens-kommune');
            const drill = document.querySelector('#figur-ingrediens-kommune .kr-drill');
            const z = gd.data[0].z, cd = gd.data[0].customdata;
            // every cell with quotes, one after the other, into one list of cards (each drill loads its cards first)
            const cards = [];
            for (const [i, row] of z.entries()) for (const [j, n] of row.entries()) {
                if (n > 0) {
                    const point = {data: gd.data[0], x: gd.data[0].x[j], y: gd.data[0].y[i], pointNumber: [i, j], customdata: cd[i][j]};
                    gd.emit('plotly_click', {points: [point]});
                    await drill.krReady;
                    drill.querySelectorAll('article').forEach((a) => cards.push(a.outerHTML));
                }
            }
            window.__krDrillCards = cards;
        }"""
    )
    shown = page.evaluate("window.__krDrillCards")
    assert shown
    for markup in shown:
        ids = re.search(r'data-quotes="([^"]+)"', markup).group(1)
        # A panel's card words its labels as the page's lists do (ADR 40): an editors' kind bare, said whose once after
        # the panel's cards (ADR 70, cards.drill_note), not '(red.)' on each card.
        short = cards.short_speakers(tied_data, list(groups.values()))
        lifted = cards.kinds_editors(tied_data, list(groups.values()))
        assert card_shape(markup) == card_shape(cards.quote_card(tied_data, groups[ids], short, keyed=True, kinds_lifted=lifted)), ids


# -- long lists (national scale): the rest of the cards travel as JSON rows ---------------------------


@pytest.fixture(scope="module")
def long_list_url(eighth_site) -> Iterator[str]:
    """The report's lists are short; in `eighth_site` (data/ plus an eighth municipality, built once for this and
    tests/test_eighth_municipality.py) every list of more than LONG_LIST_LIMIT cards takes the long path."""
    url, server = serve(eighth_site)
    yield url
    server.shutdown()


def test_long_lists_are_arranged_like_short_ones(eighth_data, long_list_url, page, monkeypatch):
    """A list over the limit ships its first cards as HTML and the rest as JSON rows; arranged, it holds every card."""
    data = load(eighth_data)
    long_pages = 0
    for ingredient in data.ingredients.itertuples():
        groups = cards.group_turns(filters.quotes(data, filters.QuoteFilter(ingredient_id=ingredient.ingredient_id)))
        if len(groups) <= int(LONG_LIST_LIMIT):
            continue
        long_pages += 1
        book_page = data.sections.loc[data.sections["section_id"] == ingredient.section_id, "book_page"].iloc[0]
        monkeypatch.setenv(PAGE_VARIABLE, book_page)  # the cards as the build rendered them for this page
        open_page(page, f"{long_list_url}/{book_page}.html?kommune=alle")
        assert page.locator(".kr-list-nojs").count() == 0, "the no-JavaScript note goes once the filter takes over"
        # Past the first cards, each card is filled in the browser from a JSON row: it must be the card Python renders.
        by_quotes = {" ".join(g["quote_id"]): g for g in groups}
        short = cards.short_speakers(data, groups)  # the list says once whose a held-back speaker's category is
        lifted = cards.kinds_editors(data, groups)  # and, after its cards, whose the kinds' words are (ADR 55)
        shown = page.eval_on_selector_all("section.kr-list .kr-card", "cards => cards.map((c) => c.outerHTML)")
        assert len(shown) == len(groups)
        for markup in shown:
            quotes = re.search(r'data-quotes="([^"]+)"', markup).group(1)
            # The list's cards stand under the page's key, which says once what '(red.)' means (ADR 38); a long quote
            # whose section has another page stands as its first words and a link there (ADR 74).
            assert card_shape(markup) == card_shape(
                cards.quote_card(data, by_quotes[quotes], short, keyed=True, kinds_lifted=lifted, abridged=True)
            ), quotes
        for inferred in (True, False):
            for kommune in [ALL, *data.municipalities["kommunekode"]]:
                choose(page, kommune, inferred)
                view = page.evaluate(VIEW_JS)
                assert sorted(view["lists"][0]["cards"]) == sorted(" ".join(g["quote_id"]) for g in groups)
                check_view(data, view, kommune, inferred, f"{book_page} {kommune} udledte={inferred}")
    assert long_pages, "no ingredient page has a list over the limit"


def test_a_long_list_of_municipalities_is_arranged_like_a_short_one(eighth_data, long_list_url, page, monkeypatch):
    """The overview's municipality list past the limit: every card, each the card Python renders, arranged in every
    view. (Its initiatives stand on the profiles, issue 22.)"""
    monkeypatch.setenv(PAGE_VARIABLE, "kommuner/oversigt")  # the cards as the build rendered them for this page
    data = load(eighth_data)
    assert len(data.municipalities) > int(LONG_LIST_LIMIT)
    open_page(page, f"{long_list_url}/kommuner/oversigt.html")
    municipalities = {r.kommunekode: cards.municipality_card(data, r) for _, r in data.municipalities.iterrows()}
    for markup in page.eval_on_selector_all("section.kr-municipality-list .kr-card", "cards => cards.map((c) => c.outerHTML)"):
        card = municipalities.pop(re.search(r'data-kommune="([^"]+)"', markup).group(1))
        assert card_shape(markup) == card_shape(cards.fact_cards([card])[0]), card["kommune"]
    assert not municipalities, "every municipality has its card"
    for kommune in [ALL, *data.municipalities["kommunekode"]]:
        choose(page, kommune)
        check_view(data, page.evaluate(VIEW_JS), kommune, True, f"kommuner/oversigt {kommune}")


# -- CSV made by the build, compare, print -----------------------------------------------------------


def csv_of(page, link) -> list[list[str]]:
    """The CSV a download link holds (a data: address written by the build), as rows of cells."""
    href = link.get_attribute("href")
    assert href.startswith("data:text/csv;charset=utf-8,")
    text = unquote(href.split(",", 1)[1])
    assert text.startswith("\ufeff") and text.endswith("\r\n"), "UTF-8 with BOM, CRLF"
    return list(csv.reader(io.StringIO(text[1:], newline="")))  # comma-separated, as words.csv_text writes


def table_rows(page, table) -> list[list[str]]:
    """The table's cells' text, a value's note shown apart in its cell (lists._noted) left out: it has its own column in the CSV."""
    return table.evaluate(
        "(t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => { const k = c.cloneNode(true);"
        " k.querySelectorAll('.kr-cell-note').forEach((n) => n.remove()); return k.textContent.replace(/\\s+/g, ' ').trim(); }))"
    )


def as_download(shown: list[list[str]]) -> list[list[str]]:
    """A table as the page shows it, as its CSV holds it: a count column's words in a column of their own beside it."""
    head, rows = count_columns(shown[0], shown[1:])
    return [head, *rows]


def in_documented_order(shown: list[list[str]], heads: list[str]) -> list[list[str]]:
    """A table as the page shows it, its columns in the order of the CSV's documented header (the page may put some
    first, where a phone shows them)."""
    order = [shown[0].index(head) for head in heads]
    return [[row[i] for i in order] for row in shown]


def test_a_table_downloads_as_the_csv_the_build_wrote(data, site_url, page):
    row = data.municipalities.iloc[0]
    open_page(page, f"{site_url}/kommuner/oversigt.html?kommune={row.slug}")
    table = page.locator("#tabel-kommuner")
    link = table.locator("xpath=ancestor::div[contains(@class,'kr-table-wrap')]/following-sibling::p[1]//a[@download]")
    documented = page_headed([provenance.page_table_headings(data.options, "tabel-kommuner", tied=views.any_tied(data))])[0]
    downloaded = page_headed(csv_of(page, link))
    # A name's note is its own column in the CSV and stands apart in the name's cell on the page (reading 21, #8).
    at = downloaded[0].index(lists.NAME_NOTE)
    notes = [row.pop(at) for row in downloaded][1:]
    documented.remove(lists.NAME_NOTE)
    assert downloaded == as_download(in_documented_order(table_rows(page, table), documented))
    shown = table.evaluate("(t) => [...t.querySelectorAll('tbody tr')].map((r) => r.cells[0].textContent.replace(/\\s+/g, ' ').trim())")
    assert any(notes) and all(note in cell for note, cell in zip(notes, shown, strict=True)), (notes, shown)
    assert link.get_attribute("download") == "tabel-kommuner.csv"
    marked = page.eval_on_selector_all("#tabel-kommuner tr.kr-chosen", "rs => rs.map(r => r.cells[0].textContent)")
    assert marked == [row["name"]], "the chosen municipality's row is marked, every row stays"
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "tabel-kommuner.csv"


def test_a_figures_csv_follows_its_variant(tied_data, tied_url, page):
    row = tied_data.municipalities.iloc[0]
    open_page(page, f"{tied_url}/ingredienser/oversigt.html?kommune={row.slug}&udledte=ja")
    figure = page.locator("#figur-citater-pr-ingrediens")
    figure.locator(".kr-figure-data summary").click()
    shown = figure.locator(f'.kr-figure-data div[data-variant~="{row.kommunekode}"]')
    assert shown.is_visible()
    rows = csv_of(page, shown.locator("a[download]"))
    assert figure_headed(rows) == as_download(table_rows(page, shown.locator("table"))) and len(rows) == 1 + len(tied_data.ingredients)


def page_headed(rows: list[list[str]]) -> list[list[str]]:
    """A download's rows with its headings' editors' marks as the page shows them, short (ADR 40): the CSV keeps the
    full words ('Region (redaktionens tilføjelse)'), the page's table says 'Region (red.)'."""
    return [[re.sub(r"\(redaktionens [^)]*\)", "(red.)", h) for h in rows[0]], *rows[1:]] if rows else rows


def figure_headed(rows: list[list[str]]) -> list[list[str]]:
    """A figure's download with its headings as the figure's table shows them: where two or more columns are the
    editors', the table's caption carries the one mark and the headings stand bare (ADR 47); else as page_headed."""
    mark = r"\s*\(redaktionens [^)]*\)"
    if not rows or sum(bool(re.search(mark, h)) for h in rows[0]) < 2:
        return page_headed(rows)
    return [[re.sub(mark, "", h) for h in rows[0]], *rows[1:]]


def test_the_comparison_has_one_selector_and_its_own_side_by_side_picker(data, site_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    codes = list(data.municipalities["kommunekode"])
    chosen = data.municipalities.iloc[4]
    open_page(page, f"{site_url}/kommuner/sammenligning.html?kommune={chosen.slug}")
    assert page.locator("select").count() == 1, "one municipality selector: the book's"

    def shown() -> list[str]:
        return page.eval_on_selector_all(
            ".kr-compare-column",
            """cs => cs.filter(c => c.checkVisibility())
                       .map(c => [c.getBoundingClientRect(), c.dataset.compare])
                       .sort(([a], [b]) => a.top - b.top || a.left - b.left).map(([, code]) => code)""",
        )

    assert shown()[0] == chosen.kommunekode, "the chosen municipality stands first"
    assert page.is_disabled(f".kr-compare-choices input[value='{chosen.kommunekode}']")
    others = page.eval_on_selector_all(".kr-compare-choices input:checked:not(:disabled)", "bs => bs.map(b => b.value)")
    assert shown()[1:] == [c for c in codes if c in others] and others
    page.check(f".kr-compare-choices input[value='{codes[2]}']")
    assert codes[2] in shown() and shown()[0] == chosen.kommunekode
    assert re.search(rf"{len(shown())} kommuner", page.text_content(".kr-compare-status"))
    tops = page.eval_on_selector_all(
        ".kr-compare-column", "cs => cs.filter(c => c.checkVisibility()).map(c => Math.round(c.getBoundingClientRect().top))"
    )
    assert len(set(tops)) < len(tops), "side om side"
    # Print shows exactly what is on screen.
    on_screen = shown()
    page.emulate_media(media="print")
    assert page.eval_on_selector_all(".kr-compare-column", "cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.compare)") == [
        c for c in codes if c in on_screen
    ]
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 375, "height": 800})
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_the_comparisons_first_pair_is_explained_only_while_it_is_the_pair_shown(tied_data, tied_url, page):
    """'Uden andet valg står de to første kommuner … side om side' stayed when the reader had ticked others."""
    rows = list(tied_data.municipalities.itertuples())
    open_page(page, f"{tied_url}/kommuner/sammenligning.html")
    said = page.locator(".kr-compare-default")
    assert said.is_visible()
    page.check(f".kr-compare-choices input[value='{rows[-1].kommunekode}']")
    assert said.is_hidden()
    page.uncheck(f".kr-compare-choices input[value='{rows[-1].kommunekode}']")
    assert said.is_visible()
    choose(page, rows[-2].kommunekode)
    assert said.is_hidden()


def test_the_comparisons_address_names_exactly_the_municipalities_it_shows(tied_data, tied_url, page):
    """From ?sammenlign=a,b, choosing c and then 'Alle kommuner' left c ticked: three stood side by side while the
    address named two, so a shared link showed another set. The filter's choice ticks its box only while it is the
    choice, and the address (?kommune= with ?sammenlign=) names exactly the columns shown, also when none is."""
    rows = list(tied_data.municipalities.itertuples())
    a, b, c = rows[-1], rows[-2], rows[len(rows) // 2]

    def shown() -> set[str]:
        visible = "cs => cs.filter((c) => c.checkVisibility()).map((c) => c.dataset.compare)"
        return set(page.eval_on_selector_all(".kr-compare-column", visible))

    def named() -> set[str]:
        asked = query(page)
        slugs = (asked.get("sammenlign", [""])[0].split(",") if "sammenlign" in asked else []) + asked.get("kommune", [])
        by_slug = tied_data.municipalities.set_index("slug")["kommunekode"]
        return {by_slug[slug] for slug in slugs if slug and slug != ALL}  # ?kommune=alle names no column

    open_page(page, f"{tied_url}/kommuner/sammenligning.html?sammenlign={a.slug},{b.slug}")
    assert shown() == named() == {a.kommunekode, b.kommunekode}
    choose(page, c.kommunekode)
    assert shown() == named() == {a.kommunekode, b.kommunekode, c.kommunekode}
    choose(page, ALL)
    assert shown() == named() == {a.kommunekode, b.kommunekode}, page.url
    assert re.search(r"\b2 kommuner", page.text_content(".kr-compare-status"))
    # Sent to a colleague who had chosen another municipality (or opened in a tab after another tab chose one): the
    # address names the columns, so it opens with the two its sender saw, not with the remembered one as a third
    # (hostile round 12, #4); with no choice, the page's links name none (reader review 5: no ?kommune=alle).
    sent = page.url
    d = rows[0]
    page.evaluate("(slug) => localStorage.setItem('kr-valg', JSON.stringify({kommune: slug, inferred: true}))", d.slug)
    open_page(page, sent)
    assert shown() == {a.kommunekode, b.kommunekode}, sent
    assert page.evaluate("() => window.KR_FILTER.state()")["kommune"] == ALL
    hrefs = page.eval_on_selector_all(
        ".bd-sidebar-primary a.reference.internal[href]:not([href^='#'])", "as => as.map(a => a.getAttribute('href'))"
    )
    assert hrefs and not any(re.search(r"[?&]kommune=", href) for href in hrefs), hrefs
    page.uncheck(f".kr-compare-choices input[value='{a.kommunekode}']")
    page.uncheck(f".kr-compare-choices input[value='{b.kommunekode}']")
    assert shown() == named() == set()
    shared = page.url
    open_page(page, shared)
    assert shown() == set(), "a link that names no municipality shows none, not the first two"
    # Opened without a pick, the page says why the first two stand side by side, and its address names none (the
    # page's own pair is no pick: record 26).
    open_page(page, f"{tied_url}/kommuner/sammenligning.html")
    assert shown() == {rows[0].kommunekode, rows[1].kommunekode} and named() == set(), page.url
    default = page.text_content(".kr-compare-default")
    assert "de to første kommuner i rapportens rækkefølge" in default and f"{rows[0].name} og {rows[1].name}" in default


def test_opening_a_drill_panel_leaves_the_address_as_the_page_opened_with(data, browser, site_url):
    """A tapped cell of the comparison's tables added ?sammenlign= to the address (issue 22, reader review): the page
    wrote its own first pair there. A drill panel is no state of the address on any chart (a shared link opens the
    page as its sender chose it, with no panel open): a cell's or a bar's panel leaves the address as it was, and the
    address names only the columns the reader picked."""
    rows = list(data.municipalities.itertuples())
    context = browser.new_context(locale="da-DK", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for asked in each(["", f"?kommune={rows[2].slug}"]):
            open_page(page, f"{site_url}/kommuner/sammenligning.html{asked}")
            opened = page.url
            assert "sammenlign" not in query(page), opened
            draw_every_chart(page)
            page.locator("#figur-maalgrupper-kommune td.kr-marked > button.kr-mark").first.tap()
            page.locator("#figur-maalgrupper-kommune .kr-drill").wait_for(state="visible")
            assert page.url == opened
            bars = page.locator("#plot-organisationer .trace.bars .point")
            bars.nth(bars.count() - 1).click(force=True)
            page.locator("#figur-organisationer .kr-drill").wait_for(state="visible")
            assert page.url == opened
        page.check(f".kr-compare-choices input[value='{rows[-1].kommunekode}']")
        picked = page.url
        # The choice took the pair's second place (ADR 67): the reader's tick keeps the boxes as they stood, and adds one.
        assert query(page)["sammenlign"] == [",".join(r.slug for r in (rows[0], rows[-1]))], picked
        page.locator("#figur-steder-kommune td.kr-marked > button.kr-mark").first.tap()
        page.locator("#figur-steder-kommune .kr-drill").wait_for(state="visible")
        assert page.url == picked
    finally:
        context.close()


def test_the_ingredient_pages_say_in_which_order_their_quotes_stand_in_every_view(tied_data, tied_url, page):
    """'Citaterne står i rapportens rækkefølge' stood directly above the chosen municipality's quote pulled to the top.
    In every view the sentence shown says the order the cards stand in: the report's, or the chosen municipality's
    first and then the rest in groups, each in the report's order."""
    position = dict(zip(tied_data.quotes["quote_id"], tied_data.quotes["position"], strict=True))
    for row in each(list(tied_data.ingredients.itertuples())):
        book_page = tied_data.sections.set_index("section_id").at[row.section_id, "book_page"]
        open_page(page, f"{tied_url}/{book_page}.html")
        for inferred in (True, False):
            for kommune in [ALL, *tied_data.municipalities["kommunekode"]]:
                choose(page, kommune, inferred)
                page_sentence = page.eval_on_selector_all(
                    ".kr-list-intro [data-kr-chosen]", "ns => ns.filter((n) => n.checkVisibility()).map((n) => n.textContent)"
                )
                said = cards.order_said(tied_data)["false" if kommune == ALL else "true"]
                assert page_sentence == [said], (book_page, kommune, inferred, page_sentence)
                listed = next(lst for lst in page.evaluate(VIEW_JS)["lists"] if lst["kind"] == "quote")
                groups = [g["name"] for g in listed["groups"]]
                assert groups == (["all"] if kommune == ALL else ["chosen", *groups[1:]]), (book_page, kommune, groups)
                for group in listed["groups"]:
                    order = [position[card.split()[0]] for card in group["cards"]]
                    assert order == sorted(order), (book_page, kommune, inferred, group["name"])


def test_the_comparison_tables_of_marks_keep_every_column_and_mark_the_chosen(data, site_url, page):
    chosen = data.municipalities.iloc[4]
    open_page(page, f"{site_url}/kommuner/sammenligning.html?kommune={chosen.slug}")
    tables = page.eval_on_selector_all(
        "table.kr-marks",
        """ts => ts.map(t => ({
            names: [...t.querySelectorAll('thead th[data-kr-mark]')].map(th => th.textContent),
            marked: [...t.querySelectorAll('.kr-chosen')].map(c => c.tagName + (c.tagName === 'TH' ? c.textContent : '')),
            rows: t.tBodies[0].rows.length}))""",
    )
    assert len(tables) == 3
    for table in tables:
        assert table["names"] == list(data.municipalities["name"]), "every column stays"
        heads = [m for m in table["marked"] if m.startswith("TH")]
        assert heads == [f"TH{chosen['name']}"] * len(heads) and 1 <= len(heads) <= 2
        assert table["marked"].count("TD") == table["rows"], "each of the chosen column's cells is marked"


def test_comparison_cards_agree_with_the_profiles(data, site_url, page):
    open_page(page, f"{site_url}/kommuner/sammenligning.html")
    for row in each(data.municipalities.itertuples()):
        tied = filters.quotes(data, filters.QuoteFilter(kommunekode=row.kommunekode))
        text = page.locator(f".kr-compare-column[data-compare='{row.kommunekode}'] ul").last.text_content()
        if len(tied):
            assert "ingen citater knyttet" not in text, row.name


# -- print, dark mode, phones ------------------------------------------------------------------------


def test_print_names_the_selection_and_hides_the_control(data, site_url, page):
    row = data.municipalities.iloc[0]
    open_page(page, f"{site_url}/kommuner/oversigt.html?kommune={row.slug}")
    page.emulate_media(media="print")
    assert page.locator(".kr-filter").is_hidden()
    line = page.locator(".kr-print-selection")
    # The inferred ties are off unless the reader turns them on (ADR 33): the line names only the other position.
    assert line.is_visible() and line.text_content() == f"Udvalg: {row['name']} fremhævet"


@pytest.mark.parametrize("prefers", ["light", "dark"])
def test_the_theme_button_says_which_theme_is_in_use_and_what_a_tap_switches_to(browser, site_url, prefers):
    """The theme button steps dark, light, auto on a light-preferring phone, and the third tap changed nothing
    visible. Its name and tooltip say the theme in use and the next one, in Danish, after every tap."""
    context = browser.new_context(locale="da-DK", color_scheme=prefers)
    page = context.new_page()
    try:
        open_page(page, f"{site_url}/baggrund.html")
        names = browser_module.theme_names(prefers)
        seen = []
        for _ in range(4):
            mode = page.evaluate("() => document.documentElement.dataset.mode")
            button = page.locator(".theme-switch-button").first
            label = button.get_attribute("aria-label")
            tooltip = button.get_attribute("data-bs-original-title") or button.get_attribute("title")
            assert label == tooltip == names[f"{mode}|{prefers}"], (mode, label, tooltip)
            seen.append(mode)
            button.hover()
            page.locator(".tooltip .tooltip-inner").first.wait_for(state="attached")
            button.click()
            page.wait_for_function("(before) => document.documentElement.dataset.mode !== before", arg=mode)
            # Reader 13: the tooltip open under the pointer kept saying the theme before the tap.
            after = names[f"{page.evaluate('() => document.documentElement.dataset.mode')}|{prefers}"]
            page.wait_for_function(
                "(label) => [...document.querySelectorAll('.tooltip .tooltip-inner')].every((t) => t.textContent === label)",
                arg=after,
            )
        assert seen == ["auto", *browser_module.THEME_STEPS[prefers][1:], "auto"]
        assert "følge enheden" in names[f"{prefers}|{prefers}"], "the tap that changes nothing visible says why"
    finally:
        context.close()


def test_charts_follow_the_dark_theme(browser, site_url):
    context = browser.new_context(locale="da-DK", color_scheme="dark")
    page = context.new_page()
    try:
        open_page(page, f"{site_url}/ingredienser/oversigt.html")
        draw_every_chart(page)
        page.locator(".kr-plot").first.scroll_into_view_if_needed()  # charts far from the screen are redrawn on return
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
            """() => document.querySelector('.kr-plot')._fullLayout?.font.color ===
                     getComputedStyle(document.documentElement).getPropertyValue('--pst-color-text-base').trim()"""
        )
        dark = colours()
        assert dark[2].replace(" ", "") == "rgba(0,0,0,0)", "gennemsigtig baggrund, ingen hvid boks"
        page.evaluate("() => { document.documentElement.dataset.theme = 'light'; }")
        page.wait_for_function(
            """() => document.querySelector('.kr-plot')._fullLayout?.font.color ===
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
    for path in each(book_pages(built_site)):
        open_page(phone, f"{site_url}/{path}?kommune={slug}")
        draw_every_chart(phone)
        width = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width == [375, 375], f"{path}: {width}"
        # Rounded: read while the bar slides away with the header (a transform), the box is 43.999996 px tall.
        assert round(phone.locator("#kr-kommune").bounding_box()["height"], 2) >= 44, "tommelfingerstørrelse"
        # A chart fits the screen, or (a wide heatmap) scrolls inside its own frame, which fits.
        boxes = phone.eval_on_selector_all(
            ".kr-plot .main-svg",
            "ss => ss.map(s => (s.closest('.kr-plot-frame') || s).getBoundingClientRect().right)",
        )
        assert all(right <= 376 for right in boxes), f"{path}: {boxes}"


def test_on_a_phone_the_filter_is_a_slim_bar_that_stays_in_reach(data, site_url, phone):
    open_page(phone, f"{site_url}/ingredienser/etablering-af-vi.html")
    box = phone.locator(".kr-filter").bounding_box()
    assert box["height"] <= 120, f"the filter takes {box['height']} px of 800"
    phone.evaluate("() => window.scrollTo(0, document.body.scrollHeight / 2)")
    phone.wait_for_timeout(100)
    select = phone.locator("#kr-kommune").bounding_box()
    assert 0 <= select["y"] <= 200, "the select stays on screen while the page scrolls"
    phone.select_option("#kr-kommune", data.municipalities["kommunekode"].iloc[0])
    phone.wait_for_function("() => window.KR_FILTER.state().kommune !== 'alle'")


def test_a_wide_heatmap_fits_or_scrolls_in_its_frame_with_every_label_on_a_phone(tied_data, tied_url, phone):
    """The report's columns fit a phone; more scroll in the frame (tests/browser/test_phone_reading.py)."""
    open_page(phone, f"{tied_url}/ingredienser/oversigt.html")
    draw_every_chart(phone)
    frame = phone.locator("#figur-ingrediens-kommune .kr-plot-frame")
    assert frame.evaluate("f => f.getBoundingClientRect().right <= window.innerWidth"), "rammen går ikke ud over skærmen"
    assert frame.get_attribute("tabindex") == "0" and frame.get_attribute("aria-label")
    ticks = phone.eval_on_selector_all("#plot-ingrediens-kommune .xtick text", "ts => ts.map(t => t.textContent)")
    assert ticks == [*tied_data.municipalities["name"], "Uden kommune"]


def test_on_a_phone_the_chosen_municipalitys_marks_in_a_table_of_marks_are_in_view(data, site_url, browser):
    """At 320 px a table of marks is a line a row (ADR 67): no table scrolls sideways, and every mark of the last
    municipality, chosen, is a block in view within its table, naming the municipality, with the choice's edge all
    round and its row's name bold, in every table; the chosen municipality has marks in at least one table."""
    context = browser.new_context(locale="da-DK", viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        last = data.municipalities.iloc[-1]
        open_page(page, f"{site_url}/kommuner/sammenligning.html?kommune={last.slug}")
        tables = page.eval_on_selector_all(
            ".kr-marks-wrap",
            """(ws, code) => ws.map(w => {
                const b = w.getBoundingClientRect();
                const marked = [...w.querySelectorAll(`tbody td.kr-marked[data-kr-mark="${code}"]`)];
                return {scrolls: w.scrollWidth > w.clientWidth, marked: marked.length, blocks: marked.map(c => {
                    const r = c.getBoundingClientRect(), style = getComputedStyle(c);
                    return {chosen: c.classList.contains('kr-chosen'), shown: c.checkVisibility(),
                            inside: r.width > 0 && r.left >= b.left - 1 && r.right <= b.right + 1,
                            name: c.querySelector('.kr-mark-where').checkVisibility() && c.querySelector('.kr-mark-where').textContent,
                            edge: style.outlineStyle === 'solid' && parseFloat(style.outlineWidth) >= 3,
                            bold: Number(getComputedStyle(c.closest('tr').querySelector('th')).fontWeight) >= 600};
                })};
            })""",
            last.kommunekode,
        )
        assert len(tables) == 3 and not any(t["scrolls"] for t in tables), tables
        assert sum(t["marked"] for t in tables) > 0, tables
        expected = {"chosen": True, "shown": True, "inside": True, "name": last["name"], "edge": True, "bold": True}
        assert all(block == expected for t in tables for block in t["blocks"]), tables
    finally:
        context.close()


def test_file_url_works_without_a_server(tied_data, tied_site, page):
    """Opened straight from disk (file://): the control, the filter and the charts still work."""
    row = tied_data.municipalities.iloc[0]
    page.goto((tied_site / "ingredienser" / "oversigt.html").as_uri() + f"?kommune={row.slug}")
    page.evaluate("() => window.KR_FILTER.ready")
    draw_every_chart(page)
    check_view(tied_data, page.evaluate(VIEW_JS), row.kommunekode, False, "file://")
    choose(page, ALL)
    assert not re.search(r"[?&]kommune=", page.url), page.url


def test_a_profile_opened_with_no_choice_offers_to_highlight_its_municipality_in_the_rest_of_the_book(data, site_url, page):
    """Reader 14, finding 6: opening a municipality's page from the menu or a shared link left 'Alle kommuner' in the
    filter, so the next page highlighted nothing. With no choice made, the profile offers its own municipality; the
    offer goes once a municipality is chosen."""
    for own in each(list(data.municipalities.itertuples())):
        open_page(page, f"{site_url}/kommuner/profil-{own.slug}.html?kommune={ALL}")
        offer = page.locator(".kr-profile-choose-button")
        assert offer.is_visible() and offer.text_content() == f"Fremhæv {own.name} i resten af bogen", own.slug
        offer.click()
        page.wait_for_function(f"() => window.KR_FILTER.state().kommune === {own.kommunekode!r}")
        assert parse_qs(urlparse(page.url).query)["kommune"] == [own.slug]
        assert not offer.is_visible(), own.slug


# Where a profile's first paragraph stands on the page, and its confirmation as a reader and a screen reader meet it.
CONFIRMED_JS = """() => {
    const said = document.querySelector('.kr-profile-chosen');
    return {lead: document.querySelector('.kr-profile .kr-lead').getBoundingClientRect().top + scrollY,
            text: said.textContent, shown: said.checkVisibility(), role: said.getAttribute('role'),
            live: said.getAttribute('aria-live')};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_a_tap_on_a_profiles_offer_to_highlight_is_confirmed_in_its_place_and_read_out(tied_data, browser, tied_url, width):
    """After "Fremhæv <kommune> i resten af bogen" the button only went away: nothing said that the choice was made
    (issue 22). The build's sentence takes the button's place, read out politely, and the page under it never moves
    down (it moves up by the button's height over the sentence's: an empty band kept it still, reader review 23); a
    later choice takes it away."""
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 667}, locale="da-DK", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    try:
        rows = list(tied_data.municipalities.itertuples())
        for own in each(rows):
            url = f"{tied_url}/kommuner/profil-{own.slug}.html?kommune={ALL}"
            sentence = f"{own.name} er valgt og fremhæves nu i resten af bogen."
            assert sentence in page.request.get(url).text(), "the build wrote it"
            open_page(page, url)
            before = page.evaluate(CONFIRMED_JS)
            assert not before["shown"], own.slug
            page.click(".kr-profile-choose-button")
            page.wait_for_function("(s) => document.querySelector('.kr-profile-chosen').textContent === s", arg=sentence)
            after = page.evaluate(CONFIRMED_JS)
            assert after["shown"] and (after["role"], after["live"]) == ("status", "polite"), (own.slug, after)
            assert after["lead"] < before["lead"] + 1, (own.slug, before, after)
            choose(page, next(r for r in rows if r.kommunekode != own.kommunekode).kommunekode)
            assert not page.evaluate(CONFIRMED_JS)["shown"], own.slug
    finally:
        context.close()


SETTINGS_LOOK_JS = """() => {
    const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
    function f(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }
    const lum = ([r, g, b]) => 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    const toggle = document.querySelector('.kr-filter-toggle');
    const style = getComputedStyle(toggle);
    let bg = null;
    for (let n = toggle.parentElement; n && !bg; n = n.parentElement) {
        const c = getComputedStyle(n).backgroundColor;
        if (!(c.startsWith('rgba') && parseFloat(c.split(',')[3]) < 0.5) && c !== 'transparent') bg = rgb(c);
    }
    const [hi, lo] = [lum(rgb(style.borderTopColor)), lum(bg)].sort((x, y) => y - x);
    return {height: toggle.getBoundingClientRect().height, border: parseFloat(style.borderTopWidth),
            contrast: (hi + 0.05) / (lo + 0.05), underlined: style.textDecorationLine.includes('underline')};
}"""


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_settings_button_looks_like_a_control_a_thumb_can_hit(browser, tied_url, theme):
    """'Indstillinger' read as underlined text, not as something to tap (issue 22, phone reading #5): the bar's
    button that opens the settings is framed, its frame at 3:1 against the bar (WCAG 1.4.11), 44 px high; it opens the
    switch itself, with no second fold."""
    context = browser.new_context(viewport={"width": 375, "height": 667}, locale="da-DK", color_scheme=theme)
    context.add_init_script(f"try {{ localStorage.setItem('mode', '{theme}'); }} catch (e) {{}}")
    page = context.new_page()
    try:
        open_page(page, f"{tied_url}/kommuner/oversigt.html")
        look = page.evaluate(SETTINGS_LOOK_JS)
        assert look["height"] >= 44 and look["border"] >= 1 and look["contrast"] >= 3 and not look["underlined"], look
        page.click(".kr-filter-toggle")
        assert page.locator("#kr-udledte").is_visible()
    finally:
        context.close()


def test_after_back_the_select_shows_the_choice_the_page_shows(data, site_url, page):
    """Reader 15, #1: front page, a municipality's page, its 'Fremhæv …' button, Back: the address and the bar said
    Egedal while the select said 'Alle kommuner' (the browser restored the select's old value over the filter's). The
    page's button chooses its municipality (ADR 58): Back after that."""
    own = data.municipalities.iloc[0]
    open_page(page, f"{site_url}/index.html")
    page.click(f".kr-front a:text-is({own['name']!r})")
    page.wait_for_load_state()
    page.evaluate("() => window.KR_FILTER.ready")
    page.click(".kr-profile-choose-button")
    page.wait_for_function(f"() => window.KR_FILTER.state().kommune === {own.kommunekode!r}")
    page.go_back()
    page.wait_for_load_state()
    page.evaluate("() => window.KR_FILTER.ready")
    state = page.evaluate("() => window.KR_FILTER.state().kommune")
    assert page.eval_on_selector("#kr-kommune", "(s) => s.value") == state, state
