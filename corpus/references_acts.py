"""Which act a citation names: codes in the genitive, laws by their quoted title, the Constitution.

Names are compared by a key made of the folded name words without `Azərbaycan Respublikası`
and without the code or law word, so every case form of a name gives the same key:

    Azərbaycan Respublikası Cinayət-Prosessual Məcəlləsinin  -> code  "cinayət prosessual"
    Azərbaycan Respublikasının Cinayət Prosessual Məcəlləsinə -> code  "cinayət prosessual"
    ' Məişət zorakılığının qarşısının alınması haqqında' Azərbaycan Respublikası Qanununun
                                   -> law "məişət zorakılığının qarşısının alınması haqqında"

Keys of the acts in the corpus come from their manifest titles; acts outside the corpus keep a
readable id (`constitution`, `tax-code`, `law:Banklar haqqında`) so the graph shows the gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.model import Act
from corpus.references_nlp import QUOTES, fold

_REPUBLIC = re.compile(r"\b(azərbaycan|respublikasi\w*)\b")
_CODE_WORD = re.compile(r"\bməcəllə\w*$")
_LAW_WORD = re.compile(r"\b(qanun\w*)$")
_EN_LAW = re.compile(r"^(the\s+)?law\s+(no\.?\s*[\w\s-]*?,?\s*)?(on\s+)?|\s+of the republic.*$")

CONSTITUTION = "constitution"
_QUOTE_CLASS = "".join(re.escape(q) for q in QUOTES)
_BETWEEN_QUOTES = re.compile(rf"[{_QUOTE_CLASS}]([^{_QUOTE_CLASS}]+)[{_QUOTE_CLASS}]")

# Codes that the corpus does not hold but that the codes cite; the id names the gap in the graph.
EXTERNAL_CODES = {
    "vergi": "tax-code", "əmək": "labour-code", "seçki": "electoral-code",
    "gömrük": "customs-code", "su": "water-code", "büdcə": "budget-code",
    "hava": "air-code", "təhsil": "education-code", "səhiyyə": "health-code",
    "tax": "tax-code", "labour": "labour-code", "criminal": "criminal-code",
}


def code_key(name: str) -> str:
    """`Azərbaycan Respublikası Cinayət-Prosessual Məcəlləsinin` -> `cinayət prosessual`."""
    words = fold(name)
    for dash in ("-", "–", "—"):
        words = words.replace(dash, " ")
    words = _REPUBLIC.sub(" ", words)
    words = _CODE_WORD.sub(" ", words.strip())
    words = re.sub(r"\bcode$", " ", words.strip())
    return " ".join(words.split())


def law_key(title: str) -> str:
    """The quoted title of a law, folded: `“Məişət zorakılığının ... haqqında”` ->
    `məişət zorakılığının qarşısının alınması haqqında` (also for English `Law "On Prevention
    of Domestic Violence"` -> `prevention of domestic violence`)."""
    words = fold(_quoted(title))
    words = _REPUBLIC.sub(" ", words)
    words = _LAW_WORD.sub(" ", words.strip())
    words = _EN_LAW.sub(" ", " ".join(words.split()))
    words = re.sub(r"^on\s+", "", words.strip())
    return " ".join(words.split()).strip(" ,.")


def _quoted(title: str) -> str:
    """The title between its quotes as written, spaces collapsed: `Dövlət satınalmaları haqqında`
    (the quotes need not pair: the decree of 2010 writes `“ON PREVENTION ... VIOLENCE"`)."""
    match = _BETWEEN_QUOTES.search(title)
    return " ".join((match.group(1) if match else title).split())


@dataclass
class ActNames:
    """The acts of a corpus by the keys their names give, and the ids of acts outside it."""

    codes: dict[str, str] = field(default_factory=dict)
    laws: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, acts: list[Act]) -> ActNames:
        names = cls()
        for act in acts:
            for title in (act.title, act.title_en):
                if not title:
                    continue
                if act.kind.startswith("code") or "məcəllə" in fold(title) or "code" in fold(title):
                    names.codes.setdefault(code_key(title), act.work_id)
                elif act.kind in ("law", "act"):
                    names.laws.setdefault(law_key(title), act.work_id)
        return names

    def code(self, name: str) -> tuple[str, bool]:
        """The id of a code named in a text, and whether the corpus holds it."""
        key = code_key(name)
        if key in self.codes:
            return self.codes[key], True
        return EXTERNAL_CODES.get(key, f"code:{key}"), False

    def law(self, title: str) -> tuple[str, bool]:
        key = law_key(title)
        if key in self.laws:
            return self.laws[key], True
        return f"law:{_quoted(title)}", False
