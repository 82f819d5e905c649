"""The law graph kept on disk beside the built corpus, so each `qanun graph …` command does not
find and resolve every reference again.

The key joins the corpus cache's key (hashes of the manifest, every text and the parser's source)
with the source of the reference and graph modules, so a changed text or a changed extractor
rebuilds the graph.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from corpus import cache
from corpus.graph import LawGraph, build_graph
from qanun.settings import cache_dir

_WING = Path(__file__).resolve().parent
# The modules whose code decides what the graph holds (the parser's are in the corpus key).
_GRAPH_MODULES = ("graph", "graph_cache", "graph_findings", "references", "references_nlp",
                  "references_extract", "references_lookup", "references_acts", "resolve",
                  "terms")


def _graph_key(corpus_key: str) -> str:
    digest = hashlib.sha256(corpus_key.encode())
    for module in _GRAPH_MODULES:
        digest.update((_WING / f"{module}.py").read_bytes())
    return digest.hexdigest()[:32]


def load_graph(corpus: object) -> LawGraph:
    """The graph of a loaded corpus, from the cache when it is current, else built and kept."""
    key = _graph_key(cache.key(corpus.folder, corpus.entries))  # type: ignore[attr-defined]
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
    partial = path.with_suffix(f".{os.getpid()}.partial")  # builders may run side by side
    with partial.open("wb") as handle:
        pickle.dump(graph, handle, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    return graph
