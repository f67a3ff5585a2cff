"""A long list's cards past its first page travel as JSON rows and one card <template> (cards.quote_rows, fact_rows);
kr-lists.js fills a copy of the template per row. Filled in Chromium, every card must be the very card the
Python macro renders for the same quote, for the report's data and for the hostile fixture (tests/hostile.py).
No book is built: the page is the template, the rows and the two scripts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import hostile
from kulturensrige import load
from kulturensrige.data.settings import PAGE_VARIABLE
from kulturensrige.render import browser, cards
from kulturensrige.rules import filters, views

pytestmark = pytest.mark.browser

STATIC = Path(__file__).resolve().parents[2] / "book" / "_static"

FILL_JS = """
() => {
  const rows = [...document.querySelectorAll('script.kr-list-rows')].flatMap((island) => JSON.parse(island.textContent));
  const template = document.querySelector('template.kr-list-card');
  const python = [...document.getElementById('python').content.children];
  return rows.map((row, i) => {
    const card = KR.fill(template.content.firstElementChild.cloneNode(true), row);
    return card.isEqualNode(python[i]) ? '' : `${card.outerHTML}\\n  ≠ (Python)\\n${python[i].outerHTML}`;
  });
}
"""


def card_kinds(data) -> dict[str, tuple[str, str]]:
    """For each kind of card: (every card as Python renders it, the same cards as a card <template> and JSON rows)."""
    quotes = [cards.card_context(data, g) for g in cards.group_turns(data.quotes)]
    initiatives = [cards.initiative_card(data, r) for _, r in data.initiatives.iterrows()]
    municipalities = [cards.municipality_card(data, r) for _, r in data.municipalities.iterrows()]
    # The same cards with each mark their block says once taken off (ADR 31): an organisation's spelling stays.
    lifted, _ = cards.lift_marks(initiatives)
    _, short_cards, short_rows = abridged_quotes(data)
    return {
        "quote": ("".join(cards.quote_card(data, g) for g in cards.group_turns(data.quotes)), cards.quote_rows(data, quotes)),
        "initiative": ("".join(cards.fact_cards(initiatives)), cards.fact_rows(data, initiatives)),
        "municipality": ("".join(cards.fact_cards(municipalities)), cards.fact_rows(data, municipalities)),
        "initiative, its marks said once": ("".join(cards.fact_cards(lifted)), cards.fact_rows(data, lifted)),
        "quote, short on another section's page": (short_cards, short_rows),
    }


def abridged_quotes(data) -> tuple[list[dict], str, str]:
    """Every quote card as an ingredient page's list shows it, made on that page: one from another section's page is
    its first words and a link there (ADR 74). The contexts, the cards Python renders and the template with rows."""
    previous = os.environ.get(PAGE_VARIABLE)
    os.environ[PAGE_VARIABLE] = "ingredienser/etablering-af-vi"
    try:
        contexts = [cards.card_context(data, g, abridged=True) for g in cards.group_records(data.quotes)]
        python = "".join(str(cards.macro("cards.html.j2", "quote_card", c)) for c in contexts)
        return contexts, python, cards.quote_rows(data, contexts)
    finally:
        if previous is None:
            del os.environ[PAGE_VARIABLE]
        else:
            os.environ[PAGE_VARIABLE] = previous


def filled_against_python(page, data, python: str, rest: str) -> list[str]:
    page.set_content(
        f'<!doctype html><html lang="da"><body><template id="python">{python}</template>'
        f'<section class="kr-list">{rest}</section></body></html>'
    )
    page.evaluate("(data) => { window.KR_DATA = data; window.KR = {}; }", browser.browser_data(data))
    for name in ("kr-state.js", "kr-lists.js"):
        page.add_script_tag(content=(STATIC / name).read_text(encoding="utf-8"))
    return page.evaluate(FILL_JS)


def test_every_optional_part_of_a_card_is_in_the_report_data(tied_folder):
    """The comparison below covers each optional part only if the data has a card with it and one without: an inferred
    tie's reason only in the copy of data/ with the editors' former ties (conftest's tied_folder)."""
    data = load(tied_folder)
    contexts = [cards.card_context(data, g) for g in cards.group_turns(data.quotes)]
    for part in ("exchange", "rationale", "reference", "lang", "kind", "ingredients", "tie"):
        assert {bool(c[part]) for c in contexts} == {True, False}, part
    # No quote is stated in the report; a stated tie differs from an inferred one only by its class and words.
    assert {c["tie"] for c in contexts} >= {"", "inferred", "not-stated"}


@pytest.mark.parametrize(
    "kind", ["quote", "initiative", "municipality", "initiative, its marks said once", "quote, short on another section's page"]
)
def test_a_card_filled_from_its_row_is_the_card_python_renders(page, kind):
    data = load()
    mismatches = [m for m in filled_against_python(page, data, *card_kinds(data)[kind]) if m]
    assert not mismatches, f"{len(mismatches)} kort afviger; det første:\n{mismatches[0]}"
    assert any(c["full_href"] for c in abridged_quotes(data)[0]), "a short card is among those compared"


@pytest.mark.parametrize("kind", ["quote", "initiative", "municipality"])
def test_hostile_text_in_a_row_stays_text(page, hostile_folder, kind):
    page.add_init_script("window.__pwned = undefined;")
    data = load(hostile_folder)
    mismatches = [m for m in filled_against_python(page, data, *card_kinds(data)[kind]) if m]
    assert not mismatches, f"{len(mismatches)} kort afviger; det første:\n{mismatches[0]}"
    assert page.evaluate(f"() => window.{hostile.FLAG}") is None


# Every state of the filter in turn: per list, the cards shown at first, and all its cards in order after "Vis flere"
# until the button is gone.
PAGED_JS = """
(states) => states.map((state) => {
  KR.updateLists(state);
  return [...document.querySelectorAll('section.kr-list')].map((list) => {
    const first = list.querySelectorAll('.kr-card').length;
    for (let more = list.querySelector('.kr-more:not([hidden])'); more; more = list.querySelector('.kr-more:not([hidden])'))
      more.click();
    return [first, [...list.querySelectorAll('.kr-card')].map((card) => card.dataset.quotes || card.id)];
  });
})
"""


def test_a_profiles_long_lists_show_every_card_in_the_reports_order_a_page_at_a_time(page, monkeypatch, tied_folder):
    """A profile page's lists past the limit ship one page of cards (tests/test_highlight.py); the page's script
    shows the rest behind "Vis flere", in the report's order whichever municipality is chosen."""
    monkeypatch.setenv("KR_LIST_LIMIT", "1")
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    data = load(tied_folder)  # the report's data tie no quote: a profile would list none

    def lists(code: str) -> list[list[str]]:
        quotes = cards.group_turns(filters.quotes(data, filters.QuoteFilter(kommunekode=code)))
        initiatives = filters.initiatives(data, code).sort_values("position")
        return [[f"indsats-{i}" for i in initiatives["initiative_id"]], [" ".join(g["quote_id"]) for g in quotes]]

    # The municipality whose shorter list is the longest: few quotes are tied to any one (the stjernestunder untied).
    code = max(data.municipalities["kommunekode"], key=lambda c: min(len(cards_) for cards_ in lists(c)))
    expected = lists(code)
    assert min(len(cards_) for cards_ in expected) > views.PAGE_SIZE, "both lists are long"
    sections = f"{cards.initiative_list(data, code)}{cards.quotes_for_municipality(data, code)}"
    page.set_content(f'<!doctype html><html lang="da"><body><div class="kr-profile"></div>{sections}</body></html>')
    page.evaluate("(data) => { window.KR_DATA = data; window.KR = {}; }", {**browser.browser_data(data), "pageSize": views.PAGE_SIZE})
    for name in ("kr-state.js", "kr-lists.js"):
        page.add_script_tag(content=(STATIC / name).read_text(encoding="utf-8"))
    states = [
        {"kommune": kommune, "inferred": inferred}
        for kommune in (filters.ALL, *data.municipalities["kommunekode"])
        for inferred in (True, False)
    ]
    assert page.evaluate(PAGED_JS, states) == [[[views.PAGE_SIZE, ids] for ids in expected]] * len(states)
