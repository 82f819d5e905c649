"""The amending act a footnote cites: number, date, title and where it was published.

>>> law = read_citation("29 iyun 2012-ci il tarixli 417-IVQD nömrəli Azərbaycan Respublikasının "
...     "Qanunu ('Respublika' qəzeti, 20 iyul 2012-ci il, № 159) ilə 182.2.4-cü maddəsində …")
>>> law.number, law.date, law.title
('417-IVQD', '2012-06-29', 'Azərbaycan Respublikasının Qanunu')
>>> law.publication
"'Respublika' qəzeti, 20 iyul 2012-ci il, № 159"
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

MONTHS = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr",
    "oktyabr", "noyabr", "dekabr"
]

# `29 iyun 2012-ci il tarixli 417-IVQD nömrəli` — the day may be zero-padded, the suffix may
# lose its hyphen, the number may be written `N 424-IQ` or `№ 424-IQ`.
CITATION = re.compile(
    r"(?P<day>\d{1,2})\s*(?P<month>" + "|".join(MONTHS) + r")\w*\s+(?P<year>\d{4})\s*-?\s*"
    r"c[iıuü]\s+il(?:in)?\s+(?:tarixli,?\s+)?"
    r"(?:(?:N\s*|№\s*)?(?P<number>[\w/-]*\d[\w/-]*)\s+(?:nömr\s?ə\s?li|saylı)\s+)?",
    re.IGNORECASE,
)
_INSTRUMENT_KIND = {"Qanunu": "law", "Fərmanı": "decree", "Qərarı": "decision"}
_ILA = re.compile(r"\s*(?:i\s?l\s?ə|liə)(?![^\W\d_])\s*")
# Without a publication the formula follows the instrument's name: `… Qanunu ilə`.
_PARENTHESIS = re.compile(r"[()]")
_INSTRUMENT_END = re.compile(r"(?:Qanunu|Fərmanı|Qərarı)\s*\($")
_BARE_ILA = re.compile(r"(?:Qanunu|Fərmanı|Qərarı)\s+il\s?ə\b\s*")


@dataclass(frozen=True)
class AmendingLaw:
    """An amending act as footnotes cite it; `node_id` is its id in the corpus graph."""

    number: str
    date: str
    title: str
    publication: str = ""

    @property
    def node_id(self) -> str:
        return f"law:{self.number}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def read_citation(text: str) -> AmendingLaw | None:
    """The act cited at the start of `text`; None when the text starts with no citation."""
    found = read_citation_span(text)
    return found[0] if found else None


def read_citation_span(text: str) -> tuple[AmendingLaw, int] | None:
    """The cited act and where the formula after `… ) ilə` begins."""
    match = CITATION.match(text)
    if not match:
        return None
    month = MONTHS.index(match["month"].lower()) + 1
    date = f"{match['year']}-{month:02d}-{int(match['day']):02d}"
    rest_start = match.end()
    title_end, publication, formula_start = _publication(text, rest_start)
    title = " ".join(text[rest_start:title_end].split()).strip(" ,")
    number = match["number"] or f"{date}:{_INSTRUMENT_KIND.get(title.split()[-1], 'act')}"
    law = AmendingLaw(number, date, title, publication)
    return law, formula_start


def _publication(text: str, start: int) -> tuple[int, str, int]:
    """End of the title, the publication (the parenthesis closed just before `ilə`), and
    where the formula starts. Titles hold parentheses and quotes of their own, so the
    publication is found from its end: the first `)` at depth 0 followed by `ilə`."""
    depth, opening = 0, -1
    for paren in _PARENTHESIS.finditer(text, start, start + 1500):
        index = paren.start()
        if paren.group() == "(":
            if depth == 0:
                opening = index
            depth += 1
        elif depth:
            depth -= 1
            after = _ILA.match(text, index + 1)
            # Some footnotes drop the `ilə`: the parenthesis right after the instrument's
            # name is the publication all the same.
            if depth == 0 and (after or _INSTRUMENT_END.search(text, start, opening + 1)):
                publication = " ".join(text[opening + 1:index].split())
                end = after.end() if after else index + 1
                return opening, publication, end
    bare = _BARE_ILA.search(text, start)
    if bare:
        return bare.start() + len(bare.group().split()[0]), "", bare.end()
    return start, "", start
