"""The tables of the package store, as the latest migration leaves them (SQLAlchemy Core).

Queries use these definitions; `migrations.py` is what creates and changes the tables, step by
step, and a test checks that the two agree on every backend.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied", sa.String(40), nullable=False),
)

packages = sa.Table(
    "packages",
    metadata,
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
    sa.Column("illustrative", sa.Boolean, nullable=False),
)

amendments = sa.Table(
    "amendments",
    metadata,
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

comments = sa.Table(
    "comments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("package_id", sa.String(64), nullable=False, index=True),
    sa.Column("amendment", sa.String(32), nullable=True),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
)

# Audit rows have no foreign key: the trail of a package must outlive any change to it.
audit = sa.Table(
    "audit",
    metadata,
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

users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("added", sa.String(40), nullable=False),
)
