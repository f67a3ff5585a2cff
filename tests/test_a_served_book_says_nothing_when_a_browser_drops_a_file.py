"""CI of int30: a symlinked-table test failed on a BrokenPipeError traceback it never caused. A browser test's served
book (support.serving) printed it from its own thread when Chromium dropped a file mid-transfer, into sys.stderr, which
support.scripts.run_script had redirected to read a script's output. A served book says nothing of a dropped file."""

from __future__ import annotations

import contextlib
import io
import socket
import struct
import time
from pathlib import Path

from support.serving import serve


def test_a_served_book_says_nothing_when_a_browser_drops_a_file_mid_transfer(tmp_path: Path):
    (tmp_path / "stor.bin").write_bytes(bytes(20_000_000))  # more than a socket's buffers hold, so the server is mid-file
    _, server = serve(tmp_path)
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said):
            for _ in range(3):
                client = socket.create_connection(server.server_address[:2])
                client.sendall(b"GET /stor.bin HTTP/1.0\r\n\r\n")
                assert client.recv(12).startswith(b"HTTP/1.0 200")
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # a reset, as a tab closed
                client.close()
            time.sleep(1)  # the server's threads meet the reset and finish
    finally:
        server.shutdown()
    assert said.getvalue() == ""
