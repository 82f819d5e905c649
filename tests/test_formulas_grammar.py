"""The formula grammar, one row per real formula shape: the operative words of real footnotes of
the codes and of the 2024 amending law, with the operations they state."""

from __future__ import annotations

from typing import Any

import pytest

from amendments.formulas import parse_formula
from amendments.formulas_numbers import cardinal_value, ordinal_suffix, ordinal_value, ordinal_word
from amendments.formulas_tokens import expand_range, split_range, tokenize


def _shape(op: Any) -> tuple[Any, ...]:
    words = {k: v for k, v in op.to_dict().items()
             if k in ("old", "new", "anchor", "position", "occurrence", "declined", "new_num",
                      "after") and v is not None and v is not False and v not in ("", "after")}
    return (op.kind, op.target.num, op.target.unit, words)


CASES: list[tuple[str, list[tuple[Any, ...]]]] = [
    # substitute, plain (criminal code [425])
    ("182.2.4-cü maddəsində ' zərərçəkmiş şəxsə xeyli miqdarda ziyan vurmaqla törədildikdə ' "
     "sözləri ' xeyli miqdarda əmlak əldə etmək məqsədi ilə törədildikdə ' sözləri ilə əvəz "
     "edilmişdir.",
     [("substitute", "182.2.4", None,
       {"old": "zərərçəkmiş şəxsə xeyli miqdarda ziyan vurmaqla törədildikdə",
        "new": "xeyli miqdarda əmlak əldə etmək məqsədi ilə törədildikdə"})]),
    # dispozisiyasında, sözü → sözləri ([426])
    ("182.3-cü  maddənin  dispozisiyasında  ' Eyni '  sözü  ' Bu  Məcəllənin  182.1  və  ya  "
     "182.2-ci  maddələrində  nəzərdə tutulmuş ' sözləri ilə əvəz edilmişdir.",
     [("substitute", "182.3", "disposition",
       {"old": "Eyni",
        "new": "Bu Məcəllənin 182.1 və ya 182.2-ci maddələrində nəzərdə tutulmuş"})]),
    # two operations by comma, a second target inside the body ([995], law 68-VIQD)
    ("350.1-ci maddənin dispozisiyasında ' zərər vurduqda, hərbi texnikanın məhvinə və ya sair "
     "ağır nəticələrə səbəb olduqda ' sözləri ' az ağır zərər vurduqda ' sözləri ilə, maddənin "
     "sanksiyasında ' iki ' sözü ' bir ' sözü ilə əvəz edilmişdir.",
     [("substitute", "350.1", "disposition",
       {"old": "zərər vurduqda, hərbi texnikanın məhvinə və ya sair ağır nəticələrə səbəb "
               "olduqda", "new": "az ağır zərər vurduqda"}),
      ("substitute", "350.1", "sanction", {"old": "iki", "new": "bir"})]),
    # sanksiyasında, pairs joined by a comma ([434])
    ("184.2-ci maddənin sanksiyasında ' beş yüz manatdan ' sözləri ' iki min manatdan üç ' "
     "sözləri ilə, ' bir ildən üç ' sözləri ' iki ildən dörd ' sözləri ilə əvəz edilmişdir.",
     [("substitute", "184.2", "sanction",
       {"old": "beş yüz manatdan", "new": "iki min manatdan üç"}),
      ("substitute", "184.2", "sanction", {"old": "bir ildən üç", "new": "iki ildən dörd"})]),
    # insert before ([435]); the suffix without its hyphen (`185.1ci`)
    ("185.1ci maddədə ' iki ilədək müddətə islah ' sözlərindən əvvəl ' min manatdan iki min "
     "manatadək miqdarda cərimə və ya ' sözləri əlavə edilmişdir.",
     [("insert", "185.1", None, {"anchor": "iki ilədək müddətə islah", "position": "before",
                                 "new": "min manatdan iki min manatadək miqdarda cərimə və ya"})]),
    # insert after, in the sanction ([435], second effect)
    ("185.1-ci maddənin sanksiyasında ' islah işləri və ya ' sözlərindən sonra ' iki ilədək "
     "müddətə azadlığın məhdudlaşdırılması və ya ' sözləri əlavə edilmişdir.",
     [("insert", "185.1", "sanction", {"anchor": "islah işləri və ya",
       "new": "iki ilədək müddətə azadlığın məhdudlaşdırılması və ya"})]),
    # delete from the disposition ([442])
    ("187.2-ci maddənin dispozisiyasından ' odla və ya başqa yüksək təhlükə mənbəyi ilə "
     "ehtiyatsız davranma üzündən baş verdikdə və ya ' sözləri çıxarılmışdır.",
     [("delete", "187.2", "disposition", {"old": "odla və ya başqa yüksək təhlükə mənbəyi ilə "
                                          "ehtiyatsız davranma üzündən baş verdikdə və ya"})]),
    # add a provision ([428])
    ("yeni məzmunda 182.4-cü maddə əlavə edilmişdir.", [("add", "182.4", None, {})]),
    # repeal, and the punctuation that follows from it ([427])
    ("182.3.4-cü  maddə  ləğv  edilmişdir  və  müvafiq  olaraq  182.3.3-cü  maddənin  sonundakı  "
     "nöqtəli  vergül  işarəsi  tire işarəsi ilə əvəz edilmişdir.",
     [("repeal", "182.3.4", None, {}),
      ("substitute", "182.3.3", "end", {"old": ";", "new": "-"})]),
    # repeal of the article's note ([445])
    ("187.4-cü maddənin 'Qeyd' hissəsi ləğv edilmişdir.", [("repeal", "187.4", "note", {})]),
    # restate the sanction ([432], second effect)
    ("184.1-ci maddənin sanksiyası yeni redaksiyada verilmişdir.",
     [("restate", "184.1", "sanction", {})]),
    # restate heading and disposition together ([324])
    ("161-ci maddənin adı və dispozisiyası yeni redaksiyada verilmişdir.",
     [("restate", "161", "heading", {}), ("restate", "161", "disposition", {})]),
    # renumber a sentence, add one in words ([140], law 68-VIQD)
    ("85.5ci maddədə ikinci cümlə üçüncü cümlə hesab edilmişdir və yeni məzmunda ikinci cümlə "
     "əlavə edilmişdir.",
     [("renumber", "85.5", "sentence:2", {"new_num": "sentence:3"}),
      ("add", "85.5", "sentence:2", {})]),
    # text becomes a point, a point is added to the same article ([2])
    ("6-cı maddəsinin mətni 6.1-ci maddə hesab edilmişdir, maddəyə 6.2-ci maddə əlavə "
     "edilmişdir.",
     [("renumber", "6", "text", {"new_num": "6.1"}), ("add", "6.2", None, {})]),
    # birinci cümləsində
    ("66.2-ci maddənin birinci cümləsində ' yalnız böyük ictimai təhlükə törətməyən ' sözləri "
     "' böyük ictimai təhlükə törətməyən ' sözləri ilə əvəz edilmişdir və ikinci cümləsi "
     "çıxarılmışdır.",
     [("substitute", "66.2", "sentence:1", {"old": "yalnız böyük ictimai təhlükə törətməyən",
                                            "new": "böyük ictimai təhlükə törətməyən"}),
      ("repeal", "66.2", "sentence:2", {})]),
    # hissəsində (a part of an article)
    ("146-cı maddənin birinci hissəsində ' iki ' sözü ' üç ' sözü ilə əvəz edilmişdir.",
     [("substitute", "146", "part:1", {"old": "iki", "new": "üç"})]),
    # a paragraph of a clause (land code [31])
    ('43-cü maddənin 3-cü bəndinin dördüncü abzasında " torpağa mülkiyyət, torpaqdan istifadə '
     'və icarə hüququnu təsdiq edən sənədlərin rəsmiləşdirilməsi " sözləri " qanunvericiliklə '
     'müəyyən edilmiş formada sənədlərin tərtibi " sözləri ilə əvəz edilmişdir.',
     [("substitute", "43", "clause:3/paragraph:4",
       {"old": "torpağa mülkiyyət, torpaqdan istifadə və icarə hüququnu təsdiq edən sənədlərin "
               "rəsmiləşdirilməsi",
        "new": "qanunvericiliklə müəyyən edilmiş formada sənədlərin tərtibi"})]),
    # numbers in words, several units at once (civil procedure [600], [592])
    ("415-1.2-ci maddənin ikinci və üçüncü cümlələri çıxarılmışdır.",
     [("repeal", "415-1.2", "sentence:2", {}), ("repeal", "415-1.2", "sentence:3", {})]),
    ("409-cu maddənin birinci və ikinci cümlələrində ' 407-ci maddəsinin ' sözləri ' 402, 405 "
     "və 407-ci maddələrinin ' sözləri ilə əvəz edilmişdir.",
     [("substitute", "409", f"sentence:{n}", {"old": "407-ci maddəsinin",
                                              "new": "402, 405 və 407-ci maddələrinin"})
      for n in (1, 2)]),
    # a chapter named in Roman numerals (land code [67])
    ("XIV fəslin adı yeni redaksiyada verilmişdir.",
     [("restate", "XIV", "chapter/heading", {})]),
    # clauses listed (land code [87]), a clause of a part (land code [4])
    ("89-cu maddənin 4-cü və 5-ci bəndlər yeni redaksiyada verilmişdir.",
     [("restate", "89", "clause:4", {}), ("restate", "89", "clause:5", {})]),
    ("6-cı maddənin birinci hissəsinin dördüncü bəndində ' ehtiyaclarının təmin edilməsi "
     "məqsədilə geri alınması ' sözləri ' ehtiyacları üçün alınması ' sözləri ilə əvəz "
     "edilmişdir.",
     [("substitute", "6", "part:1/clause:4", {"old": "ehtiyaclarının təmin edilməsi məqsədilə "
                                              "geri alınması",
                                              "new": "ehtiyacları üçün alınması"})]),
    # every occurrence, in parentheses (land code [86]); the first, after the quote ([66])
    ("89-cu maddənin 1-ci və 6-cı (hər iki halda) hissələrdə ' girov ' sözü ' ipoteka ' sözü "
     "ilə əvəz edilmişdir.",
     [("substitute", "89", f"part:{n}", {"old": "girov", "new": "ipoteka", "occurrence": 0})
      for n in (1, 6)]),
    ("280.1.1.2-ci maddədə' 501 ' rəqəmi ' 2001 ' rəqəmi ilə, ' 500 ' (birinci halda) rəqəmi "
     "' 2000 ' rəqəmi ilə əvəz edilmişdir.",
     [("substitute", "280.1.1.2", None, {"old": "501", "new": "2001"}),
      ("substitute", "280.1.1.2", None, {"old": "500", "new": "2000", "occurrence": 1})]),
    # every occurrence, before the quote (criminal code [15])
    ('18.2.2-ci maddədə hər iki "ağır" sözündən əvvəl "qəsdən" sözü əlavə edilmişdir.',
     [("insert", "18.2.2", None, {"anchor": "ağır", "new": "qəsdən", "position": "before",
                                  "occurrence": 0})]),
    # numbers in words: two sentences added
    ("10.1-ci maddəyə yeni məzmunda ikinci və üçüncü cümlələr əlavə edilmişdir.",
     [("add", "10.1", "sentence:2", {}), ("add", "10.1", "sentence:3", {})]),
    # a range of targets: several provisions
    ("192.2, 192-1.3 və 193.2-ci maddələrin sanksiyasında ' üç misli miqdarında ' sözləri "
     "' üç mislindən beş mislinədək miqdarda ' sözləri ilə əvəz edilmişdir.",
     [("substitute", n, "sanction", {"old": "üç misli miqdarında",
                                     "new": "üç mislindən beş mislinədək miqdarda"})
      for n in ("192.2", "192-1.3", "193.2")]),
    # which occurrence: birinci halda
    ("155.3-cü maddəyə birinci halda ' vətəndaşı ' sözündən sonra ' , habelə əcnəbi və "
     "vətəndaşlığı olmayan şəxs ' sözləri əlavə edilmişdir.",
     [("insert", "155.3", None, {"anchor": "vətəndaşı", "occurrence": 1,
                                 "new": ", habelə əcnəbi və vətəndaşlığı olmayan şəxs"})]),
    # in all grammatical cases ([15], administrative offences)
    ("28.4.1-ci və 30.2-ci maddələrdə ismin müvafiq hallarında ' ikinci qrup əlillər ' sözləri "
     "ismin müvafiq hallarında ' ikinci dərəcə əlilliyi olan şəxslər ' sözləri ilə əvəz "
     "edilmişdir.",
     [("substitute", n, None, {"old": "ikinci qrup əlillər", "declined": True,
                               "new": "ikinci dərəcə əlilliyi olan şəxslər"})
      for n in ("28.4.1", "30.2")]),
    # a chapter's heading, double quotes ([174])
    ('16-cı fəslin adında "bəşəriyyət" sözü "insanlıq" sözü ilə əvəz edilmişdir',
     [("substitute", "16", "chapter/heading", {"old": "bəşəriyyət", "new": "insanlıq"})]),
    # a range of new provisions
    ("yeni məzmunda 351.1-1 - 351.1-3-cü maddələr əlavə edilmişdir.",
     [("add", n, None, {}) for n in ("351.1-1", "351.1-2", "351.1-3")]),
    # a misspelt verb the footnotes carry ([83])
    ("70.1ci maddədən ' , azadlığın məhdudlaşdırılması ' sözləri çıxarılməşdər.",
     [("delete", "70.1", None, {"old": ", azadlığın məhdudlaşdırılması"})]),
    # the 2024 amending law (imperative): two formulas joined by `və`, `həmin maddədə`
    ("1.0.1-ci maddədən “yaxın” sözü çıxarılsın və həmin maddədə “şamil edildiyi” sözləri "
     "“4-cü maddəsində göstərilən” sözləri ilə əvəz edilsin;",
     [("delete", "1.0.1", None, {"old": "yaxın"}),
      ("substitute", "1.0.1", None, {"old": "şamil edildiyi",
                                     "new": "4-cü maddəsində göstərilən"})]),
    # a range of targets with a spaced dash
    ("1.0.3 – 1.0.6-cı maddələrdə “şamil edildiyi” sözləri “4-cü maddəsində göstərilən” sözləri "
     "ilə əvəz edilsin;",
     [("substitute", n, None, {"old": "şamil edildiyi", "new": "4-cü maddəsində göstərilən"})
      for n in ("1.0.3", "1.0.4", "1.0.5", "1.0.6")]),
    ("Preambuladan “yaxın” sözü çıxarılsın.", [("delete", "preamble", None, {"old": "yaxın"})]),
    ("4.0.1-ci maddəyə “habelə” sözündən əvvəl “ərin və arvadın yaxın qohumlarına,” sözləri "
     "əlavə edilsin;",
     [("insert", "4.0.1", None, {"anchor": "habelə", "position": "before",
                                 "new": "ərin və arvadın yaxın qohumlarına,"})]),
    # one verb for a list of substitutions in several provisions (execution code [126])
    ('113.2.2-ci maddədə "doqquz manatadək" sözləri "əlli manatadək", 113.3.1-ci maddədə "üç '
     'manatadək" sözləri "on beş manatadək" , 113.4.2-ci maddədə "yeddi manatadək" sözləri "qırx '
     'beş manatadək" sözləri ilə əvəz edilmişdir.',
     [("substitute", "113.2.2", None, {"old": "doqquz manatadək", "new": "əlli manatadək"}),
      ("substitute", "113.3.1", None, {"old": "üç manatadək", "new": "on beş manatadək"}),
      ("substitute", "113.4.2", None, {"old": "yeddi manatadək", "new": "qırx beş manatadək"})]),
    # a law's title inside the quoted words, its opening quote merged into the formula's
    # (civil code [163])
    ("107-5.1-ci maddənin ikinci cümləsində ' qərarlar ' sözündən sonra ' Banklar haqqında' "
     "Azərbaycan Respublikasının Qanununda nəzərdə tutulmuş qayda istisna olmaqla, ' sözləri "
     "əlavə edilmişdir.",
     [("insert", "107-5.1", "sentence:2",
       {"anchor": "qərarlar", "new": "'Banklar haqqında' Azərbaycan Respublikasının Qanununda "
                                     "nəzərdə tutulmuş qayda istisna olmaqla,"})]),
]


@pytest.mark.parametrize(("formula", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_real_formula_shapes(formula: str, expected: list[tuple[Any, ...]]) -> None:
    parsed = parse_formula(formula, act="criminal-code")
    assert parsed.problems == []
    assert [_shape(op) for op in parsed.operations] == expected


UNREADABLE = [
    # the 2024 law's last item, cut off in the available text
    ("7.0.4-cü maddədən “və ailədə münasibətlərin bərpa olunmasına” sözləri ", "no operative verb"),
    ("182.3-cü maddədə ' x ' sözləri ' y ' əvəz edilmişdir.", "cannot read"),
    ("sözləri ilə əvəz edilmişdir və ondan sonra nə isə", "words after the last formula"),
]


@pytest.mark.parametrize(("formula", "reason"), UNREADABLE)
def test_unreadable_formulas_say_why(formula: str, reason: str) -> None:
    parsed = parse_formula(formula, act="dv-law")
    assert not parsed.ok
    assert any(reason in problem for problem in parsed.problems)


def test_cut_off_formula_is_incomplete() -> None:
    assert parse_formula("7.0.4-cü maddədən “və ailədə” sözləri", act="dv-law").incomplete


QUOTES = [
    ("1.0.1-ci maddədən “yaxın” sözü çıxarılsın", ["yaxın"]),
    ('1.0.1-ci maddədən "yaxın" sözü çıxarılsın', ["yaxın"]),
    ("1.0.1-ci maddədən ' yaxın ' sözü çıxarılsın", ["yaxın"]),
    # quotes nested in the footnote's quote ([41], civil code)
    ("49.1-ci maddədə ' nizamnamə ilə' sözləri ', 'Banklar haqqında', nizamnamə' sözləri ilə",
     ["nizamnamə ilə", ", 'Banklar haqqında', nizamnamə"]),
    ("187.4-cü maddənin 'Qeyd' hissəsi ləğv edilmişdir", []),
    # two quoted wordings joined by `və`, each in spaced straight quotes ([402], criminal code)
    ("2-ci bəndində ' şərti maliyyə vahidi məbləğinin min mislindən yeddi min mislinədək ' və "
     "' şərti maliyyə vahidi məbləğinin yeddi min mislindən ' sözləri müvafiq olaraq ' min "
     "manatdan yeddi min manatadək ' və ' yeddi min manatdan ' sözləri ilə əvəz edilmişdir.",
     ["şərti maliyyə vahidi məbləğinin min mislindən yeddi min mislinədək",
      "şərti maliyyə vahidi məbləğinin yeddi min mislindən",
      "min manatdan yeddi min manatadək", "yeddi min manatdan"]),
]


@pytest.mark.parametrize(("text", "quotes"), QUOTES)
def test_quotes_of_every_style(text: str, quotes: list[str]) -> None:
    assert tokenize(text).quotes == quotes


@pytest.mark.parametrize(("word", "value"), [
    ("birinci", 1), ("ikinci", 2), ("üçüncü", 3), ("dördüncü", 4), ("altıncı", 6),
    ("doqquzuncu", 9), ("onuncu", 10), ("on ikinci", 12), ("iyirminci", 20), ("sonuncu", None),
])
def test_ordinal_words(word: str, value: int | None) -> None:
    assert ordinal_value(word) == value
    if value:
        assert ordinal_word(value) == word


@pytest.mark.parametrize(("num", "suffix"), [
    ("1.0.1", "ci"), ("1.0.3", "cü"), ("1.0.6", "cı"), ("10", "cu"), ("144-1", "ci"),
    ("40", "cı"), ("100", "cü"), ("1.0.9", "cu"),
])
def test_ordinal_suffix_follows_vowel_harmony(num: str, suffix: str) -> None:
    assert ordinal_suffix(num) == suffix


def test_cardinals_and_ranges() -> None:
    assert cardinal_value("iki min beş yüz") == 2500
    assert expand_range("1.0.3", "1.0.6") == ["1.0.3", "1.0.4", "1.0.5", "1.0.6"]
    assert split_range("1.0.3-1.0.6") == ("1.0.3", "1.0.6")
    assert split_range("355-1.1") is None
