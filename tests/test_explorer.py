"""The live explorer, driven in Python: its controls list the data and its output agrees with `filters`."""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import ipywidgets as widgets
import nbformat
import pytest

from kulturensrige import DataError, load
from kulturensrige.explorer.app import Explorer, explorer
from kulturensrige.render import cards
from kulturensrige.rules import filters
from support.checks import each
from support.explorer import make_explorer_command
from support.threads import in_own_thread

REPO = Path(__file__).resolve().parent.parent
NOTEBOOK = REPO / "explorer" / "udforsker.ipynb"
BAD_MUNICIPALITY = Path(__file__).parent / "fixtures" / "bad_input" / "unknown_municipality"


@pytest.fixture
def live() -> Explorer:
    return Explorer()


def expected_counts(data, selection: filters.QuoteFilter) -> tuple[int, int, int]:
    """(the municipality's quotes, quotes tied to none, quotes tied to others) straight from the filters: rows,
    each turn of an exchange counting as one; without inferred ties those quotes count as tied to none."""
    narrowed = filters.quotes(data, filters.QuoteFilter(**{**selection.__dict__, "kommunekode": filters.ALL, "include_inferred": True}))
    tie = narrowed["kommunekode"].where(narrowed["reference_key"] == "", "")
    if not selection.include_inferred:
        tie = tie.where(narrowed["attribution"] != "inferred", "")
    mine = int((tie == selection.kommunekode).sum())
    return mine, int((tie == "").sum()), len(narrowed) - mine - int((tie == "").sum())


def numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text.replace(".", ""))]


def shown_line(live: Explorer) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", live.count.value))


def find(widget: widgets.Widget, css: str) -> widgets.Widget:
    """A control by its CSS class, walking the tree a notebook displays."""
    if css in getattr(widget, "_dom_classes", ()):
        return widget
    for child in getattr(widget, "children", ()):
        try:
            return find(child, css)
        except LookupError:
            pass
    raise LookupError(css)


def test_explorer_returns_one_displayable_widget_with_every_control():
    root = explorer()
    assert isinstance(root, widgets.Widget)
    for css in ("kommune", "ingredient", "speaker", "kind", "search", "inferred", "folder", "load", "count-box", "output"):
        find(root, f"kr-explorer-{css}")
    assert find(root, "kr-explorer-inferred").description == "Medtag udledte tilknytninger"
    assert find(root, "kr-explorer-load").description == "Indlæs"


def test_options_come_from_the_data_tables(data, live):
    assert list(live.kommune.options) == filters.municipality_options(data)
    assert live.kommune.options[0] == ("Alle kommuner", filters.ALL)
    assert [v for _, v in live.ingredient.options[1:]] == list(data.ingredients["ingredient_id"])
    assert [v for _, v in live.speaker.options[1:]] == list(data.speaker_categories["speaker_category_id"])
    assert [v for _, v in live.kind.options[1:]] == list(data.quote_kinds["quote_kind_id"])
    labels = [label for label, _ in live.kind.options[1:]]
    assert [label.split(" (")[0] for label in labels] == list(data.quote_kinds["label"])
    assert len(set(labels)) == len(labels), labels  # the report's 'Ordveksling' and the editors' are told apart


def test_each_municipality_is_highlighted_and_nothing_is_hidden(data):
    root = explorer()
    dropdown, count, output = (find(root, f"kr-explorer-{c}") for c in ("kommune", "count-box", "output"))
    find(root, "kr-explorer-inferred").value = True  # the counts below are those with the editors' inferred ties
    every = [" ".join(g["quote_id"]) for g in cards.group_turns(data.quotes)]
    for label, code in each(filters.municipality_options(data)):
        dropdown.value = code
        text = html.unescape(re.sub(r"<[^>]+>", "", count.value))
        shown = re.findall(r'data-quotes="([^"]*)"', output.value)
        assert sorted(shown) == sorted(every), label  # every quote stays
        if code == filters.ALL:
            assert shown == every and text.startswith(f"Alle kommuner (med udledte tilknytninger): {len(data.quotes)} citater"), label
            continue
        mine, none, other = expected_counts(data, filters.QuoteFilter(kommunekode=code))
        own = [" ".join(g["quote_id"]) for g in cards.group_turns(filters.quotes(data, filters.QuoteFilter(kommunekode=code)))]
        assert shown[: len(own)] == own, label  # the municipality's quotes come first
        assert numbers(text.split(". ")[0]) == [n for n in (mine, none, other) if n], (label, text)
        expected_initiatives = sorted(filters.initiatives(data, code)["initiative_id"])
        assert sorted(re.findall(r'id="indsats-([^"]+)"', output.value)) == expected_initiatives, label


def test_cards_in_the_explorer_have_no_links_into_a_book_that_is_not_there(data, live):
    live.kommune.value = filters.ALL
    output = find(live.widget, "kr-explorer-output").value
    assert 'class="kr-source"' in output and 'class="kr-badge' in output
    assert "<a " not in output and "href=" not in output
    # the book itself keeps its links
    assert 'href="' in cards.quotes_in_section(data, data.quotes["section_id"].iloc[0]).markup


def test_the_explorer_starts_with_the_inferred_ties_off_as_the_book_does(live):
    """ADR 33: the book opens with the editors' inferred ties off; so does the live explorer's switch."""
    assert live.include_inferred.value is False
    assert shown_line(live).startswith("Alle kommuner: ")


def test_the_count_line_reads_in_danish(tied_data, tied_folder: Path):
    """The count line with the editors' inferred ties on (the copy of data/ that has them)."""
    data, live = tied_data, Explorer(tied_folder)
    live.include_inferred.value = True
    live.kommune.value = data.municipalities["kommunekode"].iloc[0]
    name = data.municipalities["name"].iloc[0]
    quotes = r"(ingen citater|\d+ citat(er)?(, [a-zæøå ]+| \(\w+\)))( · \d+ citat(er)? [a-zæøå ,]+)*"
    assert re.fullmatch(rf"{name} \(med udledte tilknytninger\): {quotes}\. {name}: \d+ indsats(er)?\.", shown_line(live))


@pytest.mark.parametrize(
    "control, field",
    [("ingredient", "ingredient_id"), ("speaker", "speaker_category"), ("kind", "kind")],
)
def test_every_vocabulary_choice_matches_the_filters(data, live, control, field):
    for _label, value in each(getattr(live, control).options):
        getattr(live, control).value = value
        assert numbers(shown_line(live).split(". ")[0]) == [len(filters.quotes(data, filters.QuoteFilter(**{field: value})))]


def test_filters_combine_freely(tied_data, tied_folder: Path):
    """What the static book cannot do: municipality, inferred switch and search at once."""
    live = Explorer(tied_folder)
    inferred = tied_data.quotes[tied_data.quotes["attribution"] == "inferred"]
    assert len(inferred), "the data should hold inferred attributions for this test to mean anything"
    code = inferred["kommunekode"].iloc[0]
    live.kommune.value = code
    live.include_inferred.value = False
    mine, none, other = expected_counts(tied_data, filters.QuoteFilter(kommunekode=code, include_inferred=False))
    assert mine == 0 and numbers(shown_line(live).split(". ")[0]) == [n for n in (none, other) if n]
    word = inferred["text"].iloc[0].split()[0]
    live.include_inferred.value = True
    live.search.value = f"  {word.upper()} "
    mine, none, other = expected_counts(tied_data, filters.QuoteFilter(kommunekode=code, search=word))
    assert mine and numbers(shown_line(live).split(". ")[0]) == [n for n in (mine, none, other) if n]
    live.search.value = "intet citat indeholder denne sætning"
    assert "Ingen citater matcher valget" in live.output.value


def test_a_broken_folder_lists_its_problems_and_keeps_the_last_good_data(data, live, tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    shutil.copyfile(BAD_MUNICIPALITY / "initiatives.csv", folder / "initiatives.csv")
    with pytest.raises(DataError) as raised:
        load(folder)
    live.kommune.value = data.municipalities["kommunekode"].iloc[0]
    before = live.output.value
    live.folder.value = str(folder)
    find(live.widget, "kr-explorer-load").click()
    shown = [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", live.problems.value)]
    assert shown == [str(p) for p in raised.value.problems]
    assert "Traceback" not in live.problems.value
    assert live.output.value == before
    assert "Viser fortsat data fra" in live.status.value


def test_the_status_line_names_the_folder_not_the_servers_path_to_it(data, tmp_path):
    """A served explorer said "Viser fortsat data fra mappen /tmp/.../d2": the server's own path."""
    from kulturensrige.explorer.app import loaded_line

    shutil.copytree(REPO / "data", tmp_path / "d2")
    line = loaded_line(load(tmp_path / "d2"), "Data fra mappen")
    assert line == f'<p class="kr-explorer-loaded">Data fra mappen d2 (fingeraftryk {data.fingerprint})</p>'


def test_a_missing_folder_is_a_message_too(live, tmp_path):
    live.folder.value = str(tmp_path / "findes-ikke")
    live.reload()
    assert "datamappen findes ikke" in live.problems.value


def test_a_symlink_loop_as_the_folder_is_a_message_not_a_traceback(live, tmp_path):
    (tmp_path / "ring").symlink_to(tmp_path / "ring")
    for typed in (str(tmp_path / "ring"), os.path.relpath(tmp_path / "ring", REPO)):
        live.folder.value = typed
        live.reload()
        assert "symlink-løkke" in html.unescape(live.problems.value)


def test_reloading_a_good_folder_clears_the_problems_and_keeps_the_choice(data, live, tmp_path):
    folder = tmp_path / "kopi"
    shutil.copytree(REPO / "data", folder)
    code = data.municipalities["kommunekode"].iloc[1]
    live.include_inferred.value = True
    live.kommune.value = code
    live.folder.value = str(tmp_path / "findes-ikke")
    live.reload()
    live.folder.value = str(folder)
    live.reload()
    assert live.problems.value == ""
    assert live.kommune.value == code
    assert "Data fra mappen kopi (" in html.unescape(live.status.value)
    mine, none, other = expected_counts(data, filters.QuoteFilter(kommunekode=code))
    assert numbers(shown_line(live).split(". ")[0]) == [n for n in (mine, none, other) if n]


def test_a_first_load_that_fails_still_gives_controls_and_messages(tmp_path):
    live = Explorer(tmp_path / "findes-ikke")
    assert live.data is None
    assert "datamappen findes ikke" in live.problems.value
    assert live.count.value == ""


def test_a_typed_folder_name_reaches_the_page_escaped(live):
    live.folder.value = "<script>alert(1)</script>"
    live.reload()
    assert "<script>" not in live.problems.value
    assert "&lt;script&gt;" in live.problems.value


def test_the_notebook_is_committed_without_outputs_and_is_thin():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [c.source for c in code] == ["from kulturensrige.explorer.app import explorer\n\nexplorer()"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert "Voilà" in notebook.cells[0].source


def test_make_explorer_with_data_opens_that_folder_and_reads_only_there_and_below(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """`make explorer DATA=dir`: the command make runs gives the served kernel dir as its data and as its limit."""
    import shutil

    folder = tmp_path / "mine data"
    shutil.copytree(REPO / "data", folder)
    shutil.copytree(REPO / "data", folder / "opfoelgning")
    env, command = make_explorer_command(f"DATA={folder}")
    assert command[0].endswith("voila") and "explorer/udforsker.ipynb" in command
    assert env == {"KR_DATA_DIR": str(folder), "KR_EXPLORER_ROOT": str(folder), "JUPYTER_PATH": "explorer"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")  # what Voilà puts into the kernel's environment
    live = Explorer()
    assert live.data is not None and live.data.folder == folder
    status = html.unescape(live.status.value)
    # The field names the folder by its name, as the status line does: hostile round 14, #8 saw the server's path.
    assert live.folder.value == "mine data" and "mappen mine data (" in status and str(folder) not in status
    live.folder.value = "mine data/opfoelgning"
    live.reload()
    assert live.problems.value == "" and live.data.folder == folder / "opfoelgning"
    live.folder.value = "data"  # the repository's own data/ lies outside the folder make was given
    live.reload()
    assert "uden for den mappe, udforskeren må læse fra" in live.problems.value


@pytest.mark.parametrize("served", [True, False])
def test_a_folder_name_no_file_name_can_hold_is_a_message_too(served: bool, live, monkeypatch: pytest.MonkeyPatch):
    """A lone surrogate (as a browser may send) once gave a UnicodeEncodeError from os.path.realpath."""
    if served:
        monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5")
    live.folder.value = "\ud800"
    live.reload()
    assert "et tegn, som et filnavn ikke kan rumme" in live.problems.value
    assert "Traceback" not in live.problems.value


@pytest.mark.parametrize(
    "error",
    [
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
        ValueError("en værdi\nover to linjer"),
        RecursionError(),
    ],
    ids=lambda error: type(error).__name__,
)
def test_any_other_failure_while_loading_is_one_danish_line_and_keeps_the_last_good_data(
    error: Exception, data, live, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """reload() caught only DataError and OSError: anything else a folder provokes inside `load` (here raised where the
    folder's files are read) reached the page as a traceback, and the data shown before was lost."""
    import kulturensrige.data.loading as loading

    def broken(*_args, **_kwargs):
        raise error

    folder = shutil.copytree(REPO / "data", tmp_path / "data")
    monkeypatch.setattr(loading, "read_folder", broken)
    before = live.output.value
    live.folder.value = str(folder)
    live.reload()
    shown = [html.unescape(item) for item in re.findall(r"<li>(.*?)</li>", live.problems.value, flags=re.S)]
    assert len(shown) == 1 and "\n" not in shown[0], shown
    assert shown[0].startswith(f"mappen kunne ikke indlæses på grund af en uventet fejl ({type(error).__name__}"), shown
    assert "Traceback" not in live.problems.value
    assert live.output.value == before and "Viser fortsat data fra" in live.status.value


def test_a_served_explorers_root_named_relative_is_the_repositorys_folder_whatever_the_kernels_folder(monkeypatch):
    """Hostile round 13, #4: `make explorer DATA=data` gave KR_EXPLORER_ROOT=data, resolved from the kernel's folder
    (explorer/), so the root was explorer/data and every folder was refused as outside it."""
    from kulturensrige.explorer import folders

    monkeypatch.setenv(folders.ROOT_VARIABLE, "data")
    monkeypatch.chdir(folders.REPO_ROOT / "explorer")
    assert folders.served_root() == (folders.REPO_ROOT / "data").resolve()
    assert folders.checked_folder("data") == folders.REPO_ROOT / "data"


def test_a_served_explorer_starts_no_kernel_beyond_its_cap(monkeypatch: pytest.MonkeyPatch):
    """Hostile round 14, #9: every request of the page started a kernel of about 123 MB, with no cap (four curls, four
    kernels). Beyond the cap a request gets HTTP 503 and the Danish line, and no kernel is started; `make explorer`
    serves the page with this manager."""
    import asyncio

    from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
    from tornado.web import HTTPError

    from kulturensrige.explorer.kernels import FULL, CappedKernelManager

    started: list[str] = []

    async def start(self, *args, **kwargs) -> str:
        started.append(f"kerne-{len(started)}")
        return started[-1]

    monkeypatch.setattr(AsyncMappingKernelManager, "start_kernel", start)
    manager = CappedKernelManager(max_kernels=2)
    monkeypatch.setattr(manager, "list_kernel_ids", lambda: list(started))
    assert [in_own_thread(lambda: asyncio.run(manager.start_kernel())) for _ in range(2)] == ["kerne-0", "kerne-1"]
    with pytest.raises(HTTPError) as refused:
        in_own_thread(lambda: asyncio.run(manager.start_kernel()))
    assert (refused.value.status_code, refused.value.reason) == (503, FULL) and len(started) == 2
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "--VoilaConfiguration.multi_kernel_manager_class=kulturensrige.explorer.kernels.CappedKernelManager" in makefile


def test_a_kernel_no_page_ever_connected_to_is_culled_after_its_short_timeout_and_a_connected_ones_is_not(monkeypatch):
    """Hostile round 15: two bare GETs of the page (a client that never opens the page's websocket) held two of the
    four kernels for about 150 s, so readers got the 503. A kernel never connected to and idle beyond
    `unconnected_timeout` is shut down at the next culling; a kernel whose page was connected (and may come back),
    one still busy, and one idle for less are kept. `make explorer` culls every 5 s."""
    import asyncio
    import datetime as dt
    from types import SimpleNamespace

    from kulturensrige.explorer.kernels import UNCONNECTED_SECONDS, CappedKernelManager

    manager = CappedKernelManager(cull_idle_timeout=120)  # as `make explorer` sets it
    now = dt.datetime.now(dt.UTC)

    def kernel(idle: float, state: str = "idle") -> SimpleNamespace:
        spec = SimpleNamespace(metadata={})
        return SimpleNamespace(
            last_activity=now - dt.timedelta(seconds=idle), execution_state=state, kernel_spec=spec, kernel_name="python3"
        )

    later = UNCONNECTED_SECONDS + 5
    manager._kernels = {
        "hentet": kernel(later),
        "ny": kernel(UNCONNECTED_SECONDS - 10),
        "travl": kernel(later, "busy"),
        "forbundet": kernel(later),
        "lukket-side": kernel(later),
    }
    manager._kernel_connections = dict.fromkeys(manager._kernels, 0)
    manager.notify_connect("forbundet")
    manager.notify_connect("lukket-side")
    manager.notify_disconnect("lukket-side")
    stopped: list[str] = []

    async def shutdown(kernel_id: str, *args, **kwargs) -> None:
        stopped.append(kernel_id)
        del manager._kernels[kernel_id]

    monkeypatch.setattr(manager, "shutdown_kernel", shutdown)
    in_own_thread(lambda: asyncio.run(manager.cull_kernels()))
    assert stopped == ["hentet"]
    assert "--MappingKernelManager.cull_interval=5 " in (REPO / "Makefile").read_text(encoding="utf-8")


def test_a_served_page_whose_websocket_never_connects_frees_its_kernel_for_the_next_reader(tmp_path):
    """The same in a real Voilà with one kernel allowed: a bare GET takes it, the next reader gets the 503 at once, and
    once the first kernel has stood unconnected past its (here 4 s) timeout, the next reader gets the page."""
    import os
    import signal
    import socket
    import subprocess
    import time
    import urllib.error
    import urllib.request

    import nbformat

    notebook = tmp_path / "lille.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), str(notebook))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        str(REPO / ".venv" / "bin" / "voila"), str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
        "--VoilaConfiguration.multi_kernel_manager_class=kulturensrige.explorer.kernels.CappedKernelManager",
        "--CappedKernelManager.max_kernels=1", "--CappedKernelManager.unconnected_timeout=4",
        "--MappingKernelManager.cull_idle_timeout=120", "--MappingKernelManager.cull_interval=1",
    ]  # fmt: skip
    log = tmp_path / "voila.log"

    def status() -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    with log.open("w") as output:
        server = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "running at" not in log.read_text():
            time.sleep(0.2)
        assert status() == 200 and status() == 503, log.read_text()
        freed = time.monotonic()
        while (code := status()) == 503 and time.monotonic() < freed + 30:
            time.sleep(1)
        assert code == 200, log.read_text()
        assert "no page has connected to it" in log.read_text()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_the_explorers_error_pages_ask_no_other_host(tmp_path):
    """Hostile round 15, #11: the 503 of a full kernel cap (and every Voilà error page) extends Voilà's base
    page.html, which links Font Awesome from cdn.jsdelivr.net. Rendered through the explorer's template chain
    (kulturensrige, then lab, then base, as conf.json's base_template makes Voilà search), no page names another host."""
    import jinja2

    templates = REPO / ".venv" / "share" / "jupyter" / "voila" / "templates"
    ours = REPO / "explorer" / "voila" / "templates" / "kulturensrige"
    if not (templates / "base" / "error.html").is_file():
        pytest.skip("Voilà's templates are not installed in .venv")
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(ours), str(templates / "lab"), str(templates / "base"), str(templates.parent.parent)]),
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_null_translations()
    full = "Udforskeren har for mange besøgende"
    page = environment.get_template("error.html").render(status_code=503, status_message=full, base_url="/")
    assert "503" in page and not re.search(r"https?://", page), page


def test_a_served_explorers_problem_lines_name_folders_as_its_field_does_not_by_the_servers_path(monkeypatch, tmp_path):
    """Hostile round 17, #1: with a root of its own, 'dx/nonexist' gave '/tmp/…/root/dx/nonexist — datamappen findes
    ikke': the server's path, and which names exist under the root. The lines name the folder as the field does."""
    from kulturensrige.explorer import folders

    root = tmp_path / "rod"
    shutil.copytree(folders.REPO_ROOT / "data", root)
    monkeypatch.setenv(folders.ROOT_VARIABLE, str(root))
    explorer = Explorer()
    explorer.folder.value = "rod/findes-ikke"
    explorer.reload()
    shown = explorer.problems.value
    assert "findes-ikke" in shown and str(tmp_path) not in shown, shown
