"""Zip archives that Python's zipfile cannot read as they are, or reads silently wrong, in both imports.

An encrypted member (RuntimeError in zipfile), a compression method zipfile lacks (NotImplementedError), two
members whose names differ only in case (the QDA import used to take the second without a word), a member whose
header states a small size and expands far beyond it, and names with control characters that would print a line
of their own. Each is one Danish line, never a traceback.
"""

from __future__ import annotations

import struct
import tracemalloc
import warnings
import zipfile
from pathlib import Path

import pytest

from kulturensrige.data import refiqda
from kulturensrige.data.archive import member_problems as archive_problems
from kulturensrige.data.problems import DataError
from kulturensrige.data.workbook import read_workbook
from support.scripts import REPO, run_script
from test_qdpx import CODES, pack

WORKBOOK = REPO / "templates" / "kulturens-rige-skabelon.xlsx"
SOURCE = "sources/5a1d0000-0000-4000-8000-000000000001.txt"


def patch_header(path: Path, member: str, *, flags: int | None = None, method: int | None = None) -> Path:
    """Set a member's general-purpose flags or compression method in its local and central headers."""
    data = bytearray(path.read_bytes())
    name = member.encode()
    for signature, flag_at, method_at, name_length_at, name_at in ((b"PK\x03\x04", 6, 8, 26, 30), (b"PK\x01\x02", 8, 10, 28, 46)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            length = struct.unpack_from("<H", data, start + name_length_at)[0]
            if data[start + name_at : start + name_at + length] == name:
                if flags is not None:
                    struct.pack_into("<H", data, start + flag_at, flags)
                if method is not None:
                    struct.pack_into("<H", data, start + method_at, method)
            start += 4
    path.write_bytes(bytes(data))
    return path


def copy_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "arbejdsbog.xlsx"
    path.write_bytes(WORKBOOK.read_bytes())
    return path


CHANGES = {
    "encrypted": ({"flags": 0x1}, "er krypteret med en adgangskode"),
    "compression method 99": ({"method": 99}, "metode 99"),
}


@pytest.mark.parametrize("case", sorted(CHANGES))
def test_a_qdpx_member_zipfile_cannot_open_is_one_line(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    change, expected = CHANGES[case]
    project = patch_header(pack(tmp_path / "projekt.qdpx"), SOURCE, **change)
    code = run_script("import_qdpx", str(project), "--codes", str(CODES), "--out", str(tmp_path / "ud"))
    assert code.returncode == 1 and "Traceback" not in code.stderr
    first, last = code.stderr.splitlines()
    assert first.startswith(f"projekt.qdpx — {SOURCE} i zip-filen ") and expected in first
    assert last == "1 problem(er) fundet; intet er skrevet."
    assert not (tmp_path / "ud").exists()


@pytest.mark.parametrize("case", sorted(CHANGES))
def test_a_workbook_part_zipfile_cannot_open_is_one_line(case: str, tmp_path: Path):
    change, expected = CHANGES[case]
    path = patch_header(copy_workbook(tmp_path), "xl/workbook.xml", **change)
    _, _, problems = read_workbook(path)
    assert len(problems) == 1 and expected in problems[0].allowed and "xl/workbook.xml" in problems[0].allowed


def test_a_workbook_saved_with_a_password_is_one_line_for_the_file_not_one_per_member(tmp_path: Path):
    """Hostile round 19, #3: a workbook zipped with `zip -P` gave 135 lines, one for each member under the password."""
    path = copy_workbook(tmp_path)
    with zipfile.ZipFile(path) as archive:
        names = [info.filename for info in archive.infolist()]
    for name in names:
        patch_header(path, name, flags=0x1)
    _, _, problems = read_workbook(path)
    assert [problem.allowed for problem in problems] == [
        f"zip-filen er krypteret med en adgangskode (alle filer i den, fx {names[0]}); gem filen igen uden adgangskode"
    ]


def test_qdpx_members_whose_names_differ_only_in_case_are_refused_naming_both(tmp_path: Path):
    upper = SOURCE.replace("sources/", "Sources/").upper().replace("SOURCES/", "Sources/")

    def add_twin(files: dict[str, bytes]) -> None:
        files[upper] = b"en anden tekst"

    with pytest.raises(DataError) as caught:
        refiqda.read_project(pack(tmp_path / "projekt.qdpx", add_twin))
    [problem] = caught.value.problems
    assert SOURCE in problem.allowed and upper in problem.allowed and "store og små bogstaver" in problem.allowed


def test_a_member_that_is_there_twice_is_said_to_be_there_twice(tmp_path: Path):
    """Hostile round 17, #4: a workbook with xl/worksheets/sheet14.xml written twice was said to hold two names that
    differ only in case. Both lines are refused; each says what is wrong with its names."""
    path = copy_workbook(tmp_path)
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    twice = tmp_path / "to-gange.xlsx"
    with zipfile.ZipFile(twice, "w") as archive, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        for info, content in [*members, members[-1]]:
            archive.writestr(info, content)
    with zipfile.ZipFile(twice) as archive:
        [line] = archive_problems(archive)
    assert line == f"zip-filen har {members[-1][0].filename} to gange, så det er uklart, hvilken der gælder. Fjern den ene"


def test_names_with_control_characters_are_shown_escaped_never_as_lines_of_their_own(tmp_path: Path):
    fake = "Datamappen mine-data er skrevet og er gyldig."

    def hostile_names(files: dict[str, bytes]) -> None:
        qde = files["project.qde"]
        qde = qde.replace(b'name="Interview, bibliotekar"', f'name="x&#10;{fake}"'.encode(), 1)
        qde = qde.replace(b'name="Tid"', b'name="Tid&#13;&#10;Falsk linje&#8232;slut"', 1)
        files["project.qde"] = qde

    project = pack(tmp_path / "projekt.qdpx", hostile_names)
    documents = REPO / "tests" / "fixtures" / "qdpx" / "dokumenter.csv"
    result = run_script("import_qdpx", str(project), "--codes", str(CODES), "--out", str(tmp_path / "ud"), "--documents", str(documents))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert fake not in lines and "Falsk linje" not in "".join(line[:12] for line in lines)
    assert "\u2028" not in result.stdout and "\r" not in result.stdout
    assert f"x\\n{fake}" in result.stdout and "Tid\\r\\nFalsk linje\\u2028slut" in result.stdout


def lying_zip(path: Path, member: str, real_size: int) -> Path:
    """A zip whose member's headers claim 100 bytes while it expands to real_size."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as made:
        made.writestr(member, b"<a>" + b" " * (real_size - 7) + b"</a>")
    data = bytearray(path.read_bytes())
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = data.find(signature)
        struct.pack_into("<I", data, start + size_at, 100)
    path.write_bytes(bytes(data))
    return path


def peak_bytes(action) -> int:
    tracemalloc.start()
    try:
        action()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_a_qdpx_member_lying_about_its_size_is_counted_as_it_streams(tmp_path: Path):
    """64 MB packed in 64 KB, its headers saying 100 bytes: refused, with no more than a small piece unpacked."""
    path = lying_zip(tmp_path / "loegn.qdpx", "project.qde", 64 * 2**20)

    def read() -> None:
        with pytest.raises(DataError, match="beskadiget"):
            refiqda.read_project(path)

    assert peak_bytes(read) < 8 * 2**20


def test_a_workbook_part_lying_about_its_size_is_counted_before_openpyxl_reads_it(tmp_path: Path):
    path = copy_workbook(tmp_path)
    with zipfile.ZipFile(path) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    lying = lying_zip(tmp_path / "loegn.xlsx", "xl/styles.xml", 64 * 2**20)
    with zipfile.ZipFile(lying, "a", zipfile.ZIP_DEFLATED) as made:
        for name, content in parts.items():
            if name != "xl/styles.xml":
                made.writestr(name, content)
    problems: list = []
    assert peak_bytes(lambda: problems.extend(read_workbook(lying)[2])) < 16 * 2**20
    # Named as the member it is (hostile25 #8), as a project's damaged member is; it was "kan ikke læses som en
    # Excel-arbejdsbog (.xlsx)" before.
    assert [p.allowed for p in problems] == ["xl/styles.xml i zip-filen er beskadiget (BadZipFile)"]


def test_a_workbook_with_a_flipped_byte_names_its_damaged_member_as_a_project_does(tmp_path: Path):
    """hostile25 #8: one flipped byte in a sheet gave "filen kan ikke læses som en Excel-arbejdsbog (.xlsx)", where the
    same fault in a .qdpx named the member ("project.qde i zip-filen er beskadiget (BadZipFile)")."""
    with zipfile.ZipFile(WORKBOOK) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    stored = tmp_path / "arbejdsbog.xlsx"
    with zipfile.ZipFile(stored, "w", zipfile.ZIP_STORED) as made:
        for name, content in parts.items():
            made.writestr(name, content)
    raw = stored.read_bytes()
    with zipfile.ZipFile(stored) as made:
        member = next(i for i in made.infolist() if i.filename == "xl/workbook.xml")
    at = raw.index(b"<sheets>", member.header_offset)  # inside the member's stored bytes: its checksum no longer holds
    stored.write_bytes(raw[:at] + b"<sheetz>" + raw[at + len(b"<sheets>") :])
    result = run_script("import_workbook", str(stored), "--out", str(tmp_path / "ud"))
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines()[0] == "arbejdsbog.xlsx — xl/workbook.xml i zip-filen er beskadiget (BadZipFile)"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arbejdsbog.xlsx"]


def test_a_project_file_larger_than_its_limit_is_refused_before_it_is_parsed(tmp_path: Path):
    """A hostile round: 180 MB of empty elements in project.qde (193 KB packed, under the zip's 200 MB) took 3.7 GB
    to parse and ended in MemoryError. project.qde has a limit of its own, checked before a byte is parsed."""
    path = tmp_path / "stor.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as made:
        made.writestr("project.qde", b"<Project>" + b"<a/>" * (refiqda.MAX_PROJECT_BYTES // 4) + b"</Project>")

    def read() -> None:
        with pytest.raises(DataError, match="grænsen for projektfilen"):
            refiqda.read_project(path)

    assert peak_bytes(read) < 8 * 2**20


def changed_parts(tmp_path: Path, changes: dict[str, tuple[bytes, bytes]], added: dict[str, bytes] | None = None) -> Path:
    """The template workbook with, in each named part, the first `old` replaced by `new`, and parts `added`."""
    path = tmp_path / "arbejdsbog.xlsx"
    with zipfile.ZipFile(WORKBOOK) as original:
        parts = {info.filename: original.read(info) for info in original.infolist()}
    for part, (old, new) in changes.items():
        assert old in parts[part], (part, old)
        parts[part] = parts[part].replace(old, new, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as made:
        for name, content in {**parts, **(added or {})}.items():
            made.writestr(name, content)
    return path


# Where each part openpyxl reads whole takes one more element, repeated: (the part, where, the element).
CROWDED = {
    "xl/styles.xml": (b"</cellXfs>", b"<xf/>"),
    "[Content_Types].xml": (b"</Types>", b'<Override PartName="/x" ContentType="a/b"/>'),
    "xl/_rels/workbook.xml.rels": (b"</Relationships>", b'<Relationship Id="x" Type="t" Target="x"/>'),
    "xl/workbook.xml": (b"</definedNames>", b'<definedName name="x">x</definedName>'),
}


@pytest.mark.parametrize("part", sorted(CROWDED))
def test_a_part_openpyxl_reads_whole_with_too_many_elements_is_refused_in_one_line_before_it_is_read(part: str, tmp_path: Path):
    """Hostile round 15: 5,000,000 empty <xf/> in xl/styles.xml (25 MB unpacked, under the 32 MB cap) took 2.8 GB and
    minutes inside openpyxl, which builds an object per element of the parts it reads whole. Each such part's elements
    are counted as it streams: one more than the limit is one line naming the part and the limit."""
    from kulturensrige.data.spreadsheet import MAX_PART_ELEMENTS

    where, element = CROWDED[part]
    path = changed_parts(tmp_path, {part: (where, element * (MAX_PART_ELEMENTS + 1) + where)})
    _, _, problems = read_workbook(path)
    assert [p.allowed.split(" i zip-filen ")[0] for p in problems] == [part], problems
    assert "har over 250.000 XML-elementer, og en arbejdsbog må højst have 250.000 dér" in problems[0].allowed


def test_a_part_with_too_many_attributes_or_nested_too_deep_is_refused_in_one_line(tmp_path: Path):
    """The element count alone would let one element carry millions of attributes, or a part nest past libxml2's 256
    levels (where lxml, under openpyxl, ended in a traceback)."""
    from kulturensrige.data.spreadsheet import MAX_PART_ATTRIBUTES, MAX_PART_DEPTH

    many = b'<xf a="" b="" c="" d="" e=""/>' * (MAX_PART_ATTRIBUTES // 5 + 1)
    deep = b"<a>" * (MAX_PART_DEPTH + 1) + b"</a>" * (MAX_PART_DEPTH + 1)
    for name, extra, said in (("mange", many, "over 1.000.000 XML-attributter"), ("dyb", deep, "over 100 niveauer af elementer")):
        folder = tmp_path / name
        folder.mkdir()
        _, _, problems = read_workbook(changed_parts(folder, {"xl/styles.xml": (b"</cellXfs>", extra + b"</cellXfs>")}))
        assert len(problems) == 1 and problems[0].allowed.startswith("xl/styles.xml i zip-filen (arbejdsbogens typografier) "), problems
        assert said in problems[0].allowed, problems


def test_a_truncated_styles_part_is_one_line_naming_it_not_lxmls_traceback(tmp_path: Path):
    """Hostile probe, session 14: openpyxl parses xl/styles.xml with lxml, whose XMLSyntaxError no handler caught."""
    path = changed_parts(tmp_path, {"xl/styles.xml": (b"</styleSheet>", b"")})
    _, _, problems = read_workbook(path)
    assert len(problems) == 1 and problems[0].allowed.startswith("xl/styles.xml i zip-filen (arbejdsbogens typografier) er beskadiget")


def test_a_styles_part_at_excels_own_limit_of_cell_formats_still_imports(tmp_path: Path):
    """Excel allows 65,490 cell formats: a workbook with that many, each with its alignment and protection (the
    largest styles part Excel writes), is read, not refused by the element limit."""
    xf = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" xfId="0"><alignment vertical="top"/><protection/></xf>'
    path = changed_parts(tmp_path, {"xl/styles.xml": (b"</cellXfs>", xf * 65_490 + b"</cellXfs>")})
    raws, _, problems = read_workbook(path)
    assert problems == [] and "quotes" in raws


def test_a_link_to_another_workbook_is_never_read(tmp_path: Path):
    """A link to another workbook carries a cached copy of its sheets, which openpyxl read whole (a damaged one ended
    in lxml's traceback); the import reads no formula, so it never needs the link."""
    relationships = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    reference = b'<externalReferences><externalReference xmlns:r="' + relationships + b'" r:id="rIdLink"/></externalReferences>'
    path = changed_parts(
        tmp_path,
        {
            "xl/workbook.xml": (b"</sheets>", b"</sheets>" + reference),
            "xl/_rels/workbook.xml.rels": (
                b"</Relationships>",
                b'<Relationship Id="rIdLink" Type="'
                + relationships
                + b'/externalLink" Target="/xl/externalLinks/externalLink1.xml"/></Relationships>',
            ),
        },
        {"xl/externalLinks/externalLink1.xml": b"<externalLink><sheetDataSet"},
    )
    raws, _, problems = read_workbook(path)
    assert problems == [] and "quotes" in raws
