"""Footnotes → effects, one row per real footnote: the amending law cited (number, date, title,
publication), what it did, and the previous wording where the footnote gives it."""

from __future__ import annotations

import pytest

from amendments.formulas_spacing import rejoin_spaced
from amendments.history import read_footnote, split_run_on
from amendments.history_law import read_citation

F432 = (
    "16 may 2008-ci il tarixli 607-IIIQD nömrəli Azərbaycan Respublikasının Qanunu ('Azərbaycan' "
    "qəzeti 7 iyun 2008-ci il, № 123, Azərbaycan Respublikasının Qanunvericilik Toplusu, 2008-ci "
    "il, № 6, maddə 454) ilə 184.1-ci maddənin sanksiyasında ' şərti maliyyə vahidi məbləğinin "
    "yüz mislindən beş yüz mislinədək ' sözləri ' yüz manatdan beş yüz manatadək ' sözləri ilə "
    "əvəz edilmişdir.\n06 may 2016-cı il tarixli 230-VQD nömrəli Azərbaycan Respublikasının "
    "Qanunu ( 'Azərbaycan' qəzeti, 25 may 2016-cı il, № 112, Azərbaycan Respublikasının "
    "Qanunvericilik Toplusu, 2016-cı il, № 5, maddə 845 ) ilə 184.1-ci maddənin sanksiyası yeni "
    "redaksiyada verilmişdir.\nəvvəlki redaksiyada deyilirdi:\nyüz manatdan beş yüz manatadək "
    "miqdarda cərimə və ya üç yüz altmış saatdan dörd yüz səksən saatadək ictimai işlər və ya bir "
    "ilədək müddətə azadlıqdan məhrum etmə ilə cəzalandırılır.\n31 may 2017-ci il tarixli "
    "707-VQD nömrəli Azərbaycan Respublikasının Qanunu ('Azərbaycan' qəzeti, 19 iyul 2017-ci il, "
    "№ 153, Azərbaycan Respublikasının Qanunvericilik Toplusu, 2017-ci il, № 7, maddə 1268) ilə "
    "184.1-ci maddənin sanksiyasında ' min manatdan iki min ' sözləri ' iki min manatdan dörd "
    "min ' sözləri ilə əvəz edilmişdir."
)
F10 = (
    "2 iyul 2002-ci il tarixli 360-IIQD nömrəli 'Azərbaycan Respublikasının bəzi qanunvericilik "
    "aktlarına əlavələr və dəyişikliklər edilməsi haqqında' Azərbaycan Respublikasının Qanunu "
    "( Azərbaycan Respublikasının qanunvericilik toplusu, 2002-ci il, № 8, maddə 465 ) ilə "
    "13.4-cü maddənin mətnindən \"geri\" sözü çıxarılmışdır."
)
# Execution of Punishments Code [1], with the spaces of the PDF conversion around ə ş ğ.
F_SPACED = (
    "14  iyul  2000-ci  il  tarixli 908-IQ nömr ə li  Az ə rbaycan  Respublikasının  Qanunu "
    "( Az ə rbaycan Respublikasının qanunvericilik toplusu, 2000-ci il, № 8, madd ə 585) il ə "
    "t ə sdiq edilmi ş dir."
)
F_NO_TARIXLI = (
    "24 iyun 2005-ci il 949-IIQD nömrəli \"Azərbaycan Respublikası Mülki Məcəlləsinin təsdiq "
    "edilməsi haqqında\" Azərbaycan Respublikasının Qanununa dəyişiklik edilməsi barədə "
    "Azərbaycan Respublikasının Qanunu (Azərbaycan Respublikasının qanunvericilik toplusu, "
    "2005-ci il, № 8, maddə 694) ilə 5.1-ci maddədə ' x ' sözü ' y ' sözü ilə əvəz edilmişdir."
)
F_COMMENCEMENT = (
    "27 dekabr 2022-ci il tarixli 772-VIQD nömrəli Azərbaycan Respublikasının Qanunu ('Azərbaycan' "
    "qəzeti, 29 yanvar 2023-cü il, № 20) ilə yeni məzmunda 368-1-ci maddə əlavə edilmişdir. "
    "(Bu Qanun 2023-cü il aprelin 1-dən qüvvəyə minir.)"
)

EFFECTS = [
    (F432, [("607-IIIQD", "2008-05-16", ["substitute"], False),
            ("230-VQD", "2016-05-06", ["restate"], True),
            ("707-VQD", "2017-05-31", ["substitute"], False)]),
    (F10, [("360-IIQD", "2002-07-02", ["delete"], False)]),
    (F_NO_TARIXLI, [("949-IIQD", "2005-06-24", ["substitute"], False)]),
    (F_COMMENCEMENT, [("772-VIQD", "2022-12-27", ["add"], False)]),
]


@pytest.mark.parametrize(("text", "expected"), EFFECTS, ids=["432", "10", "no-tarixli", "comm"])
def test_effects_of_real_footnotes(text: str, expected: list[tuple[object, ...]]) -> None:
    history = read_footnote(1, text, "criminal-code")
    assert history.parsed, history.reason
    got = [(e.law.number, e.law.date, [op.kind for op in e.operations],
            e.previous_wording is not None) for e in history.effects]
    assert got == expected


def test_previous_wording_and_targets() -> None:
    effects = read_footnote(432, F432, "criminal-code").effects
    assert effects[1].previous_wording.startswith("yüz manatdan beş yüz manatadək miqdarda cərimə")
    assert effects[1].previous_wording.endswith("ilə cəzalandırılır.")
    assert [e.targets for e in effects] == [["184.1"]] * 3
    assert effects[0].to_dict()["law"] == {"number": "607-IIIQD", "date": "2008-05-16",
                                           "title": "Azərbaycan Respublikasının Qanunu"}


def test_quoted_title_and_publication() -> None:
    law = read_citation(F10)
    assert law is not None
    assert law.title.startswith("'Azərbaycan Respublikasının bəzi qanunvericilik aktlarına")
    assert law.publication == (
        "Azərbaycan Respublikasının qanunvericilik toplusu, 2002-ci il, № 8, maddə 465"
    )
    assert law.node_id == "law:360-IIQD"


def test_commencement_from_the_footnote() -> None:
    op = read_footnote(323, F_COMMENCEMENT, "administrative-offences-code").effects[0].operations[0]
    assert op.commencement == "2023-04-01"


def test_spaced_footnote_is_the_approval_of_the_code() -> None:
    history = read_footnote(1, F_SPACED, "execution-of-punishments-code")
    assert history.parsed
    assert [(e.law.number, e.kind) for e in history.effects] == [("908-IQ", "approval")]
    assert rejoin_spaced("sözl ə ri ə vəz edilmi şdir") == "sözləri əvəz edilmişdir"


def test_see_another_footnote() -> None:
    history = read_footnote(132, "Bax:\n22-ci istinad", "criminal-procedure-code")
    assert history.see == 22 and history.effects == []


def test_footnote_run_into_the_next() -> None:
    parts = split_run_on(9, "a əlavə edilmişdir.\n[10]\nb əlavə edilmişdir.")
    assert parts == [(9, "a əlavə edilmişdir."), (10, "b əlavə edilmişdir.")]


UNPARSED = [
    ("KM2 Azərbaycan Respublikası Cinayət Məcəlləsinin 320.1-ci maddəsində nəzərdə tutulmuş",
     "cites no amending act"),
    ("20 oktyabr 2017-ci il tarixli 816-VQD nömrəli Azərbaycan Respublikasının Qanunu "
     "('Azərbaycan' qəzeti, 9 noyabr 2017-ci il, № 247) ilə", "states no change"),
    ("", "empty footnote"),
]


@pytest.mark.parametrize(("text", "reason"), UNPARSED)
def test_unparsed_footnotes_have_a_reason(text: str, reason: str) -> None:
    history = read_footnote(7, text, "criminal-code")
    assert not history.parsed
    assert reason in (history.reason or "")


def test_a_cut_citation_starts_its_own_effect() -> None:
    """Civil code [275]: the second effect's citation lost its beginning in the source; its
    previous wording must not be taken for the first effect's."""
    text = (
        "17 aprel 2007-ci il tarixli 315-IIIQD nömrəli Azərbaycan Respublikasının Qanunu "
        "( Azərbaycan Respublikasının Qanunvericilik Toplusu, 2007-ci il, № 8, maddə 745 ) ilə "
        "249.1-ci və 290.1-ci maddələrdə \"və ya ictimai ehtiyaclar\" sözləri \"ehtiyacları\" "
        "sözü ilə əvəz edilmişdir.\n"
        "dəyişikliklər edilməsi haqqında' Azərbaycan Respublikasının Qanunu ( Azərbaycan "
        "Respublikasının qanunvericilik toplusu, 2004-cü il, № 10, maddə 761 ) ilə 246cı maddədə "
        "'bələdiyyə ehtiyacları' sözləri 'ictimai ehtiyaclar' sözləri ilə əvəz edilmişdir. "
        "Maddənin əvvəlki redaksiyasında deyilirdi:\nMaddə 2 4 6 . Torpaq sahəsinin alınması"
    )
    history = read_footnote(275, text, "civil-code")
    assert history.parsed
    first, second = history.effects
    assert (first.law.number, first.previous_wording) == ("315-IIIQD", None)
    assert second.law.number == "" and second.targets == ["246"]
    assert second.previous_wording.startswith("Maddə 2 4 6 .")
