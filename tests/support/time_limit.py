"""Every test's time limit: a test (its setup and teardown too) still running after `KR_TEST_TIME_LIMIT` seconds
(default `LIMIT`) ends its process, with every thread's traceback in <run's temporary folder>/time-limit-<process>.txt.

Session 19's `make test` hung at 98 %: three pytest-xdist processes waited with no child and no CPU for 44 minutes,
and the run gave no figure and no traceback. pytest-timeout is not in the lock; Python's faulthandler does the same
job: it writes the tracebacks and ends the process from a thread of its own, whatever the test's thread waits on.
Under pytest-xdist the run goes on: it reports the test as crashed and starts a new process for the tests left.
"""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest

# The longest test, under the load of five other engineers' builds, waits some minutes for two books built one after
# the other, then takes about two and a half (tests/test_recipes.py's first part); 15 minutes is far beyond that.
LIMIT = 900.0
LOG = pytest.StashKey[TextIO]()


def _limit() -> float:
    return float(os.environ.get("KR_TEST_TIME_LIMIT", LIMIT))


def _log(config: pytest.Config) -> TextIO:
    """This process's file for the tracebacks, opened once: faulthandler writes into an open file's descriptor."""
    if LOG not in config.stash:
        # The run's temporary folder, as the tmp_path_factory fixture finds it (pytest keeps it on the config).
        base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]  # pytest's own fixture reads it so
        folder = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        log = (Path(folder) / f"time-limit-{worker}.txt").open("a", encoding="utf-8")
        log.write(f"Tracebacks of a test still running after {_limit():.0f} s (KR_TEST_TIME_LIMIT), process {worker}:\n")
        log.flush()
        config.stash[LOG] = log
    return config.stash[LOG]


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Iterator[None]:
    faulthandler.dump_traceback_later(_limit(), exit=True, file=_log(item.config))
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
