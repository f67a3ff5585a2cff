"""Every data table declared once (pandera): columns, types, allowed values, keys and references.

The data dictionary, the validator, the templates and the workbook are all written from this.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandera.pandas as pa
from pandera import dtypes
from pandera.engines import pandas_engine
from pandera.engines.type_aliases import PandasObject

from kulturensrige.data.pages import SLUG_RULES

# Where the report gives an initiative its words as a heading of its own: an item of its numbered list of one
# municipality's initiatives ("2) Fem foreningsdage i Slagslunde"), as a name in quotation marks is (reading s24, F4).
TITLE_LIST_ITEM = "punkt i en nummereret opremsning"

NOT_STATED = "ikke angivet"
# The one form every cell of the downloads says where the report says nothing (provenance.words: its `not_stated`),
# whatever the column (reading 30, #2: nine forms, from „rapporten angiver ikke datoen“ to „kan ikke læses ud af
# rapporten“, hid half of them from an analyst who filtered for it; ADR 109). Longer explanations stand in kilder.csv.
IN_REPORT_NOT_STATED = f"{NOT_STATED} i rapporten"
# Where a value does not apply (a period's start has no form, a virtual meeting no place): not a gap in the report,
# so no page says the report leaves it out (reading 21, finding 7).
NOT_APPLICABLE = "ikke relevant"
# Columns whose 'ikke angivet' means that the report (the data folder's source) leaves the value out, each with the
# noun a sentence names the value by: the pages, the PDFs and the downloads show such a cell as 'rapporten angiver ikke
# datoen' (provenance.not_given), so the absence is said to be the report's, not shown as 'ikke angivet' under a
# column the report owns.
# Columns that may hold 'ikke angivet' where the source leaves the value out: kilder.csv says whose absence it is, not
# plainly 'rapportens' (value -> its noun as a sentence names it).
# The one question a municipality's outcome answers, worded once: the PDF's field, the sentence where the report does
# not answer it, the download's cell and the dictionary all ask it in these words (reading26r2, #6).
OUTCOME_QUESTION = "hvad forløbet førte til"
# What the report does not tell where it gives a municipality no outcome (reader 29, F5c: „Rapporten angiver ikke, hvad
# forløbet førte til“ read as „nothing came of it“, though the report describes what each group did): the effect for
# the target group, after what it does describe (provenance.not_given words both, ADR 104).
OUTCOME_UNTOLD = f"{OUTCOME_QUESTION} for målgruppen"
OUTCOME_DESCRIBED = "beskriver indsatserne, men"
NOT_GIVEN = {
    "municipalities.outcome": OUTCOME_UNTOLD,
    "programme_events.mode": "formen",
    "programme_events.date": "datoen",
    "programme_events.place": "stedet",
    "publication.year": "udgivelsesåret",
    # Said in the downloads' one form too (reading 30, #2: „ikke angivet“ bare in six_ps.csv and references.csv).
    "six_ps.label_da": "en dansk betegnelse",
    "six_ps.description": "en beskrivelse",
    "references.language": "sproget",
}
# Columns a figure's table CSV carries after the page's, each with the data value it shows: the dates as the data
# folder writes them (ÅÅÅÅ-MM), so a spreadsheet sorts them; the page's column says them in words („november 2021“),
# as the pages and PDFs do (reading26r2, #7).
FIGURE_DOWNLOAD_COLUMNS = {"forloeb": (("Dato som år-måned", "programme_events.date"),)}
# What an initiative that names no single organisation shows where its organisations stand (the cards, the downloads).
NO_ORGANISATION = "ingen enkelt organisation"
# Cells a published download writes in words where the data folder leaves them empty, as the pages say it (the s17
# reading, #4: a blank can mean missing data as well as the report's silence). Read back as a data folder, each word is
# an empty cell again (validation._published_blanks), so a download re-imports as the data it came from.
PUBLISHED_BLANKS = {
    "initiatives.target_group_ids": NOT_STATED,
    "initiatives.art_form_ids": NOT_STATED,
    "initiatives.setting_ids": NOT_STATED,
    "initiatives.organisation_ids": NO_ORGANISATION,
    "quotes.caption": NOT_STATED,
    "organisations.name_in_report": NOT_STATED,
}
# An initiative's list a part of it leaves empty while the whole it is part of (initiatives.part_of) has it: the source
# gives it for the whole only, and the part's card, its PDF and the downloads say so in these words in place of a split
# the source does not make (brief facts32, #3: Rudersdal's components each had the places the report gives for both).
PART_BLANKS = {
    "initiatives.setting_ids": "angivet samlet for hele projektet, ikke for hver del",
    "initiatives.organisation_ids": "nævnt samlet for hele projektet, ikke for hver del",
}
# The published blanks a card says in the folder's words ('ikke angivet i rapporten', provenance.folder_words), so a
# download says them as the cards and editions do (reading26, #3): the cells' word is whoever's folder it is.
# An organisation the report gives no name says so too (reading26r2, #17: organisations.csv left the cell empty).
# A caption the report does not print is said so too (reading 30, #2: a bare „ikke angivet“ in quotes.csv).
FOLDER_BLANKS = (
    "initiatives.target_group_ids",
    "initiatives.art_form_ids",
    "initiatives.setting_ids",
    "organisations.name_in_report",
    "quotes.caption",
)
_PUBLISHED_BLANK_NOTE = " I de CSV-filer, bogen udgiver, står „{word}“ i en tom celle; læst ind igen er den tom."
# Its example is an analyst's words: the dictionary is the same in every book, and the report's („ikke angivet i
# rapporten“) would credit the report in an analyst's book (as column_guide.published_words; ADR 86).
_FOLDER_BLANK_NOTE = (
    " Angiver data ikke listen, står der i de udgivne CSV-filer det samme som på kortene (fx „ikke angivet af "
    "analytikeren“); læst ind igen er cellen tom."
)


def _part_blank_note(value: str) -> str:
    """The dictionary's word on a part's list left to its whole (PART_BLANKS)."""
    return (
        " En del af en indsats (part_of) lader listen tom, hvor kilden kun angiver den for hele indsatsen; kortet, "
        f"PDF'en og de udgivne CSV-filer siger da „{PART_BLANKS[value]}“."
    )


_NOT_GIVEN_NOTE = (
    "I de CSV-filer, bogen udgiver, står der i stedet for 'ikke angivet', hvem der ikke angiver værdien, i samme ord som "
    "i hver anden celle, hvor kilden intet siger (fx „ikke angivet af analytikeren“), og siderne og PDF-udgaverne bruger "
    "de samme ord; læst ind igen er det 'ikke angivet'."
)
# The tables whose rows quote the report's words, each with the column that holds them: a slip in them is noted where
# it stands (report_slips.csv, ADR 89).
SLIP_COLUMNS = {
    "quotes": "text",
    "evaluation_questions": "text",
    "guide_recommendations": "report_text",
    "findings": "report_text",
    # A status's description quotes the report's words for the editors' reading (»Dette er lykkes …«, reading27, #3).
    "statuses": "description",
}
SLIP_EXAMPLE = "(»blandende« står sådan i rapporten)"
LIST_SEPARATOR = ";"
ATTRIBUTIONS = ("stated", "inferred", "not stated")
# Whether a row is the report's own statement or the editors' reading of the report.
BASES = ("stated", "inferred")
# Which words of an attention point are the report's, one rule for every row (the s23 reading, #3): the stated point
# stood bare in attention_points.csv and got its »…« from the page, while an editors' point that is a sentence of the
# report stood in »…« in the file itself. The data dictionary and kilder.csv say it in these words.
POINT_MARKS = "Rapportens egne ord står i »…« i teksten, i hver række og hvad basis end er; resten er redaktionens ord."
YEAR_OR_NOT_STATED = r"^([0-9]{4}|ikke angivet)$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
KOMMUNEKODE_PATTERN = r"^[0-9]{3}$"
YES, NO = "ja", "nej"
NO_PARTNERS = "Rapporten kalder ingen af disse organisationer partnere"
# What the report names an organisation as where it does not work on the initiative (organisations.relation) -> what a
# municipality's page says of those it names there, instead of the general sentence, which holds for some pages only
# (reading 28, #4b).
# The ids say what the report says, in ASCII as the other ids (reading 29, #1 and #4): the report says only that Køge
# took part in March mod ensomhed (not what it is), and that the new project is »tænkt med« the two (not planned).
RELATIONS = {
    "maalgruppe": "brugerne af {names} er en del af målgruppen",
    "kommunen-deltog-i": "{municipality} deltog i {names}",
    "taenkt-med": "{names} er tænkt med i et nyt projekt",
}
# The same, said of organisations at all municipalities' initiatives (kilder.csv, Sammenlign, the data dictionary).
RELATIONS_SAID = (
    "rapporten nævner nogle som en del af målgruppen, som noget, en kommune deltog i, eller som noget, der er tænkt med i et nyt projekt"
)
ANONYMITY, ON, OFF = "anonymitet", "til", "fra"
# Whose word a value is (the provenance model). `rapporten`: the report states it; `redaktionen`: the editors'
# reading or addition, with its reason; `analytiker`: typed in by whoever prepared the data folder (workbook or CSV);
# `qda-projekt`: coded in a QDA tool. kulturensrige/data/provenance.py words each in Danish, once.
BY_REPORT, BY_EDITORS, BY_ANALYST, BY_QDA = "rapporten", "redaktionen", "analytiker", "qda-projekt"
SOURCES = (BY_REPORT, BY_EDITORS, BY_ANALYST, BY_QDA)
# The companion file the built book publishes beside the tables (publishing): whose word each column is. A folder
# made from a download holds it; the validator lets it lie, as it is no table.
SOURCES_FILE = "kilder.csv"
SOURCE_MEANINGS = {
    BY_REPORT: "rapporten siger det selv",
    BY_EDITORS: "bogens redaktion har læst det ud af rapporten eller tilføjet det, med en begrundelse, hvor det er et skøn",
    BY_ANALYST: "den, der har lavet datamappen, har skrevet det ind (gennem et regneark eller CSV-filer)",
    BY_QDA: "det er kodet i et QDA-program og læst ind fra et REFI-QDA-projekt",
}
# Options naming a source: who prepared the data folder (`kilde`), and who stated the quotes' municipalities
# (`kommune_angivet_af`, set by the REFI-QDA import; standard: the folder's source).
FOLDER_SOURCE, ATTRIBUTED_BY = "kilde", "kommune_angivet_af"
# Whether the municipalities' codes and names are the official Danish ones (checked) or a test's or another country's.
CODES, OFFICIAL_CODES, OWN_CODES = "kommunekoder", "officielle", "egne"
OPTION_VALUES = {ANONYMITY: (ON, OFF), FOLDER_SOURCE: SOURCES, ATTRIBUTED_BY: SOURCES, CODES: (OFFICIAL_CODES, OWN_CODES)}
# The provenance columns whose codes (stated, inferred, not stated) a published download writes in the pages' words
# (provenance.Words.tie: the cards' own), each with the option that says whose words they are: the quotes' ties are
# whoever tied them (`kommune_angivet_af`), a row's basis the folder's (`kilde`). provenance.code_words words a code,
# and provenance.code_aliases reads every source's words back as the code, so a download put in a data folder gives
# the data it came from. The data folder itself keeps the codes.
PUBLISHED_CODES = {
    "quotes.attribution": ATTRIBUTED_BY,
    "initiatives.title_basis": FOLDER_SOURCE,
    "programme_events.mode_basis": FOLDER_SOURCE,
    "attention_points.basis": FOLDER_SOURCE,
}
# The reference columns a published download writes as their vocabulary's label, as the cards show it, not as its id
# (reading26r2, #2: initiatives.csv said `ikke-angivet` where the pages promise „kan ikke læses ud af rapporten“).
# Read back as a data folder, each label is its id again (validation._published_labels); the data folder keeps the ids.
PUBLISHED_LABELS = {"initiatives.status": "statuses"}
# What statuses.csv said, before ADR 109, where the editors read no status from the report: a download of then, read
# back as a data folder, is the status 'ikke angivet' again (provenance.no_status_aliases). Now the downloads say
# IN_REPORT_NOT_STATED there, as in every other cell where the report says nothing (reading 30, #2).
NO_STATUS_BEFORE = "kan ikke læses ud af rapporten"
MONTH_OR_NOT_STATED = r"^([0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?|ikke angivet)$"


@dataclass(frozen=True)
class Reference:
    """A column whose values must be keys of another table."""

    column: str
    table: str
    many: bool
    optional: bool


@dataclass(frozen=True)
class Table:
    """One CSV file in the data folder."""

    name: str
    title: str
    description: str
    key: str
    schema: pa.DataFrameSchema
    min_rows: int = 1
    optional: bool = False  # a missing file (or sheet) reads as the table with no rows: every setting at its default

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    @property
    def columns(self) -> list[str]:
        return list(self.schema.columns)

    def kind_of(self, column: str) -> str:
        return self.schema.columns[column].metadata["kind"]

    @property
    def references(self) -> list[Reference]:
        return [
            Reference(name, meta["references"], meta["kind"] == "list", not meta.get("required", True))
            for name, col in self.schema.columns.items()
            if "references" in (meta := col.metadata)
        ]

    @property
    def list_columns(self) -> list[str]:
        return [name for name in self.columns if self.kind_of(name) == "list"]

    @property
    def integer_columns(self) -> list[str]:
        return [name for name in self.columns if self.kind_of(name) == "integer"]

    def takes_dates(self, column: str) -> bool:
        """Whether a workbook's date cell may be read into `column` (as ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD): only a column made
        by `date`. Any other column refuses one, as its text would not be what the analyst sees (2-1 read 2026-01-02)."""
        return bool(self.schema.columns[column].metadata.get("dates", False))


class _Text(pandas_engine.STRING):
    """pandera's type of a text column (`str`), whose check of a column of that very type says True. pandera 0.35's
    says so with an array of True, one a row, and then builds an empty table of failure cases for every column that
    passes and prints it into a message nobody reads: validating data/ took 0.38 s of CPU, 0.28 s without that
    (session 26). A column of another type, or cells that fail, are checked as before."""

    def check(self, pandera_dtype: dtypes.DataType, data_container: PandasObject | None = None) -> bool | Iterable[bool]:
        result = super().check(pandera_dtype, data_container)
        return True if isinstance(result, np.ndarray) and result.all() else result


TEXT = _Text()  # type: ignore[call-arg]  # mypy reads pandera's dataclass __init__ as DataType's, which takes a dtype


def _column(dtype, checks: list[pa.Check], description: str, example: str, kind: str, **meta) -> pa.Column:
    return pa.Column(
        TEXT if dtype is str else dtype,
        checks=checks,
        coerce=dtype is int,
        nullable=False,
        description=description,
        metadata={"example": example, "kind": kind, "required": True, **meta},
    )


def ident(description: str, example: str, required: bool = True) -> pa.Column:
    """A stable id: lowercase ASCII slug, so it is safe in URLs and HTML attributes (`required=False`: the
    validator derives it where the cell is empty, see validation.DERIVED)."""
    return _column(
        str,
        [pa.Check.str_matches(SLUG_PATTERN, error="et id af små bogstaver a-z, tal og bindestreger, fx 'leg-mod'")],
        description,
        example,
        "id",
        required=required,
    )


def kommunekode(description: str, example: str = "259", references: str | None = None, required: bool = True) -> pa.Column:
    """The official three-digit municipality code; empty allowed only where the report states none."""
    pattern = KOMMUNEKODE_PATTERN if required else r"^([0-9]{3})?$"
    meta = {"references": references} if references else {}
    return _column(
        str,
        [pa.Check.str_matches(pattern, error="en officiel kommunekode med tre cifre, fx 259" + ("" if required else ", eller tom"))],
        description,
        example,
        "code",
        required=required,
        **meta,
    )


def text(description: str, example: str, required: bool = True) -> pa.Column:
    checks = [pa.Check.str_length(min_value=1, error="en tekst, ikke tom")] if required else []
    return _column(str, checks, description, example, "text", required=required)


def date(description: str, example: str) -> pa.Column:
    """A month or a day as text, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD, or 'ikke angivet'; a workbook's date cell is read into it."""
    error = "en dato som ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD, eller 'ikke angivet'"
    return _column(str, [pa.Check.str_matches(MONTH_OR_NOT_STATED, error=error)], description, example, "text", dates=True)


def integer(description: str, example: str, minimum: int = 0) -> pa.Column:
    return _column(int, [pa.Check.ge(minimum, error=f"et helt tal, mindst {minimum}")], description, example, "integer")


# Language codes (BCP 47) a quoted work may be in; a screen reader reads the quote in that language.
LANGUAGES = ("da", "en", "sv", "nb", "nn", "de", "fr")


def choice(values: tuple[str, ...], description: str, example: str) -> pa.Column:
    allowed = ", ".join(values)
    return _column(str, [pa.Check.isin(list(values), error=f"en af: {allowed}")], description, example, "choice", values=values)


def optional_basis(description: str, example: str) -> pa.Column:
    """stated, inferred or empty, in a column an older file may leave out: whose a value of the row is."""
    allowed = ", ".join(BASES)
    return _column(
        str,
        [pa.Check.isin([*BASES, ""], error=f"en af: {allowed}, eller tom")],
        description,
        example,
        "choice",
        values=BASES,
        required=False,
        optional_column=True,
    )


def flag(description: str, example: str) -> pa.Column:
    """Yes or no; empty, or the whole column left out of an older file, means no."""
    return _column(
        str,
        [pa.Check.isin([YES, NO, ""], error=f"{YES}, {NO} eller tom (= {NO})")],
        description,
        example,
        "choice",
        values=(YES, NO),
        required=False,
        optional_column=True,
    )


def source_choice(description: str, example: str) -> pa.Column:
    """Whose word a row's value is (SOURCES), or empty for the data folder's own source; the column may be left out
    of an older file."""
    allowed = ", ".join(SOURCES)
    return _column(
        str,
        [pa.Check.isin([*SOURCES, ""], error=f"en af: {allowed}, eller tom (= datamappens kilde)")],
        description,
        example,
        "choice",
        values=SOURCES,
        required=False,
        optional_column=True,
    )


def optional_text(description: str, example: str) -> pa.Column:
    """A text that may be empty, in a column an older file may leave out."""
    return _column(str, [], description, example, "text", required=False, optional_column=True)


def ref(table: str, description: str, example: str, required: bool = True, optional_column: bool = False) -> pa.Column:
    """A single id that must exist in another table (`optional_column`: a column added later, which an older file
    may leave out)."""
    return _column(str, [], description, example, "ref", references=table, required=required, optional_column=optional_column)


def refs(table: str, description: str, example: str, required: bool = False) -> pa.Column:
    """Several ids, separated by ';', each of which must exist in another table."""
    return _column(str, [], description, example, "list", references=table, required=required)


def _table(
    name: str, title: str, description: str, key: str, columns: dict[str, pa.Column], min_rows: int = 1, optional: bool = False
) -> Table:
    schema = pa.DataFrameSchema(columns, strict=True, ordered=False, unique=[key], report_duplicates="exclude_first", name=name)
    return Table(name, title, description, key, schema, min_rows, optional)


def _vocabulary(name: str, key: str, title: str, description: str, example: tuple[str, str], extra: dict | None = None) -> Table:
    columns = {
        # An id is its label's words, as a slug, so a reader of a download knows the code from the word on the cards
        # (brief facts32, #2: `forudbestemt-projekt` for „Prædefineret projekt“, `aktion` for „Prøvehandling“).
        key: ident(
            "Id, som andre tabeller henviser til: betegnelsens (label'ens) ord skrevet med små bogstaver a-z, tal og "
            "bindestreger (Prøvehandling → proevehandling), evt. forkortet, så id'et i de udgivne CSV-filer kan kendes "
            "på ordet, siderne viser.",
            example[0],
        ),
        "label": text("Betegnelse, som læseren ser den.", example[1]),
    }
    columns.update(extra or {})
    columns["description"] = text("Kort forklaring.", "Beskrivelse med egne ord.")
    return _table(name, title, description, key, columns)


# Keys a Danish sentence reads as nouns of common gender („kode“, „nøgle“); every other key is read as „et id“ or
# „et ord“. A message said „et kommunekode“ (reading 28, #8).
COMMON_GENDER_KEYS = frozenset({"kommunekode", "reference_key"})


def one_key(key: str) -> str:
    """A key column named with its indefinite article, as a message or the dictionary says it: 'en kommunekode',
    'et quote_id'."""
    return f"{'en' if key in COMMON_GENDER_KEYS else 'et'} {key}"


def vocabulary_words(target: Table, many: bool) -> str:
    """What a column referring to a vocabulary holds, and where the word the pages show for it stands (reading26r2, #3:
    initiatives.csv's `aktion`, now `proevehandling` (ADR 117), is „Prøvehandling“ on every card): said by the data
    dictionary and kilder.csv."""
    article = one_key(target.key).split()[0]
    held = f"{article} eller flere {target.key} fra {target.file}, adskilt af ';'" if many else f"{one_key(target.key)} fra {target.file}"
    return f"{held}; ordet, siderne og PDF'erne viser, står i id'ets række i kolonnen label"


def worded_references(table: Table) -> dict[str, Table]:
    """The columns of `table` that hold a vocabulary's id (its target has a label) and that a download does not write
    as the label (PUBLISHED_LABELS) -> the vocabulary."""
    return {
        ref.column: TABLES[ref.table]
        for ref in table.references
        if "label" in TABLES[ref.table].columns and f"{table.name}.{ref.column}" not in PUBLISHED_LABELS
    }


# Which category a role belongs to where it could fit two (reading 26, #9: »Fællesskabskonsulent, sundhedsafdeling« stood
# under „Fællesskab og frivillighed“ while „Sundhedsområdet“ is defined by the department): the department decides.
SPEAKER_CATEGORY_RULE = (
    "Normaliserede kategorier af talere: redaktionens inddeling af de roller, rapporten angiver. Nævner rollen den "
    "afdeling eller det ene område, taleren arbejder i, afgør det kategorien (»Fællesskabskonsulent, sundhedsafdeling« "
    "hører til „Sundhedsområdet“); nævner rollen intet område eller flere, afgør stillingen (»Kommunal programleder, "
    "kultur og sundhed« hører til „Projekt- og programledelse“)."
)

SECTION = ref("sections", "Afsnittet i rapporten, som rækken bygger på (proveniens).", "etablering-af-vi")

TABLES: dict[str, Table] = {
    t.name: t
    for t in [
        _table(
            "sections",
            "Afsnit",
            "Rapportens afsnit; hver række i de andre tabeller peger på det afsnit, den stammer fra.",
            "section_id",
            {
                "section_id": ident("Afsnittets id.", "etablering-af-vi"),
                "title": text("Overskriften som i rapporten.", "Etablering af ”vi”"),
                "parent_id": ref("sections", "Overordnet afsnit; tom for kapitler.", "ingrediensliste", required=False),
                "position": integer("Rækkefølge i rapporten.", "14", minimum=1),
                "book_page": text(
                    "Siden i bogen, der fremlægger afsnittet: en side i bogens indholdsfortegnelse (book/_toc.yml) eller en kommunes "
                    "side, kommuner/profil-<kortnavn>; valideringen afviser en side, bogen ikke har.",
                    "ingredienser/etablering-af-vi",
                ),
            },
        ),
        _table(
            "municipalities",
            "Kommuner",
            "De deltagende kommuner, med officiel kommunekode som nøgle.",
            "kommunekode",
            {
                "kommunekode": kommunekode("Officiel kommunekode (nøgle)."),
                "slug": ident(
                    "Kort navn til adresser (URL); kommunens side bliver kommuner/profil-<kortnavn>. Tom: udledt af navnet (Køge → koege). "
                    + SLUG_RULES,
                    "koege",
                    required=False,
                ),
                "name": text("Officielt navn.", "Køge"),
                "name_in_report": text("Navnet som rapporten staver det.", "Køge"),
                "region": text("Region (redaktionens tilføjelse: rapporten nævner ikke regionerne).", "Region Sjælland"),
                "starting_point": ref(
                    "starting_points",
                    "Udgangspunkt ved start; siderne og PDF-udgaverne forklarer det med udgangspunktets description.",
                    "fra-bunden",
                ),
                "outcome": text(
                    f"{OUTCOME_QUESTION[0].upper()}{OUTCOME_QUESTION[1:]} i kommunen, eller 'ikke angivet'. Hvor kilden "
                    f"ikke fortæller det, siger siderne og PDF-udgaverne, at kilden {OUTCOME_DESCRIBED} "
                    f"{OUTCOME_UNTOLD} i kommunen, ikke er angivet. {_NOT_GIVEN_NOTE}",
                    NOT_STATED,
                ),
                "summary": text("Resumé med egne ord.", "Køge holdt eventet ..."),
                "section_id": SECTION,
            },
        ),
        _vocabulary(
            "starting_points",
            "starting_point_id",
            "Udgangspunkter",
            "Kommunernes udgangspunkt ved start.",
            ("fra-bunden", "Fra bunden"),
            {
                # The lead of „Kulturens Rige“ names the municipalities of each starting point and says this after them
                # (lists.starting_points_lead): an analyst's new starting point stands there too (brief facts32, #1).
                "lead_clause": optional_text(
                    "Det, bogens side om Kulturens Rige siger om kommunerne med dette udgangspunkt, lige efter deres navne "
                    "(fx „Køge og Egedal startede fra bunden …“), med rapportens ord i »…«. Tom: siden siger "
                    "udgangspunktets label efter navnene.",
                    "startede fra bunden, »uden egentlige projektplaner eller økonomiske ressourcer«",
                ),
            },
        ),
        _table(
            "initiatives",
            "Indsatser",
            "Hver indsats, rapporten beskriver for en kommune: et projekt, en delindsats, en prøvehandling eller et fokusområde.",
            "initiative_id",
            {
                "initiative_id": ident("Indsatsens id.", "koege-gang-i-gaarden"),
                "kommunekode": ref("municipalities", "Kommunen.", "259"),
                "position": integer("Rækkefølge inden for kommunen.", "1", minimum=1),
                "title": text("Titel; rapportens egen, hvor den giver en.", "Gang i gården"),
                "title_basis": choice(
                    BASES,
                    "stated: titlen er rapportens ord, et navn i anførselstegn (fx ”Gang i gården”, ’Rødder’) eller et "
                    f"{TITLE_LIST_ITEM} (fx 2) Fem foreningsdage i Slagslunde), med stort begyndelsesbogstav og uden en "
                    "indledende artikel; inferred: redaktionen har formet titlen ud fra rapportens beskrivelse.",
                    "stated",
                ),
                "kind": ref("initiative_kinds", "Slags indsats.", "projekt"),
                "part_of": ref(
                    "initiatives",
                    "Den indsats i samme kommune, som rapporten siger, at denne er en del af (fx et projekts komponenter); "
                    "tom for en selvstændig indsats. En del tælles ikke som en indsats for sig.",
                    "",
                    required=False,
                    optional_column=True,
                ),
                "description": text("Beskrivelse med egne ord.", "Seks dages udendørs arrangementer."),
                "target_group_ids": refs("target_groups", "Målgrupper, adskilt af ';'." + _FOLDER_BLANK_NOTE, "tilflyttere"),
                "art_form_ids": refs("art_forms", "Kunstformer og aktiviteter, adskilt af ';'." + _FOLDER_BLANK_NOTE, "dans;musik"),
                "setting_ids": refs(
                    "settings",
                    "Steder og rammer, adskilt af ';'." + _FOLDER_BLANK_NOTE + _part_blank_note("initiatives.setting_ids"),
                    "bibliotek",
                ),
                "organisation_ids": refs(
                    "organisations",
                    "Organisationer nævnt ved indsatsen, adskilt af ';'."
                    + _PUBLISHED_BLANK_NOTE.format(word=NO_ORGANISATION)
                    + _part_blank_note("initiatives.organisation_ids"),
                    "march-mod-ensomhed",
                ),
                "status": ref(
                    "statuses",
                    "Status (et status_id fra statuses.csv); rapporten angiver ingen, så i bogens data, som redaktionen har "
                    "sat op, er den redaktionens læsning. I de CSV-filer, bogen udgiver, står statussens navn, som kortene "
                    "viser det (fx „Gennemført“), og kildens 'ikke angivet', hvor redaktionen ikke kan læse nogen (som i hver "
                    "anden celle, hvor kilden intet siger); læst ind igen er det id'et.",
                    "gennemfoert",
                ),
                "section_id": SECTION,
            },
        ),
        _vocabulary(
            "initiative_kinds",
            "initiative_kind_id",
            "Indsatstyper",
            "Slags indsats: projekt, delindsats, prøvehandling eller fokusområde.",
            ("projekt", "Projekt"),
        ),
        _vocabulary("statuses", "status_id", "Status", "Indsatsernes status.", ("gennemfoert", "Gennemført")),
        _vocabulary("target_groups", "target_group_id", "Målgrupper", "Målgrupper for indsatserne.", ("tilflyttere", "Tilflyttere")),
        _vocabulary(
            "art_forms",
            "art_form_id",
            "Kunstformer og aktiviteter",
            "Kunstformer og aktiviteter i indsatserne.",
            ("musik", "Musik"),
            {"kind": choice(("kunstform", "aktivitet"), "Kunstform eller anden aktivitet.", "kunstform")},
        ),
        _vocabulary(
            "settings", "setting_id", "Steder og rammer", "Steder og rammer, hvor indsatserne foregik.", ("bibliotek", "Bibliotek")
        ),
        _table(
            "organisations",
            "Organisationer",
            "Organisationer, rapporten nævner ved indsatserne; rapporten kalder ingen af dem partnere.",
            "organisation_id",
            {
                "organisation_id": ident("Organisationens id.", "sund-by-netvaerket"),
                "name": text(
                    "Navn som i rapporten; hvor bogen bruger det officielle navn eller har rettet rapportens stavning, "
                    "står rapportens i name_in_report.",
                    "Sund By Netværket",
                ),
                "name_in_report": optional_text(
                    "Navnet, som rapporten staver det, som municipalities.name_in_report, også hvor det er det samme som name; "
                    "hvor name er rettet (fx „Aarhus Billed- og medieskole“ for rapportens »Aarhus Billed-og medieskole«), "
                    "siger bogen det ved navnet, som name_official bestemmer. Tom, "
                    "hvor rapporten ikke giver organisationen noget navn; i de CSV-filer, bogen udgiver, står der da det "
                    "samme som på kortene for en manglende oplysning, og læst ind igen er cellen tom.",
                    "Sund By Netværket",
                ),
                "name_official": flag(
                    "ja, hvor name er organisationens officielle navn og rapporten staver det anderledes (fx „Storstrøm "
                    "Fængsel“ for rapportens »Storstrøms fængsel«): bogen skriver da „officielt navn“ ved navnet. nej eller "
                    "tom, hvor redaktionen kun har rettet rapportens stavning (fx et manglende mellemrum): bogen skriver da "
                    "„redaktionens rettelse“.",
                    "nej",
                ),
                "relation": _column(
                    str,
                    [pa.Check.isin([*RELATIONS, ""], error=f"en af: {', '.join(RELATIONS)}, eller tom")],
                    "Hvad rapporten nævner organisationen som, hvor den ikke arbejder med på indsatsen: maalgruppe (dens "
                    "brugere er en del af målgruppen), kommunen-deltog-i (kommunen deltog i den), taenkt-med (tænkt "
                    "med i et nyt projekt); tom ellers. "
                    "En kommunes side siger det under indsatserne, i stedet for at sige om alle kommuner, at nogle er sådan.",
                    "",
                    "choice",
                    values=tuple(RELATIONS),
                    required=False,
                    optional_column=True,
                ),
                "kind": ref("organisation_kinds", "Slags organisation (redaktionens inddeling, ikke rapportens).", "netvaerk"),
                "kind_by_knowledge": flag(
                    "ja, hvor slagsen bygger på redaktionens viden og ikke på rapporten, der kun nævner navnet; bogen tager "
                    "sine eksempler på sådanne slags herfra.",
                    "nej",
                ),
                "kommunekode": kommunekode("Kommune, hvis organisationen er lokal; ellers tom.", "", "municipalities", required=False),
                "description": text("Kort forklaring.", "WHO’s danske netværk."),
            },
        ),
        _vocabulary("organisation_kinds", "organisation_kind_id", "Organisationstyper", "Slags organisation.", ("forening", "Forening")),
        _table(
            "quotes",
            "Citater",
            "Hvert citat i rapporten, ordret; ordvekslinger har én række pr. replik.",
            "quote_id",
            {
                "quote_id": ident("Citatets id.", "q001"),
                "position": integer("Rækkefølge i rapporten.", "1", minimum=1),
                "text": text("Citatet ordret.", "Vi startede helt fra scratch ik’."),
                "speaker_role": text(
                    "Talerens rolle som skrevet i rapporten, eller 'ikke angivet'. I de CSV-filer, bogen udgiver, står "
                    "talerkategorien her i stedet, når citatet er knyttet til en kommune og ikke frigivet (cleared) (anonymitetsreglen).",
                    "Faglig koordinator, sundhed",
                ),
                "caption": text(
                    "Billedteksten under citatet som trykt; tom hvis ingen. I de CSV-filer, bogen udgiver, står kun ordene før "
                    "talerens rolle, eller intet, når citatet er knyttet til en kommune og ikke frigivet (anonymitetsreglen), "
                    "og hvor rapporten ikke trykker nogen, det samme som på kortene (fx „ikke angivet af analytikeren“); "
                    "læst ind igen er den tom.",
                    "Faglig koordinator, sundhed",
                    required=False,
                ),
                "speaker_category": ref("speaker_categories", "Normaliseret talerkategori.", "sundhed"),
                "kind": ref("quote_kinds", "Slags citat.", "interview"),
                "exchange_id": text("Fælles id for replikkerne i en ordveksling; tom ellers.", "x1", required=False),
                "turn": integer("Replikkens nummer i ordvekslingen; 1 ellers.", "1", minimum=1),
                "section_id": SECTION,
                "ingredient_ids": refs(
                    "ingredients", "Ingredienser, citatet underbygger, adskilt af ';'; tom hvis ingen.", "etablering-af-vi"
                ),
                "ingredient_source": source_choice(
                    "Hvem der knytter citatet til ingredienserne (se „Hvem siger det“): rapporten (citatet står i "
                    "ingrediensens afsnit, eller rapporten nævner ingrediensen ved citatet), redaktionen (redaktionens "
                    "læsning, med begrundelse), analytiker eller qda-projekt. Tom betyder datamappens kilde (options.csv: "
                    "kilde); tom, når ingredient_ids er tom. I en analytikers datamappe er koblingen altid analytikerens.",
                    BY_REPORT,
                ),
                "ingredient_rationale": optional_text(
                    "Begrundelse for koblingen til ingredienserne, påkrævet når ingredient_source er redaktionen: hvor "
                    "citatet står i rapporten, og hvad i rapporten der peger på ingrediensen.",
                    "",
                ),
                "kommunekode": kommunekode(
                    "Kommunen, citatet knyttes til; tom hvis ikke angivet og for et citat fra et citeret værk. "
                    "Alle replikker i en ordveksling har den samme.",
                    "",
                    "municipalities",
                    required=False,
                ),
                "attribution": choice(ATTRIBUTIONS, "Hvor sikker kommunen er: stated, inferred eller not stated.", "not stated"),
                "attribution_rationale": text(
                    "Begrundelse, påkrævet når attribution er inferred; ved not stated kan den sige, hvorfor reglen for en "
                    "udledt kommune holder citatet uden kommune.",
                    "",
                    required=False,
                ),
                "reference_key": ref(
                    "references",
                    "Værket, et litteraturcitat stammer fra; tom ellers. Et værk hører ikke til en kommune.",
                    "",
                    required=False,
                ),
                "cleared": flag(
                    "Frigivet til at vise den præcise rolle sammen med kommunen: ja eller nej (tom = nej). "
                    "Uden frigivelse viser bogen talerkategorien, når citatet er knyttet til en kommune.",
                    NO,
                ),
            },
        ),
        _vocabulary("speaker_categories", "speaker_category_id", "Talerkategorier", SPEAKER_CATEGORY_RULE, ("sundhed", "Sundhed")),
        _vocabulary(
            "quote_kinds",
            "quote_kind_id",
            "Citattyper",
            "Slags citat: interview, stjernestund, ordveksling m.fl.",
            ("interview", "Interview"),
            {
                "label_source": source_choice(
                    "Hvis betegnelsen er: redaktionen, hvor rapporten ikke selv bruger den (fx „kort udsagn“); tom = datamappens kilde.",
                    "",
                ),
                "without_speaker": flag(
                    "ja, hvor et citat af denne slags ikke er sagt eller skrevet af en deltager, men står på et sted (fx et "
                    "skilt): der er ingen taler at knytte til en kommune, så et sådant citat uden kommune har ingen "
                    "kommunelinje på sit kort; tom eller nej ellers.",
                    "nej",
                ),
                # Reading 24, F12: a field diary has a writer, not a role ("rolle ikke angivet" read wrong).
                "unnamed_as": text(
                    "Hvad kortet kalder den, rapporten ikke nævner, ved et citat af denne slags: fx „skribent“ for en "
                    "feltdagbog, så kortet siger „skribent ikke angivet“; tom = „rolle“.",
                    "",
                    required=False,
                ),
            },
        ),
        _table(
            "ingredients",
            "Ingredienser",
            "De fire virksomme ingredienser.",
            "ingredient_id",
            {
                "ingredient_id": ident("Ingrediensens id.", "etablering-af-vi"),
                "number": integer("Nummer i ingredienslisten.", "1", minimum=1),
                "name": text("Navn som i rapporten.", "Etablering af ”vi”"),
                "short_description": text("Én sætning med egne ord.", "Gruppen bliver et vi."),
                "description": text("Beskrivelse med egne ord.", "..."),
                "section_id": SECTION,
            },
        ),
        _table(
            "attention_points",
            "Opmærksomhedspunkter",
            "Opmærksomhedspunkter og læringspunkter pr. ingrediens.",
            "attention_point_id",
            {
                "attention_point_id": ident("Punktets id.", "ff-langhaarssnak"),
                "ingredient_id": ref("ingredients", "Ingrediensen.", "faelles-fundamenter"),
                "position": integer("Rækkefølge.", "1", minimum=1),
                "text": text(f"Punktet. {POINT_MARKS}", "..."),
                "basis": choice(
                    BASES,
                    "stated: rapporten kalder det selv et opmærksomhedspunkt; inferred: redaktionens læsning af afsnittet.",
                    "stated",
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "six_ps",
            "De 6 P’er",
            "WHO’s 6 P’er, som forløbet byggede på.",
            "p_id",
            {
                "p_id": ident("P'ets id.", "people"),
                "position": integer("Rækkefølge.", "1", minimum=1),
                "name": text("Navn som i rapporten.", "people"),
                "label_da": text(f"Dansk betegnelse, eller 'ikke angivet' (rapporten giver ingen). {_NOT_GIVEN_NOTE}", NOT_STATED),
                "description": text(
                    "Beskrivelse, eller 'ikke angivet' (redaktionens angivelse: rapporten beskriver dem ikke).", NOT_STATED
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "programme_events",
            "Forløbets begivenheder",
            "Workshops, virtuelle pitstops og periodens start og slut.",
            "event_id",
            {
                "event_id": ident("Begivenhedens id.", "workshop-4"),
                "kind": choice(
                    ("workshop", "pitstop", "periode-start", "periode-slut"),
                    "Slags begivenhed (redaktionens inddeling).",
                    "workshop",
                ),
                "number": integer("Nummer inden for sin slags.", "4", minimum=1),
                "title": text("Titel.", "Workshop 4"),
                "mode": choice(
                    ("fysisk", "virtuel", NOT_STATED, NOT_APPLICABLE),
                    f"Fysisk, virtuel, 'ikke angivet' eller '{NOT_APPLICABLE}' (projektperiodens start og slut). {_NOT_GIVEN_NOTE}",
                    "fysisk",
                ),
                "date": date(
                    f"Dato som ÅÅÅÅ-MM, eller 'ikke angivet'. {_NOT_GIVEN_NOTE} Siderne, PDF-udgaverne og tabellen under "
                    "figur 1 siger datoen i ord („november 2021“); i denne form, der kan sorteres, står den i programme_events.csv "
                    f"og i tabellens CSV-fil i kolonnen „{FIGURE_DOWNLOAD_COLUMNS['forloeb'][0][0]}“ ved siden af ordene; hvor datoen "
                    "ikke er angivet, er den kolonne tom, så den kan sorteres.",
                    "2021-11",
                ),
                "place": text(
                    f"Sted, 'ikke angivet' eller '{NOT_APPLICABLE}' (et virtuelt møde, projektperiodens start og slut). {_NOT_GIVEN_NOTE}",
                    "Arken",
                ),
                "description": text("Beskrivelse med egne ord.", "..."),
                "section_id": SECTION,
                "mode_basis": optional_basis(
                    "stated: rapporten angiver formen; inferred: rapporten angiver den ikke, og formen er redaktionens læsning "
                    "med begrundelsen i mode_rationale; tom, hvor formen er 'ikke angivet' eller 'ikke relevant'.",
                    "inferred",
                ),
                "mode_rationale": optional_text(
                    "Hvorfor redaktionen læser formen, som den gør (kun hvor mode_basis er inferred).",
                    "Rapporten nævner stedet, Arken, og feltdagbogen beskriver deltagerne i hallen.",
                ),
            },
        ),
        _table(
            "programme_facts",
            "Fakta om forløbet",
            "Det, rapporten siger om forløbet, som ikke er én begivenhed.",
            "fact_id",
            {
                "fact_id": ident("Faktummets id.", "periode-varighed"),
                "value": text("Værdien i kildens egne ord eller tal.", "1½ år"),
                "description": text(
                    "Faktummet sagt én gang, i én sætning med egne ord. Står værdien ordret i sætningen, sætter bogen den "
                    "i »…« som kildens ord (et enkelt ord står uden); ellers står den i »…« efter sætningen, og en webadresse "
                    "som link.",
                    "...",
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "action_learning_steps",
            "Aktionslæringens trin",
            "Redaktionens inddeling af aktionslæringens cyklus i trin: rapporten beskriver cyklussen i løbende tekst og nævner "
            "ingen trin (grundlag for bogens gengivelse af figur 2).",
            "step_id",
            {
                "step_id": ident("Trinnets id.", "identificer"),
                "position": integer("Rækkefølge i cyklussen.", "1", minimum=1),
                "label": text("Kort betegnelse.", "Identificér en udfordring"),
                "description": text("Trinnet med egne ord.", "Gruppen finder et lokalt problem."),
                "section_id": SECTION,
            },
        ),
        _table(
            "resource_persons",
            "Ressourcepersoner og facilitator",
            "Personer, rapporten nævner ved navn: oplægsholderne, den kalder ressourcepersoner, og facilitatoren af "
            "aktionslæringsforløbet, som den ikke kalder en ressourceperson (facilitator = ja).",
            "person_id",
            {
                "person_id": ident("Personens id.", "anita-jensen"),
                "name": text("Navn.", "Anita Jensen"),
                "role": text("Rolle som i rapporten.", "kultur- og sundhedsforsker"),
                "facilitator": flag(
                    "ja, hvor rapporten kalder personen facilitator af aktionslæringsforløbet og ikke en ressourceperson; "
                    "tom eller nej: en af rapportens ressourcepersoner.",
                    "nej",
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "group_composition",
            "Aktionslæringsgruppens sammensætning",
            "Sund By Netværkets anbefalede sammensætning af en aktionslæringsgruppe.",
            "role_id",
            {
                "role_id": ident("Rollens id.", "sundhedskonsulent"),
                "position": integer("Rækkefølge.", "1", minimum=1),
                "role": text("Rollen som i rapporten.", "sundhedskonsulent"),
                "count_text": text("Antal som rapporten skriver det.", "en"),
                "min_count": integer(
                    "Antallet som tal, redaktionens læsning af count_text (»en eller flere« er 1); rapporten nævner kun et "
                    "mindste antal for »en eller flere«. Bogen viser det ikke.",
                    "1",
                    minimum=0,
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "evaluation_sources",
            "Evalueringens datakilder",
            "Det empiriske materiale, evalueringen bygger på.",
            "source_id",
            {
                "source_id": ident("Kildens id.", "fokusgruppeinterviews"),
                "position": integer("Rækkefølge.", "1", minimum=1),
                "label": text(
                    "Betegnelsen i kildens egne ord, med lille begyndelsesbogstav, som den står i kildens sætning.", "fokusgruppeinterviews"
                ),
                "description": text("Beskrivelse.", "..."),
                "section_id": SECTION,
            },
        ),
        _table(
            "evaluation_questions",
            "Evalueringens spørgsmål",
            "Det guidende spørgsmål og de tre spørgsmål bag de tværgående analyser.",
            "question_id",
            {
                "question_id": ident("Spørgsmålets id.", "barrierer-og-fremmere"),
                "position": integer("Rækkefølge.", "1", minimum=1),
                "kind": choice(
                    ("overordnet", "tvaergaaende"),
                    "Redaktionens betegnelse: overordnet (rapportens »guidende spørgsmål«) eller tværgående (et af de "
                    "spørgsmål, rapportens tværgående analyser er guidet af).",
                    "tvaergaaende",
                ),
                "text": text("Spørgsmålet.", "Hvilke barrierer ...?"),
                "section_id": SECTION,
            },
        ),
        _table(
            "guide_recommendations",
            "Guidens anbefalinger",
            "Den kondenserede guide i Afsluttende betragtninger, én af guidens sætninger pr. række: rapporten skriver "
            "guiden som løbende tekst, og hver sætning er én anbefaling.",
            "recommendation_id",
            {
                "recommendation_id": ident("Anbefalingens id.", "raek-ud-til-kulturinstitutioner"),
                "position": integer("Sætningens plads i guiden, i rapportens rækkefølge.", "1", minimum=1),
                "text": text("Anbefalingen med egne ord.", "Ræk ud til lokale kulturinstitutioner."),
                "report_text": text("Rapportens ordlyd.", "Ræk ud til lokale kulturinstitutioner."),
                "ingredient_ids": refs(
                    "ingredients",
                    "Ingredienser, anbefalingen tjener efter redaktionens læsning (rapporten kobler dem ikke), adskilt af ';'.",
                    "etablering-af-vi",
                    required=True,
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "figure4_words",
            "Ord i figur 4",
            "Ordene, bogen viser for ordskyen i figur 4 (ingen hyppigheder): de seks ord, rapportens tekst bruger om "
            "samarbejdsrummet i afsnittet, der præsenterer figuren, før dens billedtekst. Ordene er rapportens; at de står "
            "i ordskyen, er redaktionens læsning.",
            "word",
            {
                "word": text("Ordet, som rapportens tekst skriver det.", "tillid"),
                "position": integer("Rækkefølge i rapportens sætning.", "1", minimum=1),
                "section_id": SECTION,
            },
        ),
        _table(
            "figures",
            "Rapportens figurer",
            "Rapportens fire figurer med billedtekst.",
            "figure_id",
            {
                "figure_id": ident("Figurens id.", "figur-1"),
                "number": integer("Figurnummer.", "1", minimum=1),
                "caption": text("Billedteksten som trykt.", "Forløbet i Kulturens Rige."),
                "section_id": SECTION,
                "note": text("Redaktionens beskrivelse af, hvad rapportens tekst siger og ikke siger om figuren.", "..."),
            },
        ),
        _table(
            "findings",
            "Udvalgte fund",
            "Sætninger fra rapporten, valgt af redaktionen til forsiden (rapporten udpeger ikke selv hovedfund): en "
            "indledning med egne ord og rapportens egen formulering, ordret.",
            "finding_id",
            {
                "finding_id": ident("Fundets id.", "nye-samarbejder"),
                "position": integer("Rækkefølge på forsiden.", "1", minimum=1),
                "lead": text("Indledningen med egne ord; rapportens ordlyd følger efter den.", "Alle grupper oplever, at forløbet"),
                "report_text": text("Rapportens ordlyd, ordret.", "har skabt nye samarbejder og nye måder at samarbejde på"),
                "section_id": SECTION,
            },
        ),
        _table(
            "publication",
            "Rapporten",
            "Rapporten selv, som den skal citeres: titel, udgiver og år.",
            "publication_id",
            {
                "publication_id": ident("Rapportens id.", "kulturens-rige"),
                "title": text("Titlen som i rapporten.", "Kulturens Rige"),
                "kind": text("Slags udgivelse.", "evalueringsrapport"),
                "publisher": text("Udgiveren som i rapporten.", "Sund By Netværket"),
                "year": _column(
                    str,
                    [pa.Check.str_matches(YEAR_OR_NOT_STATED, error="et årstal som ÅÅÅÅ, eller 'ikke angivet'")],
                    "Udgivelsesåret som ÅÅÅÅ, eller 'ikke angivet'.",
                    "2023",
                    "text",
                ),
                "year_note": text(
                    "Redaktionens forklaring, når udgivelsesåret ikke står i den tekst, bogen bygger på; tom ellers.", "", required=False
                ),
                "section_id": SECTION,
            },
        ),
        _table(
            "references",
            "Referencer",
            "Hvert værk, rapporten henviser til; BibTeX-posterne står i book/references.bib.",
            "reference_key",
            {
                "reference_key": ident("BibTeX-nøgle.", "jensen2022"),
                "citation": text(
                    "Henvisningen i én form: forfatter og år uden parentes, som rapporten skriver den inde i en parentes "
                    "(fx »Barry 2019«, »Amhøj 2019b«); hvor rapporten skriver den i løbende tekst "
                    "(»Patton (2017)«), står den form i note.",
                    "Jensen 2022",
                ),
                "section_ids": refs("sections", "Afsnit, der henviser til værket, adskilt af ';'.", "baggrund", required=True),
                "note": text("Bemærkning, fx stavevarianter.", "", required=False),
                "language": choice(
                    (NOT_STATED, *LANGUAGES),
                    "Sproget, rapportens ordrette citater fra værket står på (sprogkode), så skærmlæsere læser dem på det sprog; "
                    "'ikke angivet' for værker, rapporten ikke citerer ordret.",
                    "en",
                ),
            },
        ),
        _table(
            "options",
            "Indstillinger",
            "Indstillinger for denne datamappe. Filen kan udelades; en indstilling, der ikke står her, har sin standardværdi. "
            f"'{ANONYMITY}' ({ON} eller {OFF}, standard {ON}): et citat knyttet til en kommune viser talerkategorien i stedet for "
            "den præcise rolle, medmindre citatet er frigivet (cleared). "
            f"'{FOLDER_SOURCE}' ({', '.join(SOURCES)}; standard {BY_ANALYST}): hvem der har lavet datamappen. Kun rapportens egen "
            f"datamappe, data/, angiver {BY_REPORT}; skabelonen i templates/data/ angiver {BY_ANALYST}, og importen af et regneark "
            f"skriver {BY_ANALYST}, medmindre regnearket selv angiver kilden. "
            f"'{ATTRIBUTED_BY}' (samme værdier; standard: datamappens kilde): hvem der har angivet citaternes kommune; "
            f"importen af et REFI-QDA-projekt skriver {BY_QDA}, medmindre projektet er bogens egen eksport med hver kommune "
            "uændret: så beholder citaterne den kilde, de havde. Bogen tilskriver kun rapporten det, rapporten selv siger. "
            f"'{CODES}' ({OFFICIAL_CODES} eller {OWN_CODES}, standard {OFFICIAL_CODES}): med {OFFICIAL_CODES} skal hver "
            "kommunekode og hvert navn i municipalities.csv være en af de 98 danske kommuners officielle; "
            f"{OWN_CODES} slår kontrollen fra (data til test eller et andet land), og bogen siger så, at koderne ikke er officielle.",
            "option_id",
            {
                "option_id": choice(tuple(OPTION_VALUES), "Indstillingens navn.", ANONYMITY),
                "value": choice(tuple(dict.fromkeys(sum(OPTION_VALUES.values(), ()))), "Værdien; den skal passe til indstillingen.", ON),
                "note": text(
                    "Hvorfor indstillingen har denne værdi.", "Rollen og kommunen kan tilsammen pege på én person.", required=False
                ),
            },
            min_rows=0,
            optional=True,
        ),
        _table(
            "report_slips",
            # No 'Rapportens': a page's „Sådan er siden lavet“ names its tables by title, in an analyst's book too (ADR 86).
            "Stavefejl i de ord, bogen citerer",
            "Ord, som rapporten staver forkert, og tegn, der står forkert (fx et »?« midt i en sætning), i de ord af "
            "rapporten, bogen citerer ordret. Bogen retter dem ikke; den "
            f"siger efter citatet, at ordet står sådan i rapporten (fx „{SLIP_EXAMPLE}“): på siderne, i PDF-udgaverne "
            "og i udforskeren. De CSV-filer, bogen udgiver, holder citaterne ordret uden noten; denne tabel er noten. "
            "Filen kan udelades: så siger bogen ingen stavefejl.",
            "slip_id",
            {
                "slip_id": ident("Rækkens id.", "blandende"),
                "word": text("Ordet eller tegnet, som rapporten trykker det.", "blandende"),
                "table": _column(
                    str,
                    [pa.Check.isin([*SLIP_COLUMNS, ""], error=f"en af: {', '.join(SLIP_COLUMNS)}, eller tom")],
                    "Tabellen, hvis række citerer ordet; tom, hvor ordet står i en sides egen tekst (page).",
                    "quotes",
                    "choice",
                    values=tuple(SLIP_COLUMNS),
                    required=False,
                ),
                "row_id": text("Rækkens id i tabellen (fx q004); tom, hvor ordet står i en sides tekst.", "q004", required=False),
                "page": text("Siden, hvis tekst citerer ordet (sections.book_page); tom, hvor en tabel citerer det.", "", required=False),
                "report_line": integer(
                    "Linjen i rapportens tekst, hvor ordet står; hvor en orddeling deler det over to linjer, den første af dem.",
                    "234",
                    minimum=1,
                ),
            },
            min_rows=0,
            optional=True,
        ),
    ]
}


@dataclass(frozen=True)
class Editorial:
    """A value the report does not state itself. In the report's data folder it is the editors' (`redaktionen`),
    with this reason; in an analyst's folder it is the folder's source (kulturensrige/data/provenance.py)."""

    value: str  # 'table.column', or 'figur:<id>' for a figure the book draws
    label: str  # what the value is, in Danish
    reason: str  # why it is not the report's, in Danish
    act: str = "læsning"  # what the editors did: "redaktionens læsning", "redaktionens tilføjelse", ...
    download: bool = True  # a figure: whether the book offers its numbers as a CSV file (a list has none)
    of: str = ""  # what the act is of, where a list's note must name it: "læsning af status" (provenance.values_label)


# The rule for an inferred tie, written once: the data dictionary, the data chapter and the validator share it.
INFERENCE_RULE = (
    "Rapporten knytter intet citat til en kommune. Redaktionen udleder en kommune til et citat kun, når citatet "
    "beskriver en konkret aktivitet, et sted eller en målgruppe, som rapporten beskriver hos præcis én af de deltagende "
    "kommuner. Begrundelsen nævner de to ting: hvad citatet beskriver, og hvilken kommune rapporten beskriver med det. "
    "Den nævner aldrig talerens rolle, så den ikke kan pege på en person. Et citat, hvis indhold passer på flere kommuner "
    "eller ingen, står uden kommune. Det gør også et citat, hvis egne ord sammen med en kommune ville pege på én person, "
    "fortælleren eller en, fortællingen handler om (fx »kommunedamen« i én bestemt gruppe, én elev i ét kunstforløb): "
    "det knyttes ikke til nogen kommune, heller ikke med de udledte tilknytninger slået til, og begrundelsen siger "
    "hvorfor uden at nævne kommunen eller rollen. Heller ikke et citat, som rapporten trykker talerens rolle ved, "
    "knyttes til en kommune: citatet står ordret i bogen, og rollen og kommunen sammen ville pege på én person for en "
    "læser med rapporten ved siden af. Derfor knytter redaktionen intet af rapportens citater til en kommune."
)

# What a figure counts, said in its note on the page and in kilder.csv beside its downloads.
COUNTED_FROM_DATA = "Rapporten har ingen sådan figur; bogen tæller den op fra data."
# How the book counts initiatives, everywhere (rules.statistics.count_initiatives): as the report presents them (ADR 44);
# said without naming the report, so an analyst's book says it too.
INITIATIVES_COUNTED = "Et projekt og dets delindsatser tælles som én indsats; hver delindsats har sit eget kort."
COUNTED_ONCE = "Hver organisation tælles én gang, også når rapporten nævner den ved flere indsatser."
NO_QUOTE_TIED = "Rapporten knytter intet citat til en kommune"
# Which organisations the editors gathered at an initiative, one rule for every row (initiatives.organisation_ids): the
# chart's note and kilder.csv say it in these words.
ORGANISATION_RULE = (
    "Redaktionen har samlet hver organisation og institution, rapporten nævner ved en indsats, ved navn eller ved en "
    "betegnelse for netop den ene (fx »biblioteket«, »en af kommunens ungdomsuddannelser«). Organisationer, rapporten kun "
    "nævner samlet i flertal efter deres slags (fx »de lokale foreninger, der har tilmeldt sig ordningen«, »skolerne«, "
    "»plejecentre«), er ikke med, og heller ikke en person, den nævner uden sin organisation (fx en musikskolelærer)."
)
INFERRED_TIES_COUNTED = (
    f"{NO_QUOTE_TIED}: kolonnerne for kommunerne tæller de citater, redaktionen har knyttet til en kommune (udledt af redaktionen)."
)
# The same for the chart whose bars are split by speaker group, not by municipality.
INFERRED_TIES_HIGHLIGHTED = (
    f"Søjlerne tæller citaterne pr. ingrediens, delt efter talerens gruppe. {NO_QUOTE_TIED}: vælges en kommune, "
    "fremhæves de citater, redaktionen har knyttet til den (udledt af redaktionen)."
)
# The two above where the data tie no quote to a municipality, not even the editors (provenance.data_reasons): the
# report's data since ADR 33's second addendum. Said of highlighted ties that do not exist, they misstated the practice.
NO_TIE_AT_ALL = f"{NO_QUOTE_TIED}, og det gør redaktionen heller ikke"
UNTIED_COUNTED = f"{NO_TIE_AT_ALL}: kolonnerne for kommunerne tæller intet citat."
# Its last clause is the web's: the editions leave it out, where there is no choice to make (editions.WEB_CLAUSES).
UNTIED_CHOICE_BARS = ", så et valg af kommune ændrer ikke søjlerne"
UNTIED_HIGHLIGHTED = f"Søjlerne tæller citaterne pr. ingrediens, delt efter talerens gruppe. {NO_TIE_AT_ALL}{UNTIED_CHOICE_BARS}."

# Whose the speaker categories are; an edition's diagram says only this where no quote is tied (editions.printed_chart_whose).
SPEAKER_CATEGORIES = "Rapporten angiver talerens rolle; kategorien er redaktionens inddeling af rollerne."

# Whose Figure 4's words are: the words the report's, their being the cloud's the editors' reading (figure and table).
FIGURE4_WORDS = (
    "Ordene er rapportens: den beskriver samarbejdsrummet som »præget af åbenhed, samarbejde, fællesskab, tryghed, tillid "
    "og respekt«. At netop de ord står i ordskyen, siger rapporten ikke; det er redaktionens læsning."
)

# A text the editors tell in their own words keeps some of the report's words where no others say it as well; those it sets
# in »…«, as everywhere (publishing.unmarked_report_words finds a run of KEPT_WORDS or more of the report's words left
# outside them; the s23 reading, F2: five sentences of the report stood as the editors' own summaries).
KEPT_WORDS = 10
KEPT = "hvor teksten beholder rapportens ordlyd, står ordene i »…«"

# The one rule for an initiative's status (reading 24, F1: the popover said "datid som gennemført", statuses.csv
# "datid eller førnutid", and four cards told only in the perfect or present stood "Gennemført"). Each status in
# statuses.csv says its part of it in these words (test_an_initiatives_status_follows_one_written_rule).
STATUS_RULE = (
    "Rapporten angiver ingen status; en status på et kort er redaktionens læsning af rapportens ord. „Gennemført“ står kun, hvor rapporten "
    "fortæller, at et afgrænset arrangement er holdt; „Etableret“, hvor den fortæller, at indsatsen selv er etableret; "
    "„I gang“, hvor den fortæller, at gruppen stadig arbejder på indsatsen; „Bevilget“, hvor den fortæller, at der er "
    "bevilget midler til indsatsen som et nyt projekt. Hver status hviler på en hel sætning i rapporten, der siger netop "
    "det, og ikke på et udsnit af en sætning. At rapporten fortæller, hvad der er gjort eller er, hvor en indsats er "
    "udført, eller hvordan en ordning virker, siger ikke i sig selv, at indsatsen er afsluttet eller etableret: hvor "
    "rapporten hverken fortæller, at indsatsen er afsluttet, eller at den fortsætter, er status ikke angivet, hverken på "
    "kortet eller i downloadene."
)

EDITORIAL: tuple[Editorial, ...] = (
    Editorial("quotes.kommunekode", "citaternes kommuner", INFERENCE_RULE),
    Editorial(
        "quotes.speaker_category",
        "talerkategorier",
        f"{SPEAKER_CATEGORIES} Et citat knyttet til en kommune viser kategorien i stedet for rollen (anonymitetsreglen).",
        "inddeling",
    ),
    # A card's status stands bare (ADR 70), so the list's note names it: "… og læsning af status, ikke rapportens".
    Editorial("initiatives.status", "indsatsernes status", STATUS_RULE, of="status"),
    Editorial(
        "initiatives.kind",
        "indsatsernes slags",
        "Rapporten kalder kommunernes arbejde »projekter, prøvehandlinger eller fokusområder« og beskriver også nummererede "
        "dele af en kommunes arbejde; inddelingen i projekter, delindsatser, prøvehandlinger og fokusområder, og dermed "
        "antallet af indsatser, er redaktionens.",
        "inddeling",
    ),
    *(
        Editorial(
            f"initiatives.{column}",
            f"indsatsernes {what}",
            "Rapporten beskriver indsatserne i løbende tekst; redaktionen har sat betegnelserne for målgrupper, for "
            "kunstformer og aktiviteter og for steder og rammer ud fra det, rapporten fortæller.",
            "betegnelser",
        )
        for column, what in (
            ("art_form_ids", "kunstformer og aktiviteter"),
            ("target_group_ids", "målgrupper"),
            ("setting_ids", "steder og rammer"),
        )
    ),
    Editorial(
        "initiatives.organisation_ids",
        "organisationer ved indsatserne",
        f"{NO_PARTNERS}, og {RELATIONS_SAID}. {ORGANISATION_RULE}",
        "samling",
    ),
    Editorial(
        "initiatives.title_basis",
        "indsatsernes titler, rapporten ikke selv giver",
        "Rapporten giver nogle indsatser et navn i anførselstegn (fx »Gang i gården« og »Rødder«) og nævner andre som "
        f"et {TITLE_LIST_ITEM} (fx »Fem foreningsdage i Slagslunde«); dér er titlen rapportens ord, med stort "
        "begyndelsesbogstav og uden en indledende artikel (»Et foreningsklippekort« står som „Foreningsklippekort“). "
        "De øvrige titler har redaktionen formet ud fra rapportens beskrivelse. På siderne står „(red.)“ efter hver "
        "sådan titel, også hvor alle en listes titler er redaktionens, og i PDF'erne ligeså; sidens og kapitlets nøgle siger, "
        "hvad mærket betyder.",
        "titel",
    ),
    Editorial(
        "programme_events.mode_basis",
        "workshoppernes form, hvor rapporten ikke angiver den",
        "Rapporten siger, at én af de seks workshops blev holdt virtuelt, men ikke hvilken, og angiver ikke formen for den "
        "enkelte workshop. Hvor den nævner stedet og fortæller om deltagere, der var der, læser redaktionen workshoppen "
        "som fysisk; begrundelsen står ved workshoppen (mode_rationale) og under figuren over forløbet.",
    ),
    Editorial(
        "attention_points.basis",
        "opmærksomhedspunkter, rapporten ikke selv kalder sådan",
        "Rapporten kalder kun ét punkt et opmærksomhedspunkt; de øvrige har redaktionen læst ud af afsnittene.",
    ),
    Editorial(
        "organisations.kind",
        "organisationstyper",
        "Rapporten inddeler ikke organisationerne i slags; inddelingen er redaktionens, og for nogle bygger den på "
        "redaktionens viden, ikke på rapporten, der kun nævner navnet.",
        "inddeling",
    ),
    Editorial(
        "organisations.kind_by_knowledge",
        "organisationstyper, der bygger på redaktionens viden",
        "Rapporten inddeler ikke organisationerne i slags; om en slags bygger på redaktionens viden frem for på det, "
        "rapporten fortæller om organisationen, er redaktionens egen angivelse.",
        "angivelse",
    ),
    Editorial(
        "organisations.name_official",
        "hvilke navne der er officielle",
        "Rapporten siger ikke, hvad en organisations officielle navn er; at et navn er det officielle, og ikke kun "
        "en rettelse af rapportens stavning, er redaktionens viden.",
        "angivelse",
    ),
    Editorial(
        "organisations.relation",
        "hvad rapporten nævner organisationerne som",
        "Rapporten kalder ingen af organisationerne partnere; at den nævner en organisation som en del af målgruppen, "
        "som noget, en kommune deltog i, eller som noget, der er tænkt med i et nyt projekt, er redaktionens læsning "
        "af rapportens ord.",
        "læsning",
    ),
    Editorial(
        "evaluation_questions.kind",
        "spørgsmålenes slags",
        "Rapporten kalder det første spørgsmål det »guidende spørgsmål« og siger, at de tværgående analyser »er guidet "
        "af« de tre andre; betegnelserne „overordnet“ og „tværgående“ for spørgsmålene er redaktionens.",
        "betegnelser",
    ),
    Editorial(
        "programme_events.kind",
        "begivenhedernes slags",
        "Rapporten fortæller om workshops og virtuelle pitstops og om projektperiodens start og slut; inddelingen af "
        "begivenhederne i slags, og slagsene „periode-start“ og „periode-slut“, er redaktionens.",
        "inddeling",
    ),
    Editorial(
        "six_ps.label_da",
        "danske betegnelser for de 6 P’er",
        "Rapporten giver ingen danske betegnelser for de 6 P’er.",
        "angivelse",
    ),
    Editorial(
        "six_ps.description",
        "beskrivelser af de 6 P’er",
        "Rapporten nævner de 6 P’er ved navn, men beskriver dem ikke hver for sig.",
        "angivelse",
    ),
    Editorial(
        "quote_kinds.label_source",
        "citatslagenes betegnelser",
        "Rapporten kalder nogle citater noget (stjernestunder, en ordveksling, en feltdagbog, et skilt); de øvrige "
        "betegnelser (fx „kort udsagn“ og „interviewcitat“, et ord rapporten kun bruger om sine citater samlet) er "
        "redaktionens, og hvilken slags hvert citat er, er redaktionens inddeling.",
        "betegnelse",
    ),
    Editorial(
        "quote_kinds.unnamed_as",
        "ordet for den, rapporten ikke nævner ved et citat",
        "Rapporten nævner ikke, hvem der har skrevet feltdagbogen, eller hvem de korte udsagn kommer fra; at kortet kalder "
        "den ene „skribent“ og den anden „afsender“, er redaktionens ord.",
        "betegnelse",
    ),
    Editorial(
        "group_composition.min_count",
        "mindste antal i aktionslæringsgruppen",
        "Rapporten skriver antallet med ord (count_text); tallet er redaktionens læsning af det (»en eller flere« er 1).",
    ),
    Editorial(
        "action_learning_steps.label",
        "aktionslæringens trin",
        "Rapporten beskriver aktionslæringens cyklus i løbende tekst og nævner ingen trin; trinnene og deres navne er "
        "redaktionens inddeling af teksten.",
        "inddeling",
    ),
    Editorial(
        "action_learning_steps.position",
        "aktionslæringens trin i rækkefølge",
        "Rapporten nævner ingen trin; rækkefølgen er redaktionens, som trinnene selv (action_learning_steps.label).",
        "inddeling",
    ),
    Editorial(
        "findings.position",
        "forsidens udvalgte fund",
        "Rapporten udpeger ikke selv hovedfund; udvalget og rækkefølgen på forsiden er redaktionens.",
        "valg",
    ),
    Editorial(
        "municipalities.outcome",
        OUTCOME_QUESTION,
        f"Redaktionens gengivelse med egne ord af det, rapporten fortæller om forløbets resultat i kommunen; {KEPT}.",
        "gengivelse",
    ),
    Editorial(
        "municipalities.summary",
        "resuméerne af kommunernes afsnit",
        f"Redaktionens sammenfatning med egne ord af rapportens afsnit om kommunen; {KEPT}.",
        "gengivelse",
    ),
    Editorial(
        "ingredients.short_description",
        "ingrediensernes korte definitioner",
        "Rapporten indleder hver ingrediens med en beskrivelse i løbende tekst; den korte definition er redaktionens "
        f"sammenfatning af den med egne ord; {KEPT}.",
        "gengivelse",
    ),
    Editorial(
        "figures.note",
        "noter om rapportens figurer",
        f"Redaktionens beskrivelse af, hvad rapportens tekst siger og ikke siger om figuren; {KEPT}.",
        "gengivelse",
    ),
    Editorial(
        "references.note",
        "noter om værkerne",
        "Redaktionens bemærkninger til rapportens henvisninger (fx stavevarianter og forfatternavne).",
        "tilføjelse",
    ),
    Editorial(
        "references.language",
        "værkernes sprog",
        "Rapporten angiver ikke værkernes sprog; sproget er redaktionens tilføjelse, hvor den har det.",
        "tilføjelse",
    ),
    Editorial(
        "publication.kind",
        "udgivelsens slags",
        "Rapporten kalder sig selv »denne rapport« og »evalueringen«; betegnelsen „evalueringsrapport“ er redaktionens.",
        "betegnelse",
    ),
    Editorial(
        "quotes.cleared",
        "frigivne citater",
        "Rapporten frigiver ingen citater; om et citat må vise talerens rolle sammen med sin kommune, er redaktionens "
        "afgørelse efter bogens anonymitetsregel.",
        "afgørelse",
    ),
    *(
        Editorial(
            f"options.{column}",
            f"datamappens indstillinger ({column})",
            "Rapporten har ingen indstillinger: indstillingerne, deres værdier og noter (fx bogens anonymitetsregel) er "
            "redaktionens valg for bogen, med redaktionens ord.",
            act,
        )
        for column, act in (("option_id", "betegnelse"), ("value", "valg"), ("note", "ord"))
    ),
    *(
        Editorial(
            f"report_slips.{column}",
            f"rapportens stavefejl ({column})",
            "Rapporten siger ikke selv, hvor den staver forkert: listen over ordene, og hvor bogen citerer dem, er "
            "redaktionens læsning af rapporten; hvert ord står, som rapporten trykker det.",
            act,
        )
        for column, act in (
            ("slip_id", "betegnelse"),
            ("table", "læsning"),
            ("row_id", "læsning"),
            ("page", "læsning"),
            ("report_line", "læsning"),
        )
    ),
    Editorial(
        "publication.year_note",
        "note om udgivelsesåret",
        "Redaktionens forklaring på, at udgivelsesåret ikke står i den tekst, bogen bygger på.",
        "tilføjelse",
    ),
    Editorial(
        "programme_events.title",
        "begivenhedernes titler",
        "Rapporten giver ikke begivenhederne titler; titlerne (fx „Virtuelt pitstop 1“) er redaktionens.",
        "betegnelser",
    ),
    Editorial(
        "guide_recommendations.ingredient_ids",
        "guidens kobling til ingredienserne",
        "Rapporten kobler ikke guidens anbefalinger til ingredienserne; koblingen er redaktionens læsning.",
        "kobling",
    ),
    Editorial(
        "municipalities.kommunekode",
        "kommunekoder",
        "Rapporten nævner ingen kommunekoder; redaktionen har tilføjet de officielle.",
        "tilføjelse",
    ),
    Editorial("municipalities.region", "regioner", "Rapporten nævner ikke regionerne; redaktionen har tilføjet dem.", "tilføjelse"),
    Editorial(
        "municipalities.starting_point",
        "kommunernes udgangspunkt",
        "Rapporten deler kommunerne i to grupper: dem med »velbeskrevne og prædefinerede projekter« og dem, der startede "
        "»uden egentlige projektplaner eller økonomiske ressourcer«; betegnelserne for grupperne er redaktionens.",
        "betegnelser",
    ),
    Editorial(
        "figur:forloeb",
        "figur 1 (forløbet)",
        "Rapportens figur 1 er ikke gengivet; redaktionen har tegnet forløbet igen ud fra rapportens tekst. Rapporten "
        "siger ikke, hvornår de virtuelle pitstops lå i forhold til workshopperne; at de står mellem workshopperne, er "
        "redaktionens valg.",
        "gengivelse",
    ),
    Editorial(
        "figur:aktionslaering",
        "figur 2 (aktionslæringens cyklus)",
        "Rapportens figur 2 er ikke gengivet, og teksten siger ikke, hvad den viser. At den viser aktionslæringens "
        "cyklus, er redaktionens skøn; trinnene her er dem, teksten lige før figuren beskriver.",
        "gengivelse",
        download=False,
    ),
    Editorial(
        "figur:seks-p",
        "figur 3 (de 6 P’er)",
        "Rapportens figur 3 er ikke gengivet; redaktionen har stillet de 6 P’er op som liste.",
        "gengivelse",
        download=False,
    ),
    Editorial(
        "figur:ordsky",
        "figur 4 (ordskyen)",
        f"Rapporten trykker ordskyen som billede; redaktionen gengiver kun de ord, rapportens tekst nævner, som liste uden "
        f"hyppigheder. {FIGURE4_WORDS}",
        "gengivelse",
        download=False,
    ),
    Editorial("figure4_words.word", "ordene i figur 4", FIGURE4_WORDS),
    *(
        Editorial(
            f"figur:{figure_id}",
            f"bogens figur „{title}“",
            f"{COUNTED_FROM_DATA} {counted}",
            "optælling",
        )
        for figure_id, title, counted in (
            ("citater-pr-ingrediens", "Citater pr. ingrediens", INFERRED_TIES_HIGHLIGHTED),
            ("ingrediens-kommune", "Citater pr. ingrediens og kommune", INFERRED_TIES_COUNTED),
            ("kunstformer-kommune", "Kunstformer og aktiviteter pr. kommune", INITIATIVES_COUNTED),
            ("maalgrupper-kommune", "Målgrupper pr. kommune", INITIATIVES_COUNTED),
            ("steder-kommune", "Steder og rammer pr. kommune", INITIATIVES_COUNTED),
            ("organisationer", "Organisationer ved indsatserne, efter slags", COUNTED_ONCE),
        )
    ),
)
EDITORIAL_VALUES = {e.value: e for e in EDITORIAL}

# The values each chart the book draws from data shows, its own drawing first ('figur:<id>'): one list per chart, from
# which data/provenance.py words whose the chart is, alike on its page, in the PDFs and in kilder.csv beside its download.
CHART_VALUES = {
    "citater-pr-ingrediens": ("figur:citater-pr-ingrediens", "quotes.speaker_category"),
    "ingrediens-kommune": ("figur:ingrediens-kommune",),
    "kunstformer-kommune": ("figur:kunstformer-kommune", "initiatives.art_form_ids"),
    "maalgrupper-kommune": ("figur:maalgrupper-kommune", "initiatives.target_group_ids"),
    "steder-kommune": ("figur:steder-kommune", "initiatives.setting_ids"),
    "organisationer": ("figur:organisationer", "initiatives.organisation_ids", "organisations.kind"),
    "forloeb": ("figur:forloeb",),
}

# Columns whose values are the report's in some rows and the editors' in others, with no column that says which:
# kilder.csv says both, and why ('table.column' -> reason).
MIXED_VALUES = {
    "programme_events.number": (
        "Rapporten nummererer kun to workshops (»workshop nummer fire«, »workshop nummer fem«) og ingen af de tre virtuelle "
        "pitstops; de øvrige numre er redaktionens."
    ),
    "municipalities.name": (
        "Rapportens navne; hvor rapporten staver et navn anderledes end det officielle (name_in_report, fx »Guldborgssund«), "
        "står det officielle navn, og siderne siger ved netop det navn: officielt navn; rapporten staver det »…«."
    ),
    "organisations.name": (
        "Rapporten navngiver de fleste organisationer; hvor den ikke giver et navn, er navnet redaktionens beskrivelse efter "
        "rapportens ord (fx „foreningen af mænd bag genbrugsværkstedet“ for rapportens »en gruppe mænd, der nyligt har "
        "etableret sig som forening«), og hvor rapporten staver et navn anderledes (name_in_report), står enten det "
        "officielle navn (name_official, fx Storstrøm Fængsel for rapportens »Storstrøms fængsel«) eller redaktionens "
        "rettelse af stavningen (fx Aarhus Billed- og medieskole for »Aarhus Billed-og medieskole«), og siderne siger "
        "ved netop det navn, hvilket af de to det er."
    ),
}
# Columns whose values are the report's or the editors' row by row, as another column of the row says
# ('table.column' -> the basis column: stated = the report's, inferred = the editors').
BASIS_COLUMNS = {
    "initiatives.title": "title_basis",
    "programme_events.mode": "mode_basis",
    **{f"attention_points.{column}": "basis" for column in ("text", "ingredient_id", "position")},
}
# Columns whose rows say their own source in another column (SOURCES; empty = the folder's): 'table.column' -> that column.
SOURCE_COLUMNS = {"quote_kinds.label": "quote_kinds.label_source", "quotes.kind": "quote_kinds.label_source"}
# The tables a page offers as a CSV download ('<id>.csv'), each column as (heading, the value it shows, whether the
# heading names the value's source): the page and kilder.csv take their headings from here. A column the report
# states leaves the heading bare; the quotes' ties are marked too, though each cell says whose ('2, udledt af
# redaktionen'): a cell of '0' says nothing, and kilder.csv calls the column the editors' (reading 15, finding 10).
# A drawn figure whose table shows a data table's values column by column (heading, 'table.column'): the figure's
# drawing is the editors', but each column is as much the report's as the table it comes from, so its heading and
# kilder.csv say the column's own source, not the figure's.
FIGURE_TABLES = {
    "forloeb": (
        ("Begivenhed", "programme_events.title"),
        ("Form", "programme_events.mode"),
        ("Dato", "programme_events.date"),
        ("Sted", "programme_events.place"),
    ),
}
# The values a page table counts with words beside each count ('2, udledt af redaktionen'): its CSV holds the number
# and, in a column of its own, the words (words.count_columns), and kilder.csv names that column too.
COUNTS_WITH_WORDS = {"quotes.kommunekode"}
PAGE_TABLES = {
    "tabel-kommuner": (
        ("Kommune", "municipalities.name", False),
        # The name's note in a column of its own, so the name's cell sorts and joins (reading 21, finding 8).
        ("Note om navnet", "municipalities.name_in_report", False),
        ("Kommunekode", "municipalities.kommunekode", True),
        ("Region", "municipalities.region", True),
        ("Udgangspunkt", "municipalities.starting_point", True),
        ("Indsatser", "initiatives.kind", True),
        ("Citater knyttet til kommunen", "quotes.kommunekode", True),
    ),
}
