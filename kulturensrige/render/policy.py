"""A strict Content-Security-Policy for a page the book writes: the web book's pages and the editions' HTML that
Chromium prints to PDF, under one rule.

Scripts come only from the page's own files plus inline scripts allowed by their SHA-256 hash: no 'unsafe-inline', no
'unsafe-eval'. JSON islands (type="application/json") are data and never run. Styles are held to the same rule:
stylesheets from the page's own files, <style> blocks by hash, and no style attributes at all ('none'). The markup's
few style attributes (a chart's reserved height, a heatmap's cell colours) move into one hashed <style> block per page,
each element found by a data-kr-style number. Scripts still set styles through the CSSOM (element.style,
insertRule), which a policy does not judge: plotly.js draws that way.

The web book hashes every inline script its theme wrote into a page. A printed edition has one inline script of its
own (figures.js), and only that is hashed: anything else that reached its HTML does not run. Its other sources fall
back to 'none' (no fetch, frame, worker or media), where the site's fall back to its own files.
"""

from __future__ import annotations

import base64
import hashlib
import html as htmllib
import re
from collections.abc import Collection

SCRIPT = re.compile(r"<script(?P<attributes>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
STYLE = re.compile(r"<style(?:\s[^>]*)?>(?P<body>.*?)</style>", re.S)
SOURCE = re.compile(r"\ssrc\s*=", re.I)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
# The charset declaration the policy follows: Sphinx writes '<meta charset="utf-8" />', the editions '<meta charset="utf-8">'.
CHARSET = re.compile(r'<meta charset="utf-8"\s*/?>', re.I)
# A style attribute inside a start tag (text from data reaches a page escaped, so no '<' of its own starts one).
STYLE_ATTRIBUTE = re.compile(r'(?P<before><[a-zA-Z][^<>]*?)\sstyle="(?P<declarations>[^"]*)"')
# plotly.js adds one empty <style id="plotly.js-style-global"> to the page and fills it through the CSSOM
# (insertRule), which a policy does not judge; the empty block's hash admits that element and nothing else.
EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


def policy(html: str, *, fallback: str = "'self'", scripts: Collection[str] | None = None) -> str:
    """The page's policy: its own files, plus the hashes of the inline scripts and style blocks it holds. With
    `scripts`, only inline scripts whose text (stripped) is one of them are hashed; `fallback` is default-src."""
    allowed = None if scripts is None else {body.strip() for body in scripts}
    inline = {
        _hash(m["body"]) for m in SCRIPT.finditer(html) if _runs(m["attributes"]) and (allowed is None or m["body"].strip() in allowed)
    }
    styles = " ".join(sorted({_hash(m["body"]) for m in STYLE.finditer(html)} | {EMPTY_STYLE}))
    return "; ".join(
        [
            f"default-src {fallback}",
            f"script-src 'self' {' '.join(sorted(inline))}".rstrip(),
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "style-src 'self'",
            f"style-src-elem 'self' {styles}".rstrip(),
            "style-src-attr 'none'",
            "img-src 'self' data:",
            "font-src 'self' data:",
        ]
    )


def with_policy(html: str, *, fallback: str = "'self'", scripts: Collection[str] | None = None) -> str:
    """The page with its policy (`policy`) as the first thing after the charset, before any script or style it
    governs; a page without that charset declaration is returned as it is."""
    found = CHARSET.search(html)
    if found is None:
        return html
    html = _style_attributes_as_rules(html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, fallback=fallback, scripts=scripts)}" />'
    return html.replace(found.group(), found.group() + "\n    " + meta, 1)


def _style_attributes_as_rules(html: str) -> str:
    """Each style="..." in the markup becomes data-kr-style="N", and its declarations a rule of one <style> block."""
    rules: dict[str, int] = {}

    def number(match: re.Match) -> str:
        declarations = htmllib.unescape(match["declarations"]).strip().rstrip(";")
        if any(c in declarations for c in "<>{}"):
            return match.group(0)  # never made by the book: left for the policy to refuse
        index = rules.setdefault(declarations, len(rules))
        return f'{match["before"]} data-kr-style="{index}"'

    html = STYLE_ATTRIBUTE.sub(number, html)
    if not rules:
        return html
    block = "".join(f'[data-kr-style="{index}"]{{{declarations}}}' for declarations, index in rules.items())
    return html.replace("</head>", f"<style>{block}</style>\n</head>", 1)


def _runs(attributes: str) -> bool:
    """An inline script the browser executes: no src, and a JavaScript type or none."""
    if SOURCE.search(attributes):
        return False
    found = TYPE.search(attributes)
    return (found.group(1).lower() if found else "") in SCRIPT_TYPES


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"
