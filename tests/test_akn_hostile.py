"""The AKN reader against hostile XML: entity bombs, external entities and DTDs over file:// and
http:// get a clear error, finish at once, and read nothing (a local server counts requests)."""

from __future__ import annotations

import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from lxml import etree

from corpus import akn
from corpus.akn_xml import AKN_NS, hardened_parser
from corpus.model import Act

BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + f']>\n<akomaNtoso xmlns="{AKN_NS}"><act name="x"><meta/><body>&lol9;</body></act>'
    "</akomaNtoso>"
)


def _with_entity(declaration: str, use: str = "&ext;") -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n{declaration}\n]>\n'
        f'<akomaNtoso xmlns="{AKN_NS}"><act name="x"><meta/><body><p>{use}</p></body></act>'
        "</akomaNtoso>"
    ).encode()


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = b'<!ENTITY leaked "SERVED-BY-TEST">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on the loopback address that records every request it gets."""
    requests: list[str] = []
    handler = type("Handler", (_CountingHandler,), {"requests": requests})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.timeout(20)
def test_billion_laughs_is_refused_at_once() -> None:
    with pytest.raises(akn.AknError, match=r"bomb\.xml: declares entities"):
        akn.from_xml(BILLION_LAUGHS.encode(), source="bomb.xml")


@pytest.mark.timeout(20)
def test_hardened_parser_alone_expands_no_entity_bomb() -> None:
    # Defence in depth, below the DOCTYPE check: libxml2 either refuses or leaves it unexpanded.
    try:
        root = etree.fromstring(BILLION_LAUGHS.encode(), parser=hardened_parser())
    except etree.XMLSyntaxError as error:
        assert "amplification" in str(error)
    else:
        assert len(etree.tostring(root)) < 2_000


def test_external_file_entity_is_refused_and_not_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    for target in (secret.as_uri(), "file:///etc/passwd"):
        data = _with_entity(f'<!ENTITY ext SYSTEM "{target}">')
        with pytest.raises(akn.AknError, match="declares entities") as caught:
            akn.from_xml(data, source="xxe.xml")
        assert "TOP-SECRET" not in str(caught.value)
        assert "root:" not in str(caught.value)
        parsed = etree.tostring(etree.fromstring(data, parser=hardened_parser()))
        assert b"TOP-SECRET" not in parsed
        assert b"root:x:0" not in parsed


def test_read_act_of_an_xxe_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "upload.akn.xml"
    path.write_bytes(_with_entity('<!ENTITY ext SYSTEM "file:///etc/passwd">'))
    with pytest.raises(akn.AknError, match=r"upload\.akn\.xml: declares entities"):
        akn.read_act(path)


def test_http_entities_and_dtds_touch_no_network(local_server: tuple[str, list[str]]) -> None:
    base, requests = local_server
    hostile = [
        _with_entity(f'<!ENTITY ext SYSTEM "{base}/entity">'),
        _with_entity(f'<!ENTITY % remote SYSTEM "{base}/parameter"> %remote;', use="&leaked;"),
        (
            f'<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso SYSTEM "{base}/akn.dtd">\n'
            f'<akomaNtoso xmlns="{AKN_NS}"><act name="x"/></akomaNtoso>'
        ).encode(),
    ]
    for data in hostile:
        with pytest.raises(akn.AknError) as caught:
            akn.from_xml(data, source="remote.xml")
        assert "SERVED-BY-TEST" not in str(caught.value)
        # The parser alone, without the DOCTYPE check in front of it, fetches nothing either.
        try:
            parsed = etree.tostring(etree.fromstring(data, parser=hardened_parser()))
        except etree.XMLSyntaxError:
            parsed = b""
        assert b"SERVED-BY-TEST" not in parsed
    assert requests == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<akomaNtoso", "not well-formed XML"),
        (b"<p>&undefined;</p>", "not well-formed XML"),
        (b"<html><body/></html>", "not an Akoma Ntoso 3.0 document"),
        (f'<akomaNtoso xmlns="{AKN_NS}"><act name="x"/></akomaNtoso>'.encode(),
         "<act> has no <meta>"),
    ],
)
def test_bad_documents_get_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(akn.AknError, match=re.escape(f"upload.xml: {message}")):
        akn.from_xml(data, source="upload.xml")


def test_unwritable_path_is_named(tmp_path: Path) -> None:
    act = Act(work_id="dv-law", frbr_work="/akn/az/act/2010-06-22/1058-IIIQ",
              frbr_expression="/akn/az/act/2010-06-22/1058-IIIQ/aze@2010-06-22", language="az",
              kind="law", title="Məişət zorakılığının qarşısının alınması haqqında")
    with pytest.raises(akn.AknError, match=r"no-such-dir/act\.xml: cannot be written"):
        akn.write_act(act, tmp_path / "no-such-dir" / "act.xml")


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(akn.AknError, match=r"nowhere\.xml: cannot be read"):
        akn.read_act(tmp_path / "nowhere.xml")
