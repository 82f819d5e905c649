"""Session fixtures shared by every test: the real corpus from ../shared, parsed once.

Each test session gets its own data folder (store, uploads) so nothing touches `var/`; the
cache of built corpora is shared across runs under `var/cache` (keyed by content hashes).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from qanun.settings import PROJECT_ROOT

os.environ.setdefault("QANUN_DATA", tempfile.mkdtemp(prefix="qanun-test-"))
os.environ.setdefault("QANUN_CACHE", str(PROJECT_ROOT / "var" / "cache"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    from qanun.settings import corpus_dir as configured

    return configured()


@pytest.fixture(scope="session")
def corpus(corpus_dir: Path):  # type: ignore[no-untyped-def]
    """The shared corpus, loaded (from the cache after the first build)."""
    import corpus as corpus_wing

    return corpus_wing.load(corpus_dir)
