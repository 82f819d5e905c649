"""The on-disk cache of built corpora, keyed by content hashes (never by file times)."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from corpus.manifest import Entry
from corpus.model import Act
from corpus.processes import gc_paused
from qanun.settings import cache_dir

_WING = Path(__file__).resolve().parent
# The modules whose code decides what a parse produces; editing any other module of the wing
# (references, graph) must not invalidate the parsed corpus.
_PARSER_MODULES = (
    "ids", "model", "manifest", "readers", "read_html", "read_docx", "read_docx_numbering",
    "normalize", "lines", "points", "regions", "structure", "parse", "respace", "respace_gaps",
    "respace_lexicon", "respace_segment", "build", "processes",
)


def key(root: Path, entries: list[Entry]) -> str:
    """Hash of the manifest, every text it lists and the parser's source code."""
    digest = hashlib.sha256()
    digest.update((root / "manifest.toml").read_bytes())
    for entry in entries:
        digest.update(entry.path.encode())
        digest.update(hashlib.sha256((root / entry.path).read_bytes()).digest())
    for module in _PARSER_MODULES:
        digest.update((_WING / f"{module}.py").read_bytes())
    return digest.hexdigest()[:32]


def _path(cache_key: str) -> Path:
    return cache_dir() / f"corpus-{cache_key}.pickle"


def read(cache_key: str) -> list[Act] | None:
    path = _path(cache_key)
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle, gc_paused():
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        path.unlink(missing_ok=True)  # a broken or outdated cache is rebuilt, never trusted
        return None


def write(cache_key: str, acts: list[Act]) -> None:
    path = _path(cache_key)
    for old in path.parent.glob("corpus-*.pickle"):
        old.unlink(missing_ok=True)
    # several processes (test workers, the workbench) may build at once: each writes its own file
    partial = path.with_suffix(f".{os.getpid()}.partial")
    with partial.open("wb") as handle:
        pickle.dump(acts, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)  # atomic: a reader never sees half a cache
