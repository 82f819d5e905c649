"""Amendment packages as typed values: a package holds ordered amendments, each with its operations.

Every amendment keeps its targets explicitly (act, number, eId, the words) inside its operations,
so nothing is re-derived from free text when a package is stored, consolidated or exported.
`to_dict`/`from_dict` round-trip losslessly; the store and the JSON export use them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from amendments.operations import UNKNOWN, Operation
from amendments.workflow import Status, check_status

PACKAGE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


class PackageError(ValueError):
    """A package or amendment that is not well formed; the message names the field."""


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def check_commencement(value: str) -> str:
    """An ISO date or `unknown`: `2024-03-29` passes, `29.03.2024` is refused, nothing guessed."""
    if value == UNKNOWN:
        return value
    try:
        date.fromisoformat(value)
    except ValueError:
        raise PackageError(f"commencement {value!r} is neither an ISO date nor 'unknown'") from None
    return value


@dataclass
class Comment:
    """A reviewer's remark on a package or on one of its amendments (`amendment` is its id)."""

    author: str
    text: str
    at: str = field(default_factory=now_iso)
    amendment: str | None = None

    def __post_init__(self) -> None:
        _check_types(self, ("author", "text", "at"))
        if self.amendment is not None and not isinstance(self.amendment, str):
            raise PackageError("comment field 'amendment' must be text or null")

    def to_dict(self) -> dict[str, Any]:
        return {
            "author": self.author, "text": self.text, "at": self.at, "amendment": self.amendment,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Comment:
        return cls(**_known(cls, data))


@dataclass
class Amendment:
    """One item of a package: operations on one act, why they are proposed, when they commence.

    `current_text`/`proposed_text` keep the provision's wording before and after, taken from the
    corpus when the amendment was added (the comparative table reads them; it never re-derives).
    """

    id: str
    act: str
    operations: list[Operation]
    justification: str = ""
    justification_en: str = ""
    commencement: str = UNKNOWN
    summary: str = ""
    current_text: str = ""
    proposed_text: str = ""

    def __post_init__(self) -> None:
        _check_types(self, ("id", "act", "justification", "justification_en", "commencement",
                            "summary", "current_text", "proposed_text"))
        check_commencement(self.commencement)
        if not isinstance(self.operations, list) or not self.operations:
            raise PackageError(f"amendment {self.id}: it has no operations")
        for op in self.operations:
            if op.target.act != self.act:
                raise PackageError(
                    f"amendment {self.id}: operation on {op.target.act} in an amendment of "
                    f"{self.act}; one amendment amends one act"
                )

    @property
    def targets(self) -> list[str]:
        """The provisions it changes, each once, in the order its operations name them."""
        return list(dict.fromkeys(op.target.num for op in self.operations))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "act": self.act,
            "operations": [op.to_dict() for op in self.operations],
            "justification": self.justification,
            "justification_en": self.justification_en,
            "commencement": self.commencement,
            "summary": self.summary,
            "current_text": self.current_text,
            "proposed_text": self.proposed_text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Amendment:
        data = _known(cls, data)
        operations = data.get("operations", [])
        if not isinstance(operations, list):
            raise PackageError("amendment field 'operations' must be a list")
        data["operations"] = [Operation.from_dict(op) for op in operations]
        return cls(**data)


@dataclass
class Package:
    """A package of amendments under one purpose, e.g. the legal status of Monitoring Groups.

    `version` counts the writes the store has accepted; a write must name the version it read.
    """

    id: str
    title: str
    purpose: str = ""
    title_en: str = ""
    purpose_en: str = ""
    status: Status = "draft"
    authors: list[str] = field(default_factory=list)
    illustrative: bool = False
    amendments: list[Amendment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    created: str = field(default_factory=now_iso)
    updated: str = ""
    version: int = 0

    def __post_init__(self) -> None:
        _check_types(self, ("id", "title", "purpose", "title_en", "purpose_en", "status",
                            "created", "updated"))
        if not isinstance(self.authors, list) or not all(isinstance(a, str) for a in self.authors):
            raise PackageError(f"package {self.id}: authors must be a list of names")
        if not isinstance(self.version, int) or isinstance(self.version, bool):
            raise PackageError(f"package {self.id}: version must be a whole number")
        if not PACKAGE_ID_RE.match(self.id):
            raise PackageError(
                f"package id {self.id!r}: use 2-63 lower-case letters, digits and hyphens"
            )
        if not self.title.strip():
            raise PackageError(f"package {self.id}: the title is empty")
        check_status(self.status)
        ids = [a.id for a in self.amendments]
        if len(ids) != len(set(ids)):
            raise PackageError(f"package {self.id}: amendment ids repeat: {ids}")

    @property
    def acts(self) -> list[str]:
        """The acts the package amends, in the order its amendments first name them."""
        return list(dict.fromkeys(a.act for a in self.amendments))

    def amendment(self, amendment_id: str) -> Amendment | None:
        return next((a for a in self.amendments if a.id == amendment_id), None)

    def next_amendment_id(self) -> str:
        numbers = [int(a.id) for a in self.amendments if a.id.isdigit()]
        return str(max(numbers, default=0) + 1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "title_en": self.title_en,
            "purpose": self.purpose,
            "purpose_en": self.purpose_en,
            "status": self.status,
            "authors": list(self.authors),
            "illustrative": self.illustrative,
            "acts": self.acts,
            "amendments": [a.to_dict() for a in self.amendments],
            "comments": [c.to_dict() for c in self.comments],
            "created": self.created,
            "updated": self.updated,
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Package:
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "acts"}  # derived, never stored
        data = _known(cls, data)
        for name in ("amendments", "comments"):
            if not isinstance(data.get(name, []), list):
                raise PackageError(f"package field {name!r} must be a list")
        data["amendments"] = [Amendment.from_dict(a) for a in data.get("amendments", [])]
        data["comments"] = [Comment.from_dict(c) for c in data.get("comments", [])]
        return cls(**data)


def _check_types(value: object, names: tuple[str, ...]) -> None:
    for name in names:
        if not isinstance(getattr(value, name), str):
            kind = type(value).__name__.lower()
            raise PackageError(f"{kind} field {name!r} must be text, not "
                               f"{type(getattr(value, name)).__name__}")


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """Refuse unknown keys, so that a typo in a package file is an error and not a silence."""
    if not isinstance(data, dict):
        raise PackageError(f"{cls.__name__}: expected an object, not {type(data).__name__}")
    names = set(cls.__dataclass_fields__)
    unknown = set(data) - names
    if unknown:
        raise PackageError(f"{cls.__name__}: unknown fields {sorted(unknown)}")
    return dict(data)
