"""A package as one JSON file: everything the store holds of it, its audit trail included.

Export then import into another store gives the same package, field for field (same version,
same dates, same comments); the import itself is recorded as one more audit row.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from amendments import workflow
from amendments.packages import Package, PackageError, now_iso
from amendments.store import rows, schema
from amendments.store.errors import AlreadyExists, ImportRefused
from amendments.store.migrations import LATEST
from amendments.store.store import PackageStore

FORMAT = "qanun-package"
FORMAT_VERSION = 1


def export_package(store: PackageStore, package_id: str) -> dict[str, Any]:
    package = store.get(package_id)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": LATEST,
        "exported": now_iso(),
        "package": package.to_dict(),
        "audit": [entry.to_dict() for entry in store.audit(package_id)],
    }


def write_export(store: PackageStore, package_id: str, path: Path) -> None:
    data = export_package(store, package_id)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read_export(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportRefused(f"{path}: not a readable JSON file ({error})") from None


def import_package(store: PackageStore, data: dict[str, Any], *, actor: str) -> Package:
    """Store an exported package as it was, with its audit trail, plus an `import` audit row."""
    package, trail = _parse(data)
    with store._writer.begin() as conn:
        role = store._role(conn, actor)
        workflow.check_creatable(package.status, role, actor)
        if rows.read_head(conn, package.id) is not None:
            raise AlreadyExists(
                f"a package {package.id!r} is already in the store; importing it again would "
                "overwrite its history"
            )
        conn.execute(schema.packages.insert().values(**rows.package_values(package)))
        rows.insert_contents(conn, package)
        stamp = now_iso()
        note = rows.AuditEntry(
            package.id, package.version, actor, role, stamp, "import",
            f"imported at version {package.version} with {len(trail)} audit rows", None, None,
        )
        rows.insert_audit(conn, [*trail, note])
    return package


def _parse(data: Any) -> tuple[Package, list[rows.AuditEntry]]:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ImportRefused(f"not a Qanun package export: expected \"format\": \"{FORMAT}\"")
    if data.get("format_version") != FORMAT_VERSION:
        raise ImportRefused(
            f"package export format {data.get('format_version')!r}; this Qanun reads "
            f"{FORMAT_VERSION}"
        )
    try:
        package = Package.from_dict(data["package"])
        trail = [rows.AuditEntry.from_dict(e) for e in data.get("audit", [])]
    except (KeyError, TypeError, ValueError, AttributeError, PackageError) as error:
        raise ImportRefused(f"package export is malformed: {error}") from None
    if not all(isinstance(e.version, int) and isinstance(e.package, str) for e in trail):
        raise ImportRefused("package export is malformed: an audit row without its version")
    foreign = {e.package for e in trail} - {package.id}
    if foreign:
        raise ImportRefused(f"audit rows of other packages in the file: {sorted(foreign)}")
    return package, trail
