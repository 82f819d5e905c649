"""What the three Word documents are written from: a small neutral, JSON-able tree.

A package and its consolidation are turned into this tree (`from_package.document_input`); the
writers read nothing else, so each document can be written and tested from plain values.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

RowState = Literal["changed", "new", "repealed"]
ActKind = Literal["law", "code", "other"]
ROW_STATES: tuple[RowState, ...] = ("changed", "new", "repealed")


@dataclass
class Item:
    """One instruction of the amending law: its formula, already rendered in the document's
    language, and the new wording it quotes when the formula ends with a colon.

    `article` groups items as real amending laws do (`2. 1-ci maddə üzrə: 2.1. …; 2.2. …`);
    `None` keeps the item on its own (`1. Preambuladan “yaxın” sözü çıxarılsın.`).
    """

    formula: str
    article: str | None = None
    quoted: list[str] = field(default_factory=list)


@dataclass
class Row:
    """One affected provision: its wording before and after the package, and who changed it.

    `num` is the number as citations write it (`1.0.1`) or `preamble`; `date` is an ISO date
    or date-time (the revision date in the tracked document).
    """

    num: str
    before: str
    after: str
    state: RowState = "changed"
    justification: str = ""
    author: str = ""
    date: str = ""

    def __post_init__(self) -> None:
        if self.state not in ROW_STATES:
            raise ValueError(f"row {self.num}: unknown state {self.state!r}, expected {ROW_STATES}")


@dataclass
class AmendedAct:
    """An act the package amends, named the way its title quotes it.

    For a law `name` is what the quotation marks hold (`Məişət zorakılığının qarşısının alınması
    haqqında`); for a code the word before `Məcəlləsi` (`Cinayət`); in English the short title
    (`Law on Prevention of Domestic Violence`, `Criminal Code`). `source` is the official
    publication the amending law cites, when known.
    """

    work_id: str
    kind: ActKind
    name: str
    title: str
    source: str = ""
    items: list[Item] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)


@dataclass
class DocumentInput:
    """Everything one document of one package needs, in one language."""

    package_id: str
    package_title: str
    status: str
    illustrative: bool
    language: str
    acts: list[AmendedAct]
    date: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentInput:
        data = dict(data)
        acts = []
        for act in data.pop("acts"):
            act = dict(act)
            act["items"] = [Item(**i) for i in act.get("items", [])]
            act["rows"] = [Row(**r) for r in act.get("rows", [])]
            acts.append(AmendedAct(**act))
        return cls(acts=acts, **data)
