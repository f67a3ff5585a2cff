"""REFI-QDA projects (.qdpx) in and out: the second way into the data, beside the workbook.

A `.qdpx` file is a zip with `project.qde` (XML in the namespace urn:QDA-XML:project:1.0, REFI-QDA 1.0–1.5)
and the text sources under `sources/`. Import: every coded text passage whose code the code map ties to
an ingredient becomes a quote, its text cut verbatim from the source by character offsets, its
municipality and role taken from what the analyst recorded (cases and their variables, then DOCS.csv).
The result is the base data folder with the project's quotes, validated before anything is written.
Export: the data's quotes as a project the QDA tools open, with ingredients as codes and municipalities
and roles as cases with variables.

Parsed with the standard library behind defusedxml (no DTD, no entities, no external references) and
read straight from the zip with a stated limit on the expanded size; the PyPI parsers extract the whole
archive to disk and parse without these guards (see the issue note in the report).
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import json
import os
import re
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from xml.etree import ElementTree as ET
from xml.parsers import expat

import defusedxml.ElementTree as SafeET
import pandas as pd
from defusedxml import DTDForbidden

from kulturensrige.data import provenance
from kulturensrige.data.anonymity import unique_role_warnings
from kulturensrige.data.archive import DAMAGE, OverBudget, damaged, member_problems, read_member
from kulturensrige.data.csv_reading import DOUBLE_BOM, OverLimit, RawTable, not_regular, read_csv, thousands
from kulturensrige.data.folder_writing import OutputTaken, check_folder, refuse_output, write_files, write_folder
from kulturensrige.data.frames import table_rows
from kulturensrige.data.loading import Dataset, data_dir, load
from kulturensrige.data.municipality_codes import LIST_FILE
from kulturensrige.data.pages import slug
from kulturensrige.data.problems import DataError, Problem, Refused
from kulturensrige.data.schema import ATTRIBUTED_BY, BY_QDA, BY_REPORT, LIST_SEPARATOR, NO, NOT_STATED, SLUG_PATTERN, SOURCES, TABLES, YES
from kulturensrige.data.validation import MAX_FOLDER_BYTES, read_folder, too_much, validate_tables
from kulturensrige.data.workbook import folder_files
from kulturensrige.words import csv_text as spreadsheet_text
from kulturensrige.words import number, plural, visible

NAMESPACE = "urn:QDA-XML:project:1.0"
_Q = "{" + NAMESPACE + "}"
PROJECT_FILE = "project.qde"
# A .qdpx whose files expand beyond this is refused before anything is read: a zip bomb, or a project
# with audio and video that the book could not use anyway. 10,000 coded passages take about 10 MB.
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
# project.qde is parsed whole into a tree, ten times its size and more in memory: 180 MB of empty elements took
# 3.7 GB. Its own limit is three times what 10,000 coded passages take; the sources keep the zip's limit.
MAX_PROJECT_BYTES = 32 * 1024 * 1024
MUNICIPALITY_LIST = LIST_FILE

# Variable names (case-insensitive) that carry what the book needs.
MUNICIPALITY_VARIABLES = ("kommunekode", "kommune")
ROLE_VARIABLES = ("rolle", "rolle/funktion")
CATEGORY_VARIABLE = "talerkategori"
CLEARED_VARIABLE = "frigivet"
ATTRIBUTION_VARIABLE = "tilknytning"
RATIONALE_VARIABLE = "begrundelse"
# Whose tie it is, in the book's words (kulturensrige/data/provenance.py): "udledt af redaktionen"; the import ignores it.
SOURCE_VARIABLE = "kilde"
NOT_TEXT_SOURCES = {"PDFSource": "PDF", "PictureSource": "billede", "AudioSource": "lyd", "VideoSource": "video"}
UNSTATED_ID = "ikke-angivet"
QUOTE_KIND = "interview"
_ID_PREFIX = "qda-"
# The export keeps a quote's cells that have no place in REFI-QDA (its order, kind, caption, exchange, section and
# reference) in the description of its selection, behind this marker, so an import gives them back unchanged. Its
# ingredients' source and reason are the row's own cells: an analyst's folder made from the report's workbook kept
# 'rapporten' on 30 ties, and a round trip turned them into 'analytiker' (issue 25). The book's reading of them
# (`ingredient_tie`, provenance.ingredient_tie_source) travels beside them with the folder's `kilde` (`folder_source`):
# imported onto a base whose folder reads the row's own source otherwise (an analyst's blank source onto the report's
# folder), the reading is written instead.
# Whose the municipality ties are (`attribution_source`, the folder's kommune_angivet_af) and a digest of each tie
# (TIE_DIGEST) let the import keep that source while the project leaves every tie as exported; the reason an untied
# quote stays untied has no case to travel in, and travels here. `anonymised` names the cells the anonymity rule held
# back (speaker_role, caption), so the import can say that they come back as the book showed them (docs/adr/0053).
FIELDS_MARKER = "kulturensrige:"
QUOTE_FIELDS = (
    "position", "caption", "kind", "exchange_id", "turn", "section_id", "reference_key",
    "ingredient_ids", "ingredient_source", "ingredient_rationale", "ingredient_tie", "folder_source",
    "attribution_rationale", "attribution_source", "anonymised",
)  # fmt: skip
TIE_DIGEST = "tie_sha256"
# The code the export gives a quote without an ingredient, and the code map's word for "a quote without ingredient".
NO_INGREDIENT_CODE = "Citat uden ingrediens"
NO_INGREDIENT = "ingen"
# Beside the quote's cells, the export stores a digest of its text: an import can then tell the text its positions
# were made for from a shifted one (a source converted to Windows line breaks after the export).
TEXT_DIGEST = "text_sha256"
# How a selection's positions count a Windows line break (CRLF) in its source: as stored, two characters (REFI-QDA 1.5,
# 10.2: positions are the file's code points), or as one (the text as coded before the file was converted).
AS_STORED, AS_ONE = "to-tegn", "et-tegn"
LINE_BREAK_READINGS = (AS_STORED, AS_ONE)
_AMBIGUOUS, _CHANGED = "tvetydig", "ændret"  # a passage whose positions neither the digest nor the analyst decides
# REFI-QDA's GUIDType: 8-4-4-4-12 hexadecimal digits, in braces or not (Project.xsd; an xsd:token, so blank space
# around it is no part of it). The elements the import finds by their guid must have one (the schema requires it).
_HEX_GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
_GUID = re.compile(rf"{_HEX_GUID}|\{{{_HEX_GUID}\}}")
_FOUND_BY_GUID = {"Code", "Variable", "TextSource", "PlainTextSelection"}
GUID_RULE = (
    "REFI-QDA kræver en GUID som 5a1d0000-0000-4000-8000-000000000001 (32 hexadecimale cifre i grupperne 8-4-4-4-12), "
    "og cases og kodninger finder elementet ved den; eksportér projektet igen fra QDA-programmet"
)
# A position as REFI-QDA writes it: ASCII digits only. int() also took '+0', ' 29_7 ' and Arabic-Indic digits.
_DIGITS = re.compile(r"[0-9]+")
_EXPORT_NAMESPACE = uuid.UUID("6f1b7c1e-4a55-4a43-9a53-6b756c747572")  # fixed, so an export is reproducible


# -- reading the project -------------------------------------------------------------------------


@dataclass(frozen=True)
class Passage:
    """One coded text passage, its text already cut from the source."""

    guid: str
    name: str
    source: str
    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    # The quote's own cells that a QDA project has no place for, as this package's export stores them in the
    # selection's description (QUOTE_FIELDS); empty for a passage coded in a QDA program.
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Project:
    """What the import needs from a project: codes, text sources, coded passages and recorded attributes."""

    codes: dict[str, str] = field(default_factory=dict)  # guid -> own name
    source_names: dict[str, str] = field(default_factory=dict)  # text sources read: guid -> name
    passages: list[Passage] = field(default_factory=list)
    not_text: Counter = field(default_factory=Counter)  # PDF/picture/audio/video sources skipped
    not_text_passages: int = 0
    outside: list[Problem] = field(default_factory=list)  # passages whose positions lie outside their text, refused
    # source name -> passages read with a Windows line break counted as one character, as the export's digest of their
    # text (or --linjeskift et-tegn) says they were made (the source was converted after the export)
    counted_as_one: Counter = field(default_factory=Counter)
    # one line per source whose passages cut another text than the export's digest says they held (the source edited in
    # front of them shifts them all): read as they are, and said
    changed: list[Problem] = field(default_factory=list)
    # guid of a source or passage -> one dict of variables per case (or the source's own variables)
    selection_cases: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    source_cases: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    source_variables: dict[str, dict[str, str]] = field(default_factory=dict)
    # the passages cut so far, (source, start, end), and their characters: counted against the folder's limit as they
    # are cut, not once all are (400 selections of a 30 MB source took 12 GB before the limit was checked)
    cut: set[tuple[str, int, int]] = field(default_factory=set)
    cut_characters: int = 0


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _problem(label: str, message: str, value: str | None = None) -> Problem:
    return Problem(label, None, None, value, message)


CodeMap = Mapping[str, tuple[str, ...]]


def read_project(path: Path, line_breaks: str | None = None, code_map: CodeMap | None = None) -> Project:
    """Open and check a .qdpx file; every problem raises DataError with one Danish line. `line_breaks` (AS_STORED or
    AS_ONE) says how positions count a Windows line break where neither the export's digest nor the text decides.
    With a `code_map` (read_code_map), only the passages that become quotes are cut from their text; the others keep
    their place, codes and an empty text (a whole transcript coded by case need not fit in a quote)."""
    label = path.name
    if (special := not_regular(path, str(path))) is not None:
        raise DataError([special])
    # Any other OSError (a name too long, no access) is the system's, said by cli in one line: a folder and a name too
    # long had been "ikke en zip-fil" (issue 25's hostile round).
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise DataError([_problem(label, "filen findes ikke")]) from None
    except IsADirectoryError:
        raise DataError([_problem(label, "er en mappe, ikke en fil; angiv projektfilen (.qdpx)")]) from None
    except (zipfile.BadZipFile, ValueError):
        raise DataError([_problem(label, "filen er ikke en zip-fil; en REFI-QDA-projektfil (.qdpx) er en zip med project.qde")]) from None
    with archive:
        expanded = sum(info.file_size for info in archive.infolist())
        if expanded > MAX_EXPANDED_BYTES:
            raise DataError([_problem(label, f"zip-filen pakker ud til {_mb(expanded)}; grænsen er {_mb(MAX_EXPANDED_BYTES)}")])
        if unreadable := member_problems(archive):
            raise DataError([_problem(label, line) for line in unreadable])
        members = {info.filename.replace("\\", "/").lower(): info for info in archive.infolist() if not info.is_dir()}
        reader = _Members(archive, members, label)
        if PROJECT_FILE not in members:
            raise DataError([_problem(label, f"zip-filen har ingen {PROJECT_FILE}; eksportér projektet igen som REFI-QDA-projekt (.qdpx)")])
        if members[PROJECT_FILE].file_size > MAX_PROJECT_BYTES:
            raise DataError([_project_too_large(label)])
        data = reader.read(PROJECT_FILE, MAX_PROJECT_BYTES)
        root = _parse(data, f"{label}: {PROJECT_FILE}")
        if b"\r" in data:
            _inline_as_stored(data, root)
        return _project(root, reader, label, line_breaks, code_map)


def _project_too_large(label: str) -> Problem:
    limit = f"{PROJECT_FILE} pakker ud til mere end {_mb(MAX_PROJECT_BYTES)}; det er grænsen for projektfilen"
    return _problem(label, f"{limit} (10.000 kodede passager fylder omkring 10 MB)")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB".replace(".", ",")


class _Members:
    """Reads members of the zip, counting what is really expanded, since a zip's stated sizes can lie."""

    def __init__(self, archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo], label: str):
        self.archive, self.members, self.label, self.read_bytes = archive, members, label, 0

    def find(self, name: str) -> zipfile.ZipInfo | None:
        return self.members.get(self.key(name))

    @staticmethod
    def key(name: str) -> str:
        """A member's name as the index holds it: '/' for a Windows '\\', in lower case. find and read both use it
        (read did not, and a plainTextPath with a '\\' found its member and then ended in a KeyError)."""
        return name.replace("\\", "/").lower()

    def read(self, name: str, limit: int | None = None) -> bytes:
        """The member's bytes, within what the zip may still expand to and the member's own `limit`."""
        budget = MAX_EXPANDED_BYTES - self.read_bytes
        try:
            data = read_member(self.archive, self.members[self.key(name)], budget if limit is None else min(budget, limit))
        except OverBudget:
            if limit is not None and limit < budget:
                raise DataError([_project_too_large(self.label)]) from None
            raise DataError([_problem(self.label, f"zip-filen pakker ud til mere end {_mb(MAX_EXPANDED_BYTES)}; det er grænsen")]) from None
        except DAMAGE as exc:
            raise DataError([_problem(self.label, damaged(name, exc))]) from None
        self.read_bytes += len(data)
        return data


def _parse(data: bytes, label: str) -> ET.Element:
    try:
        return SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden as refused:  # named as what it is, not as damage (issue 25); the DTD stops the parser first
        message = (
            f"indeholder en DTD-erklæring (<!DOCTYPE {visible(refused.name)}>), som ikke er tilladt: et REFI-QDA-projekt har "
            "ingen, og dens entiteter kan læse andre filer eller gøre en lille fil enorm"
        )
        raise DataError([_problem(label, message)]) from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise DataError([_problem(label, f"er ikke gyldig XML (linje {line}, tegn {column})")]) from None


def _inline_as_stored(data: bytes, root: ET.Element) -> None:
    """Give each inline text (PlainTextContent) back the Windows (CRLF) or old Mac (CR) line breaks project.qde holds.

    An XML parser reads every line break as a line feed (XML 1.0, 2.11), so a CRLF typed into project.qde reached
    the import as one character, and positions counted as stored (REFI-QDA's count, a CRLF as two) cut a quote two
    characters on, without a word (hostile round 16, #4). With the breaks given back, the text is read as a source
    file is (_reading: the export's digest, then --linjeskift, or one line asking for it). Expat reports each line
    break as a line feed of its own, at the byte where the break stands; a break written as a character reference
    (&#13;) is kept by any parser. The document has passed _parse (no DTD, no entities), so expat reads it as safely."""
    tag = f"{NAMESPACE}}}PlainTextContent"
    utf16 = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}.get(data[:2])
    crlf = "\r\n".encode(utf16) if utf16 else b"\r\n"  # UTF-8 (REFI-QDA's) or any ASCII-compatible encoding
    cr = crlf[: len(crlf) // 2]
    parser = expat.ParserCreate(namespace_separator="}")
    texts: list[str] = []
    parts: list[str] | None = None

    def start(name: str, _attributes: object) -> None:
        nonlocal parts
        if name == tag:
            parts = []

    def end(name: str) -> None:
        nonlocal parts
        if name == tag and parts is not None:
            texts.append("".join(parts))
            parts = None

    def characters(text: str) -> None:
        if parts is None:
            return
        if text != "\n":
            parts.append(text)
            return
        at = parser.CurrentByteIndex
        parts.append("\r\n" if data.startswith(crlf, at) else "\r" if data.startswith(cr, at) else "\n")

    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, characters
    parser.Parse(data, True)
    for element, text in zip(root.iter(f"{_Q}PlainTextContent"), texts, strict=True):
        element.text = text


def _project(root: ET.Element, reader: _Members, label: str, line_breaks: str | None = None, code_map: CodeMap | None = None) -> Project:
    if root.tag != f"{_Q}Project":
        found = root.tag.replace("{", "navnerum ").replace("}", ", element ") if root.tag.startswith("{") else f"element {root.tag}"
        raise DataError([_problem(f"{label}: {PROJECT_FILE}", f"rodelementet skal være Project i navnerummet {NAMESPACE}", found)])
    _unique_guids(root, f"{label}: {PROJECT_FILE}")
    project = Project()
    for code in root.iter(f"{_Q}Code"):
        project.codes[_guid(code.get("guid"))] = (code.get("name") or "").strip()
    variables = {_guid(v.get("guid")): (v.get("name") or "").strip().casefold() for v in root.iter(f"{_Q}Variable")}
    for case in root.iter(f"{_Q}Case"):
        values = _variable_values(case, variables)
        for ref in case.findall(f"{_Q}SourceRef"):
            project.source_cases.setdefault(_guid(ref.get("targetGUID")), []).append(values)
        for ref in case.findall(f"{_Q}SelectionRef"):
            project.selection_cases.setdefault(_guid(ref.get("targetGUID")), []).append(values)
    sources = root.find(f"{_Q}Sources")
    problems = _dangling_references(root, f"{label}: {PROJECT_FILE}")
    for source in [] if sources is None else list(sources):
        kind = source.tag.removeprefix(_Q)
        if kind in NOT_TEXT_SOURCES:
            project.not_text[NOT_TEXT_SOURCES[kind]] += 1
            project.not_text_passages += sum(1 for s in source.iter() if s.find(f"{_Q}Coding") is not None)
        elif kind == "TextSource":
            problems += _text_source(source, reader, label, variables, project, line_breaks, code_map)
    if project.outside:  # bad input, not a data error to fix in a table: exit status 2 with every other line
        first, *more = DataError(problems + project.outside).problems
        raise Refused(first, *more)
    if problems:
        raise DataError(problems)
    return project


def _unique_guids(root: ET.Element, label: str) -> None:
    """Every guid well formed and used once; the elements the import finds by their guid hold one. A selection without
    one (or with 'x' after it) was read, and the case naming it no longer matched: its role became 'ikke angivet'."""
    seen: dict[str, str] = {}
    problems = []
    for element in root.iter():
        kind = element.tag.removeprefix(_Q)
        given = element.get("guid")
        if given is None and kind in _FOUND_BY_GUID and (kind != "PlainTextSelection" or element.find(f"{_Q}Coding") is not None):
            problems.append(_problem(label, f"{_element_place(element)} har ingen guid; {GUID_RULE}"))
            continue
        if given is not None and not _GUID.fullmatch(given.strip()):
            problems.append(_problem(label, f"{_element_place(element)} har en guid, der ikke er en GUID; {GUID_RULE}", given))
            continue
        guid = _guid(given)
        if not guid:
            continue
        # Each named by its place (kind, name, positions): two selections sharing one were told apart by nothing,
        # "både PlainTextSelection og PlainTextSelection" (hostile round s24, H6).
        if guid in seen:
            problems.append(
                _problem(label, f"guid'en bruges af både {seen[guid]} og {_element_place(element)}; hver guid skal være entydig", guid)
            )
        else:
            seen[guid] = _element_place(element)
    if problems:
        raise DataError(problems)


# The references in a case that point at another element by its guid: a case's sources, selections and variables.
_CASE_REFERENCES = ("SourceRef", "SelectionRef", "VariableRef")


def _dangling_references(root: ET.Element, label: str) -> list[Problem]:
    """One line for each reference in a case to a guid no element of the project has: the case's sources, passages
    or values would be left out without a word (issue 25, #6). A coding's code is checked where it is mapped."""
    known = {_guid(element.get("guid")) for element in root.iter() if element.get("guid") is not None}
    problems = []
    for case in root.iter(f"{_Q}Case"):
        for ref in case.iter():
            kind = ref.tag.removeprefix(_Q)
            if kind in _CASE_REFERENCES and (target := _guid(ref.get("targetGUID"))) not in known:
                pointing = f"henviser til guid'en {target}, som intet element i projektet har" if target else "har ingen targetGUID"
                said = f"{_element_place(case)} har en {kind}, der {pointing}; ret henvisningen eller fjern den"
                problems.append(_problem(label, said, ref.get("targetGUID")))
    return problems


def _element_place(element: ET.Element) -> str:
    """An element named as the analyst finds it: its kind, its name and its positions where it has them."""
    kind = element.tag.removeprefix(_Q)
    name = f" {visible(name)!r}" if (name := element.get("name")) else ""
    start, end = element.get("startPosition"), element.get("endPosition")
    return f"{kind}{name}" + (f" (tegn {visible(start)}–{visible(end)})" if start is not None and end is not None else "")


def _variable_values(owner: ET.Element, variables: Mapping[str, str]) -> dict[str, str]:
    values = {}
    for value in owner.findall(f"{_Q}VariableValue"):
        ref = value.find(f"{_Q}VariableRef")
        name = variables.get(_guid(ref.get("targetGUID")) if ref is not None else "", "")
        content = next((child.text or "" for child in value if child.tag != f"{_Q}VariableRef"), "")
        if name and content.strip():
            values[name] = content.strip()
    return values


_BOM = b"\xef\xbb\xbf"


def _nul_in_source(member: str, at: int) -> str:
    """A NUL is no character of a plain text (a UTF-16 file read as UTF-8 is full of them): said of the source, where
    a quote cut from around it was refused as if its CSV file held binary data. Other control characters in a
    passage are named with their selection (the check of the written folder)."""
    return (
        f"tekstfilen {member} har NUL-tegnet (U+0000) ved tegn {at}, som ingen ren tekst har (er filen gemt som UTF-16?); "
        "REFI-QDA kræver ren tekst i UTF-8"
    )


# What a text source's plainTextPath may name: a file inside the project (REFI-QDA's internal://). A path on a disk
# (file://, absolute://, relative://, C:\..., /etc/...) or an internal one climbing out of sources/ would have the
# importer read its own disk: refused, where a missing file inside the project is only a problem of the data.
OUTSIDE_THE_PROJECT = (
    "peger uden for projektfilen; importen læser kun tekstkilder, der ligger i projektfilen (internal://…) eller står i "
    "project.qde, aldrig en fil på disken. Eksportér projektet igen med kilderne i projektfilen; intet er skrevet"
)


def _internal_member(path: str) -> str | None:
    """The zip member an internal:// path names (sources/…), or None for a path outside the project."""
    if not path.lower().startswith("internal://"):
        return None
    name = path[len("internal://") :]
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
        return None
    return "sources/" + name


def _text_source(
    source: ET.Element,
    reader: _Members,
    label: str,
    variables: Mapping[str, str],
    project: Project,
    line_breaks: str | None = None,
    code_map: CodeMap | None = None,
) -> list[Problem]:
    guid, name = _guid(source.get("guid")), source.get("name") or source.get("guid") or ""
    where = f"{label}: kilden {name!r}"
    coded = [s for s in source.findall(f"{_Q}PlainTextSelection") if s.find(f"{_Q}Coding") is not None]
    inline = source.find(f"{_Q}PlainTextContent")
    path = source.get("plainTextPath") or ""
    if inline is not None:
        text = inline.text or ""
    elif not path:
        project.not_text["tekst uden ren tekst"] += 1
        project.not_text_passages += len(coded)
        return []
    elif (member := _internal_member(path)) is None:
        raise Refused(Problem(f"{where}, plainTextPath", None, None, path, OUTSIDE_THE_PROJECT))
    else:
        if reader.find(member) is None:
            return [_problem(where, f"tekstfilen {member} mangler i zip-filen")]
        raw = reader.read(member.lower())
        if raw.startswith(_BOM * 2):  # the second would count as the text's first character: every passage one off
            return [_problem(where, f"tekstfilen {member}: {DOUBLE_BOM}, og hver markering ville flytte ét tegn; gem filen igen som UTF-8")]
        try:
            text = raw.decode("utf-8").removeprefix("\ufeff")  # a byte order mark is not part of the text
        except UnicodeDecodeError as exc:
            return [
                _problem(
                    where, f"tekstfilen {member} er ikke UTF-8 (byte 0x{raw[exc.start]:02x} ved byte {exc.start}); REFI-QDA kræver UTF-8"
                )
            ]
        if (nul := text.find("\0")) >= 0:
            return [_problem(where, _nul_in_source(member, nul))]
    project.source_names[guid] = name
    project.source_variables[guid] = _variable_values(source, variables)
    problems = []
    one_each = _one_character_breaks(text) if "\r" in text else None
    undecided: dict[str, list[str]] = {}  # _AMBIGUOUS or _CHANGED -> the selections, described
    changed: list[str] = []  # the selections whose text is not the one exported, described
    too_long: list[str] = []  # the selections longer than a quote may be, described
    longest = csv.field_size_limit()  # the longest cell the written folder's CSV is read back with
    for selection in coded:
        positions = _positions(selection, where)
        if isinstance(positions, Problem):
            problems.append(positions)
            continue
        start, end = positions
        sel = _guid(selection.get("guid"))
        passage_name = (selection.get("name") or "").strip()
        stored, unreadable = _stored(selection, f"{where}, markering {sel}")
        if unreadable:
            problems += unreadable
            continue
        codes = tuple(_guid(r.get("targetGUID")) for c in selection.findall(f"{_Q}Coding") if (r := c.find(f"{_Q}CodeRef")) is not None)
        if end > len(text):
            # A source edited after coding, or a corrupt selection: the passage cannot be cut, and skipping it would
            # publish the book a quote short with exit 0 (hostile review s23, F2). Refused, one line per passage.
            named = f"markering {visible(passage_name)!r} ({sel})" if passage_name else f"markering {sel}"
            allowed = (
                f"{named}: tegn {start}–{end}, men teksten har {thousands(len(text))} tegn; en markering skal ligge inden for "
                f"sin kilde (endPosition højst {len(text)}); kod passagen igen, eller eksportér projektet igen; intet er skrevet"
            )
            project.outside.append(_problem(where, allowed))
            continue
        if code_map is not None and not _taken(codes, project, code_map):
            project.passages.append(Passage(sel, passage_name, guid, start, end, "", codes))  # no quote: not cut
            continue
        if end - start > longest:
            too_long.append(f"{visible(passage_name) or sel}, tegn {start}–{end}: {thousands(end - start)} tegn")
            continue
        if (guid, start, end) not in project.cut:
            project.cut.add((guid, start, end))
            project.cut_characters += end - start
            if project.cut_characters > MAX_FOLDER_BYTES:
                what = f"de kodede passager, der bliver citater, fylder over {number(MAX_FOLDER_BYTES / 1e6, 1)} millioner tegn"
                raise DataError([too_much(f"{label}: {PROJECT_FILE}", what)])
        digest = stored.pop(TEXT_DIGEST, None)
        digest = digest.lower() if digest else digest  # a hex digest in capitals is the same digest
        reading = _reading(text, one_each, start, end, digest, line_breaks)
        if reading in (_AMBIGUOUS, _CHANGED):
            undecided.setdefault(reading, []).append(f"{visible(passage_name) or sel}, tegn {start}–{end}")
            continue
        if reading == AS_ONE and one_each is not None:
            project.counted_as_one[name] += 1
            passage_text = one_each[start:end]
        else:
            passage_text = text[start:end]
        if digest and _digest(passage_text) != digest:
            changed.append(f"{visible(passage_name) or sel}, tegn {start}–{end}")
        project.passages.append(Passage(sel, passage_name, guid, start, end, _one_character_breaks(passage_text), codes, stored))
    problems += [_problem(where, _undecided(kind, selections)) for kind, selections in undecided.items()]
    if too_long:
        problems.append(
            _problem(
                where,
                f"{plural(len(too_long), 'markering', 'markeringer')} (fx {too_long[0]}) er længere, end et citat må være: "
                f"højst {thousands(longest)} tegn, det længste felt, CSV-læseren tillader; "
                f"del {'dem' if len(too_long) > 1 else 'den'} op i QDA-programmet",
            )
        )
    if changed:
        project.changed.append(
            _problem(
                where,
                f"{plural(len(changed), 'markering', 'markeringer')} (fx {changed[0]}) giver en anden tekst end den, projektet "
                "blev eksporteret med; er kilden ændret foran dem, er citaterne forskudt: se dem efter, og ret markeringerne "
                "i QDA-programmet",
            )
        )
    return problems


def _mapped(code: str, project: Project, code_map: CodeMap) -> tuple[str, ...] | None:
    """The ingredients the code map ties a code of the project to, by its guid or its name; None if it names neither."""
    return code_map.get(code, code_map.get(_code_key(project.codes[code])))


def _taken(codes: Sequence[str], project: Project, code_map: CodeMap) -> bool:
    """Whether a passage with these codes becomes a quote, so its text must be cut: one of its codes is tied to an
    ingredient (or to `ingen`). A code the project lacks counts as taken: the import names it (_quote_rows)."""
    return any(code not in project.codes or _mapped(code, project, code_map) for code in codes)


def _one_character_breaks(text: str) -> str:
    """The text with each Windows (CRLF) or old Mac (CR) line break as one line feed: a quote's line breaks are text,
    not the file's convention."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _digest(text: str) -> str:
    return hashlib.sha256(_one_character_breaks(text).encode("utf-8")).hexdigest()


def _tie_digest(kommunekode: str, attribution: str, rationale: str) -> str:
    """A quote's municipality tie as the export's cases carry it (its code, level and, for an inferred tie, its reason):
    the import compares it with the tie the project's cases give now, to tell a tie left as exported from one set in
    the QDA program."""
    carried = [kommunekode, attribution, rationale if attribution == "inferred" else ""]
    return hashlib.sha256(json.dumps(carried, ensure_ascii=False).encode("utf-8")).hexdigest()


def _reading(text: str, one_each: str | None, start: int, end: int, digest: str | None, line_breaks: str | None) -> str:
    """How to read a passage's positions, which lie within the text: AS_STORED or AS_ONE; _AMBIGUOUS where the source
    has Windows line breaks, the two readings give different passages and nothing says which is meant; _CHANGED where
    the export's digest of the text matches neither.

    REFI-QDA counts the file's code points, a CRLF as two; a source converted to CRLF after it was coded (by an editor,
    git, a Windows tool) keeps positions that count one. The export's digest of the text decides, then the analyst's
    --linjeskift; without either the import stops rather than cut a shifted text."""
    if one_each is None:
        return AS_STORED
    stored = text[start:end]
    one = one_each[start:end] if end <= len(one_each) else None
    if one is None or one == _one_character_breaks(stored):
        return AS_STORED  # only the stored reading fits in the text, or both give the same passage
    if digest and _digest(stored) == digest:
        return AS_STORED
    if digest and _digest(one) == digest:
        return AS_ONE
    return line_breaks or (_CHANGED if digest else _AMBIGUOUS)


def _undecided(kind: str, selections: list[str]) -> str:
    """One line for a source's passages whose positions can be read two ways (_AMBIGUOUS), or match the export's
    text neither way (_CHANGED): how many, the first, and what to do."""
    count = plural(len(selections), "markering", "markeringer")
    first = f"{count} (fx {selections[0]})"
    choose = f"--linjeskift {AS_STORED} eller --linjeskift {AS_ONE}"
    if kind == _CHANGED:
        return (
            f"{first}: kilden har Windows-linjeskift (CRLF), og teksten passer ikke med den, projektet blev eksporteret med, "
            f"hverken med linjeskift talt som ét tegn eller to; ret markeringerne i QDA-programmet, eller angiv {choose}"
        )
    return (
        f"{first}: kilden har Windows-linjeskift (CRLF), og positionerne giver en anden tekst, alt efter om et linjeskift "
        "tælles som ét tegn eller to; REFI-QDA tæller to (filen, som den er gemt), men en fil, der er konverteret efter "
        f"kodningen, tæller ét: angiv {choose}, og se citaterne efter"
    )


def _stored(selection: ET.Element, where: str) -> tuple[dict[str, str], list[Problem]]:
    """What this package's export stored in the selection's description (QUOTE_FIELDS, TEXT_DIGEST), and a line for
    each field that is not text and for a description behind the marker that is no JSON object; nothing for a
    description without the marker. A number or a list as the caption was dropped without a word, and the quote
    lost its caption (hostile round 15)."""
    description = selection.findtext(f"{_Q}Description") or ""
    if not description.startswith(FIELDS_MARKER):
        return {}, []
    shown = description[len(FIELDS_MARKER) :]
    twice: dict[str, list[object]] = {}
    try:
        stored = json.loads(shown, object_pairs_hook=lambda pairs: _noting_twins(pairs, twice))
    except (ValueError, RecursionError):  # a description nested 200,000 deep is no export of this package's either
        stored = None
    if not isinstance(stored, dict):
        said = (
            f"beskrivelsen begynder med {FIELDS_MARKER}, som eksporten skriver foran citatets felter, men resten er ikke et "
            f'JSON-objekt ({{"caption": "…", …}}); ret beskrivelsen, eller slet den'
        )
        return {}, [_problem(where, said, shown)]
    known = (*QUOTE_FIELDS, TEXT_DIGEST, TIE_DIGEST)
    wrong = [
        # The last of two values silently won (hostile round 19, #4): which one the analyst meant is theirs to say.
        _problem(
            f"{where}, feltet {key}",
            "står mere end én gang i beskrivelsen, så det er uklart, hvilken værdi der gælder; behold kun én",
            " / ".join(json.dumps(value, ensure_ascii=False) for value in values),
        )
        for key, values in twice.items()
    ]
    wrong += [
        # A field the export never writes (the municipality, the text, cleared) was dropped without a word, though the
        # analyst who wrote it meant it to change the quote.
        _problem(
            f"{where}, feltet {key}",
            f"er ikke et af de felter, eksporten skriver her ({', '.join(known)}); slet feltet, eller "
            "ret dets navn (citatets andre felter ændres i QDA-programmet eller i datamappen)",
            json.dumps(value, ensure_ascii=False),
        )
        for key, value in stored.items()
        if key not in known
    ]
    fields = {key: value for key, value in stored.items() if key in known}
    wrong += [
        _problem(
            f"{where}, feltet {key}",
            f"skal være tekst i anførselstegn (en JSON-streng), ikke {_json_kind(value)}; skriv værdien i anførselstegn",
            json.dumps(value, ensure_ascii=False),
        )
        for key, value in fields.items()
        if not isinstance(value, str)
    ]
    return ({} if wrong else fields), wrong


def _noting_twins(pairs: list[tuple[str, object]], twice: dict[str, list[object]]) -> dict[str, object]:
    """A JSON object as a dict, with every key it holds more than once noted in `twice` with all its values."""
    values: dict[str, list[object]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value)
    twice.update({key: found for key, found in values.items() if len(found) > 1})
    return dict(pairs)


def _json_kind(value: object) -> str:
    """A JSON value's kind, as the line names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "en sandhedsværdi"
    if isinstance(value, (int, float)):
        return "et tal"
    return "en liste" if isinstance(value, list) else "et objekt"


def _positions(selection: ET.Element, where: str) -> tuple[int, int] | Problem:
    """The passage's character offsets; positions that are not whole numbers, or that run backwards, are bad input."""
    guid = _guid(selection.get("guid"))
    given = (selection.get("startPosition") or "", selection.get("endPosition") or "")
    shown = "–".join(given)
    digits = (
        f"markering {guid}: startPosition og endPosition skal være hele tal skrevet med cifrene 0-9, uden fortegn, "
        "mellemrum og understregning"
    )
    if not all(_DIGITS.fullmatch(position) for position in given):
        return _problem(where, digits, shown)
    try:
        start, end = int(given[0]), int(given[1])
    except ValueError:  # more digits than Python reads as a number (4,300): no text is that long either
        return _problem(where, digits, shown)
    if start >= end:
        return _problem(where, f"markering {guid}: startPosition skal være mindre end endPosition", shown)
    return start, end


# -- the code map, DOCS.csv and municipality names ----------------------------------------------------


def _read_table(path: Path, columns: tuple[str, ...], label_name: str) -> RawTable:
    label = path.name
    if (special := not_regular(path, str(path))) is not None:
        raise DataError([special])
    if path.is_dir():  # a folder is there, and is no table (hostile round 15, #12: it was said not to exist)
        raise DataError([_problem(label, f"er en mappe, ikke en fil; {label_name} skal være en CSV-fil")])
    if not path.is_file():
        raise DataError([_problem(label, f"{label_name} findes ikke")])
    try:  # no further than a data folder may hold: a 5 GB --codes file was read whole
        raw, problems = read_csv(path, label, max_bytes=MAX_FOLDER_BYTES)
    except OverLimit:
        raise DataError([_problem(label, f"filen fylder over {number(MAX_FOLDER_BYTES / 1e6, 1)} MB, mere end en datamappe må")]) from None
    if problems or raw is None:
        raise DataError(problems)
    missing = [c for c in columns if c not in raw.frame.columns]
    if missing:
        raise DataError([Problem(label, None, c, None, "kolonnen mangler; påkrævede kolonner: " + ", ".join(columns)) for c in missing])
    return raw


EMPTY_CODE_MAP = "kodekortet har ingen rækker under overskriften; skriv én række pr. kode (code, ingredient_id)"


def read_code_map(path: Path, ingredients: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Code name (casefolded) or guid -> ingredient ids; an empty ingredient_id maps the code to nothing (its
    passages are skipped), `ingen` to a quote without an ingredient."""
    raw = _read_table(path, ("code", "ingredient_id"), "kodekortet")
    if raw.frame.empty:  # said of the map: the empty quotes.csv it led to was named in an output never written
        raise DataError([_problem(path.name, EMPTY_CODE_MAP)])
    known = {*ingredients, NO_INGREDIENT}
    mapping: dict[str, tuple[str, ...]] = {}
    problems = []
    for row, code, ingredient in zip(raw.rows, raw.frame["code"], raw.frame["ingredient_id"], strict=True):
        if not code:
            problems.append(Problem(path.name, row, "code", "", "skal udfyldes med kodens navn eller guid"))
        elif ingredient and ingredient not in known:
            problems.append(
                Problem(
                    path.name,
                    row,
                    "ingredient_id",
                    ingredient,
                    "ukendt ingrediens; tilladt: "
                    + ", ".join(sorted(known - {NO_INGREDIENT}))
                    + f", {NO_INGREDIENT} (citat uden ingrediens) eller tom (springes over)",
                )
            )
        else:
            key = _code_key(code)
            mapping[key] = tuple(dict.fromkeys([*mapping.get(key, ()), *([ingredient] if ingredient else [])]))
    if problems:
        raise DataError(problems)
    return mapping


def _code_key(code: str) -> str:
    return " ".join(code.split()).casefold().strip("{}")


class Municipalities:
    """Official codes and names: the base data's municipalities first, then the list of all 98."""

    def __init__(self, base: pd.DataFrame, official: Path = MUNICIPALITY_LIST):
        with official.open(encoding="utf-8", newline="") as stream:
            self.official = {row["kommunekode"]: row for row in csv.DictReader(stream)}
        self.base = {row.kommunekode: row for row in table_rows(base)}
        self.by_name: dict[str, str] = {}
        for code, row in self.official.items():
            self.by_name[_name_key(row["name"])] = code
        for row in table_rows(base):
            self.by_name[_name_key(row.name)] = row.kommunekode
            self.by_name[_name_key(row.name_in_report)] = row.kommunekode

    def code(self, value: str) -> str | None:
        """The official code for a code or a name as an analyst writes it ('Køge', 'Køge Kommune', '259')."""
        value = value.strip()
        if value.isdigit() and len(value) <= 3:
            code = value.zfill(3)
            return code if code in self.base or code in self.official else None
        return self.by_name.get(_name_key(value))


def _name_key(name: str) -> str:
    words = name.replace("–", "-").casefold().split()
    if len(words) > 1 and words[-1] == "kommune":
        words = words[:-1]
    return " ".join(words)


@dataclass(frozen=True)
class Recorded:
    """What the analyst recorded about one passage; empty strings where nothing was."""

    kommunekode: str = ""
    role: str = ""
    category: str = ""
    cleared: bool = False
    inferred_because: str = ""
    ambiguous: bool = False


def read_documents(path: Path, project: Project, municipalities: Municipalities) -> dict[str, dict[str, str]]:
    """DOCS.csv: source guid -> {'kommunekode': code, 'rolle': role}, matched by the source's name or guid."""
    raw = _read_table(path, ("document", "kommunekode", "speaker_role"), "dokumentlisten")
    names = {name.casefold(): guid for guid, name in project.source_names.items()}
    documents, problems = {}, []
    for row, document, kommune, role in zip(
        raw.rows, raw.frame["document"], raw.frame["kommunekode"], raw.frame["speaker_role"], strict=True
    ):
        guid = _guid(document) if _guid(document) in project.source_names else names.get(document.casefold())
        code = municipalities.code(kommune) if kommune else ""
        if guid is None:
            problems.append(Problem(path.name, row, "document", document, "ingen tekstkilde i projektet har dette navn eller denne guid"))
        elif code is None:
            problems.append(Problem(path.name, row, "kommunekode", kommune, _unknown_municipality()))
        else:
            documents[guid] = {"kommunekode": code, "rolle": role}
    if problems:
        raise DataError(problems)
    return documents


def _unknown_municipality() -> str:
    return "ukendt kommune; skriv den officielle kommunekode (tre cifre) eller navnet som i kulturensrige/data/danske-kommuner.csv"


def recorded(
    passage: Passage, project: Project, documents: Mapping[str, Mapping[str, str]], municipalities: Municipalities, label: str
) -> Recorded:
    """Cases that name the passage, then cases that hold its source, then the source's own variables, then DOCS.csv."""
    layers: list[Sequence[Mapping[str, str]]] = [
        project.selection_cases.get(passage.guid, []),
        project.source_cases.get(passage.source, []),
        [project.source_variables.get(passage.source, {})],
        [documents[passage.source]] if passage.source in documents else [],
    ]
    ambiguous = False
    where = f"{label}: kilden {project.source_names[passage.source]!r}"

    def municipality(value: str) -> str:
        code = municipalities.code(value)
        if code is None:
            raise DataError([_problem(where, _unknown_municipality(), value)])
        return code

    def first(names: tuple[str, ...], normalise=str) -> str:
        """The value of the first layer that records one; two different values in that layer record none."""
        nonlocal ambiguous
        for layer in layers:
            found = {normalise(values[n]) for values in layer for n in names if values.get(n)}
            if len(found) > 1:
                ambiguous = True
                return ""
            if found:
                return found.pop()
        return ""

    code = first(MUNICIPALITY_VARIABLES, municipality)
    attribution = first((ATTRIBUTION_VARIABLE,))
    return Recorded(
        kommunekode=code,
        role=first(ROLE_VARIABLES),
        category=first((CATEGORY_VARIABLE,)),
        cleared=first((CLEARED_VARIABLE,)).casefold() in ("true", "1", YES),
        inferred_because=first((RATIONALE_VARIABLE,)) if attribution == "inferred" else "",
        ambiguous=ambiguous,
    )


# -- the import --------------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What the import did, for the analyst: counts and names, never a guess."""

    project: str
    sources: int = 0
    not_text: Counter = field(default_factory=Counter)
    passages: int = 0
    quotes: int = 0
    merged: int = 0
    skipped: Counter = field(default_factory=Counter)
    counted_as_one: Counter = field(default_factory=Counter)
    not_taken: list[str] = field(default_factory=list)  # each passage skipped for its codes or its empty text, named
    unmapped_codes: list[str] = field(default_factory=list)
    # Each code the map gives more than one ingredient (a row per ingredient), with them: a repeated row is more often a
    # slip than a choice, and every quote it codes gets each of them (hostile round s24, H4), so the summary names it.
    several_ingredients: list[str] = field(default_factory=list)
    attributions: Counter = field(default_factory=Counter)
    ambiguous: int = 0
    new_municipalities: list[str] = field(default_factory=list)
    base_quotes: int = 0
    warnings: list[Problem] = field(default_factory=list)
    # What a round trip could not give back as it was, one line each (docs/adr/0053): quotes coded anew in the project,
    # whose ties to the ingredients are now the QDA project's; the quotes' municipality ties by whose they are kept as
    # (qda-projekt for a tie set in the project); the cells the anonymity rule held back, by column.
    recoded: list[str] = field(default_factory=list)
    tie_sources: Counter = field(default_factory=Counter)
    anonymised: dict[str, list[str]] = field(default_factory=dict)
    ties_relabelled: str = ""

    def lines(self) -> list[str]:
        skipped_sources = ", ".join(f"{n} {kind}" for kind, n in sorted(self.not_text.items()))
        lines = [
            f"Kilder læst: {self.sources} tekstkilder"
            + (f"; sprunget over, fordi de ikke er tekst: {skipped_sources}" if skipped_sources else ""),
            f"Passager læst: {self.passages} kodede tekstpassager",
            f"Citater dannet: {self.quotes}"
            + (f" ({plural(self.merged, 'passage', 'passager')} kodet mere end én gang slået sammen)" if self.merged else "")
            + "; kommune: "
            + ", ".join(f"{n} {provenance.TIE_WORDS[a]} ({a})" for a, n in provenance.tie_levels(self.attributions)),
            f"Passager sprunget over: {sum(self.skipped.values())}"
            + "".join(f"\n  - {reason}: {n}" for reason, n in sorted(self.skipped.items()) if n),
        ]
        if self.not_taken:
            lines.append("Passager, der ikke er taget med:" + "".join(f"\n  - {o}" for o in self.not_taken))
        if self.counted_as_one:
            lines.append(
                "Passager læst med et Windows-linjeskift talt som ét tegn, som de blev kodet (kilden er konverteret til CRLF "
                "bagefter):" + "".join(f"\n  - kilden {visible(repr(n))}: {count}" for n, count in self.counted_as_one.items())
            )
        if self.ambiguous:
            lines.append(f"Passager med flere kommuner eller roller i deres cases: {self.ambiguous} (angivet som ikke angivet)")
        lines.append("Koder, som kodekortet ikke nævner: " + (", ".join(map(visible, self.unmapped_codes)) or "ingen"))
        if self.several_ingredients:
            lines.append(
                "Koder, som kodekortet giver mere end én ingrediens (hvert citat, de koder, får dem alle): "
                + "; ".join(map(visible, self.several_ingredients))
            )
        if self.recoded:
            lines.append("Citater kodet om i QDA-projektet:" + "".join(f"\n  - {line}" for line in self.recoded))
        if self.ties_relabelled:
            lines.append(self.ties_relabelled)
        for column, quote_ids in self.anonymised.items():
            lines.append(f"{_ANONYMISED[column]}: {', '.join(sorted(quote_ids))}")
        lines.append("Nye kommuner: " + (", ".join(map(visible, self.new_municipalities)) or "ingen"))
        lines.append(f"Citaterne erstatter basens {self.base_quotes} citater; alt andet kommer fra basen.")
        return lines


# The cells the anonymity rule keeps out of the export, as the summary names them; the export holds no trace of them.
_ANONYMISED = {
    "speaker_role": "Roller, som anonymitetsreglen holdt ude af eksporten, og som kommer tilbage som den talerkategori, "
    "bogen viste i stedet (speaker_role); rollen står kun i den datamappe, projektet blev eksporteret fra",
    "caption": "Billedtekster, som kommer tilbage, som bogen viste dem efter anonymitetsreglen: uden rollen (caption); "
    "den trykte står kun i den datamappe, projektet blev eksporteret fra",
}


def _ingredient_source(stored: Mapping[str, str], options: pd.DataFrame) -> str:
    """The source of a quote's exported ties to its ingredients: the row's own, where the new folder reads it as the
    exported one did (its own base, or any with the same source); otherwise what the exported folder read, so that
    an analyst's blank source does not become the report's in the report's folder. A source the analyst edited in
    the description (it no longer gives the reading the exported folder gave it) is the analyst's, and stands."""
    given, read, folder = stored.get("ingredient_source", BY_QDA), stored.get("ingredient_tie", ""), stored.get("folder_source", "")
    exported = (given or BY_REPORT) if folder == BY_REPORT else folder
    if not read or exported != read:
        return given
    return given if provenance.ingredient_tie_source(options, given) == read else read


def _recoded(quote_id: str, exported: set[str], ids: list[str], stored: Mapping[str, str]) -> str:
    """One line for a quote whose codes the analyst changed in the project: what it was coded with, what it is, and
    that its ties are now the QDA project's, with the source and reason the export carried and the import leaves."""
    before, now = ", ".join(sorted(exported)) or NO_INGREDIENT, ", ".join(ids) or NO_INGREDIENT
    line = f"{quote_id} (før: {before}; nu: {now}): "
    line += f"koblingerne til ingredienserne er nu QDA-projektets (ingredient_source {BY_QDA})" if ids else "citatet har ingen ingrediens"
    if exported and (source := stored.get("ingredient_source", "")) != BY_QDA:
        owner = provenance.words(source).own if source in SOURCES else "datamappens egne"  # blank: the folder's own
        line += f", ikke {owner} som ved eksporten"
    if stored.get("ingredient_rationale"):
        line += "; begrundelsen (ingredient_rationale) er ikke taget med"
    return line


SKIP_UNMAPPED = "koden er ikke knyttet til en ingrediens"
SKIP_NOT_TEXT = "kilden er ikke tekst"
SKIP_EMPTY = "passagen er tom"


def import_project(
    path: Path,
    codes: Path,
    out: Path,
    *,
    base: Path | None = None,
    documents: Path | None = None,
    overwrite: bool = False,
    line_breaks: str | None = None,
) -> ImportSummary:
    """Read the project, make its quotes, validate the whole folder and only then write it (all or nothing).

    An existing `out` without `overwrite` raises FileExistsError only once the project is known to be good: the
    analyst first learns what is wrong with the data. `line_breaks` (AS_STORED, AS_ONE) is read_project's."""
    out = Path(os.path.abspath(out))
    # A device or FIFO among the inputs is refused before anything is read (reading /dev/zero never ends).
    if special := [p for given in (path, codes, documents) if given is not None and (p := not_regular(given, str(given)))]:
        raise DataError(special)
    # Only what no --overwrite can make writable is refused here; an existing folder waits until the data is known good.
    refuse_output(out, folder=True, overwrite=True)
    base_dir = data_dir(base)
    raws, problems = read_folder(base_dir)
    typed, found = validate_tables(raws, {n: f"{base_dir.name}/{TABLES[n].file}" for n in raws}) if not problems else ({}, [])
    if problems or found:
        raise DataError(problems + found)
    # The code map first: only the passages it makes quotes of are cut from their sources (read_project).
    code_map = read_code_map(codes, typed["ingredients"]["ingredient_id"])
    project = read_project(path, line_breaks, code_map)
    municipalities = Municipalities(typed["municipalities"])
    docs = read_documents(documents, project, municipalities) if documents is not None else {}
    summary = ImportSummary(
        path.name,
        sources=len(project.source_names),
        not_text=project.not_text,
        counted_as_one=project.counted_as_one,
    )
    summary.base_quotes = len(typed["quotes"])
    # Counter addition keeps only reasons that occurred
    summary.skipped += Counter({SKIP_NOT_TEXT: project.not_text_passages})
    origins: dict[str, str] = {}
    if problems := _rows_naming_no_code(codes, project, path.name):
        raise DataError(problems)
    rows = _quote_rows(project, code_map, docs, municipalities, typed, summary, path.name, origins)
    if not rows and (problems := _no_quotes(codes, project, code_map, path.name)):
        raise DataError(problems)
    files = _output_files(raws, typed, rows, municipalities, summary, path.name)
    out_raws = {name: raws[name] if TABLES[name].file not in files else _raw(files[TABLES[name].file]) for name in raws}
    # Validated before anything is written: a refused project leaves the disk as it was, not even a staging folder
    # beside the output (issue 25). check_folder reads the written folder back once more before it is renamed into place.
    if problems := validate_tables(out_raws, {n: f"{out.name}/{TABLES[n].file}" for n in out_raws})[1]:
        raise DataError(_in_the_project(problems, out_raws["quotes"], origins))
    if os.path.lexists(out) and not overwrite:  # a symlink, even a dangling one, is there to be replaced
        raise OutputTaken(out, folder=True)  # the one guard's line
    write_folder(
        folder_files(out_raws),
        out,
        overwrite=overwrite,
        check=lambda staged: _in_the_project(check_folder(staged), out_raws["quotes"], origins),
    )
    quotes = out_raws["quotes"]
    roles = unique_role_warnings({**typed, "quotes": quotes.frame}, quotes.rows, f"{out.name}/{TABLES['quotes'].file}")
    summary.warnings = project.changed + roles
    return summary


MAX_CODES_NAMED = 20  # a project's codes named in a line; the rest are counted


def _rows_naming_no_code(codes: Path, project: Project, label: str) -> list[Problem]:
    """One line per row of the code map that ties an ingredient to no code of the project, by name or guid, with the
    nearest code's name (or, with none near, the codes it may name); a row without an ingredient skips a code, and a
    row whose code is near none of the project's is another project's (the shipped example map names codes other
    projects have: the exegete's lacks 'Fælles fundamenter'), unless the map names no code of the project at all
    (issue 25: such a map gave only 'quotes.csv — tabellen er tom'). A typo (`Gnist og flame`) left the code's passages out of the
    quotes while the import said only that the code was not in the map (hostile review 22, #3)."""
    names = project.codes
    keys = {*names, *(_code_key(name) for name in names.values())}
    by_key = {_code_key(name): name for name in sorted(set(names.values()), key=str.casefold)}
    allowed = _codes_named(list(by_key.values()))
    raw = _read_table(codes, ("code", "ingredient_id"), "kodekortet")
    problems = []
    # A map naming none of the codes is for another project: each row is named, with or without an ingredient.
    other_project = not any(_code_key(code) in keys for code in raw.frame["code"])
    for row, code, ingredient in zip(raw.rows, raw.frame["code"], raw.frame["ingredient_id"], strict=True):
        if _code_key(code) in keys or not (ingredient or other_project):  # a code skipped may be another project's
            continue
        near = difflib.get_close_matches(_code_key(code), list(by_key), n=1)
        if not (near or other_project):  # near none of the project's codes: another project's code, which a map may name
            continue
        hint = f"nærmest er {by_key[near[0]]!r}; ret navnet, eller slet rækken" if near else f"projektets koder: {allowed}"
        problems.append(Problem(codes.name, row, "code", code, f"ingen kode i {label} har det navn eller den guid; {hint}"))
    return problems


def _no_quotes(codes: Path, project: Project, code_map: CodeMap, label: str) -> list[Problem]:
    """Why a project gave no quote, when the code map is the reason: the map ties none of the project's codes to an
    ingredient, with the codes it may name (a map naming no code at all is refused row by row, _rows_naming_no_code).
    The folder's own check said only 'quotes.csv — tabellen er tom' (issue 25)."""
    names = project.codes
    keys = {*names, *(_code_key(name) for name in names.values())}
    matched = [key for key in code_map if key in keys]
    allowed = _codes_named(sorted(set(names.values()), key=str.casefold))
    if not any(code_map[key] for key in matched):
        return [
            Problem(
                codes.name,
                None,
                "ingredient_id",
                None,
                f"kodekortet knytter ingen af projektets koder til en ingrediens (de koder, det nævner, har et tomt ingredient_id); "
                f"skriv et ingredient_id eller {NO_INGREDIENT} ud for mindst én af dem: {allowed}",
            )
        ]
    return []


def _codes_named(names: list[str]) -> str:
    """The codes as a line lists them: the first MAX_CODES_NAMED quoted, the rest counted."""
    if not names:
        return "ingen (projektet har ingen koder)"
    shown = ", ".join(repr(visible(name)) for name in names[:MAX_CODES_NAMED])
    rest = len(names) - MAX_CODES_NAMED
    return shown + (f" og {thousands(rest)} flere" if rest > 0 else "")


def _raw(rows: list[dict[str, str]]) -> RawTable:
    frame = pd.DataFrame(rows, dtype=str).fillna("")
    return RawTable(frame=frame, rows=list(range(2, len(frame) + 2)))


def _quote_rows(
    project: Project,
    code_map: Mapping[str, tuple[str, ...]],
    documents: Mapping[str, Mapping[str, str]],
    municipalities: Municipalities,
    typed: Mapping[str, pd.DataFrame],
    summary: ImportSummary,
    label: str,
    origins: dict[str, str],
) -> list[dict[str, str]]:
    """The quotes of the coded passages; `origins` gets each quote id's place in the project (_passage_place)."""
    ingredients = typed["ingredients"].sort_values("number")
    sections = dict(zip(ingredients["ingredient_id"], ingredients["section_id"], strict=True))
    by_title = {
        title.casefold(): section for section, title in zip(typed["sections"]["section_id"], typed["sections"]["title"], strict=True)
    }
    categories = _category_lookup(typed)
    unmapped: set[str] = set()
    several: dict[str, tuple[str, ...]] = {}
    merged: dict[tuple[str, int, int], dict] = {}
    source_order = {guid: n for n, guid in enumerate(project.source_names)}
    for passage in project.passages:
        summary.passages += 1
        found: list[str] = []
        for code in passage.codes:
            name = project.codes.get(code)
            if name is None:
                raise DataError(
                    [
                        _problem(
                            f"{label}: {PROJECT_FILE}", f"en kodning i markering {passage.guid} henviser til en kode, som ikke findes", code
                        )
                    ]
                )
            mapped = _mapped(code, project, code_map)
            if mapped is None:
                unmapped.add(name)
            elif len(mapped) > 1:
                several[name] = mapped
            found += mapped or ()
        if not found:
            _skip(summary, project, passage, SKIP_UNMAPPED)
            continue
        key = (passage.source, passage.start, passage.end)
        if key in merged:
            merged[key]["ingredients"].update(dict.fromkeys(found))
            summary.merged += 1
            continue
        merged[key] = {"passage": passage, "ingredients": dict.fromkeys(found)}  # in coding order, as the analyst coded
    if shared := _shared_names([entry["passage"] for entry in merged.values()], project, label):
        raise DataError(shared)
    rows: list[dict[str, str]] = []
    used_ids: set[str] = set()
    for n, entry in enumerate(
        sorted(merged.values(), key=lambda e: (source_order[e["passage"].source], e["passage"].start, e["passage"].end)), start=1
    ):
        passage = entry["passage"]
        text = passage.text.strip()
        if not text:
            _skip(summary, project, passage, SKIP_EMPTY)
            continue
        facts = recorded(passage, project, documents, municipalities, label)
        summary.ambiguous += facts.ambiguous
        ids = [i for i in entry["ingredients"] if i != NO_INGREDIENT]
        role = facts.role or NOT_STATED
        quote_id = _quote_id(passage, used_ids)
        origins[quote_id] = f"{label}, {_passage_place(project, passage)}"
        attribution = ("inferred" if facts.inferred_because else "stated") if facts.kommunekode else "not stated"
        summary.attributions[attribution] += 1
        # A quote without an ingredient belongs to the section its source is named after (as the export names them).
        section = sections[ids[0]] if ids else by_title.get(project.source_names[passage.source].casefold(), next(iter(sections.values())))
        stored = passage.fields
        # The export's own ties to the ingredients, their source and reason (a quote without an ingredient's too: why it
        # has none), while the passage is coded as exported; coded anew, the ties are the QDA project's, and said.
        exported = {i for i in stored.get("ingredient_ids", "").split(LIST_SEPARATOR) if i}
        kept = "ingredient_ids" in stored and exported == set(ids)
        if "ingredient_ids" in stored and not kept:
            summary.recoded.append(_recoded(quote_id, exported, ids, stored))
        # The municipality tie as exported, while the cases give the same: its source and (untied) reason travel with it.
        tie_kept = stored.get(TIE_DIGEST, "").lower() == _tie_digest(facts.kommunekode, attribution, facts.inferred_because)
        tie_source = stored.get("attribution_source", "") if tie_kept else ""
        if tie_kept and tie_source not in SOURCES:  # as the option is validated: another value is no export's
            raise DataError([_problem(origins[quote_id], f"feltet attribution_source skal være en af {', '.join(SOURCES)}", tie_source)])
        summary.tie_sources[tie_source or BY_QDA] += 1
        held = [column for column in stored.get("anonymised", "").split(LIST_SEPARATOR) if column]
        if unknown := [column for column in held if column not in _ANONYMISED]:
            said = f"feltet anonymised nævner kun kolonnerne {', '.join(_ANONYMISED)}, adskilt af '{LIST_SEPARATOR}'"
            raise DataError([_problem(origins[quote_id], said, LIST_SEPARATOR.join(unknown))])
        for column in held:
            summary.anonymised.setdefault(column, []).append(quote_id)
        rows.append(
            {
                "quote_id": quote_id,
                "position": stored.get("position", str(n)),
                "text": text,
                "speaker_role": role,
                "caption": stored.get("caption", ""),
                "speaker_category": categories(facts.category, role),
                "kind": stored.get("kind", QUOTE_KIND),
                "exchange_id": stored.get("exchange_id", ""),
                "turn": stored.get("turn", "1"),
                "section_id": stored.get("section_id", section),
                "ingredient_ids": LIST_SEPARATOR.join(ids),
                "ingredient_source": (_ingredient_source(stored, typed["options"]) if kept else BY_QDA) if ids else "",
                "ingredient_rationale": stored.get("ingredient_rationale", "") if kept else "",
                "kommunekode": facts.kommunekode,
                "attribution": attribution,
                "attribution_rationale": stored.get("attribution_rationale", "")
                if tie_kept and attribution == "not stated"
                else facts.inferred_because,
                "reference_key": stored.get("reference_key", ""),
                "cleared": YES if facts.cleared else NO,
            }
        )
    summary.quotes = len(rows)
    summary.unmapped_codes = sorted(unmapped, key=str.casefold)
    summary.several_ingredients = [f"{name} ({', '.join(ids)})" for name, ids in sorted(several.items(), key=lambda i: i[0].casefold())]
    return sorted(rows, key=lambda row: (_number(row["position"]), _number(row["turn"])))


def _number(cell: str) -> int:
    """A position or turn as a number for sorting; one that is not a number sorts last (validation names it)."""
    # str.isdigit takes '²' and '①', which int() refuses, and int() refuses over 4,300 digits: ASCII digits, short.
    return int(cell) if cell.isascii() and cell.isdigit() and len(cell) <= 18 else 1 << 62


def _skip(summary: ImportSummary, project: Project, passage: Passage, reason: str) -> None:
    """Count a passage not taken, and name it, so the analyst can find it in the QDA program."""
    summary.skipped[reason] += 1
    summary.not_taken.append(f"{_passage_place(project, passage)}: {reason}")


def _passage_place(project: Project, passage: Passage) -> str:
    """Where the analyst finds a passage in the QDA program: its source, its selection's name and its characters."""
    name = visible(passage.name) or passage.guid  # a selection's name may hold a line break or a direction override
    return f"kilden {project.source_names[passage.source]!r}, markering {name} (tegn {passage.start}–{passage.end})"


def _in_the_project(problems: list[Problem], quotes: RawTable, origins: Mapping[str, str]) -> list[Problem]:
    """Problems in the quotes made from the project, named by their passage in the project, not by a row of a
    quotes.csv that is never written; other problems as they are."""
    # No passage became a quote (a code map naming no code of the project): the frame has no columns at all.
    ids = dict(zip(quotes.rows, quotes.frame["quote_id"], strict=True)) if "quote_id" in quotes.frame.columns else {}
    named = []
    for problem in problems:
        in_quotes = problem.row is not None and problem.file.endswith("/" + TABLES["quotes"].file)
        origin = origins.get(ids.get(problem.row, "")) if in_quotes and problem.row is not None else None
        named.append(problem if origin is None else Problem(origin, None, problem.column, problem.value, problem.allowed))
    return named


def _shared_names(passages: list[Passage], project: Project, label: str) -> list[Problem]:
    """One line for each name that would become a quote's id (as the export names its selections) and that several
    passages hold: which of them is the quote would be a guess. The first took the id without a word, so a selection
    renamed to another's name could give that quote its text."""
    by_name: dict[str, list[Passage]] = {}
    for passage in passages:
        if re.match(SLUG_PATTERN, passage.name):
            by_name.setdefault(passage.name, []).append(passage)
    problems = [
        _problem(
            f"{label}: {PROJECT_FILE}",
            f"{len(holders)} markeringer hedder {name!r} ({'; '.join(_named_place(project, p) for p in holders)}); navnet bliver "
            "citatets id og skal være entydigt: giv de andre et andet navn i QDA-programmet (eller intet navn)",
        )
        for name, holders in by_name.items()
        if len(holders) > 1
    ]
    # A passage without such a name gets its id from its guid (_quote_id): a name that is that id was taken by both.
    return problems + [
        _problem(
            f"{label}: {PROJECT_FILE}",
            f"markeringen ({_named_place(project, by_name[generated][0])}) hedder {generated!r}, som er det id, markeringen "
            f"({_named_place(project, passage)}) får af sin guid; navnet bliver citatets id og skal være entydigt: giv den første "
            "et andet navn i QDA-programmet (eller intet navn)",
        )
        for passage in passages
        if not re.match(SLUG_PATTERN, passage.name) and (generated := _ID_PREFIX + passage.guid) in by_name
    ]


def _named_place(project: Project, passage: Passage) -> str:
    """Where one of several selections with the same name is: its source, characters and guid."""
    return f"kilden {project.source_names[passage.source]!r}, tegn {passage.start}–{passage.end}, guid {passage.guid}"


def _quote_id(passage: Passage, used: set[str]) -> str:
    """The passage's own name when it is already an id (as in the book's export); otherwise from its guid."""
    candidate = passage.name if re.match(SLUG_PATTERN, passage.name) and passage.name not in used else _ID_PREFIX + passage.guid
    used.add(candidate)
    return candidate


def _category_lookup(typed: Mapping[str, pd.DataFrame]):
    """A speaker category: the recorded one (id or label), else the category whose label is the role,
    else the one the base data uses for exactly this role, else 'ikke angivet'."""
    vocabulary = typed["speaker_categories"]
    by_key = {k.casefold(): k for k in vocabulary["speaker_category_id"]}
    by_key.update({label.casefold(): k for k, label in zip(vocabulary["speaker_category_id"], vocabulary["label"], strict=True)})
    pairs = {str(role): set(categories) for role, categories in typed["quotes"].groupby("speaker_role")["speaker_category"]}
    by_role = {role.casefold(): next(iter(cats)) for role, cats in pairs.items() if len(cats) == 1}

    def category(recorded_category: str, role: str) -> str:
        for lookup, value in ((by_key, recorded_category), (by_key, role), (by_role, role)):
            if value and value.casefold() in lookup:
                return lookup[value.casefold()]
        return UNSTATED_ID

    return category


def _output_files(
    raws: Mapping[str, RawTable],
    typed: Mapping[str, pd.DataFrame],
    quotes: list[dict[str, str]],
    municipalities: Municipalities,
    summary: ImportSummary,
    project_name: str,
) -> dict[str, list[dict[str, str]]]:
    """The tables the import changes, as rows: quotes replaced; municipalities and vocabularies extended."""
    # The CSV tables' rows: text column names, text cells.
    tables = {
        name: cast("list[dict[str, str]]", raws[name].frame.reindex(columns=TABLES[name].columns, fill_value="").to_dict("records"))
        for name in raws
    }
    changed = {"quotes"}
    tables["quotes"] = quotes
    if "report_slips" in tables:
        # The base's slips in quotes name the base's quotes (ADR 89): one stays only where the imported quote of that
        # id still holds its word; the project's own texts are the analyst's, whose slips the list does not know.
        texts = {q["quote_id"]: q["text"] for q in quotes}
        kept = [slip for slip in tables["report_slips"] if slip["table"] != "quotes" or slip["word"] in texts.get(slip["row_id"], "")]
        if len(kept) != len(tables["report_slips"]):
            changed.add("report_slips")
            tables["report_slips"] = kept
    ties = _ties_source(summary)
    if ties != provenance.ties_source(typed["options"]):
        # The quotes' municipalities are now the QDA project's statements, or kept as exported from another folder's:
        # the cards must say whose. Left as the base has them, the options are the base's, cell for cell.
        note = (
            f"Citaternes kommuner er angivet af analytikeren i REFI-QDA-projektet {project_name}, ikke af rapporten."
            if ties == BY_QDA
            else f"Citaternes kommuner er som i den datamappe, REFI-QDA-projektet {project_name} blev eksporteret fra ({ties}); "
            "projektet har ikke ændret dem."
        )
        changed.add("options")
        tables["options"] = [o for o in tables["options"] if o["option_id"] != ATTRIBUTED_BY] + [
            {"option_id": ATTRIBUTED_BY, "value": ties, "note": note}
        ]
    known = set(typed["municipalities"]["kommunekode"])
    slugs = set(typed["municipalities"]["slug"])
    section = _municipality_section(typed)
    for code in sorted({q["kommunekode"] for q in quotes} - known - {""}):
        official = municipalities.official[code]
        name, base_slug = official["name"], slug(official["name"])
        unique_slug = base_slug if base_slug not in slugs else f"{base_slug}-{code}"
        slugs.add(unique_slug)
        tables["municipalities"].append(
            {
                "kommunekode": code,
                "slug": unique_slug,
                "name": name,
                "name_in_report": name,
                "region": official["region"],
                "starting_point": UNSTATED_ID,
                "outcome": NOT_STATED,
                "summary": f"{name} er med, fordi citater i REFI-QDA-projektet {project_name} er knyttet til kommunen; "
                "rapporten beskriver ikke kommunen.",
                "section_id": section,
            }
        )
        summary.new_municipalities.append(f"{name} ({code})")
        changed.add("municipalities")
    needs = {
        "starting_points": UNSTATED_ID if "municipalities" in changed else "",
        "speaker_categories": UNSTATED_ID if any(q["speaker_category"] == UNSTATED_ID for q in quotes) else "",
        "quote_kinds": QUOTE_KIND if quotes else "",
    }
    for name, wanted in needs.items():
        table = TABLES[name]
        if wanted and wanted not in set(typed[name][table.key]):
            label = "Ikke angivet" if wanted == UNSTATED_ID else "Interviewcitat"
            tables[name].append(
                {table.key: wanted, "label": label, "description": f"Tilføjet af importen af {project_name}: {label.lower()}."}
            )
            changed.add(name)
    return {TABLES[name].file: tables[name] for name in changed}


def _ties_source(summary: ImportSummary) -> str:
    """Whose the quotes' municipality ties are (kommune_angivet_af): the exported folder's, while the project leaves
    every tie as that export made it; otherwise the QDA project's, for all of them (the option holds one source for
    the folder), and the summary says so of the ties that were kept (ties_relabelled)."""
    sources = set(summary.tie_sources)
    if len(sources) == 1 and BY_QDA not in sources:
        return sources.pop()
    kept = {source: n for source, n in summary.tie_sources.items() if source != BY_QDA}
    if kept:
        changed = summary.tie_sources[BY_QDA]
        summary.ties_relabelled = (
            f"Kommuner: {plural(changed, 'citats', 'citaters')} kommune er sat eller ændret i QDA-projektet (eller citatet er "
            f"kodet dér), og {ATTRIBUTED_BY} gælder hele datamappen; derfor står også de {sum(kept.values())} citater, hvis kommune "
            f"er som ved eksporten ({', '.join(sorted(kept))}), nu som angivet i QDA-projektet ({BY_QDA})"
        )
    return BY_QDA


def _municipality_section(typed: Mapping[str, pd.DataFrame]) -> str:
    """The section about the municipalities as a whole (the parent of their own sections)."""
    sections = dict(zip(typed["sections"]["section_id"], typed["sections"]["parent_id"], strict=True))
    first = typed["municipalities"]["section_id"].iloc[0]
    return sections.get(first) or first


# -- the export ------------------------------------------------------------------------------------


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_EXPORT_NAMESPACE, "/".join(parts)))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def project_xml(data: Dataset) -> tuple[bytes, dict[str, str]]:
    """(project.qde, {path in zip: source text}) for the data's quotes, by the anonymity rule (shown_role)."""
    ET.register_namespace("", NAMESPACE)
    user = _uuid("user")
    root = ET.Element(
        f"{_Q}Project", {"name": "Kulturens Rige", "origin": "Kulturens Rige (kulturensrige.data.refiqda)", "creatingUserGUID": user}
    )
    _sub(_sub(root, f"{_Q}Users"), f"{_Q}User", guid=user, name="Kulturens Rige")
    codes = _sub(_sub(root, f"{_Q}CodeBook"), f"{_Q}Codes")
    for row in table_rows(data.ingredients.sort_values("number")):
        code = _sub(codes, f"{_Q}Code", guid=_uuid("code", row.ingredient_id), name=row.name, isCodable="true")
        _sub(code, f"{_Q}Description", row.short_description)
    if not data.quotes["ingredient_ids"].map(bool).all():
        code = _sub(codes, f"{_Q}Code", guid=_uuid("code", NO_INGREDIENT), name=NO_INGREDIENT_CODE, isCodable="true")
        _sub(code, f"{_Q}Description", "Citater, som ikke er knyttet til en af ingredienserne.")
    variable_names = (
        "kommunekode", "kommune", "rolle", CATEGORY_VARIABLE, ATTRIBUTION_VARIABLE, RATIONALE_VARIABLE, SOURCE_VARIABLE, CLEARED_VARIABLE
    )  # fmt: skip
    variables = _sub(root, f"{_Q}Variables")
    for name in variable_names:
        _sub(
            variables,
            f"{_Q}Variable",
            guid=_uuid("variable", name),
            name=name,
            typeOfVariable="Boolean" if name == CLEARED_VARIABLE else "Text",
        )
    quotes = data.quotes.sort_values(["position", "turn"])
    cases = _export_cases(data, quotes)
    cases_element = _sub(root, f"{_Q}Cases")
    for (name, values), selections in cases.items():
        case = _sub(cases_element, f"{_Q}Case", guid=_uuid("case", name), name=name)
        for variable, value in values:
            holder = _sub(case, f"{_Q}VariableValue")
            _sub(holder, f"{_Q}VariableRef", targetGUID=_uuid("variable", variable))
            _sub(holder, f"{_Q}BooleanValue" if variable == CLEARED_VARIABLE else f"{_Q}TextValue", value)
        for selection in selections:
            _sub(case, f"{_Q}SelectionRef", targetGUID=selection)
    sources = _sub(root, f"{_Q}Sources")
    files = {}
    titles = dict(zip(data.sections["section_id"], data.sections["title"], strict=True))
    section_order = dict(zip(data.sections["section_id"], data.sections["position"], strict=True))
    tie_source, folder = provenance.ties_source(data.options), provenance.folder_source(data.options)
    for section_id, group in sorted(quotes.groupby("section_id", sort=False), key=lambda item: section_order[item[0]]):
        guid = _uuid("source", str(section_id))
        source = _sub(sources, f"{_Q}TextSource", guid=guid, name=titles[section_id], plainTextPath=f"internal://{guid}.txt")
        parts: list[str] = []
        offset = 0
        for q in table_rows(group):
            start = offset + (2 if parts else 0)
            parts.append(q.text)
            offset = start + len(q.text)
            passage = _sub(
                source,
                f"{_Q}PlainTextSelection",
                guid=_uuid("quote", q.quote_id),
                name=q.quote_id,
                startPosition=str(start),
                endPosition=str(offset),
            )
            # The caption as the anonymity rule shows it: a tied quote's printed caption may name the role; what the
            # rule held back is named (`anonymised`), never stored. The ties to the ingredients with the row's own
            # source and reason and the book's reading of that source (ingredient_tie), so an import can tell whether
            # the analyst has coded the passage anew, and otherwise gives them back as they were and read.
            held = (("speaker_role", q.shown_role != q.speaker_role), ("caption", q.shown_caption != q.caption))
            shown = {
                "caption": q.shown_caption,
                "ingredient_ids": LIST_SEPARATOR.join(q.ingredient_ids),
                "attribution_source": tie_source,
                "folder_source": folder,
                "anonymised": LIST_SEPARATOR.join(column for column, withheld in held if withheld),
            }
            stored = {name: str(shown[name] if name in shown else getattr(q, name)) for name in QUOTE_FIELDS} | {
                TEXT_DIGEST: _digest(q.text),
                TIE_DIGEST: _tie_digest(q.kommunekode, q.attribution, q.attribution_rationale),
            }
            _sub(passage, f"{_Q}Description", FIELDS_MARKER + json.dumps(stored, ensure_ascii=False, sort_keys=True))
            for ingredient_id in q.ingredient_ids or (NO_INGREDIENT,):
                coding = _sub(passage, f"{_Q}Coding", guid=_uuid("coding", q.quote_id, ingredient_id))
                _sub(coding, f"{_Q}CodeRef", targetGUID=_uuid("code", ingredient_id))
        files[f"sources/{guid}.txt"] = "\n\n".join(parts)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True), files


def _export_cases(data: Dataset, quotes: pd.DataFrame) -> dict[tuple[str, tuple], list[str]]:
    """Cases by municipality (with how it is known) and by shown role, each naming its quotes' passages."""
    names = dict(zip(data.municipalities["kommunekode"], data.municipalities["name"], strict=True))
    cases: dict[tuple[str, tuple], list[str]] = {}
    rationales: dict[str, int] = {}
    said = provenance.words(provenance.ties_source(data.options))
    for q in table_rows(quotes):
        selection = _uuid("quote", q.quote_id)
        if q.kommunekode:
            values = [("kommunekode", q.kommunekode), ("kommune", names[q.kommunekode])]
            name = names[q.kommunekode]
            if q.attribution == "inferred":
                number = rationales.setdefault(q.attribution_rationale, len(rationales) + 1)
                name = f"{name}, udledt {number}"
                values += [(ATTRIBUTION_VARIABLE, "inferred"), (RATIONALE_VARIABLE, q.attribution_rationale)]
            values.append((SOURCE_VARIABLE, said.tie(q.attribution)))
            cases.setdefault((name, tuple(values)), []).append(selection)
        role_values = (("rolle", q.shown_role), (CATEGORY_VARIABLE, q.speaker_category))
        cases.setdefault((f"Rolle: {q.shown_role} ({q.speaker_category})", role_values), []).append(selection)
        if q.cleared == YES and q.shown_role == q.speaker_role:
            cases.setdefault(("Frigivet", ((CLEARED_VARIABLE, "true"),)), []).append(selection)
    return cases


def code_map_text(data: Dataset) -> str:
    """The code map that takes an export back: each code's name and its ingredient (`ingen` for the quotes without).

    Analysts open it in a spreadsheet, so it is written as the book's downloads are (words.csv_text: every formula
    start guarded); read_code_map reads it as every CSV is read, without the guard (csv_reading)."""
    rows = [[row.name, row.ingredient_id] for row in table_rows(data.ingredients.sort_values("number"))]
    if not data.quotes["ingredient_ids"].map(bool).all():
        rows.append([NO_INGREDIENT_CODE, NO_INGREDIENT])
    return spreadsheet_text(["code", "ingredient_id"], rows)


def export_project(data_folder: Path, out: Path, *, codes: Path | None = None, overwrite: bool = False) -> tuple[int, list[Problem]]:
    """Write the data's quotes as a .qdpx and, if `codes` is given, its code map (code_map_text) beside it: both
    or neither, each through a temporary file renamed into place (write_files). Returns the quote count and the
    check's notices on the data as read (a text's blank edges taken off among them), for the command to say: the
    project holds the values as read, and a round trip changed a role or a caption without a word (hostile round 20,
    #3)."""
    data = load(data_folder)
    xml, files = project_xml(data)

    def write(temporary: Path) -> None:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in [(PROJECT_FILE, xml), *((n, t.encode("utf-8")) for n, t in sorted(files.items()))]:
                archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), content, zipfile.ZIP_DEFLATED)

    writes: list[tuple[Path, Callable[[Path], object]]] = [(out, write)]
    if codes is not None:
        text = code_map_text(data)
        writes.append((codes, lambda temporary: temporary.write_text(text, encoding="utf-8")))
    write_files(writes, overwrite=overwrite)
    return len(data.quotes), data.warnings
