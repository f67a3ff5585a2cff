"""A test run whose scripts would import another checkout's package stops before its first test (tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

import kulturensrige
from support.checkout import foreign_package, scripts_package

REPO = Path(__file__).resolve().parent.parent


def test_a_package_of_another_checkout_is_refused_in_one_line_naming_both_and_the_way_out(tmp_path: Path):
    other = tmp_path / "anden" / "kulturensrige" / "__init__.py"
    line = foreign_package(other, REPO)
    assert line is not None and "\n" not in line
    assert f"{REPO / 'scripts'} importerer kulturensrige fra {tmp_path / 'anden'}," in line
    assert line.endswith(f"sæt PYTHONPATH={REPO}, eller fjern PYTHONPATH")
    assert foreign_package(kulturensrige.__file__, REPO) is None  # this run's own (or the test would not run)


def test_a_script_finds_the_package_pythonpath_names_before_the_installed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """What a script run in a process of its own imports, as conftest checks it: PYTHONPATH's package, if it names one."""
    other = tmp_path / "anden" / "kulturensrige"
    other.mkdir(parents=True)
    (other / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path / "anden"))
    assert scripts_package(REPO) == other / "__init__.py"
    assert foreign_package(other / "__init__.py", REPO) is not None
    monkeypatch.setenv("PYTHONPATH", ".")  # from the checkout itself, as `make test` runs its scripts
    assert foreign_package(scripts_package(REPO), REPO) is None
