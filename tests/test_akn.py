"""Akoma Ntoso: hand-made acts of real sentences validate against the OASIS schema and read back
equal; random act trees (hypothesis) round-trip; documents of other AKN tools read."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from corpus import akn
from corpus.akn_xml import AKN_NS, schema_errors
from corpus.ids import Num, container_eid, frbr_for
from corpus.model import Act, Diagnostic, Footnote, Provision

NS = {"a": AKN_NS}


def _act(work_id: str, body: list[Provision], **fields: object) -> Act:
    uri = frbr_for(
        kind=str(fields.get("kind", "law")), act_id=work_id, number=str(fields.get("number", "")),
        date=str(fields.get("date", "")), language=str(fields.get("language", "az")),
    )
    base = {"kind": "law", "language": "az", "title": work_id}
    base.update(fields)
    return Act(
        work_id=work_id, frbr_work=uri.work, frbr_expression=uri.expression, body=body, **base
    )


def _point(num: str, text: str, **fields: object) -> Provision:
    kind = "paragraph" if Num.parse(num).depth == 2 else "point"
    return Provision(eid=Num.parse(num).eid, kind=kind, num=num, text=text, raw_text=text, **fields)


def _article(num: str, heading: str, *children: Provision, text: str = "") -> Provision:
    return Provision(
        eid=Num.parse(num).eid, kind="article", num=num, heading=heading, text=text,
        raw_text=text, children=list(children),
    )


DV_LAW = _act(
    "dv-law",
    [
        Provision(
            eid=container_eid("chapter", "I"), kind="chapter", num="I",
            heading="ÜMUMİ MÜDDƏALAR",
            children=[
                _article(
                    "1", "Əsas anlayışlar",
                    Provision(
                        eid="art_1__para_0", kind="paragraph", num="1.0",
                        text="Bu Qanunda istifadə olunan əsas anlayışlar aşağıdakı mənaları "
                        "ifadə edir:",
                        raw_text="Bu Qanunda istifad ə olunan əsas anlayı şlar",
                        children=[
                            _point("1.0.1", "məişət zorakılığı - yaxın qohumluq "
                                   "münasibətlərindən sui-istifadə etməklə zərər vurması;"),
                            _point("1.0.5", "məişət zorakılığı ilə bağlı", incomplete=True),
                        ],
                    ),
                ),
            ],
        )
    ],
    kind="law", number="1058-IIIQ", date="2010-06-22", complete=False,
    title="Məişət zorakılığının qarşısının alınması haqqında Azərbaycan Respublikasının Qanunu",
    title_en="Law on Prevention of Domestic Violence", expression="original wording of 2010",
    path="az/dv-law/2010-original.eqanun.partial.txt",
    preamble="Bu Qanun yaxın qohumluq münasibətlərindən, birgə\nvə ya əvvəllər birgə yaşayışdan",
    diagnostics=[Diagnostic(line=31, problem="point 1.0.5 is cut off", action="kept, flagged",
                            code="incomplete")],
    metadata={"source": "e-qanun.az, page f_20131.htm", "amends": None},
)

CRIMINAL_CODE = _act(
    "criminal-code",
    [
        Provision(
            eid="chp_18", kind="chapter", num="18",
            heading="HƏYAT VƏ SAĞLAMLIQ ƏLEYHİNƏ OLAN CİNAYƏTLƏR",
            children=[
                _article(
                    "120", "Qəsdən adam öldürmə",
                    _point("120.1", "Qəsdən adam öldürmə, yəni digər şəxsi qəsdən həyatdan "
                           "məhrum etmə—\ndoqquz ildən on dörd ilədək müddətə azadlıqdan "
                           "məhrum etmə ilə cəzalandırılır.[198]", footnotes=[198]),
                    _point("120.2", "Qəsdən:", children=[
                        _point("120.2.11", "quldurluq, hədə-qorxu ilə tələb etmə, terrorçuluq "
                               "və ya banditizmlə əlaqədar adam öldürmə; [199]",
                               footnotes=[199]),
                    ]),
                ),
                _article("132-1", "Məişət zorakılığı"),
            ],
        )
    ],
    kind="code", number="787-IQ", date="1999-12-30",
    title="AZƏRBAYCAN RESPUBLİKASININ CİNAYƏT MƏCƏLLƏSİ",
    footnotes=[
        Footnote(number=198, text="29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir.",
                 line=7135, provisions=["art_120__para_1"]),
        Footnote(number=199, text="Əvvəlki redaksiyada deyilirdi:\n120.2.11. quldurluq …",
                 line=7140, provisions=["art_120__para_2__point_11"]),
    ],
)

ENGLISH_DV_LAW = _act(
    "dv-law",
    [_article("1", "Basic Definitions", Provision(
        eid="art_1__para_0", kind="paragraph", num="1.0",
        text="The Law uses the following definitions:",
        raw_text="The Law uses the following definitions:",
        children=[_point("1.0.1", "“Domestic violence” - means a deliberate infliction of "
                                  "physical and moral damage")],
    ))],
    language="en", number="1058-IIIQ", date="2010-06-22",
    title="Law of the Republic of Azerbaijan On Prevention of Domestic Violence",
)

EMPTY = Act(work_id="", frbr_work="", frbr_expression="", language="", kind="", title="")

# (act, an XPath into the written document, what it must find)
CASES = [
    (DV_LAW, "string(//a:FRBRWork/a:FRBRuri/@value)", "/akn/az/act/2010-06-22/1058-IIIQ"),
    (DV_LAW, "string(//a:FRBRExpression/a:FRBRlanguage/@language)", "aze"),
    (DV_LAW, "string(//a:chapter[@eId='chp_i']/a:heading)", "ÜMUMİ MÜDDƏALAR"),
    (DV_LAW, "string(//a:paragraph[@eId='art_1__para_0']/a:intro/a:p)",
     "Bu Qanunda istifadə olunan əsas anlayışlar aşağıdakı mənaları ifadə edir:"),
    (DV_LAW, "string(//a:point[@eId='art_1__para_0__point_1']/a:num)", "1.0.1"),
    (DV_LAW, "string(//a:preamble/a:p[2])", "və ya əvvəllər birgə yaşayışdan"),
    (CRIMINAL_CODE, "string(/a:akomaNtoso/a:act/@name)", "code"),
    (CRIMINAL_CODE, "string(//a:paragraph[@eId='art_120__para_1']//a:noteRef/@href)", "#fn_198"),
    (CRIMINAL_CODE, "string(//a:note[@eId='fn_199']/a:p[1])", "Əvvəlki redaksiyada deyilirdi:"),
    (CRIMINAL_CODE, "string(//a:article[@eId='art_132-1']/a:heading)", "Məişət zorakılığı"),
    (ENGLISH_DV_LAW, "string(//a:FRBRExpression/a:FRBRuri/@value)",
     "/akn/az/act/2010-06-22/1058-IIIQ/eng@2010-06-22"),
    (ENGLISH_DV_LAW, "string(//a:article[@eId='art_1']/a:heading)", "Basic Definitions"),
    (EMPTY, "count(//a:body/*)", 1.0),
]


@pytest.mark.parametrize(("act", "xpath", "expected"), CASES)
def test_written_act_is_valid_and_has(act: Act, xpath: str, expected: object) -> None:
    root = etree.fromstring(akn.to_xml(act))
    assert schema_errors(root) == []
    assert root.xpath(xpath, namespaces=NS) == expected


@pytest.mark.parametrize("act", [DV_LAW, CRIMINAL_CODE, ENGLISH_DV_LAW, EMPTY])
def test_act_reads_back_equal(act: Act, tmp_path: Path) -> None:
    path = akn.write_act(act, tmp_path / "act.xml")
    assert akn.read_act(path) == act
    assert akn.to_xml(act) == path.read_bytes()


def test_footnotes_keep_their_provisions_and_lines() -> None:
    back = akn.from_xml(akn.to_xml(CRIMINAL_CODE))
    assert back.footnote(198) == Footnote(
        number=198, text="29 iyun 2018-ci il tarixli Qanun ilə dəyişdirilmişdir.",
        line=7135, provisions=["art_120__para_1"],
    )
    assert back.find("120.1").footnotes == [198]
    assert back.find("120.1").text.endswith("cəzalandırılır.[198]")


def test_raw_text_and_flags_survive() -> None:
    back = akn.from_xml(akn.to_xml(DV_LAW))
    para = back.find("1.0")
    assert para.raw_text == "Bu Qanunda istifad ə olunan əsas anlayı şlar"
    assert para.text.startswith("Bu Qanunda istifadə olunan")
    assert back.find("1.0.5").incomplete is True
    assert back.diagnostics[0].code == "incomplete"
    assert back.complete is False


def test_repeated_footnote_numbers_get_distinct_eids() -> None:
    # civil-code.md numbers two footnotes [492]; the schema wants every eId unique.
    act = _act("civil-code", [_article("1", "Mülki qanunvericilik", text="x")], footnotes=[
        Footnote(number=492, text="birinci"), Footnote(number=492, text="ikinci"),
    ])
    root = etree.fromstring(akn.to_xml(act))
    assert root.xpath("//a:note/@eId", namespaces=NS) == ["fn_492", "fn_492__dup2"]
    assert schema_errors(root) == []
    assert akn.from_xml(akn.to_xml(act)) == act


def test_control_characters_round_trip() -> None:
    # A lenient decode of a damaged file can leave characters that no XML document may hold.
    text = "məişət\x07 zorakılığı\x00\ud800 [1]"
    act = _act("dv-law", [Provision(eid="art_1", kind="article", num="1", heading="a\x01b",
                                    text=text, raw_text="raw\x1b\\u0041")])
    root = etree.fromstring(akn.to_xml(act))
    assert schema_errors(root) == []
    assert akn.from_xml(akn.to_xml(act)) == act


def test_invalid_document_is_refused_with_the_schema_message() -> None:
    root = etree.fromstring(akn.to_xml(DV_LAW))
    work = root.find(".//a:FRBRWork", NS)
    work.getparent().remove(work)
    with pytest.raises(akn.AknError, match=r"upload\.xml: not valid Akoma Ntoso 3\.0: .*FRBRWork"):
        akn.validate(etree.tostring(root), source="upload.xml")


FOREIGN = b"""<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta><identification source="#x">
      <FRBRWork><FRBRthis value="/akn/za/act/2009/1/!main"/><FRBRuri value="/akn/za/act/2009/1"/>
        <FRBRdate date="2009-01-01" name="Generation"/><FRBRauthor href="#x"/>
        <FRBRcountry value="za"/><FRBRnumber value="1"/><FRBRname value="Test Act"/></FRBRWork>
      <FRBRExpression><FRBRthis value="/akn/za/act/2009/1/eng@/!main"/>
        <FRBRuri value="/akn/za/act/2009/1/eng@"/><FRBRdate date="2009-01-01" name="G"/>
        <FRBRauthor href="#x"/><FRBRlanguage language="eng"/></FRBRExpression>
      <FRBRManifestation><FRBRthis value="/akn/za/act/2009/1/eng@/!main"/>
        <FRBRuri value="/akn/za/act/2009/1/eng@"/><FRBRdate date="2009-01-01" name="G"/>
        <FRBRauthor href="#x"/></FRBRManifestation>
    </identification></meta>
    <body>
      <section eId="sec_1"><num>1.</num><heading>Definitions</heading>
        <subsection eId="sec_1__subsec_1"><num>(1)</num>
          <content><p>In this Act, <term refersTo="#t">court</term> means a court.</p></content>
        </subsection>
      </section>
    </body>
  </act>
</akomaNtoso>"""


def test_document_of_another_tool_reads() -> None:
    act = akn.from_xml(FOREIGN)
    assert (act.work_id, act.language, act.title, act.date) == ("1", "en", "Test Act", "2009-01-01")
    section = act.body[0]
    assert (section.eid, section.kind, section.heading) == ("sec_1", "section", "Definitions")
    assert section.children[0].text == "In this Act, court means a court."


# --- random act trees ------------------------------------------------------------------

_text = st.text(max_size=40)
_plain = st.text(alphabet=string.ascii_letters + "əşğıöüçƏŞĞİ -.,", max_size=20)
_numbers = st.lists(st.integers(min_value=0, max_value=999), max_size=3)


@st.composite
def _provisions(draw: st.DrawFn, prefix: tuple[str, ...] = (), depth: int = 0) -> Provision:
    number = str(draw(st.integers(min_value=0, max_value=400)))
    parts = (*prefix, number)
    kind = ("article", "paragraph", "point", "point")[len(parts) - 1]
    eid = draw(st.one_of(st.just(Num(parts).eid), _text))
    children = []
    if depth < 2:
        children = draw(st.lists(_provisions(parts, depth + 1), max_size=3))
    text = draw(_text)
    return Provision(
        eid=eid, kind=kind, num=".".join(parts), heading=draw(_text), text=text,
        raw_text=draw(st.one_of(st.just(text), _text)), children=children,
        footnotes=draw(_numbers), line=draw(st.integers(min_value=0, max_value=10**6)),
        incomplete=draw(st.booleans()), inferred=draw(st.booleans()),
    )


@st.composite
def _acts(draw: st.DrawFn) -> Act:
    containers = draw(st.lists(st.sampled_from(["part", "chapter", "section"]), max_size=2))
    body = draw(st.lists(_provisions(), max_size=3))
    for kind in containers:
        num = draw(st.sampled_from(["I", "2", "40-1"]))
        body = [Provision(eid=container_eid(kind, num), kind=kind, num=num,
                          heading=draw(_text), children=body)]
    return Act(
        work_id=draw(_plain), frbr_work=draw(_plain), frbr_expression=draw(_plain),
        language=draw(st.sampled_from(["az", "en", "ru", ""])),
        kind=draw(st.sampled_from(["law", "code", "decree", "amending-law"])),
        title=draw(_plain), title_en=draw(_plain), number=draw(_plain),
        date=draw(st.sampled_from(["", "2010-06-22", "1999-12-30", "2010", "0000-00-00"])),
        expression=draw(_text), complete=draw(st.booleans()), path=draw(_text),
        preamble=draw(_text), body=body,
        footnotes=[Footnote(number=n, text=draw(_text), line=draw(st.integers(0, 9999)),
                            provisions=draw(st.lists(_text, max_size=2)))
                   for n in draw(_numbers)],
        metadata=draw(st.dictionaries(_plain, st.one_of(_text, st.integers(), st.none()),
                                      max_size=3)),
        diagnostics=[Diagnostic(line=draw(st.integers(0, 9999)), problem=draw(_text),
                                action=draw(_text), code=draw(_plain))
                     for _ in range(draw(st.integers(0, 2)))],
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_acts())
def test_random_acts_validate_and_round_trip(act: Act) -> None:
    data = akn.to_xml(act)
    assert schema_errors(etree.fromstring(data)) == []
    assert akn.from_xml(data) == act
