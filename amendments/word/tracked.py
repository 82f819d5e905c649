"""The consolidated text with native tracked changes: each change is a Word revision
(`w:ins`, or `w:del` holding `w:delText`) with the amendment's author and date, so Word and
LibreOffice show it and can accept or reject it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import count

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from amendments.compare import compare
from amendments.word import runs
from amendments.word.inputs import DocumentInput, Row
from amendments.word.layout import Canvas, new_canvas
from amendments.word.wording import wording

# w:author is required on a revision; this names the tool when an amendment names nobody.
DEFAULT_AUTHOR = "Qanun"


def build_tracked(source: DocumentInput) -> Canvas:
    """The amended provisions of a package as a Word document of tracked revisions.

    A new provision is inserted whole, heading line and paragraph marks included, and a repealed
    one deleted whole, so that accepting every revision leaves exactly the consolidated
    provisions and rejecting every revision exactly the current ones.
    """
    words = wording(source.language)
    canvas = new_canvas(source, words.tracked.title(source.acts))
    canvas.add_paragraph("QanunBody", words.tracked.note(), "note")
    ids = count(1)
    for act in source.acts:
        canvas.add_paragraph("QanunActHeading", words.tracked.act_heading(act), act.work_id)
        for row in act.rows:
            where = f"{act.work_id} {row.num}"
            reviser = _Reviser(
                canvas.text(row.author, f"{where} author") or DEFAULT_AUTHOR,
                revision_date(row.date) or revision_date(source.date),
                ids,
            )
            label = runs.run(canvas.text(words.tracked.unit(row), where))
            wording_runs = _wording(canvas, row, where, reviser)
            if row.state == "changed":
                canvas.add(runs.paragraph("QanunUnit", [label]))
                canvas.add(runs.paragraph("QanunBody", wording_runs))
                continue
            tag = "w:ins" if row.state == "new" else "w:del"
            if tag == "w:del":
                label = runs.run(canvas.text(words.tracked.unit(row), where), deleted=True)
            canvas.add(reviser.whole_paragraph("QanunUnit", [reviser.wrap(tag, label)], tag))
            canvas.add(reviser.whole_paragraph("QanunBody", wording_runs, tag))
    return canvas


@dataclass
class _Reviser:
    """Makes the revision elements of one row: its author, its date, the document's id counter."""

    author: str
    date: str | None
    ids: Iterator[int]

    def mark(self, tag: str) -> etree._Element:
        revision = OxmlElement(tag)
        revision.set(qn("w:id"), str(next(self.ids)))
        revision.set(qn("w:author"), self.author)
        if self.date:
            revision.set(qn("w:date"), self.date)
        return revision

    def wrap(self, tag: str, run: etree._Element) -> etree._Element:
        revision = self.mark(tag)
        revision.append(run)
        return revision

    def whole_paragraph(
        self, style_id: str, children: list[etree._Element], tag: str
    ) -> etree._Element:
        """A paragraph whose mark is itself inserted or deleted, so it comes and goes whole."""
        paragraph = runs.paragraph(style_id, children)
        mark_properties = OxmlElement("w:rPr")
        mark_properties.append(self.mark(tag))
        paragraph.find(qn("w:pPr")).append(mark_properties)
        return paragraph


def _wording(canvas: Canvas, row: Row, where: str, reviser: _Reviser) -> list[etree._Element]:
    """Runs for the kept words and one revision element per deleted or inserted stretch."""
    before = canvas.text(row.before, f"{where} current wording")
    after = canvas.text(row.after, f"{where} consolidated wording")
    if row.state == "new":
        before = ""
    elif row.state == "repealed":
        after = ""
    elements: list[etree._Element] = []
    for op in compare(before, after).ops:
        if op.tag == "equal":
            elements.append(runs.run(op.text))
        elif op.tag == "delete":
            elements.append(reviser.wrap("w:del", runs.run(op.text, deleted=True)))
        else:
            elements.append(reviser.wrap("w:ins", runs.run(op.text)))
    return elements


def revision_date(value: str) -> str | None:
    """A date as `w:date` wants it (xsd:dateTime in UTC), or None for `unknown` or empty.

    >>> revision_date("2024-03-29"), revision_date("2024-03-29T12:15:00+04:00")
    ('2024-03-29T00:00:00Z', '2024-03-29T08:15:00Z')
    >>> revision_date("unknown") is None
    True
    """
    try:
        stamp = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
