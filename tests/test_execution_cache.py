"""The execution cache keys on the data too: a rebuild with nothing changed executes nothing, new data re-executes.

Jupyter Book's cache hashes a notebook's code cells and their metadata, not data/. scripts/build_book.py stamps
a build key (the data's fingerprint, the package's code, the list limit) into each staged notebook's first code
cell, and keeps the staged source beside the output so Sphinx re-reads only what changed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from jupyter_cache import get_cache

from kulturensrige import load
from support.builds import REBUILD_LOG
from support.scripts import script

REPO = Path(__file__).resolve().parent.parent
EXECUTED = "Executing notebook"


def build_key(folder: Path) -> dict[str, str]:
    return script("build_book").build_key(load(folder))


def test_the_build_key_follows_the_data(tmp_path: Path):
    copy = shutil.copytree(REPO / "data", tmp_path / "data")
    before = build_key(copy)
    assert before == build_key(REPO / "data")
    text = (copy / "municipalities.csv").read_text(encoding="utf-8")
    (copy / "municipalities.csv").write_text(text.replace("Køge startede", "Køge begyndte", 1), encoding="utf-8")
    after = build_key(copy)
    assert after["data_fingerprint"] != before["data_fingerprint"]
    assert {k: v for k, v in after.items() if k != "data_fingerprint"} == {k: v for k, v in before.items() if k != "data_fingerprint"}


def test_the_build_key_follows_the_settings_that_change_pages(monkeypatch: pytest.MonkeyPatch):
    """KR_SIDE_FROM moves a chart's data into side islands: a cached page built without it must not be reused."""
    before = build_key(REPO / "data")
    monkeypatch.setenv("KR_SIDE_FROM", "1000")
    after = build_key(REPO / "data")
    assert (before["KR_SIDE_FROM"], after["KR_SIDE_FROM"]) == ("", "1000")


def test_a_stamped_notebook_hashes_differently_for_other_data(tmp_path: Path):
    """What the cache compares: jupyter-cache's own hash of the stamped notebook."""
    build = script("build_book")
    cache = get_cache(tmp_path / "cache")
    hashes = []
    for fingerprint in ("aaaaaaaaaa", "aaaaaaaaaa", "bbbbbbbbbb"):
        staged = tmp_path / fingerprint / "book"
        staged.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "book" / "baggrund.ipynb", staged / "baggrund.ipynb")
        build.stamp_notebooks(staged, {"data_fingerprint": fingerprint})
        hashes.append(cache.create_hashed_notebook(nbformat.read(staged / "baggrund.ipynb", as_version=4))[1])
    assert hashes[0] == hashes[1] != hashes[2]


def test_only_changed_files_are_rewritten(tmp_path: Path):
    staged, target = tmp_path / "staged", tmp_path / "target"
    (staged / "a").mkdir(parents=True)
    (staged / "a" / "same.md").write_text("samme", encoding="utf-8")
    (staged / "new.md").write_text("ny", encoding="utf-8")
    (target / "a").mkdir(parents=True)
    (target / "a" / "same.md").write_text("samme", encoding="utf-8")
    (target / "gone.md").write_text("væk", encoding="utf-8")
    os.utime(target / "a" / "same.md", (1_000_000, 1_000_000))
    script("build_book").sync_tree(staged, target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md")) == ["a/same.md", "new.md"]
    assert (target / "a" / "same.md").stat().st_mtime == 1_000_000


@pytest.mark.build
def test_new_data_re_executes_every_notebook_in_a_rebuild(eighth_site: Path):
    """conftest's `eighth_site` is a rebuild of `built_site`'s output with new data; what it shows is checked
    by tests/test_eighth_municipality.py, here that it did not come from the cache."""
    log = (eighth_site.parent.parent / "build.log").read_text(encoding="utf-8")
    staged = eighth_site.parent / ".kr-source" / "book"
    notebooks = [p for p in staged.rglob("*.ipynb") if any(c.cell_type == "code" for c in nbformat.read(p, as_version=4).cells)]
    assert len(notebooks) >= 20
    shared = script("build_book").RAN_IN_SHARED_KERNEL  # the profile pages, executed by build_book in one kernel
    assert log.count(EXECUTED) + log.count(shared) == len(notebooks), "new data must re-execute every notebook"
    assert log.count("Using cached notebook") == log.count(shared), "only what this build executed may come from the cache"


@pytest.mark.build
def test_a_rebuild_with_nothing_changed_executes_and_rereads_nothing(two_builds: tuple[Path, Path]):
    """conftest's second build of data/ is built again into the same folder with nothing changed."""
    log = (two_builds[1].parent.parent / REBUILD_LOG).read_text(encoding="utf-8")
    assert EXECUTED not in log, "the same data and code must come from the cache"
    assert script("build_book").RAN_IN_SHARED_KERNEL not in log
    # Sphinx reads nothing again; it writes every page anew into an empty site folder (kulturensrige/book/site_folder.py).
    assert "0 added, 0 changed, 0 removed" in log
