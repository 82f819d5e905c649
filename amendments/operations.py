"""Amendment operations: the drafting formulas of Azerbaijani amending laws as typed values.

Each operation names its target explicitly (act, provision number or eId, and the unit inside the
provision where a formula names one: a sentence, the sanction, the disposition, a part) so that
nothing is re-derived from free text when it is stored, applied or rendered.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, Literal

Position = Literal["before", "after"]
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Target:
    """Where an operation applies: `act` is a manifest id, `num` the number as citations write it
    (`1.0.1`, `144-1`) or `preamble`; `unit` narrows it (`sentence:1`, `sanction`, `disposition`,
    `part:2`, `note`)."""

    act: str
    num: str
    eid: str | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Operation:
    """Base of every operation; `commencement` is an ISO date or `unknown`, never a guess."""

    kind: ClassVar[str] = ""
    target: Target
    commencement: str = UNKNOWN

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind"] = self.kind
        return data

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Operation:
        data = dict(data)
        cls = OPERATION_KINDS[data.pop("kind")]
        data["target"] = Target(**data["target"])
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise ValueError(f"{cls.kind}: unknown fields {sorted(unknown)}")
        return cls(**data)


@dataclass(frozen=True)
class SubstituteWords(Operation):
    """`declined`: the formula says `ismin müvafiq hallarında` (in every grammatical case), so
    the words are changed in all their inflected forms, which exact matching cannot do.
    `occurrence`: which occurrence the formula names (`birinci halda` → 1), 0 for every one
    (`hər iki halda`), None when it names none (then the words must occur once)."""

    kind: ClassVar[str] = "substitute"
    old: str = ""
    new: str = ""
    declined: bool = False
    occurrence: int | None = None


@dataclass(frozen=True)
class DeleteWords(Operation):
    kind: ClassVar[str] = "delete"
    old: str = ""
    declined: bool = False
    occurrence: int | None = None


@dataclass(frozen=True)
class InsertWords(Operation):
    kind: ClassVar[str] = "insert"
    anchor: str = ""
    new: str = ""
    position: Position = "after"
    declined: bool = False
    occurrence: int | None = None


@dataclass(frozen=True)
class AddProvision(Operation):
    """A new provision `num` (the target names the new number; `after` the one it follows)."""

    kind: ClassVar[str] = "add"
    text: str = ""
    heading: str = ""
    after: str | None = None


@dataclass(frozen=True)
class RestateProvision(Operation):
    kind: ClassVar[str] = "restate"
    text: str = ""
    heading: str = ""


@dataclass(frozen=True)
class Repeal(Operation):
    kind: ClassVar[str] = "repeal"


@dataclass(frozen=True)
class Renumber(Operation):
    kind: ClassVar[str] = "renumber"
    new_num: str = ""


OPERATION_KINDS: dict[str, type[Operation]] = {
    cls.kind: cls
    for cls in (
        SubstituteWords, DeleteWords, InsertWords, AddProvision, RestateProvision, Repeal,
        Renumber,
    )
}

WORD_LEVEL = ("substitute", "delete", "insert")


@dataclass
class Instruction:
    """One numbered item of an amending law (`2.1`) with the operations it states."""

    item: str
    text: str
    operations: list[Operation] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    incomplete: bool = False
