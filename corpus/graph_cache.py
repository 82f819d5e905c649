"""The law graph kept on disk beside the built corpus, so each `qanun graph …` command does not
find and resolve every reference again.

The key is the corpus cache's own key (hashes of the manifest, every text and the corpus wing's
source, this module included), so a changed text or a changed extractor rebuilds the graph.
"""

from __future__ import annotations

import pickle

from corpus import cache
from corpus.graph import LawGraph, build_graph
from qanun.settings import cache_dir


def load_graph(corpus: object) -> LawGraph:
    """The graph of a loaded corpus, from the cache when it is current, else built and kept."""
    key = cache.key(corpus.folder, corpus.entries)  # type: ignore[attr-defined]
    path = cache_dir() / f"graph-{key}.pickle"
    if path.is_file():
        try:
            with path.open("rb") as handle:
                graph = pickle.load(handle)
            if isinstance(graph, LawGraph):
                return graph
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
            pass  # a broken cache is rebuilt, never trusted
        path.unlink(missing_ok=True)
    graph = build_graph(corpus)
    for old in path.parent.glob("graph-*.pickle"):
        old.unlink(missing_ok=True)
    partial = path.with_suffix(".partial")
    with partial.open("wb") as handle:
        pickle.dump(graph, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    return graph
