"""An amending law's items applied to an act of the corpus: each operation on a copy of the
wording of its target, with the reason when it cannot apply (the target is not in the act, or
only as a cut-off fragment of a partial text; the item itself is cut off; the words are not
there or are there more than once).

>>> report = apply_instructions(corpus.load().act("dv-law"), items)          # doctest: +SKIP
>>> report.failed[0]                                                        # doctest: +SKIP
{'item': '2.3', 'reason': 'not applicable: 1.0.5 is cut off in this partial text of dv-law …'}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amendments.apply import ApplyError, apply_words, find_words
from amendments.operations import (
    WORD_LEVEL,
    AddProvision,
    InsertWords,
    Instruction,
    Operation,
    RestateProvision,
)
from corpus.model import Act


@dataclass
class ApplyReport:
    """What applying an amending law's items to an act did: `applied` (item, num, eid),
    `failed` (item, reason) and the changed `provisions` with their wording before and after."""

    applied: list[dict[str, str | None]] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    provisions: list[dict[str, str | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"applied": self.applied, "failed": self.failed, "provisions": self.provisions}


def apply_instructions(act: Act, instructions: list[Instruction]) -> ApplyReport:
    """Apply each item's operations to a copy of the act's wording; the act is not changed.

    A target the act does not have, or has only as a cut-off fragment of a partial text, is
    reported as not applicable with that reason; so is an item that is cut off itself."""
    report = ApplyReport()
    wording: dict[str, str] = {}
    before: dict[str, str] = {}
    nums: dict[str, str] = {}
    for instruction in instructions:
        if instruction.incomplete or not instruction.operations:
            reason = "; ".join(instruction.problems) or "the item states no operation"
            report.failed.append({"item": instruction.item, "reason": f"incomplete: {reason}"})
            continue
        for op in instruction.operations:
            key, text, problem = _target_wording(act, op, wording)
            if problem:
                report.failed.append({"item": instruction.item, "reason": problem})
                continue
            try:
                new = _apply_structural(op, text)
            except ApplyError as error:
                report.failed.append({"item": instruction.item,
                                      "reason": f"{_where(op)}: {error}"})
                continue
            before.setdefault(key, text)
            wording[key], nums[key] = new, op.target.num
            report.applied.append({"item": instruction.item, "num": op.target.num, "eid": key})
    report.provisions = [
        {"num": nums[key], "eid": key, "before": before[key], "after": wording[key]}
        for key in wording
    ]
    return report


def _target_wording(
    act: Act, op: Operation, wording: dict[str, str]
) -> tuple[str, str, str | None]:
    """(eId, current wording, None) or a reason the target cannot take the operation."""
    where = _where(op)
    if op.target.num == "preamble":
        if not act.preamble:
            return "", "", f"not applicable: {where} — the act in the corpus has no preamble"
        return "preamble", wording.get("preamble", act.preamble), None
    provision = act.find(op.target.num) if op.target.num else None
    if provision is None:
        if isinstance(op, AddProvision):
            eid = op.target.eid or op.target.num
            return eid, wording.get(eid, ""), None
        partial = "" if act.complete else " (the corpus holds only part of this act)"
        return "", "", f"not applicable: {where} is not in {act.work_id}{partial}"
    text = provision.heading if op.target.unit == "heading" else provision.text
    if provision.incomplete and op.kind in WORD_LEVEL:
        current = wording.get(provision.eid, text)
        if not find_words(current, _searched(op)):
            return "", "", (f"not applicable: {where} is cut off in this partial text of "
                            f"{act.work_id} (it reads only “{current}”)")
    return provision.eid, wording.get(provision.eid, text), None


def _searched(op: Operation) -> str:
    return op.anchor if isinstance(op, InsertWords) else getattr(op, "old", "")


def _apply_structural(op: Operation, text: str) -> str:
    if op.kind in WORD_LEVEL:
        return apply_words(op, text)
    if isinstance(op, RestateProvision | AddProvision):
        if op.target.unit in (None, "text"):
            return op.text
        if isinstance(op, AddProvision) and op.target.unit.startswith("sentence"):
            return f"{text.rstrip()} {op.text}".strip()
        raise ApplyError(f"restating or adding a {op.target.unit} is not supported yet")
    if op.kind == "repeal":
        return ""
    raise ApplyError(f"{op.kind} changes numbering, not wording; apply it in a consolidation")


def _where(op: Operation) -> str:
    unit = f" ({op.target.unit})" if op.target.unit else ""
    return f"{op.target.num or 'the whole act'}{unit}"
