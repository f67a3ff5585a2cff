"""Which checkout's package a test run's scripts import: its own, or the run stops before it starts (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# What `python scripts/<name>.py` finds as the package, without importing it (no pandas): the path a new process takes.
# -P leaves the current folder off the path, as a script's own folder (scripts/, no package in it) takes its place.
FIND = "import importlib.util; spec = importlib.util.find_spec('kulturensrige'); print(spec.origin if spec else '')"


def scripts_package(repo: Path) -> Path | None:
    """The __init__.py of the kulturensrige a script of repo/scripts/ imports when a test (or a build) runs it in a
    process of its own from `repo`: PYTHONPATH's, else the one installed in the venv (None: none at all)."""
    found = subprocess.run([sys.executable, "-P", "-c", FIND], cwd=repo, capture_output=True, text=True, check=True)
    return Path(found.stdout.strip()) if found.stdout.strip() else None


def foreign_package(package_file: str | Path, repo: Path) -> str | None:
    """The line that stops a run whose scripts would import another checkout's kulturensrige (its __init__.py at
    `package_file`), or None when it is `repo`'s own.

    With PYTHONPATH naming another checkout (or a venv installed from one), `python -m pytest` tests this checkout's
    package in its own process (the current folder comes first), but every script and build it starts in a new
    process runs the other's. A script then is not the package's own and keeps Python's Ctrl+C (quiet_start), which
    failed a test with a traceback in session 25's fourth CI run (scripts of /work/ci25d, package of /work/int25)."""
    found = Path(package_file).resolve().parent.parent
    if found == repo.resolve():
        return None
    return (
        f"et script af {repo / 'scripts'} importerer kulturensrige fra {found}, ikke fra samme checkout: testene ville "
        f"køre den andens kode i scripts og bygninger; sæt PYTHONPATH={repo}, eller fjern PYTHONPATH"
    )
