"""load()'s cache of validated tables ($KR_DATA_CACHE and its key, set by scripts/build_book.py for a build).

Every page of a build loads the same data; the cache must give exactly what validation gives, never the
tables of other bytes, and never hide a problem in the data. It holds JSON signed with the build's key: an entry
someone else wrote (a pickle, forged tables) is refused, and it never deletes or writes over a file.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import loading
from kulturensrige.data.fingerprint import fingerprint
from kulturensrige.data.problems import DataError
from support import killed_builds
from support.checks import each
from support.killed_builds import scratch as _scratch
from support.scripts import run_script

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(loading.CACHE_VARIABLE, str(folder))
    monkeypatch.setenv("KR_DATA_CACHE_KEY", "a key only this test knows")
    folder.mkdir()
    return folder


def _entries(folder: Path) -> list[Path]:
    return [path for path in folder.iterdir() if not path.name.startswith("fremmed")]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO / "data", tmp_path / "data"))


def _refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("validated again although the cache holds these bytes")

    monkeypatch.setattr(loading, "validate_tables", refuse)


def test_a_second_load_of_the_same_data_reads_the_cache_and_gives_the_same_tables(cached, data_copy, monkeypatch):
    first = load(data_copy)
    assert len(_entries(cached)) == 1
    _refuse_validation(monkeypatch)
    second = load(data_copy)
    assert second.fingerprint == first.fingerprint and second.folder == first.folder
    assert second.tables.keys() == first.tables.keys()
    for name in first.tables:
        assert second.tables[name].equals(first.tables[name]), name
    assert second.warnings == first.warnings


def test_each_load_from_the_cache_starts_its_own_record_of_tables_read(cached, data_copy):
    load(data_copy).quotes  # noqa: B018 - reading a table is what is recorded
    again = load(data_copy)
    assert again.tables.read == []
    again.quotes  # noqa: B018
    assert again.tables.read == ["quotes"]


def test_changed_bytes_are_validated_again_into_a_new_entry(cached, data_copy):
    before = load(data_copy)
    quotes = data_copy / "quotes.csv"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = load(data_copy)
    assert after.fingerprint != before.fingerprint
    assert len(_entries(cached)) == 2, "the old entry stays: the build removes the whole cache folder it made"


def test_bad_data_is_refused_with_the_cache_on_even_after_a_good_load_of_the_same_folder(cached, data_copy):
    load(data_copy)
    quotes = data_copy / "quotes.csv"
    lines = quotes.read_text(encoding="utf-8").splitlines(keepends=True)
    quotes.write_text(lines[0] + lines[1].replace(",", ",,", 1) + "".join(lines[2:]), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError):
            load(data_copy)
    assert len(_entries(cached)) == 1


def test_without_the_variable_nothing_is_cached(tmp_path, data_copy, monkeypatch):
    monkeypatch.delenv(loading.CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("KR_DATA_CACHE_KEY", "k")
    load(data_copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_without_the_builds_key_nothing_is_cached(tmp_path, data_copy, monkeypatch):
    """The hostile round's KR_DATA_CACHE=/tmp/cache: without the key a build sets, the folder is not even made."""
    monkeypatch.setenv(loading.CACHE_VARIABLE, str(tmp_path / "cache"))
    monkeypatch.delenv("KR_DATA_CACHE_KEY", raising=False)
    load(data_copy)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


class _Planted:
    """A pickle that makes a folder when it is loaded: code an attacker runs through a pickle cache."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def _load_in_a_new_process(folder: Path) -> subprocess.CompletedProcess:
    """The next process of a build (a page's kernel): it reads the entry from disk, not this process's memory."""
    code = "import sys; from kulturensrige import load; print(load(sys.argv[1]).quotes['text'].iloc[0])"
    return subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=120, env=os.environ)


@pytest.mark.parametrize("planted", ["pickle", "forged tables"])
def test_an_entry_someone_else_wrote_is_refused_and_the_data_read_again(planted, cached, data_copy, tmp_path):
    """Anyone who can write the cache folder (a shared build folder, a restored CI cache) can replace an entry:
    a pickle in its place never runs, and tables signed without the build's key are never used."""
    first = load(data_copy).quotes["text"].iloc[0]
    marker = tmp_path / "koden-koerte"
    for entry in each(_entries(cached)):
        if planted == "pickle":
            entry.write_bytes(pickle.dumps(_Planted(marker)))
        else:
            entry.write_bytes(entry.read_bytes().replace(first.encode(), b"Forfalsket citat"))
    result = _load_in_a_new_process(data_copy)
    assert result.returncode == 0, result.stderr
    assert not marker.exists(), "the planted pickle ran"
    assert result.stdout.strip() == first


def test_files_in_the_cache_folder_that_load_did_not_write_are_left_alone(cached, data_copy):
    """The hostile round's victim.pickle: it was deleted as an 'entry of older data'."""
    foreign = {"fremmed.pickle": b"offerets fil", "fremmed.json": b"{}"}
    for name, content in foreign.items():
        (cached / name).write_bytes(content)
    load(data_copy)
    quotes = data_copy / "quotes.csv"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load(data_copy)
    assert {name: (cached / name).read_bytes() for name in foreign} == foreign


def test_validate_data_writes_nothing_even_with_the_builds_cache_set(cached, data_copy):
    """validate_data promises never to change a file: the build's cache is the build's."""
    result = run_script("validate_data", str(data_copy))
    assert result.returncode == 0, result.stderr
    assert list(cached.iterdir()) == []


def test_a_process_reads_and_hashes_unchanged_data_once(data_copy, monkeypatch):
    """Every page of a build calls load() in one kernel: unchanged files are not read again, each page still
    gets its own record of the tables it read, and a changed file is read again."""
    monkeypatch.setattr(loading, "SETTLED_NS", 0)  # the copy was just made; its files count as settled here
    monkeypatch.setattr(loading, "_LOADED", {})
    reads = []
    monkeypatch.setattr(loading, "fingerprint", lambda folder: reads.append(folder) or fingerprint(folder))
    first, second = load(data_copy), load(data_copy)
    assert len(reads) == 1
    first.tables["quotes"]
    assert first.tables.read == ["quotes"] and second.tables.read == []
    assert first.fingerprint == second.fingerprint and first.quotes is second.quotes
    quotes = data_copy / "quotes.csv"
    quotes.write_text(quotes.read_text(encoding="utf-8").replace("Vi startede", "Vi begyndte", 1), encoding="utf-8")
    third = load(data_copy)
    assert len(reads) == 2 and third.fingerprint != first.fingerprint
    assert third.quotes["text"].str.contains("Vi begyndte").any()


def test_a_file_changed_just_now_is_read_again_even_if_its_stat_looks_the_same(data_copy, monkeypatch):
    """Within the clock's granularity a change can leave the stat as it was: such data is not kept."""
    monkeypatch.setattr(loading, "SETTLED_NS", 10**18)  # every file counts as changed just now
    monkeypatch.setattr(loading, "_LOADED", {})
    reads = []
    monkeypatch.setattr(loading, "fingerprint", lambda folder: reads.append(folder) or fingerprint(folder))
    load(data_copy), load(data_copy)
    assert len(reads) == 2


def test_scratch_folders_of_ended_processes_are_swept_and_a_live_ones_kept(tmp_path: Path):
    """A SIGKILLed build left /tmp/kr-data-cache-* with the validated tables (hostile review 20, #4): a scratch folder is
    named after its process and that process's start time, and the next command removes those whose process is gone."""
    from kulturensrige.data import scratch

    me, started = os.getpid(), scratch.start_time(os.getpid())
    beyond = int(Path("/proc/sys/kernel/pid_max").read_text()) + 1  # no process has this id
    live = tmp_path / f"kr-data-cache-{me}-{started}-abc_12"
    reused = tmp_path / f"kr-pdf-{me}-{started + 1}-abc_12"  # this id, but another process's start: the id was reused
    dead = tmp_path / f"kr-book-{beyond}-1-abc_12"
    foreign = tmp_path / f"kr-book-{beyond}-2-abc_12"
    others = [tmp_path / "kr-data-cache-wmzfhp3w", tmp_path / f"kr-egen-{beyond}-1-x", tmp_path / f"kr-pdf-{beyond}-3-x"]
    for folder in (live, reused, dead, *others[:2]):
        folder.mkdir()
        (folder / "tabeller.json").write_text("{}")
    others[2].write_text("a file, not a folder")
    foreign.symlink_to(live)
    removed = scratch.sweep(tmp_path)
    assert sorted(removed) == sorted([reused, dead])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, foreign.name, *(p.name for p in others)])
    with scratch.scratch_folder("data-cache") as made:
        assert made.name.startswith(f"kr-data-cache-{me}-{started}-") and (made.stat().st_mode & 0o777) == 0o700
    assert not made.exists()


def test_a_build_killed_outright_at_several_moments_leaves_only_private_folders_which_the_next_build_removes(
    two_builds: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
):
    """SIGKILL runs no cleanup (hostile review 20, #4): what a killed build_book.py leaves in the temporary folder is
    its owner's alone (0700), and the next build removes it, as it removes its own at the end. The builds are killed
    in the temporary folder of the run's second build of data/ (`two_builds`), before it: that build is the next."""
    folder = killed_builds.folder(tmp_path_factory)
    after_each_kill = json.loads((folder / killed_builds.LEFT_BY_THE_KILLED).read_text(encoding="utf-8"))
    assert len(after_each_kill) == len(killed_builds.MOMENTS)
    for left in after_each_kill:
        assert all(mode & 0o077 == 0 for mode in left.values()), {name: oct(mode) for name, mode in left.items()}
    assert after_each_kill[-1], "no build was killed while it had a scratch folder: the test checks nothing"
    left_by_the_next = json.loads((folder / killed_builds.LEFT_BY_THE_NEXT).read_text(encoding="utf-8"))
    assert left_by_the_next == [], "the scratch folders and the kernels' connection files are gone"


@pytest.mark.long
def test_the_benchmarks_timeout_stops_the_build_with_its_group_and_leaves_no_scratch_folder(tmp_path: Path):
    """benchmark.py --timeout killed build_book.py with SIGKILL, which left its table cache behind (hostile review 20,
    #4): the build's group gets SIGTERM, tidies up, and the benchmark stops with one line."""
    tmp = tmp_path / "t"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    command = [sys.executable, str(REPO / "scripts" / "benchmark.py"), "--clean-runs", "1", "--work", str(tmp_path / "w")]
    command += ["--output", str(tmp_path / "b.md"), "--timeout", "4"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1 and re.match(r"build_book.py blev ikke færdig på [0-9.]+ s og er stoppet", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert _scratch(tmp) == []


def test_the_error_catalogue_makes_its_scratch_copies_in_the_builds_private_folder(tmp_path: Path, monkeypatch):
    """A build killed while its data chapter ran left the catalogue's tmpXXXX folder loose in $TMPDIR (issue 25, #3):
    inside a build its copies go into the build's private folder, which the next command sweeps."""
    import tempfile

    from kulturensrige.render import error_catalogue

    private = tmp_path / "kr-data-cache-privat"
    private.mkdir()
    made: list[str] = []
    original = tempfile.mkdtemp
    monkeypatch.setattr(tempfile, "mkdtemp", lambda *a, **k: made.append(original(*a, **k)) or made[-1])
    monkeypatch.setenv("KR_DATA_CACHE", str(private))
    error_catalogue._truncated(tmp_path, {})
    assert made and all(Path(path).parent == private for path in made)
