"""What the Akoma Ntoso writer and reader share: namespaces, the hardened parser, the schema, and
the reversible escaping of characters that XML 1.0 cannot hold.

Text from a lenient decode can hold control characters (`\\x07`) that no XML document may
contain; in element text each one becomes `<inline name="character" qanun:code="7"/>` and in
Qanun's own attributes a `\\u0007` escape, so a written act still reads back identical.
"""

from __future__ import annotations

import functools
import re

from lxml import etree

from qanun import settings

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
# Qanun's own attributes and proprietary metadata (the schema admits foreign-namespace
# attributes on every element and anything inside <proprietary>).
QANUN_NS = "urn:qanun:akn:1.0"
NSMAP = {None: AKN_NS, "qanun": QANUN_NS}
CHARACTER_INLINE = "character"

_INVALID_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ATTR_ESCAPE = re.compile(r"\\(?:u([0-9a-f]{4})|U([0-9a-f]{8})|\\)")


class AknError(ValueError):
    """An Akoma Ntoso document that Qanun will not write or read; the message says why."""


def akn(tag: str) -> str:
    return f"{{{AKN_NS}}}{tag}"


def qanun(name: str) -> str:
    return f"{{{QANUN_NS}}}{name}"


def hardened_parser() -> etree.XMLParser:
    """A parser that expands no entity, loads no DTD and touches no network."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


@functools.cache
def schema() -> etree.XMLSchema:
    """The OASIS AKN 3.0 schema, parsed once per process, offline (`xml.xsd` sits beside it)."""
    path = settings.schemas_dir() / "akn" / "akomantoso30.xsd"
    if not path.is_file():
        raise AknError(f"the Akoma Ntoso schema is not at {path} (set QANUN_SCHEMAS)")
    return etree.XMLSchema(etree.parse(str(path), parser=etree.XMLParser(no_network=True)))


def schema_errors(root: etree._Element) -> list[str]:
    """Every schema violation of a document, as `line N: message`; empty when it validates."""
    checker = schema()
    if checker.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in checker.error_log]


def has_invalid_xml(text: str) -> bool:
    return bool(_INVALID_XML.search(text))


def replace_invalid_xml(text: str) -> str:
    """For standard attributes (titles, URIs), where no escape would be understood."""
    return _INVALID_XML.sub("\ufffd", text)


def escape_attribute(text: str) -> str:
    r"""Make any string fit an XML attribute, reversibly: `a\x07b` → `a\u0007b`, `\` → `\\`."""
    escaped = text.replace("\\", "\\\\")
    return _INVALID_XML.sub(_escape_character, escaped)


def unescape_attribute(text: str) -> str:
    return _ATTR_ESCAPE.sub(_unescape_match, text)


def _escape_character(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _unescape_match(match: re.Match[str]) -> str:
    hex_code = match.group(1) or match.group(2)
    return chr(int(hex_code, 16)) if hex_code else "\\"


def set_text(element: etree._Element, text: str) -> None:
    """Put `text` into an inline element, control characters as `<inline name="character">`."""
    if not _INVALID_XML.search(text):
        element.text = text
        return
    pieces = _INVALID_XML.split(text)
    characters = _INVALID_XML.findall(text)
    element.text = pieces[0]
    for character, piece in zip(characters, pieces[1:], strict=True):
        marker = etree.SubElement(element, akn("inline"), name=CHARACTER_INLINE)
        marker.set(qanun("code"), str(ord(character)))
        marker.tail = piece


def get_text(element: etree._Element, skip: frozenset[str] = frozenset()) -> str:
    """The text of an inline element written by `set_text`; child elements in `skip` are left
    out (their tails are kept), any other child contributes its own text."""
    if not len(element):
        return element.text or ""
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        if child.tag == akn("inline") and child.get("name") == CHARACTER_INLINE:
            pieces.append(chr(int(child.get(qanun("code"), "65533"))))
        elif etree.QName(child).localname not in skip:
            pieces.append(get_text(child, skip))
        pieces.append(child.tail or "")
    return "".join(pieces)


_DOCTYPE_MARKS = tuple(
    (mark.encode(encoding), entity.encode(encoding))
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    for mark, entity in [("<!DOCTYPE", "<!ENTITY")]
)


def refuse_entity_declarations(data: bytes, source: str) -> None:
    """Refuse a DOCTYPE that declares entities before libxml2 sees it: a billion-laughs
    document then costs one byte search, and the error says what was wrong."""
    for doctype, entity in _DOCTYPE_MARKS:
        start = data.find(doctype)
        if start >= 0 and data.find(entity, start) >= 0:
            raise AknError(f"{source}: declares entities in its DOCTYPE; Qanun reads no entities")


def refuse_entities(tree: etree._ElementTree, source: str) -> None:
    """Entity declarations are how billion-laughs and external-entity attacks start; AKN never
    needs them, so a document that declares any (or points at an external DTD) is refused."""
    info = tree.docinfo
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise AknError(f"{source}: declares entities in its DOCTYPE; Qanun reads no entities")
    if info.system_url or info.public_id:
        raise AknError(f"{source}: refers to an external DTD ({info.system_url}); not loaded")
    if any(isinstance(node, etree._Entity) for node in tree.iter()):
        raise AknError(f"{source}: uses entity references; Qanun reads no entities")
