"""Whose word is it: the report's, the editors', an analyst's or a QDA project's, worded in Danish once.

The sources are declared in the schema (SOURCES, and EDITORIAL for the values the report does not state). A data
folder says who prepared it (options.csv, `kilde`, standard `analytiker`: only data/ states `rapporten`, ADR 86)
and who stated its quotes' municipalities (`kommune_angivet_af`, standard the folder's source; the REFI-QDA import
writes `qda-projekt`). Pages, cards, status sentences, PDFs, downloads and the QDA export all word a source through
`words()`, so a book built on an analyst's data never credits the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from kulturensrige.data.frames import lookup, made_once
from kulturensrige.data.municipality_codes import codes_are_official
from kulturensrige.data.schema import (
    ATTRIBUTED_BY,
    ATTRIBUTIONS,
    BY_ANALYST,
    BY_EDITORS,
    BY_QDA,
    BY_REPORT,
    CHART_VALUES,
    COUNTED_FROM_DATA,
    EDITORIAL_VALUES,
    FIGURE_DOWNLOAD_COLUMNS,
    FIGURE_TABLES,
    FOLDER_BLANKS,
    FOLDER_SOURCE,
    IN_REPORT_NOT_STATED,
    NO_PARTNERS,
    NO_STATUS_BEFORE,
    NOT_GIVEN,
    NOT_STATED,
    ORGANISATION_RULE,
    OUTCOME_DESCRIBED,
    OUTCOME_QUESTION,
    OUTCOME_UNTOLD,
    PAGE_TABLES,
    PART_BLANKS,
    PUBLISHED_BLANKS,
    PUBLISHED_CODES,
    RELATIONS,
    SOURCES,
    SPEAKER_CATEGORIES,
    TITLE_LIST_ITEM,
    UNTIED_COUNTED,
    UNTIED_HIGHLIGHTED,
    YES,
    Editorial,
)
from kulturensrige.words import WHOSE_COLUMN, count_word, listing, number, plural


@dataclass(frozen=True)
class Words:
    """One source in Danish, in each form a sentence needs."""

    source: str
    stated: str  # a municipality this source gives for a quote: "angivet i rapporten"
    inferred: str  # a municipality inferred on this source's side: "udledt af redaktionen"
    not_stated: str  # "ikke angivet i rapporten"
    holder: str  # where the quotes and their ties are held, as a sentence names it: "rapporten"
    value: str  # a value this source gives, as a label: "redaktionens læsning"
    stated_meaning: str  # what "stated" means, for a note in words
    inferred_meaning: str
    own: str  # whose, as a word before a noun: "rapportens rækkefølge", "analytikerens rækkefølge"

    @property
    def order(self) -> str:
        """The order this source's rows stand in, as a sentence says it: 'rapportens rækkefølge'."""
        return f"{self.own} rækkefølge"

    @property
    def wording(self) -> str:
        """A value in this source's own words, as a sentence says it: 'rapportens ordlyd'."""
        return f"{self.own} ordlyd"

    @property
    def subject(self) -> str:
        """The holder starting a sentence: 'Rapporten', 'Analytikerens data'."""
        return f"{self.holder[0].upper()}{self.holder[1:]}"

    def tie(self, attribution: str) -> str:
        """The words for one attribution level: stated, inferred or not stated."""
        return {"stated": self.stated, "inferred": self.inferred, "not stated": self.not_stated}[attribution]


_WORDS = {
    BY_REPORT: Words(
        BY_REPORT,
        "angivet i rapporten",
        "udledt af redaktionen",
        IN_REPORT_NOT_STATED,
        "rapporten",
        "rapportens",
        "at rapporten selv nævner kommunen",
        "at bogens redaktion har knyttet citatet til kommunen ud fra rapportens egne oplysninger",
        "rapportens",
    ),
    BY_EDITORS: Words(
        BY_EDITORS,
        "angivet af redaktionen",
        "udledt af redaktionen",
        "ikke angivet af redaktionen",
        "redaktionens data",
        "redaktionens",
        "at bogens redaktion har angivet kommunen",
        "at bogens redaktion har knyttet citatet til kommunen ud fra rapportens egne oplysninger",
        "redaktionens",
    ),
    BY_ANALYST: Words(
        BY_ANALYST,
        "angivet af analytikeren",
        "udledt af analytikeren",
        "ikke angivet af analytikeren",
        "analytikerens data",
        "analytikerens angivelse",
        "at analytikeren, der har lavet datamappen, har angivet kommunen",
        "at analytikeren har knyttet citatet til kommunen ved en udledning, ikke en angivelse",
        "analytikerens",
    ),
    BY_QDA: Words(
        BY_QDA,
        "angivet af analytikeren i QDA-projektet",
        "udledt i QDA-projektet",
        "ikke angivet i QDA-projektet",
        "QDA-projektet",
        "kodet i QDA-projektet",
        "at analytikeren har registreret kommunen ved citatets kilde i sit QDA-projekt",
        "at kommunen er udledt, ikke registreret, i QDA-projektet",
        "QDA-projektets",
    ),
}


# The levels of a quote's tie to a municipality in the one order every count of them follows (schema.ATTRIBUTIONS),
# each with the short word a count says it in where whose the tie is goes without saying: '(1 angivet, 2 udledt)'.
INFERRED = ATTRIBUTIONS[1]
TIE_WORDS = dict(zip(ATTRIBUTIONS, ("angivet", "udledt", "ikke angivet"), strict=True))
NOT_TIED = ATTRIBUTIONS[-1]


def tie_levels(counts: Mapping[str, int]) -> list[tuple[str, int]]:
    """Counts by tie level, in the one order of TIE_WORDS, the levels counted only: a sentence that lists them says
    '1 angivet, 2 udledt' whichever card came first."""
    return [(level, int(counts[level])) for level in TIE_WORDS if counts.get(level)]


def words(source: str) -> Words:
    """The one place a source becomes Danish words."""
    return _WORDS[source]


def code_words(options: pd.DataFrame, value: str, code: str) -> str:
    """A provenance code of a published column (schema.PUBLISHED_CODES) in the pages' words: a quote's 'inferred' is
    'udledt af redaktionen' as on its card; a row's basis the editors gave is the label the PDFs print after the value
    (value_label: 'redaktionens titel', 'redaktionens læsning'; reading 25, finding 5: the download said 'udledt af
    redaktionen' where the PDF said '(redaktionens titel)'), and 'udledt af analytikeren' in an analyst's folder. An
    empty cell (a form the report does not give) stays empty."""
    if not code:
        return ""
    if PUBLISHED_CODES[value] == ATTRIBUTED_BY:
        return words(ties_source(options)).tie(code)
    if code == INFERRED and value_source(options, value) == BY_EDITORS:
        return value_label(options, value)
    return words(folder_source(options)).tie(code)


# A quotation from a cited work has no municipality, said alike under its card in the PDFs and in quotes.csv's
# attribution (the s23 reading, #5: the editions said "det hører ikke til en kommune", the front page "ikke knyttet til
# en kommune" and the download "ikke angivet i rapporten", as if the report had left a municipality out).
LITERATURE_UNTIED = "citat fra litteraturen, ikke knyttet til en kommune"


def code_aliases() -> dict[str, str]:
    """Every source's words for a code -> the code: a published download read back as a data folder gives the codes
    again (validation), whoever's words it was written in. Refuses words that would stand for two codes."""
    aliases: dict[str, str] = {LITERATURE_UNTIED: NOT_TIED}
    said_for = [(words(source).tie(code), code) for source in SOURCES for code in ATTRIBUTIONS]
    # A basis the editors gave, as code_words writes it: the label the PDFs print ('redaktionens titel').
    said_for += [(f"redaktionens {EDITORIAL_VALUES[v].act}", INFERRED) for v, by in PUBLISHED_CODES.items() if by == FOLDER_SOURCE]
    for said, code in said_for:
        if aliases.setdefault(said, code) != code:
            raise ValueError(f"»{said}« would stand for both {aliases[said]} and {code}")
    return aliases


def _option(options: pd.DataFrame, option_id: str) -> str:
    return str(made_once(options, "first value", _first_values).get(option_id, ""))


def _first_values(options: pd.DataFrame) -> dict[str, str]:
    """Each option's value (its first row): asked for by every quote card, so read once per table."""
    return dict(reversed(list(zip(options["option_id"], options["value"], strict=True))))


def folder_words(options: pd.DataFrame) -> Words:
    """The words of whoever prepared the data folder: the holder of its rows, their order and their sections."""
    return words(folder_source(options))


def wording(options: pd.DataFrame) -> str:
    """The label over a value's wording as the folder gives it ('report_text'): 'Rapportens ordlyd' in the report's
    folder, 'Analytikerens ordlyd' in an analyst's, so the report is not credited with the analyst's text."""
    said = folder_words(options).wording
    return f"{said[0].upper()}{said[1:]}"


def order(options: pd.DataFrame) -> str:
    """The order the data folder's rows stand in, as a sentence says it: 'rapportens rækkefølge' in the report's folder,
    'analytikerens rækkefølge' in an analyst's, so the report is not credited with the analyst's order."""
    return folder_words(options).order


def in_sections(options: pd.DataFrame, quoted: list[str]) -> str:
    """Where rows stand, as a sentence goes on after 'står i' or 'bygger på': 'rapportens afsnit »Køge«' in the
    report's folder; 'afsnittet »Køge« i analytikerens data' in another, so the report is not credited with its rows."""
    said = listing(quoted)
    if folder_source(options) == BY_REPORT:
        return f"rapportens afsnit {said}"
    return f"{'afsnittet' if len(quoted) == 1 else 'afsnittene'} {said} i {folder_words(options).holder}"


def folder_source(options: pd.DataFrame) -> str:
    """Who prepared the data folder: `kilde`, standard `analytiker`. A folder is the report's only where it says so (data/
    does, ADR 86): a folder made from the CSV templates, or without options.csv, is an analyst's and never credits the report."""
    return _option(options, FOLDER_SOURCE) or BY_ANALYST


def ties_source(options: pd.DataFrame) -> str:
    """Who stated the quotes' municipalities: `kommune_angivet_af`, standard the folder's source."""
    return _option(options, ATTRIBUTED_BY) or folder_source(options)


def roles_source(options: pd.DataFrame) -> str:
    """Whose the roles of the quotes tied to a municipality are: the report's only where both the folder and its ties
    are; a QDA project's or an analyst's where they gave the ties (the REFI-QDA import brings role and tie together)."""
    folder, ties = folder_source(options), ties_source(options)
    return ties if ties != BY_REPORT else folder


def untied(options: pd.DataFrame) -> str:
    """A quote without a municipality, in the words of whoever ties the quotes: 'hverken angivet i rapporten eller
    udledt af redaktionen'; 'hverken angivet eller udledt af analytikeren'. Not 'ikke angivet i rapporten' alone:
    the report ties no quote, and the quotes the editors tie stand elsewhere."""
    said = words(ties_source(options))
    stated, inferred = said.stated.split(" ", 1), said.inferred.split(" ", 1)
    if stated[1] == inferred[1]:
        return f"hverken {stated[0]} eller {inferred[0]} {stated[1]}"
    return f"hverken {said.stated} eller {said.inferred}"


def own_quotes(options: pd.DataFrame) -> str:
    """Where the quotes not taken from the literature come from, as a count says it: 'fra rapportens eget materiale'.
    Not 'fra evalueringen selv': the count holds the sign on Arken and the short statements the report gives no
    speaker. Not 'fra rapporten selv' either: beside "35 citater står i rapporten" (exchanges counted as one) a reader
    took 36 'from the report itself' for a second, contradicting count of the same thing (reading 19)."""
    return f"fra {folder_words(options).own} eget materiale"


def inferred_words(options: pd.DataFrame) -> str:
    """'udledt af redaktionen', 'udledt af analytikeren', …: whoever inferred the quotes' ties (ties_source)."""
    return words(ties_source(options)).inferred


def not_given(options: pd.DataFrame, what: str) -> str:
    """Whose absence an 'ikke angivet' is, `what` named as a sentence names it ('datoen', schema.NOT_GIVEN), in the
    downloads' one form for it (reading 30, #2): 'datoen er ikke angivet i rapporten'; '… ikke angivet af analytikeren'."""
    return f"{what} er {folder_words(options).not_stated}"


def untold(options: pd.DataFrame, what: str) -> str:
    """An absence said as a sentence on a page and in a PDF, in the downloads' one form for it (Words.not_stated, as
    every cell says it; reading 30, #2): the outcome's says first what the source does describe (schema.OUTCOME_UNTOLD,
    ADR 104): 'rapporten beskriver indsatserne, men hvad forløbet førte til for målgruppen i Aarhus, er ikke angivet i
    rapporten'."""
    said = folder_words(options)
    described = f" {OUTCOME_DESCRIBED}" if what.startswith(OUTCOME_UNTOLD) else ""
    return f"{said.holder}{described} {what}, er {said.not_stated}"


def _absence(holder: str, what: str) -> str:
    """An absence as the downloads said it before ADR 109, which a download of then read back still holds (not_given_aliases):
    'rapporten angiver ikke datoen'; a question ('hvad forløbet førte til') is a clause, set off by a comma. The
    outcome's absence says first what the source does describe (schema.OUTCOME_UNTOLD): 'rapporten beskriver
    indsatserne, men angiver ikke, hvad forløbet førte til for målgruppen'."""
    described = f" {OUTCOME_DESCRIBED}" if what.startswith(OUTCOME_UNTOLD) else ""
    return f"{holder}{described} angiver ikke{',' if what.startswith('hv') else ''} {what}"


def unnamed_as(options: pd.DataFrame, quote_kinds: pd.DataFrame, kind: str) -> str:
    """What a quote of this kind says where its source names no one, the same on its card and in the PDFs: 'rolle ikke
    angivet i rapporten', or the kind's own word (quote_kinds.unnamed_as): 'skribent …' for a field diary, which has a
    writer, not a role; 'afsender …' for a short statement, which has no speaker at all (reading 28, #5). In the folder's
    one form for an absence (reading 30, #2), which the download's speaker_role says alone (the row's kind names the rest)."""
    word = str(lookup(quote_kinds, "quote_kind_id", "unnamed_as").get(kind, "")) if "unnamed_as" in quote_kinds else ""
    return f"{word if word and word != NOT_STATED else ROLE_WORD} {folder_words(options).not_stated}"


# The word a card names an unnamed speaker by where the kind gives none of its own (unnamed_as).
ROLE_WORD = "rolle"


def is_unnamed(cell: str) -> bool:
    """Whether a download's speaker_role says its speaker is not named, in any source's words and with a kind's word
    before them or not ('ikke angivet i rapporten', and 'afsender ikke angivet' of downloads before ADR 109): read back
    as a data folder, it is the schema's 'ikke angivet' again."""
    said = {NOT_STATED, *(words(source).not_stated for source in SOURCES)}
    cell = cell.strip()
    return cell in said or cell.partition(" ")[2] in said


def given_or_not(options: pd.DataFrame, value: str, cells: pd.Series) -> pd.Series:
    """A column of schema.NOT_GIVEN as a table or a download shows it: each 'ikke angivet' says whose absence it is,
    in the same words on the page, in the PDFs, in the figure's CSV and in the data table's download, the folder's one
    form for it ('ikke angivet i rapporten'; reading 30, #2: „rapporten angiver ikke datoen“ was one of nine)."""
    return cells.where(cells != NOT_STATED, folder_words(options).not_stated)


def not_given_aliases(value: str) -> dict[str, str]:
    """Every source's words for an absence in a column of schema.NOT_GIVEN ('ikke angivet i rapporten', 'ikke angivet
    af analytikeren', and 'rapporten angiver ikke datoen' of downloads before ADR 109) -> 'ikke angivet': a published
    download read back as a data folder gives the schema's value again, whoever's words it was written in."""
    before = {_absence(words(source).holder, NOT_GIVEN[value]) for source in SOURCES}
    return dict.fromkeys([*before, *(words(source).not_stated for source in SOURCES)], NOT_STATED)


def published_blank(options: pd.DataFrame, value: str) -> str:
    """What a download writes in an empty cell of `value` (schema.PUBLISHED_BLANKS), as the pages say it: an
    initiative's list the folder leaves out in the cards' words ('ikke angivet i rapporten'; schema.FOLDER_BLANKS),
    so an analyst's download never says the report leaves it out; the others in the schema's word."""
    return folder_words(options).not_stated if value in FOLDER_BLANKS else PUBLISHED_BLANKS[value]


def published_blank_aliases(value: str) -> set[str]:
    """Every word a download may write in an empty cell of `value`, whoever's folder it was written from (and the
    bare schema word of older downloads): read back as a data folder, each is an empty cell again."""
    said = {words(source).not_stated for source in SOURCES} if value in FOLDER_BLANKS else set()
    return {PUBLISHED_BLANKS[value], *said, *([PART_BLANKS[value]] if value in PART_BLANKS else [])}


def value_source(options: pd.DataFrame, value: str) -> str:
    """The source of a value ('table.column' or 'figur:<id>'): the editors' where the report does not state it and
    the folder is the report's; otherwise the folder's own source."""
    folder = folder_source(options)
    return BY_EDITORS if folder == BY_REPORT and value in EDITORIAL_VALUES else folder


# The short mark an initiative's title carries where the editors gave it (rapporten names the initiative nowhere):
# light on a phone and kept by a card copied or screenshotted alone; the line over the cards says what it means (ADR 32).
EDITORS_SHORT = "red."


def short_key(options: pd.DataFrame, value: str) -> str:
    """What the short mark means, said where it stands: '„(red.)“ efter en titel: redaktionens titel; rapporten giver
    ikke indsatsen den, hverken som navn eller som punkt i en nummereret opremsning.' True of every title it stands by:
    a title that is a report's name or list item is the report's and carries no mark (reading s24, F4)."""
    if value_source(options, value) != BY_EDITORS:
        return ""
    return f"„{owner_mark(EDITORS_SHORT)}“ {TITLE_KEY}: {value_label(options, value)}; {title_reason()}."


# Where an editors' title's mark stands, as every key names it (short_key, mark_key).
TITLE_KEY = "efter en titel"


def title_reason() -> str:
    """Why an editors' title is theirs, the second half of short_key; an edition gives it in »Om kilderne« (ADR 81)."""
    return f"rapporten giver ikke indsatsen den, hverken som navn eller som {TITLE_LIST_ITEM}"


# Where the short mark stands in a PDF (ADR 81), and what a value of each of these is labelled in full elsewhere: an
# editors' title's mark is „(red.)“ in print as on a page; any other value's mark in print is its full words.
SHORT_IN_PRINT = frozenset({"initiatives.title_basis"})


def printed_mark(options: pd.DataFrame, value: str) -> str:
    """The mark a PDF prints after a value the editors gave: '(red.)' after a title (SHORT_IN_PRINT), else the full
    words, '(redaktionens læsning)'. The dictionary says it from here (column_guide)."""
    label = value_label(options, value)
    return page_mark(label) if value in SHORT_IN_PRINT else owner_mark(label)


# A value the editors gave that its block's opening words say, not a mark after it: the editors' attention points stand
# under „Redaktionens læsning:“ (guide.attention_point_groups).
LED_IN = frozenset({"attention_points.basis"})


def resource_persons_heading(options: pd.DataFrame) -> str:
    """The heading over the table of resource persons, keeping the open list of the source: the report names them
    »bl.a.« (among others, l. 52–55), so „rapporten nævner ved navn“ read as the whole list (reading32, #1)."""
    return f"Ressourcepersoner, som {folder_words(options).holder} {_among_others(options)}nævner"


def resource_persons_said(options: pd.DataFrame, count: int, persons: list[tuple[str, str]]) -> str:
    """What the source says of the persons in the table and of those it names in another role (resource_persons.
    facilitator), each as (name, role): the same sentence under the page's table and in kilder.csv beside the
    download's facilitator column (reading 31, #4). It says what the report says, not whom it leaves out: its list is
    open, and it calls Christa Breum Amhøj facilitator (l. 360–361); „Rapporten regner ikke … blandt
    ressourcepersonerne“ claimed an exclusion the report never makes (reading32, #1)."""
    named = listing([f"{name} {role}" for name, role in persons])
    these = f"disse {count_word(count)} ressourcepersoner" if count != 1 else "denne ressourceperson"
    return f"{folder_words(options).subject} nævner {_among_others(options)}{these} og kalder {named}."


def _among_others(options: pd.DataFrame) -> str:
    """The report's »bl.a.« before its list of resource persons, which only the report's folder can vouch for."""
    return "bl.a. " if folder_source(options) == BY_REPORT else ""


def marks_said(options: pd.DataFrame, value: str) -> str:
    """How the pages and the PDFs mark a value the editors gave (a provenance code's column, schema.PUBLISHED_CODES),
    as the dictionary says it: the same on both, since a title's mark is the short one in print too (ADR 81) and any
    other is the full words on a page's table as in print. Reading 31, #3: the dictionary said the pages mark it
    „(red.)“ and the PDFs „(redaktionens læsning)“, where the whole book printed „(red.)“ and a workshop's form stood
    „fysisk (redaktionens læsning)“ on its page."""
    if value in LED_IN:
        label = value_label(options, value)
        points = f"de punkter, som {words(BY_REPORT).holder} ikke selv kalder opmærksomhedspunkter"
        return f"Siderne og PDF'erne sætter „{label[0].upper()}{label[1:]}:“ foran {points}"
    return f"Siderne og PDF'erne sætter „{printed_mark(options, value)}“ efter selve værdien"


def value_label(options: pd.DataFrame, value: str) -> str:
    """A value's source as a short label: 'redaktionens tilføjelse', 'analytikerens angivelse', 'rapportens'."""
    source = value_source(options, value)
    return f"redaktionens {EDITORIAL_VALUES[value].act}" if source == BY_EDITORS else words(source).value


def about_figure(options: pd.DataFrame) -> str:
    """The heading over a folder's note on one of the report's figures, with whose note it is: 'Om figuren i rapporten
    (red.)'; in another folder 'Om figuren (analytikerens angivelse)', as „i rapporten (analytikerens angivelse)“ named
    two sources in one label (reading32, #7)."""
    where = f" i {words(BY_REPORT).holder}" if folder_source(options) == BY_REPORT else ""
    return page_marked(f"Om figuren{where}", value_label(options, "figures.note"))


def owner_mark(owner: str) -> str:
    """A value's owner as it stands after the value, the one wording of it: '(redaktionens læsning)'. A card sets it
    apart in light type (cards.Sourced); a heading, a PDF and a download write it after the value."""
    return f"({owner})"


def is_editors(owner: str) -> bool:
    """Whether an owner label is one of the editors' ('redaktionens gengivelse', 'redaktionens tilføjelse' …)."""
    return owner.startswith(f"{words(BY_EDITORS).own} ")


def page_mark(owner: str) -> str:
    """A value's owner as a web page marks it beside the value: '(red.)' for every kind of the editors' work, whose
    kinds the page's key says once (page_key, docs/adr/0036); any other source keeps its full label, which no key
    explains. A printed edition and a download keep the full label (owner_mark): a row lifted out has no key."""
    return owner_mark(EDITORS_SHORT if is_editors(owner) else owner)


def page_marked(value: str, owner: str) -> str:
    """A value with its owner as a web page marks it: 'Figur 4. Wordcloud … (red.)' (page_mark)."""
    return f"{value} {page_mark(owner)}"


def printed_marks() -> str:
    """What a PDF prints after a value that is not the report's, as the data chapter and the dictionary say it; the one
    wording a test holds against the printed editions (issue 22, marks22). Since ADR 81 an editors' title, an edition's
    diagram and a checklist point's ingredients carry the page's short mark, keyed once per chapter (mark_key,
    short_key); a value lifted out alone (the code, the region, a table's column) keeps its full words."""
    added = owner_mark(f"{words(BY_EDITORS).own} {EDITORIAL_VALUES['municipalities.kommunekode'].act}")
    read = owner_mark(f"{words(BY_EDITORS).own} {EDITORIAL_VALUES['initiatives.status'].act}")
    return (
        f"i PDF'erne står samme korte mærke „{owner_mark(EDITORS_SHORT)}“ som på siderne efter en titel, et diagrams "
        "nummer og en tjeklistes ingredienser, og hvert kapitel siger én gang, hvad det betyder; i kommunernes udgaver "
        f"har et korts status og en værdi, der står alene, fx kommunekoden, den fulde ordlyd efter sig, fx „{read}“ og "
        f"„{added}“, mens den samlede bog sætter alle mærker som siderne"
    )


# What the editors' short mark stands for, in a word: the key's opening and a mark's spoken name where no kind is given.
EDITORS_WORK = "redaktionens ord eller valg"


def mark_said(kind: str) -> str:
    """The first line of the key a mark of a kind opens, before the page's key (page_key): what this mark marks, in
    the words its title and spoken name give ('Dette „(red.)“ står for redaktionens titel.'). A phone shows no title,
    and every mark opened the same key, so a status's and a title's mark read alike (reader31, #3; ADR 113)."""
    return f"Dette „{owner_mark(EDITORS_SHORT)}“ står for {kind}."


# The class of the key a mark of a kind opens on a screen (extension.marks_explained): paper prints the page's key alone.
MARK_KEY_CSS = "kr-mark-key"


def page_key(source: str = BY_REPORT) -> str:
    """The one key on a web page whose values carry the editors' short mark: what „(red.)“ means, and what is the
    folder's (`source`, the report's by default). Each mark opens it (extension.marks_explained, docs/adr/0040); the
    front page says it once in its text. Each mark's own kind (value_label) stays in its title; the page's notes say
    why. In an analyst's book the quotes are the analyst's: „er rapportens egne“ credited the report (ADR 86)."""
    own = words(source).own
    return (
        f"„{owner_mark(EDITORS_SHORT)}“ efter en værdi: {EDITORS_WORK}, fx en gengivelse, en betegnelse eller en "
        f"læsning, ikke {own}. Citater og ord i »…« er {own} egne. {quote_marks(source)}"
    )


def quote_marks(source: str = BY_REPORT) -> str:
    """What the book's other two pairs of quotation marks hold, beside the source's words in »…« (a heading of the
    report among them: filters.heading_quoted): a name in ”…”, as the source writes it (”Gang i gården”, Etablering
    af ”vi”), and the book's own terms and headings in „…“. Said in the key every mark opens (page_key) and in every
    PDF's »Om kilderne« (a line more on the cover ran Guldborgsund's onto a second page); the retelling rule keeps its
    two lines at 375 px (docs/adr/0110). Reader 30, #4: the key said what »…« and „…“ meant, and nothing of ”…”."""
    return f"Navne i ”…” står, som {words(source).holder} skriver dem, og bogens egne betegnelser står i „…“."


def mark_key(*entries: tuple[str, str]) -> str:
    """What the editors' short mark means after each kind of thing, in the one form every key says it, as short_key
    does for a title: '„(red.)“ efter en titel: redaktionens titel; efter et diagrams nummer: redaktionens optælling og
    betegnelser, ikke rapportens.' Each entry is (where, whose words); one without words is left out. An edition prints
    it once per chapter in place of a line after each of its figures (ADR 81); '' where no entry has words."""
    said = "; ".join(f"{where}: {whose[0].lower()}{whose[1:]}" for where, whose in entries if whose)
    return f"„{owner_mark(EDITORS_SHORT)}“ {said}." if said else ""


def page_heading(heading: str) -> str:
    """A table's column heading as a web page shows it: an editors' mark short, 'Region (red.)', as on the cards (one
    wording per label on a page, issue 22); its CSV download and the printed editions keep the full words (heading)."""
    value, _, owner = heading.removesuffix(")").rpartition(" (")
    return page_marked(value, owner) if heading.endswith(")") and value and is_editors(owner) else heading


def bare_heading(heading: str) -> str:
    """A column's name without its editors' mark ('Region' for 'Region (redaktionens tilføjelse)'): what a phone's
    block shows before a value after the table's first, whose names carry the mark once per column (ADR 40)."""
    value, _, owner = heading.removesuffix(")").rpartition(" (")
    return value if heading.endswith(")") and value and is_editors(owner) else heading


def table_mark(headings: list[str]) -> tuple[str, list[str]]:
    """Whose a figure's table is, said once in its caption where two or more of its columns are the editors': the one
    mark's kinds ('redaktionens optælling: Sundhedsområdet, I alt') and the headings bare. A column mark repeated in
    every heading of every municipality's table put 44 "(red.)" on ingredienser/oversigt (issue 22). Otherwise no
    caption mark, and each heading keeps its own (page_heading)."""
    owned = [(bare_heading(h), h.removesuffix(")").rpartition(" (")[2]) for h in headings if bare_heading(h) != h]
    if len(owned) < 2:
        return "", [page_heading(h) for h in headings]
    kinds: dict[str, list[str]] = {}
    for name, owner in owned:
        kinds.setdefault(owner, []).append(name)
    return "; ".join(f"{owner}: {', '.join(names)}" for owner, names in kinds.items()), [bare_heading(h) for h in headings]


def download_table(head: list[str], rows: list[list[str]], whose: str) -> tuple[list[str], list[list[str]]]:
    """A figure's table as its CSV holds it: where every column is the editors' and `whose` says whose the table is
    (chart_label, kilder.csv's words), the headings bare and one column (WHOSE_COLUMN) saying it in every row, so a
    spreadsheet has one plain header row and a row lifted out still says whose it is (ADR 81; „(redaktionens
    optælling)“ stood after every municipality's name, reader26, #9). Otherwise every heading keeps its own mark."""
    if not whose or not head or any(bare_heading(h) == h for h in head):
        return head, rows
    return [*(bare_heading(h) for h in head), WHOSE_COLUMN], [[*row, whose] for row in rows]


def marked(value: str, owner: str) -> str:
    """A value with its owner after it: 'Region (redaktionens tilføjelse)'."""
    return f"{value} {owner_mark(owner)}"


def heading(options: pd.DataFrame, label: str, value: str) -> str:
    """A table column's heading with its source where the report does not state the values: 'Region (redaktionens
    tilføjelse)'. The page's table and its CSV download share the heading, so both say whose the column is."""
    source = value_source(options, value)
    return label if source == BY_REPORT else marked(label, value_label(options, value))


# The value a page table counts quotes tied to a municipality by (schema.PAGE_TABLES).
TIE_VALUE = "quotes.kommunekode"


def quotes_tied(quotes: pd.DataFrame) -> bool:
    """Whether any of the folder's own quotes (not the literature's) is tied to a municipality (views.any_tied)."""
    return bool(((quotes["kommunekode"] != "") & (quotes["reference_key"] == "")).any())


def page_table_columns(table_id: str, *, tied: bool) -> list[tuple[str, str, bool]]:
    """A page table's columns (schema.PAGE_TABLES) as the page shows them: a count of tied quotes only where the data
    tie some (quotes_tied); a column of zeros said nothing but that the filter had nothing to mark (issue 22)."""
    return [column for column in PAGE_TABLES[table_id] if tied or column[1] != TIE_VALUE]


def page_table_headings(options: pd.DataFrame, table_id: str, *, tied: bool) -> list[str]:
    """The headings of a page's downloadable table (page_table_columns), as the page, its CSV and kilder.csv show them."""
    return [heading(options, label, value) if marked else label for label, value, marked in page_table_columns(table_id, tied=tied)]


def figure_table_headings(options: pd.DataFrame, figure_id: str) -> list[str]:
    """The headings of a drawn figure's table (schema.FIGURE_TABLES), each naming its column's own source where the
    report does not state it: 'Begivenhed (redaktionens betegnelser)'; the page, its CSV and kilder.csv share them."""
    return [heading(options, label, value) for label, value in FIGURE_TABLES[figure_id]]


def figure_download_headings(options: pd.DataFrame, figure_id: str) -> list[str]:
    """The headings of the columns a figure's table CSV carries after the page's (schema.FIGURE_DOWNLOAD_COLUMNS),
    each naming its source as the page's headings do: 'Dato som år-måned'."""
    return [heading(options, label, value) for label, value in FIGURE_DOWNLOAD_COLUMNS.get(figure_id, ())]


def name_mark(options: pd.DataFrame, name: str, in_report: str, *, official: bool) -> str:
    """The one wording of a name the book spells otherwise than its source (reading 28, #1), '' where they agree. Two
    kinds, each worded one way on pages, cards, PDFs and downloads: an official name ('officielt navn; rapporten staver
    det »Guldborgssund«', a municipality's by Danmarks Statistik's register, an organisation's where its row says so,
    organisations.name_official) and a repaired spelling ('redaktionens rettelse; rapporten staver det »Aarhus Billed-og
    medieskole«'), which claims no register."""
    if name == in_report:
        return ""
    said = f"{folder_words(options).holder} staver det »{in_report}«"
    if official:
        return f"officielt navn; {said}"
    speller = "redaktionens" if folder_source(options) == BY_REPORT else folder_words(options).own
    return f"{speller} rettelse; {said}"


def municipality_name_mark(options: pd.DataFrame, name: str, in_report: str) -> str:
    """name_mark for a municipality: official wherever the folder's codes and names are checked against the register."""
    return name_mark(options, name, in_report, official=codes_are_official(options))


def source_spelling_mark(options: pd.DataFrame, official_name: str) -> str:
    """The same correction seen from the other side, where the source's spelling is shown (a section heading the
    report prints): 'rapportens stavning; officielt navn: Guldborgsund'."""
    return f"{folder_words(options).own} stavning; officielt navn: {official_name}"


def category_note(options: pd.DataFrame, precise: bool = False, short: bool = False) -> str:
    """What a card says where its speaker category stands in place of the role (the anonymity rule), the same on
    every page, in the PDFs and the explorer: '(redaktionens inddeling i stedet for talerens rolle, jf.
    anonymitetsreglen)'. Where the folder gives a role (`precise`), the card says that its source names the role,
    so a reader holding the report does not look for the category there; why the book does not is the rule's, which
    the legend links (docs/adr/0030). Short: the note stands on every such card (reader 19: a long one crowded them).
    `short`, on a card in a list whose line says it once (category_key): the editors' precise note is '(red.)'."""
    label = value_label(options, "quotes.speaker_category")
    if short and precise and value_source(options, "quotes.speaker_category") == BY_EDITORS:
        return owner_mark(EDITORS_SHORT)
    if not precise:
        return f"({label} i stedet for talerens rolle, jf. anonymitetsreglen)"
    # 'rapporten nævner rollen: anonymitetsreglen' read as nonsense to a careful reader (reading 20): say what is left out.
    return f"({label}; {words(roles_source(options)).holder} nævner rollen, som bogen udelader, jf. anonymitetsreglen)"


def category_key(options: pd.DataFrame) -> str:
    """What '(red.)' after a speaker means, said once over a list of cards that carry it (issue 22: the full note on
    every card ate a phone's screen): '„(red.)“ efter en taler: redaktionens inddeling; rapporten nævner rollen, som
    bogen udelader, jf. anonymitetsreglen.' Empty where the cards keep their full note (category_note)."""
    if value_source(options, "quotes.speaker_category") != BY_EDITORS:
        return ""
    return f"„{owner_mark(EDITORS_SHORT)}“ efter en taler: {category_note(options, precise=True)[1:-1]}."


def value_note(options: pd.DataFrame, value: str) -> str:
    """A value's source as a short sentence for the reader: 'Redaktionens læsning, ikke rapportens: <reason>'."""
    return values_note(options, value)


@dataclass(frozen=True)
class Whose:
    """Whose the values of one block are, in parts: the editors' part said once ('Redaktionens optælling og
    betegnelser, ikke rapportens') with their reasons, and every other source's label. A page shows `line` and folds
    `about` away (markup.folded_note); a printed edition and a download say `note`, the two joined."""

    editors: str  # 'Redaktionens optælling og betegnelser, ikke rapportens', or empty where no value is theirs
    reasons: str  # why the editors' values are theirs
    others: tuple[str, ...]  # the other sources, one sentence each: 'Rapportens.', 'Analytikerens angivelse.'

    @property
    def line(self) -> str:
        """Whose the block is, in one short line: 'Redaktionens optælling og betegnelser, ikke rapportens.'"""
        return f"{self.editors}." if self.editors else " ".join(self.others)

    @property
    def about(self) -> str:
        """What the note says besides the line: the editors' reasons and the other sources."""
        return " ".join(filter(None, (self.reasons, *self.others))) if self.editors else ""

    @property
    def note(self) -> str:
        """The whole note: 'Redaktionens optælling og betegnelser, ikke rapportens: <reasons>'."""
        return " ".join(filter(None, (f"{self.editors}: {self.reasons}" if self.editors else "", *self.others)))


def whose_parts(options: pd.DataFrame, *values: str, told: Mapping[str, str] | None = None) -> Whose:
    """The sources of the values one block shows ('table.column' or 'figur:<id>'), the editors' said once, not one
    'Redaktionens …, ikke rapportens:' after another; `told` gives a reason the data words (data_reasons)."""
    # A retelling is said once per page (retelling_rule), not in a block's note.
    values = tuple(v for v in values if not is_retelling(options, v))
    editorial = [v for v in values if value_source(options, v) == BY_EDITORS]
    editors, reasons = "", ""
    if editorial:
        editors = f"Redaktionens {listing(list(dict.fromkeys(EDITORIAL_VALUES[v].act for v in editorial)))}, ikke rapportens"
        reasons = " ".join(dict.fromkeys(reason(v, told) for v in editorial))
    labels = dict.fromkeys(value_label(options, v) for v in values if v not in editorial)
    return Whose(editors, reasons, tuple(f"{label[0].upper()}{label[1:]}." for label in labels))


# The editors' retellings of the report's text in prose: the book says once, at the top of every reading page and on
# every PDF's cover, that its text is their retelling and the report's words stand in »…« (retelling_rule), so these
# carry no mark of their own; a value the editors added, grouped or judged keeps its mark (ADR 70, reading s24, F5).
# A municipality's outcome is not among them: it answers a question as a fact does, beside the marked starting point,
# so it carries its mark as every value the editors worded does (docs/adr/0093; reading27, #1).
RETELLINGS = frozenset({"municipalities.summary", "ingredients.short_description"})


def is_retelling(options: pd.DataFrame, value: str) -> bool:
    """Whether a value is the editors' retelling of the report's text, which the page's rule covers (RETELLINGS)."""
    return value in RETELLINGS and value_source(options, value) == BY_EDITORS


# The space before a mark does not break, so '(red.)' never starts a line alone (as extension.marks_explained sets it).
MARK_SPACE = "\u00a0"


def retelling_rule(options: pd.DataFrame) -> str:
    """The one key a reader learns once: whose a page's or an edition's text is, and the mark the editors' choices carry,
    in one sentence of at most two lines at 375 px (ADR 81; the four lines before it were what a new reader met first on
    every page, reader 25 r2, #3). On a page its '(red.)' is the mark's own button, which opens the page's full key
    (extension.marks_explained); an edition's chapters print what the marks in them stand for (printed_key). In a book
    on another folder's data it names that data, never the report (its values are not the report's)."""
    source = folder_source(options)
    if source != BY_REPORT:
        return f"Teksten er redaktionens; værdier fra {words(source).holder} har et mærke i parentes, der siger, hvis de er."
    mark = owner_mark(EDITORS_SHORT)
    return f"Teksten er redaktionens gengivelse; rapportens egne ord står i »…«, og{MARK_SPACE}{mark} mærker redaktionens valg."


# Whose a card's labels are (a quote's kind; an initiative's kind and status): never a mark on the card, in any medium;
# said once per list, after its cards, in these words on a page, in every PDF and in kilder.csv (ADR 70). Whose
# words the note names no one, so it holds in an analyst's folder too (reading 29, #5).
LABELS_ONCE = (
    "Et kort viser sin betegnelse uden mærke; en note efter hver liste af kort siger én gang, hvis kortenes "
    "betegnelser er, på siderne og i PDF'erne."
)


def kinds_whose(named: list[tuple[str, str]], cards: int) -> Whose:
    """Whose the quote kinds a list's cards carry are, where the editors named them: `named` holds each editors' word
    and, where one word names a report's kind in the same list too, the speakers of the editors' cards: 'Kortenes
    „Interviewcitat“ og „Kort udsagn“ er redaktionens betegnelser, ikke rapportens.' The reason names no word the
    list's cards do not carry (reading s24, F7: a long note said „kort udsagn“ on pages with none)."""
    act = EDITORIAL_VALUES["quote_kinds.label_source"].act  # 'betegnelse'
    words_ = [f"„{label}“" + (f" ved {speakers}" if speakers else "") for label, speakers in named]
    one = len(named) == 1
    # „Kortets“ under a list of one card (reading 26, #13: Baggrund's one literature quote read „Kortenes“).
    whose = "Kortets" if cards == 1 else "Kortenes"
    said = f"{whose} {listing(words_)} er {words(BY_EDITORS).own} {act if one else act + 'r'}, ikke rapportens"
    which = f"hvilken slags hvert citat er, er {words(BY_EDITORS).own} inddeling"
    reason = f"Rapporten bruger ikke {act + 'n' if one else act + 'rne'} om det enkelte citat; {which}."
    return Whose(said, reason, ())


def values_note(options: pd.DataFrame, *values: str) -> str:
    """whose_parts as one note: 'Redaktionens optælling og betegnelser, ikke rapportens: <reasons>'."""
    return whose_parts(options, *values).note


# What the editors did to a text that tells the report's account in their own words (a description): 'redaktionens ord'.
RETOLD_ACT = "ord"


def retold_label(options: pd.DataFrame) -> str:
    """Whose a text told in its own words is (a description): 'redaktionens ord' in the report's folder, the folder's
    own label in another. kilder.csv, a page's mark (its title) and a PDF's label all say it in these words (the s22
    reading, #1: an ingredient's long description stood unmarked on its page and in the PDFs)."""
    return f"{words(BY_EDITORS).own} {RETOLD_ACT}" if folder_source(options) == BY_REPORT else folder_words(options).value


def retold_own(options: pd.DataFrame) -> str:
    """Whose a text told in its own words is, as a word before a noun: 'redaktionens bemærkning' in the report's folder,
    'analytikerens bemærkning' in an analyst's (retold_label's owner): a chapter that names the remark after a list of
    the report's words said 'redaktionens' in every book (analyst30)."""
    return words(BY_EDITORS).own if folder_source(options) == BY_REPORT else folder_words(options).own


def retold_mark(options: pd.DataFrame) -> str:
    """The mark a text told in its own words carries on a page and in a PDF: none in the report's folder, whose pages
    say once that their text is the editors' retelling (retelling_rule); the folder's own label in another."""
    return "" if folder_source(options) == BY_REPORT else folder_words(options).value


def values_label(options: pd.DataFrame, *values: str, retold: bool = False) -> str:
    """Whose the values are, as a short label: 'redaktionens optælling og betegnelser' (kilder.csv's hvis_ord); with
    `retold`, a text among them that tells the report's account in the editors' words, 'ord' (an initiative's
    description: kilder.csv's 'redaktionens ord'), where the folder is the report's."""
    editorial = [v for v in values if value_source(options, v) == BY_EDITORS]
    retold = retold and folder_source(options) == BY_REPORT
    if editorial or retold:
        acts = [*(_act_of(EDITORIAL_VALUES[v]) for v in editorial), *([RETOLD_ACT] if retold else [])]
        return f"redaktionens {listing(list(dict.fromkeys(acts)))}"
    return listing(list(dict.fromkeys(value_label(options, v) for v in values)))


def _act_of(editorial: Editorial) -> str:
    """What the editors did, naming what it is of where a list's note must ('læsning af status')."""
    return f"{editorial.act} af {editorial.of}" if editorial.of else editorial.act


def no_status(options: pd.DataFrame) -> str:
    """An initiative's status where there is none to give, as statuses.csv and initiatives.csv write it: the folder's
    one word for what its source leaves out, 'ikke angivet i rapporten', as every other cell of the downloads where the
    report says nothing (reading 30, #2: „kan ikke læses ud af rapporten“ was a ninth form of it); why, and that the
    report gives no status at all, kilder.csv and statuses.csv's description say (ADR 109)."""
    return folder_words(options).not_stated


# Whose an initiative's missing status is, after „ikke angivet i rapporten“ on its card, on a page and in every PDF
# alike: „(redaktionens læsning)“ after it read as a contradiction in the municipalities' PDFs, while the page said
# „(red.)“ (reading32, #11). The editors read the report and give no status; the report gives none for any initiative.
# Only the editors' statuses leave a card without one (cards.status_read): an analyst's card says its status.
NO_STATUS_GIVEN = "redaktionen giver ingen status"


def no_status_aliases() -> set[str]:
    """Every word a download may write for an initiative without a status (no_status), whoever's folder it was written
    from, and the words of a download written before ADR 109 (schema.NO_STATUS_BEFORE): read back as a data folder,
    each is the status 'ikke angivet' again."""
    return {NO_STATUS_BEFORE, *(words(source).not_stated for source in SOURCES)}


def no_status_line(options: pd.DataFrame, cards: int) -> tuple[str, str]:
    """Why `cards` initiative cards show no status, as (sentence, owner), the one wording on a page and in every PDF, once before a list
    whose cards all lack one (statuses_said); a card without one in a list where others show one says „ikke angivet i rapporten“
    (cards.initiative_facts) and its list's status rule says why (ADR 112). The report states no status for any initiative, so
    „Rapporten angiver ingen status for indsatsen“ on four profiles read as if it stated the statuses the other cards show (reading
    30, #1; ADR 109). ('', '') where the statuses are not the editors' reading (an analyst's folder says an unstated status on the
    card, as any other unstated fact) or there is no card."""
    if value_source(options, "initiatives.status") != BY_EDITORS or not cards:
        return "", ""
    them, it, shown = ("indsatsen", "den", "kortet") if cards == 1 else ("indsatserne", "de", "kortene")
    said = f"Rapporten fortæller hverken, at {them} er afsluttet, eller at {it} fortsætter, så {shown} viser ingen status."
    return said, value_label(options, "initiatives.status")


def statuses_said(options: pd.DataFrame, read: int, unread: int) -> tuple[str, str]:
    """What a page, an edition or the comparison says once, before its initiative cards, of their statuses, as
    (sentence, owner): where no card shows one, why (no_status_line); ('', '') where a card shows one, as each status
    carries its mark and each card without one says why itself (reader28, F1; docs/adr/0100; ADR 109)."""
    return ("", "") if read else no_status_line(options, unread)


def outcome_question(name: str = "") -> str:
    """The one question a municipality's outcome answers (schema.OUTCOME_QUESTION), as a field names it: 'Hvad forløbet
    førte til', or of one municipality: 'Hvad forløbet førte til i Aarhus'."""
    asked = f"{OUTCOME_QUESTION} i {name}" if name else OUTCOME_QUESTION
    return f"{asked[0].upper()}{asked[1:]}"


def untold_outcome(options: pd.DataFrame, name: str) -> tuple[str, str]:
    """Where the data give no outcome for a municipality, that its source does not answer the one question, as
    (sentence, owner), in the words of the download's cell (untold; reading26r2, #6; reading 30, #2): 'Rapporten
    beskriver indsatserne, men hvad forløbet førte til for målgruppen i Aarhus, er ikke angivet i rapporten.' In the
    report's folder the editors' words, marked with the outcome's label, said once after what the report does tell
    (ADR 87); in another folder its holder's, no mark."""
    said = untold(options, f"{OUTCOME_UNTOLD} i {name}")
    # The outcome's own label, as every other outcome carries it (reading 30, #5: „læsning“ here, „gengivelse“ there).
    owner = value_label(options, "municipalities.outcome") if folder_source(options) == BY_REPORT else ""
    return f"{said[0].upper()}{said[1:]}.", owner


def values_reasons(options: pd.DataFrame, *values: str, told: Mapping[str, str] | None = None) -> str:
    """Why the editors' values among them are not the report's, each reason once (kilder.csv's begrundelse)."""
    return " ".join(dict.fromkeys(reason(v, told) for v in values if value_source(options, v) == BY_EDITORS))


def reason(value: str, told: Mapping[str, str] | None = None) -> str:
    """Why a value is the editors': the data's own wording of it where it gives one (data_reasons), else the schema's."""
    return (told or {}).get(value) or EDITORIAL_VALUES[value].reason


def data_reasons(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """The reasons the data word, so an example is always one the reader can find and no note speaks of ties the data
    lack: the kinds of organisation that rest on the editors' knowledge, named from the organisations a chart of them
    counts, and the charts of quotes where no quote is tied."""
    return {"organisations.kind": kind_reason(tables), **untied_reasons(tables["quotes"])}


def untied_reasons(quotes: pd.DataFrame) -> dict[str, str]:
    """The charts of quotes where the data tie none of their own quotes to a municipality (as views.any_tied): they say
    so, not how the editors' ties are highlighted and counted, which the report's data no longer hold (ADR 33)."""
    if ((quotes["kommunekode"] != "") & (quotes["reference_key"] == "")).any():
        return {}
    return {
        "figur:citater-pr-ingrediens": f"{COUNTED_FROM_DATA} {UNTIED_HIGHLIGHTED}",
        "figur:ingrediens-kommune": f"{COUNTED_FROM_DATA} {UNTIED_COUNTED}",
        # The anonymity rule shows a category for a tied quote only: with none tied, its rule is for a case the book
        # never has (the s23 reading, F9), so the reason says whose the categories are and no more.
        "quotes.speaker_category": SPEAKER_CATEGORIES,
    }


def partners_said(organisations: pd.DataFrame, ids: Iterable[str], municipality: str) -> str:
    """What the report names the organisations at a municipality's initiatives (`ids`) as, only what holds for them
    (organisations.relation): 'Rapporten kalder ingen af disse organisationer partnere; brugerne af værestedet Paraplyen
    er en del af målgruppen.' The general sentence (schema.RELATIONS_SAID) stood under every profile's cards, untrue
    for Aarhus' (reading 28, #4b); it stays where it covers all of them (kilder.csv, Sammenlign). `municipality` is
    the name of the one that took part (reading 29, #1: „Køge deltog i March mod ensomhed“, as the report says)."""
    shown = organisations[organisations["organisation_id"].isin(set(ids))]
    said = [
        RELATIONS[relation].format(names=listing(list(shown.loc[shown["relation"] == relation, "name"])), municipality=municipality)
        for relation in dict.fromkeys(shown["relation"])
        if relation in RELATIONS
    ]
    return f"{'; '.join([NO_PARTNERS, *said])}."


def organisations_reason(organisations: pd.DataFrame, ids: Iterable[str], municipality: str) -> dict[str, str]:
    """Why the organisations at a municipality's initiatives are the editors' gathering (partners_said and the rule),
    as `told` for whose_parts."""
    return {"initiatives.organisation_ids": f"{partners_said(organisations, ids, municipality)} {ORGANISATION_RULE}"}


def municipal_reasons(data_tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The reasons a municipality's block of initiatives may give that no other place gives in the same words: each
    municipality's partners_said and the rule it precedes. »Om kilderne« of the whole book says each of them once
    (editions.known_reasons)."""
    initiatives, organisations = data_tables["initiatives"], data_tables["organisations"]
    names = dict(zip(data_tables["municipalities"]["kommunekode"], data_tables["municipalities"]["name"], strict=True))
    partners = [
        partners_said(organisations, [i for ids in rows["organisation_ids"] for i in ids], names.get(code, ""))
        for code, rows in initiatives.groupby("kommunekode", sort=False)
    ]
    return [*partners, ORGANISATION_RULE]


def kind_reason(tables: Mapping[str, pd.DataFrame]) -> str:
    """organisations.kind's reason with up to two examples: organisations named at an initiative (so counted in the
    chart of organisations) whose kind the editors know and the report does not say (kind_by_knowledge):
    '… der kun nævner navnet (fx March mod ensomhed som kampagne og Kulturministeriet som statslig …).'"""
    said = EDITORIAL_VALUES["organisations.kind"].reason
    organisations, kinds = tables["organisations"], tables["organisation_kinds"]
    named = {i for ids in tables["initiatives"]["organisation_ids"] for i in ids}
    known = organisations[(organisations["kind_by_knowledge"] == YES) & organisations["organisation_id"].isin(named)]
    labels = dict(zip(kinds["organisation_kind_id"], kinds["label"], strict=True))
    # One example of each kind, the first in the table's order: two of one kind would show less of the rule.
    first = dict(zip(known["kind"][::-1], known["name"][::-1], strict=True))
    examples = [f"{first[kind]} som {labels.get(kind, kind).lower()}" for kind in dict.fromkeys(known["kind"])]
    return f"{said.removesuffix('.')} (fx {listing(examples[:2])})." if examples else said


# One chart, one wording: its page, the PDFs and kilder.csv beside its download all say whose it is in these words.
def chart_parts(options: pd.DataFrame, figure_id: str, told: Mapping[str, str] | None = None) -> Whose:
    """Whose the chart is, in parts (whose_parts over schema.CHART_VALUES): the chart's note on its page."""
    return whose_parts(options, *CHART_VALUES[figure_id], told=told)


def chart_whose(options: pd.DataFrame, figure_id: str) -> str:
    """The chart's line under it: 'Redaktionens optælling og betegnelser, ikke rapportens.'"""
    return chart_parts(options, figure_id).line


def chart_label(options: pd.DataFrame, figure_id: str) -> str:
    """The same as a label, for kilder.csv: 'redaktionens optælling og betegnelser'."""
    return values_label(options, *CHART_VALUES[figure_id])


def chart_reasons(options: pd.DataFrame, figure_id: str, told: Mapping[str, str] | None = None) -> str:
    """Why the chart's values are not the report's, for kilder.csv beside the chart's download."""
    return values_reasons(options, *CHART_VALUES[figure_id], told=told)


def count_heading(options: pd.DataFrame, figure_id: str, label: str) -> str:
    """A chart table's column of counts with whose count it is: 'Køge (redaktionens optælling)', on the page's table,
    in its CSV download and in the PDFs alike."""
    return heading(options, label, f"figur:{figure_id}")


def ingredient_tie_source(options: pd.DataFrame, given: str) -> str:
    """Whose a quote's ties to its ingredients are: the row's `ingredient_source` (empty: the report's) in the report's
    own data folder; in any other folder the folder's own source, so an analyst's data never credits the report."""
    return row_source(options, given)


def row_source(options: pd.DataFrame, given: str) -> str:
    """Whose a row's value is where the row names its source (a `*_source` column, empty: the report's) in the report's
    own data folder; in any other folder the folder's own source."""
    folder = folder_source(options)
    return (given or BY_REPORT) if folder == BY_REPORT else folder


def kind_label(options: pd.DataFrame, label: str, given: str, short: bool = False) -> str:
    """A quote kind's label as a card shows it, marked where the editors named the kind: 'Kort udsagn (redaktionens
    betegnelse)'; the report's own word ('Stjernestund') stands alone. `short`, on a page's list under its key
    (page_key): 'Kort udsagn (red.)'."""
    if row_source(options, given) != BY_EDITORS:
        return label
    owner = value_label(options, "quote_kinds.label_source")
    return f"{label} {page_mark(owner)}" if short else marked(label, owner)


def with_ingredient_ties(tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tables with `ingredient_tie` added to quotes: whose each quote's ties to its ingredients are
    (ingredient_tie_source), empty for a quote with no ingredient. Everything that shows or counts ties reads it."""
    quotes, options = tables["quotes"], tables["options"]
    tie = [
        ingredient_tie_source(options, given) if ids else ""
        for ids, given in zip(quotes["ingredient_ids"], quotes["ingredient_source"], strict=True)
    ]
    return {**tables, "quotes": quotes.assign(ingredient_tie=tie)}


# A tie to an ingredient, by whose it is: (a card's label, a count's clause). Cards, the ingredient pages, the figure
# notes, the PDFs and the downloads all take their words from here.
_INGREDIENT_TIES = {
    # The count is the book's (each reply of an exchange, a line with no speaker and the field diary count as one quote
    # each); the use is the report's: "Rapporten bruger 9 citater" gave the report a count it never makes (s23 F7).
    BY_REPORT: ("rapportens egen", "bogen tæller {n}, som rapporten selv knytter til {what}"),
    # The clause names the editors as its subject: "(redaktionens læsning …)" after it said them twice (issue 22).
    BY_EDITORS: ("redaktionens læsning, ikke rapportens", "redaktionen knytter {n} til {what} (en læsning, ikke rapportens)"),
    BY_ANALYST: ("analytikerens angivelse", "analytikeren knytter {n} til {what}"),
    BY_QDA: ("kodet i QDA-projektet", "{n} er kodet til {what} i QDA-projektet"),
}


# The same ties where a card has said its total first ("5 citater underbygger ingrediensen", lists.ingredient_cards): each
# source's part of it, never the total again; {n} as an object ("dem alle", "4 af dem"), {subject} as a subject.
_INGREDIENT_TIES_OF_TOTAL = {
    # „selv“ after „dem alle“, before a count: „Rapporten knytter selv dem alle …“ read wrong (reading 28, #8).
    BY_REPORT: "rapporten knytter {own} til {what}",
    BY_EDITORS: "redaktionen knytter {n} til {what} (en læsning, ikke rapportens)",
    BY_ANALYST: "analytikeren knytter {n} til {what}",
    BY_QDA: "{subject} er kodet til {what} i QDA-projektet",
}


def ingredient_tie(source: str) -> str:
    """A quote's tie to its ingredients as a card's line says it: 'Koblingen til ingrediensen: <this>', and as quotes.csv
    writes it in `ingredient_source` (reading 25, finding 5: the download said „redaktionen“ where the card said
    „redaktionens læsning, ikke rapportens“)."""
    return _INGREDIENT_TIES[source][0]


def ingredient_tie_aliases() -> dict[str, str]:
    """A tie's words as quotes.csv writes them (ingredient_tie) -> its source: a download read back as a data folder
    gives the source codes again (validation)."""
    return {ingredient_tie(source): source for source in _INGREDIENT_TIES}


def ingredient_ties(
    counts: dict[str, int], what: str, noun: tuple[str, str] = ("citat", "citater"), quotes: dict[str, int] | None = None
) -> str:
    """How many quotes are tied to `what` ('ingrediensen', 'ingredienserne') and whose the ties are, as one sentence:
    'Bogen tæller 4 citater, som rapporten selv knytter til ingrediensen; redaktionen knytter 1 citat til den (en læsning, ikke
    rapportens).' Only the report's own ties are said to be used by the report. Over several
    ingredients `counts` counts ties and `quotes` the quotes behind them, and the sentence counts quotes only: '29
    citater', never '(31 koblinger)' beside it (issue 22: a sixth number a consultant could not place)."""
    clauses: list[str] = []
    for source in (s for s in _INGREDIENT_TIES if counts.get(s)):
        n = plural(counts[source] if quotes is None else quotes.get(source, counts[source]), *noun)
        clauses.append(_INGREDIENT_TIES[source][1].format(n=n, what=what if not clauses else _pronoun(what)))
    said = "; ".join(clauses)
    return f"{said[0].upper()}{said[1:]}." if said else ""


def ingredient_ties_of_total(counts: dict[str, int], what: str) -> str:
    """ingredient_ties where the total is said just before it, each source's share of it and not the count again:
    'Rapporten knytter dem alle selv til ingrediensen.', 'Rapporten knytter selv 4 af dem til ingrediensen; redaktionen
    knytter 1 af dem til den (en læsning, ikke rapportens).' (reader 26, #9: only one of four ingredient cards gave its
    total, as the others' one tie sentence held it; reader 17: the total and a sentence repeating it)."""
    sources = [s for s in _INGREDIENT_TIES if counts.get(s)]
    clauses = [
        _INGREDIENT_TIES_OF_TOTAL[source].format(
            n="dem alle" if len(sources) == 1 else f"{number(counts[source])} af dem",
            subject="alle" if len(sources) == 1 else f"{number(counts[source])} af dem",
            own="dem alle selv" if len(sources) == 1 else f"selv {number(counts[source])} af dem",
            what=what if not n else _pronoun(what),
        )
        for n, source in enumerate(sources)
    ]
    said = "; ".join(clauses)
    return f"{said[0].upper()}{said[1:]}." if said else ""


def _pronoun(what: str) -> str:
    """'ingrediensen' said a second time in one sentence: 'den'; 'ingredienserne': 'dem'."""
    return {"ingrediensen": "den", "ingredienserne": "dem"}.get(what, what)
