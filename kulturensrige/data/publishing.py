"""The data tables as the built book publishes them for download: publications, not raw copies.

Each file is UTF-8, comma-separated, with the header the data dictionary documents, whatever encoding or separator
the analyst's source file had; quotes follow the anonymity rule as the cards do (a tied, uncleared quote shows its
speaker category in `speaker_role` and no printed caption), and each quote's `ingredient_source` says whose its ties to
the ingredients are as the cards do (data/provenance.py).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

import pandas as pd

from kulturensrige.data import anonymity, provenance
from kulturensrige.data.loading import Dataset
from kulturensrige.data.schema import (
    ATTRIBUTIONS,
    BASIS_COLUMNS,
    BY_REPORT,
    COUNTS_WITH_WORDS,
    EDITORIAL_VALUES,
    FIGURE_DOWNLOAD_COLUMNS,
    FIGURE_TABLES,
    KEPT,
    KEPT_WORDS,
    LIST_SEPARATOR,
    MIXED_VALUES,
    NOT_GIVEN,
    NOT_STATED,
    OUTCOME_UNTOLD,
    PAGE_TABLES,
    PART_BLANKS,
    POINT_MARKS,
    PUBLISHED_BLANKS,
    PUBLISHED_CODES,
    PUBLISHED_LABELS,
    SOURCE_COLUMNS,
    SOURCES_FILE,
    TABLES,
    YES,
    vocabulary_words,
    worded_references,
)
from kulturensrige.words import COUNT_COLUMNS_RULE, COUNT_WORDS, listing, plain_csv_text

# Where the built book publishes the tables, and the companion file that says whose word each column is: the tables'
# headers stay exactly the data dictionary's, so a column cannot carry its source in its name (docs/adr).
PUBLISHED_DATA = "_static/data"
SOURCES_HEADER = ["fil", "kolonne", "hvis_ord", "begrundelse"]
FIGURE = "figur:"
# Why a description is the editors' words: what it says is the report's, told in the editors' words, the report's own
# words it keeps in »…« (KEPT); what the report does not say (an organisation's kind, say) the editors mark where it stands.
RETOLD = f"Redaktionens gengivelse med egne ord af det, rapporten fortæller; {KEPT}."
# The columns whose values a card shows as its labels: a quote's kind, an initiative's kind and status (ADR 70).
CARD_LABELS = frozenset({"quotes.kind", "quote_kinds.label", "initiatives.kind", "initiatives.status", "statuses.label"})
WORD = re.compile(r"\w+")
GUILLEMETS = re.compile(r"»[^«]*«")


def _cell(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def with_ties_set_aside(data: Dataset, rows: pd.Series) -> Dataset:
    """The data with the municipality ties of `rows` set aside: those quotes are tied to no municipality, as the
    report prints them, and carry no reason for a tie. Every table but the quotes is the same object."""
    quotes = data.quotes
    if not rows.any():
        return data
    aside = quotes.assign(
        kommunekode=quotes["kommunekode"].where(~rows, ""),
        attribution=quotes["attribution"].where(~rows, ATTRIBUTIONS[-1]),
        attribution_rationale=quotes["attribution_rationale"].where(~rows, ""),
    )
    return replace(data, tables={**data.tables, "quotes": aside}, withheld=True)


def published_data(data: Dataset) -> Dataset:
    """The data as the PDF editions and the downloads publish it: no inferred tie for a quote that is not cleared,
    as the pages open (docs/adr/0033-inferred-ties-off-by-default.md); the data folder keeps the tie and its reason."""
    return with_ties_set_aside(data, anonymity.withheld_ties(data.quotes))


def published_files(data: Dataset, figures_not_drawn: Collection[str] = ()) -> dict[str, str]:
    """{file name: CSV text} for every table of the schema, the quotes by the anonymity rule and without the inferred
    ties that are not cleared (published_data); kilder.csv leaves out the figures no page draws (render.charts says
    which)."""
    files = {}
    # The pages count the folder's ties, withheld ones too, so kilder.csv documents the columns the pages show.
    tied = provenance.quotes_tied(data.quotes)
    data = published_data(data)
    for name, table in TABLES.items():
        frame = data.tables[name]
        if name == "quotes":
            # Whose each tie to an ingredient is, as the cards say it: in an analyst's folder never the report's.
            # A caption the report does not print says so (PUBLISHED_BLANKS); one the anonymity rule holds back stays empty.
            caption = frame["shown_caption"].where(frame["caption"] != "", provenance.published_blank(data.options, "quotes.caption"))
            ties = frame["ingredient_tie"].map(_tie_words)
            frame = frame.assign(speaker_role=_shown_roles(data, frame), caption=caption, ingredient_source=ties)
        if name == "statuses":
            frame = frame.assign(label=frame["status_id"].map(_vocabulary_words(data, name)))
        frame = frame.assign(
            **_published_blanks(data, name, frame),
            **_published_codes(data, name, frame),
            **_not_given(data, name, frame),
            **_published_labels(data, name, frame),
        )
        rows = [[_cell(v) for v in row] for row in frame.reindex(columns=table.columns, fill_value="").itertuples(index=False)]
        files[table.file] = plain_csv_text(table.columns, rows)
    files[SOURCES_FILE] = sources_file(data, figures_not_drawn, tied=tied)
    return files


def _vocabulary_words(data: Dataset, vocabulary: str) -> dict[str, str]:
    """A vocabulary's ids -> their labels as the download writes them; a status the editors read none for says so in
    the downloads' one form for an absence (provenance.no_status)."""
    frame = data.tables[vocabulary]
    labels = frame["label"]
    if vocabulary == "statuses":
        labels = labels.where(labels != NOT_STATED, provenance.no_status(data.options))
    return dict(zip(frame[TABLES[vocabulary].key], labels, strict=True))


def _published_labels(data: Dataset, table: str, frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The reference columns of `table` a download writes as their vocabulary's labels (schema.PUBLISHED_LABELS):
    an initiative's status as its card says it ('Gennemført'), or the downloads' one form where the editors read none
    ('ikke angivet i rapporten', provenance.no_status), not its id."""
    said = {}
    for value, vocabulary in PUBLISHED_LABELS.items():
        name, _, column = value.partition(".")
        if name == table:
            said[column] = frame[column].map(_vocabulary_words(data, vocabulary))
    return said


def _vocabulary_note(data: Dataset, file: str, column: str) -> str:
    """kilder.csv's words for a column holding a vocabulary's id (schema.worded_references): the column holds the id, and
    the word the pages show stands in the vocabulary's label. A column of one id a row says every id it holds with its
    word, as the cards show it ('proevehandling = „Prøvehandling“'), so a reader filtering the download can read each
    code in this file (brief facts32, #2); a column of lists gives the pair of its first id as an example."""
    table = TABLES[file.removesuffix(".csv")]
    target = worded_references(table).get(column)
    if target is None:
        return ""
    used = [i for cell in data.tables[table.name][column] for i in (cell if isinstance(cell, tuple) else (cell,)) if i]
    labels = dict(zip(data.tables[target.name][target.key], data.tables[target.name]["label"], strict=True))
    many = any(ref.many for ref in table.references if ref.column == column)
    pairs = [f"{i} = „{labels[i]}“" for i in (used[:1] if many else [i for i in labels if i in set(used)]) if i in labels]
    pair = f" ({'fx ' if many else ''}{listing(pairs)})" if pairs else ""
    return f"Kolonnen holder {vocabulary_words(target, many)}{pair}."


def _tie_words(source: str) -> str:
    """A quote's ingredient_source as its card says it ('redaktionens læsning, ikke rapportens'); no ingredient, empty."""
    return provenance.ingredient_tie(source) if source else ""


def _shown_roles(data: Dataset, quotes: pd.DataFrame) -> pd.Series:
    """speaker_role as the cards show it: where the anonymity rule puts the category in place of the role, the row says
    whose it is in the cards' words (provenance.category_note). The s18 reading, #2: with its inferred tie left out
    (published_data) nothing else in such a row told a reader that 'Sundhedsområdet' is no role from the report."""
    held = quotes["shown_role"] != quotes["speaker_role"]
    notes = [provenance.category_note(data.options, precise=role != NOT_STATED) for role in quotes["speaker_role"]]
    shown = quotes["shown_role"].where(~held, quotes["shown_role"] + " " + pd.Series(notes, index=quotes.index))
    # Where no one is named, the folder's one form for an absence ('ikke angivet i rapporten'), not a bare 'ikke
    # angivet' (reading 28, #5), nor a card's 'afsender ikke angivet' (reading 30, #2): the row's kind says the rest.
    return shown.where(quotes["shown_role"] != NOT_STATED, provenance.folder_words(data.options).not_stated)


def _published_blanks(data: Dataset, table: str, frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The columns of `table` whose empty cells a download writes in words (schema.PUBLISHED_BLANKS), so filled, in
    the pages' words (provenance.published_blank: 'ikke angivet i rapporten', as the cards say a list left out)."""
    filled = {}
    for value in PUBLISHED_BLANKS:
        name, _, column = value.partition(".")
        if name == table and column != "caption":  # the quotes' caption is filled above, beside the anonymity rule
            word = provenance.published_blank(data.options, value)
            cells = frame[column]
            if value in PART_BLANKS:
                # A part's list its whole gives for both says so, as its card does (schema.PART_BLANKS).
                wholes = dict(zip(frame["initiative_id"], frame[column], strict=True))
                whole = frame["part_of"].map(lambda part_of, wholes=wholes: bool(len(wholes.get(part_of, ()))))
                cells = cells.where(cells.map(len).astype(bool) | ~whole, PART_BLANKS[value])
            filled[column] = cells.map(lambda cell, word=word: cell if len(cell) else word)
    return filled


def _not_given(data: Dataset, table: str, frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The columns of `table` whose 'ikke angivet' says whose absence it is (schema.NOT_GIVEN), in the words of the
    page's and the PDFs' table under Figure 1 ('rapporten angiver ikke formen'; provenance.given_or_not)."""
    said = {}
    for value in NOT_GIVEN:
        name, _, column = value.partition(".")
        if name == table:
            said[column] = provenance.given_or_not(data.options, value, frame[column])
    return said


def _published_codes(data: Dataset, table: str, frame: pd.DataFrame) -> dict[str, pd.Series]:
    """The provenance columns of `table` (schema.PUBLISHED_CODES) in the pages' words, not the data folder's codes:
    'udledt af redaktionen' where the folder says inferred, as the cards and kilder.csv say it."""
    coded = {}
    for value in PUBLISHED_CODES:
        name, _, column = value.partition(".")
        if name == table:
            coded[column] = frame[column].map(lambda code, value=value: provenance.code_words(data.options, value, code))
    if table == "quotes":
        # A cited work's quotation has no municipality to leave unstated: in the words of its card in the PDFs.
        coded["attribution"] = coded["attribution"].where(frame["reference_key"] == "", provenance.LITERATURE_UNTIED)
    return coded


def withheld_note(options: pd.DataFrame) -> str:
    """What a download does with an inferred tie (published_data), said in kilder.csv beside the ties' columns."""
    untied = provenance.code_words(options, "quotes.attribution", ATTRIBUTIONS[-1])
    return (
        " I den udgivne quotes.csv står en udledt tilknytning kun for et frigivet citat (cleared = ja); de øvrige står uden "
        f"kommune („{untied}“) og uden begrundelse, som bogens sider viser dem, til læseren slår de udledte tilknytninger "
        "til. Datamappen har dem."
    )


def column_source(data: Dataset, table: str, column: str) -> tuple[str, str]:
    """(whose word, why) for one column of a published table, in data/provenance.py's words, as the pages say it; the
    ties' columns add what the download leaves out (withheld_note), only where it left a tie out (Dataset.withheld):
    the s22 reading, #3, found kilder.csv speaking of ties 'Datamappen har' where the data hold none."""
    whose, why = _column_source(data, table, column)
    if data.withheld and table == "quotes" and column in ("kommunekode", "attribution", "attribution_rationale"):
        why += withheld_note(data.options)
    if (table, column) == ("quotes", "attribution"):
        why += f" Ved et citat fra litteraturen står „{provenance.LITERATURE_UNTIED}“."
    if (table, column) == ("attention_points", "text"):
        # The rule names the report only in its own folder: an analyst's book never credits the report (issue 21).
        report = provenance.folder_source(data.options) == BY_REPORT
        why += f" {POINT_MARKS if report else 'Citerede ord står i »…« i teksten.'}"
    if (table, column) == ("resource_persons", "facilitator"):
        # The page's sentence under its table, so the file's last row is no fourth resource person (reading 31, #4).
        persons = data.resource_persons
        named = [(str(r.name), str(r.role)) for r in persons[persons["facilitator"] == YES].itertuples()]
        if named:
            counted = int((persons["facilitator"] != YES).sum())
            why += f" Hvor facilitator er „{YES}“: {provenance.resource_persons_said(data.options, counted, named)}"
    if table == "quotes" and column == "caption":
        holder = provenance.folder_words(data.options).holder  # the report's, or an analyst's data (issue 21)
        why += f" Hvor {holder} ikke har nogen billedtekst, står „{PUBLISHED_BLANKS['quotes.caption']}“."
        # A literature quote's caption is the in-text reference, not a caption (reading 25 r2, #6): said, with one of them.
        cited = data.quotes.loc[(data.quotes["reference_key"] != "") & (data.quotes["caption"] != ""), "caption"]
        if len(cited):
            own = provenance.folder_words(data.options).own
            # The report's own words stand in »…«, an analyst's in „…“ (the marks' rule of kilder.csv).
            example = f"»{cited.iloc[0]}«" if provenance.folder_source(data.options) == BY_REPORT else f"„{cited.iloc[0]}“"
            why += f" Ved et citat fra litteraturen står i stedet {own} henvisning i teksten, fx {example}."
    return whose, why.strip()


def _column_source(data: Dataset, table: str, column: str) -> tuple[str, str]:
    options, value = data.options, f"{table}.{column}"
    folder = provenance.folder_source(options)
    ties = table == "quotes" and column in ("ingredient_ids", "ingredient_source", "ingredient_rationale")
    if ties and folder != BY_REPORT:
        # In another folder every tie to an ingredient is that folder's (provenance.ingredient_tie_source).
        return provenance.words(folder).value, ""
    if ties:
        return (
            "står i hver række i ingredient_source",
            (
                # The words the file holds, not the codes behind them (reading26r2, #18: „rapportens (rapporten)“).
                f"Koblingen til ingredienserne står som „{provenance.ingredient_tie(BY_REPORT)}“, når citatet står i "
                "ingrediensens afsnit, eller rapporten i sin tekst knytter det, og som "
                f"„{provenance.ingredient_tie(provenance.BY_EDITORS)}“, med begrundelse i ingredient_rationale, hvor "
                "redaktionen knytter det; i en analytikers datamappe står den som "
                f"„{provenance.ingredient_tie(provenance.BY_ANALYST)}“."
            ),
        )
    if table == "quotes" and column in ("attribution", "attribution_rationale"):
        value = "quotes.kommunekode"
    if value == "programme_events.mode_rationale":
        value = "programme_events.mode_basis"  # the editors' reason for their reading of a form
    if table == "quotes" and column in ("speaker_role", "caption") and anonymity.rule_is_on(options):
        return _held_back(data, column)
    if value in BASIS_COLUMNS and folder == BY_REPORT:
        basis = BASIS_COLUMNS[value]
        # A column that may also say 'ikke angivet' (a form) says whose that absence is too.
        return (
            f"står i hver række i {basis}",
            (
                f"Rapportens, hvor {basis} er „{_basis_word(options, table, basis, 'stated')}“; "
                f"{_basis_label(options, table, basis)}, hvor {basis} er „{_basis_word(options, table, basis, 'inferred')}“: "
                f"{EDITORIAL_VALUES[f'{table}.{basis}'].reason}{_absent(options, value)}"
            ),
        )
    if value in SOURCE_COLUMNS and folder == BY_REPORT:
        source = SOURCE_COLUMNS[value]
        return (
            f"står i hver række i {source.removeprefix(table + '.')}" if source.startswith(f"{table}.") else f"står i {source}",
            (
                f"Rapportens, hvor {source} er tom; {provenance.value_label(options, source)}, hvor den er redaktionen: "
                f"{EDITORIAL_VALUES[source].reason}"
            ),
        )
    if value in NOT_GIVEN and value not in EDITORIAL_VALUES:
        # The data table and the figure's table say whose absence it is in one wording (provenance.given_or_not); read
        # back as a data folder, the words are the schema's 'ikke angivet' again (validation._published_not_given).
        holder, noun = provenance.folder_words(options).holder, NOT_GIVEN[value]
        in_figure = any(value == shown for columns in FIGURE_TABLES.values() for _, shown in columns)
        return (
            f"{provenance.words(folder).value}, hvor {holder} angiver {noun}",
            f"Hvor {holder} ikke angiver {noun}, står {_not_given_where(options, value, in_figure=in_figure)}",
        )
    if value in MIXED_VALUES and folder == BY_REPORT:
        return "rapportens og redaktionens", MIXED_VALUES[value]
    value = _vocabularies().get(table, value) if column != TABLES[table].key else value
    value = value if value in EDITORIAL_VALUES else _referenced(table, column) or value
    if value in EDITORIAL_VALUES:
        editors = provenance.value_source(options, value) == provenance.BY_EDITORS
        why = provenance.reason(value, provenance.data_reasons(data.tables)) if editors else ""
        if value in NOT_GIVEN:
            # An editors' retelling that may be absent (an outcome): whose absence it is, in the download's words.
            why = f"{why} Hvor den mangler, står {_not_given_where(options, value, in_figure=False)}".strip()
        return provenance.value_label(options, value), why
    if TABLES[table].kind_of(column) == "id" and column == TABLES[table].key:
        return "bogens id", "Et fast id, som tabellerne henviser til; ikke en oplysning fra rapporten."
    if (table, column) == ("quotes", "exchange_id"):
        # The exchanges are the report's; their ids (x1, x2 …) are the book's (reading 31, #7: „rapportens“).
        holder = provenance.folder_words(data.options).holder  # an analyst's book never credits the report (issue 21)
        return "bogens id", f"Samler replikkerne i en ordveksling; ordvekslingen står i {holder}, id'et er bogens."
    if column in ("slug", "book_page"):
        return "bogens opbygning", "Hvor bogen viser rækken; ikke en oplysning fra rapporten."
    if is_retold(table, column) and folder == BY_REPORT:
        return provenance.retold_label(options), RETOLD
    return provenance.words(folder).value, ""


def is_retold(table: str, column: str) -> bool:
    """Whether a column holds texts the editors tell in their own words (a description, a summary, an outcome): the
    columns whose kept words of the report must stand in »…« (unmarked_report_words)."""
    editorial = EDITORIAL_VALUES.get(f"{table}.{column}")
    if editorial is not None:
        return editorial.act == "gengivelse"
    return column == "description" or "med egne ord" in (TABLES[table].schema.columns[column].description or "")


def retold_columns() -> list[tuple[str, str]]:
    """(table, column) of every column the editors tell in their own words (is_retold)."""
    return [(table, column) for table, spec in TABLES.items() for column in spec.schema.columns if is_retold(table, column)]


def unmarked_report_words(text: str, report: str, run: int = KEPT_WORDS) -> list[str]:
    """The runs of `run` or more of the report's words, in the report's order, that `text` gives outside »…«: words an
    editors' text must set in »…« as the report's or tell anew (KEPT). `report` is the report's text with its
    line-break hyphens repaired; case, punctuation and the kind of apostrophe do not count."""

    def words(said: str) -> list[str]:
        return WORD.findall(said.replace("’", "'").lower())

    said = words(report)
    known = {tuple(said[i : i + run]) for i in range(len(said) - run + 1)}
    found = []
    for outside in GUILLEMETS.split(text):
        told = words(outside)
        spans: list[list[int]] = []
        for i in range(len(told) - run + 1):
            if tuple(told[i : i + run]) not in known:
                continue
            if spans and i <= spans[-1][1]:
                spans[-1][1] = i + run
            else:
                spans.append([i, i + run])
        found += [" ".join(told[start:end]) for start, end in spans]
    return found


def column_heading(data: Dataset, label: str, table: str, column: str) -> str:
    """A page's heading over a data column, naming the column's source as kilder.csv does where it is not the
    report's: 'Forløbet (redaktionens ord)', 'Bemærkning (redaktionens tilføjelse)'."""
    whose, _ = column_source(data, table, column)
    return label if whose == provenance.words(BY_REPORT).value else provenance.marked(label, whose)


def _referenced(table: str, column: str) -> str:
    """The editorial key a column refers to ('initiatives.kommunekode' -> 'municipalities.kommunekode'): a code the
    editors added is theirs in every table that names it, not only in the table that lists it."""
    for reference in TABLES[table].references:
        key = f"{reference.table}.{TABLES[reference.table].key}"
        if reference.column == column and key in EDITORIAL_VALUES:
            return key
    return ""


def _held_back(data: Dataset, column: str) -> tuple[str, str]:
    """(whose word, why) for a quote's speaker_role or caption under the anonymity rule: the folder's role and caption
    where the row is not tied or is cleared; otherwise the editors' category, and only the caption's words before the
    role. The row's kommunekode and cleared say which, as the cards decide it (data/anonymity.py)."""
    options = data.options
    own = provenance.words(provenance.folder_source(options)).own
    # Not 'where kommunekode is filled': an inferred tie the download leaves out (withheld_note) holds the role back too.
    note = provenance.category_note(options, precise=True)
    hidden = f"hvor citatet er knyttet til en kommune i datamappen og cleared ikke er {YES}"
    if column == "speaker_role":
        category = provenance.value_label(options, "quotes.speaker_category")
        # The words a card of each kind says for a speaker no one names, as the rows hold them (reading 28, #5).
        kinds = dict.fromkeys(data.quotes.loc[data.quotes["speaker_role"] == NOT_STATED, "kind"])
        unnamed = " eller ".join(f"„{provenance.unnamed_as(options, data.quote_kinds, kind)}“" for kind in kinds)
        absent = provenance.folder_words(options)
        why = (
            f"{own[0].upper()}{own[1:]} rolle (hvor {absent.holder} ikke angiver taleren, står „{absent.not_stated}“"
            f"{f', og kortet siger {unnamed}' if unnamed else ''}); {hidden}, "
            f"står talerkategorien her i stedet ({category}), fulgt af „{note}“, som på kortene: anonymitetsreglen."
        )
        if provenance.roles_source(options) == BY_REPORT:
            # The report's own role for those rows stands nowhere in the book, not even apart from the tie (docs/adr/0030).
            why += " Rapporten nævner rollen; bogen gengiver den ikke noget sted."
    else:
        why = (
            f"{own[0].upper()}{own[1:]} billedtekst; {hidden} (så slutter speaker_role med „{note}“), står kun "
            "billedtekstens ord før talerens rolle, eller ingenting, hvis billedteksten ikke slutter med rollen: "
            "anonymitetsreglen."
        )
    return "står i hver række i speaker_role", why


def _basis_label(options: pd.DataFrame, table: str, basis: str) -> str:
    """Whose a row's value is where its basis column says inferred: 'redaktionens titel'."""
    return provenance.value_label(options, f"{table}.{basis}")


def _basis_word(options: pd.DataFrame, table: str, basis: str, code: str) -> str:
    """A basis code as the download writes it (provenance.code_words): 'angivet i rapporten' for stated."""
    return provenance.code_words(options, f"{table}.{basis}", code)


def _vocabularies() -> dict[str, str]:
    """A vocabulary table -> the editorial value that uses it ('statuses' -> 'initiatives.status'): its labels are
    the same editors' reading as the column that names them."""
    used = {}
    for value in EDITORIAL_VALUES:
        table, _, column = value.partition(".")
        if table in TABLES:
            used.update({r.table: value for r in TABLES[table].references if r.column == column and "label" in TABLES[r.table].columns})
    return used


def _value_source(data: Dataset, value: str) -> tuple[str, str]:
    """(whose word, why) for a value a page's table shows ('table.column'), as column_source says it for the table; a
    value whose basis column the page's table leaves out says its source in the cell: 'Alternativt samarbejdsforum
    (redaktionens titel)'."""
    table, _, column = value.partition(".")
    if value in BASIS_COLUMNS and provenance.folder_source(data.options) == BY_REPORT:
        basis = BASIS_COLUMNS[value]
        label = _basis_label(data.options, table, basis)
        return f"rapportens, ellers står „({label})“ i cellen", EDITORIAL_VALUES[f"{table}.{basis}"].reason + _absent(data.options, value)
    return column_source(data, table, column)


def _absent(options: pd.DataFrame, value: str) -> str:
    """What an empty basis means in a column that may say 'ikke angivet' (a form): the report leaves the value out."""
    if value not in NOT_GIVEN:
        return ""
    noun = NOT_GIVEN[value]
    return (
        f" Hvor {BASIS_COLUMNS[value]} er tom, angiver rapporten ikke {noun}: der står {_not_given_where(options, value, in_figure=True)}"
    )


def _not_given_where(options: pd.DataFrame, value: str, *, in_figure: bool) -> str:
    """Where an absence in a column of schema.NOT_GIVEN stands in the one wording, and what it is in the data folder:
    '„ikke angivet i rapporten“ i programme_events.csv og i figurens tabel; læst ind som datamappe er det
    „ikke angivet“.'"""
    table, _, _ = value.partition(".")
    figure = " og i figurens tabel" if in_figure else ""
    said = provenance.folder_words(options).not_stated
    if NOT_GIVEN[value] == OUTCOME_UNTOLD:
        # The page's fuller sentence, which holds the cell's words (ADR 109), as the dictionary says it.
        sentence = provenance.untold(options, f"{OUTCOME_UNTOLD} i <kommunen>")
        figure = f" (på siderne og i PDF-udgaverne: „{sentence[0].upper()}{sentence[1:]}.“)"
    return f"„{said}“ i {TABLES[table].file}{figure}; læst ind som datamappe er det „{NOT_STATED}“."


def sources_file(data: Dataset, figures_not_drawn: Collection[str] = (), *, tied: bool) -> str:
    """kilder.csv: for every column of every published table, whose word it is and why, so a download says what the
    pages say beside each value (the data chapter's promise); a figure no page draws offers no file to document."""
    rows = [[table.file, column, *column_source(data, name, column)] for name, table in TABLES.items() for column in table.columns]
    # A card's label says whose it is where the pages and PDFs say it, once after each list (ADR 70).
    rows = [
        [*row[:3], f"{row[3]} {provenance.LABELS_ONCE}".strip()] if f"{row[0].removesuffix('.csv')}.{row[1]}" in CARD_LABELS else row
        for row in rows
    ]
    # A column holding a vocabulary's id says where the pages' word for it stands (reading26r2, #3).
    rows = [[*row[:3], f"{row[3]} {_vocabulary_note(data, row[0], row[1])}".strip()] for row in rows]
    # A page's table downloads as '<table id>.csv' with the page's headings, which name an editorial column's source.
    for file in PAGE_TABLES:
        headings = provenance.page_table_headings(data.options, file, tied=tied)
        for shown, (_, value, _) in zip(headings, provenance.page_table_columns(file, tied=tied), strict=True):
            rows.append([f"{file}.csv", shown, *_value_source(data, value)])
            if value in COUNTS_WITH_WORDS:
                # The count's words ('udledt af redaktionen') stand beside it (words.count_columns): whose, as the count.
                rows.append([f"{file}.csv", COUNT_WORDS.format(heading=shown), _value_source(data, value)[0], COUNT_COLUMNS_RULE])
    # A figure's table downloads as '<figure id>-<view>.csv': every number in it is the figure's, and so is its source.
    # A figure the book shows as a list (Figures 2-4) has no such file, and kilder.csv documents only what exists.
    # A figure whose table shows a data table's columns says each column's own source, as that table's rows do.
    for figure_id, figure_columns in FIGURE_TABLES.items():
        headings = provenance.figure_table_headings(data.options, figure_id)
        for heading, (_, shown_value) in zip(headings, figure_columns, strict=True):
            table, _, column = shown_value.partition(".")
            # A column whose rows differ in source (a form the editors read) says it in its cells, as a page's table does.
            rows.append([f"{figure_id}-*.csv", heading, *_value_source(data, shown_value)])
    # The columns only a figure's CSV carries (a date's sortable form) say their source as the page's columns do.
    for figure_id, download_columns in FIGURE_DOWNLOAD_COLUMNS.items():
        headings = provenance.figure_download_headings(data.options, figure_id)
        page_columns = dict(
            zip((value for _, value in FIGURE_TABLES[figure_id]), provenance.figure_table_headings(data.options, figure_id), strict=True)
        )
        for heading, (_, shown_value) in zip(headings, download_columns, strict=True):
            whose, _ = _value_source(data, shown_value)
            # Empty where the source gives none, so the column sorts; the words stand in the page's column (reading 28, #5).
            holder = provenance.folder_words(data.options).holder
            why = (
                f"Som ÅÅÅÅ-MM, så kolonnen kan sorteres. Hvor {holder} ikke angiver {NOT_GIVEN[shown_value]}, er cellen tom; "
                f"ordene står i kolonnen „{page_columns[shown_value]}“."
            )
            rows.append([f"{figure_id}-*.csv", heading, whose, why])
    for value, editorial in EDITORIAL_VALUES.items():
        if value.startswith(FIGURE) and editorial.download and value.removeprefix(FIGURE) not in {*FIGURE_TABLES, *figures_not_drawn}:
            # In the chart's own words, as its page and the PDFs say them (provenance.chart_whose): its count, the
            # editors' terms and groupings it shows, and why each is not the report's.
            figure_id = value.removeprefix(FIGURE)
            label = provenance.chart_label(data.options, figure_id)
            reasons = provenance.chart_reasons(data.options, figure_id, provenance.data_reasons(data.tables))
            rows.append([f"{figure_id}-*.csv", "alle", label, f"{reasons} {COUNT_COLUMNS_RULE}".strip()])
    return plain_csv_text(SOURCES_HEADER, rows)
