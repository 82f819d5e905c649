"""Page, styles, header and footer shared by the three documents: A4, Times New Roman,
a header with the package title and status, page numbers, and the illustrative notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from amendments.word import runs
from amendments.word.inputs import DocumentInput
from amendments.word.sanitize import Sanitizer
from amendments.word.wording import Wording, wording

FONT = "Times New Roman"
LANGUAGE_TAGS = {"az": "az-Latn-AZ", "en": "en-GB"}

# Style id -> (name, size in points, bold, italic, alignment, first-line indent in mm).
_PARAGRAPH_STYLES: dict[str, tuple[str, float, bool, bool, str, float]] = {
    "QanunTitle": ("Qanun Title", 14, True, False, "center", 0),
    "QanunNotice": ("Qanun Notice", 11, True, True, "center", 0),
    "QanunBody": ("Qanun Body", 12, False, False, "justify", 12.5),
    "QanunItem": ("Qanun Item", 12, False, False, "justify", 12.5),
    "QanunQuoted": ("Qanun Quoted", 12, False, False, "justify", 12.5),
    "QanunUnit": ("Qanun Unit", 12, True, False, "left", 0),
    "QanunActHeading": ("Qanun Act Heading", 13, True, False, "center", 0),
    "QanunSignature": ("Qanun Signature", 12, True, False, "right", 0),
    "QanunCell": ("Qanun Cell", 10, False, False, "left", 0),
    "QanunCellHead": ("Qanun Cell Head", 10, True, False, "center", 0),
}
# Outline levels make the act and unit headings show in Word's navigation pane.
_OUTLINE_LEVELS = {"QanunTitle": "0", "QanunActHeading": "1", "QanunUnit": "2"}
_FIELD = re.compile(r"\{(page|pages)\}")
_FIELD_CODES = {"page": "PAGE", "pages": "NUMPAGES"}


@dataclass
class Canvas:
    """A document being written: the python-docx document, its wording and its sanitizer."""

    document: Document
    words: Wording
    sanitizer: Sanitizer

    def text(self, value: str, where: str) -> str:
        return self.sanitizer.clean(value, where)

    def add(self, element: etree._Element) -> None:
        """Append a block (paragraph or table) to the body, before the section properties."""
        body = self.document.element.body
        section = body.find(qn("w:sectPr"))
        if section is None:
            body.append(element)
        else:
            section.addprevious(element)

    def add_paragraph(self, style_id: str, text: str, where: str, **marks: bool) -> None:
        self.add(runs.paragraph(style_id, [runs.run(self.text(text, where), **marks)]))


def new_canvas(source: DocumentInput, title: str, *, landscape: bool = False) -> Canvas:
    """An empty document for `source`: page set up, styles, header, footer, notice and title."""
    canvas = Canvas(docx.Document(), wording(source.language), Sanitizer())
    _set_page(canvas.document, landscape)
    _set_styles(canvas.document, LANGUAGE_TAGS.get(source.language, source.language))
    _set_header(canvas, source)
    _set_footer(canvas)
    properties = canvas.document.core_properties
    properties.title = canvas.text(title, "title")[:250]
    properties.subject = canvas.text(source.package_title, "package title")[:250]
    properties.language = LANGUAGE_TAGS.get(source.language, source.language)
    properties.keywords = source.package_id
    if source.illustrative:
        canvas.add_paragraph("QanunNotice", canvas.words.common.illustrative(), "notice")
    canvas.add_paragraph("QanunTitle", title, "title")
    return canvas


def _set_page(document: Document, landscape: bool) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.page_width, section.page_height = width, height
    section.left_margin, section.right_margin = Mm(25), Mm(15)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def _set_styles(document: Document, language_tag: str) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), language_tag)
    normal.element.get_or_add_rPr().append(language)
    # Written as XML: python-docx's add_style scans every style by name on each call.
    styles = document.styles.element
    for style_id, (name, size, bold, italic, align, indent) in _PARAGRAPH_STYLES.items():
        styles.append(_paragraph_style(style_id, name, size, bold, italic, align, indent))


def _paragraph_style(
    style_id: str, name: str, size: float, bold: bool, italic: bool, align: str, indent: float
) -> etree._Element:
    style = OxmlElement("w:style", {qn("w:type"): "paragraph", qn("w:styleId"): style_id})
    style.append(OxmlElement("w:name", {qn("w:val"): name}))
    style.append(OxmlElement("w:basedOn", {qn("w:val"): "Normal"}))
    style.append(OxmlElement("w:qFormat"))
    paragraph = OxmlElement("w:pPr")
    if style_id in _OUTLINE_LEVELS:
        paragraph.append(OxmlElement("w:keepNext"))
    after = "40" if style_id.startswith("QanunCell") else "120"
    paragraph.append(OxmlElement("w:spacing", {qn("w:after"): after}))
    if indent:
        first_line = str(round(indent * 56.7))
        paragraph.append(OxmlElement("w:ind", {qn("w:firstLine"): first_line}))
    paragraph.append(OxmlElement("w:jc", {qn("w:val"): "both" if align == "justify" else align}))
    if style_id in _OUTLINE_LEVELS:
        paragraph.append(OxmlElement("w:outlineLvl", {qn("w:val"): _OUTLINE_LEVELS[style_id]}))
    style.append(paragraph)
    characters = OxmlElement("w:rPr")
    for mark, on in (("w:b", bold), ("w:i", italic)):
        if on:
            characters.append(OxmlElement(mark))
    characters.append(OxmlElement("w:color", {qn("w:val"): "000000"}))
    half_points = str(round(size * 2))
    characters.append(OxmlElement("w:sz", {qn("w:val"): half_points}))
    characters.append(OxmlElement("w:szCs", {qn("w:val"): half_points}))
    style.append(characters)
    return style


def _set_header(canvas: Canvas, source: DocumentInput) -> None:
    header = canvas.document.sections[0].header
    header.is_linked_to_previous = False
    line = canvas.words.common.header(source.package_title, source.status)
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(canvas.text(line, "header")).font.size = Pt(9)
    if source.illustrative:
        notice = header.add_paragraph()
        notice.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        marked = notice.add_run(canvas.words.common.illustrative_short())
        marked.font.size, marked.font.bold = Pt(9), True


def _set_footer(canvas: Canvas) -> None:
    """Page numbers as fields (`PAGE`, `NUMPAGES`) so Word and LibreOffice count the pages."""
    footer = canvas.document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pattern = canvas.words.common.page_pattern
    for index, piece in enumerate(_FIELD.split(pattern)):
        if index % 2 == 0:
            if piece:
                paragraph._p.append(runs.run(piece))
            continue
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), f" {_FIELD_CODES[piece]} ")
        field.append(runs.run("1"))
        paragraph._p.append(field)
