"""scripts/build_book.py runs the pages' notebooks in one kernel per core, side by side, from one queue of pages."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from kulturensrige.book import executed
from support.scripts import REPO, script
from support.threads import in_own_thread

CORES = len(os.sched_getaffinity(0))


def _page(book: Path, name: str, *cells: str) -> Path:
    path = book / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), path)
    return path


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.skipif(CORES < 2, reason="one core: one kernel")
def test_a_long_page_runs_beside_the_others_in_a_second_kernel(tmp_path: Path):
    """The long page holds one kernel; the other kernel takes every other page from the queue meanwhile."""
    book = tmp_path / "bog"
    long = _page(book, "lang", "import os, time\nprint(os.getpid())\ntime.sleep(3)")
    short = [_page(book, f"kort-{n}", "import os\nprint(os.getpid())") for n in range(4)]
    script("build_book").execute_in_kernels([long, *short], book, tmp_path / "cache", dict(os.environ))

    def pid(path: Path) -> str:
        kept = executed.kept(tmp_path / "cache", path.read_text(encoding="utf-8"))
        assert kept is not None
        return nbformat.reads(kept, as_version=4).cells[0].outputs[0]["text"].strip()

    assert pid(long) not in {pid(p) for p in short}


def test_a_page_that_fails_stops_the_other_kernel_too(tmp_path: Path):
    """The failing page is the one told; the kernel still running a page is shut down, not left behind."""
    book = tmp_path / "bog"
    pid_file = tmp_path / "pid"
    records_pid = f"import os, pathlib, time\npathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))"
    slow = _page(book, "a-langsom", records_pid + "\ntime.sleep(60)")
    failing = _page(book, "b-fejler", "import time\ntime.sleep(1)\n1 / 0")
    build_book = script("build_book")
    start = time.monotonic()
    with pytest.raises(build_book.PageFailed) as failed:
        build_book.execute_in_kernels([slow, failing], book, tmp_path / "cache", dict(os.environ))
    assert failed.value.page == "b-fejler" and time.monotonic() - start < 30
    if CORES > 1:
        kernel = int(pid_file.read_text())
        deadline = time.monotonic() + 10
        while _alive(kernel) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(kernel)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_ctrl_c_while_the_kernels_run_reaches_the_build_as_an_interruption_and_leaves_no_kernel(tmp_path: Path, signum: int):
    """The build says one line; the kernels' own tasks, ending as their kernels are stopped, print no traceback."""
    book = tmp_path / "bog"
    pid_file = tmp_path / "pid"
    _page(book, "side", f"import os, pathlib, time\npathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))\ntime.sleep(60)")
    _page(book, "side-2", "import time\ntime.sleep(60)")
    program = (
        "import os\nfrom pathlib import Path\n"
        "from kulturensrige.data.interruption import Interrupted, interruptible\n"
        "from support.scripts import script\n"
        "build_book = script('build_book')\n"
        f"book = Path({str(book)!r})\n"
        "try:\n"
        "    with interruptible():\n"
        f"        build_book.execute_in_kernels(sorted(book.glob('*.ipynb')), book, Path({str(tmp_path / 'cache')!r}), dict(os.environ))\n"
        "except Interrupted:\n"
        "    print('afbrudt')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "tests")}  # support.scripts, as pytest finds it
    process = subprocess.Popen(
        [sys.executable, "-c", program], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while not pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    kernel = int(pid_file.read_text())
    time.sleep(1)  # both kernels at work
    process.send_signal(signum)
    out, err = process.communicate(timeout=30)
    assert out == "afbrudt\n" and "Traceback" not in err and "Kernel died" not in err, err
    deadline = time.monotonic() + 10
    while _alive(kernel) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(kernel)


def test_pages_run_when_the_caller_has_an_event_loop_of_its_own_running(tmp_path: Path):
    """Playwright's sync API (a browser open in the same test process) or a notebook keeps a loop running in the
    thread; the kernels must still run there."""
    import asyncio

    book = tmp_path / "bog"
    page = _page(book, "side", "1 + 1")

    async def caller() -> None:
        script("build_book").execute_in_kernels([page], book, tmp_path / "cache", dict(os.environ))

    in_own_thread(lambda: asyncio.run(caller()))
    assert executed.kept(tmp_path / "cache", page.read_text(encoding="utf-8")) is not None


def test_a_page_kept_executed_is_not_run_again_and_what_no_page_needs_goes(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """The executed notebooks kept beside the site are named by the staged notebook's text: the same text is found
    and not run; another text (new data, new code) runs; what the build's pages no longer have is removed."""
    book, store = tmp_path / "bog", tmp_path / "udført"
    same = _page(book, "samme", "print(1 + 1)")
    changed = _page(book, "ændret", "print(2)")
    build_book = script("build_book")
    build_book.execute_in_kernels([same, changed], book, store, dict(os.environ))
    before = executed.name(changed.read_text(encoding="utf-8"))
    _page(book, "ændret", "print(3)")
    capsys.readouterr()
    build_book.execute_in_kernels([same, changed], book, store, dict(os.environ))
    ran = [line.split(":")[0] for line in capsys.readouterr().out.splitlines()]
    assert ran == [str(changed)]
    assert sorted(p.name for p in store.iterdir()) == sorted(executed.name(p.read_text(encoding="utf-8")) for p in (same, changed))
    assert before not in {p.name for p in store.iterdir()}
    kept = executed.kept(store, changed.read_text(encoding="utf-8"))
    assert kept is not None and nbformat.reads(kept, as_version=4).cells[0].outputs[0]["text"] == "3\n"


def test_a_port_another_process_takes_before_the_kernel_starts_cannot_fail_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """jupyter_client chooses a kernel's free TCP ports, closes them and hands them to the kernel, which died at start
    with "Address already in use" when another process took one meanwhile (jupyter/jupyter_client#276; seen in CI).
    Here every TCP port chosen for a kernel is taken at once, between the choice and the kernel's start: the pages
    still run."""
    import socket

    from jupyter_client import connect

    taken: list[socket.socket] = []
    choose = connect.write_connection_file

    def choose_then_take(*args, **kwargs):  # type: ignore[no-untyped-def]
        written = choose(*args, **kwargs)
        info = written[1]
        if info["transport"] == "tcp":
            for name in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"):
                grabbed = socket.socket()
                grabbed.bind((info["ip"], info[name]))
                grabbed.listen()
                taken.append(grabbed)
        return written

    monkeypatch.setattr(connect, "write_connection_file", choose_then_take)
    book = tmp_path / "bog"
    pages = [_page(book, f"side-{n}", f"print({n})") for n in range(3)]
    try:
        script("build_book").execute_in_kernels(pages, book, tmp_path / "cache", dict(os.environ))
    finally:
        for grabbed in taken:
            grabbed.close()
    for n, page in enumerate(pages):
        kept = executed.kept(tmp_path / "cache", page.read_text(encoding="utf-8"))
        assert kept is not None and nbformat.reads(kept, as_version=4).cells[0].outputs[0]["text"] == f"{n}\n"


def test_pages_run_when_the_temporary_folder_is_too_deep_for_a_kernels_socket(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A kernel's sockets are files in a temporary folder, and a Unix socket's path may be at most 107 bytes: under a
    deep TMPDIR (a test's own folders) the kernel could not bind them. The build then puts them in /tmp."""
    import tempfile

    deep = tmp_path / ("tief-" * 20)
    deep.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(deep))
    book = tmp_path / "bog"
    page = _page(book, "side", "print(1)")
    script("build_book").execute_in_kernels([page], book, tmp_path / "cache", dict(os.environ))
    assert executed.kept(tmp_path / "cache", page.read_text(encoding="utf-8")) is not None
