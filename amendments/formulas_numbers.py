"""Numbers in words as the formulas write them: `ikinci cümləsində`, `üçüncü və dördüncü cümlələr`,
and the vowel-harmony suffix of ordinal numerals (`1.0.3-cü`, `1.0.6-cı`, `144-1-ci`).

>>> ordinal_value("dördüncü"), ordinal_word(2), ordinal_suffix("1.0.6")
(4, 'ikinci', 'cı')
"""

from __future__ import annotations

import re
from functools import cache

_UNITS = {
    "bir": 1, "iki": 2, "üç": 3, "dörd": 4, "beş": 5, "altı": 6, "yeddi": 7, "səkkiz": 8,
    "doqquz": 9,
}
_TENS = {
    "on": 10, "iyirmi": 20, "otuz": 30, "qırx": 40, "əlli": 50, "altmış": 60, "yetmiş": 70,
    "səksən": 80, "doxsan": 90,
}
_CARDINALS = {**_UNITS, **_TENS, "yüz": 100, "min": 1000}
_WORD_OF = {value: word for word, value in _CARDINALS.items()}

# The ordinal suffix takes the harmony of the last vowel of the spoken number.
_HARMONY = {"a": "ı", "ı": "ı", "e": "i", "ə": "i", "i": "i", "o": "u", "u": "u", "ö": "ü",
            "ü": "ü"}

_EN_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth"
]


def cardinal_words(value: int) -> str:
    """`123` → `yüz iyirmi üç`; Azerbaijani says `yüz`, `min` without a leading `bir`."""
    if value <= 0 or value >= 1_000_000:
        raise ValueError(f"no Azerbaijani words for {value}")
    words: list[str] = []
    thousands, rest = divmod(value, 1000)
    if thousands:
        words += ([cardinal_words(thousands)] if thousands > 1 else []) + ["min"]
    hundreds, rest = divmod(rest, 100)
    if hundreds:
        words += ([_WORD_OF[hundreds]] if hundreds > 1 else []) + ["yüz"]
    tens, units = divmod(rest, 10)
    if tens:
        words.append(_WORD_OF[tens * 10])
    if units:
        words.append(_WORD_OF[units])
    return " ".join(words)


def cardinal_value(text: str) -> int | None:
    """`iki min beş yüz` → 2500; None when a word is not a number."""
    total, current = 0, 0
    for word in text.lower().split():
        value = _CARDINALS.get(word)
        if value is None:
            return None
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        elif value == 100:
            current = (current or 1) * 100
        else:
            current += value
    return total + current or None


def ordinal_word(value: int) -> str:
    """`2` → `ikinci`, `6` → `altıncı`, `10` → `onuncu`."""
    words = cardinal_words(value)
    vowels = [c for c in words if c in _HARMONY]
    harmony = _HARMONY[vowels[-1]]
    link = "" if words[-1] in _HARMONY else harmony
    return f"{words}{link}nc{harmony}"


def ordinal_value(text: str) -> int | None:
    """`birinci` → 1, `on ikinci` → 12, `sonuncu` → None (not a number)."""
    return _ordinal_table().get(" ".join(text.lower().split()))


@cache
def _ordinal_table() -> dict[str, int]:
    return {ordinal_word(value): value for value in range(1, 1001)}


def ordinal_suffix(num: str) -> str:
    """The suffix a citation puts after a number: `1.0.3` → `cü`, `144-1` → `ci`, `10` → `cu`."""
    tail = re.split(r"[.\-]", num.strip())[-1]
    if not tail.isdigit():
        return ""  # Roman numerals take no suffix: `XVI fəsil`
    last = int(tail)
    if last == 0:
        return "cı"
    spoken = cardinal_words(last)
    vowels = [c for c in spoken if c in _HARMONY]
    return "c" + _HARMONY[vowels[-1]]


def ordinal_word_en(value: int) -> str:
    """`2` → `second`; beyond twenty the numeral form `21st`."""
    if 1 <= value <= len(_EN_ORDINALS):
        return _EN_ORDINALS[value - 1]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(value % 10 if value % 100 not in (11, 12, 13) else 0)
    return f"{value}{suffix or 'th'}"


def ordinal_value_en(text: str) -> int | None:
    text = text.strip().lower()
    if text in _EN_ORDINALS:
        return _EN_ORDINALS.index(text) + 1
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
    return int(match.group(1)) if match else None


AZ_ORDINAL_PATTERN = (
    r"(?:(?:" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + r")\s+)*"
    r"(?:\w+?(?:inci|ıncı|uncu|üncü|nci|ncı|ncu|ncü)|sonuncu)"
)
