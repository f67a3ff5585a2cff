"""Which items are whose, and every view of the static book: the rules the lists, charts and the browser share. No HTML.

One answer to "which quotes are municipality X's", for every place that asks (lists, highlight, charts, editions,
the explorer and, through the published state keys, the browser): a quote counts for the municipality in its
`kommunekode`, unless it is from a cited work (`reference_key`), which is general. The validator makes every turn
of an exchange share its tie and forbids a cited work with a `kommunekode`, so the rule can place every row alone.

Choosing a municipality never removes the report's general findings: the chosen municipality's items come first,
then the items tied to no municipality, then other municipalities'. "Medtag udledte tilknytninger" off means the
editors' inferred ties are set aside: those quotes count as not tied to a municipality, as the report prints them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kulturensrige.data import pages, provenance, publishing
from kulturensrige.data.frames import lookup, made_once
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import YES
from kulturensrige.data.settings import list_limit
from kulturensrige.words import plural

# The view of every municipality at once (and the filter's value for "no municipality chosen"): a value of the
# page's address too, so it is declared beside the slugs it must never equal.
ALL = pages.ALL


WITHOUT_INFERRED = "|uden-udledte"


# The inferred switch's position when a page opens, and the one the PDF editions and the downloads follow: off. An
# inferred tie, the quote's verbatim words and the role the report prints under it can together point to one person
# (docs/adr/0033-inferred-ties-off-by-default.md); the reader turns them on in "Indstillinger".
INFERRED_BY_DEFAULT = False


def any_tied(data: Dataset) -> bool:
    """Whether the data tie any quote of its own to a municipality, by any source. The report's data tie none: then a
    card has no municipality line, and a page says once where its quotes begin that none is tied."""
    return made_once(data.quotes, "any tied", provenance.quotes_tied)


def switchable(data: Dataset) -> bool:
    """Whether the inferred switch changes anything: only where the data hold an inferred tie. The report's data hold
    none (ADR 33, second addendum), so its book shows no switch and says nothing of inferred ties."""
    return bool((data.quotes["attribution"] == "inferred").any())


# Cards a list or a drill-through shows at a time; the rest wait behind "Vis flere".
PAGE_SIZE = 50


# The quote's unit in the words every count beside an exchange uses: the front page's tile, an ingredient page whose
# quotes fill fewer cards than they count, and each exchange card (cards.exchange_note).
REPLIK_IS_A_QUOTE = "hver replik tæller som et citat"

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


def default_key(kommune: str = ALL) -> str:
    """The view a page opens in for a choice: the inferred switch in its default position."""
    return state_key(kommune, INFERRED_BY_DEFAULT)


def state_keys(data: Dataset) -> dict[str, list[str]]:
    """Each choice's two view names, [inferred ties on, off], by kommunekode or 'alle': the browser looks a
    state's view up here and builds no name itself."""
    keys: dict[str, list[str]] = {}
    for key, code, _inferred in states(data):
        keys.setdefault(code, []).append(key)
    return keys


def nearest_views(data: Dataset) -> dict[str, list[str]]:
    """For each view, the views that stand in for it, best first: a chart without the inferred switch shows the
    view with inferred ties on, and a chart with one view only shows 'alle'."""
    return {key: list(dict.fromkeys([key, state_key(code, True), state_key(ALL, True)])) for key, code, _inferred in states(data)}


def without_inferred(data: Dataset) -> Dataset:
    """The data as a view with the inferred switch off counts it: every inferred tie set aside."""
    return publishing.with_ties_set_aside(data, data.quotes["attribution"] == "inferred")


def quote_tie(quote: Mapping | pd.Series) -> tuple[str, str]:
    """(kommunekode, attribution) of the municipality a quote (or a card, by its first turn) is tied to, with
    inferred ties counted: ('', 'not stated') for a quote tied to none and for a quote from a cited work."""
    if quote["reference_key"] or not quote["kommunekode"]:
        return "", "not stated"
    return str(quote["kommunekode"]), str(quote["attribution"])


def without_tie_line(data: Dataset, quote: Mapping | pd.Series) -> bool:
    """Whether a quote's card has no municipality line at all: a quote from a cited work, or an untied quote of a kind
    with no speaker (quote_kinds.without_speaker: the sign on Arken), which has no municipality to leave unstated."""
    if quote["reference_key"]:
        return True
    return not quote["kommunekode"] and quote["kind"] in _speakerless(data.tables["quote_kinds"])


def has_tie_line(data: Dataset, quote: Mapping | pd.Series) -> bool:
    """Whether a quote's card has a municipality line ("Kommune: …"), on the pages and in the PDF editions alike: not
    where without_tie_line, and not for an untied quote where the data tie no quote at all (any_tied): there a page
    says once that none is tied, and 29 edition cards saying "Kommune: ikke angivet i rapporten" said it again (the
    s23 reading, #1)."""
    if without_tie_line(data, quote):
        return False
    return bool(quote["kommunekode"]) or any_tied(data)


def _speakerless(kinds: pd.DataFrame) -> frozenset[str]:
    """The quote kinds without a speaker, found once per table: each of 10,000 cards filtered the kinds anew, a
    quarter of the profiles' time at national scale."""
    return made_once(kinds, "speakerless kinds", lambda k: frozenset(k.loc[k["without_speaker"] == YES, "quote_kind_id"]))


def quote_ties(quotes: pd.DataFrame, include_inferred: bool = True) -> pd.Series:
    """The municipality each quote row counts for under the switch ('' for none): quote_tie for a whole table,
    with the editors' inferred ties set aside when the switch is off."""
    tie = quotes["kommunekode"].where(quotes["reference_key"] == "", "")
    if not include_inferred:
        tie = tie.where(quotes["attribution"] != "inferred", "")
    return tie


def quotes_of(quotes: pd.DataFrame, kommune: str, include_inferred: bool = True) -> pd.DataFrame:
    """The rows of `quotes` that are the municipality's under the switch; every row for 'alle'. Taken once per table,
    municipality and switch: a profile asks for its rows five times, and each take copies every column."""
    if kommune == ALL:
        return quotes
    return made_once(
        quotes,
        f"quotes of {kommune}, inferred {include_inferred}",
        lambda frame: frame.take(_rows_by_tie(frame, include_inferred).get(kommune, NO_ROWS)),
    )


NO_ROWS = np.array([], dtype=np.intp)


def _rows_by_tie(quotes: pd.DataFrame, include_inferred: bool) -> dict[str, np.ndarray]:
    """Each municipality's rows of the quotes table under the switch (quote_ties), their positions in the
    table's order, grouped once per table: 98 profiles, their counts and the search's pages about each compared
    all 10,000 rows each."""

    def make(frame: pd.DataFrame) -> dict[str, np.ndarray]:
        grouped = frame.groupby(quote_ties(frame, include_inferred), sort=False).indices
        return {str(tie): np.asarray(rows, dtype=np.intp) for tie, rows in grouped.items()}

    return made_once(quotes, f"rows by tie, inferred {include_inferred}", make)


def general_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """The rows of `quotes` tied to no municipality, even with inferred ties counted: the report's general quotes
    and the quotes from cited works."""
    return quotes[quote_ties(quotes) == ""]


def quote_items(groups: Sequence) -> list[Item]:
    """Items for quote cards (cards.group_turns or cards.group_records): a card is tied as its first turn is
    (quote_tie), and weighs its turns."""
    items = []
    for turns in groups:
        kommune, level = quote_tie(turns.iloc[0] if isinstance(turns, pd.DataFrame) else turns[0])
        items.append(Item(kommune, level, len(turns)))
    return items


def tied_quotes(quotes: pd.DataFrame, include_inferred: bool) -> pd.DataFrame:
    """Quote rows with `kommunekode` as the switch ties them (quote_ties), for the statistics that count by it."""
    return quotes.assign(kommunekode=quote_ties(quotes, include_inferred))


def untied(items: Sequence[Item], include_inferred: bool) -> list[int]:
    """Positions of the items tied to no municipality under the switch: the same whichever municipality is chosen."""
    return [i for i, item in enumerate(items) if not item.tie(include_inferred)]


def arrange(items: Sequence[Item], kommune: str, include_inferred: bool) -> dict[str, list[int]]:
    """Positions of the items in each group, in report order: chosen first, then none, then other."""
    if kommune == ALL:
        return {"all": list(range(len(items)))}
    by_tie = _positions_by_tie(items, include_inferred)
    return {
        "chosen": list(by_tie.get(kommune, [])),
        "none": list(by_tie.get("", [])) if kommune else [],
        "other": sorted(i for tie, positions in by_tie.items() if tie and tie != kommune for i in positions),
    }


def rows_first(counts: pd.DataFrame, column: Hashable) -> tuple[list[int], int]:
    """A table's rows in one municipality's view (highlight, don't hide): the rows where its `column` counts something
    first, then every other row, each part in the table's order; and how many are the municipality's. The page's
    tables of marks (figures.marks_embed) and the printed editions (editions.chosen_rows_first) order rows by it."""
    mine = counts[column].to_numpy() > 0
    return [*map(int, np.flatnonzero(mine)), *map(int, np.flatnonzero(~mine))], int(mine.sum())


# The last list's positions by tie under each switch position (_positions_by_tie): the list and the positions.
_LAST_BY_TIE: dict[bool, tuple[Sequence[Item], dict[str, list[int]]]] = {}


def _positions_by_tie(items: Sequence[Item], include_inferred: bool) -> dict[str, list[int]]:
    """The positions of a list's items by the municipality each counts for under the switch, in list order, worked
    out once for the list's views one after another: each of 198 views of a national list asked all its items.
    Only the last list is kept, so a list changed later is asked again."""
    kept = _LAST_BY_TIE.get(include_inferred)
    if kept is not None and kept[0] is items:
        return kept[1]
    by_tie: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        by_tie.setdefault(item.tie(include_inferred), []).append(i)
    _LAST_BY_TIE[include_inferred] = (items, by_tie)
    return by_tie


def first_page(n: int) -> int:
    """How many of a list's n cards ship as HTML: all, up to KR_LIST_LIMIT (200); past it the first PAGE_SIZE.

    KR_LIST_LIMIT lets a test send the report's short lists down the long-list path too."""
    return n if n <= list_limit() else PAGE_SIZE


def pages_about(data: Dataset, kommune: str, include_inferred: bool) -> list[str]:
    """The book's pages that are about a municipality under the switch, as the search ranks them first among its
    results: its own page, the pages its quotes and initiatives stand on (their report section's page) and the
    ingredient pages of its quotes. Pages that mark every municipality alike (the overviews' tables) are not among them."""
    if kommune == ALL:
        return []
    sections = lookup(data.sections, "section_id", "book_page")
    ingredients = lookup(data.ingredients, "ingredient_id", "section_id")
    quotes = quotes_of(data.quotes, kommune, include_inferred)
    initiatives = data.initiatives[data.initiatives["kommunekode"] == kommune]
    slug = str(lookup(data.municipalities, "kommunekode", "slug")[kommune])
    found = [pages.profile_page(slug)]
    found += [sections[s] for s in [*quotes["section_id"], *initiatives["section_id"]]]
    found += [sections[ingredients[i]] for ids in quotes["ingredient_ids"] for i in ids]
    return sorted(set(found))
