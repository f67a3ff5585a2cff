"""Counts behind every chart, computed once in Python; the browser only ever shows them.

A quote is counted per row of quotes.csv: in an exchange each turn counts on its own, since its
speaker and ingredients are its own.
"""

from __future__ import annotations

from typing import cast

import pandas as pd

from kulturensrige.data.loading import Dataset
from kulturensrige.rules import filters

NOT_STATED_COLUMN = "ikke angivet"


def quotes_by_ingredient_and_speaker(data: Dataset, quotes: pd.DataFrame) -> pd.DataFrame:
    """Rows: ingredient × speaker category with count and the quote ids behind it (all pairs present)."""
    long = filters.explode(quotes, "ingredient_ids")
    grid = pd.MultiIndex.from_product(
        [data.ingredients.sort_values("number")["ingredient_id"], data.speaker_categories["speaker_category_id"]],
        names=["ingredient_id", "speaker_category"],
    )
    grouped = long.groupby(["ingredient_ids", "speaker_category"])["quote_id"].agg(list)
    grouped.index.names = ["ingredient_id", "speaker_category"]
    result = grouped.reindex(grid).map(lambda ids: ids if isinstance(ids, list) else []).rename("quote_ids").reset_index()
    result["count"] = result["quote_ids"].map(len)
    return result


def quote_ids_by_municipality_and_ingredient(data: Dataset, quotes: pd.DataFrame) -> dict[tuple[str, str], list[str]]:
    """(kommunekode, ingredient_id) -> the quote ids behind it, in the order quotes_by_ingredient_and_speaker lists
    one municipality's (by speaker category, then as in the table): counted once for every municipality."""
    long = filters.explode(quotes, "ingredient_ids")
    rank = {category: n for n, category in enumerate(data.speaker_categories["speaker_category_id"])}
    long = long.assign(_rank=long["speaker_category"].map(rank)).dropna(subset=["_rank"]).sort_values("_rank", kind="stable")
    grouped = long.groupby(["kommunekode", "ingredient_ids"], sort=False)["quote_id"].agg(list)
    return {cast("tuple[str, str]", pair): ids for pair, ids in grouped.items()}  # grouped by two columns: pairs


def ingredient_municipality_matrix(data: Dataset, quotes: pd.DataFrame, kommunekoder: list[str]) -> pd.DataFrame:
    """Rows: ingredient × municipality column (plus 'ikke angivet'), count and quote ids."""
    long = filters.explode(quotes, "ingredient_ids")
    column = long["kommunekode"].where(long["kommunekode"] != "", NOT_STATED_COLUMN)
    grouped = long.assign(column=column).groupby(["ingredient_ids", "column"])["quote_id"].agg(list)
    grouped.index.names = ["ingredient_id", "column"]
    grid = pd.MultiIndex.from_product(
        [data.ingredients.sort_values("number")["ingredient_id"], [*kommunekoder, NOT_STATED_COLUMN]],
        names=["ingredient_id", "column"],
    )
    result = grouped.reindex(grid).map(lambda ids: ids if isinstance(ids, list) else []).rename("quote_ids").reset_index()
    result["count"] = result["quote_ids"].map(len)
    return result


def initiatives_by_vocabulary(data: Dataset, initiatives: pd.DataFrame, column: str, vocabulary: str, key: str) -> pd.DataFrame:
    """Rows: vocabulary item × municipality with the number of initiatives naming it (zeros kept)."""
    long = filters.explode(initiatives, column)
    counts = long.groupby([column, "kommunekode"])["initiative_id"].nunique()
    counts.index.names = ["item", "kommunekode"]
    kommunekoder = list(dict.fromkeys(initiatives["kommunekode"])) or list(data.municipalities["kommunekode"])
    grid = pd.MultiIndex.from_product([data.tables[vocabulary][key], kommunekoder], names=["item", "kommunekode"])
    return counts.reindex(grid, fill_value=0).rename("count").reset_index()


def initiative_ids_by_vocabulary(initiatives: pd.DataFrame, column: str) -> dict[tuple[str, str], list[str]]:
    """(item, kommunekode) -> the initiatives naming the item, in their order: the ones initiatives_by_vocabulary counts."""
    cells: dict[tuple[str, str], list[str]] = {}
    for initiative_id, kommunekode, items in initiatives[["initiative_id", "kommunekode", column]].itertuples(index=False):
        for item in dict.fromkeys(items):
            cells.setdefault((str(item), str(kommunekode)), []).append(str(initiative_id))
    return cells


def organisations_by_kind(data: Dataset, initiatives: pd.DataFrame) -> pd.DataFrame:
    """How often partners of each kind are named across the selected initiatives."""
    long = filters.explode(initiatives[["initiative_id", "organisation_ids"]], "organisation_ids").merge(
        data.organisations[["organisation_id", "kind"]], left_on="organisation_ids", right_on="organisation_id"
    )
    return long.groupby("kind")["organisation_id"].nunique().rename("count").reset_index().sort_values("count", ascending=False)


def organisations_by_municipality_and_kind(data: Dataset, initiatives: pd.DataFrame) -> dict[tuple[str, str], int]:
    """(kommunekode, kind) -> organisations_by_kind's count for that municipality's initiatives, for every one at once."""
    long = filters.explode(initiatives[["initiative_id", "kommunekode", "organisation_ids"]], "organisation_ids").merge(
        data.organisations[["organisation_id", "kind"]], left_on="organisation_ids", right_on="organisation_id"
    )
    counts = long.groupby(["kommunekode", "kind"])["organisation_id"].nunique()
    return {cast("tuple[str, str]", pair): int(n) for pair, n in counts.items()}  # grouped by two columns: pairs
