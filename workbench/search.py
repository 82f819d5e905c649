"""Search across every act by number, heading or words, typed with or without diacritics.

Matching happens on a folded copy of the text (`məişət` → `meiset`, `İcra` → `icra`), so a
user on a keyboard without Azerbaijani letters still finds `məişət zorakılığı` by `meiset`.
The index is built once per corpus and kept by the workbench's resource cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from corpus.model import Act

# One letter for one letter, so positions in the folded text are positions in the original.
_FOLD = str.maketrans(
    {"ə": "e", "Ə": "e", "ı": "i", "I": "i", "İ": "i", "ş": "s", "Ş": "s", "ç": "c", "Ç": "c",
     "ğ": "g", "Ğ": "g", "ö": "o", "Ö": "o", "ü": "u", "Ü": "u"}
)
# A citation number as the codes write it: 10, 10.1.3, 144-1, 355-1.1, 1.0.1
_NUM = re.compile(r"^\d+(?:-\d+)?(?:\.\d+(?:-\d+)?)*\.?$")
_SNIPPET = 160


def fold(text: str) -> str:
    """Lower-case `text` with the Azerbaijani letters folded to plain Latin.

    >>> fold("Məişət zorakılığı İcra")
    'meiset zorakiligi icra'
    """
    return text.translate(_FOLD).lower()


@dataclass(frozen=True)
class Entry:
    """One searchable provision: where it is and its folded heading and text."""

    act: str
    lang: str
    act_title: str
    eid: str
    num: str
    kind: str
    heading: str
    text: str
    folded_heading: str
    folded_text: str


@dataclass(frozen=True)
class Hit:
    entry: Entry
    score: int
    snippet: str


class SearchIndex:
    """Every numbered provision of the given acts, folded once for matching."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries

    @classmethod
    def build(cls, acts: Iterable[Act]) -> SearchIndex:
        entries = [
            Entry(
                act=act.work_id, lang=act.language, act_title=act.title_en or act.title,
                eid=p.eid, num=p.num, kind=p.kind, heading=p.heading, text=p.text,
                folded_heading=fold(p.heading), folded_text=fold(p.text),
            )
            for act in acts
            for p in act.walk()
            if p.is_numbered or p.heading
        ]
        return cls(entries)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Provisions matching every word of `query`; an exact number ranks first.

        `144-1` finds the article numbered 144-1 in every act; `meiset zorak` finds provisions
        whose heading or text holds `məişət` and `zorak…`.
        """
        tokens = [fold(tok) for tok in query.split() if tok.strip()]
        if not tokens:
            return []
        hits = [hit for e in self.entries if (hit := _match(e, tokens)) is not None]
        hits.sort(key=lambda h: -h.score)
        return hits[:limit]


def _match(entry: Entry, tokens: list[str]) -> Hit | None:
    score = 0
    first = -1
    for token in tokens:
        if _NUM.match(token) and entry.num == token.rstrip("."):
            score += 100
            continue
        if token in entry.folded_heading:
            score += 10
            continue
        at = entry.folded_text.find(token)
        if at < 0:
            return None
        score += 1 + min(entry.folded_text.count(token), 5)
        first = at if first < 0 else min(first, at)
    return Hit(entry=entry, score=score, snippet=_snippet(entry.text, first))


def _snippet(text: str, at: int) -> str:
    if at < 0 or len(text) <= _SNIPPET:
        return text[:_SNIPPET]
    start = max(0, at - _SNIPPET // 3)
    prefix = "…" if start else ""
    return prefix + text[start : start + _SNIPPET] + "…"
