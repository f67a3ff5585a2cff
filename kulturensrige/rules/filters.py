"""Selecting rows: the same functions serve the static book's variants and the live explorer."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kulturensrige.data import provenance
from kulturensrige.data.frames import lookup, made_once
from kulturensrige.data.loading import Dataset
from kulturensrige.rules import views
from kulturensrige.rules.views import ALL
from kulturensrige.words import danish_sort_key, folded_name


@dataclass(frozen=True)
class QuoteFilter:
    """What a reader can ask of the quotes; empty fields mean 'no restriction'."""

    kommunekode: str = ALL
    include_inferred: bool = True
    ingredient_id: str = ""
    speaker_category: str = ""
    kind: str = ""
    search: str = ""


def municipality_options(data: Dataset) -> list[tuple[str, str]]:
    """(label, kommunekode) pairs for a picker: 'Alle kommuner' first, then the names in Danish alphabetical order
    (words.danish_sort_key), where a reader looks for her own among many; lists and the sidebar keep the data's order."""
    pairs = zip(data.municipalities["name"], data.municipalities["kommunekode"], strict=True)
    return [("Alle kommuner", ALL), *sorted(pairs, key=lambda pair: danish_sort_key(pair[0]))]


def spellings(data: Dataset) -> dict[str, str]:
    """Every way the data names a municipality (official name, the report's spelling, slug, code), folded as a reader's
    typing is (words.folded_name) -> its kommunekode, and 'alle' -> ALL: the one table the filter looks a ?kommune=
    value up in. A folded spelling two municipalities share finds neither: a guess is no answer."""
    found: dict[str, set[str]] = {folded_name(ALL): {ALL}}
    columns = ["kommunekode", "name", "name_in_report", "slug"]
    for row in data.municipalities[columns].itertuples(index=False):
        for spelling in row:
            found.setdefault(folded_name(str(spelling)), set()).add(str(row.kommunekode))
    return {key: codes.pop() for key, codes in found.items() if key and len(codes) == 1}


def municipality_name(data: Dataset, kommunekode: str) -> str:
    if kommunekode == ALL:
        return "alle kommuner"
    return str(lookup(data.municipalities, "kommunekode", "name").get(kommunekode, kommunekode))


def section_title(data: Dataset, section_id: str) -> str:
    """A section's heading as the report prints it, with the official name beside a municipality the report spells
    otherwise: 'Guldborgssund (rapportens stavning; officielt navn: Guldborgsund)'. The book keeps the report's spelling in its
    headings and quotes and explains it wherever it shows."""
    return section_title_quoted(data, section_id, quotes=("", ""))


def section_title_quoted(data: Dataset, section_id: str, quotes: tuple[str, str] = ("»", "«")) -> str:
    """The heading in quotation marks, the explanation of the report's spelling outside them: '»Guldborgssund«
    (rapportens stavning; officielt navn: Guldborgsund)', so no words of the book stand inside the report's title."""
    title = str(lookup(data.sections, "section_id", "title").get(section_id, section_id))
    official = _respelled(data.municipalities).get(title)
    quoted = f"{quotes[0]}{title}{quotes[1]}"
    return f"{quoted} ({provenance.source_spelling_mark(data.options, official)})" if official else quoted


def heading_quoted(data: Dataset, title: str) -> str:
    """A heading named in a sentence, in the book's one convention of quotation marks (provenance.QUOTE_MARKS_KEY): a
    heading of the report in the report's marks, as section_title_quoted gives it (»Afsluttende betragtninger«), the
    book's own in „…“ („Den kondenserede guide“). Reading 30, #6: the PDFs set the report's headings in „…“."""
    sections = lookup(data.sections, "title", "section_id")
    return section_title_quoted(data, str(sections[title])) if title in sections else f"„{title}“"


def _respelled(municipalities: pd.DataFrame) -> dict[str, str]:
    """The report's spelling -> the official name, for the municipalities the report spells otherwise (the first
    row of a spelling wins): each of 10,000 cards names its section, so it is worked out once per table."""

    def make(frame: pd.DataFrame) -> dict[str, str]:
        pairs = zip(frame["name_in_report"], frame["name"], strict=True)
        return dict(reversed([(spelled, name) for spelled, name in pairs if spelled != name]))

    return made_once(municipalities, "respelled", make)


def quotes(data: Dataset, selection: QuoteFilter = QuoteFilter()) -> pd.DataFrame:
    """Quote rows (one per turn) matching every field of the selection. A municipality's are those views.quote_ties
    gives it under the inferred switch; with every municipality ('alle') the switch leaves every quote in, as the
    book's 'alle' view does (inferred ties set aside make a quote general, not gone)."""
    q = data.quotes
    if selection.kommunekode != ALL:
        q = views.quotes_of(q, selection.kommunekode, selection.include_inferred)
    keep = pd.Series(True, index=q.index)
    if selection.ingredient_id:
        keep &= q["ingredient_ids"].map(lambda ids: selection.ingredient_id in ids)
    if selection.speaker_category:
        keep &= q["speaker_category"] == selection.speaker_category
    if selection.kind:
        keep &= q["kind"] == selection.kind
    if selection.search:
        needle = selection.search.casefold()
        keep &= (q["text"].str.casefold().str.contains(needle, regex=False)) | q["shown_role"].str.casefold().str.contains(
            needle, regex=False
        )
    return q[keep]


def initiatives(data: Dataset, kommunekode: str = ALL) -> pd.DataFrame:
    i = data.initiatives
    return i if kommunekode == ALL else i[i["kommunekode"] == kommunekode]


def explode(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per id in a list column; rows with an empty list vanish."""
    return frame.explode(column).dropna(subset=[column])
