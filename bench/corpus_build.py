"""Benchmark: a cold build (parse everything) and a warm load (from the cache) of the corpus.

Prints one JSON line: seconds (wall and CPU, helpers included), MB/s, provisions/s and peak
RSS for each, on this machine.
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


def main() -> None:
    if len(sys.argv) > 1:
        print(json.dumps(_measure(use_cache=sys.argv[1] == "warm")))
        return
    env = dict(os.environ, QANUN_CACHE=tempfile.mkdtemp(prefix="qanun-bench-"))
    runs = {}
    for mode in ("cold", "warm"):
        if mode == "cold":
            # a cold build that also writes the cache the warm run reads
            code = "import corpus; corpus.load()"
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], env=env, check=True)
            runs["cold_with_cache_write_seconds"] = round(time.perf_counter() - start, 3)
        out = subprocess.run([sys.executable, __file__, mode], env=env, check=True,
                             capture_output=True, text=True).stdout
        runs[mode] = json.loads(out)
    print(json.dumps({"bench": "corpus_build", "cores": os.cpu_count(), **runs}))


if __name__ == "__main__":
    main()
