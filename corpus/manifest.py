"""The input contract: `manifest.toml`, one `[[act]]` table per file of a corpus folder.

Several entries may share an `id` (two publications of one text, a language version, a later
expression of some provisions): they are expressions of one work.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REQUIRED = ("id", "path", "language")
KNOWN = {
    "id", "path", "language", "kind", "title", "title_en", "number", "date", "expression",
    "complete", "source", "note", "amends",
}


class ManifestError(ValueError):
    """A manifest that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    """One `[[act]]` table: a file and what it holds."""

    id: str
    path: str
    language: str
    kind: str = "law"
    title: str = ""
    title_en: str = ""
    number: str = ""
    date: str = ""
    expression: str = ""
    complete: bool = True
    source: str = ""
    note: str = ""
    amends: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def read_manifest(folder: Path) -> list[Entry]:
    """The entries of `folder/manifest.toml`, in file order.

    Unknown keys are kept in `extra` (a user's own fields are not an error); a missing required
    key or a path that is not a file is.
    """
    path = folder / "manifest.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ManifestError(f"{path}: cannot be read: {error}") from error
    entries = []
    for position, table in enumerate(data.get("act", []), 1):
        missing = [key for key in REQUIRED if not table.get(key)]
        if missing:
            raise ManifestError(f"{path}: act #{position} lacks {', '.join(missing)}")
        if not (folder / table["path"]).is_file():
            raise ManifestError(f"{path}: act #{position} ({table['id']}): no file at "
                                f"{folder / table['path']}")
        known = {k: (str(v) if k not in ("complete",) else bool(v))
                 for k, v in table.items() if k in KNOWN}
        extra = {k: v for k, v in table.items() if k not in KNOWN}
        entries.append(Entry(**known, extra=extra))
    if not entries:
        raise ManifestError(f"{path}: no [[act]] entries")
    return entries
