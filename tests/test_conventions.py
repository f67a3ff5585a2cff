"""The habits that keep scripts and tests free of boilerplate, checked over the repository's own files."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from support.checks import each

REPO = Path(__file__).resolve().parent.parent
SKIPPED = {".venv", "node_modules", "_build", ".git", ".tools"}


def _python_files() -> list[Path]:
    files = [
        *REPO.glob("*.py"),
        *(p for folder in ("kulturensrige", "scripts", "tests", "book", "explorer") for p in (REPO / folder).rglob("*.py")),
    ]
    return sorted(p for p in files if not SKIPPED & set(p.relative_to(REPO).parts))


def _sources_with_notebooks() -> list[Path]:
    notebooks = [p for p in REPO.rglob("*.ipynb") if not SKIPPED & set(p.relative_to(REPO).parts)]
    return _python_files() + sorted(notebooks)


def test_no_file_edits_sys_path_or_silences_the_import_order_rule():
    """The package is installed (editable), and pytest's `pythonpath` finds tests/support: no file needs either."""
    pattern = re.compile(r"sys\.path\.(insert|append)|noqa: ?E402")
    offenders = [str(p.relative_to(REPO)) for p in each(_sources_with_notebooks()) if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders


def test_every_script_ends_through_the_cli_helper():
    """`cli.run(main)` sets the exit status and turns a DataError into lines; no script has a loop of its own."""
    scripts = [p for p in (REPO / "scripts").glob("*.py") if "__main__" in p.read_text(encoding="utf-8")]
    for path in each(scripts):
        text = path.read_text(encoding="utf-8")
        assert re.search(r'if __name__ == "__main__":\n    cli\.run\(main\)\n', text), path.name
        assert "except DataError as exc:\n        for problem" not in text, path.name
        assert not re.search(r"for problem in [^\n]*\n\s+print\(problem", text), path.name


def _loads_the_report_data(function: ast.FunctionDef) -> bool:
    """A fixture whose whole body is `return load()` (or load of data/): the report's data, loaded again."""
    body = function.body[1:] if ast.get_docstring(function) else function.body
    return (
        len(body) == 1
        and isinstance(body[0], ast.Return)
        and isinstance(body[0].value, ast.Call)
        and getattr(body[0].value.func, "id", "") == "load"
        and (not body[0].value.args or bool(re.fullmatch(r"\w+ / ['\"]data['\"]", ast.unparse(body[0].value.args[0]))))
    )


def test_the_report_data_is_loaded_for_the_tests_by_one_fixture():
    """conftest's `data`; a module may still define a `data` fixture of its own data (tests/test_one_rule.py)."""
    tests = [p for p in _python_files() if p.relative_to(REPO).parts[0] == "tests"]
    loaders = [
        f"{path.relative_to(REPO).as_posix()}::{node.name}"
        for path in each(tests)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
        and any("fixture" in ast.unparse(d) for d in node.decorator_list)
        and _loads_the_report_data(node)
    ]
    assert loaders == ["tests/conftest.py::data"]


def _loop_only_tests(path: Path) -> list[str]:
    """Tests in `path` whose every assertion sits inside a `for` loop over something that may be empty.

    A loop over `each(...)` (tests/support/checks.py) or over a literal tuple or list cannot be empty."""
    found = []
    for test in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(test, ast.FunctionDef) or not test.name.startswith("test_"):
            continue
        asserts = [a for a in ast.walk(test) if isinstance(a, ast.Assert)]
        loops = [loop for loop in ast.walk(test) if isinstance(loop, ast.For)]
        in_loops = {id(a) for loop in loops for a in ast.walk(loop) if isinstance(a, ast.Assert)}
        if not asserts or any(id(a) not in in_loops for a in asserts):
            continue
        checked = [
            loop
            for loop in loops
            if isinstance(loop.iter, ast.Tuple | ast.List)
            or (isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Name) and loop.iter.func.id == "each")
        ]
        if not checked:
            found.append(f"{path.relative_to(REPO)}::{test.name}")
    return found


def test_a_test_whose_assertions_all_sit_in_a_loop_first_checks_that_the_loop_ran():
    """`for page in pages: assert ...` passes when there are no pages; `each(pages)` fails then."""
    tests = [p for p in _python_files() if p.name.startswith("test_")]
    offenders = [name for path in each(tests) for name in _loop_only_tests(path)]
    assert not offenders


def test_every_cell_of_every_chapter_has_an_id_of_its_own():
    """A cell without an id gets a new random one each time nbformat reads the notebook: the front page's filter help
    (session 18) made two builds of the same commit differ in _sources/index.ipynb."""
    import json

    for notebook in each(sorted((REPO / "book").rglob("*.ipynb"))):
        if "_build" in notebook.parts:
            continue
        ids = [cell.get("id") for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]]
        assert None not in ids and len(set(ids)) == len(ids), notebook.name
