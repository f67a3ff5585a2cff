"""Builds of data/ killed outright (SIGKILL) at several moments in one temporary folder, before a build that must tidy
up after them: the run's second build of data/ (`two_builds` in tests/conftest.py), which the reproducibility
comparison needs anyway, so that tests/test_data_cache.py's check costs no clean build of its own."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.builds import run_folder

REPO = Path(__file__).resolve().parent.parent.parent
# When each killed build is stopped, in seconds after its start: while it stages, validates and runs its kernels.
MOMENTS = (1.5, 4.0, 8.0)
# In the temporary folder's parent: what the killed builds left (name and mode), then what the next build left.
LEFT_BY_THE_KILLED = "left-by-the-killed.json"
LEFT_BY_THE_NEXT = "left-by-the-next.json"


def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The run's one folder for the killed builds: their outputs, the temporary folder `tmp` and the records."""
    return run_folder(tmp_path_factory) / "killed-builds"


def scratch(folder: Path) -> list[Path]:
    """The build's private scratch folders (kr-data-cache-…, kr-book-…, kr-pdf-…) in a temporary folder."""
    return sorted(p for p in folder.iterdir() if p.name.startswith("kr-"))


def kill_builds(tmp: Path, outputs: Path) -> None:
    """Start a build of data/ with TMPDIR=tmp and kill it with its process group at each of MOMENTS; write what each
    kill left in tmp (names and modes) to tmp's parent."""
    tmp.mkdir(parents=True)
    env = {**os.environ, "TMPDIR": str(tmp)}
    env.pop("KR_DATA_CACHE", None), env.pop("KR_DATA_CACHE_KEY", None)
    command = [sys.executable, str(REPO / "scripts" / "build_book.py"), "--data", str(REPO / "data")]
    left = []
    for n, moment in enumerate(MOMENTS):
        build = subprocess.Popen(
            [*command, "--output", str(outputs / f"bog{n}")],
            env=env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with contextlib.suppress(subprocess.TimeoutExpired):
            build.wait(timeout=moment)
        os.killpg(build.pid, 9)  # the build and what it started in its group: no cleanup runs
        build.wait()
        left.append({p.name: p.stat().st_mode for p in scratch(tmp)})
    (tmp.parent / LEFT_BY_THE_KILLED).write_text(json.dumps(left), encoding="utf-8")


def record_the_next(tmp: Path) -> None:
    """After the next build (before anything else runs in tmp): what it left there."""
    (tmp.parent / LEFT_BY_THE_NEXT).write_text(json.dumps(sorted(p.name for p in tmp.iterdir())), encoding="utf-8")
