"""A .docx → text: paragraphs in document order, tables flattened, footnotes as in the corpus.

Word footnotes become what the shared codes have: a marker `[N]` in the body where the
reference stands and `[N] body` paragraphs at the end of the text, numbered in order of
appearance as Word shows them. Automatic list numbering is written out (`10.1. `, see
`read_docx_numbering`). Tracked deletions and field codes are left out.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from corpus.read_docx_numbering import Numbering
from corpus.readers import ReaderError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PART_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.{}+xml"
_HARDENED = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class _Context:
    """What a paragraph's text depends on beyond itself: footnote order and list counters."""

    numbering: Numbering
    footnotes: dict[str, int] = field(default_factory=dict)


def docx_to_text(data: bytes, filename: str) -> str:
    """The text of a Word document, one paragraph a line, blank lines between paragraphs.

    A table whose cells hold one paragraph each becomes Markdown rows (`| 1 | 2001 |`); a table
    used for layout (cells of several paragraphs) gives its paragraphs one by one.
    """
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError) as error:
        raise ReaderError(f"{filename}: not a Word .docx document ({error})") from error
    except ValueError as error:
        # python-docx's message names a BytesIO object, not the user's file.
        raise ReaderError(
            f"{filename}: not a Word .docx document (an Office file of another kind?)"
        ) from error
    except etree.XMLSyntaxError as error:
        raise ReaderError(f"{filename}: a damaged .docx ({error})") from error
    context = _Context(Numbering.read(_part(document, "numbering", filename),
                                       _part(document, "styles", filename)))
    blocks = _blocks(document.element.body, context)
    bodies = _footnote_bodies(_part(document, "footnotes", filename))
    for footnote_id, number in context.footnotes.items():
        text = bodies.get(footnote_id, "")
        blocks.append([f"[{number}] {text}".rstrip()])
    return "\n\n".join("\n".join(block) for block in blocks)


def _blocks(container: etree._Element, context: _Context) -> list[list[str]]:
    blocks: list[list[str]] = []
    for child in container:
        if child.tag == _w("p"):
            # Labelled even when empty: Word counts (and shows) an empty numbered paragraph.
            text = context.numbering.label(child) + _paragraph_text(child, context.footnotes)
            if text.strip():
                blocks.append(text.rstrip(" ").splitlines())
        elif child.tag == _w("tbl"):
            blocks.extend(_table_blocks(child, context))
        elif child.tag == _w("sdt"):
            content = child.find(_w("sdtContent"))
            if content is not None:
                blocks.extend(_blocks(content, context))
    return blocks


def _table_blocks(table: etree._Element, context: _Context) -> list[list[str]]:
    rows = [
        [_blocks(cell, context) for cell in row.iterchildren(_w("tc"))]
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
    for node in _shown(paragraph):
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


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Not shown as the paragraph's text: the copy of a drawing for old Word versions (its text is
# already in mc:Choice), tracked deletions, field instructions, text boxes (their own paragraphs).
_HIDDEN = frozenset({f"{{{_MC}}}Fallback", _w("del"), _w("instrText"), _w("txbxContent")})


def _shown(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if child.tag in _HIDDEN:
            continue
        yield child
        yield from _shown(child)


def _footnote_bodies(root: etree._Element | None) -> dict[str, str]:
    """Footnote id → its text."""
    if root is None:
        return {}
    return {
        note.get(_w("id"), ""): " ".join(
            _paragraph_text(p, {}) for p in note.iterchildren(_w("p"))
        ).strip()
        for note in root.iterchildren(_w("footnote"))
    }


def _part(document: docx.document.Document, kind: str, filename: str) -> etree._Element | None:
    """The root of a part python-docx has no API for (footnotes) or keeps private (numbering)."""
    content_type = _PART_TYPE.format(kind)
    for part in document.part.package.iter_parts():
        if part.content_type != content_type:
            continue
        try:
            return etree.fromstring(part.blob, parser=_HARDENED)
        except etree.XMLSyntaxError as error:
            raise ReaderError(f"{filename}: damaged {kind} in the .docx ({error})") from error
    return None
