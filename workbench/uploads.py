"""Texts users upload in the workbench: checked, stored under the data folder with a manifest.

The uploads folder (`QANUN_DATA/uploads`) is itself a corpus folder (texts plus `manifest.toml`
in the shared corpus's format), so `corpus.load` reads it like any other; nothing is ever written
into the shared corpus.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.manifest import Entry
from corpus.readers import SUPPORTED_SUFFIXES, ReaderError, read_bytes
from qanun.settings import data_dir

UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
_FILE = re.compile(r"[^A-Za-z0-9._-]+")
_LANGUAGES = ("az", "en")


class UploadRefused(ValueError):
    """An upload that is not stored; the message names the file and the reason."""


@dataclass(frozen=True)
class Upload:
    """A file as it arrived, and the manifest fields the user gave it."""

    filename: str
    data: bytes
    entry: Entry


def uploads_dir() -> Path:
    path = data_dir() / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


def check(upload: Upload) -> str:
    """The upload's text; refuse a wrong type, an oversize file, bad fields or unreadable bytes."""
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UploadRefused(
            f"{upload.filename}: {suffix or 'no extension'} is not a text Qanun reads "
            f"(use {', '.join(SUPPORTED_SUFFIXES)})"
        )
    if len(upload.data) > UPLOAD_LIMIT_BYTES:
        raise UploadRefused(
            f"{upload.filename}: {len(upload.data) / 1_048_576:.1f} MB is over the limit of "
            f"{UPLOAD_LIMIT_BYTES // 1_048_576} MB"
        )
    entry = upload.entry
    if not _ID.match(entry.id):
        raise UploadRefused(f"act id {entry.id!r}: use 2-63 lower-case letters, digits, hyphens")
    if entry.language not in _LANGUAGES:
        raise UploadRefused(f"language {entry.language!r}: Qanun reads az or en")
    if not entry.title.strip():
        raise UploadRefused(f"{upload.filename}: the title is empty")
    try:
        text = read_bytes(upload.data, upload.filename)
    except ReaderError as error:
        raise UploadRefused(str(error)) from None
    if not text.strip():
        raise UploadRefused(f"{upload.filename}: the file holds no text")
    return text


def store(upload: Upload) -> Entry:
    """Keep the file under `uploads/<language>/<id>/` and add its `[[act]]` to the manifest."""
    folder = uploads_dir()
    name = _FILE.sub("-", Path(upload.filename).name).strip("-.") or "upload"
    relative = Path(upload.entry.language) / upload.entry.id / name
    target = folder / relative
    if target.exists():
        raise UploadRefused(f"{relative} is already uploaded; rename the file to keep both")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(upload.data)
    entry = Entry(**{**upload.entry.__dict__, "path": relative.as_posix()})
    with (folder / "manifest.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(manifest_table(entry))
    return entry


def manifest_table(entry: Entry) -> str:
    """One `[[act]]` table; JSON string escapes are valid TOML basic strings."""
    lines = ["", "[[act]]"]
    for key in ("id", "path", "language", "kind", "title", "title_en", "number", "date",
                "expression", "source"):
        value = getattr(entry, key)
        if value:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    lines.append(f"complete = {'true' if entry.complete else 'false'}")
    return "\n".join(lines) + "\n"


def has_uploads() -> bool:
    return (uploads_dir() / "manifest.toml").is_file()
