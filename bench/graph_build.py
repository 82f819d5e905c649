"""Benchmark of the law graph: build it from the corpus, then ask 1,000 impact queries.

Prints one JSON line. `full_build_seconds` is a cold process (imports included) loading the
parsed corpus from its cache, finding and resolving every reference and building the graph;
`full_build_uncached_seconds` adds a parse of every text without the cache instead (the
parser's own cost). `full_build_cpu_seconds` is the CPU time of this process and its workers
for the same cold build, and `references_graph_cpu_seconds` that of the graph's part alone
(references are found on two cores, so it may exceed the wall time): a busy machine does not
inflate them the way it inflates wall time. Impact queries are depth 3 from 1,000 provisions
drawn with a fixed seed.
Targets (2 cores): full build <= 5 s, median query <= 20 ms, peak RSS <= 1.5 GB.
"""

from __future__ import annotations

import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

START = time.perf_counter()

import corpus  # noqa: E402
from corpus.graph import build_graph  # noqa: E402
from corpus.graph_queries import impact  # noqa: E402


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def _cpu_seconds() -> float:
    """This process's CPU time and that of its ended children (the graph's forked worker)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def main() -> None:
    loaded = corpus.load()
    load_seconds = time.perf_counter() - START
    started, started_cpu = time.perf_counter(), _cpu_seconds()
    graph = build_graph(loaded)
    graph_seconds = time.perf_counter() - started
    graph_cpu = _cpu_seconds() - started_cpu
    full_build = time.perf_counter() - START
    full_build_cpu = _cpu_seconds()

    provisions = sorted(n for n, d in graph.graph.nodes(data=True)
                        if d.get("kind") in ("article", "paragraph", "point"))
    chosen = random.Random(2010).sample(provisions, 1000)
    timings, sizes = [], []
    for node in chosen:
        started = time.perf_counter()
        sizes.append(len(impact(graph, node, depth=3)))
        timings.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    corpus.load(use_cache=False)
    parse_seconds = time.perf_counter() - started

    codes = [a for a in loaded.acts() if a.kind == "code" and a.complete]
    print(json.dumps({
        "bench": "graph_build",
        "codes": len({a.work_id for a in codes}),
        "nodes": graph.graph.number_of_nodes(),
        "edges": graph.graph.number_of_edges(),
        "references": len(graph.references),
        "corpus_from_cache": loaded.from_cache,
        "load_seconds": round(load_seconds, 3),
        "references_graph_seconds": round(graph_seconds, 3),
        "references_graph_cpu_seconds": round(graph_cpu, 3),
        "full_build_seconds": round(full_build, 3),
        "full_build_cpu_seconds": round(full_build_cpu, 3),
        "parse_uncached_seconds": round(parse_seconds, 3),
        "full_build_uncached_seconds": round(parse_seconds + graph_seconds, 3),
        "impact_queries": len(timings),
        "impact_median_ms": round(statistics.median(timings), 3),
        "impact_p95_ms": round(statistics.quantiles(timings, n=20)[18], 3),
        "impact_mean_size": round(statistics.mean(sizes), 1),
        "peak_rss_mb": _peak_rss_mb(),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
