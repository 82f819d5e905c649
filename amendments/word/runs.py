"""WordprocessingML runs and paragraphs built with lxml, the few shapes the documents need.

python-docx builds one run at a time through proxies; the documents here hold thousands of runs
(and deletions, which python-docx cannot write), so they are made as elements directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

_BREAKS = re.compile(r"(\n|\t)")
_PRESERVE = "{http://www.w3.org/XML/1998/namespace}space"


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
    deleted: bool = False,
) -> etree._Element:
    """A `w:r` holding text; line ends become `w:br`, tabs `w:tab`.

    Inside a deletion the text must sit in `w:delText`, which is what `deleted` chooses.
    """
    element = OxmlElement("w:r")
    marks = [name for name, on in (("w:b", bold), ("w:i", italic), ("w:strike", strike)) if on]
    if marks:
        properties = OxmlElement("w:rPr")
        for name in marks:
            properties.append(OxmlElement(name))
        element.append(properties)
    for piece in _BREAKS.split(text):
        if piece == "\n":
            element.append(OxmlElement("w:br"))
        elif piece == "\t":
            element.append(OxmlElement("w:tab"))
        elif piece:
            holder = OxmlElement("w:delText" if deleted else "w:t")
            holder.text = piece
            holder.set(_PRESERVE, "preserve")
            element.append(holder)
    return element


def paragraph(
    style_id: str, children: Iterable[etree._Element] = (), *, align: str | None = None
) -> etree._Element:
    """A `w:p` in a paragraph style (by style id), holding runs or revision elements."""
    element = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), style_id)
    properties.append(style)
    if align:
        justification = OxmlElement("w:jc")
        justification.set(qn("w:val"), align)
        properties.append(justification)
    element.append(properties)
    for child in children:
        element.append(child)
    return element
