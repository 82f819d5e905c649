"""Resolve citations to eIds in the act they name, with a status.

`resolved`: every target exists. `dangling`: a target is missing from a complete act or was
repealed (the Criminal Code keeps `Maddə 129.` with no text and a footnote saying it was removed).
`unresolved`: the act is not in the corpus (the Constitution, the Tax Code) or the provision is
missing from an act the corpus holds only in part (the opening of the DV law). `ambiguous`: the
text allows two readings that both exist (`12.1-12.2` as one number or as a range).
Ranges expand to the provisions that exist between their ends: `1.0.3-1.0.6` in the DV law ->
1.0.3, 1.0.4, 1.0.5, 1.0.6.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from corpus.ids import Num, container_eid
from corpus.model import Act, Provision, Reference, ReferenceStatus, Target
from corpus.references import Citation, Item, Level, find_citations
from corpus.references_acts import CONSTITUTION, ActNames
from corpus.references_nlp import ROMAN_NUMERALS, fold

_REPEALED = re.compile(r"çıxarılmışdır|qüvvədən düşmüş|ləğv edilmişdir|çıxarılıb")
_STATUS_ORDER: tuple[ReferenceStatus, ...] = ("ambiguous", "dangling", "unresolved", "resolved")


class ActIndex:
    """Look-ups into one act: number -> eId, ranges by number order, repealed provisions."""

    def __init__(self, act: Act) -> None:
        self.act = act
        self.by_eid: dict[str, Provision] = act.index()
        self.by_num: dict[str, str] = {p.num: p.eid for p in self.by_eid.values() if p.is_numbered}
        self._order: dict[int, list[tuple[tuple, str]]] | None = None
        self._footnotes = {note.number: note.text for note in act.footnotes}

    def eid(self, num: str) -> str | None:
        return self.by_num.get(num)

    def between(self, first: Num, last: Num) -> list[str]:
        """Numbers of the provisions at the ends' depth that lie between them, in order."""
        if self._order is None:
            self._order = {}
            for num in self.by_num:
                parsed = Num.try_parse(num)
                if parsed is not None:
                    self._order.setdefault(parsed.depth, []).append((parsed.sort_key(), num))
            for entries in self._order.values():
                entries.sort()
        entries = self._order.get(first.depth, [])
        low = bisect.bisect_left(entries, (first.sort_key(), ""))
        high = bisect.bisect_right(entries, (last.sort_key(), "\uffff"))
        return [num for _, num in entries[low:high]]

    def repealed(self, eid: str) -> bool:
        """No text, no children, and a footnote that says the provision was removed."""
        provision = self.by_eid.get(eid)
        if provision is None or provision.text.strip() or provision.children:
            return False
        notes = (self._footnotes.get(n, "") for n in provision.footnotes)
        return any(_REPEALED.search(fold(note)) for note in notes)


@dataclass
class Context:
    """Where a citation stands: its act and provision, and what the text named before it."""

    act: Act
    provision: Provision
    article: str | None
    last_named: tuple[str, bool] | None = None
    last_number: str | None = None


@dataclass
class Resolver:
    """Resolves citations against the acts of a corpus (one principal act per work)."""

    acts: dict[str, Act]
    names: ActNames
    _indexes: dict[str, ActIndex] = field(default_factory=dict)
    _preambles: dict[str, tuple[str, bool] | None] = field(default_factory=dict)

    @classmethod
    def of(cls, acts: list[Act]) -> Resolver:
        principal: dict[str, Act] = {}
        for act in acts:
            current = principal.get(act.work_id)
            if current is None or _better(act, current):
                principal[act.work_id] = act
        return cls(principal, ActNames.of(acts))

    def index(self, work_id: str) -> ActIndex:
        if work_id not in self._indexes:
            self._indexes[work_id] = ActIndex(self.acts[work_id])
        return self._indexes[work_id]

    def resolve(self, citation: Citation, context: Context) -> Reference:
        act_id, in_corpus, note = self._act_of(citation, context)
        if citation.scope.kind in ("CODE", "TITLE", "CONSTITUTION"):
            context.last_named = (act_id, in_corpus)
        reference = Reference(
            source_act=context.act.work_id, source_eid=context.provision.eid,
            source_num=context.provision.num, text=citation.text, span=citation.span,
            note=note, language=context.act.language,
        )
        if not citation.levels:
            reference.targets = [Target(act_id)]
            reference.status = "resolved" if in_corpus else "unresolved"
            return reference
        numbers = _compose(citation.levels, _base(citation, context, act_id), roman=not in_corpus)
        if not in_corpus:
            reference.targets = [Target(act_id, None, first if last is None else f"{first}-{last}")
                                 for first, last in numbers]
            reference.status = "unresolved"
            return reference
        index = self.index(act_id)
        statuses: list[ReferenceStatus] = []
        coarse = len(citation.levels) > 1 or citation.scope.kind in ("ARTICLE", "PRIOR")
        for first, last in numbers:
            targets, status = _lookup(index, first, last, coarse=coarse)
            if citation.note:
                targets = [_note_of(index, target) for target in targets]
            reference.targets.extend(targets)
            statuses.append(status)
        reference.status = next(s for s in _STATUS_ORDER if s in statuses or s == "resolved")
        if reference.targets and reference.targets[-1].num:
            context.last_number = reference.targets[-1].num
        return reference

    def _act_of(self, citation: Citation, context: Context) -> tuple[str, bool, str]:
        scope = citation.scope
        if scope.kind == "CONSTITUTION":
            return CONSTITUTION, CONSTITUTION in self.acts, ""
        if scope.kind == "CODE":
            act_id, known = self.names.code(scope.name)
            return act_id, known and act_id in self.acts, ""
        if scope.kind == "TITLE":
            act_id, known = self.names.law(scope.name)
            return act_id, known and act_id in self.acts, ""
        if scope.kind == "SAME":
            if context.last_named is not None:
                return context.last_named[0], context.last_named[1], ""
            named = self._named_in_preamble(context.act)
            if named is not None:
                return named[0], named[1], ""
            return context.act.work_id, True, "no act named before 'the same act'"
        if context.act.kind == "amending-law":
            # `1.0.2-ci maddədə ... sözləri əvəz edilsin` speaks of the law being amended.
            named = self._named_in_preamble(context.act)
            if named is not None:
                return named[0], named[1], ""
        return context.act.work_id, context.act.work_id in self.acts, ""


    def _named_in_preamble(self, act: Act) -> tuple[str, bool] | None:
        """The act the preamble names first: the decree of 2010 implements the Law "On
        Prevention of Domestic Violence", so its "the same Law" is that law."""
        key = f"{act.work_id}/{act.language}"
        if key not in self._preambles:
            self._preambles[key] = None
            if act.preamble:
                citations = next(find_citations([act.preamble], act.language))
                named = [c for c in citations if c.scope.kind in ("CODE", "TITLE")]
                if named:
                    context = Context(act=act, provision=Provision("", "article", ""), article=None)
                    self._act_of(named[0], context)
                    self._preambles[key] = self._act_of(named[0], context)[:2]
        return self._preambles[key]


def _better(candidate: Act, current: Act) -> bool:
    """The principal act of a work: Azerbaijani before English, complete before partial, then the
    longer text (the two 2010 publications of the DV law differ only in line breaks)."""
    def rank(act: Act) -> tuple[bool, bool, int]:
        return (act.language == "az", act.complete, sum(len(p.text) for p in act.walk()))
    return rank(candidate) > rank(current)


def _base(citation: Citation, context: Context, act_id: str) -> str:
    """The number a chain hangs under: `bu maddənin 1-ci bəndi` hangs under the article the text
    belongs to, `həmin maddənin` under the provision cited just before."""
    first_unit = citation.levels[0].unit
    if citation.scope.kind == "ARTICLE" and context.article:
        return context.article
    if citation.scope.kind == "PRIOR" and context.last_number:
        return context.last_number
    if first_unit in ("part", "clause", "subclause"):
        if citation.scope.inherited and context.last_number:
            return context.last_number
        if citation.scope.kind == "NONE" and context.article and act_id == context.act.work_id:
            return context.article
    return ""


def _compose(levels: list[Level], base: str, *, roman: bool) -> list[tuple[str, str | None]]:
    """Numbers of a chain: `94-cü maddəsinin I hissəsinin 1-ci və 14-cü bəndləri` ->
    [("94.I.1", None), ("94.I.14", None)]; Roman numerals become digits inside the corpus."""
    prefixes = [base] if base else [""]
    for level in levels[:-1]:
        prefixes = [_join(p, _value(item.first, item, roman)) for p in prefixes
                    for item in level.items]
    numbers: list[tuple[str, str | None]] = []
    for prefix in prefixes:
        for item in levels[-1].items:
            first = _join(prefix, _value(item.first, item, roman))
            last = _join(prefix, _value(item.last, item, roman)) if item.last else None
            numbers.append((first, last))
    if levels[-1].unit in ("chapter", "section") and len(levels) == 1:
        return [(f"{levels[-1].unit}:{a}", f"{levels[-1].unit}:{b}" if b else None)
                for a, b in numbers]
    return numbers


def _value(text: str, item: Item, roman: bool) -> str:
    if item.roman and not roman:
        return str(ROMAN_NUMERALS.get(text.lower(), text))
    return text


def _join(prefix: str, value: str) -> str:
    return f"{prefix}.{value}" if prefix else value


def _note_of(index: ActIndex, target: Target) -> Target:
    """The `Qeyd` (note) of the cited article, where the parser made it a provision."""
    note = f"{target.eid}__hcontainer_note1"
    return Target(target.act, note, target.num) if note in index.by_eid else target


def _lookup(index: ActIndex, first: str, last: str | None, *, coarse: bool
            ) -> tuple[list[Target], ReferenceStatus]:
    act_id = index.act.work_id
    if first.startswith(("chapter:", "section:")):
        kind, _, value = first.partition(":")
        eid = container_eid("chapter" if kind == "chapter" else "part", value)
        if eid not in index.by_eid and kind == "section":
            eid = container_eid("section", value)
        return [Target(act_id, eid, value)], _exists(index, eid)
    if last is not None:
        return _range(index, first, last)
    targets, status = _single(index, first)
    if coarse and status != "resolved" and len(targets) == 1:
        return _ancestor(index, first) or (targets, status)
    return targets, status


def _ancestor(index: ActIndex, text: str) -> tuple[list[Target], ReferenceStatus] | None:
    """`73-cü maddəsinin 1-ci bəndi` where the parse keeps the clauses of Article 73 inside the
    article's text: the citation lands on the nearest provision that exists."""
    num = Num.try_parse(text)
    while num is not None and num.parent is not None:
        num = num.parent
        eid = index.eid(num.text)
        if eid is not None:
            return [Target(index.act.work_id, eid, num.text)], _exists(index, eid)
    return None


def _single(index: ActIndex, text: str) -> tuple[list[Target], ReferenceStatus]:
    act_id = index.act.work_id
    whole = Num.try_parse(text)
    eid = index.eid(text)
    ranges = _hyphen_ranges(index, text)
    if eid is not None:
        status: ReferenceStatus = "ambiguous" if ranges else _exists(index, eid)
        return [Target(act_id, eid, text)], status
    if ranges:
        return ranges, "resolved"
    if whole is None:
        return [Target(act_id, None, text)], _missing(index)
    split = _likely_range(text)
    if split is not None:
        return _range(index, *split)
    return [Target(act_id, whole.eid, text)], _missing(index)


def _hyphen_ranges(index: ActIndex, text: str) -> list[Target]:
    """`52.1-52.2` read as a range whose two ends both exist in the act, else []."""
    for position in [m.start() for m in re.finditer("-", text)]:
        first, last = text[:position], text[position + 1 :]
        a, b = Num.try_parse(first), Num.try_parse(last)
        if a and b and a.depth == b.depth and a < b and index.eid(first) and index.eid(last):
            return _range(index, first, last)[0]
    return []


def _likely_range(text: str) -> tuple[str, str] | None:
    """Without the act to ask: `406-409` and `1.0.3-1.0.6` are ranges, `144-1` and `12.4-1` are
    numbers (a hyphenated suffix is smaller than the number it hangs on)."""
    for position in [m.start() for m in re.finditer("-", text)]:
        first, last = text[:position], text[position + 1 :]
        a, b = Num.try_parse(first), Num.try_parse(last)
        if a and b and a.depth == b.depth and a.sort_key() < b.sort_key():
            if a.depth > 1 or int(b.parts[0].split("-")[0]) > int(a.parts[0].split("-")[-1]):
                return first, last
    return None


def _range(index: ActIndex, first: str, last: str) -> tuple[list[Target], ReferenceStatus]:
    act_id = index.act.work_id
    a, b = Num.try_parse(first), Num.try_parse(last)
    if a is None or b is None:
        return [Target(act_id, None, f"{first}-{last}")], _missing(index)
    if a.depth != b.depth:
        nums = [first, last]
    else:
        nums = index.between(a, b)
        # A cited end that the act lacks stays a target, so the gap shows.
        nums = ([first] if first not in nums else []) + nums + ([last] if last not in nums else [])
    targets = [Target(act_id, index.eid(num) or Num.parse(num).eid, num) for num in nums]
    statuses = [_exists(index, index.eid(num)) for num in (first, last)]
    status = next(s for s in _STATUS_ORDER if s in statuses or s == "resolved")
    return targets, status


def _exists(index: ActIndex, eid: str | None) -> ReferenceStatus:
    if eid is None or eid not in index.by_eid:
        return _missing(index)
    return "dangling" if index.repealed(eid) else "resolved"


def _missing(index: ActIndex) -> ReferenceStatus:
    return "dangling" if index.act.complete else "unresolved"
