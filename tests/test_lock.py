"""The lock is complete: every installed package is pinned in requirements.txt, at the installed version, with hashes.

A floating transitive theme once broke the phone menu; only a full lock keeps such drift out.
"""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
# The project itself is installed from the working tree, not from the index.
OWN = {"kulturensrige"}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            pins[normalise(match[1])] = match[2]
    return pins


def installed() -> dict[str, str]:
    return {normalise(d.metadata["Name"]): d.version for d in metadata.distributions()}


def test_every_requirement_in_the_lock_is_pinned_with_a_hash():
    entries = re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8"))
    requirements = [e for e in entries if e.strip() and not e.startswith("#")]
    assert len(requirements) == len(locked()) > 100
    for entry in requirements:
        assert PIN.match(entry), f"ikke fastlåst til én version: {entry.splitlines()[0]}"
        assert "--hash=sha256:" in entry, f"uden hash: {entry.splitlines()[0]}"


def test_the_installed_packages_are_exactly_the_lock():
    pins = locked()
    present = {name: version for name, version in installed().items() if name not in OWN}
    missing = sorted(f"{n}=={v}" for n, v in pins.items() if n not in present)
    extra = sorted(f"{n}=={v}" for n, v in present.items() if n not in pins)
    drifted = sorted(f"{n}: låst {pins[n]}, installeret {v}" for n, v in present.items() if n in pins and pins[n] != v)
    assert not missing, f"i låsen, men ikke installeret: {missing}"
    assert not extra, f"installeret, men ikke i låsen: {extra}"
    assert not drifted, f"installeret i en anden version end låsen: {drifted}"


def test_the_lock_holds_the_theme_pair_whose_menus_work():
    """pydata-sphinx-theme 0.17 leaves the phone menu dead under sphinx-book-theme (pydata-sphinx-theme#2451)."""
    pins = locked()
    assert not pins["pydata-sphinx-theme"].startswith("0.17"), pins["pydata-sphinx-theme"]
