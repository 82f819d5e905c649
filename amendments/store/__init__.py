"""The package store: SQLAlchemy, a SQLite file by default, any URL (PostgreSQL) by setting."""

from amendments.store.errors import (
    AlreadyExists,
    ImportRefused,
    NotFound,
    RoleRefused,
    StaleWrite,
    StoreError,
    TransitionRefused,
    WorkflowError,
)
from amendments.store.exchange import export_package, import_package, read_export, write_export
from amendments.store.rows import AuditEntry, PackageSummary
from amendments.store.store import PackageStore


def open_store(url: str | None = None) -> PackageStore:
    """The store at `url`, else at the configured `QANUN_DB_URL` or the SQLite file under
    `QANUN_DATA`."""
    from qanun.settings import database_url

    return PackageStore(url or database_url())


__all__ = [
    "AlreadyExists",
    "AuditEntry",
    "ImportRefused",
    "NotFound",
    "PackageStore",
    "PackageSummary",
    "RoleRefused",
    "StaleWrite",
    "StoreError",
    "TransitionRefused",
    "WorkflowError",
    "export_package",
    "import_package",
    "open_store",
    "read_export",
    "write_export",
]
