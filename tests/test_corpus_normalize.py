"""Each conversion artefact of the e-qanun codes, on real lines of the shared codes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import points
from corpus.lines import Kind, classify
from corpus.normalize import fix_mojibake, join_letter_spacing, normalize_line
from corpus.points import split_run_together

# (source line as in ../shared/corpus, kind, number, heading or text)
HEADINGS = [
    ("## M a d d ə   1 . Azərbaycan Respublikasının cinayət qanunu", Kind.ARTICLE, "1",
     "Azərbaycan Respublikasının cinayət qanunu"),  # criminal-code.md:113
    ("## M a d d ə 1 1 . Cinayət qanununun Azərbaycan Respublikası ərazisində törədilən "
     "cinayətlərə görə qüvvəsi", Kind.ARTICLE, "11",
     "Cinayət qanununun Azərbaycan Respublikası ərazisində törədilən cinayətlərə görə qüvvəsi"),
    ("## M a d d ə   1 3 . Cinayət törətmiş şəxslərin verilməsi (ekstradisiya) [8]",
     Kind.ARTICLE, "13", "Cinayət törətmiş şəxslərin verilməsi (ekstradisiya)"),
    ("## Madd ə 355-2. Ə riz ə nin m ə zmunu", Kind.ARTICLE, "355-2", "Ə riz ə nin m ə zmunu"),
    ("## Madd ə 431.2. M ə hk ə m ə aktlarına", Kind.ARTICLE, "431-2", "M ə hk ə m ə aktlarına"),
    ("2-ci fəsil", Kind.CHAPTER, "2", ""),  # criminal-code.md:158, a bare line
    ("## F ə s i l   2 7", Kind.CHAPTER, "27", ""),  # civil-procedure-code.md:3587
    ("## I   f ə s i l", Kind.CHAPTER, "1", ""),  # land-code.md:5
    ("## FƏSİL 1", Kind.CHAPTER, "1", ""),  # administrative-offences-code.md:121
    ("## Fəsil 1 Əsas qaydalar", Kind.CHAPTER, "1", "Əsas qaydalar"),
    ("### 1-ci fəsil. Ailə qanunvericiliyi", Kind.CHAPTER, "1", "Ailə qanunvericiliyi"),
    ("Chapter I. GENERAL PROVISIONS", Kind.CHAPTER, "1", "GENERAL PROVISIONS"),
    ("BİRİNCİ BÖLMƏ", Kind.DIVISION, "1", ""),
    ("## I BÖLM Ə", Kind.DIVISION, "1", ""),  # migration-code.md:5
    ("## ÜMUMİ HİSSƏ", Kind.PART, "1", "ÜMUMİ"),
    ("## §1. Əsas müddəalar", Kind.SECTION, "1", "Əsas müddəalar"),  # civil-code.md
    ("- 10.1.  Əməlin  (hərəkət  və  ya  hərəkətsizliyin)", Kind.POINT, "10.1",
     "Əməlin (hərəkət və ya hərəkətsizliyin)"),
    ("355-20.1. Müvafiq icra hakimiyy ə ti", Kind.POINT, "355-20.1", "Müvafiq icra hakimiyy ə ti"),
    ("- 12.1-1.  Azərbaycan  Respublikasının", Kind.POINT, "12.1-1", "Azərbaycan Respublikasının"),
    ("1.0.2 A person aggrieved from domestic violence", Kind.POINT, "1.0.2",
     "A person aggrieved from domestic violence"),
    ("[1]", Kind.MARKER, "", ""),  # criminal-code.md:119
    ("[995] 1 may 2020-ci il tarixli 68-VIQD nömrəli", Kind.FOOTNOTE, "995",
     "1 may 2020-ci il tarixli 68-VIQD nömrəli"),
    ("## İSTİFADƏ OLUNMUŞ MƏNBƏ SƏNƏDLƏRİNİN SİYAHISI", Kind.TRAILER, "", ""),
    ("## M Ə C Ə LL Ə Y Ə ED İ LM İŞ D Ə Y İŞİ KL İ K V Ə Ə LAV Ə L Ə R İ N S İ YAHISI",
     Kind.TRAILER, "", ""),  # execution-of-punishments-code.md:2497
    ("## M Ü N D Ə R İ C A T", Kind.TOC, "", ""),
    ("- 6.2.  Bu  Məcəllənin  6.1-ci  maddəsində  nəzərdə  tutulmuş", Kind.POINT, "6.2",
     "Bu Məcəllənin 6.1-ci maddəsində nəzərdə tutulmuş"),
]


@pytest.mark.parametrize(("source", "kind", "num", "text"), HEADINGS)
def test_real_lines_are_classified(source: str, kind: Kind, num: str, text: str) -> None:
    line = normalize_line(source, 1, [])
    item = classify(line.text)
    assert item.kind is kind
    assert item.num == num
    if kind not in (Kind.TRAILER, Kind.TOC, Kind.MARKER):
        assert " ".join(item.text.split()) == text


MOJIBAKE = [
    # administrative-offences-code.md:904 — Cyrillic з for ç
    ("ekspertiza  ke з iril ə n  zaman", "ekspertiza  ke ç iril ə n  zaman"),
    # civil-code.md:5889 — º for ş
    ("mal qəbul olunmuº hesab edilir.", "mal qəbul olunmuş hesab edilir."),
    # criminal-code footnotes — Cyrillic look-alikes for ı ü ö ş
    ("' sцzь зэxarэlmэюdэr,", "' sözü çıxarılmışdır,"),
    ("ə zif ə li єə xsl ə r", "ə zif ə li şə xsl ə r"),
    ("cinayәtlәrlә əlaqədar", "cinayətlərlə əlaqədar"),  # criminal-code.md:1495, Cyrillic ә
    ("Toplusu, 2008-ci il, ¹ 12, maddə 1047", "Toplusu, 2008-ci il, № 12, maddə 1047"),
    ("Toplusu, 2011-ci il, \x00 12, madd ə 1108)", "Toplusu, 2011-ci il, № 12, madd ə 1108)"),
]


@pytest.mark.parametrize(("source", "expected"), MOJIBAKE)
def test_mojibake_is_mapped_back(source: str, expected: str) -> None:
    fixed, count = fix_mojibake(source)
    assert fixed == expected
    assert count > 0


def test_a_real_russian_word_is_left_alone() -> None:
    assert fix_mojibake("закон")[0] == "закон"


@pytest.mark.parametrize(("source", "expected"), [
    ("M a d d ə   1 1 . Cinayət", "Maddə   1 1 . Cinayət"),
    ("M Ü N D Ə R İ C A T", "MÜNDƏRİCAT"),
    ("qadağan edilmişdir. [ 1 8 7 ]", "qadağan edilmişdir. [187]"),
    # the ə/ş/ğ spacing is a different artefact and is left to the respace layer
    ("i ş d ə i ş tirak ed ə n", "i ş d ə i ş tirak ed ə n"),
])
def test_letter_spacing(source: str, expected: str) -> None:
    assert join_letter_spacing(source) == expected


def test_markdown_marks_are_removed_and_remembered() -> None:
    heading = normalize_line("## ÜMUMİ HİSSƏ", 7, [])
    bullet = normalize_line("- 1.1. Azərbaycan Respublikasının cinayət qanunu", 8, [])
    assert (heading.text, heading.heading, heading.number) == ("ÜMUMİ HİSSƏ", True, 7)
    assert (bullet.text, bullet.bullet) == ("1.1. Azərbaycan Respublikasının cinayət qanunu", True)


RUN_TOGETHER = [
    # criminal-code.md:136
    ("5.1", "Əməlin (hərəkət və ya hərəkətsizliyin) cinayət sayılması və həmin əmələ görə cəza "
     "və digər cinayət-hüquqi xarakterli tədbirlər yalnız bu Məcəllə ilə müəyyən edilir. 5.2. "
     "Cinayət qanununun analogiya üzrə tətbiqinə yol verilmir.", ["5.1", "5.2"]),
    # criminal-code.md:1548 — a parent and its first child
    ("116.0", "Silahlı münaqişə zamanı beynəlxalq humanitar hüquq normalarını pozma, yəni: "
     "116.0.1. mühüm dağıntılara səbəb ola bilən müharibə üsullarından istifadə etmə;",
     ["116.0", "116.0.1"]),
    # criminal-code.md:2154 — siblings
    ("150.2.4", "zərərçəkmiş şəxsə və ya başqa şəxslərə qarşı xüsusi amansızlıqla "
     "törədildikdə; 150.2.5. təkrar törədildikdə;", ["150.2.4", "150.2.5"]),
    # a citation inside the sentence is not a point
    ("12.5", "Bu Məcəllənin 12.1. maddəsində nəzərdə tutulmuş şəxslərə", ["12.5"]),
]


@pytest.mark.parametrize(("num", "text", "expected"), RUN_TOGETHER)
def test_points_run_together_are_split(num: str, text: str, expected: list[str]) -> None:
    segments = split_run_together(num, text)
    assert [n for n, _ in segments] == expected
    rebuilt = " ".join(t if i == 0 else f"{n}. {t}" for i, (n, t) in enumerate(segments))
    assert rebuilt == text


# Points run together, found with a lookbehind at the sentence end before the pattern matched
# the sentence end itself (a quicker scan); both must split every line alike.
_INLINE_POINT_REFERENCE = re.compile(
    r"(?<=[.;:])(?:\s*\[\d+\])*\s+(\d+(?:-\d+)*(?:\.\d+(?:-\d+)*)+)\.\s+(?=\S)"
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["5.1.", "5.2.", "5.2.1.", "6.1.", "[12]", "maddəsi", "edilir.",
                                 "olunur;", ":", "yəni:", "5.3", "1-1.2."]), max_size=10))
def test_run_together_points_split_where_the_lookbehind_pattern_found_them(
    words: list[str],
) -> None:
    text = " ".join(words)
    segments = split_run_together("5.1", text)
    found = [m.group(1) for m in _INLINE_POINT_REFERENCE.finditer(text)]
    assert all(num in found for num, _ in segments[1:])
    rebuilt = " ".join(t if i == 0 else f"{n}. {t}" for i, (n, t) in enumerate(segments))
    assert rebuilt.split() == text.split()
    # the starts of the numbers the two patterns find are the same
    assert [m.start(1) for m in points._INLINE_POINT.finditer(text)] == [
        m.start(1) for m in _INLINE_POINT_REFERENCE.finditer(text)
    ]
