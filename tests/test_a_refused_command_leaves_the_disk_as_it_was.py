"""A command that refuses its input writes nothing, anywhere: not even an empty folder where its output would have gone.

The last hostile round of issue 25 found `build_book.py --output OUT` on bad data leaving an empty `OUT/_build`
(and OUT itself, when it did not exist): it made the folder before it validated the data. Every script that refuses
is run here on refused input, with its output named where it does not exist yet, under a folder that does not exist
yet, and as an empty folder; afterwards the parent of the output (its own modification time included) and the data
are as they were.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from kulturensrige.data.folder_writing import write_files, write_folder
from kulturensrige.data.problems import DataError, Problem
from support.scripts import REPO, run_script
from test_qdpx import CODES, INTERVIEW, _replace, pack

SUNG = "aftenen, og folk kom for at synge"  # a passage of the fixture's interview


def listing(folder: Path) -> dict[str, tuple[int, int, int]]:
    """The folder itself and every entry under it, not followed: kind and permissions, size and modification time."""
    info = os.lstat(folder)
    seen = {".": (info.st_mode, info.st_size, info.st_mtime_ns)}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            info = os.lstat(path)
            seen[os.path.relpath(path, folder)] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return seen


def _bad_data(tmp: Path) -> Path:
    """A copy of data/ whose first municipality has a code that is no code."""
    folder = Path(shutil.copytree(REPO / "data", tmp / "data"))
    path = folder / "municipalities.csv"
    header, first, *rest = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(header + "abc" + first[first.index(",") :] + "".join(rest), encoding="utf-8")
    return folder


def _bad_archive(tmp: Path, name: str) -> Path:
    (tmp / name).write_bytes(b"PK\x03\x04 ingen rigtig zip")
    return tmp / name


# script -> argv refused for its input, with `out` where the output would go (tmp holds the inputs)
REFUSED: dict[str, Callable[[Path, str], list[str]]] = {
    "validate_data": lambda tmp, out: [str(_bad_data(tmp))],
    "build_book": lambda tmp, out: ["--data", str(_bad_data(tmp)), "--output", out],
    "build_pdf": lambda tmp, out: ["--data", str(_bad_data(tmp)), "--site", out],
    "export_workbook": lambda tmp, out: ["--data", str(tmp / "ingen-data"), "--out", out + ".xlsx"],
    "export_qdpx": lambda tmp, out: ["--data", str(_bad_data(tmp)), "--out", out + ".qdpx"],
    "import_workbook": lambda tmp, out: [str(_bad_archive(tmp, "arbejdsbog.xlsx")), "--out", out],
    "import_qdpx": lambda tmp, out: [str(_bad_archive(tmp, "projekt.qdpx")), "--codes", str(CODES), "--out", out],
    "import_qdpx --base": lambda tmp, out: [
        str(pack(tmp / "projekt.qdpx")),
        "--codes",
        str(CODES),
        "--base",
        str(_bad_data(tmp)),
        "--out",
        out,
    ],
    # Refused for what its quotes hold (a control character in a coded passage), found as the folder is checked.
    "import_qdpx, a passage refused": lambda tmp, out: [
        str(pack(tmp / "projekt.qdpx", _replace(INTERVIEW, SUNG.encode(), SUNG.replace(",", "\x0b").encode()))),
        "--codes",
        str(CODES),
        "--out",
        out,
    ],
    "generate_synthetic": lambda tmp, out: ["--data", str(_bad_data(tmp)), "--out", out, "--quotes", "10", "--initiatives", "10"],
}

# how the output is named -> make it under `parent` and give its name
OUTPUTS: dict[str, Callable[[Path], str]] = {
    "a new name": lambda parent: str(parent / "ud"),
    "a name under a new folder": lambda parent: str(parent / "ny" / "ud"),
    "an empty folder": lambda parent: (parent / "ud").mkdir() or str(parent / "ud"),
}


@pytest.mark.parametrize("output", sorted(OUTPUTS))
@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_command_leaves_its_outputs_folder_and_its_input_as_they_were(
    name: str, output: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    inputs, parent = tmp_path / "ind", tmp_path / "hjem"
    inputs.mkdir()
    parent.mkdir()
    monkeypatch.chdir(parent)
    out = OUTPUTS[output](parent)
    argv = REFUSED[name](inputs, out)
    os.utime(parent, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))  # a change to it cannot pass for none
    before = listing(tmp_path)
    result = run_script(name.split()[0].rstrip(","), *argv)
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert listing(tmp_path) == before, result.stderr


def test_a_folder_write_its_check_refuses_takes_away_the_folders_it_made_for_it(tmp_path: Path):
    """write_folder makes the folders above its output; a refusal after that (the check of the written folder) left them.
    The command that calls it validates first (above); this is the writer's own last line of defence."""
    refused = [Problem("ud/quotes.csv", None, None, None, "afvist")]
    with pytest.raises(DataError):
        write_folder({"quotes.csv": "quote_id\n"}, tmp_path / "ny" / "under" / "ud", check=lambda folder: refused)
    assert list(tmp_path.iterdir()) == []


def test_a_file_write_that_fails_takes_away_the_folders_it_made_for_it(tmp_path: Path):
    def fails(path: Path) -> None:
        raise DataError([Problem("ud.xlsx", None, None, None, "afvist")])

    with pytest.raises(DataError):
        write_files([(tmp_path / "ny" / "under" / "ud.xlsx", fails)])
    assert list(tmp_path.iterdir()) == []
