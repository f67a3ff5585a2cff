"""The built site holds exactly one build: nothing of an earlier build stays, and a failed or interrupted build
or PDF run leaves the previous site as it was (kulturensrige/book/site_folder.py)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kulturensrige.book import site_folder
from kulturensrige.data.buildkey import BUILT, RECORD, read_record, write_record
from support.scripts import run_script, script

REPO = Path(__file__).resolve().parent.parent


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _site(tmp_path: Path) -> Path:
    site = tmp_path / "_build" / "html"
    (site / "kommuner").mkdir(parents=True)
    (site / "index.html").write_text("forrige", encoding="utf-8")
    (site / "kommuner" / "profil-gammel.html").write_text("gammel", encoding="utf-8")
    write_record(site, {"data_fingerprint": "forrige data", BUILT: "2023-11-14"})  # a finished build
    return site


def test_a_build_starts_from_an_empty_folder_and_keeps_only_what_it_wrote(tmp_path: Path):
    site = _site(tmp_path)
    with site_folder.fresh_site(site) as new:
        assert not new.exists()
        new.mkdir()
        (new / "index.html").write_text("ny", encoding="utf-8")
    assert _files(site) == {"index.html": b"ny"}
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


def test_a_failed_build_puts_the_previous_site_back(tmp_path: Path):
    site = _site(tmp_path)
    before = _files(site)
    with pytest.raises(RuntimeError), site_folder.fresh_site(site) as new:
        new.mkdir()
        (new / "index.html").write_text("halv", encoding="utf-8")
        raise RuntimeError("jupyter-book fejlede")
    assert _files(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


def test_a_changed_copy_replaces_the_site_only_when_it_is_done(tmp_path: Path):
    site = _site(tmp_path)
    before = _files(site)
    with pytest.raises(KeyboardInterrupt), site_folder.replaced_site(site) as copy:
        (copy / "pdf").mkdir()
        (copy / "pdf" / "halv.pdf").write_bytes(b"%PDF")
        raise KeyboardInterrupt
    assert _files(site) == before
    with site_folder.replaced_site(site) as copy:
        (copy / "index.html").write_text("med link", encoding="utf-8")
    assert _files(site)["index.html"] == b"med link"
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


def test_a_site_holding_a_symlink_is_refused_and_nothing_is_written_through_it(tmp_path: Path):
    """A pdf/ linked out of the site: the copy kept the link, and the editions were written (and an old one deleted)
    in the folder it pointed at, which no swap takes back. A linked page would be rewritten there the same way."""
    outside = tmp_path / "ude"
    outside.mkdir()
    (outside / "kulturens-rige-gammel.pdf").write_bytes(b"%PDF ikke bogens")
    for link, target in (("pdf", outside), ("kommuner/profil-linket.html", outside / "kulturens-rige-gammel.pdf")):
        site = _site(tmp_path / link.replace("/", "-"))
        (site / link).symlink_to(target)
        with pytest.raises(site_folder.LinkInSite, match=f"^{link} i bogen er et symbolsk link"), site_folder.replaced_site(site) as copy:
            (copy / "pdf" / "kulturens-rige.pdf").write_bytes(b"%PDF ny")
        assert os.readlink(site / link) == str(target)
        assert sorted(p.name for p in site.parent.iterdir()) == ["html"]
    assert _files(outside) == {"kulturens-rige-gammel.pdf": b"%PDF ikke bogens"}


def _html_folder(command: list[str]) -> Path:
    """The folder a build hands Jupyter Book to write the new site into (its first argument)."""
    return Path(command[command.index(script("build_book").JUPYTER_BOOK) + 1])


def _dead_pid() -> int:
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(process.stdout)


def test_what_a_killed_build_left_is_tidied_before_the_next(tmp_path: Path):
    """kill -9 in the middle of a build: the half-written site goes, the last finished one comes back."""
    site = _site(tmp_path)
    before = _files(site)
    os.rename(site, site.with_name(f".html.{site_folder.PREVIOUS}-{_dead_pid()}"))
    site.mkdir()
    (site / "halv.html").write_text("halv", encoding="utf-8")
    shutil.copytree(site, site.with_name(f".html.{site_folder.NEW}-{_dead_pid()}"))
    site_folder.recover(site)
    assert _files(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


@pytest.mark.build
def test_a_build_on_data_after_one_on_eight_municipalities_leaves_nothing_of_the_eighth(two_builds: tuple[Path, Path]):
    """The issue's case: a book built on an eight-municipality folder (and its PDFs), then on data/, in the same
    output folder. conftest's second build of data/ is made so, in a copy of `eighth_site`'s whole output with the
    eighth's PDF beside its pages (support.over_the_eighth). Afterwards the site has exactly the files of a book built
    on data/ alone (the first of `two_builds`)."""
    from support.over_the_eighth import EIGHTHS_PDF, found_before

    first, site = two_builds
    eighth_pages = found_before(site)
    assert "kommuner/profil-eksempelkommune.html" in eighth_pages and EIGHTHS_PDF.as_posix() in eighth_pages
    assert not [p for p in site.rglob("*") if "eksempelkommune" in p.name]
    assert not (site / "pdf").exists()
    assert sorted(_files(site)) == sorted(_files(first))
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".html")) == []


def test_a_file_the_data_no_longer_makes_does_not_stay_among_the_builds_own_static_files(tmp_path: Path):
    """The build's own static files (kr-data.js, the sentence files, the tables) wait beside the site from build to
    build: the "on" sentences of a book on tied data stayed there and reached the next book on data/, which holds no
    inferred tie (the eighth-municipality case above)."""
    from types import SimpleNamespace

    from kulturensrige.book import extension
    from kulturensrige.render import browser

    app = SimpleNamespace(outdir=str(tmp_path / "html"), srcdir=str(REPO / "book"))
    config = SimpleNamespace(html_static_path=[], html_js_files=[], html_css_files=[], html_theme_options={}, kr_build_key="")
    generated = tmp_path / extension.GENERATED
    generated.mkdir()
    (generated / browser.SENTENCE_FILES[True]).write_text("// en tidligere bogs udledte bånd", encoding="utf-8")
    extension._on_config_inited(app, config)  # type: ignore[arg-type]
    written = sorted(p.name for p in generated.glob("*.js"))
    assert browser.SENTENCE_FILES[False] in written and browser.SENTENCE_FILES[True] not in written, written


def test_an_interrupted_build_leaves_the_previous_site_and_says_so_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """SIGTERM while Jupyter Book writes the new site (stood in for by a function that writes half a page)."""
    build = script("build_book")
    site = _site(tmp_path / "output")
    before = _files(site)

    def half_a_build(command: list[str], env: dict[str, str], keep: tuple[int, ...]) -> int:
        new = _html_folder(command)
        new.mkdir()
        (new / "index.html").write_text("halv", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGTERM)
        return 0

    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: None)
    monkeypatch.setattr(build, "run_in_own_group", half_a_build)
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(tmp_path / "output"))
    assert result.returncode == 130
    # Not "intet er ændret" (hostile round 16, #1): the staged source and the caches beside the site are this build's.
    assert result.stderr.strip().splitlines() == [
        (
            "Afbrudt: bogen er ikke bygget, og den forrige bog ligger uændret, hvor den lå; kun byggeriets egne mellemfiler i "
            f"{(tmp_path / 'output').resolve() / '_build'} kan være ændret."
        )
    ]
    assert _files(site) == before
    assert not [p.name for p in site.parent.iterdir() if p.name.startswith(".html")]


def _other_process() -> int:
    """The number of a process that runs but is not this one: a leftover's number that has gone to another program."""
    return os.getppid()


def test_recovery_beside_a_finished_site_only_removes_the_leftovers(tmp_path: Path):
    """Hostile round 14, #1: a build stopped while it deleted the previous site left a finished new site (with its
    record) and half of the old one; recovery deleted the new site and put the half in its place. An older complete
    build of other data beside a good site was swapped in the same way, and one whose process number had gone to
    another program waited unnoticed."""
    site = _site(tmp_path)
    write_record(site, {"data_fingerprint": "nye data", BUILT: "2023-11-14"})
    before = _files(site)
    half = site.with_name(f".html.{site_folder.PREVIOUS}-{_dead_pid()}")
    (half / "kommuner").mkdir(parents=True)
    (half / "kommuner" / "profil-halv.html").write_text("halvt slettet", encoding="utf-8")
    older = site.with_name(f".html.{site_folder.PREVIOUS}-{_other_process()}")
    shutil.copytree(site, older)
    write_record(older, {"data_fingerprint": "andre data", BUILT: "2023-11-14"})
    site_folder.recover(site)
    assert _files(site) == before
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


def test_an_interrupt_while_the_previous_site_is_removed_finishes_and_says_the_new_book_is_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Hostile round 14, #1: SIGTERM once the new site was in place, while the previous one was deleted, said the
    book was not built and nothing had changed, and left half of the old site beside the new one."""
    build = script("build_book")
    site = _site(tmp_path / "output")
    remove = site_folder._remove

    def a_build(command: list[str], env: dict[str, str], keep: tuple[int, ...]) -> int:
        new = _html_folder(command)
        new.mkdir()
        (new / "index.html").write_text("ny", encoding="utf-8")
        write_record(new, {"data_fingerprint": "nye data", BUILT: "2023-11-14"})
        return 0

    def signal_then_remove(path: Path) -> None:
        if path.name.startswith(f".html.{site_folder.NEW}-"):  # the previous site, swapped out
            os.kill(os.getpid(), signal.SIGTERM)
        remove(path)

    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: None)
    monkeypatch.setattr(build, "run_in_own_group", a_build)
    monkeypatch.setattr(site_folder, "_remove", signal_then_remove)
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(tmp_path / "output"))
    assert result.returncode == 130
    assert result.stderr.strip().splitlines() == [
        (f"Afbrudt til sidst: den nye bog ligger i {site.resolve()}; oprydningen efter det blev gjort færdig, før kommandoen stoppede.")
    ]
    assert _files(site)["index.html"] == b"ny"
    assert not [p.name for p in site.parent.iterdir() if p.name.startswith(".html")]


def _printable_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A finished site of data/, and build_pdf with the printer stood in for by one that writes a PDF per job."""
    from kulturensrige import load

    pdf = script("build_pdf")

    def printing(jobs, readable=()):
        jobs[0].output.parent.mkdir(exist_ok=True)
        return [job.output.write_bytes(b"%PDF ny") and job.output for job in jobs]

    monkeypatch.setattr(pdf, "CHROMIUM", sys.executable)
    monkeypatch.setattr(pdf, "print_pdfs", printing)
    monkeypatch.setattr(pdf, "link_editions", lambda site, data: [])
    site = _site(tmp_path / "output")
    write_record(site, {"data_fingerprint": load(REPO / "data").fingerprint, BUILT: "2023-11-14"})
    return site


def test_pdfs_beside_a_stale_previous_site_of_other_data_go_into_the_site_that_was_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 14, #1: the site was checked, then recovery swapped in a stale `.html.forrige-PID` built from
    other data, and the PDFs of data/ were linked into its pages: "8 PDF-filer skrevet" over the wrong book."""
    site = _printable_site(tmp_path, monkeypatch)
    record = read_record(site)
    for pid in (_dead_pid(), _other_process()):
        older = site.with_name(f".html.{site_folder.PREVIOUS}-{pid}")
        shutil.copytree(site, older)
        write_record(older, {"data_fingerprint": "andre data", BUILT: "2023-11-14"})
    result = run_script("build_pdf", "--data", str(REPO / "data"), "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert read_record(site) == record
    assert (site / "pdf" / "kulturens-rige.pdf").read_bytes() == b"%PDF ny"
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


def test_an_interrupt_while_the_replaced_site_is_removed_finishes_and_says_the_pdfs_are_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Hostile round 14, #2a: SIGTERM while the replaced site was deleted said the PDFs were not written, beside a
    site holding them and half of the old site."""
    site = _printable_site(tmp_path, monkeypatch)
    remove = site_folder._remove

    def signal_then_remove(path: Path) -> None:
        if path.name.startswith(f".html.{site_folder.NEW}-"):  # the site the copy replaced
            os.kill(os.getpid(), signal.SIGTERM)
        remove(path)

    monkeypatch.setattr(site_folder, "_remove", signal_then_remove)
    result = run_script("build_pdf", "--data", str(REPO / "data"), "--site", str(site))
    assert result.returncode == 130
    assert result.stderr.strip().splitlines() == [
        (
            f"Afbrudt til sidst: PDF-udgaverne ligger i {site.resolve() / 'pdf'}; oprydningen efter det blev gjort færdig, før "
            "kommandoen stoppede."
        )
    ]
    assert (site / "pdf" / "kulturens-rige.pdf").read_bytes() == b"%PDF ny"
    assert sorted(p.name for p in site.parent.iterdir()) == ["html"]


def _victim(tmp_path: Path) -> Path:
    victim = tmp_path / "offer"
    (victim / "html").mkdir(parents=True)
    (victim / "html" / "precious.txt").write_text("ikke bogens", encoding="utf-8")
    return victim


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("_build", lambda victim: victim),
        ("_build/html", lambda victim: victim / "html"),
        # Hostile round 15, #6: the staged source and the caches beside the site were written through a link too.
        ("_build/.kr-source", lambda victim: victim),
        ("_build/jupyter_execute", lambda victim: victim),
        # Hostile round 16, #1: a link deeper down, which the build wrote, copied and deleted through (its victims lost
        # their files and got the book's), and where Sphinx, jupyter-cache, myst-nb and the extension write by name.
        ("_build/.kr-source/book", lambda victim: victim),
        ("_build/.kr-source/book/kommuner", lambda victim: victim / "html"),
        ("_build/.kr-source/book/baggrund.ipynb", lambda victim: victim / "html" / "precious.txt"),
        ("_build/.doctrees/index.doctree", lambda victim: victim / "html" / "precious.txt"),
        ("_build/.jupyter_cache/global.db", lambda victim: victim / "html" / "precious.txt"),
        ("_build/jupyter_execute/kommuner", lambda victim: victim / "html"),
        ("_build/_kr_generated/kr-data.js", lambda victim: victim / "html" / "precious.txt"),
    ],
    ids=[
        "build",
        "html",
        "staged-source",
        "executed",
        "staged-book",
        "staged-subfolder",
        "staged-page",
        "doctree",
        "execution-cache",
        "executed-subfolder",
        "generated-script",
    ],
)
def test_a_build_through_a_symlinked_build_folder_is_refused_and_the_folder_it_points_at_is_untouched(
    link: str, target, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Hostile round 14, #3a: `o2/_build` linked to another folder; the build wrote its caches there and deleted
    the folder's html/precious.txt, with exit status 0."""
    build = script("build_book")
    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: pytest.fail("the build must not start"))
    victim = _victim(tmp_path)
    before = _files(victim)
    output = tmp_path / "o2"
    (output / link).parent.mkdir(parents=True, exist_ok=True)
    (output / link).symlink_to(target(victim))
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(output))
    assert result.returncode == 2
    shown = output.resolve() / link
    assert result.stderr.splitlines() == [
        (
            f"Bogen er ikke bygget: {shown} er et symbolsk link (til {target(victim)}), og bogen bygges ikke gennem et link; "
            "fjern linket, eller angiv en anden --output."
        )
    ]
    assert _files(victim) == before and sorted(p.name for p in victim.iterdir()) == ["html"]


def test_a_fifo_among_the_builds_own_files_is_refused_before_anything_opens_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A FIFO as the execution cache's database (or any file the build writes): jupyter-cache would wait on it for
    ever. Refused in one line, like a link."""
    build = script("build_book")
    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: pytest.fail("the build must not start"))
    output = tmp_path / "o5"
    (output / "_build" / ".jupyter_cache").mkdir(parents=True)
    os.mkfifo(output / "_build" / ".jupyter_cache" / "global.db")
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(output))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        (
            f"Bogen er ikke bygget: {output.resolve() / '_build' / '.jupyter_cache' / 'global.db'} er et navngivet rør (FIFO), "
            "ikke en fil, som et byggeri har skrevet; fjern den, eller angiv en anden --output."
        )
    ]
    assert sorted(p.name for p in (output / "_build").iterdir()) == [".jupyter_cache"]


@pytest.mark.parametrize("entry", ["_build/.doctrees/environment.pickle", "_build/kr-side-fejl.log", "_build/.kr-source/book/intro.md"])
def test_a_hard_link_among_the_builds_own_files_is_refused_and_the_file_it_shares_is_untouched(
    entry: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Issue 25, #4: a file under _build with a second name outside (a hard link) was written into by the build, and
    with it the file outside. Refused in one line, like a symbolic link."""
    build = script("build_book")
    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: pytest.fail("the build must not start"))
    outside = tmp_path / "mine-noter.txt"
    outside.write_text("ikke bogens\n", encoding="utf-8")
    output = tmp_path / "o6"
    (output / entry).parent.mkdir(parents=True)
    os.link(outside, output / entry)
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(output))
    assert result.returncode == 2, result.stderr
    assert result.stderr.splitlines() == [
        (
            f"Bogen er ikke bygget: {output.resolve() / entry} er en hård link (filen har 2 navne), og bygget ville skrive i "
            "filen under alle navnene; fjern den, eller angiv en anden --output."
        )
    ]
    assert outside.read_text(encoding="utf-8") == "ikke bogens\n" and os.stat(outside).st_nlink == 2


def test_a_refusal_without_output_advises_the_command_the_reader_ran(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Issue 25, #7: under `make book`, which has no --output, the refusal said "angiv en anden --output". Without
    --output the book is built in book/ (here a stand-in for the repository's), and the advice names the command that
    builds elsewhere."""
    build = script("build_book")
    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: pytest.fail("the build must not start"))
    monkeypatch.setattr(build, "ROOT", tmp_path)
    (tmp_path / "book" / "_build" / ".jupyter_cache").mkdir(parents=True)
    os.mkfifo(tmp_path / "book" / "_build" / ".jupyter_cache" / "global.db")
    result = run_script("build_book", "--data", str(REPO / "data"))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        (
            f"Bogen er ikke bygget: {tmp_path / 'book' / '_build' / '.jupyter_cache' / 'global.db'} er et navngivet rør (FIFO), "
            "ikke en fil, som et byggeri har skrevet; fjern den, eller byg bogen et andet sted med scripts/build_book.py --output MAPPE."
        )
    ]
    assert "--output" not in result.stderr.replace("build_book.py --output", "")


def test_a_link_inside_the_previous_site_is_no_reason_to_refuse_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The site is the one place under _build where a link is left to the build: it writes a new site into an empty
    folder and removes the old one without following anything, which is how build_pdf's advice (LinkInSite: build the
    book again) gets rid of a link there. The file the link pointed at is left as it was."""
    build = script("build_book")
    victim = _victim(tmp_path)
    site = _site(tmp_path / "output")
    (site / "kommuner" / "profil-linket.html").symlink_to(victim / "html" / "precious.txt")

    def a_build(command: list[str], env: dict[str, str], keep: tuple[int, ...]) -> int:
        new = _html_folder(command)
        new.mkdir()
        write_record(new, {"data_fingerprint": "nye data", BUILT: "2023-11-14"})
        return 0

    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: None)
    monkeypatch.setattr(build, "run_in_own_group", a_build)
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(tmp_path / "output"))
    assert result.returncode == 0, result.stderr
    assert _files(site) == {RECORD: (site / RECORD).read_bytes()}
    assert _files(victim) == {"html/precious.txt": b"ikke bogens"}


def test_a_site_folder_holding_files_no_build_made_is_refused_and_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 14, #3b: `o3/_build/html/precious.txt`, in a folder no build made, was deleted without a word."""
    build = script("build_book")
    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: pytest.fail("the build must not start"))
    output = tmp_path / "o3"
    output.mkdir()
    site = _victim(tmp_path).rename(output / "_build") / "html"
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(output))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        (
            f"Bogen er ikke bygget: {site.resolve()} er ikke en bog, som build_book har bygget (den har ingen {RECORD}), og "
            "dens filer ville blive slettet; flyt dem, eller angiv en anden --output."
        )
    ]
    assert _files(site) == {"precious.txt": b"ikke bogens"}


# A process that holds the site as `make pdf` or `make book` does while it prints or builds: the printer or
# Jupyter Book is stood in for by a function that says it has started and then waits for the test's word.
_HOLDER = """
import sys, time
from pathlib import Path
from kulturensrige.data.buildkey import BUILT, write_record
from support.scripts import script

started, go, name, argv = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4:]

def wait():
    started.touch()
    while not go.exists():
        time.sleep(0.05)

def printing(jobs, readable=()):
    wait()
    jobs[0].output.parent.mkdir(exist_ok=True)
    return [job.output.write_bytes(b"%PDF gammel bog") and job.output for job in jobs]

def building(command, env, keep):
    wait()
    site = Path(command[command.index(module.JUPYTER_BOOK) + 1])
    site.mkdir()
    (site / "index.html").write_text("ny bog", encoding="utf-8")
    write_record(site, {"data_fingerprint": "nye data", BUILT: "2023-11-14"})
    return 0

module = script(name)
if name == "build_pdf":
    module.CHROMIUM, module.print_pdfs, module.link_editions = sys.executable, printing, lambda site, data: []
else:
    module.execute_in_kernels, module.run_in_own_group = (lambda *args: None), building
sys.exit(module.main(argv))
"""


def _holding(tmp_path: Path, name: str, *argv: str) -> subprocess.Popen:
    """scripts/<name>.py in a process of its own, stopped where it prints or builds until the test writes `go`."""
    started = tmp_path / "started"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(started), str(tmp_path / "go"), name, *argv],
        env={**os.environ, "PYTHONPATH": str(REPO / "tests")},  # support.scripts, as pytest's pythonpath finds it
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(1200):
        if started.exists() or holder.poll() is not None:
            break
        time.sleep(0.05)
    assert started.exists(), holder.communicate()
    return holder


def _finish(tmp_path: Path, holder: subprocess.Popen) -> subprocess.CompletedProcess:
    (tmp_path / "go").touch()
    out, err = holder.communicate(timeout=120)
    return subprocess.CompletedProcess(holder.args, holder.returncode, out, err)


def test_a_build_while_the_pdfs_are_printed_is_refused_and_the_site_stays_one_build(tmp_path: Path, monkeypatch):
    """Hostile round 12, #1: `make pdf` copies the site, `make book` swaps in a new one, then `make pdf` swaps its copy
    of the old one back over it: kr-build.json and pages of either, both saying they were done. Two real processes:
    while one prints, a build of the same site is refused in one line and changes nothing; the printing ends well."""
    from kulturensrige import load

    data = load(REPO / "data")
    output = tmp_path / "output"
    site = _site(output)
    write_record(site, {"data_fingerprint": data.fingerprint, BUILT: "2023-11-14"})
    before = _files(site)
    printer = _holding(tmp_path, "build_pdf", "--site", str(site), "--data", str(REPO / "data"))
    try:
        build = script("build_book")
        monkeypatch.setattr(build, "execute_in_kernels", lambda *args: None)
        monkeypatch.setattr(build, "run_in_own_group", lambda command, env, keep: pytest.fail("the build ran beside the printing"))
        result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(output))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.splitlines()[-1:] == [f"Bogen er ikke bygget: {site_folder.SiteBusy(site.resolve())}."]
        assert _files(site) == before
    finally:
        printed = _finish(tmp_path, printer)
    assert printed.returncode == 0, printed.stderr
    assert _files(site) == before | {f"pdf/{path.name}": b"%PDF gammel bog" for path in (site / "pdf").iterdir()}


def test_pdfs_while_the_book_is_built_are_refused_and_the_new_build_is_swapped_in_whole(tmp_path: Path):
    """The other way round: while `make book` writes the new site, `make pdf` on the same site is refused at once
    (its copy of the old site would otherwise replace the new one when it is done)."""
    from kulturensrige import load

    output = tmp_path / "output"
    site = _site(output)
    write_record(site, {"data_fingerprint": load(REPO / "data").fingerprint, BUILT: "2023-11-14"})
    builder = _holding(tmp_path, "build_book", "--data", str(REPO / "data"), "--output", str(output))
    try:
        result = subprocess.run(
            [sys.executable, str(REPO / "scripts" / "build_pdf.py"), "--site", str(site), "--data", str(REPO / "data")],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert result.stderr.splitlines() == [f"PDF-udgaverne er ikke skrevet: {site_folder.SiteBusy(site.resolve())}."]
    finally:
        built = _finish(tmp_path, builder)
    assert built.returncode == 0, built.stderr
    assert _files(site) == {"index.html": b"ny bog", "kr-build.json": (site / "kr-build.json").read_bytes()}
    assert b"nye data" in (site / "kr-build.json").read_bytes()


# build_book.py with Jupyter Book stood in for by a child that forks a writer (as Sphinx forks its readers and
# writers), says both have started, and goes on for a minute before writing a page into its HTML folder.
_ORPHANED = """
import sys
from pathlib import Path
from support.scripts import script

module = script("build_book")
module.execute_in_kernels = lambda *args: None
module.JUPYTER_BOOK = (
    "import os, pathlib, sys, time; html = pathlib.Path(sys.argv[1]); forked = os.fork(); "
    f"pathlib.Path({sys.argv[1]!r}).write_text(str(os.getpid()) + ' ' + str(forked)) if forked else None; "
    "time.sleep(60); html.mkdir(exist_ok=True); (html / 'sent.html').write_text('for sent')"
)
sys.exit(module.main(sys.argv[2:]))
"""


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")  # ended, not yet reaped


def test_a_build_killed_outright_takes_jupyter_book_and_what_it_forked_with_it(tmp_path: Path):
    """Hostile round 19, #1: Jupyter Book runs in a session of its own and outlived a kill -9 of build_book.py (and of
    its process group), then wrote the site. Killed outright, the build takes Jupyter Book and the processes it forked
    with it at once: none of them writes a page afterwards, and the site's lock is free for the next run."""
    output = tmp_path / "output"
    site = _site(output)
    before = _files(site)
    started = tmp_path / "started"
    builder = subprocess.Popen(
        [sys.executable, "-c", _ORPHANED, str(started), "--data", str(REPO / "data"), "--output", str(output)],
        env={**os.environ, "PYTHONPATH": str(REPO / "tests")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(1200):
        if started.exists() and started.read_text() or builder.poll() is not None:
            break
        time.sleep(0.05)
    writers = [int(pid) for pid in started.read_text().split()]
    builder.kill()
    builder.wait()
    try:
        for _ in range(100):
            if all(_gone(pid) for pid in writers):
                break
            time.sleep(0.05)
        assert [pid for pid in writers if not _gone(pid)] == []
    finally:
        for pid in writers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    with site_folder.site_lock(site):
        site_folder.recover(site)
    assert _files(site) == before
    assert not [p.name for p in site.parent.iterdir() if p.name.startswith(".html")]


def test_the_site_is_the_previous_book_whole_while_jupyter_book_writes_the_new_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Hostile round 19, #1: every build emptied book/_build/html while Jupyter Book wrote it (258 files, then 0, then
    38 without index.html), so `make serve` or an rsync during a build served half a book. The new site is written
    beside the site and swapped in when it is done."""
    build = script("build_book")
    site = _site(tmp_path / "output")
    before = _files(site)
    seen: list[dict[str, bytes]] = []

    def a_build(command: list[str], env: dict[str, str], keep: tuple[int, ...]) -> int:
        new = _html_folder(command)
        new.mkdir()
        (new / "index.html").write_text("ny", encoding="utf-8")
        seen.append(_files(site))
        write_record(new, {"data_fingerprint": "nye data", BUILT: "2023-11-14"})
        seen.append(_files(site))
        return 0

    monkeypatch.setattr(build, "execute_in_kernels", lambda *args: None)
    monkeypatch.setattr(build, "run_in_own_group", a_build)
    result = run_script("build_book", "--data", str(REPO / "data"), "--output", str(tmp_path / "output"))
    assert result.returncode == 0, result.stderr
    assert seen == [before, before]
    assert _files(site)["index.html"] == b"ny"
    assert not [p.name for p in site.parent.iterdir() if p.name.startswith(".html")]


def test_a_build_record_nested_too_deep_to_read_is_no_record_not_a_traceback(tmp_path: Path):
    """Hostile round 13, #2: a kr-build.json of 100,000 nested '[' ended build_pdf in a RecursionError traceback."""
    (tmp_path / RECORD).write_text("[" * 100_000, encoding="utf-8")
    assert read_record(tmp_path) is None


@pytest.mark.parametrize("kind", ["link to /dev/zero", "fifo", "oversized"])
def test_a_build_record_that_is_no_small_regular_file_is_not_read(kind: str, tmp_path: Path):
    """Hostile round 15, #7: kr-build.json linked to /dev/zero was read until memory ran out (MemoryError), a FIFO in
    its place hung build_pdf. Only a regular file of at most RECORD_LIMIT bytes is a build's record."""
    from kulturensrige.data.buildkey import RECORD, RECORD_LIMIT, read_record

    record = tmp_path / RECORD
    if kind == "fifo":
        os.mkfifo(record)
    elif kind == "oversized":
        record.write_text('{"data_fingerprint": "' + "0" * RECORD_LIMIT + '"}', encoding="utf-8")
    else:
        record.symlink_to("/dev/zero")
    assert read_record(tmp_path) is None


@pytest.mark.parametrize(
    ("kind", "said"),
    [
        ("invalid JSON", "er ikke gyldig JSON (linje 1, tegn 22)"),
        ("a list", "er JSON, men ikke det objekt med bygningens nøgle, som en bygning skriver"),
        ("not UTF-8", "er ikke UTF-8-tekst"),
        ("a folder", "er en mappe, ikke den fil, en bygning skriver"),
        ("a link", "er et symbolsk link, ikke den fil, en bygning skriver"),
    ],
)
def test_a_build_record_that_cannot_be_read_is_said_to_be_unreadable_not_missing(kind: str, said: str, tmp_path: Path):
    """Hostile round 15: a kr-build.json of invalid JSON made build_pdf say the book 'har ingen kr-build.json'. The
    line says what is wrong with the record that is there; a missing record is still said to be missing."""
    site = tmp_path / "html"
    site.mkdir()
    (site / "index.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    problem = script("build_pdf").site_problem
    assert problem(site, "0123456789") == f"Bogen i {site} har ingen {RECORD} fra sin bygning: kør make book (med samme DATA) igen."
    record = site / RECORD
    if kind == "a folder":
        record.mkdir()
    elif kind == "a link":
        record.symlink_to(tmp_path / "andet.json")
    else:
        record.write_bytes({"invalid JSON": b'{"data_fingerprint": ', "a list": b"[1]", "not UTF-8": b'{"\xff": 1}'}[kind])
    line = problem(site, "0123456789")
    assert line.startswith(f"Bogens {RECORD} i {site} {said}") and "har ingen" not in line, line
    assert line.endswith(", så det er uklart, hvilke data bogen er bygget fra: kør make book (med samme DATA) igen."), line
    with pytest.raises(site_folder.ForeignFolder) as refused:  # the build that would replace the site says the same
        site_folder.refuse_foreign(tmp_path, site, replaced=True)
    assert f"er ikke en bog, som build_book har bygget (dens {RECORD} {said})" in str(refused.value), refused.value
