"""The history of a whole act: every footnote read, effects attached to provisions, and the
figures of how much was understood.

>>> history = read_act_history(corpus.load().act("criminal-code"))   # doctest: +SKIP
>>> [e.law.number for e in history.for_provision("184.1")]           # doctest: +SKIP
['607-IIIQD', '230-VQD', '707-VQD', '230-VQD']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amendments.history import Effect, FootnoteHistory, read_footnote, split_run_on
from corpus.model import Act


@dataclass
class ActHistory:
    """Every footnote of one act read into effects, with the effects of each provision."""

    act: str
    footnotes: list[FootnoteHistory] = field(default_factory=list)
    by_eid: dict[str, list[Effect]] = field(default_factory=dict)
    num_to_eid: dict[str, str] = field(default_factory=dict)

    @property
    def effects(self) -> list[Effect]:
        return [e for f in self.footnotes for e in f.effects]

    @property
    def parsed(self) -> list[FootnoteHistory]:
        return [f for f in self.footnotes if f.parsed]

    @property
    def unparsed(self) -> list[FootnoteHistory]:
        return [f for f in self.footnotes if not f.parsed]

    def for_provision(self, num_or_eid: str) -> list[Effect]:
        """Effects on a provision, oldest law first (`184.1` or `art_184__para_1`)."""
        eid = self.num_to_eid.get(num_or_eid, num_or_eid)
        return sorted(self.by_eid.get(eid, []), key=lambda e: e.law.date)

    def unparsed_list(self) -> list[dict[str, Any]]:
        return [{"footnote": f.number, "reason": f.reason} for f in self.unparsed]


def read_act_history(act: Act) -> ActHistory:
    """Read every footnote of `act` and attach each effect to the provisions it changed: the
    provisions its operations name and those whose text carries the footnote's marker."""
    history = ActHistory(act.work_id, num_to_eid=act.num_index())
    marked = _marked_provisions(act)
    seen: set[int] = set()
    for footnote in act.footnotes:
        for number, text in split_run_on(footnote.number, footnote.text):
            if number in seen:
                continue
            seen.add(number)
            read = read_footnote(number, text, act.work_id)
            read.provisions = marked.get(number, [])
            history.footnotes.append(read)
    _resolve_see(history)
    for read in history.footnotes:
        for effect in read.effects:
            for eid in _effect_eids(effect, read.provisions, history.num_to_eid):
                history.by_eid.setdefault(eid, []).append(effect)
    return history


def _marked_provisions(act: Act) -> dict[int, list[str]]:
    marked: dict[int, list[str]] = {}
    for footnote in act.footnotes:
        marked.setdefault(footnote.number, []).extend(footnote.provisions)
    for provision in act.walk():
        for number in provision.footnotes:
            eids = marked.setdefault(number, [])
            if provision.eid not in eids:
                eids.append(provision.eid)
    return marked


def _resolve_see(history: ActHistory) -> None:
    """`Bax: 22-ci istinad` takes footnote 22's effects; a reference to a footnote that is not
    there, or not understood, leaves the footnote unparsed with that reason."""
    by_number = {f.number: f for f in history.footnotes}
    for read in history.footnotes:
        if read.see is None:
            continue
        target = by_number.get(read.see)
        if target is None or target.see is not None:
            read.reason = f"refers to footnote {read.see}, which is not in the act"
        elif not target.parsed:
            read.reason = f"refers to footnote {read.see}, which is not understood: {target.reason}"
        else:
            read.effects = list(target.effects)


def _effect_eids(effect: Effect, marked: list[str], num_to_eid: dict[str, str]) -> list[str]:
    eids = list(marked)
    for op in effect.operations:
        chapter = (op.target.unit or "").startswith("chapter")
        eid = op.target.eid if chapter else num_to_eid.get(op.target.num)
        if eid and eid not in eids:
            eids.append(eid)
    return eids
