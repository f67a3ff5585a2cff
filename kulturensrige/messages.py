"""What each validation message means: every kind provoked for real, so the book quotes the validator's own words.

Each kind breaks a copy of the data in one way (in memory, or in a temporary folder), runs the same
reading and validation code as `validate_data.py` and the workbook import, and keeps the first line
it prints. If the validator's wording changes, the chapter changes with it; if a kind can no longer
be provoked, `message_kinds` raises, and the tests notice.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .loading import Dataset
from .markup import Html, esc
from .problems import Problem
from .reading import RawTable, parse_rows, read_csv
from .schema import NOT_STATED, TABLES
from .validation import read_folder, validate_tables
from .workbook import build_workbook, read_workbook, save_workbook

Raws = dict[str, RawTable]


@dataclass(frozen=True)
class MessageKind:
    """One kind of message: how to provoke it, what it means, and what to do about it."""

    provoke: Callable[[Path, Raws], list[Problem]]
    meaning: str
    remedy: str


def _validate(folder: Path, raws: Raws, only: str | None = None) -> list[Problem]:
    chosen = {only: raws[only]} if only else raws
    return validate_tables(chosen, {name: f"{folder.name}/{TABLES[name].file}" for name in chosen})[1]


def _changed(raws: Raws, table: str, change: Callable[[pd.DataFrame], pd.DataFrame]) -> Raws:
    raw = raws[table]
    frame = change(raw.frame.copy())
    return {**raws, table: RawTable(frame=frame.reset_index(drop=True), rows=raw.rows[: len(frame)])}


def _cell(table: str, column: str, value: str, row: int = 0, only: bool = True) -> Callable[[Path, Raws], list[Problem]]:
    def provoke(folder: Path, raws: Raws) -> list[Problem]:
        def change(frame: pd.DataFrame) -> pd.DataFrame:
            frame.at[row, column] = value
            return frame

        return _validate(folder, _changed(raws, table, change), table if only else None)

    return provoke


def _quote(**values: str) -> Callable[[Path, Raws], list[Problem]]:
    """Change the first quote whose municipality is not stated, then validate across tables."""

    def provoke(folder: Path, raws: Raws) -> list[Problem]:
        code = str(raws["municipalities"].frame["kommunekode"].iloc[0])

        def change(frame: pd.DataFrame) -> pd.DataFrame:
            i = frame.index[frame["attribution"] == "not stated"][0] if (frame["attribution"] == "not stated").any() else 0
            for column, value in values.items():
                frame.at[i, column] = code if value == "{kode}" else value
            return frame

        return _validate(folder, _changed(raws, "quotes", change))

    return provoke


def _missing_file(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory() as empty:
        return read_folder(Path(empty), label_prefix=f"{folder.name}/")[1]


def _missing_folder(folder: Path, raws: Raws) -> list[Problem]:
    return read_folder(Path("mine-data-findes-ikke"))[1]


def _truncated(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "quotes.csv"
        path.write_text('quote_id,text\nq001,"Et citat uden slut\n', encoding="utf-8")
        return read_csv(path, f"{folder.name}/quotes.csv")[1]


def _empty_file(folder: Path, raws: Raws) -> list[Problem]:
    return parse_rows([], f"{folder.name}/quotes.csv")[1]


def _ragged(folder: Path, raws: Raws) -> list[Problem]:
    columns = TABLES["quotes"].columns
    return parse_rows([(1, columns), (2, ["q001"] * (len(columns) - 2))], f"{folder.name}/quotes.csv")[1]


def _missing_column(folder: Path, raws: Raws) -> list[Problem]:
    return _validate(folder, _changed(raws, "quotes", lambda f: f.drop(columns=["attribution"])), "quotes")


def _unknown_column(folder: Path, raws: Raws) -> list[Problem]:
    return _validate(folder, _changed(raws, "quotes", lambda f: f.assign(noter="")), "quotes")


def _empty_table(folder: Path, raws: Raws) -> list[Problem]:
    return _validate(folder, _changed(raws, "ingredients", lambda f: f.iloc[0:0]), "ingredients")


def _duplicate(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.at[1, "quote_id"] = frame.at[0, "quote_id"]
        return frame

    return _validate(folder, _changed(raws, "quotes", change), "quotes")


def _cycle(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        child = frame.index[frame["parent_id"] != ""][0]
        parent = frame.index[frame["section_id"] == frame.at[child, "parent_id"]][0]
        frame.at[parent, "parent_id"] = frame.at[child, "section_id"]
        return frame

    return _validate(folder, _changed(raws, "sections", change))


def _repeated_turn(folder: Path, raws: Raws) -> list[Problem]:
    def change(frame: pd.DataFrame) -> pd.DataFrame:
        frame.loc[[0, 1], ["exchange_id", "turn"]] = ["x-eksempel", "1"]
        return frame

    return _validate(folder, _changed(raws, "quotes", change))


def _not_a_workbook(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "arbejdsbog.xlsx"
        path.write_text("ikke et regneark", encoding="utf-8")
        return read_workbook(path)[2]


def _missing_sheet(folder: Path, raws: Raws) -> list[Problem]:
    with tempfile.TemporaryDirectory() as scratch:
        book = build_workbook(None)
        book.remove(book["figures"])
        path = Path(scratch) / "arbejdsbog.xlsx"
        save_workbook(book, path)
        return read_workbook(path)[2]


KINDS: list[tuple[str, list[MessageKind]]] = [
    (
        "Mappen og filerne",
        [
            MessageKind(_missing_folder, "Mappen, du har peget på, findes ikke.", "Tjek stavningen af mappens navn og sti."),
            MessageKind(
                _missing_file,
                "En af tabellerne i dataordbogen har ingen fil i mappen.",
                "Læg filen i mappen, også selv om du ikke har ændret i den; start evt. fra skabelonen i `templates/data/`.",
            ),
            MessageKind(
                _truncated,
                "Filen slutter midt i et felt: et citationstegn åbner en tekst, som aldrig lukkes.",
                "Åbn filen og find rækken; ofte er filen ikke gemt færdig, eller et citationstegn mangler.",
            ),
            MessageKind(
                _empty_file,
                "Filen har ingen rækker, heller ikke kolonnenavnene.",
                "Første række skal være kolonnenavnene fra dataordbogen.",
            ),
            MessageKind(
                _ragged,
                "Rækken har flere eller færre felter end overskriften.",
                "Typisk et komma eller semikolon i en tekst, der ikke står i citationstegn; gem filen fra et regneark.",
            ),
        ],
    ),
    (
        "Regnearket",
        [
            MessageKind(
                _not_a_workbook,
                "Filen er ikke en Excel-arbejdsbog i .xlsx-format.",
                "Gem regnearket som »Excel-projektmappe (.xlsx)«, ikke som .xls, .ods eller CSV.",
            ),
            MessageKind(
                _missing_sheet,
                "Et ark mangler eller er omdøbt.",
                "Hvert ark skal hedde som sin tabel; start fra skabelonen eller eksporten og omdøb ikke arkene.",
            ),
        ],
    ),
    (
        "Kolonner og rækker",
        [
            MessageKind(
                _missing_column,
                "En kolonne fra dataordbogen mangler.",
                "Tilføj kolonnen med præcis det navn; den må gerne være tom, hvor det er tilladt.",
            ),
            MessageKind(
                _unknown_column, "Tabellen har en kolonne, dataordbogen ikke kender.", "Slet kolonnen, eller ret en stavefejl i navnet."
            ),
            MessageKind(
                _empty_table,
                "Tabellen har ingen rækker.",
                "Alle tabeller skal have mindst én række; ordlister kan genbruges fra rapportens data.",
            ),
        ],
    ),
    (
        "Værdier i cellerne",
        [
            MessageKind(
                _cell("quotes", "quote_id", "Q 1"),
                "Et id må kun have små bogstaver a-z, tal og bindestreger (ingen æ, ø, å eller mellemrum).",
                "Skriv fx `koege-gang-i-gaarden`; id'er bruges i bogens adresser.",
            ),
            MessageKind(
                _cell("quotes", "text", ""),
                "Et påkrævet felt er tomt.",
                "Udfyld feltet; se i dataordbogen, hvilke kolonner der må være tomme.",
            ),
            MessageKind(_cell("quotes", "position", "tre"), "Feltet skal være et helt tal.", "Skriv tallet med cifre og uden decimaler."),
            MessageKind(_cell("quotes", "position", "0"), "Tallet er for lille.", "Rækkefølger tælles fra 1."),
            MessageKind(
                _cell("quotes", "attribution", "sikker"),
                "Feltet skal have en af de faste værdier.",
                "Vælg fra rullelisten i regnearket, eller skriv en af værdierne nøjagtigt.",
            ),
            MessageKind(
                _cell("municipalities", "kommunekode", "25"),
                "En kommunekode er de tre cifre, Danmarks Statistik bruger.",
                "Skriv fx 259 for Køge. Hvis Excel har fjernet et foranstillet nul, så formatér kolonnen som tekst.",
            ),
            MessageKind(
                _cell("programme_events", "date", "nov. 2021"),
                "Datoer skrives som år-måned eller år-måned-dag.",
                "Skriv fx 2021-11 eller 2021-11-05, eller 'ikke angivet'.",
            ),
            MessageKind(
                _duplicate,
                "Den samme nøgle står i mere end én række.",
                "Giv rækken sit eget id; to rækker kan ikke have samme nøgle.",
            ),
            MessageKind(
                _cell("municipalities", "outcome", "Ikke angivet", only=False),
                "'Ikke angivet' er stavet på en anden måde, end bogen bruger.",
                f"Skriv præcis '{NOT_STATED}' med små bogstaver.",
            ),
        ],
    ),
    (
        "Henvisninger mellem tabeller",
        [
            MessageKind(
                _cell("initiatives", "kommunekode", "998", only=False),
                "Værdien skal findes som nøgle i en anden tabel, og det gør den ikke.",
                "Ret stavningen, eller tilføj først rækken i den tabel, der henvises til (fx en ny kommune i municipalities).",
            ),
            MessageKind(
                _cell("initiatives", "kind", "", only=False),
                "En påkrævet henvisning er tom.",
                "Vælg en værdi fra rullelisten; den henter værdierne fra tabellen, der henvises til.",
            ),
            MessageKind(_cycle, "Et afsnit ligger (via andre) under sig selv.", "Ret parent_id, så afsnittene danner et træ."),
        ],
    ),
    (
        "Citater og kommuner",
        [
            MessageKind(
                _quote(kommunekode="{kode}"),
                "Citatet har en kommune, men attribution siger, at rapporten ikke angiver den.",
                "Slet kommunekoden, eller sæt attribution til stated (rapporten siger det) eller inferred (din læsning, med begrundelse).",
            ),
            MessageKind(
                _quote(attribution="stated"),
                "attribution siger, at kommunen er kendt, men kommunekoden mangler.",
                "Udfyld kommunekoden, eller sæt attribution til not stated.",
            ),
            MessageKind(
                _quote(attribution="inferred", kommunekode="{kode}"),
                "En udledt kommune skal have en skrevet begrundelse.",
                "Skriv i attribution_rationale, hvad i rapporten der peger på kommunen.",
            ),
            MessageKind(
                _repeated_turn,
                "To replikker i samme ordveksling har samme nummer.",
                "Nummerér replikkerne 1, 2, 3 … inden for hver exchange_id.",
            ),
        ],
    ),
]


def message_kinds(data: Dataset) -> list[tuple[str, str, MessageKind]]:
    """(group, the first line the validator prints, the kind) for every kind, provoked on a copy of `data`."""
    raws, problems = read_folder(data.folder)
    if problems:
        raise ValueError(f"datamappen {data.folder} kan ikke læses: {problems[0]}")
    found = []
    for group, kinds in KINDS:
        for kind in kinds:
            lines = kind.provoke(data.folder, raws)
            if not lines:
                raise AssertionError(f"{kind.meaning!r} giver ikke længere nogen melding")
            found.append((group, str(lines[0]), kind))
    return found


def as_html(data: Dataset) -> Html:
    """The table of message kinds for the chapter on re-running the book."""
    found = message_kinds(data)
    body = []
    for group, _ in KINDS:
        body.append(f'<tr><th scope="rowgroup" colspan="3">{esc(group)}</th></tr>')
        for g, line, kind in found:
            if g != group:
                continue
            body.append(f"<tr><td><code>{esc(line)}</code></td><td>{esc(kind.meaning)}</td><td>{_inline_code(kind.remedy)}</td></tr>")
    return Html(
        '<div class="kr-table-wrap"><table class="kr-table kr-messages"><caption>Valideringens meldinger, '
        "med et eksempel på hver, skrevet af valideringen selv</caption>"
        '<thead><tr><th scope="col">Eksempel på meldingen</th><th scope="col">Hvad den betyder</th>'
        f'<th scope="col">Sådan retter du det</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
    )


def _inline_code(text: str) -> str:
    parts = esc(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))
