"""One answer to "which quotes are municipality X's" (rules/views.py), and every place that shows quotes takes it.

The data mixes what the places used to decide each in their own way: a stated tie, an inferred tie, an exchange
tied as one card, a quote from a cited work, and untied quotes. A second dataset adds, in memory, what the
validator now forbids in a data folder (a cited work with a kommunekode): the lists, the filters and the editions
used to count that quote as the municipality's, the charts and the highlight did not.
"""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import pytest

from kulturensrige import DataError, Dataset, load
from kulturensrige.edition import editions
from kulturensrige.explorer.app import results_html
from kulturensrige.render import browser, cards, charts, highlight, lists
from kulturensrige.rules import attribution, filters, statistics, views
from support.folders import with_inferred_ties
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
CODE = "259"  # Køge
# Each row's new (kommunekode, attribution, rationale, ingredient_ids); the exchange x1 is q016 and q017.
MIX = {
    "q009": ("259", "stated", "", None),
    "q010": ("259", "inferred", "Redaktionens læsning af afsnittet.", None),
    "q016": ("259", "stated", "", None),
    "q017": ("259", "stated", "", None),
    "q011": ("240", "stated", "", None),
    "q004": ("", "not stated", "", "etablering-af-vi"),  # a cited work (jensen2022): general, with an ingredient
}
# Køge's quotes, by hand: q037 is the editors' former inferred tie to Køge, kept in the tests' tied copy of data/
# (support.folders.with_inferred_ties; the report's data tie none: docs/adr/0033).
EXPECTED = {True: {"q009", "q010", "q016", "q017", "q037"}, False: {"q009", "q016", "q017"}}


def write_mix(folder: Path, changes: dict = MIX) -> Path:
    with_inferred_ties(folder)
    path = folder / "quotes.csv"
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    for row in rows:
        if row["quote_id"] in changes:
            code, level, rationale, ingredients = changes[row["quote_id"]]
            row.update(kommunekode=code, attribution=level, attribution_rationale=rationale)
            if ingredients is not None:
                row["ingredient_ids"] = ingredients
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return folder


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Dataset:
    return load(write_mix(tmp_path_factory.mktemp("mix") / "data"))


def cited_with_code(data: Dataset) -> Dataset:
    """The mix with the cited work tied to Køge: what the validator forbids in a folder, built in memory."""
    quotes = data.quotes.copy()
    quotes.loc[quotes["quote_id"] == "q004", ["kommunekode", "attribution"]] = [CODE, "stated"]
    return Dataset(folder=data.folder, tables={**data.tables, "quotes": quotes}, fingerprint="i-hukommelsen")


@pytest.fixture(scope="module", params=["mix", "cited-work-with-code"])
def data(request, mixed) -> Dataset:
    return mixed if request.param == "mix" else cited_with_code(mixed)


def ids(frame) -> set[str]:
    return set(frame["quote_id"])


def with_ingredients(data: Dataset, quote_ids: set[str]) -> set[str]:
    q = data.quotes
    return ids(q[q["quote_id"].isin(quote_ids) & (q["ingredient_ids"].map(len) > 0)])


def joined(cells) -> set[str]:
    return {i for cell in cells for i in str(cell).split()}


def test_the_rule_gives_koege_its_stated_inferred_and_exchange_quotes_and_never_the_cited_work(data):
    for inferred in (True, False):
        assert ids(views.quotes_of(data.quotes, CODE, inferred)) == EXPECTED[inferred]
    assert {"q001", "q004"} <= ids(views.general_quotes(data.quotes)), "cited works are general"


def test_every_place_takes_the_rules_answer(data):
    groups = cards.group_records(data.quotes)
    items = views.quote_items(groups)
    bars, matrix = charts.quotes_per_ingredient(data), charts.ingredient_municipality_matrix(data)
    checked = 0
    for key, code, inferred in views.states(data):
        if code == views.ALL:
            continue
        mine = ids(views.quotes_of(data.quotes, code, inferred))
        # The explorer and the static book's lists: the chosen group of the one list view.
        chosen = highlight.list_view(data, items, views.QUOTE, code, inferred)["groups"][0]
        assert chosen[0] == "chosen"
        assert {row["quote_id"] for i in chosen[2] for row in groups[i]} == mine, key
        assert ids(filters.quotes(data, filters.QuoteFilter(kommunekode=code, include_inferred=inferred))) == mine, key
        status, _cards = results_html(data, filters.QuoteFilter(kommunekode=code, include_inferred=inferred))
        told = re.match(r"[^:]+: (\d+) citat", status)
        assert (int(told.group(1)) if told else 0) == len(mine), status
        # The charts' variants for the same view.
        traces = bars.variants[key].figure["data"]  # the municipality's part of each piece first, the rest faint after
        marked = traces[: len(traces) // 2] if any("muted" in t.get("meta", {}) for t in traces) else []  # none: none dimmed
        assert joined(c for t in marked for c in t.get("customdata", [])) == with_ingredients(data, mine), key
        column = matrix.axes.codes.index(code)
        cells = [row[column] for row in matrix.variants[views.state_key(views.ALL, inferred)].figure["data"][0]["customdata"]]
        assert joined(cells) == with_ingredients(data, mine), key
        if inferred:
            # A profile page, its ingredient evidence and the municipality's printed edition.
            page = cards.quotes_for_municipality(data, code).markup
            assert joined(re.findall(r'data-quotes="([^"]*)"', page)) == mine, code
            # The evidence as the switch on shows it: the part for the switch off left out (highlight.by_switch).
            evidence = re.sub(r'<div data-kr-inferred="off">.*?</div>$', "", lists.municipality_ingredients(data, code).markup, flags=re.S)
            counted = sum(int(n) for n in re.findall(r"(\d+) citat", evidence))
            if mine:
                assert counted == sum(len(i) for i in data.quotes.loc[data.quotes["quote_id"].isin(mine), "ingredient_ids"]), code
            else:  # the note says whose ties there are, and how many (rules/attribution.tie_counts)
                assert html.escape(attribution.tie_counts(statistics.quote_tally(data), data.options), quote=False) in evidence, code
            printed = editions.ingredient_items(data, code)
            assert {i for item in printed for quote in item["own"] for i in quote["ids"]} == with_ingredients(data, mine)
            general = {i for item in printed for quote in item["general"] for i in quote["ids"]}
            assert general <= ids(views.general_quotes(data.quotes)) and "q004" in general
            assert not any(quote["own"] for item in printed for quote in item["general"])
        checked += 1
    assert checked == 2 * len(data.municipalities)


def test_the_charts_and_the_browser_name_the_rules_views(data):
    every = [key for key, _code, _inferred in views.states(data)]
    assert list(charts.quotes_per_ingredient(data).variants) == every
    assert list(charts.art_forms_by_municipality(data).variants) == [k for k, _c, inferred in views.states(data) if inferred]
    published = browser.browser_data(data)
    assert published["keys"] == views.state_keys(data) and published["nearest"] == views.nearest_views(data)


def test_the_validator_forbids_what_the_rule_cannot_place(tmp_path: Path):
    """A cited work tied to a municipality, and an exchange split between ties: one clear line each, no traceback."""
    folder = write_mix(tmp_path / "data", {**MIX, "q004": (CODE, "stated", "", ""), "q017": ("", "not stated", "", None)})
    with pytest.raises(DataError) as raised:
        load(folder)
    assert [str(p) for p in raised.value.problems] == [
        (
            "data/quotes.csv, række 5, kolonne kommunekode: '259' — skal være tom for et citat fra et citeret værk "
            "(reference_key 'jensen2022')"
        ),
        (
            # The row as a spreadsheet shows it (header = row 1), though q013's text above it holds the report's
            # paragraph break (two line feeds) and so spans three of the file's lines (hostile review 22, #4).
            "data/quotes.csv, række 18, kolonne kommunekode: '' — skal være som i ordvekslingens første replik ('259'): "
            "ordvekslingen 'x1' er ét kort"
        ),
    ]
    result = run_script("validate_data", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[:2] == [str(p) for p in raised.value.problems]
