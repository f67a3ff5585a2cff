"""A command's children end with it, however it ends: `kill -9` included.

A process killed outright stops none of its children. Jupyter Book, started by build_book.py in a session of its own
(so that Ctrl+C reaches the build alone), went on writing the site for seconds after a `kill -9` of the build, and of
its process group (hostile round 19, #1). Linux tells a process that its parent has ended when it asks for a signal
then (prctl PR_SET_PDEATHSIG), but the request is cleared in every process the child forks, and Sphinx forks its
readers and writers. So a long-lived command runs under `tethered`: this file, run as a small Python program of its
own, that asks for PARENT_GONE, starts the command in its process group and, when the signal comes, kills the
whole group (the command and every process it forked). The command asks for SIGKILL at the tether's own death, for
a caller that kills the tether outright (Popen.kill). It waits for the command and ends as the command ended, so
the caller sees the command's exit status or signal. Ctrl+C, SIGTERM and SIGHUP are left to the command: the
tether outlives them only to report how the command ended.

This file imports nothing of the package: the package's first import loads pandas, seconds the tether need not wait.
The printers of build_pdf.py, forked by the command itself, ask for the signal with `signal_at_parent_death`.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

# prctl(2)'s option that names the signal a process gets when the thread that started it ends (linux/prctl.h).
PR_SET_PDEATHSIG = 1
# The signal the tether asks for: one no one else sends it (SIGTERM is the command's own: a caller stopping the group
# gives the command time to tidy up).
PARENT_GONE = signal.SIGUSR1
# What a shell says for a command it cannot start.
NOT_STARTED = 127


def signal_at_parent_death(signum: int, parent: int) -> bool:
    """Ask Linux to send `signum` to this process when the thread that started it ends; False if `parent` has already
    gone (no signal will come, and the caller ends at once). Elsewhere than Linux nothing is asked, and True."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0)
    return os.getppid() == parent


def tethered(command: Sequence[str]) -> list[str]:
    """`command` run under the tether: start it in a session of its own (Popen's start_new_session), from a thread
    that waits for it (the signal comes when the starting thread ends, not only the process)."""
    return [sys.executable, "-I", "-S", os.path.abspath(__file__), str(os.getpid()), *command]


def _end_group(*_: object) -> None:
    """The parent is gone: the command and all it forked end now. Only a group the tether leads is killed, never the
    group of whoever started it without a session of its own (then the command alone is)."""
    if os.getpgid(0) == os.getpid():
        os.killpg(0, signal.SIGKILL)
    if _State.command:
        os.kill(_State.command, signal.SIGKILL)
    os._exit(1)


class _State:
    command = 0  # the command's process, once started


def _leave_to_the_command(*_: object) -> None:
    """Ctrl+C, SIGTERM, SIGHUP: the command gets them too (same process group) and decides; the tether waits."""


def hold(parent: int, command: list[str]) -> NoReturn:
    """Run `command` until it ends, and end as it ended; kill its group if `parent` ends first."""
    signal.signal(PARENT_GONE, _end_group)
    for stop in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, _leave_to_the_command)  # caught, not ignored: the command starts with the default again
    if not signal_at_parent_death(PARENT_GONE, parent):
        _end_group()
    tether = os.getpid()
    _State.command = child = os.fork()
    if not child:
        _start(command, tether)
    _, status = os.waitpid(child, 0)
    code = os.waitstatus_to_exitcode(status)
    if code < 0:  # killed by a signal: so is the tether, and the caller sees the same
        if -code != signal.SIGKILL:  # the one signal whose action cannot be set, and need not be
            signal.signal(-code, signal.SIG_DFL)
        os.kill(os.getpid(), -code)
    os._exit(code)


def _start(command: list[str], tether: int) -> NoReturn:
    """In the tether's child: the command, which ends too if the tether is killed outright (by a caller's
    Popen.kill, say, which no handler sees); Linux only, like the signal it asks for."""
    if not signal_at_parent_death(signal.SIGKILL, tether):
        os._exit(1)
    try:
        os.execvp(command[0], command)
    except OSError as error:
        print(f"{command[0]}: {error.strerror}", file=sys.stderr)
    os._exit(NOT_STARTED)


if __name__ == "__main__":
    hold(int(sys.argv[1]), sys.argv[2:])
