"""The execution cache keys on the data too: a rebuild with nothing changed executes nothing, new data re-executes.

Jupyter Book's cache hashes a notebook's code cells and their metadata, not data/. scripts/build_book.py stamps
a build key (the data's fingerprint, the package's code, the list limit) into each staged notebook's first code
cell, and keeps the staged source beside the output so Sphinx re-reads only what changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from jupyter_cache import get_cache

from kulturensrige import load

REPO = Path(__file__).resolve().parent.parent
EXECUTED = "Executing notebook"


def build_key(folder: Path) -> dict[str, str]:
    from conftest import script

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


def test_a_stamped_notebook_hashes_differently_for_other_data(tmp_path: Path):
    """What the cache compares: jupyter-cache's own hash of the stamped notebook."""
    from conftest import script

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
    from conftest import script

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


def _build(data: Path, output: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "build_book.py"), "--data", str(data), "--output", str(output)],
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def earlier_build(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of a whole build of data/ (site, Sphinx's environment, execution cache, staged source)."""
    output = tmp_path_factory.mktemp("cached") / "output"
    if os.environ.get("KR_TEST_SITE"):  # a site built elsewhere may predate the cache: build one here
        _build(REPO / "data", output)
    else:
        shutil.copytree(built_site.parent.parent, output, symlinks=True)
    return output


@pytest.mark.build
def test_a_rebuild_takes_unchanged_notebooks_from_the_cache_and_new_data_re_executes(earlier_build: Path, tmp_path: Path):
    data = shutil.copytree(REPO / "data", tmp_path / "data")
    log = _build(data, earlier_build)
    assert EXECUTED not in log, "the same data and code must come from the cache"

    rows = load(data).municipalities
    slug, outcome = rows["slug"].iloc[0], rows["outcome"].iloc[0]
    text = (data / "municipalities.csv").read_text(encoding="utf-8")
    assert outcome in text
    (data / "municipalities.csv").write_text(text.replace(outcome, outcome + " ÆNDRET I TESTEN.", 1), encoding="utf-8")
    log = _build(data, earlier_build)
    assert EXECUTED in log, "new data must re-execute the notebooks"
    page = earlier_build / "_build" / "html" / "kommuner" / f"profil-{slug}.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article").get_text(" ")
    assert "ÆNDRET I TESTEN." in article
