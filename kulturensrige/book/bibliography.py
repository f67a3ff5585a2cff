"""Citations and the reference list in Danish, as the report writes them: "(Fancourt og Finn 2019)".

sphinxcontrib-bibtex's author–year style and pybtex's plain style join two authors with "and" and put
citations in square brackets. These variants only change those words and brackets; `register()` makes
them available under the names used in book/_config.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.backends.plaintext import Backend as PlaintextBackend
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.template import names, sentence
from sphinxcontrib.bibtex.citation_target import parse_citation_targets
from sphinxcontrib.bibtex.domain import BibtexDomain
from sphinxcontrib.bibtex.style.referencing import BracketStyle, PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle

from kulturensrige.data import publishing
from kulturensrige.render import lists
from kulturensrige.render.markup import Html, Markup, book_link, esc
from kulturensrige.rules import filters
from kulturensrige.words import PAGE_SEP, opening

REFERENCE_STYLE = "author_year_da"
FORMATTING_STYLE = "plain_da"


def _persons() -> PersonStyle:
    return PersonStyle(sep2=" og ", last_sep=" og ")


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclass
class DanishAuthorYearStyle(AuthorYearReferenceStyle):
    """In-text citations: round brackets, "og" between authors, no comma before the year, and a page after a colon
    (words.PAGE_SEP, the form of the report's captions: "(Jensen 2022: 24)" from {cite:p}`jensen2022{24}`)."""

    bracket_textual: BracketStyle = field(default_factory=_round)
    bracket_parenthetical: BracketStyle = field(default_factory=_round)
    person: PersonStyle = field(default_factory=_persons)
    author_year_sep: str = " "
    post_text_sep: str = PAGE_SEP


class DanishPlainStyle(PlainStyle):
    """The reference list: pybtex's plain style with "og" between authors, sorted by author as printed.

    pybtex sorts a braced name ("{Santini et al.}", kept whole so it prints as the report writes it)
    after every letter; the list is sorted by the printed name instead, then year."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sort = self._sort_as_printed

    @staticmethod
    def _sort_as_printed(entries):
        def key(entry):
            names = " ".join(str(person) for person in entry.persons.get("author", []))
            return names.replace("{", "").replace("}", "").casefold(), entry.fields.get("year", "")

        return sorted(entries, key=key)

    def format_names(self, role, as_sentence=True):
        formatted = names(role, sep=", ", sep2=" og ", last_sep=" og ")
        return sentence[formatted] if as_sentence else formatted


class CitedInTextOrder(BibtexDomain):
    """Cites a group's works in the order the text gives them, as the report does ("Santini et al. 2023, Jensen 2022,
    Fancourt og Finn 2019"): sphinxcontrib-bibtex 2.6 orders a {cite:p} group as its reference list (alphabetically),
    because it picks the group's works from its list of citations in that list's order."""

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        order = [cited.key for cited in parse_citation_targets(target)]
        listed = self.data["citations"]
        self.data["citations"] = sorted(listed, key=lambda c: order.index(c.key) if c.key in order else len(order))
        try:
            return super().resolve_xref(env, fromdocname, builder, typ, target, node, contnode)
        finally:
            self.data["citations"] = listed


def register() -> None:
    sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", REFERENCE_STYLE, DanishAuthorYearStyle)
    pybtex.plugin.register_plugin("pybtex.style.formatting", FORMATTING_STYLE, DanishPlainStyle)
    # sphinxcontrib-bibtex 2.7 asks pybtex for its plaintext backend once per citation (BibtexDomain.resolve_xref), and
    # pybtex 0.26's find_plugin reads every installed package's entry points for each ask: 2 s of a national build's
    # serial writing. Registered at run time, the same class (pybtex's entry point) is found at once.
    pybtex.plugin.register_plugin("pybtex.backends", "plaintext", PlaintextBackend, force=True)


def cited_where(data) -> Html:
    """Which sections cite each work, each a link to the book's page that tells it (where a reader finds the sentence
    that cites the work), and which quotations come from it, named by their opening words.

    The report's own list of references is not in the source text, so this is what the book can say: a consultant
    cites a work as the report does, by author and year and the report's section (reader 25, #3)."""
    pages = dict(zip(data.sections["section_id"], data.sections["book_page"], strict=True))
    rows = []
    note = publishing.column_heading(data, "Bemærkning", "references", "note")
    for ref in data.references.itertuples():
        quoting = data.quotes.loc[data.quotes["reference_key"] == ref.reference_key].sort_values("position")
        where = [book_link(str(pages[s]), esc(filters.section_title_quoted(data, s))) for s in ref.section_ids]
        rows.append(
            {
                "Henvisning": ref.citation,
                "Citeret i rapportens afsnit": Markup(", ".join(where)),
                "Ordrette citater": "; ".join(f"»{opening(q.text)}«" for q in quoting.itertuples()) or "ingen",
                note: ref.note or "",
            }
        )
    return lists.simple_table(pd.DataFrame(rows), "Værker, rapporten henviser til")
