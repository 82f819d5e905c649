"""Versioned schema migrations: a numbered list of steps, each applied once in its own transaction.

The `schema_version` table records every step applied; opening a store applies the missing ones
in order, so a store written by an older Qanun is brought up to date without losing a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from amendments.packages import now_iso
from amendments.store.engine import writer


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    apply: Callable[[sa.Connection], None]


def _create_base_tables(conn: sa.Connection) -> None:
    # The shapes of version 1 are frozen here: later steps change them, never this function.
    md = sa.MetaData()
    sa.Table(
        "packages", md,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("title_en", sa.Text, nullable=False),
        sa.Column("purpose", sa.Text, nullable=False),
        sa.Column("purpose_en", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("authors", sa.JSON, nullable=False),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("updated", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    sa.Table(
        "amendments", md,
        sa.Column("package_id", sa.String(64), primary_key=True),
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("act", sa.String(64), nullable=False),
        sa.Column("operations", sa.JSON, nullable=False),
        sa.Column("justification", sa.Text, nullable=False),
        sa.Column("justification_en", sa.Text, nullable=False),
        sa.Column("commencement", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("current_text", sa.Text, nullable=False),
        sa.Column("proposed_text", sa.Text, nullable=False),
    )
    sa.Table(
        "comments", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("package_id", sa.String(64), nullable=False, index=True),
        sa.Column("amendment", sa.String(32), nullable=True),
        sa.Column("author", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
    )
    sa.Table(
        "audit", md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("package_id", sa.String(64), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("before", sa.JSON, nullable=True),
        sa.Column("after", sa.JSON, nullable=True),
    )
    md.create_all(conn)


def _add_users_and_illustrative(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "users", md,
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("added", sa.String(40), nullable=False),
    )
    md.create_all(conn)
    conn.execute(
        sa.text("ALTER TABLE packages ADD COLUMN illustrative BOOLEAN NOT NULL DEFAULT FALSE")
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "packages, amendments, comments, audit", _create_base_tables),
    Migration(2, "users with roles; packages marked illustrative", _add_users_and_illustrative),
)
LATEST = MIGRATIONS[-1].version


def _version_table(md: sa.MetaData) -> sa.Table:
    return sa.Table(
        "schema_version", md,
        sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("applied", sa.String(40), nullable=False),
    )


# Any fixed number: PostgreSQL serialises the transactions that take this advisory lock.
_MIGRATION_LOCK = 7_402_024


def _exclusive(conn: sa.Connection) -> None:
    """Hold off any other process migrating the same database until this step commits (on
    SQLite the writer's `BEGIN IMMEDIATE` already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def current_version(engine: sa.Engine) -> int:
    """The highest migration applied to the database (0 for an empty one)."""
    if not sa.inspect(engine).has_table("schema_version"):
        return 0
    table = _version_table(sa.MetaData())
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.max(table.c.version))).scalar() or 0


def migrate(engine: sa.Engine, to: int = LATEST) -> list[int]:
    """Apply the missing steps up to `to`; return the versions applied now.

    Each step runs with its bookkeeping row in one transaction, so a step is either wholly there
    or not at all, and two processes opening one new store apply each step only once.
    """
    table = _version_table(sa.MetaData())
    applied = []
    for step in MIGRATIONS:
        if step.version > to:
            break
        with writer(engine).begin() as conn:
            _exclusive(conn)
            table.create(conn, checkfirst=True)
            done = conn.execute(
                sa.select(table.c.version).where(table.c.version == step.version)
            ).first()
            if done:
                continue
            step.apply(conn)
            conn.execute(
                table.insert().values(
                    version=step.version, description=step.description, applied=now_iso()
                )
            )
        applied.append(step.version)
    return applied
