"""A built book served on localhost, as a reader's browser would get it."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    """A server that says nothing when a browser drops a connection mid-file (it left the page, or closed): its thread's
    traceback went to the process's sys.stderr, which a test running a script in-process (support.scripts.run_script
    redirects it) read as the script's own output (CI of int30: a BrokenPipeError in a symlinked-table test)."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server
