"""A writer process killed in the middle of a write leaves the store intact and consistent:
on SQLite the file passes its integrity check, on PostgreSQL the server rolls the write back."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from store_backends import make_url, open_with_users, pg_server, sample_package

from amendments.store import PackageStore

__all__ = ["make_url", "pg_server"]

TESTS = Path(__file__).parent

# The child holds a real write open at its commit (the engine's commit event fires before the
# database commits) and says so; the parent kills it there with SIGKILL.
HANG_AT_COMMIT = """
import sys, time
from sqlalchemy import event
from amendments.operations import RestateProvision, Target
from amendments.packages import Amendment
from amendments.store import PackageStore
store = PackageStore(sys.argv[1])

@event.listens_for(store.engine, "commit")
def hang(conn):
    print("committing", flush=True)
    time.sleep(120)

long_text = "Məhkəmə mühafizə orderini verir. " * 2000
amendment = Amendment(id="9", act="civil-procedure-code", operations=[
    RestateProvision(Target("civil-procedure-code", "355-1.1"), text=long_text)])
store.add_amendment("dv-2024", amendment, actor="rauf", expected_version=1)
print("committed", flush=True)
"""

# The child writes as fast as it can, saying each version it reached; it is killed mid-stream.
STREAM_OF_WRITES = """
import sys
from amendments.store import PackageStore
store = PackageStore(sys.argv[1])
version = 1
while True:
    version = store.add_comment("dv-2024", "qeyd " * 200, actor="rauf", expected_version=version)
    print(version, flush=True)
"""


def _child(script: str, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, cwd=TESTS.parent,
    )


def _check_intact(url: str) -> None:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def _check_consistent(store: PackageStore) -> int:
    """Every accepted write left exactly one audit row and one version: 1, 2, … version."""
    package = store.get("dv-2024")
    trail = store.audit("dv-2024")
    assert [e.version for e in trail] == list(range(1, package.version + 1))
    assert len(package.comments) == sum(1 for e in trail if e.action == "comment")
    return package.version


def test_killed_at_commit_the_write_is_not_there_and_the_store_works(
    make_url: Callable[[], str],
) -> None:
    url = make_url()
    store = open_with_users(url)
    store.create(sample_package(), actor="rauf")
    child = _child(HANG_AT_COMMIT, url)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "committing", child.stderr.read() if child.stderr else line
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    _check_intact(url)
    after = PackageStore(url)
    package = after.get("dv-2024")
    assert package.version == 1
    assert [a.id for a in package.amendments] == ["1", "2", "3"]
    assert _check_consistent(after) == 1
    assert after.add_comment("dv-2024", "Davam edirik.", actor="rauf", expected_version=1) == 2
    store.close()
    after.close()


def test_killed_in_a_stream_of_writes_every_accepted_write_is_whole(
    make_url: Callable[[], str],
) -> None:
    url = make_url()
    store = open_with_users(url)
    store.create(sample_package(), actor="rauf")
    child = _child(STREAM_OF_WRITES, url)
    assert child.stdout is not None
    reported = [child.stdout.readline().strip() for _ in range(25)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert reported[-1] == "26", child.stderr.read() if child.stderr else reported
    _check_intact(url)
    after = PackageStore(url)
    version = _check_consistent(after)
    # It may have committed a write or two after its last report, never fewer than it reported.
    assert version >= 26
    assert after.add_comment("dv-2024", "Sonra.", actor="rauf", expected_version=version) == (
        version + 1
    )
    store.close()
    after.close()


def test_the_sqlite_store_is_one_file_that_a_plain_sqlite_reads(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'qanun.sqlite'}"
    store = open_with_users(url)
    store.create(sample_package(), actor="rauf")
    store.close()
    with sqlite3.connect(tmp_path / "qanun.sqlite") as raw:
        assert raw.execute("SELECT title, version FROM packages").fetchall() == [
            ("Məişət zorakılığı qanununa dəyişikliklər", 1)
        ]

