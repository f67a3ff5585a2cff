"""Counts behind every chart, computed once in Python; the browser only ever shows them.

A quote is counted per row of quotes.csv: in an exchange each turn counts on its own, since its
speaker and ingredients are its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import cast

import pandas as pd

from kulturensrige.data.frames import made_once_from
from kulturensrige.data.loading import Dataset
from kulturensrige.rules import filters
from kulturensrige.words import number, plural

NOT_STATED_COLUMN = "ikke angivet"


def initiative_parts(initiatives: pd.DataFrame) -> pd.Series:
    """Which rows are parts of a whole initiative among these rows (initiatives.part_of): a project's components
    stand on cards of their own but are not initiatives of their own."""
    return initiatives["part_of"].isin(initiatives["initiative_id"]) & (initiatives["part_of"] != "")


def initiative_wholes(initiatives: pd.DataFrame) -> pd.Series:
    """Each row's initiative as the book counts it (schema.INITIATIVES_COUNTED): a part's project, or the row itself."""
    return initiatives["part_of"].where(initiative_parts(initiatives), initiatives["initiative_id"])


def count_initiatives(initiatives: pd.DataFrame) -> int:
    """How many initiatives these rows are under the book's one counting rule (schema.INITIATIVES_COUNTED): every
    count of initiatives, on every page, chart and edition, is this one (reading 21: Rudersdal was 1 and 3)."""
    return int(initiative_wholes(initiatives).nunique())


def initiative_count(initiatives: pd.DataFrame) -> str:
    """How many initiatives these rows are, each whole counted once with its parts said beside it (a reader counted
    Rudersdal's project and its two components as three initiatives when the front page said 15)."""
    wholes = count_initiatives(initiatives)
    parts = with_parts(initiatives)
    counted = plural(wholes, "indsats", "indsatser")
    if parts and wholes == 1:
        return f"{counted} og dens {parts.removeprefix('1 med ')}"
    return f"{counted}, heraf {parts}" if parts else counted


def with_parts(initiatives: pd.DataFrame) -> str:
    """'1 med 2 dele på hvert sit kort': how many of these initiatives have parts and how many, or '' if none has."""
    parts = initiative_parts(initiatives)
    if not parts.any():
        return ""
    wholes = initiatives.loc[parts, "part_of"].nunique()
    return f"{number(wholes)} med {plural(int(parts.sum()), 'del', 'dele')} på hvert sit kort"


@dataclass(frozen=True)
class QuoteTally:
    """How the book's quote counts fit together, all in the book's unit (a quote is a row, a turn of an exchange
    counts on its own): the report's printed quotations, the literature, and the ties to ingredients."""

    total: int  # the book's quotes: every count on a page is a part of this
    printed: int  # quotations as the report prints them: an exchange of turns counts once
    exchanges: int
    turns: int  # the quotes that are turns of an exchange
    cited: int  # quotes from cited works (the literature)
    with_ingredient: int  # quotes that support at least one ingredient
    several: int  # of those, the quotes that support more than one
    by_ingredient: dict[str, int]  # ingredient_id -> its quotes, in the ingredients' order
    without_sections: list[str]  # section titles of the quotes that support no ingredient, in the report's order
    # ingredient_id -> whose its quotes' ties are (data/provenance.py's sources) -> how many: by_ingredient in parts
    by_ingredient_source: dict[str, dict[str, int]] = field(default_factory=dict)
    # whose the ties are -> how many quotes, each once however many ingredients it supports (ties_by_source counts ties)
    quotes_by_source: dict[str, int] = field(default_factory=dict)
    stated: int = 0  # of the quotes from the evaluation itself (not the literature), those with a stated municipality
    inferred: int = 0  # and those with an inferred one

    def ties_by_source(self) -> dict[str, int]:
        """Whose the quotes' ties to the ingredients are, over all the ingredients: a quote counts at each of its."""
        summed: dict[str, int] = {}
        for counts in self.by_ingredient_source.values():
            for source, n in counts.items():
                summed[source] = summed.get(source, 0) + n
        return summed

    @property
    def without(self) -> int:
        return self.total - self.with_ingredient

    @property
    def own(self) -> int:
        return self.total - self.cited


def quote_tally(data: Dataset) -> QuoteTally:
    """The one tally the front page and the ingredient pages word their quote counts from, made once per quotes,
    ingredients and sections tables: each of 98 national profile pages words it, and making it anew took half of
    their quote lists' time."""
    return made_once_from((data.quotes, data.ingredients, data.sections), "quote tally", lambda: _quote_tally(data))


def _quote_tally(data: Dataset) -> QuoteTally:
    quotes = data.quotes
    in_exchange = quotes["exchange_id"] != ""
    exchanges = int(quotes.loc[in_exchange, "exchange_id"].nunique())
    ingredients = quotes["ingredient_ids"].map(len)
    own = quotes[quotes["reference_key"] == ""] if "reference_key" in quotes else quotes
    order = data.ingredients.sort_values("number")["ingredient_id"]
    by_ingredient = {str(i): int(quotes["ingredient_ids"].map(lambda ids, i=i: i in ids).sum()) for i in order}
    by_source = {
        str(i): {
            str(s): int(n)
            for s, n in quotes.loc[quotes["ingredient_ids"].map(lambda ids, i=i: i in ids), "ingredient_tie"].value_counts().items()
        }
        for i in order
    }
    titles = dict(zip(data.sections["section_id"], data.sections["title"], strict=True))
    without = quotes.loc[ingredients == 0].sort_values("position")["section_id"]
    return QuoteTally(
        total=len(quotes),
        printed=int((~in_exchange).sum()) + exchanges,
        exchanges=exchanges,
        turns=int(in_exchange.sum()),
        cited=int((quotes["reference_key"] != "").sum()) if "reference_key" in quotes else 0,
        with_ingredient=int((ingredients > 0).sum()),
        several=int((ingredients > 1).sum()),
        by_ingredient=by_ingredient,
        without_sections=[titles.get(s, s) for s in dict.fromkeys(without)],
        by_ingredient_source=by_source,
        quotes_by_source={str(s): int(n) for s, n in quotes.loc[ingredients > 0, "ingredient_tie"].value_counts().items()},
        stated=int((own["attribution"] == "stated").sum()),
        inferred=int((own["attribution"] == "inferred").sum()),
    )


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


def quote_ids_by_municipality_ingredient_and_speaker(data: Dataset, quotes: pd.DataFrame) -> dict[tuple[str, str, str], list[str]]:
    """(kommunekode, ingredient_id, speaker_category) -> the quote ids behind it: one municipality's part of each
    piece of quotes_by_ingredient_and_speaker's bars, counted once for every municipality."""
    long = filters.explode(quotes, "ingredient_ids")
    grouped = long.groupby(["kommunekode", "ingredient_ids", "speaker_category"], sort=False)["quote_id"].agg(list)
    return {cast("tuple[str, str, str]", key): ids for key, ids in grouped.items()}  # grouped by three columns


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
    # A project and its parts naming the same item are one initiative (count_initiatives).
    long = filters.explode(initiatives.assign(whole=initiative_wholes(initiatives)), column)
    counts = long.groupby([column, "kommunekode"])["whole"].nunique()
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


def organisation_ties(data: Dataset, initiatives: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation an initiative names: initiative_id, kommunekode, organisation_id and its kind."""
    return filters.explode(initiatives[["initiative_id", "kommunekode", "organisation_ids"]], "organisation_ids").merge(
        data.organisations[["organisation_id", "kind"]], left_on="organisation_ids", right_on="organisation_id"
    )


def organisations_by_kind(data: Dataset, initiatives: pd.DataFrame) -> pd.DataFrame:
    """How often partners of each kind are named across the selected initiatives."""
    long = organisation_ties(data, initiatives)
    return long.groupby("kind")["organisation_id"].nunique().rename("count").reset_index().sort_values("count", ascending=False)
