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

from dataclasses import dataclass, field

from corpus.model import Act, Provision, Reference, ReferenceStatus, Target
from corpus.references import Citation, Item, Level, find_citations
from corpus.references_acts import CONSTITUTION, ActNames
from corpus.references_lookup import ActIndex, lookup, note_of, worst
from corpus.references_nlp import roman_value


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
        if _within_note(citation, context):
            # `bu 'Qeyd'in 1-ci bəndində`: a clause of the note the text stands in.
            reference.targets = [Target(act_id, context.provision.eid, context.provision.num)]
            reference.status = "resolved"
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
            targets, status = lookup(index, first, last, coarse=coarse)
            if citation.note:
                targets = [note_of(index, target) for target in targets]
            reference.targets.extend(targets)
            statuses.append(status)
        reference.status = worst(statuses)
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
    def rank(act: Act) -> tuple[bool, bool]:
        return (act.language == "az", act.complete)
    if rank(candidate) != rank(current):
        return rank(candidate) > rank(current)
    # Only a tie walks the texts (the two opening fragments of the DV law).
    return sum(len(p.text) for p in candidate.walk()) > sum(len(p.text) for p in current.walk())


def _within_note(citation: Citation, context: Context) -> bool:
    return (context.provision.kind == "note" and citation.scope.kind == "NONE"
            and citation.levels[0].unit in ("part", "clause") and not citation.scope.inherited)


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
        return str(roman_value(text) or text)
    return text


def _join(prefix: str, value: str) -> str:
    return f"{prefix}.{value}" if prefix else value

