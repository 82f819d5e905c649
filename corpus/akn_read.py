"""Akoma Ntoso 3.0 element tree → `Act`, the inverse of `akn_write` (see its docstring for where
each field lives). Documents from other tools read too: what Qanun's own `qanun:` attributes and
`<proprietary>` block would add falls back to the standard elements or to the model's defaults.
"""

from __future__ import annotations

import json
from typing import Any

from lxml import etree

from corpus.akn_write import EMPTY_BODY, HIERARCHY_TAGS
from corpus.akn_xml import AKN_NS, AknError, akn, get_text, qanun, unescape_attribute
from corpus.ids import LANGUAGE_CODES
from corpus.model import Act, Diagnostic, Footnote, Provision

_LANGUAGES_BACK = {code: language for language, code in LANGUAGE_CODES.items()}
_NOTE_MARKERS = frozenset({"noteRef", "authorialNote"})
# Hierarchy elements that other AKN producers use; Qanun itself writes HIERARCHY_TAGS only.
_OTHER_HIERARCHY = frozenset({
    "hcontainer", "book", "tome", "title", "subtitle", "subpart", "subchapter", "subsection",
    "clause", "subclause", "list", "alinea", "indent", "rule", "subrule", "proviso",
    "subparagraph", "division", "subdivision", "level", "transitional",
})
_HIERARCHY = HIERARCHY_TAGS | _OTHER_HIERARCHY
_NS_PREFIX = f"{{{AKN_NS}}}"
_NS_LENGTH = len(_NS_PREFIX)
_CONTENT, _INTRO, _NUM, _HEADING = (akn(t) for t in ("content", "intro", "num", "heading"))
_RAW, _EID, _LINE, _INCOMPLETE, _INFERRED = (
    qanun(a) for a in ("raw", "eid", "line", "incomplete", "inferred")
)


def act_from_element(root: etree._Element, source: str) -> Act:
    """The `Act` of an `<akomaNtoso><act>` document; `source` names it in errors."""
    if root.tag != akn("akomaNtoso"):
        raise AknError(f"{source}: not an Akoma Ntoso 3.0 document (root element {root.tag})")
    document = _required(root, "act", source)
    meta = _required(document, "meta", source)
    work = _required(meta, "identification/{*}FRBRWork", source)
    expression = _required(meta, "identification/{*}FRBRExpression", source)
    record = meta.find(f"{akn('proprietary')}/{qanun('act')}")
    own = _Record(record)
    body = _required(document, "body", source)
    return Act(
        work_id=_work_id(work),
        frbr_work=_value(work, "FRBRuri"),
        frbr_expression=_value(expression, "FRBRuri"),
        language=own.text("language", default=_language(expression)),
        kind=document.get("name", ""),
        title=_value(work, "FRBRname"),
        title_en=_alias(work, "title-en") or "",
        number=_value(work, "FRBRnumber"),
        date=own.text("date", default=_work_date(work)),
        expression=own.text("expression"),
        complete=own.text("complete", default="true") != "false",
        path=own.text("path"),
        preamble=_lines(document.find(akn("preamble"))),
        body=[
            provision_from_element(child)
            for child in body
            if _is_provision(child) and child.get("name") != EMPTY_BODY
        ],
        footnotes=[_footnote(note) for note in meta.iterfind(f"{akn('notes')}/{akn('note')}")],
        metadata=own.metadata(),
        diagnostics=own.diagnostics(),
    )


def provision_from_element(element: etree._Element) -> Provision:
    """`<paragraph eId="art_10__para_1"><num>10.1</num><content><p>…` → `Provision`."""
    parts: dict[str, etree._Element] = {}
    children: list[Provision] = []
    for child in element:
        if _is_provision(child):
            children.append(provision_from_element(child))
        elif isinstance(child.tag, str):
            parts.setdefault(child.tag, child)
    text_holder = parts.get(_CONTENT, parts.get(_INTRO))
    text = _lines(text_holder)
    raw = element.get(_RAW)
    escaped_eid = element.get(_EID)
    name = element.tag[_NS_LENGTH:]
    return Provision(
        eid=unescape_attribute(escaped_eid) if escaped_eid is not None else element.get("eId", ""),
        kind=element.get("name", "") if name == "hcontainer" else name,  # type: ignore[arg-type]
        num=_inline(parts.get(_NUM)),
        heading=_inline(parts.get(_HEADING)),
        text=text,
        raw_text=unescape_attribute(raw) if raw is not None else text,
        children=children,
        footnotes=_note_refs(text_holder),
        line=int(element.get(_LINE, "0")),
        incomplete=element.get(_INCOMPLETE) == "true",
        inferred=element.get(_INFERRED) == "true",
    )


class _Record:
    """Qanun's `<qanun:act>` in `<proprietary>`, or nothing when another tool wrote the file."""

    def __init__(self, element: etree._Element | None) -> None:
        self.element = element

    def text(self, attribute: str, default: str = "") -> str:
        value = self.element.get(attribute) if self.element is not None else None
        return unescape_attribute(value) if value is not None else default

    def metadata(self) -> dict[str, Any]:
        holder = self.element.find(qanun("metadata")) if self.element is not None else None
        if holder is None or not holder.text:
            return {}
        try:
            return json.loads(holder.text)
        except json.JSONDecodeError as error:
            raise AknError(f"damaged qanun:metadata ({error})") from error

    def diagnostics(self) -> list[Diagnostic]:
        if self.element is None:
            return []
        return [
            Diagnostic(
                line=int(item.get("line", "0")),
                problem=unescape_attribute(item.get("problem", "")),
                action=unescape_attribute(item.get("action", "")),
                code=unescape_attribute(item.get("code", "")),
            )
            for item in self.element.iterfind(qanun("diagnostic"))
        ]


def _footnote(note: etree._Element) -> Footnote:
    marker = note.get("marker") or note.get("eId", "").removeprefix("fn_")
    return Footnote(
        number=_int(marker),
        text=_lines(note),
        line=int(note.get(qanun("line"), "0")),
        provisions=json.loads(note.get(qanun("provisions"), "[]")),
    )


def _note_refs(holder: etree._Element | None) -> list[int]:
    if holder is None:
        return []
    numbers = []
    for ref in holder.iter(akn("noteRef"), akn("authorialNote")):
        marker = ref.get("marker") or ref.get("href", "").removeprefix("#fn_")
        if marker.isdigit():
            numbers.append(int(marker))
    return numbers


def _lines(holder: etree._Element | None) -> str:
    """Each `<p>` (or other block) of a holder is one line of the text."""
    if holder is None:
        return ""
    lines = []
    for block in holder:
        if not isinstance(block.tag, str):
            continue
        if block.tag == akn("p"):
            lines.append(get_text(block, skip=_NOTE_MARKERS))
        else:
            lines.append(" ".join("".join(block.itertext()).split()))
    return "\n".join(lines)


def _inline(element: etree._Element | None) -> str:
    return get_text(element, skip=_NOTE_MARKERS) if element is not None else ""


def _is_provision(element: etree._Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag.startswith(_NS_PREFIX) and tag[_NS_LENGTH:] in _HIERARCHY


def _required(parent: etree._Element, path: str, source: str) -> etree._Element:
    found = parent.find(f"{{*}}{path}")
    if found is None:
        where = etree.QName(parent).localname
        raise AknError(f"{source}: <{where}> has no <{path.replace('{*}', '')}>")
    return found


def _value(parent: etree._Element, tag: str) -> str:
    found = parent.find(akn(tag))
    return found.get("value", "") if found is not None else ""


def _alias(work: etree._Element, name: str) -> str | None:
    for alias in work.iterfind(akn("FRBRalias")):
        if alias.get("name") == name:
            return alias.get("value", "")
    return None


def _work_id(work: etree._Element) -> str:
    """Qanun's manifest id; for another tool's document, its number or else its work URI."""
    own = _alias(work, "qanun-id")
    if own is not None:
        return own
    return _value(work, "FRBRnumber") or _value(work, "FRBRuri")


def _work_date(work: etree._Element) -> str:
    date = work.find(akn("FRBRdate"))
    if date is None or date.get("name") == "unknown":
        return ""
    return date.get("date", "")


def _language(expression: etree._Element) -> str:
    found = expression.find(akn("FRBRlanguage"))
    code = found.get("language", "") if found is not None else ""
    return _LANGUAGES_BACK.get(code, code)


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        return 0
