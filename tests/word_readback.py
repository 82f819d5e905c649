"""Reading produced .docx files back with lxml, independently of the code that wrote them.

Text is read the way Word shows it: `w:t` (and `w:delText` where a deletion is kept), `w:br` as
a line end, `w:tab` as a tab. Accepting all revisions drops `w:del` and keeps `w:ins`; rejecting
them does the opposite.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def part(path: Path, name: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name), _SAFE)


def _text(element: etree._Element, skip: str | None) -> str:
    pieces: list[str] = []
    for node in element.iter(f"{{{W}}}t", f"{{{W}}}delText", f"{{{W}}}br", f"{{{W}}}tab"):
        if skip and any(a.tag == f"{{{W}}}{skip}" for a in node.iterancestors()):
            continue
        local = etree.QName(node).localname
        if local in ("t", "delText"):
            pieces.append(node.text or "")
        else:
            pieces.append("\n" if local == "br" else "\t")
    return "".join(pieces)


def text(element: etree._Element) -> str:
    """Everything the element holds, inserted and deleted text alike."""
    return _text(element, None)


def accepted(element: etree._Element) -> str:
    """The text once every revision is accepted."""
    return _text(element, "del")


def rejected(element: etree._Element) -> str:
    """The text once every revision is rejected."""
    return _text(element, "ins")


def body_paragraphs(root: etree._Element) -> list[etree._Element]:
    return root.xpath("/w:document/w:body/w:p", namespaces=NS)


def paragraph_texts(root: etree._Element) -> list[str]:
    return [text(p) for p in body_paragraphs(root)]


def style_of(paragraph: etree._Element) -> str:
    return paragraph.xpath("string(w:pPr/w:pStyle/@w:val)", namespaces=NS)


def table_rows(root: etree._Element) -> list[list[etree._Element]]:
    return [row.xpath("w:tc", namespaces=NS) for row in root.xpath("//w:tbl/w:tr", namespaces=NS)]


def marked(cell: etree._Element, mark: str) -> list[str]:
    """Texts of the runs carrying a mark (`b`, `strike`, `i`), one entry per run."""
    return [text(r) for r in cell.xpath(f".//w:r[w:rPr/w:{mark}]", namespaces=NS)]


def revisions(root: etree._Element) -> list[tuple[str, str, str, str]]:
    """Every `w:ins` / `w:del` as (kind, author, date, text), in document order."""
    return [
        (
            etree.QName(r).localname,
            r.get(f"{{{W}}}author"),
            r.get(f"{{{W}}}date"),
            text(r),
        )
        for r in root.xpath("//w:ins | //w:del", namespaces=NS)
    ]


def _resolved_paragraphs(root: etree._Element, dropped: str) -> list[str]:
    """Body paragraphs once revisions are resolved; a paragraph whose mark is dropped joins the
    next one, as Word joins them."""
    result: list[str] = []
    carried = ""
    for paragraph in body_paragraphs(root):
        content = carried + _text(paragraph, dropped)
        if paragraph.find(f"w:pPr/w:rPr/w:{dropped}", NS) is not None:
            carried = content
            continue
        carried = ""
        result.append(content)
    if carried:
        result.append(carried)
    return result


def accepted_paragraphs(root: etree._Element) -> list[str]:
    """The document's paragraphs once every revision is accepted."""
    return _resolved_paragraphs(root, "del")


def rejected_paragraphs(root: etree._Element) -> list[str]:
    """The document's paragraphs once every revision is rejected."""
    return _resolved_paragraphs(root, "ins")
