"""The one place that knows how Akoma Ntoso eIds and FRBR URIs are made.

eIds follow the AKN Naming Convention with a short, documented scheme: containers that do not
prefix their children (parts, chapters) get their own eId but articles are numbered through the
whole act, so an article's eId does not change when a chapter is renumbered:

    Ümumi hissə       -> part_1        (the general part; Xüsusi hissə -> part_2)
    Birinci bölmə     -> dvs_1
    2-ci fəsil, I Fəsil -> chp_2, chp_1 (Roman numerals become Arabic)
    § 5. (in chp_4)   -> chp_4__sec_5
    Maddə 144-1.      -> art_144-1
    10.1.             -> art_10__para_1
    10.1.3.           -> art_10__para_1__point_3
    1.0.1.            -> art_1__para_0__point_1
    355-1.1.          -> art_355-1__para_1
    12.1-1.           -> art_12__para_1-1

Citations write numbers as `10.1.3`; `Num` converts between that form and the eId.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# An article number is digits with optional hyphenated suffixes (144-1, 355-1); each further
# level is a dot and another such number (10.1, 12.1-1, 1.0.3, 355-1.1).
_PART = r"\d+(?:-\d+)*"
NUM_RE = re.compile(rf"^(?P<article>{_PART})(?P<rest>(?:\.{_PART})*)$")

LEVEL_PREFIXES = ("art", "para", "point")


@dataclass(frozen=True, order=True)
class Num:
    """A provision number as citations write it: `144-1`, `10.1.3`, `355-1.1`.

    >>> Num.parse("10.1.3").eid
    'art_10__para_1__point_3'
    >>> Num.from_eid("art_355-1__para_1").text
    '355-1.1'
    """

    parts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Num:
        cleaned = text.strip().rstrip(".")
        match = NUM_RE.match(cleaned)
        if not match:
            raise ValueError(f"not a provision number: {text!r}")
        return cls(tuple(cleaned.split(".")))

    @classmethod
    def try_parse(cls, text: str) -> Num | None:
        try:
            return cls.parse(text)
        except ValueError:
            return None

    @classmethod
    def from_eid(cls, eid: str) -> Num:
        parts = []
        for component in eid.split("__"):
            prefix, _, value = component.partition("_")
            if prefix in LEVEL_PREFIXES:
                parts.append(value)
        if not parts:
            raise ValueError(f"eId names no article: {eid!r}")
        return cls(tuple(parts))

    @property
    def text(self) -> str:
        return ".".join(self.parts)

    @property
    def depth(self) -> int:
        return len(self.parts)

    @property
    def article(self) -> str:
        return self.parts[0]

    @property
    def parent(self) -> Num | None:
        return Num(self.parts[:-1]) if len(self.parts) > 1 else None

    @property
    def eid(self) -> str:
        return _eid(self.parts)

    def sort_key(self) -> tuple[tuple[int, ...], ...]:
        # the parser compares every point with the last one seen: each key is computed once
        return _sort_key(self.parts)

    def __str__(self) -> str:
        return self.text


def _prefix(level: int) -> str:
    return LEVEL_PREFIXES[min(level, len(LEVEL_PREFIXES) - 1)]


@lru_cache(maxsize=65536)
def _eid(parts: tuple[str, ...]) -> str:
    return "__".join(f"{_prefix(i)}_{value}" for i, value in enumerate(parts))


@lru_cache(maxsize=65536)
def _sort_key(parts: tuple[str, ...]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(int(x) for x in p.split("-")) for p in parts)


def container_eid(kind: str, num: str) -> str:
    """eId of a container: `part_2`, `dvs_1`, `chp_40-1`; a section (§) is numbered within its
    chapter, so its eId is prefixed by the chapter's: `chp_4__sec_1`."""
    prefix = {"part": "part", "division": "dvs", "chapter": "chp", "section": "sec"}[kind]
    return f"{prefix}_{_token(num)}"


def _token(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z-]+", "-", value).strip("-").lower() or "x"


@dataclass(frozen=True)
class FrbrUri:
    """An FRBR work or expression URI, e.g. `/akn/az/act/2010-06-22/1058-IIIQ/aze@2010-06-22`.

    >>> FrbrUri.parse("/akn/az/act/code/1999-12-30/787-IQ/aze@2023-12-30").number
    '787-IQ'
    """

    country: str
    doctype: str
    subtype: str | None
    date: str
    number: str
    language: str | None = None
    expression_date: str | None = None

    _RE = re.compile(
        r"^/akn/(?P<country>[a-z]{2})/(?P<doctype>[a-zA-Z]+)"
        r"(?:/(?P<subtype>[a-z][a-z-]*))?/(?P<date>\d{4}(?:-\d{2}-\d{2})?)/(?P<number>[^/@]+)"
        r"(?:/(?P<language>[a-z]{3})(?:@(?P<expression_date>[0-9-]*))?)?$"
    )

    @classmethod
    def parse(cls, uri: str) -> FrbrUri:
        match = cls._RE.match(uri)
        if not match:
            raise ValueError(f"not an FRBR URI: {uri!r}")
        return cls(**match.groupdict())

    @property
    def work(self) -> str:
        subtype = f"/{self.subtype}" if self.subtype else ""
        return f"/akn/{self.country}/{self.doctype}{subtype}/{self.date}/{self.number}"

    @property
    def expression(self) -> str:
        language = self.language or "aze"
        return f"{self.work}/{language}@{self.expression_date or ''}"


LANGUAGE_CODES = {"az": "aze", "en": "eng", "ru": "rus"}


def frbr_for(
    *, kind: str, act_id: str, number: str | None, date: str | None, language: str,
    expression_date: str | None = None,
) -> FrbrUri:
    """Build the FRBR URI of an act from its manifest fields; the act id stands in for a missing
    number so that the URI is still unique in the corpus."""
    subtype = None if kind in ("law", "act") else _token(kind)
    return FrbrUri(
        country="az",
        doctype="act",
        subtype=subtype,
        date=date or "0000",
        number=number or act_id,
        language=LANGUAGE_CODES.get(language, language),
        expression_date=expression_date or date,
    )
