"""Opening the store's database: any SQLAlchemy URL; SQLite gets what a shared file needs.

SQLite writers take the write lock when their transaction begins (`BEGIN IMMEDIATE`), so two
processes that read the same version cannot both go on to write it: the second one waits, then
finds the version changed and is refused. PostgreSQL reads a whole package in one snapshot.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

_WRITE = "qanun_write"


def open_engine(url: str) -> sa.Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30})
        _sqlite_transactions(engine)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def writer(engine: sa.Engine) -> sa.Engine:
    """The engine to write with: its transactions lock for writing from their first statement."""
    return engine.execution_options(**{_WRITE: True})


def reader(engine: sa.Engine) -> sa.Engine:
    """The engine to read a package with: one consistent snapshot for all its rows."""
    if engine.dialect.name == "postgresql":
        return engine.execution_options(isolation_level="REPEATABLE READ")
    return engine


def _sqlite_transactions(engine: sa.Engine) -> None:
    # pysqlite's own transaction handling begins lazily and deferred; Qanun begins explicitly.
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL keeps readers off the writers' way; NORMAL sync survives a killed process intact.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        immediate = conn.get_execution_options().get(_WRITE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
