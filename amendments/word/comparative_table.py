"""The comparative table: one row per affected provision, current and proposed wording side by
side, deleted words struck in the current wording and inserted words bold in the proposed one.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from amendments.compare import compare
from amendments.word import runs
from amendments.word.inputs import DocumentInput, Row
from amendments.word.layout import Canvas, new_canvas
from amendments.word.wording import wording

# Column widths in millimetres on landscape A4 (257 mm between the margins).
COLUMN_WIDTHS_MM = (10, 32, 85, 85, 45)
_TWIPS_PER_MM = 56.7


def build_comparative_table(source: DocumentInput) -> Canvas:
    """The comparative table of a package as a Word document, in the source's language."""
    words = wording(source.language)
    canvas = new_canvas(source, words.comparative_table.title(source.acts), landscape=True)
    table = _table()
    headings = [canvas.text(h, "table heading") for h in words.comparative_table.headings]
    table.append(_row([[runs.run(h)] for h in headings], "QanunCellHead", header=True))
    number = 0
    for act in source.acts:
        if len(source.acts) > 1:
            title = canvas.text(words.comparative_table.act_row(act), f"{act.work_id} title")
            table.append(_spanning_row(title))
        for row in act.rows:
            number += 1
            where = f"{act.work_id} {row.num}"
            cells = [
                [runs.run(str(number))],
                [runs.run(canvas.text(words.comparative_table.unit(row), where))],
                *_wording_cells(canvas, row, where),
                [runs.run(canvas.text(row.justification, f"{where} justification"))],
            ]
            table.append(_row(cells, "QanunCell"))
    canvas.add(table)
    return canvas


def _wording_cells(
    canvas: Canvas, row: Row, where: str
) -> tuple[list[etree._Element], list[etree._Element]]:
    """The current and the proposed wording, with the changed words marked in each."""
    words = canvas.words.comparative_table
    before = canvas.text(row.before, f"{where} current wording")
    after = canvas.text(row.after, f"{where} proposed wording")
    if row.state == "new":
        return [runs.run(words.absent(), italic=True)], [runs.run(after, bold=True)]
    if row.state == "repealed":
        return [runs.run(before, strike=True)], [runs.run(words.repealed(), italic=True)]
    current: list[etree._Element] = []
    proposed: list[etree._Element] = []
    for op in compare(before, after).ops:
        if op.tag != "insert":
            current.append(runs.run(op.text, strike=op.tag == "delete"))
        if op.tag != "delete":
            proposed.append(runs.run(op.text, bold=op.tag == "insert"))
    return current, proposed


def _table() -> etree._Element:
    table = OxmlElement("w:tbl")
    properties = OxmlElement("w:tblPr")
    style = OxmlElement("w:tblStyle")
    style.set(qn("w:val"), "TableGrid")
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(_twips(sum(COLUMN_WIDTHS_MM))))
    width.set(qn("w:type"), "dxa")
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{side}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), "4")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    properties.extend([style, width, borders, layout])
    grid = OxmlElement("w:tblGrid")
    for millimetres in COLUMN_WIDTHS_MM:
        column = OxmlElement("w:gridCol")
        column.set(qn("w:w"), str(_twips(millimetres)))
        grid.append(column)
    table.extend([properties, grid])
    return table


def _row(
    cells: list[list[etree._Element]], style_id: str, *, header: bool = False
) -> etree._Element:
    row = OxmlElement("w:tr")
    if header:
        # Repeats the heading row on every page the table runs over.
        row_properties = OxmlElement("w:trPr")
        row_properties.append(OxmlElement("w:tblHeader"))
        row.append(row_properties)
    for millimetres, content in zip(COLUMN_WIDTHS_MM, cells, strict=True):
        row.append(_cell(content, style_id, millimetres))
    return row


def _spanning_row(title: str) -> etree._Element:
    row = OxmlElement("w:tr")
    cell = _cell([runs.run(title, bold=True)], "QanunCellHead", sum(COLUMN_WIDTHS_MM))
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(len(COLUMN_WIDTHS_MM)))
    cell.find(qn("w:tcPr")).append(span)
    row.append(cell)
    return row


def _cell(content: list[etree._Element], style_id: str, millimetres: float) -> etree._Element:
    cell = OxmlElement("w:tc")
    properties = OxmlElement("w:tcPr")
    width = OxmlElement("w:tcW")
    width.set(qn("w:w"), str(_twips(millimetres)))
    width.set(qn("w:type"), "dxa")
    properties.append(width)
    cell.append(properties)
    cell.append(runs.paragraph(style_id, content))
    return cell


def _twips(millimetres: float) -> int:
    return round(millimetres * _TWIPS_PER_MM)
