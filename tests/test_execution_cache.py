"""The executed notebooks key on the data too: a rebuild with nothing changed executes nothing, new data re-executes.

scripts/build_book.py stamps a build key (the data's fingerprint, the package's code, the list limit) into each
staged notebook's first code cell, keeps each executed notebook under a hash of the staged one
(kulturensrige/book/executed.py), and keeps the staged source beside the output so Sphinx re-reads only what changed.
Jupyter Book executes and caches nothing (docs/adr/0025).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup

from kulturensrige import load
from kulturensrige.book import executed
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
    assert "Køge holdt eventet" in text
    (copy / "municipalities.csv").write_text(text.replace("Køge holdt eventet", "Køge afholdt eventet", 1), encoding="utf-8")
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
    """What the build looks its executed notebooks up by: the hash of the stamped notebook."""
    build = script("build_book")
    hashes = []
    for fingerprint in ("aaaaaaaaaa", "aaaaaaaaaa", "bbbbbbbbbb"):
        staged = tmp_path / fingerprint / "book"
        staged.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(REPO / "book" / "baggrund.ipynb", staged / "baggrund.ipynb")
        build.stamp_notebooks(staged, {"data_fingerprint": fingerprint})
        hashes.append(executed.name((staged / "baggrund.ipynb").read_text(encoding="utf-8")))
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
    assert len(notebooks) >= 15
    shared = script("build_book").RAN_IN_SHARED_KERNEL  # the chapters, executed by build_book in shared kernels
    assert log.count(shared) == len(notebooks), "new data must re-execute every notebook"
    assert EXECUTED not in log and "Using cached notebook" not in log, "Jupyter Book executes and caches nothing"


@pytest.mark.build
def test_a_rebuild_with_nothing_changed_executes_and_rereads_nothing(two_builds: tuple[Path, Path]):
    """conftest's second build of data/ is built again into the same folder with nothing changed."""
    log = (two_builds[1].parent.parent / REBUILD_LOG).read_text(encoding="utf-8")
    assert EXECUTED not in log, "the same data and code must come from the cache"
    assert script("build_book").RAN_IN_SHARED_KERNEL not in log
    # Sphinx reads nothing again; it writes every page anew into an empty site folder (kulturensrige/book/site_folder.py).
    assert "0 added, 0 changed, 0 removed" in log


@pytest.mark.build
def test_sphinx_reads_each_page_executed_and_publishes_its_notebook_without_outputs(built_site: Path):
    """The page shows what its code made (read from the executed notebook kept beside the site); the notebook a
    reader downloads from "Sådan er siden lavet" (_sources) is the staged one, without outputs; Jupyter Book kept no
    cache of its own."""
    staged = built_site.parent / ".kr-source" / "book"
    page = "ingredienser/oversigt"
    text = (staged / f"{page}.ipynb").read_text(encoding="utf-8")
    kept = executed.kept(built_site.parent / script("build_book").EXECUTED, text)
    assert kept is not None and any(c.get("outputs") for c in nbformat.reads(kept, as_version=4).cells)
    published = nbformat.read(built_site / "_sources" / f"{page}.ipynb", as_version=4)
    assert not any(c.get("outputs") for c in published.cells if c.cell_type == "code")
    body = BeautifulSoup((built_site / f"{page}.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert body is not None and body.select(".cell_output")
    assert not (built_site.parent / ".jupyter_cache").exists()


@pytest.mark.build
def test_profile_pages_run_in_no_kernel_and_publish_their_thin_notebook(built_site: Path, data):
    """ADR 29: build_book makes the profiles as MyST in its own process; "Sådan er siden lavet" still links to each
    one's notebook in _sources, stamped with the build key like the chapters', not to the MyST of prepared HTML."""
    log = (built_site.parent.parent / "build.log").read_text(encoding="utf-8")
    ran = [line for line in log.splitlines() if script("build_book").RAN_IN_SHARED_KERNEL in line]
    assert ran and not [line for line in ran if "/kommuner/profil-" in line]
    key = nbformat.read(built_site / "_sources" / "baggrund.ipynb", as_version=4).cells[1].metadata["kulturensrige_build"]
    for slug in data.municipalities["slug"]:
        notebook = nbformat.read(built_site / "_sources" / "kommuner" / f"profil-{slug}.ipynb", as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code[0].metadata["kulturensrige_build"] == key and not any(cell.outputs for cell in code)
        assert not (built_site / "_sources" / "kommuner" / f"profil-{slug}.md").exists()
        page = (built_site / "kommuner" / f"profil-{slug}.html").read_text(encoding="utf-8")
        assert f'href="../_sources/kommuner/profil-{slug}.ipynb"' in page


def test_a_notebook_with_code_and_nothing_executed_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Jupyter Book no longer executes: a page whose notebook was not run by build_book would show no outputs."""
    from sphinx.errors import ExtensionError

    from kulturensrige.book import extension

    class Env:
        def doc2path(self, docname: str) -> str:
            return f"/bog/{docname}.ipynb"

    class App:
        env = Env()

    notebook = nbformat.writes(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]))
    monkeypatch.setenv(executed.VARIABLE, str(tmp_path))
    with pytest.raises(ExtensionError, match="siden baggrund er ikke kørt"):
        extension._executed_notebook(App(), "baggrund", [notebook])  # type: ignore[arg-type]
    executed.keep(tmp_path, notebook, "udført")
    source = [notebook]
    extension._executed_notebook(App(), "baggrund", source)  # type: ignore[arg-type]
    assert source == ["udført"]
