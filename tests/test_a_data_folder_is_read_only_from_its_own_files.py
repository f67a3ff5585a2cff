"""A data folder's tables are its own regular files: a table's file that is a symbolic link is refused, never followed.

The last hostile round of issue 25 found a quotes.csv linked to a file elsewhere read without a word. A data folder
received as a git repository or a zip may link a table to a file of the analyst's own disk, whose text the book would
then publish and the validator print. The rule is applied where the data folder is read (validation.read_folder, and
load() before it hashes anything), so every command that reads one refuses it in the same line; a link to a FIFO, a
device or a folder is one line too, and never a hang.
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from support.scripts import REPO, run_script
from test_a_refused_command_leaves_the_disk_as_it_was import listing
from test_qdpx import CODES, pack

RULE = "en datamappes tabeller skal være mappens egne almindelige filer, ikke links: læg selve CSV-filen i mappen i stedet for linket"


def _a_csv(elsewhere: Path) -> tuple[Path, str]:
    shutil.copyfile(REPO / "data" / "quotes.csv", elsewhere / "citater.csv")
    return elsewhere / "citater.csv", ""


def _a_fifo(elsewhere: Path) -> tuple[Path, str]:
    os.mkfifo(elsewhere / "roer")
    return elsewhere / "roer", ", som er et navngivet rør (FIFO)"


def _a_device(elsewhere: Path) -> tuple[Path, str]:
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    os.mknod(elsewhere / "enhed", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # a private copy of /dev/zero
    return elsewhere / "enhed", ", som er en enhed"


def _a_folder(elsewhere: Path) -> tuple[Path, str]:
    (elsewhere / "mappe.csv").mkdir()
    return elsewhere / "mappe.csv", ", som er en mappe"


def _nothing(elsewhere: Path) -> tuple[Path, str]:
    return elsewhere / "væk.csv", ", som ikke findes"


# what the link points at -> make it in `elsewhere`: its path and what the line says it is
TARGETS: dict[str, Callable[[Path], tuple[Path, str]]] = {
    "a CSV file elsewhere": _a_csv,
    "a FIFO": _a_fifo,
    "a device": _a_device,
    "a folder named like a CSV": _a_folder,
    "nothing (a dangling link)": _nothing,
}


def _linked_folder(tmp: Path, table: str, target: str) -> tuple[Path, str]:
    """A copy of data/ whose `table` is a link to the target; the line the link gets."""
    folder = Path(shutil.copytree(REPO / "data", tmp / "data"))
    elsewhere = tmp / "andetsteds"
    elsewhere.mkdir()
    pointed, kind = TARGETS[target](elsewhere)
    (folder / table).unlink()
    (folder / table).symlink_to(pointed)
    return folder, f"data/{table} — er et symbolsk link til {pointed}{kind}; {RULE}"


@pytest.mark.parametrize("table", ["quotes.csv", "options.csv"])
@pytest.mark.parametrize("target", sorted(TARGETS))
def test_a_table_that_is_a_symbolic_link_is_refused_in_one_line_naming_the_file_and_the_rule(target: str, table: str, tmp_path: Path):
    """options.csv is optional: a link in its place was never to be read as the table left out. The rule is about the
    tables: the folder the analyst names may itself be a link to where the data live."""
    folder, line = _linked_folder(tmp_path, table, target)
    before = listing(tmp_path)
    result = run_script("validate_data", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.splitlines() == [line, "1 problem(er) fundet; intet er ændret."]
    assert listing(tmp_path) == before
    (folder / table).unlink()
    shutil.copyfile(REPO / "data" / table, folder / table)
    (tmp_path / "genvej").symlink_to(folder)
    assert run_script("validate_data", str(tmp_path / "genvej")).returncode == 0


# script -> argv reading the data folder `data`, writing to `out`
READERS: dict[str, Callable[[Path, Path, Path], list[str]]] = {
    "build_book": lambda tmp, data, out: ["--data", str(data), "--output", str(out)],
    "build_pdf": lambda tmp, data, out: ["--data", str(data), "--site", str(out)],
    "export_workbook": lambda tmp, data, out: ["--data", str(data), "--out", f"{out}.xlsx"],
    "export_qdpx": lambda tmp, data, out: ["--data", str(data), "--out", f"{out}.qdpx"],
    "import_qdpx": lambda tmp, data, out: [
        str(pack(tmp / "projekt.qdpx")),
        "--codes",
        str(CODES),
        "--base",
        str(data),
        "--out",
        str(out),
    ],
    "generate_synthetic": lambda tmp, data, out: ["--data", str(data), "--out", str(out), "--quotes", "10", "--initiatives", "10"],
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_every_command_that_reads_a_data_folder_refuses_a_linked_table_and_writes_nothing(name: str, tmp_path: Path):
    folder, line = _linked_folder(tmp_path, "quotes.csv", "a CSV file elsewhere")
    argv = READERS[name](tmp_path, folder, tmp_path / "ud")
    before = listing(tmp_path)
    result = run_script(name, *argv)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert line in result.stderr.splitlines(), result.stderr
    assert listing(tmp_path) == before


def test_the_data_chapters_catalogue_explains_the_line_a_linked_table_gets(provoked_messages):
    """The chapter "Data og genkørsel" lists every message the validator gives, what it means and what to do."""
    found = [(line, kind) for _, line, kind in provoked_messages]
    linked = [kind for line, kind in found if RULE in line]
    assert len(linked) == 1 and "link" in linked[0].meaning and "kopiér selve filen" in linked[0].remedy, found
