"""Reading the report's PDF text: repairing line-break hyphens and finding every quotation in it.

The data tests derive their expectations from here, never from the data.
"""

from __future__ import annotations

import re

OPEN_CLOSE = "”“"
# Quoted strings of five words or more that are names of projects, not quotations.
NAMES_IN_QUOTES = ("Projekt Kulturligvis",)
TURN = re.compile(r"^(?P<speaker>[A-ZÆØÅ][\wæøåÆØÅ/ ]{2,40}):\s*[”“]?")


def repair_hyphenation(text: str) -> str:
    """Join words the PDF split across lines ('star-\\ntede' -> 'startede'); real hyphens stay."""
    return re.sub(r"(\w)-[ \t]*\n\s*(?=[a-zæøå])", r"\1", text)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs of the repaired text: whitespace-only lines and page starts (a leading space) separate them."""
    return [collapse(p) for p in re.split(r"\n[ \t]*\n|\n(?= \S)|\n(?=[ \t]+[”“])", repair_hyphenation(text)) if p.strip()]


def core(text: str) -> str:
    """What must match between report and data: the words, not the outer quote marks or final full stop."""
    return collapse(text.replace("”", " ").replace("“", " ").replace("’", "'")).rstrip(" .")


def _is_block(para: str) -> bool:
    return para[0] in OPEN_CLOSE and (para.rstrip(" .")[-1] in OPEN_CLOSE or bool(TURN.match(para[1:].strip())))


def _block_quotes(paras: list[str]) -> list[str]:
    """Paragraphs that are quotations: set off between quote marks, or turns of an exchange.

    An exchange opens with a quote mark and a speaker label; the turns after it start with a label.
    """
    found, in_exchange = [], False
    for para in paras:
        if _is_block(para):
            body = para[1:].strip()
            turn = TURN.match(body)
            in_exchange = bool(turn)
            found.append(body[turn.end() :] if turn else body)
        elif in_exchange and (turn := TURN.match(para)):
            found.append(para[turn.end() :])
        else:
            in_exchange = False
    return found


def _field_diary(paras: list[str]) -> list[str]:
    """The field-diary excerpt: the paragraphs after the previous caption, up to its own caption."""
    at = next(i for i, p in enumerate(paras) if p.startswith("Feltdagbog"))
    return [" ".join(paras[at - 2 : at])]


def _inline_quotes(paras: list[str]) -> list[str]:
    """Quotations inside prose: five words or more between quote marks (or opening the paragraph), not a name."""
    found = []
    for para in paras:
        if _is_block(para) or TURN.match(para):
            continue
        for match in re.finditer(r"[”“]([^”“]+)[”“]", para):
            quoted = match.group(1).strip()
            opens_paragraph = match.start() == 0
            if (len(quoted.split()) >= 5 or opens_paragraph) and not quoted.startswith(NAMES_IN_QUOTES):
                found.append(quoted)
    return found


def quotations(text: str) -> list[str]:
    """Every quotation in the report, as text cores; an exchange gives one entry per turn."""
    paras = paragraphs(text)
    return [core(q) for q in _block_quotes(paras) + _field_diary(paras) + _inline_quotes(paras)]
