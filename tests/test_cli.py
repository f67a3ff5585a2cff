"""kulturensrige.cli: how every script ends, one line per data problem, an exit status and never a traceback."""

from __future__ import annotations

import sys

import pytest

from kulturensrige import cli
from kulturensrige.data.problems import DataError, Problem

PROBLEMS = [
    Problem("data/quotes.csv", 3, "kommunekode", "999", "skal være en kommunekode fra municipalities.csv"),
    Problem("data/sections.csv", None, None, None, "filen mangler"),
]


def _failing(argv: list[str] | None = None) -> int:
    raise DataError(PROBLEMS)


def test_a_data_error_becomes_one_line_per_problem_a_summary_and_exit_status_1(capsys: pytest.CaptureFixture[str]):
    main = cli.stops_on_problems("Intet er skrevet: {count} problem(er).")(_failing)
    assert main([]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [*(str(p) for p in DataError(PROBLEMS).problems), "Intet er skrevet: 2 problem(er)."]


def test_run_exits_with_mains_status_and_hands_it_the_command_line(monkeypatch: pytest.MonkeyPatch):
    seen = []
    monkeypatch.setattr(sys, "argv", ["script.py", "--data", "mappe"])
    with pytest.raises(SystemExit) as stopped:
        cli.run(lambda argv: seen.append(argv) or 3)
    assert stopped.value.code == 3 and seen == [["--data", "mappe"]]


def test_run_reports_a_data_error_that_main_left_unreported(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setattr(sys, "argv", ["script.py"])
    with pytest.raises(SystemExit) as stopped:
        cli.run(_failing)
    assert stopped.value.code == 1
    assert capsys.readouterr().err.splitlines()[-1] == "2 problem(er) fundet."
