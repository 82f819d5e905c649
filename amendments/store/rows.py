"""Between table rows and the package dataclasses: reading a whole package, writing its parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from amendments.operations import Operation
from amendments.packages import Amendment, Comment, Package
from amendments.store import schema


@dataclass(frozen=True)
class AuditEntry:
    """One accepted change: who made it, when, what it was, the state before and after."""

    package: str
    version: int
    actor: str
    role: str
    at: str
    action: str
    what: str
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package, "version": self.version, "actor": self.actor,
            "role": self.role, "at": self.at, "action": self.action, "what": self.what,
            "before": self.before, "after": self.after,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AuditEntry:
        return cls(**data)


@dataclass(frozen=True)
class PackageSummary:
    id: str
    title: str
    title_en: str
    status: str
    version: int
    updated: str
    illustrative: bool
    amendments: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class PackageHead:
    """What a write needs to check before it changes a package: its row, and where its last
    amendment stands (the rest is read only when a change needs it)."""

    id: str
    status: str
    version: int
    fields: dict[str, Any]
    last_position: int | None


# Built once: the hot path of every write should not rebuild its statements.
_LAST_POSITION = (
    sa.select(sa.func.max(schema.amendments.c.position))
    .where(schema.amendments.c.package_id == schema.packages.c.id)
    .scalar_subquery()
)
_HEAD = sa.select(schema.packages, _LAST_POSITION.label("last_position")).where(
    schema.packages.c.id == sa.bindparam("package_id")
)
_IDS = (
    sa.select(schema.amendments.c.id)
    .where(schema.amendments.c.package_id == sa.bindparam("package_id"))
    .order_by(schema.amendments.c.position)
)


def read_head(conn: sa.Connection, package_id: str) -> PackageHead | None:
    row = conn.execute(_HEAD, {"package_id": package_id}).mappings().first()
    if row is None:
        return None
    fields = {k: v for k, v in row.items() if k != "last_position"}
    return PackageHead(row["id"], row["status"], row["version"], fields, row["last_position"])


def amendment_ids(conn: sa.Connection, package_id: str) -> list[str]:
    return list(conn.execute(_IDS, {"package_id": package_id}).scalars())


def read_amendment(conn: sa.Connection, package_id: str, amendment_id: str) -> Amendment | None:
    t = schema.amendments
    row = conn.execute(
        sa.select(t).where(t.c.package_id == package_id).where(t.c.id == amendment_id)
    ).mappings().first()
    return amendment_from_row(row) if row else None


def read_package(conn: sa.Connection, package_id: str) -> Package | None:
    row = conn.execute(
        sa.select(schema.packages).where(schema.packages.c.id == package_id)
    ).mappings().first()
    if row is None:
        return None
    amendment_rows = conn.execute(
        sa.select(schema.amendments)
        .where(schema.amendments.c.package_id == package_id)
        .order_by(schema.amendments.c.position)
    ).mappings()
    comment_rows = conn.execute(
        sa.select(schema.comments)
        .where(schema.comments.c.package_id == package_id)
        .order_by(schema.comments.c.id)
    ).mappings()
    return Package(
        id=row["id"], title=row["title"], title_en=row["title_en"], purpose=row["purpose"],
        purpose_en=row["purpose_en"], status=row["status"], authors=list(row["authors"]),
        illustrative=bool(row["illustrative"]), created=row["created"], updated=row["updated"],
        version=row["version"],
        amendments=[amendment_from_row(r) for r in amendment_rows],
        comments=[
            Comment(author=r["author"], text=r["text"], at=r["at"], amendment=r["amendment"])
            for r in comment_rows
        ],
    )


def amendment_from_row(row: Any) -> Amendment:
    return Amendment(
        id=row["id"], act=row["act"],
        operations=[Operation.from_dict(op) for op in row["operations"]],
        justification=row["justification"], justification_en=row["justification_en"],
        commencement=row["commencement"], summary=row["summary"],
        current_text=row["current_text"], proposed_text=row["proposed_text"],
    )


def amendment_values(package_id: str, position: int, amendment: Amendment) -> dict[str, Any]:
    data = amendment.to_dict()
    return {**data, "package_id": package_id, "position": position}


def package_values(package: Package) -> dict[str, Any]:
    return {
        "id": package.id, "title": package.title, "title_en": package.title_en,
        "purpose": package.purpose, "purpose_en": package.purpose_en, "status": package.status,
        "authors": list(package.authors), "illustrative": package.illustrative,
        "created": package.created, "updated": package.updated, "version": package.version,
    }


def comment_values(package_id: str, comment: Comment) -> dict[str, Any]:
    return {"package_id": package_id, **comment.to_dict()}


def insert_contents(conn: sa.Connection, package: Package) -> None:
    """Insert a package's amendments and comments (the package row is written by the caller)."""
    if package.amendments:
        conn.execute(
            schema.amendments.insert(),
            [amendment_values(package.id, i, a) for i, a in enumerate(package.amendments)],
        )
    if package.comments:
        conn.execute(
            schema.comments.insert(), [comment_values(package.id, c) for c in package.comments]
        )


def read_audit(conn: sa.Connection, package_id: str) -> list[AuditEntry]:
    rows = conn.execute(
        sa.select(schema.audit)
        .where(schema.audit.c.package_id == package_id)
        .order_by(schema.audit.c.id)
    ).mappings()
    return [
        AuditEntry(
            package=r["package_id"], version=r["version"], actor=r["actor"], role=r["role"],
            at=r["at"], action=r["action"], what=r["what"], before=r["before"], after=r["after"],
        )
        for r in rows
    ]


_INSERT_AUDIT = schema.audit.insert()


def insert_audit(conn: sa.Connection, entries: list[AuditEntry]) -> None:
    if entries:
        conn.execute(_INSERT_AUDIT, [_audit_values(e) for e in entries])


def _audit_values(entry: AuditEntry) -> dict[str, Any]:
    values = entry.to_dict()
    values["package_id"] = values.pop("package")
    return values


def read_summaries(conn: sa.Connection) -> list[PackageSummary]:
    p, a = schema.packages, schema.amendments
    counts = (
        sa.select(a.c.package_id, sa.func.count().label("n")).group_by(a.c.package_id).subquery()
    )
    rows = conn.execute(
        sa.select(p, sa.func.coalesce(counts.c.n, 0).label("n"))
        .outerjoin(counts, counts.c.package_id == p.c.id)
        .order_by(p.c.id)
    ).mappings()
    return [
        PackageSummary(
            id=r["id"], title=r["title"], title_en=r["title_en"], status=r["status"],
            version=r["version"], updated=r["updated"], illustrative=bool(r["illustrative"]),
            amendments=r["n"],
        )
        for r in rows
    ]
