"""A bad value typed on the command line exits 2 in every script, as argparse's own wrong type does (hostile review
s23, F1: `generate_synthetic.py --quotes -1` exited 1 but `--quotes 1e3` 2, and `build_pdf.py` exited 1 for a bad
--book-url), so a caller's script can tell a usage error by its status."""

from __future__ import annotations

from pathlib import Path

import pytest

from support.scripts import run_script

CASES = {
    "generate_synthetic --quotes -1": ("generate_synthetic", ["--quotes", "-1"]),
    "generate_synthetic --quotes 1e3": ("generate_synthetic", ["--quotes", "1e3"]),
    "generate_synthetic --initiatives 0": ("generate_synthetic", ["--initiatives", "0"]),
    "build_pdf --book-url javascript:": ("build_pdf", ["--book-url", "javascript:alert(1)//"]),
    "build_pdf --book-url with a quote": ("build_pdf", ["--book-url", 'http://x/"><script>']),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_argument_value_is_one_line_and_exit_status_2(case: str, tmp_path: Path):
    script, argv = CASES[case]
    where = ["--out", str(tmp_path / "ud")] if script == "generate_synthetic" else ["--site", str(tmp_path / "ingen")]
    result = run_script(script, *where, *argv)
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and list(tmp_path.iterdir()) == []
