"""Code that runs an asyncio loop of its own (asyncio.run, Playwright's sync API), run in a thread of its own."""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def in_own_thread(work: Callable[[], T]) -> T:
    """The session's Playwright keeps a loop running in the process's main thread from its first browser test on, and
    pytest-xdist may deal a `long` browser test to a process first (conftest's order): a test that starts a loop of
    its own there failed ('cannot be called from a running event loop'). A new thread has no loop."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # re-raised in the caller's thread, pytest.raises and assertions included
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def own_thread(test: Callable[..., T]) -> Callable[..., T]:
    """A test run whole by in_own_thread, its fixtures as pytest gives them (functools.wraps keeps the signature)."""

    @functools.wraps(test)
    def run(*args: object, **kwargs: object) -> T:
        return in_own_thread(lambda: test(*args, **kwargs))

    return run
