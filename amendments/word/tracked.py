"""The consolidated text with native tracked changes: each change is a Word revision
(`w:ins`, or `w:del` holding `w:delText`) with the amendment's author and date, so Word and
LibreOffice show it and can accept or reject it.
"""

from __future__ import annotations

from collections.abc import Iterator
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
    """The amended provisions of a package as a Word document of tracked revisions."""
    words = wording(source.language)
    canvas = new_canvas(source, words.tracked.title(source.acts))
    canvas.add_paragraph("QanunBody", words.tracked.note(), "note")
    revision_ids = count(1)
    for act in source.acts:
        canvas.add_paragraph("QanunActHeading", words.tracked.act_heading(act), act.work_id)
        for row in act.rows:
            where = f"{act.work_id} {row.num}"
            canvas.add_paragraph("QanunUnit", words.tracked.unit(row), where)
            revisions = _revisions(canvas, row, where, source.date, revision_ids)
            canvas.add(runs.paragraph("QanunBody", revisions))
    return canvas


def _revisions(
    canvas: Canvas, row: Row, where: str, default_date: str, ids: Iterator[int]
) -> list[etree._Element]:
    """Runs for the kept words and one revision element per deleted or inserted stretch."""
    before = canvas.text(row.before, f"{where} current wording")
    after = canvas.text(row.after, f"{where} consolidated wording")
    author = canvas.text(row.author, f"{where} author") or DEFAULT_AUTHOR
    date = revision_date(row.date) or revision_date(default_date)
    if row.state == "new":
        before = ""
    elif row.state == "repealed":
        after = ""
    elements: list[etree._Element] = []
    for op in compare(before, after).ops:
        if op.tag == "equal":
            elements.append(runs.run(op.text))
            continue
        revision = OxmlElement("w:del" if op.tag == "delete" else "w:ins")
        revision.set(qn("w:id"), str(next(ids)))
        revision.set(qn("w:author"), author)
        if date:
            revision.set(qn("w:date"), date)
        revision.append(runs.run(op.text, deleted=op.tag == "delete"))
        elements.append(revision)
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
