"""load()'s cache of validated tables ($KR_DATA_CACHE, set by scripts/build_book.py for a build).

Every page of a build loads the same data; the cache must give exactly what validation gives, never the
tables of other bytes, and never hide a problem in the data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kulturensrige import load
from kulturensrige.data import loading
from kulturensrige.data.fingerprint import fingerprint
from kulturensrige.data.problems import DataError

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(loading.CACHE_VARIABLE, str(folder))
    return folder


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(REPO / "data", tmp_path / "data"))


def _refuse_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("validated again although the cache holds these bytes")

    monkeypatch.setattr(loading, "validate_tables", refuse)


def test_a_second_load_of_the_same_data_reads_the_cache_and_gives_the_same_tables(cached, data_copy, monkeypatch):
    first = load(data_copy)
    assert len(list(cached.glob("*.pickle"))) == 1
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


def test_changed_bytes_are_validated_again_and_replace_the_old_entry(cached, data_copy):
    before = load(data_copy)
    quotes = data_copy / "quotes.csv"
    quotes.write_text(quotes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after = load(data_copy)
    assert after.fingerprint != before.fingerprint
    assert len(list(cached.glob("*.pickle"))) == 1


def test_bad_data_is_refused_with_the_cache_on_even_after_a_good_load_of_the_same_folder(cached, data_copy):
    load(data_copy)
    quotes = data_copy / "quotes.csv"
    lines = quotes.read_text(encoding="utf-8").splitlines(keepends=True)
    quotes.write_text(lines[0] + lines[1].replace(",", ",,", 1) + "".join(lines[2:]), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError):
            load(data_copy)
    assert len(list(cached.glob("*.pickle"))) == 1


def test_without_the_variable_nothing_is_cached(tmp_path, data_copy, monkeypatch):
    monkeypatch.delenv(loading.CACHE_VARIABLE, raising=False)
    load(data_copy)
    assert not list(tmp_path.rglob("*.pickle"))


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
