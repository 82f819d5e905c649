"""Readers: the shared corpus's text and Markdown, HTML as saved from e-qanun.az and .docx all
come out as the same kind of text, and an undecodable file gets an error naming it."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from corpus.manifest import Entry
from corpus.parse import parse_act
from corpus.readers import ReaderError, read_bytes, read_text
from corpus.respace import Respacer

DV_OPENING = "az/dv-law/2010-original.eqanun.partial.txt"
CLEAN_WORDS = "Maddə məişət zorakılığı qəsdən adam öldürmə mətn"
SENTENCE = "Maddə 1. Əsas anlayışlar\n1.0.1. məişət zorakılığı - yaxın qohumluq"


def test_corpus_text_reads_as_is(corpus_dir: Path) -> None:
    text = read_text(corpus_dir / DV_OPENING)
    assert text.startswith("Məişət zorakılığının\nqarşısının alınması haqqında\n")
    assert "Maddə 1. Əsas anlayışlar\n1.0.\n" in text


def test_crlf_markdown_becomes_lf_with_the_same_lines(corpus_dir: Path) -> None:
    path = corpus_dir / "az/codes/criminal-code.md"
    raw = path.read_bytes()
    text = read_text(path)
    assert b"\r\n" in raw
    assert "\r" not in text
    assert text.count("\n") == raw.count(b"\n")
    assert text.startswith("## AZƏRBAYCAN RESPUBLİKASININ CİNAYƏT MƏCƏLLƏSİ\n")


# (bytes of a file, its name, the text or the error it must give)
ENCODINGS = [
    (SENTENCE.encode("utf-8"), "law.txt", SENTENCE),
    (codecs.BOM_UTF8 + SENTENCE.encode("utf-8"), "law.md", SENTENCE),
    (SENTENCE.encode("utf-16"), "law.txt", SENTENCE),
    (codecs.BOM_UTF16_BE + SENTENCE.encode("utf-16-be"), "law.txt", SENTENCE),
    (SENTENCE.encode("utf-32"), "law.txt", SENTENCE),
    ("Maddə 1.\r\n1.1. Mətn\r2".encode(), "law.txt", "Maddə 1.\n1.1. Mətn\n2"),
    ("Ağac, şəhər".encode("utf-8").replace("ə".encode(), b"\xe9"), "old.txt",
     ReaderError(r"old\.txt: cannot be decoded as UTF-8 .*byte 0xe9 at offset 5 \(line 1\)")),
    (SENTENCE.encode("utf-16-le"), "nobom.txt", ReaderError(r"nobom\.txt: contains NUL")),
    (codecs.BOM_UTF16_LE + b"\x00\xd8", "bad16.txt",
     ReaderError(r"bad16\.txt: cannot be decoded by its byte-order mark")),
    (b"%PDF-1.4", "law.pdf", ReaderError(r"law\.pdf: unknown kind of file '\.pdf'")),
    (b"\xd0\xcf\x11\xe0", "law.doc", ReaderError(r"law\.doc: old binary Word \(\.doc\)")),
    (b"not a zip", "law.docx", ReaderError(r"law\.docx: not a Word \.docx document")),
]


@pytest.mark.parametrize(("data", "filename", "expected"), ENCODINGS)
def test_decoding(data: bytes, filename: str, expected: str | ReaderError) -> None:
    if isinstance(expected, ReaderError):
        with pytest.raises(ReaderError, match=str(expected)):
            read_bytes(data, filename)
    else:
        assert read_bytes(data, filename) == expected


def test_a_named_legacy_encoding_is_honoured() -> None:
    assert read_bytes("Ağac, şüşə".encode("cp1254", errors="replace"), "old.txt",
                      encoding="cp1254") == "Ağac, şüş?"
    with pytest.raises(ReaderError, match="old.txt: unknown encoding 'klingon'"):
        read_bytes(b"x", "old.txt", encoding="klingon")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="gone.txt: cannot be read"):
        read_text(tmp_path / "gone.txt")


# --- HTML as e-qanun.az saves it (Word-exported pages) -------------------------------------

_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<title>Məişət zorakılığının qarşısının alınması haqqında</title>
<style>p.MsoNormal {{margin:0cm}}</style>
<script>var tracker = "Maddə 99. Not law";</script>
<!--[if gte mso 9]><xml><o:DocumentProperties>Maddə 98.</o:DocumentProperties></xml><![endif]-->
</head><body lang=AZ-LATIN><div class=WordSection1>{}</div></body></html>"""

HTML_CASES = [
    ('<p class=MsoNormal align=center><b><span>I Fəsil<o:p></o:p></span></b></p>'
     '<p class=MsoNormal><b>Maddə 1.</b> <b>Əsas anlayışlar</b></p>',
     "I Fəsil\n\nMaddə 1. Əsas anlayışlar"),
    ("<p>1.0.1.&nbsp;&nbsp;məişət\n   zorakılığı -\nyaxın</p>", "1.0.1.  məişət zorakılığı - yaxın"),
    ("<p>Bu Qanun<br>tədbirləri müəyyən edir</p>", "Bu Qanun\ntədbirləri müəyyən edir"),
    ("<h2>ÜMUMİ MÜDDƏALAR</h2><ul><li>1.0.1. a;</li><li>1.0.2. b.</li></ul>",
     "ÜMUMİ MÜDDƏALAR\n\n1.0.1. a;\n\n1.0.2. b."),
    ("<table><tr><td>1 . 23</td><td>noyabr 2001-ci il tarixli 219-IIQD nömrəli</td></tr>"
     "<tr><td>2 . 19</td><td>aprel 2002-ci il</td></tr></table>",
     "| 1 . 23 | noyabr 2001-ci il tarixli 219-IIQD nömrəli |\n| 2 . 19 | aprel 2002-ci il |"),
    ("<table><tr><td><p>Maddə 2.</p><p>2.1. Mətn.</p></td></tr></table>",
     "Maddə 2.\n\n2.1. Mətn."),
    ("<p>x</p><pre>M a d d ə   1 1 .\n  11.1.</pre>", "x\n\nM a d d ə   1 1 .\n  11.1."),
]


@pytest.mark.parametrize(("body", "expected"), HTML_CASES)
def test_html_blocks_become_lines(body: str, expected: str) -> None:
    assert read_bytes(_PAGE.format(body).encode(), "f_20131.htm") == expected


def test_html_declared_legacy_charset() -> None:
    page = ('<html><head><meta charset="windows-1254"></head>'
            "<body><p>Ağac şüşə</p></body></html>").encode("cp1254", errors="replace")
    assert read_bytes(page, "old.html") == "Ağac şüş?"
    bad = b'<meta charset="no-such-charset"><p>x</p>'
    with pytest.raises(ReaderError, match="bad.html: declares an unknown charset"):
        read_bytes(bad, "bad.html")


def test_html_of_the_dv_law_parses_like_its_text(corpus_dir: Path) -> None:
    """The same structure parser reads the HTML reading of a text as it reads the text."""
    text = read_text(corpus_dir / DV_OPENING)
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in text.splitlines()) + "</body>"
    from_html = read_bytes(page.encode(), "dv-law.html")
    entry = Entry("dv-law", DV_OPENING, "az")
    respacer = Respacer.from_texts([CLEAN_WORDS])
    expected = parse_act(text, entry, respacer)
    actual = parse_act(from_html, entry, respacer)
    assert [(p.eid, p.text) for p in actual.walk()] == [(p.eid, p.text) for p in expected.walk()]
    assert actual.find("1.0.1").text.startswith("məişət zorakılığı - yaxın qohumluq")


# --- .docx ----------------------------------------------------------------------------------

_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx_with_footnotes() -> bytes:
    """A real Word document: paragraphs, a table, a layout table and two real footnotes."""
    document = docx.Document()
    document.add_heading("ÜMUMİ MÜDDƏALAR", level=2)
    document.add_paragraph("Maddə 120. Qəsdən adam öldürmə")
    point = document.add_paragraph("120.1. Qəsdən adam öldürmə")
    _footnote_reference(point, "2")
    document.add_paragraph("azadlıqdan məhrum etmə ilə cəzalandırılır.").add_run().add_break()
    table = document.add_table(rows=2, cols=2)
    for row, (number, date) in enumerate([("1 . 23", "noyabr 2001"), ("2 . 19", "aprel 2002")]):
        table.cell(row, 0).text = number
        table.cell(row, 1).text = date
    layout = document.add_table(rows=1, cols=1).cell(0, 0)
    layout.text = "Maddə 121."
    layout.add_paragraph("121.1. Mətn.")
    deleted = document.add_paragraph("120.2. Qəsdən:")
    _footnote_reference(deleted, "1")
    notes = (
        f'<w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        "Əvvəlki redaksiyada deyilirdi:</w:t></w:r></w:p></w:footnote>"
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> '
        "29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir.</w:t></w:r></w:p></w:footnote>"
        "</w:footnotes>"
    ).encode()
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, notes, document.part.package)
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _footnote_reference(paragraph: docx.text.paragraph.Paragraph, footnote_id: str) -> None:
    reference = OxmlElement("w:footnoteReference")
    reference.set(qn("w:id"), footnote_id)
    paragraph.add_run()._r.append(reference)


def test_docx_paragraphs_tables_and_footnotes() -> None:
    assert read_bytes(_docx_with_footnotes(), "cinayet.docx") == "\n\n".join([
        "ÜMUMİ MÜDDƏALAR",
        "Maddə 120. Qəsdən adam öldürmə",
        "120.1. Qəsdən adam öldürmə[1]",
        "azadlıqdan məhrum etmə ilə cəzalandırılır.",
        "| 1 . 23 | noyabr 2001 |\n| 2 . 19 | aprel 2002 |",
        "Maddə 121.",
        "121.1. Mətn.",
        "120.2. Qəsdən:[2]",
        "[1] 29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir.",
        "[2] Əvvəlki redaksiyada deyilirdi:",
    ])


def test_docx_parses_into_provisions_with_footnotes() -> None:
    text = read_bytes(_docx_with_footnotes(), "cinayet.docx")
    act = parse_act(text, Entry("criminal-code", "cinayet.docx", "az"), Respacer.from_texts([CLEAN_WORDS]))
    assert act.find("120.1").text.startswith("Qəsdən adam öldürmə")
    assert act.find("121.1").text == "Mətn."
