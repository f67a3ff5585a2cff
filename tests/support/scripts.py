"""The scripts of scripts/, run in the test's own process: no new interpreter has to import pandas."""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent.parent


@functools.cache
def script(name: str) -> ModuleType:
    """scripts/<name>.py imported as a module (once per session)."""
    spec = importlib.util.spec_from_file_location(f"kr_script_{name}", REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run_script(name: str, *argv: str) -> subprocess.CompletedProcess:
    """A script's main(argv) in this process, with its exit code and output as subprocess.run would give them;
    no new interpreter has to import pandas. argv is what the script's main takes."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = script(name).main(list(argv))
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 1
    return subprocess.CompletedProcess([name, *argv], code, out.getvalue(), err.getvalue())
