"""Consolidation on the real corpus: the 2024 amending law, the illustrative packages, failures
with their reasons, conflicts, dangling references, and a corpus left untouched."""

from __future__ import annotations

from dataclasses import replace

import pytest

from amendments.consolidate import citers_from, consolidate
from amendments.operations import (
    AddProvision,
    DeleteWords,
    Operation,
    Renumber,
    Repeal,
    RestateProvision,
    SubstituteWords,
    Target,
)
from amendments.packages import Amendment, Package
from amendments.shipped import load
from corpus.references_extract import extract_references

CPC = "civil-procedure-code"


def _package(*operations: Operation, package_id: str = "test-package") -> Package:
    return Package(id=package_id, title="Sınaq", amendments=[
        Amendment(id=str(i), act=op.target.act, operations=[op])
        for i, op in enumerate(operations, start=1)
    ])


@pytest.fixture(scope="module")
def law_2024(corpus):  # type: ignore[no-untyped-def]
    return consolidate(load("dv-law-2024", corpus.folder).package, corpus)


# The 2024 law's items applied by hand to the 2010 text: (provision, its expected wording).
EXPECTED_2024 = (
    ("preamble", "Bu Qanun qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan "
     "sui-istifadə etməklə törədilən zorakılığın, onun doğurduğu mənfi hüquqi, tibbi və sosial "
     "nəticələrin qarşısının alınması, məişət zorakılığından zərər çəkmiş şəxslərin sosial "
     "müdafiəsi, hüquqi yardımla təmin edilməsi, habelə məişət zorakılığına səbəb olan halların "
     "aradan qaldırılması istiqamətində həyata keçirilən tədbirləri müəyyən edir və tənzimləyir."),
    ("1.0.1", "məişət zorakılığı - qohumluq münasibətlərindən, birgə və ya əvvəllər birgə "
     "yaşamaqlarından sui-istifadə etməklə, bu Qanunun 4-cü maddəsində göstərilən şəxslərin "
     "birinin digərinə qəsdən fiziki və ya mənəvi zərər vurması;"),
    ("1.0.2", "məişət zorakılığından zərər çəkmiş şəxs (bundan sonra - zərər çəkmiş şəxs) - bu "
     "Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə qarşı qəsdən törətdiyi bu "
     "Qanunun 1.0.3-1.0.6-cı maddələrində nəzərdə tutulmuş hərəkətlər nəticəsində fiziki və ya "
     "mənəvi zərər çəkmiş şəxs;"),
    ("1.0.3", "məişət zəminində fiziki zorakılıq - bu Qanunun 4-cü maddəsində göstərilən "
     "şəxslərin birinin digərinə qəsdən fiziki təzyiq göstərməsi, yəni zor tətbiq etməklə "
     "təhlükəsizliyini pozması, döyməsi, sağlamlığına zərər vurması, işgəncə verməsi, azadlıq "
     "hüququnu məhdudlaşdırması;"),
    ("1.0.4", "məişət zəminində psixi zorakılıq - bu Qanunun 4-cü maddəsində göstərilən "
     "şəxslərin birinin digərinə qəsdən psixi təzyiq göstərməsi və ya dözülməz psixi şərait "
     "yaradılmasına yönəlmiş hərəkətləri;"),
)


@pytest.mark.parametrize(("num", "expected"), EXPECTED_2024)
def test_the_2024_law_gives_the_amended_wording(law_2024, num: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    act = law_2024.acts["dv-law"]
    text = act.preamble if num == "preamble" else act.find(num).text
    assert text == expected


# Items whose targets lie beyond the opening of the DV law in the corpus: (item, provision).
BEYOND_THE_OPENING = (
    ("2.3", "1.0.5"), ("2.3", "1.0.6"), ("2.4", "1.0.8"), ("3.1", "4.0.1"), ("3.2", "4.0.4"),
    ("4.1", "7.0.1"),
)


def test_the_2024_law_reports_what_the_partial_text_lacks(law_2024) -> None:  # type: ignore[no-untyped-def]
    failed = {(f.operation.amendment, f.operation.num): f for f in law_2024.failed}
    assert set(failed) == set(BEYOND_THE_OPENING)
    assert {f.code for f in failed.values()} == {"partial-act"}
    assert "cut off" in failed[("2.3", "1.0.5")].reason
    assert "only an opening" in failed[("3.1", "4.0.1")].reason
    assert law_2024.partial_acts == ["dv-law"]
    assert len(law_2024.applied) == 6
    assert law_2024.acts["dv-law"].frbr_expression.endswith("aze@2024-03-29")


def test_the_cut_off_item_is_reported_not_dropped(corpus) -> None:  # type: ignore[no-untyped-def]
    shipped = load("dv-law-2024", corpus.folder)
    assert [a.id for a in shipped.package.amendments] == [
        "1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1"
    ]
    assert [(item, reason.split(":")[0]) for item, reason in shipped.problems] == [
        ("4.2", "incomplete")
    ]


def test_the_corpus_is_not_changed_by_a_consolidation(corpus, law_2024) -> None:  # type: ignore[no-untyped-def]
    assert corpus.act("dv-law").find("1.0.1").text.startswith("məişət zorakılığı - yaxın")
    assert corpus.act("dv-law").preamble.startswith("Bu Qanun yaxın qohumluq")


# Each word-level amendment of the illustrative drafts: (package, amendment, act, num, old, new).
WORD_AMENDMENTS = (
    ("mq-legal-status", "2", CPC, "355-1.1", "zərər çəkmiş şəxs və ya müvafiq icra hakimiyyəti "
     "orqanı", "zərər çəkmiş şəxs, müvafiq icra hakimiyyəti orqanı və ya yerli monitorinq qrupu"),
    ("mq-legal-status", "4", CPC, "355-4.3", "tərəflərə verilir",
     "tərəflərə və yerli monitorinq qrupuna verilir"),
    ("mq-legal-status", "7", "criminal-code", "61.1.8", "ictimai borcunu yerinə yetirən şəxsə",
     "ictimai borcunu yerinə yetirən şəxsə, o cümlədən yerli monitorinq qrupunun üzvünə,"),
    ("uadm-legal-base", "2", "family-code", "51.6", "müvafiq icra hakimiyyəti orqanına",
     "müvafiq icra hakimiyyəti orqanına və ya uşaq və ailəyə dəstək mərkəzinə"),
    ("uadm-legal-base", "3", "family-code", "73.1", "müvafiq icra hakimiyyəti orqanı işə cəlb "
     "edilir", "müvafiq icra hakimiyyəti orqanı və uşaq və ailəyə dəstək mərkəzi işə cəlb edilir"),
    ("uadm-legal-base", "5", CPC, "355-4.5.3", "tibbi və ya hüquqi yardımın",
     "tibbi, psixoloji, sosial və ya hüquqi yardımın"),
    ("uadm-legal-base", "7", "criminal-code", "61.2", "61.1.1-61.1.13-cü", "61.1.1-61.1.14-cü"),
    ("uadm-legal-base", "8", "administrative-offences-code", "158.3",
     "qeyri-dövlət yardım mərkəzlərinin",
     "qeyri-dövlət yardım mərkəzlərinin və uşaq və ailəyə dəstək mərkəzlərinin"),
)


@pytest.fixture(scope="module")
def drafts(corpus):  # type: ignore[no-untyped-def]
    return {name: consolidate(load(name).package, corpus)
            for name in ("mq-legal-status", "uadm-legal-base")}


@pytest.mark.parametrize(("package", "amendment", "act", "num", "old", "new"), WORD_AMENDMENTS)
def test_each_word_amendment_of_the_drafts_gives_its_text(  # type: ignore[no-untyped-def]
    corpus, drafts, package: str, amendment: str, act: str, num: str, old: str, new: str
) -> None:
    before = corpus.act(act).find(num).text
    after = drafts[package].acts[act].find(num).text
    assert before.count(old) == 1
    assert after == before.replace(old, new)
    assert any(r.amendment == amendment and r.num == num for r in drafts[package].applied)


# Each added provision: (package, act, new number, the provision it follows, its first words).
ADDED = (
    ("mq-legal-status", "dv-law", "1.0.4-1", "1.0.4", "yerli monitorinq qrupu –"),
    ("mq-legal-status", CPC, "355-3.4", "355-3.3", "Zərər çəkmiş şəxsin yaşadığı yer üzrə"),
    ("mq-legal-status", CPC, "355-4.5.5", "355-4.5.4", "qətnamənin icrasına nəzarətdə"),
    ("mq-legal-status", "administrative-offences-code", "158.4", "158.3", "Məişət zorakılığı üzrə"),
    ("uadm-legal-base", "social-services-law", "1.0.4-1", "1.0.4", "uşaq və ailəyə dəstək"),
    ("uadm-legal-base", "criminal-code", "61.1.14", "61.1.13", "cinayətin yetkinlik yaşına"),
)


@pytest.mark.parametrize(("package", "act", "num", "follows", "start"), ADDED)
def test_each_added_provision_is_in_its_place(  # type: ignore[no-untyped-def]
    corpus, drafts, package: str, act: str, num: str, follows: str, start: str
) -> None:
    assert corpus.act(act).find(num) is None
    amended = drafts[package].acts[act]
    added = amended.find(num)
    assert added is not None and added.text.startswith(start)
    numbers = [p.num for p in amended.provisions()]
    assert numbers.index(num) == numbers.index(follows) + len(
        amended.find(follows).children
    ) + 1


def test_the_drafts_report_only_the_target_beyond_the_dv_law_opening(drafts) -> None:  # type: ignore[no-untyped-def]
    assert drafts["mq-legal-status"].failed == []
    [failure] = drafts["uadm-legal-base"].failed
    assert (failure.operation.num, failure.code) == ("7.0.1", "partial-act")


# Failures a drafter can cause: (operation, failure code, words of the reason).
FAILURES = (
    (SubstituteWords(Target("criminal-code", "999.9"), old="a", new="b"), "target-missing",
     "criminal-code has no provision 999.9"),
    (DeleteWords(Target("no-such-code", "1.1"), old="a"), "act-missing", "no act 'no-such-code'"),
    (DeleteWords(Target(CPC, "355-4.6"), old="beş yüz gün"), "words-not-found",
     "the words “beş yüz gün” are not in the text"),
    (AddProvision(Target(CPC, "355-4.6"), text="yeni"), "exists",
     "already has a provision 355-4.6"),
    (AddProvision(Target(CPC, "9999.1"), text="yeni"), "target-missing", "no place for 9999.1"),
    (Renumber(Target(CPC, "355-4.5"), new_num="355-4.6"), "exists", "already has a provision"),
)


@pytest.mark.parametrize(("op", "code", "reason"), FAILURES)
def test_failures_say_why(corpus, op: Operation, code: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    result = consolidate(_package(op), corpus)
    assert result.applied == []
    [failure] = result.failed
    assert failure.code == code
    assert reason in failure.reason


def test_words_found_twice_fail_rather_than_guess(corpus) -> None:  # type: ignore[no-untyped-def]
    text = corpus.act(CPC).find("355-3.2").text
    assert text.count("törətmiş şəxsin iştirakı") == 1 and text.count("şəxsin ") == 2
    result = consolidate(_package(DeleteWords(Target(CPC, "355-3.2"), old="şəxsin")), corpus)
    assert result.failed[0].code == "ambiguous"
    assert result.failed[0].reason == (
        "the words “şəxsin” occur 2 times and the formula does not say which"
    )


def test_structural_operations_on_the_civil_procedure_code(corpus) -> None:  # type: ignore[no-untyped-def]
    result = consolidate(_package(
        RestateProvision(Target(CPC, "355-4.6"), text="Uzunmüddətli mühafizə orderi 30 gündən "
                         "360 günədək müddətə verilir."),
        Repeal(Target(CPC, "355-4.4")),
        Renumber(Target(CPC, "355-4.5"), new_num="355-4.4"),
        AddProvision(Target(CPC, "355-4-1"), heading="Orderin uzadılması",
                     text="Order uzadıla bilər."),
    ), corpus)
    assert result.failed == []
    act = result.acts[CPC]
    assert act.find("355-4.6").text.endswith("360 günədək müddətə verilir.")
    assert act.find("355-4.4").text.startswith("Uzunmüddətli mühafizə orderinin verilməsi barədə "
                                               "qətnamədə bu Məcəllənin 355-4.4-cü")
    assert act.find("355-4.4.1").text.startswith("məişət zorakılığını törətmiş şəxsin yetkinlik")
    assert act.find("355-4.5") is None
    chapter = act.find("chp_40-1")
    assert [a.num for a in chapter.children][-2:] == ["355-4", "355-4-1"]
    original = corpus.act(CPC)
    assert original.find("355-4.5") is not None and original.find("355-4-1") is None
    assert original.find("355-4.6").text.endswith("180 günədək müddətə verilir.")
    assert [a.num for a in original.find("chp_40-1").children][-1] == "355-4"
    wordings = {w.num: w for w in result.wordings}
    assert wordings["355-4-1"].before == "" and "Order uzadıla bilər." in wordings["355-4-1"].after


def test_conflicts_between_amendments_are_reported(corpus) -> None:  # type: ignore[no-untyped-def]
    result = consolidate(_package(
        SubstituteWords(Target("dv-law", "1.0.1"), old="yaxın", new="bilavasitə"),
        DeleteWords(Target("dv-law", "1.0.1"), old="yaxın"),
        DeleteWords(Target("dv-law", "1.0.1"), old="qohumluq münasibətlərindən"),
        DeleteWords(Target(CPC, "355-4.4.1"), old="təkrar"),
        Repeal(Target(CPC, "355-4.4.1")),
        DeleteWords(Target(CPC, "355-4.3"), old="surəti"),
    ), corpus)
    pairs = {(c.first.amendment, c.second.amendment): c.reason for c in result.conflicts}
    assert set(pairs) == {("1", "2"), ("4", "5")}
    assert pairs[("1", "2")] == "both operations change the words “yaxın”"
    assert "repeal" in pairs[("4", "5")]
    # The second change to the same words finds them gone, and says so.
    assert [(f.operation.amendment, f.code) for f in result.failed] == [
        ("2", "words-not-found")
    ]
    assert result.acts["dv-law"].find("1.0.1").text.startswith("məişət zorakılığı - bilavasitə, ")


def test_a_repeal_reports_the_provisions_that_still_cite_it(corpus) -> None:  # type: ignore[no-untyped-def]
    code = corpus.act(CPC)
    chapter = replace(code, body=[code.find("chp_40-1")])
    citers = citers_from(extract_references(chapter, corpus))
    result = consolidate(_package(Repeal(Target(CPC, "355-4.4"))), corpus, citers)
    assert result.references_checked
    [dangling] = result.dangling
    data = dangling.to_dict()
    assert data["source"] == {"act": CPC, "eid": "art_355-4__para_5", "num": "355-4.5"}
    assert data["target"]["eid"] == "art_355-4__para_4"
    assert "355-4.4-cü maddəsində" in data["text"]
    assert data["cause"] == "repeal"
    # Repealing the citing provision with it leaves nothing dangling.
    both = consolidate(_package(Repeal(Target(CPC, "355-4"))), corpus, citers)
    assert both.dangling == []


def test_a_renumbering_is_reported_under_the_new_number_and_leaves_citers_dangling(corpus) -> None:  # type: ignore[no-untyped-def]
    code = corpus.act(CPC)
    chapter = replace(code, body=[code.find("chp_40-1")])
    citers = citers_from(extract_references(chapter, corpus))
    result = consolidate(_package(Renumber(Target(CPC, "355-4.4"), new_num="355-4.7")), corpus,
                         citers)
    [applied] = result.applied
    assert (applied.eid, applied.new_eid) == ("art_355-4__para_4", "art_355-4__para_7")
    [wording] = result.wordings
    assert wording.num == "355-4.7"
    assert wording.after == wording.before.replace("355-4.4.", "355-4.7.")
    assert result.acts[CPC].find("355-4.7.3").text.startswith("zərər çəkmiş şəxsə narahatlıq")
    assert [d.to_dict()["source"]["num"] for d in result.dangling] == ["355-4.5"]
    assert result.dangling[0].to_dict()["cause"] == "renumber"
