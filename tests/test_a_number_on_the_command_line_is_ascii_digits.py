"""Every number a script takes on its command line is written with the digits 0–9, and anything else is one line.

Hostile round 20, #6: `generate_synthetic.py --quotes ١٠` (Arabic-Indic digits) made ten quotes, because int() reads
every script's digits, '1_000' and ' 5 ' too, while the validator reads a number in a data file as ASCII digits only.
One argparse type (cli.whole, and cli.decimal for a number with decimals) reads them all.
"""

from __future__ import annotations

import argparse
import sys

import pytest

from kulturensrige import cli
from support.checks import each
from support.scripts import REPO, run_script

SCRIPTS = sorted(path.stem for path in (REPO / "scripts").glob("*.py"))
# Numbers int() or float() takes that are not the digits 0–9 (with a point): other scripts' digits, separators, signs.
NOT_ASCII_DIGITS = ["١٠", "１０", "²", "1_000", " 5", "5 ", "+5", "1e3", "٤.٥", "inf", "nan", "0x10", ""]


def _numeric_options(name: str) -> list[str]:
    """The options of `name` whose default is a number (or a list of numbers), read off the parser its main builds."""
    found: list[argparse.Action] = []
    add = cli.Parser.add_argument

    def recording(self, *args, **kwargs):
        action = add(self, *args, **kwargs)
        found.append(action)
        return action

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli.Parser, "add_argument", recording)
        assert run_script(name, "--help").returncode == 0

    def numeric(value: object) -> bool:
        values = value if isinstance(value, list) else [value]
        return bool(values) and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)

    return [action.option_strings[-1] for action in found if action.option_strings and numeric(action.default)]


def test_every_numeric_option_of_every_script_refuses_anything_but_ascii_digits_in_one_line(monkeypatch: pytest.MonkeyPatch):
    """Each number is refused while the arguments are read, before the script's work: `--kr-stop` after it, an unknown
    argument, is only reached if the number was taken."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))  # as `python scripts/x.py` has it: a script may import another
    options = [(name, option) for name in SCRIPTS for option in _numeric_options(name)]
    assert {"generate_synthetic", "benchmark", "measure_filter_latency"} <= {name for name, _ in options}
    for name, option in each(options):
        monkeypatch.setattr(sys, "argv", [f"{name}.py"])
        for value in NOT_ASCII_DIGITS:
            result = run_script(name, f"{option}={value}", "--kr-stop")
            assert result.returncode == 2 and result.stdout == "", (option, value, result.stderr)
            [line] = result.stderr.splitlines()
            assert line.startswith(f"{name}.py: {option}: {value!r} ") and "cifrene 0–9" in line, (option, value, line)


def test_the_shared_number_types_take_ascii_digits_and_a_sign():
    assert [cli.whole(v) for v in ("0", "10", "-3", "007")] == [0, 10, -3, 7]
    assert [cli.decimal(v) for v in ("4", "2.5", "-0.5")] == [4.0, 2.5, -0.5]
    for convert, value in each([(cli.whole, "2.5"), (cli.whole, "١٠"), (cli.decimal, "٤"), (cli.decimal, ".5"), (cli.whole, "9" * 19)]):
        with pytest.raises(argparse.ArgumentTypeError):
            convert(value)


# The numeric options that may go below 1: a seed is any number, and the seconds to read a page's top may be none.
FLOORS: dict[str, int | None] = {"--seed": None, "--read": 0}
# Scripts that check their counts after the arguments, against the limits of the folder they write (its own test).
CHECKED_AFTER = {"generate_synthetic": "tests/test_synthetic.py::test_a_count_below_one_is_refused_with_the_range_allowed"}


def test_every_count_option_of_every_script_refuses_a_number_below_its_floor_in_one_line(monkeypatch: pytest.MonkeyPatch):
    """Hostile round 21, #4: `measure_filter_latency.py --changes 0` ended in StatisticsError's traceback after Chromium
    started, `--throttle 0` printed a table as if measured, `--pages -1` measured every page but one and
    `measure_charts_throttled.py --read -5` was taken. A count is at least 1, a number below its floor one line."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    options = [(name, option) for name in SCRIPTS if name not in CHECKED_AFTER for option in _numeric_options(name)]
    options = [(name, option) for name, option in options if FLOORS.get(option, 1) is not None]
    for name, option in each(options):
        monkeypatch.setattr(sys, "argv", [f"{name}.py"])
        lowest = FLOORS.get(option, 1)
        assert lowest is not None
        for value in dict.fromkeys([str(lowest - 1), "-1"]):
            result = run_script(name, f"{option}={value}", "--kr-stop")
            assert result.returncode == 2 and result.stdout == "", (option, value, result.stderr)
            [line] = result.stderr.splitlines()
            assert line.startswith(f"{name}.py: {option}: {value} "), (option, value, line)
        taken = run_script(name, f"{option}={lowest}", "--kr-stop").stderr
        assert f": {option}: " not in taken, (option, taken)
