"""The command `make explorer` runs, read from `make -n`, so a test starts Voilà exactly as an analyst does."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def make_explorer_command(*make_arguments: str) -> tuple[dict[str, str], list[str]]:
    """(the environment the recipe sets, the voila command line) of `make explorer` with `make_arguments`."""
    # Not the make of `make test`, if that runs us: its MAKEFLAGS would make this one print where it goes.
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "explorer", *make_arguments],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    words = shlex.split(next(line for line in dry.stdout.replace("\\\n", " ").splitlines() if "voila" in line))
    settings = [word for word in words if "=" in word and not word.startswith("-")]
    assert words[: len(settings)] == settings, words  # the variables come first, then the command
    return dict(word.split("=", 1) for word in settings), words[len(settings) :]
