"""A command killed outright takes the long-lived children it started with it (kulturensrige/data/tether.py)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

# A caller that runs a command with cli.run_in_time (as the benchmarks do), where the command forks a second process,
# as Sphinx forks its writers: both write their numbers into the file named by the first argument, then wait.
_CALLER = """
import sys
from kulturensrige import cli

child = (
    "import os, pathlib, sys, time; forked = os.fork(); "
    "pathlib.Path(sys.argv[1]).write_text(f'{os.getpid()} {forked}') if forked else None; time.sleep(60)"
)
cli.run_in_time([sys.executable, "-c", child, sys.argv[1]])
"""


def _ended(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")  # ended, not yet reaped


def _started(pids: Path, caller: subprocess.Popen) -> list[int]:
    for _ in range(600):
        if pids.exists() and pids.read_text() or caller.poll() is not None:
            break
        time.sleep(0.05)
    return [int(pid) for pid in pids.read_text().split()]


def _still_running(pids: list[int]) -> list[int]:
    for _ in range(100):
        if all(_ended(pid) for pid in pids):
            return []
        time.sleep(0.05)
    return [pid for pid in pids if not _ended(pid)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the signal at a parent's death is Linux's")
def test_a_command_killed_outright_takes_what_it_runs_in_time_and_what_that_forked_with_it(tmp_path: Path):
    """Hostile round 19, #1: a child in a session of its own outlived a kill -9 of the command that started it, and of
    that command's process group, and went on working. Both the child and what it forked end at once."""
    pids = tmp_path / "pids"
    caller = subprocess.Popen([sys.executable, "-c", _CALLER, str(pids)], start_new_session=True)
    children = _started(pids, caller)
    os.killpg(caller.pid, signal.SIGKILL)  # the caller and its group: the children are in a session of their own
    caller.wait()
    try:
        assert _still_running(children) == []
    finally:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("import sys; sys.exit(3)", 3),
        ("import os, signal; os.kill(os.getpid(), signal.SIGTERM)", -signal.SIGTERM),
        ("import os, signal; os.kill(os.getpid(), signal.SIGKILL)", -signal.SIGKILL),
    ],
    ids=["exit-status", "signal", "kill"],
)
def test_a_tethered_command_ends_as_the_command_ended(code: str, expected: int):
    """The caller sees the command's own exit status or signal, as without the tether."""
    from kulturensrige.data.tether import tethered

    assert subprocess.run(tethered([sys.executable, "-c", code]), start_new_session=True).returncode == expected


def test_a_tethered_command_that_cannot_start_is_one_line_not_a_traceback():
    from kulturensrige.data.tether import tethered

    result = subprocess.run(tethered(["kr-findes-ikke"]), start_new_session=True, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (127, "kr-findes-ikke: No such file or directory\n")
