"""The live explorer served by Voilà, in headless Chromium: choosing a municipality changes the output to match the data.

Voilà is started as `make explorer` starts it, on a free port, and always terminated. Every request that leaves
localhost is blocked and recorded, and fails the test: the explorer works without internet and asks no other host.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from kulturensrige import load
from kulturensrige.explorer.app import results_html
from kulturensrige.render import cards
from kulturensrige.rules import filters, views
from support.explorer import make_explorer_command

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60  # seconds until Voilà answers on its port
KERNEL_TIMEOUT = 90_000  # ms until the kernel has run the cell and the widgets are on the page
UPDATE_TIMEOUT = 15_000  # ms from choosing a municipality to the new count line


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_answering(url: str, process: subprocess.Popen, timeout: float) -> None:
    """Poll the server until it answers, gives up, or the process dies; never wait without a bound."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"voila stoppede med kode {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError, http.client.HTTPException):
            # HTTPException: something not yet Voilà answered on the port (a fresh clone's run saw BadStatusLine).
            time.sleep(0.3)
    raise TimeoutError(f"voila svarede ikke på {url} inden for {timeout} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


@contextlib.contextmanager
def started_voila(home: Path, *extra: str) -> Iterator[tuple[str, subprocess.Popen]]:
    """Voilà as `make explorer` starts it, on a free port, with `extra` settings in place of make's of the same name
    (traitlets takes an option once); its address and process."""
    settings, command = make_explorer_command()
    replaced = {option.split("=", 1)[0] for option in extra}
    command = [word for word in command if word.split("=", 1)[0] not in replaced]
    if not (REPO / command[0]).exists():
        pytest.fail(f"voila mangler i miljøet ({command[0]}); den står i requirements.txt")
    port = free_port()
    log = (home / "voila.log").open("w")
    # Jupyter's runtime/config/data folders in tmp: no signing key or config of the user's leaks in or out.
    env = {**os.environ, **settings, **{f"JUPYTER_{d}_DIR": str(home / d.lower()) for d in ("RUNTIME", "CONFIG", "DATA")}}
    at = command.index("--port")  # make's fixed port, 8866, becomes a free one
    command = [str(REPO / command[0]), *command[1:at], f"--port={port}", *command[at + 2 :], "--Voila.ip=127.0.0.1", *extra]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_answering(url, process, START_TIMEOUT)
        yield url, process
    except (RuntimeError, TimeoutError) as error:
        pytest.fail(f"{error}\n{(home / 'voila.log').read_text()[-3000:]}")
    finally:
        stop(process)
        log.close()


@pytest.fixture(scope="module")
def voila_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with started_voila(tmp_path_factory.mktemp("jupyter")) as (url, _):
        yield url


# True once the count line reads `text` and the initiative cards are exactly `ids` (sorted).
SHOWN = """([text, ids]) => {
  const count = document.querySelector('.kr-explorer-count');
  const shown = [...document.querySelectorAll('.kr-explorer-output .kr-initiative')].map(e => e.id).sort();
  return count !== null && count.innerText.trim() === text && JSON.stringify(shown) === JSON.stringify(ids);
}"""


def initiative_ids(data, kommunekode: str) -> list[str]:
    return ["indsats-" + i for i in filters.initiatives(data, kommunekode)["initiative_id"]]


def expected_count(data, kommunekode: str) -> str:
    """The count line the package writes (tests/test_explorer.py checks its numbers against the data), with the
    inferred switch where the explorer opens it, as the book does (ADR 33)."""
    return results_html(data, filters.QuoteFilter(kommunekode=kommunekode, include_inferred=views.INFERRED_BY_DEFAULT))[0]


def test_choosing_a_municipality_shows_its_quotes_and_initiatives(browser, voila_url):
    data = load()
    choices = filters.municipality_options(data)
    context = browser.new_context(locale="da-DK")
    outside: list[str] = []
    errors: list[str] = []

    def block_outside(route) -> None:
        if urlparse(route.request.url).hostname not in ("127.0.0.1", "localhost"):
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    context.route("**/*", block_outside)
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(voila_url, timeout=KERNEL_TIMEOUT)
        count = page.locator(".kr-explorer-count")
        count.wait_for(timeout=KERNEL_TIMEOUT)
        assert count.inner_text().strip() == expected_count(data, filters.ALL)
        select = page.locator(".kr-explorer-kommune select")
        # ipywidgets shows spaces in option labels as no-break spaces
        shown_labels = [o.replace("\xa0", " ").strip() for o in select.locator("option").all_inner_texts()]
        assert shown_labels == [label for label, _ in choices]
        # every municipality, then back to all of them
        for label, code in [*choices[1:], choices[0]]:
            select.select_option(index=choices.index((label, code)))
            expected = expected_count(data, code)
            # The widget writes the cards before the count line; wait for both anyway, each update is its own message.
            page.wait_for_function(SHOWN, arg=[expected, sorted(initiative_ids(data, code))], timeout=UPDATE_TIMEOUT)
            shown = page.locator(".kr-explorer-output .kr-quote").evaluate_all(
                "els => els.map(e => [e.dataset.kommune, e.dataset.quotes.split(' ').length])"
            )
            # Highlight, don't hide: every quote stays, the municipality's own come first.
            assert sum(n for _, n in shown) == len(data.quotes), label
            opening = filters.QuoteFilter(kommunekode=code, include_inferred=views.INFERRED_BY_DEFAULT)
            own = cards.group_turns(filters.quotes(data, opening))
            assert code == filters.ALL or [k for k, _ in shown[: len(own)]] == [code] * len(own), label
    finally:
        context.close()
    assert errors == [], errors
    assert outside == [], f"Voilà-siden bad om filer uden for localhost: {outside}"


def _kernels(process: subprocess.Popen) -> list[str]:
    """The kernels Voilà runs: its child processes started as ipykernel."""
    listed = subprocess.run(["ps", "--ppid", str(process.pid), "-o", "args="], capture_output=True, text=True).stdout
    return [line for line in listed.splitlines() if "ipykernel" in line]


@pytest.mark.long
def test_a_visitor_can_neither_switch_the_explorer_back_to_lab_nor_leave_kernels_running(tmp_path: Path):
    """Two hostile rounds, on one server (a Voilà start is some seconds of CPU). Voilà lets the address choose the
    template (?template=lab) unless told not to; lab links Font Awesome from cdn.jsdelivr.net (voila-dashboards/voila#539).
    And each request of the page left a kernel of about 125 MB running for good (22 after eight minutes). `make
    explorer` shuts down a kernel idle with no page connected; here after 2 s instead of 120 s."""
    settings, command = make_explorer_command()
    assert "--MappingKernelManager.cull_idle_timeout=120" in command and any(
        c.startswith("--MappingKernelManager.cull_interval=") for c in command
    )
    fast = ("--MappingKernelManager.cull_idle_timeout=2", "--MappingKernelManager.cull_interval=1")
    with started_voila(tmp_path, *fast) as (url, process):
        for address in (url, f"{url}?template=lab"):
            with urllib.request.urlopen(address, timeout=120) as response:
                page = response.read().decode("utf-8")
        assert "rendered_cells" in page  # the notebook page itself, not an error
        assert "cdn.jsdelivr.net" not in page and "cdnjs.cloudflare.com" not in page
        assert _kernels(process), "hver forespørgsel starter en kerne"
        deadline = time.monotonic() + 60
        while _kernels(process) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _kernels(process) == []
