"""Benchmark: a cold build (parse everything) and a warm load (from the cache) of the corpus.

Prints one JSON line: seconds (wall and CPU, helpers included), MB/s, provisions/s and peak
RSS for each, on this machine; the cold figures are those of the median of five cold builds,
each in a fresh process, with every run's seconds beside them.
Targets on 2 cores: cold ≤ 3 s, warm ≤ 0.5 s, peak RSS ≤ 1 GB.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time

_COLD_RUNS = 5


def _measure(use_cache: bool) -> dict[str, float]:
    import corpus
    from qanun.settings import corpus_dir

    root = corpus_dir()
    start, cpu = time.perf_counter(), _cpu_seconds()
    loaded = corpus.load(root, use_cache=use_cache)
    seconds = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu
    megabytes = sum((root / e.path).stat().st_size for e in loaded.entries) / 1e6
    provisions = sum(len(a.provisions()) for a in loaded.acts())
    rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return {"seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3), "mb": round(megabytes, 2),
            "mb_per_s": round(megabytes / seconds, 2),
            "provisions": provisions, "provisions_per_s": round(provisions / seconds),
            "peak_rss_mb": round(rss, 1), "from_cache": loaded.from_cache}


def _cpu_seconds() -> float:
    """CPU time of this process and its finished helpers: on a shared machine the wall time
    swings with the neighbours' load, the CPU time much less."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + helpers.ru_utime + helpers.ru_stime


def _reference_loop_seconds() -> float:
    """A fixed pure-Python loop, timed: how fast this machine runs Python just now. A shared
    machine's speed swings by half from one minute to the next; figures taken at different
    times compare only alongside this."""
    start = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i * i
    return round(time.perf_counter() - start, 3)


def main() -> None:
    if len(sys.argv) > 1:
        print(json.dumps(_measure(use_cache=sys.argv[1] == "warm")))
        return
    env = dict(os.environ, QANUN_CACHE=tempfile.mkdtemp(prefix="qanun-bench-"))
    runs: dict[str, object] = {"reference_loop_seconds": _reference_loop_seconds()}
    # a cold build that also writes the cache the warm run reads
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import corpus; corpus.load()"], env=env, check=True)
    runs["cold_with_cache_write_seconds"] = round(time.perf_counter() - start, 3)
    for mode, repeats in (("cold", _COLD_RUNS), ("warm", 1)):
        measured = [json.loads(subprocess.run([sys.executable, __file__, mode], env=env,
                                              check=True, capture_output=True,
                                              text=True).stdout) for _ in range(repeats)]
        measured.sort(key=lambda run: run["seconds"])
        # the median run, with every run's time beside it
        runs[mode] = {**measured[len(measured) // 2],
                      "runs_seconds": [run["seconds"] for run in measured]}
    print(json.dumps({"bench": "corpus_build", "cores": os.cpu_count(), **runs}))


if __name__ == "__main__":
    main()
