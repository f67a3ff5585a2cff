"""Who tied a quote to its municipality, in words: the report, the editors, an analyst or a QDA project.

The data folder says which (options.csv: `kommune_angivet_af`, standard the folder's `kilde`); the words come from
kulturensrige/data/provenance.py, so a card, a profile, a status sentence and a PDF say "angivet i rapporten" only
about what the report itself states.
"""

from __future__ import annotations

import pandas as pd

from kulturensrige.data import provenance
from kulturensrige.data.schema import ATTRIBUTIONS, BY_REPORT
from kulturensrige.rules import statistics
from kulturensrige.words import plural


def source(options: pd.DataFrame) -> str:
    """Who stated the quotes' municipalities in this data folder."""
    return provenance.ties_source(options)


def source_name(options: pd.DataFrame) -> str:
    """'rapporten', 'QDA-projektet', 'analytikerens data': where the quotes were tied, as a sentence names it."""
    return provenance.words(source(options)).holder


def labels(options: pd.DataFrame) -> dict[str, str]:
    """The words for each attribution level (stated, inferred, not stated) in this data folder."""
    said = provenance.words(source(options))
    return {level: said.tie(level) for level in ATTRIBUTIONS}


def explained(options: pd.DataFrame) -> dict[str, str]:
    """The labels of 'stated' and 'inferred' with what each means, for a note in words."""
    said = provenance.words(source(options))
    return {
        "stated": said.stated,
        "inferred": said.inferred,
        "stated_meaning": said.stated_meaning,
        "inferred_meaning": said.inferred_meaning,
    }


def tie_counts(tally: statistics.QuoteTally, options: pd.DataFrame) -> str:
    """How many quotes are tied to a municipality, and by whom: 'Rapporten knytter intet citat til en kommune. Bogen
    tæller 36 citater fra evalueringen selv (de 2 citater fra litteraturen er ikke talt med); for 6 citater er kommunen
    udledt af redaktionen.' The report is credited only with what it does. Every number is the one quote tally's
    (statistics.quote_tally), so this sentence and the book's other quote counts cannot disagree."""
    cited = tally.cited
    left_out = f" ({'det' if cited == 1 else 'de'} {plural(cited, 'citat', 'citater')} fra litteraturen er ikke talt med)" if cited else ""
    said = provenance.words(source(options))
    total = plural(tally.own, "citat", "citater")
    if tally.stated:
        head = f"Af {total}{left_out} er {plural(tally.stated, 'citat', 'citater').split(' ', 1)[0]} knyttet til en kommune, {said.stated}"
    elif source(options) == BY_REPORT:
        # The report ties no quote; the count is the book's (quotes.csv splits an exchange into its turns).
        head = f"Rapporten knytter intet citat til en kommune. Bogen tæller {total} fra evalueringen selv{left_out}"
    else:
        head = f"Ingen af {total} har en kommune {said.stated}{left_out}"
    if tally.inferred:
        return f"{head}; for {plural(tally.inferred, 'citat', 'citater')} er kommunen {said.inferred}."
    return f"{head}."


def filter_help(tally: statistics.QuoteTally, options: pd.DataFrame) -> str:
    """The help beside the filter's switch for inferred ties: how many quotes the data folder's source ties to a
    municipality (the report ties none; the count is the quote tally's) and what an inferred tie is, in the words of
    data/provenance.py."""
    said = provenance.words(source(options))
    holder = said.subject
    if tally.stated:
        ties = f"{plural(tally.stated, 'citat', 'citater')} er knyttet til en kommune, {said.stated}"
    else:
        ties = f"{holder} knytter intet citat til en kommune"
    return f"{ties}. En udledt tilknytning betyder, {said.inferred_meaning}."


def intro(quotes: pd.DataFrame, tied_by: str) -> str:
    """How the quotes shown for one municipality came to be tied to it, in words, from their attribution levels and
    who stated the ties (`source()`)."""
    said = provenance.words(tied_by)
    stated = int((quotes["attribution"] == "stated").sum())
    inferred = int((quotes["attribution"] == "inferred").sum())
    holder = said.subject
    if not stated and not inferred:
        return f"{holder} knytter ingen citater til kommunen, og ingen er udledt."
    parts = []
    if stated:
        parts.append(f"{plural(stated, 'citat', 'citater')} er knyttet til kommunen, {said.stated}")
    elif tied_by == BY_REPORT:
        parts.append("Rapporten nævner ikke kommunen ved citaterne")
    if inferred:
        cards = "kortet" if inferred == 1 else "kortene"
        parts.append(f"{plural(inferred, 'citat', 'citater')} er {said.inferred}, og {cards} viser hvorfor")
    text = "; ".join(parts) + "."
    return text[0].upper() + text[1:]
