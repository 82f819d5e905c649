"""Every operation kind renders to a formula and parses back to itself, in Azerbaijani and
English, as an amending law words it (imperative) and as a footnote does (past)."""

from __future__ import annotations

import pytest

from amendments.formulas import parse_formula
from amendments.formulas_en import parse_formula_en
from amendments.operations import (
    OPERATION_KINDS,
    AddProvision,
    DeleteWords,
    InsertWords,
    Operation,
    Renumber,
    Repeal,
    RestateProvision,
    SubstituteWords,
    Target,
)
from amendments.render import render
from corpus.ids import Num


def _t(num: str, unit: str | None = None) -> Target:
    eid = "preamble" if num == "preamble" else Num.parse(num).eid if num else None
    return Target("dv-law", num, eid, unit)


OPERATIONS: list[Operation] = [
    DeleteWords(target=_t("preamble"), old="yaxın"),
    DeleteWords(target=_t("1.0.1"), old="yaxın", occurrence=1),
    SubstituteWords(target=_t("1.0.2"), old="bir yerdə yaşadığı ailə üzvünün, yaxın qohumunun",
                    new="bu Qanunun 4-cü maddəsində göstərilən şəxslərin"),
    SubstituteWords(target=_t("184.1", "sanction"), old="yüz manatdan", new="iki yüz manatdan"),
    SubstituteWords(target=_t("97.4", "sentence:1"), old="orqanı", new="orqanının müəyyən etdiyi "
                    "orqan (qurum)", declined=True),
    SubstituteWords(target=_t("182.3.3", "end"), old=";", new="-"),
    SubstituteWords(target=_t("322.0.7"), old="görə -", new=";"),
    SubstituteWords(target=Target("criminal-code", "16", "chp_16", "chapter/heading"),
                    old="bəşəriyyət", new="insanlıq"),
    SubstituteWords(target=_t(""), old="minimum əmək haqqı", new="şərti maliyyə vahidi",
                    declined=True),
    InsertWords(target=_t("4.0.1"), anchor="habelə", new="ərin və arvadın yaxın qohumlarına,",
                position="before"),
    InsertWords(target=_t("7.0.1"), anchor="dövlət vəsaiti hesabına", new="hüquqi yardımla,"),
    InsertWords(target=_t("88", "clause:3"), anchor="tikiliyə", new="(fərdi)", occurrence=0),
    SubstituteWords(target=_t("43", "clause:3/paragraph:4"), old="torpağa", new="torpaq"),
    SubstituteWords(target=_t("6", "part:1/clause:4"), old="geri alınması", new="alınması"),
    Repeal(target=Target("land-code", "XVI", "chp_xvi", "chapter")),
    AddProvision(target=_t("1.0.3-1"), text="məişət zəminində təqib - yeni anlayış;",
                 after="1.0.3"),
    AddProvision(target=_t("10-1"), heading="Monitorinq qrupları",
                 text="10-1.1. Monitorinq qrupları yerli icra hakimiyyəti yanında yaradılır."),
    AddProvision(target=_t("85.5", "sentence:2"), text="Bu cümlə yenidir."),
    AddProvision(target=_t("182.4")),
    AddProvision(target=Target("civil-procedure-code", "40-1", "chp_40-1", "chapter")),
    RestateProvision(target=_t("1.0.1"), text="məişət zorakılığı - yeni mətn;"),
    RestateProvision(target=_t("184.1", "sanction"),
                     text="min manatdan iki min manatadək miqdarda cərimə ilə cəzalandırılır."),
    RestateProvision(target=_t("5"), heading="Başlıq", text="5.1. Mətn."),
    Repeal(target=_t("184")),
    Repeal(target=_t("66.2", "sentence:2")),
    Repeal(target=_t("187.4", "note")),
    Repeal(target=_t("4", "part:2")),
    Renumber(target=_t("10.3"), new_num="10.4"),
]
PARSERS = {"az": parse_formula, "en": parse_formula_en}


def test_every_kind_is_covered() -> None:
    assert {op.kind for op in OPERATIONS} == set(OPERATION_KINDS)


@pytest.mark.parametrize("mood", ["imperative", "past"])
@pytest.mark.parametrize("lang", ["az", "en"])
@pytest.mark.parametrize("op", OPERATIONS, ids=[f"{o.kind}-{o.target.num}" for o in OPERATIONS])
def test_parse_of_render_is_the_operation(op: Operation, lang: str, mood: str) -> None:
    text = render(op, lang, mood)  # type: ignore[arg-type]
    parsed = PARSERS[lang](text, act=op.target.act)
    assert parsed.problems == []
    assert parsed.operations == [op], text


RENDERED = [
    (DeleteWords(target=_t("preamble"), old="yaxın"), "az", "imperative",
     "Preambuladan “yaxın” sözü çıxarılsın."),
    (SubstituteWords(target=_t("1.0.3"), old="şamil edildiyi", new="4-cü maddəsində göstərilən"),
     "az", "imperative",
     "1.0.3-cü maddədə “şamil edildiyi” sözləri “4-cü maddəsində göstərilən” sözləri ilə əvəz "
     "edilsin."),
    (SubstituteWords(target=_t("184.1", "sanction"), old="iki", new="bir"), "az", "past",
     "184.1-ci maddənin sanksiyasında “iki” sözü “bir” sözü ilə əvəz edilmişdir."),
    (AddProvision(target=_t("182.4")), "az", "past", "yeni məzmunda 182.4-cü maddə əlavə "
     "edilmişdir."),
    (SubstituteWords(target=_t("5.2"), old="X", new="Y"), "en", "imperative",
     "In Article 5.2, the word “X” shall be replaced by the word “Y”."),
    (Repeal(target=_t("184")), "en", "past", "Article 184 was repealed."),
]


@pytest.mark.parametrize(("op", "lang", "mood", "text"), RENDERED)
def test_rendered_wording(op: Operation, lang: str, mood: str, text: str) -> None:
    assert render(op, lang, mood) == text  # type: ignore[arg-type]


def test_operations_round_trip_through_dicts() -> None:
    for op in OPERATIONS:
        assert Operation.from_dict(op.to_dict()) == op


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="no formulas"):
        render(OPERATIONS[0], "fr")  # type: ignore[arg-type]
