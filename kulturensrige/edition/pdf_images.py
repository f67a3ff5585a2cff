"""One copy of each picture in a printed PDF.

Chromium prints a hatched bar (the grey 'all municipalities' bar beside the chosen one, charts.MUTED_MARKER) as a
tiling pattern holding a picture of the hatching as large as the chart, and it writes that picture again for every
bar: Guldborgsund's edition held the same 48 kB picture 45 times (2.4 MB against 0.55–0.94 MB for the others). Each
repeat is pointed at the first copy; the copies nobody points at are not saved. Nothing a page shows changes.
"""

from __future__ import annotations

import hashlib

import pikepdf


def _key(image: pikepdf.Stream) -> tuple[str, str]:
    """The picture's bytes as stored and its dictionary (size, colours, filter): equal keys, equal pictures."""
    entries = sorted((str(k), repr(v)) for k, v in image.items() if k != "/Length")
    return hashlib.sha256(image.read_raw_bytes()).hexdigest(), repr(entries)


def share_identical_images(document: pikepdf.Pdf) -> int:
    """Point every use of a picture at one copy of it (in pages, patterns and forms); how many uses were repointed."""
    first: dict[tuple[str, str], pikepdf.Object] = {}
    shared = 0
    for holder in list(document.objects):
        if not isinstance(holder, pikepdf.Dictionary | pikepdf.Stream):
            continue
        resources = holder.get("/Resources")
        xobjects = resources.get("/XObject") if isinstance(resources, pikepdf.Dictionary) else None
        if not isinstance(xobjects, pikepdf.Dictionary):
            continue
        for name in list(xobjects.keys()):
            image = xobjects[name]
            if not isinstance(image, pikepdf.Stream) or image.get("/Subtype") != "/Image" or not image.is_indirect:
                continue
            kept = first.setdefault(_key(image), image)
            if kept.objgen != image.objgen:
                xobjects[name] = kept
                shared += 1
    return shared
