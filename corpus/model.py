"""The JSON-able tree between parsing and every writer: acts, provisions, footnotes, references.

Every writer (Akoma Ntoso, Word, the workbench, the CLI's `--json`) reads these dataclasses;
none of them re-parses text. `to_dict`/`from_dict` round-trip losslessly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ProvisionKind = Literal[
    "part", "division", "chapter", "section", "article", "paragraph", "point", "note"
]
ReferenceStatus = Literal["resolved", "unresolved", "ambiguous", "dangling"]


@dataclass
class Diagnostic:
    """Something odd in the input and what the parser did about it (never an exception)."""

    line: int
    problem: str
    action: str
    code: str = ""


@dataclass
class Footnote:
    """A footnote of a consolidated code: usually one amendment already made.

    `provisions` are the eIds of the provisions whose text carries the marker `[number]`.
    """

    number: int
    text: str
    line: int = 0
    provisions: list[str] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[Footnote], tuple[Any, ...]]:
        return type(self), (self.number, self.text, self.line, self.provisions)


@dataclass
class Provision:
    """A structural unit: part (hissə), division (bölmə), chapter (fəsil), section (§), article
    (maddə), one of its decimal points, or an article's note (Qeyd).

    `text` is the provision's own text (without its children) with artefacts repaired;
    `raw_text` is what the source said, before the repair layer.
    """

    eid: str
    kind: ProvisionKind
    num: str
    heading: str = ""
    text: str = ""
    raw_text: str = ""
    children: list[Provision] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    line: int = 0
    incomplete: bool = False
    inferred: bool = False

    def __reduce__(self) -> tuple[type[Provision], tuple[Any, ...]]:
        # A corpus has some 30,000 provisions: pickled as their fields in order, rather than
        # as a dict each, they load and dump in half the time (the cache, the parallel build).
        return type(self), (self.eid, self.kind, self.num, self.heading, self.text,
                           self.raw_text, self.children, self.footnotes, self.line,
                           self.incomplete, self.inferred)

    def walk(self) -> Iterator[Provision]:
        """This provision and all below it, in document order."""
        return _preorder([self])

    @property
    def is_numbered(self) -> bool:
        return self.kind in ("article", "paragraph", "point")

    def full_text(self) -> str:
        """The provision with all its descendants, one numbered unit a line."""
        lines = [self.text] if self.text else []
        for child in self.children:
            prefix = f"{child.num}. " if child.is_numbered and child.kind != "article" else ""
            lines.append(prefix + child.full_text())
        return "\n".join(line for line in lines if line)


@dataclass
class Act:
    """One expression of a work: a text of an act in one language at one point in time."""

    work_id: str
    frbr_work: str
    frbr_expression: str
    language: str
    kind: str
    title: str
    title_en: str = ""
    number: str = ""
    date: str = ""
    expression: str = ""
    complete: bool = True
    path: str = ""
    preamble: str = ""
    body: list[Provision] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def walk(self) -> Iterator[Provision]:
        return _preorder(self.body)

    def articles(self) -> list[Provision]:
        return [p for p in self.walk() if p.kind == "article"]

    def provisions(self) -> list[Provision]:
        """Numbered provisions (articles and their points), in document order."""
        return [p for p in self.walk() if p.is_numbered]

    def index(self) -> dict[str, Provision]:
        """eId → provision for every element of the body."""
        return {p.eid: p for p in self.walk()}

    def num_index(self) -> dict[str, str]:
        """Number as citations write it (`10.1.3`, `144-1`) → eId."""
        return {p.num: p.eid for p in self.walk() if p.is_numbered}

    def find(self, num_or_eid: str) -> Provision | None:
        index = self.index()
        if num_or_eid in index:
            return index[num_or_eid]
        eid = self.num_index().get(num_or_eid.strip().rstrip("."))
        return index.get(eid) if eid else None

    def footnote(self, number: int) -> Footnote | None:
        return next((f for f in self.footnotes if f.number == number), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Act:
        data = dict(data)
        data["body"] = [_provision_from_dict(p) for p in data.get("body", [])]
        data["footnotes"] = [Footnote(**f) for f in data.get("footnotes", [])]
        data["diagnostics"] = [Diagnostic(**d) for d in data.get("diagnostics", [])]
        return cls(**data)


def _provision_from_dict(data: dict[str, Any]) -> Provision:
    data = dict(data)
    data["children"] = [_provision_from_dict(c) for c in data.get("children", [])]
    return Provision(**data)


@dataclass
class Work:
    """An act as a work: every expression (publication, language, later wording) of it."""

    id: str
    expressions: list[Act] = field(default_factory=list)

    def expression(self, language: str = "az", kind: str | None = None) -> Act | None:
        """The principal expression in a language: the first complete one, else the first."""
        candidates = [a for a in self.expressions if a.language == language]
        if kind:
            candidates = [a for a in candidates if a.kind == kind]
        complete = [a for a in candidates if a.complete]
        return (complete or candidates or [None])[0]

    @property
    def languages(self) -> list[str]:
        return sorted({a.language for a in self.expressions})


@dataclass
class Target:
    """One provision a reference points to: the act's manifest id (or the id of an act outside
    the corpus, such as `constitution`), the eId where the act is in the corpus, and the number
    as citations write it (`56.1.3`, `144-1`). `eid` and `num` are None for the act as a whole."""

    act: str
    eid: str | None = None
    num: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"act": self.act, "eid": self.eid, "num": self.num}


@dataclass
class Reference:
    """A citation found in a provision's text, and what it resolves to.

    `span` is a pair of character offsets into the source provision's `text`.
    """

    source_act: str
    source_eid: str
    source_num: str
    text: str
    span: tuple[int, int]
    targets: list[Target] = field(default_factory=list)
    status: ReferenceStatus = "unresolved"
    note: str = ""
    language: str = "az"

    @property
    def target_act(self) -> str | None:
        return self.targets[0].act if self.targets else None

    def to_dict(self) -> dict[str, Any]:
        """The stable shape of `qanun refs --json`."""
        return {
            "source": {"act": self.source_act, "eid": self.source_eid,
                       "num": self.source_num or None},
            "text": self.text,
            "span": list(self.span),
            "targets": [target.to_dict() for target in self.targets],
            "status": self.status,
        }


def _preorder(roots: list[Provision]) -> Iterator[Provision]:
    """Document order without a generator per level: the codes nest six deep and are walked
    by every stage, so nested `yield from` was a visible share of the builds."""
    stack = list(reversed(roots))
    while stack:
        provision = stack.pop()
        yield provision
        stack.extend(reversed(provision.children))
