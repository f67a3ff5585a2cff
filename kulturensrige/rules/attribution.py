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
from kulturensrige.words import number, plural


def source(options: pd.DataFrame) -> str:
    """Who stated the quotes' municipalities in this data folder."""
    return provenance.ties_source(options)


def source_name(options: pd.DataFrame) -> str:
    """'rapporten', 'QDA-projektet', 'analytikerens data': where the quotes were tied, as a sentence names it."""
    return provenance.words(source(options)).holder


def withheld_words(tied_by: str) -> str:
    """The one wording where the data shown has its inferred ties set aside (Dataset.withheld: a PDF edition, a
    download), `tied_by` whoever ties the quotes (source()): 'tilknytninger udledt af redaktionen vises ikke her'.
    Not that none are inferred: the editors did infer some (the s18 reading, #1)."""
    return f"tilknytninger {provenance.words(tied_by).inferred} vises ikke her"


def untied_words(options: pd.DataFrame, include_inferred: bool, withheld: bool = False) -> str:
    """The one wording of a count of quotes without a municipality, by the set it counts: with the inferred ties
    included, those no one ties ('uden kommune, hverken angivet i rapporten eller udledt af redaktionen'); with them
    set aside, those the source does not tie ('uden kommune angivet i rapporten'). Reader review 5: '6 citater uden
    angivet kommune' over '8 … uden kommune angivet i rapporten' read as one set counted twice. Where the data itself
    has them set aside (`withheld`, a PDF edition), the count says so in the pages' words (withheld_words): 'hverken
    … eller udledt' was false of the ties the edition leaves out (the s18 reading, #1)."""
    if withheld:
        return f"uden kommune angivet i {source_name(options)}; {withheld_words(source(options))}"
    if include_inferred:
        return f"uden kommune, {provenance.untied(options)}"
    return f"uden kommune angivet i {source_name(options)}"


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
    """How many quotes are tied to a municipality, and by whom, each count said as a part of the book's one quote
    total: 'Rapporten knytter intet citat til en kommune. Af bogens 38 citater er 36 fra rapportens eget materiale og 2 fra
    litteraturen; for 6 af de 36 er kommunen udledt af redaktionen.' A consultant who quotes one number finds the
    same 38 on every page (reader review: pages gave 38, 36 and 30 side by side). The report is credited only with
    what it does. Every number is the one quote tally's (statistics.quote_tally), so this sentence and the book's
    other quote counts cannot disagree."""
    said = provenance.words(source(options))
    total = f"bogens {plural(tally.total, 'citat', 'citater')}"
    if tally.cited:
        # Literature cannot be tied to a municipality: the ties are counted among the evaluation's own quotes.
        scope = f"Af {total} er {number(tally.own)} {provenance.own_quotes(options)} og {number(tally.cited)} fra litteraturen"
        among = f"de {number(tally.own)}"
    else:
        scope, among = "", total
    if tally.stated:
        claim = f"{number(tally.stated)} af {among} er knyttet til en kommune, {said.stated}"
        sentences = [scope, claim] if scope else [claim]
    elif source(options) == BY_REPORT:
        # The report ties no quote; the count is the book's (quotes.csv splits an exchange into its turns).
        sentences = ["Rapporten knytter intet citat til en kommune", *([scope] if scope else [])]
    else:
        claim = f"Ingen af {among} har en kommune {said.stated}"
        sentences = [scope, claim] if scope else [claim]
    said_all = ". ".join(sentences)
    if tally.inferred:
        return f"{said_all}; for {number(tally.inferred)} af {among} er kommunen {said.inferred}."
    return f"{said_all}."


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
    if not tally.inferred:
        return f"{ties}. En udledt tilknytning betyder, {said.inferred_meaning}."
    # The plain sentence beside the switch (docs/adr/0033): what an inferred tie is, and why it starts off.
    inferred = provenance.words(provenance.ties_source(options)).inferred
    return (
        f"{ties}; {plural(tally.inferred, 'citat', 'citater')} har en kommune {inferred}. En udledt tilknytning betyder, "
        f"{said.inferred_meaning}; sammen med citatet og den rolle, {said.holder} angiver ved det, kan den pege på én person, "
        "så bogen viser den kun, når du slår den til her."
    )


def withheld_note(options: pd.DataFrame, n: int) -> str:
    """Where a page leaves out inferred ties while the switch is off (docs/adr/0033): how many, and whose."""
    return f"{plural(n, 'citat', 'citater')} har en tilknytning til kommunen {provenance.inferred_words(options)}."


def withheld_offer(n: int, switch: str, settings: str) -> str:
    """How to show the `n` ties withheld_note counts (`switch`: the switch's label, `settings`: the panel it is in);
    a web page's sentence, as paper has no switch."""
    return f"{'Det' if n == 1 else 'De'} vises her, når du slår „{switch}“ til under „{settings}“."


def none_tied(tied_by: str, who: str, stated_anywhere: bool, withheld: bool = False) -> str:
    """That no quote is tied to `who` (one municipality or several), said truly of the whole data: 'Rapporten knytter
    ingen citater til nogen kommune, og ingen tilknytning til Rudersdal er udledt af redaktionen.' Reading 15, finding
    11: '… ingen citater til Rudersdal, og ingen er udledt' implied the report ties quotes to the other municipalities."""
    said = provenance.words(tied_by)
    scope = who if stated_anywhere else "nogen kommune"
    if withheld:
        # The data shown has its inferred ties set aside (Dataset.withheld): whether there are any is not for it to say.
        return f"{said.subject} knytter ingen citater til {scope}, og {withheld_words(tied_by)}."
    return f"{said.subject} knytter ingen citater til {scope}, og ingen tilknytning til {who} er {said.inferred}."


def intro(quotes: pd.DataFrame, tied_by: str, stated_anywhere: bool = False, withheld: bool = False) -> str:
    """How the quotes shown for one municipality came to be tied to it, in words, from their attribution levels and
    who stated the ties (`source()`); `stated_anywhere`: whether the source ties any quote in the data itself."""
    said = provenance.words(tied_by)
    stated = int((quotes["attribution"] == "stated").sum())
    inferred = int((quotes["attribution"] == "inferred").sum())
    if not stated and not inferred:
        return none_tied(tied_by, "kommunen", stated_anywhere, withheld)
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
