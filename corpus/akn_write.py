"""`Act` → Akoma Ntoso 3.0 element tree, valid against the OASIS schema.

Where each field goes (`akn_read` reads it back from the same place):

- identity: `<FRBRWork>`/`<FRBRExpression>` (`FRBRuri` = `act.frbr_work` / `act.frbr_expression`,
  `FRBRalias name="qanun-id"` = work id, `FRBRname` = title, `FRBRalias name="title-en"`,
  `FRBRnumber`, `FRBRdate name="enactment"`, `FRBRlanguage` as ISO 639-2, `<act name>` = kind);
- text: `<preamble>`, and `<body>` of `part`/`chapter`/`section`/`article`/`paragraph`/`point`
  with the provision's eId, `<num>`, `<heading>`, its own text as `<content>` (a leaf) or
  `<intro>` (before its children), one `<p>` a line;
- footnotes: `<meta><notes><note eId="fn_12" marker="12">` and a `<noteRef href="#fn_12">` at the
  end of the text of every provision that carries the marker;
- what the standard has no place for (source line, raw text before the repair layer, inferred or
  incomplete, diagnostics, manifest metadata) in `qanun:` attributes and `<proprietary>`.
"""

from __future__ import annotations

import datetime
import json
import re

from lxml import etree

from corpus.akn_xml import (
    NSMAP,
    akn,
    escape_attribute,
    has_invalid_xml,
    qanun,
    replace_invalid_xml,
    set_text,
)
from corpus.ids import LANGUAGE_CODES, FrbrUri
from corpus.model import Act, Diagnostic, Footnote, Provision

HIERARCHY_TAGS = frozenset({"part", "chapter", "section", "article", "paragraph", "point"})
EMPTY_BODY = "qanun-empty-body"
_SOURCE = "#qanun"
_AUTHOR = "#republic"
_RESERVED_IDS = ("qanun", "republic", "hcontainer_1")
_PLACEHOLDER_DATE = "0001-01-01"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def act_element(act: Act) -> etree._Element:
    """The `<akomaNtoso>` root of one act."""
    root = etree.Element(akn("akomaNtoso"), nsmap=NSMAP)
    document = etree.SubElement(root, akn("act"), name=_clean(act.kind))
    used = set(_RESERVED_IDS)
    document.append(_meta(act, used))
    if act.title:
        long_title = etree.SubElement(etree.SubElement(document, akn("preface")), akn("longTitle"))
        set_text(etree.SubElement(long_title, akn("p")), act.title)
    if act.preamble:
        preamble = etree.SubElement(document, akn("preamble"))
        _paragraphs(preamble, act.preamble.split("\n"))
    body = etree.SubElement(document, akn("body"))
    for provision in act.body:
        body.append(_provision(provision, used))
    if not act.body:
        # The schema wants at least one element in <body>; the reader drops this one.
        etree.SubElement(body, akn("hcontainer"), name=EMPTY_BODY, eId="hcontainer_1")
    return root


def provision_element(provision: Provision) -> etree._Element:
    """`art_10__para_1` with num `10.1` → `<paragraph eId="art_10__para_1"><num>10.1</num>…`."""
    return _provision(provision, set(_RESERVED_IDS))


def _provision(provision: Provision, used: set[str]) -> etree._Element:
    tag = provision.kind if provision.kind in HIERARCHY_TAGS else "hcontainer"
    element = etree.Element(akn(tag))
    if tag == "hcontainer":
        element.set("name", _clean(provision.kind))
    _identify(element, provision.eid, used)
    _provenance(element, provision)
    if provision.num:
        set_text(etree.SubElement(element, akn("num")), provision.num)
    if provision.heading:
        set_text(etree.SubElement(element, akn("heading")), provision.heading)
    lines = provision.text.split("\n") if provision.text else []
    if provision.footnotes and not lines:
        lines = [""]
    if lines:
        wrapper = etree.SubElement(element, akn("intro" if provision.children else "content"))
        last = _paragraphs(wrapper, lines)
        for number in provision.footnotes:
            etree.SubElement(last, akn("noteRef"), href=f"#fn_{number}", marker=str(number))
    for child in provision.children:
        element.append(_provision(child, used))
    return element


def _identify(element: etree._Element, eid: str, used: set[str]) -> None:
    """The schema wants every eId a token, unique in the document; a malformed or repeated one
    gets a derived eId and is kept verbatim in `qanun:eid`."""
    token = eid
    if not eid or re.search(r"\s", eid) or has_invalid_xml(eid):
        token = re.sub(r"[^\w.-]+", "_", eid) or "unnamed"
    unique, copy = token, 2
    while unique in used:
        unique, copy = f"{token}__dup{copy}", copy + 1
    used.add(unique)
    element.set("eId", unique)
    if unique != eid:
        element.set(qanun("eid"), escape_attribute(eid))


def _provenance(element: etree._Element, provision: Provision) -> None:
    if provision.line:
        element.set(qanun("line"), str(provision.line))
    if provision.inferred:
        element.set(qanun("inferred"), "true")
    if provision.incomplete:
        element.set(qanun("incomplete"), "true")
    if provision.raw_text != provision.text:
        element.set(qanun("raw"), escape_attribute(provision.raw_text))


def _paragraphs(parent: etree._Element, lines: list[str]) -> etree._Element:
    paragraph = parent
    for line in lines:
        paragraph = etree.SubElement(parent, akn("p"))
        set_text(paragraph, line)
    return paragraph


def _meta(act: Act, used: set[str]) -> etree._Element:
    meta = etree.Element(akn("meta"))
    identification = etree.SubElement(meta, akn("identification"), source=_SOURCE)
    identification.append(_work(act))
    identification.append(_expression(act))
    identification.append(_manifestation(act))
    meta.append(_references())
    if act.footnotes:
        notes = etree.SubElement(meta, akn("notes"), source=_SOURCE)
        for footnote in act.footnotes:
            notes.append(_note(footnote, used))
    meta.append(_proprietary(act))
    return meta


def _work(act: Act) -> etree._Element:
    work = etree.Element(akn("FRBRWork"))
    _value(work, "FRBRthis", f"{act.frbr_work}/!main")
    _value(work, "FRBRuri", act.frbr_work)
    _value(work, "FRBRalias", act.work_id, name="qanun-id")
    if act.title_en:
        _value(work, "FRBRalias", act.title_en, name="title-en")
    date_ok = _is_xsd_date(act.date)
    etree.SubElement(
        work, akn("FRBRdate"), date=act.date if date_ok else _PLACEHOLDER_DATE,
        name="enactment" if date_ok else "unknown",
    )
    etree.SubElement(work, akn("FRBRauthor"), href=_AUTHOR)
    _value(work, "FRBRcountry", _uri(act.frbr_work).country if _uri(act.frbr_work) else "az")
    if act.number:
        _value(work, "FRBRnumber", act.number)
    if act.title:
        _value(work, "FRBRname", act.title)
    return work


def _expression(act: Act) -> etree._Element:
    expression = etree.Element(akn("FRBRExpression"))
    _value(expression, "FRBRthis", f"{act.frbr_expression}/!main")
    _value(expression, "FRBRuri", act.frbr_expression)
    etree.SubElement(expression, akn("FRBRdate"), date=_expression_date(act), name="expression")
    etree.SubElement(expression, akn("FRBRauthor"), href=_AUTHOR)
    language = LANGUAGE_CODES.get(act.language, act.language)
    etree.SubElement(expression, akn("FRBRlanguage"), language=_clean(language) or "und")
    return expression


def _manifestation(act: Act) -> etree._Element:
    # Dated like the expression, not "now", so that the same act always gives the same bytes.
    manifestation = etree.Element(akn("FRBRManifestation"))
    _value(manifestation, "FRBRthis", f"{act.frbr_expression}/!main.xml")
    _value(manifestation, "FRBRuri", f"{act.frbr_expression}.akn")
    etree.SubElement(manifestation, akn("FRBRdate"), date=_expression_date(act), name="transform")
    etree.SubElement(manifestation, akn("FRBRauthor"), href=_SOURCE)
    return manifestation


def _references() -> etree._Element:
    references = etree.Element(akn("references"), source=_SOURCE)
    etree.SubElement(
        references, akn("TLCOrganization"), eId="qanun", href="/ontology/organization/qanun",
        showAs="Qanun",
    )
    etree.SubElement(
        references, akn("TLCOrganization"), eId="republic",
        href="/ontology/organization/az/republic-of-azerbaijan", showAs="Azərbaycan Respublikası",
    )
    return references


def _note(footnote: Footnote, used: set[str]) -> etree._Element:
    # Two footnotes may share a number (civil-code has two [492]); noteRefs point at the first.
    note = etree.Element(akn("note"), marker=str(footnote.number), placement="bottom")
    _identify(note, f"fn_{footnote.number}", used)
    note.attrib.pop(qanun("eid"), None)
    if footnote.line:
        note.set(qanun("line"), str(footnote.line))
    note.set(qanun("provisions"), json.dumps(footnote.provisions))
    _paragraphs(note, footnote.text.split("\n"))
    return note


def _proprietary(act: Act) -> etree._Element:
    proprietary = etree.Element(akn("proprietary"), source=_SOURCE)
    record = etree.SubElement(proprietary, qanun("act"))
    record.set("language", escape_attribute(act.language))
    record.set("expression", escape_attribute(act.expression))
    record.set("complete", "true" if act.complete else "false")
    record.set("path", escape_attribute(act.path))
    if not _is_xsd_date(act.date):
        record.set("date", escape_attribute(act.date))
    metadata = etree.SubElement(record, qanun("metadata"))
    metadata.text = json.dumps(act.metadata, ensure_ascii=True, default=str)
    for diagnostic in act.diagnostics:
        record.append(_diagnostic(diagnostic))
    return proprietary


def _diagnostic(diagnostic: Diagnostic) -> etree._Element:
    element = etree.Element(qanun("diagnostic"), line=str(diagnostic.line))
    element.set("code", escape_attribute(diagnostic.code))
    element.set("problem", escape_attribute(diagnostic.problem))
    element.set("action", escape_attribute(diagnostic.action))
    return element


def _value(parent: etree._Element, tag: str, value: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, akn(tag), value=_clean(value), **attributes)


def _clean(text: str) -> str:
    """Identity fields (titles, URIs) go into standard attributes as they are; a control
    character, which no XML may hold, becomes U+FFFD there."""
    return replace_invalid_xml(text)


def _uri(uri: str) -> FrbrUri | None:
    try:
        return FrbrUri.parse(uri)
    except ValueError:
        return None


def _expression_date(act: Act) -> str:
    parsed = _uri(act.frbr_expression)
    for candidate in (parsed.expression_date if parsed else None, act.date):
        if candidate and _is_xsd_date(candidate):
            return candidate
    return _PLACEHOLDER_DATE


def _is_xsd_date(text: str) -> bool:
    if not _DATE.match(text) or text.startswith("0000"):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
