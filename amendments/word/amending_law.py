"""The amending law: title, enacting formula, and numbered items grouped by article.

The shape is that of the real 2024 amending law of the DV law (`1. Preambuladan “yaxın” sözü
çıxarılsın.` then `2. 1-ci maddə üzrə:` with `2.1. …;` … `2.4. … .`); a package amending several
acts gets one top-level item per act, as `… bəzi qanunvericilik aktlarında …` laws do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from amendments.word.inputs import AmendedAct, DocumentInput, Item
from amendments.word.layout import Canvas, new_canvas
from amendments.word.wording import Wording, wording


@dataclass(frozen=True)
class NumberedItem:
    """An item as the law prints it: `2.1.` and its text; `quoted` is the new wording it cites."""

    number: str
    text: str
    quoted: list[str] = field(default_factory=list)


def numbered_items(items: list[Item], prefix: str, words: Wording) -> list[NumberedItem]:
    """Number items, grouping neighbours of the same article under `N. {article} maddə üzrə:`.

    An item without an article, or alone in its article, is numbered on its own.
    """
    result: list[NumberedItem] = []
    groups = [list(g) for _, g in groupby(items, key=lambda i: i.article or id(i))]
    for position, group in enumerate(groups, 1):
        number = f"{prefix}{position}."
        if len(group) == 1:
            result.append(_closed(number, group[0], words, last=True))
            continue
        result.append(NumberedItem(number, words.amending_law.article_group(group[0].article)))
        for index, item in enumerate(group, 1):
            result.append(_closed(f"{number}{index}.", item, words, last=index == len(group)))
    return result


def _closed(number: str, item: Item, words: Wording, *, last: bool) -> NumberedItem:
    """End the item as laws do: `;` inside a group, `.` at its end, after the quotation if any.

    A quoted new wording is one paragraph a line, opened and closed by the template's marks.
    """
    mark = "." if last else ";"
    if not item.quoted:
        return NumberedItem(number, item.formula.rstrip().rstrip(".;") + mark)
    lines = words.amending_law.quoted("\n".join(item.quoted)).split("\n")
    return NumberedItem(number, item.formula.rstrip(), [*lines[:-1], lines[-1] + mark])


def build_amending_law(source: DocumentInput) -> Canvas:
    """The amending law of a package as a Word document, in the source's language."""
    words = wording(source.language)
    canvas = new_canvas(source, words.amending_law.title(source.acts))
    canvas.add_paragraph("QanunBody", words.amending_law.enacting_formula(), "enacting formula")
    if len(source.acts) == 1:
        act = source.acts[0]
        canvas.add_paragraph("QanunBody", words.amending_law.act_intro(act), "introduction")
        _add_items(canvas, numbered_items(act.items, "", words), act)
    else:
        for position, act in enumerate(source.acts, 1):
            number = f"{position}."
            intro = f"{number} {words.amending_law.act_intro(act)}"
            canvas.add_paragraph("QanunItem", intro, f"item {number}")
            _add_items(canvas, numbered_items(act.items, number, words), act)
    canvas.add_paragraph("QanunSignature", words.amending_law.signature(), "signature")
    canvas.add_paragraph("QanunSignature", words.amending_law.place(), "signature")
    return canvas


def _add_items(canvas: Canvas, items: list[NumberedItem], act: AmendedAct) -> None:
    for item in items:
        where = f"{act.work_id} item {item.number}"
        canvas.add_paragraph("QanunItem", f"{item.number} {item.text}", where)
        for line in item.quoted:
            canvas.add_paragraph("QanunQuoted", line, f"{where} (quoted)")
