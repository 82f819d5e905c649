"""The DV law opening in Azerbaijani and English, and the other partial acts."""

from __future__ import annotations

DV_EIDS = ["chp_1", "art_1", "art_1__para_0", "art_1__para_0__point_1", "art_1__para_0__point_2",
           "art_1__para_0__point_3", "art_1__para_0__point_4", "art_1__para_0__point_5"]


def test_dv_law_opening(corpus) -> None:
    act = corpus.act("dv-law")
    assert act.frbr_expression == "/akn/az/act/2010-06-22/1058-IIIQ/aze@2010-06-22"
    assert act.preamble.startswith("Bu Qanun yaxın qohumluq münasibətlərindən, birgə və ya "
                                   "əvvəllər birgə yaşayışdan sui-istifadə etməklə törədilən")
    assert act.preamble.endswith("tədbirləri müəyyən edir və tənzimləyir.")
    assert [p.eid for p in act.walk()] == DV_EIDS
    assert act.find("chp_1").heading == "ÜMUMİ MÜDDƏALAR"
    assert act.find("1").heading == "Əsas anlayışlar"
    assert act.find("1.0").text == ("Bu Qanunda istifadə olunan əsas anlayışlar aşağıdakı "
                                    "mənaları ifadə edir:")
    assert act.find("1.0.1").text == (
        "məişət zorakılığı - yaxın qohumluq münasibətlərindən, birgə və ya əvvəllər birgə "
        "yaşamaqlarından sui-istifadə etməklə, bu Qanunun şamil edildiyi şəxslərin birinin "
        "digərinə qəsdən fiziki və ya mənəvi zərər vurması;")
    assert act.find("1.0.4").text.endswith("dözülməz psixi şərait yaradılmasına yönəlmiş "
                                           "hərəkətləri;")
    cut = act.find("1.0.5")
    assert cut.incomplete and cut.text == "məişət"
    assert not act.find("1.0.4").incomplete
    assert any(d.code == "cut-off" and "1.0.5" in d.action for d in act.diagnostics)


def test_two_publications_of_the_same_text_parse_alike(corpus) -> None:
    eqanun, president = [a for a in corpus.works["dv-law"].expressions if a.language == "az"]
    # the president.az copy goes on a little further than the e-qanun one
    pairs = [(p.eid, p.text) for p in president.walk()]
    assert [(p.eid, p.text) for p in eqanun.walk()][:7] == pairs[:7]
    assert president.find("1.0.5").text.startswith("məişət zəminində iqtisadi xarakterli "
                                                   "qanunsuz məhdudiyyətlərin tətbiqi - bu")


def test_english_aligns_with_azerbaijani_by_eid(corpus) -> None:
    az, en = corpus.act("dv-law", "az"), corpus.act("dv-law", "en")
    en_eids = [p.eid for p in en.walk()]
    assert en_eids == DV_EIDS[:len(en_eids)]
    assert en.find("1.0.1").text.startswith("“Domestic violence” - means a deliberate infliction")
    assert en.find("1.0.2").eid == az.find("1.0.2").eid
    assert en.find("chp_1").heading == "GENERAL PROVISIONS"
    assert en.find("1.0.3").incomplete
    assert en.frbr_work == az.frbr_work and en.frbr_expression.endswith("/eng@2010-06-22")


def test_a_chapter_heading_run_into_the_preamble(corpus) -> None:
    act = corpus.act("social-services-law")
    assert act.preamble.endswith("bu sahədə yaranan münasibətləri tənzimləyir.")
    assert act.find("chp_1").heading == "ÜMUMİ MÜDDƏALAR"
    assert act.find("1.0.1").text.startswith("sosial xidmət - çətin həyat şəraitində")


def test_an_amending_law_is_items_not_articles(corpus) -> None:
    act = corpus.act("dv-law-amendment-2024")
    assert [p.num for p in act.provisions()] == [
        "1", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1", "3.2", "4", "4.1", "4.2"]
    assert act.find("1").text == "Preambuladan “yaxın” sözü çıxarılsın."
    assert act.find("4.2").incomplete
    assert act.preamble.endswith("aşağıdakı dəyişikliklər edilsin:")
