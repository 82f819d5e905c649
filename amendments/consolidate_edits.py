"""Editing a copy of an act, one operation at a time, without copying the whole code.

Only the provisions on the path to a changed one are copied (copy-on-write), so consolidating a
package into the Criminal Code copies a handful of provisions, not its thousands; the corpus's
own `Act` is never touched. Word-level operations go through `amendments.apply`.
"""

from __future__ import annotations

import copy
import re
import weakref
from dataclasses import replace

from amendments.apply import ApplyError, apply_words
from amendments.operations import (
    WORD_LEVEL,
    AddProvision,
    Operation,
    Renumber,
    RestateProvision,
)
from corpus.ids import Num
from corpus.model import Act, Provision

PREAMBLE = "preamble"
_KINDS = {1: "article", 2: "paragraph"}
_CHILD_LINE = re.compile(r"^(?P<num>\d+(?:-\d+)*(?:\.\d+(?:-\d+)*)+)\.\s+(?P<text>.*)$")


class EditRefused(ValueError):
    """An operation the act cannot take; `code` says which kind of failure it is."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class ActEditor:
    """A new expression of `base` under construction: `apply(op)` changes it or raises.

    Provisions are found through the chain of eIds from the root to each one; inserting or
    removing a provision leaves every other chain as it was, so the index is built once.
    """

    def __init__(self, base: Act, expression_date: str = "") -> None:
        self.base = base
        self.act = replace(base, body=list(base.body), diagnostics=list(base.diagnostics))
        if expression_date:
            self.act.expression = expression_date
        self._copied: set[int] = set()
        self._base_chains = chains_of(base)
        self._chains = dict(self._base_chains)

    # ---- lookup

    def find(self, eid: str) -> Provision | None:
        """The provision `eid` in the new expression."""
        chain = self._chains.get(eid)
        return _walk_chain(self.act.body, chain) if chain else None

    def find_base(self, eid: str) -> Provision | None:
        """The provision `eid` in the act as the corpus has it."""
        chain = self._base_chains.get(eid)
        return _walk_chain(self.base.body, chain) if chain else None

    def eid_of(self, op: Operation) -> str:
        if op.target.num == PREAMBLE:
            return PREAMBLE
        if op.target.eid:
            return op.target.eid
        parsed = Num.try_parse(op.target.num)
        if parsed is None:
            raise EditRefused("bad-target", f"{op.target.num!r} is not a provision number")
        return parsed.eid

    # ---- copy-on-write

    def _writable(self, eid: str) -> Provision:
        """The provision `eid`, copied together with its ancestors on first write."""
        siblings = self.act.body
        node: Provision | None = None
        for link in self._chains[eid]:
            index = next(i for i, p in enumerate(siblings) if p.eid == link)
            node = siblings[index]
            if id(node) not in self._copied:
                node = copy.copy(node)
                node.children = list(node.children)
                self._copied.add(id(node))
                siblings[index] = node
            siblings = node.children
        assert node is not None
        return node

    def _siblings_of(self, eid: str) -> tuple[list[Provision], int, tuple[str, ...]]:
        """The list holding `eid` (made writable), its index there, and its parent's chain."""
        parent = self._chains[eid][:-1]
        siblings = self._writable(parent[-1]).children if parent else self.act.body
        return siblings, next(i for i, p in enumerate(siblings) if p.eid == eid), parent

    def _forget(self, provision: Provision) -> None:
        for gone in provision.walk():
            self._chains.pop(gone.eid, None)

    def _learn(self, provision: Provision, parent: tuple[str, ...]) -> None:
        chain = (*parent, provision.eid)
        self._chains[provision.eid] = chain
        for child in provision.children:
            self._learn(child, chain)

    # ---- operations

    def apply(self, op: Operation) -> str:
        """Apply one operation; return the eId it changed. Raises EditRefused with a reason."""
        eid = self.eid_of(op)
        if isinstance(op, AddProvision):
            return self._add(op, eid)
        if eid == PREAMBLE:
            return self._preamble(op)
        if self.find(eid) is None:
            raise self._missing(op)
        if op.kind in WORD_LEVEL:
            provision = self._writable(eid)
            try:
                provision.text = _words(op, provision.text)
            except EditRefused as refusal:
                raise self._cut_off(provision, refusal) from None
        elif isinstance(op, RestateProvision):
            self._restate(op, eid)
        elif op.kind == "repeal":
            siblings, index, _ = self._siblings_of(eid)
            self._forget(siblings.pop(index))
        elif isinstance(op, Renumber):
            return self._renumber(op, eid)
        else:
            raise EditRefused("unsupported", f"no way to apply a {op.kind} operation")
        return eid

    def _missing(self, op: Operation) -> EditRefused:
        if not self.act.complete:
            return EditRefused(
                "partial-act",
                f"{op.target.num} is not in the corpus text of {self.act.work_id}: the text is "
                "only an opening of the act, so the provision cannot be amended here",
            )
        return EditRefused("target-missing", f"{self.act.work_id} has no provision {op.target.num}")

    def _cut_off(self, provision: Provision, refusal: EditRefused) -> EditRefused:
        """A provision whose text the opening of a partial act cuts off explains the failure."""
        if provision.incomplete or (not self.act.complete and _last(self.act) is provision):
            return EditRefused(
                "partial-act",
                f"{refusal} — {provision.num} is cut off where the corpus text of "
                f"{self.act.work_id} ends (only an opening of the act is available)",
            )
        return refusal

    def _preamble(self, op: Operation) -> str:
        if op.kind not in WORD_LEVEL and not isinstance(op, RestateProvision):
            raise EditRefused("unsupported", f"cannot {op.kind} the preamble")
        if not self.act.preamble:
            raise self._missing(op)
        if isinstance(op, RestateProvision):
            self.act.preamble = op.text
        else:
            self.act.preamble = _words(op, self.act.preamble)
        return PREAMBLE

    def _restate(self, op: RestateProvision, eid: str) -> None:
        provision = self._writable(eid)
        if op.target.unit not in (None, "text"):
            raise EditRefused("unsupported", f"cannot restate only the {op.target.unit} of "
                              f"{op.target.num}")
        own, children = _split_children(provision, op.text)
        for child in provision.children:
            self._forget(child)
        provision.text = own
        provision.heading = op.heading or provision.heading
        provision.children = children
        provision.footnotes = []
        for child in children:
            self._learn(child, self._chains[eid])

    def _add(self, op: AddProvision, eid: str) -> str:
        if self.find(eid) is not None:
            raise EditRefused("exists", f"{self.act.work_id} already has a provision "
                              f"{op.target.num}")
        num = Num.try_parse(op.target.num)
        if num is None:
            raise EditRefused("bad-target", f"{op.target.num!r} is not a provision number")
        new = Provision(eid=num.eid, kind=_KINDS.get(num.depth, "point"), num=num.text,  # type: ignore[arg-type]
                        heading=op.heading, text=op.text)
        siblings, parent = self._new_siblings(op, num)
        siblings.insert(_position(siblings, num, op.after), new)
        self._learn(new, parent)
        return num.eid

    def _new_siblings(self, op: AddProvision, num: Num) -> tuple[list[Provision], tuple[str, ...]]:
        """Where a new provision goes: under its parent number, or for an article, in the
        chapter (or part) of the article before it."""
        parent = num.parent
        if parent is not None:
            if self.find(parent.eid) is None:
                refusal = self._missing(replace(op, target=replace(op.target, num=parent.text)))
                raise EditRefused(refusal.code, f"no place for {num.text}: {refusal}")
            return self._writable(parent.eid).children, self._chains[parent.eid]
        neighbour = _article_before(self.act, num)
        if neighbour is None:
            return self.act.body, ()
        siblings, _, chain = self._siblings_of(neighbour.eid)
        return siblings, chain

    def _renumber(self, op: Renumber, eid: str) -> str:
        new_num = Num.try_parse(op.new_num)
        if new_num is None:
            raise EditRefused("bad-target", f"{op.new_num!r} is not a provision number")
        if self.find(new_num.eid) is not None:
            raise EditRefused("exists", f"{self.act.work_id} already has a provision "
                              f"{new_num.text}")
        siblings, index, parent = self._siblings_of(eid)
        self._forget(siblings[index])
        siblings[index] = _renumbered(siblings[index], op.target.num, new_num.text)
        self._learn(siblings[index], parent)
        return new_num.eid


def chains_of(act: Act) -> dict[str, tuple[str, ...]]:
    """eId → the eIds from the root down to it, for every provision of `act`; cached per act
    object, since the corpus's acts do not change."""
    cached = _CHAINS.get(id(act))
    if cached is not None and cached[0]() is act:
        return cached[1]
    chains: dict[str, tuple[str, ...]] = {}
    stack: list[tuple[tuple[str, ...], Provision]] = [((), p) for p in act.body]
    while stack:
        parent, provision = stack.pop()
        chain = (*parent, provision.eid)
        chains.setdefault(provision.eid, chain)
        stack.extend((chain, child) for child in provision.children)
    _CHAINS[id(act)] = (weakref.ref(act), chains)
    return chains


_CHAINS: dict[int, tuple[weakref.ref[Act], dict[str, tuple[str, ...]]]] = {}


def _walk_chain(body: list[Provision], chain: tuple[str, ...]) -> Provision | None:
    siblings = body
    node = None
    for link in chain:
        node = next((p for p in siblings if p.eid == link), None)
        if node is None:
            return None
        siblings = node.children
    return node


def _last(act: Act) -> Provision | None:
    last = None
    for provision in act.walk():
        last = provision
    return last


def _words(op: Operation, text: str) -> str:
    try:
        return apply_words(op, text)
    except ApplyError as error:
        message = str(error)
        code = "ambiguous" if "times" in message else "words-not-found"
        raise EditRefused(code, message) from None


def _position(siblings: list[Provision], num: Num, after: str | None) -> int:
    if after:
        for index, sibling in enumerate(siblings):
            if sibling.num == after:
                return index + 1
    key = num.sort_key()
    for index, sibling in enumerate(siblings):
        other = Num.try_parse(sibling.num) if sibling.is_numbered else None
        if other is not None and other.depth == num.depth and other.sort_key() > key:
            return index
    numbered = [i for i, s in enumerate(siblings) if s.is_numbered]
    return numbered[-1] + 1 if numbered else len(siblings)


def _article_before(act: Act, num: Num) -> Provision | None:
    best: Provision | None = None
    for article in act.articles():
        other = Num.try_parse(article.num)
        if other is not None and other.sort_key() < num.sort_key():
            best = article
    return best


def _renumbered(provision: Provision, old: str, new: str) -> Provision:
    moved = copy.copy(provision)
    moved.num = new + provision.num[len(old):]
    parsed = Num.try_parse(moved.num)
    moved.eid = parsed.eid if parsed else moved.eid
    moved.children = [_renumbered(child, old, new) for child in provision.children]
    return moved


def _split_children(provision: Provision, text: str) -> tuple[str, list[Provision]]:
    """A restated provision's own text, and its numbered points when the new text lists them
    one a line (`355-4.4.1. …`); without such lines the provision has no children any more."""
    own: list[str] = []
    children: list[Provision] = []
    for line in text.splitlines():
        match = _CHILD_LINE.match(line.strip())
        if match and match["num"].startswith(provision.num + "."):
            num = Num.parse(match["num"])
            children.append(Provision(eid=num.eid, kind=_KINDS.get(num.depth, "point"),  # type: ignore[arg-type]
                                      num=num.text, text=match["text"].strip()))
        elif not children:
            own.append(line.strip())
    return " ".join(x for x in own if x), children
