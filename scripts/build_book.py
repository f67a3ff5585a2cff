"""Build the book from a data folder: validate, write one profile page per municipality, run Jupyter Book.

The build runs on a staged copy of book/ with the generated profile pages added; the output goes to book/_build/html
unless --output names another folder. The staged copy is kept beside the output (_build/.kr-source) and only files
whose bytes changed are rewritten, so a rebuild re-reads only what changed. Every staged notebook carries a build
key (the data's fingerprint, the package's code, the settings that change what the notebooks show). The profile
pages are MyST made in this process from the same calls as their thin notebooks (kulturensrige/book/profiles.py,
docs/adr/0029). The other pages' notebooks run in one kernel per core before Jupyter Book starts (each kernel
imports pandas and plotly once, not once per page), and each executed notebook is kept beside the site under a hash
of the staged one, build key included (kulturensrige/book/executed.py): new data re-executes the notebooks, the same
data finds them kept. Jupyter Book executes and caches nothing (execute_notebooks: off, docs/adr/0025); the book's
extension reads each page's executed notebook as Sphinx reads it. Jupyter Book writes every page into an empty site
folder, swapped in only when the build succeeds (kulturensrige/book/site_folder.py): the site holds this build and
nothing of an earlier one.

Usage: python scripts/build_book.py [--data DATA_DIR] [--output DIR] [--builder html|linkcheck]
A data problem stops the build with one line per problem and no traceback; Ctrl+C or SIGTERM stops it with
one line and leaves the previous site as it was, or, once the new site is in place, says so.
"""

from __future__ import annotations

import asyncio
import contextlib
import filecmp
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import AsyncIterator, Coroutine
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from typing import Any

# jsonschema (imported by nbformat and MyST-NB) imports rfc3987_syntax when it is installed, which compiles some
# thirty Lark grammars at import, about 0.8 s of CPU per build, for IRI formats no notebook schema uses
# (python-jsonschema/jsonschema#1428): that optional import is made to fail, and jsonschema leaves the two formats out.
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat
import zmq
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError

from kulturensrige import cli
from kulturensrige.book import executed
from kulturensrige.book.page_source import PAGE_VARIABLE
from kulturensrige.book.profiles import ProfileFailed, stamp, write_profile_pages
from kulturensrige.book.site_folder import (
    ANOTHER_OUTPUT,
    WITHOUT_OUTPUT,
    ForeignFolder,
    SiteBusy,
    fresh_site,
    recover,
    refuse_foreign,
    site_lock,
)
from kulturensrige.data.buildkey import build_key
from kulturensrige.data.folder_writing import destination_problem
from kulturensrige.data.interruption import EXIT_CODE, Interrupted, interruptible
from kulturensrige.data.loading import CACHE_KEY_VARIABLE, CACHE_VARIABLE, DATA_DIR_VARIABLE, Dataset, data_dir, keep, load
from kulturensrige.data.problems import Problem
from kulturensrige.data.scratch import scratch_folder
from kulturensrige.data.settings import settings_problems
from kulturensrige.data.tether import tethered

ROOT = Path(__file__).resolve().parent.parent

# Jupyter Book's own command, started so that its jsonschema, too, leaves rfc3987_syntax's grammars uncompiled
# (python-jsonschema/jsonschema#1428; as above): 0.6–1 s of CPU in every build.
# Its first argument is the folder the HTML goes into: Jupyter Book 1's command has no option for it (it always
# writes PATH_OUTPUT/_build/html, the live site), so the folder it hands to Sphinx is replaced by that one, a sibling
# of the site that build_book swaps in when the build is done (site_folder.fresh_site). Sphinx's environment, myst-nb's
# and the extension's folders are the HTML folder's siblings in _build, the same for either name.
JUPYTER_BOOK = (
    "import sys; sys.modules['rfc3987_syntax'] = None; html = sys.argv.pop(1); sys.argv[0] = 'jupyter-book'; "
    "import jupyter_book.sphinx as sphinx; build = sphinx.build_sphinx; "
    "sphinx.build_sphinx = lambda source, output, **options: build(source, html, **options); "
    "from jupyter_book.cli.main import main; sys.exit(main())"
)

# The log line of a notebook executed in a shared kernel.
RAN_IN_SHARED_KERNEL = "kørt i den fælles kerne"


@cli.stops_on_problems("Bogen er ikke bygget: {count} problem(er) i datamappen.")
def main(argv: list[str] | None = None) -> int:
    parser = cli.Parser(description="Byg bogen fra en datamappe.")
    parser.add_argument(
        "--data",
        type=cli.input_name("datamappen, bogen bygges af", str),
        default=None,
        help="datamappe (standard: $KR_DATA_DIR eller data/)",
    )
    parser.add_argument("--output", default=None, help="mappen, bogen bygges i: siden kommer i MAPPE/_build/html (standard: book)")
    parser.add_argument("--builder", default="html", choices=["html", "linkcheck"], help="Sphinx-builderen (standard: html)")
    args = parser.parse_args(argv)
    if unusable := settings_problems():  # before any work: a traceback from Sphinx or a notebook otherwise
        for problem in unusable:
            cli.refused(problem)
        return cli.OUTPUT_REFUSED
    folder = data_dir(args.data)
    if (inside := data_in_the_book(folder)) is not None:
        return cli.refused(inside)
    if args.output is not None:
        # The folder gets _build/ inside; anything else there, a device or the working folder is refused up front.
        refused = destination_problem(args.output, folder=True, overwrite=True, reading=[folder], names={"_build"}, replaces_links=False)
        if refused is not None:
            return cli.refused(refused)
    try:
        output = Path(args.output).resolve() if args.output else ROOT / "book"
        with interruptible():
            return build(folder, output, args.builder, elsewhere=ANOTHER_OUTPUT if args.output else WITHOUT_OUTPUT)
    except Interrupted as stop:
        built = f"den nye bog ligger i {output / '_build' / 'html'}"
        # Not "intet er ændret": the staged source and the caches beside the site may have been (hostile round 16, #1).
        changed = f"kun byggeriets egne mellemfiler i {output / '_build'} kan være ændret"
        print(stop.line("bogen er ikke bygget, og den forrige bog ligger uændret, hvor den lå", built, changed), file=sys.stderr)
        return EXIT_CODE
    except SiteBusy as busy:
        print(f"Bogen er ikke bygget: {busy}.", file=sys.stderr)
        return 1
    except ForeignFolder as foreign:
        print(f"Bogen er ikke bygget: {foreign}.", file=sys.stderr)
        return cli.OUTPUT_REFUSED


def data_in_the_book(folder: Path) -> Problem | None:
    """A data folder inside book/ is refused, with or without --output: book/ is the source the build copies (a data
    folder's DATAORDBOG.md would become a page) and, by default, the output, whose _build/html is swapped for the new
    site while the build still reads the data (book/_build/html/_static/data ended in Sphinx tracebacks)."""
    book = Path(os.path.realpath(ROOT / "book"))
    real = Path(os.path.realpath(folder))
    if real != book and book not in real.parents:
        return None
    return Problem(str(folder), None, None, None, f"ligger i {book}, som bogen bygges fra og skrives ind i; læg datamappen uden for book/")


def build(folder: Path, output: Path, builder: str = "html", *, elsewhere: str = ANOTHER_OUTPUT) -> int:
    """Validate, stage, execute, and let Jupyter Book write the site into a fresh folder (site_folder). The site's lock
    is held throughout: the staged source, the caches and the site beside it are this build's alone, and a PDF run
    cannot swap in its copy of the previous site while this one writes."""
    # Validated once here; the pages' kernel reads the tables from a cache that only this build can write or sign.
    site = output / "_build" / "html"
    refuse_foreign(output / "_build", site, replaced=False, elsewhere=elsewhere)  # a link, before anything goes through it
    # Validated before anything is written: refused data leave the output as they found it, not even an empty _build
    # (issue 25's last hostile round), so outside the cache, which keep() then fills for the pages' kernels.
    data = load(folder, cache=False)
    (output / "_build").mkdir(parents=True, exist_ok=True)
    with site_lock(site) as lock, scratch_folder("data-cache") as cache:
        # The site this build replaces is one a build made, never someone's folder or a link to one.
        recover(site)
        refuse_foreign(output / "_build", site, replaced=builder == "html", elsewhere=elsewhere)
        os.environ[CACHE_VARIABLE], os.environ[CACHE_KEY_VARIABLE] = str(cache), secrets.token_hex(32)
        try:
            keep(data)
            return _build(data, output, builder, lock)
        finally:
            del os.environ[CACHE_VARIABLE], os.environ[CACHE_KEY_VARIABLE]


def _build(data: Dataset, output: Path, builder: str, lock: int) -> int:
    folder = data.folder
    source = output / "_build" / ".kr-source" / "book"
    with scratch_folder("book") as staging:
        staged = stage_book(staging)
        try:
            pages = write_profile_pages(data, staged)
        except ProfileFailed as failed:
            print(PageFailed(failed.page, failed.error).line(output / "_build" / FAILURE_LOG), file=sys.stderr)
            return 1
        key = build_key(data)
        stamp_notebooks(staged, key)
        sync_tree(staged, source)
    print(f"Data: {folder} ({data.fingerprint}); {len(pages)} kommuneprofiler skrevet.")
    store = output / "_build" / EXECUTED
    env = {**os.environ, DATA_DIR_VARIABLE: str(folder), "PYTHONPATH": str(ROOT), executed.VARIABLE: str(store)}
    # What the pages' code and Jupyter Book put in a temporary folder (openpyxl's workbook for the error catalogue)
    # goes into the build's private folder, which the next command sweeps if this one is killed (data.scratch).
    env["TMPDIR"] = os.environ[CACHE_VARIABLE]
    try:
        execute_in_kernels(notebooks_with_code(source), source, store, env)
    except PageFailed as failed:
        print(failed.line(output / "_build" / FAILURE_LOG), file=sys.stderr)
        return 1
    arguments = ["build", str(source), "-W", "-n", "--keep-going", "--builder", builder, "--path-output", str(output)]
    site = output / "_build" / "html"
    if builder != "html":  # linkcheck writes a report of its own (make linkcheck gives it an --output apart)
        return run_in_own_group([sys.executable, "-c", JUPYTER_BOOK, str(site), *arguments], env, keep=(lock,))
    try:
        # Every page is written anew into an empty folder beside the site, swapped in when Jupyter Book is done: nothing
        # of an earlier build (another municipality's profile, a PDF of older data) can stay behind, and the site is
        # the previous book until then. Reading and execution still come from the caches.
        with fresh_site(site) as new:
            if code := run_in_own_group([sys.executable, "-c", JUPYTER_BOOK, str(new), *arguments], env, keep=(lock,)):
                raise BuildFailed(code)
    except BuildFailed as failed:
        print(f"Bogen er ikke bygget (jupyter-book sluttede med kode {failed.code}); {site} er som før.", file=sys.stderr)
        return failed.code
    return 0


# The executed notebooks, beside the staged source (kulturensrige/book/executed.py).
EXECUTED = ".kr-executed"
# Where the whole error of a page that could not run goes (beside the executed notebooks); the terminal gets one line.
FAILURE_LOG = "kr-side-fejl.log"
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class PageFailed(Exception):
    """A cell of a page's notebook raised: the page and the error, told in one line, the traceback in a file."""

    def __init__(self, page: str, error: Exception) -> None:
        super().__init__(page)
        self.page, self.error = page, error

    def line(self, log: Path) -> str:
        """One line naming the page and the error; the whole traceback, without colour codes, goes into `log`. The
        error is a kernel's (CellExecutionError) or, for a profile page made in this process, the call's own."""
        log.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(self.error, CellExecutionError):
            whole, reason = str(self.error), f"{self.error.ename}: {self.error.evalue}"
        else:
            whole, reason = "".join(traceback.format_exception(self.error)), f"{type(self.error).__name__}: {self.error}"
        log.write_text(f"Siden {self.page}:\n{_ANSI.sub('', whole)}\n", encoding="utf-8")
        reason = " ".join(_ANSI.sub("", reason).split())[:300]
        return f"Bogen er ikke bygget: siden {self.page} kunne ikke køres ({reason}). Hele fejlen står i {log}."


class BuildFailed(Exception):
    """Jupyter Book ended with an error: the new site is dropped and the previous one put back."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def run_in_own_group(command: list[str], env: dict[str, str], keep: tuple[int, ...] = ()) -> int:
    """Run a command in a process group of its own, so Ctrl+C reaches only this script, which stops the whole
    group (jupyter-book and the processes Sphinx forks) without their tracebacks, and tidies up. The group is tethered
    to this script (data.tether): killed outright, it takes them with it. `keep`: descriptors the command holds too
    (the site's lock, so it lasts until the last of them has ended)."""
    with subprocess.Popen(tethered(command), env=env, start_new_session=True, pass_fds=keep) as process:
        try:
            return process.wait()
        except BaseException:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            process.wait()
            raise


def stage_book(staging: Path) -> Path:
    """Build from a copy of book/, so generated pages never touch the sources and builds can run side by side."""
    source = staging / "book"
    shutil.copytree(ROOT / "book", source, ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    return source


def stamp_notebooks(source: Path, key: dict[str, str]) -> None:
    """Put the build key into the first code cell's metadata of every notebook (part of the cache's hash)."""
    for path in sorted(source.rglob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        if any(cell.cell_type == "code" for cell in notebook.cells):
            stamp(notebook, key)
            path.write_text(nbformat.writes(notebook), encoding="utf-8")


def notebooks_with_code(book: Path) -> list[Path]:
    """The notebooks Jupyter Book would execute (a page of Markdown cells only has nothing to run)."""
    return sorted(p for p in book.rglob("*.ipynb") if any(c.cell_type == "code" for c in nbformat.read(p, as_version=4).cells))


def execute_in_kernels(notebooks: list[Path], book: Path, store: Path, env: dict[str, str]) -> None:
    """Execute the notebooks whose executed version `store` lacks in one kernel per core, and keep them there; what
    `store` keeps for other notebooks (an earlier build's) goes.

    Each starts from an empty namespace, in its own folder, with the page variable myst-nb's kernel would
    have, and gets the execution counts a kernel of its own would give; only the imports are shared. A kernel
    per page that imports pandas and plotly costs more than the page's own code: half of a clean build at the
    report's scale, minutes at national scale. The kernels take the next page from one queue, so a long page
    (the error catalogue, the national quote store) runs beside the others, not before them."""
    todo: asyncio.Queue[tuple[Path, str]] = asyncio.Queue()
    texts = [path.read_text(encoding="utf-8") for path in notebooks]
    executed.keep_only(store, {executed.name(text) for text in texts})
    for path, text in zip(notebooks, texts, strict=True):
        if executed.kept(store, text) is None:
            todo.put_nowait((path, text))
    kernels = min(todo.qsize(), len(os.sched_getaffinity(0)))
    if not kernels:
        return
    try:
        _run_to_the_end(_run_kernels(kernels, todo, book, store, env))
    except BaseExceptionGroup as group:  # a failed page or Ctrl+C inside a kernel's task: the one the callers tell
        raise group.exceptions[0] from None


def _run_to_the_end(work: Coroutine[Any, Any, None]) -> None:
    """The work on an event loop of its own, which cancels what is left (a kernel's task shuts its kernel down) if the
    work stops early. A caller whose own event loop runs in this thread (a notebook, Playwright's sync API) cannot
    start another loop here, so the work then runs in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        _run(work)
        return
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(_run, work).result()


def _run(work: Coroutine[Any, Any, None]) -> None:
    with asyncio.Runner() as runner:
        runner.get_loop().set_exception_handler(_quiet_about_stopped_kernels)
        runner.run(work)


def _quiet_about_stopped_kernels(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """A kernel stopped because the build was (Ctrl+C, SIGTERM, a failed page) leaves nbclient's watching tasks to
    end in DeadKernelError while the loop shuts down; the build has told why in one line, so they say nothing.
    Anything else is reported as asyncio would."""
    exception = context.get("exception")
    ended = exception.exceptions if isinstance(exception, BaseExceptionGroup) else (exception,)
    if not all(isinstance(e, DeadKernelError) for e in ended):
        loop.default_exception_handler(context)


async def _run_kernels(kernels: int, todo: asyncio.Queue, book: Path, store: Path, env: dict[str, str]) -> None:
    """The kernels side by side; the first page that fails stops the others (asyncio.run then shuts them down)."""
    async with asyncio.TaskGroup() as group:
        for _ in range(kernels):
            group.create_task(_run_kernel(todo, book, store, env))


@contextlib.asynccontextmanager
async def _kernel(client: NotebookClient, **start: Any) -> AsyncIterator[None]:
    """The client's kernel, started and shut down (at once if a page failed or the build was stopped). Not nbclient's
    async_setup_kernel: it puts signal handlers of its own on the event loop, which would take Ctrl+C and SIGTERM
    from interruptible() and leave the default ones behind for the rest of the build."""
    private = start.get("env", {}).get(CACHE_VARIABLE)
    with tempfile.TemporaryDirectory(prefix="kr-kernel-", dir=_socket_folder(private)) as sockets:
        client.km = client.create_kernel_manager()
        # Unix sockets in a folder of this kernel's own, not TCP ports: jupyter_client picks a free port, closes it and
        # hands it to the kernel, which died with "Address already in use" when another process took the port
        # meanwhile (jupyter/jupyter_client#276); a path in a private folder cannot be taken.
        client.km.transport = "ipc"
        client.km.ip = str(Path(sockets) / "k")
        # The kernel's connection file (its signing key) in the build's private folder, not loose in $TMPDIR, where a
        # SIGKILLed build left one per kernel (issue 25, #3); the next build sweeps that folder (data.scratch).
        if private:
            client.km.connection_file = os.path.join(private, f"kernel-{secrets.token_hex(8)}.json")
        try:
            # Inside the try: a build stopped while a kernel starts stops that kernel too. Left running, it outlived
            # the build and wrote its connection file into the private folder the build had just removed.
            await client.async_start_new_kernel(**start)
            await client.async_start_new_kernel_client()
            yield
        except BaseException:
            await _stop(client, now=True)
            raise
        await _stop(client, now=False)


# A kernel's socket under its folder: "/kr-kernel-XXXXXXXX/k-N" (jupyter_client numbers them from 1).
SOCKET_NAME = len("/kr-kernel-xxxxxxxx/k-99")


def _socket_folder(private: str | None) -> str:
    """The build's private folder (swept after a kill, data.scratch), else the temporary folder, unless it is too deep
    for a Unix socket's path (zmq.IPC_PATH_MAX_LEN, 107 bytes on Linux; a test's own folders are): then /tmp."""
    folder = private or tempfile.gettempdir()
    return folder if len(os.fsencode(folder)) + SOCKET_NAME <= zmq.IPC_PATH_MAX_LEN else "/tmp"


async def _stop(client: NotebookClient, now: bool) -> None:
    if client.kc is not None:
        client.kc.stop_channels()
    if client.km is not None:  # nbclient drops a kernel that died before it replied (its own cleanup shut it down)
        await client.km.shutdown_kernel(now=now)


async def _run_kernel(todo: asyncio.Queue, book: Path, store: Path, env: dict[str, str]) -> None:
    """One kernel executing pages from the queue until it is empty."""
    path, text = todo.get_nowait()
    notebook = nbformat.reads(text, as_version=4)
    # No timing in the cells' metadata: the pages' HTML would then differ from build to build.
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=False, record_timing=False)
    async with _kernel(client, cwd=str(path.parent), env=env):
        info = await client.async_wait_for_reply(client.kc.kernel_info())
        while True:
            start = time.perf_counter()
            client.nb = notebook
            client.reset_execution_trackers()
            page = path.relative_to(book).with_suffix("").as_posix()
            # The previous page's names go as with %reset, without its garbage collection and output flush (45 ms a page).
            fresh = f"%reset_selective -f .\nimport os\nos.chdir({str(path.parent)!r})\nos.environ[{PAGE_VARIABLE!r}] = {page!r}"
            await client.async_wait_for_reply(client.kc.execute(fresh, store_history=False))
            code = [cell for cell in notebook.cells if cell.cell_type == "code"]
            try:
                for count, cell in enumerate(code, start=1):
                    await client.async_execute_cell(cell, notebook.cells.index(cell), execution_count=count)
            except CellExecutionError as error:
                raise PageFailed(page, error) from None
            notebook.metadata["language_info"] = info["content"]["language_info"]
            executed.keep(store, text, nbformat.writes(notebook))
            print(f"{path}: {RAN_IN_SHARED_KERNEL} på {time.perf_counter() - start:.2f} s")
            if todo.empty():
                return
            path, text = todo.get_nowait()
            notebook = nbformat.reads(text, as_version=4)


def sync_tree(staged: Path, target: Path) -> None:
    """Make target hold exactly staged's files, rewriting only those whose bytes differ (Sphinx rebuilds by mtime)."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.relative_to(staged) for p in staged.rglob("*") if p.is_file()}
    for stale in sorted((p for p in target.rglob("*") if p.is_file() and p.relative_to(target) not in wanted), reverse=True):
        stale.unlink()
    for relative in sorted(wanted):
        new, old = staged / relative, target / relative
        if old.is_file() and filecmp.cmp(new, old, shallow=False):
            continue
        old.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(new, old)


if __name__ == "__main__":
    cli.run(main)
