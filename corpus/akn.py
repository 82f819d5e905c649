"""Akoma Ntoso 3.0 in and out: every `Act` written validates against the OASIS schema and reads
back into an equal `Act`; reading refuses entities, DTDs and the network.

    >>> from corpus.model import Act, Provision
    >>> act = Act("dv-law", "/akn/az/act/2010-06-22/1058-IIIQ",
    ...           "/akn/az/act/2010-06-22/1058-IIIQ/aze@2010-06-22", "az", "law",
    ...           "Məişət zorakılığının qarşısının alınması haqqında",
    ...           body=[Provision("art_1", "article", "1", heading="Əsas anlayışlar")])
    >>> xml = to_xml(act)
    >>> b'<article eId="art_1">' in xml
    True
    >>> validate(xml)
    >>> from_xml(xml) == act
    True
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from corpus.akn_read import act_from_element
from corpus.akn_write import act_element
from corpus.akn_xml import (
    AknError,
    hardened_parser,
    refuse_entities,
    refuse_entity_declarations,
    schema_errors,
)
from corpus.model import Act

__all__ = ["AknError", "from_xml", "read_act", "to_xml", "validate", "write_act"]


def to_xml(act: Act) -> bytes:
    """The act as an AKN document; the same act always gives the same bytes."""
    return _serialize(act_element(act))


def write_act(act: Act, path: Path) -> Path:
    """Write the act to `path` after checking it against the schema (`AknError` if it fails)."""
    root = act_element(act)
    _check(root, f"the AKN of {act.work_id or act.frbr_expression}")
    path = Path(path)
    try:
        path.write_bytes(_serialize(root))
    except OSError as error:
        raise AknError(f"{path}: cannot be written ({error.strerror or error})") from error
    return path


def validate(data: bytes, source: str = "document") -> None:
    """Raise `AknError` listing the first schema violations of an AKN document."""
    _check(_parse(data, source).getroot(), source)


def _check(root: etree._Element, source: str) -> None:
    errors = schema_errors(root)
    if errors:
        shown = "; ".join(errors[:5])
        more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
        raise AknError(f"{source}: not valid Akoma Ntoso 3.0: {shown}{more}")


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def from_xml(data: bytes, source: str = "document") -> Act:
    """The `Act` of an AKN document given as bytes (an upload); `source` names it in errors."""
    return act_from_element(_parse(data, source).getroot(), source)


def read_act(path: Path) -> Act:
    """The `Act` of an AKN file written by `write_act` (or by another AKN 3.0 tool)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AknError(f"{path}: cannot be read ({error.strerror or error})") from error
    return from_xml(data, str(path))


def _parse(data: bytes, source: str) -> etree._ElementTree:
    refuse_entity_declarations(data, source)
    try:
        root = etree.fromstring(data, parser=hardened_parser())
    except etree.XMLSyntaxError as error:
        raise AknError(f"{source}: not well-formed XML ({error})") from error
    tree = root.getroottree()
    refuse_entities(tree, source)
    return tree
