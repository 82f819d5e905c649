"""Every act of the real corpus (each expression of the 15 codes, the DV law and its neighbours)
is written as schema-valid Akoma Ntoso and reads back equal."""

from __future__ import annotations

import pytest
from lxml import etree

from corpus import akn
from corpus.akn_xml import AKN_NS, schema_errors
from corpus.library import Corpus
from corpus.manifest import read_manifest
from corpus.model import Act
from qanun.settings import corpus_dir

NS = {"a": AKN_NS}
ENTRIES = read_manifest(corpus_dir())


def _act_of(corpus: Corpus, index: int) -> Act:
    entry = ENTRIES[index]
    return next(a for a in corpus.acts() if a.path == entry.path and a.work_id == entry.id)


@pytest.mark.parametrize("index", range(len(ENTRIES)), ids=[e.path for e in ENTRIES])
def test_corpus_act_is_valid_akn_and_reads_back_equal(corpus: Corpus, index: int) -> None:
    act = _act_of(corpus, index)
    data = akn.to_xml(act)
    root = etree.fromstring(data)
    assert schema_errors(root) == []
    assert len(root.xpath("//a:article", namespaces=NS)) == len(act.articles())
    assert akn.from_xml(data, source=act.path) == act


def test_criminal_code_in_akn_keeps_articles_and_footnotes(corpus: Corpus) -> None:
    act = corpus.act("criminal-code")
    root = etree.fromstring(akn.to_xml(act))
    article_10 = root.xpath("//a:article[@eId='art_10']", namespaces=NS)
    assert len(article_10) == 1
    point = root.xpath("//a:paragraph[@eId='art_120__para_1']", namespaces=NS)[0]
    assert point.findtext("a:num", namespaces=NS) == "120.1"
    assert "Qəsdən adam öldürmə" in "".join(point.find("a:content", NS).itertext())
    refs = point.xpath(".//a:noteRef/@href", namespaces=NS)
    assert refs == [f"#fn_{n}" for n in act.find("120.1").footnotes] and refs
    notes = root.xpath("//a:meta/a:notes/a:note", namespaces=NS)
    assert len(notes) == len(act.footnotes)


def test_dv_law_languages_align_by_eid_in_akn(corpus: Corpus) -> None:
    def eids(act: Act) -> list[str]:
        root = etree.fromstring(akn.to_xml(act))
        return root.xpath("//a:body//*[@eId]/@eId", namespaces=NS)

    azerbaijani, english = eids(corpus.act("dv-law")), eids(corpus.act("dv-law", "en"))
    assert english[:4] == ["chp_1", "art_1", "art_1__para_0", "art_1__para_0__point_1"]
    assert set(english) <= set(azerbaijani)
