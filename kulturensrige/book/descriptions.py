"""Each page's meta description: what a search result or a shared link shows under the title.

Where a data row describes the page, its text is the description (an ingredient's short description, a
municipality's summary); otherwise the page's own first paragraph; pages with no paragraph of their own
(search, index) get the book's description, with the counts from data.
"""

from __future__ import annotations

from kulturensrige.data.loading import Dataset

LIMIT = 160  # search engines cut snippets at about this many characters


def shorten(text: str, limit: int = LIMIT) -> str:
    """One line of at most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def book_description(data: Dataset) -> str:
    """The whole book in one sentence, counted from data."""
    return (
        f"Kulturens Rige: evalueringen af, hvordan {len(data.municipalities)} kommuner brugte kunst og kultur "
        "til at fremme mental sundhed, med rapportens fund, citater og virksomme ingredienser som data."
    )


def data_description(data: Dataset, pagename: str) -> str:
    """The text of the data row that the page presents, or '' when no row describes it."""
    if pagename == "index":  # the front page's text opens with markup from data; its first paragraph is about the counts
        return book_description(data)
    if pagename.startswith("kommuner/profil-"):
        rows = data.municipalities[data.municipalities["slug"] == pagename.removeprefix("kommuner/profil-")]
        return str(rows["summary"].iloc[0]) if len(rows) else ""
    pages = data.sections.set_index("section_id")["book_page"]
    for row in data.ingredients.itertuples():
        if pages.get(row.section_id) == pagename:
            return str(row.short_description)
    return ""


def page_description(data: Dataset, pagename: str, first_paragraph: str) -> str:
    """The meta description of one page: its data row, else its first paragraph, else the book's."""
    return shorten(data_description(data, pagename) or first_paragraph or book_description(data))
