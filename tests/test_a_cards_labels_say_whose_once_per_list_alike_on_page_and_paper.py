"""Reading s24, F2, F6 and F7 (ADR 70): a card's labels were said whose four ways: bare under a folded note on a page,
"Ordveksling (red.)" inline beside a bare "Interviewcitat" on Gnist og flamme, "Interviewcitat (redaktionens
betegnelse)" on every card of the municipal PDFs, bare in the whole-book PDF but "Ordveksling (redaktionens
betegnelse)". The one rule: no card label carries a mark of its own in any medium; a note after each list says once
which of its cards' words are the editors', naming only the words its own cards carry (F7: „kort udsagn“ was named on
pages with none), in the same words on the page, in every PDF and in kilder.csv. An initiative block and an
ingredient's texts say whose they are in one wording everywhere (F6), and the whole-book PDF prints a block's note as
the editions do, without the web's "(red.) Hvorfor?" (F7)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.data import provenance
from kulturensrige.data.schema import BY_EDITORS
from kulturensrige.render import cards, lists
from kulturensrige.rules import filters
from support.checks import each
from test_pdf import REPO, pdf_text, squeeze
from test_pdf import report_site as report_site  # the fixture: the built book with its PDFs, printed once per run

SHORT = re.compile(r"(?<![»„])\(red\.\)")
ANALYSTS = ("om-data/", "genindex", "search", "_")
QUOTED = re.compile(r"„([^“]+)“")


def _kinds(data) -> tuple[dict[str, str], set[str]]:
    """Each quote kind's label, and the editors' kinds."""
    kinds = data.tables["quote_kinds"]
    labels = dict(zip(kinds["quote_kind_id"], kinds["label"], strict=True))
    editors = {str(k.quote_kind_id) for k in kinds.itertuples() if provenance.row_source(data.options, str(k.label_source)) == BY_EDITORS}
    return labels, editors


def page_problems(site: Path, data) -> list[str]:
    """Every list of quote cards on every reader page: no kind with a mark of its own, and a note after the list that
    names exactly the editors' words its cards carry, and no other kind's word."""
    labels, editors = _kinds(data)
    words = {label.lower() for label in labels.values()}
    quotes = data.quotes.set_index("quote_id")
    found = []
    for page in sorted(site.rglob("*.html")):
        name = str(page.relative_to(site))
        if name.startswith(ANALYSTS):
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article.bd-article")
        if article is None:
            continue
        for gone in article.select("script, template, [popover]"):
            gone.decompose()
        for block in article.select("section.kr-quote-list"):
            shown = block.select("article.kr-quote[data-quotes]")
            if not shown:
                continue
            carried = set()
            for card in shown:
                kind = card.select_one(".kr-kind")
                if kind is not None and SHORT.search(kind.get_text()):
                    found.append(f"{name}: a mark on the card's kind: {kind.get_text(' ', strip=True)}")
                kind_id = quotes.at[card["data-quotes"].split()[0], "kind"]
                carried |= {labels[kind_id]} if kind_id in editors else set()
            note = block.find_next_sibling()
            said = note.get_text(" ") if note is not None and "kr-whose-note" in note.get("class", []) else ""
            named = {w.lower() for w in QUOTED.findall(said) if w.lower() in words}
            if named != {label.lower() for label in carried}:
                found.append(f"{name}: the list's cards carry {sorted(carried)}, its note names {sorted(named)}")
    return found


def _printed(site: Path, data) -> dict[str, str]:
    texts = {"kulturens-rige": pdf_text(site / "pdf" / "kulturens-rige.pdf", "Kulturens Rige")}
    for row in data.municipalities.itertuples():
        texts[row.slug] = pdf_text(site / "pdf" / f"kulturens-rige-{row.slug}.pdf", f"Kulturens Rige – {row.name}")
    return texts


def paper_problems(site: Path) -> list[str]:
    """Every PDF: no kind with a mark of its own, the note after each list in the page's words, an initiative block and
    an ingredient's texts said whose in the page's words, and no web control ("Hvorfor?")."""
    data, found = load(REPO / "data"), []
    labels, editors = _kinds(data)
    full = squeeze(provenance.owner_mark(provenance.value_label(data.options, "quote_kinds.label_source")))
    ingredient = data.ingredients.iloc[0]
    definition, told = lists.ingredient_texts(data, ingredient)
    for name, text in _printed(site, data).items():
        for label in {labels[k] for k in editors}:
            if squeeze(label) + full in text:
                found.append(f"{name}: {label} {full} on a card")
        if squeeze("Kortenes „") not in text:
            found.append(f"{name}: no note says whose the cards' words are")
        if "Hvorfor?" in text:
            found.append(f"{name}: the web's „Hvorfor?“ printed {text.count('Hvorfor?')} times")
        if name != "kulturens-rige":
            # The line a municipality's page says after its initiatives (cards.block_lifted, one rule for both).
            rows = filters.initiatives(data, data.municipalities.set_index("slug").at[name, "kommunekode"])
            block = squeeze(cards.initiatives_whose(data, *cards.block_lifted(data, rows)).line)
            if block not in text:
                found.append(f"{name}: the initiative block is not said whose in the page's words: {block}")
            if squeeze(str(told)) not in text or squeeze(str(definition)) + squeeze(str(ingredient.description))[:20] not in text:
                found.append(f"{name}: {ingredient['name']}'s texts are not marked as on its page")
    return found


def sources_problems(files: dict[str, str]) -> list[str]:
    rows = list(csv.reader(io.StringIO(files["kilder.csv"].lstrip("\ufeff"))))
    said = {f"{r[0].removesuffix('.csv')}.{r[1]}": r[3] for r in rows[1:]}
    return [
        value
        for value in ("quotes.kind", "quote_kinds.label", "initiatives.kind", "initiatives.status")
        if provenance.LABELS_ONCE not in said[value]
    ]


def test_the_list_of_quote_cards_names_only_the_editors_words_its_own_cards_carry(data):
    for ingredient in each(list(data.ingredients["ingredient_id"])):
        groups = cards.group_records(data.quotes[data.quotes["ingredient_ids"].map(lambda ids, i=ingredient: i in ids)])
        whose = cards.kinds_whose(data, groups)
        labels, editors = _kinds(data)
        carried = {labels[g[0]["kind"]] for g in groups if g[0]["kind"] in editors}
        named = set(QUOTED.findall(whose.line + whose.about)) if whose else set()
        assert named == carried, (ingredient, named)


def test_one_word_of_two_owners_in_one_list_names_the_editors_cards_by_their_speakers(data):
    """Where a list holds the report's "Ordveksling" and the editors', the note names the editors' by its speakers."""
    groups = cards.group_records(data.quotes[data.quotes["kind"].isin(["ordveksling", "ordveksling-uden-navn"])])
    whose = cards.kinds_whose(data, groups)
    assert whose is not None and "„Ordveksling“ ved " in whose.line, whose
    for group in groups:
        speakers = " og ".join(dict.fromkeys(r["shown_role"] for r in group))
        assert (speakers in whose.line) == (group[0]["kind"] == "ordveksling-uden-navn"), speakers


def test_kilder_csv_says_where_a_cards_labels_are_said_whose(data, data_downloads):

    assert not sources_problems(data_downloads)


@pytest.mark.build
def test_no_page_marks_a_cards_kind_and_each_list_says_its_own_editors_words_once(built_site: Path, data):
    assert not page_problems(built_site, data)


@pytest.mark.build
@pytest.mark.long
def test_every_pdf_says_a_cards_labels_whose_once_per_list_in_the_pages_words(report_site: Path):
    assert not paper_problems(report_site)


def test_a_drill_panels_cards_show_their_kinds_bare_and_the_panel_names_once_only_the_editors_kinds_it_shows(data):
    """Reader s25a, finding 11: the drill panel on ingredienser/oversigt showed „Interviewcitat (red.)“ on each card,
    while the page's lists show kinds bare with one note after the list (ADR 70). The panel's cards (quote_store) are
    bare, and each cell the build prepares carries its own note, naming only the editors' kinds of the cards it shows."""
    import json

    from kulturensrige.render import charts

    labels, editors = _kinds(data)
    store = BeautifulSoup(str(cards.quote_store(data)), "html.parser")
    rows = json.dumps([json.loads(s.string) for s in store.select("script[type='application/json']")], ensure_ascii=False)
    for kind in editors:
        assert f"{labels[kind]} {provenance.page_mark(provenance.value_label(data.options, 'quote_kinds.label_source'))}" not in rows
        assert not re.search(re.escape(labels[kind]) + r" \(red", rows), kind
    kind_of = dict(zip(data.quotes["quote_id"], data.quotes["kind"], strict=True))
    card_of = dict(zip(data.quotes["quote_id"], cards.card_keys(data.quotes), strict=True))
    first_kind = {card_of[q]: kind_of[q] for q in data.quotes.sort_values(["position", "turn"])["quote_id"][::-1]}
    drawn = (charts.quotes_per_ingredient(data), charts.ingredient_municipality_matrix(data))
    cells = [cell for chart in drawn for cell in chart.payload()["drill"]]
    noted = 0
    for ids, _heading, note in each(cells):
        shown = {labels[first_kind[card_of[q]]] for q in ids.split()} if ids else set()
        named = set(QUOTED.findall(note.split(" er redaktionens")[0])) if note else set()
        theirs = {labels[first_kind[card_of[q]]] for q in ids.split() if first_kind[card_of[q]] in editors}
        assert named == theirs and named <= shown, (ids, note)
        noted += bool(note)
    assert noted
    panel = BeautifulSoup(str(charts.quotes_per_ingredient(data).html()), "html.parser").select_one(".kr-drill")
    assert panel is not None and panel.select_one(".kr-drill-cards + .kr-drill-kinds") is not None
