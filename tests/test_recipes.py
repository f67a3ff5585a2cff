"""The README's recipes ("Ny kommune", "Nyt citat", "Ret en afskriftsfejl i et citat"), followed as written on a copy of data/.

Each numbered step is read from README.md: its commands from its ```bash block, its spreadsheet edits from its
table (rows to add to the sheet the step names, or a correction to make in a cell). The commands run through the
scripts' main(argv) with the recipe's file names moved into a temporary folder; `make book DATA=…` builds the
book into a temporary output folder (make itself would write into the repository's book/_build). The chapter
"Data og genkørsel" carries the same recipes, word for word.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import nbformat
import openpyxl
import pytest

from support.builds import build_book, made_once, run_folder
from support.checks import each
from support.scripts import run_script
from support.threads import in_own_thread

REPO = Path(__file__).resolve().parent.parent
README = REPO / "README.md"
CHAPTER = REPO / "book" / "om-data" / "genkoersel.ipynb"
RECIPES = ("Ny kommune", "Nyt citat", "Ret en afskriftsfejl i et citat")
INTEGER_COLUMNS = {"kommunekode", "position", "turn"}  # typed into Excel, they are stored as numbers


def recipes_text(markdown: str) -> str:
    start = markdown.index("## Opskrifter")
    return markdown[start : markdown.index("\n## ", start + 1)].rstrip("\n") if "\n## " in markdown[start + 1 :] else markdown[start:]


def recipe(title: str) -> str:
    text = recipes_text(README.read_text(encoding="utf-8"))
    start = text.index(f"### {title}\n")
    end = text.find("\n### ", start + 1)
    return text[start : end if end > 0 else len(text)]


def steps(section: str) -> list[str]:
    """The numbered steps, each with its indented block (commands, tables)."""
    return re.split(r"\n(?=\d+\. )", section)[1:]


def commands(step: str) -> list[str]:
    return [line.strip() for block in re.findall(r"```bash\n(.*?)```", step, re.S) for line in block.splitlines() if line.strip()]


def table(step: str) -> list[list[str]]:
    rows = [line.strip() for line in step.splitlines() if line.strip().startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows if not set(row) <= set("|-: ")]


def test_the_new_municipality_recipe_and_the_data_dictionary_give_the_slug_rules_the_validator_holds(tmp_path: Path):
    """The recipe said to leave the slug empty but not what a typed one may be: the rules (its own, at most
    MAX_SLUG_LENGTH characters, not 'alle', not another municipality's code or name) stand in the recipe and in
    DATAORDBOG.md as one sentence (pages.SLUG_RULES), and the validator refuses what the sentence forbids."""
    from kulturensrige.data.pages import ALL, MAX_SLUG_LENGTH, SLUG_RULES

    assert f"højst {MAX_SLUG_LENGTH} tegn" in SLUG_RULES and f"'{ALL}'" in SLUG_RULES
    for text in each([recipe("Ny kommune"), (REPO / "data" / "DATAORDBOG.md").read_text(encoding="utf-8")]):
        assert SLUG_RULES in " ".join(text.split())
    folder = Path(shutil.copytree(REPO / "data", tmp_path / "data"))
    path = folder / "municipalities.csv"
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    at = header.index("slug")
    second_code = rows[2].split(",")[header.index("kommunekode")]
    refused = {
        ALL: "er forbeholdt filteret",
        "x" * (MAX_SLUG_LENGTH + 1): f"højst {MAX_SLUG_LENGTH} er tilladt",
        second_code: "kommunekoden for",
    }
    for slug_value, reason in each(refused.items()):
        cells = rows[1].split(",")
        cells[at] = slug_value
        path.write_text("\n".join([rows[0], ",".join(cells), *rows[2:]]) + "\n", encoding="utf-8")
        result = run_script("validate_data", str(folder))
        line = next(line for line in result.stderr.splitlines() if "kolonne slug" in line)
        assert result.returncode == 1 and reason in line, result.stderr


def test_the_chapter_carries_the_readme_recipes_word_for_word():
    chapter = "\n\n".join(c.source for c in nbformat.read(CHAPTER, as_version=4).cells if c.cell_type == "markdown")
    assert recipes_text(README.read_text(encoding="utf-8")) in chapter
    for title in RECIPES:
        assert [int(s.split(".", 1)[0]) for s in steps(recipe(title))] == list(range(1, len(steps(recipe(title))) + 1))


class Analyst:
    """Does what a step says, in a temporary folder."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.workbook = work / "arbejdsbog.xlsx"
        self.site: Path | None = None

    def path(self, word: str) -> str:
        return str(self.work / word) if word in ("arbejdsbog.xlsx", "mine-data") else word

    def run(self, command: str) -> None:
        words = shlex.split(command)
        if words[0] == ".venv/bin/python":
            name = Path(words[1]).stem
            result = run_script(name, *(self.path(w) for w in words[2:]))
            assert result.returncode == 0, f"{command}\n{result.stderr}"
        elif words[:2] == ["make", "book"]:
            if self.builds:
                data = words[2].removeprefix("DATA=")
                self.site = build_book(Path(self.path(data)), self.work / "output")
        elif words[:2] == ["make", "pdf"]:
            if self.builds:
                data = words[2].removeprefix("DATA=")
                # Playwright's sync API, beside the session's if a browser test ran first here (support/threads.py).
                args = ("build_pdf", "--data", self.path(data), "--site", str(self.site))
                result = in_own_thread(lambda: run_script(*args))
                assert result.returncode == 0, result.stderr
        elif words[0] == "rsync":
            pass  # publishing needs a server; the site folder it copies is checked below
        else:
            raise AssertionError(f"ukendt kommando i opskriften: {command}")

    builds = True  # False while the earlier recipes are followed only for the data they leave

    def edit(self, step: str) -> None:
        rows = table(step)
        if not rows:
            return
        book = openpyxl.load_workbook(self.workbook)
        if rows[0][:2] == ["kolonne", "værdi"]:
            sheet = book[re.search(r"arket `(\w+)`", step).group(1)]
            header = [c.value for c in sheet[1]]
            for n in range(1, len(rows[0])):
                values = {row[0]: row[n] for row in rows[1:]}
                sheet.append([self.typed(name, values.get(name)) for name in header])
        else:
            assert rows[0] == ["quote_id", "kolonne", "ret fra", "ret til"], rows[0]
            sheet = book["quotes"]
            header = [c.value for c in sheet[1]]
            for quote_id, column, old, new in rows[1:]:
                line = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == quote_id)
                cell = line[header.index(column)]
                assert old in cell.value
                cell.value = cell.value.replace(old, new)
        book.save(self.workbook)

    @staticmethod
    def typed(column: str, value: str | None) -> object:
        if not value:
            return None
        return int(value) if column in INTEGER_COLUMNS and value.isdigit() else value


# The recipes follow on from each other (each later one starts from the first one's mine-data): they are followed in
# one go, building and printing once, at the last recipe's `make book` and `make pdf`, so that one book shows all three:
# the new municipality with its initiative and quote, and the quote the second adds as the third corrects it. A book
# after each recipe would show nothing new (a build that takes new data is tests/test_execution_cache.py's); the
# first recipe and the two later ones each built a book of their own until session 20.


def follow(analyst: Analyst, title: str) -> None:
    for step in each(steps(recipe(title))):
        for command in commands(step):
            analyst.run(command)
        analyst.edit(step)


@pytest.fixture(scope="session")
def recipes_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The three recipes followed in one go, once per run (`made_once`): the data folder they leave (`mine-data`) and
    its book, with `make pdf`'s editions in it. Every command must succeed as written. Shared by the recipes' test and
    tests/test_pdf.py's edition of an eighth municipality (the recipe's Vejle), which printed one of its own until
    session 23."""

    def follow_all(work: Path) -> None:
        work.mkdir()
        analyst = Analyst(work)
        for title in each(RECIPES):
            analyst.builds = title == RECIPES[-1]
            follow(analyst, title)
        assert analyst.site == work / "output" / "_build" / "html"

    work = made_once(run_folder(tmp_path_factory) / "recipes", "work", follow_all)
    return work / "mine-data", work / "output" / "_build" / "html"


@pytest.mark.long
@pytest.mark.build
def test_the_three_recipes_work_as_written_and_build(recipes_book: tuple[Path, Path]):
    _, site = recipes_book
    profile = (site / "kommuner" / "profil-vejle.html").read_text(encoding="utf-8")
    assert "Vejle" in profile and "Fællessang på biblioteket" in profile
    assert "Vi lærte hinanden at kende ved at synge sammen." in profile
    assert (site / "pdf" / "kulturens-rige-vejle.pdf").is_file()
    page = (site / "ingredienser" / "faelles-fundamenter.html").read_text(encoding="utf-8")
    assert "Vi mødtes hver torsdag på biblioteket." in page and "bibloteket" not in page
