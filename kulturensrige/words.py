"""Danish words and numbers, and CSV cells: what every layer writes, with nothing from the package beneath it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import accumulate
from pathlib import Path

SOFT_HYPHEN = "\u00ad"
# Between a cited work and its page: "(Jensen 2022: 24)", the report's own form (its text and the caption of the
# quotation), on the pages, in the PDFs and in the downloads alike; the in-text citations' style takes it too
# (book/bibliography.py). The s23 reading, #4, found "(Jensen 2022, s. 24)" on a page beside "Jensen 2022: 24".
PAGE_SEP = ": "
# Words shorter than this never need a break in a narrow column; fewer soft hyphens keep copied text clean.
HYPHENATE_FROM = 10
# The joints of the compounds the book may break (ADR 17), kept as data beside this module.
JOINTS = Path(__file__).with_name("orddeling.txt")
# How many letters an inflection may add to a listed compound's last part ("lokal|område" + "ts").
ENDING = 4


@cache
def _joints() -> dict[str, tuple[int, ...]]:
    """Each listed compound, without its joints, and where they are: 'forenings|fælles|skab' -> (9, 15)."""
    joints = {}
    for line in JOINTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            parts = line.strip().casefold().split("|")  # "Team|building" is found as "teambuilding" is
            joints["".join(parts)] = tuple(accumulate(len(part) for part in parts[:-1]))
    return joints


def joints(word: str) -> tuple[int, ...]:
    """Where a word may break: the joints of the longest listed compound it begins with, when the rest is no more
    than an ending; none for any other word. A hyphenation dictionary's points split compounds at wrong places
    ("Tilgængelighed-serklæring", "Team-bu-il-ding"), so a word breaks at a real joint or not at all."""
    folded = word.casefold()
    for length in range(len(folded), max(len(folded) - ENDING, 0) - 1, -1):
        if found := _joints().get(folded[:length]):
            return found
    return ()


def hyphenated(text: str, shortest: int = HYPHENATE_FROM) -> str:
    """The text with soft hyphens at the joints of its long compounds ("forenings\u00adfælles\u00adskaberne"): a
    narrow column breaks a long name there, with a hyphen, rather than widening past a phone's screen. The joints are
    decided here (orddeling.txt), the same in every browser: Chromium's hyphens: auto has no Danish dictionary on Linux."""

    def broken(word: str) -> str:
        cuts = joints(word)
        return SOFT_HYPHEN.join(word[start:end] for start, end in zip((0, *cuts), (*cuts, len(word)), strict=True))

    return re.sub(rf"\w{{{shortest},}}", lambda word: broken(word.group()), text)


def number(value: float, decimals: int = 0) -> str:
    """Danish number format: decimal comma, dot as thousands separator."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]


def day(date: dt.date) -> str:
    """'5. december 2026'."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"


def built(date: dt.date) -> str:
    """The plain line a reader meets at the foot of every page and on an edition's cover: when. The data folder's name
    and fingerprint, which only an analyst needs, follow apart and smaller ('datamappen »data«' read as jargon to a
    new reader, issue 22)."""
    return f"Bygget {day(date)}."


def built_from(folder_name: str, fingerprint: str) -> str:
    """The analysts' part of that line: which data folder, and its fingerprint (an edition's colophon)."""
    return f"Datamappe „{folder_name}“, fingeraftryk {fingerprint}"


def edition_mark(fingerprint: str) -> str:
    """Which data an edition was built from, said with what it is: 'Udgave bb70c7653d' in every foot read as a stray
    code to a new reader, and in the front page's note on citing as build jargon to a consultant (issue 22), so it
    stands only in each page's closed line for analysts, »Sådan er siden lavet«."""
    return f"Udgavens kendetegn er {fingerprint}, en kode, der skifter, når bogens data ændres."


def month(date: str) -> str:
    """'2021-11' -> 'november 2021'; anything else (e.g. 'ikke angivet') is returned as it is."""
    parts = date.split("-")
    if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
        return date
    return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"


NUMBER_WORDS = ["nul", "en", "to", "tre", "fire", "fem", "seks", "syv", "otte", "ni", "ti", "elleve", "tolv"]


def count_word(n: int) -> str:
    """Small counts in words, as Danish prose writes them ('fire ingredienser'); larger ones in digits."""
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else number(n)


ORDINAL_WORDS = ["første", "anden", "tredje", "fjerde", "femte", "sjette", "syvende", "ottende", "niende", "tiende"]


def ordinal_word(n: int) -> str:
    """A place in words from the first, as Danish prose writes small ones ('den anden'); larger ones in digits ('11.')."""
    return ORDINAL_WORDS[n - 1] if 1 <= n <= len(ORDINAL_WORDS) else f"{number(n)}."


# The book's cut inside a quotation: the report's own "[…]", never a bare "…", which the report prints as its own text
# ("begynde at…"), so a cut of the book's looked like the report's (the s23 reading, F8).
CUT = "[…]"


def opening(text: str, words: int = 8) -> str:
    """The first words of a quotation, to name it in a table cell, the cut marked as the book's (CUT)."""
    parts = text.split()
    return " ".join(parts[:words]) + (f" {CUT}" if len(parts) > words else "")


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{number(count)} {singular if count == 1 else plural_form}"


def genitive(name: str) -> str:
    """'Egedals', 'Aarhus\'', 'WHO\'s': a Danish name's genitive, as Retskrivningsordbogen has it: an apostrophe alone
    after s, x or z, an s after any other small letter, and 's after anything else (an abbreviation in capitals, a
    digit, a sign), where a bare s would be glued to it ("…}S RAPPORT" on a cover, hostile round 19, #5)."""
    if name.endswith(("s", "x", "z")):
        return name + "'"
    return name + ("s" if name[-1:].islower() else "'s")


# Danish alphabetical order: æ, ø and å after z (ä and ö with æ and ø), and "aa" as å, as Dansk Sprognævn's spelling
# rules alphabetise it: Aalborg and Aarhus stand last, as in a Danish register.
_AFTER_Z = str.maketrans({"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"})


def danish_sort_key(text: str) -> tuple[str, str]:
    """A key that sorts names in Danish alphabetical order: 'Egedal' < 'Køge' < 'Ærø' < 'Aarhus'. Case and accents
    (é, ü) do not count, a hyphen counts as a space; names alike but for them keep a fixed order."""
    folded = unicodedata.normalize("NFC", text).casefold().replace("aa", "å").translate(_AFTER_Z)
    plain = "".join(c for c in unicodedata.normalize("NFD", folded) if not unicodedata.combining(c))
    return re.sub(r"[\s\-\u2010\u2013]+", " ", plain).strip(), text


# How a name a reader types is matched against the data's names, slugs and codes (?kommune=århus finds Aarhus): the
# Danish letters and the ways a keyboard without them spells them ("Køge", "Koege", "Koge") to one plain letter, then
# case, and spaces, hyphens and dots left out. The rule is stated once, here, as data, applied in order: the browser
# applies the same pairs and the same pattern (render/browser.py publishes them).
NAME_FOLDS = (
    *(("å", "a"), ("æ", "a"), ("ø", "o"), ("ä", "a"), ("ö", "o"), ("ü", "u"), ("é", "e")),
    *(("aa", "a"), ("ae", "a"), ("oe", "o"), ("ue", "u")),
)
NAME_DROPS = r"[\s\-\u2010\u2013._']+"


def folded_name(text: str) -> str:
    """A name, slug or code as a reader might type it, reduced to what a match compares: 'Århus', 'aarhus' and 'Arhus' are
    'arhus'; 'høje taastrup', 'Hoeje-Taastrup' and 'Hoje Taastrup' are 'hojetastrup'."""
    folded = unicodedata.normalize("NFC", text).strip().lower()
    for letter, spelled in NAME_FOLDS:
        folded = folded.replace(letter, spelled)
    return re.sub(NAME_DROPS, "", folded)


def listing(items: Sequence[str]) -> str:
    """'a, b og c': a Danish list in running text."""
    return ", ".join(items[:-1]) + " og " + items[-1] if len(items) > 1 else "".join(items)


# A cell a spreadsheet would read as a formula (OWASP, CSV injection): its first character. Also the full-width and
# small forms of = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20, U+FE66, U+FE62, U+FE63, U+FE6B), which are the same signs
# to Unicode's compatibility mapping (NFKC): whether a spreadsheet takes them for the ASCII ones (Excel's East Asian
# input turns a typed ＝ into =) is uncertain, so they are guarded too (issue 25, #4).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63", "\ufe6b")
_STARTS = re.escape("".join(FORMULA_START))
# A formula start at the beginning of the cell or of any part a comma, semicolon or tab split would make a cell of:
# a spreadsheet that splits on the other delimiter, or on both, still meets no formula.
# A tab splits too: a paste into a spreadsheet, or a reader that takes tab-separated text. So does a line break inside
# a quoted cell (the field diary's paragraph break): a spreadsheet that splits on semicolons does not see a comma-
# separated file's quotes, and each line of the cell begins a row (sec25d's hostile round: '=cmd|…' after a '\n').
# The guard is one apostrophe more before the apostrophes already standing there (`'=x` is written `''=x`), so a reader
# that takes exactly one off (formula_unguarded) gets the text back, whether it began with one or not.
_FORMULA_PART = re.compile(rf"(^|[,;\t\n\r])(?='*[{_STARTS}])")
_GUARD = re.compile(rf"(^|[,;\t\n\r])'(?='*[{_STARTS}])")
# What says a CSV file is one of the book's own (csv_text): a byte order mark, then a header line with every name in
# double quotes, ended by CR LF. Every CSV reader reads that as the plain names. A data folder (minimal quoting, no
# mark), a spreadsheet's "Gem som CSV" (names unquoted), R's write.csv and pandas' QUOTE_ALL (quoted names, but no
# byte order mark unless asked for) write no such start. Only such a file has its guard taken off when read, and the
# reader says so in one line (docs/adr/0028-what-a-csv-cell-holds.md).
_GUARDED_HEADER = re.compile(r'\ufeff"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*(?:\r\n|$)')


# The formula starts as a set: a text with none of them needs no guard, and most of a national download's 200,000 cells
# have none, which a set tells faster than the pattern.
_STARTS_SET = frozenset(FORMULA_START)


def formula_guarded(text: str) -> str:
    """The text with an apostrophe before each formula start a spreadsheet could meet in it (see _FORMULA_PART)."""
    return text if _STARTS_SET.isdisjoint(text) else _FORMULA_PART.sub(r"\1'", text)


def formula_unguarded(text: str) -> str:
    """formula_guarded undone, for the cells of a file the book wrote (is_guarded_csv): a download read back as data
    gives the values published, not their guard."""
    return _GUARD.sub(r"\1", text) if "'" in text else text


def carries_guard(text: str) -> bool:
    """Whether the text holds what formula_guarded adds: an apostrophe before a formula start, at its beginning or
    after a delimiter or line break (a guarded file's cell, kept as a spreadsheet saved it again without the mark)."""
    return "'" in text and _GUARD.search(text) is not None


def is_guarded_csv(text: str) -> bool:
    """Whether CSV text, its byte order mark kept, starts as the book writes a file with the formula guard (csv_text):
    the mark, then every name of the header line in double quotes. An analyst's file is read as it stands."""
    return _GUARDED_HEADER.match(text) is not None


def csv_cell(value: object) -> str:
    """One CSV cell, safe in a spreadsheet in any locale: every formula start, of the cell or of a part between
    commas, semicolons or tabs in it, is neutralised with an apostrophe, and a cell holding a
    delimiter, a quote or a line break is quoted."""
    text = formula_guarded(str(value))
    if any(c in text for c in ',;"\t\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def csv_text(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table as CSV text for a spreadsheet: comma-separated, every cell through csv_cell, CRLF line ends, a byte
    order mark so Excel reads UTF-8, and every name of the header in double quotes: the mark that the cells carry the
    guard (is_guarded_csv)."""
    header = ",".join('"' + formula_guarded(str(name)).replace('"', '""') + '"' for name in head)
    lines = [header, *(",".join(csv_cell(c) for c in row) for row in rows)]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


# A count cell as the book's tables show it: a number in Danish digits ('1.295'), alone or with the words that say how
# its items are tied or whose they are ('1, udledt af redaktionen', '3 (2 angivet i rapporten, 1 udledt af
# redaktionen)'), or a word in place of a number ('én', 'ikke angivet').
_COUNT_CELL = re.compile(r"(?P<n>\d{1,3}(?:\.\d{3})+|\d+)(?:, (?P<said>.+)| \((?P<bracketed>.+)\))?")
# The heading of the column beside a count column that holds a count cell's words (count_columns), and the rule as the
# data dictionary and kilder.csv state it.
COUNT_WORDS = "{heading}, i ord"
# The column of a figure's CSV that says whose its numbers and terms are, where every column is the editors' (ADR 81):
# one plain header row, not „(redaktionens optælling)“ after every municipality's name (reader26, #9).
WHOSE_COLUMN = "Kilde"
COUNT_COLUMNS_RULE = (
    "I sidernes og figurernes CSV-filer holder en kolonne med antal kun tal (tom, hvor der intet tal er), så et regneark "
    "kan lægge dem sammen; hvor tabellen på siden har ord ved et tal (fx hvem der har udledt det) eller et ord i stedet "
    f"for et tal (fx „én“, „ikke angivet“), står ordene i kolonnen „{COUNT_WORDS.format(heading='<kolonnen>')}“ ved siden af. "
    "Hvor hver kolonne i en figurs tabel er redaktionens, står kolonnernes navne uden mærke, og kolonnen "
    f"„{WHOSE_COLUMN}“ siger i hver række, hvis tabellen er, med samme ord som figurens række „alle“ i kilder.csv."
)


def count_columns(head: Sequence[str], rows: Sequence[Sequence[object]]) -> tuple[list[str], list[list[str]]]:
    """A table for a spreadsheet: every count column holds numbers only (plain digits, empty where there is none),
    and where any of its cells says more than a number, those words stand in a column of their own beside it
    (COUNT_WORDS), so the column can be summed. A count column is one whose cells are all numbers, numbers with words,
    or words, with at least one number; any other column is left as it is."""
    cells = [[str(c) for c in row] for row in rows]
    out_head: list[str] = []
    columns: list[list[str]] = []
    for i, heading in enumerate(head):
        column = [row[i] for row in cells]
        matches = [_COUNT_CELL.fullmatch(c) for c in column]
        words = [_count_words(c, m) for c, m in zip(column, matches, strict=True)]
        is_count = any(m and not w for m, w in zip(matches, words, strict=True)) and any(words)
        is_count = is_count and all(m or _is_word_count(c) for c, m in zip(column, matches, strict=True))
        if not is_count:
            out_head.append(heading)
            columns.append(column)
            continue
        out_head += [heading, COUNT_WORDS.format(heading=heading)]
        columns.append([_count_number(c, m) for c, m in zip(column, matches, strict=True)])
        columns.append(words)
    return out_head, [list(row) for row in zip(*columns, strict=True)] if columns else [[] for _ in cells]


def _count_words(cell: str, match: re.Match[str] | None) -> str:
    """A count cell's words beside its number ('udledt af redaktionen'), or the cell itself where no number stands."""
    if match is None:
        return cell
    return match.group("said") or match.group("bracketed") or ""


def _count_number(cell: str, match: re.Match[str] | None) -> str:
    """A count cell's number as plain digits ('1.295' -> '1295'); a count word's ('én' -> '1'); empty otherwise."""
    if match is not None:
        return match.group("n").replace(".", "")
    word = cell.casefold()
    return str(NUMBER_WORDS.index(word)) if word in NUMBER_WORDS else str(ONE_WORDS.get(word, ""))


# The words for one that NUMBER_WORDS does not hold: the report's stressed 'én' and the neuter 'et'/'ét'.
ONE_WORDS = {"én": 1, "ét": 1, "et": 1}


def _is_word_count(cell: str) -> bool:
    """A cell with no number in it that may stand in a count column: a word, not a text with digits in it."""
    return not any(c.isdigit() for c in cell)


def plain_csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A table as data/ is written by hand: the csv module, minimal quoting, '\\n' line ends, no mark, no guard (a cell
    with a lone '\\r', which the csv module leaves unquoted, quoted). The published tables in this form are what the
    pages and tests read; spreadsheet_csv guards them for download."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    quoted = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        cells = ["" if cell is None else str(cell) for cell in row]
        (quoted if any("\r" in cell for cell in cells) else writer).writerow(cells)
    return out.getvalue()


def spreadsheet_csv(text: str) -> str:
    """A CSV file as written in a data folder (comma-separated, minimal quoting, no guard), rewritten with csv_text
    for download: the same rows and cells, each guarded."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return csv_text(rows[0], rows[1:]) if rows else csv_text([], [])


def visible(text: str) -> str:
    """A name from a file as one printable line: control characters, line and paragraph separators and the format
    characters that print as nothing are shown as escapes (\\n, \\x1b, \\u202e, \\ufeff), so a name can never print a
    line of its own, nor hide a character in a message."""
    return "".join(_escaped(c) if _hidden(c) else c for c in text)


def _hidden(character: str) -> bool:
    """Control characters, line and paragraph separators, and the format characters that print as nothing (a byte order
    mark, a zero-width space, a soft hyphen, the direction marks and overrides)."""
    return unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp")


def _escaped(character: str) -> str:
    if character.isascii():
        return repr(character)[1:-1]
    return f"\\u{ord(character):04x}" if ord(character) <= 0xFFFF else f"\\U{ord(character):08x}"
