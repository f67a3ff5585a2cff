"""How wide a label is drawn, so a chart's margins come from its labels' lengths instead of a guess.

The widths are DejaVu Sans's advance widths (thousandths of an em), read from the font once. DejaVu Sans is what
Chromium on Linux draws the charts' `system-ui` stack in, and it is wider than Segoe UI, Roboto and San Francisco,
so a margin measured with it holds on the readers' systems too. A character not listed counts as a full em.
"""

from __future__ import annotations

_WIDTHS = {
    275: "'",
    278: "ijlí",
    295: "IJÍ",
    318: " ,.’‘·",
    337: "/:;\\|",
    352: "f",
    361: "-",
    390: "()[]",
    392: "t",
    401: "!",
    411: "r",
    460: '"',
    500: "*_`–",
    518: "“”",
    521: "s",
    525: "z",
    531: "?",
    550: "c",
    557: "L",
    575: "F",
    579: "k",
    592: "vxy",
    603: "P",
    611: "TY",
    612: "oøöó»«",
    613: "aåäá",
    615: "eéè",
    632: "EÉÈ",
    634: "hnuü",
    635: "Sbdgpq",
    636: "$0123456789{}",
    656: "K",
    684: "AVÅÄÁ",
    685: "XZ",
    686: "B",
    695: "R",
    698: "C",
    732: "UÜ",
    748: "N",
    752: "H",
    770: "D",
    775: "G",
    780: "&",
    787: "OQØÖÓ",
    818: "w",
    838: "#+<=>^~",
    863: "M",
    950: "%",
    974: "mÆ",
    982: "æ",
    989: "W",
}
_WIDTH = {char: width for width, chars in _WIDTHS.items() for char in chars}
# DejaVu Sans Bold is about a tenth wider; a chosen municipality's column label is set in bold.
BOLD = 1.12


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of one line of `text` at `size` px, in px."""
    return sum(_WIDTH.get(char, 1000) for char in text) * size / 1000 * (BOLD if bold else 1)
