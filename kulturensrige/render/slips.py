"""The report's own slips inside the words the book quotes, said once after each quote where it stands (ADR 89).

The book quotes the report verbatim, so a slip of the report's (»Med blandende tilgange«) stands as printed; bare, it
read as the book's own typo (reading 26, #12). report_slips.csv lists each misspelt word or stray sign (the guide's
»… undervejs i forløbet? gennem …«, reader review 24, #13) and where the book quotes it; slip_note words the note, in
one form on the pages, in the PDFs and in the explorer.
"""

from __future__ import annotations

from collections.abc import Iterable

from kulturensrige.data import provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import BY_REPORT
from kulturensrige.render.markup import Html, esc


def slip_note(report_text: str, holder: str, slips: Iterable[str] = ()) -> str:
    """The editors' note after the report's words where they hold a slip report_slips.csv lists for them (`slips`:
    row_slips, page_slips), as the book notes the report's own spellings: ' (»blandende« står sådan i rapporten)',
    ' (»?« står sådan i rapporten)', or in whoever's data holds the words (provenance.Words.holder: 'analytikerens
    data'); '' where they hold none."""
    signs = [s for s in dict.fromkeys(slips) if s in report_text]
    return f" ({' og '.join(f'»{s}«' for s in signs)} står sådan i {holder})" if signs else ""


def row_slips(data: Dataset, table: str, row_ids: Iterable[str]) -> tuple[str, ...]:
    """The slips report_slips.csv lists in these rows of `table` (schema.SLIP_COLUMNS), as printed."""
    slips = data.report_slips
    return tuple(slips.loc[(slips["table"] == table) & slips["row_id"].isin(list(row_ids)), "word"])


def page_slips(data: Dataset, page: str) -> tuple[str, ...]:
    """The slips report_slips.csv lists in a page's own text (its book_page)."""
    slips = data.report_slips
    return tuple(slips.loc[slips["page"] == page, "word"])


def quoted_on_page(data: Dataset, page: str, lead: str, quote: str) -> Html:
    """A paragraph of a page's own prose that ends in the report's words: the book's `lead`, then »`quote`« with the
    note on the slips report_slips.csv lists in the page's text (page_slips), so prose says a slip as a card does."""
    # The quote is the page's own quotation of the report, whoever prepared the data: its slip stands in the report
    # („»forsatte« står sådan i analytikerens data“ pointed an analyst's book to the wrong source; reading32, #7).
    holder = provenance.words(BY_REPORT).holder
    return Html(f"<p>{esc(lead)} {esc(f'»{quote}«{slip_note(quote, holder, page_slips(data, page))}')}</p>")
