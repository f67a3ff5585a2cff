"""The files of _static/ the browser reads the build's words from (render/browser.py browser_files), for tests that
make a site of their own: written as the build writes them, and every view's sentences read back from them."""

from __future__ import annotations

from pathlib import Path

from kulturensrige.render import browser


def write_browser_files(static: Path, data) -> None:
    static.mkdir(parents=True, exist_ok=True)
    for name, text in browser.browser_files(data).items():
        (static / name).write_text(text, encoding="utf-8")


def built_sentences(static: Path) -> dict[str, dict[str, str]]:
    """Every view's status sentences as the built files hold them: kr-data.js's and each sentence file's."""
    sentences = dict(browser.script_payload((static / browser.SCRIPT).read_text(encoding="utf-8"))["sentences"])
    for name in browser.SENTENCE_FILES.values():
        sentences |= browser.sentence_file_part((static / name).read_text(encoding="utf-8"))
    return sentences


def offered_files(folder: Path, data, sizes: dict[str, int]) -> dict[str, str]:
    """The browser's files of a site whose PDF editions are these (slug: bytes, a stand-in file each), with the offers
    edition/links writes into them once the editions are there, by name."""
    from kulturensrige.edition.editions import file_name
    from kulturensrige.edition.links import offer_editions

    (folder / "pdf").mkdir()
    for slug, size in sizes.items():
        (folder / "pdf" / file_name(slug)).write_bytes(b"%PDF-1.7\n" + b"x" * size)
    write_browser_files(folder / "_static", data)
    offer_editions(folder, data)
    return {name: (folder / "_static" / name).read_text(encoding="utf-8") for name in browser.browser_files(data)}


def serve_files(context, scripts: dict[str, str]) -> None:
    """The browser context gets these files in place of the built site's _static/ ones."""
    for name, script in scripts.items():
        context.route(f"**/_static/{name}*", _answer_with(script))


def _answer_with(script: str):
    """A route handler of one argument: Playwright hands a second (the request) to a handler that takes two."""
    return lambda route: route.fulfill(body=script, content_type="text/javascript")
