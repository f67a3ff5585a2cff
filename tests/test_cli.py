"""kulturensrige.cli: how every script ends, one line per data problem, an exit status and never a traceback."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from kulturensrige import cli, load
from kulturensrige.data.problems import DataError, Problem
from kulturensrige.data.settings import build_date, settings_problems
from support.checks import each
from support.scripts import REPO, run_script, script

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


# variable -> values a build cannot use (the hostile round's, and a digit of another script)
UNUSABLE_SETTINGS = {
    "SOURCE_DATE_EPOCH": ["abc", "-99999999999", "99999999999999999", "1_700_000_000", "١٧٠٠"],
    "KR_LIST_LIMIT": ["abc", "-5", "1e3"],
    "KR_SIDE_FROM": ["abc", "-1", "1e5"],  # a notebook failed with "(NoneType: None)": int() in render.figures
}
BUILDERS = {
    "build_book": lambda tmp: ["--data", str(REPO / "data"), "--output", str(tmp / "bog")],
    "build_pdf": lambda tmp: ["--data", str(REPO / "data"), "--site", str(tmp / "site")],
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
@pytest.mark.parametrize(("variable", "value"), [(v, x) for v, values in UNUSABLE_SETTINGS.items() for x in values])
def test_an_unusable_build_setting_is_one_danish_line_naming_the_variable(
    name: str, variable: str, value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A ValueError or OverflowError from deep in Sphinx or a notebook before; now refused before any work."""
    monkeypatch.setenv(variable, value)
    result = run_script(name, *BUILDERS[name](tmp_path))
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert result.stderr.splitlines() == [f"{variable}: {value!r} — {settings_problems()[0].allowed}"]
    assert "skal være et helt" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("epoch", "date"), [("0", dt.date(1970, 1, 1)), ("1700000000", dt.date(2023, 11, 14)), ("253402300799", dt.date(9999, 12, 31))]
)
def test_a_usable_source_date_epoch_gives_its_date(epoch: str, date: dt.date, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    assert settings_problems() == [] and build_date() == date


def test_a_page_that_cannot_run_is_one_line_naming_the_page_and_the_log(tmp_path: Path):
    """nbclient's CellExecutionError printed the whole ANSI-coloured notebook traceback; the log keeps it, uncoloured."""
    book = tmp_path / "bog"
    (book / "kapitel").mkdir(parents=True)
    page = book / "kapitel" / "side.ipynb"
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")])
    nbformat.write(notebook, page)
    build_book = script("build_book")
    with pytest.raises(build_book.PageFailed) as failed:
        build_book.execute_in_kernels([page], book, tmp_path / "cache", dict(os.environ))
    log = tmp_path / "kr-side-fejl.log"
    line = failed.value.line(log)
    assert line == (
        f"Bogen er ikke bygget: siden kapitel/side kunne ikke køres (ZeroDivisionError: division by zero). Hele fejlen står i {log}."
    )
    written = log.read_text(encoding="utf-8")
    assert "1 / 0" in written and "ZeroDivisionError" in written and "\x1b[" not in written


def test_a_profile_page_that_cannot_be_made_is_one_line_naming_the_page_and_the_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    """ADR 29: the profiles are made in build_book's own process, not in a kernel; a call that raises there is told as
    a kernel's failed page is, not as a traceback, and nothing is built."""
    from kulturensrige.render import cards

    def broken(data, kommunekode):
        raise ValueError("ingen citater")

    # A call every profile makes (the report's data tie no quote, so a profile lists none: cards.no_quote_tied).
    monkeypatch.setattr(cards, "initiative_list", broken)
    output = tmp_path / "ud"
    assert script("build_book").build(REPO / "data", output) == 1
    log = output / "_build" / "kr-side-fejl.log"
    first = load(REPO / "data").municipalities["slug"].iloc[0]
    line = f"Bogen er ikke bygget: siden kommuner/profil-{first} kunne ikke køres (ValueError: ingen citater). Hele fejlen står i {log}."
    assert capsys.readouterr().err.strip() == line
    assert "Traceback" in log.read_text(encoding="utf-8") and not (output / "_build" / "html").exists()


SCRIPTS = sorted(path.stem for path in (REPO / "scripts").glob("*.py"))


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_script_answers_help_with_its_usage_and_does_nothing_else(name: str, monkeypatch: pytest.MonkeyPatch):
    """validate_data.py --help read '--help' as the data folder ("…/--help — datamappen findes ikke"), and
    write_templates.py --help wrote the templates."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))  # as `python scripts/x.py` has it: a script may import another
    before = _tracked_changes()
    result = run_script(name, "--help")
    assert result.returncode == 0 and result.stdout.startswith("usage:"), result.stdout + result.stderr
    assert result.stderr == "" and _tracked_changes() == before


@pytest.mark.parametrize("name", SCRIPTS)
def test_every_script_says_an_unknown_argument_in_one_danish_line_with_exit_status_2(name: str, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 14, #7: argparse's English usage block and error, on two lines, from every script."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    monkeypatch.setattr(sys, "argv", [f"{name}.py"])
    result = run_script(name, "--ukendt")
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{name}.py: ") and line.endswith(f"; se {name}.py --help")
    assert "ukendt argument: --ukendt" in line or "mangler: " in line  # a required argument is missed first


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--quotes", "1e3", "--out", "x"], "--quotes: '1e3' er ikke et helt tal skrevet med cifrene 0–9 (fx 10)"),
        (["--quotes"], "--quotes mangler sin værdi"),
        ([], "mangler: --out"),
    ],
    ids=["not-an-integer", "no-value", "required"],
)
def test_argparse_errors_are_said_in_danish(argv: list[str], said: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "argv", ["generate_synthetic.py"])
    result = run_script("generate_synthetic", *argv)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"generate_synthetic.py: {said}; se generate_synthetic.py --help"]


def test_build_book_help_names_its_real_default_output():
    """Hostile round 14, #6: --help said '(standard: book/_build)'; the default is book, the site OUTPUT/_build/html."""
    result = run_script("build_book", "--help")
    assert "siden kommer i MAPPE/_build/html (standard: book)" in " ".join(result.stdout.split())


def _tracked_changes() -> str:
    import subprocess

    return subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, check=True).stdout


def test_a_relative_data_folder_on_the_command_line_is_from_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """From another folder, validate_data.py data read the repository's data/ while write_dictionary.py data wrote
    ./data/: each relative path on a command line is from where the command runs, as --out already was."""
    import shutil

    shutil.copytree(REPO / "data", tmp_path / "mine-data")
    monkeypatch.chdir(tmp_path)
    result = run_script("validate_data", "mine-data")
    assert result.returncode == 0 and result.stdout.startswith(f"Data i {tmp_path / 'mine-data'} er gyldige"), result.stderr
    result = run_script("validate_data", "data")
    assert result.returncode == 1 and result.stderr.splitlines()[0] == f"{tmp_path / 'data'} — datamappen findes ikke"


def test_write_dictionary_never_makes_a_data_folder_that_is_not_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run_script("write_dictionary", "data")
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["data — datamappen findes ikke; angiv en datamappe med tabellernes CSV-filer"]
    assert list(tmp_path.iterdir()) == []


def test_a_device_or_fifo_given_as_the_data_folder_is_said_to_be_no_folder(tmp_path: Path):
    """/dev/null as the data folder was said not to exist: it does, and is no folder."""
    fifo = tmp_path / "kø"
    os.mkfifo(fifo)
    for given in each(["/dev/null", str(fifo)]):
        result = run_script("validate_data", given)
        assert result.returncode == 1 and result.stderr.splitlines()[0] == (
            f"{given} — er ikke en mappe; angiv mappen, der indeholder CSV-filerne"
        ), result.stderr


def test_a_subcommand_that_fails_is_one_line_naming_it_and_how_it_ended():
    """Hostile round 15: a script that runs another command ended in CalledProcessError's traceback when it failed.
    cli.run_command says which command, its exit status (or signal, or time limit) and its own first error line."""
    python = sys.executable
    cases = {
        "stoppede med exitstatus 3 (ingen data); intet er målt": ([python, "-c", "import sys; sys.exit('ingen data\\nmere')"], {}),
        "blev stoppet af signalet SIGKILL; intet er målt": ([python, "-c", "import os; os.kill(os.getpid(), 9)"], {}),
        "blev ikke færdig på 0.5 s og er stoppet; intet er målt": ([python, "-c", "import time; time.sleep(30)"], {"timeout": 0.5}),
    }
    for said, (command, options) in each(cases.items()):
        with pytest.raises(cli.OneLineFailure) as failed:
            cli.run_command(command, "; intet er målt", capture_output=True, text=True, **options)
        assert str(failed.value) == f"{Path(python).name} {said}".replace("exitstatus 3", "exitstatus 1"), failed.value


def test_benchmark_pdf_whose_build_pdf_fails_ends_in_one_danish_line_not_a_traceback(tmp_path: Path):
    """Hostile round 15: benchmark_pdf.py on a site build_pdf refused ended in subprocess.CalledProcessError."""
    command = [sys.executable, str(REPO / "scripts" / "benchmark_pdf.py"), str(tmp_path / "ingen-bog"), "data", "--runs", "1"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)  # the script's process, as cli.run ends it
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    *theirs, ours = result.stderr.splitlines()
    assert theirs and ours.startswith("build_pdf.py stoppede med exitstatus ") and ours.endswith("; intet er målt"), result.stderr


def test_the_benchmarks_build_that_fails_is_one_danish_line_naming_its_log(tmp_path: Path):
    """benchmark.py stopped with an English 'build failed (1)', and a build past its --timeout ended in TimeoutExpired."""
    benchmark = script("benchmark")
    log = tmp_path / "bygning.log"
    with pytest.raises(cli.OneLineFailure) as failed:
        benchmark.build(tmp_path / "findes-ikke", tmp_path / "ud", log, 600)
    assert str(failed.value).startswith("build_book.py stoppede med exitstatus ") and str(failed.value).endswith(f"; se {log}")


MEDIANS = {  # every script that takes the median of --runs measurements, with the arguments it needs besides
    "benchmark_data_cache": (),
    "benchmark_qdpx": (),
    "benchmark_pdf": ("site", "data"),
    "benchmark_input_limits": (),
    "compare_pdf_engines": (),
    "measure_charts_throttled": ("site",),
}


@pytest.mark.parametrize("runs", ["0", "-1"])
@pytest.mark.parametrize("name", sorted(MEDIANS))
def test_a_benchmark_refuses_no_runs_in_one_line_not_a_median_of_nothing(name: str, runs: str, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 19, #4: `benchmark_data_cache.py --runs 0` ended in StatisticsError's traceback; round 20, #5:
    so did benchmark_qdpx.py and benchmark_pdf.py, and benchmark_input_limits.py printed an empty table."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    monkeypatch.setattr(sys, "argv", [f"{name}.py"])
    result = run_script(name, *MEDIANS[name], "--runs", runs)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert f"--runs: {runs} — skal være mindst 1" in line, line


@pytest.mark.parametrize(
    "name, argument, value, said",
    [
        ("benchmark", "--quotes", "-1", "-1 citater kan ikke laves; tilladt er 1–"),
        ("benchmark", "--initiatives", "0", "0 indsatser kan ikke laves; tilladt er 1–"),
        ("benchmark", "--clean-runs", "0", "0 — skal være mindst 1"),
        ("benchmark", "--national-clean-runs", "0", "0 — skal være mindst 1"),
        ("benchmark", "--lighthouse-runs", "0", "0 — skal være mindst 1"),
        ("benchmark", "--timeout", "-5", "-5 — skal være mindst 1 sekund"),
        ("benchmark_qdpx", "--passages", "-3", "-3 citater kan ikke laves; tilladt er 1–"),
    ],
)
def test_a_benchmark_refuses_an_impossible_number_in_one_line_before_any_work(
    name: str, argument: str, value: str, said: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Hostile review 21, #1 and #2: `benchmark.py --quotes -1` and `--clean-runs 0` ended in tracebacks after minutes of
    builds, `--timeout -5` started one, and `benchmark_qdpx.py --passages -3` blamed the import."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    monkeypatch.setattr(sys, "argv", [f"{name}.py"])
    work = ("--work", str(tmp_path / "w")) if name == "benchmark" else ()
    result = run_script(name, *work, argument, value)
    assert result.returncode == 2 and result.stdout == ""
    [line] = result.stderr.splitlines()
    assert argument in line and said in line, line
    assert not (tmp_path / "w").exists()


def test_the_benchmark_writes_only_into_a_work_folder_of_its_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 19, #3: `benchmark.py --work /` wrote /national-data, /site-report and /report-clean.log, and a
    folder of someone else's files was taken as the work folder. One line, exit 2, nothing written."""
    monkeypatch.syspath_prepend(str(REPO / "scripts"))
    foreign = tmp_path / "andres"
    foreign.mkdir()
    (foreign / "noter.txt").write_text("mine", encoding="utf-8")
    # A folder above the one the command runs in stands for "/", which a failing run of this test would fill.
    (tmp_path / "over" / "her").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "over" / "her")
    for work in (str(tmp_path / "over"), str(foreign)):
        monkeypatch.setattr(sys, "argv", ["benchmark.py"])
        result = run_script("benchmark", "--work", work, "--quotes", "10")
        assert result.returncode == 2 and result.stdout == "", (work, result.stdout)
        [line] = result.stderr.splitlines()
        assert line.startswith(f"benchmark.py: {work}") or work in line, line
    assert sorted(p.name for p in foreign.iterdir()) == ["noter.txt"]
    assert sorted(p.name for p in (tmp_path / "over").iterdir()) == ["her"]


def test_a_command_that_outlasts_its_time_is_stopped_with_what_it_started_and_still_reads_its_input(tmp_path: Path):
    """measure_lighthouse.py's timeout killed node alone and left the Chromium it started running. run_in_time stops
    the command's whole group, grandchildren included, and hands the command its input as subprocess.run did."""
    marker = tmp_path / "pid"
    script = f"read line; echo $line; sleep 60 & echo $! > {marker}; wait"
    with pytest.raises(subprocess.TimeoutExpired) as stopped:
        cli.run_in_time(["sh", "-c", script], timeout=2, input="hej\n", capture_output=True, text=True)
    assert stopped.value.timeout == 2
    grandchild = int(marker.read_text())
    time.sleep(0.2)
    assert not Path(f"/proc/{grandchild}").exists() or "Z" in Path(f"/proc/{grandchild}/stat").read_text().split()[2]
    said = cli.run_in_time(["sh", "-c", "read line; echo $line"], timeout=5, input="hej\n", capture_output=True, text=True)
    assert said.stdout == "hej\n"
