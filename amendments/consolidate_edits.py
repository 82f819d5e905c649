"""Editing a copy of an act, one operation at a time, without copying the whole code.

Only the provisions on the path to a changed one are copied (copy-on-write), so consolidating a
package into the Criminal Code copies a handful of provisions, not its thousands; the corpus's
own `Act` is never touched. Word-level operations go through `amendments.apply`.
"""

from __future__ import annotations

import copy
import re
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
    """A new expression of `base` under construction: `apply(op)` changes it or raises."""

    def __init__(self, base: Act, expression_date: str = "") -> None:
        self.base = base
        self.act = replace(base, body=list(base.body), diagnostics=list(base.diagnostics))
        if expression_date:
            self.act.expression = expression_date
        self._copied: set[int] = set()
        self._paths: dict[str, tuple[int, ...]] | None = None

    # ---- lookup

    def _index(self) -> dict[str, tuple[int, ...]]:
        if self._paths is None:
            paths: dict[str, tuple[int, ...]] = {}
            stack = [((i,), p) for i, p in enumerate(self.act.body)]
            while stack:
                path, provision = stack.pop()
                paths[provision.eid] = path
                stack.extend(((*path, j), c) for j, c in enumerate(provision.children))
            self._paths = paths
        return self._paths

    def find(self, eid: str) -> Provision | None:
        path = self._index().get(eid)
        return self._at(path) if path is not None else None

    def _at(self, path: tuple[int, ...]) -> Provision:
        node = self.act.body[path[0]]
        for index in path[1:]:
            node = node.children[index]
        return node

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
        path = self._index()[eid]
        siblings = self.act.body
        node: Provision | None = None
        for depth, index in enumerate(path):
            node = siblings[index]
            if id(node) not in self._copied:
                node = copy.copy(node)
                node.children = list(node.children)
                self._copied.add(id(node))
                siblings[index] = node
            if depth < len(path) - 1:
                siblings = node.children
        assert node is not None
        return node

    def _siblings_of(self, eid: str) -> tuple[list[Provision], int]:
        path = self._index()[eid]
        if len(path) == 1:
            return self.act.body, path[0]
        return self._writable(self.find_parent_eid(path)).children, path[-1]

    def find_parent_eid(self, path: tuple[int, ...]) -> str:
        return self._at(path[:-1]).eid

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
            siblings, index = self._siblings_of(eid)
            del siblings[index]
            self._paths = None
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
        if op.target.unit:
            raise EditRefused("unsupported", f"cannot restate only the {op.target.unit} of "
                              f"{op.target.num}")
        own, children = _split_children(provision, op.text)
        provision.text = own
        provision.heading = op.heading or provision.heading
        provision.children = children
        provision.footnotes = []
        self._paths = None

    def _add(self, op: AddProvision, eid: str) -> str:
        if self.find(eid) is not None:
            raise EditRefused("exists", f"{self.act.work_id} already has a provision "
                              f"{op.target.num}")
        num = Num.try_parse(op.target.num)
        if num is None:
            raise EditRefused("bad-target", f"{op.target.num!r} is not a provision number")
        new = Provision(eid=num.eid, kind=_KINDS.get(num.depth, "point"), num=num.text,  # type: ignore[arg-type]
                        heading=op.heading, text=op.text)
        siblings = self._new_siblings(op, num)
        siblings.insert(_position(siblings, num, op.after), new)
        self._paths = None
        return num.eid

    def _new_siblings(self, op: AddProvision, num: Num) -> list[Provision]:
        parent = num.parent
        if parent is not None:
            if self.find(parent.eid) is None:
                refusal = self._missing(replace(op, target=replace(op.target, num=parent.text)))
                raise EditRefused(refusal.code, f"no place for {num.text}: {refusal}")
            return self._writable(parent.eid).children
        neighbour = _article_before(self.act, num)
        if neighbour is None:
            return self.act.body
        path = self._index()[neighbour.eid]
        if len(path) == 1:
            return self.act.body
        return self._writable(self._at(path[:-1]).eid).children

    def _renumber(self, op: Renumber, eid: str) -> str:
        new_num = Num.try_parse(op.new_num)
        if new_num is None:
            raise EditRefused("bad-target", f"{op.new_num!r} is not a provision number")
        if self.find(new_num.eid) is not None:
            raise EditRefused("exists", f"{self.act.work_id} already has a provision "
                              f"{new_num.text}")
        siblings, index = self._siblings_of(eid)
        siblings[index] = _renumbered(siblings[index], op.target.num, new_num.text)
        self._paths = None
        return new_num.eid


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
