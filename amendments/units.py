"""Where the unit a formula names lies in a provision's text: its second sentence (`ikinci
cümləsində`), its sanction (`sanksiyasında`) or disposition, its note (`'Qeyd' hissəsində`).

>>> text = "Qəsdən adam öldürmə — doqquz ildən on dörd ilədək müddətə azadlıqdan məhrum etmə ilə \
cəzalandırılır."
>>> start, end = unit_span("sanction", text)
>>> text[start:end]
'doqquz ildən on dörd ilədək müddətə azadlıqdan məhrum etmə ilə cəzalandırılır'
"""

from __future__ import annotations

import re

from amendments.errors import ApplyError

__all__ = ["penalty_start", "unit_span"]

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZƏÖÜÇŞĞİ\"“'«(])")
# The sanction of a criminal-law provision follows a dash: `… törədilmə — … ilə cəzalandırılır.`
# The dash may follow the last word without a space (`məcbur etmə- iki ilədək …`).
_SANCTION_DASH = re.compile(r"(?:\s|(?<=[^\W\d]))[—–-]\s(?=[^—–]*cəzalandırılır)")
_PUNISHED = "cəzalandırılır"
# Where the conversion dropped the dash, the sanction starts with its first penalty: an amount
# or a term (`üç ilədək müddətə`, `min manatdan`, `iki yüz saatdan`, `ziyanın iki misli`, the
# fines in `şərti maliyyə vahidi` before 2008), the confiscation or the disqualification that
# opens some sanctions. A number glued to the last
# word of the disposition (`öldürməsiüç ilədək`) starts it too.
_NUMBER = (r"(?:bir|iki|üç|dörd|beş|altı|yeddi|səkkiz|doqquz|on|iyirmi|otuz|qırx|əlli|altmış"
           r"|yetmiş|səksən|doxsan|yüz|min)")
_PENALTY_START = re.compile(
    rf"(?:(?<![^\W\d])|(?<=[^\W\d]{{3}}))(?:{_NUMBER}(?:\s+{_NUMBER})*\s+"
    r"(?:manat|saat|il(?:dən|ədək)|ay(?:dan|adək)|misl)\w*"
    r"|cinayət nəticəsində vurulmuş ziyanın|şərti maliyyə vahidi|əmlakı müsadirə olunmaqla"
    r"|müəyyən vəzifə tutma|ömürlük azadlıqdan)"
)
# The note an article ends with (`'Qeyd' hissəsində`): `… cəzalandırılır. Qeyd: Bu Məcəllənin …`
_NOTE = re.compile(r"(?:^|(?<=[.;:]\s)|(?<=\n))Qeyd(?:lər)?\s*[:.]")


def unit_span(unit: str | None, text: str) -> tuple[int, int]:
    """Where the unit a formula names lies in the text: `sentence:2`, `sanction`, `disposition`,
    `note`, `end`; other units (and units that cannot be found) span the whole text."""
    if not unit:
        return 0, len(text)
    kind, _, number = unit.partition(":")
    if kind in _NUMBERED and number.isdigit():
        spans = _NUMBERED[kind](text)
        index = int(number) - 1
        if index >= len(spans):
            raise ApplyError(f"the text has {len(spans)} {kind}(s), no {kind} {index + 1}")
        return spans[index]
    if unit == "note":
        note = _NOTE.search(text)
        if note:
            return note.start(), len(text)
    if unit in ("sanction", "disposition"):
        split = _sanction_split(text)
        if split:
            start, gap_start, end = split
            return (start, end) if unit == "sanction" else (0, gap_start)
    return 0, len(text)


def _sanction_split(text: str) -> tuple[int, int, int] | None:
    """(sanction start, disposition end, sanction end) of a criminal-law provision's text."""
    dash = _SANCTION_DASH.search(text)
    if dash:
        end = text.find(_PUNISHED, dash.end()) + len(_PUNISHED)
        return dash.end(), dash.start(), end
    end = text.find(_PUNISHED)
    if end < 0:
        return None
    start = _PENALTY_START.search(text, 0, end)
    if start is None:
        return None
    return start.start(), start.start(), end + len(_PUNISHED)


def penalty_start(text: str, position: int) -> bool:
    """Whether a penalty of a sanction starts at `position` (`iki ilədək müddətə`, `min
    manatdan`), also glued to the word before it."""
    return _PENALTY_START.match(text, position) is not None


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


# The units a formula counts (`ikinci cümləsində`, `ikinci abzasında`): their spans in a text.
_NUMBERED = {"sentence": _sentences, "paragraph": _lines}
