"""A zip archive (a workbook or a REFI-QDA project) checked before it is read, and read within a byte budget.

Python's zipfile raises RuntimeError for an encrypted member and NotImplementedError for a compression method
it lacks, takes the last of two members whose names differ only in case when a reader looks names up without
case, and believes a member's stated size: reading a member in one call lets the decompressor produce up to the
whole request before the stated size cuts it off. Here those members are named up front, and a member is read in
small pieces, so a header that lies about the size costs no more than the budget.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator

from kulturensrige.words import visible

READABLE_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
CHUNK = 64 * 1024  # the most a decompressor is asked for at once


class Unreadable(Exception):
    """Members that cannot be read as they are; `lines` says why, one Danish line each, before anything is unpacked."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        super().__init__("\n".join(lines))


class OverBudget(Exception):
    """The members expand to more bytes than allowed (counted as they are unpacked, not as the headers say)."""


def member_problems(archive: zipfile.ZipFile) -> list[str]:
    """One Danish line for each member that cannot be read, each name that is there twice, and each pair of names
    that differ only in case."""
    problems = []
    seen: dict[str, str] = {}
    members = archive.infolist()
    if encrypted := [info for info in members if info.flag_bits & 0x1]:
        problems.append(_encrypted(encrypted, sum(not info.is_dir() for info in members)))
    for info in members:
        name = visible(info.filename)
        if info.flag_bits & 0x1:
            pass  # said above, once for the file
        elif info.compress_type not in READABLE_METHODS:
            problems.append(
                f"{name} i zip-filen er pakket med en metode, der ikke kan læses her (metode {info.compress_type}); "
                "gem filen igen som almindelig zip (deflate)"
            )
        key = info.filename.replace("\\", "/").rstrip("/").casefold()
        if key in seen and seen[key] == info.filename:
            problems.append(f"zip-filen har {name} to gange, så det er uklart, hvilken der gælder. Fjern den ene")
        elif key in seen:
            problems.append(
                f"zip-filen har både {visible(seen[key])} og {name}; navnene adskiller sig kun ved store og små bogstaver, "
                "så det er uklart, hvilken der gælder. Fjern den ene"
            )
        else:
            seen[key] = info.filename
    return problems


def _encrypted(encrypted: list[zipfile.ZipInfo], members: int) -> str:
    """One line for the members under a password: a file saved with `zip -P` has all of them so, and a line for each
    (135 for a workbook, hostile round 19, #3) buried the one thing to do."""
    again = "gem filen igen uden adgangskode"
    if len(encrypted) == 1:
        return f"{visible(encrypted[0].filename)} i zip-filen er krypteret med en adgangskode; {again}"
    which = "alle" if len(encrypted) == members else f"{len(encrypted)} af de {members}"
    return f"zip-filen er krypteret med en adgangskode ({which} filer i den, fx {visible(encrypted[0].filename)}); {again}"


def chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> Iterator[bytes]:
    """The member's bytes in small pieces; OverBudget as soon as more than `budget` bytes have come out."""
    total = 0
    with archive.open(info) as stream:
        while piece := stream.read(CHUNK):
            total += len(piece)
            if total > budget:
                raise OverBudget(total)
            yield piece


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes:
    """The member's bytes, at most `budget` of them (OverBudget beyond)."""
    return b"".join(chunks(archive, info, budget))


# What a damaged member raises as it is unpacked: a wrong checksum (BadZipFile), a broken deflate, bzip2 or LZMA
# stream (zlib.error, OSError, ValueError), a stream cut short (EOFError).
DAMAGE = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError)


def damaged(name: str, exc: BaseException) -> str:
    """The one line for a member that cannot be unpacked, naming it, in a workbook and a REFI-QDA project alike."""
    return f"{visible(name)} i zip-filen er beskadiget ({exc.__class__.__name__})"


def expanded_size(archive: zipfile.ZipFile, budget: int) -> int:
    """What the archive really unpacks to, counted by unpacking it piece by piece (OverBudget past `budget`).

    The pieces are dropped as they come; a damaged member is Unreadable, named (hostile25 #8: a workbook's flipped
    byte was "kan ikke læses som en Excel-arbejdsbog", where a project's named its member)."""
    total = 0
    for info in archive.infolist():
        try:
            for piece in chunks(archive, info, budget - total):
                total += len(piece)
        except DAMAGE as exc:
            raise Unreadable([damaged(info.filename, exc)]) from None
    return total
