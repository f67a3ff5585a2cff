"""Danish words and numbers, and CSV cells: what every layer writes, with nothing from the package beneath it."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def number(value: float, decimals: int = 0) -> str:
    """Danish number format: decimal comma, dot as thousands separator."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u0000").replace(".", ",").replace("\u0000", ".")


MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]


def month(date: str) -> str:
    """'2021-11' -> 'november 2021'; anything else (e.g. 'ikke angivet') is returned as it is."""
    parts = date.split("-")
    if len(parts) < 2 or not (parts[0].isdigit() and parts[1].isdigit()):
        return date
    return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"


def plural(count: int, singular: str, plural_form: str) -> str:
    return f"{number(count)} {singular if count == 1 else plural_form}"


# A cell a spreadsheet would read as a formula (OWASP, CSV injection): its first character.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """One CSV cell (semicolon-separated, as Danish Excel reads it): a formula start is neutralised with a
    leading apostrophe, and a cell holding the delimiter, a quote or a line break is quoted."""
    text = str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    if any(c in text for c in ';"\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def csv_text(head: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A table as CSV text: header first, CRLF line ends, a byte order mark so Excel reads UTF-8."""
    lines = [";".join(csv_cell(c) for c in row) for row in [head, *rows]]
    return "\ufeff" + "\r\n".join(lines) + "\r\n"


def visible(text: str) -> str:
    """A name from a file as one printable line: control characters, line and paragraph separators and
    direction overrides are shown as escapes (\\n, \\x1b, \\u202e), so a name can never print a line of its own."""
    return "".join(_escaped(c) if _hidden(c) else c for c in text)


def _hidden(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Zl", "Zp") or "\u202a" <= character <= "\u202e" or "\u2066" <= character <= "\u2069"


def _escaped(character: str) -> str:
    return repr(character)[1:-1] if character.isascii() else f"\\u{ord(character):04x}"
