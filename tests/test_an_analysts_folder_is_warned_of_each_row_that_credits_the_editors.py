"""Reading30, #9: an analyst who starts from the book's own data (the genkørsel chapter's „Det letteste“) inherits
vocabulary texts and row sources that name the editors (statuses.csv „Redaktionens læsning …“, quote_kinds.csv
label_source „redaktionen“), although the book credits the folder to the analyst. The import and the validator say
so, one line per cell or per column and value, with what is allowed there (ADR 111); the report's own folder is told
nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

from support.checks import each
from support.folders import with_option
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent
WHOSE = "men datamappen er analytikerens (kilde = analytiker)"
EDITORS_TEXT = f"advarsel: teksten nævner redaktionen, {WHOSE}"
TEXT_ALLOWED = "så bogen og dens CSV-filer giver den som analytikerens; tilladt her: en tekst med analytikerens egne ord, uden redaktionen"


def test_importing_the_books_own_workbook_names_each_row_that_credits_the_editors_in_the_analysts_folder(
    data_workbook: Path, tmp_path: Path
):
    result = run_script("import_workbook", str(data_workbook), "--out", str(tmp_path / "mine-data"))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    sheet = f"{data_workbook.name}, ark"
    # Each status description that opens „Redaktionens læsning“, on its own line: sheet, row, column, value, what is allowed.
    statuses = [line for line in lines if line.startswith(f"{sheet} statuses, række ")]
    assert len(statuses) == 5, statuses
    for line in each(statuses):
        assert ", kolonne description: 'Redaktionens læsning (rapporten angiver ingen status)" in line
        assert line.endswith(f"— {EDITORS_TEXT}, {TEXT_ALLOWED}")
    # A row source naming the editors or the report is one line per column and value, counting the cells.
    allowed = f"{WHOSE}, så bogen regner hver værdi for analytikerens; tilladt her: tom eller 'analytiker'"
    assert f"{sheet} quote_kinds, kolonne label_source: 'redaktionen' — advarsel: 5 celler (fx række 2) siger det, {allowed}" in lines
    assert f"{sheet} quotes, række 6, kolonne ingredient_source: 'redaktionen' — advarsel: cellen siger det, {allowed}" in lines
    assert any(line.startswith(f"{sheet} quotes, kolonne ingredient_source: 'rapporten' — advarsel: ") for line in lines), lines
    assert any(line.startswith(f"{sheet} quotes, række 6, kolonne ingredient_rationale: ") for line in lines), lines
    # The analyst's folder says it again when it is checked; the report's own folder is told nothing of it.
    checked = run_script("validate_data", str(tmp_path / "mine-data"))
    # words32 (reading32, #3): Helhedsplan Lindholm's description now says its kind „er redaktionens viden“, a text an
    # analyst who starts from the book's data inherits too: a tenth row, named by its table and column.
    warned = [line for line in checked.stderr.splitlines() if EDITORS_TEXT in line]
    assert checked.returncode == 0 and len(warned) == 10, checked.stderr
    assert any(line.startswith("mine-data/organisations.csv, række ") and "Helhedsplan Lindholm" in line for line in warned), warned
    assert "redaktionen, men datamappen" not in run_script("validate_data", str(REPO / "data")).stderr


def test_a_qda_projects_folder_is_told_its_own_source_is_the_one_allowed(tmp_path: Path):
    folder = tmp_path / "qda"
    shutil.copytree(REPO / "data", folder)
    with_option(folder, "kilde", "qda-projekt")
    lines = run_script("validate_data", str(folder)).stderr.splitlines()
    said = [line for line in lines if "kolonne label_source: 'redaktionen'" in line]
    assert len(said) == 1 and said[0].endswith("så bogen regner hver værdi for QDA-projektets; tilladt her: tom eller 'qda-projekt'"), said
