"""What Chromium's tagged PDF lacks for PDF/UA-1, added after printing (found by the outloud checker, tests/test_pdf.py).

Chromium paints the page footer, borders, rules and decorative glyphs (☐, ★) outside every marked-content
sequence, names PDF 2.0 structure types (Em, Strong) that PDF 1.7 has no role map for, puts a list item's
content straight into its LI (no LBody), writes no XMP metadata and gives its link annotations no description.
Nothing here changes what a page shows.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import pikepdf

from kulturensrige.edition.pdf_images import share_identical_images

# Structure types of PDF 2.0 that Chromium writes, mapped to the nearest type of PDF 1.7 (ISO 32000-1, 14.8.4).
ROLE_MAP = {"/Em": "/Span", "/Strong": "/Span", "/Sub": "/Span", "/Title": "/P", "/Aside": "/Div", "/FENote": "/Note"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
PATH_BUILDING = {"m", "l", "c", "v", "y", "h", "re"}
PATH_PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*"}
MARK_BEGIN, MARK_END = {"BDC", "BMC"}, "EMC"


def finish(pdf: bytes, title: str, link_texts: Mapping[str, str], subject: str = "") -> bytes:
    """The printed PDF with its untagged painting marked as artifacts, a role map, XMP metadata (title, language, and
    the `subject` in the document's properties) and a description on every link; `link_texts` gives each link's text by
    its href ('#id' or an address). Each picture is stored once (pdf_images: Chromium repeats a hatched bar's picture
    for every bar)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            mark_artifacts(page)
        elements = struct_elements(document)  # walked once: the tree of a long book has hundreds of thousands
        map_roles(document, elements)
        give_list_items_bodies(document, elements)
        describe_links(document, link_texts)
        share_identical_images(document)
        if subject:
            document.docinfo["/Subject"] = subject  # the properties' „Emne“; load_from_docinfo gives XMP its dc:description
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(document.docinfo)
            meta["dc:title"] = title
            meta["dc:language"] = [str(document.Root.get("/Lang", "da"))]
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def mark_artifacts(page: pikepdf.Page) -> None:
    """Wrap what the page paints outside any marked-content sequence in /Artifact BMC … EMC (PDF/UA-1 7.1:
    content is either tagged or an artifact). Whole text objects, whole paths and single images are wrapped,
    so no sequence straddles a text object or a path.

    A text object paints if it shows text and holds no marked content of its own; a path if it is filled or
    stroked. Each operator is read once (a 1,600-page book has millions of them)."""
    result: list = []
    depth, group, kind, shows, marks = 0, [], "", False, False
    for operation in pikepdf.parse_content_stream(page):
        operator = str(operation.operator)
        if kind == "text":
            group.append(operation)
            shows, marks = shows or operator in TEXT_SHOWING, marks or operator in MARK_BEGIN
            if operator == "ET":
                result.extend(_as_artifact(group) if shows and not marks else group)
                kind = ""
        elif kind == "path":
            group.append(operation)
            if operator in PATH_PAINTING or operator == "n":
                result.extend(_as_artifact(group) if operator in PATH_PAINTING else group)
                kind = ""
        elif depth == 0 and operator == "BT":
            group, kind, shows, marks = [operation], "text", False, False
        elif depth == 0 and operator in PATH_BUILDING:
            group, kind = [operation], "path"
        elif depth == 0 and (operator in ("sh", "INLINE IMAGE") or (operator == "Do" and not _holds_marks(page, operation))):
            result.extend(_as_artifact([operation]))
        else:
            depth += 1 if operator in MARK_BEGIN else -1 if operator == MARK_END else 0
            result.append(operation)
    if kind:
        result.extend(group)
    page.contents_coalesce()
    page.Contents.write(pikepdf.unparse_content_stream(result))


def _holds_marks(page: pikepdf.Page, operation) -> bool:
    """A form XObject with marked content of its own is tagged inside; wrapping it would nest tags in an artifact."""
    xobject = page.Resources.get("/XObject", pikepdf.Dictionary()).get(str(operation.operands[0]))
    if xobject is None or xobject.get("/Subtype") != "/Form":
        return False
    return any(str(o.operator) in MARK_BEGIN for o in pikepdf.parse_content_stream(xobject))


def _as_artifact(group: list) -> list:
    return [
        pikepdf.ContentStreamInstruction([pikepdf.Name("/Artifact")], pikepdf.Operator("BMC")),
        *group,
        pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")),
    ]


def map_roles(document: pikepdf.Pdf, elements: list[pikepdf.Dictionary]) -> None:
    """A /RoleMap for the PDF 2.0 structure types the tree's `elements` use (PDF/UA-1 7.1: every type standard or
    mapped)."""
    used = {str(element.S) for element in elements}
    roles = {name: pikepdf.Name(ROLE_MAP[name]) for name in sorted(used) if name in ROLE_MAP}
    if roles:
        document.Root.StructTreeRoot.RoleMap = pikepdf.Dictionary(roles)


def struct_elements(document: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every element of the PDF's tag tree, for the finishing steps and the tests that read them."""
    found, stack = [], [document.Root.StructTreeRoot]
    while stack:
        node = stack.pop()
        if isinstance(node, pikepdf.Dictionary):
            if "/S" in node:
                found.append(node)
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, pikepdf.Array) else [kids] if isinstance(kids, pikepdf.Dictionary) else [])
    return found


def give_list_items_bodies(document: pikepdf.Pdf, elements: list[pikepdf.Dictionary]) -> None:
    """Put each LI's content (of the tree's `elements`) into an LBody of its own (ISO 32000-1, 14.8.4.3.3: an LI
    holds Lbl and LBody). The parent tree, which names the element owning each piece of content, then names the LBody."""
    bodies = {}
    for item in (e for e in elements if e.S == "/LI" and "/K" in e):
        kids = list(item.K) if isinstance(item.K, pikepdf.Array) else [item.K]
        labels = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/Lbl"]
        content = [k for k in kids if not any(k is label for label in labels)]
        if not content or any(isinstance(k, pikepdf.Dictionary) and k.get("/S") == "/LBody" for k in kids):
            continue
        body = pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.LBody, P=item, K=pikepdf.Array(content))
        body = document.make_indirect(body)
        if "/Pg" in item:
            body.Pg = item.Pg
        for kid in content:
            if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                kid.P = body
        item.K = pikepdf.Array([*labels, body])
        bodies[item.objgen] = body
    if bodies:
        _replace_owners(document.Root.StructTreeRoot.ParentTree, bodies)


def _replace_owners(node: pikepdf.Object, bodies: dict) -> None:
    """Walk the parent tree (a number tree) and point content owned by a list item at its body instead."""
    for kid in node.get("/Kids", []):
        _replace_owners(kid, bodies)
    nums = node.get("/Nums", pikepdf.Array())
    for index in range(1, len(nums), 2):
        value = nums[index]
        if isinstance(value, pikepdf.Array):
            for position, owner in enumerate(value):
                if isinstance(owner, pikepdf.Dictionary) and owner.objgen in bodies:
                    value[position] = bodies[owner.objgen]
        elif isinstance(value, pikepdf.Dictionary) and value.objgen in bodies:
            nums[index] = bodies[value.objgen]


def describe_links(document: pikepdf.Pdf, link_texts: Mapping[str, str]) -> None:
    """Each link annotation's /Contents is its link's text (PDF/UA-1 7.18.1), or where it leads."""
    pages = {page.obj.objgen: n for n, page in enumerate(document.pages, start=1)}
    dests = document.Root.get("/Dests", pikepdf.Dictionary())
    for page in document.pages:
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            if "/Dest" in annotation:
                name = str(annotation.Dest).lstrip("/")
                target = dests.get("/" + name)
                page_number = pages.get(target[0].objgen) if isinstance(target, pikepdf.Array) and len(target) else None
                text = link_texts.get("#" + name) or (f"Gå til side {page_number}" if page_number else "Gå til et andet sted i dokumentet")
            else:
                address = str(annotation.get("/A", pikepdf.Dictionary()).get("/URI", ""))
                text = link_texts.get(address) or address
            annotation.Contents = pikepdf.String(" ".join(text.split()))
