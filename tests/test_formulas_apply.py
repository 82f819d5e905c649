"""Applying formulas: the drafter's rules (whole words, no guessing between occurrences, any
quote style), and the real 2024 amending law applied to the 2010 text of the DV law."""

from __future__ import annotations

from pathlib import Path

import pytest

from amendments.apply import AmbiguousWords, ApplyError, apply_words
from amendments.apply_act import apply_instructions
from amendments.formulas import parse_formula
from amendments.formulas_law import amended_title, parse_amending_law
from amendments.operations import DeleteWords, InsertWords, SubstituteWords, Target

T = Target("criminal-code", "1")

RULES = [
    # whole words: `yaxın` is not the start of `yaxınlıq`
    (DeleteWords(target=T, old="yaxın"), "yaxınlıq və yaxın qohumluq", "yaxınlıq və qohumluq"),
    (SubstituteWords(target=T, old="346", new="346.3"), "346, 346-1.1 və 346-1.5",
     "346.3, 346-1.1 və 346-1.5"),
    # spaces around punctuation do not count (footnotes quote ` , `)
    (DeleteWords(target=T, old=", əmlak müsadirəsi"), "cəza , əmlak müsadirəsi ilə", "cəza ilə"),
    (InsertWords(target=T, anchor="boyun qaçırdıqda ,", new="o cümlədən imtina etdikdə,"),
     "boyun qaçırdıqda, bu", "boyun qaçırdıqda, o cümlədən imtina etdikdə, bu"),
    (InsertWords(target=T, anchor="habelə", new="ərin qohumlarına,", position="before"),
     "övladlarına, habelə onların", "övladlarına, ərin qohumlarına, habelə onların"),
    # the occurrence the formula names
    (DeleteWords(target=T, old="və", occurrence=2), "a və b və c", "a və b c"),
    (SubstituteWords(target=T, old="iki", new="üç", occurrence=0), "iki il, iki ay",
     "üç il, üç ay"),
    # the sentence the formula names
    (SubstituteWords(target=Target("x", "1", None, "sentence:2"), old="gedir", new="qalır"),
     "Şəxs gedir. Şəxs gedir.", "Şəxs gedir. Şəxs qalır."),
    # the end mark, whichever dash the text prints
    (SubstituteWords(target=Target("x", "1", None, "end"), old=";", new="-"),
     "külli miqdarda törədildikdə;", "külli miqdarda törədildikdə-"),
    # a word replaced at a sentence's start takes the capital, Azerbaijani `i` as `İ`
    (SubstituteWords(target=T, old="təqsirləndirilən", new="istintaq"),
     "Təqsirləndirilən şəxs", "İstintaq şəxs"),
    # a sentence that starts with the quoted word in capitals
    (InsertWords(target=T, anchor="müharibə", new="cinayətlərinə"), "Müharibə və hərbi",
     "Müharibə cinayətlərinə və hərbi"),
    # spaces the PDF conversion left around ə (`müdd ətə`) do not hide the words
    (DeleteWords(target=T, old="bir ilədək müddətə"), "və ya bir ilədək müdd ətə islah",
     "və ya islah"),
    # … and the spaces it put inside other words (CPC 368.3: `apellyasiya i nstansiyası`)
    (SubstituteWords(target=T, old="apellyasiya instansiyası", new="kassasiya instansiyası"),
     "edilməyibsə, apellyasiya i nstansiyası məhkəməsində işə",
     "edilməyibsə, kassasiya instansiyası məhkəməsində işə"),
    # a new item of an enumeration takes the comma the formula leaves out (CC 116.0.17, 2001)
    (InsertWords(target=T, anchor="məcburi sterilizasiya", new="məcburi hamiləlik"),
     "məcburi fahişəlik, məcburi sterilizasiya, habelə cinsi zorakılıq",
     "məcburi fahişəlik, məcburi sterilizasiya, məcburi hamiləlik, habelə cinsi zorakılıq"),
    (InsertWords(target=T, anchor="şəxsiyyət", new="ictimai təhlükəsizlik və ictimai qayda"),
     "əlaqədar, şəxsiyyət və dövlət hakimiyyəti əleyhinə",
     "əlaqədar, şəxsiyyət, ictimai təhlükəsizlik və ictimai qayda və dövlət hakimiyyəti "
     "əleyhinə"),
    # … but words that complete the anchor's phrase, or bring their own joint, take none
    (InsertWords(target=T, anchor="narkotik", new="vasitələri"),
     "narkotik və ya psixotrop maddələri", "narkotik vasitələri və ya psixotrop maddələri"),
    (InsertWords(target=T, anchor="hüquqi şəxslər", new="və ya fərdi sahibkarlar"),
     "fiziki, hüquqi şəxslər, habelə", "fiziki, hüquqi şəxslər və ya fərdi sahibkarlar, habelə"),
    # the conversion dropped the hyphen of compound words, in the codes and the footnotes
    (SubstituteWords(target=T, old="barəsində cinayət-hüquqi tədbirlərin", new="barəsində"),
     "hüquqi şəxs barəsində cinayəthüquqi tədbirlərin tətbiqi", "hüquqi şəxs barəsində tətbiqi"),
    (DeleteWords(target=T, old="yerinə yetirilibyetirilmədiyini"),
     "tələblərinin yerinə yetirilib-yetirilmədiyini müəyyən edir", "tələblərinin müəyyən edir"),
    # … and the dashes: `paytaxtı - Şuşa` in a footnote, `paytaxtı Şuşa` in the code
    (DeleteWords(target=T, old="'Azərbaycanın mədəniyyət paytaxtı - Şuşa şəhəri haqqında'"),
     "həmçinin 'Azərbaycanın mədəniyyət paytaxtı Şuşa şəhəri haqqında' Qanununa",
     "həmçinin Qanununa"),
    # the end of a range of articles is a number of its own (CPC 394.3.2: `339-341-ci`)
    (SubstituteWords(target=T, old="341-ci", new="343-cü"), "bu Məcəllənin 339-341-ci maddələri",
     "bu Məcəllənin 339-343-cü maddələri"),
    (SubstituteWords(target=T, old="109.5-ci", new="109.6-cı"), "109.3-109.5-ci maddələrinin",
     "109.3-109.6-cı maddələrinin"),
    # the conversion dropped the dash before many sanctions, and glued the first penalty to
    # the disposition's last word (CC 121, CAO 328.3)
    (InsertWords(target=Target("x", "121", None, "sanction"), anchor="üç",
                 new="üç ilədək müddətə azadlığın məhdudlaşdırılması və ya", position="before"),
     "doğuşdan dərhal sonra qəsdən öldürməsiüç ilədək müddətə azadlıqdan məhrum etmə ilə "
     "cəzalandırılır.",
     "doğuşdan dərhal sonra qəsdən öldürməsiüç ilədək müddətə azadlığın məhdudlaşdırılması və "
     "ya üç ilədək müddətə azadlıqdan məhrum etmə ilə cəzalandırılır."),
    (SubstituteWords(target=T, old="yüz əlli", new="iki yüz"),
     "sürət həddini aşmağa görəyüz əlli manat məbləğində cərimə edilir.",
     "sürət həddini aşmağa görə iki yüz manat məbləğində cərimə edilir."),
    (SubstituteWords(target=Target("x", "256.1", None, "sanction"), old="iki min", new="üç min"),
     "Balıq və digər su bioresurslarının qanunsuz tutulması xeyli miqdarda ziyan vurduqda iki "
     "min manatdan üç min manatadək miqdarda cərimə ilə cəzalandırılır.",
     "Balıq və digər su bioresurslarının qanunsuz tutulması xeyli miqdarda ziyan vurduqda üç "
     "min manatdan üç min manatadək miqdarda cərimə ilə cəzalandırılır."),
    # deleted words between two commas leave one (CC 819.4); a deleted sentence start leaves
    # its capital to what follows (CC 961.1)
    (DeleteWords(target=T, old="kreditorun vicdanlılığına baxmayaraq"),
     "güzəşt etməsinin, kreditorun vicdanlılığına baxmayaraq, qüvvəsi yoxdur",
     "güzəşt etməsinin, qüvvəsi yoxdur"),
    (DeleteWords(target=T, old="Bank hesabı müqaviləsində nəzərdə tutulmuş hallarda"),
     "Bank hesabı müqaviləsində nəzərdə tutulmuş hallarda müştəri hesabdakı pul vəsaitindən",
     "Müştəri hesabdakı pul vəsaitindən"),
    # the note of an article (`'Qeyd' hissəsində`): CAO 332, amended in 2021
    (InsertWords(target=Target("x", "332", None, "note"), anchor="Bu Məcəllənin",
                 new="96.1.1-ci,"),
     "332.3. Bu Məcəllənin 332.2-ci maddəsində nəzərdə tutulmuş xətanın …\nQeyd: Bu "
     "Məcəllənin 332.1, 335.1 maddələrində",
     "332.3. Bu Məcəllənin 332.2-ci maddəsində nəzərdə tutulmuş xətanın …\nQeyd: Bu "
     "Məcəllənin 96.1.1-ci, 332.1, 335.1 maddələrində"),
]


@pytest.mark.parametrize(("op", "before", "after"), RULES)
def test_drafters_rules(op: SubstituteWords, before: str, after: str) -> None:
    assert apply_words(op, before) == after


REFUSED = [
    (DeleteWords(target=T, old="və ya"), "a və ya b və ya c", "occur 2 times and the formula "
     "does not say which"),
    # a hyphen of a number is not an artefact: 410.11 is not 410.1-1, nor 1 a part of 144-1
    (DeleteWords(target=T, old="410.11-ci"), "bu Məcəllənin 410.1-1-ci maddəsində",
     "are not in the text"),
    (DeleteWords(target=T, old="1-ci"), "bu Məcəllənin 144-1-ci maddəsi", "are not in the text"),
    (DeleteWords(target=T, old="yoxdur"), "a və b", "are not in the text"),
    (SubstituteWords(target=T, old="orqanı", new="qurumu", declined=True), "orqanı",
     "all its grammatical cases"),
    (SubstituteWords(target=Target("x", "1", None, "sentence:3"), old="a", new="b"), "A. B.",
     "no sentence 3"),
]


@pytest.mark.parametrize(("op", "text", "reason"), REFUSED)
def test_refusals_say_why(op: SubstituteWords, text: str, reason: str) -> None:
    with pytest.raises(ApplyError, match=reason):
        apply_words(op, text)


def test_ambiguity_is_its_own_error() -> None:
    with pytest.raises(AmbiguousWords):
        apply_words(DeleteWords(target=T, old="a"), "a b a")


@pytest.mark.parametrize("quoted", ["“yaxın”", '"yaxın"', "' yaxın '"])
def test_any_quote_style_applies(quoted: str) -> None:
    op = parse_formula(f"Preambuladan {quoted} sözü çıxarılsın.", act="dv-law").operations[0]
    assert apply_words(op, "Bu Qanun yaxın qohumluq") == "Bu Qanun qohumluq"


@pytest.fixture(scope="module")
def amending_law(corpus_dir: Path) -> str:
    return (corpus_dir / "az/dv-law/2024-amending-law.partial.txt").read_text(encoding="utf-8")


def test_amending_law_items(amending_law: str) -> None:
    items = parse_amending_law(amending_law, "dv-law")
    assert [i.item for i in items] == ["1", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "4.1", "4.2"]
    targets = {i.item: [op.target.num for op in i.operations] for i in items}
    assert targets["1"] == ["preamble"]
    assert targets["2.1"] == ["1.0.1", "1.0.1"]
    assert targets["2.3"] == ["1.0.3", "1.0.4", "1.0.5", "1.0.6"]
    assert targets["3.1"] == ["4.0.1"] and targets["4.1"] == ["7.0.1"]
    assert items[-1].incomplete and items[-1].operations == []
    assert all(not i.incomplete and not i.problems for i in items[:-1])
    assert amended_title(amending_law) == "Məişət zorakılığının qarşısının alınması haqqında"


# The wording after the 2024 law, derived by hand from its items 1, 2.1–2.3.
EXPECTED = {
    "preamble": "Bu Qanun qohumluq münasibətlərindən, birgə və ya əvvəllər birgə yaşayışdan "
    "sui-istifadə etməklə törədilən zorakılığın, onun doğurduğu mənfi hüquqi, tibbi və sosial "
    "nəticələrin qarşısının alınması, məişət zorakılığından zərər çəkmiş şəxslərin sosial "
    "müdafiəsi, hüquqi yardımla təmin edilməsi, habelə məişət zorakılığına səbəb olan halların "
    "aradan qaldırılması istiqamətində həyata keçirilən tədbirləri müəyyən edir və tənzimləyir.",
    "1.0.1": "məişət zorakılığı - qohumluq münasibətlərindən, birgə və ya əvvəllər birgə "
    "yaşamaqlarından sui-istifadə etməklə, bu Qanunun 4-cü maddəsində göstərilən şəxslərin "
    "birinin digərinə qəsdən fiziki və ya mənəvi zərər vurması;",
    "1.0.2": "məişət zorakılığından zərər çəkmiş şəxs (bundan sonra - zərər çəkmiş şəxs) - bu "
    "Qanunun 4-cü maddəsində göstərilən şəxslərin birinin digərinə qarşı qəsdən törətdiyi bu "
    "Qanunun 1.0.3-1.0.6-cı maddələrində nəzərdə tutulmuş hərəkətlər nəticəsində fiziki və ya "
    "mənəvi zərər çəkmiş şəxs;",
    "1.0.3": "məişət zəminində fiziki zorakılıq - bu Qanunun 4-cü maddəsində göstərilən "
    "şəxslərin birinin digərinə qəsdən fiziki təzyiq göstərməsi, yəni zor tətbiq etməklə "
    "təhlükəsizliyini pozması, döyməsi, sağlamlığına zərər vurması, işgəncə verməsi, azadlıq "
    "hüququnu məhdudlaşdırması;",
    "1.0.4": "məişət zəminində psixi zorakılıq - bu Qanunun 4-cü maddəsində göstərilən "
    "şəxslərin birinin digərinə qəsdən psixi təzyiq göstərməsi və ya dözülməz psixi şərait "
    "yaradılmasına yönəlmiş hərəkətləri;",
}


def test_2024_law_applied_to_the_2010_dv_law(corpus, amending_law: str) -> None:  # type: ignore[no-untyped-def]
    report = apply_instructions(corpus.act("dv-law"), parse_amending_law(amending_law, "dv-law"))
    after = {p["num"]: p["after"] for p in report.provisions}
    assert after == EXPECTED
    failed = {(f["item"], f["reason"].split(":")[0]) for f in report.failed}
    assert failed == {("2.3", "not applicable"), ("2.4", "not applicable"),
                      ("3.1", "not applicable"), ("3.2", "not applicable"),
                      ("4.1", "not applicable"), ("4.2", "incomplete")}
    reasons = " ".join(f["reason"] for f in report.failed)
    for missing in ("1.0.5", "1.0.6", "1.0.8", "4.0.1", "4.0.4", "7.0.1"):
        assert missing in reasons
    assert sorted({a["item"] for a in report.applied}) == ["1", "2.1", "2.2", "2.3"]


def test_the_stored_act_is_not_changed(corpus, amending_law: str) -> None:  # type: ignore[no-untyped-def]
    act = corpus.act("dv-law")
    before = act.find("1.0.1").text
    apply_instructions(act, parse_amending_law(amending_law, "dv-law"))
    assert act.find("1.0.1").text == before


def test_amending_law_with_quoted_new_provisions() -> None:
    """Items whose quoted new wording runs over several lines, some of them numbered."""
    text = (
        "“Məişət zorakılığının qarşısının alınması haqqında” Azərbaycan Respublikasının "
        "Qanununda aşağıdakı dəyişikliklər edilsin:\n\n"
        "1. 10-cu maddədən sonra aşağıdakı məzmunda 10-1-ci maddə əlavə edilsin:\n\n"
        "“Maddə 10-1. Monitorinq qrupları\n"
        "10-1.1. Monitorinq qrupları yerli icra hakimiyyəti yanında yaradılır.\n"
        "10-1.2. Qrupun tərkibi müvafiq icra hakimiyyəti orqanı tərəfindən təsdiq edilir.”.\n\n"
        "2. 1.0.4-cü maddə aşağıdakı redaksiyada verilsin:\n\n"
        "“1.0.4. məişət zəminində psixi zorakılıq - psixi təzyiq göstərilməsi;”.\n"
    )
    items = parse_amending_law(text, "dv-law")
    assert [i.item for i in items] == ["1", "2"]
    add, restate = items[0].operations[0], items[1].operations[0]
    assert (add.kind, add.target.num, add.after, add.heading) == ("add", "10-1", "10",
                                                                  "Monitorinq qrupları")
    assert add.text.splitlines()[1].startswith("10-1.2. Qrupun tərkibi")
    assert (restate.kind, restate.target.num, restate.text) == (
        "restate", "1.0.4", "məişət zəminində psixi zorakılıq - psixi təzyiq göstərilməsi;")
