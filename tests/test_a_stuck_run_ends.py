"""A `make test` that cannot go on ends and says where it stood, instead of hanging (session 19's run stood at 98 % for
44 minutes): a process waiting for a book or folder whose maker died fails at once, and a test past its time limit
ends its process with every thread's traceback while pytest-xdist runs the rest (tests/support/)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# A process of the run that claims a folder and dies in the middle of making it, as a killed process does.
MAKE = "import os, sys, pathlib\nfrom support.builds import made_once\nmade_once(pathlib.Path(sys.argv[1]), 'x', {})"
DIES_MAKING = MAKE.format("lambda _: os._exit(9)")
WAITS = MAKE.format("print")


def _env(**extra: str) -> dict[str, str]:
    """This environment without pytest's and pytest-xdist's variables (a child is not a process of this run)."""
    own = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    return {**own, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")]), **extra}


def test_a_process_waiting_for_a_folder_whose_maker_died_fails_at_once_saying_so(tmp_path: Path):
    folder = tmp_path / "bog"
    died = subprocess.run([sys.executable, "-c", DIES_MAKING, str(folder)], env=_env(), capture_output=True, text=True, timeout=60)
    assert died.returncode == 9 and folder.is_dir() and not (folder / "done").exists()
    # Before, it waited 20 minutes (WAIT_SECONDS); two minutes leave room for a loaded machine.
    waiter = subprocess.run([sys.executable, "-c", WAITS, str(folder)], env=_env(), capture_output=True, text=True, timeout=120)
    said = waiter.stdout + waiter.stderr
    assert waiter.returncode != 0 and "bog blev aldrig færdig: processen, der lavede den, sluttede undervejs" in said, said


def test_a_test_past_its_time_limit_is_reported_crashed_with_its_traceback_and_the_others_still_run(tmp_path: Path):
    (tmp_path / "test_stuck.py").write_text(
        textwrap.dedent(
            """
            import time

            def test_waits_for_ever():
                time.sleep(600)

            def test_after_it():
                assert True
            """
        ),
        encoding="utf-8",
    )
    command = [sys.executable, "-m", "pytest", "-n", "1", "-p", "support.time_limit", "-p", "no:cacheprovider", "-q"]
    base = tmp_path / "run"
    result = subprocess.run(
        [*command, "--basetemp", str(base), "--rootdir", str(tmp_path), str(tmp_path / "test_stuck.py")],
        cwd=tmp_path,
        env=_env(KR_TEST_TIME_LIMIT="3"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "crashed while running 'test_stuck.py::test_waits_for_ever'" in result.stdout, result.stdout
    assert "1 passed" in result.stdout, result.stdout
    said = "".join(path.read_text(encoding="utf-8") for path in base.glob("time-limit-gw*.txt"))
    assert "still running after 3 s" in said and 'test_stuck.py", line 5 in test_waits_for_ever' in said, said
