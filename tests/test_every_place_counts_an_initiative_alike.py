"""Every count of initiatives follows one rule, the report's way of presenting them: a project and its numbered
parts (delindsatser) are one initiative, the parts each on a card of their own (reading 21, #2: the front page and
"Kommunerne i tal" counted Rudersdal as 1, the comparison's tables as 3; the front page said "delindsats: 5" where 7
cards said "Delindsats")."""

from __future__ import annotations

import re

import pandas as pd
from bs4 import BeautifulSoup

from kulturensrige.data.schema import INITIATIVES_COUNTED
from kulturensrige.render import charts, front_page, lists
from kulturensrige.rules import statistics
from support.checks import each


def _text(markup) -> str:
    return " ".join(BeautifulSoup(str(markup), "html.parser").get_text(" ").split())


def _table_counts(data) -> dict[str, int]:
    """'Kommunerne i tal': each municipality's initiatives as the overview's table counts them."""
    table = BeautifulSoup(str(lists.municipality_table(data)), "html.parser")
    # The column by its name: the table's order is the layout's (a phone reads the counts first, phone22j).
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    column = next(i for i, head in enumerate(heads) if head.startswith("Indsatser"))
    names = dict(zip(data.municipalities["name"], data.municipalities["kommunekode"], strict=True))
    counts = {}
    for row in table.select("tbody tr"):
        cells = [c.get_text(" ", strip=True) for c in row.select("th, td")]
        code = next(names[n] for n in names if cells[0].startswith(n))
        counts[code] = int(cells[column])
    return counts


def test_the_front_page_the_overview_the_profiles_and_the_comparison_count_an_initiative_alike(data):
    counted = {code: statistics.count_initiatives(rows) for code, rows in data.initiatives.groupby("kommunekode")}
    # Rudersdal's project and its two components are one initiative, as the report presents them (L201-209).
    parts = data.initiatives[data.initiatives["part_of"] != ""]
    assert len(parts) == 2 and set(parts["kommunekode"]) == {"230"} and counted["230"] == 1
    assert _table_counts(data) == counted
    figures = _text(front_page.key_figures(data))
    total = sum(counted.values())
    assert re.search(rf"\b{total} indsatser\b", figures), figures
    # The rule stands once, in the data chapter (front_page.counted_initiatives; reader 24, #1).
    assert INITIATIVES_COUNTED in _text(front_page.counted_initiatives(data))
    for code in each(counted):
        said = statistics.initiative_count(data.initiatives[data.initiatives["kommunekode"] == code])
        assert said.startswith(f"{counted[code]} indsats"), (code, said)
    for chart in each((charts.art_forms_by_municipality, charts.target_groups_by_municipality, charts.settings_by_municipality)):
        made = chart(data)
        variant = next(iter(made.variants.values()))
        table: pd.DataFrame = variant.table
        columns = [(column, code) for column, code in zip(table.columns, variant.marks, strict=True) if code]
        assert columns, made.figure_id
        for column, code in columns:
            assert table[column].max() <= counted[code], (made.figure_id, column, table[column].max())
        assert INITIATIVES_COUNTED in " ".join(str(n) for n in made.notes), made.figure_id


def test_the_front_pages_kinds_add_up_to_its_count_and_every_delindsats_is_part_of_a_project(data):
    """A delindsats is a part of a project, counted with it; the kinds the data chapter gives add up to the front page's
    total (reader 24, #1: the kinds moved from the front page to front_page.counted_initiatives)."""
    delindsats = data.initiative_kinds.loc[data.initiative_kinds["label"] == "Delindsats", "initiative_kind_id"].iloc[0]
    cards_of_kind = data.initiatives[data.initiatives["kind"] == delindsats]
    assert (cards_of_kind["part_of"] != "").all(), list(cards_of_kind["initiative_id"])
    figures = _text(front_page.counted_initiatives(data))
    kinds = re.search(r"\(([^()]*); redaktionens inddeling\)", figures)
    assert kinds, figures
    by_kind = [int(n) for n in re.findall(r": (\d+)", kinds.group(1))]
    assert sum(by_kind) == statistics.count_initiatives(data.initiatives), kinds.group(1)
    assert f"projekt har {len(cards_of_kind)} delindsatser" in figures, figures


def test_the_side_by_side_columns_list_a_projects_parts_as_its_parts(data):
    """The comparison's column listed Rudersdal's project and its two components as three initiatives alike."""
    from kulturensrige.render import comparison

    shown = BeautifulSoup(str(comparison.compare_view(data)), "html.parser")
    for code, rows in each(data.initiatives.groupby("kommunekode")):
        column = shown.select_one(f'[data-compare="{code}"]')
        items = [li.get_text("", strip=True).replace("\u00ad", "") for li in column.find("h4").find_next("ul").select("li")]
        parts = statistics.initiative_parts(rows)
        assert len(items) == len(rows), items
        assert sum(not i.startswith("Delindsats: ") for i in items) == statistics.count_initiatives(rows), items
        assert sum(i.startswith("Delindsats: ") for i in items) == int(parts.sum()), items
