"""Classify normalised lines: article, chapter, division, part and section headings, decimal
points, notes, footnote bodies and markers, trailing lists — or plain text.

Keywords are matched loosely (`Madd ə`, `f ə s i l`, `BÖLM Ə`) because the spaces around
`ə ş ğ` are still in the text at this stage; the Azerbaijani dotted and dotless i are matched
explicitly instead of with `str.lower`, which turns `İ` into two characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_CASE_PAIRS = {"i": "iİ", "ı": "ıI", "ə": "əƏ", "ş": "şŞ", "ğ": "ğĞ", "ç": "çÇ", "ö": "öÖ",
               "ü": "üÜ"}


def loose(word: str) -> str:
    """A regex for `word` in either case with up to two spaces between its letters.

    >>> bool(re.fullmatch(loose("fəsil"), "F Ə S İ L"))
    True
    """
    parts = []
    for char in word:
        if char == " ":
            parts.append(r"\s*")  # letter spacing may have glued the words together
            continue
        cases = _CASE_PAIRS.get(char, char + char.upper())
        parts.append("[" + re.escape(cases) + "]")
    return r"\s{0,2}".join(parts)


ORDINALS = {
    "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4, "beşinci": 5, "altıncı": 6,
    "yeddinci": 7, "səkkizinci": 8, "doqquzuncu": 9, "onuncu": 10, "on birinci": 11,
    "on ikinci": 12, "on üçüncü": 13, "on dördüncü": 14, "on beşinci": 15,
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUM = r"\d(?:\s?\d)*(?:\s?-\s?\d(?:\s?\d)*)*"
_ORDINAL_RE = "|".join(loose(w) for w in sorted(ORDINALS, key=len, reverse=True))
_ROMAN_NUM = r"[IVXLC]+(?:-(?:[IVXLC]+|\d+))?"  # LIV-II: a chapter inserted after chapter 54
_SUFFIX = r"(?:\s?-\s?(?:[cC][iıuüIİUÜ]|[iıuüİIUÜ]nc[iıuü]))"
_MARKERS = r"(?P<markers>(?:\s*\[\d+\])*)"

ARTICLE_RE = re.compile(
    rf"^(?:{loose('maddə')}|Article)\s*(?P<num>\d(?:\s?\d)*(?:\s?-\s?\d+)*(?:\.\d+(?=\.))?)"
    r"\s?(?:\.|\s|$)\s*"
    rf"(?P<heading>.*?){_MARKERS}$"
)
CHAPTER_RE = re.compile(
    rf"^(?:(?P<n1>{_NUM}|{_ROMAN_NUM}){_SUFFIX}?\.?\s*{loose('fəsil')}|{loose('fəsil')}\s*"
    rf"(?P<n2>{_NUM}|{_ROMAN_NUM})|Chapter\s+(?P<n3>{_NUM}|{_ROMAN_NUM}))\b\.?\s*"
    rf"(?P<title>.*?){_MARKERS}$"
)
DIVISION_RE = re.compile(
    rf"^(?:(?P<word>{_ORDINAL_RE})|(?P<roman>[IVXL]+))\s*{loose('bölmə')}\b\.?\s*"
    rf"(?P<title>.*?){_MARKERS}$"
)
PART_RE = re.compile(
    rf"^(?P<word>{loose('ümumi')}|{loose('xüsusi')})\s*{loose('hissə')}{_MARKERS}$"
)
SECTION_RE = re.compile(rf"^§\s*(?P<num>{_NUM})\.?\s*(?P<title>.*?){_MARKERS}$")
POINT_RE = re.compile(
    r"^(?P<num>\d+(?:-\d+)*(?:\.\d+(?:-\d+)*)+)(?:\.\s*|\s+(?=\D))(?P<text>.*)$"
)
NOTE_RE = re.compile(rf"^(?P<label>{loose('qeyd')}(?:{loose('lər')})?)\s*[:.]\s*(?P<text>.*)$")
MARKER_RE = re.compile(r"\[(\d+)\]")
MARKER_ONLY_RE = re.compile(r"^(?:\[(\d+)\]\s*)+$")
FOOTNOTE_RE = re.compile(r"^\[(?P<number>\d+)\]\s*\.?\s*(?P<text>\S.*)$")
MONTHS = "yanvar|fevral|mart|aprel|may|iyun|iyul|avqust|sentyabr|oktyabr|noyabr|dekabr"
_MONTHS_RE = "|".join(loose(m) for m in MONTHS.split("|"))
DATED_RE = re.compile(rf"^\d{{1,2}}\s+(?:{_MONTHS_RE})\s+\d{{4}}")
TRAILER_RE = re.compile(
    rf"{loose('mənbə sənədlərinin siyahısı')}|{loose('dəyişiklik və əlavələrin siyahısı')}"
    rf"|{loose('əlavə və dəyişikliklər etmiş qanunlar')}"
    rf"|{loose('konstitusiya məhkəməsinin qərarları')}"
)
TOC_RE = re.compile(rf"^{loose('mündəricat')}$")


_ARTICLE_FIRST = frozenset("mMA")  # `Maddə`, `M a d d ə`, `Article`


class Kind(Enum):
    ARTICLE = "article"
    CHAPTER = "chapter"
    DIVISION = "division"
    PART = "part"
    SECTION = "section"
    POINT = "point"
    NOTE = "note"
    FOOTNOTE = "footnote"
    MARKER = "marker"
    TRAILER = "trailer"
    TOC = "toc"
    TEXT = "text"
    BLANK = "blank"


CONTAINERS = (Kind.PART, Kind.DIVISION, Kind.CHAPTER, Kind.SECTION)


@dataclass
class Classified:
    kind: Kind
    num: str = ""
    text: str = ""
    markers: tuple[int, ...] = ()
    content: bool = False  # an item of an item-numbered act: `text` is content, not a heading


def roman_to_int(value: str) -> int:
    total = 0
    for char, following in zip(value, [*value[1:], ""], strict=True):
        amount = _ROMAN[char]
        total += -amount if following and _ROMAN[following] > amount else amount
    return total


def _markers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in MARKER_RE.findall(text or ""))


def _digits(text: str) -> str:
    return re.sub(r"\s", "", text)


def _container_num(*candidates: str | None) -> str:
    """`2`, `40-1`, `IV` -> `4`, `LIV-II` -> `54-2`."""
    value = _digits(next(c for c in candidates if c))
    return "-".join(str(roman_to_int(p)) if p[0] in _ROMAN else p for p in value.split("-"))


def classify(text: str) -> Classified:
    """What a normalised line is.

    >>> item = classify("Maddə   1 0 . Cinayət qanununun qüvvəsi [8]")
    >>> item.kind, item.num, item.text, item.markers
    (<Kind.ARTICLE: 'article'>, '10', 'Cinayət qanununun qüvvəsi', (8,))
    >>> classify("2-ci fəsil").num, classify("F Ə S İ L 40").num, classify("I Fəsil").num
    ('2', '40', '1')
    """
    if not text:
        return Classified(Kind.BLANK)
    # each pattern below is tried only where its first character can begin a line (most
    # lines are prose, which none of them matches)
    first = text[0]
    if first == "[":
        if MARKER_ONLY_RE.match(text):
            return Classified(Kind.MARKER, markers=_markers(text))
        if match := FOOTNOTE_RE.match(text):
            return Classified(Kind.FOOTNOTE, match["number"], match["text"])
    elif first in _ARTICLE_FIRST and (match := ARTICLE_RE.match(text)):
        # `Maddə 431.2.` is a typo of the source for 431-2: an article number has no dot.
        num = _digits(match["num"]).replace(".", "-")
        return Classified(Kind.ARTICLE, num, match["heading"].strip(),
                          _markers(match["markers"]))
    elif first.isdigit() and (match := POINT_RE.match(text)):
        return Classified(Kind.POINT, match["num"], match["text"].strip())
    return _classify_heading(text) or Classified(Kind.TEXT, text=text)


def _classify_heading(text: str) -> Classified | None:
    if len(text) > 250:
        return None
    if match := CHAPTER_RE.match(text):
        num = _container_num(match["n1"], match["n2"], match["n3"])
        title = match["title"].strip(" .-")
        return Classified(Kind.CHAPTER, num, title, _markers(match["markers"]))
    if match := DIVISION_RE.match(text):
        if match["word"]:
            word = re.sub(r"\s", "", match["word"]).replace("İ", "i").replace("I", "ı").lower()
            num = str(next(v for k, v in ORDINALS.items() if k.replace(" ", "") == word))
        else:
            num = str(roman_to_int(match["roman"]))
        title = match["title"].strip(" .-")
        return Classified(Kind.DIVISION, num, title, _markers(match["markers"]))
    if match := PART_RE.match(text):
        first = match["word"].replace(" ", "")[0].lower()
        return Classified(Kind.PART, "1" if first == "ü" else "2", match["word"],
                          _markers(match["markers"]))
    if match := SECTION_RE.match(text):
        return Classified(Kind.SECTION, _digits(match["num"]), match["title"].strip(),
                          _markers(match["markers"]))
    if match := NOTE_RE.match(text):
        return Classified(Kind.NOTE, "", match["text"].strip())
    # every trailing-list heading has a `y` (siyahısı, dəyişiklik, konstitusiya): a line
    # without one is spared the search, the costliest of the line patterns
    if ("y" in text or "Y" in text) and TRAILER_RE.search(text):
        return Classified(Kind.TRAILER, text=text)
    if TOC_RE.match(text):
        return Classified(Kind.TOC, text=text)
    return None
