"""Who tied a quote to its municipality: the report itself, or an analyst in a QDA project.

The data folder says which (options.csv, `kommune_angivet_af`; the REFI-QDA import writes `qda-projekt`),
so a card, a profile and a PDF say "angivet i rapporten" only about what the report itself states.
"""

from __future__ import annotations

import pandas as pd

from kulturensrige.data.schema import ATTRIBUTED_BY, BY_QDA, BY_REPORT
from kulturensrige.rules.filters import lookup
from kulturensrige.words import plural

LABELS = {
    BY_REPORT: {"stated": "angivet i rapporten", "inferred": "udledt af redaktionen", "not stated": "ikke angivet i rapporten"},
    BY_QDA: {
        "stated": "angivet af analytikeren i QDA-projektet",
        "inferred": "udledt i QDA-projektet",
        "not stated": "ikke angivet i QDA-projektet",
    },
}
# What "stated" and "inferred" mean, for the note above a municipality's quotes in its PDF edition.
MEANINGS = {
    BY_REPORT: {
        "stated": "at rapporten selv nævner kommunen",
        "inferred": "at bogens redaktion har knyttet citatet til kommunen ud fra rapportens egne oplysninger",
    },
    BY_QDA: {
        "stated": "at analytikeren har registreret kommunen ved citatets kilde i sit QDA-projekt",
        "inferred": "at kommunen er udledt, ikke registreret, i QDA-projektet",
    },
}


def source(options: pd.DataFrame) -> str:
    """`rapporten` unless the folder's options say who else stated the municipalities (asked once per card)."""
    return lookup(options, "option_id", "value").get(ATTRIBUTED_BY, BY_REPORT)


# Who holds the quotes and their ties, as a sentence names it ("… knytter ingen citater til Køge").
SOURCE_NAMES = {BY_REPORT: "rapporten", BY_QDA: "QDA-projektet"}


def source_name(options: pd.DataFrame) -> str:
    """'rapporten' or 'QDA-projektet': the words for where the quotes were tied, so no sentence about analyst
    data credits the report."""
    return SOURCE_NAMES[source(options)]


def labels(options: pd.DataFrame) -> dict[str, str]:
    """The words for each attribution level (stated, inferred, not stated) in this data folder."""
    return LABELS[source(options)]


def explained(options: pd.DataFrame) -> dict[str, str]:
    """The labels of 'stated' and 'inferred' with what each means, for a note in words."""
    chosen = source(options)
    return {level: LABELS[chosen][level] for level in ("stated", "inferred")} | {
        f"{level}_meaning": MEANINGS[chosen][level] for level in ("stated", "inferred")
    }


def analyst_intro(quotes: pd.DataFrame) -> str:
    """How quotes from an analyst's QDA project came to be tied to the municipality, in words."""
    stated = int((quotes["attribution"] == "stated").sum())
    inferred = int((quotes["attribution"] == "inferred").sum())
    if not stated and not inferred:
        return "QDA-projektet knytter ingen citater til kommunen."
    parts = []
    if stated:
        parts.append(f"Analytikeren har knyttet {plural(stated, 'citat', 'citater')} til kommunen i sit QDA-projekt")
    if inferred:
        parts.append(f"{plural(inferred, 'citat', 'citater')} er knyttet til kommunen ved en udledning, og kortet viser hvorfor")
    return "; ".join(parts) + "."
