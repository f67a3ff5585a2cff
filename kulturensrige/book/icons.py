"""The theme's icons as inline SVG, so no page needs fontawesome.js (1.45 MB) or the icon font (156 kB).

pydata-sphinx-theme writes its icons as `<i class="fa-solid fa-bars"></i>` and loads fontawesome.js to turn them
into SVG; without the script, its CSS would draw them from a web font instead. Here each icon gets its SVG inside
the element at build time, with the path data of the solid set from the installed theme's own Font Awesome script
(Font Awesome Free, icons under CC BY 4.0), and a rule that keeps the font's glyph (`::before`) from drawing and the font from loading.
The element keeps its classes, so the theme's layout rules for it still apply.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pydata_sphinx_theme

# pydata-sphinx-theme 0.15 ships Font Awesome under vendor/fontawesome/<version>/ (0.17 moved it to scripts/).
THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
FONTAWESOME_JS = next(THEME_STATIC.glob("vendor/fontawesome/*/js/all.min.js"))
ICON_ELEMENT = re.compile(r'<(i|span) class="([^"]*\bfa-solid\b[^"]*)"([^>]*)></\1>')
# Sized like Font Awesome's own inline SVG. No glyph (`content: none`) and not the icon font at all: Chromium fetches
# an element's font for its line metrics even when the element holds no text.
STYLE = (
    '<style id="kr-icons">.kr-icon{font-family:inherit!important}.kr-icon::before{content:none!important}'
    ".kr-icon>svg{height:1em;width:auto;vertical-align:-.125em;overflow:visible}.kr-icon.fa-lg{font-size:1.25em}</style>"
)
ATTRIBUTION = "<!-- Ikoner: Font Awesome Free (fontawesome.com), CC BY 4.0 -->"


@functools.cache
def solid_icons() -> dict[str, tuple[int, int, str]]:
    """name -> (width, height, SVG path) for every icon of the solid set in the theme's Font Awesome script."""
    js = FONTAWESOME_JS.read_text(encoding="utf-8")
    end = js.index('d("fas",p)')
    pack = js[js.rindex("var p={", 0, end) : end]
    icons = {}
    for name, width, height, aliases, path in re.findall(r'[{,]"?([\w-]+)"?:\[(\d+),(\d+),\[([^\]]*)\],"[0-9a-f]+","([^"]+)"\]', pack):
        icons[name] = (int(width), int(height), path)
        for alias in re.findall(r'"([\w-]+)"', aliases):
            icons.setdefault(alias, icons[name])
    return icons


def svg_icon(name: str) -> str:
    width, height, path = solid_icons()[name]
    return f'<svg viewBox="0 0 {width} {height}" aria-hidden="true" focusable="false"><path fill="currentColor" d="{path}"/></svg>'


def _inline(match: re.Match) -> str:
    tag, classes, attributes = match.groups()
    names = [c.removeprefix("fa-") for c in classes.split() if c.startswith("fa-") and c.removeprefix("fa-") in solid_icons()]
    if len(names) != 1:
        raise ValueError(f"ukendt ikon i temaets HTML: {match.group(0)}")
    return f'<{tag} class="{" ".join(classes.split())} kr-icon"{attributes}>{svg_icon(names[0])}</{tag}>'


def inline_icons(html: str) -> str:
    """Every solid icon of the page as inline SVG, and the style rule that goes with it in <head>."""
    html, count = ICON_ELEMENT.subn(_inline, html)
    return html.replace("</head>", f"{STYLE}{ATTRIBUTION}\n</head>", 1) if count else html
