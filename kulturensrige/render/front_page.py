"""The front page: what the report is, what it found, where to start and how to cite it, all from data.

The first screen on a phone answers "what is this and where do I start"; the counts below it say
what they count (printed quotations against rows split into turns, projects and their parts).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from kulturensrige.data import provenance
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import BY_EDITORS, BY_REPORT, INITIATIVES_COUNTED
from kulturensrige.render import cards, guide, highlight, lists
from kulturensrige.render.highlight import SETTINGS, SWITCH_LABEL
from kulturensrige.render.markup import Html, book_link, esc
from kulturensrige.rules import attribution, filters, statistics, views
from kulturensrige.words import count_word, genitive, listing, month, number, plural

# Where a reader may start, by section of the report (sections.csv), with what each start offers.
MUNICIPALITIES_SECTION = "de-deltagende-kommuner"
# A start that promises a part of a page leads to that part's heading (the anchor).
STARTS = [
    ("afsluttende-betragtninger", "Guiden som tjekliste", guide.ANCHOR),
    (MUNICIPALITIES_SECTION, "Din kommune", ""),
    ("baggrund", "Læs bogens gengivelse forfra", ""),
]


# The sections further down that the first screen links to: MyST targets above their headings in book/index.ipynb.
FINDINGS_ID = "hovedfund"
CITE_ID = "citer-rapporten"

# Where the book says what its editors added to the report: the section "Hvem siger det" of "Data og genkørsel"
# (Sphinx's id for that heading); the footer of every page and the front page link there.
EDITORS_PAGE = "om-data/genkoersel"
EDITORS_ANCHOR = "hvem-siger-det-kilder-og-udledte-kommuner"
# The words that link there, and where a printed edition, which has no such link, says it is.
EDITORS_LINK = "hvad redaktionen har lagt til"
OTHERS_LINK = "hvem der har lagt hvad til"
EDITORS_PLACE = "i bogens kapitel „Data og genkørsel“ under „Hvem siger det“"
# The data chapter's section on how the book counts the quotes (book/om-data/genkoersel.ipynb).
COUNTING_ANCHOR = "citattaelling"


def _section(data: Dataset, section_id: str):
    rows = data.sections.loc[data.sections["section_id"] == section_id]
    return None if rows.empty else rows.iloc[0]


def _period(data: Dataset) -> tuple[str, str]:
    events = data.programme_events
    start = events.loc[events["kind"] == "periode-start", "date"]
    end = events.loc[events["kind"] == "periode-slut", "date"]
    return (month(start.iloc[0]) if len(start) else "", month(end.iloc[0]) if len(end) else "")


def publication(data: Dataset):
    return data.publication.iloc[0]


def lead(data: Dataset) -> str:
    report = publication(data)
    start, end = _period(data)
    when = f" ({esc(start)} – {esc(end)})" if start and end else ""
    # The book's own description of the report, said to be the book's: not the report's subtitle. kr-front-lead: a size
    # of its own on a phone, for the first screen (lesning.css); a chapter's lead keeps its text's size.
    return (
        f'<p class="kr-lead kr-front-lead">Denne bog gengiver {esc(genitive(report.publisher))} {esc(report.kind)} '
        f"<cite>{esc(report.title)}</cite> "
        f"om, hvordan {count_word(len(data.municipalities))} kommuner brugte kunst og kultur til at fremme borgernes mentale "
        f"sundhed{when}.</p>"
    )


def credit(data: Dataset, href: str = "", this: str = "Denne bog", place: str = EDITORS_PLACE) -> str:
    """Whose the report is and whose this book is, as markup: the report is its publisher's; the book (or a printed
    edition) is the editors' presentation of it, or rests on an analyst's or a QDA project's data where the folder
    says so (provenance), with a link to who added what or, in print, where the book says it (`place`: an edition names
    the edition that holds the chapter)."""
    report = publication(data)
    source = provenance.folder_source(data.options)
    link = EDITORS_LINK if source == BY_REPORT else OTHERS_LINK
    added = f'Se, <a href="{esc(href)}">{link}</a>.' if href else f"{link.capitalize()}, står {place}."
    whose = (
        "er redaktionens gengivelse af rapporten, ikke udgiverens egen"
        if source == BY_REPORT
        else f"bygger på {esc(provenance.words(source).holder)}, ikke på rapporten alene"
    )
    return f"Rapporten <cite>{esc(report.title)}</cite> er udgivet af {esc(report.publisher)}. {esc(this)} {whose}. {added}"


def cover_kicker(data: Dataset) -> str:
    """The line over a printed edition's title: the editors' presentation of the report, or (in a book on an
    analyst's or a QDA project's data) that data in the book about the report."""
    report = publication(data)
    source = provenance.folder_source(data.options)
    if source == BY_REPORT:
        return f"Redaktionens gengivelse af {genitive(report.publisher)} rapport"
    return f"{provenance.words(source).subject} i bogen om {genitive(report.publisher)} {report.kind}"


def _finding(data: Dataset, row) -> str:
    return f"{esc(row.lead)} {esc(guide.quoted(data, 'findings', row.finding_id, row.report_text))}."


def chosen_by(data: Dataset) -> str:
    """Whose choice and words the findings are: the words in »…« are the report's, verbatim; picking them out and the
    lead-in before them are the editors' (findings.csv, lead). In another folder they are that folder's (an analyst's),
    and the report is not said to be their source."""
    n = len(data.findings)
    if provenance.folder_source(data.options) == BY_REPORT:
        return f"{count_word(n).capitalize()} fund, valgt af redaktionen: ordene i »…« er rapportens, indledningen før dem er redaktionens"
    said = f"{count_word(n).capitalize()} {'sætning' if n == 1 else 'sætninger'}"
    return f"{said} fra {provenance.folder_words(data.options).holder}"


def _no_main_findings(data: Dataset, ingredients: str) -> str:
    """What the report itself says of main findings, in the report's own book only."""
    if provenance.folder_source(data.options) != BY_REPORT:
        return ""
    return f" Rapporten udpeger ikke selv hovedfund; dens tværgående analyser peger på de {ingredients} virksomme ingredienser."


def findings(data: Dataset) -> str:
    items = "".join(f"<li>{_finding(data, f)}</li>" for f in table_rows(data.findings.sort_values("position")))
    ingredients = count_word(len(data.ingredients))
    return (
        # The findings first, then whose they are: the section opened with a disclaimer before any finding (reader 18).
        f'<ul class="kr-findings">{items}</ul>'
        f'<p class="kr-findings-source">{esc(chosen_by(data))}.{esc(_no_main_findings(data, ingredients))}</p>'
    )


def ingredient_lines(data: Dataset) -> str:
    """The effective ingredients, each its name (a link to its page) and its one-line definition, whose words the
    definition is said by its own mark (lists.short_definition): what the report found, on the first screen (reader 24,
    #1: the names alone said nothing a consultant could repeat)."""
    items = []
    for row in table_rows(data.ingredients.sort_values("number")):
        section = _section(data, row.section_id)
        name = esc(row.name)
        title = book_link(section.book_page, name) if section is not None else name
        items.append(f"<li>{title}: {cards.sourced_markup(lists.short_definition(data, row))}</li>")
    return f'<ol class="kr-front-ingredients">{"".join(items)}</ol>'


def first_sentence(text: str) -> str:
    """A text's first sentence: up to the first full stop that a space and a capital letter follow, or the whole text."""
    found = re.search(r"[.!?](?=\s+[A-ZÆØÅ»])", text)
    return text[: found.end()] if found else text


# Said after the chosen municipality's name in the front page's list, shown only there (kommunefilter.css).
CHOSEN_WORD = "valgt"


def municipality_lines(data: Dataset) -> str:
    """What each municipality did, in one line: its name (a link to its page) and the first sentence of its summary,
    whose words it is said by its own mark (municipalities.summary). The chosen one is marked as on every other page
    (data-kr-mark: bold, and the word CHOSEN_WORD after it; reader review 5: the front page's list did not show the
    choice)."""
    chosen = f'<span class="kr-chosen-word"> ({CHOSEN_WORD})</span>'
    items = []
    for r in table_rows(data.municipalities):
        did = first_sentence(str(r.summary))
        # A sentence that opens with the name says it once, as the link ("Køge: Køge holdt …" said it twice).
        opens = did.startswith(f"{r.name} ")
        rest = did.removeprefix(f"{r.name} ") if opens else did
        said = cards.sourced_markup(cards.sourced(data, "municipalities.summary", r.summary, rest))
        items.append(
            f'<li data-kommune="{esc(r.kommunekode)}" data-kr-mark="{esc(r.kommunekode)}">'
            f"{book_link('kommuner/profil-' + r.slug, esc(r.name))}{chosen}{' ' if opens else ': '}{said}</li>"
        )
    return f'<ul class="kr-front-municipalities">{"".join(items)}</ul>'


# The page that sets the municipalities side by side (book/_toc.yml), offered beside them on the first screen.
COMPARISON_PAGE = "kommuner/sammenligning"


def municipality_offer(data: Dataset) -> str:
    """What a municipality's reader gets, said right under the first screen (reader 14: the filter's use was explained
    only in the front page's third section): its own page, the comparison, and a choice the rest of the book
    highlights. The first screen itself is full on a 667 px phone. A page's quotes are promised only where the data tie
    some quote to a municipality (views.any_tied)."""
    own = "sine indsatser og citater" if views.any_tied(data) else "sine indsatser"
    return (
        f'<p class="kr-front-offer kr-web-only">Hver kommune har sin egen side med {own}, og '
        f"{book_link(COMPARISON_PAGE, 'Sammenlign kommuner')} stiller dem side om side. Vælger du en kommune i "
        "filteret øverst, fremhæver resten af bogen den.</p>"
    )


def starts(data: Dataset) -> str:
    items = []
    for section_id, what, anchor in STARTS:
        section = _section(data, section_id)
        if section is not None:
            # "Din kommune" leads to the chosen municipality's own page once one is chosen (kr-filter.js, by the
            # build's address for each choice, highlight.page_sentences "offer_href"), to the overview before.
            css = "kr-own-page" if section_id == MUNICIPALITIES_SECTION else ""
            items.append(f"<li>{book_link(section.book_page, esc(what), css, anchor)}</li>")
    return f'<ul class="kr-inline-list kr-starts">{"".join(items)}</ul>'


def reference(data: Dataset) -> str:
    """Publisher (year): title. The year is the report's own 'u.å.' where it states none. The one wording of the
    report as a reference: the front page and the PDF editions both cite it so. The kind of publication
    ('evalueringsrapport') is left out: it is the editors' term (publication.kind), and a citation says no whose."""
    report = publication(data)
    year = "u.å." if report.year == "ikke angivet" else report.year
    return f"{esc(report.publisher)} ({esc(year)}): <cite>{esc(report.title)}</cite>."


# The report's pages (reading 24, F9): the text the book is made from has lost them, so the book cites by section.
# One page footer is left in it („13Sund By Netværket“): „har ingen sidetal“ was not quite true (reading 30, #7).
NO_PAGE_NUMBERS = (
    "Den tekst af rapporten, bogen er lavet efter, har mistet rapportens sidetal; kun ét står tilbage. Derfor henviser "
    "bogen til rapportens afsnit "
    "(„Afsnit: …“), ikke til sider; skal du bruge et sidetal, må du finde det i rapporten selv."
)
# The web book's edition and the place of its day, in the one form of citing (Citing): the notebook's output keeps the
# place, and the build writes the day the page was built into it (book/extension.py _on_page), so that the output does
# not change with the day and a reader copies a whole citation (reader 26, #6).
WEB_EDITION = "netudgave af bogen"
WEB_DATE = "[datoen nederst på siden]"


@dataclass(frozen=True)
class Citing:
    """How to cite, in one form on the web page and in every PDF (reading 24, F3: the editions' example put the
    editors' edition under the publisher's name): the report cited as the report, the edition named as the editors'."""

    report: str  # 'Citér rapporten som kilden: Sund By Netværket (u.å.): Kulturens Rige. <what the year rests on>'
    pages: str  # NO_PAGE_NUMBERS, where the data are the report's own
    edition: str  # 'Bruger du bogen, så nævn, at du citerer efter redaktionens udgave for Aarhus. Udgaven er …'
    example: str  # 'Eksempel: Sund By Netværket (u.å.): Kulturens Rige. Citeret efter redaktionens udgave for Aarhus, 7. december 2026.'


def citing(data: Dataset, edition: str, when: str, url: str = "") -> Citing:
    """`edition`: 'udgave for Aarhus', 'udgave af hele bogen', WEB_EDITION; `when`: the day it was made (WEB_DATE on
    the web, whose foot line gives it)."""
    report = publication(data)
    note = f" {esc(report.year_note)}" if report.year_note else ""
    cited = reference(data)
    # Whose the edition is: the editors' on the report's data, the analyst's (or the QDA project's) on theirs.
    ours = provenance.folder_source(data.options) == BY_REPORT
    owner = esc(provenance.words(BY_EDITORS).own if ours else provenance.folder_words(data.options).own)
    return Citing(
        report=f"Citér rapporten som kilden: {cited}{note}",
        pages=esc(NO_PAGE_NUMBERS) if ours else "",
        edition=(
            f"Bruger du bogen, så nævn, at du citerer efter {owner} {esc(edition)}. Udgaven er {owner}, ikke "
            f"{esc(genitive(report.publisher))}. Nævn også den dag, den er lavet, for bogen kan blive lavet igen med nye data."
        ),
        example=f"Eksempel: {cited} Citeret efter {owner} {esc(edition)}, {esc(when)}{', ' + esc(url) if url else ''}.",
    )


def citation(data: Dataset) -> str:
    """How to cite on the web: the one form of `citing`, with the date a reader sees at the foot of the page. The data's
    code is an analyst's (words.edition_mark, in the page's foot line)."""
    cite = citing(data, WEB_EDITION, WEB_DATE)
    pages = f'<p class="kr-citation-note">{cite.pages}</p>' if cite.pages else ""
    return (
        f'<p class="kr-citation">{cite.report}</p>{pages}'
        f'<p class="kr-citation-note">{cite.edition}</p><p class="kr-citation-note kr-example">{cite.example}</p>'
    )


def _line(ident: str, heading: str, body: str) -> str:
    """One part of the first screen: a run-in heading and its content, compact enough for a phone."""
    return f'<section class="kr-front-line" aria-labelledby="{ident}"><h2 id="{ident}">{esc(heading)}</h2>{body}</section>'


def _main_finding(data: Dataset) -> str:
    """A link to the findings the editors picked out, with how many there are: the first screen quoted the first of
    them, and the findings' section a screen below quoted it again (issue 22: the same sentence twice, of two). Whose
    choice and words they are, that section says once (chosen_by): the link said it too (reader 29, F1)."""
    if data.findings.empty:
        return ""
    n = len(data.findings)
    said = f"{count_word(n).capitalize()} {'udvalgt fund' if n == 1 else 'udvalgte fund'}"
    return _line("forside-fund", "Fund", f'<p><a href="#{FINDINGS_ID}">{esc(said)}</a></p>')


def _block(ident: str, heading: str, body: str) -> str:
    """One of the first screen's findings: a small heading over its list, a line to each item."""
    return f'<section class="kr-front-block" aria-labelledby="{ident}"><h2 id="{ident}">{esc(heading)}</h2>{body}</section>'


def first_screen(data: Dataset) -> Html:
    """What a consultant came for, first: what the report is and where to start (the guide, the chosen
    municipality's page), one line of links; then its effective ingredients and what each municipality did, one line
    each (reader 24, #1: the first screen held names and the book's bookkeeping, not findings); then the findings and
    how to cite it. The way in stands before the substance (ADR 75): after it, on a phone, it stood about 1,870 px
    down, under three screens of sentences. Past the lead it is the web book's (kr-web-only): paper has its table of
    contents and prints the findings and the citation in full."""
    ingredients = f"De {count_word(len(data.ingredients))} virksomme ingredienser"
    return Html(
        lead(data)
        + '<div class="kr-front kr-web-only">'
        + _line("forside-start", "Start her", starts(data))
        + _block("forside-ingredienser", ingredients, ingredient_lines(data))
        + _block("forside-kommuner", f"Hvad de {count_word(len(data.municipalities))} kommuner gjorde", municipality_lines(data))
        + _main_finding(data)
        + _line("forside-citer", "Citér som", f'<p class="kr-citation">{reference(data)} <a href="#{CITE_ID}">Mere om at citere</a></p>')
        + "</div>"
        + municipality_offer(data)
    )


def main_findings(data: Dataset) -> Html:
    """The findings the editors picked out, each in the report's own words and said to be their choice, under the
    heading the first screen links to."""
    return Html(findings(data))


def how_to_cite(data: Dataset) -> Html:
    """The whole of citing, in the data chapter (CITING_ANCHOR): the front page gives the citation and its example."""
    return Html(citation(data))


# Where the whole of citing stands (how_to_cite), and the front page's one link there: four paragraphs of it were the
# last two of a phone's six screens of the front page (reader 29, F5).
CITING_ANCHOR = "citering"
CITING_LINK = "Hvorfor bogen henviser til afsnit, og hvordan du citerer efter bogen"


def cite_briefly(data: Dataset) -> Html:
    """The front page's „Sådan citerer du rapporten“: the citation and the example (the one form of `citing`), and one
    link to the rest (how_to_cite)."""
    cite = citing(data, WEB_EDITION, WEB_DATE)
    more = book_link(EDITORS_PAGE, esc(CITING_LINK), anchor=CITING_ANCHOR)
    return Html(
        f'<p class="kr-citation">{cite.report}</p><p class="kr-citation-note kr-example">{cite.example}</p>'
        f'<p class="kr-citation-note">{more}</p>'
    )


# Said once above the list of the quote counts: every count in it is the book's, and the report states none.
QUOTES_COUNTED = "Alle tallene her er bogens optælling:"
# Said on the front page's one quote count too, in the report's own book: whose count it is.
REPORT_STATES_NO_COUNT = "Rapporten angiver ikke selv, hvor mange citater den har."
QUOTE_PARTS_LEAD = f"{REPORT_STATES_NO_COUNT} {QUOTES_COUNTED}"


def quote_parts(data: Dataset) -> list[str]:
    """The quote total and its parts as a list a reader can scan, each item opening with its count and saying what it
    counts: the report's printed quotations as the book counts them, the turns of exchanges counted apart, the
    literature, and the ties to ingredients with whose ties they are (QUOTE_PARTS_LEAD says the counts are the
    book's), so that every other quote count in the book reads as a part of one total. The data chapter gives them
    (quote_counting); the front page gives the total alone (issue 22: six quote counts there left none to cite)."""
    tally = statistics.quote_tally(data)
    # The report states no count of its quotations, and an analyst's folder is not the report: every count is the book's.
    holder = provenance.folder_words(data.options).holder
    # The total comes first and every other count is said as a part of it, so a reader has one number to quote.
    if tally.exchanges:
        whole = (
            f"{plural(tally.total, 'citat', 'citater')} i alt: bogen regner hver af de {number(tally.turns)} replikker i "
            f"{plural(tally.exchanges, 'ordveksling', 'ordvekslinger')} som sit eget citat."
        )
        printed = (
            f"{plural(tally.printed, 'citat', 'citater')} står i {holder}, hvor hver ordveksling tæller som ét; det er "
            f"de samme {number(tally.total)}, talt på den måde."
        )
        items = [whole, printed]
    else:
        items = [f"{plural(tally.total, 'citat', 'citater')} i alt står i {holder}."]
    if tally.cited:
        own = provenance.own_quotes(data.options)
        items.append(f"{number(tally.own)} af de {number(tally.total)} er {own}, {number(tally.cited)} fra litteraturen.")
    return items + lists.ingredient_part_items(tally, data.options)


def key_figures(data: Dataset) -> Html:
    """The figures a consultant can quote: first those the report itself gives (report_figures), each with the section
    of the report it stands in; then the book's own counts, said to be the book's. All for the whole report, whatever
    the filter shows. How the book counts them stands once, in the data chapter (counted_initiatives, quote_counting),
    behind one link (reader 24, #1: the front page explained its counting in running text)."""
    # The one quote count a consultant cites: the book's, said so by the list's lead ("Bogens egen optælling") and, in
    # the report's book, by the word that the report states none (issue 22: 38, 35, 30, 29 and 32 side by side left no
    # number to cite). Each tile says in a few words what it counts (the quote's unit, views.REPLIK_IS_A_QUOTE).
    whose = REPORT_STATES_NO_COUNT if provenance.folder_source(data.options) == BY_REPORT else ""
    # Where no quote is tied, the one place the whole book says so: a profile no longer does (ADR 95), and a
    # consultant who looks for the municipality's own quotes reads why there are none at the count (ADR 97), in the
    # quotes' tile's note: alone after the tiles it read as a stray sentence (reader32, #6; ADR 123).
    untied = cards.untied_said(data, f"{cards.UNTIED_QUOTES}.")
    counted = [
        (number(statistics.count_initiatives(data.initiatives)), "indsatser", ""),
        (number(len(data.quotes)), "citater", f"{views.REPLIK_IS_A_QUOTE[0].upper()}{views.REPLIK_IS_A_QUOTE[1:]}. {whose}".strip()),
    ]
    # A second short note in the quotes' tile, under what it counts (each tile's note stays a few words).
    after = {"citater": f'<span class="{cards.QUOTES_UNTIED_CSS} kr-figure-explained">{esc(untied)}</span>'} if untied else {}
    more = f"{book_link(EDITORS_PAGE, METHOD_LINK, anchor=EDITORS_ANCHOR)}, står i kapitlet „Data og genkørsel“."
    holder = provenance.folder_words(data.options).holder
    own = "Rapportens egne tal" if provenance.folder_source(data.options) == BY_REPORT else f"Tal fra {holder}"
    return Html(
        f'<p class="kr-figures-lead">{esc(own)}, hvert med det afsnit, det står i:</p>'
        + _figure_list(data, report_figures(data), own)
        + '<p class="kr-figures-lead">Bogens egen optælling:</p>'
        + _figure_list(data, [(n, label, explained, "") for n, label, explained in counted], "Bogens egen optælling", after)
        + f'<p class="kr-quote-more">{more}</p>'
    )


# The front page's one link to how the book counts and who says what (the data chapter's "Hvem siger det").
METHOD_LINK = "Hvordan bogen tæller, og hvem der siger hvad"


def counted_initiatives(data: Dataset) -> Html:
    """How the book counts the initiatives, for the data chapter: a project and its parts are one, each counted once
    by its kind (whose kinds they are said by provenance), and which projects have parts."""
    kinds = dict(zip(data.initiative_kinds["initiative_kind_id"], data.initiative_kinds["label"], strict=True))
    # A project's parts (initiatives.part_of) stand on cards of their own but are counted with their project.
    wholes = data.initiatives[~statistics.initiative_parts(data.initiatives)]
    by_kind = ", ".join(f"{kinds[k].lower()}: {number(n)}" for k, n in wholes["kind"].value_counts(sort=False).items())
    # Which projects have parts, and how many: "Rudersdals projekt har 2 delindsatser."
    parts = data.initiatives[statistics.initiative_parts(data.initiatives)]
    projects = data.initiatives.set_index("initiative_id").loc[parts["part_of"].unique()]
    within = " ".join(
        f"{genitive(filters.municipality_name(data, str(code)))} projekt har "
        f"{plural(int((parts['part_of'] == whole).sum()), 'delindsats', 'delindsatser')}."
        for whole, code in zip(projects.index, projects["kommunekode"], strict=True)
    )
    whose_kinds = provenance.value_label(data.options, "initiatives.kind")
    total = number(statistics.count_initiatives(data.initiatives))
    each_kind = f"Hver indsats tælles én gang efter sin slags ({by_kind}; {whose_kinds})."
    kinds_line = " ".join(filter(None, (f"De {total} indsatser:", INITIATIVES_COUNTED, each_kind, within)))
    return Html(f'<p class="kr-figures-counted">{esc(kinds_line)}</p>')


def _figure_list(data: Dataset, figures: list[tuple[str, str, str, str]], label: str, after: Mapping[str, str] | None = None) -> str:
    """Figures as cards: the number, what it counts, a word on it and the section of the report it stands in. All
    four are text (a period's dates and the virtual workshops' count come from data): escaped here. `after`: markup,
    escaped where it was made, that closes the card of the figure counting that (key_figures' note on the quotes)."""
    items = []
    for n, what, explained, section_id in figures:
        section = _section(data, section_id) if section_id else None
        where = ""
        if section is not None:
            said = provenance.in_sections(data.options, [f"»{section.title}«"])
            where = f' <span class="kr-figure-source">{book_link(section.book_page, esc(said[0].upper() + said[1:]))}</span>'
        note = f' <span class="kr-figure-explained">{esc(explained)}</span>' if explained else ""
        more = f" {after[what]}" if after and what in after else ""
        items.append(f'<li><span class="kr-figure-number">{esc(n)}</span> {esc(what)}{note}{more}{where}</li>')
    per_row = tiles_per_row(len(items))
    return f'<ul class="kr-key-figures" data-kr-per-row="{per_row}" aria-label="{esc(label)}">{"".join(items)}</ul>'


# As many figures as stand side by side on a desktop's text column (9rem each, kommunefilter.css .kr-key-figures).
WIDEST_ROW = 4


def tiles_per_row(count: int) -> int:
    """How many figures a desktop row holds: as few rows as the widest allows, their figures shared out evenly, so
    that no figure stands alone on a last row (issue 22: five stood four and one). A phone's narrower column keeps
    its own two a row (the stylesheet's floor)."""
    rows = max(1, math.ceil(count / WIDEST_ROW))
    return max(1, math.ceil(count / rows))


def report_figures(data: Dataset) -> list[tuple[str, str, str, str]]:
    """The figures the report itself states, as (number, what, a word on it, the section it stands in), each counted
    from the rows that hold it: the municipalities (»de syv deltagende kommuner«), the project period, the joint
    workshops and virtual pitstops, and the effective ingredients. A figure whose rows are missing is left out."""
    events = data.programme_events
    facts = dict(zip(data.programme_facts["fact_id"], data.programme_facts["value"], strict=True))
    figures = [(number(len(data.municipalities)), "kommuner", "", MUNICIPALITIES_SECTION)]
    start, end = _period(data)
    if start and end and facts.get(PERIOD_FACT):
        section = str(events.loc[events["kind"] == "periode-start", "section_id"].iloc[0])
        figures.append((facts[PERIOD_FACT], "projektperiode", f"Fra {start} til {end}.", section))
    for kind, what in PROGRAMME_COUNTS:
        rows = events[events["kind"] == kind]
        if len(rows):
            virtual = facts.get(VIRTUAL_FACT, "") if kind == "workshop" else ""
            figures.append((number(len(rows)), what, f"Heraf {virtual} virtuelt." if virtual else "", str(rows["section_id"].iloc[0])))
    if len(data.ingredients):
        parents = data.sections.loc[data.sections["section_id"].isin(data.ingredients["section_id"]), "parent_id"]
        figures.append((number(len(data.ingredients)), "virksomme ingredienser", "", str(parents.iloc[0]) if len(parents) else ""))
    return figures


# The programme's facts and events the front page's figures count (programme_facts.csv, programme_events.csv).
PERIOD_FACT = "periode-varighed"
VIRTUAL_FACT = "virtuelle-workshops"
PROGRAMME_COUNTS = (("workshop", "fælles workshops"), ("pitstop", "virtuelle pitstops for tovholderne"))


def _parts_lead(data: Dataset) -> str:
    return QUOTE_PARTS_LEAD if provenance.folder_source(data.options) == BY_REPORT else QUOTES_COUNTED


def quote_counting(data: Dataset) -> Html:
    """Every part of the quote count, for the data chapter: the front page shows only the brief list of quote_parts."""
    parts = "".join(f"<li>{esc(item)}</li>" for item in quote_parts(data))
    return Html(f'<p class="kr-quote-count">{_parts_lead(data)}</p><ul class="kr-quote-parts">{parts}</ul>')


def ties(data: Dataset) -> Html:
    """How many quotes are tied to a municipality and by whom, in the words of data/provenance.py."""
    return Html(f'<p class="kr-ties">{esc(attribution.tie_counts(statistics.quote_tally(data), data.options))}</p>')


def mark_explained(data: Dataset) -> Html:
    """What the editors' short mark means, said once in the book's text, in the data chapter under "Hvem siger det"
    (the front page said it in a section of its own; reader 24, #1): every page's marks open the same words
    (extension.marks_explained), and no page repeats them in its body (issue 22). In a data folder that is not the
    report's the marks are that source's full words, which need no key."""
    if provenance.folder_source(data.options) != BY_REPORT:
        said = f"En værdi siger i parentes, hvis den er, fx ({provenance.folder_words(data.options).value})."
        return Html(f"<p>{esc(said)}</p>")
    # The tap is the web page's: a printed page has no control (edition.DROPPED drops .kr-web-only).
    tap = f"Tryk eller klik på et „{provenance.owner_mark(provenance.EDITORS_SHORT)}“ på en side for at se forklaringen igen."
    return Html(
        f'<p>{esc(provenance.page_key())}{esc(report_quote_marks(data))} <span class="kr-web-only">{esc(tap)}</span> Hvad '
        f"redaktionen har gjort og hvorfor, står ovenfor under {book_link(EDITORS_PAGE, '„Hvem siger det“', anchor=EDITORS_ANCHOR)}.</p>"
    )


def report_quote_marks(data: Dataset) -> str:
    """Where a title the report gives keeps the report's own quotation marks (»Etablering af ”vi”«), one sentence that
    says they are the report's and kept: beside the book's „…“ they read as a typo in the menus (issue 22, reader
    #12). The report's words are never changed; '' where no title has them."""
    titles = [str(t) for t in data.sections.sort_values("position")["title"] if "”" in str(t)]
    if not titles:
        return ""
    return f" Anførselstegnene i en titel som »{titles[0]}« er rapportens egne; bogen beholder dem."


def card_ties(data: Dataset) -> Html:
    """What a quote card says of its municipality, from the data: where no quote is tied, that the cards have no such
    line; an inferred tie's reason only where the data hold one (views.switchable)."""
    if not views.any_tied(data):
        said = f"{cards.UNTIED_CARDS}; det gælder også citaterne fra litteraturen{_signs(data)}."
        if provenance.folder_source(data.options) != BY_REPORT:
            said = said.replace("Rapporten nævner", f"{provenance.folder_words(data.options).subject} nævner", 1)
        return Html(f"<p>{esc(said)}</p>")
    why = ": er kommunen udledt, står begrundelsen på kortet" if views.switchable(data) else ""
    return Html(
        "<p>Hvert citatkort fra evalueringen siger, hvilken kommune citatet er knyttet til, og hvem der har knyttet det"
        f"{why}. Citater fra litteraturen er ikke knyttet til en kommune, og deres kort har ingen kommunelinje; det har et "
        "skilts kort heller ikke, for et skilt har ingen taler at knytte til en kommune.</p>"
    )


def _signs(data: Dataset) -> str:
    """', og kortet med Regnbueskiltet på Arken': the signs the report quotes, named as their cards name them ('skiltets
    kort' on the front page never said which sign; issue 22), or nothing where the data quote no sign."""
    kinds = data.tables["quote_kinds"]
    silent = set(kinds.loc[kinds["without_speaker"] == "ja", "quote_kind_id"])
    names = list(dict.fromkeys(data.quotes.loc[data.quotes["kind"].isin(silent), "speaker_role"]))
    if not names:
        return ""
    return f" og kortet med {listing([n[0].lower() + n[1:] for n in names])}"


def filter_help(data: Dataset) -> Html:
    """The filter explained on the front page, web only. Whose inferred ties the switch leaves out at first, and whose
    roles they could be joined with, come from the folder's provenance: a book on an analyst's data credits no editors
    and no report."""
    marked, kept = highlight.what_a_choice_marks(data)
    text = (
        "Øverst på hver side står et filter med listen over kommuner. Vælger du en kommune, fremhæver siden det, der "
        f"hører til den – {marked} – mens de fælles fund og {kept} bliver stående. Valget står i sidens adresse, så et "
        "link, du sender, viser modtageren præcis den samme visning, "
        "og det følger med, når du går videre til en anden side."
    )
    quotes = data.quotes
    inferred = int(((quotes["attribution"] == "inferred") & (quotes["kommunekode"] != "")).sum())
    if inferred:
        roles = provenance.words(provenance.roles_source(data.options)).holder
        text += (
            # No count here: the front page gives one quote count (the book's), and this is not it.
            f" Når siden åbner, er de kommuner, der er {provenance.inferred_words(data.options)} ved nogle citater, "
            f"slået fra: sammen med den rolle, {roles} giver taleren, kan en "
            f"sådan tilknytning pege på én person. Slår du „{SWITCH_LABEL}“ til under „{SETTINGS}“, viser og fremhæver "
            "siden dem også."
        )
    return Html(f'<div class="kr-web-only"><p>{esc(text)}</p></div>')
