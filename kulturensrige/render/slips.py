"""The report's own slips inside the words the book quotes, said once after each quote where it stands (ADR 89).

The book quotes the report verbatim, so a slip of the report's (»Med blandende tilgange«) stands as printed; bare, it
read as the book's own typo (reading 26, #12). report_slips.csv lists each misspelt word and where the book quotes it;
a stray sign (»… undervejs i forløbet? gennem …«) is found by its pattern (STRAY_MARK). slip_note words the note
for both, in one form on the pages, in the PDFs and in the explorer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.render.markup import Html, esc

# A question mark inside a sentence, before a word in lower case: a sign the report (its extracted text) has where a
# dash or nothing belongs (»… undervejs i forløbet? gennem de fælles oplevelser.«). Quoted verbatim, it read as the
# book's own typo (reader review 24, #13).
STRAY_MARK = re.compile(r"([?!])\s+(?=[a-zæøå])")


def slip_note(report_text: str, holder: str, words: Iterable[str] = ()) -> str:
    """The editors' note after the report's words where they hold a stray sign or a listed slip (`words`, from
    report_slips.csv), as the book notes the report's own spellings: ' (»?« står sådan i rapporten)', ' (»blandende«
    står sådan i rapporten)', or in whoever's data holds the words (provenance.Words.holder: 'analytikerens data');
    '' where they hold none."""
    signs = list(dict.fromkeys([*STRAY_MARK.findall(report_text), *(w for w in words if w in report_text)]))
    return f" ({' og '.join(f'»{s}«' for s in signs)} står sådan i {holder})" if signs else ""


def row_slips(data: Dataset, table: str, row_ids: Iterable[str]) -> tuple[str, ...]:
    """The slips report_slips.csv lists in these rows of `table` (quotes, evaluation_questions), as printed."""
    slips = data.report_slips
    return tuple(slips.loc[(slips["table"] == table) & slips["row_id"].isin(list(row_ids)), "word"])


def page_slips(data: Dataset, page: str) -> tuple[str, ...]:
    """The slips report_slips.csv lists in a page's own text (its book_page)."""
    slips = data.report_slips
    return tuple(slips.loc[slips["page"] == page, "word"])


def quoted_on_page(data: Dataset, page: str, lead: str, quote: str) -> Html:
    """A paragraph of a page's own prose that ends in the report's words: the book's `lead`, then »`quote`« with the
    note on the slips report_slips.csv lists in the page's text (page_slips), so prose says a slip as a card does."""
    holder = provenance.folder_words(data.options).holder
    return Html(f"<p>{esc(lead)} {esc(f'»{quote}«{slip_note(quote, holder, page_slips(data, page))}')}</p>")
