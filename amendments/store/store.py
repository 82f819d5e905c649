"""The package store: every write is one transaction that names the version it read.

A write based on a stale version is refused (`StaleWrite`) and changes nothing; every accepted
write bumps the package's version by one and leaves an audit row; roles are checked here, inside
the transaction, so the workbench and the CLI cannot skip them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa

from amendments import workflow
from amendments.packages import Amendment, Comment, Package, now_iso
from amendments.store import rows, schema
from amendments.store.engine import open_engine, reader, writer
from amendments.store.errors import AlreadyExists, NotFound, StaleWrite
from amendments.store.migrations import migrate
from amendments.workflow import Role, RoleRefused, Status

# A change computes what it did: (action, what, before, after) for the audit row.
Change = tuple[str, str, Any, Any]

# The audit trail of roles is kept beside the packages' under a name no package id can take.
USERS_TRAIL = "*users*"

# Built once: the statements every write runs.
_ROLE = sa.select(schema.users.c.role).where(schema.users.c.name == sa.bindparam("name"))
_CLAIM = (
    schema.packages.update()
    .where(schema.packages.c.id == sa.bindparam("package_id"))
    .where(schema.packages.c.version == sa.bindparam("expected"))
    .values(version=sa.bindparam("new_version"), updated=sa.bindparam("stamp"))
)
_INSERT_AMENDMENT = schema.amendments.insert()
_INSERT_COMMENT = schema.comments.insert()


class PackageStore:
    """Packages in a database named by a SQLAlchemy URL (a SQLite file by default).

    >>> store = PackageStore("sqlite:///var/qanun.sqlite")          # doctest: +SKIP
    >>> store.add_user("aysel", "drafter")                          # doctest: +SKIP
    >>> store.create(Package(id="mq-legal-status", title="..."), actor="aysel")  # doctest: +SKIP
    1
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = open_engine(url)
        migrate(self.engine)
        self._writer = writer(self.engine)
        self._reader = reader(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # ---- users and roles

    def add_user(self, name: str, role: str, *, by: str | None = None) -> None:
        """Give `name` a role. The first user of an empty store needs no one's leave; after
        that only an approver adds or changes users."""
        workflow.check_role(role)
        with self._writer.begin() as conn:
            anyone = conn.execute(sa.select(schema.users.c.name).limit(1)).first()
            granter = by or name
            granter_role: str = role
            if anyone is not None:
                granter_role = self._role(conn, by or "") if by else "nobody"
                if granter_role != "approver":
                    raise RoleRefused(f"only an approver adds users; {by or 'nobody'} is not")
            before = conn.execute(_ROLE, {"name": name}).scalar()
            conn.execute(schema.users.delete().where(schema.users.c.name == name))
            stamp = now_iso()
            conn.execute(schema.users.insert().values(name=name, role=role, added=stamp))
            rows.insert_audit(conn, [rows.AuditEntry(
                USERS_TRAIL, 0, granter, granter_role, stamp, "role", f"{name}: {role}",
                before, role,
            )])

    def user_audit(self) -> list[rows.AuditEntry]:
        """Every grant or change of a role: who gave whom which role, when, and the role before."""
        return self.audit(USERS_TRAIL)

    def users(self) -> dict[str, Role]:
        with self._reader.connect() as conn:
            return {r.name: r.role for r in conn.execute(sa.select(schema.users))}

    def role_of(self, name: str) -> Role:
        with self._reader.connect() as conn:
            return self._role(conn, name)

    @staticmethod
    def _role(conn: sa.Connection, name: str) -> Role:
        role = conn.execute(_ROLE, {"name": name}).scalar()
        if role is None:
            raise RoleRefused(f"unknown user {name!r}: an approver must add them with a role first")
        return role

    # ---- reads

    def list(self) -> list[rows.PackageSummary]:
        with self._reader.connect() as conn, conn.begin():
            return rows.read_summaries(conn)

    def get(self, package_id: str) -> Package:
        with self._reader.connect() as conn, conn.begin():
            package = rows.read_package(conn, package_id)
        if package is None:
            raise NotFound(f"no package {package_id!r} in the store")
        return package

    def exists(self, package_id: str) -> bool:
        with self._reader.connect() as conn:
            found = conn.execute(
                sa.select(schema.packages.c.id).where(schema.packages.c.id == package_id)
            ).first()
        return found is not None

    def audit(self, package_id: str) -> list[rows.AuditEntry]:
        with self._reader.connect() as conn, conn.begin():
            return rows.read_audit(conn, package_id)

    # ---- writes

    def create(self, package: Package, *, actor: str) -> int:
        """Store a new package at version 1 with its amendments and comments."""
        with self._writer.begin() as conn:
            role = self._role(conn, actor)
            workflow.check_creatable(package.status, role, actor)
            if rows.read_head(conn, package.id) is not None:
                raise AlreadyExists(f"a package {package.id!r} is already in the store")
            stamp = now_iso()
            values = rows.package_values(package) | {"version": 1, "updated": stamp}
            conn.execute(schema.packages.insert().values(**values))
            rows.insert_contents(conn, package)
            after = package.to_dict() | {"version": 1, "updated": stamp}
            rows.insert_audit(conn, [rows.AuditEntry(
                package.id, 1, actor, role, stamp, "create",
                f"created with {len(package.amendments)} amendments", None, after,
            )])
        return 1

    def update(
        self, package_id: str, *, actor: str, expected_version: int, **fields: Any
    ) -> int:
        """Change the title, purpose (az/en), authors or illustrative mark of a package."""
        allowed = {"title", "title_en", "purpose", "purpose_en", "authors", "illustrative"}
        unknown = set(fields) - allowed
        if unknown:
            raise workflow.WorkflowError(
                f"cannot update {sorted(unknown)}: allowed {sorted(allowed)}"
            )

        def change(conn: sa.Connection, head: rows.PackageHead, role: Role) -> Change:
            workflow.check_write(role, actor, "edit a package")
            workflow.check_editable(head.status, "edit the package")
            before = {k: head.fields[k] for k in fields}
            Package(id=head.id, title=fields.get("title", head.fields["title"]))  # validates
            conn.execute(
                schema.packages.update().where(schema.packages.c.id == package_id).values(**fields)
            )
            return "update", f"changed {', '.join(sorted(fields))}", before, fields

        return self._write(package_id, actor, expected_version, change)

    def add_amendment(
        self, package_id: str, amendment: Amendment, *, actor: str, expected_version: int
    ) -> int:
        def change(conn: sa.Connection, head: rows.PackageHead, role: Role) -> Change:
            workflow.check_write(role, actor, "add an amendment")
            workflow.check_editable(head.status, "add an amendment")
            position = 0 if head.last_position is None else head.last_position + 1
            try:
                conn.execute(_INSERT_AMENDMENT,
                             rows.amendment_values(package_id, position, amendment))
            except sa.exc.IntegrityError:  # the (package, amendment id) key: the whole write ends
                raise AlreadyExists(
                    f"package {package_id} already has amendment {amendment.id}"
                ) from None
            return "add", f"added amendment {amendment.id}", None, amendment.to_dict()

        return self._write(package_id, actor, expected_version, change)

    def replace_amendment(
        self, package_id: str, amendment: Amendment, *, actor: str, expected_version: int
    ) -> int:
        def change(conn: sa.Connection, head: rows.PackageHead, role: Role) -> Change:
            workflow.check_write(role, actor, "edit an amendment")
            workflow.check_editable(head.status, "edit an amendment")
            old = _amendment(conn, head, amendment.id)
            position = rows.amendment_ids(conn, package_id).index(amendment.id)
            conn.execute(_delete_amendment(package_id, amendment.id))
            conn.execute(schema.amendments.insert().values(
                **rows.amendment_values(package_id, position, amendment)
            ))
            return "edit", f"edited amendment {amendment.id}", old.to_dict(), amendment.to_dict()

        return self._write(package_id, actor, expected_version, change)

    def remove_amendment(
        self, package_id: str, amendment_id: str, *, actor: str, expected_version: int
    ) -> int:
        def change(conn: sa.Connection, head: rows.PackageHead, role: Role) -> Change:
            workflow.check_write(role, actor, "remove an amendment")
            workflow.check_editable(head.status, "remove an amendment")
            old = _amendment(conn, head, amendment_id)
            conn.execute(_delete_amendment(package_id, amendment_id))
            return "remove", f"removed amendment {amendment_id}", old.to_dict(), None

        return self._write(package_id, actor, expected_version, change)

    def add_comment(
        self, package_id: str, text: str, *, actor: str, expected_version: int,
        amendment: str | None = None,
    ) -> int:
        def change(conn: sa.Connection, head: rows.PackageHead, role: Role) -> Change:
            workflow.check_write(role, actor, "comment")
            if amendment is not None:
                _amendment(conn, head, amendment)
            if not text.strip():
                raise workflow.WorkflowError("a comment needs some text")
            comment = Comment(author=actor, text=text, amendment=amendment)
            conn.execute(_INSERT_COMMENT, rows.comment_values(package_id, comment))
            where = f" on amendment {amendment}" if amendment else ""
            return "comment", f"comment{where}", None, comment.to_dict()

        return self._write(package_id, actor, expected_version, change)

    def set_status(
        self, package_id: str, status: Status, *, actor: str, expected_version: int
    ) -> int:
        def change(conn: sa.Connection, head: rows.PackageHead, role: Role) -> Change:
            workflow.check_transition(head.status, status, role, actor)
            conn.execute(
                schema.packages.update().where(schema.packages.c.id == package_id)
                .values(status=status)
            )
            return "status", f"{head.status} → {status}", head.status, status

        return self._write(package_id, actor, expected_version, change)

    def _write(
        self, package_id: str, actor: str, expected_version: int,
        change: Callable[[sa.Connection, rows.PackageHead, Role], Change],
    ) -> int:
        """Run one change in one transaction: check the version, claim the next one, change,
        audit. Any refusal rolls the whole transaction back."""
        with self._writer.begin() as conn:
            role = self._role(conn, actor)
            head = rows.read_head(conn, package_id)
            if head is None:
                raise NotFound(f"no package {package_id!r} in the store")
            _check_version(head, expected_version)
            stamp = now_iso()
            claimed = conn.execute(_CLAIM, {
                "package_id": package_id, "expected": expected_version,
                "new_version": expected_version + 1, "stamp": stamp,
            })
            if claimed.rowcount != 1:
                _check_version(rows.read_head(conn, package_id) or head, expected_version)
            action, what, before, after = change(conn, head, role)
            rows.insert_audit(conn, [rows.AuditEntry(
                package_id, expected_version + 1, actor, role, stamp, action, what, before, after
            )])
        return expected_version + 1


def _check_version(head: rows.PackageHead, expected: int) -> None:
    if head.version != expected:
        raise StaleWrite(
            f"package {head.id} is at version {head.version}, but this change was made "
            f"on version {expected}: someone saved it in between; reload and apply the change "
            "again (nothing was written)"
        )


def _amendment(conn: sa.Connection, head: rows.PackageHead, amendment_id: str) -> Amendment:
    found = rows.read_amendment(conn, head.id, amendment_id)
    if found is None:
        ids = ", ".join(rows.amendment_ids(conn, head.id)) or "none"
        raise NotFound(f"package {head.id} has no amendment {amendment_id!r} (it has: {ids})")
    return found


def _delete_amendment(package_id: str, amendment_id: str) -> Any:
    t = schema.amendments
    return t.delete().where(t.c.package_id == package_id).where(t.c.id == amendment_id)
