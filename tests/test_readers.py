"""Readers: the shared corpus's text and Markdown, HTML as saved from e-qanun.az and .docx all
come out as the same kind of text, and an undecodable file gets an error naming it."""

from __future__ import annotations

import codecs
import html
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus.manifest import Entry
from corpus.parse import parse_act
from corpus.read_docx_numbering import _format
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
    ("Ağac, şəhər".encode().replace("ə".encode(), b"\xe9"), "old.txt",
     ReaderError(r"old\.txt: cannot be decoded as UTF-8 .*byte 0xe9 at offset 9 \(line 1\)")),
    ("Madde 1. Esas".encode("utf-16-le"), "nobom.txt", ReaderError(r"nobom\.txt: contains NUL")),
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
    with pytest.raises(ReaderError, match=r"old\.txt: unknown encoding 'klingon'"):
        read_bytes(b"x", "old.txt", encoding="klingon")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match=r"gone\.txt: cannot be read"):
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
    ("<p>1.0.1.&nbsp;&nbsp;məişət\n   zorakılığı -\nyaxın</p>",
     "1.0.1.  məişət zorakılığı - yaxın"),
    ("<p>Bu Qanun<br>tədbirləri müəyyən edir</p>", "Bu Qanun\ntədbirləri müəyyən edir"),
    ("<h2>ÜMUMİ MÜDDƏALAR</h2><ul><li>1.0.1. a;</li><li>1.0.2. b.</li></ul>",
     "ÜMUMİ MÜDDƏALAR\n\n1.0.1. a;\n\n1.0.2. b."),
    ("<table><tr><td>1 . 23</td><td>noyabr 2001-ci il tarixli 219-IIQD nömrəli</td></tr>"
     "<tr><td>2 . 19</td><td>aprel 2002-ci il</td></tr></table>",
     "| 1 . 23 | noyabr 2001-ci il tarixli 219-IIQD nömrəli |\n| 2 . 19 | aprel 2002-ci il |"),
    ("<table><tr><td><p>Maddə 2.</p><p>2.1. Mətn.</p></td></tr></table>",
     "Maddə 2.\n\n2.1. Mətn."),
    ("<p>x</p><pre>M a d d ə   1 1 .\n  11.1.</pre>", "x\n\nM a d d ə   1 1 .\n  11.1."),
    # Word's HTML footnotes: the reference and the footnote list come out as the corpus has them.
    ("<p class=MsoNormal>120.1. Qəsdən adam öldürmə<a style='mso-footnote-id:ftn1' href='#_ftn1'>"
     "<span class=MsoFootnoteReference><span style='mso-special-character:footnote'>"
     "<![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span>"
     "</span></a><o:p></o:p></p><div style='mso-element:footnote-list'>"
     "<![if !supportFootnotes]><br clear=all><hr align=left size=1 width='33%'><![endif]>"
     "<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href='#_ftnref1'>"
     "<span class=MsoFootnoteReference><![if !supportFootnotes]>[1]<![endif]></span></a> "
     "29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir.<o:p></o:p></p></div></div>",
     "120.1. Qəsdən adam öldürmə[1]\n\n[1] 29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir."),
]


@pytest.mark.parametrize(("body", "expected"), HTML_CASES)
def test_html_blocks_become_lines(body: str, expected: str) -> None:
    assert read_bytes(_PAGE.format(body).encode(), "f_20131.htm") == expected


def test_html_declared_legacy_charset() -> None:
    page = ('<html><head><meta charset="windows-1254"></head>'
            "<body><p>Ağac şüşə</p></body></html>").encode("cp1254", errors="replace")
    assert read_bytes(page, "old.html") == "Ağac şüş?"
    bad = b'<meta charset="no-such-charset"><p>x</p>'
    with pytest.raises(ReaderError, match=r"bad\.html: declares an unknown charset"):
        read_bytes(bad, "bad.html")


def _as_html(text: str) -> bytes:
    body = "".join(f"<p class=MsoNormal>{html.escape(line)}</p>" for line in text.splitlines())
    return f"<html><head><title>e-qanun</title></head><body>{body}</body></html>".encode()


def _as_docx(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("path", [DV_OPENING, "az/current-2024/criminal-code.dv-articles.txt"])
@pytest.mark.parametrize(("convert", "suffix"), [(_as_html, ".html"), (_as_docx, ".docx")])
def test_html_and_docx_of_a_real_text_parse_like_the_text(
    corpus_dir: Path, path: str, convert: Callable[[str], bytes], suffix: str
) -> None:
    """The same structure parser reads the HTML or Word form of a text as it reads the text."""
    text = read_text(corpus_dir / path)
    converted = read_bytes(convert(text), Path(path).stem + suffix)
    entry = Entry("x", path, "az")
    respacer = Respacer.from_texts([CLEAN_WORDS])
    expected, actual = parse_act(text, entry, respacer), parse_act(converted, entry, respacer)
    assert len(expected.provisions()) > 5
    assert [(p.eid, p.heading, p.text) for p in actual.walk()] == [
        (p.eid, p.heading, p.text) for p in expected.walk()
    ]
    assert [(f.number, f.provisions) for f in actual.footnotes] == [
        (f.number, f.provisions) for f in expected.footnotes
    ]


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
    _footnote_reference(document.add_paragraph("121.2. Qəsdən:"), "1")
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
        "121.2. Qəsdən:[2]",
        "[1] 29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir.",
        "[2] Əvvəlki redaksiyada deyilirdi:",
    ])


def test_docx_parses_into_provisions_with_footnotes() -> None:
    text = read_bytes(_docx_with_footnotes(), "cinayet.docx")
    entry = Entry("criminal-code", "cinayet.docx", "az")
    act = parse_act(text, entry, Respacer.from_texts([CLEAN_WORDS]))
    assert act.find("120.1").text.startswith("Qəsdən adam öldürmə")
    assert act.find("121.1").text == "Mətn."
    assert act.find("121.2").footnotes == [2]
    assert act.footnote(2).text.startswith("Əvvəlki redaksiyada deyilirdi:")


_LEGAL_LIST = f"""<w:abstractNum xmlns:w="{_W}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="10"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/>
  </w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%1.%2.%3."/></w:lvl>
</w:abstractNum>"""
_CHAPTER_LIST = f"""<w:abstractNum xmlns:w="{_W}" w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="%1 Fəsil"/></w:lvl>
</w:abstractNum>"""


def _numbered(document: docx.document.Document, text: str, num_id: str, ilvl: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    ))


def _docx_with_numbering() -> bytes:
    """A law typed with Word's list numbering: the numbers exist only in numbering.xml."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for position, (abstract, num_id) in enumerate([(_LEGAL_LIST, "90"), (_CHAPTER_LIST, "91")]):
        numbering.insert(position, parse_xml(abstract))
        numbering.append(parse_xml(
            f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
        ))
    _numbered(document, "", "91", 0)
    _numbered(document, "CİNAYƏT QANUNU", "91", 0)
    document.add_paragraph("Maddə 10. Cinayət qanununun zamana görə qüvvəsi")
    for text, level in [("Əməlin cinayətkarlığı müəyyən edilir.", 1), ("birinci;", 2),
                        ("Cinayət qanununun geriyə qüvvəsi:", 1), ("ikinci.", 2)]:
        _numbered(document, text, "90", level)
    document.add_paragraph("qeyd", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_automatic_numbering_is_written_out() -> None:
    assert read_bytes(_docx_with_numbering(), "numbered.docx").split("\n\n") == [
        "I Fəsil",
        "II Fəsil CİNAYƏT QANUNU",
        "Maddə 10. Cinayət qanununun zamana görə qüvvəsi",
        "10.1. Əməlin cinayətkarlığı müəyyən edilir.",
        "10.1.1. birinci;",
        "10.2. Cinayət qanununun geriyə qüvvəsi:",
        "10.2.1. ikinci.",
        "- qeyd",
    ]


def test_docx_numbered_points_become_provisions() -> None:
    text = read_bytes(_docx_with_numbering(), "numbered.docx")
    act = parse_act(text, Entry("x", "numbered.docx", "az"), Respacer.from_texts([CLEAN_WORDS]))
    assert act.find("10.2").text == "Cinayət qanununun geriyə qüvvəsi:"
    assert act.find("10.2.1").text.splitlines()[0] == "ikinci."


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [(7, "decimal", "7"), (3, "decimalZero", "03"), (4, "upperRoman", "IV"),
     (1999, "upperRoman", "MCMXCIX"), (9, "lowerRoman", "ix"), (2, "lowerLetter", "b"),
     (28, "lowerLetter", "bb"), (3, "upperLetter", "C"), (5, "none", "")],
)
def test_word_number_formats(value: int, number_format: str, shown: str) -> None:
    assert _format(value, number_format) == shown


_MARKUP = st.text(alphabet="<>/pbrtdlihcs &;#x0123456789!-[]\"'=\n Maddə", max_size=200)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_MARKUP, st.text(max_size=200)))
def test_any_utf8_html_gives_text_or_a_reader_error(page: str) -> None:
    try:
        text = read_bytes(page.encode("utf-8", "surrogatepass"), "upload.html")
    except ReaderError as error:
        assert str(error).startswith("upload.html: ")
    else:
        assert "\r" not in text  # HTML whitespace collapses; <pre> lines are split
        assert "\x00" not in text


def _rezipped(mutate: Callable[[str, bytes], bytes | None]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Maddə 1. Əsas anlayışlar")
    buffer = io.BytesIO()
    document.save(buffer)
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = mutate(name, source.read(name))
            if data is not None:
                target.writestr(name, data)
    return out.getvalue()


def _in_body(old: bytes, new: bytes) -> Callable[[str, bytes], bytes]:
    return lambda name, data: data.replace(old, new, 1) if name == "word/document.xml" else data


_XXE = b'?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
_BOMB = (b'?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
         + b"".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">'.encode()
                    for p, n in zip("abcdefgh", "bcdefghi", strict=True))
         + b"]>")

# (what was done to a real .docx, the text or the error it must give)
DAMAGED_DOCX = [
    (lambda name, data: None if name == "word/document.xml" else data,
     ReaderError(r"x\.docx: not a Word \.docx document .*word/document\.xml")),
    (lambda name, data: data[:-50] if name == "word/document.xml" else data,
     ReaderError(r"x\.docx: a damaged \.docx")),
    (lambda name, data: data.replace(b"wordprocessingml.document.main", b"spreadsheetml.sheet.main")
     if name == "[Content_Types].xml" else data,
     ReaderError(r"x\.docx: not a Word \.docx document \(an Office file of another kind\?\)")),
    (_in_body(b"?>", _XXE), "Maddə 1. Əsas anlayışlar"),
    (_in_body(b"?>", _BOMB), "Maddə 1. Əsas anlayışlar"),
]


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("mutate", "expected"), DAMAGED_DOCX)
def test_damaged_or_hostile_docx(mutate: Callable[[str, bytes], bytes | None],
                                 expected: str | ReaderError) -> None:
    data = _rezipped(mutate)
    if isinstance(expected, ReaderError):
        with pytest.raises(ReaderError, match=str(expected)):
            read_bytes(data, "x.docx")
    else:
        assert read_bytes(data, "x.docx") == expected


def test_docx_external_entity_reads_nothing() -> None:
    hostile = _rezipped(lambda name, body: (
        body.replace(b"?>", _XXE, 1).replace("Maddə 1. Əsas anlayışlar".encode(), b"&x;")
        if name == "word/document.xml" else body))
    assert "root:" not in read_bytes(hostile, "x.docx")


_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# (a paragraph as Word writes it, the text it shows)
WORD_PARAGRAPHS = [
    ('<w:r><w:t>Maddə 5.</w:t></w:r><w:del><w:r><w:delText> köhnə</w:delText></w:r></w:del>'
     '<w:ins><w:r><w:t xml:space="preserve"> yeni mətn</w:t></w:r></w:ins>', "Maddə 5. yeni mətn"),
    ('<w:r><w:t xml:space="preserve">səhifə </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/>'
     '</w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
     '</w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>', "səhifə 3"),
    (f'<w:r><mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps"><w:t>Əlavə</w:t>'
     "</mc:Choice><mc:Fallback><w:t>Əlavə</w:t></mc:Fallback></mc:AlternateContent></w:r>",
     "Əlavə"),
    ("<w:r><w:t>1.1.</w:t><w:tab/><w:t>Mətn</w:t><w:br/><w:t>davamı</w:t></w:r>",
     "1.1.\tMətn\ndavamı"),
    ("<w:r><w:t>355</w:t><w:noBreakHyphen/><w:t>1.1.</w:t></w:r>", "355-1.1."),
]


@pytest.mark.parametrize(("runs", "shown"), WORD_PARAGRAPHS)
def test_word_paragraph_text(runs: str, shown: str) -> None:
    document = docx.Document()
    body = document.element.body
    body.insert(0, parse_xml(f'<w:p xmlns:w="{_W}">{runs}</w:p>'))
    buffer = io.BytesIO()
    document.save(buffer)
    assert read_bytes(buffer.getvalue(), "x.docx") == shown
