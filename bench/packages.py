"""Bench: consolidating a 100-amendment package into the real Criminal Code and Civil Procedure
Code, and 1,000 versioned package writes on a SQLite file; prints one JSON line.

Targets: consolidation ≤ 100 ms (median of 7 runs, corpus already loaded); 1,000 writes ≤ 5 s.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

import corpus
from amendments.consolidate import consolidate
from amendments.operations import AddProvision, Operation, Repeal, SubstituteWords, Target
from amendments.packages import Amendment, Comment, Package
from amendments.store import PackageStore
from corpus.model import Act

_WORD = re.compile(r"\w{7,}")


def hundred_amendments(loaded: corpus.Corpus) -> Package:
    """90 word substitutions (a word found once in its provision), 5 new points, 5 repeals."""
    amendments: list[Amendment] = []
    for act_id in ("criminal-code", "civil-procedure-code"):
        act = loaded.act(act_id)
        amendments += _substitutions(act, 45, len(amendments))
    cc = loaded.act("criminal-code")
    points = [p for p in cc.provisions() if p.kind == "point" and not p.children][:10]
    for point in points[:5]:
        number = f"{point.num}-1"
        amendments.append(_amendment(len(amendments), AddProvision(
            Target("criminal-code", number), text="yeni bənd", after=point.num)))
    for point in points[5:]:
        amendments.append(_amendment(len(amendments), Repeal(Target("criminal-code", point.num))))
    return Package(id="bench-100", title="Bench", amendments=amendments)


def _substitutions(act: Act, count: int, start: int) -> list[Amendment]:
    found = []
    for provision in act.provisions():
        words = Counter(_WORD.findall(provision.text))
        unique = [w for w, n in words.items() if n == 1 and w.isalpha()]
        if unique:
            op = SubstituteWords(Target(act.work_id, provision.num), old=unique[0],
                                 new=unique[0].upper())
            found.append(_amendment(start + len(found), op))
        if len(found) == count:
            break
    return found


def _amendment(index: int, op: Operation) -> Amendment:
    return Amendment(id=str(index + 1), act=op.target.act, operations=[op])


def time_consolidation(loaded: corpus.Corpus, package: Package) -> tuple[float, int, int]:
    runs = []
    result = None
    for _ in range(7):
        started = time.perf_counter()
        result = consolidate(package, loaded)
        runs.append(time.perf_counter() - started)
    assert result is not None
    return statistics.median(runs) * 1000, len(result.applied), len(result.failed)


def time_writes(count: int = 1000) -> float:
    with tempfile.TemporaryDirectory() as folder:
        store = PackageStore(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        store.add_user("bench", "drafter")
        store.create(Package(id="bench-writes", title="Bench"), actor="bench")
        version = 1
        op = SubstituteWords(Target("criminal-code", "61.1.8"), old="şəxsə", new="şəxslərə")
        started = time.perf_counter()
        for index in range(count):
            if index % 2:
                version = store.add_comment("bench-writes", Comment("bench", "qeyd").text,
                                            actor="bench", expected_version=version)
            else:
                amendment = Amendment(id=str(index), act="criminal-code", operations=[op])
                version = store.add_amendment("bench-writes", amendment, actor="bench",
                                              expected_version=version)
        elapsed = time.perf_counter() - started
        store.close()
    return elapsed


def main() -> None:
    loaded = corpus.load()
    package = hundred_amendments(loaded)
    milliseconds, applied, failed = time_consolidation(loaded, package)
    seconds = time_writes()
    print(json.dumps({
        "bench": "packages",
        "consolidate_amendments": len(package.amendments),
        "consolidate_applied": applied,
        "consolidate_failed": failed,
        "consolidate_ms": round(milliseconds, 1),
        "consolidate_target_ms": 100,
        "writes": 1000,
        "writes_s": round(seconds, 3),
        "writes_target_s": 5,
        "ok": milliseconds <= 100 and seconds <= 5,
    }))


if __name__ == "__main__":
    main()
