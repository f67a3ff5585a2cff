"""`--cpu-per-test` (tests/support/cpu_per_test.py) counts what a test's processes cost, not only pytest's own."""

from __future__ import annotations

import os
import subprocess
import sys

from support.cpu_per_test import tree_cpu

BURN = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"


def test_the_cpu_of_a_child_process_counts_while_it_runs_and_after_it_ended():
    before = tree_cpu(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", BURN + "\nimport sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        while tree_cpu(child.pid) < 0.3:
            pass
        assert tree_cpu(os.getpid()) - before >= 0.3
    finally:
        child.communicate(b"")
    subprocess.run([sys.executable, "-c", BURN], check=True)
    assert tree_cpu(os.getpid()) - before >= 0.6
