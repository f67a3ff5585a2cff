"""The test run's books, each built once, in the background, two at a time (`BookBuilds`).

Each book is a subprocess of scripts/build_book.py. Under pytest-xdist every process lists the same builds and the
first to claim one (a folder made with mkdir) builds it; the others wait for its `done` file (`made_once` does the
same for a costly fixture folder). tests/conftest.py says which books a run needs and hands them to the tests.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent.parent
# Lists of more than this many cards take the long path (JSON rows a page at a time) in `eighth_site`.
LONG_LIST_LIMIT = "3"
# Books built side by side; each build is one process that keeps one core busy.
BUILD_JOBS = int(os.environ.get("KR_TEST_BUILD_JOBS", "2"))


class BuildFailed(Exception):
    pass


def _build(data_dir: Path, output: Path, running: set[subprocess.Popen] | None = None, log: str = "build.log", **env: str) -> Path:
    """Build the book from a data folder into output/ and keep its log in output/<log>; the build's process
    is in `running` while it runs."""
    command = [sys.executable, str(REPO / "scripts" / "build_book.py"), "--data", str(data_dir), "--output", str(output)]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **env}
    # A session of its own: closing the session's builds stops jupyter-book's processes too (os.killpg).
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment, start_new_session=True
    ) as process:
        if running is not None:
            running.add(process)
        stdout, stderr = process.communicate()
    if process.returncode != 0:
        raise BuildFailed(f"bogen kunne ikke bygges fra {data_dir}:\n{stdout[-4000:]}\n{stderr[-4000:]}")
    (output / log).write_text(stdout + stderr, encoding="utf-8")
    return output / "_build" / "html"


def build_book(data_dir: Path, output: Path, **env: str) -> Path:
    """Build the book from a data folder into output/ now; fail the test with the build's own log."""
    try:
        return _build(data_dir, output, **env)
    except BuildFailed as exc:
        pytest.fail(str(exc), pytrace=False)


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of the whole run: under pytest-xdist each process has its own inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


# How long a process waits for a book or a folder that another process of the run is making.
WAIT_SECONDS = 1200


def _wait_for(folder: Path) -> str:
    """The text of folder/done once another process of the run has made it; BuildFailed with folder/failed's, or at
    once when the process that claimed it has ended without either (killed, or stopped by its time limit)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        if (folder / "done").exists():
            return (folder / "done").read_text(encoding="utf-8")
        if (folder / "failed").exists():
            raise BuildFailed((folder / "failed").read_text(encoding="utf-8"))
        if not _maker_lives(folder) and not (folder / "done").exists() and not (folder / "failed").exists():
            raise BuildFailed(f"{folder.name} blev aldrig færdig: processen, der lavede den, sluttede undervejs")
        if time.monotonic() > deadline:
            raise BuildFailed(f"{folder.name} blev ikke færdig på {WAIT_SECONDS} s")
        time.sleep(0.2)


# The file in a claimed folder that names the process making its content (`_claim`).
MAKER = "maker"


def _maker_lives(folder: Path) -> bool:
    """False once the process that claimed `folder` has ended (a zombie has ended too); True while it runs or has not
    yet written its number. Session 19's run hung at 98 %: its processes waited, each for 20 minutes, on folders
    whose maker was gone."""
    try:
        pid = int((folder / MAKER).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (not Linux): trust the maker to write `done` or `failed`
        return True
    return state not in ("Z", "X")


def _write_at_once(path: Path, text: str) -> None:
    """Whoever waits for `path` sees it whole or not at all."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _claim(folder: Path) -> bool:
    """True for the one thread of the one process of the run that gets to make `folder`'s content."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return False
    _write_at_once(folder / MAKER, str(os.getpid()))
    return True


def made_once(folder: Path, name: str, make: Callable[[Path], object]) -> Path:
    """folder/name, made by make(folder/name) in the first process of the run to claim folder; the others wait."""
    made = folder / name
    if _claim(folder):
        try:
            make(made)
        except BaseException as exc:
            _write_at_once(folder / "failed", f"{folder.name}: {exc}")
            raise
        _write_at_once(folder / "done", "")
    else:
        try:
            _wait_for(folder)
        except BuildFailed as exc:
            pytest.fail(str(exc), pytrace=False)
    return made


def worked_out_once(tmp_path_factory: pytest.TempPathFactory, name: str, work_out: Callable[[], object]) -> object:
    """work_out()'s value (JSON: tuples come back as lists), worked out by the first process of the run that asks for
    `name` and read back by the others. A module's fixture is set up in every process that runs one of its tests, and
    `make test` deals a module's tests out to all three: a costly one (a browser's tour of many views) was worked out
    three times a run."""

    def write(path: Path) -> None:
        path.write_text(json.dumps(work_out()), encoding="utf-8")

    return json.loads(made_once(run_folder(tmp_path_factory) / name, "value.json", write).read_text(encoding="utf-8"))


# The log of the second, no-change build into the same folder (`Build.again`).
REBUILD_LOG = "rebuild.log"


@dataclass
class Build:
    name: str
    data_dir: Path
    based_on: str | None = None
    after: str | None = None
    again: bool = False  # built a second time with nothing changed, before any test may read it
    env: dict[str, str] = field(default_factory=dict)
    before: Callable[[], object] | None = None  # run in the build's thread first, before it waits for `after`
    then: Callable[[], object] | None = None  # run as soon as the (first) build has ended
    over: Callable[[Path], object] | None = None  # run on the copy of `based_on`'s output, before the build into it


class BookBuilds:
    """The run's books, built in the background `BUILD_JOBS` at a time, each asked for by name.

    A build is a subprocess of its own, so builds of different data folders run side by side, and beside the
    tests. Every process of the run lists the same builds; each of its `jobs` threads claims the next build that
    no process has claimed (a folder made with mkdir) and makes it, so each book is built once. A build `based_on`
    another starts from a copy of that one's whole output; one `after` another only waits for it to end."""

    def __init__(self, root: Path, jobs: int) -> None:
        self.root = root
        self.jobs = jobs
        self.queue: list[Build] = []
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs), thread_name_prefix="kr-build")
        self.running: set[subprocess.Popen] = set()
        self.closed = False

    def start(
        self,
        name: str,
        data_dir: Path,
        based_on: str | None = None,
        after: str | None = None,
        again: bool = False,
        before: Callable[[], object] | None = None,
        then: Callable[[], object] | None = None,
        over: Callable[[Path], object] | None = None,
        **env: str,
    ) -> None:
        """Queue a build (`begin` starts the queue), after the builds it is `based_on` or `after`: with one thread,
        a build queued before them would wait for a build no thread has started."""
        self.queue.append(Build(name, data_dir, based_on, after, again, env, before, then, over))

    def begin(self) -> None:
        for _ in range(self.jobs):
            self.pool.submit(self._claim_and_build)

    def _claim_and_build(self) -> None:
        for build in self.queue:
            if self.closed:
                return
            if not _claim(self.root / build.name):
                continue  # another thread or process of the run builds it
            try:
                site = self._build(build)
            except BuildFailed as exc:
                _write_at_once(self.root / build.name / "failed", str(exc))
            except BaseException as exc:
                _write_at_once(self.root / build.name / "failed", f"{build.name}: {exc!r}")
                raise
            else:
                _write_at_once(self.root / build.name / "done", str(site))

    def _build(self, build: Build) -> Path:
        output = self.root / build.name / "output"
        if build.before is not None:
            build.before()
        if build.after is not None:
            self._result(build.after)
        if build.based_on is not None:
            shutil.copytree(self._result(build.based_on).parent.parent, output, symlinks=True)
            if build.over is not None:
                build.over(output)
        if self.closed:
            raise BuildFailed(f"bygget fra {build.data_dir} blev ikke startet: testkørslen sluttede")
        site = _build(build.data_dir, output, self.running, **build.env)
        if build.then is not None:
            build.then()
        if build.again:
            _build(build.data_dir, output, self.running, REBUILD_LOG, **build.env)
        return site

    def _result(self, name: str) -> Path:
        return Path(_wait_for(self.root / name))

    def site(self, name: str) -> Path:
        """The built site's html/ folder, once its build is done; the test fails with the build's log otherwise."""
        try:
            return self._result(name)
        except BuildFailed as exc:
            pytest.fail(str(exc), pytrace=False)

    def close(self, stop: bool) -> None:
        """At the session's end. After -x or Ctrl-C (`stop`), no build is started or left running; otherwise
        the builds this process claimed are finished, as another process of the run may be waiting for them."""
        self.closed = stop
        if stop:
            for process in list(self.running):
                if process.poll() is None:
                    os.killpg(process.pid, signal.SIGTERM)
        self.pool.shutdown(wait=True)


def build_threads() -> int:
    """This process's share of the run's `BUILD_JOBS` builds side by side (pytest-xdist names it gw0, gw1, …)."""
    processes = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    index = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    return len(range(index, BUILD_JOBS, processes))
