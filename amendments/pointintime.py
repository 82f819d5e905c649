"""An act as it stood, or will stand, at a date: history undone after it, packages applied up to it.

The corpus holds each code as consolidated at one date; the effects read from its footnotes have
the dates of their amending laws, so the text at an earlier date is rebuilt by undoing the later
effects, newest first (with the previous wording where the footnote gives it). Packages add the
amendments whose commencement date has come. An effect or amendment without a known date is
listed as `unknown` and left out, never guessed into place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from amendments.consolidate import ActSource
from amendments.consolidate_edits import ActEditor, EditRefused
from amendments.history import Effect
from amendments.history_act import ActHistory, read_act_history
from amendments.operations import (
    UNKNOWN,
    AddProvision,
    InsertWords,
    Operation,
    Renumber,
    Repeal,
    RestateProvision,
    SubstituteWords,
)
from amendments.packages import Package
from corpus.ids import FrbrUri
from corpus.model import Act

ChangeState = Literal[
    "undone", "not-undone", "applied", "partial", "failed", "pending", "unknown"
]
_NUMBER_PREFIX = re.compile(r"^\s*\d+(?:[.-]\d+)*\.\s+")


@dataclass(frozen=True)
class DatedChange:
    """One change to the act and what the date made of it.

    `source` is `history` (a footnote's effect: `label` is the amending law's number) or
    `package` (`label` is `package-id/amendment-id`).
    """

    source: Literal["history", "package"]
    label: str
    date: str
    nums: tuple[str, ...]
    state: ChangeState
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "label": self.label, "date": self.date,
                "nums": list(self.nums), "state": self.state, "reason": self.reason}


@dataclass
class PointInTime:
    act_id: str
    date: str
    act: Act | None
    changes: list[DatedChange] = field(default_factory=list)

    @property
    def in_force(self) -> bool:
        return self.act is not None

    def count(self, state: ChangeState) -> int:
        return sum(1 for c in self.changes if c.state == state)

    def to_dict(self) -> dict[str, Any]:
        states: tuple[ChangeState, ...] = (
            "undone", "not-undone", "applied", "partial", "failed", "pending", "unknown"
        )
        return {
            "act": self.act_id,
            "date": self.date,
            "in_force": self.in_force,
            "expression": self.act.frbr_expression if self.act else None,
            "changes": [c.to_dict() for c in self.changes],
            "stats": {state: self.count(state) for state in states},
        }


def act_at(
    corpus: ActSource, act_id: str, date: str, packages: Iterable[Package] = (),
    history: ActHistory | None = None, language: str = "az",
) -> PointInTime:
    """The act `act_id` as at `date` (ISO).

    >>> law = store.get("dv-law-2024")                                   # doctest: +SKIP
    >>> act_at(corpus.load(), "dv-law", "2025-01-01", [law]).act.find("1.0.1").text[:30]
    ... # doctest: +SKIP
    'məişət zorakılığı - qohumluq m'
    """
    base = corpus.act(act_id, language)
    result = PointInTime(act_id, date, None)
    if base.date and len(base.date) == 10 and date < base.date:
        return result
    editor = ActEditor(base)
    history = history if history is not None else read_act_history(base)
    result.changes += _undo_history(editor, history, date)
    result.changes += _apply_packages(editor, act_id, packages, date)
    result.act = _dated(editor.act, date)
    return result


def _effects_after(history: ActHistory, date: str) -> tuple[list[Effect], list[Effect]]:
    unique: dict[int, Effect] = {}
    for effects in history.by_eid.values():
        for effect in effects:
            if effect.kind == "amendment" and effect.operations:
                unique.setdefault(id(effect), effect)
    later = [e for e in unique.values() if e.law.date and e.law.date > date]
    undated = [e for e in unique.values() if not e.law.date]
    later.sort(key=lambda e: (e.law.date, e.footnote), reverse=True)
    return later, undated


def _undo_history(editor: ActEditor, history: ActHistory, date: str) -> list[DatedChange]:
    later, undated = _effects_after(history, date)
    changes = [
        DatedChange("history", e.law.number, UNKNOWN, tuple(e.targets), "unknown",
                    "the footnote gives no date for the amending law")
        for e in undated
    ]
    for effect in later:
        try:
            _undo(editor, effect)
            state: ChangeState = "undone"
            reason = ""
        except EditRefused as refusal:
            state, reason = "not-undone", str(refusal)
        changes.append(DatedChange("history", effect.law.number, effect.law.date,
                                   tuple(effect.targets), state, reason))
    return changes


def _undo(editor: ActEditor, effect: Effect) -> None:
    """Put back the wording before `effect`: its previous wording when the footnote gives it
    for a single provision, else the inverse of each operation, last first."""
    targets = effect.targets
    if effect.previous_wording and len(targets) == 1 and effect.operations[0].kind != "add":
        op = effect.operations[0]
        eid = editor.eid_of(op)
        provision = editor.find(eid)
        if provision is not None and not provision.children:
            text = _NUMBER_PREFIX.sub("", effect.previous_wording, count=1).strip()
            editor.apply(RestateProvision(target=op.target, text=text, heading=provision.heading))
            return
    for op in reversed(effect.operations):
        editor.apply(_inverse(op))


def _inverse(op: Operation) -> Operation:
    if isinstance(op, SubstituteWords):
        return SubstituteWords(target=op.target, old=op.new, new=op.old)
    if isinstance(op, InsertWords):
        joiner = "" if op.new.startswith((",", ";", ".")) else " "
        both = f"{op.anchor}{joiner}{op.new}" if op.position == "after" else f"{op.new} {op.anchor}"
        return SubstituteWords(target=op.target, old=both, new=op.anchor)
    if isinstance(op, AddProvision):
        return Repeal(target=op.target)
    if isinstance(op, Renumber):
        back = replace(op.target, num=op.new_num, eid=None)
        return Renumber(target=back, new_num=op.target.num)
    raise EditRefused(
        "not-undoable",
        f"a {op.kind} of {op.target.num} cannot be undone: the footnote does not give the "
        "previous wording",
    )


def _apply_packages(
    editor: ActEditor, act_id: str, packages: Iterable[Package], date: str
) -> list[DatedChange]:
    dated = [
        (package, amendment)
        for package in packages for amendment in package.amendments if amendment.act == act_id
    ]
    dated.sort(key=lambda pair: pair[1].commencement)
    changes = []
    for package, amendment in dated:
        label = f"{package.id}/{amendment.id}"
        nums = tuple(amendment.targets)
        when = amendment.commencement
        if when == UNKNOWN:
            changes.append(DatedChange("package", label, when, nums, "unknown",
                                       "the commencement date is not known"))
        elif when > date:
            changes.append(DatedChange("package", label, when, nums, "pending"))
        else:
            changes.append(_apply_amendment(editor, label, when, nums, amendment.operations))
    return changes


def _apply_amendment(
    editor: ActEditor, label: str, when: str, nums: tuple[str, ...], operations: list[Operation]
) -> DatedChange:
    reasons = []
    for op in operations:
        try:
            editor.apply(op)
        except EditRefused as refusal:
            reasons.append(str(refusal))
    state: ChangeState = "applied"
    if reasons:
        state = "failed" if len(reasons) == len(operations) else "partial"
    return DatedChange("package", label, when, nums, state, "; ".join(reasons))


def _dated(act: Act, date: str) -> Act:
    act.expression = f"as at {date}"
    try:
        uri = FrbrUri.parse(act.frbr_expression)
        act.frbr_expression = FrbrUri(**{**uri.__dict__, "expression_date": date}).expression
    except ValueError:
        pass
    return act
