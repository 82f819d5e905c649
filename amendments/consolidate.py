"""Consolidation: a package applied to the corpus gives new expressions of the acts and a report.

The report lists the operations applied, those that failed and why (target missing, words not
found or found more than once, a provision beyond the opening of a partial act such as the DV
law), conflicts between operations on the same words or provision, and the references elsewhere
in the corpus that a repeal or renumbering leaves dangling. The corpus itself is never changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from amendments.apply import ApplyError, find_words
from amendments.consolidate_edits import PREAMBLE, ActEditor, EditRefused
from amendments.operations import InsertWords, Operation
from amendments.packages import Amendment, Package
from corpus.ids import FrbrUri, Num
from corpus.model import Act, Provision, Reference

STRUCTURAL = ("add", "restate", "repeal", "renumber")


class ActSource(Protocol):
    """What consolidation needs of a corpus: the principal expression of a work."""

    def act(self, work_id: str, language: str = "az") -> Act: ...


# Who cites a provision: (act id, eId) → the references pointing at it.
Citers = Callable[[str, str], list[Reference]]


@dataclass(frozen=True)
class OperationRef:
    """One operation of a package: amendment id, its index in the amendment, what and where."""

    amendment: str
    index: int
    kind: str
    act: str
    num: str
    eid: str | None
    new_eid: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """`new_eid` is where a renumbered provision went; None for every other operation."""
        return {
            "amendment": self.amendment, "operation": self.index, "kind": self.kind,
            "act": self.act, "num": self.num, "eid": self.eid, "new_eid": self.new_eid,
        }


@dataclass(frozen=True)
class Failure:
    operation: OperationRef
    code: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.operation.to_dict(), "code": self.code, "reason": self.reason}


@dataclass(frozen=True)
class Conflict:
    """Two operations on the same words, or on a provision one of them replaces or removes."""

    first: OperationRef
    second: OperationRef
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "act": self.first.act, "num": self.first.num, "eid": self.first.eid,
            "amendments": [self.first.amendment, self.second.amendment],
            "operations": [self.first.to_dict(), self.second.to_dict()],
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Dangling:
    """A reference that still cites a provision the package repeals or renumbers."""

    reference: Reference
    cause: OperationRef
    target_eid: str

    def to_dict(self) -> dict[str, Any]:
        ref = self.reference
        return {
            "source": ref.to_dict()["source"],
            "text": ref.text,
            "target": {"act": self.cause.act, "eid": self.target_eid, "num": self.cause.num},
            "cause": self.cause.kind,
            "amendment": self.cause.amendment,
        }


@dataclass(frozen=True)
class Wording:
    """A provision before and after the package (empty before: new; empty after: repealed)."""

    act: str
    eid: str
    num: str
    before: str
    after: str

    def to_dict(self) -> dict[str, Any]:
        return {"act": self.act, "eid": self.eid, "num": self.num, "before": self.before,
                "after": self.after}


@dataclass
class Consolidation:
    """The new expressions of the amended acts and the report of how they were made."""

    package: Package
    acts: dict[str, Act] = field(default_factory=dict)
    bases: dict[str, Act] = field(default_factory=dict)
    applied: list[OperationRef] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    dangling: list[Dangling] = field(default_factory=list)
    wordings: list[Wording] = field(default_factory=list)
    references_checked: bool = False

    @property
    def partial_acts(self) -> list[str]:
        return [a for a, act in self.bases.items() if not act.complete]

    def to_dict(self) -> dict[str, Any]:
        """The stable shape of `qanun package consolidate ID --json`."""
        return {
            "package": self.package.id,
            "title": self.package.title,
            "title_en": self.package.title_en,
            "illustrative": self.package.illustrative,
            "acts": [
                {"act": a, "complete": base.complete, "base": base.frbr_expression,
                 "expression": self.acts[a].frbr_expression if a in self.acts else None}
                for a, base in self.bases.items()
            ],
            "applied": [op.to_dict() for op in self.applied],
            "failed": [f.to_dict() for f in self.failed],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "dangling": [d.to_dict() for d in self.dangling],
            "references_checked": self.references_checked,
            "partial_acts": self.partial_acts,
            "provisions": [w.to_dict() for w in self.wordings],
            "stats": {
                "operations": len(self.applied) + len(self.failed),
                "applied": len(self.applied), "failed": len(self.failed),
                "conflicts": len(self.conflicts), "dangling": len(self.dangling),
            },
        }


def consolidate(
    package: Package, corpus: ActSource, citers: Citers | None = None, language: str = "az"
) -> Consolidation:
    """Apply every amendment of `package`, in order, to copies of the acts it amends.

    >>> result = consolidate(store.get("dv-law-2024"), corpus.load())   # doctest: +SKIP
    >>> [w.after for w in result.wordings if w.num == "preamble"][0][:22]  # doctest: +SKIP
    'Bu Qanun qohumluq müna'
    """
    result = Consolidation(package)
    editors: dict[str, ActEditor] = {}
    operations = list(_operations(package.amendments))
    for ref, op in operations:
        editor = _editor(ref, corpus, editors, result, language)
        if editor is None:
            continue
        try:
            changed = editor.apply(op)
            result.applied.append(_done(ref, changed))
        except EditRefused as refusal:
            result.failed.append(Failure(ref, refusal.code, str(refusal)))
    result.conflicts = find_conflicts(operations, editors)
    for act_id, editor in editors.items():
        if any(ref.act == act_id for ref in result.applied):
            result.acts[act_id] = _expression(editor.act, package)
    result.wordings = _wordings(result, editors)
    if citers is not None:
        result.dangling = find_dangling(result, citers)
        result.references_checked = True
    return result


def _done(ref: OperationRef, changed: str) -> OperationRef:
    if ref.kind == "renumber":
        return replace(ref, new_eid=changed)
    return ref if ref.eid else replace(ref, eid=changed)


def _target_eid(op: Operation) -> str | None:
    if op.target.num == PREAMBLE:
        return PREAMBLE
    parsed = Num.try_parse(op.target.num)
    return op.target.eid or (parsed.eid if parsed else None)


def _operations(amendments: Iterable[Amendment]) -> Iterable[tuple[OperationRef, Operation]]:
    for amendment in amendments:
        for index, op in enumerate(amendment.operations, start=1):
            eid = _target_eid(op)
            yield OperationRef(amendment.id, index, op.kind, op.target.act, op.target.num, eid), op


def _editor(
    ref: OperationRef, corpus: ActSource, editors: dict[str, ActEditor], result: Consolidation,
    language: str,
) -> ActEditor | None:
    if ref.act not in editors:
        try:
            base = corpus.act(ref.act, language)
        except KeyError as error:
            result.failed.append(Failure(ref, "act-missing", str(error).strip("'\"")))
            return None
        editors[ref.act] = ActEditor(base)
        result.bases[ref.act] = base
    return editors[ref.act]


def find_conflicts(
    operations: list[tuple[OperationRef, Operation]], editors: dict[str, ActEditor]
) -> list[Conflict]:
    """Pairs of operations on one provision that cannot both mean what they say: the same or
    overlapping words of the current text, or any operation beside one that adds, restates,
    removes or renumbers that provision."""
    by_target: dict[tuple[str, str], list[tuple[OperationRef, Operation]]] = {}
    for ref, op in operations:
        by_target.setdefault((ref.act, ref.eid or ref.num), []).append((ref, op))
    conflicts = []
    for (act, eid), group in by_target.items():
        text = _base_text(editors[act], eid) if act in editors else ""
        for i, (first, op1) in enumerate(group):
            for second, op2 in group[i + 1:]:
                reason = _clash(op1, op2, text)
                if reason:
                    conflicts.append(Conflict(first, second, reason))
    return conflicts


def _clash(first: Operation, second: Operation, text: str) -> str | None:
    if first.kind in STRUCTURAL or second.kind in STRUCTURAL:
        structural = first.kind if first.kind in STRUCTURAL else second.kind
        return f"two operations on {first.target.num}, one of them a {structural}"
    words1, words2 = _words_of(first), _words_of(second)
    if words1 == words2:
        return f"both operations change the words “{words1}”"
    spans1, spans2 = _spans(text, words1), _spans(text, words2)
    if any(a < d and c < b for a, b in spans1 for c, d in spans2):
        return f"the words “{words1}” and “{words2}” overlap in {first.target.num}"
    return None


def _words_of(op: Operation) -> str:
    return op.anchor if isinstance(op, InsertWords) else getattr(op, "old", "")


def _spans(text: str, words: str) -> list[tuple[int, int]]:
    try:
        return find_words(text, words) if text and words else []
    except ApplyError:
        return []


def _base_text(editor: ActEditor, eid: str) -> str:
    if eid == PREAMBLE:
        return editor.base.preamble
    provision = editor.find_base(eid)
    return provision.text if provision else ""


def find_dangling(result: Consolidation, citers: Citers) -> list[Dangling]:
    """References to provisions that a repeal or renumbering removed (with their descendants),
    from provisions that are still there."""
    found = []
    for ref in result.applied:
        if ref.kind not in ("repeal", "renumber") or ref.eid is None:
            continue
        provision = ActEditor(result.bases[ref.act]).find_base(ref.eid)
        if provision is None:
            continue
        removed = {p.eid for p in provision.walk()}
        for eid in sorted(removed):
            for reference in citers(ref.act, eid):
                inside = reference.source_act == ref.act and reference.source_eid in removed
                if not inside:
                    found.append(Dangling(reference, ref, eid))
    return found


def _expression(act: Act, package: Package) -> Act:
    dates = sorted(
        a.commencement for a in package.amendments
        if a.commencement != "unknown" and a.act == act.work_id
    )
    act.expression = f"{act.expression or act.date} + {package.id}".strip()
    try:
        uri = FrbrUri.parse(act.frbr_expression)
        when = dates[-1] if dates else uri.expression_date
        act.frbr_expression = FrbrUri(**{**uri.__dict__, "expression_date": when}).expression
    except ValueError:
        pass
    return act


def _wordings(result: Consolidation, editors: dict[str, ActEditor]) -> list[Wording]:
    """Each provision the package changed, before and after; a renumbered one under its new
    eId with the wording it had under the old one."""
    seen: dict[tuple[str, str], str] = {}
    for ref in result.applied:
        old = ref.eid or ""
        seen.setdefault((ref.act, ref.new_eid or old), old)
    wordings = []
    for (act_id, eid), old in seen.items():
        editor = editors[act_id]
        if eid == PREAMBLE:
            wordings.append(Wording(act_id, eid, PREAMBLE, editor.base.preamble,
                                    editor.act.preamble))
            continue
        before, after = editor.find_base(old), editor.find(eid)
        num = (after or before).num if (after or before) else eid
        wordings.append(Wording(act_id, eid, num, _full(before), _full(after)))
    return wordings


def _full(provision: Provision | None) -> str:
    return provision.full_text() if provision else ""


def citers_from(references: Iterable[Reference]) -> Citers:
    """A `Citers` over a list of references (e.g. `extract_references` of the acts that may
    cite the amended ones); the graph offers the same question for the whole corpus."""
    index: dict[tuple[str, str], list[Reference]] = {}
    for reference in references:
        for target in reference.targets:
            if target.eid:
                index.setdefault((target.act, target.eid), []).append(reference)
    return lambda act, eid: index.get((act, eid), [])


def preview(amendment: Amendment, corpus: ActSource) -> Amendment:
    """The amendment with `current_text`/`proposed_text` filled from the corpus (the first
    provision it changes), so that the comparative table never re-derives them."""
    package = Package(id="preview", title="preview", amendments=[amendment])
    result = consolidate(package, corpus)
    if not result.wordings:
        return amendment
    first = result.wordings[0]
    amendment.current_text, amendment.proposed_text = first.before, first.after
    return amendment


__all__ = [
    "Citers", "Conflict", "Consolidation", "Dangling", "Failure", "OperationRef", "Wording",
    "citers_from", "consolidate", "find_conflicts", "find_dangling", "preview",
]
