"""Which items are whose, and every view of the static book: the rules the lists, charts and the browser share. No HTML.

Choosing a municipality never removes the report's general findings: the chosen municipality's items come first,
then the items tied to no municipality, then other municipalities'. "Medtag udledte tilknytninger" off means the
editors' inferred ties are set aside: those quotes count as not tied to a municipality, as the report prints them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import pandas as pd

from kulturensrige.data.loading import Dataset
from kulturensrige.rules import filters
from kulturensrige.words import plural

ALL = filters.ALL


WITHOUT_INFERRED = "|uden-udledte"


# Cards a list or a drill-through shows at a time; the rest wait behind "Vis flere".
PAGE_SIZE = 50


COUNTING_RULE = (
    "Sådan tæller bogen citater: et citat er én replik, sådan som rapporten trykker den. En ordveksling, hvor to "
    "personer taler på skift, er derfor flere citater, som står samlet på ét kort, og kortet siger, hvor mange "
    "citater det rummer. Alle tal i bogen tæller på den måde: listerne, statuslinjen, figurerne, tabellerne, "
    "sammenligningen, forsiden og CSV-filerne."
)


@dataclass(frozen=True)
class Noun:
    singular: str
    plural: str

    def count(self, n: int) -> str:
        return plural(n, self.singular, self.plural)


QUOTE = Noun("citat", "citater")


INITIATIVE = Noun("indsats", "indsatser")


MUNICIPALITY = Noun("kommune", "kommuner")


@dataclass(frozen=True)
class Item:
    """One card or row of a list as the rules see it."""

    kommune: str  # the municipality it is tied to ('' for none, also for a quote from a cited work)
    attribution: str  # stated | inferred | not stated; 'stated' for what is a municipality's by nature (an initiative)
    weight: int = 1  # how many it counts for: each turn of an exchange is a quote

    def tie(self, include_inferred: bool) -> str:
        """The municipality it counts for under the inferred switch."""
        return "" if self.attribution == "inferred" and not include_inferred else self.kommune


def state_key(kommune: str, include_inferred: bool) -> str:
    """The name of one view: a kommunekode or 'alle', with a suffix when inferred ties are off."""
    return kommune + ("" if include_inferred else WITHOUT_INFERRED)


def states(data: Dataset) -> Iterator[tuple[str, str, bool]]:
    """Every view the static book offers: (key, kommunekode, include_inferred)."""
    for code in [ALL, *data.municipalities["kommunekode"]]:
        for include_inferred in (True, False):
            yield state_key(code, include_inferred), code, include_inferred


def quote_items(groups: Sequence) -> list[Item]:
    """Items for quote cards (cards.group_turns or cards.group_records): a card is tied as its first turn is,
    and weighs its turns."""
    items = []
    for turns in groups:
        first = turns.iloc[0] if isinstance(turns, pd.DataFrame) else turns[0]
        kommune = "" if first["reference_key"] else first["kommunekode"]
        items.append(Item(kommune, first["attribution"] if kommune else "not stated", len(turns)))
    return items


def tied_quotes(quotes, include_inferred: bool):
    """Quote rows with `kommunekode` as the switch ties them: inferred ties set aside when off, cited works never tied."""
    tie = quotes["kommunekode"].where(quotes["reference_key"] == "", "")
    if not include_inferred:
        tie = tie.where(quotes["attribution"] != "inferred", "")
    return quotes.assign(kommunekode=tie)


def untied(items: Sequence[Item], include_inferred: bool) -> list[int]:
    """Positions of the items tied to no municipality under the switch: the same whichever municipality is chosen."""
    return [i for i, item in enumerate(items) if not item.tie(include_inferred)]


def arrange(items: Sequence[Item], kommune: str, include_inferred: bool) -> dict[str, list[int]]:
    """Positions of the items in each group, in report order: chosen first, then none, then other."""
    if kommune == ALL:
        return {"all": list(range(len(items)))}
    groups: dict[str, list[int]] = {"chosen": [], "none": [], "other": []}
    for i, item in enumerate(items):
        tie = item.tie(include_inferred)
        groups["chosen" if tie == kommune else "other" if tie else "none"].append(i)
    return groups


def first_page(n: int) -> int:
    """How many of a list's n cards ship as HTML: all, up to KR_LIST_LIMIT (200); past it the first PAGE_SIZE.

    KR_LIST_LIMIT lets a test send the report's short lists down the long-list path too."""
    return n if n <= int(os.environ.get("KR_LIST_LIMIT", "200")) else PAGE_SIZE
