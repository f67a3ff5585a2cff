"""One copy of each picture in a printed PDF.

Chromium prints a hatched bar (the grey 'all municipalities' bar beside the chosen one, charts.MUTED_MARKER) as a
tiling pattern holding a picture of the hatching as large as the chart, and it writes that picture again for every
bar: Guldborgsund's edition held the same 48 kB picture 45 times (2.4 MB against 0.55–0.94 MB for the others). Each
repeat is pointed at the first copy; the copies nobody points at are not saved. Nothing a page shows changes.
"""

from __future__ import annotations

import hashlib
from typing import TypeGuard

import pikepdf


def _key(image: pikepdf.Stream) -> tuple[str, str]:
    """The picture's bytes as stored and its dictionary (size, colours, filter, its mask): equal keys, equal pictures."""
    entries = sorted((str(k), _canonical(v)) for k, v in image.items() if k != "/Length")
    return hashlib.sha256(image.read_raw_bytes()).hexdigest(), repr(entries)


def _canonical(value: object) -> str:
    """A value as text, an object named elsewhere (a mask) by its number: pikepdf prints every stream alike, so two
    pictures with different masks looked equal and one replaced the other."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return f"obj {value.objgen}"
    if isinstance(value, pikepdf.Dictionary):
        return repr(sorted((str(k), _canonical(v)) for k, v in value.items()))
    if isinstance(value, pikepdf.Array):
        return repr([_canonical(v) for v in value])
    return repr(value)


def _is_image(value: object) -> TypeGuard[pikepdf.Stream]:
    return isinstance(value, pikepdf.Stream) and value.is_indirect and value.get("/Subtype") == "/Image"


def share_identical_images(document: pikepdf.Pdf) -> int:
    """Point every use of a picture at one copy of it, wherever it is named: in pages', patterns' and forms'
    resources, and as another picture's mask (a hatched bar's picture has a grey mask, repeated as often); how many
    uses were repointed. Masks are shared first, so the pictures using them become equal in the next round."""
    shared = 0
    while repointed := _share_once(document):
        shared += repointed
    return shared


def _share_once(document: pikepdf.Pdf) -> int:
    first: dict[tuple[str, str], pikepdf.Object] = {}
    holders = [o for o in list(document.objects) if isinstance(o, pikepdf.Dictionary | pikepdf.Stream)]
    for image in (o for o in holders if _is_image(o)):
        first.setdefault(_key(image), image)
    return sum(_repoint(holder, first) for holder in holders)


def _repoint(holder: pikepdf.Object, first: dict[tuple[str, str], pikepdf.Object]) -> int:
    """Repoint the pictures a dictionary names, directly or in the dictionaries and arrays written inside it."""
    repointed = 0
    items = list(holder.items()) if isinstance(holder, pikepdf.Dictionary | pikepdf.Stream) else list(enumerate(holder))
    for key, value in items:
        if _is_image(value):
            kept = first.setdefault(_key(value), value)  # its mask was shared a moment ago: the next round matches it
            if kept.objgen != value.objgen:
                holder[key] = kept
                repointed += 1
        elif isinstance(value, pikepdf.Dictionary | pikepdf.Array) and not value.is_indirect:
            repointed += _repoint(value, first)
    return repointed
