"""A .docx → text: paragraphs in document order, tables flattened, footnotes as in the corpus.

Word footnotes become what the shared codes have: a marker `[N]` in the body where the
reference stands and `[N] body` paragraphs at the end of the text, numbered in order of
appearance as Word shows them. Tracked deletions and field codes are left out.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from corpus.readers import ReaderError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_HARDENED = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def docx_to_text(data: bytes, filename: str) -> str:
    """The text of a Word document, one paragraph a line, blank lines between paragraphs.

    A table whose cells hold one paragraph each becomes Markdown rows (`| 1 | 2001 |`); a table
    used for layout (cells of several paragraphs) gives its paragraphs one by one.
    """
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReaderError(f"{filename}: not a Word .docx document ({error})") from error
    except etree.XMLSyntaxError as error:
        raise ReaderError(f"{filename}: a damaged .docx ({error})") from error
    footnote_numbers: dict[str, int] = {}
    blocks = _blocks(document.element.body, footnote_numbers)
    bodies = _footnote_bodies(document, filename)
    for footnote_id, number in footnote_numbers.items():
        text = bodies.get(footnote_id, "")
        blocks.append([f"[{number}] {text}".rstrip()])
    return "\n\n".join("\n".join(block) for block in blocks)


def _blocks(container: etree._Element, footnotes: dict[str, int]) -> list[list[str]]:
    blocks: list[list[str]] = []
    for child in container:
        if child.tag == _w("p"):
            text = _paragraph_text(child, footnotes)
            if text.strip():
                blocks.append(text.splitlines())
        elif child.tag == _w("tbl"):
            blocks.extend(_table_blocks(child, footnotes))
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                blocks.extend(_blocks(content, footnotes))
    return blocks


def _table_blocks(table: etree._Element, footnotes: dict[str, int]) -> list[list[str]]:
    rows = [
        [_blocks(cell, footnotes) for cell in row.iterchildren(_w("tc"))]
        for row in table.iterchildren(_w("tr"))
    ]
    is_layout = any(len(cell) > 1 for row in rows for cell in row) or all(
        len(row) <= 1 for row in rows
    )
    if is_layout:
        return [block for row in rows for cell in row for block in cell]
    lines = [
        "| " + " | ".join(" ".join(" ".join(block) for block in cell) for cell in row) + " |"
        for row in rows
    ]
    return [lines]


def _paragraph_text(paragraph: etree._Element, footnotes: dict[str, int]) -> str:
    pieces: list[str] = []
    for node in paragraph.iter():
        tag = node.tag
        if tag == _w("t"):
            pieces.append(node.text or "")
        elif tag == _w("tab"):
            pieces.append("\t")
        elif tag in (_w("br"), _w("cr")):
            pieces.append("\n")
        elif tag == _w("noBreakHyphen"):
            pieces.append("-")
        elif tag == _w("footnoteReference"):
            footnote_id = node.get(_w("id"), "")
            number = footnotes.setdefault(footnote_id, len(footnotes) + 1)
            pieces.append(f"[{number}]")
    return "".join(pieces)


def _footnote_bodies(document: docx.document.Document, filename: str) -> dict[str, str]:
    """Footnote id → its text; python-docx has no footnote API, so the part is read directly."""
    for part in document.part.package.iter_parts():
        if part.content_type != _FOOTNOTES_TYPE:
            continue
        try:
            root = etree.fromstring(part.blob, parser=_HARDENED)
        except etree.XMLSyntaxError as error:
            raise ReaderError(f"{filename}: damaged footnotes in the .docx ({error})") from error
        return {
            note.get(_w("id"), ""): " ".join(
                _paragraph_text(p, {}) for p in note.iterchildren(_w("p"))
            ).strip()
            for note in root.iterchildren(_w("footnote"))
        }
    return {}
