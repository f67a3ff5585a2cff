"""Validation: the real data passes; every class of bad input gets its one clear line and changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from kulturensrige import DataError, load
from kulturensrige.data.schema import TABLES
from kulturensrige.data.validation import TableChecks, read_folder
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "bad_input"
VALIDATE = "validate_data"


def overlay(case: Path, tmp_path: Path) -> Path:
    """A copy of data/ with the fixture's small files laid over it (and any listed file removed)."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    for csv_file in case.glob("*.csv"):
        shutil.copyfile(csv_file, folder / csv_file.name)
    for name in (case / "remove.txt").read_text().split() if (case / "remove.txt").exists() else []:
        (folder / name).unlink()
    return folder


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        h.update(path.name.encode() + (path.read_bytes() if path.is_file() else b""))
    return h.hexdigest()


def test_the_shipped_data_is_valid_and_prints_counts():
    result = run_script(VALIDATE)
    assert result.returncode == 0, result.stderr
    for table in TABLES.values():
        assert table.file in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("case", sorted(p for p in FIXTURES.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_bad_input_gets_one_clear_line_and_changes_nothing(case: Path, tmp_path: Path):
    folder = overlay(case, tmp_path)
    before = digest(folder)
    result = run_script(VALIDATE, str(folder))
    problems = result.stderr.strip().splitlines()[:-1]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert problems == (case / "expected.txt").read_text(encoding="utf-8").strip().splitlines()
    assert digest(folder) == before


def _rewrite(folder: Path, name: str, encoding: str, delimiter: str, bom: bool = False) -> None:
    text = (folder / name).read_text(encoding="utf-8")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    raw = out.getvalue().encode(encoding)
    (folder / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + raw)


@pytest.mark.parametrize(
    ("encoding", "delimiter", "bom"),
    [("cp1252", ";", False), ("utf-8", ";", True), ("utf-8", ",", True)],
    ids=["danish-excel-csv", "excel-csv-utf8", "utf8-with-bom"],
)
def test_files_saved_by_danish_excel_are_read_correctly(tmp_path: Path, encoding: str, delimiter: str, bom: bool):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    for name in ("municipalities.csv", "initiatives.csv", "ingredients.csv"):
        _rewrite(folder, name, encoding, delimiter, bom)
    shipped, resaved = load(REPO / "data"), load(folder)
    for name in ("municipalities", "initiatives", "ingredients"):
        assert resaved.tables[name].equals(shipped.tables[name]), name


def test_a_file_read_as_windows_1252_is_said_in_one_notice_naming_the_file_and_utf_8(tmp_path: Path):
    """Hostile review 18, #7: a whole file in Windows-1252 was read without a word. Its values come out right, but
    nothing changes silently: a notice per file says it was read so, and that the book's downloads are UTF-8."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    _rewrite(folder, "municipalities.csv", "cp1252", ";")
    _rewrite(folder, "ingredients.csv", "utf-8", ";", bom=True)  # UTF-8 as Excel saves it: nothing to say
    result = run_script(VALIDATE, str(folder))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "1252" in line]
    assert said == [
        (
            "data/municipalities.csv — advarsel: filen er ikke UTF-8 og er læst som Windows-1252 (sådan gemmer dansk Excel "
            "en CSV-fil); se efter, at æ, ø, å og tegn som €, – og ” står rigtigt i bogen. De CSV-filer, bogen lader dig hente, er "
            "UTF-8; gem filen som CSV UTF-8, så forsvinder advarslen"
        )
    ]


def test_a_caption_typed_as_ikke_angivet_is_read_as_empty_and_said_in_a_download_too(tmp_path: Path):
    """Hostile round of session 19: a caption the analyst typed as 'ikke angivet' became an empty caption without a
    word (the word a download writes in an empty cell, schema.PUBLISHED_BLANKS). Every file says it in one notice per
    column, a download read back too: R and pandas write the download's mark as well (hostile round 21, #2)."""
    from kulturensrige.book.extension import write_downloads
    from kulturensrige.data.publishing import published_files

    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    _set_cell(folder, "quotes", 2, "caption", "ikke angivet")
    result = run_script(VALIDATE, str(folder))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "„ikke angivet“" in line]
    line = "data/quotes.csv, række 2, kolonne caption — advarsel: cellen siger „ikke angivet“, sådan som bogens CSV-filer"
    assert said == [f"{line} skriver en tom celle, og læses som tom"]
    assert load(folder, cache=False).quotes["caption"].iloc[0] == ""
    write_downloads(published_files(load(REPO / "data")), tmp_path / "hentet")
    # A download writes the one form of an absence in an empty caption (ADR 109, reading 30, #2).
    said = "„ikke angivet i rapporten“"
    # Other columns write the same word now, so the caption is among the columns the notices name, not the only one.
    assert "caption" in {w.column for w in load(tmp_path / "hentet", cache=False).warnings if said in w.allowed}


@pytest.mark.parametrize("line_end", ["\r\n", "\n"], ids=["crlf", "lf"])
def test_ikke_angivet_is_said_in_a_file_saved_with_a_mark_quoted_names_and_either_line_end(line_end: str, tmp_path: Path):
    """Hostile round 21, #2: quotes.csv saved as R's write.csv(fileEncoding="UTF-8-BOM") on Windows and pandas'
    QUOTE_ALL with utf-8-sig write it (a byte order mark, every name quoted, CRLF) emptied a caption 'ikke angivet'
    without a word, as it looked like a download; the same file with LF line ends said it."""
    import csv

    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    path = folder / TABLES["quotes"].file
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    rows[1][rows[0].index("caption")] = "ikke angivet"
    text = io.StringIO(newline="")
    csv.writer(text, quoting=csv.QUOTE_ALL, lineterminator=line_end).writerows(rows)
    path.write_text("\ufeff" + text.getvalue(), encoding="utf-8", newline="")
    result = run_script(VALIDATE, str(folder))
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "„ikke angivet“" in line]
    line = "data/quotes.csv, række 2, kolonne caption — advarsel: cellen siger „ikke angivet“, sådan som bogens CSV-filer"
    assert said == [f"{line} skriver en tom celle, og læses som tom"]
    assert load(folder, cache=False).quotes["caption"].iloc[0] == ""


def test_a_reference_cycle_in_sections_is_reported(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    path = folder / "sections.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("baggrund,Baggrund,,", "baggrund,Baggrund,kulturens-rige,")
    lines[2] = lines[2].replace("kulturens-rige,Kulturens Rige,,", "kulturens-rige,Kulturens Rige,baggrund,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(folder)
    ring = "afsnittene danner en ring; et afsnit kan ikke ligge under sig selv"
    assert [str(p) for p in caught.value.problems] == [
        f"data/sections.csv, række 2, kolonne parent_id: 'kulturens-rige' — {ring}",
        f"data/sections.csv, række 3, kolonne parent_id: 'baggrund' — {ring}",
    ]


def test_every_problem_is_reported_not_just_the_first(tmp_path: Path):
    folder = overlay(FIXTURES / "empty_quote", tmp_path)
    (folder / "figures.csv").unlink()
    with pytest.raises(DataError) as caught:
        load(folder)
    assert len(caught.value.problems) == 2


def test_load_returns_typed_tables():
    data = load()
    assert data.quotes["position"].dtype.kind == "i"
    assert isinstance(data.quotes["ingredient_ids"].iloc[0], tuple)
    assert data.municipalities["kommunekode"].str.fullmatch(r"\d{3}").all()


def test_the_data_folder_comes_from_the_environment(monkeypatch, tmp_path: Path):
    shutil.copytree(REPO / "data", tmp_path / "andre-data")
    monkeypatch.setenv("KR_DATA_DIR", str(tmp_path / "andre-data"))
    assert load().folder == tmp_path / "andre-data"


def _with_municipality(tmp_path: Path, code: str, name: str, options: str = "", slug: str = "ny-kommune") -> Path:
    """data/ plus one municipality row (Køge's other cells), and optionally one options row."""
    import csv
    import io

    from support.folders import csv_text  # a hand-edited folder, as data/ is written

    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    table = TABLES["municipalities"]
    rows = list(csv.DictReader(io.StringIO((folder / table.file).read_text(encoding="utf-8"), newline="")))
    rows.append({**rows[0], "kommunekode": code, "slug": slug, "name": name, "name_in_report": name})
    (folder / table.file).write_text(csv_text(table.columns, [[r[c] for c in table.columns] for r in rows]), encoding="utf-8")
    if options:
        with (folder / "options.csv").open("a", encoding="utf-8") as stream:
            stream.write(options + "\n")
    return folder


def test_a_code_that_is_no_municipality_is_refused_in_one_line_that_names_the_right_code(tmp_path: Path):
    folder = _with_municipality(tmp_path, "631", "Vejle")
    result = run_script(VALIDATE, str(folder))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[:-1] == [
        "data/municipalities.csv, række 9, kolonne kommunekode: '631' — 631 er ikke en kommunekode; Vejle har 630"
    ]


def test_an_official_code_under_another_name_is_refused(tmp_path: Path):
    folder = _with_municipality(tmp_path, "630", "Vejlby")
    result = run_script(VALIDATE, str(folder))
    assert result.stderr.strip().splitlines()[:-1] == [
        "data/municipalities.csv, række 9, kolonne name: 'Vejlby' — 630 er Vejle; skriv det officielle navn, eller ret kommunekoden"
    ]


def test_the_official_list_ships_with_the_package_with_its_source():
    from kulturensrige.data import municipality_codes

    names = municipality_codes.official_names()
    assert len(names) == 98 and names["630"] == "Vejle" and names["259"] == "Køge"
    assert municipality_codes.LIST_FILE.parent.name == "data" and municipality_codes.LIST_FILE.parent.parent.name == "kulturensrige"
    assert "Danmarks Statistik" in municipality_codes.SOURCE and municipality_codes.VALID_FROM == "2007-01-01"


def test_a_test_folder_can_switch_the_check_off_and_the_book_then_says_so(tmp_path: Path):
    from kulturensrige.book.extension import NOT_OFFICIAL, provenance_html
    from kulturensrige.data.municipality_codes import codes_are_official

    folder = _with_municipality(tmp_path, "631", "Vejle", options="kommunekoder,egne,Testdata")
    data = load(folder)
    assert not codes_are_official(data.options)
    assert NOT_OFFICIAL in provenance_html(dt.date(2026, 1, 1), False)
    assert NOT_OFFICIAL not in provenance_html(dt.date(2026, 1, 1))


def _set_cell(folder: Path, table_name: str, row: int, column: str, value: str) -> None:
    """Set one cell of a CSV table; `row` counts as a spreadsheet does (the header is row 1)."""
    import csv
    import io

    from support.folders import csv_text  # a hand-edited folder, as data/ is written

    table = TABLES[table_name]
    rows = list(csv.DictReader(io.StringIO((folder / table.file).read_text(encoding="utf-8"), newline="")))
    rows[row - 2][column] = value
    (folder / table.file).write_text(csv_text(table.columns, [[r[c] for c in table.columns] for r in rows]), encoding="utf-8")


def test_four_independent_errors_in_csv_files_come_out_in_one_run(tmp_path: Path):
    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    _set_cell(folder, "programme_events", 2, "date", "2021-13")
    _set_cell(folder, "initiatives", 3, "title", "")
    _set_cell(folder, "initiatives", 4, "kommunekode", "998")
    _set_cell(folder, "quotes", 5, "ingredient_ids", "mod-og-mening")
    result = run_script(VALIDATE, str(folder))
    lines = result.stderr.strip().splitlines()
    assert [line.split(" — ")[0] for line in lines[:-1]] == [
        "data/initiatives.csv, række 3, kolonne title: ''",
        "data/initiatives.csv, række 4, kolonne kommunekode: '998'",
        "data/programme_events.csv, række 2, kolonne date: '2021-13'",
        "data/quotes.csv, række 5, kolonne ingredient_ids: 'mod-og-mening'",
    ]
    assert "fra municipalities.csv" in lines[1] and "fra ingredients.csv" in lines[3]


def test_a_tables_check_is_reused_only_for_the_same_table_object_under_the_same_name():
    raws = read_folder(REPO / "data")[0]
    checks = TableChecks()
    table, raw = TABLES["quotes"], raws["quotes"]
    first = checks.check(table, raw, "data/quotes.csv")
    assert checks.check(table, raw, "data/quotes.csv") is first
    assert checks.check(table, raw, "andre/quotes.csv") is not first
    broken = type(raw)(frame=raw.frame.assign(position="tre"), rows=raw.rows)
    assert checks.check(table, broken, "data/quotes.csv")[2], "a changed table is checked afresh, and its problems found"


OWN_CODES = "kommunekoder,egne,Testdata"


def _slug_and_page(row: int, value: str) -> Callable[[Path], Path]:
    """Municipality `row` (a spreadsheet row) gets the slug, and its section's page follows it, as an analyst would."""

    def change(tmp_path: Path) -> Path:
        folder = shutil.copytree(REPO / "data", tmp_path / "data")
        _set_cell(folder, "municipalities", row, "slug", value)
        _set_cell(folder, "sections", row + 4, "book_page", f"kommuner/profil-{value}")
        return folder

    return change


SLUG_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "typed_twice": (
        _slug_and_page(3, "koege"),
        (
            "data/municipalities.csv, række 3, kolonne slug: 'koege' — bruges også af Køge i række 2; hver kommune skal have sit "
            "eget kortnavn, for det er navnet på kommunens side (kommuner/profil-koege) og dens PDF; skriv et andet kortnavn"
        ),
    ),
    "derived_twice": (
        lambda tmp_path: _with_municipality(tmp_path, "901", "Køge", OWN_CODES, slug=""),
        (
            "data/municipalities.csv, række 9, kolonne slug: 'koege' — er udledt af navnet 'Køge' og bruges også af Køge i række 2; "
            "hver kommune skal have sit eget kortnavn, for det er navnet på kommunens side (kommuner/profil-koege) og dens PDF; "
            "skriv et andet kortnavn i cellen"
        ),
    ),
    "typed_alle": (
        _slug_and_page(2, "alle"),
        (
            "data/municipalities.csv, række 2, kolonne slug: 'alle' — er forbeholdt filteret: ?kommune=alle i adressen viser alle "
            "kommuner; skriv et andet kortnavn"
        ),
    ),
    "derived_alle": (
        lambda tmp_path: _with_municipality(tmp_path, "901", "Alle", OWN_CODES, slug=""),
        (
            "data/municipalities.csv, række 9, kolonne slug: 'alle' — er udledt af navnet 'Alle' og er forbeholdt filteret: "
            "?kommune=alle i adressen viser alle kommuner; skriv et andet kortnavn i cellen"
        ),
    ),
    "another_municipalitys_code": (
        _slug_and_page(2, "169"),
        (
            "data/municipalities.csv, række 2, kolonne slug: '169' — er også kommunekoden for Høje-Taastrup (række 3), så "
            "?kommune=169 i adressen kan betyde begge; skriv et andet kortnavn"
        ),
    ),
    "typed_too_long": (
        lambda tmp_path: _with_municipality(tmp_path, "630", "Vejle", slug="v" * 250),
        (
            f"data/municipalities.csv, række 9, kolonne slug: '{'v' * 79}…' — har 250 tegn; højst 100 er tilladt, for kortnavnet bliver "
            "en del af filnavne (kommuner/profil-<kortnavn>.html og pdf/kulturens-rige-<kortnavn>.pdf); forkort det"
        ),
    ),
    "derived_too_long": (
        lambda tmp_path: _with_municipality(tmp_path, "901", "Navn " * 60, OWN_CODES, slug=""),
        (
            f"data/municipalities.csv, række 9, kolonne slug: '{'navn-' * 15 + 'navn'}…' — er udledt af navnet '{'Navn ' * 7}Navn…' og "
            "har 299 tegn; højst 100 er tilladt, for kortnavnet bliver en del af filnavne (kommuner/profil-<kortnavn>.html og "
            "pdf/kulturens-rige-<kortnavn>.pdf); skriv et kortere kortnavn i cellen"
        ),
    ),
}


@pytest.mark.parametrize("case", sorted(SLUG_CASES))
def test_a_slug_that_would_name_two_pages_or_mean_another_choice_or_not_fit_a_file_name_is_refused(case: str, tmp_path: Path):
    """Two municipalities with one slug wrote one page and one PDF over the other's; `alle` is the address's value for
    every municipality; a 250-character slug stopped the build on a temporary file's name."""
    make, expected = SLUG_CASES[case]
    folder = make(tmp_path)
    result = run_script(VALIDATE, str(folder))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[:-1] == [expected]


@pytest.mark.parametrize("name", ["Main Content", "Indsatser", "KR Kommune", "Indsats Køge gang i gården", "Figur: forløb"])
def test_a_municipality_name_whose_title_id_the_book_writes_on_its_page_too_is_refused(name: str, tmp_path: Path):
    """The name is the title of the municipality's page, whose id Sphinx makes from it: 'Main Content' gave the page
    two elements with id main-content (the skip link's target), 'KR Kommune' a second kr-kommune (the filter's field)."""
    from kulturensrige.data.pages import heading_id

    folder = _with_municipality(tmp_path, "901", name, OWN_CODES)
    result = run_script(VALIDATE, str(folder))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[:-1] == [
        (
            f"data/municipalities.csv, række 9, kolonne name: '{name}' — bliver titel på kommunens side med id'et "
            f"'{heading_id(name)}', som bogen selv bruger på siden, så to dele af siden ville have samme id (og et link "
            "dertil ramme forkert); giv kommunen et andet navn"
        )
    ]


def test_a_code_id_or_choice_with_blank_space_at_an_edge_is_refused_one_line_a_cell_shown_escaped(tmp_path: Path):
    """'259 ' was read as 259 without a word (hostile review 20, #3): a code is refused with blank space at its edges."""
    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    _set_cell(folder, "municipalities", 2, "kommunekode", "259 ")
    _set_cell(folder, "quotes", 3, "quote_id", "\tq002")
    _set_cell(folder, "quotes", 4, "kind", "interview ")
    before = digest(folder)
    result = run_script(VALIDATE, str(folder))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    edges = [line for line in lines if "blanktegn" in line]
    assert [line.split(" — ")[0] for line in edges] == [
        "data/municipalities.csv, række 2, kolonne kommunekode: '259 '",
        "data/quotes.csv, række 3, kolonne quote_id: '\\tq002'",
        "data/quotes.csv, række 4, kolonne kind: 'interview '",
    ]
    assert "sidst; en kode, et id, et valg, et tal eller en dato skal stå uden" in edges[0]
    assert "(mellemrum, tabulator eller linjeskift) først;" in edges[1]
    assert digest(folder) == before


def test_a_text_with_blank_space_at_an_edge_is_kept_trimmed_and_said_in_one_notice_a_cell(tmp_path: Path):
    """A verbatim quote lost its leading spaces and tab, and a role its edges, without a word (hostile review 20, #3)."""
    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    text = load(folder).quotes["text"]
    _set_cell(folder, "quotes", 2, "text", "   " + text[0])
    _set_cell(folder, "quotes", 3, "text", "\t" + text[1] + " \t")
    _set_cell(folder, "quotes", 4, "speaker_role", "  Kulturkonsulent  ")
    result = run_script(VALIDATE, str(folder))
    notices = [line for line in result.stderr.splitlines() if "blanktegn" in line]
    assert result.returncode == 0, result.stderr
    assert [line.split(": ")[0] for line in notices] == [
        "data/quotes.csv, række 2, kolonne text",
        "data/quotes.csv, række 3, kolonne text",
        "data/quotes.csv, række 4, kolonne speaker_role",
    ]
    assert notices[1].startswith("data/quotes.csv, række 3, kolonne text: '\\tJa")
    assert "— advarsel: teksten har blanktegn (mellemrum, tabulator eller linjeskift) først og sidst; de er taget af" in notices[1]
    loaded = load(folder, cache=False).quotes
    assert list(loaded["text"][:2]) == list(text[:2]) and loaded["speaker_role"][2] == "Kulturkonsulent"


def test_a_year_or_date_with_blank_space_at_an_edge_is_refused_as_a_code_is():
    """publication.year is a text of a pattern ('2023' or 'ikke angivet'): '2023 ' is refused, not trimmed with a notice."""
    from kulturensrige.data.csv_reading import RawTable
    from kulturensrige.data.validation import _spaced_codes

    table = TABLES["publication"]
    raw = RawTable(frame=pd.DataFrame(), rows=[2], trimmed=((2, "year", "2023 "), (2, "title", " Kulturens Rige")))
    refused = _spaced_codes(table, raw, "data/publication.csv")
    assert [(p.row, p.column, p.value) for p in refused] == [(2, "year", "2023 ")]
