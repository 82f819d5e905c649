"""HTML as saved from e-qanun.az (Word-exported pages: `<p class=MsoNormal>`, `<o:p>`) → text.

Each block (paragraph, heading, list item, layout-table cell) becomes one line and blocks are
separated by a blank line, as in the shared corpus's Markdown; `<br>` breaks a line. Scripts,
styles, the `<head>` and comments are dropped. A data table becomes Markdown rows (`| a | b |`),
like the tables of `land-code.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from corpus.readers import ReaderError

_DROPPED = frozenset({"head", "script", "style", "noscript", "template", "iframe", "object", "svg"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "div", "dl", "dt",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
    "html", "li", "main", "nav", "ol", "p", "pre", "section", "ul",
})
# HTML collapses ASCII whitespace only; a no-break space is kept (letter-spaced headings).
_ASCII_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class _Lines:
    """Accumulates inline text and emits it as lines when a block ends."""

    blocks: list[list[str]] = field(default_factory=list)
    current: list[str] = field(default_factory=list)
    buffer: list[str] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def break_line(self) -> None:
        line = _ASCII_SPACE.sub(" ", "".join(self.buffer)).strip(" ").replace("\xa0", " ")
        self.buffer.clear()
        if line.strip():
            self.current.append(line.strip())

    def end_block(self) -> None:
        self.break_line()
        if self.current:
            self.blocks.append(self.current)
            self.current = []

    def text(self) -> str:
        return "\n\n".join("\n".join(block) for block in self.blocks)


def html_to_text(html: str, filename: str) -> str:
    """The text of an HTML page, one block a line, blocks apart by a blank line.

    >>> html_to_text("<p>Maddə 1.<br>Əsas anlayışlar</p><p>1.0. Bu Qanunda</p>", "f.html")
    'Maddə 1.\\nƏsas anlayışlar\\n\\n1.0. Bu Qanunda'
    """
    root = _parse(html, filename)
    if root is None:
        return ""
    lines = _Lines()
    _walk(root, lines)
    lines.end_block()
    return lines.text()


def _parse(html: str, filename: str) -> etree._Element | None:
    # We decoded the bytes ourselves (to report bad encodings); lxml refuses a str that still
    # carries an XML encoding declaration, so it gets UTF-8 bytes and is told so.
    parser = lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        return lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except etree.ParserError:
        return None  # lxml's "Document is empty": a page of nothing but comments or spaces
    except ValueError as error:
        raise ReaderError(f"{filename}: not an HTML document ({error})") from error


def _walk(element: etree._Element, lines: _Lines) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag in _DROPPED or not isinstance(element.tag, str):
        lines.add(element.tail)
        return
    if tag == "br":
        lines.break_line()
    elif tag == "table":
        _table(element, lines)
    elif tag == "pre":
        lines.end_block()
        lines.current.extend(element.text_content().splitlines())
        lines.end_block()
    else:
        is_block = tag in _BLOCKS
        if is_block:
            lines.end_block()
        lines.add(element.text)
        for child in element:
            _walk(child, lines)
        if is_block:
            lines.end_block()
    lines.add(element.tail)


def _table(table: etree._Element, lines: _Lines) -> None:
    """A data table (one line of text a cell) → Markdown rows; a layout table → its blocks.

    e-qanun.az pages sometimes wrap a whole law in a table, whose cells hold many paragraphs:
    those must come out as the paragraphs they are, not squeezed into one row.
    """
    lines.end_block()
    rows = [row for row in table.iter("tr") if _owning_table(row) is table]
    cells = [[_cell_blocks(cell) for cell in row if cell.tag in ("td", "th")] for row in rows]
    is_layout = any(len(blocks) > 1 for row in cells for blocks in row) or all(
        len(row) <= 1 for row in cells
    )
    if is_layout:
        for row in cells:
            for blocks in row:
                lines.blocks.extend(blocks)
        return
    for row in cells:
        texts = [" ".join(" ".join(block) for block in blocks) for blocks in row]
        lines.current.append("| " + " | ".join(texts) + " |")
    lines.end_block()


def _owning_table(row: etree._Element) -> etree._Element | None:
    return next(row.iterancestors("table"), None)


def _cell_blocks(cell: etree._Element) -> list[list[str]]:
    inner = _Lines()
    inner.add(cell.text)
    for child in cell:
        _walk(child, inner)
    inner.end_block()
    return inner.blocks
