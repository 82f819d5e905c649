"""Where Qanun finds its corpus, its data folder and its store, from the environment.

`QANUN_CORPUS` names a folder of texts with a `manifest.toml`; without it Qanun uses
`../shared/corpus` beside the project when that exists. `QANUN_DATA` is the folder for the
SQLite store, uploads and caches (default `var/` in the project); `QANUN_CACHE` moves the caches;
`QANUN_DB_URL` is any SQLAlchemy URL (default: `QANUN_DATA/qanun.sqlite`).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = PROJECT_ROOT / "templates"
SHARED_DIR = PROJECT_ROOT.parent / "shared"


class SettingsError(RuntimeError):
    """A setting names something that is not there."""


def corpus_dir(override: str | Path | None = None) -> Path:
    """The corpus folder: the override, else `QANUN_CORPUS`, else `../shared/corpus`."""
    chosen = override or os.environ.get("QANUN_CORPUS")
    path = Path(chosen) if chosen else SHARED_DIR / "corpus"
    if not (path / "manifest.toml").is_file():
        how = "--corpus / QANUN_CORPUS" if chosen else "the default ../shared/corpus"
        raise SettingsError(f"no corpus at {path} (from {how}): expected a manifest.toml there")
    return path


def data_dir() -> Path:
    path = Path(os.environ.get("QANUN_DATA", PROJECT_ROOT / "var"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Caches of built corpora; `QANUN_CACHE` moves them (the tests share one across runs)."""
    override = os.environ.get("QANUN_CACHE")
    path = Path(override) if override else data_dir() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url() -> str:
    return os.environ.get("QANUN_DB_URL") or f"sqlite:///{data_dir() / 'qanun.sqlite'}"


def schemas_dir() -> Path:
    return Path(os.environ.get("QANUN_SCHEMAS", SHARED_DIR / "schemas"))


def shared_data_dir() -> Path:
    return SHARED_DIR / "data"
