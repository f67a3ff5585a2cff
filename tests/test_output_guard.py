"""Every command that writes refuses a bad output path up front: one Danish line, exit status 2, nothing changed.

The bad targets are the ones a hostile probe found: devices, FIFOs, sockets, /proc and /sys, "" and ".", the
working folder's parents, the folder being read, a path under a file, a name too long for the file system, a
folder that is not a data folder. A device node is made here with mknod (when the test runs as root); the
system's own /dev/null is never named.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kulturensrige import cli
from kulturensrige.data import folder_writing, workbook
from kulturensrige.data.folder_writing import OUTPUT_REFUSED, write_file, write_folder
from kulturensrige.data.interruption import EXIT_CODE, interrupted_line
from kulturensrige.data.workbook import build_workbook, save_workbook
from kulturensrige.words import visible
from support.scripts import REPO, run_script
from test_qdpx import CODES, pack


def _fifo(tmp: Path) -> str:
    os.mkfifo(tmp / "roer")
    return str(tmp / "roer")


def _socket(tmp: Path) -> str:
    server = socket.socket(socket.AF_UNIX)
    server.bind("sokkel")  # relative: the working folder is tmp/work, and a socket's path is short
    server.close()
    return "sokkel"


def _device(tmp: Path) -> str:
    if os.geteuid() != 0:
        pytest.skip("mknod needs root")
    os.mknod(tmp / "enhed", stat.S_IFCHR | 0o600, os.makedev(1, 3))  # a private copy of the null device
    return str(tmp / "enhed")


def _under_a_file(tmp: Path) -> str:
    (tmp / "fil.txt").write_text("x", encoding="utf-8")
    return str(tmp / "fil.txt" / "ud")


def _foreign_folder(tmp: Path) -> str:
    (tmp / "hjem").mkdir()
    (tmp / "hjem" / "noter.txt").write_text("mine noter", encoding="utf-8")
    return str(tmp / "hjem")


def _link_to_a_foreign_folder(tmp: Path) -> str:
    (tmp / "genvej").symlink_to(_foreign_folder(tmp))
    return str(tmp / "genvej")


def _existing_file(tmp: Path) -> str:
    (tmp / "findes.xlsx").write_bytes(b"gammel")
    return str(tmp / "findes.xlsx")


def _symlink_loop(tmp: Path) -> str:
    (tmp / "ring").symlink_to(tmp / "ring")
    return str(tmp / "ring")


def _under_a_symlink_loop(tmp: Path) -> str:
    return str(Path(_symlink_loop(tmp)) / "ud")


def _dangling_link(tmp: Path) -> str:
    (tmp / "link").symlink_to(tmp / "ingen-steder")
    return str(tmp / "link")


# name -> (make the target in tmp, give --overwrite)
TARGETS: dict[str, tuple[Callable[[Path], str], bool]] = {
    "empty": (lambda tmp: "", True),
    "dot": (lambda tmp: ".", True),
    "parent of the working folder": (lambda tmp: "..", True),
    "root": (lambda tmp: "/", True),
    "fifo": (_fifo, True),
    "socket": (_socket, True),
    "device node": (_device, True),
    "under /proc": (lambda tmp: "/proc/kr-proeve", True),
    # hostile25 #1: named in /proc, resolved to the working folder (or to tmp): every writer wrote there.
    "inside /proc/self/cwd": (lambda tmp: "/proc/self/cwd/ud", True),
    "inside /proc/thread-self/cwd": (lambda tmp: "/proc/thread-self/cwd/ud", True),
    "inside /proc/self/root": (lambda tmp: f"/proc/self/root{tmp}/ud", True),
    "under /sys": (lambda tmp: "/sys/kr-proeve", True),
    "under /dev": (lambda tmp: "/dev/kr-proeve", True),
    "path under a file": (_under_a_file, True),
    "300-byte name": (lambda tmp: str(tmp / ("n" * 300)), True),
    "folder that is not a data folder": (_foreign_folder, True),
    "symlink to a folder that is not a data folder": (_link_to_a_foreign_folder, True),
    "existing file without --overwrite": (_existing_file, False),
    "dangling symlink without --overwrite": (_dangling_link, False),
    "symlink to a folder without --overwrite": (_link_to_a_foreign_folder, False),
    "symlink loop": (_symlink_loop, True),
    "under a symlink loop": (_under_a_symlink_loop, True),
    "the data folder being read": (lambda tmp: str(tmp / "data"), True),
    "a file the command reads": (lambda tmp: str(tmp / "data" / "arbejdsbog.xlsx"), True),
}

# script -> argv for a target (the data folder is tmp/data, a copy of data/)
SCRIPTS: dict[str, Callable[[Path, str], list[str]]] = {
    "export_workbook": lambda tmp, out: ["--data", str(tmp / "data"), "--out", out],
    "export_qdpx": lambda tmp, out: ["--data", str(tmp / "data"), "--out", out],
    "import_workbook": lambda tmp, out: [str(tmp / "data" / "arbejdsbog.xlsx"), "--out", out],
    "import_qdpx": lambda tmp, out: [str(tmp / "projekt.qdpx"), "--codes", str(CODES), "--base", str(tmp / "data"), "--out", out],
    "generate_synthetic": lambda tmp, out: ["--data", str(tmp / "data"), "--out", out, "--quotes", "10", "--initiatives", "10"],
}


# The builders write into a folder they always replace (no --overwrite): the built book, the site the PDFs go into.
BUILDERS: dict[str, Callable[[Path, str], list[str]]] = {
    "build_book": lambda tmp, out: ["--data", str(tmp / "data"), "--output", out],
    "build_pdf": lambda tmp, out: ["--data", str(tmp / "data"), "--site", out],
}

# A dangling symlink is a new folder to a builder, which never asks for --overwrite.
BUILDER_TARGETS = sorted(set(TARGETS) - {"dangling symlink without --overwrite"})
# A command that replaces its output replaces a symlink named as it with --overwrite, as a link (ADR 80); a builder,
# which writes into its folder, refuses it.
SCRIPT_TARGETS = sorted(set(TARGETS) - {"symlink to a folder that is not a data folder"})


def snapshot(folder: Path) -> dict[str, tuple[int, int, int]]:
    """Every entry under folder, not followed: its kind and permissions, size and modification time."""
    seen = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = os.path.join(root, name)
            info = os.lstat(path)
            seen[os.path.relpath(path, folder)] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return seen


@pytest.fixture(scope="session")
def valid_workbook(data_workbook: Path) -> Path:
    """The shipped data as a workbook (conftest's `data_workbook`): an import reads its input first when the output only
    exists already."""
    return data_workbook


@pytest.mark.parametrize("target", SCRIPT_TARGETS)
@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_bad_output_gets_one_line_exit_2_and_nothing_changes(
    name: str, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, valid_workbook: Path
):
    """Refused before any work, or (an output that only exists, without --overwrite) once the valid input is read."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    shutil.copyfile(valid_workbook, tmp_path / "data" / "arbejdsbog.xlsx")
    pack(tmp_path / "projekt.qdpx")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    make, overwrite = TARGETS[target]
    out = make(tmp_path)
    before = snapshot(tmp_path)
    result = run_script(name, *SCRIPTS[name](tmp_path, out), *(["--overwrite"] if overwrite else []))
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(out), result.stderr
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("target", BUILDER_TARGETS)
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_builder_refuses_a_bad_output_folder_in_one_line_with_exit_2(
    name: str, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """build_book --output and build_pdf --site: refused before the data is even read."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "data" / "arbejdsbog.xlsx").write_bytes(b"")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    out = TARGETS[target][0](tmp_path)
    before = snapshot(tmp_path)
    result = run_script(name, *BUILDERS[name](tmp_path, out))
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(out), result.stderr
    assert snapshot(tmp_path) == before


# script -> argv naming `out` as the file it writes
FILE_WRITERS: dict[str, Callable[[Path, str], list[str]]] = {
    "export_workbook --out": lambda tmp, out: ["--data", str(tmp / "data"), "--out", out],
    "export_qdpx --out": lambda tmp, out: ["--data", str(tmp / "data"), "--out", out],
    "export_qdpx --codes": lambda tmp, out: ["--data", str(tmp / "data"), "--out", str(tmp / "projekt.qdpx"), "--codes", out],
}


@pytest.mark.parametrize("out", ["ny/", "ny/.", "ny/..", "findes/"])
@pytest.mark.parametrize("writer", sorted(FILE_WRITERS))
def test_a_file_output_named_as_a_folder_is_refused(writer: str, out: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 16, #8: `export_qdpx.py --out dir/` wrote a file named dir: the trailing '/' was lost on the way
    (a Path drops it). A name ending in '/', '.' or '..' is a folder's, and a command that writes a file says so."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "findes").mkdir()
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = run_script(writer.split()[0], *FILE_WRITERS[writer](tmp_path, out), "--overwrite")
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert result.stderr.splitlines() == [f"{out} — er en mappes navn (det ender på /, . eller ..); angiv navnet på en fil"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("target", ["fifo", "device node", "path under a file"])
def test_the_dictionary_writer_refuses_what_is_not_a_file(target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.chdir(tmp_path)
    if target == "path under a file":
        out = Path(_under_a_file(tmp_path)).parent
    else:
        made = Path(TARGETS[target][0](tmp_path))
        made.rename(folder / "DATAORDBOG.md")
        out = folder
    before = snapshot(tmp_path)
    result = run_script("write_dictionary", str(out))
    assert result.returncode == OUTPUT_REFUSED and len(result.stderr.splitlines()) == 1, result.stderr
    assert snapshot(tmp_path) == before


def test_a_symlink_named_as_the_output_folder_is_replaced_as_a_link_its_target_left_alone(tmp_path: Path):
    """Issue 25: "a symlink is replaced as a link, not followed, and never leaves a backup behind" (ADR 80)."""
    elsewhere = tmp_path / "andetsteds"
    elsewhere.mkdir()
    (elsewhere / "quotes.csv").write_text("urørt\n", encoding="utf-8")
    dest = tmp_path / "ud"
    dest.symlink_to(elsewhere)
    write_folder({"quotes.csv": "ny\n"}, dest, overwrite=True)
    assert not dest.is_symlink() and (dest / "quotes.csv").read_text(encoding="utf-8") == "ny\n"
    assert (elsewhere / "quotes.csv").read_text(encoding="utf-8") == "urørt\n" and os.listdir(elsewhere) == ["quotes.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["andetsteds", "ud"]


def test_a_folder_being_replaced_keeps_its_symlinks_as_links_and_never_copies_their_targets(tmp_path: Path):
    big = tmp_path / "stor-mappe"
    big.mkdir()
    (big / "fil.bin").write_bytes(b"x" * 1000)
    dest = tmp_path / "ud"
    dest.mkdir()
    (dest / "quotes.csv").write_text("gammel\n", encoding="utf-8")
    (dest / "genvej").symlink_to(big)
    (dest / "fil-genvej").symlink_to(big / "fil.bin")
    write_folder({"quotes.csv": "ny\n"}, dest, overwrite=True)
    assert os.readlink(dest / "genvej") == str(big) and os.readlink(dest / "fil-genvej") == str(big / "fil.bin")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stor-mappe", "ud"]


@pytest.mark.parametrize("dangling", [False, True])
def test_a_symlink_named_as_the_output_file_is_replaced_as_a_link_its_target_left_alone(dangling: bool, tmp_path: Path):
    target = tmp_path / "maal.xlsx"
    if not dangling:
        target.write_bytes(b"urort")
    out = tmp_path / "arbejdsbog.xlsx"
    out.symlink_to(target)
    save_workbook(build_workbook(None), out, overwrite=True)
    assert not out.is_symlink() and out.read_bytes().startswith(b"PK")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arbejdsbog.xlsx"] + ([] if dangling else ["maal.xlsx"])
    if not dangling:
        assert target.read_bytes() == b"urort"


def _a_folder_of_notes(tmp: Path) -> Path:
    return Path(_foreign_folder(tmp))


# script -> (make the link's target in tmp, argv naming the link as the output)
LINKED_OUTPUTS: dict[str, tuple[Callable[[Path], Path], Callable[[Path, str], list[str]]]] = {
    "import_workbook to a link to a data folder": (
        lambda tmp: Path(shutil.copytree(REPO / "data", tmp / "delt-drev")),
        lambda tmp, out: [str(tmp / "data" / "arbejdsbog.xlsx"), "--out", out],
    ),
    "import_qdpx to a link to a folder": (_a_folder_of_notes, SCRIPTS["import_qdpx"]),
    "generate_synthetic to a link to a folder": (_a_folder_of_notes, SCRIPTS["generate_synthetic"]),
    "export_workbook to a link to a file": (
        lambda tmp: Path(shutil.copyfile(tmp / "data" / "arbejdsbog.xlsx", tmp / "delt.xlsx")),
        lambda tmp, out: ["--data", str(tmp / "data"), "--out", out],
    ),
    "export_workbook to a link to a folder": (_a_folder_of_notes, lambda tmp, out: ["--data", str(tmp / "data"), "--out", out]),
    "export_qdpx to a dangling link": (lambda tmp: tmp / "findes-ikke.qdpx", SCRIPTS["export_qdpx"]),
}


def _link_named(case: str, tmp: Path) -> Path:
    folder = case.split()[0] in ("import_workbook", "import_qdpx", "generate_synthetic")
    return tmp / ("mine-data" if folder else "mine.xlsx" if "workbook" in case else "mine.qdpx")


def _linked_output(case: str, tmp: Path, workbook: Path) -> tuple[Path, Path, list[str]]:
    """The inputs every writer needs, the case's existing output, and a link named as the output pointing at it."""
    shutil.copytree(REPO / "data", tmp / "data")
    shutil.copyfile(workbook, tmp / "data" / "arbejdsbog.xlsx")
    pack(tmp / "projekt.qdpx")
    make, argv = LINKED_OUTPUTS[case]
    target = make(tmp)
    link = _link_named(case, tmp)
    link.symlink_to(target)
    return target, link, argv(tmp, str(link))


@pytest.mark.parametrize("case", sorted(LINKED_OUTPUTS))
def test_an_output_named_by_a_symlink_is_replaced_as_a_link_with_overwrite_its_target_untouched_and_no_backup(
    case: str, tmp_path: Path, valid_workbook: Path
):
    """Issue 25, "What to build" 1: a symlink is replaced as a link, not followed, and never leaves a backup behind.
    Hostile review 22, #1 had every command refuse it; hostile25 #4 found that against the issue (ADR 80)."""
    target, link, argv = _linked_output(case, tmp_path, valid_workbook)
    target_before = snapshot(target) if target.is_dir() else target.read_bytes() if target.exists() else None
    siblings = sorted(p.name for p in tmp_path.iterdir())
    result = run_script(case.split()[0], *argv, "--overwrite")
    assert result.returncode == 0, result.stderr
    assert not link.is_symlink() and link.exists()
    assert (snapshot(target) if target.is_dir() else target.read_bytes() if target.exists() else None) == target_before
    # No backup, no staging left: only the new output and, for a project, its code map beside it.
    code_map = ["mine-koder.csv"] if case.startswith("export_qdpx") else []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*siblings, *code_map])


@pytest.mark.parametrize("case", sorted(LINKED_OUTPUTS))
def test_an_output_named_by_a_symlink_without_overwrite_is_refused_as_any_existing_output(case: str, tmp_path: Path, valid_workbook: Path):
    target, link, argv = _linked_output(case, tmp_path, valid_workbook)
    before = snapshot(tmp_path)
    result = run_script(case.split()[0], *argv)
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    what = "mappen" if link.name == "mine-data" else "filen"
    assert result.stderr.splitlines() == [f"{link} — findes allerede; intet er skrevet. Brug --overwrite for at erstatte {what}"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_a_builders_output_named_by_a_symlink_is_refused_naming_its_target(name: str, tmp_path: Path, monkeypatch):
    """A builder writes into its folder (build_book's _build/, build_pdf's site): it neither replaces a link nor writes
    through it."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    target = _a_folder_of_notes(tmp_path)
    link = tmp_path / "bog"
    link.symlink_to(target)
    monkeypatch.chdir(tmp_path)
    before = snapshot(tmp_path)
    result = run_script(name, *BUILDERS[name](tmp_path, str(link)))
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    line = f"{link} — er et symbolsk link til {target}; kommandoen hverken erstatter linket eller skriver gennem det: "
    assert result.stderr.splitlines() == [f"{line}angiv {target} selv eller et andet navn"]
    assert snapshot(tmp_path) == before


def test_the_writers_themselves_refuse_a_fifo_even_when_the_command_did_not_ask(tmp_path: Path):
    os.mkfifo(tmp_path / "roer")
    with pytest.raises(Exception, match="FIFO"):
        write_file(tmp_path / "roer", lambda temporary: temporary.write_text("x"), overwrite=True)
    assert stat.S_ISFIFO(os.lstat(tmp_path / "roer").st_mode)


def _dead_pid() -> int:
    """The process id of a process that has ended (a killed writer's)."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def test_an_old_folder_left_by_a_writer_killed_between_its_renames_comes_back_before_the_next_write(tmp_path: Path):
    dest = tmp_path / "mine-data"
    backup = tmp_path / f".mine-data.gammel-{_dead_pid()}-abc123"
    backup.mkdir()
    (backup / "quotes.csv").write_text("gammel\n", encoding="utf-8")
    (backup / "README.txt").write_text("mine noter\n", encoding="utf-8")
    write_folder({"quotes.csv": "ny\n"}, dest, overwrite=True)
    assert (dest / "quotes.csv").read_text(encoding="utf-8") == "ny\n"
    assert (dest / "README.txt").read_text(encoding="utf-8") == "mine noter\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine-data"]


def test_an_old_folder_of_a_killed_writer_goes_when_the_new_folder_took_its_place(tmp_path: Path):
    dest = tmp_path / "mine-data"
    dest.mkdir()
    (dest / "quotes.csv").write_text("ny\n", encoding="utf-8")
    (tmp_path / f".mine-data.gammel-{_dead_pid()}-abc123").mkdir()
    write_folder({"quotes.csv": "nyere\n"}, dest, overwrite=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine-data"]


def test_a_folder_being_replaced_keeps_its_fifos_and_the_other_names_of_its_files(tmp_path: Path):
    dest = tmp_path / "ud"
    dest.mkdir()
    (dest / "quotes.csv").write_text("gammel\n", encoding="utf-8")
    os.mkfifo(dest / "roer")
    (tmp_path / "noter.txt").write_text("mine noter\n", encoding="utf-8")
    os.link(tmp_path / "noter.txt", dest / "noter.txt")
    write_folder({"quotes.csv": "ny\n"}, dest, overwrite=True)
    assert stat.S_ISFIFO(os.lstat(dest / "roer").st_mode)
    assert os.stat(dest / "noter.txt").st_ino == os.stat(tmp_path / "noter.txt").st_ino


def test_a_refusal_naming_a_path_with_a_line_break_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "linje\nskift").write_text("x", encoding="utf-8")
    result = run_script("export_workbook", "--data", str(REPO / "data"), "--out", str(tmp_path / "linje\nskift" / "x.xlsx"))
    assert result.returncode == OUTPUT_REFUSED and len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("argument", ["", ".", "fremmed", "genvej"])
def test_the_dictionary_writer_writes_only_into_a_data_folder(argument: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """ "genvej" is a symlink to "fremmed": the hostile round's write_dictionary.py /tmp/linkdir wrote into the target."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fremmed").mkdir()
    (tmp_path / "fremmed" / "DATAORDBOG.md").write_text("mine egne noter\n", encoding="utf-8")
    (tmp_path / "genvej").symlink_to(tmp_path / "fremmed")
    before = snapshot(tmp_path)
    result = run_script("write_dictionary", argument)
    assert result.returncode == OUTPUT_REFUSED and len(result.stderr.splitlines()) == 1, result.stderr
    assert snapshot(tmp_path) == before


def test_the_dictionary_writer_refuses_a_link_to_a_data_folder_and_leaves_its_dictionary(tmp_path: Path, monkeypatch):
    """hostile25 #3: `write_dictionary.py sub/linkdir` (a link to a data folder) replaced the DATAORDBOG.md in the link's
    target. The dictionary is written into the folder, never replacing it: a link is refused, its target named."""
    monkeypatch.chdir(tmp_path)
    target = Path(shutil.copytree(REPO / "data", tmp_path / "delt-data"))
    (target / "DATAORDBOG.md").write_text("gammel ordbog\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "linkdir").symlink_to(target)
    before = snapshot(tmp_path)
    result = run_script("write_dictionary", "sub/linkdir")
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    line = f"sub/linkdir — er et symbolsk link til {target}; kommandoen hverken erstatter linket eller skriver gennem det: "
    assert result.stderr.splitlines() == [f"{line}angiv {target} selv eller et andet navn"]
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("how", ["KR_DATA_DIR", "the working folder as '.'"])
def test_the_dictionary_writer_writes_into_the_data_folder_it_is_given(how: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 16, #7: with KR_DATA_DIR set and no folder named, the repository's data/ was the target, and
    `write_dictionary.py .` inside a data folder was refused as the working folder (its advice, a new name, is wrong
    for a command that writes one file into an existing folder). Both write the data folder's DATAORDBOG.md."""
    from kulturensrige.render.dictionary import as_markdown

    folder = tmp_path / "wd"
    folder.mkdir()
    for table in (REPO / "data").glob("*.csv"):
        shutil.copyfile(table, folder / table.name)
    shipped = snapshot(REPO / "data")
    if how == "KR_DATA_DIR":
        monkeypatch.setenv("KR_DATA_DIR", str(folder))
        monkeypatch.chdir(tmp_path)
        result = run_script("write_dictionary")
    else:
        monkeypatch.chdir(folder)
        result = run_script("write_dictionary", ".")
    assert result.returncode == 0, result.stderr
    assert (folder / "DATAORDBOG.md").read_text(encoding="utf-8") == as_markdown()
    assert snapshot(REPO / "data") == shipped


def test_the_dictionary_writers_help_is_help_not_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run_script("write_dictionary", "--help")
    assert result.returncode == 0 and "datamappe" in result.stdout
    assert list(tmp_path.iterdir()) == []


# script -> argv writing into `out` (a folder holding nothing else), with data/ as the input
WRITERS: dict[str, Callable[[Path, Path], list[str]]] = {
    "generate_synthetic": lambda out, workbook: ["--out", str(out / "syntetisk"), "--quotes", "100", "--initiatives", "20"],
    "export_qdpx": lambda out, workbook: ["--data", str(REPO / "data"), "--out", str(out / "projekt.qdpx")],
    "export_workbook": lambda out, workbook: ["--data", str(REPO / "data"), "--out", str(out / "arbejdsbog.xlsx")],
    "import_workbook": lambda out, workbook: [str(workbook), "--out", str(out / "data")],
    "write_dictionary": lambda out, workbook: [str(out)],
}


def _small_files() -> None:
    """No file of this process may grow past 8 KB: each write past it fails with EFBIG, as a full disk fails with
    ENOSPC (Python ignores SIGXFSZ), in any test environment and without filling a disk."""
    resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_write_the_disk_refuses_is_one_danish_line_naming_the_file_and_leaves_nothing(name: str, tmp_path: Path, valid_workbook: Path):
    """The full disk of the hostile round, as a process whose files may not grow: one line, no traceback (and no
    second error from a zip left open), exit status 1, and the output folder as empty as before."""
    out = tmp_path / "ud"
    out.mkdir()
    argv = WRITERS[name](out, valid_workbook)
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / f"{name}.py"), *argv], capture_output=True, text=True, preexec_fn=_small_files, timeout=120
    )
    assert result.returncode == 1, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(str(out)) and " — kan ikke skrives: " in result.stderr, result.stderr
    assert "File too large" not in result.stderr, "the reason is given in Danish"
    assert list(out.iterdir()) == []


def test_the_disk_being_full_is_said_in_danish():
    assert cli.os_problem(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))) == "Kommandoen er stoppet: der er ikke plads på disken."


def test_a_build_whose_output_holds_a_file_named_build_is_one_danish_line(tmp_path: Path):
    """--output over a folder whose _build is a file: the build's folder cannot be made there ('File exists')."""
    (tmp_path / "_build").write_text("ikke en mappe", encoding="utf-8")
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    said = "der står allerede en fil eller mappe med det navn; kommandoen er stoppet."
    assert result.stderr.splitlines() == [f"{tmp_path / '_build'}: {said}"]
    assert (tmp_path / "_build").read_text(encoding="utf-8") == "ikke en mappe"


@pytest.mark.parametrize("output", [[], ["--output", "bog"]], ids=["default output", "--output"])
def test_a_data_folder_inside_book_is_refused_in_one_line_before_the_build(output: list[str], tmp_path: Path):
    """--data book/_build/html/_static/data without --output ended in Sphinx tracebacks: the check that the data is
    not in the output ran only with --output. A link into book/ stands for such a folder (the test builds nothing)."""
    (tmp_path / "data").symlink_to(REPO / "book" / "_static")
    arguments = [arg if arg != "bog" else str(tmp_path / "bog") for arg in output]
    result = run_script("build_book", "--data", str(tmp_path / "data"), *arguments)
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'data'} — ligger i {REPO / 'book'}, som bogen bygges fra og skrives ind i; læg datamappen uden for book/"
    ]
    assert not (tmp_path / "bog").exists()


def _interrupt_at_the_second_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C while a folder is being written: after its first file, before the second."""
    written = []
    original = folder_writing._write_file

    def write(path: Path, text: str) -> None:
        if written:
            raise KeyboardInterrupt
        original(path, text)
        written.append(path)

    monkeypatch.setattr(folder_writing, "_write_file", write)


def _interrupt_while_building_the_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    def stop(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(workbook, "_write_table", stop)


# script -> (where Ctrl+C comes, argv writing into `out`)
INTERRUPTED: dict[str, tuple[Callable[[pytest.MonkeyPatch], None], Callable[[Path, Path], list[str]]]] = {
    "generate_synthetic": (_interrupt_at_the_second_file, WRITERS["generate_synthetic"]),
    "export_workbook": (_interrupt_while_building_the_workbook, WRITERS["export_workbook"]),
}


@pytest.mark.parametrize("name", sorted(INTERRUPTED))
def test_ctrl_c_in_a_command_that_does_not_catch_it_is_one_line_exit_130_and_leaves_nothing(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, valid_workbook: Path
):
    interrupt, argv = INTERRUPTED[name]
    out = tmp_path / "ud"
    out.mkdir()
    interrupt(monkeypatch)
    result = run_script(name, *argv(out, valid_workbook))
    assert result.returncode == EXIT_CODE, result.stderr
    assert result.stderr == interrupted_line(f"{name}.py blev stoppet undervejs") + "\n"
    assert list(out.iterdir()) == []


def _catches(pid: int, signum: int) -> bool:
    """The process has a handler of its own for the signal (/proc's SigCgt mask)."""
    caught = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("SigCgt:"))
    return bool(int(caught.split()[1], 16) >> (signum - 1) & 1)


def test_ctrl_c_while_a_script_still_imports_its_libraries_is_one_line_and_exit_130(tmp_path: Path, valid_workbook: Path):
    """The hostile round's `timeout -s INT 3 import_workbook.py`: the signal comes while pandas is being imported.

    The signal waits for the state it tests: the script's own handlers set (quiet_start catches SIGTERM too, which
    Python alone does not) and numpy, early in pandas's import, loaded. Session 25's CI run that failed here had the
    scripts of one checkout import another's package (conftest now refuses such a run): the script kept Python's
    Ctrl+C, and the signal ended it in a traceback."""
    process = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "import_workbook.py"), str(valid_workbook), "--out", str(tmp_path / "ud")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    maps = Path(f"/proc/{process.pid}/maps")
    deadline = time.monotonic() + 60
    while not (_catches(process.pid, signal.SIGTERM) and "numpy" in maps.read_text()) and time.monotonic() < deadline:
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert process.returncode == EXIT_CODE, err
    assert out == "" and err == interrupted_line("import_workbook.py blev stoppet, før den gik i gang") + "\n"
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize("overwrite", [False, True])
def test_a_qdpx_export_whose_code_map_cannot_be_written_writes_neither_file(
    overwrite: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The hostile round's full disk where only the code map goes: the project was written all the same, under a
    line saying nothing was; with --overwrite a new project stood beside the old code map."""
    project, codes = tmp_path / "projekt.qdpx", tmp_path / "koder.csv"
    if overwrite:
        project.write_bytes(b"gammelt projekt")
        codes.write_text("gammelt kodekort\n", encoding="utf-8")
    before = snapshot(tmp_path)
    original = Path.write_text

    def full_disk_for_the_code_map(self: Path, *args, **kwargs):
        if self.name.startswith(".koder.csv."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", full_disk_for_the_code_map)
    result = run_script(
        "export_qdpx", "--data", str(REPO / "data"), "--out", str(project), "--codes", str(codes), *(["--overwrite"] if overwrite else [])
    )
    assert result.returncode == 1 and result.stdout == "", result.stderr
    assert result.stderr.splitlines() == [f"{codes} — kan ikke skrives: der er ikke plads på disken; intet er skrevet."]
    assert snapshot(tmp_path) == before


def test_a_destination_by_what_the_command_reads_says_whether_it_is_it_holds_it_or_lies_in_it(tmp_path: Path):
    """'/q — er /q/k.qdpx eller ligger i den' was said of a folder that holds the file the command reads."""
    source = tmp_path / "q" / "k.qdpx"
    source.parent.mkdir()
    source.write_bytes(b"PK")
    said = {
        dest.name: str(folder_writing.destination_problem(dest, folder=True, overwrite=True, reading=[source]))
        for dest in (source, source.parent, source / "ud")
    }
    assert said["q"].endswith(f"indeholder {source}, som kommandoen læser; angiv en mappe et andet sted")
    assert said["k.qdpx"].endswith(f"er {source}, som kommandoen læser; angiv en mappe et andet sted")
    assert said["ud"].endswith(f"ligger i {source}, som kommandoen læser; angiv en mappe et andet sted")


def test_a_folder_given_as_the_code_map_is_said_to_be_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 14, #6: `--codes . --out qo_N` said 'qo_N — ligger i ., som kommandoen læser'."""
    monkeypatch.chdir(tmp_path)
    result = run_script("import_qdpx", "rt.qdpx", "--codes", ".", "--out", "qo_N")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [". — --codes er en mappe; angiv kodekortets CSV-fil (kolonnerne code og ingredient_id)"]
    assert list(tmp_path.iterdir()) == []


def test_the_same_file_as_project_and_code_map_is_said_to_be_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 14, #6: `--out s1.qdpx --codes s1.qdpx` said 'er s1.qdpx, som kommandoen læser'."""
    monkeypatch.chdir(tmp_path)
    result = run_script("export_qdpx", "--data", str(REPO / "data"), "--out", "s1.qdpx", "--codes", "s1.qdpx")
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["s1.qdpx — --codes og --out er den samme fil; projektet og kodekortet skal være to filer"]
    assert list(tmp_path.iterdir()) == []


# A script run as `python scripts/NAME.py`, with a real SIGINT sent to itself at one moment (issue 25, #2).
_SIGNAL_AT = """
import os, runpy, signal, sys

def interrupt():
    os.kill(os.getpid(), signal.SIGINT)

class Stdout:
    def __init__(self, stream):
        self.stream = stream
    def write(self, text):
        written = self.stream.write(text)
        if MOMENT == "while its success line is printed":
            interrupt()
        return written
    def __getattr__(self, name):
        return getattr(self.stream, name)

def exiting(status=None, exit=sys.exit):
    if MOMENT == "after it returned":
        interrupt()
    exit(status)

MOMENT = sys.argv[1]
sys.stdout, sys.exit, sys.argv = Stdout(sys.stdout), exiting, sys.argv[2:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


@pytest.mark.parametrize("moment", ["while its success line is printed", "after it returned"])
def test_ctrl_c_after_a_command_said_it_succeeded_leaves_it_succeeded(moment: str, tmp_path: Path, valid_workbook: Path):
    """The hostile round's SIGINT just after import_workbook printed 'Datamappen … er skrevet … og er gyldig.' ended
    in exit status 130 and a line saying it was stopped: once the output is in place and said, the command succeeded."""
    out = tmp_path / "ud"
    script = REPO / "scripts" / "import_workbook.py"
    result = subprocess.run(
        [sys.executable, "-c", _SIGNAL_AT, moment, str(script), str(valid_workbook), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # ADR 111: the book's own workbook, imported as an analyst's, is told of each text that credits the editors;
    # a warning is no stop, and nothing else may stand on stderr.
    assert result.returncode == 0, result.stderr
    assert all(" — advarsel: " in line for line in result.stderr.splitlines()), result.stderr
    assert result.stdout == f"Datamappen {out} er skrevet fra {valid_workbook.name} og er gyldig.\n"
    assert (out / "quotes.csv").is_file()


# benchmark.py splices its report into the Markdown file --output names, without --overwrite: an existing file (or a
# symlink to one) is its ordinary target. The file it reads is its work folder's results.json.
BENCHMARK_TARGETS = sorted(
    set(TARGETS)
    - {"existing file without --overwrite", "dangling symlink without --overwrite", "a file the command reads"}
    - {"symlink to a folder that is not a data folder", "symlink to a folder without --overwrite"}
)


def _benchmark_results(work: Path) -> dict:
    """A results.json as a run writes it: two builds of one page each."""
    page = {"path": "index.html", "html": 1000, "total": 2000, "gzip_total": 800, "files": 3, "quote_cards": 0}
    page |= {"initiative_cards": 0, "figures": 1}
    build = {"data": "data", "municipalities": 7, "initiatives": 20, "quotes": 50, "clean_seconds": 60.0}
    build |= {"rebuild_seconds": 5.0, "site_bytes": 10_000, "pages": [page], "clean_runs": [60.0], "loads": ["1.0→1.2"]}
    saved = {"started": "2026-12-05T21:00:00+00:00", "commands": ["python scripts/benchmark.py"], "builds": []}
    saved["builds"] = [{**build, "name": "report"}, {**build, "name": "national"}]
    work.mkdir(parents=True, exist_ok=True)
    (work / "results.json").write_text(json.dumps(saved), encoding="utf-8")
    return saved


@pytest.mark.parametrize("target", [*BENCHMARK_TARGETS, "its results.json"])
def test_the_benchmarks_output_goes_through_the_output_guard(target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Issue 25, #5: `benchmark.py --output` wrote wherever it was pointed, past the guard every other writer uses."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "data" / "arbejdsbog.xlsx").write_bytes(b"")
    _benchmark_results(tmp_path / "work")
    monkeypatch.chdir(tmp_path / "work")
    out = str(tmp_path / "work" / "results.json") if target == "its results.json" else TARGETS[target][0](tmp_path)
    before = snapshot(tmp_path)
    result = run_script("benchmark", "--report-only", "--work", str(tmp_path / "work"), "--output", out)
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(out), result.stderr
    assert snapshot(tmp_path) == before


DAMAGED_RESULTS: dict[str, Callable[[Path], None]] = {
    "not JSON": lambda path: path.write_text('{"builds": [', encoding="utf-8"),
    "not UTF-8": lambda path: path.write_bytes(b"\xff\xfe{}"),
    "a list": lambda path: path.write_text("[]", encoding="utf-8"),
    "no builds": lambda path: path.write_text('{"started": "2026-12-05T21:00:00", "commands": []}', encoding="utf-8"),
    "a build of the wrong shape": lambda path: path.write_text(
        json.dumps({**json.loads(path.read_text(encoding="utf-8")), "builds": [{"name": 1}]}), encoding="utf-8"
    ),
    "no builds in the list": lambda path: path.write_text(
        json.dumps({**json.loads(path.read_text(encoding="utf-8")), "builds": []}), encoding="utf-8"
    ),
    "a date that is none": lambda path: path.write_text(
        json.dumps({**json.loads(path.read_text(encoding="utf-8")), "started": "i går"}), encoding="utf-8"
    ),
    "a folder": lambda path: (path.unlink(), path.mkdir()),
    "missing": lambda path: path.unlink(),
    "a FIFO": lambda path: (path.unlink(), os.mkfifo(path)),
    "a work folder that is a file": lambda path: (shutil.rmtree(path.parent), path.parent.write_text("x", encoding="utf-8")),
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_RESULTS))
def test_the_benchmark_report_from_a_damaged_results_file_is_one_line_exit_2_and_nothing_changes(damage: str, tmp_path: Path):
    """Issue 25, #5: `benchmark.py --report-only` on a damaged results.json ended in a traceback."""
    _benchmark_results(tmp_path / "work")
    DAMAGED_RESULTS[damage](tmp_path / "work" / "results.json")
    (tmp_path / "BENCHMARKS.md").write_text("# Mine tal\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_script("benchmark", "--report-only", "--work", str(tmp_path / "work"), "--output", str(tmp_path / "BENCHMARKS.md"))
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    # The results file, or the work folder where it is a file (the work folder's guard, hostile round 19, #3).
    assert result.stderr.startswith(str(tmp_path / "work")), result.stderr
    assert os.strerror(errno.ENOTDIR) not in result.stderr, "the system's reason is said in Danish"
    assert snapshot(tmp_path) == before


def test_the_benchmark_report_from_a_whole_results_file_is_spliced_into_the_output(tmp_path: Path):
    _benchmark_results(tmp_path / "work")
    (tmp_path / "BENCHMARKS.md").write_text("# Mine tal\n", encoding="utf-8")
    result = run_script("benchmark", "--report-only", "--work", str(tmp_path / "work"), "--output", str(tmp_path / "BENCHMARKS.md"))
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert "# Benchmarks" in (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["BENCHMARKS.md", "work"]


def test_lighthouse_on_a_folder_that_is_no_book_is_one_line_not_an_empty_table(tmp_path: Path):
    """A probe for tracebacks (issue 25): `measure_lighthouse.py /nonexistent` printed an empty table, exit status 0."""
    result = run_script("measure_lighthouse", str(tmp_path / "ingen-bog"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [f"{tmp_path / 'ingen-bog'} er ikke en bygget bog (ingen index.html)"]


@pytest.mark.parametrize("target", ["fifo", "path under a file", "under /proc", "folder that is not a data folder"])
def test_lighthouses_json_goes_through_the_output_guard_before_anything_is_measured(
    target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """--json was written after an hour of runs, wherever it pointed: now refused up front, as every writer's output."""
    from support.scripts import script

    monkeypatch.setattr(script("measure_lighthouse"), "measure", lambda *args: pytest.fail("nothing is measured"))
    (tmp_path / "bog").mkdir()
    (tmp_path / "bog" / "index.html").write_text("<!doctype html>", encoding="utf-8")
    out = TARGETS[target][0](tmp_path)
    before = snapshot(tmp_path)
    result = run_script("measure_lighthouse", str(tmp_path / "bog"), "--json", out)
    assert result.returncode == OUTPUT_REFUSED and len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(out)
    assert snapshot(tmp_path) == before


def test_a_success_line_prints_a_names_control_characters_as_escapes(tmp_path: Path, valid_workbook: Path):
    """Hostile round 18: a workbook named 'hi ESC ] 0 ; PWNED BEL .xlsx' reached the terminal raw in the success line
    (retitled the window); it prints as escapes, on one line. (An output named so is refused: the next test.)"""
    hostile = tmp_path / "hi\x1b]0;PWNED\x07\n.xlsx"
    shutil.copyfile(valid_workbook, hostile)
    out = tmp_path / "ud"
    result = run_script("import_workbook", str(hostile), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Datamappen {tmp_path}/ud er skrevet fra hi\\x1b]0;PWNED\\x07\\n.xlsx og er gyldig.\n"


@pytest.mark.parametrize(
    ("name", "out", "ending"),
    [("export_workbook", "noter.csv", ".xlsx"), ("export_workbook", "-", ".xlsx"), ("export_qdpx", "ud.txt", ".qdpx")],
)
def test_a_file_named_without_its_ending_is_refused_in_one_line(name: str, out: str, ending: str, tmp_path: Path, monkeypatch):
    """Hostile round 18: `--out noter.csv` wrote an Excel file named .csv, `--out -` a file named '-', and
    `export_qdpx --out ud.txt` a project named .txt beside 'ud-koder.csv'."""
    monkeypatch.chdir(tmp_path)
    result = run_script(name, "--data", str(REPO / "data"), "--out", out)
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert result.stderr == f"{out} — navnet skal ende på {ending}: kommandoen skriver " + (
        "en Excel-arbejdsbog\n" if ending == ".xlsx" else "et REFI-QDA-projekt\n"
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("codes", ["arbejdsbog.xlsx", "koder.csv/x", "koder"])
def test_a_code_map_named_without_its_csv_ending_is_refused_in_one_line_and_nothing_is_made(codes: str, tmp_path: Path, monkeypatch):
    """hostile25 #5: `export_qdpx --codes wb.xlsx --overwrite` replaced the analyst's workbook with a 213-byte CSV, and
    `--codes koder.csv/x` made a folder named koder.csv. --codes insists on its ending as --out does."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "arbejdsbog.xlsx").write_bytes(b"min arbejdsbog")
    before = snapshot(tmp_path)
    result = run_script("export_qdpx", "--data", str(REPO / "data"), "--out", "ud.qdpx", "--codes", codes, "--overwrite")
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert result.stderr == f"{codes} — navnet skal ende på .csv: kommandoen skriver et kodekort (CSV)\n"
    assert snapshot(tmp_path) == before


def test_an_empty_output_name_is_shown_as_two_quotes():
    """Hostile round 18: `--out ""` printed a line that began with nothing: ' — er den mappe, du står i'."""
    assert str(folder_writing.destination_problem("", folder=False, overwrite=False)).startswith('"" — ')


# Every command-line output that a writer takes, as argv naming it `out`.
EVERY_OUTPUT: dict[str, Callable[[Path, str], list[str]]] = {
    **{f"{name} --out": argv for name, argv in SCRIPTS.items()},
    "export_qdpx --codes": lambda tmp, out: ["--data", str(tmp / "data"), "--out", str(tmp / "ny.qdpx"), "--codes", out],
    "build_book --output": BUILDERS["build_book"],
    "build_pdf --site": BUILDERS["build_pdf"],
    "benchmark --work": lambda tmp, out: ["--report-only", "--work", out],
    "benchmark --output": lambda tmp, out: ["--report-only", "--work", str(tmp / "work"), "--output", out],
    "benchmark_input_limits --work": lambda tmp, out: ["--work", out],
}


@pytest.mark.parametrize("writer", sorted(EVERY_OUTPUT))
def test_an_empty_output_name_is_shown_as_typed_by_every_writer(writer: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """sec25d #3: `--out ""` became Path(""), which is ".", and the guard's line named "." where the user typed "";
    benchmark_input_limits.py took it for the working folder and wrote its inputs there."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "data" / "arbejdsbog.xlsx").write_bytes(b"")
    pack(tmp_path / "projekt.qdpx")
    _benchmark_results(tmp_path / "work")
    monkeypatch.chdir(tmp_path / "work")
    before = snapshot(tmp_path)
    overwrite = ["--overwrite"] if writer.split()[0] in SCRIPTS else []
    result = run_script(writer.split()[0], *EVERY_OUTPUT[writer](tmp_path, ""), *overwrite)
    assert result.returncode == OUTPUT_REFUSED, result.stderr
    assert result.stderr.splitlines() == [f'"" — er et tomt navn; angiv navnet på en {"fil" if writer in FILE_OUTPUTS else "mappe"}']
    assert snapshot(tmp_path) == before


# The writers' outputs that are files; every other output is a folder. Beside EVERY_OUTPUT: benchmark_pdf.py, which
# has build_pdf.py write into its SITE, lighthouse's --json, and the dictionary's data folder.
FILE_OUTPUTS = {"export_workbook --out", "export_qdpx --out", "export_qdpx --codes", "benchmark --output", "measure_lighthouse --json"}
ALL_OUTPUTS: dict[str, Callable[[Path, str], list[str]]] = {
    **EVERY_OUTPUT,
    "benchmark_pdf SITE": lambda tmp, out: [out, str(tmp / "data"), "--runs", "1"],
    "measure_lighthouse --json": lambda tmp, out: [str(tmp / "bog"), "--json", out],
    "write_dictionary FOLDER": lambda tmp, out: [out],
}
# The outputs a command writes into, never replacing them: ".", ".." and "/" may be named, when they are such folders.
INTO = {"benchmark --work", "benchmark_input_limits --work", "write_dictionary FOLDER"}


INSIDE_PROC = ("proc/self/cwd", "proc/thread-self/cwd", "proc/self/root")
SYSTEM_LINE = "ligger under /dev, /proc eller /sys (enheder og kernens filer)"


def _expected_line(target: str, out: str, tmp: Path, file: bool) -> str | None:
    """The one guard's line for a bad target, as it reads for a command that writes a file or a folder."""
    kind = "fil" if file else "mappe"
    name, elsewhere = f"angiv navnet på en {kind}", f"angiv en {kind} et andet sted"
    other = "angiv navnet på en fil" if file else "angiv navnet på en anden mappe"  # a file is never the working folder
    regular = "en almindelig fil" if file else "en mappe"
    kinds = {"fifo": "et navngivet rør (FIFO)", "socket": "en sokkel (socket)", "device node": "en enhed"}
    folder_name = "er en mappes navn (det ender på /, . eller ..); angiv navnet på en fil"
    lines = {
        "empty": f'"" — er et tomt navn; {name}',
        "dot": f". — er den mappe, du står i; {other}",
        "parent of the working folder": f".. — {folder_name}"
        if file
        else f".. — er den mappe, du står i, eller en mappe over den; {other}",
        "root": f"/ — {folder_name}" if file else f"/ — er den mappe, du står i, eller en mappe over den; {other}",
        **{kind: f"{out} — er {said}, ikke {regular}; {name}" for kind, said in kinds.items()},
        **{
            f"{'inside' if '/' in system else 'under'} /{system}": f"{out} — {SYSTEM_LINE}; {elsewhere}"
            for system in ("proc", "sys", "dev", *INSIDE_PROC)
        },
        "path under a file": f"{out} — {tmp / 'fil.txt'} er en fil, ikke en mappe; {elsewhere}",
        "300-byte name": f"{out} — navnet er for langt til filsystemet; højst 255 bytes pr. navn",
    }
    return lines.get(target)


GUARDED_TARGETS = ["empty", "dot", "parent of the working folder", "root", "fifo", "socket", "device node", "under /proc", "under /sys"]
GUARDED_TARGETS += ["under /dev", "path under a file", "300-byte name"]
GUARDED_TARGETS += ["inside /proc/self/cwd", "inside /proc/thread-self/cwd", "inside /proc/self/root"]
# A command that writes into a folder may name the working folder or one above it: there they are no bad target.
GUARDED = [
    (w, t)
    for w in sorted(ALL_OUTPUTS)
    for t in GUARDED_TARGETS
    if w not in INTO or t not in ("dot", "parent of the working folder", "root")
]


@pytest.mark.parametrize(("writer", "target"), GUARDED)
def test_every_writer_says_the_one_guards_line_for_a_bad_target_as_for_a_file_or_a_folder(
    writer: str, target: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The hostile review of issue 25: `benchmark_pdf.py ''` spoke of the working folder in two lines, exit status 1,
    and `export_workbook.py --out /dev/null` was told to choose an ordinary folder where it writes a file. Each writer
    says the one guard's line, its advice for what the command writes, exit status 2, and nothing changes."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "data" / "arbejdsbog.xlsx").write_bytes(b"")
    pack(tmp_path / "projekt.qdpx")
    _benchmark_results(tmp_path / "work")
    (tmp_path / "bog").mkdir()
    (tmp_path / "bog" / "index.html").write_text("<!doctype html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    out = TARGETS[target][0](tmp_path)
    before = snapshot(tmp_path)
    overwrite = ["--overwrite"] if writer.split()[0] in SCRIPTS else []
    result = run_script(writer.split()[0], *ALL_OUTPUTS[writer](tmp_path, out), *overwrite)
    assert result.returncode == OUTPUT_REFUSED and result.stdout == "", result.stderr
    assert result.stderr.splitlines() == [_expected_line(target, out, tmp_path, writer in FILE_OUTPUTS)]
    assert snapshot(tmp_path) == before


def test_an_empty_name_is_said_in_the_same_words_as_an_input_and_as_an_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile review 18, #6: `build_book.py --output ""` said '"" — er den mappe, du står i', where
    `validate_data.py ""` said '"" er et tomt navn'."""
    monkeypatch.chdir(tmp_path)
    said = [run_script("validate_data", "").stderr, run_script("build_book", "--data", str(REPO / "data"), "--output", "").stderr]
    assert [line.count('"" er et tomt navn; angiv ') + line.count('"" — er et tomt navn; angiv ') for line in said] == [1, 1], said
    assert list(tmp_path.iterdir()) == []


# A name no one can read back: a line break, a tab, ESC (a terminal's commands), a right-to-left override (a name that
# shows as another: 'ud\u202exslx.csv' reads 'udvsc.xlsx').
HIDDEN_IN_NAMES = {"a line break": "a\nb", "a tab": "a\tb", "ESC": "ud\x1b[2J", "a right-to-left override": "ud\u202exslx.csv"}


@pytest.mark.parametrize("hidden", sorted(HIDDEN_IN_NAMES))
@pytest.mark.parametrize("writer", sorted(EVERY_OUTPUT))
def test_an_output_name_with_control_characters_is_refused_in_one_line_shown_escaped(
    writer: str, hidden: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Hostile review 18, #5: `import_workbook.py wb.xlsx --out $'bad\\x07\\nname'` made a folder whose name holds BEL
    and a line break. Every writer refuses such a name in the one output guard, before any work."""
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "data" / "arbejdsbog.xlsx").write_bytes(b"")
    pack(tmp_path / "projekt.qdpx")
    _benchmark_results(tmp_path / "work")
    monkeypatch.chdir(tmp_path / "work")
    out = str(tmp_path / "work" / "ny" / HIDDEN_IN_NAMES[hidden])
    before = snapshot(tmp_path)
    overwrite = ["--overwrite"] if writer.split()[0] in SCRIPTS else []
    result = run_script(writer.split()[0], *EVERY_OUTPUT[writer](tmp_path, out), *overwrite)
    assert result.returncode == OUTPUT_REFUSED and result.stdout == "", result.stderr
    shown = next(visible(c) for c in HIDDEN_IN_NAMES[hidden] if visible(c) != c)
    said = f"navnet har tegn, der ikke kan ses ({shown}: styre- eller retningstegn); brug kun synlige tegn i et navn"
    assert result.stderr.splitlines() == [f"{visible(out)} — {said}"]
    assert snapshot(tmp_path) == before
